//! What a chart shows, as one value: the data of one of the chart kinds, with its text
//! alternative (a one-sentence summary and a table of the data) for screen readers.

use crate::i18n::tr;
use crate::model::{Date, Lang};

use super::data::{ChartPoint, KpiChartData};
use super::labels;
use super::trend::{FactorBars, ScoreHistory};

/// A chart to draw.
#[derive(Clone, PartialEq, Debug)]
pub enum ChartSpec {
    /// A KPI's measurements against its target, with status zones and axes.
    Kpi(KpiChartData),
    /// A small KPI chart without axes.
    Sparkline(KpiChartData),
    /// The factor and overall scores over time.
    FactorTrend(ScoreHistory),
    /// The factors' current scores as bars.
    FactorBars(FactorBars),
}

/// A table of the data a chart shows.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DataTable {
    /// What the table shows.
    pub caption: String,
    /// Column headings.
    pub headers: Vec<String>,
    /// The rows, as text.
    pub rows: Vec<Vec<String>>,
}

/// How a KPI chart marks a point.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PointMarker {
    /// A filled dot: a measurement, or the value of a period that is over.
    Filled,
    /// A hollow ring in the same colour: a calculated KPI's value "so far" (its period is
    /// not over yet, so the value is shown, not scored).
    Hollow,
}

/// The marker a KPI chart draws for `point`: hollow when its value is "so far".
pub fn point_marker(point: &ChartPoint) -> PointMarker {
    if point.so_far {
        PointMarker::Hollow
    } else {
        PointMarker::Filled
    }
}

/// What a KPI chart's values are, in its legend and its table's heading: "Measured" /
/// "Gemeten", or "Calculated" / "Berekend" for a calculated KPI.
pub fn values_label(data: &KpiChartData) -> &'static str {
    if data.calculated {
        tr(data.lang, "Calculated", "Berekend")
    } else {
        super::labels::measured(data.lang)
    }
}

/// " (so far)" / " (tot nu toe)" after a value or date that is "so far", else nothing.
fn so_far_suffix(so_far: bool, lang: Lang) -> String {
    if so_far {
        format!(" ({})", tr(lang, "so far", "tot nu toe"))
    } else {
        String::new()
    }
}

impl ChartSpec {
    /// This spec without what the drawing does not show (a KPI's name is only in the text
    /// alternative), so a chart is redrawn only when its picture changes: typing a KPI's
    /// name does not redraw its chart.
    pub fn drawing(&self) -> ChartSpec {
        match self {
            ChartSpec::Kpi(d) => ChartSpec::Kpi(KpiChartData {
                name: String::new(),
                ..d.clone()
            }),
            ChartSpec::Sparkline(d) => ChartSpec::Sparkline(KpiChartData {
                name: String::new(),
                ..d.clone()
            }),
            other => other.clone(),
        }
    }

    /// The language of the chart's labels.
    pub fn lang(&self) -> Lang {
        match self {
            ChartSpec::Kpi(d) | ChartSpec::Sparkline(d) => d.lang,
            ChartSpec::FactorTrend(h) => h.lang,
            ChartSpec::FactorBars(b) => b.lang,
        }
    }

    /// The kind of chart as a short name: `kpi`, `sparkline`, `trend` or `bars`.
    pub fn kind(&self) -> &'static str {
        match self {
            ChartSpec::Kpi(_) => "kpi",
            ChartSpec::Sparkline(_) => "sparkline",
            ChartSpec::FactorTrend(_) => "trend",
            ChartSpec::FactorBars(_) => "bars",
        }
    }

    /// The caption of the chart's data table: a KPI's name, otherwise the summary.
    pub fn caption(&self) -> String {
        match self {
            ChartSpec::Kpi(d) | ChartSpec::Sparkline(d) => d.name.clone(),
            ChartSpec::FactorTrend(_) | ChartSpec::FactorBars(_) => self.summary(),
        }
    }

    /// One sentence describing the chart, for `aria-label` (a calculated KPI's latest value
    /// is marked "(so far)" when its period is not over).
    pub fn summary(&self) -> String {
        let lang = self.lang();
        let nl = lang == Lang::Nl;
        match self {
            ChartSpec::Kpi(d) | ChartSpec::Sparkline(d) => {
                let (Some(first), Some(last)) = (d.points.first(), d.points.last()) else {
                    return match (nl, d.calculated) {
                        (true, false) => format!("Grafiek van {}: nog geen metingen.", d.name),
                        (false, false) => format!("Chart of {}: no measurements yet.", d.name),
                        (true, true) => {
                            format!("Grafiek van {}: nog geen berekende waarden.", d.name)
                        }
                        (false, true) => format!("Chart of {}: no calculated values yet.", d.name),
                    };
                };
                let what = if d.calculated {
                    tr(lang, "calculated value(s)", "berekende waarde(n)")
                } else {
                    tr(lang, "measurement(s)", "meting(en)")
                };
                let latest = format!(
                    "{}{}",
                    labels::value_with_unit(last.value, &d.unit, lang),
                    so_far_suffix(last.so_far, lang)
                );
                let target = last
                    .target
                    .map(|t| labels::value_with_unit(t, &d.unit, lang));
                let (from, to) = (
                    labels::full_date(first.date, lang),
                    labels::full_date(last.date, lang),
                );
                let n = d.points.len();
                let later = later_target(d, last.date, last.target, lang);
                let text = match (nl, target) {
                    (false, Some(t)) => format!(
                        "Chart of {}: {n} {what} from {from} to {to}; latest {latest}, target {t}.",
                        d.name
                    ),
                    (false, None) => format!(
                        "Chart of {}: {n} {what} from {from} to {to}; latest {latest}, no target.",
                        d.name
                    ),
                    (true, Some(t)) => format!(
                        "Grafiek van {}: {n} {what} van {from} tot {to}; laatste {latest}, doel {t}.",
                        d.name
                    ),
                    (true, None) => format!(
                        "Grafiek van {}: {n} {what} van {from} tot {to}; laatste {latest}, geen doel.",
                        d.name
                    ),
                };
                format!("{text}{later}")
            }
            ChartSpec::FactorTrend(h) => {
                let (Some(first), Some(last)) = (h.dates.first(), h.dates.last()) else {
                    return if nl {
                        "Verloop van de scores per factor: nog geen metingen.".to_string()
                    } else {
                        "Factor scores over time: no measurements yet.".to_string()
                    };
                };
                let latest: Vec<String> = h
                    .series
                    .iter()
                    .map(|s| {
                        let v = s.values.last().copied().flatten();
                        let text = v.map_or_else(
                            || labels::no_data(lang).to_lowercase(),
                            |v| labels::percent(v, lang),
                        );
                        format!("{} {text}", s.label)
                    })
                    .collect();
                let (from, to) = (
                    labels::full_date(*first, lang),
                    labels::full_date(*last, lang),
                );
                if nl {
                    format!(
                        "Verloop van de scores per factor van {from} tot {to}; laatst: {}.",
                        latest.join(", ")
                    )
                } else {
                    format!(
                        "Factor scores from {from} to {to}; latest: {}.",
                        latest.join(", ")
                    )
                }
            }
            ChartSpec::FactorBars(b) => {
                let items: Vec<String> = b
                    .bars
                    .iter()
                    .map(|bar| {
                        let value = bar.score.value.map_or_else(
                            || labels::no_data(lang).to_lowercase(),
                            |v| labels::percent(v, lang),
                        );
                        format!(
                            "{} {value} ({})",
                            bar.label,
                            labels::status(bar.score.status, lang)
                        )
                    })
                    .collect();
                let date = labels::full_date(b.as_of, lang);
                if nl {
                    format!("Scores per factor op {date}: {}.", items.join(", "))
                } else {
                    format!("Factor scores on {date}: {}.", items.join(", "))
                }
            }
        }
    }

    /// The chart's data as a table: for a KPI each measurement (or calculated value, its
    /// date marked "(so far)" when its period is not over) with its date, value and the
    /// target in effect; for the trend each sample date with every factor's score; for the
    /// bars each factor with its score and status.
    pub fn table(&self) -> DataTable {
        let lang = self.lang();
        let none = || "–".to_string();
        match self {
            ChartSpec::Kpi(d) | ChartSpec::Sparkline(d) => DataTable {
                caption: self.caption(),
                headers: vec![
                    labels::date(lang).to_string(),
                    with_unit(values_label(d), &d.unit),
                    with_unit(labels::target(lang), &d.unit),
                ],
                rows: d
                    .points
                    .iter()
                    .map(|p| {
                        vec![
                            format!(
                                "{}{}",
                                labels::full_date(p.date, lang),
                                so_far_suffix(p.so_far, lang)
                            ),
                            crate::i18n::format::format_number(p.value, lang),
                            p.target
                                .map_or_else(none, |t| crate::i18n::format::format_number(t, lang)),
                        ]
                    })
                    .collect(),
            },
            ChartSpec::FactorTrend(h) => {
                let mut headers = vec![labels::date(lang).to_string()];
                headers.extend(h.series.iter().map(|s| s.label.clone()));
                DataTable {
                    caption: self.caption(),
                    headers,
                    rows: h
                        .dates
                        .iter()
                        .enumerate()
                        .map(|(i, date)| {
                            let mut row = vec![labels::full_date(*date, lang)];
                            row.extend(h.series.iter().map(|s| {
                                s.values
                                    .get(i)
                                    .copied()
                                    .flatten()
                                    .map_or_else(none, |v| labels::percent(v, lang))
                            }));
                            row
                        })
                        .collect(),
                }
            }
            ChartSpec::FactorBars(b) => DataTable {
                caption: self.caption(),
                headers: vec![
                    labels::factor(lang).to_string(),
                    labels::score(lang).to_string(),
                    labels::status_heading(lang).to_string(),
                ],
                rows: b
                    .bars
                    .iter()
                    .map(|bar| {
                        vec![
                            bar.label.clone(),
                            bar.score
                                .value
                                .map_or_else(none, |v| labels::percent(v, lang)),
                            labels::status(bar.score.status, lang).to_string(),
                        ]
                    })
                    .collect(),
            },
        }
    }
}

/// A target that starts after the last point (a new target from the current period on):
/// ` New target 1.5 hours from 1 Apr 2026.`, or nothing.
fn later_target(d: &KpiChartData, last: Date, shown: Option<f64>, lang: Lang) -> String {
    let Some(step) = d.targets.last().filter(|s| s.from > last) else {
        return String::new();
    };
    if shown == Some(step.value) {
        return String::new();
    }
    let (value, from) = (
        labels::value_with_unit(step.value, &d.unit, lang),
        labels::full_date(step.from, lang),
    );
    match lang {
        Lang::En => format!(" New target {value} from {from}."),
        Lang::Nl => format!(" Nieuw doel {value} vanaf {from}."),
    }
}

fn with_unit(heading: &str, unit: &str) -> String {
    if unit.trim().is_empty() {
        heading.to_string()
    } else {
        format!("{heading} ({})", unit.trim())
    }
}
