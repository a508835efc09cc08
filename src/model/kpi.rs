//! Key performance indicators, their measurements and the history of their targets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Extra;
use super::date::Date;
use super::enums::{Direction, Frequency};
use super::review::{Commentary, ExpectedPoint};

/// The default amber threshold: 70 % progress.
pub const DEFAULT_AMBER_THRESHOLD: f64 = 0.7;

/// A key performance indicator: what is measured, which way is good and what the target is.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Kpi {
    /// Stable id, e.g. `kpi-40`.
    pub id: String,
    /// Short name, e.g. "Response time of product management".
    pub name: String,
    /// What exactly is measured and how.
    pub description: String,
    /// Unit shown with the values, e.g. "hours" or "%".
    pub unit: String,
    /// Which way is good.
    pub direction: Direction,
    /// The value at the start, from which progress is measured.
    pub baseline: Option<f64>,
    /// The value to reach.
    pub target: Option<f64>,
    /// Lower band limit (for `within_band`).
    pub band_low: Option<f64>,
    /// Upper band limit (for `within_band`).
    pub band_high: Option<f64>,
    /// Progress (as a fraction, 0.7 = 70 %) from which the status is amber rather than red.
    pub amber_threshold: f64,
    /// How often the KPI is measured.
    pub frequency: Frequency,
    /// Where the figure comes from, e.g. "Reporting tool of the community platform".
    pub data_source: String,
    /// Who is responsible for the KPI.
    pub owner: String,
    /// Relative weight in roll-ups (default 1; 0 = shown but not counted).
    pub weight: f64,
    /// Measured values.
    pub measurements: Vec<Measurement>,
    /// Every recorded change of the target, oldest first.
    pub target_history: Vec<TargetChange>,
    /// For a calculated KPI, its formula over the scorecard's input series, e.g.
    /// `interactions / reach * 100` (`docs/formulas.md`); absent for a measured KPI. A
    /// calculated KPI keeps its own measurements (unused) so that switching back loses nothing.
    pub formula: Option<String>,
    /// The date the baseline applies to: where the expected path starts (absent: the first
    /// measurement's date). See docs/scoring.md.
    pub baseline_date: Option<Date>,
    /// The date by which the target is to be reached: with it, the KPI has an expected value
    /// on every day between the baseline date and this date (docs/scoring.md).
    pub target_date: Option<Date>,
    /// The expected path entered per period, when it is not a straight line: each step
    /// applies from its date until the next, in date order.
    pub expected_path: Vec<ExpectedPoint>,
    /// Per period, the team's analysis and intended action.
    pub commentary: Vec<Commentary>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

impl Default for Kpi {
    fn default() -> Self {
        Kpi {
            id: String::new(),
            name: String::new(),
            description: String::new(),
            unit: String::new(),
            direction: Direction::default(),
            baseline: None,
            target: None,
            band_low: None,
            band_high: None,
            amber_threshold: DEFAULT_AMBER_THRESHOLD,
            frequency: Frequency::default(),
            data_source: String::new(),
            owner: String::new(),
            weight: 1.0,
            measurements: Vec::new(),
            target_history: Vec::new(),
            formula: None,
            baseline_date: None,
            target_date: None,
            expected_path: Vec::new(),
            commentary: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl Kpi {
    /// A new KPI with default settings.
    pub fn new(id: String, name: String) -> Kpi {
        Kpi {
            id,
            name,
            ..Kpi::default()
        }
    }

    /// The measurement with this id.
    pub fn measurement(&self, id: &str) -> Option<&Measurement> {
        self.measurements.iter().find(|m| m.id == id)
    }
}

/// One measured value of a KPI.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct Measurement {
    /// Stable id, e.g. `m-120`.
    #[serde(default)]
    pub id: String,
    /// The date the value applies to.
    pub date: Date,
    /// The measured value.
    pub value: f64,
    /// Optional remark.
    #[serde(default)]
    pub note: String,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// A recorded change of a KPI's target.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct TargetChange {
    /// The date from which the new target applies.
    pub date: Date,
    /// The target before the change.
    #[serde(default)]
    pub old: Option<f64>,
    /// The target after the change.
    #[serde(default)]
    pub new: Option<f64>,
    /// Why the target changed.
    #[serde(default)]
    pub reason: String,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}
