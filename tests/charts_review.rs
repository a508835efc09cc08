#![cfg(not(target_arch = "wasm32"))]
//! The KPI chart's expected path and forecast (`charts::review_lines`), on the example's
//! "Active members" with baseline date 1 January and target date 31 December 2026.

use smsc::charts::data::kpi_chart_data_in;
use smsc::method::templates;
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

#[test]
fn the_chart_runs_to_the_target_date_with_the_expected_line_and_the_forecast() {
    let mut card = templates::example("sc-1".into(), Lang::En);
    let plain = kpi_chart_data_in(
        &card,
        card.kpi("kpi-28").unwrap(),
        d("2026-04-10"),
        Lang::En,
    );
    assert!(
        plain.expected.is_empty() && plain.forecast.is_empty(),
        "no target date: no lines"
    );
    assert!(plain.x_range.1 < d("2026-05-01"));
    {
        let k = card.kpi_mut("kpi-28").unwrap();
        k.baseline_date = Some(d("2026-01-01"));
        k.target_date = Some(d("2026-12-31"));
    }
    let k = card.kpi("kpi-28").unwrap();
    let data = kpi_chart_data_in(&card, k, d("2026-04-10"), Lang::En);
    assert!(
        data.x_range.1 > d("2026-12-31"),
        "the axis reaches the target date"
    );
    // The line: from the axis' left edge to the target date, then flat at the target.
    let (first, last) = (data.expected[0], *data.expected.last().unwrap());
    assert_eq!(first.0, data.x_range.0);
    close(first.1, k.expected_on(data.x_range.0).unwrap().value);
    assert!(data.expected.contains(&(d("2026-12-31"), 30.0)));
    assert_eq!(last, (data.x_range.1, 30.0));
    // The forecast: through 31 Jan, 28 Feb, 31 Mar (slope 176 / 1742 per day) to the edge.
    let f = card.kpi_figures(k, d("2026-04-10")).forecast.unwrap();
    assert_eq!(data.forecast.len(), 2);
    assert_eq!(data.forecast[0].0, d("2026-01-31"));
    close(data.forecast[1].1, f.value_on(data.x_range.1));
    assert!(
        data.y_range.1 >= data.forecast[1].1,
        "the y axis holds the forecast"
    );
}

#[test]
fn a_table_is_drawn_as_steps() {
    let mut card = templates::example("sc-1".into(), Lang::En);
    let k = card.kpi_mut("kpi-28").unwrap();
    k.expected_path = vec![
        ExpectedPoint {
            date: d("2026-02-01"),
            value: 20.0,
            ..ExpectedPoint::default()
        },
        ExpectedPoint {
            date: d("2026-03-01"),
            value: 25.0,
            ..ExpectedPoint::default()
        },
    ];
    let k = card.kpi("kpi-28").unwrap();
    let data = kpi_chart_data_in(&card, k, d("2026-04-10"), Lang::En);
    // Nothing expected before the first step; the jump at 1 March.
    assert_eq!(data.expected[0], (d("2026-02-01"), 20.0));
    assert!(
        data.expected
            .windows(2)
            .any(|w| w[0] == (d("2026-02-28"), 20.0) && w[1] == (d("2026-03-01"), 25.0))
    );
    assert_eq!(*data.expected.last().unwrap(), (data.x_range.1, 25.0));
}
