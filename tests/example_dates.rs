#![cfg(not(target_arch = "wasm32"))]
//! The article's example dated relative to the day it is made
//! (`method::example_dates::example_on`): made in April 2026 it is the article's example;
//! made on any later day its figures end in the last complete month, so it shows colours.

use smsc::method::example_dates::{example_on, shift_months};
use smsc::method::templates;
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn made_in_april_2026_it_is_the_articles_example() {
    for lang in Lang::ALL {
        assert_eq!(
            example_on("sc".into(), lang, d("2026-04-10")),
            templates::example("sc".into(), lang)
        );
    }
}

#[test]
fn months_move_with_month_ends_kept() {
    assert_eq!(shift_months(d("2026-01-31"), 8), d("2026-09-30"));
    assert_eq!(shift_months(d("2026-02-28"), 8), d("2026-10-31"));
    assert_eq!(shift_months(d("2026-03-31"), 8), d("2026-11-30"));
    assert_eq!(shift_months(d("2026-02-27"), 8), d("2026-10-27"));
    assert_eq!(shift_months(d("2026-01-30"), 1), d("2026-02-28"));
    assert_eq!(shift_months(d("2026-03-31"), -15), d("2024-12-31"));
    assert_eq!(shift_months(d("2026-02-01"), 11), d("2027-01-01"));
}

/// Each KPI's status counted by colour, as of `as_of`.
fn colours(card: &Scorecard, as_of: Date) -> Vec<(String, Status)> {
    let eval = card.evaluate(as_of);
    card.kpis()
        .map(|(_, k)| {
            (
                k.name.clone(),
                eval.kpi(&k.id).map_or(Status::Grey, |s| s.status),
            )
        })
        .collect()
}

#[test]
fn made_on_1_december_2026_its_figures_end_in_november_with_the_same_colours() {
    let article = templates::example("sc".into(), Lang::En);
    let today = d("2026-12-01");
    let card = example_on("sc".into(), Lang::En, today);
    assert!(validate(&card).is_empty(), "{:?}", validate(&card));
    let last = card
        .kpis()
        .flat_map(|(_, k)| k.measurements.iter().map(|m| m.date))
        .max()
        .unwrap();
    assert_eq!(last, d("2026-11-30"));
    // The same statuses as the article's example on its own day (10 April 2026): the
    // figures moved together, so nothing turns grey.
    assert_eq!(colours(&card, today), colours(&article, d("2026-04-10")));
    assert!(
        colours(&card, today)
            .iter()
            .any(|(_, s)| *s != Status::Grey)
    );
    // The daily series cover September to November 2026, every day once.
    for series in &card.series {
        assert_eq!(series.points.first().unwrap().date, d("2026-09-01"));
        assert_eq!(series.points.last().unwrap().date, d("2026-11-30"));
        assert_eq!(series.points.len(), 91);
    }
    // The calculated KPI has a value for each of the three months.
    let (_, k) = card.kpis().find(|(_, k)| k.formula.is_some()).unwrap();
    let f = card.kpi_figures(k, today);
    let months: Vec<String> = f.periods.iter().map(|p| p.period.label(Lang::En)).collect();
    assert_eq!(months, ["September 2026", "October 2026", "November 2026"]);
    assert_eq!(card.period_start, Some(d("2026-09-01")));
    assert_eq!(card.period_end, Some(d("2027-08-31")));
}

#[test]
fn the_library_makes_the_example_of_its_day() {
    let mut library = smsc::library::Library::new();
    let now = smsc::library::Now {
        timestamp: "2026-12-01T09:00:00Z".into(),
        today: d("2026-12-01"),
        copy_tag: "abcde".into(),
    };
    let id = library
        .create("example", "sc", Lang::En, &now)
        .unwrap()
        .value;
    let card = library.open(&id).unwrap().value;
    let last = card
        .kpis()
        .flat_map(|(_, k)| k.measurements.iter().map(|m| m.date))
        .max()
        .unwrap();
    assert_eq!(last, d("2026-11-30"));
}
