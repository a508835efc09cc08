#![cfg(not(target_arch = "wasm32"))]
//! Scoring: KPI progress and status, roll-ups, explanations and chart series.

use smsc::method::templates;
use smsc::model::score::{kpi_progress, kpi_state, target_on};
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn response_time() -> Kpi {
    let mut k = Kpi::new("kpi-1".into(), "Response time".into());
    k.unit = "hours".into();
    k.direction = Direction::LowerIsBetter;
    k.baseline = Some(8.0);
    k.target = Some(2.0);
    k
}

fn measure(k: &mut Kpi, date: &str, value: f64) {
    let id = format!("m-{}", k.measurements.len() + 100);
    k.measurements.push(Measurement {
        id,
        date: d(date),
        value,
        ..Measurement::default()
    });
}

#[test]
fn article_example_progress_and_status() {
    let mut k = response_time();
    let cases = [
        ("2026-01-31", 6.0, 1.0 / 3.0, Status::Red),
        ("2026-02-28", 3.5, 0.75, Status::Amber),
        ("2026-03-31", 2.0, 1.0, Status::Green),
    ];
    for (date, value, progress, status) in cases {
        measure(&mut k, date, value);
        let p = kpi_progress(&k, value).unwrap();
        assert!((p - progress).abs() < 1e-12, "{value}: {p}");
        let state = kpi_state(&k, d(date));
        assert_eq!(state.status, status, "{value}");
    }
    assert_eq!(
        format!("{:.1}", kpi_progress(&k, 6.0).unwrap() * 100.0),
        "33.3"
    );
}

#[test]
fn overshoot_is_shown_but_capped_in_rollups() {
    let mut card = Scorecard::new_blank("t".into(), Lang::En);
    card.apply(Command::AddSubObjective {
        factor: FactorKind::Organisation,
        title: "Fast answers".into(),
    })
    .unwrap();
    let mut k = response_time();
    k.id = "kpi-9".into();
    measure(&mut k, "2026-03-31", 0.5); // better than target
    card.factors.organisation.sub_objectives[0].kpis.push(k);
    card.next_id = 200;
    let e = card.evaluate(d("2026-04-01"));
    assert!((e.kpi("kpi-9").unwrap().value.unwrap() - 1.25).abs() < 1e-12);
    assert_eq!(e.sub_objective("so-1").unwrap().value, Some(1.0));
    assert_eq!(e.factor(FactorKind::Organisation).status, Status::Green);
}

#[test]
fn defined_edge_cases_never_nan() {
    let mut k = response_time();
    k.baseline = None;
    assert_eq!(kpi_progress(&k, 2.0), Some(1.0));
    assert_eq!(kpi_progress(&k, 2.5), Some(0.0));
    k.baseline = Some(2.0); // baseline = target
    assert_eq!(kpi_progress(&k, 1.0), Some(1.0));
    assert_eq!(kpi_progress(&k, 3.0), Some(0.0));
    k.target = None;
    assert_eq!(kpi_progress(&k, 3.0), None);
    k.target = Some(2.0);
    k.baseline = Some(8.0);
    assert_eq!(kpi_progress(&k, f64::NAN), None);
    assert_eq!(kpi_progress(&k, f64::INFINITY), None);
    // worse than baseline: negative, shown as is
    assert!((kpi_progress(&k, 11.0).unwrap() + 0.5).abs() < 1e-12);
    // no measurement: grey, no score
    let state = kpi_state(&k, d("2026-01-01"));
    assert_eq!((state.progress, state.status), (None, Status::Grey));
    // tiny target − baseline still gives a finite number
    k.baseline = Some(2.0 + 1e-300);
    assert!(kpi_progress(&k, 1e15).unwrap().is_finite());
}

#[test]
fn band_scores_full_inside_and_falls_off_linearly() {
    let mut k = Kpi::new("kpi-2".into(), "Budget".into());
    k.direction = Direction::WithinBand;
    assert_eq!(kpi_progress(&k, 100.0), None);
    k.band_low = Some(95.0);
    k.band_high = Some(105.0);
    assert_eq!(kpi_progress(&k, 95.0), Some(1.0));
    assert_eq!(kpi_progress(&k, 100.0), Some(1.0));
    assert_eq!(kpi_progress(&k, 110.0), Some(0.5));
    assert_eq!(kpi_progress(&k, 92.0), Some(0.7));
    assert_eq!(kpi_progress(&k, 200.0), Some(0.0));
    // one-sided band: width = |edge|
    k.band_low = None;
    assert_eq!(kpi_progress(&k, 105.0 * 1.5), Some(0.5));
    // reversed limits are swapped
    k.band_low = Some(105.0);
    k.band_high = Some(95.0);
    assert_eq!(kpi_progress(&k, 100.0), Some(1.0));
}

#[test]
fn stale_measurement_is_grey() {
    let mut k = response_time();
    measure(&mut k, "2026-01-31", 2.0);
    assert_eq!(Frequency::Monthly.max_age_days(), 45);
    assert_eq!(kpi_state(&k, d("2026-03-17")).status, Status::Green); // 45 days
    let s = kpi_state(&k, d("2026-03-18")); // 46 days
    assert_eq!(s.status, Status::Grey);
    assert_eq!(s.progress, Some(1.0));
    // a measurement after "as of" is ignored
    assert_eq!(kpi_state(&k, d("2026-01-30")).status, Status::Grey);
    assert_eq!(latest_measurement(&k, d("2026-01-30")), None);
}

#[test]
fn weighted_rollups_zero_weights_and_empty_parents() {
    let mut card = templates::example("t".into(), Lang::En);
    let as_of = d("2026-04-01");
    let e = card.evaluate(as_of);
    // empty objective list / empty factor are grey
    let blank = Scorecard::new_blank("b".into(), Lang::En);
    let eb = blank.evaluate(as_of);
    assert_eq!(eb.overall(), Score::GREY);
    assert_eq!(eb.factor(FactorKind::Medium), Score::GREY);
    // the organisation factor holds the response-time KPI only: 100 %
    assert_eq!(e.factor(FactorKind::Organisation).value, Some(1.0));
    // overall is the mean of the four factors
    let mean = FactorKind::ALL
        .iter()
        .filter_map(|k| e.factor(*k).value)
        .sum::<f64>()
        / 4.0;
    assert!((e.overall().value.unwrap() - mean).abs() < 1e-12);
    // zero weights: the sub-objective no longer counts; all zero → grey
    let (so, _) = {
        let so = &card.factors.organisation.sub_objectives[0];
        (so.id.clone(), ())
    };
    let kpi = card.factors.organisation.sub_objectives[0].kpis[0]
        .id
        .clone();
    card.apply(Command::UpdateKpi {
        id: kpi.clone(),
        field: KpiField::Weight(0.0),
    })
    .unwrap();
    let e = card.evaluate(as_of);
    assert_eq!(e.sub_objective(&so), Some(Score::GREY));
    assert_eq!(e.kpi(&kpi).unwrap().status, Status::Green);
    assert_eq!(e.factor(FactorKind::Organisation), Score::GREY);
}

#[test]
fn objective_rolls_up_own_kpis_and_contributing_sub_objectives() {
    let card = templates::example("t".into(), Lang::En);
    let as_of = d("2026-04-01");
    let e = card.evaluate(as_of);
    let interaction = &card.objectives[1];
    let ex = explain(&card, as_of, ScoreRef::Objective(interaction.id.clone()));
    // own KPI (2.4 of 1.5 → 3: 60 %), organisation sub-objective 100 %, medium sub-objective
    // (24 % of 15 → 30: 60 %, and the engagement rate of March, 3,201 / 71,740 × 100 =
    // 4.4619 % of 3 → 5: 73.1 %; together 66.5 %)
    assert_eq!(ex.inputs.len(), 3);
    let medium = (0.6 + (3201.0 / 71740.0 * 100.0 - 3.0) / 2.0) / 2.0;
    let v = e.objective(&interaction.id).unwrap().value.unwrap();
    assert!((v - (0.6 + 1.0 + medium) / 3.0).abs() < 1e-9, "{v}");
    assert!(
        ex.formula
            .contains("(1 × 60.0 % + 1 × 100.0 % + 1 × 66.5 %) / (1 + 1 + 1) = 75.5 %"),
        "{}",
        ex.formula
    );
    assert_eq!(e.objective(&interaction.id).unwrap().status, Status::Amber);
}

#[test]
fn explain_kpi_shows_real_numbers() {
    let card = templates::example("t".into(), Lang::En);
    let kpi = &card.factors.organisation.sub_objectives[0].kpis[0];
    let ex = explain(&card, d("2026-02-28"), ScoreRef::Kpi(kpi.id.clone()));
    assert!(
        ex.formula.contains("(3.5 − 8) / (2 − 8) = 75.0 %"),
        "{}",
        ex.formula
    );
    assert!(ex.formula.contains("amber"), "{}", ex.formula);
    assert_eq!(ex.result.status, Status::Amber);
    assert_eq!(ex.inputs[0].value, Some(3.5));
    let ex = explain(&card, d("2025-01-01"), ScoreRef::Kpi(kpi.id.clone()));
    assert!(ex.formula.contains("No measurement"), "{}", ex.formula);
    let ex = explain(&card, d("2026-12-01"), ScoreRef::Kpi(kpi.id.clone()));
    assert!(ex.formula.contains("monthly KPI: grey"), "{}", ex.formula);
    let ex = explain(&card, d("2026-04-01"), ScoreRef::Overall);
    assert_eq!(ex.inputs.len(), 4);
    let ex = explain(&card, d("2026-04-01"), ScoreRef::Kpi("nope".into()));
    assert_eq!(ex.result, Score::GREY);
}

#[test]
fn series_uses_target_in_effect() {
    let card = templates::example("t".into(), Lang::En);
    let kpi = &card.factors.medium.sub_objectives[0].kpis[0];
    assert_eq!(target_on(kpi, d("2026-01-31")), Some(25.0));
    assert_eq!(target_on(kpi, d("2026-02-01")), Some(30.0));
    let series = kpi_series(kpi);
    let targets: Vec<_> = series.iter().map(|p| p.target).collect();
    assert_eq!(targets, vec![Some(25.0), Some(30.0), Some(30.0)]);
    assert!(series.windows(2).all(|w| w[0].date <= w[1].date));
}

/// The evaluation hands out each KPI's latest value as of its date (cards show it): none
/// before the first measurement, then the one on or before the date. Read off the example:
/// kpi-1 46, kpi-4 2.4, kpi-7 52 and kpi-18 98 on 31 March; kpi-10 never measured; kpi-13
/// 28 / 41 / 55, kpi-21 6 / 3.5 / 2 and kpi-28 18 / 22 / 24 on 31 January / 28 February /
/// 31 March. On 15 February only the 31 January values exist; on 28 February the ones of
/// that day count; from 31 March on the March values (also on 1 January 2027, when most are
/// too old to score: the value is still the latest). The calculated kpi-32 gives the value
/// of the latest month that is over: the month's interactions ÷ reach × 100, from the sums of
/// the example's daily points (January 1,754 / 53,450, February 2,185 / 56,460, March 3,201 /
/// 71,740).
#[test]
fn evaluation_gives_each_kpis_latest_value_as_of_its_date() {
    let card = templates::example("sc-latest".into(), Lang::En);
    let march = [
        ("kpi-1", Some(46.0)),
        ("kpi-4", Some(2.4)),
        ("kpi-7", Some(52.0)),
        ("kpi-10", None),
        ("kpi-13", Some(55.0)),
        ("kpi-18", Some(98.0)),
        ("kpi-21", Some(2.0)),
        ("kpi-28", Some(24.0)),
        ("kpi-32", Some(3201.0 / 71740.0 * 100.0)),
    ];
    let cases = [
        (
            "2025-01-01",
            [
                ("kpi-1", None),
                ("kpi-4", None),
                ("kpi-7", None),
                ("kpi-10", None),
                ("kpi-13", None),
                ("kpi-18", None),
                ("kpi-21", None),
                ("kpi-28", None),
                ("kpi-32", None),
            ],
        ),
        (
            "2026-02-15",
            [
                ("kpi-1", None),
                ("kpi-4", None),
                ("kpi-7", None),
                ("kpi-10", None),
                ("kpi-13", Some(28.0)),
                ("kpi-18", None),
                ("kpi-21", Some(6.0)),
                ("kpi-28", Some(18.0)),
                ("kpi-32", Some(1754.0 / 53450.0 * 100.0)),
            ],
        ),
        (
            "2026-02-28",
            [
                ("kpi-1", None),
                ("kpi-4", None),
                ("kpi-7", None),
                ("kpi-10", None),
                ("kpi-13", Some(41.0)),
                ("kpi-18", None),
                ("kpi-21", Some(3.5)),
                ("kpi-28", Some(22.0)),
                ("kpi-32", Some(2185.0 / 56460.0 * 100.0)),
            ],
        ),
        ("2026-03-31", march),
        ("2027-01-01", march),
    ];
    let ids: Vec<&str> = card.kpis().map(|(_, k)| k.id.as_str()).collect();
    assert_eq!(ids, march.map(|(id, _)| id), "the example's KPIs");
    for (as_of, expected) in cases {
        let eval = card.evaluate(d(as_of));
        for (id, want) in expected {
            assert_eq!(eval.kpi_latest(id), want, "{id} as of {as_of}");
        }
    }
    assert_eq!(card.evaluate(d("2026-03-31")).kpi_latest("nope"), None);
}

/// The status zones behind a chart are the status rule solved for the value: a value inside
/// an interval gets that interval's status from `status_for(progress_in_case(…))`, for every
/// case and amber threshold (values within a hair of an edge are left out).
#[test]
fn status_intervals_agree_with_the_status_rule() {
    use smsc::model::score::{ProgressCase, progress_in_case, status_for, status_intervals};
    let cases = [
        ProgressCase::Linear {
            baseline: 8.0,
            target: 2.0,
        },
        ProgressCase::Linear {
            baseline: -3.0,
            target: 12.5,
        },
        ProgressCase::MetOrNot {
            target: 4.0,
            lower_is_better: true,
        },
        ProgressCase::MetOrNot {
            target: 4.0,
            lower_is_better: false,
        },
        ProgressCase::Band {
            low: Some(2.0),
            high: Some(6.0),
            width: 4.0,
        },
        ProgressCase::Band {
            low: None,
            high: Some(10.0),
            width: 10.0,
        },
        ProgressCase::Band {
            low: Some(-5.0),
            high: None,
            width: 5.0,
        },
    ];
    let mut checked = 0;
    for case in cases {
        for amber in [0.0, 0.5, 0.7, 0.95, 1.0] {
            let intervals = status_intervals(case, amber);
            for step in -400..=400 {
                let value = f64::from(step) * 0.0731;
                let near_edge = intervals
                    .iter()
                    .any(|i| (i.low - value).abs() < 1e-6 || (i.high - value).abs() < 1e-6);
                if near_edge {
                    continue;
                }
                let inside: Vec<_> = intervals
                    .iter()
                    .filter(|i| i.low < value && value < i.high)
                    .collect();
                assert_eq!(
                    inside.len(),
                    1,
                    "{case:?} amber {amber}: {value} in {inside:?}"
                );
                let rule = status_for(progress_in_case(case, value), amber);
                assert_eq!(inside[0].status, rule, "{case:?} amber {amber}: {value}");
                checked += 1;
            }
        }
    }
    assert!(checked > 20_000, "{checked}");
}

/// The article's response time (baseline 8, target 2 hours, amber from 70 %): green at or
/// under 2 hours, amber up to 8 − 0.7 × 6 = 3.8 hours, red above, worked out by hand.
#[test]
fn status_intervals_of_the_article_response_time() {
    use smsc::model::score::{progress_case, status_intervals};
    let kpi = response_time();
    let intervals = status_intervals(progress_case(&kpi, kpi.target), 0.7);
    let edges: Vec<(f64, f64, Status)> = intervals
        .iter()
        .map(|i| (i.low, i.high, i.status))
        .collect();
    assert_eq!(edges[0], (f64::NEG_INFINITY, 2.0, Status::Green));
    assert_eq!(edges[1].0, 2.0);
    assert!((edges[1].1 - 3.8).abs() < 1e-12);
    assert_eq!(edges[1].2, Status::Amber);
    assert!((edges[2].0 - 3.8).abs() < 1e-12);
    assert_eq!((edges[2].1, edges[2].2), (f64::INFINITY, Status::Red));
}
