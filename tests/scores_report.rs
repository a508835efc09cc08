#![cfg(not(target_arch = "wasm32"))]
//! The score report (`cargo run --example evaluate`): every score of the article's example as
//! of 30 April 2026, worked out by hand from docs/scoring.md, and the command itself.

use smsc::exchange::scores::{PeriodValue, period_key, score_report};
use smsc::model::{Date, FactorKind, Frequency, Status, import_json};

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

fn example() -> smsc::model::Scorecard {
    import_json(include_str!("fixtures/example-en.scorecard.json")).expect("the example opens")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn every_score_of_the_example_as_worked_out_by_hand() {
    let report = score_report(&example(), d("2026-04-30"));
    // Factors: customers 35/80 = 0.4375 (kpi-13), financial 1 (98 inside 95–105), organisation
    // 1 (2 hours), medium (9/15 + e) / 2 = 0.66549 (kpi-28 and the engagement rate kpi-32,
    // e = (3,201 / 71,740 × 100 − 3) / (5 − 3) = 0.73097, its March value: the sums of the
    // example's daily interactions and reach, added up by hand); overall
    // (0.4375 + 1 + 1 + medium) / 4 = 0.77575.
    let e = (3201.0 / 71740.0 * 100.0 - 3.0) / 2.0;
    let medium = (0.6 + e) / 2.0;
    assert!(
        close(report.overall.score, (0.4375 + 2.0 + medium) / 4.0),
        "{:?}",
        report.overall
    );
    assert_eq!(report.overall.status, Status::Amber);
    let factors: Vec<(FactorKind, Option<f64>, Status)> = report
        .factors
        .iter()
        .map(|f| (f.factor, f.score.score, f.score.status))
        .collect();
    assert_eq!(factors[0].0, FactorKind::Customers);
    assert!(close(factors[0].1, 0.4375) && factors[0].2 == Status::Red);
    assert!(close(factors[1].1, 1.0) && factors[1].2 == Status::Green);
    assert!(close(factors[2].1, 1.0) && factors[2].2 == Status::Green);
    assert!(close(factors[3].1, medium) && factors[3].2 == Status::Red);
    // Objectives: Loyalty (0.3 + 0.4375 + 1 + medium) / 4, Interaction (0.6 + 1 + medium) / 3,
    // Data 517 / 1120, Satisfaction 1.4375 / 2.
    let objective = |id: &str| {
        let line = report.objectives.iter().find(|o| o.id == id).expect(id);
        (line.score.score, line.score.status)
    };
    let loyalty = (0.3 + 0.4375 + 1.0 + medium) / 4.0;
    assert!(close(objective("obj-3").0, loyalty) && objective("obj-3").1 == Status::Red);
    let interaction = (0.6 + 1.0 + medium) / 3.0;
    assert!(close(objective("obj-6").0, interaction) && objective("obj-6").1 == Status::Amber);
    assert!(close(objective("obj-9").0, 517.0 / 1120.0) && objective("obj-9").1 == Status::Red);
    assert!(close(objective("obj-11").0, 1.4375 / 2.0) && objective("obj-11").1 == Status::Amber);
    assert_eq!(report.sub_objectives.len(), 4);
    assert_eq!(report.kpis.len(), 9);
}

/// The engagement rate: one value per month from the month's sums, the unfinished month
/// "so far" and not scored, each input named with its aggregation.
#[test]
fn a_calculated_kpi_reports_its_value_per_period_and_its_inputs() {
    let report = score_report(&example(), d("2026-03-15"));
    let kpi = report
        .kpis
        .iter()
        .find(|k| k.id == "kpi-32")
        .expect("kpi-32");
    assert_eq!(kpi.formula.as_deref(), Some("interactions / reach * 100"));
    let got: Vec<(&str, Option<f64>, bool)> = kpi
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.value, p.so_far))
        .collect();
    assert_eq!(got.len(), 3);
    assert_eq!((got[0].0, got[0].2), ("2026-01", false));
    assert!(close(got[0].1, 1754.0 / 53450.0 * 100.0));
    assert!(close(got[1].1, 2185.0 / 56460.0 * 100.0));
    // 1–15 March only: 1,457 / 33,900.
    assert_eq!((got[2].0, got[2].2), ("2026-03", true));
    assert!(close(got[2].1, 1457.0 / 33900.0 * 100.0));
    // February is scored: (3.86999… − 3) / 2, red.
    let latest = kpi.latest.as_ref().expect("February");
    assert_eq!(latest.period, "2026-02");
    assert!(close(
        kpi.score.score,
        (2185.0 / 56460.0 * 100.0 - 3.0) / 2.0
    ));
    assert_eq!(kpi.score.status, Status::Red);
    let inputs: Vec<(&str, Option<f64>, usize)> = kpi.periods[1]
        .inputs
        .iter()
        .map(|i| (i.key.as_str(), i.value, i.points))
        .collect();
    assert_eq!(
        inputs,
        [
            ("interactions", Some(2185.0), 28),
            ("reach", Some(56460.0), 28)
        ]
    );
    let json = serde_json::to_value(kpi).expect("JSON");
    assert_eq!(json["periods"][2]["so_far"], true);
    assert_eq!(json["periods"][1]["inputs"][0]["aggregation"], "sum");
    assert!(json["periods"][1].get("so_far").is_none());
}

#[test]
fn a_kpi_per_period_is_scored_against_the_target_in_force_then() {
    let report = score_report(&example(), d("2026-04-30"));
    let kpi = |id: &str| report.kpis.iter().find(|k| k.id == id).expect(id);
    let periods = |id: &str| -> Vec<(String, Option<f64>, f64, Status)> {
        kpi(id)
            .periods
            .iter()
            .map(|p: &PeriodValue| {
                (
                    p.period.clone(),
                    p.value,
                    p.progress.unwrap_or(f64::NAN),
                    p.status,
                )
            })
            .collect()
    };
    // Response time, baseline 8, target 2 (lower is better): (6 − 8) / (2 − 8) = 1/3,
    // (3.5 − 8) / (2 − 8) = 0.75, (2 − 8) / (2 − 8) = 1.
    let rt = periods("kpi-21");
    assert_eq!(rt.len(), 3);
    assert_eq!(
        (rt[0].0.as_str(), rt[0].1, rt[0].3),
        ("2026-01", Some(6.0), Status::Red)
    );
    assert!((rt[0].2 - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(
        (rt[1].0.as_str(), rt[1].2, rt[1].3),
        ("2026-02", 0.75, Status::Amber)
    );
    assert_eq!(
        (rt[2].0.as_str(), rt[2].2, rt[2].3),
        ("2026-03", 1.0, Status::Green)
    );
    let latest = kpi("kpi-21").latest.as_ref().expect("a latest value");
    assert_eq!((latest.date, latest.value), (d("2026-03-31"), Some(2.0)));
    assert_eq!(kpi("kpi-21").parent, "so-20");
    // Active members, baseline 15: January against the target of 25 in force until the
    // change of 1 February, (18 − 15) / (25 − 15) = 0.3; then against 30: 7/15, 9/15.
    let active = periods("kpi-28");
    assert!((active[0].2 - 0.3).abs() < 1e-12);
    assert!((active[1].2 - 7.0 / 15.0).abs() < 1e-12);
    assert!((active[2].2 - 0.6).abs() < 1e-12);
    assert!(close(kpi("kpi-28").score.score, 0.6));
    // A quarterly KPI has one period for the quarter; a KPI without data has none.
    assert_eq!(periods("kpi-1")[0].0, "2026-Q1");
    assert!(kpi("kpi-10").periods.is_empty() && kpi("kpi-10").latest.is_none());
    assert_eq!(
        (kpi("kpi-10").score.score, kpi("kpi-10").score.status),
        (None, Status::Grey)
    );
    // As of 15 February only January counts.
    let early = score_report(&example(), d("2026-02-15"));
    let rt = &early
        .kpis
        .iter()
        .find(|k| k.id == "kpi-21")
        .expect("kpi-21")
        .periods;
    assert_eq!(rt.len(), 1);
}

#[test]
fn periods_are_named_by_frequency() {
    let date = d("2026-03-31");
    assert_eq!(period_key(date, Frequency::Daily), "2026-03-31");
    // 31 March 2026 is a Tuesday in ISO week 14.
    assert_eq!(period_key(date, Frequency::Weekly), "2026-W14");
    assert_eq!(period_key(date, Frequency::Monthly), "2026-03");
    assert_eq!(period_key(date, Frequency::Quarterly), "2026-Q1");
    assert_eq!(period_key(date, Frequency::Yearly), "2026");
    // 1 January 2027 is a Friday: ISO week 53 of 2026.
    assert_eq!(period_key(d("2027-01-01"), Frequency::Weekly), "2026-W53");
}

/// What the command prints: the report as JSON, with statuses as words and dates as
/// `YYYY-MM-DD` (the example itself is `examples/evaluate.rs`, a thin shell around this).
#[test]
fn the_report_as_json() {
    let report = score_report(&example(), d("2026-04-30"));
    let json = serde_json::to_value(&report).expect("JSON");
    assert_eq!(json["as_of"], "2026-04-30");
    assert_eq!(json["overall"]["status"], "amber");
    let medium = (0.6 + (3201.0 / 71740.0 * 100.0 - 3.0) / 2.0) / 2.0;
    assert!(close(
        json["overall"]["score"].as_f64(),
        (0.4375 + 2.0 + medium) / 4.0
    ));
    assert_eq!(json["factors"][3]["factor"], "medium");
    assert_eq!(json["factors"][3]["status"], "red");
    assert_eq!(json["sub_objectives"][0]["factor"], "customers");
    assert!(json["objectives"][0].get("factor").is_none());
    let rt = &json["kpis"].as_array().expect("KPIs")[6];
    assert_eq!(rt["id"], "kpi-21");
    assert_eq!(rt["frequency"], "monthly");
    assert_eq!(rt["latest"]["date"], "2026-03-31");
    assert_eq!(rt["periods"][1]["period"], "2026-02");
    assert_eq!(rt["periods"][1]["status"], "amber");
    assert_eq!(json["kpis"][3]["score"], serde_json::Value::Null);
}
