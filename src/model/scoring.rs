//! KPI-level scoring: progress, status, latest measurement, target in effect and chart series.
//! The formulas are specified in `docs/scoring.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;
use super::enums::Direction;
use super::kpi::{Kpi, Measurement};

/// Tolerance for "target met" and threshold comparisons, against rounding errors.
pub const EPSILON: f64 = 1e-9;
/// Progress is kept within ±this (±100 000 000 %) so it is always a finite number.
pub const PROGRESS_LIMIT: f64 = 1e6;

/// The traffic-light status of a score.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Target met (progress ≥ 100 %).
    Green,
    /// At risk (progress ≥ the amber threshold).
    Amber,
    /// Off target.
    Red,
    /// No (recent) data, or nothing to score.
    Grey,
}

/// How a KPI's progress was computed (used by the explanation).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ProgressCase {
    /// No target (or no band limits): nothing to score.
    NoTarget,
    /// (actual − baseline) / (target − baseline).
    Linear {
        /// Baseline.
        baseline: f64,
        /// Target.
        target: f64,
    },
    /// No baseline, or baseline = target: 100 % when met, else 0 %.
    MetOrNot {
        /// Target.
        target: f64,
        /// Whether lower is better.
        lower_is_better: bool,
    },
    /// Within the band: 100 %; outside it falls off linearly over `width`.
    Band {
        /// Lower limit, if any.
        low: Option<f64>,
        /// Upper limit, if any.
        high: Option<f64>,
        /// Distance outside the band at which progress reaches 0 %.
        width: f64,
    },
}

/// Which case of the formula applies to a KPI with this target.
pub fn progress_case(kpi: &Kpi, target: Option<f64>) -> ProgressCase {
    if kpi.direction == Direction::WithinBand {
        let (mut low, mut high) = (finite(kpi.band_low), finite(kpi.band_high));
        if let (Some(l), Some(h)) = (low, high)
            && l > h
        {
            (low, high) = (Some(h), Some(l));
        }
        let width = match (low, high) {
            (Some(l), Some(h)) if h > l => h - l,
            (Some(edge), None) | (None, Some(edge)) if edge != 0.0 => edge.abs(),
            (Some(l), Some(_)) if l != 0.0 => l.abs(),
            _ => 1.0,
        };
        return if low.is_none() && high.is_none() {
            ProgressCase::NoTarget
        } else {
            ProgressCase::Band { low, high, width }
        };
    }
    let Some(target) = finite(target) else {
        return ProgressCase::NoTarget;
    };
    match finite(kpi.baseline) {
        Some(baseline) if baseline != target => ProgressCase::Linear { baseline, target },
        _ => ProgressCase::MetOrNot {
            target,
            lower_is_better: kpi.direction == Direction::LowerIsBetter,
        },
    }
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// Progress of `value` under a case, as a fraction (1.0 = 100 %); `None` when nothing to score.
pub fn progress_in_case(case: ProgressCase, value: f64) -> Option<f64> {
    if !value.is_finite() {
        return None;
    }
    let raw = match case {
        ProgressCase::NoTarget => return None,
        ProgressCase::Linear { baseline, target } => (value - baseline) / (target - baseline),
        ProgressCase::MetOrNot {
            target,
            lower_is_better,
        } => {
            let met = if lower_is_better {
                value <= target
            } else {
                value >= target
            };
            if met { 1.0 } else { 0.0 }
        }
        ProgressCase::Band { low, high, width } => {
            let below = low.map_or(0.0, |l| (l - value).max(0.0));
            let above = high.map_or(0.0, |h| (value - h).max(0.0));
            (1.0 - (below + above) / width).max(0.0)
        }
    };
    if raw.is_nan() {
        None
    } else {
        Some(raw.clamp(-PROGRESS_LIMIT, PROGRESS_LIMIT))
    }
}

/// Progress of a value against the KPI's current target, as a fraction (1.0 = 100 %).
/// Overshoot is returned as is (e.g. 1.25); `None` when the KPI has nothing to score against.
pub fn kpi_progress(kpi: &Kpi, value: f64) -> Option<f64> {
    progress_in_case(progress_case(kpi, kpi.target), value)
}

/// A range of values with one status (see [`status_intervals`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatusInterval {
    /// Lowest value (may be −∞).
    pub low: f64,
    /// Highest value (may be +∞).
    pub high: f64,
    /// The status of a value in the range.
    pub status: Status,
}

/// The value intervals in which a value gets each status under `case` and the amber
/// threshold `amber`: the status rule ([`status_for`] of [`progress_in_case`]) solved for the
/// value, for drawing status zones behind a chart. An edge value belongs to the better status.
pub fn status_intervals(case: ProgressCase, amber: f64) -> Vec<StatusInterval> {
    const INF: f64 = f64::INFINITY;
    let iv = |low, high, status| StatusInterval { low, high, status };
    let off = if amber <= 0.0 {
        Status::Amber
    } else {
        Status::Red
    };
    match case {
        ProgressCase::NoTarget => Vec::new(),
        ProgressCase::Linear { baseline, target } => {
            let edge = baseline + amber.min(1.0) * (target - baseline);
            if target > baseline {
                vec![
                    iv(target, INF, Status::Green),
                    iv(edge, target, Status::Amber),
                    iv(-INF, edge, Status::Red),
                ]
            } else {
                vec![
                    iv(-INF, target, Status::Green),
                    iv(target, edge, Status::Amber),
                    iv(edge, INF, Status::Red),
                ]
            }
        }
        ProgressCase::MetOrNot {
            target,
            lower_is_better,
        } => {
            if lower_is_better {
                vec![iv(-INF, target, Status::Green), iv(target, INF, off)]
            } else {
                vec![iv(target, INF, Status::Green), iv(-INF, target, off)]
            }
        }
        ProgressCase::Band { low, high, width } => {
            let margin = if amber <= 0.0 {
                INF
            } else {
                (1.0 - amber).max(0.0) * width
            };
            let (l, h) = (low.unwrap_or(-INF), high.unwrap_or(INF));
            vec![
                iv(l, h, Status::Green),
                iv(l - margin, l, Status::Amber),
                iv(-INF, l - margin, Status::Red),
                iv(h, h + margin, Status::Amber),
                iv(h + margin, INF, Status::Red),
            ]
        }
    }
}

/// The status for a progress value: green from 100 %, amber from `amber_threshold`, else red;
/// grey when there is no progress.
pub fn status_for(progress: Option<f64>, amber_threshold: f64) -> Status {
    match progress {
        None => Status::Grey,
        Some(p) if p >= 1.0 - EPSILON => Status::Green,
        Some(p) if p >= amber_threshold - EPSILON => Status::Amber,
        Some(_) => Status::Red,
    }
}

/// A progress value as it counts in roll-ups: capped to 0 %…100 %.
pub fn rollup_value(progress: f64) -> f64 {
    progress.clamp(0.0, 1.0)
}

/// The latest measurement on or before `as_of`. Of two on the same date, the one entered
/// last counts: the higher id number (ids come from the scorecard's counter, so editing a
/// date does not change which was entered last); list order only between ids without one.
pub fn latest_measurement(kpi: &Kpi, as_of: Date) -> Option<&Measurement> {
    kpi.measurements.iter().filter(|m| m.date <= as_of).fold(
        None,
        |best: Option<&Measurement>, m| match best {
            Some(b) if b.date > m.date || (b.date == m.date && entered_later(b, m)) => Some(b),
            _ => Some(m),
        },
    )
}

/// The measurement that counts on `date`, when the KPI has one (see [`latest_measurement`]).
pub fn measurement_on(kpi: &Kpi, date: Date) -> Option<&Measurement> {
    kpi.measurements.iter().filter(|m| m.date == date).fold(
        None,
        |best: Option<&Measurement>, m| match best {
            Some(b) if entered_later(b, m) => Some(b),
            _ => Some(m),
        },
    )
}

/// Whether `a` was entered after `b`, by their id numbers; false when either id has none (then
/// the one listed later counts).
pub fn entered_later(a: &Measurement, b: &Measurement) -> bool {
    match (super::ids::id_number(&a.id), super::ids::id_number(&b.id)) {
        (Some(x), Some(y)) => x > y,
        _ => false,
    }
}

/// Whether a measurement of `date` is too old on `as_of` for the KPI's frequency.
pub fn is_stale(kpi: &Kpi, date: Date, as_of: Date) -> bool {
    date.days_until(as_of) > kpi.frequency.max_age_days()
}

/// A KPI's score as of a date.
#[derive(Clone, PartialEq, Debug)]
pub struct KpiState<'a> {
    /// The latest measurement on or before the date.
    pub latest: Option<&'a Measurement>,
    /// Progress of that measurement (overshoot as is).
    pub progress: Option<f64>,
    /// Whether that measurement is too old.
    pub stale: bool,
    /// The status.
    pub status: Status,
}

/// The score and status of a KPI as of a date (grey when no measurement, stale or no target).
pub fn kpi_state(kpi: &Kpi, as_of: Date) -> KpiState<'_> {
    let latest = latest_measurement(kpi, as_of);
    let progress = latest.and_then(|m| kpi_progress(kpi, m.value));
    let stale = latest.is_some_and(|m| is_stale(kpi, m.date, as_of));
    let status = if stale {
        Status::Grey
    } else {
        status_for(progress, kpi.amber_threshold)
    };
    KpiState {
        latest,
        progress,
        stale,
        status,
    }
}

/// The target in effect on a date, from the target history: the `new` value of the last change
/// dated on or before it; before the first change, that change's `old` value; without history,
/// the current target.
pub fn target_on(kpi: &Kpi, date: Date) -> Option<f64> {
    let mut changes: Vec<_> = kpi.target_history.iter().collect();
    changes.sort_by_key(|c| c.date);
    match changes.iter().rev().find(|c| c.date <= date) {
        Some(c) => c.new,
        None => changes.first().map_or(kpi.target, |c| c.old),
    }
}

/// One point of a KPI's chart.
#[derive(Clone, PartialEq, Debug)]
pub struct SeriesPoint {
    /// Measurement id.
    pub id: String,
    /// Date.
    pub date: Date,
    /// Measured value.
    pub value: f64,
    /// Target in effect on that date.
    pub target: Option<f64>,
    /// Progress against that target.
    pub progress: Option<f64>,
}

/// The KPI's measurements sorted by date, each with the target in effect at its date.
pub fn kpi_series(kpi: &Kpi) -> Vec<SeriesPoint> {
    let mut points: Vec<SeriesPoint> = kpi
        .measurements
        .iter()
        .map(|m| {
            let target = target_on(kpi, m.date);
            SeriesPoint {
                id: m.id.clone(),
                date: m.date,
                value: m.value,
                target,
                progress: progress_in_case(progress_case(kpi, target), m.value),
            }
        })
        .collect();
    points.sort_by_key(|p| p.date);
    points
}
