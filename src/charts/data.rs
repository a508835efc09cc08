//! The data of a KPI chart: measurements, the target in effect over time, the baseline,
//! the green / amber / red zones in value space, and the axis ranges. For a calculated KPI:
//! its value per period (the unfinished period marked "so far") and the rows of its periods
//! with their inputs, as the KPI form, its preview and the chart's input table list them.

use std::collections::{BTreeMap, HashMap};

use crate::i18n::format::format_number;
use crate::i18n::tr;
use crate::i18n::words::aggregation_name;
use crate::model::calculate::{Aggregate, Calculation, PeriodInput, SeriesTable, aggregate};
use crate::model::formula::EvalProblem;
use crate::model::score::{
    Status, StatusInterval, kpi_series, progress_case, progress_in_case, status_for,
    status_intervals, target_on,
};
use crate::model::{Aggregation, Date, Direction, InputPoint, Kpi, Lang, Period, Scorecard};

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
    /// A calculated KPI's value of the period that is not over yet (dated its last day):
    /// shown, not scored.
    pub so_far: bool,
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
    /// Drawn from a calculation ([`calculated_chart_data`]): `points` are the KPI's values
    /// per period (one may be `so_far`), not its measurements.
    pub calculated: bool,
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
    /// The expected path to the target, drawn dashed (see `review_lines`); empty without one.
    pub expected: Vec<(Date, f64)>,
    /// The forecast, drawn dashed; empty from fewer than three periods or without a target.
    pub forecast: Vec<(Date, f64)>,
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
            so_far: false,
        })
        .collect();
    chart_of(kpi, points, false, as_of, lang)
}

/// The chart data of a calculated KPI as of a date: one point per period that has begun by
/// `as_of` and has a value, dated the period's last day (the measurements
/// `calculate::with_period_values` makes of the same calculation); the period `as_of` falls
/// in, when it is not over, is marked `so_far`. `calc` is worked out as of the same date
/// (`Scorecard::calculate_as_of`). Axes, targets and zones as for [`kpi_chart_data`].
pub fn calculated_chart_data(
    kpi: &Kpi,
    calc: &Calculation,
    as_of: Date,
    lang: Lang,
) -> KpiChartData {
    let points = calc
        .periods
        .iter()
        .filter(|p| p.period.start <= as_of)
        .filter_map(|p| {
            let value = *p.value.as_ref().ok()?;
            Some(ChartPoint {
                date: p.period.end,
                value,
                target: target_on(kpi, p.period.end),
                so_far: p.is_so_far(as_of),
            })
        })
        .collect();
    chart_of(kpi, points, true, as_of, lang)
}

/// The chart data of any KPI of `card`: [`calculated_chart_data`] for a calculated KPI
/// (over the series points known on `as_of`, as scoring does), else [`kpi_chart_data`].
pub fn kpi_chart_data_in(card: &Scorecard, kpi: &Kpi, as_of: Date, lang: Lang) -> KpiChartData {
    if !kpi.is_calculated() {
        // No table of the series for a measured KPI: it reads none.
        return kpi_chart_data(kpi, as_of, lang);
    }
    chart_data_with(&mut SeriesTable::as_of(card, as_of), kpi, as_of, lang)
}

/// As [`kpi_chart_data_in`], over a table of the scorecard's series that many KPIs share
/// (each series is aggregated once per frequency); make it with `SeriesTable::as_of` for the
/// same `as_of`.
pub fn chart_data_with(
    table: &mut SeriesTable<'_>,
    kpi: &Kpi,
    as_of: Date,
    lang: Lang,
) -> KpiChartData {
    match table.calculate(kpi) {
        Some(calc) => calculated_chart_data(kpi, &calc, as_of, lang),
        None => kpi_chart_data(kpi, as_of, lang),
    }
}

/// The chart of `kpi` through `points` (by date), which are calculated values or not.
fn chart_of(
    kpi: &Kpi,
    points: Vec<ChartPoint>,
    calculated: bool,
    as_of: Date,
    lang: Lang,
) -> KpiChartData {
    let x_range = x_range(
        &points,
        as_of,
        super::review_lines::review_until(kpi, as_of),
    );
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
    let over: Vec<(Date, f64)> = points
        .iter()
        .filter(|p| !p.so_far)
        .map(|p| (p.date, p.value))
        .collect();
    let review = super::review_lines::review_lines(kpi, &over, x_range);
    values.extend(review.expected.iter().chain(&review.forecast).map(|p| p.1));
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
        calculated,
        points,
        targets,
        baseline,
        zones,
        x_range,
        y_range,
        expected: review.expected,
        forecast: review.forecast,
    }
}

/// The x axis: from the first point to the "as of" date (or `until`, a later target date),
/// padded.
fn x_range(points: &[ChartPoint], as_of: Date, until: Option<Date>) -> (Date, Date) {
    let end = until.map_or(as_of, |u| u.max(as_of));
    let (mut lo, mut hi) = match (points.first(), points.last()) {
        (Some(first), Some(last)) => (first.date, last.date.max(end)),
        _ => (as_of.add_days(-90), end),
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

/// One period of a calculated KPI as the KPI form and the chart's input table list it.
#[derive(Clone, PartialEq, Debug)]
pub struct PeriodRow {
    /// The period.
    pub period: Period,
    /// The period is not over on the "as of" date: its value is "so far", not scored.
    pub so_far: bool,
    /// The value, or why there is none.
    pub value: Result<f64, EvalProblem>,
    /// The target in effect on the period's last day.
    pub target: Option<f64>,
    /// The value's status against that target (grey without value or target).
    pub status: Status,
    /// The inputs in the order the formula uses them, each with its aggregated value.
    pub inputs: Vec<PeriodInput>,
}

impl PeriodRow {
    fn new(
        kpi: &Kpi,
        period: Period,
        value: Result<f64, EvalProblem>,
        inputs: Vec<PeriodInput>,
        as_of: Date,
    ) -> PeriodRow {
        let target = target_on(kpi, period.end);
        let progress = value
            .as_ref()
            .ok()
            .and_then(|v| progress_in_case(progress_case(kpi, target), *v));
        PeriodRow {
            period,
            so_far: !period.is_complete(as_of),
            value,
            target,
            status: status_for(progress, kpi.amber_threshold),
            inputs,
        }
    }
}

/// Every period of a calculated KPI that has begun on `as_of` (the periods in which an input
/// has a point), newest first. `calc` is worked out as of the same date
/// (`Scorecard::calculate_as_of`).
pub fn period_rows(kpi: &Kpi, calc: &Calculation, as_of: Date) -> Vec<PeriodRow> {
    calc.periods
        .iter()
        .rev()
        .filter(|p| p.period.start <= as_of)
        .map(|p| PeriodRow::new(kpi, p.period, p.value.clone(), p.inputs.clone(), as_of))
        .collect()
}

/// The last `n` periods of the KPI's frequency up to the one `as_of` falls in, oldest first,
/// for the formula's preview. A period without any input point still gets its row: its
/// inputs read from the series (a `prev(…)` may have a value) and the formula worked out on
/// them, which names the missing input. Points after `as_of` are left out, as `calc` (worked
/// out with `Scorecard::calculate_as_of`) leaves them out. Empty when the formula cannot be
/// read.
pub fn recent_period_rows(
    card: &Scorecard,
    kpi: &Kpi,
    calc: &Calculation,
    as_of: Date,
    n: usize,
) -> Vec<PeriodRow> {
    let Ok(formula) = &calc.formula else {
        return Vec::new();
    };
    let mut periods = Vec::with_capacity(n);
    let mut at = Some(Period::containing(as_of, kpi.frequency));
    while let Some(p) = at.filter(|_| periods.len() < n) {
        periods.push(p);
        at = p.previous();
    }
    periods.reverse();
    let mut uses: Vec<(String, bool)> = Vec::new();
    for r in formula.series_refs() {
        if !uses.iter().any(|(k, p)| *k == r.key && *p == r.prev) {
            uses.push((r.key.clone(), r.prev));
        }
    }
    let mut tables: HashMap<&str, SeriesPeriods> = HashMap::new();
    for (key, _) in &uses {
        tables
            .entry(key.as_str())
            .or_insert_with(|| match card.series_by_key(key) {
                Some(s) => {
                    let known: Vec<InputPoint> = s
                        .points
                        .iter()
                        .filter(|p| p.date <= as_of)
                        .cloned()
                        .collect();
                    (
                        Some(s.id.clone()),
                        s.aggregation,
                        aggregate(&known, s.aggregation, kpi.frequency),
                    )
                }
                None => (None, Aggregation::Sum, BTreeMap::new()),
            });
    }
    periods
        .into_iter()
        .map(|period| {
            if let Some(pv) = calc.periods.iter().find(|p| p.period == period) {
                return PeriodRow::new(kpi, period, pv.value.clone(), pv.inputs.clone(), as_of);
            }
            let inputs: Vec<PeriodInput> = uses
                .iter()
                .map(|(key, prev)| {
                    let at = if *prev {
                        period.previous()
                    } else {
                        Some(period)
                    };
                    let (series_id, aggregation, table) = match tables.get(key.as_str()) {
                        Some((id, a, t)) => (id.clone(), *a, Some(t)),
                        None => (None, Aggregation::Sum, None),
                    };
                    let found = at.zip(table).and_then(|(at, t)| t.get(&at.start).copied());
                    PeriodInput {
                        key: key.clone(),
                        prev: *prev,
                        period: at.unwrap_or(period),
                        series_id,
                        aggregation,
                        value: found.map(|a| a.value),
                        points: found.map_or(0, |a| a.points),
                    }
                })
                .collect();
            let value = formula.eval(|key, offset| {
                inputs
                    .iter()
                    .find(|i| i.key == key && i.prev == (offset < 0))
                    .and_then(|i| i.value)
            });
            PeriodRow::new(kpi, period, value, inputs, as_of)
        })
        .collect()
}

/// A series' id (when one has the key), its aggregation and its values per period start.
type SeriesPeriods = (Option<String>, Aggregation, BTreeMap<Date, Aggregate>);

/// A number with its thousands grouped, as inputs are shown: `1,234.5` / `1.234,5` (at most
/// two decimals, as [`format_number`]).
pub fn grouped_number(value: f64, lang: Lang) -> String {
    let text = format_number(value, lang);
    let (decimal, group) = match lang {
        Lang::En => ('.', ','),
        Lang::Nl => (',', '.'),
    };
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text.as_str()),
    };
    let (int, frac) = match rest.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if !int.chars().all(|c| c.is_ascii_digit()) {
        return text;
    }
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}{decimal}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// How an input's value came about: "sum of 31 values", "last of 1 value" (Dutch: "som van
/// 31 waarden", "laatste van 1 waarde").
pub fn aggregation_of_points(aggregation: Aggregation, points: usize, lang: Lang) -> String {
    let how = match aggregation {
        Aggregation::Sum => tr(lang, "sum", "som"),
        Aggregation::Last => tr(lang, "last", "laatste"),
        Aggregation::Average => tr(lang, "average", "gemiddelde"),
        Aggregation::Min => tr(lang, "lowest", "laagste"),
        Aggregation::Max => tr(lang, "highest", "hoogste"),
    };
    let values = if points == 1 {
        tr(lang, "value", "waarde")
    } else {
        tr(lang, "values", "waarden")
    };
    let of = tr(lang, "of", "van");
    format!("{how} {of} {points} {values}")
}

/// An input as the formula writes it: `interactions` or `prev(followers)`.
pub fn input_name(input: &PeriodInput) -> String {
    if input.prev {
        format!("prev({})", input.key)
    } else {
        input.key.clone()
    }
}

/// One input of a period in words: "interactions: sum of 31 values = 1,234";
/// "prev(followers), February 2026: last of 28 values = 12,000"; "reach: no values in this
/// period".
pub fn input_text(input: &PeriodInput, lang: Lang) -> String {
    let mut name = input_name(input);
    if input.prev {
        name = format!("{name}, {}", input.period.label(lang));
    }
    if input.series_id.is_none() {
        let none = tr(
            lang,
            "there is no series with this key",
            "er is geen reeks met deze sleutel",
        );
        return format!("{name}: {none}");
    }
    match input.value {
        Some(v) => format!(
            "{name}: {} = {}",
            aggregation_of_points(input.aggregation, input.points, lang),
            grouped_number(v, lang)
        ),
        None if input.prev => format!("{name}: {}", tr(lang, "no values", "geen waarden")),
        None => format!(
            "{name}: {}",
            tr(
                lang,
                "no values in this period",
                "geen waarden in deze periode"
            )
        ),
    }
}

/// The heading of an input's column: `interactions (sum)`, `prev(followers) (last value)`.
pub fn input_heading(input: &PeriodInput, lang: Lang) -> String {
    format!(
        "{} ({})",
        input_name(input),
        aggregation_name(input.aggregation, lang).to_lowercase()
    )
}

/// A calculated KPI's periods with their inputs as a table of text, newest first: the
/// chart's "Show inputs" table.
#[derive(Clone, PartialEq, Debug)]
pub struct InputTable {
    /// Column headings: the period, the KPI's value, then each input.
    pub headers: Vec<String>,
    /// One row per period: its key, whether it is "so far", and the cells under the headings.
    pub rows: Vec<InputTableRow>,
}

/// One period of an [`InputTable`].
#[derive(Clone, PartialEq, Debug)]
pub struct InputTableRow {
    /// The period's key, e.g. `2026-03`.
    pub key: String,
    /// The period is not over yet.
    pub so_far: bool,
    /// The cells, as text, under the table's headings.
    pub cells: Vec<String>,
}

/// The input table of a calculated KPI's periods that have begun by `as_of` (at most
/// `limit`, newest first). Values are grouped numbers; a missing one is "–"; the period of
/// a "so far" row says so.
pub fn input_table(
    kpi: &Kpi,
    calc: &Calculation,
    as_of: Date,
    lang: Lang,
    limit: usize,
) -> InputTable {
    input_table_of(&period_rows(kpi, calc, as_of), &kpi.unit, lang, limit)
}

/// [`input_table`] of a calculated KPI's [`period_rows`] and its unit (kept apart, so a view
/// can keep the rows while only the unit changes).
pub fn input_table_of(rows: &[PeriodRow], unit: &str, lang: Lang, limit: usize) -> InputTable {
    let mut headers = vec![
        tr(lang, "Period", "Periode").to_string(),
        with_unit(tr(lang, "Value", "Waarde"), unit),
    ];
    if let Some(first) = rows.first() {
        headers.extend(first.inputs.iter().map(|i| input_heading(i, lang)));
    }
    let so_far = tr(lang, "so far", "tot nu toe");
    let rows = rows
        .iter()
        .take(limit)
        .map(|r| {
            let mut period = r.period.label(lang);
            if r.so_far {
                period = format!("{period} ({so_far})");
            }
            let value = r
                .value
                .as_ref()
                .map_or_else(|_| "–".to_string(), |v| grouped_number(*v, lang));
            let mut cells = vec![period, value];
            cells.extend(r.inputs.iter().map(|i| {
                i.value
                    .map_or_else(|| "–".to_string(), |v| grouped_number(v, lang))
            }));
            InputTableRow {
                key: r.period.key(),
                so_far: r.so_far,
                cells,
            }
        })
        .collect();
    InputTable { headers, rows }
}

fn with_unit(heading: &str, unit: &str) -> String {
    if unit.trim().is_empty() {
        heading.to_string()
    } else {
        format!("{heading} ({})", unit.trim())
    }
}
