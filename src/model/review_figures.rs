//! The figures of a KPI the monthly review shows: one value per period, the change against
//! the previous period, the expected value with on track / behind, and the forecast
//! (docs/scoring.md, section 7).

use super::date::Date;
use super::expected::{Expected, Forecast, Pace, forecast};
use super::kpi::Kpi;
use super::period::Period;
use super::scorecard::Scorecard;

/// The value of one period of a KPI.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodPoint {
    /// The period.
    pub period: Period,
    /// The date the value is shown at: a measurement's own date, a calculated value's
    /// period end.
    pub date: Date,
    /// The value.
    pub value: f64,
}

/// A KPI's figures for the review, as of a day.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiFigures {
    /// One value per period up to the as-of date, oldest first (for a calculated KPI, the
    /// periods that are over).
    pub periods: Vec<PeriodPoint>,
    /// The latest of them: the period that is scored.
    pub current: Option<PeriodPoint>,
    /// The period just before the current one, when it has a value.
    pub previous: Option<PeriodPoint>,
    /// Current minus previous.
    pub change: Option<f64>,
    /// The expected value on the current period's last day (or the as-of date, if earlier).
    pub expected: Option<Expected>,
    /// The current value against the expected one.
    pub pace: Option<Pace>,
    /// The trend of the last periods carried forward.
    pub forecast: Option<Forecast>,
}

impl Scorecard {
    /// One value per period of `kpi` up to `as_of`: for a measured KPI the latest measurement
    /// of each period of its frequency (at its date), for a calculated KPI the value of each
    /// period that is over (at the period's end; periods without a value left out).
    pub fn period_values(&self, kpi: &Kpi, as_of: Date) -> Vec<PeriodPoint> {
        if let Some(calc) = self.calculate_as_of(kpi, as_of) {
            return calc
                .periods
                .iter()
                .filter(|p| p.period.is_complete(as_of))
                .filter_map(|p| {
                    p.value.as_ref().ok().map(|v| PeriodPoint {
                        period: p.period,
                        date: p.period.end,
                        value: *v,
                    })
                })
                .collect();
        }
        let mut points: Vec<PeriodPoint> = Vec::new();
        let mut measurements: Vec<_> = kpi
            .measurements
            .iter()
            .filter(|m| m.date <= as_of)
            .collect();
        // In date order; of two on one date the one entered later (later in the list) wins.
        measurements.sort_by_key(|m| m.date);
        for m in measurements {
            let period = Period::containing(m.date, kpi.frequency);
            let point = PeriodPoint {
                period,
                date: m.date,
                value: m.value,
            };
            match points.last_mut() {
                Some(last) if last.period == period => *last = point,
                _ => points.push(point),
            }
        }
        points
    }

    /// The review's figures of `kpi` as of `as_of`.
    pub fn kpi_figures(&self, kpi: &Kpi, as_of: Date) -> KpiFigures {
        let periods = self.period_values(kpi, as_of);
        let current = periods.last().copied();
        let previous = match periods.len() {
            n if n >= 2 => Some(periods[n - 2])
                .filter(|p| current.is_some_and(|c| c.period.previous() == Some(p.period))),
            _ => None,
        };
        let change = current.zip(previous).map(|(c, p)| c.value - p.value);
        let expected = current.and_then(|c| kpi.expected_on(c.period.end.min(as_of)));
        let pace = current
            .zip(expected)
            .and_then(|(c, e)| kpi.pace(c.value, e.value));
        let points: Vec<(Date, f64)> = periods.iter().map(|p| (p.date, p.value)).collect();
        let forecast = forecast(&points, kpi.target, kpi.direction, kpi.target_date);
        KpiFigures {
            periods,
            current,
            previous,
            change,
            expected,
            pace,
            forecast,
        }
    }
}
