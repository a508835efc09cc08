#![cfg(not(target_arch = "wasm32"))]
//! The one-page report's content model (`smsc::method::report`): the article's example as
//! made in the library on 10 April 2026, reported for March 2026, with every figure worked
//! out by hand from docs/scoring.md; small hand-built cards for the cases around it (no data,
//! commentary, open and overdue actions, a pace sentence, the review's summary, Dutch, the
//! page's KPI cap); and the command `examples/report.rs`.

use smsc::method::example_dates::example_on;
use smsc::method::report::{PAGE_KPI_LIMIT, Report, default_period, words};
use smsc::model::period_scores::month_of;
use smsc::model::{
    Action, ActionStatus, Commentary, Date, ExpectedPoint, FactorKind, Kpi, Lang, Measurement,
    Review, Scorecard, Status, SubObjective,
};

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn march() -> smsc::model::Period {
    month_of(d("2026-03-01"))
}

/// The article's example as the library makes it on 10 April 2026, reported for March.
fn example_report(lang: Lang) -> Report {
    let today = d("2026-04-10");
    let card = example_on("example".into(), lang, today);
    Report::build(&card, march(), today, lang)
}

#[test]
fn the_example_in_march_2026_scores_as_worked_out_by_hand() {
    let r = example_report(Lang::En);
    assert_eq!(r.title, "Community scorecard 2026");
    assert_eq!(r.organisation, "Food-supplements company (example)");
    assert_eq!(r.period, "2026-03");
    assert_eq!(r.period_label, "March 2026");
    assert_eq!(r.previous_label, "February 2026");
    assert_eq!(r.as_of, d("2026-03-31"));
    assert_eq!(r.made_on_label, "Made on 10 April 2026");
    assert!(r.has_data);

    // As of 31 March: customers 35/80 = 0.4375 (kpi-13: (55 − 20) / (100 − 20)); financial 1
    // (98 % inside 95–105 %); organisation 1 (2 hours, the target); community
    // (0.6 + e) / 2 with kpi-28 (24 − 15) / 15 = 0.6 and the engagement rate
    // e = (3201 / 71740 × 100 − 3) / (5 − 3) = 0.73097; overall the mean of the four.
    let e_march = (3201.0 / 71740.0 * 100.0 - 3.0) / 2.0;
    let community = (0.6 + e_march) / 2.0;
    let overall = (0.4375 + 1.0 + 1.0 + community) / 4.0; // 0.77575
    // As of 28 February: customers 21/80 = 0.2625 (41); financial grey (its first quarter
    // is measured on 31 March); organisation (8 − 3.5) / (8 − 2) = 0.75; community
    // ((22 − 15) / 15 + (2185 / 56460 × 100 − 3) / 2) / 2; overall the mean of the three
    // that count.
    let e_feb = (2185.0 / 56460.0 * 100.0 - 3.0) / 2.0;
    let community_feb = (7.0 / 15.0 + e_feb) / 2.0;
    let overall_feb = (0.2625 + 0.75 + community_feb) / 3.0; // 0.48778
    assert!(close(r.overall.score, overall), "{:?}", r.overall);
    assert_eq!(r.overall.status, Status::Amber);
    assert_eq!(r.overall.label, "Overall");
    assert_eq!(r.overall.score_text, "77.6 %");
    assert_eq!(r.overall.status_word, "At risk");
    assert!(close(r.overall.change, overall - overall_feb));
    // 0.77575 − 0.48778 = 0.28797: 28.8 points up.
    assert_eq!(r.overall.change_text, "▲ +28.8 points");

    let f: Vec<_> = r.factors.iter().collect();
    assert_eq!(f.len(), 4);
    assert_eq!(f[0].factor, Some(FactorKind::Customers));
    assert!(close(f[0].score, 0.4375) && f[0].status == Status::Red);
    assert_eq!(f[0].score_text, "43.8 %");
    assert_eq!(f[0].change_text, "▲ +17.5 points"); // 0.4375 − 0.2625
    assert!(close(f[1].score, 1.0) && f[1].status == Status::Green);
    assert_eq!(f[1].change, None, "financial had no score in February");
    assert_eq!(f[1].change_text, "no earlier score");
    assert_eq!(f[2].change_text, "▲ +25 points"); // 1 − 0.75
    assert_eq!(f[3].label, "Community");
    assert!(close(f[3].score, community) && f[3].status == Status::Red);
    // 0.66549 − 0.45083 = 0.21465: 21.5 points.
    assert_eq!(f[3].change_text, "▲ +21.5 points");
}

#[test]
fn the_example_lists_its_red_then_amber_kpis_of_march() {
    let r = example_report(Lang::En);
    // Red as of 31 March: the objectives' KPIs kpi-1 (46 %: 6/20 = 0.3), kpi-4 (2.4: 0.9/1.5
    // = 0.6), kpi-7 (52 %: 17/35 = 0.486), then kpi-13 (0.4375) and kpi-28 (0.6); amber: the
    // engagement rate kpi-32 (0.731). Green kpi-18 and kpi-21 and grey kpi-10 are left out.
    let ids: Vec<&str> = r.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(
        ids,
        ["kpi-1", "kpi-4", "kpi-7", "kpi-13", "kpi-28", "kpi-32"]
    );
    let kpi = |id: &str| r.kpis.iter().find(|k| k.id == id).expect(id);

    let active = kpi("kpi-28");
    assert_eq!(active.status, Status::Red);
    assert_eq!(active.status_word, "Off target");
    assert_eq!(active.value_text, "24 % (March 2026)");
    assert_eq!(active.target_text, "30 %");
    assert_eq!(active.context, "Community — Grow an active community");
    // 24 − 22 = 2 against February.
    assert_eq!(
        active.change_text.as_deref(),
        Some("▲ +2 % against February 2026")
    );
    assert_eq!(active.pace_text, None, "the example has no target dates");
    assert_eq!(active.commentary, None);
    assert_eq!(
        active.no_commentary_text,
        "No commentary for March 2026 yet."
    );
    assert!(
        active.actions.is_empty(),
        "Grow an active community has no actions"
    );

    // A quarterly objective KPI: its period is the first quarter, it has one value only.
    let retained = kpi("kpi-1");
    assert_eq!(retained.period_label, "Q1 2026");
    assert_eq!(retained.value_text, "46 % (Q1 2026)");
    assert_eq!(retained.change_text, None);
    assert_eq!(retained.context, "Strategic objective — Loyalty");

    // The engagement rate: 3201 / 71740 × 100 = 4.46 % in March, 2185 / 56460 × 100 = 3.87 %
    // in February: 0.59 up.
    let rate = kpi("kpi-32");
    assert_eq!(rate.status, Status::Amber);
    assert_eq!(rate.value_text, "4.46 % (March 2026)");
    assert_eq!(
        rate.change_text.as_deref(),
        Some("▲ +0.59 % against February 2026")
    );
    assert_eq!(r.review, None);
    // Six KPIs fit the page exactly.
    assert_eq!(PAGE_KPI_LIMIT, 6);
    assert_eq!(r.page_kpis().0.len(), 6);
    assert_eq!(r.page_kpis().1, 0);
}

#[test]
fn the_chart_runs_from_the_first_value_to_the_months_end() {
    let r = example_report(Lang::En);
    // The first values are dated 31 January (the monthly KPIs and the engagement rate's
    // January): one sample per month end up to 31 March.
    assert_eq!(
        r.history.dates,
        [d("2026-01-31"), d("2026-02-28"), d("2026-03-31")]
    );
    let overall = r.history.series.last().expect("the overall line");
    assert_eq!(overall.factor, None);
    assert!(close(
        overall.values[2],
        r.overall.score.unwrap_or(f64::NAN)
    ));
    assert!(close(
        overall.values[1],
        r.overall.score.unwrap_or(0.0) - r.overall.change.unwrap_or(0.0)
    ));
}

#[test]
fn the_example_as_text_and_json() {
    let r = example_report(Lang::En);
    let text = r.to_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Community scorecard 2026 — Food-supplements company (example)"
    );
    assert_eq!(
        lines[1],
        "One-page report: March 2026 (Made on 10 April 2026)"
    );
    assert!(text.contains("Scores at the end of March 2026, against February 2026\n"));
    assert!(text.contains("Overall: 77.6 % — At risk (▲ +28.8 points)\n"));
    assert!(text.contains("Financial: 100 % — On target (no earlier score)\n"));
    assert!(text.contains(
        "✕ Active members (posted or replied in the last 30 days) — Off target\n\
         Community — Grow an active community\n\
         Value: 24 % (March 2026); Target: 30 %\n\
         ▲ +2 % against February 2026\n\
         No commentary for March 2026 yet.\n"
    ));
    assert!(text.contains("! Engagement rate of community posts — At risk\n"));
    assert!(text.ends_with("No review of March 2026 recorded yet.\n"));
    // One paragraph per KPI: six KPIs, five blank lines between them.
    let kpi_part = text
        .split("KPIs off target or at risk\n")
        .nth(1)
        .and_then(|rest| rest.split("\nReview of March 2026").next())
        .expect("the KPI part");
    assert_eq!(kpi_part.matches("\n\n").count(), 5, "{kpi_part}");

    let json = serde_json::to_value(&r).expect("JSON");
    assert_eq!(json["period"], "2026-03");
    assert_eq!(json["overall"]["status"], "amber");
    assert_eq!(json["kpis"][4]["id"], "kpi-28");
    assert_eq!(json["history"]["dates"][2], "2026-03-31");
    assert_eq!(json["history"]["series"][4]["label"], "Overall");
    assert_eq!(json["review"], serde_json::Value::Null);
}

fn measurement(date: &str, value: f64) -> Measurement {
    Measurement {
        date: d(date),
        value,
        ..Measurement::default()
    }
}

fn kpi(id: &str, name: &str, unit: &str, baseline: f64, target: f64) -> Kpi {
    Kpi {
        unit: unit.into(),
        baseline: Some(baseline),
        target: Some(target),
        ..Kpi::new(id.into(), name.into())
    }
}

/// A webcare scorecard: in the customers factor one sub-objective with three monthly KPIs.
/// As of 31 March: followers (40 − 0) / 100 = 0.4 red, reply rate (80 − 50) / (90 − 50) =
/// 0.75 amber, tickets closed 10 of 10 = 1 green; the sub-objective, the factor and the
/// whole card (0.4 + 0.75 + 1) / 3 = 0.71667, amber. As of 28 February only the followers
/// count (30: 0.3), so the change is 0.71667 − 0.3 = 0.41667: 41.7 points.
fn webcare(lang: Lang) -> Scorecard {
    let mut card = Scorecard::new_blank("webcare".into(), lang);
    card.title = "Webcare 2026".into();
    card.organisation = "Acme".into();
    let mut followers = kpi("kpi-1", "Followers", "", 0.0, 100.0);
    followers.measurements = vec![
        measurement("2026-01-31", 20.0),
        measurement("2026-02-28", 30.0),
        measurement("2026-03-31", 40.0),
    ];
    let mut replies = kpi("kpi-2", "Reply rate", "%", 50.0, 90.0);
    replies.measurements = vec![measurement("2026-03-31", 80.0)];
    let mut tickets = kpi("kpi-3", "Tickets closed", "", 0.0, 10.0);
    tickets.measurements = vec![measurement("2026-03-31", 10.0)];
    let mut sub = SubObjective::new("so-1".into(), "Answer faster".into());
    sub.kpis = vec![replies, followers, tickets];
    let action = |id: &str, title: &str, owner: &str, due: Option<&str>, status| Action {
        owner: owner.into(),
        due: due.map(d),
        status,
        ..Action::new(id.into(), title.into())
    };
    sub.actions = vec![
        action(
            "act-1",
            "Post daily",
            "Sam",
            Some("2026-03-15"),
            ActionStatus::InProgress,
        ),
        action(
            "act-2",
            "Set up the inbox",
            "Kim",
            Some("2026-02-01"),
            ActionStatus::Done,
        ),
        action(
            "act-3",
            "Hire an editor",
            "",
            None,
            ActionStatus::NotStarted,
        ),
        action(
            "act-4",
            "Weekly digest",
            "Kim",
            Some("2026-05-01"),
            ActionStatus::Blocked,
        ),
    ];
    card.factor_mut(FactorKind::Customers).sub_objectives = vec![sub];
    card
}

#[test]
fn a_hand_built_card_with_commentary_actions_and_a_review() {
    let mut card = webcare(Lang::En);
    let followers = card.kpi_mut("kpi-1").expect("kpi-1");
    followers.commentary = vec![
        Commentary {
            period: d("2026-02-01"),
            analysis: "February's note".into(),
            ..Commentary::default()
        },
        Commentary {
            period: d("2026-03-01"),
            analysis: "Fewer posts in March: holidays.".into(),
            action: "Schedule posts ahead.".into(),
            ..Commentary::default()
        },
    ];
    // Expected 50 from 1 March on: 40 is behind.
    followers.expected_path = vec![ExpectedPoint {
        date: d("2026-03-01"),
        value: 50.0,
        ..ExpectedPoint::default()
    }];
    card.reviews = vec![
        Review {
            period: d("2026-02-01"),
            held_on: d("2026-03-05"),
            summary: "February's review".into(),
            ..Review::default()
        },
        Review {
            period: d("2026-03-01"),
            held_on: d("2026-04-08"),
            participants: "Sam, Kim".into(),
            summary: "Growth is behind; a posting plan is agreed.".into(),
            ..Review::default()
        },
    ];
    let r = Report::build(&card, march(), d("2026-04-10"), Lang::En);
    assert!(close(r.overall.score, 2.15 / 3.0));
    assert_eq!(r.overall.status, Status::Amber);
    assert_eq!(r.overall.change_text, "▲ +41.7 points");
    // Red before amber, though the reply rate comes first in the card; green left out.
    let ids: Vec<&str> = r.kpis.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["kpi-1", "kpi-2"]);
    let followers = &r.kpis[0];
    let commentary = followers.commentary.as_ref().expect("March's commentary");
    assert_eq!(commentary.analysis, "Fewer posts in March: holidays.");
    assert_eq!(commentary.action, "Schedule posts ahead.");
    assert_eq!(
        followers.pace_text.as_deref(),
        Some(
            "March 2026: 40 — 50 expected by 31 March 2026 (from the expected path per period): behind."
        )
    );
    // The open actions: not the done one; "Post daily" was due 15 March, before the
    // report's day (10 April): overdue; the blocked one is due in May.
    let titles: Vec<(&str, bool)> = followers
        .actions
        .iter()
        .map(|a| (a.title.as_str(), a.overdue))
        .collect();
    assert_eq!(
        titles,
        [
            ("Post daily", true),
            ("Hire an editor", false),
            ("Weekly digest", false)
        ]
    );
    assert_eq!(followers.actions[0].due_text, "due 15 March 2026");
    assert_eq!(followers.actions[0].status_word, "In progress");
    assert_eq!(r.kpis[1].value_text, "80 % (March 2026)");
    assert_eq!(r.kpis[1].change_text, None, "no February value");

    let review = r.review.as_ref().expect("March's review");
    assert_eq!(
        review.summary,
        "Growth is behind; a posting plan is agreed."
    );
    assert_eq!(review.participants, "Sam, Kim");
    assert_eq!(review.held_on_label, "Held on 8 April 2026");

    let text = r.to_text();
    assert!(text.contains(
        "Analysis: Fewer posts in March: holidays.\nWhat we do: Schedule posts ahead.\n"
    ));
    assert!(text.contains(
        "Open actions:\n- Post daily (Sam, due 15 March 2026, In progress, OVERDUE)\n\
         - Hire an editor (Not started)\n"
    ));
    assert!(text.ends_with(
        "Review of March 2026\n====================\n\
         Held on 8 April 2026 — Participants: Sam, Kim\n\
         Summary: Growth is behind; a posting plan is agreed.\n"
    ));
    assert!(!text.contains("February's"), "only March's notes: {text}");
}

#[test]
fn the_report_in_dutch() {
    let mut card = webcare(Lang::Nl);
    card.kpi_mut("kpi-1").expect("kpi-1").commentary = vec![Commentary {
        period: d("2026-03-01"),
        analysis: "Minder berichten door de vakantie.".into(),
        action: "Berichten vooruit plannen.".into(),
        ..Commentary::default()
    }];
    let r = Report::build(&card, march(), d("2026-04-10"), Lang::Nl);
    assert_eq!(r.period_label, "maart 2026");
    assert_eq!(r.overall.label, "Totaal");
    assert_eq!(r.overall.score_text, "71,7 %");
    assert_eq!(r.overall.change_text, "▲ +41,7 punten");
    assert_eq!(r.factors[0].label, "Klanten");
    assert_eq!(r.factors[1].score_text, "Geen data");
    let text = r.to_text();
    for part in [
        "Rapport op één pagina: maart 2026 (Gemaakt op 10 april 2026)\n",
        "Scores eind maart 2026, ten opzichte van februari 2026\n",
        "Totaal: 71,7 % — Risico (▲ +41,7 punten)\n",
        "KPI's uit koers of met risico\n",
        "✕ Followers — Uit koers\n",
        "Analyse: Minder berichten door de vakantie.\nWat we doen: Berichten vooruit plannen.\n",
        "Openstaande acties:\n- Post daily (Sam, deadline 15 maart 2026, Bezig, TE LAAT)\n",
        "! Reply rate — Risico\n",
        "Nog geen commentaar voor maart 2026.\n",
        "Nog geen review van maart 2026 vastgelegd.\n",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

#[test]
fn a_card_without_data_says_so() {
    let mut card = Scorecard::new_blank("empty".into(), Lang::En);
    let mut sub = SubObjective::new("so-1".into(), "Grow".into());
    sub.kpis = vec![kpi("kpi-1", "Followers", "", 0.0, 100.0)];
    card.factor_mut(FactorKind::Customers).sub_objectives = vec![sub];
    let r = Report::build(&card, march(), d("2026-04-10"), Lang::En);
    assert!(!r.has_data);
    assert!(r.history.dates.is_empty());
    assert!(r.kpis.is_empty());
    assert_eq!(r.overall.score, None);
    assert_eq!(r.overall.score_text, "No data");
    assert_eq!(r.overall.change_text, "no earlier score");
    let text = r.to_text();
    assert!(text.contains(
        "No KPI has a value up to 31 March 2026 yet: enter measurements and this report fills itself.\n"
    ));
    assert!(text.contains("Overall: No data (no earlier score)\n"));
    assert!(text.contains("No KPI is off target or at risk at the end of March 2026.\n"));
    assert!(text.ends_with("No review of March 2026 recorded yet.\n"));
}

#[test]
fn the_page_lists_six_kpis_and_counts_the_rest() {
    let mut card = Scorecard::new_blank("many".into(), Lang::En);
    let mut sub = SubObjective::new("so-1".into(), "Grow".into());
    // Eight KPIs at 10 of 100: all red.
    sub.kpis = (1..=8)
        .map(|i| {
            let mut k = kpi(&format!("kpi-{i}"), &format!("KPI {i}"), "", 0.0, 100.0);
            k.measurements = vec![measurement("2026-03-31", 10.0)];
            k
        })
        .collect();
    card.factor_mut(FactorKind::Customers).sub_objectives = vec![sub];
    let r = Report::build(&card, march(), d("2026-04-10"), Lang::En);
    assert_eq!(r.kpis.len(), 8);
    let (shown, more) = r.page_kpis();
    assert_eq!(shown.len(), 6);
    assert_eq!(shown[5].id, "kpi-6");
    assert_eq!(more, 2);
    assert_eq!(
        words::more_kpis(more, Lang::En),
        "and 2 more KPIs — see the app"
    );
    assert_eq!(words::more_kpis(1, Lang::Nl), "en nog 1 KPI — zie de app");
    // The e-mail text lists all eight.
    assert_eq!(r.to_text().matches("✕ KPI ").count(), 8);
}

#[test]
fn the_report_opens_on_the_last_month_or_a_review_just_held() {
    let mut card = webcare(Lang::En);
    let today = d("2026-04-10");
    assert_eq!(default_period(&card, today), march());
    card.reviews = vec![Review {
        period: d("2026-02-01"),
        held_on: today,
        ..Review::default()
    }];
    assert_eq!(default_period(&card, today), month_of(d("2026-02-01")));
    // A review held on another day does not move it.
    assert_eq!(default_period(&card, d("2026-04-11")), march());
    // In January the last complete month is December of the year before.
    assert_eq!(
        default_period(&Scorecard::default(), d("2026-01-05")),
        month_of(d("2025-12-01"))
    );
}

#[test]
fn changes_in_points() {
    assert_eq!(words::points_change(0.05, Lang::En), "▲ +5 points");
    assert_eq!(words::points_change(-0.0312, Lang::Nl), "▼ −3,1 punten");
    assert_eq!(words::points_change(0.01, Lang::En), "▲ +1 point");
    assert_eq!(words::points_change(0.0004, Lang::En), "= 0 points");
}

/// The command `examples/report.rs`, called as `main` calls it.
#[path = "../examples/report.rs"]
#[allow(dead_code)]
mod command;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

const EXAMPLE_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/example-en.scorecard.json"
);

#[test]
fn the_command_prints_the_report_as_json_or_text() {
    let json = command::run(args(&[
        EXAMPLE_FILE,
        "--period",
        "2026-03",
        "--today",
        "2026-04-10",
    ]))
    .expect("the report");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["period"], "2026-03");
    assert_eq!(json["made_on"], "2026-04-10");
    assert_eq!(json["overall"]["change_text"], "▲ +28.8 points");
    assert_eq!(json["kpis"].as_array().map(Vec::len), Some(6));
    // Without --period: the last month that is over on the day given.
    let json = command::run(args(&[EXAMPLE_FILE, "--today", "2026-03-10"])).expect("report");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["period"], "2026-02");
    let text = command::run(args(&[
        EXAMPLE_FILE,
        "--period",
        "2026-03",
        "--lang",
        "nl",
        "--text",
        "--today",
        "2026-04-10",
    ]))
    .expect("the text");
    assert!(text.starts_with("Community scorecard 2026 — Food-supplements company (example)\nRapport op één pagina: maart 2026 (Gemaakt op 10 april 2026)\n"), "{text}");
    assert!(
        text.ends_with("Nog geen review van maart 2026 vastgelegd."),
        "{text}"
    );
}

#[test]
fn the_command_refuses_bad_arguments_with_a_clear_message() {
    let err = |list: &[&str]| command::run(args(list)).expect_err("refused");
    assert!(err(&[]).starts_with("usage: cargo run --example report -- FILE"));
    assert_eq!(
        err(&[EXAMPLE_FILE, "--period", "March"]),
        "--period March: not a month (write YYYY-MM, e.g. 2026-03)"
    );
    assert_eq!(
        err(&[EXAMPLE_FILE, "--period", "2026-13"]),
        "--period 2026-13: not a month (write YYYY-MM, e.g. 2026-03)"
    );
    assert_eq!(
        err(&[EXAMPLE_FILE, "--lang", "de"]),
        "--lang de: write en or nl"
    );
    assert!(err(&[EXAMPLE_FILE, "--period"]).starts_with("--period needs a month\n"));
    assert!(err(&[EXAMPLE_FILE, "--colour"]).starts_with("unexpected argument: --colour\n"));
    let missing = err(&["/nonexistent/card.json"]);
    assert!(missing.starts_with("/nonexistent/card.json: "), "{missing}");
    let dir = std::env::temp_dir().join("smsc-report-test-not-a-scorecard.json");
    std::fs::write(&dir, "{\"hello\": 1}").expect("write a file");
    let path = dir.to_string_lossy().to_string();
    let bad = err(&[&path]);
    assert!(
        bad.starts_with(&format!("{path}: ")) && bad.len() > path.len() + 2,
        "{bad}"
    );
    let _ = std::fs::remove_file(&dir);
}

#[test]
fn the_page_lists_three_open_actions_per_kpi_overdue_first() {
    let mut card = webcare(Lang::En);
    let at = card.locate_sub_objective("so-1").expect("so-1");
    let sub = &mut card.factor_mut(at.factor).sub_objectives[at.index];
    // Two more open actions, both overdue on 10 April: five open in all.
    for (id, title) in [("act-5", "Late one"), ("act-6", "Late two")] {
        sub.actions.push(Action {
            due: Some(d("2026-04-01")),
            ..Action::new(id.into(), title.into())
        });
    }
    let r = Report::build(&card, march(), d("2026-04-10"), Lang::En);
    let followers = &r.kpis[0];
    assert_eq!(followers.actions.len(), 5, "every open action in the model");
    let (shown, more) = followers.page_actions();
    // Overdue first (Post daily, Late one, Late two), each group in the list's order.
    let titles: Vec<&str> = shown.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Post daily", "Late one", "Late two"]);
    assert_eq!(more, 2);
    assert_eq!(words::more_actions(more, Lang::En), "and 2 more actions");
    assert_eq!(words::more_actions(1, Lang::Nl), "en nog 1 actie");
    // The e-mail text lists all five.
    assert_eq!(
        r.to_text().matches("\n- ").count(),
        5 * 2,
        "five per KPI, two KPIs"
    );
}

#[test]
fn a_review_held_on_a_day_names_its_month() {
    let mut card = webcare(Lang::En);
    assert_eq!(
        smsc::method::report::review_held_on(&card, d("2026-04-10")),
        None
    );
    card.reviews = vec![
        Review {
            period: d("2026-02-01"),
            held_on: d("2026-04-10"),
            ..Review::default()
        },
        Review {
            period: d("2026-03-01"),
            held_on: d("2026-04-10"),
            ..Review::default()
        },
    ];
    // Two on one day: the one recorded last.
    assert_eq!(
        smsc::method::report::review_held_on(&card, d("2026-04-10")),
        Some(march())
    );
}
