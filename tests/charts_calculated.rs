//! Native tests of how charts show a calculated KPI: the marker of a value "so far", the
//! legend's word, the text alternative (summary and data table) and the score history's
//! sample dates, each against hand-worked expectations.
#![cfg(not(target_arch = "wasm32"))]

use smsc::charts::data::kpi_chart_data_in;
use smsc::charts::spec::{PointMarker, point_marker, values_label};
use smsc::charts::trend::first_value_date;
use smsc::charts::{ChartSpec, kpi_chart_data, score_history};
use smsc::model::score::Status;
use smsc::model::{
    Aggregation, Date, Direction, FactorKind, Frequency, InputPoint, InputSeries, Kpi, Lang,
    Measurement, Scorecard, SubObjective,
};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).expect("a valid date")
}

fn series(id: &str, key: &str, points: &[(Date, f64)]) -> InputSeries {
    InputSeries {
        id: id.into(),
        key: key.into(),
        name: key.into(),
        aggregation: Aggregation::Sum,
        points: points
            .iter()
            .map(|(date, value)| InputPoint {
                date: *date,
                value: *value,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// Interactions and reach, both summed per month.
///
/// | month | interactions | reach | × 100 |
/// |---|---|---|---|
/// | Jan 2026 | 100 + 200 = 300 | 10 000 | 3 |
/// | Feb 2026 | 400 | 8 000 | 5 |
/// | Mar 2026 (so far on 14 Mar) | 50 + 70 = 120 (the 5 000 of 20 Mar not yet known) | 3 000 | 4 |
fn card() -> Scorecard {
    let mut card = Scorecard::new_blank("sc-calc-chart".into(), Lang::En);
    card.series = vec![
        series(
            "ser-1",
            "interactions",
            &[
                (d(2026, 1, 10), 100.0),
                (d(2026, 1, 20), 200.0),
                (d(2026, 2, 5), 400.0),
                (d(2026, 3, 2), 50.0),
                (d(2026, 3, 10), 70.0),
                (d(2026, 3, 20), 5_000.0),
            ],
        ),
        series(
            "ser-2",
            "reach",
            &[
                (d(2026, 1, 15), 10_000.0),
                (d(2026, 2, 15), 8_000.0),
                (d(2026, 3, 5), 3_000.0),
            ],
        ),
    ];
    card
}

/// Engagement rate: monthly, higher is better, baseline 2, target 4 (progress
/// (v − 2) / (4 − 2)).
fn engagement() -> Kpi {
    Kpi {
        id: "kpi-1".into(),
        name: "Engagement rate".into(),
        unit: "%".into(),
        direction: Direction::HigherIsBetter,
        baseline: Some(2.0),
        target: Some(4.0),
        frequency: Frequency::Monthly,
        formula: Some("interactions / reach * 100".into()),
        ..Default::default()
    }
}

fn as_of() -> Date {
    d(2026, 3, 14)
}

fn measurement(id: &str, date: Date, value: f64) -> Measurement {
    Measurement {
        id: id.into(),
        date,
        value,
        ..Default::default()
    }
}

/// `card()` with `kpis` in one sub-objective of the customers factor.
fn card_with(kpis: Vec<Kpi>) -> Scorecard {
    let mut card = card();
    card.factors.customers.sub_objectives.push(SubObjective {
        kpis,
        ..SubObjective::new("so-1".into(), "Engagement".into())
    });
    card
}

// ---- the drawing's choices ----

#[test]
fn a_so_far_value_is_drawn_hollow_and_the_legend_says_calculated() {
    let card = card();
    let data = kpi_chart_data_in(&card, &engagement(), as_of(), Lang::En);
    // Jan and Feb are over on 14 March; March is not: its value 4 is "so far".
    assert_eq!(
        data.points.iter().map(point_marker).collect::<Vec<_>>(),
        [
            PointMarker::Filled,
            PointMarker::Filled,
            PointMarker::Hollow
        ]
    );
    assert_eq!(values_label(&data), "Calculated");
    let nl = kpi_chart_data_in(&card, &engagement(), as_of(), Lang::Nl);
    assert_eq!(values_label(&nl), "Berekend");

    // A measured KPI: every point filled, the legend says "Measured" / "Gemeten".
    let mut measured = engagement();
    measured.formula = None;
    measured.measurements = vec![measurement("m-1", d(2026, 3, 1), 2.5)];
    let data = kpi_chart_data(&measured, as_of(), Lang::En);
    assert_eq!(
        data.points.iter().map(point_marker).collect::<Vec<_>>(),
        [PointMarker::Filled]
    );
    assert_eq!(values_label(&data), "Measured");
    assert_eq!(
        values_label(&kpi_chart_data(&measured, as_of(), Lang::Nl)),
        "Gemeten"
    );
}

// ---- the text alternative ----

#[test]
fn the_table_marks_the_so_far_row_and_heads_the_values_calculated() {
    let card = card();
    let spec = ChartSpec::Kpi(kpi_chart_data_in(&card, &engagement(), as_of(), Lang::En));
    let table = spec.table();
    assert_eq!(table.caption, "Engagement rate");
    assert_eq!(table.headers, ["Date", "Calculated (%)", "Target (%)"]);
    assert_eq!(
        table.rows,
        [
            ["31 Jan 2026", "3", "4"],
            ["28 Feb 2026", "5", "4"],
            ["31 Mar 2026 (so far)", "4", "4"],
        ]
    );

    let spec = ChartSpec::Kpi(kpi_chart_data_in(&card, &engagement(), as_of(), Lang::Nl));
    let table = spec.table();
    assert_eq!(table.headers, ["Datum", "Berekend (%)", "Doel (%)"]);
    assert_eq!(table.rows[0], ["31 jan 2026", "3", "4"]);
    assert_eq!(table.rows[2], ["31 mrt 2026 (tot nu toe)", "4", "4"]);
}

#[test]
fn the_summary_says_the_latest_value_is_so_far_when_it_is() {
    let card = card();
    let spec = ChartSpec::Kpi(kpi_chart_data_in(&card, &engagement(), as_of(), Lang::En));
    assert_eq!(
        spec.summary(),
        "Chart of Engagement rate: 3 calculated value(s) from 31 Jan 2026 to 31 Mar 2026; latest 4 % (so far), target 4 %."
    );
    let spec = ChartSpec::Sparkline(kpi_chart_data_in(&card, &engagement(), as_of(), Lang::Nl));
    assert_eq!(
        spec.summary(),
        "Grafiek van Engagement rate: 3 berekende waarde(n) van 31 jan 2026 tot 31 mrt 2026; laatste 4 % (tot nu toe), doel 4 %."
    );

    // As of 28 February, February is over (its last day) and March has not begun: the latest
    // value, 5, is final.
    let spec = ChartSpec::Kpi(kpi_chart_data_in(
        &card,
        &engagement(),
        d(2026, 2, 28),
        Lang::En,
    ));
    assert_eq!(
        spec.summary(),
        "Chart of Engagement rate: 2 calculated value(s) from 31 Jan 2026 to 28 Feb 2026; latest 5 %, target 4 %."
    );
    assert_eq!(spec.table().rows[1], ["28 Feb 2026", "5", "4"]);

    // No target: the so-far mark stays on the latest value.
    let mut no_target = engagement();
    no_target.target = None;
    let spec = ChartSpec::Kpi(kpi_chart_data_in(&card, &no_target, as_of(), Lang::En));
    assert!(
        spec.summary().ends_with("latest 4 % (so far), no target."),
        "{}",
        spec.summary()
    );
    assert_eq!(spec.table().rows[2], ["31 Mar 2026 (so far)", "4", "–"]);
}

#[test]
fn a_calculated_kpi_without_values_says_so() {
    let card = card();
    let mut kpi = engagement();
    kpi.formula = Some("clicks / reach".into());
    // Its own measurements are not used while it is calculated.
    kpi.measurements = vec![measurement("m-1", d(2026, 3, 1), 2.5)];
    let spec = ChartSpec::Kpi(kpi_chart_data_in(&card, &kpi, as_of(), Lang::En));
    assert_eq!(
        spec.summary(),
        "Chart of Engagement rate: no calculated values yet."
    );
    assert!(spec.table().rows.is_empty());
    let spec = ChartSpec::Kpi(kpi_chart_data_in(&card, &kpi, as_of(), Lang::Nl));
    assert_eq!(
        spec.summary(),
        "Grafiek van Engagement rate: nog geen berekende waarden."
    );
}

#[test]
fn a_measured_kpis_text_alternative_has_no_so_far_mark() {
    let mut kpi = engagement();
    kpi.formula = None;
    kpi.measurements = vec![
        measurement("m-1", d(2026, 2, 1), 3.0),
        measurement("m-2", d(2026, 3, 1), 2.5),
    ];
    let spec = ChartSpec::Kpi(kpi_chart_data(&kpi, as_of(), Lang::En));
    assert_eq!(
        spec.summary(),
        "Chart of Engagement rate: 2 measurement(s) from 1 Feb 2026 to 1 Mar 2026; latest 2.5 %, target 4 %."
    );
    assert_eq!(spec.table().headers, ["Date", "Measured (%)", "Target (%)"]);
    assert_eq!(spec.table().rows[1], ["1 Mar 2026", "2.5", "4"]);
}

// ---- the score history ----

#[test]
fn the_score_history_starts_at_a_calculated_kpis_first_period_end() {
    // Its own measurement of November 2025 is unused while it is calculated.
    let mut kpi = engagement();
    kpi.measurements = vec![measurement("m-1", d(2025, 11, 15), 9.0)];
    let card = card_with(vec![kpi]);
    // January's value (3) is the first; its period ends on 31 January. March's value is
    // "so far" on 14 March (its period ends after "as of") and adds nothing before that.
    assert_eq!(first_value_date(&card, as_of()), Some(d(2026, 1, 31)));
    let history = score_history(&card, as_of(), Lang::En);
    assert_eq!(history.dates, [d(2026, 1, 31), d(2026, 2, 28), as_of()]);
    // Customers = the one KPI's progress (capped at 100 % in the roll-up):
    // 31 Jan: January, (3 − 2) / 2 = 50 %; 28 Feb: February, (5 − 2) / 2 → 100 %;
    // 14 Mar: still February (March is not over), 100 %. Other factors: no data.
    let customers = &history.series[0];
    assert_eq!(customers.factor, Some(FactorKind::Customers));
    assert_eq!(customers.values, [Some(0.5), Some(1.0), Some(1.0)]);
    assert_eq!(history.series[1].values, [None, None, None]);
    assert_eq!(
        history.series[4].values,
        [Some(0.5), Some(1.0), Some(1.0)],
        "overall: only customers has data"
    );
    let eval = card.evaluate(d(2026, 1, 31));
    assert_eq!(eval.factor(FactorKind::Customers).status, Status::Red);
}

#[test]
fn the_score_history_takes_the_earliest_of_measured_and_calculated_kpis() {
    let mut measured = engagement();
    measured.id = "kpi-2".into();
    measured.formula = None;
    measured.measurements = vec![
        measurement("m-1", d(2025, 12, 15), 3.0),
        measurement("m-2", d(2026, 6, 1), 3.0),
    ];
    let card = card_with(vec![engagement(), measured.clone()]);
    // The measurement of 15 December comes before January's period end.
    assert_eq!(first_value_date(&card, as_of()), Some(d(2025, 12, 15)));
    assert_eq!(
        score_history(&card, as_of(), Lang::En).dates,
        [d(2025, 12, 31), d(2026, 1, 31), d(2026, 2, 28), as_of()]
    );
    // A measurement after "as of" does not count; a later one of the measured KPI leaves
    // the calculated KPI's 31 January first.
    measured.measurements = vec![measurement("m-2", d(2026, 2, 10), 3.0)];
    let card = card_with(vec![engagement(), measured]);
    assert_eq!(first_value_date(&card, as_of()), Some(d(2026, 1, 31)));
    assert_eq!(
        first_value_date(&card, d(2026, 1, 30)),
        None,
        "on 30 January no period is over and nothing is measured yet"
    );
    assert!(
        score_history(&card, d(2026, 1, 30), Lang::En)
            .dates
            .is_empty()
    );
}

#[test]
fn the_score_history_leaves_out_periods_without_a_value() {
    // Interactions per reach in February and March only: January has interactions but no
    // reach, so January's value is missing and its end (31 January) does not count.
    let mut card = card_with(vec![engagement()]);
    card.series[1].points.remove(0);
    assert_eq!(first_value_date(&card, as_of()), Some(d(2026, 2, 28)));
    assert_eq!(
        score_history(&card, as_of(), Lang::En).dates,
        [d(2026, 2, 28), as_of()]
    );
}
