#![cfg(not(target_arch = "wasm32"))]
//! Calculated KPIs (`src/model/calculate.rs`, the calculated path of `evaluate.rs` and
//! `explain.rs`, file version 2 and its migration): formulas per period over aggregated input
//! series, worked out by hand; the "latest complete period counts" scoring rule and "so far";
//! explanations with the real numbers; the file round trip, version-1 files and refusals with
//! their paths; properties on random series and formulas.

use std::path::Path;

use proptest::prelude::*;
use serde_json::{Value, json};
use smsc::model::calculate::{Calculation, PeriodInput, PeriodValue, SeriesTable};
use smsc::model::file::FORMAT;
use smsc::model::formula::EvalProblem;
use smsc::model::migrate::CURRENT_VERSION;
use smsc::model::*;

const SAVED_AT: &str = "2026-04-01T12:00:00Z";
const APP: &str = "fixture";

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn p(date: &str, value: f64) -> InputPoint {
    InputPoint {
        date: d(date),
        value,
        ..InputPoint::default()
    }
}

fn day(y: i32, m: u8, day: u8, value: f64) -> InputPoint {
    InputPoint {
        date: Date::from_ymd(y, m, day).unwrap(),
        value,
        ..InputPoint::default()
    }
}

/// March 2026, 31 days: interactions 10 + day and reach 1,000 + 25 × day, with a campaign on
/// the 15th (+428 interactions, +2,200 reach):
/// Σ interactions = 31 × 10 + (1 + … + 31) + 428 = 310 + 496 + 428 = 1,234;
/// Σ reach = 31 × 1,000 + 25 × 496 + 2,200 = 31,000 + 12,400 + 2,200 = 45,600.
/// Then 1–10 April 2026: 100 interactions and 1,000 reach a day (1,000 and 10,000: 10 %).
fn interactions() -> Vec<InputPoint> {
    let mut out: Vec<InputPoint> = (1..=31u8)
        .map(|n| {
            let campaign = if n == 15 { 428.0 } else { 0.0 };
            day(2026, 3, n, 10.0 + f64::from(n) + campaign)
        })
        .collect();
    out.extend((1..=10u8).map(|n| day(2026, 4, n, 100.0)));
    out
}

fn reach() -> Vec<InputPoint> {
    let mut out: Vec<InputPoint> = (1..=31u8)
        .map(|n| {
            let campaign = if n == 15 { 2200.0 } else { 0.0 };
            day(2026, 3, n, 1000.0 + 25.0 * f64::from(n) + campaign)
        })
        .collect();
    out.extend((1..=10u8).map(|n| day(2026, 4, n, 1000.0)));
    out
}

/// Followers, last value per period, listed out of date order: December 2025 ends at
/// 11,800, January 2026 at 12,036, no point in February, March ends at 12,480.
fn followers() -> Vec<InputPoint> {
    vec![
        p("2025-12-31", 11800.0),
        p("2025-12-01", 11500.0),
        p("2026-01-31", 12036.0),
        p("2026-01-15", 11950.0),
        p("2026-03-31", 12480.0),
        p("2026-03-15", 12200.0),
    ]
}

fn input_series(key: &str, aggregation: Aggregation, points: Vec<InputPoint>) -> InputSeries {
    InputSeries {
        key: key.to_string(),
        name: format!("{key} (name)"),
        aggregation,
        points,
        ..InputSeries::default()
    }
}

/// A calculated KPI: higher is better, baseline and target as given.
fn calculated(name: &str, formula: &str, frequency: Frequency, baseline: f64, target: f64) -> Kpi {
    Kpi {
        name: name.to_string(),
        formula: Some(formula.to_string()),
        frequency,
        baseline: Some(baseline),
        target: Some(target),
        ..Kpi::default()
    }
}

/// A scorecard with these series and KPIs (ids given here), all KPIs in one sub-objective
/// of the customers factor.
fn card_with(series: Vec<InputSeries>, kpis: Vec<Kpi>) -> Scorecard {
    let mut card = Scorecard::new_blank("calc".into(), Lang::En);
    for mut s in series {
        s.id = card.alloc_id(ids::SERIES_PREFIX);
        card.series.push(s);
    }
    let so = card.alloc_id(ids::SUB_OBJECTIVE_PREFIX);
    let mut sub = SubObjective::new(so, "Engagement".into());
    for mut k in kpis {
        k.id = card.alloc_id(ids::KPI_PREFIX);
        sub.kpis.push(k);
    }
    card.factor_mut(FactorKind::Customers)
        .sub_objectives
        .push(sub);
    assert!(validate(&card).is_empty(), "{:?}", validate(&card));
    card
}

/// The engagement card: interactions, reach and followers; KPIs "Engagement rate"
/// (kpi-5, baseline 2, target 3) and "Follower growth" (kpi-6, baseline 0, target 2), both
/// monthly.
fn engagement() -> Scorecard {
    card_with(
        vec![
            input_series("interactions", Aggregation::Sum, interactions()),
            input_series("reach", Aggregation::Sum, reach()),
            input_series("followers", Aggregation::Last, followers()),
        ],
        vec![
            calculated(
                "Engagement rate",
                "interactions / reach * 100",
                Frequency::Monthly,
                2.0,
                3.0,
            ),
            calculated(
                "Follower growth",
                "(followers - prev(followers)) / prev(followers) * 100",
                Frequency::Monthly,
                0.0,
                2.0,
            ),
        ],
    )
}

const RATE: &str = "kpi-5";
const GROWTH: &str = "kpi-6";

fn calc(card: &Scorecard, id: &str) -> Calculation {
    let kpi = card.kpi(id).unwrap();
    card.calculate(kpi).expect("a calculated KPI")
}

fn value_in(c: &Calculation, date: &str) -> Result<f64, EvalProblem> {
    c.period_of(d(date))
        .unwrap_or_else(|| panic!("no period with {date}"))
        .value
        .clone()
}

fn keys(c: &Calculation) -> Vec<String> {
    c.periods.iter().map(|p| p.period.key()).collect()
}

fn input<'a>(p: &'a PeriodValue, key: &str, prev: bool) -> &'a PeriodInput {
    p.inputs
        .iter()
        .find(|i| i.key == key && i.prev == prev)
        .unwrap()
}

// --- Formulas per period, worked by hand ---------------------------------------------------

#[test]
fn a_month_s_engagement_rate_is_its_total_interactions_over_its_total_reach() {
    let card = engagement();
    let c = calc(&card, RATE);
    assert_eq!(keys(&c), ["2026-03", "2026-04"]);
    // March: 1,234 / 45,600 × 100 = 1,234 / 456 = 2.70614035087719298… %.
    let march = c.period_of(d("2026-03-20")).unwrap();
    assert_eq!(march.value, Ok(2.706_140_350_877_193));
    assert!((march.value.clone().unwrap() - 1234.0 / 456.0).abs() < 1e-15);
    let i = input(march, "interactions", false);
    assert_eq!(
        (i.value, i.points, i.aggregation, i.period.key()),
        (Some(1234.0), 31, Aggregation::Sum, "2026-03".to_string())
    );
    assert_eq!(i.series_id.as_deref(), Some("ser-1"));
    let r = input(march, "reach", false);
    assert_eq!((r.value, r.points), (Some(45600.0), 31));
    assert_eq!(march.inputs.len(), 2);
    // April so far (1–10 April): 1,000 / 10,000 × 100 = 10 %.
    assert_eq!(value_in(&c, "2026-04-30"), Ok(10.0));
    // No value before March or after April.
    assert!(c.period_of(d("2026-02-28")).is_none());
    assert!(c.period_of(d("2026-05-01")).is_none());
}

#[test]
fn the_average_of_the_daily_rates_is_a_different_number() {
    // The reason for the rule. Daily rates run from 11 / 1,025 = 1.07 % (1 March) to
    // 41 / 1,775 = 2.31 % (31 March), with 453 / 3,575 = 12.67 % on the campaign day; their
    // average is ≈ 2.1499 %, while the month's rate is 1,234 / 45,600 = 2.7061 %: the days
    // with little reach would weigh as much as the campaign day.
    let i: Vec<InputPoint> = interactions().into_iter().take(31).collect();
    let r: Vec<InputPoint> = reach().into_iter().take(31).collect();
    assert_eq!((i[0].value, r[0].value), (11.0, 1025.0));
    assert_eq!((i[14].value, r[14].value), (453.0, 3575.0));
    assert_eq!((i[30].value, r[30].value), (41.0, 1775.0));
    let daily_rates: Vec<f64> = i
        .iter()
        .zip(&r)
        .map(|(i, r)| i.value / r.value * 100.0)
        .collect();
    let average = daily_rates.iter().sum::<f64>() / 31.0;
    assert!((average - 2.1499).abs() < 1e-4, "{average}");
    let card = engagement();
    let month = value_in(&calc(&card, RATE), "2026-03-01").unwrap();
    assert!((month - average).abs() > 0.55, "{month} vs {average}");
    // A daily KPI with the same formula has exactly the daily rates.
    let mut daily = card.clone();
    daily.factors.customers.sub_objectives[0].kpis[0].frequency = Frequency::Daily;
    let c = calc(&daily, RATE);
    let march: Vec<f64> = c
        .periods
        .iter()
        .take(31)
        .map(|p| p.value.clone().unwrap())
        .collect();
    assert_eq!(march, daily_rates);
}

#[test]
fn last_for_followers_and_prev_across_the_year_end() {
    let card = engagement();
    let c = calc(&card, GROWTH);
    // Periods: every month in which followers has a point.
    assert_eq!(keys(&c), ["2025-12", "2026-01", "2026-03"]);
    // January 2026 uses December 2025: the last date of each month counts, not the last in
    // the list: (12,036 − 11,800) / 11,800 × 100 = 236 / 118 = 2 %.
    let jan = c.period_of(d("2026-01-01")).unwrap();
    assert_eq!(jan.value, Ok((12036.0 - 11800.0) / 11800.0 * 100.0));
    assert!((jan.value.clone().unwrap() - 2.0).abs() < 1e-12);
    let now = input(jan, "followers", false);
    assert_eq!(
        (now.value, now.points, now.period.key()),
        (Some(12036.0), 2, "2026-01".to_string())
    );
    let before = input(jan, "followers", true);
    assert_eq!(
        (before.value, before.points, before.period.key()),
        (Some(11800.0), 2, "2025-12".to_string())
    );
    assert_eq!(before.aggregation, Aggregation::Last);
    assert_eq!(jan.inputs.len(), 2);
    // December 2025 has no November before it.
    assert_eq!(
        value_in(&c, "2025-12-15"),
        Err(EvalProblem::Missing {
            key: "followers".into(),
            prev: true
        })
    );
}

#[test]
fn prev_of_a_month_without_points_has_no_value() {
    let card = engagement();
    let c = calc(&card, GROWTH);
    // March 2026: February has no followers point, so prev(followers) has no value, although
    // March itself does (12,480 on 31 March).
    let march = c.period_of(d("2026-03-31")).unwrap();
    assert_eq!(
        march.value,
        Err(EvalProblem::Missing {
            key: "followers".into(),
            prev: true
        })
    );
    assert_eq!(input(march, "followers", false).value, Some(12480.0));
    let before = input(march, "followers", true);
    assert_eq!((before.value, before.points), (None, 0));
    assert_eq!(before.period.key(), "2026-02");
    // February itself is no period of the KPI: no input has a point in it.
    assert!(c.period_of(d("2026-02-10")).is_none());
}

#[test]
fn a_period_with_a_missing_input_has_no_value() {
    // clicks has points in March only; reach in March and April.
    let card = card_with(
        vec![
            input_series("clicks", Aggregation::Sum, vec![p("2026-03-05", 30.0)]),
            input_series(
                "reach",
                Aggregation::Sum,
                vec![p("2026-03-05", 600.0), p("2026-04-05", 900.0)],
            ),
        ],
        vec![calculated(
            "Click-through rate",
            "clicks / reach * 100",
            Frequency::Monthly,
            1.0,
            10.0,
        )],
    );
    let c = calc(&card, "kpi-4");
    assert_eq!(keys(&c), ["2026-03", "2026-04"]);
    // March: 30 / 600 × 100 = 5 %.
    assert_eq!(value_in(&c, "2026-03-01"), Ok(5.0));
    // April: no clicks, which is not zero clicks.
    assert_eq!(
        value_in(&c, "2026-04-01"),
        Err(EvalProblem::Missing {
            key: "clicks".into(),
            prev: false
        })
    );
    let april = c.period_of(d("2026-04-01")).unwrap();
    assert_eq!(input(april, "clicks", false).value, None);
    assert_eq!(input(april, "reach", false).value, Some(900.0));
}

#[test]
fn division_by_zero_is_a_problem_not_infinity() {
    let card = card_with(
        vec![
            input_series(
                "clicks",
                Aggregation::Sum,
                vec![p("2026-05-01", 3.0), p("2026-06-01", 0.0)],
            ),
            input_series(
                "reach",
                Aggregation::Sum,
                vec![
                    p("2026-05-01", 0.0),
                    p("2026-05-20", 0.0),
                    p("2026-06-01", 0.0),
                ],
            ),
            input_series(
                "followers",
                Aggregation::Last,
                vec![p("2026-05-31", 0.0), p("2026-06-30", 10.0)],
            ),
            input_series(
                "paid",
                Aggregation::Sum,
                vec![p("2026-05-02", 4.0), p("2026-06-02", 1.0)],
            ),
        ],
        vec![
            calculated("Rate", "clicks / reach * 100", Frequency::Monthly, 0.0, 1.0),
            calculated(
                "Growth",
                "(followers - prev(followers)) / prev(followers) * 100",
                Frequency::Monthly,
                0.0,
                1.0,
            ),
            calculated("Share", "clicks / (paid - 4)", Frequency::Monthly, 0.0, 1.0),
        ],
    );
    // May: reach 0 + 0 = 0: 3 / 0. June: 0 / 0 (not NaN).
    let rate = calc(&card, "kpi-6");
    for date in ["2026-05-01", "2026-06-01"] {
        assert_eq!(
            value_in(&rate, date),
            Err(EvalProblem::DivisionByZero {
                divisor: "reach".into()
            })
        );
    }
    // June growth: followers went from 0 to 10; prev(followers) is 0.
    assert_eq!(
        value_in(&calc(&card, "kpi-7"), "2026-06-30"),
        Err(EvalProblem::DivisionByZero {
            divisor: "prev(followers)".into()
        })
    );
    // May: paid − 4 = 0, named in canonical form; June: 0 / (1 − 4) = 0 (not −0).
    let share = calc(&card, "kpi-8");
    assert_eq!(
        value_in(&share, "2026-05-31"),
        Err(EvalProblem::DivisionByZero {
            divisor: "paid - 4".into()
        })
    );
    let june = value_in(&share, "2026-06-30").unwrap();
    assert_eq!(june, 0.0);
    assert!(june.is_sign_positive());
    // None of it scores: grey, not an infinite progress.
    let e = card.evaluate(d("2026-07-01"));
    for id in ["kpi-6", "kpi-7"] {
        assert_eq!(e.kpi(id), Some(Score::GREY), "{id}");
    }
}

#[test]
fn results_too_large_for_a_number_are_a_problem_not_infinity() {
    // 1e15 (the largest value a point may have) to the power 21 is 1e315, beyond f64.
    let power = vec!["big"; 21].join(" * ");
    let card = card_with(
        vec![input_series(
            "big",
            Aggregation::Max,
            vec![p("2026-01-01", 1e15), p("2026-01-02", -1e15)],
        )],
        vec![
            calculated("Huge", &power, Frequency::Monthly, 0.0, 1.0),
            calculated("Fine", "big * big", Frequency::Monthly, 0.0, 1.0),
        ],
    );
    assert_eq!(
        value_in(&calc(&card, "kpi-3"), "2026-01-01"),
        Err(EvalProblem::NotFinite)
    );
    assert_eq!(value_in(&calc(&card, "kpi-4"), "2026-01-01"), Ok(1e30));
    let e = card.evaluate(d("2026-02-01"));
    assert_eq!(e.kpi("kpi-3"), Some(Score::GREY));
    assert!(e.kpi("kpi-4").unwrap().value.unwrap().is_finite());
}

#[test]
fn points_in_any_order_give_the_same_values() {
    let card = engagement();
    let mut shuffled = card.clone();
    for s in &mut shuffled.series {
        s.points.reverse();
        // and a fixed interleaving: odd places first
        let (odd, even): (Vec<_>, Vec<_>) = s
            .points
            .drain(..)
            .enumerate()
            .partition(|(i, _)| i % 2 == 1);
        s.points = odd.into_iter().chain(even).map(|(_, p)| p).collect();
    }
    assert_ne!(shuffled.series, card.series);
    for id in [RATE, GROWTH] {
        assert_eq!(calc(&shuffled, id), calc(&card, id), "{id}");
    }
    assert_eq!(
        shuffled.evaluate(d("2026-04-10")),
        card.evaluate(d("2026-04-10"))
    );
}

#[test]
fn of_two_points_on_one_date_the_one_listed_last_counts() {
    // reach has 5 March twice: 600 then 400. clicks 20 on 5 March: 20 / 400 = 5 %.
    // (A file with a repeated date is refused; a card built in code can still have one.)
    let mut card = card_with(
        vec![
            input_series("clicks", Aggregation::Sum, vec![p("2026-03-05", 20.0)]),
            input_series("reach", Aggregation::Sum, vec![p("2026-03-05", 600.0)]),
        ],
        Vec::new(),
    );
    card.series[1].points.push(p("2026-03-05", 400.0));
    let kpi = calculated("CTR", "clicks / reach * 100", Frequency::Monthly, 0.0, 10.0);
    let c = card.calculate(&kpi).unwrap();
    assert_eq!(value_in(&c, "2026-03-01"), Ok(5.0));
    assert_eq!(input(&c.periods[0], "reach", false).points, 1);
    card.series[1].normalise_points();
    assert_eq!(card.series[1].points, vec![p("2026-03-05", 400.0)]);
}

#[test]
fn weekly_and_quarterly_kpis_use_their_own_periods() {
    // Interactions and reach around New Year, ISO week 1 of 2026 = 29 Dec 2025 – 4 Jan 2026:
    // Sun 28 Dec: 5 / 100 (week 52 of 2025: 5 %);
    // Mon 29 Dec 6 / 200, Wed 31 Dec 4 / 100, Thu 1 Jan 10 / 300, Sun 4 Jan 10 / 400:
    //   week 1: 30 / 1,000 = 3 %;
    // Mon 5 Jan 8 / 100 (week 2: 8 %).
    let i = vec![
        p("2025-12-28", 5.0),
        p("2025-12-29", 6.0),
        p("2025-12-31", 4.0),
        p("2026-01-01", 10.0),
        p("2026-01-04", 10.0),
        p("2026-01-05", 8.0),
    ];
    let r = vec![
        p("2025-12-28", 100.0),
        p("2025-12-29", 200.0),
        p("2025-12-31", 100.0),
        p("2026-01-01", 300.0),
        p("2026-01-04", 400.0),
        p("2026-01-05", 100.0),
    ];
    let formula = "interactions / reach * 100";
    let card = card_with(
        vec![
            input_series("interactions", Aggregation::Sum, i),
            input_series("reach", Aggregation::Sum, r),
        ],
        vec![
            calculated("Weekly rate", formula, Frequency::Weekly, 0.0, 5.0),
            calculated("Quarterly rate", formula, Frequency::Quarterly, 0.0, 5.0),
            calculated("Monthly rate", formula, Frequency::Monthly, 0.0, 5.0),
            calculated(
                "Growth per week",
                "interactions - prev(interactions)",
                Frequency::Weekly,
                0.0,
                5.0,
            ),
        ],
    );
    let weekly = calc(&card, "kpi-4");
    assert_eq!(keys(&weekly), ["2025-W52", "2026-W01", "2026-W02"]);
    assert_eq!(value_in(&weekly, "2025-12-28"), Ok(5.0));
    assert_eq!(value_in(&weekly, "2025-12-29"), Ok(3.0));
    assert_eq!(value_in(&weekly, "2026-01-04"), Ok(3.0));
    assert_eq!(value_in(&weekly, "2026-01-05"), Ok(8.0));
    let w1 = weekly.period_of(d("2026-01-01")).unwrap();
    assert_eq!(
        (w1.period.start, w1.period.end),
        (d("2025-12-29"), d("2026-01-04"))
    );
    assert_eq!(input(w1, "interactions", false).points, 4);
    // Quarters: Q4 2025 (28, 29, 31 Dec): 15 / 400 = 3.75 %; Q1 2026: 28 / 800 = 3.5 %
    // (0.035 × 100 is 3.5000000000000004 in f64).
    let quarterly = calc(&card, "kpi-5");
    assert_eq!(keys(&quarterly), ["2025-Q4", "2026-Q1"]);
    assert_eq!(value_in(&quarterly, "2025-12-01"), Ok(3.75));
    assert_eq!(value_in(&quarterly, "2026-03-31"), Ok(28.0 / 800.0 * 100.0));
    assert!((value_in(&quarterly, "2026-03-31").unwrap() - 3.5).abs() < 1e-12);
    // Months split the week: December 15 / 400, January 28 / 800.
    let monthly = calc(&card, "kpi-6");
    assert_eq!(keys(&monthly), ["2025-12", "2026-01"]);
    assert_eq!(value_in(&monthly, "2025-12-31"), Ok(3.75));
    // prev(…) by week across New Year: week 1 − week 52 = 30 − 5 = 25; week 2: 8 − 30 = −22.
    let growth = calc(&card, "kpi-7");
    assert_eq!(value_in(&growth, "2026-01-01"), Ok(25.0));
    assert_eq!(value_in(&growth, "2026-01-05"), Ok(-22.0));
    let w1 = growth.period_of(d("2026-01-01")).unwrap();
    assert_eq!(input(w1, "interactions", true).period.key(), "2025-W52");
}

#[test]
fn measured_kpis_have_no_calculation_and_bad_formulas_no_periods() {
    let mut card = engagement();
    let measured = Kpi::new("kpi-x".into(), "Measured".into());
    assert!(!measured.is_calculated());
    assert_eq!(card.calculate(&measured), None);
    // A formula naming a series the card does not have (possible in a file): the error,
    // no periods, grey.
    card.factors.customers.sub_objectives[0].kpis[0].formula = Some("interactions / raech".into());
    let c = calc(&card, RATE);
    let e = c.formula.clone().unwrap_err();
    assert!(e.to_string().contains("raech"), "{e}");
    assert!(c.periods.is_empty());
    assert_eq!(card.evaluate(d("2026-04-10")).kpi(RATE), Some(Score::GREY));
}

// --- Scoring -------------------------------------------------------------------------------

/// March's engagement rate: 1,234 / 45,600 × 100 = 2.706140350877193 % (as f64).
const MARCH_RATE: f64 = 2.706_140_350_877_193;
/// Against baseline 2 and target 3: progress (2.706140350877193 − 2) / (3 − 2) = 0.70614…
/// (the subtraction is exact in f64), amber (threshold 70 %).
const MARCH_PROGRESS: f64 = MARCH_RATE - 2.0;

#[test]
fn as_of_a_day_in_april_march_counts_and_april_is_so_far() {
    let card = engagement();
    let as_of = d("2026-04-10");
    let e = card.evaluate(as_of);
    assert_eq!(
        e.kpi(RATE),
        Some(Score {
            value: Some(MARCH_PROGRESS),
            status: Status::Amber
        })
    );
    assert_eq!(e.kpi_latest(RATE), Some(MARCH_RATE));
    let c = calc(&card, RATE);
    let scored = c.scored(as_of).unwrap();
    assert_eq!(scored.period.key(), "2026-03");
    assert!(!scored.is_so_far(as_of));
    // April so far: 10 %, which would be progress 800 % (green), shown but not scored.
    let so_far = c.so_far(as_of).unwrap();
    assert_eq!(so_far.period.key(), "2026-04");
    assert_eq!(so_far.value, Ok(10.0));
    assert!(so_far.is_so_far(as_of));
    // The roll-up counts March: the sub-objective and the factor have its progress; the
    // growth KPI is grey (March has no February to compare with) and does not count.
    assert_eq!(e.kpi(GROWTH), Some(Score::GREY));
    let so = card.factors.customers.sub_objectives[0].id.clone();
    assert_eq!(e.sub_objective(&so).unwrap().value, Some(MARCH_PROGRESS));
    assert_eq!(e.factor(FactorKind::Customers).value, Some(MARCH_PROGRESS));
}

#[test]
fn the_period_that_counts_can_be_worked_out_alone() {
    let card = engagement();
    let kpi = card.kpi(RATE).unwrap();
    let scored = |table: &mut SeriesTable, as_of: &str| -> Vec<String> {
        let c = table.calculate_scored(kpi, d(as_of)).unwrap();
        c.periods.iter().map(|p| p.period.key()).collect()
    };
    for as_of in ["2026-04-10", "2026-03-31", "2026-04-30", "2026-09-01"] {
        let want = if as_of == "2026-04-30" || as_of == "2026-09-01" {
            "2026-04"
        } else {
            "2026-03"
        };
        assert_eq!(
            scored(&mut SeriesTable::new(&card), as_of),
            [want],
            "{as_of}"
        );
        assert_eq!(
            scored(&mut SeriesTable::as_of(&card, d(as_of)), as_of),
            [want]
        );
    }
    assert!(scored(&mut SeriesTable::new(&card), "2026-03-30").is_empty());
    // Only that period: March's value with its inputs, as the whole calculation has it.
    let one = SeriesTable::new(&card)
        .calculate_scored(kpi, d("2026-04-10"))
        .unwrap();
    assert_eq!(one.periods.len(), 1);
    assert_eq!(
        &one.periods[0],
        calc(&card, RATE).scored(d("2026-04-10")).unwrap()
    );
    assert_eq!(one.periods[0].value, Ok(MARCH_RATE));
}

#[test]
fn on_the_last_day_of_march_march_counts() {
    let card = engagement();
    let c = calc(&card, RATE);
    let as_of = d("2026-03-31");
    assert_eq!(c.scored(as_of).unwrap().period.key(), "2026-03");
    assert!(c.so_far(as_of).is_none());
    assert_eq!(
        card.evaluate(as_of).kpi(RATE),
        Some(Score {
            value: Some(MARCH_PROGRESS),
            status: Status::Amber
        })
    );
    // A day earlier March is not over: it is so far, and no earlier period has a value.
    let before = d("2026-03-30");
    assert!(c.scored(before).is_none());
    assert_eq!(c.so_far(before).unwrap().period.key(), "2026-03");
    assert_eq!(card.evaluate(before).kpi(RATE), Some(Score::GREY));
    // The growth KPI on 31 January: January counts (2 %, progress 2 / 2 = 100 %: green).
    let e = card.evaluate(d("2026-01-31"));
    let growth = e.kpi(GROWTH).unwrap();
    assert_eq!(growth.status, Status::Green);
    assert!((growth.value.unwrap() - 1.0).abs() < 1e-12);
}

#[test]
fn grey_when_the_latest_complete_period_has_a_missing_input() {
    // May has interactions but no reach; April is complete and fine, but May counts.
    let mut card = engagement();
    card.series[0].points.push(p("2026-05-12", 50.0));
    let as_of = d("2026-06-05");
    let c = calc(&card, RATE);
    let scored = c.scored(as_of).unwrap();
    assert_eq!(scored.period.key(), "2026-05");
    assert_eq!(
        scored.value,
        Err(EvalProblem::Missing {
            key: "reach".into(),
            prev: false
        })
    );
    let e = card.evaluate(as_of);
    assert_eq!(e.kpi(RATE), Some(Score::GREY));
    assert_eq!(e.kpi_latest(RATE), None);
    // The growth KPI as of 10 April: March counts and has no prev: grey too.
    assert_eq!(
        card.evaluate(d("2026-04-10")).kpi(GROWTH),
        Some(Score::GREY)
    );
}

#[test]
fn grey_when_the_inputs_are_months_old() {
    let card = engagement();
    // April (its last day 30 April) counts from 30 April on: 10 %, progress
    // (10 − 2) / (3 − 2) = 800 %, green. A monthly KPI allows 31 + 14 = 45 days: on
    // 14 June (45 days after 30 April) it still counts, on 15 June it is grey.
    let e = card.evaluate(d("2026-06-14"));
    assert_eq!(
        e.kpi(RATE),
        Some(Score {
            value: Some(8.0),
            status: Status::Green
        })
    );
    assert_eq!(
        card.evaluate(d("2026-06-15")).kpi(RATE).unwrap().status,
        Status::Grey
    );
    // No input data for months: grey, and nothing rolls up.
    let e = card.evaluate(d("2026-12-31"));
    assert_eq!(e.kpi(RATE).unwrap().status, Status::Grey);
    assert_eq!(e.factor(FactorKind::Customers), Score::GREY);
    assert_eq!(e.overall(), Score::GREY);
    // Before any input: grey.
    assert_eq!(card.evaluate(d("2025-06-01")).kpi(RATE), Some(Score::GREY));
}

#[test]
fn so_far_is_the_unfinished_period_with_the_as_of_date() {
    let card = engagement();
    let c = calc(&card, RATE);
    // 10 April: April so far (its 10 days). 1 April: April too (its first day).
    assert_eq!(c.so_far(d("2026-04-01")).unwrap().value, Ok(10.0));
    // 15 March: March so far; the whole month's points are in the period.
    let m = c.so_far(d("2026-03-15")).unwrap();
    assert_eq!(m.period.key(), "2026-03");
    assert_eq!(m.value, Ok(2.706_140_350_877_193));
    // 15 May: May has no point, so there is nothing so far.
    assert!(c.so_far(d("2026-05-15")).is_none());
    // As known on 15 March (later points left out), March so far is 1–15 March:
    // interactions 15 × 10 + (1 + … + 15) + 428 = 150 + 120 + 428 = 698,
    // reach 15 × 1,000 + 25 × 120 + 2,200 = 20,200: 698 / 20,200 × 100 = 3.4554… %.
    let known = card
        .calculate_as_of(card.kpi(RATE).unwrap(), d("2026-03-15"))
        .unwrap();
    assert_eq!(keys(&known), ["2026-03"]);
    let m = known.so_far(d("2026-03-15")).unwrap();
    assert_eq!(m.value, Ok(698.0 / 20200.0 * 100.0));
    assert_eq!(input(m, "interactions", false).points, 15);
    assert!(known.scored(d("2026-03-15")).is_none());
    // The calculated KPI as charts see it: one value per period with a value, dated the
    // period's last day (April's too, so far).
    let kpi = card.kpi(RATE).unwrap();
    let shown = card.effective_kpi(kpi);
    let values: Vec<(String, String, f64)> = shown
        .measurements
        .iter()
        .map(|m| (m.id.clone(), m.date.to_string(), m.value))
        .collect();
    assert_eq!(
        values,
        vec![
            (
                "calc-2026-03".into(),
                "2026-03-31".into(),
                2.706_140_350_877_193
            ),
            ("calc-2026-04".into(), "2026-04-30".into(), 10.0),
        ]
    );
    // The growth KPI shows only January (December and March have no value).
    let growth = card.effective_kpi(card.kpi(GROWTH).unwrap()).into_owned();
    assert_eq!(growth.measurements.len(), 1);
    assert_eq!(growth.measurements[0].date, d("2026-01-31"));
}

#[test]
fn a_calculated_kpi_s_own_measurements_do_not_count() {
    let mut card = engagement();
    // A measurement of its own (kept, unused): 2.9 on 9 April.
    card.factors.customers.sub_objectives[0].kpis[0]
        .measurements
        .push(Measurement {
            id: "m-own".into(),
            date: d("2026-04-09"),
            value: 2.9,
            ..Measurement::default()
        });
    assert_eq!(
        card.evaluate(d("2026-04-10")).kpi(RATE).unwrap().value,
        Some(MARCH_PROGRESS)
    );
}

// --- Explain -------------------------------------------------------------------------------

fn explained(card: &Scorecard, as_of: &str, id: &str) -> Explanation {
    explain(card, d(as_of), ScoreRef::Kpi(id.into()))
}

#[test]
fn explain_shows_the_period_the_inputs_and_the_numbers() {
    let card = engagement();
    let x = explained(&card, "2026-04-10", RATE);
    assert_eq!(
        x.formula,
        "Engagement rate, March 2026 = interactions 1,234 ÷ reach 45,600 × 100 = 2.7061. \
         progress = (actual − baseline) / (target − baseline) = (2.7061 − 2) / (3 − 2) = 70.6 %. \
         Below 100 % but at least the amber threshold 70.0 %: amber. \
         So far in April 2026: 10 (shown, not scored until the period is over)."
    );
    let labels: Vec<(&str, Option<f64>)> = x
        .inputs
        .iter()
        .map(|i| (i.label.as_str(), i.value))
        .collect();
    assert_eq!(
        labels,
        vec![
            ("interactions: sum of 31 points in March 2026", Some(1234.0)),
            ("reach: sum of 31 points in March 2026", Some(45600.0)),
            ("actual (March 2026)", Some(2.706_140_350_877_193)),
            ("baseline", Some(2.0)),
            ("target", Some(3.0)),
        ]
    );
    assert_eq!(
        x.result,
        Score {
            value: Some(MARCH_PROGRESS),
            status: Status::Amber
        }
    );
}

#[test]
fn explain_names_each_aggregation_and_prev() {
    let card = engagement();
    // As of 10 February: January counts. (12,036 − 11,800) ÷ 11,800 × 100 = 2; progress
    // (2 − 0) / (2 − 0) = 100 %: green.
    let x = explained(&card, "2026-02-10", GROWTH);
    assert!(
        x.formula.starts_with(
            "Follower growth, January 2026 = (followers 12,036 − prev(followers) 11,800) ÷ prev(followers) 11,800 × 100 = 2. "
        ),
        "{}",
        x.formula
    );
    assert!(
        x.formula.contains("= 100.0 %. At least 100 %: green."),
        "{}",
        x.formula
    );
    assert_eq!(
        x.inputs[0].label,
        "followers: last value of 2 points in January 2026"
    );
    assert_eq!(x.inputs[0].value, Some(12036.0));
    assert_eq!(
        x.inputs[1].label,
        "prev(followers): last value of 2 points in December 2025"
    );
    assert_eq!(x.inputs[1].value, Some(11800.0));
    // Average, lowest and highest value: satisfaction 7, 8, 6, 9 in April 2026 →
    // average 30 / 4 = 7.5, lowest 6, highest 9; one point in May (so far on 10 May).
    let points = vec![
        p("2026-04-02", 7.0),
        p("2026-04-09", 8.0),
        p("2026-04-16", 6.0),
        p("2026-04-23", 9.0),
        p("2026-05-01", 5.0),
    ];
    let card = card_with(
        vec![
            input_series("avg_score", Aggregation::Average, points.clone()),
            input_series("low", Aggregation::Min, points.clone()),
            input_series("high", Aggregation::Max, points),
        ],
        vec![calculated(
            "Spread",
            "high - low + avg_score",
            Frequency::Monthly,
            0.0,
            20.0,
        )],
    );
    // 9 − 6 + 7.5 = 10.5; progress 10.5 / 20 = 52.5 %: red.
    let x = explained(&card, "2026-05-10", "kpi-5");
    assert!(
        x.formula
            .starts_with("Spread, April 2026 = high 9 − low 6 + avg_score 7.5 = 10.5. "),
        "{}",
        x.formula
    );
    assert!(
        x.formula
            .ends_with("So far in May 2026: 5 (shown, not scored until the period is over)."),
        "{}",
        x.formula
    );
    let labels: Vec<&str> = x.inputs.iter().take(3).map(|i| i.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "high: highest value of 4 points in April 2026",
            "low: lowest value of 4 points in April 2026",
            "avg_score: average of 4 points in April 2026",
        ]
    );
    assert_eq!(x.result.status, Status::Red);
    assert_eq!(x.result.value, Some(0.525));
}

#[test]
fn explain_says_why_there_is_no_score() {
    let card = engagement();
    // March counts for the growth KPI as of 10 April, and has no February.
    let x = explained(&card, "2026-04-10", GROWTH);
    assert_eq!(
        x.formula,
        "Follower growth, March 2026 = (followers 12,480 − prev(followers) (no value)) ÷ prev(followers) (no value) × 100: \
         no value, no value for 'followers' in the previous period. No score (grey)."
    );
    assert_eq!(
        x.inputs[1].label,
        "prev(followers): no value in February 2026"
    );
    assert_eq!(x.inputs[1].value, None);
    assert_eq!(x.result, Score::GREY);
    // Before any period is over. So far counts only the points known on 30 March: without
    // 31 March's 41 interactions and 1,775 reach, 1,193 / 43,825 × 100 = 2.72219… %.
    let x = explained(&card, "2026-03-30", RATE);
    assert_eq!(
        x.formula,
        "Calculated KPI: no period of its inputs is over on 2026-03-30: no score (grey). \
         So far in March 2026: 2.7222 (shown, not scored until the period is over)."
    );
    // Too old: the period's last day is the measurement's date.
    let x = explained(&card, "2026-06-15", RATE);
    assert!(
        x.formula.starts_with(
            "Engagement rate, April 2026 = interactions 1,000 ÷ reach 10,000 × 100 = 10. "
        ),
        "{}",
        x.formula
    );
    assert!(
        x.formula.contains("(2026-04-30) is 46 days old on 2026-06-15, more than the 45 days allowed for a monthly KPI: grey."),
        "{}",
        x.formula
    );
    // A formula that cannot be worked out.
    let mut bad = card.clone();
    bad.factors.customers.sub_objectives[0].kpis[0].formula = Some("interactions / raech".into());
    let x = explained(&bad, "2026-04-10", RATE);
    assert!(
        x.formula
            .starts_with("The formula cannot be worked out: unknown series 'raech'"),
        "{}",
        x.formula
    );
    assert!(x.formula.ends_with("No score (grey)."), "{}", x.formula);
}

// --- The file ------------------------------------------------------------------------------

/// The engagement card with notes, a unit and a channel, and a weekly KPI too.
fn rich() -> Scorecard {
    let mut card = engagement();
    card.series[0].unit = "interactions".into();
    card.series[0].channel = "Instagram".into();
    card.series[0].points[14].note = "campaign day".into();
    card.series[1].points[14].note = "campagne — “quoted”".into();
    let mut weekly = calculated(
        "Weekly reach growth",
        "(reach − prev(reach)) ÷ prev(reach) × 100",
        Frequency::Weekly,
        0.0,
        5.0,
    );
    weekly.id = card.alloc_id(ids::KPI_PREFIX);
    let so = card.alloc_id(ids::SUB_OBJECTIVE_PREFIX);
    card.factors.medium.sub_objectives.push(SubObjective {
        kpis: vec![weekly],
        ..SubObjective::new(so, "Reach".into())
    });
    assert!(validate(&card).is_empty(), "{:?}", validate(&card));
    card
}

#[test]
fn export_then_import_gives_the_same_series_and_formulas() {
    let card = rich();
    let text = export_json(&card, SAVED_AT, APP);
    let file = import_file(&text).unwrap();
    assert_eq!(file.file_version, CURRENT_VERSION);
    assert_eq!(file.scorecard, card);
    assert_eq!(export_json(&file.scorecard, SAVED_AT, APP), text);
    let compact = export_json_compact(&card, SAVED_AT, APP);
    assert_eq!(import_json(&compact).unwrap(), card);
    // The formula is kept as written, not in canonical form.
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["scorecard"]["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["formula"],
        json!("(reach − prev(reach)) ÷ prev(reach) × 100")
    );
    assert_eq!(
        v["scorecard"]["factors"]["customers"]["sub_objectives"][0]["kpis"][0]["formula"],
        json!("interactions / reach * 100")
    );
    // A measured KPI is written with "formula": null.
    let mut measured = card.clone();
    measured.factors.customers.sub_objectives[0].kpis[1].formula = None;
    let v: Value = serde_json::from_str(&export_json(&measured, SAVED_AT, APP)).unwrap();
    assert_eq!(
        v["scorecard"]["factors"]["customers"]["sub_objectives"][0]["kpis"][1]["formula"],
        Value::Null
    );
    assert_eq!(
        import_json(&export_json(&measured, SAVED_AT, APP)).unwrap(),
        measured
    );
    // The series as written: id, key, name, unit, channel, aggregation, points.
    let s = &v["scorecard"]["series"][0];
    assert_eq!(s["id"], json!("ser-1"));
    assert_eq!(s["key"], json!("interactions"));
    assert_eq!(s["aggregation"], json!("sum"));
    assert_eq!(
        s["points"][14],
        json!({"date": "2026-03-15", "value": 453.0, "note": "campaign day"})
    );
    assert_eq!(v["scorecard"]["series"][2]["aggregation"], json!("last"));
    // And it scores the same after the round trip.
    assert_eq!(
        file.scorecard.evaluate(d("2026-04-10")),
        card.evaluate(d("2026-04-10"))
    );
}

#[test]
fn unknown_fields_in_a_series_and_a_point_survive_a_round_trip() {
    let card = rich();
    let mut v: Value = serde_json::from_str(&export_json(&card, SAVED_AT, APP)).unwrap();
    v["scorecard"]["series"][0]["x-source"] = json!({"api": "graph", "v": 19});
    v["scorecard"]["series"][0]["points"][3]["x-confidence"] = json!(0.9);
    v["scorecard"]["series"][2]["points"][0]["x-estimated"] = json!(true);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let back = import_json(&text).unwrap();
    assert_eq!(
        back.series[0].extra["x-source"],
        json!({"api": "graph", "v": 19})
    );
    assert_eq!(back.series[0].points[3].extra["x-confidence"], json!(0.9));
    assert_eq!(back.series[2].points[0].extra["x-estimated"], json!(true));
    assert!(back.series[1].extra.is_empty());
    let again: Value = serde_json::from_str(&export_json(&back, SAVED_AT, APP)).unwrap();
    assert_eq!(again, v);
    // Unknown fields change no value.
    let mut plain = back.clone();
    plain.series[0].extra.clear();
    plain.series[0].points[3].extra.clear();
    plain.series[2].points[0].extra.clear();
    assert_eq!(plain, card);
}

fn problems(v: &Value) -> Vec<(String, String)> {
    let text = serde_json::to_string(v).unwrap();
    match import_json(&text) {
        Err(ImportError::Invalid { problems }) => {
            problems.into_iter().map(|p| (p.path, p.message)).collect()
        }
        other => panic!("not refused as invalid: {other:?}"),
    }
}

fn paths(v: &Value) -> Vec<String> {
    problems(v).into_iter().map(|(p, _)| p).collect()
}

#[test]
fn a_file_with_a_bad_series_or_formula_is_refused_with_its_path() {
    let good: Value = serde_json::from_str(&export_json(&rich(), SAVED_AT, APP)).unwrap();
    // A repeated point date: the second one is named.
    let mut v = good.clone();
    v["scorecard"]["series"][0]["points"][3]["date"] = json!("2026-03-03");
    assert_eq!(
        problems(&v),
        vec![(
            "series[0].points[3].date".to_string(),
            "2026-03-03 is listed twice: a series has one value per date".to_string()
        )]
    );
    // A key formulas cannot use; a key another series has.
    let mut v = good.clone();
    v["scorecard"]["series"][1]["key"] = json!("2nd reach");
    assert_eq!(paths(&v), ["series[1].key"]);
    let mut v = good.clone();
    v["scorecard"]["series"][1]["key"] = json!("interactions");
    assert_eq!(
        problems(&v),
        vec![(
            "series[1].key".to_string(),
            "the key \"interactions\" is also used by series[0]".to_string()
        )]
    );
    // A formula that cannot be read.
    let mut v = good.clone();
    let kpi = &mut v["scorecard"]["factors"]["customers"]["sub_objectives"][0]["kpis"][0];
    kpi["formula"] = json!("interactions / / reach");
    let found = problems(&v);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].0,
        "factors.customers.sub_objectives[0].kpis[0].formula"
    );
    assert!(found[0].1.contains("column 16"), "{}", found[0].1);
    // A value out of range, a date that does not exist, an unknown aggregation.
    let mut v = good.clone();
    v["scorecard"]["series"][2]["points"][1]["value"] = json!(2e15);
    assert_eq!(paths(&v), ["series[2].points[1].value"]);
    let mut v = good.clone();
    v["scorecard"]["series"][0]["points"][5]["date"] = json!("2026-02-30");
    assert_eq!(paths(&v), ["series[0].points[5].date"]);
    let mut v = good.clone();
    v["scorecard"]["series"][0]["aggregation"] = json!("median");
    let found = problems(&v);
    assert_eq!(found[0].0, "series[0].aggregation");
    assert!(found[0].1.contains("median"), "{}", found[0].1);
    // A point without a value.
    let mut v = good.clone();
    v["scorecard"]["series"][1]["points"][0]
        .as_object_mut()
        .unwrap()
        .remove("value");
    assert_eq!(paths(&v), ["series[1].points[0]"]);
    // Several problems at once: every path.
    let mut v = good;
    v["scorecard"]["series"][0]["points"][3]["date"] = json!("2026-03-03");
    v["scorecard"]["series"][1]["key"] = json!("prev");
    v["scorecard"]["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["formula"] = json!("");
    assert_eq!(
        paths(&v),
        [
            "factors.medium.sub_objectives[0].kpis[0].formula",
            "series[0].points[3].date",
            "series[1].key",
        ]
    );
}

fn frozen(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/frozen")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The version-1 example scores as `tests/model_file.rs` works out by hand (as of 30 April
/// 2026): customers 43.75 % red, financial 100 % green, organisation 100 % green, medium
/// 60 % red; overall (0.4375 + 1 + 1 + 0.6) / 4 = 75.9375 % amber.
#[test]
fn a_version_1_file_has_no_series_no_formulas_and_scores_as_before() {
    let text = frozen("v1-example-en.json");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], json!(1));
    assert!(v["scorecard"].get("series").is_none());
    let file = import_file(&text).unwrap();
    assert_eq!(file.file_version, 1);
    let card = file.scorecard;
    assert!(card.series.is_empty());
    assert_eq!(card.kpis().count(), 8);
    assert!(
        card.kpis()
            .all(|(_, k)| k.formula.is_none() && !k.is_calculated())
    );
    let e = card.evaluate(d("2026-04-30"));
    let close = |found: Option<f64>, want: f64, what: &str| {
        let found = found.unwrap_or_else(|| panic!("{what}: no score"));
        assert!((found - want).abs() < 1e-12, "{what}: {found} ≠ {want}");
    };
    for (kind, want, status) in [
        (FactorKind::Customers, 0.4375, Status::Red),
        (FactorKind::Financial, 1.0, Status::Green),
        (FactorKind::Organisation, 1.0, Status::Green),
        (FactorKind::Medium, 0.6, Status::Red),
    ] {
        assert_eq!(e.factor(kind).status, status, "{kind:?}");
        close(e.factor(kind).value, want, &format!("{kind:?}"));
    }
    assert_eq!(e.overall().status, Status::Amber);
    close(e.overall().value, 0.759375, "overall");
    // kpi-21 (response time 2 h against baseline 8, target 2): 100 %, green.
    assert_eq!(
        e.kpi("kpi-21"),
        Some(Score {
            value: Some(1.0),
            status: Status::Green
        })
    );
    // Exported again it is a current-version file with an empty series list and null
    // formulas, which reads back to the same scorecard.
    let out = export_json(&card, SAVED_AT, APP);
    let v2: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v2["version"], json!(CURRENT_VERSION));
    assert_eq!(v2["scorecard"]["series"], json!([]));
    assert_eq!(
        v2["scorecard"]["factors"]["organisation"]["sub_objectives"][0]["kpis"][0]["formula"],
        Value::Null
    );
    assert_eq!(import_json(&out).unwrap(), card);
}

/// A version-1 file cannot have input series or formulas; one written by hand with them is
/// read as version 2 reads it (the migration only adds what is missing).
#[test]
fn a_version_1_file_with_series_is_read_as_version_2_reads_it() {
    let mut v: Value = serde_json::from_str(&frozen("v1-example-en.json")).unwrap();
    v["scorecard"]["series"] = json!([{
        "id": "ser-90", "key": "reach", "name": "Reach", "unit": "", "channel": "",
        "aggregation": "sum", "points": [{"date": "2026-03-01", "value": 5.0, "note": ""}]
    }]);
    v["scorecard"]["next_id"] = json!(91);
    v["scorecard"]["factors"]["customers"]["sub_objectives"][0]["kpis"][0]["formula"] =
        json!("reach * 2");
    let file = import_file(&v.to_string()).unwrap();
    assert_eq!(file.file_version, 1);
    assert_eq!(file.scorecard.series.len(), 1);
    assert_eq!(file.scorecard.series[0].points, vec![p("2026-03-01", 5.0)]);
    let kpi = &file.scorecard.factors.customers.sub_objectives[0].kpis[0];
    assert_eq!(kpi.formula.as_deref(), Some("reach * 2"));
    // March: 5 × 2 = 10.
    let c = file.scorecard.calculate(kpi).unwrap();
    assert_eq!(value_in(&c, "2026-03-01"), Ok(10.0));
    // A bad series in such a file is refused with its path, as in a version-2 file.
    v["scorecard"]["series"][0]["key"] = json!("1reach");
    let e = import_json(&v.to_string()).unwrap_err();
    let ImportError::Invalid { problems } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(problems[0].path, "series[0].key");
    // A version-1 envelope with a FORMAT it does not have is not a scorecard file at all.
    let e = import_json(&json!({"format": "x", "version": 1, "scorecard": {}}).to_string());
    assert!(
        matches!(e, Err(ImportError::NotScorecardFile { .. })),
        "{e:?}"
    );
    assert_eq!(FORMAT, "social-media-scorecard");
}

// --- Properties ----------------------------------------------------------------------------

const PROP_KEYS: [&str; 3] = ["a", "b", "c"];

/// A date in the three years from 1 January 2024.
fn arb_date() -> impl Strategy<Value = Date> {
    (0i64..1096).prop_map(|n| d("2024-01-01").add_days(n))
}

/// Values as a file may have them: zero, negatives, fractions, the largest allowed.
fn arb_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => Just(0.0),
        6 => (-1000i32..1000).prop_map(f64::from),
        3 => -1e6f64..1e6,
        1 => Just(1e15),
        1 => Just(-1e15),
        1 => Just(1e-9),
    ]
}

fn arb_series() -> impl Strategy<Value = Vec<InputSeries>> {
    prop::collection::vec(
        (
            0usize..5,
            prop::collection::vec((arb_date(), arb_value()), 0..80),
        ),
        3,
    )
    .prop_map(|list| {
        list.into_iter()
            .zip(PROP_KEYS)
            .map(|((a, points), key)| {
                let points = points
                    .into_iter()
                    .map(|(date, value)| InputPoint {
                        date,
                        value,
                        ..InputPoint::default()
                    })
                    .collect();
                // Points as a user may list them: any order, dates repeated.
                input_series(key, Aggregation::ALL[a], points)
            })
            .collect()
    })
}

/// Formula text over the keys `a`, `b`, `c` (and `d`, which no series has), with `prev`,
/// numbers (zero included), all operators, minus signs and parentheses.
fn arb_formula() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::sample::select(vec!["a", "b", "c", "a", "b", "d"]).prop_map(str::to_string),
        prop::sample::select(vec!["a", "b", "c"]).prop_map(|k| format!("prev({k})")),
        prop::sample::select(vec!["0", "1", "2.5", "100", "1000000000000000"])
            .prop_map(str::to_string),
    ];
    leaf.prop_recursive(5, 24, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| format!("-{e}")),
            inner.clone().prop_map(|e| format!("({e})")),
            (
                inner.clone(),
                prop::sample::select(vec![" + ", " - ", " * ", " / ", "÷", "×", "−"]),
                inner
            )
                .prop_map(|(l, op, r)| format!("{l}{op}{r}")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_series_and_formulas_never_panic_and_give_finite_values_or_a_problem(
        series in arb_series(),
        formula in arb_formula(),
        f in 0usize..5,
        as_of in arb_date(),
    ) {
        let frequency = Frequency::ALL[f];
        let mut card = Scorecard::new_blank("p".into(), Lang::En);
        card.series = series;
        for (i, s) in card.series.iter_mut().enumerate() {
            s.id = format!("ser-{}", i + 1);
        }
        card.next_id = 10;
        let kpi = Kpi {
            id: "kpi-5".into(),
            name: "Random".into(),
            formula: Some(formula.clone()),
            frequency,
            baseline: Some(0.0),
            target: Some(10.0),
            ..Kpi::default()
        };
        let mut so = SubObjective::new("so-6".into(), "S".into());
        so.kpis.push(kpi.clone());
        card.factors.customers.sub_objectives.push(so);

        for (calc, cutoff) in [
            (card.calculate(&kpi), Date::MAX),
            (card.calculate_as_of(&kpi, as_of), as_of),
        ] {
            let calc = calc.expect("a calculated KPI");
            if calc.formula.is_err() {
                prop_assert!(calc.periods.is_empty());
                // Only `d`, which no series has, or nothing else can make it unreadable.
                prop_assert!(formula.contains('d'), "{} refused: {:?}", formula, calc.formula);
            }
            // Periods in order, each once, each a period of the KPI's frequency.
            for w in calc.periods.windows(2) {
                prop_assert!(w[0].period.end < w[1].period.start);
            }
            for p in &calc.periods {
                prop_assert_eq!(p.period.frequency, frequency);
                prop_assert_eq!(Period::containing(p.period.start, frequency), p.period);
                match &p.value {
                    Ok(v) => prop_assert!(v.is_finite(), "{} gives {} in {}", formula, v, p.period.key()),
                    Err(EvalProblem::Missing { key, .. }) => {
                        prop_assert!(PROP_KEYS.contains(&key.as_str()));
                    }
                    Err(EvalProblem::DivisionByZero { divisor }) => prop_assert!(!divisor.is_empty()),
                    Err(EvalProblem::NotFinite) => {}
                }
                for i in &p.inputs {
                    prop_assert!(i.value.is_none_or(f64::is_finite));
                    prop_assert_eq!(i.value.is_some(), i.points > 0);
                    // The input is the series' points known on the date aggregated into that
                    // period, worked out alone.
                    let s = card.series_by_key(&i.key).unwrap();
                    let known: Vec<InputPoint> =
                        s.points.iter().filter(|p| p.date <= cutoff).cloned().collect();
                    let alone = smsc::model::calculate::aggregate(&known, s.aggregation, frequency);
                    let want = alone.get(&i.period.start).map(|a| a.value);
                    prop_assert_eq!(i.value, want);
                }
            }
        }
        // The period that counts, worked out alone (as `evaluate` does), is the one the
        // whole calculation finds, with all points or with those known on the date.
        for cutoff in [None, Some(as_of)] {
            let fresh = |c| match cutoff {
                None => SeriesTable::new(c),
                Some(date) => SeriesTable::as_of(c, date),
            };
            let all = fresh(&card).calculate(&kpi).unwrap();
            let scored = fresh(&card).calculate_scored(&kpi, as_of).unwrap();
            prop_assert_eq!(&scored.formula, &all.formula);
            let want: Vec<PeriodValue> = all.scored(as_of).into_iter().cloned().collect();
            prop_assert_eq!(scored.periods, want);
        }
        // Scoring and explaining never panic, and every score is finite.
        let e = card.evaluate(as_of);
        let score = e.kpi("kpi-5").unwrap();
        prop_assert!(score.value.is_none_or(f64::is_finite));
        prop_assert!(score.value.is_some() || score.status == Status::Grey);
        prop_assert!(e.overall().value.is_none_or(|v| (0.0..=1.0).contains(&v)));
        let x = explain(&card, as_of, ScoreRef::Kpi("kpi-5".into()));
        prop_assert!(!x.formula.contains("NaN") && !x.formula.contains("inf"), "{}", x.formula);
        let _ = card.effective_kpi(&kpi);
    }
}

// --- The stress scorecard ------------------------------------------------------------------

/// The benchmarks' scorecard (`smsc::method::stress`): its series and calculated KPIs are
/// valid, every kind of formula has a value on the benchmark's date, and the scores vary.
#[test]
fn the_stress_scorecard_has_daily_series_feeding_calculated_kpis() {
    use smsc::method::stress::{StressSize, stress_scorecard};
    for size in [StressSize::SMOKE, StressSize::FULL] {
        let card = stress_scorecard(size);
        assert!(validate(&card).is_empty(), "{:?}", validate(&card).first());
        assert_eq!(card.series.len(), size.series);
        for s in &card.series {
            assert_eq!(s.points.len(), size.series_days, "{}", s.key);
            assert!(
                s.points.windows(2).all(|w| w[0].date < w[1].date),
                "{}",
                s.key
            );
            // Three years (1,096 days) ending on 1 November 2026.
            assert_eq!(s.points.last().unwrap().date, d("2026-11-01"));
        }
        let calculated: Vec<&Kpi> = card
            .kpis()
            .filter(|(_, k)| k.is_calculated())
            .map(|(_, k)| k)
            .collect();
        assert_eq!(calculated.len(), size.calculated_kpis);
        assert_eq!(card.kpis().count(), size.kpis + size.calculated_kpis);
        // Ratios, growth with prev(…), sums; by week, month and quarter.
        let formulas: Vec<&str> = calculated
            .iter()
            .filter_map(|k| k.formula.as_deref())
            .collect();
        assert!(
            formulas
                .iter()
                .any(|f| f.contains(" / ") && !f.contains("prev("))
        );
        assert!(formulas.iter().any(|f| f.contains("prev(")));
        assert!(
            formulas
                .iter()
                .any(|f| f.contains(" + ") && !f.contains('/'))
        );
        for frequency in [Frequency::Weekly, Frequency::Monthly, Frequency::Quarterly] {
            assert!(
                calculated.iter().any(|k| k.frequency == frequency),
                "{frequency:?}"
            );
        }
        let as_of = d("2026-11-01");
        let e = card.evaluate(as_of);
        let mut statuses = std::collections::BTreeSet::new();
        for k in &calculated {
            let c = card.calculate_as_of(k, as_of).unwrap();
            assert!(c.formula.is_ok(), "{}: {:?}", k.name, c.formula);
            let scored = c.scored(as_of).unwrap();
            assert!(scored.value.is_ok(), "{}: {:?}", k.name, scored.value);
            let score = e.kpi(&k.id).unwrap();
            assert_ne!(score.status, Status::Grey, "{}", k.name);
            statuses.insert(format!("{:?}", score.status));
        }
        if size == StressSize::FULL {
            assert_eq!(statuses.len(), 3, "{statuses:?}");
        }
        // The file round trip keeps it exactly.
        let text = export_json(&card, SAVED_AT, APP);
        assert_eq!(import_json(&text).unwrap(), card);
    }
}
