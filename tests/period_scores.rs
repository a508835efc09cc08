#![cfg(not(target_arch = "wasm32"))]
//! The dashboard's change of the overall and factor scores since the end of last month
//! (`Scorecard::change_since_month_end`, docs/scoring.md section 7), worked out by hand on
//! the article's example (`method::templates::example`: measurements dated 31 January,
//! 28 February and 31 March 2026; the calculated engagement rate from daily series,
//! January–March), and its words in both languages.

use smsc::i18n::score_change_words::score_change_text;
use smsc::method::templates;
use smsc::model::period_scores::{ScoreChange, previous_month_end};
use smsc::model::{Date, FactorKind, Lang, Score, Scorecard, Status};

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

fn example() -> Scorecard {
    templates::example("sc".into(), Lang::En)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

/// The engagement rate's score for a month: (rate − 3) / (5 − 3), the rate being the month's
/// interactions ÷ reach × 100 (sums in docs/scoring.md section 6).
fn engagement(interactions: f64, reach: f64) -> f64 {
    (interactions / reach * 100.0 - 3.0) / 2.0
}

#[test]
fn the_month_before_ends_on_its_last_day() {
    assert_eq!(previous_month_end(d("2026-04-10")), d("2026-03-31"));
    assert_eq!(previous_month_end(d("2026-04-01")), d("2026-03-31"));
    assert_eq!(previous_month_end(d("2026-04-30")), d("2026-03-31"));
    assert_eq!(previous_month_end(d("2026-03-31")), d("2026-02-28"));
    assert_eq!(previous_month_end(d("2024-03-15")), d("2024-02-29"));
    assert_eq!(previous_month_end(d("2026-01-05")), d("2025-12-31"));
}

#[test]
fn on_10_april_nothing_moved_since_31_march() {
    // Every measurement is dated 31 March at the latest and the engagement rate's scored
    // period on both days is March (April is not over on the 10th): the same scores.
    // Overall (customers 35/80 + financial 1 + organisation 1 + medium) / 4, medium
    // (9/15 + e) / 2 with e March's engagement score (as in tests/scores_report.rs).
    let e = engagement(3201.0, 71740.0);
    let overall = (0.4375 + 1.0 + 1.0 + (0.6 + e) / 2.0) / 4.0;
    let change = example().change_since_month_end(d("2026-04-10"));
    assert_eq!(change.since, d("2026-03-31"));
    assert!(close(change.overall.score.value, overall), "{change:?}");
    assert!(close(change.overall.previous.value, overall), "{change:?}");
    assert_eq!(change.overall.points(), Some(0.0));
    for kind in FactorKind::ALL {
        assert_eq!(
            change.factor(kind).and_then(|c| c.points()),
            Some(0.0),
            "{kind:?}"
        );
    }
    assert_eq!(
        score_change_text(0.0, change.since, Lang::En),
        "= no change since 31 March 2026"
    );
}

#[test]
fn on_31_march_against_28_february() {
    // As of 28 February 2026:
    // - customers: 41 recommending members, baseline 20, target 100: 21 / 80 = 0.2625;
    // - financial: the budget's only figure is dated 31 March: no score, left out;
    // - organisation: 3.5 hours, baseline 8, target 2 (lower is better): 4.5 / 6 = 0.75;
    // - medium: active members 22 %, baseline 15, target 30: 7 / 15, and February's
    //   engagement rate 2,185 / 56,460: (7/15 + e_feb) / 2;
    // overall: the three factors with a score, equally weighted.
    // As of 31 March 2026 (March is over that day): customers 35 / 80 = 0.4375, financial 1
    // (98 % in 95–105 %), organisation 1 (2 hours), medium (9/15 + e_mar) / 2.
    let (e_feb, e_mar) = (engagement(2185.0, 56460.0), engagement(3201.0, 71740.0));
    let medium_feb = (7.0 / 15.0 + e_feb) / 2.0;
    let medium_mar = (0.6 + e_mar) / 2.0;
    let before = (0.2625 + 0.75 + medium_feb) / 3.0;
    let now = (0.4375 + 1.0 + 1.0 + medium_mar) / 4.0;
    let change = example().change_since_month_end(d("2026-03-31"));
    assert_eq!(change.since, d("2026-02-28"));
    assert!(close(change.overall.previous.value, before), "{change:?}");
    assert!(close(change.overall.score.value, now), "{change:?}");
    assert!(close(change.overall.change, now - before));
    // now ≈ 0.77575, before ≈ 0.48778: +28.8 points.
    assert_eq!(change.overall.points(), Some(28.8));
    assert_eq!(
        score_change_text(28.8, change.since, Lang::En),
        "▲ +28.8 points since 28 February 2026"
    );
    assert_eq!(
        score_change_text(28.8, change.since, Lang::Nl),
        "▲ +28,8 punten sinds 28 februari 2026"
    );
    let points = |kind| change.factor(kind).and_then(ScoreChange::points);
    // customers 0.4375 − 0.2625 = +17.5; organisation 1 − 0.75 = +25; medium ≈ 0.66549 −
    // 0.45083 = +21.5; financial had no score on 28 February: no change to tell.
    assert_eq!(points(FactorKind::Customers), Some(17.5));
    assert_eq!(points(FactorKind::Organisation), Some(25.0));
    assert!(close(
        change.factor(FactorKind::Medium).and_then(|c| c.change),
        medium_mar - medium_feb
    ));
    assert_eq!(points(FactorKind::Medium), Some(21.5));
    assert_eq!(points(FactorKind::Financial), None);
}

#[test]
fn points_round_to_one_decimal_and_read_in_both_languages() {
    let score = |v: f64| Score {
        value: Some(v),
        status: Status::Amber,
    };
    assert_eq!(
        ScoreChange::between(score(0.80), score(0.75)).points(),
        Some(5.0)
    );
    assert_eq!(
        ScoreChange::between(score(0.5), score(0.5004)).points(),
        Some(0.0)
    );
    assert_eq!(
        ScoreChange::between(score(0.5), score(0.534)).points(),
        Some(-3.4)
    );
    assert_eq!(ScoreChange::between(score(0.5), Score::GREY).points(), None);
    let since = d("2026-03-31");
    assert_eq!(
        score_change_text(5.0, since, Lang::En),
        "▲ +5 points since 31 March 2026"
    );
    assert_eq!(
        score_change_text(-3.4, since, Lang::En),
        "▼ −3.4 points since 31 March 2026"
    );
    assert_eq!(
        score_change_text(-3.4, since, Lang::Nl),
        "▼ −3,4 punten sinds 31 maart 2026"
    );
    assert_eq!(
        score_change_text(1.0, since, Lang::En),
        "▲ +1 point since 31 March 2026"
    );
    assert_eq!(
        score_change_text(-1.0, since, Lang::Nl),
        "▼ −1 punt sinds 31 maart 2026"
    );
    assert_eq!(
        score_change_text(0.0, since, Lang::Nl),
        "= geen verandering sinds 31 maart 2026"
    );
}
