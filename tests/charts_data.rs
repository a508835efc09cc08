//! Native tests of the chart data: KPI series, target steps, status zones, axis ranges, the
//! score history sampling, factor bars, the text alternative and the pixel mapping.
#![cfg(not(target_arch = "wasm32"))]

use smsc::charts::labels::date_ticks;
use smsc::charts::trend::{MAX_SAMPLES, sample_dates};
use smsc::charts::{
    ChartSpec, PlotMapping, TargetStep, date_of_day, day_number, factor_bars, kpi_chart_data,
    score_history,
};
use smsc::method::templates;
use smsc::model::score::Status;
use smsc::model::{Date, FactorKind, Kpi, Lang, Scorecard};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).expect("a valid date")
}

fn example(lang: Lang) -> Scorecard {
    templates::example("sc-test".into(), lang)
}

fn kpi(card: &Scorecard, name_start: &str) -> Kpi {
    card.kpis()
        .map(|(_, k)| k.clone())
        .find(|k| k.name.starts_with(name_start))
        .unwrap_or_else(|| panic!("KPI {name_start}"))
}

#[test]
fn day_numbers_count_from_1970_and_convert_back() {
    assert_eq!(day_number(d(1970, 1, 1)), 0.0);
    assert_eq!(day_number(d(1970, 1, 31)), 30.0);
    let date = d(2026, 3, 31);
    assert_eq!(date_of_day(day_number(date)), date);
    assert_eq!(date_of_day(day_number(date) + 0.4), date);
}

#[test]
fn the_target_is_drawn_as_steps_following_the_target_history() {
    let card = example(Lang::En);
    let k = kpi(&card, "Active members");
    let data = kpi_chart_data(&k, d(2026, 3, 31), Lang::En);
    assert_eq!(data.points.len(), 3);
    assert_eq!(
        data.points.iter().map(|p| p.target).collect::<Vec<_>>(),
        [Some(25.0), Some(30.0), Some(30.0)],
        "the target in effect on each date"
    );
    // First measurement 31 Jan, as of 31 Mar: 59 days, padded by 1 day each side.
    assert_eq!(data.x_range, (d(2026, 1, 30), d(2026, 4, 1)));
    assert_eq!(
        data.targets,
        vec![
            TargetStep {
                from: d(2026, 1, 30),
                to: d(2026, 2, 1),
                value: 25.0
            },
            TargetStep {
                from: d(2026, 2, 1),
                to: d(2026, 4, 1),
                value: 30.0
            },
        ]
    );
    assert_eq!(data.baseline, Some(15.0));
    // Values 15 (baseline) … 30 (target), padded by 8 % of the span.
    let (lo, hi) = data.y_range;
    assert!(
        (lo - 13.8).abs() < 1e-9 && (hi - 31.2).abs() < 1e-9,
        "{lo} {hi}"
    );
}

#[test]
fn zones_follow_baseline_target_amber_threshold_and_direction() {
    let card = example(Lang::En);
    let k = kpi(&card, "Response time");
    let data = kpi_chart_data(&k, d(2026, 3, 31), Lang::En);
    // Lower is better, baseline 8, target 2, amber from 70 %: 8 + 0.7 × (2 − 8) = 3.8.
    let zone = |status| {
        data.zones
            .iter()
            .find(|z| z.status == status)
            .map(|z| (z.low, z.high))
            .expect("zone")
    };
    let (y0, y1) = data.y_range;
    assert_eq!(zone(Status::Green), (y0, 2.0));
    let (a_lo, a_hi) = zone(Status::Amber);
    assert_eq!(a_lo, 2.0);
    assert!((a_hi - 3.8).abs() < 1e-9);
    let (r_lo, r_hi) = zone(Status::Red);
    assert!((r_lo - 3.8).abs() < 1e-9);
    assert_eq!(r_hi, y1);
}

/// A measurement: KPI id, date (year, month, day), value, status.
type Measured = (&'static str, (i32, u8, u8), f64, Status);

/// Every measurement of the example with its status worked out by hand, against the target
/// in effect on its date (amber threshold 70 % throughout):
///
/// | KPI | date | value | progress | status |
/// |---|---|---|---|---|
/// | kpi-1 | 31 Mar | 46 | (46 − 40) / (60 − 40) = 30 % | red |
/// | kpi-4 | 31 Mar | 2.4 | (2.4 − 1.5) / (3 − 1.5) = 60 % | red |
/// | kpi-7 | 31 Mar | 52 | (52 − 35) / (70 − 35) = 48.6 % | red |
/// | kpi-13 | 31 Jan | 28 | (28 − 20) / (100 − 20) = 10 % | red |
/// | kpi-13 | 28 Feb | 41 | 21 / 80 = 26.25 % | red |
/// | kpi-13 | 31 Mar | 55 | 35 / 80 = 43.75 % | red |
/// | kpi-18 | 31 Mar | 98 | inside the band 95–105 | green |
/// | kpi-21 | 31 Jan | 6 | (6 − 8) / (2 − 8) = 33.3 % | red |
/// | kpi-21 | 28 Feb | 3.5 | (3.5 − 8) / (2 − 8) = 75 % | amber |
/// | kpi-21 | 31 Mar | 2 | (2 − 8) / (2 − 8) = 100 % (on the edge 2) | green |
/// | kpi-28 | 31 Jan | 18 | target 25 then: (18 − 15) / (25 − 15) = 30 % | red |
/// | kpi-28 | 28 Feb | 22 | target 30: (22 − 15) / (30 − 15) = 46.7 % | red |
/// | kpi-28 | 31 Mar | 24 | (24 − 15) / (30 − 15) = 60 % | red |
const MEASURED: [Measured; 13] = [
    ("kpi-1", (2026, 3, 31), 46.0, Status::Red),
    ("kpi-4", (2026, 3, 31), 2.4, Status::Red),
    ("kpi-7", (2026, 3, 31), 52.0, Status::Red),
    ("kpi-13", (2026, 1, 31), 28.0, Status::Red),
    ("kpi-13", (2026, 2, 28), 41.0, Status::Red),
    ("kpi-13", (2026, 3, 31), 55.0, Status::Red),
    ("kpi-18", (2026, 3, 31), 98.0, Status::Green),
    ("kpi-21", (2026, 1, 31), 6.0, Status::Red),
    ("kpi-21", (2026, 2, 28), 3.5, Status::Amber),
    ("kpi-21", (2026, 3, 31), 2.0, Status::Green),
    ("kpi-28", (2026, 1, 31), 18.0, Status::Red),
    ("kpi-28", (2026, 2, 28), 22.0, Status::Red),
    ("kpi-28", (2026, 3, 31), 24.0, Status::Red),
];

/// Each measurement lies inside the zone of its own status (on its date), and inside no
/// other; one on a zone edge (the response time's 2 hours, exactly the target) lies on an
/// edge of a zone of its status and inside none.
#[test]
fn every_measurement_lies_in_the_zone_of_its_own_status() {
    for lang in Lang::ALL {
        let card = example(lang);
        let mut found = Vec::new();
        for (_, k) in card.kpis() {
            let data = kpi_chart_data(k, d(2026, 3, 31), lang);
            for p in &data.points {
                found.push((k.id.clone(), p.date, p.value));
                let &(_, _, _, want) = MEASURED
                    .iter()
                    .find(|(id, (y, m, day), _, _)| *id == k.id && d(*y, *m, *day) == p.date)
                    .unwrap_or_else(|| panic!("{} at {}: not in the table", k.id, p.date));
                let here: Vec<_> = data
                    .zones
                    .iter()
                    .filter(|z| z.from <= p.date && p.date <= z.to)
                    .collect();
                let inside: Vec<Status> = here
                    .iter()
                    .filter(|z| z.low < p.value && p.value < z.high)
                    .map(|z| z.status)
                    .collect();
                let on_edge_of: Vec<Status> = here
                    .iter()
                    .filter(|z| z.low == p.value || z.high == p.value)
                    .map(|z| z.status)
                    .collect();
                if (k.id.as_str(), p.value) == ("kpi-21", 2.0) {
                    assert_eq!(inside, [], "2 hours is the edge green | amber");
                    assert!(on_edge_of.contains(&want), "{on_edge_of:?}");
                } else {
                    assert_eq!(inside, vec![want], "{} at {}", k.id, p.date);
                }
            }
        }
        let expected: Vec<(String, Date, f64)> = MEASURED
            .iter()
            .map(|(id, (y, m, day), v, _)| (id.to_string(), d(*y, *m, *day), *v))
            .collect();
        assert_eq!(found, expected, "{lang:?}: every measurement once");
    }
}

#[test]
fn a_band_kpi_has_its_band_as_the_green_zone_and_no_target_line() {
    let card = example(Lang::En);
    let k = kpi(&card, "Budget spent");
    let data = kpi_chart_data(&k, d(2026, 3, 31), Lang::En);
    assert!(data.targets.is_empty());
    assert_eq!(data.baseline, None);
    let green: Vec<_> = data
        .zones
        .iter()
        .filter(|z| z.status == Status::Green)
        .map(|z| (z.low, z.high))
        .collect();
    assert_eq!(green, vec![(95.0, 105.0)]);
    // Band 95–105 (width 10), amber from 70 %: amber 3 wide on each side, clipped to the axis.
    let (y0, y1) = data.y_range;
    assert!(y0 < 95.0 && y1 > 105.0);
    assert!(
        data.zones
            .iter()
            .filter(|z| z.status == Status::Amber)
            .all(|z| z.low >= y0 && z.high <= y1)
    );
}

#[test]
fn a_kpi_without_measurements_still_has_ranges_and_its_target() {
    let card = example(Lang::En);
    let k = kpi(&card, "Member satisfaction");
    let as_of = d(2026, 3, 31);
    let data = kpi_chart_data(&k, as_of, Lang::En);
    assert!(data.points.is_empty());
    assert!(data.x_range.0 < as_of.add_days(-89) && data.x_range.1 > as_of);
    assert_eq!(data.targets.len(), 1);
    assert_eq!(data.targets[0].value, 8.0);
    let (y0, y1) = data.y_range;
    assert!(y0 < 6.8 && y1 > 8.0, "baseline and target within the axis");
    assert!(y0 >= 0.0, "no negative axis for positive values");
}

#[test]
fn measurements_after_the_as_of_date_are_left_out() {
    let card = example(Lang::En);
    let k = kpi(&card, "Response time");
    let data = kpi_chart_data(&k, d(2026, 2, 28), Lang::En);
    assert_eq!(
        data.points.iter().map(|p| p.value).collect::<Vec<_>>(),
        [6.0, 3.5]
    );
}

#[test]
fn score_history_is_sampled_at_month_ends_and_the_as_of_date() {
    assert_eq!(
        sample_dates(d(2026, 1, 15), d(2026, 4, 15)),
        [
            d(2026, 1, 31),
            d(2026, 2, 28),
            d(2026, 3, 31),
            d(2026, 4, 15)
        ]
    );
    assert_eq!(
        sample_dates(d(2026, 1, 31), d(2026, 3, 31)),
        [d(2026, 1, 31), d(2026, 2, 28), d(2026, 3, 31)]
    );
    assert_eq!(
        sample_dates(d(2024, 2, 10), d(2024, 2, 20)),
        [d(2024, 2, 20)]
    );
    assert!(sample_dates(d(2026, 5, 1), d(2026, 4, 1)).is_empty());
    let long = sample_dates(d(2000, 1, 1), d(2026, 3, 31));
    assert_eq!(long.len(), MAX_SAMPLES);
    assert_eq!(long.last(), Some(&d(2026, 3, 31)));
    assert_eq!(long[0], d(2016, 4, 30), "the latest ten years are kept");
}

#[test]
fn score_history_holds_the_hand_worked_scores_at_each_sample_date() {
    let card = example(Lang::Nl);
    let history = score_history(&card, d(2026, 4, 15), Lang::Nl);
    assert_eq!(
        history.dates,
        [
            d(2026, 1, 31),
            d(2026, 2, 28),
            d(2026, 3, 31),
            d(2026, 4, 15)
        ]
    );
    assert_eq!(history.series.len(), 5);
    assert_eq!(history.series[4].label, "Totaal");
    assert_eq!(history.series[3].label, "Community");
    // Worked out by hand (each factor has one sub-objective with one KPI; scores use the
    // current target, so the medium's KPI counts against 30 throughout):
    // customers (x − 20) / (100 − 20): 28 → 8/80 = 0.1, 41 → 21/80 = 0.2625, 55 → 35/80 =
    //   0.4375 (still the 31 March value on 15 April: 15 days old, a monthly KPI allows 45);
    // financial: nothing before the quarterly 98 of 31 March, then inside 95–105 = 1;
    // organisation (x − 8) / (2 − 8): 6 → 1/3, 3.5 → 0.75, 2 → 1;
    // medium (x − 15) / (30 − 15): 18 → 3/15 = 0.2, 22 → 7/15, 24 → 9/15 = 0.6.
    // Overall: the mean of the factors that have a score:
    // 31 Jan (0.1 + 1/3 + 0.2) / 3 = (3 + 10 + 6) / 30 / 3 = 19/90;
    // 28 Feb (21/80 + 3/4 + 7/15) / 3 = (63 + 180 + 112) / 240 / 3 = 355/720;
    // 31 Mar and 15 Apr (0.4375 + 1 + 1 + 0.6) / 4 = 3.0375 / 4 = 0.759375.
    let expected: [[Option<f64>; 5]; 4] = [
        [
            Some(0.1),
            None,
            Some(1.0 / 3.0),
            Some(0.2),
            Some(19.0 / 90.0),
        ],
        [
            Some(0.2625),
            None,
            Some(0.75),
            Some(7.0 / 15.0),
            Some(355.0 / 720.0),
        ],
        [
            Some(0.4375),
            Some(1.0),
            Some(1.0),
            Some(0.6),
            Some(0.759375),
        ],
        [
            Some(0.4375),
            Some(1.0),
            Some(1.0),
            Some(0.6),
            Some(0.759375),
        ],
    ];
    for (s, kind) in history.series.iter().zip(FactorKind::ALL) {
        assert_eq!(s.factor, Some(kind));
    }
    assert_eq!(history.series[4].factor, None);
    for (i, row) in expected.iter().enumerate() {
        for (s, want) in history.series.iter().zip(row) {
            match (s.values[i], want) {
                (Some(found), Some(want)) => assert!(
                    (found - want).abs() < 1e-12,
                    "{} at {}: {found} ≠ {want}",
                    s.label,
                    history.dates[i]
                ),
                (found, want) => assert_eq!(found, *want, "{} at {}", s.label, history.dates[i]),
            }
        }
    }
    // The article's KPI: 6 hours on 31 January is 33.3 % for the organisation factor.
    let organisation = history.series[2].values[0].expect("a score");
    assert!((organisation - 1.0 / 3.0).abs() < 1e-9);
    // Grey where nothing counts: the financial factor's quarterly KPI is only measured in March.
    assert_eq!(history.series[1].values[0], None);

    let empty = score_history(
        &Scorecard::new_blank("x".into(), Lang::En),
        d(2026, 1, 1),
        Lang::En,
    );
    assert!(empty.dates.is_empty());
    assert!(empty.series.iter().all(|s| s.values.is_empty()));
}

#[test]
fn factor_bars_hold_each_factors_current_score() {
    let card = example(Lang::En);
    let as_of = d(2026, 3, 31);
    let bars = factor_bars(&card, as_of, Lang::En);
    assert_eq!(bars.bars.len(), 4);
    // As of 31 March (hand-worked as in score_history_holds_the_hand_worked_scores_at_each_sample_date):
    // customers 35/80 = 43.75 % red, financial 100 % green, organisation 100 % green,
    // medium 9/15 = 60 % red (below the 70 % amber threshold); overall 75.9375 % amber.
    let expected = [
        (0.4375, Status::Red),
        (1.0, Status::Green),
        (1.0, Status::Green),
        (0.6, Status::Red),
    ];
    for ((bar, kind), (value, status)) in bars.bars.iter().zip(FactorKind::ALL).zip(expected) {
        assert_eq!(bar.factor, kind);
        assert_eq!(bar.score.status, status, "{kind:?}");
        let found = bar.score.value.expect("a score");
        assert!((found - value).abs() < 1e-12, "{kind:?}: {found}");
    }
    assert_eq!(bars.bars[0].label, "Customers");
    assert_eq!(bars.overall.status, Status::Amber);
    let overall = bars.overall.value.expect("a score");
    assert!((overall - 0.759375).abs() < 1e-12, "{overall}");
    assert_eq!(
        bars.bars[2].score.status,
        Status::Green,
        "2 hours: target met"
    );
}

#[test]
fn the_text_alternative_summarises_and_tabulates_the_data() {
    let card = example(Lang::En);
    let k = kpi(&card, "Active members");
    let spec = ChartSpec::Kpi(kpi_chart_data(&k, d(2026, 3, 31), Lang::En));
    assert_eq!(
        spec.summary(),
        "Chart of Active members (posted or replied in the last 30 days): 3 measurement(s) from 31 Jan 2026 to 31 Mar 2026; latest 24 %, target 30 %."
    );
    let table = spec.table();
    assert_eq!(table.headers, ["Date", "Measured (%)", "Target (%)"]);
    assert_eq!(
        table.rows,
        [
            ["31 Jan 2026", "18", "25"],
            ["28 Feb 2026", "22", "30"],
            ["31 Mar 2026", "24", "30"],
        ]
    );

    let card = example(Lang::Nl);
    let k = kpi(&card, "Responsetijd");
    let spec = ChartSpec::Kpi(kpi_chart_data(&k, d(2026, 3, 31), Lang::Nl));
    assert!(
        spec.summary().contains("laatste 2 uur, doel 2 uur"),
        "{}",
        spec.summary()
    );
    assert_eq!(spec.table().rows[1], ["28 feb 2026", "3,5", "2"]);

    let bars = ChartSpec::FactorBars(factor_bars(&card, d(2026, 3, 31), Lang::Nl));
    let table = bars.table();
    assert_eq!(table.headers, ["Factor", "Score", "Status"]);
    assert_eq!(table.rows[2], ["Organisatie", "100,0 %", "op koers"]);

    let trend = ChartSpec::FactorTrend(score_history(&card, d(2026, 3, 31), Lang::Nl));
    let table = trend.table();
    assert_eq!(table.headers.len(), 6);
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.rows[0][3], "33,3 %", "organisation on 31 January");
    assert_eq!(table.rows[0][2], "–", "financial: no data yet");
}

#[test]
fn the_mapping_is_linear_from_the_axis_ranges_to_the_pixel_ranges() {
    let m = PlotMapping {
        x_range: (0.0, 100.0),
        y_range: (0.0, 10.0),
        x_px: (50, 450),
        y_px: (250, 10),
    };
    assert_eq!(m.to_pixel(0.0, 0.0), (50, 250));
    assert_eq!(m.to_pixel(100.0, 10.0), (450, 10));
    assert_eq!(m.to_pixel(25.0, 5.0), (150, 130));
}

#[test]
fn date_axis_labels_are_weeks_or_months() {
    let weekly = date_ticks(d(2026, 3, 1), d(2026, 3, 25));
    assert_eq!(
        weekly,
        [d(2026, 3, 1), d(2026, 3, 8), d(2026, 3, 15), d(2026, 3, 22)]
    );
    let monthly = date_ticks(d(2026, 1, 15), d(2026, 6, 20));
    assert_eq!(
        monthly,
        [
            d(2026, 2, 1),
            d(2026, 3, 1),
            d(2026, 4, 1),
            d(2026, 5, 1),
            d(2026, 6, 1)
        ]
    );
    let years = date_ticks(d(2020, 1, 1), d(2026, 1, 1));
    assert!(years.len() <= 7 && years.len() >= 5, "{years:?}");
}

/// A chart is redrawn only when its picture changes: the KPI's name is in the text
/// alternative, not in the drawing.
#[test]
fn the_drawing_ignores_the_kpi_name_but_not_its_data() {
    let card = example(Lang::En);
    let k = kpi(&card, "Response time");
    let as_of = d(2026, 3, 31);
    let spec = ChartSpec::Kpi(kpi_chart_data(&k, as_of, Lang::En));
    let mut renamed = k.clone();
    renamed.name = "Another name".into();
    let renamed = ChartSpec::Kpi(kpi_chart_data(&renamed, as_of, Lang::En));
    assert_ne!(spec, renamed);
    assert_eq!(spec.drawing(), renamed.drawing());
    assert_ne!(spec.summary(), renamed.summary());
    let mut moved = k.clone();
    moved.target = moved.target.map(|t| t + 1.0);
    let moved = ChartSpec::Sparkline(kpi_chart_data(&moved, as_of, Lang::En));
    let sparkline = ChartSpec::Sparkline(kpi_chart_data(&k, as_of, Lang::En));
    assert_ne!(sparkline.drawing(), moved.drawing());
}

/// The data table's rows come from the drawing (so they are not re-rendered while a KPI's
/// name is typed) and its caption from the full spec: together they are the full table.
#[test]
fn the_data_table_is_the_drawings_rows_under_the_specs_caption() {
    let card = example(Lang::En);
    let k = kpi(&card, "Response time");
    let spec = ChartSpec::Kpi(kpi_chart_data(&k, d(2026, 3, 31), Lang::Nl));
    let full = spec.table();
    let drawn = spec.drawing().table();
    assert_eq!(spec.caption(), k.name);
    assert_eq!(full.caption, spec.caption());
    assert!(!full.rows.is_empty());
    assert_eq!((drawn.headers, drawn.rows), (full.headers, full.rows));
}

/// The target text cards show: a band KPI's band (or its one limit), any other KPI's
/// target with its unit, numbers in the language's notation, nothing when there is none.
#[test]
fn a_kpis_target_reads_as_its_band_or_its_target_with_unit() {
    use smsc::charts::labels::target_text;
    use smsc::model::Direction::{HigherIsBetter, LowerIsBetter, WithinBand};
    let text = |direction, low, high, target, unit, lang| {
        target_text(direction, low, high, target, unit, lang)
    };
    assert_eq!(
        text(WithinBand, Some(95.0), Some(105.0), None, "%", Lang::En).as_deref(),
        Some("95–105 %")
    );
    assert_eq!(
        text(WithinBand, Some(2.5), None, Some(9.0), " EUR ", Lang::Nl).as_deref(),
        Some("≥ 2,5 EUR")
    );
    assert_eq!(
        text(WithinBand, None, Some(1.5), None, "", Lang::En).as_deref(),
        Some("≤ 1.5")
    );
    assert_eq!(text(WithinBand, None, None, Some(3.0), "%", Lang::En), None);
    assert_eq!(
        text(LowerIsBetter, Some(1.0), None, Some(2.0), "hours", Lang::En).as_deref(),
        Some("2 hours")
    );
    assert_eq!(
        text(HigherIsBetter, None, None, Some(1250.5), "", Lang::Nl).as_deref(),
        Some("1250,5")
    );
    assert_eq!(text(HigherIsBetter, None, None, None, "%", Lang::En), None);
}
