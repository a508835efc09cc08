//! Factor and overall scores over time (for the trend chart) and now (for the bar chart).

use crate::model::calculate::SeriesTable;
use crate::model::text::factor_label;
use crate::model::{Date, FactorKind, Lang, Score, Scorecard};

use super::labels;

/// The most sample dates a score history holds (ten years of month-ends).
pub const MAX_SAMPLES: usize = 120;

/// One line of the trend chart: a factor's or the overall score at each sample date.
#[derive(Clone, PartialEq, Debug)]
pub struct ScoreSeries {
    /// The factor, or `None` for the overall score.
    pub factor: Option<FactorKind>,
    /// The label shown (the factor's label in the scorecard, or "Overall").
    pub label: String,
    /// The score (0…1) at each sample date; `None` when grey (no data counted).
    pub values: Vec<Option<f64>>,
}

/// The scores of the four factors and of the whole scorecard over time.
#[derive(Clone, PartialEq, Debug)]
pub struct ScoreHistory {
    /// Language of the labels.
    pub lang: Lang,
    /// The sample dates (see [`sample_dates`]).
    pub dates: Vec<Date>,
    /// The four factors in their fixed order, then the overall score.
    pub series: Vec<ScoreSeries>,
    /// The scorecard's amber threshold (fraction), drawn as a guide line.
    pub amber_threshold: f64,
}

/// The dates a score history is sampled at: the last day of every month from the month of
/// `first` up to (not including) the month of `as_of`, then `as_of` itself — at most
/// [`MAX_SAMPLES`], the latest kept. Empty when `first` is after `as_of`.
pub fn sample_dates(first: Date, as_of: Date) -> Vec<Date> {
    if first > as_of {
        return Vec::new();
    }
    let mut dates = Vec::new();
    let (mut year, mut month) = (first.year(), first.month());
    loop {
        let end = month_end(year, month);
        if end >= as_of {
            break;
        }
        dates.push(end);
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    dates.push(as_of);
    let excess = dates.len().saturating_sub(MAX_SAMPLES);
    dates.drain(..excess);
    dates
}

fn month_end(year: i32, month: u8) -> Date {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    match Date::from_ymd(y, m, 1) {
        Ok(next) => next.add_days(-1),
        Err(_) => Date::MAX,
    }
}

/// The label of a factor: its label in the scorecard, or the default when empty.
fn label_of(card: &Scorecard, kind: FactorKind, lang: Lang) -> String {
    let label = card.factor(kind).label.trim();
    if label.is_empty() {
        factor_label(kind, lang).to_string()
    } else {
        label.to_string()
    }
}

/// The earliest date on or before `as_of` on which any KPI has a value: a measured KPI's
/// measurement, or the last day of a calculated KPI's period that has a value (worked out
/// over the series points known on `as_of`, as `Scorecard::calculate_as_of` does; the
/// calculated KPI's own measurements are unused, as in scoring).
pub fn first_value_date(card: &Scorecard, as_of: Date) -> Option<Date> {
    let mut table = SeriesTable::as_of(card, as_of);
    let mut first: Option<Date> = None;
    for (_, kpi) in card.kpis() {
        let earliest = match table.calculate(kpi) {
            Some(calc) => calc
                .periods
                .iter()
                .filter(|p| p.value.is_ok())
                .map(|p| p.period.end)
                .filter(|d| *d <= as_of)
                .min(),
            None => kpi
                .measurements
                .iter()
                .map(|m| m.date)
                .filter(|d| *d <= as_of)
                .min(),
        };
        first = match (first, earliest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    first
}

/// The factor and overall scores, evaluated (as [`Scorecard::evaluate`] does) at each of
/// [`sample_dates`] from [`first_value_date`] to `as_of`. Empty when no KPI has a value on or
/// before `as_of`.
pub fn score_history(card: &Scorecard, as_of: Date, lang: Lang) -> ScoreHistory {
    let first = first_value_date(card, as_of);
    let dates = first.map_or_else(Vec::new, |f| sample_dates(f, as_of));
    let evaluations: Vec<_> = dates.iter().map(|d| card.evaluate(*d)).collect();
    let mut series: Vec<ScoreSeries> = FactorKind::ALL
        .iter()
        .map(|kind| ScoreSeries {
            factor: Some(*kind),
            label: label_of(card, *kind, lang),
            values: evaluations.iter().map(|e| e.factor(*kind).value).collect(),
        })
        .collect();
    series.push(ScoreSeries {
        factor: None,
        label: labels::overall(lang).to_string(),
        values: evaluations.iter().map(|e| e.overall().value).collect(),
    });
    ScoreHistory {
        lang,
        dates,
        series,
        amber_threshold: card.amber_threshold,
    }
}

/// One bar: a factor's current score.
#[derive(Clone, PartialEq, Debug)]
pub struct FactorBar {
    /// The factor.
    pub factor: FactorKind,
    /// Its label.
    pub label: String,
    /// Its score and status.
    pub score: Score,
}

/// The four factors' scores as of a date, for the bar chart.
#[derive(Clone, PartialEq, Debug)]
pub struct FactorBars {
    /// Language of the labels.
    pub lang: Lang,
    /// The "as of" date.
    pub as_of: Date,
    /// The four factors in their fixed order.
    pub bars: Vec<FactorBar>,
    /// The overall score.
    pub overall: Score,
    /// The scorecard's amber threshold (fraction), drawn as a guide line.
    pub amber_threshold: f64,
}

/// The current score of each factor, and the overall score, as of a date.
pub fn factor_bars(card: &Scorecard, as_of: Date, lang: Lang) -> FactorBars {
    let eval = card.evaluate(as_of);
    FactorBars {
        lang,
        as_of,
        bars: FactorKind::ALL
            .iter()
            .map(|kind| FactorBar {
                factor: *kind,
                label: label_of(card, *kind, lang),
                score: eval.factor(*kind),
            })
            .collect(),
        overall: eval.overall(),
        amber_threshold: card.amber_threshold,
    }
}
