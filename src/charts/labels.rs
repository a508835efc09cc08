//! The words and number forms of charts, in English and Dutch: axis labels, legend, status.
//! Month names and status words come from `i18n` (the same words as the rest of the app).

use crate::i18n::format::format_number;
use crate::i18n::{dates, tr, words};
use crate::model::{Date, Direction, Lang, score::Status};

fn month(date: Date, lang: Lang) -> &'static str {
    dates::month_short(date.month(), lang)
}

/// A date on an axis: `31 Mar` when the axis spans at most 120 days, else `Mar 2026`.
pub fn axis_date(date: Date, span_days: i64, lang: Lang) -> String {
    if span_days <= 120 {
        format!("{} {}", date.day(), month(date, lang))
    } else {
        format!("{} {}", month(date, lang), date.year())
    }
}

/// A date in full, for tables and summaries: `31 Mar 2026` / `31 mrt 2026`.
pub fn full_date(date: Date, lang: Lang) -> String {
    dates::short_date(date, lang)
}

/// A value with its unit, e.g. `3.5 hours` or `46 %`.
pub fn value_with_unit(value: f64, unit: &str, lang: Lang) -> String {
    let number = format_number(value, lang);
    if unit.trim().is_empty() {
        number
    } else {
        format!("{number} {}", unit.trim())
    }
}

/// A KPI's target as shown next to it: a band KPI's band (`95–105 %`, `≥ 95 %`,
/// `≤ 105 %`), any other KPI's target with its unit; `None` when there is none.
pub fn target_text(
    direction: Direction,
    band_low: Option<f64>,
    band_high: Option<f64>,
    target: Option<f64>,
    unit: &str,
    lang: Lang,
) -> Option<String> {
    if direction != Direction::WithinBand {
        return target.map(|t| value_with_unit(t, unit, lang));
    }
    match (band_low, band_high) {
        (Some(low), Some(high)) => Some(format!(
            "{}–{}",
            format_number(low, lang),
            value_with_unit(high, unit, lang)
        )),
        (Some(low), None) => Some(format!("≥ {}", value_with_unit(low, unit, lang))),
        (None, Some(high)) => Some(format!("≤ {}", value_with_unit(high, unit, lang))),
        (None, None) => None,
    }
}

/// A score (fraction) as a percentage with one decimal, e.g. `73.3 %` / `73,3 %`.
pub fn percent(score: f64, lang: Lang) -> String {
    let text = format!("{:.1}", score * 100.0);
    let text = if text == "-0.0" {
        "0.0".to_string()
    } else {
        text
    };
    match lang {
        Lang::En => format!("{text} %"),
        Lang::Nl => format!("{} %", text.replace('.', ",")),
    }
}

/// A percentage on an axis, without decimals: `70 %`.
pub fn axis_percent(score: f64) -> String {
    format!("{:.0} %", score * 100.0)
}

/// "Target" / "Doel".
pub fn target(lang: Lang) -> &'static str {
    tr(lang, "Target", "Doel")
}

/// "Baseline" / "Nulmeting".
pub fn baseline(lang: Lang) -> &'static str {
    tr(lang, "Baseline", "Nulmeting")
}

/// The legend's word for the expected path (dashed).
pub fn expected(lang: Lang) -> &'static str {
    tr(lang, "Expected", "Verwacht")
}

/// The legend's word for the forecast (dashed).
pub fn forecast(lang: Lang) -> &'static str {
    tr(lang, "Forecast", "Prognose")
}

/// "Measured" / "Gemeten".
pub fn measured(lang: Lang) -> &'static str {
    tr(lang, "Measured", "Gemeten")
}

/// "Date" / "Datum".
pub fn date(lang: Lang) -> &'static str {
    tr(lang, "Date", "Datum")
}

/// "Overall" / "Totaal".
pub fn overall(lang: Lang) -> &'static str {
    tr(lang, "Overall", "Totaal")
}

/// "Factor" / "Factor".
pub fn factor(_lang: Lang) -> &'static str {
    "Factor"
}

/// "Score" / "Score".
pub fn score(_lang: Lang) -> &'static str {
    "Score"
}

/// "Status" / "Status".
pub fn status_heading(_lang: Lang) -> &'static str {
    "Status"
}

/// "No data" / "Geen data": the same words as a grey status ([`words::no_data`]).
pub fn no_data(lang: Lang) -> &'static str {
    words::no_data(lang)
}

/// The status in words, in lower case as in a chart's summary and table: "on target",
/// "at risk", "off target", "no data" ([`words::status_word`] in lower case).
pub fn status(status: Status, lang: Lang) -> String {
    words::status_word_lower(status, lang)
}

/// The dates that get a label on a date axis from `from` to `to`: every 7 or 14 days for
/// spans up to two months, else the first of every month (or every 2nd, 3rd… month, so that
/// there are at most 7).
pub fn date_ticks(from: Date, to: Date) -> Vec<Date> {
    let span = from.days_until(to);
    if span <= 0 {
        return vec![from];
    }
    if span <= 62 {
        let step = if span <= 31 { 7 } else { 14 };
        return (0..)
            .map(|i| from.add_days(i * step))
            .take_while(|d| *d <= to)
            .collect();
    }
    let mut firsts = Vec::new();
    let (mut year, mut month) = (from.year(), from.month());
    while let Ok(first) = Date::from_ymd(year, month, 1) {
        if first > to {
            break;
        }
        if first >= from {
            firsts.push(first);
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    let step = firsts.len().div_ceil(7).max(1);
    firsts.into_iter().step_by(step).collect()
}
