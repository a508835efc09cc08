//! Every score of a scorecard as of a date, as plain data for JSON: what
//! `cargo run --example evaluate -- FILE` prints, for scripts and reporting pipelines. It is
//! worked out by the same model code as the app's screens ([`Scorecard::evaluate`] and the
//! scoring functions), so the figures are the app's figures.

use serde::Serialize;

use crate::model::calculate::Calculation;
use crate::model::score::{entered_later, progress_case, progress_in_case, status_for, target_on};
use crate::model::{
    Aggregation, Date, FactorKind, Frequency, Kpi, KpiParent, Lang, Measurement, Period, Score,
    Scorecard, Status,
};

/// Every score of one scorecard as of one date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreReport {
    /// The scorecard's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The date every status is worked out for.
    pub as_of: Date,
    /// The whole scorecard (the four factors, equally weighted).
    pub overall: ScoreLine,
    /// The four factors, in the method's order.
    pub factors: Vec<FactorLine>,
    /// The strategic objectives.
    pub objectives: Vec<ItemLine>,
    /// The sub-objectives, factor by factor.
    pub sub_objectives: Vec<ItemLine>,
    /// Every KPI: objectives' own KPIs first, then the sub-objectives'.
    pub kpis: Vec<KpiLine>,
}

/// A score and its status; `score` is a fraction (1.0 = 100 %), `null` when there is none.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ScoreLine {
    /// The score.
    pub score: Option<f64>,
    /// Its status: `green`, `amber`, `red` or `grey`.
    pub status: Status,
}

impl From<Score> for ScoreLine {
    fn from(s: Score) -> ScoreLine {
        ScoreLine {
            score: s.value,
            status: s.status,
        }
    }
}

/// A factor's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorLine {
    /// `customers`, `financial`, `organisation` or `medium`.
    pub factor: FactorKind,
    /// Its label in this scorecard.
    pub label: String,
    /// Its score.
    #[serde(flatten)]
    pub score: ScoreLine,
}

/// An objective's or a sub-objective's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemLine {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its factor (sub-objectives only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factor: Option<FactorKind>,
    /// Its score.
    #[serde(flatten)]
    pub score: ScoreLine,
}

/// A KPI's score now and its value per period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiLine {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// The id of the objective or sub-objective it belongs to.
    pub parent: String,
    /// How often it is measured; its periods follow it.
    pub frequency: Frequency,
    /// For a calculated KPI, its formula over the input series; absent for a measured KPI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    /// The measurement that counts now (the latest on or before `as_of`).
    pub latest: Option<PeriodValue>,
    /// Its score now: progress against the current target (overshoot as is) and status
    /// (grey when the latest measurement is too old for its frequency).
    #[serde(flatten)]
    pub score: ScoreLine,
    /// Per period up to `as_of`, oldest first: the measurement that counts in it, scored
    /// against the target in force on its date. For a calculated KPI: the formula's value
    /// per period over the points known on `as_of`, the unfinished period last, marked
    /// `so_far`.
    pub periods: Vec<PeriodValue>,
}

/// A KPI's value in one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodValue {
    /// The period: `2026-03-31` (daily), `2026-W13` (weekly, ISO), `2026-03` (monthly),
    /// `2026-Q1` (quarterly) or `2026` (yearly).
    pub period: String,
    /// The date of the measurement (of a calculated KPI: the period's last day).
    pub date: Date,
    /// Its value; `null` for a calculated period without one (see `reason`).
    pub value: Option<f64>,
    /// Progress against the target in force on that date (1.0 = 100 %).
    pub progress: Option<f64>,
    /// The status of that progress.
    pub status: Status,
    /// Calculated KPIs: the period is not over on `as_of` (shown, not scored).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub so_far: bool,
    /// Calculated KPIs: why the period has no value (a missing input, a division by zero).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Calculated KPIs: each input of the formula aggregated into the period.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<InputLine>,
}

/// One input of a calculated KPI's period value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputLine {
    /// The series key, as `prev(key)` for the value of the period before.
    pub key: String,
    /// The period the value is of.
    pub period: String,
    /// How the series' points became the value: `sum`, `last`, `average`, `min`, `max`.
    pub aggregation: Aggregation,
    /// The value; `null` when the series has no point in the period.
    pub value: Option<f64>,
    /// How many points it came from.
    pub points: usize,
}

/// The period of `date` for a KPI measured with `frequency` (see [`Period::key`]).
pub fn period_key(date: Date, frequency: Frequency) -> String {
    Period::containing(date, frequency).key()
}

/// Every score of `card` as of `as_of`.
pub fn score_report(card: &Scorecard, as_of: Date) -> ScoreReport {
    let eval = card.evaluate(as_of);
    let factors = FactorKind::ALL
        .into_iter()
        .map(|kind| FactorLine {
            factor: kind,
            label: card.factor(kind).label.clone(),
            score: eval.factor(kind).into(),
        })
        .collect();
    let objectives = card
        .objectives
        .iter()
        .map(|o| ItemLine {
            id: o.id.clone(),
            title: o.title.clone(),
            factor: None,
            score: eval.objective(&o.id).unwrap_or(Score::GREY).into(),
        })
        .collect();
    let sub_objectives = card
        .sub_objectives()
        .map(|(kind, so)| ItemLine {
            id: so.id.clone(),
            title: so.title.clone(),
            factor: Some(kind),
            score: eval.sub_objective(&so.id).unwrap_or(Score::GREY).into(),
        })
        .collect();
    let kpis = card
        .kpis()
        .map(|(parent, kpi)| {
            let (periods, latest) = match card.calculate_as_of(kpi, as_of) {
                Some(calc) => calculated_periods(kpi, &calc, as_of),
                None => {
                    let periods = kpi_periods(kpi, as_of);
                    let latest = periods.last().cloned();
                    (periods, latest)
                }
            };
            KpiLine {
                id: kpi.id.clone(),
                name: kpi.name.clone(),
                unit: kpi.unit.clone(),
                parent: match parent {
                    KpiParent::Objective(id) | KpiParent::SubObjective(id) => id,
                },
                frequency: kpi.frequency,
                formula: kpi.formula.clone(),
                latest,
                score: eval.kpi(&kpi.id).unwrap_or(Score::GREY).into(),
                periods,
            }
        })
        .collect();
    ScoreReport {
        id: card.id.clone(),
        title: card.title.clone(),
        as_of,
        overall: eval.overall().into(),
        factors,
        objectives,
        sub_objectives,
        kpis,
    }
}

/// The measurement that counts in each period up to `as_of` (the latest date in it; of one
/// date, the one entered last), oldest period first.
fn kpi_periods(kpi: &Kpi, as_of: Date) -> Vec<PeriodValue> {
    let mut best: Vec<(String, &Measurement)> = Vec::new();
    for m in kpi.measurements.iter().filter(|m| m.date <= as_of) {
        let key = period_key(m.date, kpi.frequency);
        match best.iter_mut().find(|(k, _)| *k == key) {
            Some((_, b)) => {
                if m.date > b.date || (m.date == b.date && !entered_later(b, m)) {
                    *b = m;
                }
            }
            None => best.push((key, m)),
        }
    }
    best.sort_by_key(|(_, m)| m.date);
    best.into_iter()
        .map(|(period, m)| {
            let progress = progress_in_case(progress_case(kpi, target_on(kpi, m.date)), m.value);
            PeriodValue {
                period,
                date: m.date,
                value: Some(m.value),
                progress,
                status: status_for(progress, kpi.amber_threshold),
                so_far: false,
                reason: None,
                inputs: Vec::new(),
            }
        })
        .collect()
}

/// A calculated KPI's periods up to `as_of` (the unfinished one marked `so_far`) and the one
/// that is scored, when it has a value.
fn calculated_periods(
    kpi: &Kpi,
    calc: &Calculation,
    as_of: Date,
) -> (Vec<PeriodValue>, Option<PeriodValue>) {
    let periods: Vec<PeriodValue> = calc
        .periods
        .iter()
        .filter(|p| p.period.start <= as_of)
        .map(|p| {
            let value = p.value.as_ref().ok().copied();
            let progress = value.and_then(|v| {
                progress_in_case(progress_case(kpi, target_on(kpi, p.period.end)), v)
            });
            PeriodValue {
                period: p.period.key(),
                date: p.period.end,
                value,
                progress,
                status: status_for(progress, kpi.amber_threshold),
                so_far: p.is_so_far(as_of),
                reason: p.value.as_ref().err().map(|e| e.message_in(Lang::En)),
                inputs: p
                    .inputs
                    .iter()
                    .map(|i| InputLine {
                        key: if i.prev {
                            format!("prev({})", i.key)
                        } else {
                            i.key.clone()
                        },
                        period: i.period.key(),
                        aggregation: i.aggregation,
                        value: i.value,
                        points: i.points,
                    })
                    .collect(),
            }
        })
        .collect();
    let scored = calc.scored(as_of).map(|p| p.period.key());
    let latest = periods
        .iter()
        .find(|p| Some(&p.period) == scored.as_ref() && p.value.is_some())
        .cloned();
    (periods, latest)
}
