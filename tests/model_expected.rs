#![cfg(not(target_arch = "wasm32"))]
//! The expected path, pace and forecast of a KPI (`model::expected`), with values worked out
//! by hand (the least-squares figures with python3 as a check; see docs/scoring.md).

use smsc::model::expected::{Pace, PathKind, Reach, forecast};
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn kpi(direction: Direction, baseline: f64, target: f64) -> Kpi {
    Kpi {
        direction,
        baseline: Some(baseline),
        target: Some(target),
        baseline_date: Some(d("2026-01-01")),
        target_date: Some(d("2026-12-31")),
        ..Kpi::new("kpi-1".into(), "Members".into())
    }
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

#[test]
fn the_line_runs_from_the_baseline_to_the_target() {
    let k = kpi(Direction::HigherIsBetter, 20.0, 50.0);
    // 182 of 364 days: 20 + 30 × 182 / 364 = 35.
    let e = k.expected_on(d("2026-07-02")).unwrap();
    close(e.value, 35.0);
    assert_eq!(e.kind, PathKind::Line);
    close(k.expected_on(d("2025-12-01")).unwrap().value, 20.0);
    close(k.expected_on(d("2026-12-31")).unwrap().value, 50.0);
    close(k.expected_on(d("2027-03-01")).unwrap().value, 50.0);
    // Lower is better: from 8 hours down to 2.
    let k = kpi(Direction::LowerIsBetter, 8.0, 2.0);
    close(k.expected_on(d("2026-07-02")).unwrap().value, 5.0);
}

#[test]
fn without_a_target_date_target_or_baseline_there_is_no_expected_value() {
    let mut k = kpi(Direction::HigherIsBetter, 20.0, 50.0);
    k.target_date = None;
    assert_eq!(k.expected_on(d("2026-07-02")), None);
    let mut k = kpi(Direction::HigherIsBetter, 20.0, 50.0);
    k.baseline = None;
    assert_eq!(k.expected_on(d("2026-07-02")), None);
    let mut k = kpi(Direction::WithinBand, 20.0, 50.0);
    k.band_low = Some(1.0);
    assert_eq!(k.expected_on(d("2026-07-02")), None);
}

#[test]
fn the_start_is_the_first_measurement_when_no_baseline_date_is_given() {
    let mut k = kpi(Direction::HigherIsBetter, 20.0, 50.0);
    k.baseline_date = None;
    k.measurements.push(Measurement {
        id: "m-1".into(),
        date: d("2026-07-02"),
        value: 30.0,
        ..Measurement::default()
    });
    assert_eq!(k.path_start(), Some(d("2026-07-02")));
    // 91 of 182 days from 2 July to 31 December: 20 + 30 / 2 = 35.
    close(k.expected_on(d("2026-10-01")).unwrap().value, 35.0);
}

#[test]
fn a_table_gives_the_step_that_applies_on_the_day() {
    let mut k = kpi(Direction::HigherIsBetter, 20.0, 50.0);
    k.expected_path = vec![
        ExpectedPoint {
            date: d("2026-01-01"),
            value: 25.0,
            ..ExpectedPoint::default()
        },
        ExpectedPoint {
            date: d("2026-04-01"),
            value: 30.0,
            ..ExpectedPoint::default()
        },
    ];
    let e = k.expected_on(d("2026-03-31")).unwrap();
    assert_eq!((e.value, e.kind), (25.0, PathKind::Table));
    close(k.expected_on(d("2026-04-01")).unwrap().value, 30.0);
    close(k.expected_on(d("2026-11-30")).unwrap().value, 30.0);
    assert_eq!(k.expected_on(d("2025-12-31")), None);
}

#[test]
fn pace_follows_the_direction() {
    let up = kpi(Direction::HigherIsBetter, 20.0, 50.0);
    assert_eq!(up.pace(35.0, 35.0), Some(Pace::OnTrack));
    assert_eq!(up.pace(34.9, 35.0), Some(Pace::Behind));
    let down = kpi(Direction::LowerIsBetter, 8.0, 2.0);
    assert_eq!(down.pace(4.0, 5.0), Some(Pace::OnTrack));
    assert_eq!(down.pace(6.0, 5.0), Some(Pace::Behind));
}

#[test]
fn the_forecast_is_the_least_squares_line_carried_forward() {
    // x = 0, 31, 59 days; y = 10, 12, 14. Means 30 and 12; Sxx = 900 + 1 + 841 = 1742;
    // Sxy = 60 + 0 + 58 = 118; slope = 118 / 1742 = 0.0677382… per day; at x = 0:
    // 12 − 30 × slope = 9.96785…; 20 is reached at x = 148.10…, the 90th day after
    // 1 March: 30 May 2026.
    let points = [
        (d("2026-01-01"), 10.0),
        (d("2026-02-01"), 12.0),
        (d("2026-03-01"), 14.0),
    ];
    let f = forecast(
        &points,
        Some(20.0),
        Direction::HigherIsBetter,
        Some(d("2026-06-30")),
    )
    .unwrap();
    close(f.slope, 118.0 / 1742.0);
    close(f.start_value, 12.0 - 30.0 * 118.0 / 1742.0);
    assert_eq!(f.reach, Reach::On(d("2026-05-30")));
    assert_eq!(f.in_time(Some(d("2026-06-30"))), Some(true));
    assert_eq!(f.in_time(Some(d("2026-05-29"))), Some(false));
    close(
        f.at_target_date.unwrap(),
        9.967853042479907 + 0.0677382319173364 * 180.0,
    );
}

#[test]
fn no_forecast_from_fewer_than_three_periods_and_none_towards_nothing() {
    let two = [(d("2026-01-01"), 10.0), (d("2026-02-01"), 12.0)];
    assert_eq!(
        forecast(&two, Some(20.0), Direction::HigherIsBetter, None),
        None
    );
    let three = [
        (d("2026-01-01"), 10.0),
        (d("2026-02-01"), 12.0),
        (d("2026-03-01"), 14.0),
    ];
    assert_eq!(
        forecast(&three, None, Direction::HigherIsBetter, None),
        None
    );
    assert_eq!(
        forecast(&three, Some(20.0), Direction::WithinBand, None),
        None
    );
}

#[test]
fn a_trend_away_from_the_target_never_reaches_it_and_a_reached_target_is_already_there() {
    let falling = [
        (d("2026-01-01"), 14.0),
        (d("2026-02-01"), 12.0),
        (d("2026-03-01"), 10.0),
    ];
    let f = forecast(
        &falling,
        Some(20.0),
        Direction::HigherIsBetter,
        Some(d("2026-12-31")),
    )
    .unwrap();
    assert_eq!(f.reach, Reach::Never);
    assert_eq!(f.in_time(Some(d("2026-12-31"))), Some(false));
    // Lower is better with a target of 10: the last value, 10, has reached it.
    let f = forecast(&falling, Some(10.0), Direction::LowerIsBetter, None).unwrap();
    assert_eq!(f.reach, Reach::Already);
    assert_eq!(f.in_time(None), None);
}

#[test]
fn the_trend_uses_the_last_six_periods() {
    // Six flat periods after three steep ones: the line is flat, so 20 is never reached.
    let mut points = vec![
        (d("2025-07-01"), 0.0),
        (d("2025-08-01"), 5.0),
        (d("2025-09-01"), 10.0),
    ];
    for m in [
        "2025-10-01",
        "2025-11-01",
        "2025-12-01",
        "2026-01-01",
        "2026-02-01",
        "2026-03-01",
    ] {
        points.push((d(m), 12.0));
    }
    let f = forecast(&points, Some(20.0), Direction::HigherIsBetter, None).unwrap();
    assert_eq!(f.through.len(), 6);
    close(f.slope, 0.0);
    assert_eq!(f.reach, Reach::Never);
}

// ---- the commands that set them -------------------------------------------------------

fn example() -> Scorecard {
    smsc::method::templates::example("sc-1".into(), Lang::En)
}

/// Applies `cmd`, then its inverse, and checks the scorecard is exactly as before.
fn round_trip(card: &mut Scorecard, cmd: Command) -> Scorecard {
    let before = card.clone();
    let applied = card.apply(cmd).unwrap();
    let after = card.clone();
    card.apply(applied.inverse).unwrap();
    assert_eq!(*card, before, "the inverse restores the scorecard");
    after
}

#[test]
fn target_and_baseline_dates_and_the_path_are_set_by_commands_with_exact_inverses() {
    let mut card = example();
    let set = |field| Command::UpdateKpi {
        id: "kpi-28".into(),
        field,
    };
    let after = round_trip(&mut card, set(KpiField::TargetDate(Some(d("2026-12-31")))));
    assert_eq!(
        after.kpi("kpi-28").unwrap().target_date,
        Some(d("2026-12-31"))
    );
    card.apply(set(KpiField::TargetDate(Some(d("2026-12-31")))))
        .unwrap();
    let err = card
        .apply(set(KpiField::BaselineDate(Some(d("2027-01-01")))))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("must come after the baseline date"),
        "{err}"
    );
    let steps = |pairs: &[(&str, f64)]| -> Vec<ExpectedPoint> {
        pairs
            .iter()
            .map(|(s, v)| ExpectedPoint {
                date: d(s),
                value: *v,
                ..ExpectedPoint::default()
            })
            .collect()
    };
    let after = round_trip(
        &mut card,
        set(KpiField::ExpectedPath(steps(&[
            ("2026-01-01", 20.0),
            ("2026-07-01", 25.0),
        ]))),
    );
    assert_eq!(after.kpi("kpi-28").unwrap().expected_path.len(), 2);
    let err = card
        .apply(set(KpiField::ExpectedPath(steps(&[
            ("2026-07-01", 25.0),
            ("2026-01-01", 20.0),
        ]))))
        .unwrap_err();
    assert!(err.to_string().contains("date order"), "{err}");
    let err = card
        .apply(set(KpiField::ExpectedPath(steps(&[(
            "2026-07-01",
            f64::NAN,
        )]))))
        .unwrap_err();
    assert!(err.to_string().contains("step 1"), "{err}");
}

#[test]
fn commentary_is_set_per_period_replaced_and_removed_with_exact_inverses() {
    let mut card = example();
    let comment = |period: &str, analysis: &str, action: &str| Command::SetCommentary {
        kpi: "kpi-28".into(),
        period: d(period),
        analysis: analysis.into(),
        action: action.into(),
        at: None,
    };
    card.apply(comment("2026-03-01", "Fewer posts", "Invite members"))
        .unwrap();
    let after = round_trip(&mut card, comment("2026-01-01", "A slow start", ""));
    let periods: Vec<Date> = after
        .kpi("kpi-28")
        .unwrap()
        .commentary
        .iter()
        .map(|c| c.period)
        .collect();
    assert_eq!(
        periods,
        [d("2026-01-01"), d("2026-03-01")],
        "kept in period order"
    );
    let after = round_trip(
        &mut card,
        comment("2026-03-01", "Fewer posts after the move", "Invite 40"),
    );
    let c = &after.kpi("kpi-28").unwrap().commentary[0];
    assert_eq!(
        (c.analysis.as_str(), c.action.as_str()),
        ("Fewer posts after the move", "Invite 40")
    );
    let after = round_trip(&mut card, comment("2026-03-01", " ", ""));
    assert!(
        after.kpi("kpi-28").unwrap().commentary.is_empty(),
        "both empty removes it"
    );
    assert!(card.apply(comment("2026-05-01", "", "")).is_err());
    assert!(
        Command::SetCommentary {
            kpi: "kpi-28".into(),
            period: d("2026-03-01"),
            analysis: String::new(),
            action: String::new(),
            at: None
        }
        .keeps_scores()
    );
}

#[test]
fn reviews_are_added_and_removed_with_exact_inverses() {
    let mut card = example();
    let review = Review {
        period: d("2026-03-01"),
        held_on: d("2026-04-08"),
        participants: "Marketing, Webcare".into(),
        summary: "Active members behind: invitations in April.".into(),
        ..Review::default()
    };
    let after = round_trip(
        &mut card,
        Command::AddReview {
            review: review.clone(),
            at: None,
        },
    );
    assert_eq!(after.reviews, vec![review.clone()]);
    card.apply(Command::AddReview { review, at: None }).unwrap();
    let after = round_trip(&mut card, Command::RemoveReview { index: 0 });
    assert!(after.reviews.is_empty());
    assert!(card.apply(Command::RemoveReview { index: 3 }).is_err());
}

// ---- the review's figures of the article's example ----------------------------------------

#[test]
fn the_examples_active_members_per_period_with_change_pace_and_forecast() {
    let mut card = example();
    {
        let k = card.kpi_mut("kpi-28").unwrap();
        k.baseline_date = Some(d("2026-01-01"));
        k.target_date = Some(d("2026-12-31"));
    }
    let k = card.kpi("kpi-28").unwrap();
    let f = card.kpi_figures(k, d("2026-04-10"));
    let values: Vec<(Date, f64)> = f.periods.iter().map(|p| (p.date, p.value)).collect();
    assert_eq!(
        values,
        [
            (d("2026-01-31"), 18.0),
            (d("2026-02-28"), 22.0),
            (d("2026-03-31"), 24.0)
        ]
    );
    assert_eq!(f.current.unwrap().value, 24.0);
    assert_eq!(f.previous.unwrap().value, 22.0);
    assert_eq!(f.change, Some(2.0));
    // Expected on 31 March: 15 + 15 × 89 / 364 = 18.667; 24 is on track.
    close(f.expected.unwrap().value, 15.0 + 15.0 * 89.0 / 364.0);
    assert_eq!(f.pace, Some(Pace::OnTrack));
    // x = 0, 28, 59; y = 18, 22, 24: x̄ = 29, ȳ = 21.333; Sxx = 841 + 1 + 900 = 1742;
    // Sxy = (−29)(−3.333) + (−1)(0.667) + (30)(2.667) = 96.667 − 0.667 + 80 = 176;
    // slope = 176 / 1742; 30 is reached 114.78 days after 31 January: on day 115, 56 days
    // after 31 March = 26 May 2026, before 31 December.
    let fc = f.forecast.unwrap();
    close(fc.slope, 176.0 / 1742.0);
    assert_eq!(fc.reach, Reach::On(d("2026-05-26")));
    assert_eq!(fc.in_time(k.target_date), Some(true));
    // As of 15 March only January and February count: no forecast from two periods.
    let f = card.kpi_figures(k, d("2026-03-15"));
    assert_eq!(f.periods.len(), 2);
    assert_eq!(f.forecast, None);
}

#[test]
fn a_calculated_kpi_counts_the_periods_that_are_over() {
    let card = example();
    let (_, k) = card
        .kpis()
        .find(|(_, k)| k.formula.is_some())
        .expect("the example has a calculated KPI");
    // Hand-worked in docs/formulas.md: January 1,754 / 53,450, February 2,185 / 56,460,
    // March 3,201 / 71,740 (× 100). On 10 April April is not over: three periods.
    let f = card.kpi_figures(k, d("2026-04-10"));
    let values: Vec<f64> = f.periods.iter().map(|p| p.value).collect();
    assert_eq!(values.len(), 3, "{values:?}");
    close(values[0], 1754.0 / 53450.0 * 100.0);
    close(values[2], 3201.0 / 71740.0 * 100.0);
    assert_eq!(f.periods[2].date, d("2026-03-31"));
    close(
        f.change.unwrap(),
        3201.0 / 71740.0 * 100.0 - 2185.0 / 56460.0 * 100.0,
    );
}

#[test]
fn no_previous_period_when_the_one_before_has_no_value() {
    let mut card = example();
    let k = card.kpi_mut("kpi-28").unwrap();
    k.measurements.retain(|m| m.date != d("2026-02-28"));
    let k = card.kpi("kpi-28").unwrap();
    let f = card.kpi_figures(k, d("2026-04-10"));
    assert_eq!(f.current.unwrap().value, 24.0);
    assert_eq!(f.previous, None);
    assert_eq!(f.change, None);
}
