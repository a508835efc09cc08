//! Weighted roll-up of scores: KPI → sub-objective → factor → overall, and strategic
//! objectives from their own KPIs and contributing sub-objectives (see `docs/scoring.md`).

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::calculate::{Calculation, SeriesTable};
use super::date::Date;
use super::enums::FactorKind;
use super::kpi::Kpi;
use super::scorecard::Scorecard;
use super::scoring::{Status, is_stale, kpi_progress, kpi_state, rollup_value, status_for};

/// A score and its status. `value` is a fraction (1.0 = 100 %); `None` means no data (grey).
#[derive(Clone, Copy, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Score {
    /// The score; for a KPI its progress with overshoot as is, for roll-ups 0…1.
    pub value: Option<f64>,
    /// The status.
    pub status: Status,
}

impl Score {
    /// No data.
    pub const GREY: Score = Score {
        value: None,
        status: Status::Grey,
    };
}

/// What a score is about.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum ScoreRef {
    /// A KPI, by id.
    Kpi(String),
    /// A sub-objective, by id.
    SubObjective(String),
    /// A factor.
    Factor(FactorKind),
    /// A strategic objective, by id.
    Objective(String),
    /// The whole scorecard.
    Overall,
}

/// One input of a weighted roll-up.
#[derive(Clone, PartialEq, Debug)]
pub struct RollupInput {
    /// The item rolled up from.
    pub item: ScoreRef,
    /// Its weight.
    pub weight: f64,
    /// Its score as shown (KPI overshoot as is).
    pub shown: Option<f64>,
    /// Its value as counted (capped to 0…1), `None` when it does not count (grey).
    pub counted: Option<f64>,
}

impl RollupInput {
    /// Whether the input counts in the roll-up (has a value and a weight above 0).
    pub fn counts(&self) -> bool {
        self.counted.is_some() && usable_weight(self.weight) > 0.0
    }
}

/// A weight as used in roll-ups: negative or non-finite weights count as 0.
pub fn usable_weight(weight: f64) -> f64 {
    if weight.is_finite() && weight > 0.0 {
        weight
    } else {
        0.0
    }
}

/// Σ(weight × value) / Σ weight over the inputs that count; `None` if none counts.
pub fn weighted_mean(inputs: &[RollupInput]) -> Option<f64> {
    let (sum, weights) = inputs
        .iter()
        .filter(|i| i.counts())
        .fold((0.0, 0.0), |(s, w), i| {
            let weight = usable_weight(i.weight);
            (s + weight * i.counted.unwrap_or(0.0), w + weight)
        });
    if weights > 0.0 {
        Some(rollup_value(sum / weights))
    } else {
        None
    }
}

/// The scores of a whole scorecard as of a date.
#[derive(Clone, PartialEq, Debug)]
pub struct Evaluation {
    /// The "as of" date.
    pub as_of: Date,
    kpis: HashMap<String, Score>,
    latest: HashMap<String, f64>,
    sub_objectives: HashMap<String, Score>,
    objectives: HashMap<String, Score>,
    factors: [Score; 4],
    overall: Score,
}

impl Evaluation {
    /// A KPI's score (progress with overshoot as is).
    pub fn kpi(&self, id: &str) -> Option<Score> {
        self.kpis.get(id).copied()
    }

    /// The value of a KPI's latest measurement on or before the date, if any (what
    /// [`latest_measurement`](crate::model::latest_measurement) finds, looked up).
    pub fn kpi_latest(&self, id: &str) -> Option<f64> {
        self.latest.get(id).copied()
    }

    /// A sub-objective's score.
    pub fn sub_objective(&self, id: &str) -> Option<Score> {
        self.sub_objectives.get(id).copied()
    }

    /// A strategic objective's score.
    pub fn objective(&self, id: &str) -> Option<Score> {
        self.objectives.get(id).copied()
    }

    /// A factor's score.
    pub fn factor(&self, kind: FactorKind) -> Score {
        self.factors[factor_index(kind)]
    }

    /// The overall score.
    pub fn overall(&self) -> Score {
        self.overall
    }

    /// The score of any item (`None` for an unknown id).
    pub fn get(&self, what: &ScoreRef) -> Option<Score> {
        match what {
            ScoreRef::Kpi(id) => self.kpi(id),
            ScoreRef::SubObjective(id) => self.sub_objective(id),
            ScoreRef::Factor(kind) => Some(self.factor(*kind)),
            ScoreRef::Objective(id) => self.objective(id),
            ScoreRef::Overall => Some(self.overall),
        }
    }
}

fn factor_index(kind: FactorKind) -> usize {
    FactorKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

fn kpi_input(kpi: &Kpi, score: Score) -> RollupInput {
    let counted = match score.status {
        Status::Grey => None,
        _ => score.value.map(rollup_value),
    };
    RollupInput {
        item: ScoreRef::Kpi(kpi.id.clone()),
        weight: kpi.weight,
        shown: score.value,
        counted,
    }
}

/// A calculated KPI's score on `as_of` and the value it was scored on: the latest period that
/// is over counts (a "so far" period is shown, not scored); grey when that period has no value
/// (a missing input, a division by zero) or is too old for the KPI's frequency.
pub fn calculated_score(kpi: &Kpi, calc: &Calculation, as_of: Date) -> (Score, Option<f64>) {
    let Some(period) = calc.scored(as_of) else {
        return (Score::GREY, None);
    };
    let Ok(value) = period.value else {
        return (Score::GREY, None);
    };
    let progress = kpi_progress(kpi, value);
    let status = if is_stale(kpi, period.period.end, as_of) {
        Status::Grey
    } else {
        status_for(progress, kpi.amber_threshold)
    };
    (
        Score {
            value: progress,
            status,
        },
        Some(value),
    )
}

fn child_input(item: ScoreRef, weight: f64, score: Score) -> RollupInput {
    RollupInput {
        item,
        weight,
        shown: score.value,
        counted: score.value,
    }
}

impl Scorecard {
    /// Scores every KPI, sub-objective, factor, objective and the whole scorecard as of a date.
    pub fn evaluate(&self, as_of: Date) -> Evaluation {
        let threshold = self.amber_threshold;
        let rolled = |inputs: &[RollupInput]| {
            let value = weighted_mean(inputs);
            Score {
                value,
                status: status_for(value, threshold),
            }
        };
        let mut kpis = HashMap::new();
        let mut latest = HashMap::new();
        let mut table = SeriesTable::as_of(self, as_of);
        for (_, kpi) in self.kpis() {
            if let Some(calc) = table.calculate_scored(kpi, as_of) {
                let (score, value) = calculated_score(kpi, &calc, as_of);
                if let Some(v) = value {
                    latest.insert(kpi.id.clone(), v);
                }
                kpis.insert(kpi.id.clone(), score);
                continue;
            }
            let state = kpi_state(kpi, as_of);
            if let Some(m) = state.latest {
                latest.insert(kpi.id.clone(), m.value);
            }
            kpis.insert(
                kpi.id.clone(),
                Score {
                    value: state.progress,
                    status: state.status,
                },
            );
        }
        let kpi_score = |id: &str| kpis.get(id).copied().unwrap_or(Score::GREY);
        let mut sub_objectives = HashMap::new();
        let mut factors = [Score::GREY; 4];
        for kind in FactorKind::ALL {
            let mut so_inputs = Vec::new();
            for so in &self.factor(kind).sub_objectives {
                let inputs: Vec<_> = so
                    .kpis
                    .iter()
                    .map(|k| kpi_input(k, kpi_score(&k.id)))
                    .collect();
                let score = rolled(&inputs);
                sub_objectives.insert(so.id.clone(), score);
                so_inputs.push(child_input(
                    ScoreRef::SubObjective(so.id.clone()),
                    so.weight,
                    score,
                ));
            }
            factors[factor_index(kind)] = rolled(&so_inputs);
        }
        let mut objectives = HashMap::new();
        for o in &self.objectives {
            let inputs = self.objective_inputs(&o.id, &kpis, &sub_objectives);
            objectives.insert(o.id.clone(), rolled(&inputs));
        }
        let overall_inputs: Vec<_> = FactorKind::ALL
            .iter()
            .map(|k| child_input(ScoreRef::Factor(*k), 1.0, factors[factor_index(*k)]))
            .collect();
        let overall = rolled(&overall_inputs);
        Evaluation {
            as_of,
            kpis,
            latest,
            sub_objectives,
            objectives,
            factors,
            overall,
        }
    }

    fn objective_inputs(
        &self,
        id: &str,
        kpis: &HashMap<String, Score>,
        subs: &HashMap<String, Score>,
    ) -> Vec<RollupInput> {
        let mut inputs = Vec::new();
        if let Some(o) = self.objective(id) {
            for k in &o.kpis {
                inputs.push(kpi_input(
                    k,
                    kpis.get(&k.id).copied().unwrap_or(Score::GREY),
                ));
            }
        }
        for (_, so) in self.sub_objectives() {
            if so.contributes_to.iter().any(|x| x == id) {
                let score = subs.get(&so.id).copied().unwrap_or(Score::GREY);
                inputs.push(child_input(
                    ScoreRef::SubObjective(so.id.clone()),
                    so.weight,
                    score,
                ));
            }
        }
        inputs
    }

    /// The inputs a roll-up score is computed from, in order (empty for a KPI or unknown id).
    pub fn rollup_inputs(&self, eval: &Evaluation, what: &ScoreRef) -> Vec<RollupInput> {
        let kpi_score = |k: &Kpi| kpi_input(k, eval.kpi(&k.id).unwrap_or(Score::GREY));
        match what {
            ScoreRef::Kpi(_) => Vec::new(),
            ScoreRef::SubObjective(id) => self
                .sub_objective(id)
                .map(|(_, so)| so.kpis.iter().map(kpi_score).collect())
                .unwrap_or_default(),
            ScoreRef::Factor(kind) => self
                .factor(*kind)
                .sub_objectives
                .iter()
                .map(|so| {
                    let score = eval.sub_objective(&so.id).unwrap_or(Score::GREY);
                    child_input(ScoreRef::SubObjective(so.id.clone()), so.weight, score)
                })
                .collect(),
            ScoreRef::Objective(id) => self.objective_inputs(id, &eval.kpis, &eval.sub_objectives),
            ScoreRef::Overall => FactorKind::ALL
                .iter()
                .map(|k| child_input(ScoreRef::Factor(*k), 1.0, eval.factor(*k)))
                .collect(),
        }
    }
}
