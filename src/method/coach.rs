//! The method coach: what the method asks and the scorecard still lacks, computed live from
//! the document. Pure, so it is tested natively; the UI lists the hints and jumps to the item.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use crate::i18n::tr;
use crate::model::formula::{Formula, FormulaError};
use crate::model::{FactorKind, Kpi, Lang, Scorecard};

pub use super::kpi_rules::KpiGap;

/// Default most sub-objectives a factor should hold before the coach says it is crowded
/// (the method's strategy map should fit on one A4 page).
pub const DEFAULT_FACTOR_LIMIT: usize = 6;

/// The item a hint is about, so the UI can open it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HintTarget {
    /// The scorecard's own fields (mission).
    Scorecard,
    /// A factor quadrant.
    Factor(FactorKind),
    /// A strategic objective, by id.
    Objective(String),
    /// A sub-objective, by id.
    SubObjective(String),
    /// A KPI, by id.
    Kpi(String),
}

/// One thing the method asks for that is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// The scorecard has no mission.
    NoMission,
    /// The strategy map has no objectives.
    NoObjectives,
    /// No sub-objective contributes to this objective.
    ObjectiveWithoutContributor { id: String, title: String },
    /// A factor has no sub-objective: all four must be filled in and monitored.
    EmptyFactor { kind: FactorKind, label: String },
    /// A sub-objective is linked to no objective.
    SubObjectiveUnlinked { id: String, title: String },
    /// A sub-objective has no KPI, so it cannot be monitored.
    SubObjectiveWithoutKpi { id: String, title: String },
    /// A sub-objective has no actions.
    SubObjectiveWithoutActions { id: String, title: String },
    /// A KPI lacks a baseline, target, owner or data source.
    KpiIncomplete {
        id: String,
        name: String,
        gaps: Vec<KpiGap>,
    },
    /// A calculated KPI's formula cannot be worked out (it does not parse, or uses a key no
    /// input series has).
    KpiFormulaBroken {
        id: String,
        name: String,
        error: FormulaError,
    },
    /// A calculated KPI uses input series that have no values yet.
    KpiInputsEmpty {
        id: String,
        name: String,
        keys: Vec<String>,
    },
    /// A KPI is red in its scored period and nobody wrote what happened or what we do about
    /// it (the monthly review's commentary).
    RedWithoutCommentary {
        id: String,
        name: String,
        /// The period that is scored.
        period: crate::model::Period,
    },
    /// A factor holds more sub-objectives than the limit.
    FactorCrowded {
        kind: FactorKind,
        label: String,
        count: usize,
        limit: usize,
    },
}

impl Hint {
    /// The item to open for this hint.
    pub fn target(&self) -> HintTarget {
        match self {
            Hint::NoMission | Hint::NoObjectives => HintTarget::Scorecard,
            Hint::ObjectiveWithoutContributor { id, .. } => HintTarget::Objective(id.clone()),
            Hint::EmptyFactor { kind, .. } | Hint::FactorCrowded { kind, .. } => {
                HintTarget::Factor(*kind)
            }
            Hint::SubObjectiveUnlinked { id, .. }
            | Hint::SubObjectiveWithoutKpi { id, .. }
            | Hint::SubObjectiveWithoutActions { id, .. } => HintTarget::SubObjective(id.clone()),
            Hint::KpiIncomplete { id, .. }
            | Hint::KpiFormulaBroken { id, .. }
            | Hint::KpiInputsEmpty { id, .. }
            | Hint::RedWithoutCommentary { id, .. } => HintTarget::Kpi(id.clone()),
        }
    }

    /// A stable key for the hint (for lists and tests), e.g. `kpi-incomplete:kpi-4`.
    pub fn key(&self) -> String {
        match self {
            Hint::NoMission => "no-mission".into(),
            Hint::NoObjectives => "no-objectives".into(),
            Hint::ObjectiveWithoutContributor { id, .. } => {
                format!("objective-without-contributor:{id}")
            }
            Hint::EmptyFactor { kind, .. } => format!("empty-factor:{}", kind.key()),
            Hint::SubObjectiveUnlinked { id, .. } => format!("sub-objective-unlinked:{id}"),
            Hint::SubObjectiveWithoutKpi { id, .. } => format!("sub-objective-without-kpi:{id}"),
            Hint::SubObjectiveWithoutActions { id, .. } => {
                format!("sub-objective-without-actions:{id}")
            }
            Hint::KpiIncomplete { id, .. } => format!("kpi-incomplete:{id}"),
            Hint::KpiFormulaBroken { id, .. } => format!("kpi-formula-broken:{id}"),
            Hint::KpiInputsEmpty { id, .. } => format!("kpi-inputs-empty:{id}"),
            Hint::RedWithoutCommentary { id, .. } => format!("red-without-commentary:{id}"),
            Hint::FactorCrowded { kind, .. } => format!("factor-crowded:{}", kind.key()),
        }
    }

    /// The hint in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            Hint::NoMission if nl => "Schrijf de social media missie: waar staan we voor?".into(),
            Hint::NoMission => "Write the social media mission: what do we stand for?".into(),
            Hint::NoObjectives if nl => {
                "Voeg social media doelstellingen toe: wat willen we bereiken?".into()
            }
            Hint::NoObjectives => "Add social media objectives: what do we want to achieve?".into(),
            Hint::ObjectiveWithoutContributor { title, .. } if nl => {
                format!("Geen subdoelstelling draagt bij aan doelstelling “{title}”.")
            }
            Hint::ObjectiveWithoutContributor { title, .. } => {
                format!("No sub-objective contributes to objective “{title}”.")
            }
            Hint::EmptyFactor { label, .. } if nl => format!(
                "Factor “{label}” heeft nog geen subdoelstelling: alle vier de factoren moeten ingevuld én gemonitord worden."
            ),
            Hint::EmptyFactor { label, .. } => format!(
                "Factor “{label}” has no sub-objective yet: all four factors must be filled in and monitored."
            ),
            Hint::SubObjectiveUnlinked { title, .. } if nl => {
                format!("Subdoelstelling “{title}” is aan geen doelstelling gekoppeld.")
            }
            Hint::SubObjectiveUnlinked { title, .. } => {
                format!("Sub-objective “{title}” is linked to no objective.")
            }
            Hint::SubObjectiveWithoutKpi { title, .. } if nl => {
                format!("Subdoelstelling “{title}” heeft geen KPI: hoe meten we het?")
            }
            Hint::SubObjectiveWithoutKpi { title, .. } => {
                format!("Sub-objective “{title}” has no KPI: how will it be measured?")
            }
            Hint::SubObjectiveWithoutActions { title, .. } if nl => {
                format!("Subdoelstelling “{title}” heeft geen acties: wat is ervoor nodig?")
            }
            Hint::SubObjectiveWithoutActions { title, .. } => {
                format!("Sub-objective “{title}” has no actions: what will make it happen?")
            }
            Hint::KpiIncomplete { name, gaps, .. } => {
                let words: Vec<&str> = gaps.iter().map(|g| gap_word(*g, lang)).collect();
                if nl {
                    format!("KPI “{name}” mist: {}.", words.join(", "))
                } else {
                    format!("KPI “{name}” lacks: {}.", words.join(", "))
                }
            }
            Hint::KpiFormulaBroken { name, error, .. } if nl => format!(
                "De formule van KPI “{name}” is niet uit te rekenen: {}.",
                error.message_in(lang)
            ),
            Hint::KpiFormulaBroken { name, error, .. } => format!(
                "The formula of KPI “{name}” cannot be worked out: {}.",
                error.message_in(lang)
            ),
            Hint::KpiInputsEmpty { name, keys, .. } if nl => format!(
                "KPI “{name}” wordt berekend uit {}, maar daar staan nog geen waarden in: plak ze in het overzicht Gegevens.",
                quoted(keys)
            ),
            Hint::KpiInputsEmpty { name, keys, .. } => format!(
                "KPI “{name}” is calculated from {}, which has no values yet: paste them in the Data view.",
                quoted(keys)
            ),
            Hint::RedWithoutCommentary { name, period, .. } if nl => format!(
                "KPI “{name}” staat rood in {} en heeft nog geen commentaar: schrijf in het paneel wat er gebeurde en wat we eraan doen.",
                period.label(lang)
            ),
            Hint::RedWithoutCommentary { name, period, .. } => format!(
                "KPI “{name}” is red in {} and has no commentary yet: write in its panel what happened and what we do about it.",
                period.label(lang)
            ),
            Hint::FactorCrowded {
                label,
                count,
                limit,
                ..
            } if nl => format!(
                "Factor “{label}” heeft {count} subdoelstellingen (meer dan {limit}): houd de kaart op één A4."
            ),
            Hint::FactorCrowded {
                label,
                count,
                limit,
                ..
            } => format!(
                "Factor “{label}” has {count} sub-objectives (more than {limit}): keep the map to one A4 page."
            ),
        }
    }
}

fn quoted(keys: &[String]) -> String {
    keys.iter()
        .map(|k| format!("‘{k}’"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn gap_word(gap: KpiGap, lang: Lang) -> &'static str {
    match gap {
        KpiGap::Baseline => tr(lang, "a baseline", "een nulmeting"),
        KpiGap::Target => tr(lang, "a target", "een doelwaarde"),
        KpiGap::Owner => tr(lang, "an owner", "een eigenaar"),
        KpiGap::DataSource => tr(lang, "a data source", "een databron"),
    }
}

/// Every hint for `card`, in the order of the method: mission, objectives, factors,
/// sub-objectives, KPIs. `factor_limit` is the most sub-objectives a factor should hold.
/// What a KPI lacks is the rule of [`super::kpi_rules::missing`], shared with the workshop.
pub fn hints(card: &Scorecard, factor_limit: usize) -> Vec<Hint> {
    let mut out = Vec::new();
    if card.mission.trim().is_empty() {
        out.push(Hint::NoMission);
    }
    if card.objectives.is_empty() {
        out.push(Hint::NoObjectives);
    }
    for o in &card.objectives {
        if !card
            .sub_objectives()
            .any(|(_, s)| s.contributes_to.contains(&o.id))
        {
            out.push(Hint::ObjectiveWithoutContributor {
                id: o.id.clone(),
                title: o.title.clone(),
            });
        }
    }
    for kind in FactorKind::ALL {
        let factor = card.factor(kind);
        let count = factor.sub_objectives.len();
        if count == 0 {
            out.push(Hint::EmptyFactor {
                kind,
                label: factor.label.clone(),
            });
        } else if count > factor_limit {
            out.push(Hint::FactorCrowded {
                kind,
                label: factor.label.clone(),
                count,
                limit: factor_limit,
            });
        }
    }
    for (_, s) in card.sub_objectives() {
        if s.contributes_to.is_empty() {
            out.push(Hint::SubObjectiveUnlinked {
                id: s.id.clone(),
                title: s.title.clone(),
            });
        }
        if s.kpis.is_empty() {
            out.push(Hint::SubObjectiveWithoutKpi {
                id: s.id.clone(),
                title: s.title.clone(),
            });
        }
        if s.actions.is_empty() {
            out.push(Hint::SubObjectiveWithoutActions {
                id: s.id.clone(),
                title: s.title.clone(),
            });
        }
    }
    let inputs = Inputs::of(card);
    for (_, k) in card.kpis() {
        let gaps = super::kpi_rules::missing(k);
        if !gaps.is_empty() {
            out.push(Hint::KpiIncomplete {
                id: k.id.clone(),
                name: k.name.clone(),
                gaps,
            });
        }
        if let Some(hint) = formula_hint(&inputs, k) {
            out.push(hint);
        }
    }
    out
}

/// The review's hints as of `as_of` (with the scores of `evaluation`, worked out for that
/// day): every KPI that is red in its scored period and has no commentary for that period.
/// The same as [`red_without_commentary`] over [`red_periods`].
pub fn review_hints(
    card: &Scorecard,
    evaluation: &crate::model::Evaluation,
    as_of: crate::model::Date,
) -> Vec<Hint> {
    red_without_commentary(card, &red_periods(card, evaluation, as_of))
}

/// Every KPI that is red on `as_of` (with the scores of `evaluation`), with its scored
/// period: a measured KPI's latest measurement's, a calculated KPI's latest period that is
/// over. Reads only what a score depends on, so the coach works it out again after an edit
/// that can move a score, not after a keystroke in a name or a commentary (one table of the
/// series for every calculated KPI).
pub fn red_periods(
    card: &Scorecard,
    evaluation: &crate::model::Evaluation,
    as_of: crate::model::Date,
) -> Vec<(String, crate::model::Period)> {
    let mut table = crate::model::calculate::SeriesTable::as_of(card, as_of);
    card.kpis()
        .filter(|(_, k)| {
            evaluation
                .kpi(&k.id)
                .is_some_and(|s| s.status == crate::model::Status::Red)
        })
        .filter_map(|(_, k)| {
            let period = match table.calculate_scored(k, as_of) {
                Some(calc) => calc.scored(as_of)?.period,
                None => crate::model::Period::containing(
                    crate::model::latest_measurement(k, as_of)?.date,
                    k.frequency,
                ),
            };
            Some((k.id.clone(), period))
        })
        .collect()
}

/// The hints of the red KPIs of `red` ([`red_periods`]) that have no commentary for their
/// scored period, with their names as they are now.
pub fn red_without_commentary(
    card: &Scorecard,
    red: &[(String, crate::model::Period)],
) -> Vec<Hint> {
    if red.is_empty() {
        return Vec::new();
    }
    let kpis: HashMap<&str, &Kpi> = card.kpis().map(|(_, k)| (k.id.as_str(), k)).collect();
    red.iter()
        .filter_map(|(id, period)| {
            let k = kpis.get(id.as_str())?;
            let noted = k.commentary.iter().any(|c| {
                c.period == period.start
                    && !(c.analysis.trim().is_empty() && c.action.trim().is_empty())
            });
            (!noted).then(|| Hint::RedWithoutCommentary {
                id: k.id.clone(),
                name: k.name.clone(),
                period: *period,
            })
        })
        .collect()
}

/// How many formula texts [`READ`] keeps before it starts afresh (far more than a
/// scorecard's calculated KPIs).
const READ_KEPT: usize = 1024;

thread_local! {
    /// Formulas read before, by their text (which alone decides how a formula reads). The
    /// coach runs after every edit, a keystroke in a name included: reading every calculated
    /// KPI's formula again each time was most of its work (docs/performance.md).
    static READ: RefCell<HashMap<String, Result<Formula, FormulaError>>> =
        RefCell::new(HashMap::new());
}

/// `use_it` of `text` read as a formula, read once and then kept in [`READ`].
fn read_formula<T>(text: &str, use_it: impl FnOnce(&Result<Formula, FormulaError>) -> T) -> T {
    READ.with(|read| {
        let mut read = read.borrow_mut();
        if !read.contains_key(text) {
            if read.len() >= READ_KEPT {
                read.clear();
            }
            read.insert(text.to_string(), Formula::parse(text));
        }
        match read.get(text) {
            Some(formula) => use_it(formula),
            None => use_it(&Formula::parse(text)),
        }
    })
}

/// The scorecard's series as the formula hints need them, worked out once per [`hints`].
struct Inputs<'a> {
    /// Every series key.
    keys: Vec<&'a str>,
    /// The keys of the series without any point.
    empty: Vec<&'a str>,
}

impl<'a> Inputs<'a> {
    fn of(card: &'a Scorecard) -> Inputs<'a> {
        let mut empty = Vec::new();
        let mut keys = Vec::with_capacity(card.series.len());
        for s in &card.series {
            // The first series with a key is the one a formula reads (keys are unique in a
            // valid scorecard).
            if s.points.is_empty() && !keys.contains(&s.key.as_str()) {
                empty.push(s.key.as_str());
            }
            keys.push(s.key.as_str());
        }
        Inputs { keys, empty }
    }
}

/// What is wrong with a calculated KPI's inputs, if anything: a formula that cannot be worked
/// out, or series it uses that hold no values.
fn formula_hint(inputs: &Inputs<'_>, k: &Kpi) -> Option<Hint> {
    let text = k.formula.as_deref()?;
    let empty = read_formula(text, |read| {
        let formula = read.as_ref().map_err(Clone::clone)?;
        formula.check(&inputs.keys)?;
        // In key order, each once.
        let empty: BTreeSet<&str> = formula
            .series_refs()
            .iter()
            .map(|r| r.key.as_str())
            .filter(|key| inputs.empty.contains(key))
            .collect();
        Ok(empty.into_iter().map(str::to_string).collect::<Vec<_>>())
    });
    match empty {
        Err(error) => Some(Hint::KpiFormulaBroken {
            id: k.id.clone(),
            name: k.name.clone(),
            error,
        }),
        Ok(keys) if keys.is_empty() => None,
        Ok(keys) => Some(Hint::KpiInputsEmpty {
            id: k.id.clone(),
            name: k.name.clone(),
            keys,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::templates;
    use crate::model::{Command, KpiField, KpiParent, ScorecardField};

    fn keys(card: &Scorecard) -> Vec<String> {
        hints(card, DEFAULT_FACTOR_LIMIT)
            .iter()
            .map(Hint::key)
            .collect()
    }

    #[test]
    fn a_calculated_kpi_with_a_broken_formula_or_empty_inputs_is_named() {
        let mut card = templates::example("sc".into(), Lang::En);
        assert!(!keys(&card).iter().any(|k| k.starts_with("kpi-formula")));
        assert!(!keys(&card).iter().any(|k| k.starts_with("kpi-inputs")));
        let series = card
            .series_by_key("reach")
            .expect("the example has a reach series");
        let reach = series.id.clone();
        let dates: Vec<_> = series.points.iter().map(|p| p.date).collect();
        card.apply(Command::RemoveSeriesPoints {
            id: reach.clone(),
            dates,
        })
        .expect("its points can be removed");
        let found = hints(&card, DEFAULT_FACTOR_LIMIT);
        let empty = found
            .iter()
            .find(|h| h.key() == "kpi-inputs-empty:kpi-32")
            .expect("the empty input is named");
        assert_eq!(
            empty.message(Lang::En),
            "KPI “Engagement rate of community posts” is calculated from ‘reach’, which has no values yet: paste them in the Data view."
        );
        assert_eq!(empty.target(), HintTarget::Kpi("kpi-32".into()));
        card.apply(Command::RemoveSeries { id: reach })
            .expect("the series can be removed");
        let found = hints(&card, DEFAULT_FACTOR_LIMIT);
        let broken = found
            .iter()
            .find(|h| h.key() == "kpi-formula-broken:kpi-32")
            .expect("the unknown series is named");
        assert_eq!(
            broken.message(Lang::Nl),
            "De formule van KPI “Engagement rate of community posts” is niet uit te rekenen: onbekende reeks 'reach' in kolom 16."
        );
    }

    #[test]
    fn a_blank_scorecard_asks_for_mission_objectives_and_all_four_factors() {
        let card = Scorecard::new_blank("sc".into(), Lang::En);
        assert_eq!(
            keys(&card),
            [
                "no-mission",
                "no-objectives",
                "empty-factor:customers",
                "empty-factor:financial",
                "empty-factor:organisation",
                "empty-factor:medium"
            ]
        );
    }

    #[test]
    fn hints_appear_and_clear_as_the_scorecard_is_filled_in() {
        let mut card = Scorecard::new_blank("sc".into(), Lang::En);
        card.apply(Command::SetScorecardField {
            field: ScorecardField::Mission("Care".into()),
        })
        .expect("mission");
        let obj = card
            .apply(Command::AddObjective {
                title: "Loyalty".into(),
            })
            .expect("obj");
        let obj = obj.created_id.expect("id");
        assert!(keys(&card).contains(&format!("objective-without-contributor:{obj}")));
        let so = card
            .apply(Command::AddSubObjective {
                factor: FactorKind::Medium,
                title: "Answers".into(),
            })
            .expect("so")
            .created_id
            .expect("id");
        let k = keys(&card);
        for want in [
            format!("sub-objective-unlinked:{so}"),
            format!("sub-objective-without-kpi:{so}"),
            format!("sub-objective-without-actions:{so}"),
        ] {
            assert!(k.contains(&want), "{want} in {k:?}");
        }
        assert!(!k.contains(&"empty-factor:medium".to_string()));
        card.apply(Command::LinkContribution {
            sub_objective: so.clone(),
            objective: obj.clone(),
            at: None,
        })
        .expect("link");
        let kpi = card
            .apply(Command::AddKpi {
                parent: KpiParent::SubObjective(so.clone()),
                name: "Response time".into(),
            })
            .expect("kpi")
            .created_id
            .expect("id");
        card.apply(Command::AddAction {
            sub_objective: so.clone(),
            title: "Train".into(),
        })
        .expect("action");
        let k = keys(&card);
        assert!(!k.iter().any(|h| h.contains(&so)), "{k:?}");
        assert!(!k.contains(&format!("objective-without-contributor:{obj}")));
        assert!(k.contains(&format!("kpi-incomplete:{kpi}")));
        for field in [
            KpiField::Baseline(Some(8.0)),
            KpiField::Target(Some(2.0)),
            KpiField::Owner("Webcare".into()),
            KpiField::DataSource("Reporting tool".into()),
        ] {
            card.apply(Command::UpdateKpi {
                id: kpi.clone(),
                field,
            })
            .expect("kpi field");
        }
        assert!(!keys(&card).contains(&format!("kpi-incomplete:{kpi}")));
    }

    #[test]
    fn the_incomplete_kpi_hint_names_each_gap() {
        let mut card = Scorecard::new_blank("sc".into(), Lang::Nl);
        let so = card
            .apply(Command::AddSubObjective {
                factor: FactorKind::Customers,
                title: "X".into(),
            })
            .expect("so")
            .created_id
            .expect("id");
        card.apply(Command::AddKpi {
            parent: KpiParent::SubObjective(so),
            name: "NPS".into(),
        })
        .expect("kpi");
        let hint = hints(&card, 6)
            .into_iter()
            .find(|h| matches!(h, Hint::KpiIncomplete { .. }));
        let hint = hint.expect("an incomplete KPI");
        assert_eq!(
            hint.message(Lang::Nl),
            "KPI “NPS” mist: een nulmeting, een doelwaarde, een eigenaar, een databron."
        );
        assert_eq!(
            hint.message(Lang::En),
            "KPI “NPS” lacks: a baseline, a target, an owner, a data source."
        );
    }

    #[test]
    fn a_crowded_factor_is_reported_above_the_limit() {
        let mut card = Scorecard::new_blank("sc".into(), Lang::En);
        for i in 0..4 {
            card.apply(Command::AddSubObjective {
                factor: FactorKind::Financial,
                title: format!("S{i}"),
            })
            .expect("so");
        }
        assert!(keys(&card).iter().all(|k| k != "factor-crowded:financial"));
        let crowded = hints(&card, 3);
        assert!(
            crowded
                .iter()
                .any(|h| h.key() == "factor-crowded:financial")
        );
    }

    #[test]
    fn the_example_is_nearly_complete() {
        let card = templates::example("sc".into(), Lang::En);
        let h = hints(&card, DEFAULT_FACTOR_LIMIT);
        assert!(!h.contains(&Hint::NoMission));
        assert!(h.iter().all(|x| !matches!(x, Hint::EmptyFactor { .. })));
    }
}
