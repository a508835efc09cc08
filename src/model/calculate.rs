//! Calculated KPIs: a KPI's formula over the scorecard's input series, one value per period
//! of the KPI's frequency (see `docs/scoring.md`, "Calculated KPIs").
//!
//! Each input series is first aggregated into the period by its own aggregation (a month's
//! interactions are the sum of its daily interactions, its followers the last value), and the
//! formula is then worked out once over those totals: a month's engagement rate is
//! Σ interactions ÷ Σ reach, never the average of daily rates.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::date::Date;
use super::enums::Frequency;
use super::formula::{EvalProblem, Formula, FormulaError};
use super::kpi::{Kpi, Measurement};
use super::period::Period;
use super::scorecard::Scorecard;
use super::series::{Aggregation, InputPoint, InputSeries};

/// Prefix of the ids of the per-period values a calculated KPI shows as its measurements.
pub const CALCULATED_PREFIX: &str = "calc";

/// A series' value in one period.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Aggregate {
    /// The aggregated value.
    pub value: f64,
    /// How many points it came from.
    pub points: usize,
    /// Date of the period's first point.
    pub first: Date,
    /// Date of the period's last point.
    pub last: Date,
}

/// Aggregates `points` into periods of `frequency`, keyed by each period's first day.
/// Non-finite values are left out. Of two points on one date, the one listed last counts.
pub fn aggregate(
    points: &[InputPoint],
    aggregation: Aggregation,
    frequency: Frequency,
) -> BTreeMap<Date, Aggregate> {
    aggregate_values(
        points.iter().map(|p| (p.date, p.value)),
        aggregation,
        frequency,
    )
}

/// [`aggregate`] over (date, value) pairs.
///
/// One pass over the points in date order, finding a period only when a point falls past the
/// current one (finding a period builds dates, which is slow next to adding a number): the
/// evaluation of a scorecard with years of daily points is mostly this loop.
fn aggregate_values(
    points: impl Iterator<Item = (Date, f64)>,
    aggregation: Aggregation,
    frequency: Frequency,
) -> BTreeMap<Date, Aggregate> {
    let mut sorted: Vec<(Date, f64)> = points.filter(|(_, v)| v.is_finite()).collect();
    // A series is kept in date order, one point per date, so this is usually true already.
    if !sorted.windows(2).all(|w| w[0].0 < w[1].0) {
        // A stable sort keeps the list order within a date; the later point then replaces the
        // earlier.
        sorted.sort_by_key(|(date, _)| *date);
        let mut kept: Vec<(Date, f64)> = Vec::with_capacity(sorted.len());
        for (date, value) in sorted {
            match kept.last_mut() {
                Some(last) if last.0 == date => last.1 = value,
                _ => kept.push((date, value)),
            }
        }
        sorted = kept;
    }
    let mut out: BTreeMap<Date, Aggregate> = BTreeMap::new();
    let mut current: Option<(Period, Aggregate)> = None;
    for (date, value) in sorted {
        if let Some((period, a)) = &mut current
            && date <= period.end
        {
            a.value = match aggregation {
                Aggregation::Sum | Aggregation::Average => a.value + value,
                Aggregation::Last => value,
                Aggregation::Min => a.value.min(value),
                Aggregation::Max => a.value.max(value),
            };
            a.points += 1;
            a.last = date;
            continue;
        }
        if let Some((period, a)) = current.take() {
            out.insert(period.start, a);
        }
        let first = Aggregate {
            value,
            points: 1,
            first: date,
            last: date,
        };
        current = Some((Period::containing(date, frequency), first));
    }
    if let Some((period, a)) = current {
        out.insert(period.start, a);
    }
    if aggregation == Aggregation::Average {
        for a in out.values_mut() {
            a.value /= a.points as f64;
        }
    }
    out.retain(|_, a| a.value.is_finite());
    out
}

/// One input of a period's value: a series (or `prev` of it) aggregated into a period.
#[derive(Clone, PartialEq, Debug)]
pub struct PeriodInput {
    /// The series key as the formula uses it.
    pub key: String,
    /// Used as `prev(key)`: the value of the period before.
    pub prev: bool,
    /// The period the value is of (the period before for `prev`).
    pub period: Period,
    /// The series' id, when a series has the key.
    pub series_id: Option<String>,
    /// The series' aggregation.
    pub aggregation: Aggregation,
    /// The aggregated value, `None` when the series has no point in the period.
    pub value: Option<f64>,
    /// How many points the value came from.
    pub points: usize,
}

/// A calculated KPI's value for one period.
#[derive(Clone, PartialEq, Debug)]
pub struct PeriodValue {
    /// The period.
    pub period: Period,
    /// The value, or why there is none.
    pub value: Result<f64, EvalProblem>,
    /// The inputs in the order the formula uses them (each key and `prev(key)` once).
    pub inputs: Vec<PeriodInput>,
}

impl PeriodValue {
    /// Whether the period is not over on `as_of`: its value is "so far".
    pub fn is_so_far(&self, as_of: Date) -> bool {
        !self.period.is_complete(as_of)
    }
}

/// A calculated KPI worked out: its formula, or why it cannot be read, and its values per
/// period.
#[derive(Clone, PartialEq, Debug)]
pub struct Calculation {
    /// The parsed formula, checked against the scorecard's series keys.
    pub formula: Result<Formula, FormulaError>,
    /// One value per period in which any input has a point, oldest first.
    pub periods: Vec<PeriodValue>,
}

impl Calculation {
    /// The value of the period `date` falls in, if that period has one.
    pub fn period_of(&self, date: Date) -> Option<&PeriodValue> {
        self.periods.iter().find(|p| p.period.contains(date))
    }

    /// The period that counts for the score on `as_of`: the latest period that is over
    /// (see `docs/scoring.md`, "So far").
    pub fn scored(&self, as_of: Date) -> Option<&PeriodValue> {
        self.periods
            .iter()
            .rev()
            .find(|p| p.period.is_complete(as_of))
    }

    /// The value of the unfinished period `as_of` falls in, if it has any input yet.
    pub fn so_far(&self, as_of: Date) -> Option<&PeriodValue> {
        self.periods
            .iter()
            .rev()
            .find(|p| p.period.contains(as_of) && !p.period.is_complete(as_of))
    }
}

/// Aggregated series of one scorecard, computed once per series and frequency when first
/// asked for; used to work out many calculated KPIs over the same series.
pub struct SeriesTable<'a> {
    /// Points after this date are left out (the "as of" date), when set.
    cutoff: Option<Date>,
    series: HashMap<&'a str, &'a InputSeries>,
    keys: Vec<&'a str>,
    cache: HashMap<(&'a str, Frequency), BTreeMap<Date, Aggregate>>,
}

impl<'a> SeriesTable<'a> {
    /// A table over the scorecard's series as known on `as_of`: points dated after it are
    /// left out, so a "so far" period holds only what was known then.
    pub fn as_of(card: &'a Scorecard, as_of: Date) -> SeriesTable<'a> {
        SeriesTable {
            cutoff: Some(as_of),
            ..SeriesTable::new(card)
        }
    }

    /// A table over all of the scorecard's series' points (the first series with a key
    /// counts).
    pub fn new(card: &'a Scorecard) -> SeriesTable<'a> {
        let mut series = HashMap::new();
        for s in &card.series {
            series.entry(s.key.as_str()).or_insert(s);
        }
        let keys = card.series.iter().map(|s| s.key.as_str()).collect();
        SeriesTable {
            cutoff: None,
            series,
            keys,
            cache: HashMap::new(),
        }
    }

    /// The series with this key.
    pub fn series(&self, key: &str) -> Option<&'a InputSeries> {
        self.series.get(key).copied()
    }

    fn aggregated(
        &mut self,
        key: &str,
        frequency: Frequency,
    ) -> Option<&BTreeMap<Date, Aggregate>> {
        let series = *self.series.get(key)?;
        let cutoff = self.cutoff;
        let entry = self
            .cache
            .entry((series.key.as_str(), frequency))
            .or_insert_with(|| {
                let known = series
                    .points
                    .iter()
                    .filter(|p| cutoff.is_none_or(|last| p.date <= last))
                    .map(|p| (p.date, p.value));
                aggregate_values(known, series.aggregation, frequency)
            });
        Some(entry)
    }

    /// Works out a KPI's formula per period; `None` for a measured KPI.
    pub fn calculate(&mut self, kpi: &Kpi) -> Option<Calculation> {
        self.calculate_periods(kpi, None)
    }

    /// Works out only the period that counts for the score on `as_of` (what
    /// [`Calculation::scored`] of [`calculate`](Self::calculate) gives): `periods` holds that
    /// period, or nothing. What `evaluate` needs, without the periods before it.
    pub fn calculate_scored(&mut self, kpi: &Kpi, as_of: Date) -> Option<Calculation> {
        self.calculate_periods(kpi, Some(as_of))
    }

    /// Every period, or with `scored_on` only the latest period over on that date.
    fn calculate_periods(&mut self, kpi: &Kpi, scored_on: Option<Date>) -> Option<Calculation> {
        let text = kpi.formula.as_deref()?;
        let formula = Formula::parse(text).and_then(|f| f.check(&self.keys).map(|()| f));
        let Ok(f) = &formula else {
            return Some(Calculation {
                formula,
                periods: Vec::new(),
            });
        };
        let frequency = kpi.frequency;
        // Each key (and prev of it) once, in reading order.
        let mut uses: Vec<(String, bool)> = Vec::new();
        for r in f.series_refs() {
            if !uses.iter().any(|(k, p)| *k == r.key && *p == r.prev) {
                uses.push((r.key.clone(), r.prev));
            }
        }
        let keys = f.series_keys();
        let periods: Vec<Period> = match scored_on {
            None => {
                let mut starts: BTreeSet<Date> = BTreeSet::new();
                for key in &keys {
                    if let Some(table) = self.aggregated(key, frequency) {
                        starts.extend(table.keys().copied());
                    }
                }
                starts
                    .into_iter()
                    .map(|start| Period::containing(start, frequency))
                    .collect()
            }
            Some(as_of) => {
                // A series' latest period that is over is its latest one starting on or before
                // `as_of`, or the one before it when that one holds `as_of` and is not over.
                let mut starts: BTreeSet<Date> = BTreeSet::new();
                for key in &keys {
                    if let Some(table) = self.aggregated(key, frequency) {
                        starts.extend(table.range(..=as_of).rev().take(2).map(|(d, _)| *d));
                    }
                }
                starts
                    .into_iter()
                    .rev()
                    .map(|start| Period::containing(start, frequency))
                    .find(|p| p.is_complete(as_of))
                    .into_iter()
                    .collect()
            }
        };
        let periods = periods
            .into_iter()
            .map(|period| self.period_value(f, &uses, period, frequency))
            .collect();
        Some(Calculation { formula, periods })
    }

    /// The formula's value in one period, with its inputs.
    fn period_value(
        &mut self,
        f: &Formula,
        uses: &[(String, bool)],
        period: Period,
        frequency: Frequency,
    ) -> PeriodValue {
        let before = if uses.iter().any(|(_, prev)| *prev) {
            period.previous()
        } else {
            None
        };
        let mut inputs = Vec::with_capacity(uses.len());
        for (key, prev) in uses {
            let at = if *prev { before } else { Some(period) };
            let series = self.series(key);
            let found = match (at, self.aggregated(key, frequency)) {
                (Some(at), Some(table)) => table.get(&at.start).copied(),
                _ => None,
            };
            inputs.push(PeriodInput {
                key: key.clone(),
                prev: *prev,
                period: at.unwrap_or(period),
                series_id: series.map(|s| s.id.clone()),
                aggregation: series.map_or(Aggregation::Sum, |s| s.aggregation),
                value: found.map(|a| a.value),
                points: found.map_or(0, |a| a.points),
            });
        }
        let value = f.eval(|key, offset| {
            inputs
                .iter()
                .find(|i| i.key == key && i.prev == (offset < 0))
                .and_then(|i| i.value)
        });
        PeriodValue {
            period,
            value,
            inputs,
        }
    }
}

impl Kpi {
    /// Whether the KPI is calculated from input series rather than measured.
    pub fn is_calculated(&self) -> bool {
        self.formula.is_some()
    }
}

impl Scorecard {
    /// The input series with this key.
    pub fn series_by_key(&self, key: &str) -> Option<&InputSeries> {
        self.series.iter().find(|s| s.key == key)
    }

    /// The input series with this id.
    pub fn series_by_id(&self, id: &str) -> Option<&InputSeries> {
        self.series.iter().find(|s| s.id == id)
    }

    /// Works out a calculated KPI per period over all points; `None` for a measured KPI.
    pub fn calculate(&self, kpi: &Kpi) -> Option<Calculation> {
        SeriesTable::new(self).calculate(kpi)
    }

    /// Works out a calculated KPI per period over the points known on `as_of` (later points
    /// left out); `None` for a measured KPI.
    pub fn calculate_as_of(&self, kpi: &Kpi, as_of: Date) -> Option<Calculation> {
        SeriesTable::as_of(self, as_of).calculate(kpi)
    }

    /// The KPIs whose formula uses the series `key`: (id, name).
    pub fn kpis_using_series(&self, key: &str) -> Vec<(String, String)> {
        self.kpis()
            .filter(|(_, k)| {
                k.formula
                    .as_deref()
                    .and_then(|t| Formula::parse(t).ok())
                    .is_some_and(|f| f.series_refs().iter().any(|r| r.key == key))
            })
            .map(|(_, k)| (k.id.clone(), k.name.clone()))
            .collect()
    }

    /// The KPI as charts and lists show it: a measured KPI as it is; a calculated KPI with
    /// one measurement per period that has a value, dated the period's last day, instead of
    /// its own (the values a "so far" period has are included, dated its last day too).
    pub fn effective_kpi<'k>(&self, kpi: &'k Kpi) -> Cow<'k, Kpi> {
        match self.calculate(kpi) {
            None => Cow::Borrowed(kpi),
            Some(calc) => Cow::Owned(with_period_values(kpi, &calc)),
        }
    }
}

/// A copy of `kpi` whose measurements are the calculation's period values.
pub fn with_period_values(kpi: &Kpi, calc: &Calculation) -> Kpi {
    let mut out = kpi.clone();
    out.measurements = calc
        .periods
        .iter()
        .filter_map(|p| {
            p.value.as_ref().ok().map(|v| Measurement {
                id: format!("{CALCULATED_PREFIX}-{}", p.period.key()),
                date: p.period.end,
                value: *v,
                note: String::new(),
                extra: Default::default(),
            })
        })
        .collect();
    out
}
