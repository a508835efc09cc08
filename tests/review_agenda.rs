#![cfg(not(target_arch = "wasm32"))]
//! Review mode's agenda and "since the last review" (`method::review_agenda`,
//! docs/review.md): the article's example as made on 10 April 2026, worked out by hand, and
//! small hand-built scorecards for the since-last-review cases; and the sentences of
//! `i18n::review_mode_words`.

use smsc::i18n::review_mode_words::{
    action_text, attention_text, counts_text, progress_text, show_rest_text, since_heading,
    status_change_text, target_change_text,
};
use smsc::method::review_agenda::{
    AgendaItem, last_review_before, review_agenda, review_months, since_last_review,
};
use smsc::method::templates;
use smsc::model::*;

/// The `review` example itself (`cargo run --example review`), its `run` called directly.
#[allow(dead_code)]
#[path = "../examples/review.rs"]
mod review_example;

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

fn example() -> Scorecard {
    templates::example("sc".into(), Lang::En)
}

fn ids(items: &[AgendaItem]) -> Vec<&str> {
    items.iter().map(|i| i.kpi.as_str()).collect()
}

fn review(period: &str, held_on: &str) -> Review {
    Review {
        period: d(period),
        held_on: d(held_on),
        participants: "Anna, Bas".into(),
        summary: "Agreed.".into(),
        ..Review::default()
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

/// March 2026 of the example, scores as of 31 March. By hand (amber from 70 %):
/// objectives' KPIs first in the scorecard: kpi-1 active after 12 months (46 − 40) / (60 − 40)
/// = 0.3 red; kpi-4 posts per member (2.4 − 1.5) / (3 − 1.5) = 0.6 red; kpi-7 complete
/// profiles 0.486 red; kpi-10 satisfaction no measurement, grey. Then the factors' KPIs:
/// kpi-13 recommending (55 − 20) / (100 − 20) = 0.4375 red; kpi-18 budget 98 inside 95–105,
/// green; kpi-21 response time 2 hours (target 2, lower is better) green; kpi-28 active
/// members (24 − 15) / (30 − 15) = 0.6 red; kpi-32 engagement rate 0.731 amber.
#[test]
fn march_2026_of_the_example_red_then_amber_then_grey_then_the_rest() {
    let agenda = review_agenda(&example(), d("2026-03-14"));
    assert_eq!(agenda.period, d("2026-03-01"));
    assert_eq!(agenda.as_of, d("2026-03-31"));
    assert!(agenda.has_data);
    assert_eq!(
        ids(&agenda.attention),
        [
            "kpi-1", "kpi-4", "kpi-7", "kpi-13", "kpi-28", "kpi-32", "kpi-10"
        ]
    );
    assert_eq!(ids(&agenda.rest), ["kpi-18", "kpi-21"]);
    assert_eq!(agenda.count(Status::Red), 5);
    assert_eq!(agenda.count(Status::Amber), 1);
    assert_eq!(agenda.count(Status::Grey), 1);
    assert_eq!(agenda.count(Status::Green), 2);
    assert!(close(agenda.attention[0].score, 0.3));
    assert!(close(agenda.attention[3].score, 0.4375));
    assert_eq!(agenda.attention[3].sub_objective.as_deref(), Some("so-12"));
    // A KPI under a strategic objective has no sub-objective (and so no actions).
    assert_eq!(agenda.attention[0].sub_objective, None);
    assert_eq!(agenda.attention[6].score, None);
}

/// February 2026, as of 28 February: kpi-13 (41 − 20) / 80 = 0.2625 red, kpi-21 6 → 3.5
/// hours: 0.75 amber, kpi-28 (22 − 15) / (30 − 15) = 0.467 red (target 30 from 1 February).
#[test]
fn february_2026_scores_are_taken_on_its_last_day() {
    let agenda = review_agenda(&example(), d("2026-02-01"));
    assert_eq!(agenda.as_of, d("2026-02-28"));
    assert_eq!(
        ids(&agenda.attention),
        [
            "kpi-13", "kpi-28", "kpi-32", "kpi-21", "kpi-1", "kpi-4", "kpi-7", "kpi-10", "kpi-18"
        ]
    );
    assert!(agenda.rest.is_empty());
    assert!(close(agenda.attention[0].score, 0.2625));
    assert_eq!(agenda.attention[3].status, Status::Amber);
}

/// A month without a measurement still has an agenda (the latest values count), but says
/// it has no data of its own.
#[test]
fn a_month_without_figures_says_so() {
    let agenda = review_agenda(&example(), d("2026-04-01"));
    assert!(!agenda.has_data);
    assert_eq!(agenda.as_of, d("2026-04-30"));
    let empty = review_agenda(&Scorecard::new_blank("e".into(), Lang::En), d("2026-03-01"));
    assert!(empty.attention.is_empty() && empty.rest.is_empty() && !empty.has_data);
}

/// The months offered: from the month of the first figure (the example's measurements and
/// daily series start in January 2026) up to today's month, newest first; without figures
/// the given number of months up to today's.
#[test]
fn the_months_offered_run_from_the_first_figure_to_today() {
    let months = review_months(&example(), d("2026-04-10"), 24);
    let starts: Vec<Date> = months.iter().map(|m| m.start).collect();
    assert_eq!(
        starts,
        [
            d("2026-04-01"),
            d("2026-03-01"),
            d("2026-02-01"),
            d("2026-01-01")
        ]
    );
    let blank = review_months(
        &Scorecard::new_blank("e".into(), Lang::En),
        d("2026-04-10"),
        6,
    );
    assert_eq!(blank.len(), 6);
    assert_eq!(blank[5].start, d("2025-11-01"));
}

/// Status changes of the example between the review of February and March: kpi-1, kpi-4 and
/// kpi-7 grey → red (first measured on 31 March), kpi-18 grey → green, kpi-21 amber → green,
/// kpi-32 red → amber; kpi-13 and kpi-28 stay red, kpi-10 stays grey.
#[test]
fn since_the_review_of_february_the_statuses_that_moved() {
    let mut card = example();
    assert!(since_last_review(&card, d("2026-03-01"), d("2026-04-10")).is_none());
    card.reviews.push(review("2026-02-01", "2026-03-10"));
    let since = since_last_review(&card, d("2026-03-01"), d("2026-04-10")).expect("a review");
    assert_eq!(since.index, 0);
    assert_eq!(since.review_period, d("2026-02-01"));
    let moved: Vec<(&str, Status, Status)> = since
        .status_changes
        .iter()
        .map(|c| (c.kpi.as_str(), c.from, c.to))
        .collect();
    assert_eq!(
        moved,
        [
            ("kpi-1", Status::Grey, Status::Red),
            ("kpi-4", Status::Grey, Status::Red),
            ("kpi-7", Status::Grey, Status::Red),
            ("kpi-18", Status::Grey, Status::Green),
            ("kpi-21", Status::Amber, Status::Green),
            ("kpi-32", Status::Red, Status::Amber),
        ]
    );
    // kpi-28's target change is dated 1 February, before the review of 10 March; both
    // actions are done but were due (27 February, 31 January) before it.
    assert!(since.target_changes.is_empty());
    assert!(since.actions_done.is_empty() && since.actions_overdue.is_empty());
}

/// The last review is the latest earlier month; of two reviews of one month the one held
/// later; reviews of this month or later ones do not count.
#[test]
fn the_last_review_is_the_latest_of_an_earlier_month() {
    let mut card = Scorecard::new_blank("sc".into(), Lang::En);
    card.reviews = vec![
        review("2026-02-01", "2026-03-12"),
        review("2026-01-01", "2026-02-10"),
        review("2026-02-01", "2026-03-05"),
        review("2026-03-01", "2026-04-08"),
        review("2026-04-01", "2026-05-08"),
    ];
    let (index, last) = last_review_before(&card, d("2026-03-01")).expect("one");
    assert_eq!((index, last.held_on), (0, d("2026-03-12")));
    let (index, _) = last_review_before(&card, d("2026-02-15")).expect("one");
    assert_eq!(index, 1);
    assert!(last_review_before(&card, d("2026-01-01")).is_none());
}

/// A scorecard with one sub-objective, one KPI and the actions and target changes of the
/// cases below, reviewed for February on 12 March 2026.
fn small_card() -> Scorecard {
    let mut card = Scorecard::new_blank("sc".into(), Lang::En);
    let mut so = SubObjective::new("so-1".into(), "Quick answers".into());
    let mut kpi = Kpi::new("kpi-2".into(), "Reply time".into());
    kpi.unit = "hours".into();
    let change = |date: &str, old: f64, new: f64| TargetChange {
        date: d(date),
        old: Some(old),
        new: Some(new),
        reason: "Agreed".into(),
        ..TargetChange::default()
    };
    kpi.target_history = vec![
        change("2026-03-01", 8.0, 6.0),
        change("2026-03-20", 6.0, 4.0),
        change("2026-04-05", 4.0, 3.0),
        change("2026-05-01", 3.0, 2.0),
    ];
    so.kpis.push(kpi);
    let action = |id: &str, due: Option<&str>, status: ActionStatus| Action {
        id: id.into(),
        title: format!("Action {id}"),
        due: due.map(d),
        status,
        ..Action::default()
    };
    so.actions = vec![
        action("a-1", Some("2026-03-20"), ActionStatus::Done),
        action("a-2", Some("2026-03-01"), ActionStatus::Done),
        action("a-3", None, ActionStatus::Done),
        action("a-4", Some("2026-03-25"), ActionStatus::InProgress),
        action("a-5", Some("2026-04-15"), ActionStatus::NotStarted),
        action("a-6", Some("2026-03-31"), ActionStatus::Blocked),
        action("a-7", Some("2026-04-05"), ActionStatus::NotStarted),
    ];
    card.factors.customers.sub_objectives.push(so);
    card.reviews.push(review("2026-02-01", "2026-03-12"));
    card
}

/// Reviewing March on 10 April, after the review held on 12 March:
/// - targets: 1 March is before that review, 20 March and 5 April are after it and by
///   10 April (the later of today and 31 March), 1 May is after today;
/// - done: a-1 (due 20 March, after 12 March); a-2 was due before that review; a-3 has no
///   due date;
/// - overdue (not done, due before 1 April): a-4 (25 March), a-6 (blocked, 31 March); a-5
///   and a-7 are due in April.
#[test]
fn targets_changed_and_actions_done_or_overdue_since_the_last_review() {
    let since = since_last_review(&small_card(), d("2026-03-01"), d("2026-04-10")).expect("one");
    let dates: Vec<Date> = since.target_changes.iter().map(|t| t.change.date).collect();
    assert_eq!(dates, [d("2026-03-20"), d("2026-04-05")]);
    assert_eq!(since.target_changes[0].change.new, Some(4.0));
    assert_eq!(since.target_changes[0].unit, "hours");
    let done: Vec<&str> = since.actions_done.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(done, ["a-1"]);
    assert_eq!(since.actions_done[0].sub_objective_title, "Quick answers");
    let overdue: Vec<&str> = since
        .actions_overdue
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(overdue, ["a-4", "a-6"]);
    assert!(!since.is_quiet());
}

/// Reviewing April while it runs (on 10 April): overdue means due before today, so a-7
/// (5 April) is overdue too and a-5 (15 April) is not yet; the target change of 1 May is
/// still ahead.
#[test]
fn reviewing_the_running_month_counts_overdue_up_to_today() {
    let since = since_last_review(&small_card(), d("2026-04-01"), d("2026-04-10")).expect("one");
    let overdue: Vec<&str> = since
        .actions_overdue
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(overdue, ["a-4", "a-6", "a-7"]);
    assert_eq!(since.target_changes.len(), 2);
    // Reviewing April on 2 May (after the month): changes up to 2 May, 1 May included.
    let later = since_last_review(&small_card(), d("2026-04-01"), d("2026-05-02")).expect("one");
    assert_eq!(later.target_changes.len(), 3);
    let overdue: Vec<&str> = later
        .actions_overdue
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(overdue, ["a-4", "a-5", "a-6", "a-7"]);
}

/// The agenda and since-last-review as the `review` example prints them: statuses as words,
/// dates as `YYYY-MM-DD`.
#[test]
fn as_json() {
    let agenda = review_agenda(&example(), d("2026-03-01"));
    let json = serde_json::to_value(&agenda).expect("JSON");
    assert_eq!(json["period"], "2026-03-01");
    assert_eq!(json["as_of"], "2026-03-31");
    assert_eq!(json["attention"][0]["kpi"], "kpi-1");
    assert_eq!(json["attention"][0]["status"], "red");
    assert_eq!(json["rest"][1]["status"], "green");
    let since = since_last_review(&small_card(), d("2026-03-01"), d("2026-04-10")).expect("one");
    let json = serde_json::to_value(&since).expect("JSON");
    assert_eq!(json["review_held_on"], "2026-03-12");
    assert_eq!(json["target_changes"][0]["date"], "2026-03-20");
    assert_eq!(json["actions_overdue"][1]["status"], "blocked");
}

#[test]
fn the_sentences_in_both_languages() {
    assert_eq!(
        counts_text(5, 1, 1, Lang::En),
        "5 off target, 1 at risk, 1 without data"
    );
    assert_eq!(
        counts_text(5, 1, 1, Lang::Nl),
        "5 uit koers, 1 met risico, 1 zonder data"
    );
    assert_eq!(attention_text(7, Lang::En), "7 KPIs need attention.");
    assert_eq!(attention_text(1, Lang::Nl), "1 KPI vraagt aandacht.");
    assert_eq!(progress_text(3, 7, Lang::En), "3 of 7");
    assert_eq!(progress_text(3, 7, Lang::Nl), "3 van 7");
    assert_eq!(
        show_rest_text(2, Lang::Nl),
        "Ook de 2 KPI's op koers bespreken"
    );
    assert_eq!(
        since_heading(d("2026-03-01"), d("2026-04-10"), Lang::En),
        "Since the last review (March 2026, held on 10 April 2026)"
    );
    assert_eq!(
        status_change_text("Reach", Status::Amber, Status::Red, Lang::En),
        "Reach: at risk → off target"
    );
    assert_eq!(
        target_change_text(
            "Reply time",
            "hours",
            Some(6.0),
            Some(4.0),
            d("2026-03-20"),
            "Agreed",
            Lang::Nl
        ),
        "Reply time: streefwaarde 6 hours → 4 hours vanaf 20 maart 2026 (Agreed)"
    );
    assert_eq!(
        action_text("Launch the FAQ", "Sanne", Some(d("2026-04-15")), Lang::En),
        "Launch the FAQ (Sanne) — due 15 April 2026"
    );
}

fn run(args: &[&str]) -> Result<String, String> {
    review_example::run(args.iter().map(|a| a.to_string()).collect())
}

const EXAMPLE_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/example-en.scorecard.json"
);

/// `cargo run --example review -- FILE --period 2026-03 --as-of 2026-04-10`: the March agenda
/// as above, no earlier review; without `--period` the month before the as-of date.
#[test]
fn the_review_command() {
    let out = run(&[EXAMPLE_FILE, "--period", "2026-03", "--as-of", "2026-04-10"]).expect("JSON");
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["as_of"], "2026-04-10");
    assert_eq!(json["agenda"]["period"], "2026-03-01");
    let attention: Vec<&str> = json["agenda"]["attention"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|i| i["kpi"].as_str())
        .collect();
    assert_eq!(
        attention,
        [
            "kpi-1", "kpi-4", "kpi-7", "kpi-13", "kpi-28", "kpi-32", "kpi-10"
        ]
    );
    assert!(json["since_last_review"].is_null());
    let out = run(&[EXAMPLE_FILE, "--as-of", "2026-03-05"]).expect("JSON");
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["agenda"]["period"], "2026-02-01");
}

#[test]
fn the_review_command_refuses_bad_arguments_clearly() {
    let usage = run(&[]).expect_err("no file");
    assert!(
        usage.starts_with("usage: cargo run --example review"),
        "{usage}"
    );
    let month = run(&[EXAMPLE_FILE, "--period", "2026-13"]).expect_err("no such month");
    assert_eq!(
        month,
        "--period 2026-13: not a month (write YYYY-MM, e.g. 2026-03)"
    );
    let day = run(&[EXAMPLE_FILE, "--as-of", "10-04-2026"]).expect_err("not a date");
    assert!(day.starts_with("--as-of 10-04-2026:"), "{day}");
    let missing = run(&["/nonexistent/card.json"]).expect_err("no file");
    assert!(missing.starts_with("/nonexistent/card.json: "), "{missing}");
    let extra = run(&[EXAMPLE_FILE, "--colour"]).expect_err("unknown flag");
    assert!(
        extra.starts_with("unexpected argument: --colour"),
        "{extra}"
    );
}
