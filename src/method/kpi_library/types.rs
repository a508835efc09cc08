//! The shapes of the KPI library: an entry (a ready-made calculated KPI), the input series it
//! needs, and the AMEC stage it measures.

use crate::i18n::{Text, tr};
use crate::model::{Aggregation, Direction, FactorKind, Frequency, Lang};

/// The stage of the AMEC integrated evaluation framework an indicator measures, from what
/// was put out to what it did for the organisation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum AmecStage {
    /// What was published and who could see it (exposure).
    Output,
    /// What the audience did with it: attention, interaction, clicks (engagement).
    OutTake,
    /// What changed for the audience: opinion, preference, behaviour (influence, advocacy).
    Outcome,
    /// What it did for the organisation: customers, revenue, costs.
    Impact,
}

impl AmecStage {
    /// The four stages, in the framework's order.
    pub const ALL: [AmecStage; 4] = [
        AmecStage::Output,
        AmecStage::OutTake,
        AmecStage::Outcome,
        AmecStage::Impact,
    ];

    /// A stable key for `data-stage` attributes and CSS, e.g. `out-take`.
    pub fn key(self) -> &'static str {
        match self {
            AmecStage::Output => "output",
            AmecStage::OutTake => "out-take",
            AmecStage::Outcome => "outcome",
            AmecStage::Impact => "impact",
        }
    }

    /// The stage's name. These are the framework's own terms, which Dutch communication
    /// practice uses untranslated (writing out-take as one word).
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AmecStage::Output, _) => "Output",
            (AmecStage::OutTake, Lang::En) => "Out-take",
            (AmecStage::OutTake, Lang::Nl) => "Outtake",
            (AmecStage::Outcome, _) => "Outcome",
            (AmecStage::Impact, _) => "Impact",
        }
    }

    /// What the stage is about, in a few words (for a tooltip beside the name).
    pub fn meaning(self, lang: Lang) -> &'static str {
        match self {
            AmecStage::Output => tr(
                lang,
                "what was published and who could see it",
                "wat er gepubliceerd is en wie het kon zien",
            ),
            AmecStage::OutTake => tr(
                lang,
                "what the audience did with it: attention, interaction, clicks",
                "wat het publiek ermee deed: aandacht, interactie, klikken",
            ),
            AmecStage::Outcome => tr(
                lang,
                "what changed for the audience: opinion, preference, behaviour",
                "wat er bij het publiek veranderde: mening, voorkeur, gedrag",
            ),
            AmecStage::Impact => tr(
                lang,
                "what it did for the organisation: customers, revenue, costs",
                "wat het de organisatie opleverde: klanten, omzet, kosten",
            ),
        }
    }
}

/// An input series a library entry needs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SeriesDef {
    /// The key the formula uses; entries that mean the same figure share a key, so picking
    /// a second entry reuses the series the first one created.
    pub key: &'static str,
    /// The series' readable name.
    pub name: Text,
    /// The unit of its values.
    pub unit: Text,
    /// How its points within one KPI period become the period's value.
    pub aggregation: Aggregation,
}

/// A ready-made calculated KPI: its texts, where it belongs in the method, and its formula
/// over input series.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LibraryEntry {
    /// A stable id, e.g. `engagement-rate-by-reach`.
    pub id: &'static str,
    /// The KPI's name.
    pub name: Text,
    /// What it measures and how to read it.
    pub description: Text,
    /// The factor (quadrant) it usually belongs to.
    pub factor: FactorKind,
    /// The AMEC stage it measures.
    pub stage: AmecStage,
    /// The unit of the KPI's value, e.g. `%`.
    pub unit: Text,
    /// Which way is good.
    pub direction: Direction,
    /// How often it is worked out.
    pub frequency: Frequency,
    /// The formula over the keys of `series` (see `docs/formulas.md`).
    pub formula: &'static str,
    /// The input series the formula uses, each once.
    pub series: &'static [SeriesDef],
}
