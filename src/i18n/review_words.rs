//! The monthly review's figures in words: the change against the previous period, on track
//! or behind against the expected value, and the forecast (docs/scoring.md, section 7).

use crate::model::Lang;
use crate::model::expected::{Forecast, Pace, PathKind, Reach};
use crate::model::review_figures::KpiFigures;

use super::dates::long_date;
use super::format::format_number;

/// A value with its unit, e.g. `24 %`, `3.5 hours`.
fn with_unit(value: f64, unit: &str, lang: Lang) -> String {
    let number = format_number(value, lang);
    match unit.trim() {
        "" => number,
        "%" => format!("{number} %"),
        unit => format!("{number} {unit}"),
    }
}

/// "▲ +2 against February 2026", "▼ −1.5 …", "= 0 …"; `None` without a previous period.
pub fn change_text(figures: &KpiFigures, unit: &str, lang: Lang) -> Option<String> {
    let (change, previous) = (figures.change?, figures.previous?);
    let arrow = if change > 0.0 {
        "▲"
    } else if change < 0.0 {
        "▼"
    } else {
        "="
    };
    let sign = if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "−"
    } else {
        ""
    };
    let amount = with_unit(change.abs(), unit, lang);
    let period = previous.period.label(lang);
    Some(match lang {
        Lang::En => format!("{arrow} {sign}{amount} against {period}"),
        Lang::Nl => format!("{arrow} {sign}{amount} ten opzichte van {period}"),
    })
}

/// "March 2026: 24 — 18.67 expected by 31 March 2026 (the line from the baseline to the
/// target): on track."; `None` without an expected value.
pub fn pace_text(figures: &KpiFigures, unit: &str, lang: Lang) -> Option<String> {
    let (current, expected, pace) = (figures.current?, figures.expected?, figures.pace?);
    let period = current.period.label(lang);
    let value = with_unit(current.value, unit, lang);
    let wanted = with_unit(expected.value, unit, lang);
    let by = long_date(expected.on, lang);
    let how = match (expected.kind, lang) {
        (PathKind::Line, Lang::En) => "on the line from the baseline to the target",
        (PathKind::Line, Lang::Nl) => "op de lijn van nulmeting naar streefwaarde",
        (PathKind::Table, Lang::En) => "from the expected path per period",
        (PathKind::Table, Lang::Nl) => "volgens het verwachte pad per periode",
    };
    let verdict = match (pace, lang) {
        (Pace::OnTrack, Lang::En) => "on track",
        (Pace::OnTrack, Lang::Nl) => "op koers",
        (Pace::Behind, Lang::En) => "behind",
        (Pace::Behind, Lang::Nl) => "achter",
    };
    Some(match lang {
        Lang::En => format!("{period}: {value} — {wanted} expected by {by} ({how}): {verdict}."),
        Lang::Nl => format!("{period}: {value} — {wanted} verwacht op {by} ({how}): {verdict}."),
    })
}

/// The short word for a pace: "On track" / "Behind".
pub fn pace_word(pace: Pace, lang: Lang) -> &'static str {
    match pace {
        Pace::OnTrack => super::tr(lang, "On track", "Op koers"),
        Pace::Behind => super::tr(lang, "Behind", "Achter"),
    }
}

/// "At this pace the target is reached on 26 May 2026, before the target date (31
/// December 2026)." and the other outcomes; `None` without a forecast.
pub fn forecast_text(
    forecast: Option<&Forecast>,
    target_date: Option<crate::model::Date>,
    lang: Lang,
) -> String {
    let Some(f) = forecast else {
        return super::tr(
            lang,
            "No forecast yet: it needs a target and the values of at least three periods.",
            "Nog geen prognose: daarvoor zijn een streefwaarde en de waarden van minstens drie perioden nodig.",
        )
        .to_string();
    };
    let deadline = target_date.map(|d| long_date(d, lang));
    match (f.reach, lang) {
        (Reach::Already, Lang::En) => "The target is reached already.".to_string(),
        (Reach::Already, Lang::Nl) => "De streefwaarde is al bereikt.".to_string(),
        (Reach::Never, Lang::En) => {
            "At this pace the target is not reached: the trend of the last periods is flat or moves away from it.".to_string()
        }
        (Reach::Never, Lang::Nl) => {
            "In dit tempo wordt de streefwaarde niet bereikt: de trend van de laatste perioden is vlak of gaat ervan af.".to_string()
        }
        (Reach::On(day), _) => {
            let when = long_date(day, lang);
            let in_time = f.in_time(target_date);
            match (in_time, deadline, lang) {
                (Some(true), Some(d), Lang::En) => format!("At this pace the target is reached on {when}, before the target date ({d})."),
                (Some(true), Some(d), Lang::Nl) => format!("In dit tempo wordt de streefwaarde bereikt op {when}, vóór de streefdatum ({d})."),
                (Some(false), Some(d), Lang::En) => format!("At this pace the target is reached on {when}: not before the target date ({d})."),
                (Some(false), Some(d), Lang::Nl) => format!("In dit tempo wordt de streefwaarde bereikt op {when}: niet vóór de streefdatum ({d})."),
                (_, _, Lang::En) => format!("At this pace the target is reached on {when}."),
                (_, _, Lang::Nl) => format!("In dit tempo wordt de streefwaarde bereikt op {when}."),
            }
        }
    }
}
