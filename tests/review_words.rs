#![cfg(not(target_arch = "wasm32"))]
//! The review's figures in words, in both languages (`i18n::review_words`), on the article's
//! example with a target date (the figures are worked out in tests/model_expected.rs).

use smsc::i18n::review_words::{change_text, forecast_text, pace_text, pace_word};
use smsc::method::templates;
use smsc::model::expected::{Pace, forecast};
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn active_members() -> Scorecard {
    let mut card = templates::example("sc-1".into(), Lang::En);
    let k = card.kpi_mut("kpi-28").unwrap();
    k.baseline_date = Some(d("2026-01-01"));
    k.target_date = Some(d("2026-12-31"));
    card
}

#[test]
fn change_pace_and_forecast_read_in_english_and_dutch() {
    let card = active_members();
    let k = card.kpi("kpi-28").unwrap();
    let f = card.kpi_figures(k, d("2026-04-10"));
    assert_eq!(
        change_text(&f, &k.unit, Lang::En).unwrap(),
        "▲ +2 % against February 2026"
    );
    assert_eq!(
        change_text(&f, &k.unit, Lang::Nl).unwrap(),
        "▲ +2 % ten opzichte van februari 2026"
    );
    assert_eq!(
        pace_text(&f, &k.unit, Lang::En).unwrap(),
        "March 2026: 24 % — 18.67 % expected by 31 March 2026 (on the line from the baseline to the target): on track."
    );
    assert_eq!(
        pace_text(&f, &k.unit, Lang::Nl).unwrap(),
        "maart 2026: 24 % — 18,67 % verwacht op 31 maart 2026 (op de lijn van nulmeting naar streefwaarde): op koers."
    );
    assert_eq!(
        forecast_text(f.forecast.as_ref(), k.target_date, Lang::En),
        "At this pace the target is reached on 26 May 2026, before the target date (31 December 2026)."
    );
    assert_eq!(
        forecast_text(f.forecast.as_ref(), k.target_date, Lang::Nl),
        "In dit tempo wordt de streefwaarde bereikt op 26 mei 2026, vóór de streefdatum (31 december 2026)."
    );
    assert_eq!(pace_word(Pace::Behind, Lang::Nl), "Achter");
}

#[test]
fn missing_figures_say_so_or_stay_silent() {
    let card = templates::example("sc-1".into(), Lang::En);
    let k = card.kpi("kpi-28").unwrap();
    // No target date: no expected value, so no pace line; two periods: no forecast.
    let f = card.kpi_figures(k, d("2026-03-15"));
    assert_eq!(pace_text(&f, &k.unit, Lang::En), None);
    assert!(forecast_text(f.forecast.as_ref(), None, Lang::En).starts_with("No forecast yet"));
    let late = [
        (d("2026-01-01"), 10.0),
        (d("2026-02-01"), 12.0),
        (d("2026-03-01"), 14.0),
    ];
    let fc = forecast(
        &late,
        Some(20.0),
        Direction::HigherIsBetter,
        Some(d("2026-04-30")),
    );
    assert_eq!(
        forecast_text(fc.as_ref(), Some(d("2026-04-30")), Lang::En),
        "At this pace the target is reached on 30 May 2026: not before the target date (30 April 2026)."
    );
    let down = [
        (d("2026-01-01"), 14.0),
        (d("2026-02-01"), 12.0),
        (d("2026-03-01"), 10.0),
    ];
    let fc = forecast(&down, Some(20.0), Direction::HigherIsBetter, None);
    assert!(forecast_text(fc.as_ref(), None, Lang::Nl).contains("niet bereikt"));
}
