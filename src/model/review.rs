//! What the monthly review adds to a scorecard (file format version 4): a KPI's expected
//! path to its target, its commentary per period, and the reviews held. How the expected
//! value is worked out is in `expected.rs` and docs/scoring.md.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Extra;
use super::date::Date;

/// One step of a KPI's expected path entered per period: from `date` on (until the next
/// step) the KPI is expected to be at `value`.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct ExpectedPoint {
    /// From when the expected value applies.
    pub date: Date,
    /// The expected value.
    pub value: f64,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// What the team made of one period of a KPI (ClearPoint's analysis and recommendation).
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Commentary {
    /// The first day of the period it is about (the period of the KPI's frequency).
    pub period: Date,
    /// What happened and why.
    pub analysis: String,
    /// What we intend to do about it.
    pub action: String,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// A monthly (or other) review held on the scorecard.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Review {
    /// The first day of the period reviewed.
    pub period: Date,
    /// The day the review was held.
    pub held_on: Date,
    /// Who took part, as written.
    pub participants: String,
    /// The review's summary: what was concluded and agreed.
    pub summary: String,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// Checks a baseline date and a target date together: the target date after the baseline
/// date, when both are given.
pub fn check_path_dates(baseline: Option<Date>, target: Option<Date>) -> Result<(), String> {
    match (baseline, target) {
        (Some(b), Some(t)) if t <= b => Err(format!(
            "the target date {t} must come after the baseline date {b}"
        )),
        _ => Ok(()),
    }
}

/// Checks an expected path: at most [`MAX_EXPECTED_PATH`](super::limits::MAX_EXPECTED_PATH)
/// steps, in date order with one per date, each value finite.
pub fn check_expected_path(steps: &[ExpectedPoint]) -> Result<(), String> {
    let max = super::limits::MAX_EXPECTED_PATH;
    if steps.len() > max {
        return Err(format!("at most {max} steps allowed"));
    }
    for (i, p) in steps.iter().enumerate() {
        super::limits::check_value(p.value).map_err(|e| format!("step {}: {e}", i + 1))?;
        if i > 0 && p.date <= steps[i - 1].date {
            return Err(format!(
                "step {} ({}) must come after step {i} ({}): one step per date, in date order",
                i + 1,
                p.date,
                steps[i - 1].date
            ));
        }
    }
    Ok(())
}
