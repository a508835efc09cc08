//! Whether each step is done for a scorecard, and what it still lacks. What a KPI lacks is
//! the one rule of `method::kpi_rules`, shared with the coach.

use crate::method::kpi_rules::{self, KpiGap};
use crate::model::{FactorKind, Kpi, Lang, Scorecard, text};

use super::steps::{STEP_COUNT, STEPS, StepKind};

/// The parts of a KPI step 5 asks for: a target (for a band KPI: a band limit), a baseline
/// (not needed for a band KPI) and a data source.
const STEP_5_PARTS: [KpiGap; 3] = [KpiGap::Baseline, KpiGap::Target, KpiGap::DataSource];

/// The parts of a KPI step 7 asks for: an owner and a data source (a frequency it always
/// has).
const STEP_7_PARTS: [KpiGap; 2] = [KpiGap::Owner, KpiGap::DataSource];

/// True when the KPI has what step 5 asks: a target (for a band KPI: a band limit), a
/// baseline (not needed for a band KPI) and a data source.
pub fn kpi_is_measurable(kpi: &Kpi) -> bool {
    kpi_rules::has_all(kpi, &STEP_5_PARTS)
}

/// True when the KPI has what step 7 asks: an owner and a data source (a frequency it
/// always has).
pub fn kpi_is_monitored(kpi: &Kpi) -> bool {
    kpi_rules::has_all(kpi, &STEP_7_PARTS)
}

/// True when the Medium factor carries the name of the group's own medium (e.g.
/// "Community") rather than the placeholder "Medium".
fn medium_is_named(card: &Scorecard) -> bool {
    let label = card.factor(FactorKind::Medium).label.trim();
    let placeholder = Lang::ALL
        .iter()
        .any(|l| label == text::factor_label(FactorKind::Medium, *l));
    (!label.is_empty() && !placeholder) || !card.medium_kind.trim().is_empty()
}

/// What a step still lacks for this scorecard; empty when the step is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No mission written.
    NoMission,
    /// No objective yet.
    NoObjectives,
    /// Objectives without a title (how many).
    UntitledObjectives(usize),
    /// A factor without label or key question (its kind).
    FactorText(FactorKind),
    /// The medium is not named yet.
    MediumUnnamed,
    /// Factors without a sub-objective (their labels).
    EmptyFactors(Vec<String>),
    /// No sub-objective at all, so nothing to measure or act on.
    NoSubObjectives,
    /// Sub-objectives without a KPI (their titles).
    WithoutKpi(Vec<String>),
    /// KPIs lacking baseline, target or data source (their names).
    KpisIncomplete(Vec<String>),
    /// No action at all.
    NoActions,
    /// Actions without an owner (their titles).
    ActionsWithoutOwner(Vec<String>),
    /// No KPI at all.
    NoKpis,
    /// KPIs lacking an owner or data source (their names).
    KpisUnmonitored(Vec<String>),
}

impl Gap {
    /// The gap in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let list = |items: &[String]| {
            items
                .iter()
                .map(|s| format!("“{s}”"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Gap::NoMission if nl => "Nog geen missie.".into(),
            Gap::NoMission => "No mission yet.".into(),
            Gap::NoObjectives if nl => "Nog geen doelstellingen.".into(),
            Gap::NoObjectives => "No objectives yet.".into(),
            Gap::UntitledObjectives(n) if nl => format!("{n} doelstelling(en) zonder titel."),
            Gap::UntitledObjectives(n) => format!("{n} objective(s) without a title."),
            Gap::FactorText(kind) if nl => format!(
                "Factor {} mist een label of kernvraag.",
                text::factor_label(*kind, lang)
            ),
            Gap::FactorText(kind) => format!(
                "Factor {} lacks a label or key question.",
                text::factor_label(*kind, lang)
            ),
            Gap::MediumUnnamed if nl => "Geef het medium zijn naam, bijv. “Community”.".into(),
            Gap::MediumUnnamed => "Name the medium, e.g. “Community”.".into(),
            Gap::EmptyFactors(labels) if nl => {
                format!("Nog zonder subdoelstelling: {}.", list(labels))
            }
            Gap::EmptyFactors(labels) => {
                format!("Still without a sub-objective: {}.", list(labels))
            }
            Gap::NoSubObjectives if nl => "Nog geen subdoelstellingen (stap 4).".into(),
            Gap::NoSubObjectives => "No sub-objectives yet (step 4).".into(),
            Gap::WithoutKpi(titles) if nl => format!("Nog zonder KPI: {}.", list(titles)),
            Gap::WithoutKpi(titles) => format!("Still without a KPI: {}.", list(titles)),
            Gap::KpisIncomplete(names) if nl => format!(
                "Nulmeting, doel of databron ontbreekt bij: {}.",
                list(names)
            ),
            Gap::KpisIncomplete(names) => format!(
                "Baseline, target or data source missing for: {}.",
                list(names)
            ),
            Gap::NoActions if nl => "Nog geen acties.".into(),
            Gap::NoActions => "No actions yet.".into(),
            Gap::ActionsWithoutOwner(titles) if nl => {
                format!("Acties zonder eigenaar: {}.", list(titles))
            }
            Gap::ActionsWithoutOwner(titles) => {
                format!("Actions without an owner: {}.", list(titles))
            }
            Gap::NoKpis if nl => "Nog geen KPI's (stap 5).".into(),
            Gap::NoKpis => "No KPIs yet (step 5).".into(),
            Gap::KpisUnmonitored(names) if nl => {
                format!("Eigenaar of databron ontbreekt bij: {}.", list(names))
            }
            Gap::KpisUnmonitored(names) => {
                format!("Owner or data source missing for: {}.", list(names))
            }
        }
    }
}

fn named(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() { "…".into() } else { s.into() }
}

/// What `kind` still lacks in `card`; empty when the step is done.
pub fn gaps(kind: StepKind, card: &Scorecard) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let subs: Vec<_> = card.sub_objectives().map(|(_, s)| s).collect();
    match kind {
        StepKind::Mission => {
            if card.mission.trim().is_empty() {
                gaps.push(Gap::NoMission);
            }
        }
        StepKind::Objectives => {
            let untitled = card
                .objectives
                .iter()
                .filter(|o| o.title.trim().is_empty())
                .count();
            if card.objectives.is_empty() {
                gaps.push(Gap::NoObjectives);
            } else if untitled > 0 {
                gaps.push(Gap::UntitledObjectives(untitled));
            }
        }
        StepKind::Factors => {
            for kind in FactorKind::ALL {
                let f = card.factor(kind);
                if f.label.trim().is_empty() || f.key_question.trim().is_empty() {
                    gaps.push(Gap::FactorText(kind));
                }
            }
            if !medium_is_named(card) {
                gaps.push(Gap::MediumUnnamed);
            }
        }
        StepKind::SubObjectives => {
            let empty: Vec<String> = FactorKind::ALL
                .into_iter()
                .filter(|k| card.factor(*k).sub_objectives.is_empty())
                .map(|k| named(&card.factor(k).label))
                .collect();
            if !empty.is_empty() {
                gaps.push(Gap::EmptyFactors(empty));
            }
        }
        StepKind::Kpis => {
            if subs.is_empty() {
                gaps.push(Gap::NoSubObjectives);
            }
            let without: Vec<String> = subs
                .iter()
                .filter(|s| s.kpis.is_empty())
                .map(|s| named(&s.title))
                .collect();
            if !without.is_empty() {
                gaps.push(Gap::WithoutKpi(without));
            }
            let incomplete: Vec<String> = card
                .kpis()
                .filter(|(_, k)| !kpi_is_measurable(k))
                .map(|(_, k)| named(&k.name))
                .collect();
            if !incomplete.is_empty() {
                gaps.push(Gap::KpisIncomplete(incomplete));
            }
        }
        StepKind::Actions => {
            if subs.is_empty() {
                gaps.push(Gap::NoSubObjectives);
            } else if subs.iter().all(|s| s.actions.is_empty()) {
                gaps.push(Gap::NoActions);
            }
            let ownerless: Vec<String> = subs
                .iter()
                .flat_map(|s| s.actions.iter())
                .filter(|a| a.owner.trim().is_empty())
                .map(|a| named(&a.title))
                .collect();
            if !ownerless.is_empty() {
                gaps.push(Gap::ActionsWithoutOwner(ownerless));
            }
        }
        StepKind::Monitoring => {
            if card.kpis().next().is_none() {
                gaps.push(Gap::NoKpis);
            }
            let unmonitored: Vec<String> = card
                .kpis()
                .filter(|(_, k)| !kpi_is_monitored(k))
                .map(|(_, k)| named(&k.name))
                .collect();
            if !unmonitored.is_empty() {
                gaps.push(Gap::KpisUnmonitored(unmonitored));
            }
        }
    }
    gaps
}

/// True when the scorecard holds what the step asks for.
pub fn is_done(kind: StepKind, card: &Scorecard) -> bool {
    gaps(kind, card).is_empty()
}

/// Done or not, for every step in order.
pub fn progress(card: &Scorecard) -> [bool; STEP_COUNT] {
    STEPS.map(|s| is_done(s.kind, card))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::templates;
    use crate::model::{Action, Direction, Kpi, Objective, SubObjective};

    fn blank() -> Scorecard {
        Scorecard::new_blank("sc-test".into(), Lang::En)
    }

    #[test]
    fn nothing_is_done_on_a_blank_scorecard() {
        assert_eq!(progress(&blank()), [false; STEP_COUNT]);
        assert_eq!(gaps(StepKind::Factors, &blank()), vec![Gap::MediumUnnamed]);
        let nl = Scorecard::new_blank("x".into(), Lang::Nl);
        assert_eq!(progress(&nl), [false; STEP_COUNT]);
    }

    #[test]
    fn everything_is_done_on_the_articles_example() {
        for lang in Lang::ALL {
            let card = templates::example("sc-ex".into(), lang);
            let open: Vec<_> = STEPS
                .iter()
                .filter(|s| !is_done(s.kind, &card))
                .map(|s| (s.number, gaps(s.kind, &card)))
                .collect();
            assert!(open.is_empty(), "{lang:?}: {open:?}");
        }
    }

    #[test]
    fn steps_turn_done_one_by_one() {
        let mut card = blank();
        card.mission = "  ".into();
        assert!(!is_done(StepKind::Mission, &card));
        card.mission = "Healthy together".into();
        assert!(is_done(StepKind::Mission, &card));

        card.objectives.push(Objective {
            id: "obj-1".into(),
            ..Objective::default()
        });
        assert_eq!(
            gaps(StepKind::Objectives, &card),
            vec![Gap::UntitledObjectives(1)]
        );
        card.objectives[0].title = "Loyalty".into();
        assert!(is_done(StepKind::Objectives, &card));

        card.factors.medium.label = "Community".into();
        assert!(is_done(StepKind::Factors, &card));
        card.factors.financial.key_question.clear();
        assert_eq!(
            gaps(StepKind::Factors, &card),
            vec![Gap::FactorText(FactorKind::Financial)]
        );
        card.factors.financial.key_question = "Money?".into();

        for (i, kind) in FactorKind::ALL.into_iter().enumerate() {
            assert!(!is_done(StepKind::SubObjectives, &card));
            card.factor_mut(kind)
                .sub_objectives
                .push(SubObjective::new(format!("so-{i}"), format!("Sub {i}")));
        }
        assert!(is_done(StepKind::SubObjectives, &card));

        assert!(matches!(
            gaps(StepKind::Kpis, &card)[..],
            [Gap::WithoutKpi(ref t)] if t.len() == 4
        ));
        for (i, kind) in FactorKind::ALL.into_iter().enumerate() {
            let mut k = Kpi::new(format!("kpi-{i}"), format!("KPI {i}"));
            k.baseline = Some(8.0);
            k.target = Some(2.0);
            card.factor_mut(kind).sub_objectives[0].kpis.push(k);
        }
        assert!(matches!(
            gaps(StepKind::Kpis, &card)[..],
            [Gap::KpisIncomplete(ref n)] if n.len() == 4
        ));
        for kind in FactorKind::ALL {
            card.factor_mut(kind).sub_objectives[0].kpis[0].data_source = "Reporting tool".into();
        }
        assert!(is_done(StepKind::Kpis, &card));

        assert_eq!(gaps(StepKind::Actions, &card), vec![Gap::NoActions]);
        for (i, kind) in FactorKind::ALL.into_iter().enumerate() {
            let a = Action::new(format!("act-{i}"), format!("Action {i}"));
            card.factor_mut(kind).sub_objectives[0].actions.push(a);
        }
        assert!(matches!(
            gaps(StepKind::Actions, &card)[..],
            [Gap::ActionsWithoutOwner(ref n)] if n.len() == 4
        ));
        for kind in FactorKind::ALL {
            card.factor_mut(kind).sub_objectives[0].actions[0].owner = "HR".into();
        }
        assert!(is_done(StepKind::Actions, &card));

        assert!(!is_done(StepKind::Monitoring, &card));
        for kind in FactorKind::ALL {
            card.factor_mut(kind).sub_objectives[0].kpis[0].owner = "Community manager".into();
        }
        assert_eq!(progress(&card), [true; STEP_COUNT]);
    }

    #[test]
    fn band_kpis_need_a_band_limit_but_no_baseline() {
        let mut k = Kpi::new("kpi-1".into(), "Budget".into());
        k.direction = Direction::WithinBand;
        k.data_source = "Finance".into();
        assert!(!kpi_is_measurable(&k));
        k.band_low = Some(95.0);
        assert!(kpi_is_measurable(&k));
        k.direction = Direction::LowerIsBetter;
        assert!(!kpi_is_measurable(&k));
    }

    #[test]
    fn medium_named_by_label_or_kind() {
        let mut card = blank();
        assert!(!medium_is_named(&card));
        card.medium_kind = "Community".into();
        assert!(medium_is_named(&card));
        card.medium_kind.clear();
        card.factors.medium.label = "Forum".into();
        assert!(medium_is_named(&card));
    }

    #[test]
    fn gap_messages_in_both_languages() {
        let gap = Gap::EmptyFactors(vec!["Financial".into(), "Medium".into()]);
        assert_eq!(
            gap.message(Lang::En),
            "Still without a sub-objective: “Financial”, “Medium”."
        );
        assert!(
            gap.message(Lang::Nl)
                .starts_with("Nog zonder subdoelstelling")
        );
        assert_eq!(Gap::NoMission.message(Lang::Nl), "Nog geen missie.");
    }
}
