//! The KPI chart's review lines: the expected path to the target and the forecast (the trend
//! of the last periods carried forward), both drawn dashed; and how far the x axis runs to
//! show where they lead (docs/scoring.md, section 7).

use crate::model::expected::forecast;
use crate::model::{Date, Kpi, Period};

/// The expected path and the forecast of a KPI over a chart's x range.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct ReviewLines {
    /// The expected value as a polyline (a step of a table is a vertical jump); empty
    /// without an expected path.
    pub expected: Vec<(Date, f64)>,
    /// The forecast's line from the first period it is drawn through to the right edge;
    /// empty without a forecast or a target date.
    pub forecast: Vec<(Date, f64)>,
}

/// The last day the chart should show: the target date, when the KPI has one after `as_of`.
pub fn review_until(kpi: &Kpi, as_of: Date) -> Option<Date> {
    kpi.target_date.filter(|d| *d > as_of)
}

/// The review lines of `kpi` from its chart's points (measurements, or a calculated KPI's
/// values of the periods that are over: the unfinished one left out), by date, over
/// `(from, to)`.
pub fn review_lines(kpi: &Kpi, points: &[(Date, f64)], (from, to): (Date, Date)) -> ReviewLines {
    ReviewLines {
        expected: expected_line(kpi, (from, to)),
        forecast: forecast_line(kpi, points, to),
    }
}

fn expected_line(kpi: &Kpi, (from, to): (Date, Date)) -> Vec<(Date, f64)> {
    let nodes: Vec<Date> = if kpi.expected_path.is_empty() {
        kpi.path_start()
            .into_iter()
            .chain(kpi.target_date)
            .collect()
    } else {
        kpi.expected_path.iter().map(|p| p.date).collect()
    };
    let mut line = Vec::new();
    let mut push = |day: Date| {
        if let Some(e) = kpi.expected_on(day) {
            line.push((day, e.value));
        }
    };
    push(from);
    for node in nodes.into_iter().filter(|d| *d > from && *d <= to) {
        // The day before a table's step keeps the old value: the line jumps at the step.
        if !kpi.expected_path.is_empty() {
            push(node.add_days(-1));
        }
        push(node);
    }
    push(to);
    line.dedup();
    if line.len() < 2 { Vec::new() } else { line }
}

fn forecast_line(kpi: &Kpi, points: &[(Date, f64)], to: Date) -> Vec<(Date, f64)> {
    // Drawn towards a target date only: without one the panel says when the target is
    // reached, and every chart would carry a line.
    if kpi.target_date.is_none() {
        return Vec::new();
    }
    // One value per period: the calculated values that are over, or each period's latest
    // measurement.
    let mut values: Vec<(Period, Date, f64)> = Vec::new();
    for &(date, value) in points {
        let period = Period::containing(date, kpi.frequency);
        match values.last_mut() {
            Some(last) if last.0 == period => *last = (period, date, value),
            _ => values.push((period, date, value)),
        }
    }
    let values: Vec<(Date, f64)> = values.into_iter().map(|(_, d, v)| (d, v)).collect();
    let Some(f) = forecast(&values, kpi.target, kpi.direction, kpi.target_date) else {
        return Vec::new();
    };
    let Some(&(first, _)) = f.through.first() else {
        return Vec::new();
    };
    if to <= first {
        return Vec::new();
    }
    vec![(first, f.value_on(first)), (to, f.value_on(to))]
}
