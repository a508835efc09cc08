//! The data of a KPI chart: measurements, the target in effect over time, the baseline,
//! the green / amber / red zones in value space, and the axis ranges.

use crate::model::score::{
    Status, StatusInterval, kpi_series, progress_case, status_intervals, target_on,
};
use crate::model::{Date, Direction, Kpi, Lang};

/// Days since 1970-01-01: the x coordinate of a date in charts.
pub fn day_number(date: Date) -> f64 {
    epoch().days_until(date) as f64
}

/// The date of a day number (rounded to the nearest day).
pub fn date_of_day(day: f64) -> Date {
    let days = if day.is_finite() {
        day.round() as i64
    } else {
        0
    };
    epoch().add_days(days)
}

fn epoch() -> Date {
    Date::from_ymd(1970, 1, 1).unwrap_or_default()
}

/// One measurement as drawn.
#[derive(Clone, PartialEq, Debug)]
pub struct ChartPoint {
    /// Its date.
    pub date: Date,
    /// The measured value.
    pub value: f64,
    /// The target in effect on that date.
    pub target: Option<f64>,
}

/// A stretch of time over which one target is in effect.
#[derive(Clone, PartialEq, Debug)]
pub struct TargetStep {
    /// First day.
    pub from: Date,
    /// Last day (the next step starts here).
    pub to: Date,
    /// The target.
    pub value: f64,
}

/// A rectangle of the chart in which a value has a given status.
#[derive(Clone, PartialEq, Debug)]
pub struct Zone {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Lowest value (clipped to the y range).
    pub low: f64,
    /// Highest value (clipped to the y range).
    pub high: f64,
    /// Green, amber or red.
    pub status: Status,
}

/// Everything needed to draw a KPI chart.
#[derive(Clone, PartialEq, Debug)]
pub struct KpiChartData {
    /// Language of the labels.
    pub lang: Lang,
    /// The KPI's name.
    pub name: String,
    /// The unit of its values (y axis).
    pub unit: String,
    /// Which way is good.
    pub direction: Direction,
    /// The measurements on or before the "as of" date, by date.
    pub points: Vec<ChartPoint>,
    /// The target over the x range as steps (stretches without target are left out).
    pub targets: Vec<TargetStep>,
    /// The baseline (not for band KPIs).
    pub baseline: Option<f64>,
    /// Status zones: per target step for higher / lower is better, one set for a band.
    pub zones: Vec<Zone>,
    /// First and last date of the x axis (with padding).
    pub x_range: (Date, Date),
    /// Lowest and highest value of the y axis (with padding).
    pub y_range: (f64, f64),
}

/// The chart data of a KPI as of a date.
///
/// The x axis runs from the first measurement to the "as of" date (at least two weeks, or
/// the 90 days before "as of" when there is no measurement), with 3 % padding on each side.
/// The y axis covers the measurements, the targets, the baseline and the band limits, with 8 %
/// padding (and does not go below 0 when nothing is negative).
pub fn kpi_chart_data(kpi: &Kpi, as_of: Date, lang: Lang) -> KpiChartData {
    let points: Vec<ChartPoint> = kpi_series(kpi)
        .into_iter()
        .filter(|p| p.date <= as_of)
        .map(|p| ChartPoint {
            date: p.date,
            value: p.value,
            target: p.target,
        })
        .collect();
    let x_range = x_range(&points, as_of);
    let band = kpi.direction == Direction::WithinBand;
    let targets = if band {
        Vec::new()
    } else {
        target_steps(kpi, x_range)
    };
    let baseline = if band {
        None
    } else {
        kpi.baseline.filter(|b| b.is_finite())
    };
    let mut values: Vec<f64> = points.iter().map(|p| p.value).collect();
    values.extend(targets.iter().map(|t| t.value));
    values.extend(baseline);
    if band {
        values.extend([kpi.band_low, kpi.band_high].into_iter().flatten());
    }
    let y_range = y_range(&values);
    let zones = if band {
        zones_for(kpi, kpi.target, x_range.0, x_range.1, y_range)
    } else {
        targets
            .iter()
            .flat_map(|t| zones_for(kpi, Some(t.value), t.from, t.to, y_range))
            .collect()
    };
    KpiChartData {
        lang,
        name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        direction: kpi.direction,
        points,
        targets,
        baseline,
        zones,
        x_range,
        y_range,
    }
}

fn x_range(points: &[ChartPoint], as_of: Date) -> (Date, Date) {
    let (mut lo, mut hi) = match (points.first(), points.last()) {
        (Some(first), Some(last)) => (first.date, last.date.max(as_of)),
        _ => (as_of.add_days(-90), as_of),
    };
    if lo.days_until(hi) < 14 {
        lo = lo.add_days(-7);
        hi = hi.add_days(7);
    }
    let pad = (lo.days_until(hi) / 33).max(1);
    (lo.add_days(-pad), hi.add_days(pad))
}

fn target_steps(kpi: &Kpi, (from, to): (Date, Date)) -> Vec<TargetStep> {
    let mut starts = vec![from];
    let mut changes: Vec<Date> = kpi
        .target_history
        .iter()
        .map(|c| c.date)
        .filter(|d| *d > from && *d <= to)
        .collect();
    changes.sort();
    changes.dedup();
    starts.extend(changes);
    let mut steps: Vec<TargetStep> = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(to);
        let Some(value) = target_on(kpi, *start).filter(|v| v.is_finite()) else {
            continue;
        };
        match steps.last_mut() {
            Some(last) if last.to == *start && last.value == value => last.to = end,
            _ => steps.push(TargetStep {
                from: *start,
                to: end,
                value,
            }),
        }
    }
    steps
}

fn y_range(values: &[f64]) -> (f64, f64) {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo > hi {
        return (0.0, 1.0);
    }
    let span = hi - lo;
    let pad = if span > 0.0 {
        span * 0.08
    } else {
        (hi.abs() * 0.1).max(1.0)
    };
    let bottom = if lo >= 0.0 {
        (lo - pad).max(0.0)
    } else {
        lo - pad
    };
    (bottom, hi + pad)
}

fn zones_for(kpi: &Kpi, target: Option<f64>, from: Date, to: Date, y: (f64, f64)) -> Vec<Zone> {
    status_intervals(progress_case(kpi, target), kpi.amber_threshold)
        .into_iter()
        .filter_map(|StatusInterval { low, high, status }| {
            let (low, high) = (low.max(y.0), high.min(y.1));
            (high > low).then_some(Zone {
                from,
                to,
                low,
                high,
                status,
            })
        })
        .collect()
}
