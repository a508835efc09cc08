#![cfg(not(target_arch = "wasm32"))]
//! Input series of calculated KPIs (`src/model/series.rs`, `period.rs`, `calculate.rs`'s
//! `aggregate`, the series commands in `model/apply/series.rs`): aggregation per period worked out
//! by hand, ISO weeks, quarters and year ends, every series command with its exact inverse,
//! refusals that change nothing, `rename_series`, and properties on random input.

use std::collections::BTreeMap;

use proptest::prelude::*;
use smsc::model::calculate::{Aggregate, aggregate};
use smsc::model::limits::{MAX_SERIES, MAX_SERIES_POINTS};
use smsc::model::*;

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

fn noted(date: &str, value: f64, note: &str) -> InputPoint {
    InputPoint {
        note: note.to_string(),
        ..p(date, value)
    }
}

fn agg(value: f64, points: usize, first: &str, last: &str) -> Aggregate {
    Aggregate {
        value,
        points,
        first: d(first),
        last: d(last),
    }
}

/// The aggregates as (period start, value) pairs.
fn values(map: &BTreeMap<Date, Aggregate>) -> Vec<(String, f64)> {
    map.iter().map(|(k, a)| (k.to_string(), a.value)).collect()
}

fn pairs(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// March 2026, 31 days: interactions 10 + day and reach 1,000 + 25 × day, with a campaign
/// on the 15th (+428 interactions, +2,200 reach).
/// Σ interactions = 31 × 10 + (1 + … + 31) + 428 = 310 + 496 + 428 = 1,234;
/// Σ reach = 31 × 1,000 + 25 × 496 + 2,200 = 31,000 + 12,400 + 2,200 = 45,600.
fn march_interactions() -> Vec<InputPoint> {
    (1..=31u8)
        .map(|day| {
            let campaign = if day == 15 { 428.0 } else { 0.0 };
            InputPoint {
                date: Date::from_ymd(2026, 3, day).unwrap(),
                value: 10.0 + f64::from(day) + campaign,
                ..InputPoint::default()
            }
        })
        .collect()
}

fn march_reach() -> Vec<InputPoint> {
    (1..=31u8)
        .map(|day| {
            let campaign = if day == 15 { 2200.0 } else { 0.0 };
            InputPoint {
                date: Date::from_ymd(2026, 3, day).unwrap(),
                value: 1000.0 + 25.0 * f64::from(day) + campaign,
                ..InputPoint::default()
            }
        })
        .collect()
}

// --- Aggregation, worked by hand -----------------------------------------------------------

#[test]
fn a_month_of_daily_counts_sums_to_the_hand_totals() {
    let i = aggregate(&march_interactions(), Aggregation::Sum, Frequency::Monthly);
    assert_eq!(
        i.get(&d("2026-03-01")),
        Some(&agg(1234.0, 31, "2026-03-01", "2026-03-31"))
    );
    assert_eq!(i.len(), 1);
    let r = aggregate(&march_reach(), Aggregation::Sum, Frequency::Monthly);
    assert_eq!(
        r.get(&d("2026-03-01")),
        Some(&agg(45600.0, 31, "2026-03-01", "2026-03-31"))
    );
    // The day 15 campaign: 25 + 428 = 453 interactions, 1,375 + 2,200 = 3,575 reach.
    let daily = aggregate(&march_reach(), Aggregation::Sum, Frequency::Daily);
    assert_eq!(daily.len(), 31);
    assert_eq!(daily[&d("2026-03-15")].value, 3575.0);
    let daily = aggregate(&march_interactions(), Aggregation::Sum, Frequency::Daily);
    assert_eq!(daily[&d("2026-03-15")].value, 453.0);
}

#[test]
fn last_is_the_latest_date_in_the_period_not_the_last_in_the_list() {
    // Followers, written in no order: the 31st first, the 1st last.
    let points = vec![
        p("2026-03-31", 12480.0),
        p("2026-02-28", 12000.0),
        p("2026-03-15", 12200.0),
        p("2026-02-01", 11900.0),
        p("2026-03-01", 12010.0),
    ];
    let m = aggregate(&points, Aggregation::Last, Frequency::Monthly);
    assert_eq!(
        m.get(&d("2026-02-01")),
        Some(&agg(12000.0, 2, "2026-02-01", "2026-02-28"))
    );
    assert_eq!(
        m.get(&d("2026-03-01")),
        Some(&agg(12480.0, 3, "2026-03-01", "2026-03-31"))
    );
    // By quarter: Q1 2026's last date is 31 March.
    let q = aggregate(&points, Aggregation::Last, Frequency::Quarterly);
    assert_eq!(values(&q), pairs(&[("2026-01-01", 12480.0)]));
}

#[test]
fn average_min_and_max_per_period() {
    // April 2026: 7, 8, 6, 9 (listed out of order) → average 30 / 4 = 7.5, min 6, max 9;
    // May 2026: one point 4 → 4 for each.
    let points = vec![
        p("2026-04-16", 6.0),
        p("2026-04-02", 7.0),
        p("2026-05-20", 4.0),
        p("2026-04-23", 9.0),
        p("2026-04-09", 8.0),
    ];
    let at = |a: Aggregation| values(&aggregate(&points, a, Frequency::Monthly));
    assert_eq!(
        at(Aggregation::Average),
        pairs(&[("2026-04-01", 7.5), ("2026-05-01", 4.0)])
    );
    assert_eq!(
        at(Aggregation::Min),
        pairs(&[("2026-04-01", 6.0), ("2026-05-01", 4.0)])
    );
    assert_eq!(
        at(Aggregation::Max),
        pairs(&[("2026-04-01", 9.0), ("2026-05-01", 4.0)])
    );
    assert_eq!(
        at(Aggregation::Sum),
        pairs(&[("2026-04-01", 30.0), ("2026-05-01", 4.0)])
    );
    // Last: 23 April's 9 (listed fourth).
    assert_eq!(
        at(Aggregation::Last),
        pairs(&[("2026-04-01", 9.0), ("2026-05-01", 4.0)])
    );
    let april = aggregate(&points, Aggregation::Average, Frequency::Monthly)[&d("2026-04-01")];
    assert_eq!(april, agg(7.5, 4, "2026-04-02", "2026-04-23"));
}

#[test]
fn zero_and_negative_values_aggregate_like_any_other() {
    // −3, 0, 2 in one month: sum −1, average −1/3, min −3, max 2, last (the 30th) 0.
    let points = vec![
        p("2026-06-01", -3.0),
        p("2026-06-30", 0.0),
        p("2026-06-10", 2.0),
    ];
    let at = |a: Aggregation| aggregate(&points, a, Frequency::Monthly)[&d("2026-06-01")].value;
    assert_eq!(at(Aggregation::Sum), -1.0);
    assert_eq!(at(Aggregation::Average), -1.0 / 3.0);
    assert_eq!(at(Aggregation::Min), -3.0);
    assert_eq!(at(Aggregation::Max), 2.0);
    assert_eq!(at(Aggregation::Last), 0.0);
}

#[test]
fn of_two_points_on_one_date_the_one_listed_last_counts() {
    // 5 March twice: 10 then 20; the 20 counts, as one point.
    let points = vec![
        p("2026-03-05", 10.0),
        p("2026-03-07", 1.0),
        p("2026-03-05", 20.0),
    ];
    let sum = aggregate(&points, Aggregation::Sum, Frequency::Monthly);
    assert_eq!(
        sum[&d("2026-03-01")],
        agg(21.0, 2, "2026-03-05", "2026-03-07")
    );
    let daily = aggregate(&points, Aggregation::Sum, Frequency::Daily);
    assert_eq!(
        daily[&d("2026-03-05")],
        agg(20.0, 1, "2026-03-05", "2026-03-05")
    );
    let min = aggregate(&points, Aggregation::Min, Frequency::Monthly);
    assert_eq!(min[&d("2026-03-01")].value, 1.0);
    let max = aggregate(&points, Aggregation::Max, Frequency::Monthly);
    assert_eq!(max[&d("2026-03-01")].value, 20.0);
    // The series keeps the same one when it is put in order.
    let mut s = InputSeries {
        points: points.clone(),
        ..InputSeries::default()
    };
    s.normalise_points();
    assert_eq!(s.points, vec![p("2026-03-05", 20.0), p("2026-03-07", 1.0)]);
}

#[test]
fn non_finite_values_are_left_out_and_never_come_out() {
    let points = vec![
        p("2026-03-01", 1.0),
        p("2026-03-02", f64::NAN),
        p("2026-03-03", 2.0),
        p("2026-03-04", f64::INFINITY),
        p("2026-04-01", f64::NEG_INFINITY),
    ];
    for a in Aggregation::ALL {
        let m = aggregate(&points, a, Frequency::Monthly);
        assert_eq!(m.len(), 1, "{a:?}: April has no finite point");
        assert_eq!(m[&d("2026-03-01")].points, 2, "{a:?}");
    }
    // Sums that overflow are not values either.
    let huge = vec![p("2026-03-01", f64::MAX), p("2026-03-02", f64::MAX)];
    for a in Aggregation::ALL {
        for v in aggregate(&huge, a, Frequency::Monthly).values() {
            assert!(v.value.is_finite(), "{a:?}");
        }
    }
    assert!(aggregate(&[], Aggregation::Sum, Frequency::Monthly).is_empty());
}

#[test]
fn aggregation_keys_and_order() {
    let keys: Vec<&str> = Aggregation::ALL.iter().map(|a| a.key()).collect();
    assert_eq!(keys, ["sum", "last", "average", "min", "max"]);
    assert_eq!(Aggregation::default(), Aggregation::Sum);
    for a in Aggregation::ALL {
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, format!("\"{}\"", a.key()));
    }
}

// --- Periods -------------------------------------------------------------------------------

fn period(date: &str, f: Frequency) -> Period {
    Period::containing(d(date), f)
}

fn span(p: Period) -> (String, String) {
    (p.start.to_string(), p.end.to_string())
}

fn s2(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn weeks_are_iso_weeks_monday_to_sunday_also_across_new_year() {
    // 1 January 2026 is a Thursday, so the week of 29 December 2025 (Monday) to 4 January
    // 2026 (Sunday) is week 1 of 2026; 28 December 2025 (Sunday) ends week 52 of 2025.
    for date in [
        "2025-12-29",
        "2025-12-31",
        "2026-01-01",
        "2026-01-03",
        "2026-01-04",
    ] {
        let w = period(date, Frequency::Weekly);
        assert_eq!(span(w), s2("2025-12-29", "2026-01-04"), "{date}");
        assert_eq!(w.key(), "2026-W01", "{date}");
        assert_eq!(w.label(Lang::En), "week 1 of 2026");
        assert_eq!(w.label(Lang::Nl), "week 1 van 2026");
    }
    let w52 = period("2025-12-28", Frequency::Weekly);
    assert_eq!(span(w52), s2("2025-12-22", "2025-12-28"));
    assert_eq!(w52.key(), "2025-W52");
    let w2 = period("2026-01-05", Frequency::Weekly);
    assert_eq!(span(w2), s2("2026-01-05", "2026-01-11"));
    assert_eq!(w2.key(), "2026-W02");
    assert_eq!(
        period("2026-01-01", Frequency::Weekly).previous(),
        Some(w52)
    );
    assert_eq!(period("2026-01-01", Frequency::Weekly).next(), Some(w2));
    // 2026 starts on a Thursday, so it has 53 weeks: 28 December 2026 – 3 January 2027 is
    // week 53 of 2026, and 4 January 2027 (Monday) starts week 1 of 2027.
    let w53 = period("2027-01-03", Frequency::Weekly);
    assert_eq!(span(w53), s2("2026-12-28", "2027-01-03"));
    assert_eq!(w53.key(), "2026-W53");
    assert_eq!(w53.label(Lang::En), "week 53 of 2026");
    assert_eq!(period("2027-01-04", Frequency::Weekly).key(), "2027-W01");
    // Week 9 of 2026: 23 February (Monday) – 1 March.
    let w9 = period("2026-03-01", Frequency::Weekly);
    assert_eq!(
        (span(w9), w9.key()),
        (s2("2026-02-23", "2026-03-01"), "2026-W09".into())
    );
}

#[test]
fn weekly_sums_follow_iso_weeks() {
    // Sunday 28 Dec 2025 (week 52): 1; week 1 of 2026: 2 + 4 + 8 + 16 = 30 (Monday 29 Dec,
    // Wednesday 31 Dec, Thursday 1 Jan, Sunday 4 Jan); Monday 5 Jan (week 2): 32.
    let points = vec![
        p("2026-01-04", 16.0),
        p("2025-12-28", 1.0),
        p("2026-01-05", 32.0),
        p("2025-12-29", 2.0),
        p("2026-01-01", 8.0),
        p("2025-12-31", 4.0),
    ];
    let weeks = aggregate(&points, Aggregation::Sum, Frequency::Weekly);
    assert_eq!(
        values(&weeks),
        pairs(&[
            ("2025-12-22", 1.0),
            ("2025-12-29", 30.0),
            ("2026-01-05", 32.0)
        ])
    );
    assert_eq!(
        weeks[&d("2025-12-29")],
        agg(30.0, 4, "2025-12-29", "2026-01-04")
    );
    // By month the same points split at the month end instead: December 1 + 2 + 4 = 7,
    // January 8 + 16 + 32 = 56.
    let months = aggregate(&points, Aggregation::Sum, Frequency::Monthly);
    assert_eq!(
        values(&months),
        pairs(&[("2025-12-01", 7.0), ("2026-01-01", 56.0)])
    );
    // By year: 2025 7, 2026 56.
    let years = aggregate(&points, Aggregation::Sum, Frequency::Yearly);
    assert_eq!(
        values(&years),
        pairs(&[("2025-01-01", 7.0), ("2026-01-01", 56.0)])
    );
}

#[test]
fn quarters_and_their_sums() {
    let q1 = period("2026-02-14", Frequency::Quarterly);
    assert_eq!(span(q1), s2("2026-01-01", "2026-03-31"));
    assert_eq!(q1.key(), "2026-Q1");
    assert_eq!(q1.label(Lang::En), "Q1 2026");
    assert_eq!(q1.label(Lang::Nl), "K1 2026");
    let q4 = q1.previous().unwrap();
    assert_eq!(span(q4), s2("2025-10-01", "2025-12-31"));
    assert_eq!(
        (q4.key(), q4.label(Lang::En)),
        ("2025-Q4".into(), "Q4 2025".into())
    );
    let q2 = q1.next().unwrap();
    assert_eq!(span(q2), s2("2026-04-01", "2026-06-30"));
    assert_eq!(
        span(period("2026-09-30", Frequency::Quarterly)),
        s2("2026-07-01", "2026-09-30")
    );
    // Q4 2025: 5 + 7 = 12; Q1 2026: 11 + 13 = 24; Q2 2026: 17.
    let points = vec![
        p("2025-10-01", 5.0),
        p("2025-12-31", 7.0),
        p("2026-01-01", 11.0),
        p("2026-03-31", 13.0),
        p("2026-04-01", 17.0),
    ];
    let q = aggregate(&points, Aggregation::Sum, Frequency::Quarterly);
    assert_eq!(
        values(&q),
        pairs(&[
            ("2025-10-01", 12.0),
            ("2026-01-01", 24.0),
            ("2026-04-01", 17.0)
        ])
    );
    // Average per quarter: Q1 (11 + 13) / 2 = 12.
    let avg = aggregate(&points, Aggregation::Average, Frequency::Quarterly);
    assert_eq!(avg[&d("2026-01-01")].value, 12.0);
}

#[test]
fn months_years_and_days() {
    let jan = period("2026-01-20", Frequency::Monthly);
    assert_eq!(span(jan), s2("2026-01-01", "2026-01-31"));
    assert_eq!(
        (jan.key(), jan.label(Lang::En)),
        ("2026-01".into(), "January 2026".into())
    );
    assert_eq!(jan.label(Lang::Nl), "januari 2026");
    // The month before January 2026 is December 2025.
    let dec = jan.previous().unwrap();
    assert_eq!(span(dec), s2("2025-12-01", "2025-12-31"));
    assert_eq!(dec.key(), "2025-12");
    assert_eq!(dec.next(), Some(jan));
    // February: 28 days in 2026, 29 in 2028.
    assert_eq!(
        span(period("2026-02-10", Frequency::Monthly)),
        s2("2026-02-01", "2026-02-28")
    );
    assert_eq!(
        span(period("2028-02-10", Frequency::Monthly)),
        s2("2028-02-01", "2028-02-29")
    );
    let march = period("2026-03-31", Frequency::Monthly);
    assert_eq!(
        (march.label(Lang::En), march.label(Lang::Nl)),
        ("March 2026".into(), "maart 2026".into())
    );
    let year = period("2026-07-04", Frequency::Yearly);
    assert_eq!(span(year), s2("2026-01-01", "2026-12-31"));
    assert_eq!(
        (year.key(), year.label(Lang::En)),
        ("2026".into(), "2026".into())
    );
    let day = period("2026-03-14", Frequency::Daily);
    assert_eq!(span(day), s2("2026-03-14", "2026-03-14"));
    assert_eq!(day.key(), "2026-03-14");
    assert_eq!(day.label(Lang::En), "14 March 2026");
    assert_eq!(day.label(Lang::Nl), "14 maart 2026");
    assert_eq!(
        span(period("2026-01-01", Frequency::Daily).previous().unwrap()),
        s2("2025-12-31", "2025-12-31")
    );
}

#[test]
fn contains_and_complete() {
    let march = period("2026-03-10", Frequency::Monthly);
    assert!(march.contains(d("2026-03-01")) && march.contains(d("2026-03-31")));
    assert!(!march.contains(d("2026-02-28")) && !march.contains(d("2026-04-01")));
    // Over on its last day, not the day before.
    assert!(march.is_complete(d("2026-03-31")));
    assert!(march.is_complete(d("2026-04-15")));
    assert!(!march.is_complete(d("2026-03-30")));
    // At the ends of the calendar.
    assert_eq!(period("0001-01-01", Frequency::Monthly).previous(), None);
    assert_eq!(period("9999-12-31", Frequency::Monthly).next(), None);
    assert_eq!(period("9999-12-31", Frequency::Yearly).end, Date::MAX);
}

// --- Commands ------------------------------------------------------------------------------

fn series(key: &str, aggregation: Aggregation, points: Vec<InputPoint>) -> InputSeries {
    InputSeries {
        key: key.to_string(),
        name: format!("{key} (name)"),
        aggregation,
        points,
        ..InputSeries::default()
    }
}

/// A scorecard with four series (`reach`, `reach_paid`, `interactions`, `followers`) and three
/// calculated KPIs, one measured KPI with a measurement.
struct Fixture {
    card: Scorecard,
    reach: String,
    followers: String,
    rate: String,
    growth: String,
    paid_share: String,
    measured: String,
}

fn fixture() -> Fixture {
    let mut card = Scorecard::new_blank("calc".into(), Lang::En);
    let mut ids = Vec::new();
    for s in [
        series("reach", Aggregation::Sum, march_reach()),
        series("reach_paid", Aggregation::Sum, vec![p("2026-03-02", 500.0)]),
        series("interactions", Aggregation::Sum, march_interactions()),
        series(
            "followers",
            Aggregation::Last,
            vec![p("2026-02-28", 12000.0), p("2026-03-31", 12480.0)],
        ),
    ] {
        let applied = card.apply(Command::AddSeries { series: s }).unwrap();
        ids.push(applied.created_id.unwrap());
    }
    let so = card.alloc_id(ids::SUB_OBJECTIVE_PREFIX);
    let mut sub = SubObjective::new(so, "Engagement".into());
    for (name, formula) in [
        ("Engagement rate", Some("interactions ÷ reach × 100")),
        (
            "Follower growth",
            Some("(followers - prev(followers)) / prev(followers) * 100"),
        ),
        ("Paid share", Some("reach_paid / (reach + reach_paid)*100")),
        ("Response time", None),
    ] {
        let mut k = Kpi::new(card.alloc_id(ids::KPI_PREFIX), name.into());
        k.formula = formula.map(str::to_string);
        sub.kpis.push(k);
    }
    let m = card.alloc_id(ids::MEASUREMENT_PREFIX);
    sub.kpis[3].measurements.push(Measurement {
        id: m,
        date: d("2026-03-31"),
        value: 3.0,
        ..Measurement::default()
    });
    let kpi_ids: Vec<String> = sub.kpis.iter().map(|k| k.id.clone()).collect();
    card.factor_mut(FactorKind::Customers)
        .sub_objectives
        .push(sub);
    assert!(validate(&card).is_empty(), "{:?}", validate(&card));
    Fixture {
        card,
        reach: ids[0].clone(),
        followers: ids[3].clone(),
        rate: kpi_ids[0].clone(),
        growth: kpi_ids[1].clone(),
        paid_share: kpi_ids[2].clone(),
        measured: kpi_ids[3].clone(),
    }
}

/// Applies `cmd` (it must succeed), checks that the card is still valid, that the inverse
/// restores the exact previous card and that undoing the undo gives the new card again.
fn applied(card: &mut Scorecard, cmd: Command) -> Applied {
    let before = card.clone();
    let done = card
        .apply(cmd.clone())
        .unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"));
    assert!(validate(card).is_empty(), "{:?}", validate(card));
    let after = card.clone();
    let mut undone = card.clone();
    let redo = undone
        .apply(done.inverse.clone())
        .unwrap_or_else(|e| panic!("the inverse of {cmd:?} was refused: {e}"));
    assert_eq!(undone, before, "undo of {cmd:?}");
    undone
        .apply(redo.inverse)
        .unwrap_or_else(|e| panic!("redo of {cmd:?} refused: {e}"));
    assert_eq!(undone, after, "redo of {cmd:?}");
    done
}

/// Applies `cmd`, which must be refused and leave the card exactly as it was.
fn refused(card: &mut Scorecard, cmd: Command) -> CommandError {
    let before = card.clone();
    let e = card
        .apply(cmd.clone())
        .expect_err(&format!("{cmd:?} should be refused"));
    assert_eq!(*card, before, "a refused {cmd:?} changed the card");
    e
}

fn reason(e: &CommandError) -> String {
    match e {
        CommandError::InvalidValue { reason, .. } => reason.clone(),
        other => panic!("not an invalid value: {other:?}"),
    }
}

fn field(e: &CommandError) -> String {
    match e {
        CommandError::InvalidValue { field, .. } => field.clone(),
        other => panic!("not an invalid value: {other:?}"),
    }
}

#[test]
fn adding_a_series_gives_it_an_id_puts_its_points_in_order_and_undo_removes_it() {
    let mut card = Scorecard::new_blank("t".into(), Lang::Nl);
    let s = series(
        "clicks",
        Aggregation::Sum,
        vec![
            p("2026-03-02", 5.0),
            p("2026-03-01", 4.0),
            p("2026-03-02", 6.0),
        ],
    );
    let a = applied(&mut card, Command::AddSeries { series: s });
    assert_eq!(a.created_id.as_deref(), Some("ser-1"));
    assert_eq!(card.next_id, 2);
    let added = card.series_by_id("ser-1").unwrap();
    assert_eq!(added.key, "clicks");
    // In date order; of the two on 2 March the one listed last.
    assert_eq!(
        added.points,
        vec![p("2026-03-01", 4.0), p("2026-03-02", 6.0)]
    );
    assert_eq!(
        card.series_by_key("clicks").map(|s| s.id.as_str()),
        Some("ser-1")
    );
    // The inverse removes it and puts the id counter back.
    assert_eq!(
        a.inverse,
        Command::Batch {
            commands: vec![
                Command::RemoveSeries { id: "ser-1".into() },
                Command::SetNextId { next_id: 1 },
            ]
        }
    );
    // A series with its own id keeps it; the inverse only removes it.
    let own = InputSeries {
        id: "ser-own".into(),
        ..series("views", Aggregation::Max, Vec::new())
    };
    let a = applied(&mut card, Command::AddSeries { series: own });
    assert_eq!(a.created_id.as_deref(), Some("ser-own"));
    assert_eq!(
        a.inverse,
        Command::RemoveSeries {
            id: "ser-own".into()
        }
    );
    assert_eq!(card.series.len(), 2);
    // That id cannot be used twice.
    let twice = InputSeries {
        id: "ser-own".into(),
        ..series("views2", Aggregation::Max, Vec::new())
    };
    let e = refused(&mut card, Command::AddSeries { series: twice });
    assert_eq!(field(&e), "id");
}

#[test]
fn every_series_field_updates_and_undoes() {
    let Fixture {
        mut card, reach, ..
    } = fixture();
    let rate_formula = card.kpis().next().unwrap().1.formula.clone();
    for f in [
        SeriesField::Name("Reach on Instagram".into()),
        SeriesField::Unit("people".into()),
        SeriesField::Channel("Instagram".into()),
        SeriesField::Aggregation(Aggregation::Max),
        SeriesField::Key("audience".into()),
    ] {
        let a = applied(
            &mut card,
            Command::UpdateSeries {
                id: reach.clone(),
                field: f.clone(),
            },
        );
        let Command::UpdateSeries { field: old, .. } = a.inverse else {
            panic!("{:?}", a.inverse)
        };
        assert_eq!(std::mem::discriminant(&old), std::mem::discriminant(&f));
    }
    let s = card.series_by_id(&reach).unwrap();
    assert_eq!(
        (
            s.key.as_str(),
            s.name.as_str(),
            s.unit.as_str(),
            s.channel.as_str(),
            s.aggregation
        ),
        (
            "audience",
            "Reach on Instagram",
            "people",
            "Instagram",
            Aggregation::Max
        )
    );
    // Changing the key alone does not rewrite formulas (`rename_series` does).
    assert_eq!(card.kpis().next().unwrap().1.formula, rate_formula);
    assert_eq!(card.kpis_using_series("audience"), Vec::new());
}

#[test]
fn removing_a_series_greys_its_kpis_and_restoring_puts_it_back_in_place() {
    let Fixture {
        mut card,
        reach,
        rate,
        ..
    } = fixture();
    let as_of = d("2026-04-10");
    let kpi = card.kpi(&rate).unwrap().clone();
    assert!(card.calculate(&kpi).unwrap().formula.is_ok());
    let a = applied(&mut card, Command::RemoveSeries { id: reach.clone() });
    let Command::RestoreSeries { index, series: old } = &a.inverse else {
        panic!("{:?}", a.inverse)
    };
    assert_eq!((*index, old.key.as_str()), (0, "reach"));
    assert_eq!(old.points.len(), 31);
    // Without the series the formula names an unknown series: no value, grey.
    let calc = card.calculate(&kpi).unwrap();
    assert!(calc.formula.is_err());
    assert!(calc.periods.is_empty());
    assert_eq!(card.evaluate(as_of).kpi(&rate), Some(Score::GREY));
    // Restoring it at its old index gives the exact card back (checked by `applied`), and a
    // key taken meanwhile refuses the restore.
    let restore = a.inverse.clone();
    let taken = series("reach", Aggregation::Sum, Vec::new());
    applied(&mut card, Command::AddSeries { series: taken });
    let e = refused(&mut card, restore);
    assert!(reason(&e).contains("already has the key 'reach'"), "{e}");
}

#[test]
fn upserting_points_replaces_dates_it_has_and_adds_the_others_in_order() {
    let Fixture {
        mut card,
        followers,
        ..
    } = fixture();
    let before = card.series_by_id(&followers).unwrap().points.clone();
    assert_eq!(before.len(), 2);
    let a = applied(
        &mut card,
        Command::UpsertSeriesPoints {
            id: followers.clone(),
            points: vec![
                noted("2026-04-30", 12700.0, "new"),
                noted("2026-03-31", 12500.0, "corrected"),
                p("2026-01-31", 11800.0),
            ],
        },
    );
    // 2 points, 1 replaced, 2 added: 4, in date order, the 31 March value and note replaced.
    let points = &card.series_by_id(&followers).unwrap().points;
    assert_eq!(
        points,
        &vec![
            p("2026-01-31", 11800.0),
            p("2026-02-28", 12000.0),
            noted("2026-03-31", 12500.0, "corrected"),
            noted("2026-04-30", 12700.0, "new"),
        ]
    );
    assert_eq!(
        a.inverse,
        Command::ReplaceSeriesPoints {
            id: followers.clone(),
            points: before
        }
    );
    // Upserting the same date twice in one command: the one listed last.
    applied(
        &mut card,
        Command::UpsertSeriesPoints {
            id: followers.clone(),
            points: vec![p("2026-05-31", 1.0), p("2026-05-31", 2.0)],
        },
    );
    let points = &card.series_by_id(&followers).unwrap().points;
    assert_eq!(points.len(), 5);
    assert_eq!(points[4], p("2026-05-31", 2.0));
}

#[test]
fn replacing_and_removing_points() {
    let Fixture {
        mut card,
        followers,
        ..
    } = fixture();
    // Replacing puts the new points in date order; of two on one date the one listed last
    // counts, as everywhere else (adding a series, upserting, aggregating).
    applied(
        &mut card,
        Command::ReplaceSeriesPoints {
            id: followers.clone(),
            points: vec![
                p("2026-06-30", 3.0),
                p("2026-05-31", 1.0),
                p("2026-05-31", 2.0),
            ],
        },
    );
    assert_eq!(
        card.series_by_id(&followers).unwrap().points,
        vec![p("2026-05-31", 2.0), p("2026-06-30", 3.0)]
    );
    // Removing: dates it has go, dates it does not have are ignored.
    applied(
        &mut card,
        Command::RemoveSeriesPoints {
            id: followers.clone(),
            dates: vec![d("2026-05-31"), d("2020-01-01")],
        },
    );
    assert_eq!(
        card.series_by_id(&followers).unwrap().points,
        vec![p("2026-06-30", 3.0)]
    );
    // Replacing with nothing empties the series.
    applied(
        &mut card,
        Command::ReplaceSeriesPoints {
            id: followers.clone(),
            points: Vec::new(),
        },
    );
    assert!(card.series_by_id(&followers).unwrap().points.is_empty());
}

#[test]
fn rename_series_rewrites_every_formula_also_inside_prev_and_undo_restores_all() {
    let Fixture {
        mut card,
        reach,
        followers,
        rate,
        growth,
        paid_share,
        measured,
    } = fixture();
    assert_eq!(
        card.kpis_using_series("reach"),
        vec![
            (rate.clone(), "Engagement rate".to_string()),
            (paid_share.clone(), "Paid share".to_string()),
        ]
    );
    let rename = card.rename_series(&reach, "audience").unwrap();
    let Command::Batch { commands } = &rename else {
        panic!("{rename:?}")
    };
    let formulas: Vec<(String, String)> = commands
        .iter()
        .filter_map(|c| match c {
            Command::UpdateKpi {
                id,
                field: KpiField::Formula(Some(f)),
            } => Some((id.clone(), f.clone())),
            _ => None,
        })
        .collect();
    // The text is kept as written (÷, ×, the missing spaces); `reach_paid` merely starts
    // with the same letters and is left alone.
    assert_eq!(
        formulas,
        vec![
            (rate.clone(), "interactions ÷ audience × 100".to_string()),
            (
                paid_share.clone(),
                "reach_paid / (audience + reach_paid)*100".to_string()
            ),
        ]
    );
    applied(&mut card, rename);
    let formula = |card: &Scorecard, id: &str| card.kpi(id).unwrap().formula.clone();
    assert_eq!(
        formula(&card, &rate).as_deref(),
        Some("interactions ÷ audience × 100")
    );
    assert_eq!(
        formula(&card, &paid_share).as_deref(),
        Some("reach_paid / (audience + reach_paid)*100")
    );
    assert_eq!(formula(&card, &measured), None);
    assert_eq!(card.series_by_id(&reach).unwrap().key, "audience");
    assert_eq!(card.kpis_using_series("reach"), Vec::new());
    // Inside prev(…): every use of `followers` in the growth formula.
    let rename = card.rename_series(&followers, "members").unwrap();
    applied(&mut card, rename);
    assert_eq!(
        formula(&card, &growth).as_deref(),
        Some("(members - prev(members)) / prev(members) * 100")
    );
    // The renamed KPIs still calculate: March's engagement rate is 1,234 / 45,600 × 100.
    let kpi = card.kpi(&rate).unwrap();
    let calc = card.calculate(kpi).unwrap();
    assert_eq!(
        calc.period_of(d("2026-03-15")).unwrap().value,
        Ok(1234.0 / 45600.0 * 100.0)
    );
}

#[test]
fn rename_series_refuses_bad_and_taken_keys_without_a_change() {
    let Fixture {
        mut card, reach, ..
    } = fixture();
    for bad in ["", "1reach", "prev", "two words", "réach", &"k".repeat(41)] {
        let e = card.rename_series(&reach, bad).unwrap_err();
        assert_eq!(field(&e), "key", "{bad:?}");
    }
    assert!(matches!(
        card.rename_series("ser-404", "x"),
        Err(CommandError::UnknownId { .. })
    ));
    // A key another series has: the batch is refused as a whole.
    let rename = card.rename_series(&reach, "interactions").unwrap();
    let e = refused(&mut card, rename);
    assert!(
        reason(&e).contains("another series already has the key 'interactions'"),
        "{e}"
    );
    // Renaming to its own key changes nothing that matters and undoes exactly.
    let same = card.rename_series(&reach, "reach").unwrap();
    let before = card.clone();
    applied(&mut card, same);
    assert_eq!(card, before);
    // With `reach` removed, "reach_paid / (reach + reach_paid)*100" still names it; renaming
    // `reach_paid` to `reach` would make it "reach / (reach + reach)*100", two inputs one:
    // refused, and nothing changes.
    applied(&mut card, Command::RemoveSeries { id: reach.clone() });
    let paid = card.series_by_key("reach_paid").unwrap().id.clone();
    let e = card.rename_series(&paid, "reach").unwrap_err();
    assert_eq!(
        e.to_string(),
        "key: the formula of \"Paid share\" already uses 'reach' for a series that does not exist now; renaming 'reach_paid' to it would make the two one"
    );
    // Renaming it to a fresh key works while the formula names the missing `reach`: the text
    // becomes "paid / (reach + paid)*100", and undo gives the old text back.
    let rename = card.rename_series(&paid, "paid").unwrap();
    applied(&mut card, rename);
    assert!(
        card.kpis()
            .any(|(_, k)| k.formula.as_deref() == Some("paid / (reach + paid)*100")),
        "the formula follows the rename"
    );
}

#[test]
fn invalid_keys_duplicates_bad_values_and_too_many_points_are_refused_unchanged() {
    let Fixture {
        mut card,
        reach,
        followers,
        ..
    } = fixture();
    // Keys formulas cannot use.
    for bad in [
        "",
        "1abc",
        "prev",
        "with space",
        "a-b",
        "ünicode",
        &"k".repeat(41),
    ] {
        let e = refused(
            &mut card,
            Command::AddSeries {
                series: series(bad, Aggregation::Sum, Vec::new()),
            },
        );
        assert_eq!(field(&e), "key", "{bad:?}");
        let e = refused(
            &mut card,
            Command::UpdateSeries {
                id: reach.clone(),
                field: SeriesField::Key(bad.to_string()),
            },
        );
        assert_eq!(field(&e), "key", "{bad:?}");
    }
    let e = refused(
        &mut card,
        Command::AddSeries {
            series: series("prev", Aggregation::Sum, Vec::new()),
        },
    );
    assert!(reason(&e).contains("not 'prev'"), "{e}");
    // A key another series has.
    let e = refused(
        &mut card,
        Command::AddSeries {
            series: series("reach", Aggregation::Sum, Vec::new()),
        },
    );
    assert_eq!(
        e.to_string(),
        "key: another series already has the key 'reach'"
    );
    let e = refused(
        &mut card,
        Command::UpdateSeries {
            id: followers.clone(),
            field: SeriesField::Key("reach".into()),
        },
    );
    assert_eq!(
        e.to_string(),
        "key: another series already has the key 'reach'"
    );
    // Values that are not finite or too large, in every command that takes points.
    for v in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1.000_000_1e15,
        -2e15,
    ] {
        let points = vec![p("2026-03-01", 1.0), p("2026-03-02", v)];
        let e = refused(
            &mut card,
            Command::AddSeries {
                series: series("fresh", Aggregation::Sum, points.clone()),
            },
        );
        assert_eq!(field(&e), "points.value", "{v}");
        assert!(reason(&e).starts_with("2026-03-02: "), "{e}");
        for cmd in [
            Command::UpsertSeriesPoints {
                id: reach.clone(),
                points: points.clone(),
            },
            Command::ReplaceSeriesPoints {
                id: reach.clone(),
                points: points.clone(),
            },
        ] {
            assert_eq!(field(&refused(&mut card, cmd)), "points.value", "{v}");
        }
    }
    // The largest magnitude allowed is fine.
    applied(
        &mut card,
        Command::UpsertSeriesPoints {
            id: reach.clone(),
            points: vec![p("2030-01-01", 1e15), p("2030-01-02", -1e15)],
        },
    );
    // Too many points: on adding, and when an upsert would make more than the limit.
    let many: Vec<InputPoint> = (0..=MAX_SERIES_POINTS as i64)
        .map(|i| InputPoint {
            date: d("2000-01-01").add_days(i),
            value: 1.0,
            ..InputPoint::default()
        })
        .collect();
    assert_eq!(many.len(), MAX_SERIES_POINTS + 1);
    let e = refused(
        &mut card,
        Command::AddSeries {
            series: series("many", Aggregation::Sum, many.clone()),
        },
    );
    assert_eq!(field(&e), "points");
    let e = refused(
        &mut card,
        Command::ReplaceSeriesPoints {
            id: followers.clone(),
            points: many.clone(),
        },
    );
    assert_eq!(field(&e), "points");
    // Exactly at the limit is fine; one more new date is not, a date it has is.
    let full: Vec<InputPoint> = many[..MAX_SERIES_POINTS].to_vec();
    applied(
        &mut card,
        Command::ReplaceSeriesPoints {
            id: followers.clone(),
            points: full.clone(),
        },
    );
    let e = refused(
        &mut card,
        Command::UpsertSeriesPoints {
            id: followers.clone(),
            points: vec![p("1999-12-31", 1.0)],
        },
    );
    assert_eq!(
        e.to_string(),
        format!(
            "points: at most {MAX_SERIES_POINTS} points in one series; this would make {}",
            MAX_SERIES_POINTS + 1
        )
    );
    applied(
        &mut card,
        Command::UpsertSeriesPoints {
            id: followers.clone(),
            points: vec![p("2000-01-01", 7.0)],
        },
    );
    // Texts too long.
    let e = refused(
        &mut card,
        Command::UpdateSeries {
            id: reach.clone(),
            field: SeriesField::Name("x".repeat(limits::MAX_SHORT_TEXT + 1)),
        },
    );
    assert_eq!(field(&e), "name");
    let e = refused(
        &mut card,
        Command::UpsertSeriesPoints {
            id: reach.clone(),
            points: vec![noted(
                "2026-03-01",
                1.0,
                &"n".repeat(limits::MAX_LONG_TEXT + 1),
            )],
        },
    );
    assert_eq!(field(&e), "points.note");
    // Unknown ids.
    for cmd in [
        Command::RemoveSeries {
            id: "ser-404".into(),
        },
        Command::UpdateSeries {
            id: "ser-404".into(),
            field: SeriesField::Name("x".into()),
        },
        Command::UpsertSeriesPoints {
            id: "ser-404".into(),
            points: Vec::new(),
        },
        Command::ReplaceSeriesPoints {
            id: "ser-404".into(),
            points: Vec::new(),
        },
        Command::RemoveSeriesPoints {
            id: "ser-404".into(),
            dates: Vec::new(),
        },
    ] {
        let e = refused(&mut card, cmd);
        assert_eq!(e.to_string(), "there is no series with id \"ser-404\"");
    }
}

#[test]
fn at_most_max_series() {
    let mut card = Scorecard::new_blank("t".into(), Lang::En);
    for i in 0..MAX_SERIES {
        card.apply(Command::AddSeries {
            series: series(&format!("s{i}"), Aggregation::Sum, Vec::new()),
        })
        .unwrap();
    }
    let e = refused(
        &mut card,
        Command::AddSeries {
            series: series("one_more", Aggregation::Sum, Vec::new()),
        },
    );
    assert_eq!(
        e.to_string(),
        format!("series: at most {MAX_SERIES} series")
    );
    assert!(validate(&card).is_empty());
}

#[test]
fn a_bad_formula_is_refused_with_the_formula_error() {
    let Fixture { mut card, rate, .. } = fixture();
    let set = |text: &str| Command::UpdateKpi {
        id: rate.clone(),
        field: KpiField::Formula(Some(text.to_string())),
    };
    // Cannot be read: the parser's message, with its column.
    let e = refused(&mut card, set("interactions / reach *"));
    assert_eq!(field(&e), "formula");
    let parse_error = formula::Formula::parse("interactions / reach *").unwrap_err();
    assert_eq!(reason(&e), parse_error.to_string());
    // The formula is 22 characters long; it ends too soon, at column 23.
    assert!(reason(&e).ends_with("at column 23"), "{e}");
    // A comma is refused with the message that asks for a dot.
    let e = refused(&mut card, set("interactions / 2,5"));
    assert!(reason(&e).contains("2.5"), "{e}");
    // An unknown series is taken by the model (the formula field refuses it as it is typed):
    // the KPI then has no value, and the calculation says which key, with a suggestion.
    applied(&mut card, set("interactions / reahc * 100"));
    let kpi = card.kpi(&rate).unwrap().clone();
    let e = card.calculate(&kpi).unwrap().formula.unwrap_err();
    assert!(e.to_string().contains("reahc"), "{e}");
    assert!(e.to_string().contains("'reach'"), "{e}");
    applied(&mut card, set("interactions ÷ reach × 100"));
    // Empty.
    assert_eq!(field(&refused(&mut card, set("   "))), "formula");
    // A good one is taken as written, and its inverse gives the old text back.
    let a = applied(&mut card, set("interactions/reach*1000"));
    assert_eq!(
        a.inverse,
        Command::UpdateKpi {
            id: rate.clone(),
            field: KpiField::Formula(Some("interactions ÷ reach × 100".into()))
        }
    );
    assert_eq!(
        card.kpi(&rate).unwrap().formula.as_deref(),
        Some("interactions/reach*1000")
    );
}

#[test]
fn formula_none_switches_back_to_measured_and_the_own_measurements_score_again() {
    let Fixture { mut card, rate, .. } = fixture();
    // The KPI keeps a measurement of its own, 2.5 on 31 March, baseline 2, target 3.
    let k = card.kpi_mut(&rate).unwrap();
    k.baseline = Some(2.0);
    k.target = Some(3.0);
    k.measurements.push(Measurement {
        id: "m-own".into(),
        date: d("2026-03-31"),
        value: 2.5,
        ..Measurement::default()
    });
    let as_of = d("2026-04-10");
    // Calculated: March = 1,234 / 45,600 × 100 = 2.70614…; progress (2.70614 − 2) / (3 − 2)
    // = 70.6 %: amber (threshold 70 %).
    let e = card.evaluate(as_of);
    let calculated = 1234.0 / 45600.0 * 100.0 - 2.0;
    assert_eq!(
        e.kpi(&rate),
        Some(Score {
            value: Some(calculated),
            status: Status::Amber
        })
    );
    assert_eq!(e.kpi_latest(&rate), Some(1234.0 / 45600.0 * 100.0));
    let a = applied(
        &mut card,
        Command::UpdateKpi {
            id: rate.clone(),
            field: KpiField::Formula(None),
        },
    );
    assert!(!card.kpi(&rate).unwrap().is_calculated());
    assert_eq!(card.calculate(card.kpi(&rate).unwrap()), None);
    // Measured again: (2.5 − 2) / (3 − 2) = 50 %: red.
    let e = card.evaluate(as_of);
    assert_eq!(
        e.kpi(&rate),
        Some(Score {
            value: Some(0.5),
            status: Status::Red
        })
    );
    assert_eq!(e.kpi_latest(&rate), Some(2.5));
    // And back: the inverse makes it calculated with the same formula.
    card.apply(a.inverse).unwrap();
    assert_eq!(
        card.evaluate(as_of).kpi(&rate).unwrap().status,
        Status::Amber
    );
}

// --- Properties ----------------------------------------------------------------------------

/// A date in the three years from 1 January 2024 (2024 is a leap year).
fn arb_date() -> impl Strategy<Value = Date> {
    (0i64..1096).prop_map(|n| d("2024-01-01").add_days(n))
}

/// Whole numbers (so that sums are exact in any order), zero and negatives included.
fn arb_count() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        (-1000i32..1000).prop_map(f64::from),
        (-1_000_000_000i64..1_000_000_000).prop_map(|n| n as f64),
    ]
}

fn arb_points() -> impl Strategy<Value = Vec<InputPoint>> {
    prop::collection::vec(
        (arb_date(), arb_count()).prop_map(|(date, value)| InputPoint {
            date,
            value,
            ..InputPoint::default()
        }),
        0..120,
    )
}

/// A series command, as indexes and values to be made into a real command on a card.
#[derive(Clone, Debug)]
enum Op {
    Add(String, usize, Vec<InputPoint>, bool),
    Key(usize, String),
    Name(usize, String),
    Aggregation(usize, usize),
    Remove(usize),
    Upsert(usize, Vec<InputPoint>),
    Replace(usize, Vec<InputPoint>),
    RemovePoints(usize, Vec<Date>),
    Rename(usize, String),
    Restore(usize),
}

fn arb_key() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "reach",
        "reach_paid",
        "interactions",
        "followers",
        "audience",
        "members",
        "r",
        "prev",
        "1x",
        "",
    ])
    .prop_map(str::to_string)
}

fn arb_value_or_bad() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => arb_count(),
        1 => Just(f64::NAN),
        1 => Just(2e15),
    ]
}

fn arb_some_points() -> impl Strategy<Value = Vec<InputPoint>> {
    prop::collection::vec(
        (arb_date(), arb_value_or_bad()).prop_map(|(date, value)| InputPoint {
            date,
            value,
            ..InputPoint::default()
        }),
        0..20,
    )
}

fn arb_op() -> impl Strategy<Value = Op> {
    let i = 0usize..8;
    prop_oneof![
        (arb_key(), 0usize..5, arb_some_points(), any::<bool>())
            .prop_map(|(k, a, p, blank)| Op::Add(k, a, p, blank)),
        (i.clone(), arb_key()).prop_map(|(i, k)| Op::Key(i, k)),
        (i.clone(), "[a-z ]{0,12}").prop_map(|(i, n)| Op::Name(i, n)),
        (i.clone(), 0usize..5).prop_map(|(i, a)| Op::Aggregation(i, a)),
        i.clone().prop_map(Op::Remove),
        (i.clone(), arb_some_points()).prop_map(|(i, p)| Op::Upsert(i, p)),
        (i.clone(), arb_some_points()).prop_map(|(i, p)| Op::Replace(i, p)),
        (i.clone(), prop::collection::vec(arb_date(), 0..10))
            .prop_map(|(i, ds)| Op::RemovePoints(i, ds)),
        (i.clone(), arb_key()).prop_map(|(i, k)| Op::Rename(i, k)),
        i.prop_map(Op::Restore),
    ]
}

/// The command `op` stands for on `card` (series picked by index; `removed` holds series
/// removed earlier, for `Restore`).
fn command(card: &Scorecard, op: &Op, removed: &[(usize, InputSeries)]) -> Option<Command> {
    let id = |i: usize| -> Option<String> {
        let n = card.series.len();
        (n > 0).then(|| card.series[i % n].id.clone())
    };
    Some(match op.clone() {
        Op::Add(key, a, points, blank) => Command::AddSeries {
            series: InputSeries {
                id: if blank {
                    String::new()
                } else {
                    format!("ser-x{a}{key}")
                },
                ..series(&key, Aggregation::ALL[a], points)
            },
        },
        Op::Key(i, key) => Command::UpdateSeries {
            id: id(i)?,
            field: SeriesField::Key(key),
        },
        Op::Name(i, name) => Command::UpdateSeries {
            id: id(i)?,
            field: SeriesField::Name(name),
        },
        Op::Aggregation(i, a) => Command::UpdateSeries {
            id: id(i)?,
            field: SeriesField::Aggregation(Aggregation::ALL[a]),
        },
        Op::Remove(i) => Command::RemoveSeries { id: id(i)? },
        Op::Upsert(i, points) => Command::UpsertSeriesPoints { id: id(i)?, points },
        Op::Replace(i, points) => Command::ReplaceSeriesPoints { id: id(i)?, points },
        Op::RemovePoints(i, dates) => Command::RemoveSeriesPoints { id: id(i)?, dates },
        Op::Rename(i, key) => card.rename_series(&id(i)?, &key).ok()?,
        Op::Restore(i) => {
            let (index, series) = removed.get(i % removed.len().max(1))?.clone();
            Command::RestoreSeries { index, series }
        }
    })
}

/// Σ of the values per calendar month, worked out without the code under test: of two
/// points on one date the one listed last, then a plain sum per (year, month).
fn monthly_sums(points: &[InputPoint]) -> BTreeMap<(i32, u8), (f64, usize)> {
    let mut by_date: BTreeMap<Date, f64> = BTreeMap::new();
    for p in points {
        by_date.insert(p.date, p.value);
    }
    let mut out: BTreeMap<(i32, u8), (f64, usize)> = BTreeMap::new();
    for (date, value) in by_date {
        let e = out.entry((date.year(), date.month())).or_insert((0.0, 0));
        e.0 += value;
        e.1 += 1;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_sum_per_month_is_the_sum_of_the_month_values(points in arb_points()) {
        let got = aggregate(&points, Aggregation::Sum, Frequency::Monthly);
        let want = monthly_sums(&points);
        prop_assert_eq!(got.len(), want.len());
        for ((y, m), (sum, n)) in &want {
            let start = Date::from_ymd(*y, *m, 1).unwrap();
            let a = got.get(&start);
            prop_assert!(a.is_some(), "no value for {}-{}", y, m);
            let a = a.unwrap();
            prop_assert_eq!(a.value, *sum);
            prop_assert_eq!(a.points, *n);
            prop_assert_eq!((a.first.year(), a.first.month()), (*y, *m));
            prop_assert_eq!((a.last.year(), a.last.month()), (*y, *m));
            prop_assert!(a.first <= a.last);
        }
        // Every other aggregation has a value in the same months, within the month's range.
        for agg in Aggregation::ALL {
            let other = aggregate(&points, agg, Frequency::Monthly);
            prop_assert_eq!(other.keys().collect::<Vec<_>>(), got.keys().collect::<Vec<_>>());
        }
        // By year, the sums of the months add up (whole numbers: exact).
        let years = aggregate(&points, Aggregation::Sum, Frequency::Yearly);
        for (start, a) in &years {
            let months: f64 = want
                .iter()
                .filter(|((y, _), _)| *y == start.year())
                .map(|(_, (s, _))| s)
                .sum();
            prop_assert_eq!(a.value, months);
        }
    }

    #[test]
    fn every_frequency_groups_the_points_by_the_period_they_fall_in(
        points in arb_points(),
        f in 0usize..5,
    ) {
        let frequency = Frequency::ALL[f];
        // Of two points on one date the one listed last; then grouped by period alone.
        let mut by_date: BTreeMap<Date, f64> = BTreeMap::new();
        for p in &points {
            by_date.insert(p.date, p.value);
        }
        let mut want: BTreeMap<Date, Vec<(Date, f64)>> = BTreeMap::new();
        for (date, value) in by_date {
            let start = Period::containing(date, frequency).start;
            want.entry(start).or_default().push((date, value));
        }
        for a in Aggregation::ALL {
            let got = aggregate(&points, a, frequency);
            prop_assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>());
            for (start, list) in &want {
                let g = got[start];
                let values: Vec<f64> = list.iter().map(|(_, v)| *v).collect();
                prop_assert_eq!(g.points, list.len());
                prop_assert_eq!((g.first, g.last), (list[0].0, list[list.len() - 1].0));
                let expect = match a {
                    Aggregation::Sum => values.iter().sum(),
                    Aggregation::Average => values.iter().sum::<f64>() / values.len() as f64,
                    Aggregation::Last => values[values.len() - 1],
                    Aggregation::Min => values.iter().copied().fold(f64::INFINITY, f64::min),
                    Aggregation::Max => values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                };
                prop_assert_eq!(g.value, expect, "{:?} {}", a, start);
            }
        }
    }

    #[test]
    fn series_commands_and_their_inverses_restore_the_card(
        ops in prop::collection::vec(arb_op(), 1..25)
    ) {
        let original = fixture().card;
        let mut card = original.clone();
        let mut inverses = Vec::new();
        let mut removed: Vec<(usize, InputSeries)> = Vec::new();
        for op in &ops {
            let Some(cmd) = command(&card, op, &removed) else { continue };
            let before = card.clone();
            match card.apply(cmd.clone()) {
                Ok(done) => {
                    prop_assert!(validate(&card).is_empty(), "{:?} after {:?}", validate(&card), cmd);
                    let mut undone = card.clone();
                    let back = undone.apply(done.inverse.clone());
                    prop_assert!(back.is_ok(), "the inverse of {:?} was refused: {:?}", cmd, back);
                    prop_assert_eq!(&undone, &before, "the inverse of {:?}", cmd);
                    if let Command::RestoreSeries { index, series } = &done.inverse {
                        removed.push((*index, series.clone()));
                    }
                    inverses.push(done.inverse);
                }
                Err(_) => prop_assert_eq!(&card, &before, "a refused {:?} changed the card", cmd),
            }
        }
        // All inverses, latest first, give the card it started as.
        for inverse in inverses.into_iter().rev() {
            let back = card.apply(inverse.clone());
            prop_assert!(back.is_ok(), "{:?} refused: {:?}", inverse, back);
        }
        prop_assert_eq!(card, original);
    }
}

/// After removing a series a formula uses, changing that formula can be undone: the model
/// takes a formula that names a series the card does not have (only the formula field refuses
/// one as it is typed), so the inverse putting the old formula back is never refused.
#[test]
fn changing_a_formula_that_names_a_removed_series_can_be_undone() {
    let Fixture {
        mut card,
        reach,
        rate,
        ..
    } = fixture();
    applied(&mut card, Command::RemoveSeries { id: reach });
    // "interactions ÷ reach × 100" now names the removed `reach`.
    applied(
        &mut card,
        Command::UpdateKpi {
            id: rate,
            field: KpiField::Formula(Some("interactions * 2".into())),
        },
    );
}
