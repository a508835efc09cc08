//! Where a KPI is expected to be on a day (its expected path to the target), whether it is on
//! track against that, and where the trend of its last periods leads (the forecast). The
//! rules, with worked examples, are in docs/scoring.md ("Expected path" and "Forecast").

use super::date::Date;
use super::enums::Direction;
use super::kpi::Kpi;

/// How many of the last periods the forecast's trend is drawn through (at most).
pub const FORECAST_PERIODS: usize = 6;
/// The fewest periods a forecast is made from.
pub const MIN_FORECAST_PERIODS: usize = 3;

/// Where the expected value of a day comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathKind {
    /// The straight line from the baseline (on the baseline date) to the target (on the
    /// target date).
    Line,
    /// The step of the expected path entered per period that applies on the day.
    Table,
}

/// The expected value of a KPI on a day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Expected {
    /// The day.
    pub on: Date,
    /// The value expected on it.
    pub value: f64,
    /// Line or table.
    pub kind: PathKind,
}

/// A value against the expected value: ahead of it (or on it) or behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// At or beyond the expected value, in the KPI's good direction.
    OnTrack,
    /// Short of the expected value.
    Behind,
}

impl Kpi {
    /// Where the expected path starts: the baseline date, else the first measurement's date.
    pub fn path_start(&self) -> Option<Date> {
        self.baseline_date
            .or_else(|| self.measurements.iter().map(|m| m.date).min())
    }

    /// The value expected on `day`, when the KPI has an expected path: the step of the table
    /// that applies (the last step on or before `day`; none before the first step), else the
    /// straight line from the baseline on the path's start to the target on the target date
    /// (the baseline before the start, the target from the target date on). `None` for a KPI
    /// kept within a band, or without a target date (and no table), target or baseline.
    pub fn expected_on(&self, day: Date) -> Option<Expected> {
        if self.direction == Direction::WithinBand {
            return None;
        }
        if !self.expected_path.is_empty() {
            return self
                .expected_path
                .iter()
                .rev()
                .find(|p| p.date <= day)
                .map(|p| Expected {
                    on: day,
                    value: p.value,
                    kind: PathKind::Table,
                });
        }
        let (end, target) = (self.target_date?, self.target?);
        let (start, baseline) = (self.path_start()?, self.baseline?);
        let value = if day >= end {
            target
        } else if day <= start || end <= start {
            baseline
        } else {
            let part = start.days_until(day) as f64 / start.days_until(end) as f64;
            baseline + (target - baseline) * part
        };
        Some(Expected {
            on: day,
            value,
            kind: PathKind::Line,
        })
    }

    /// Whether `value` is on track against the expected value `expected`: at or beyond it in
    /// the KPI's good direction. `None` for a KPI kept within a band.
    pub fn pace(&self, value: f64, expected: f64) -> Option<Pace> {
        let on_track = match self.direction {
            Direction::HigherIsBetter => value >= expected,
            Direction::LowerIsBetter => value <= expected,
            Direction::WithinBand => return None,
        };
        Some(if on_track {
            Pace::OnTrack
        } else {
            Pace::Behind
        })
    }
}

/// When the trend reaches the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The last period's value has reached the target already.
    Already,
    /// On this day, at this pace.
    On(Date),
    /// The trend is flat or moves away from the target: not at this pace.
    Never,
}

/// The trend of a KPI's last periods carried forward (least squares).
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// The periods' points the trend is drawn through (date, value), oldest first.
    pub through: Vec<(Date, f64)>,
    /// Change per day.
    pub slope: f64,
    /// The trend's value on the first point's date.
    pub start_value: f64,
    /// When the trend reaches the target.
    pub reach: Reach,
    /// The trend's value on the target date (when the KPI has one).
    pub at_target_date: Option<f64>,
}

impl Forecast {
    /// The trend's value on `day`.
    pub fn value_on(&self, day: Date) -> f64 {
        let first = self.through.first().map_or(day, |p| p.0);
        self.start_value + self.slope * first.days_until(day) as f64
    }

    /// Whether the target is reached by the target date at this pace (`None` without a
    /// target date).
    pub fn in_time(&self, target_date: Option<Date>) -> Option<bool> {
        let end = target_date?;
        Some(match self.reach {
            Reach::Already => true,
            Reach::On(day) => day <= end,
            Reach::Never => false,
        })
    }
}

/// The forecast from the values of a KPI's periods (`points`: one (date, value) per period,
/// in date order — the date its value is shown at), towards `target` in `direction`: a
/// least-squares line through the last [`FORECAST_PERIODS`] points, carried forward. `None`
/// from fewer than [`MIN_FORECAST_PERIODS`] points, without a target, or for a KPI kept
/// within a band.
pub fn forecast(
    points: &[(Date, f64)],
    target: Option<f64>,
    direction: Direction,
    target_date: Option<Date>,
) -> Option<Forecast> {
    let target = target?;
    if direction == Direction::WithinBand || points.len() < MIN_FORECAST_PERIODS {
        return None;
    }
    let through: Vec<(Date, f64)> =
        points[points.len() - points.len().min(FORECAST_PERIODS)..].to_vec();
    let first = through[0].0;
    let xs: Vec<f64> = through
        .iter()
        .map(|p| first.days_until(p.0) as f64)
        .collect();
    let n = xs.len() as f64;
    let mean_x = xs.iter().sum::<f64>() / n;
    let mean_y = through.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = xs
        .iter()
        .zip(&through)
        .map(|(x, p)| (x - mean_x) * (p.1 - mean_y))
        .sum();
    let slope = sxy / sxx;
    let start_value = mean_y - slope * mean_x;
    let last = through[through.len() - 1];
    let reached = |v: f64| match direction {
        Direction::HigherIsBetter => v >= target,
        _ => v <= target,
    };
    let towards = match direction {
        Direction::HigherIsBetter => slope > 0.0,
        _ => slope < 0.0,
    };
    let reach = if reached(last.1) {
        Reach::Already
    } else if !towards || !slope.is_finite() {
        Reach::Never
    } else {
        // The first day on or after the last period's date the line is at the target.
        let x = (target - start_value) / slope;
        let from_last = (x - xs[xs.len() - 1]).ceil().max(0.0);
        if from_last > 365.0 * 100.0 {
            Reach::Never
        } else {
            Reach::On(last.0.add_days(from_last as i64))
        }
    };
    let mut f = Forecast {
        through,
        slope,
        start_value,
        reach,
        at_target_date: None,
    };
    f.at_target_date = target_date.map(|d| f.value_on(d));
    Some(f)
}
