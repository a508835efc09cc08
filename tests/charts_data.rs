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
    // medium: active members (x − 15) / (30 − 15): 18 → 3/15 = 0.2, 22 → 7/15, 24 → 9/15 = 0.6,
    // and the engagement rate (r − 3) / (5 − 3) of the month just over, r = the month's
    // interactions ÷ reach × 100 (sums of the example's daily points, added up by hand):
    // January 1,754 / 53,450, February 2,185 / 56,460, March 3,201 / 71,740; the medium
    // factor is the mean of the two.
    // Overall: the mean of the factors that have a score:
    // 31 Jan (0.1 + 1/3 + medium) / 3; 28 Feb (21/80 + 3/4 + medium) / 3;
    // 31 Mar and 15 Apr (0.4375 + 1 + 1 + medium) / 4.
    let rate = |interactions: f64, reach: f64| (interactions / reach * 100.0 - 3.0) / 2.0;
    let medium = [
        (0.2 + rate(1754.0, 53450.0)) / 2.0,
        (7.0 / 15.0 + rate(2185.0, 56460.0)) / 2.0,
        (0.6 + rate(3201.0, 71740.0)) / 2.0,
    ];
    let expected: [[Option<f64>; 5]; 4] = [
        [
            Some(0.1),
            None,
            Some(1.0 / 3.0),
            Some(medium[0]),
            Some((0.1 + 1.0 / 3.0 + medium[0]) / 3.0),
        ],
        [
            Some(0.2625),
            None,
            Some(0.75),
            Some(medium[1]),
            Some((21.0 / 80.0 + 0.75 + medium[1]) / 3.0),
        ],
        [
            Some(0.4375),
            Some(1.0),
            Some(1.0),
            Some(medium[2]),
            Some((2.4375 + medium[2]) / 4.0),
        ],
        [
            Some(0.4375),
            Some(1.0),
            Some(1.0),
            Some(medium[2]),
            Some((2.4375 + medium[2]) / 4.0),
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
    // medium (9/15 + (3,201 / 71,740 × 100 − 3) / 2) / 2 = 66.5 % red (below the 70 % amber
    // threshold); overall (0.4375 + 1 + 1 + medium) / 4 = 77.6 % amber.
    let medium = (0.6 + (3201.0 / 71740.0 * 100.0 - 3.0) / 2.0) / 2.0;
    let expected = [
        (0.4375, Status::Red),
        (1.0, Status::Green),
        (1.0, Status::Green),
        (medium, Status::Red),
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
    assert!(
        (overall - (2.4375 + medium) / 4.0).abs() < 1e-12,
        "{overall}"
    );
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

// ---- calculated KPIs: value per period, "so far", period rows and their inputs ----

mod calculated {
    use smsc::charts::data::{
        calculated_chart_data, grouped_number, input_table, input_text, kpi_chart_data_in,
        period_rows, recent_period_rows,
    };
    use smsc::charts::kpi_chart_data;
    use smsc::model::calculate::with_period_values;
    use smsc::model::formula::EvalProblem;
    use smsc::model::score::Status;
    use smsc::model::{
        Aggregation, Date, Direction, Frequency, InputPoint, InputSeries, Kpi, Lang, Scorecard,
    };

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::from_ymd(y, m, day).expect("a valid date")
    }

    fn series(
        id: &str,
        key: &str,
        aggregation: Aggregation,
        points: &[(Date, f64)],
    ) -> InputSeries {
        InputSeries {
            id: id.into(),
            key: key.into(),
            name: key.into(),
            aggregation,
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

    /// Interactions and reach (both summed per month), and followers (last value).
    ///
    /// | month | interactions | reach | × 100 |
    /// |---|---|---|---|
    /// | Jan 2026 | 100 + 200 = 300 (2 values) | 10 000 | 3 |
    /// | Feb 2026 | 400 | 8 000 | 5 |
    /// | Mar 2026 (so far on 14 Mar) | 50 + 70 = 120 (not the 5 000 of 20 Mar) | 3 000 | 4 |
    /// | Apr 2026 (after "as of") | 999 | – | – |
    fn card() -> Scorecard {
        let mut card = Scorecard::new_blank("sc-calc".into(), Lang::En);
        card.series = vec![
            series(
                "ser-1",
                "interactions",
                Aggregation::Sum,
                &[
                    (d(2026, 1, 10), 100.0),
                    (d(2026, 1, 20), 200.0),
                    (d(2026, 2, 5), 400.0),
                    (d(2026, 3, 2), 50.0),
                    (d(2026, 3, 10), 70.0),
                    (d(2026, 3, 20), 5_000.0),
                    (d(2026, 4, 2), 999.0),
                ],
            ),
            series(
                "ser-2",
                "reach",
                Aggregation::Sum,
                &[
                    (d(2026, 1, 15), 10_000.0),
                    (d(2026, 2, 15), 8_000.0),
                    (d(2026, 3, 5), 3_000.0),
                ],
            ),
            series(
                "ser-3",
                "followers",
                Aggregation::Last,
                &[
                    (d(2026, 1, 15), 900.0),
                    (d(2026, 1, 31), 1_000.0),
                    (d(2026, 2, 28), 1_100.0),
                    (d(2026, 3, 20), 1_200.0),
                ],
            ),
        ];
        card
    }

    /// Engagement rate: monthly, higher is better, baseline 2, target 4 (progress
    /// (v − 2) / (4 − 2)), amber from 70 %.
    fn engagement(formula: &str) -> Kpi {
        Kpi {
            id: "kpi-1".into(),
            name: "Engagement rate".into(),
            unit: "%".into(),
            direction: Direction::HigherIsBetter,
            baseline: Some(2.0),
            target: Some(4.0),
            frequency: Frequency::Monthly,
            formula: Some(formula.into()),
            ..Default::default()
        }
    }

    const AS_OF: (i32, u8, u8) = (2026, 3, 14);

    fn as_of() -> Date {
        d(AS_OF.0, AS_OF.1, AS_OF.2)
    }

    #[test]
    fn the_chart_plots_one_value_per_period_and_marks_the_so_far_one() {
        let card = card();
        let kpi = engagement("interactions / reach * 100");
        let data = kpi_chart_data_in(&card, &kpi, as_of(), Lang::En);
        assert!(data.calculated);
        let points: Vec<_> = data
            .points
            .iter()
            .map(|p| (p.date, p.value, p.target, p.so_far))
            .collect();
        assert_eq!(
            points,
            [
                (d(2026, 1, 31), 3.0, Some(4.0), false),
                (d(2026, 2, 28), 5.0, Some(4.0), false),
                (d(2026, 3, 31), 4.0, Some(4.0), true),
            ],
            "each month's value dated its last day; April has begun after 'as of'"
        );
        // First point 31 Jan, last 31 Mar (after "as of"): 59 days, padded by 1 day.
        assert_eq!(data.x_range, (d(2026, 1, 30), d(2026, 4, 1)));
        // Values 3…5, target 4, baseline 2: span 3, padded by 8 % (0.24).
        let (lo, hi) = data.y_range;
        assert!(
            (lo - 1.76).abs() < 1e-9 && (hi - 5.24).abs() < 1e-9,
            "{lo} {hi}"
        );
        // The same values as the effective KPI's measurements (over the points known on
        // "as of": the 5,000 interactions of 20 March are not in March's value yet).
        let calc = card.calculate_as_of(&kpi, as_of()).expect("calculated");
        let effective = with_period_values(&kpi, &calc);
        let measured: Vec<_> = effective
            .measurements
            .iter()
            .filter(|m| m.date <= d(2026, 3, 31))
            .map(|m| (m.date, m.value))
            .collect();
        let plotted: Vec<_> = data.points.iter().map(|p| (p.date, p.value)).collect();
        assert_eq!(measured, plotted);
    }

    #[test]
    fn a_measured_kpi_charts_as_before_and_an_unusable_formula_charts_nothing() {
        let card = card();
        let mut kpi = engagement("x");
        kpi.formula = None;
        kpi.measurements = vec![smsc::model::Measurement {
            id: "m-1".into(),
            date: d(2026, 3, 1),
            value: 2.5,
            ..Default::default()
        }];
        let measured = kpi_chart_data_in(&card, &kpi, as_of(), Lang::En);
        assert_eq!(measured, kpi_chart_data(&kpi, as_of(), Lang::En));
        assert!(!measured.calculated);
        // Calculated with an unknown series: its own measurements are not plotted.
        kpi.formula = Some("clicks / reach".into());
        let calc = card.calculate_as_of(&kpi, as_of()).expect("calculated");
        let data = calculated_chart_data(&kpi, &calc, as_of(), Lang::En);
        assert!(data.points.is_empty());
        assert!(period_rows(&kpi, &calc, as_of()).is_empty());
        assert!(recent_period_rows(&card, &kpi, &calc, as_of(), 3).is_empty());
    }

    #[test]
    fn period_rows_are_newest_first_with_status_against_the_target() {
        let card = card();
        let kpi = engagement("interactions / reach * 100");
        let calc = card.calculate_as_of(&kpi, as_of()).expect("calculated");
        let rows = period_rows(&kpi, &calc, as_of());
        let seen: Vec<_> = rows
            .iter()
            .map(|r| (r.period.key(), r.value.clone(), r.so_far, r.status))
            .collect();
        // Jan: (3 − 2) / 2 = 50 % → red; Feb: 150 % → green; Mar: 100 % → green (so far).
        assert_eq!(
            seen,
            [
                ("2026-03".to_string(), Ok(4.0), true, Status::Green),
                ("2026-02".to_string(), Ok(5.0), false, Status::Green),
                ("2026-01".to_string(), Ok(3.0), false, Status::Red),
            ]
        );
        let jan = &rows[2];
        assert_eq!(
            jan.inputs
                .iter()
                .map(|i| input_text(i, Lang::En))
                .collect::<Vec<_>>(),
            [
                "interactions: sum of 2 values = 300",
                "reach: sum of 1 value = 10,000"
            ]
        );
        assert_eq!(
            input_text(&jan.inputs[1], Lang::Nl),
            "reach: som van 1 waarde = 10.000"
        );
    }

    #[test]
    fn the_recent_periods_include_those_without_figures_and_say_why() {
        let card = card();
        let kpi = engagement("interactions / reach * 100");
        let calc = card.calculate_as_of(&kpi, as_of()).expect("calculated");
        let rows = recent_period_rows(&card, &kpi, &calc, as_of(), 5);
        let keys: Vec<_> = rows.iter().map(|r| r.period.key()).collect();
        assert_eq!(
            keys,
            ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
        );
        assert_eq!(
            rows[0].value,
            Err(EvalProblem::Missing {
                key: "interactions".into(),
                prev: false
            })
        );
        assert_eq!(
            input_text(&rows[0].inputs[0], Lang::En),
            "interactions: no values in this period"
        );
        assert_eq!(rows[4].value, Ok(4.0));
        assert!(rows[4].so_far && !rows[3].so_far);
        // "As of" the last day of March: March is over, nothing is "so far".
        let rows = recent_period_rows(&card, &kpi, &calc, d(2026, 3, 31), 3);
        assert_eq!(
            rows.iter().map(|r| r.so_far).collect::<Vec<_>>(),
            [false, false, false]
        );
    }

    #[test]
    fn prev_reads_the_period_before_also_in_a_period_without_figures() {
        let card = card();
        let mut kpi = engagement("followers - prev(followers)");
        kpi.unit = "followers".into();
        let calc = card.calculate_as_of(&kpi, as_of()).expect("calculated");
        let rows = recent_period_rows(&card, &kpi, &calc, as_of(), 3);
        // Jan: no December; Feb: 1,100 − 1,000 = 100; Mar: no followers yet on 14 March
        // (the 1,200 of 20 March is not known then).
        assert_eq!(
            rows.iter().map(|r| r.value.clone()).collect::<Vec<_>>(),
            [
                Err(EvalProblem::Missing {
                    key: "followers".into(),
                    prev: true
                }),
                Ok(100.0),
                Err(EvalProblem::Missing {
                    key: "followers".into(),
                    prev: false
                }),
            ]
        );
        let march: Vec<_> = rows[2]
            .inputs
            .iter()
            .map(|i| input_text(i, Lang::En))
            .collect();
        assert_eq!(
            march,
            [
                "followers: no values in this period",
                "prev(followers), February 2026: last of 1 value = 1,100"
            ]
        );
        assert_eq!(
            input_text(&rows[1].inputs[0], Lang::Nl),
            "followers: laatste van 1 waarde = 1.100"
        );
        assert_eq!(
            input_text(&rows[1].inputs[1], Lang::Nl),
            "prev(followers), januari 2026: laatste van 2 waarden = 1.000"
        );
    }

    #[test]
    fn the_input_table_lists_each_period_with_its_inputs() {
        let card = card();
        let kpi = engagement("interactions / reach * 100");
        let calc = card.calculate_as_of(&kpi, as_of()).expect("calculated");
        let table = input_table(&kpi, &calc, as_of(), Lang::En, 2);
        assert_eq!(
            table.headers,
            ["Period", "Value (%)", "interactions (sum)", "reach (sum)"]
        );
        let rows: Vec<_> = table
            .rows
            .iter()
            .map(|r| (r.key.as_str(), r.so_far, r.cells.clone()))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "2026-03",
                    true,
                    vec![
                        "March 2026 (so far)".to_string(),
                        "4".into(),
                        "120".into(),
                        "3,000".into()
                    ]
                ),
                (
                    "2026-02",
                    false,
                    vec![
                        "February 2026".to_string(),
                        "5".into(),
                        "400".into(),
                        "8,000".into()
                    ]
                ),
            ],
            "newest first, at most the limit"
        );
        let nl = input_table(&kpi, &calc, as_of(), Lang::Nl, 1);
        assert_eq!(
            nl.headers,
            ["Periode", "Waarde (%)", "interactions (som)", "reach (som)"]
        );
        assert_eq!(nl.rows[0].cells[0], "maart 2026 (tot nu toe)");
    }

    #[test]
    fn grouped_numbers_follow_the_language() {
        assert_eq!(grouped_number(1234.5, Lang::En), "1,234.5");
        assert_eq!(grouped_number(1234.5, Lang::Nl), "1.234,5");
        assert_eq!(grouped_number(-1_234_567.0, Lang::En), "-1,234,567");
        assert_eq!(grouped_number(999.0, Lang::En), "999");
        assert_eq!(grouped_number(0.25, Lang::Nl), "0,25");
        assert_eq!(grouped_number(f64::NAN, Lang::En), "–");
    }
}
