//! Browser tests (wasm-bindgen-test in headless Chromium) of review mode
//! (`src/ui/views/review`) on the article's example as of 10 April 2026: the March agenda in
//! its order (red kpi-1, kpi-4, kpi-7, kpi-13, kpi-28, amber kpi-32, grey kpi-10, then on
//! request the green kpi-18 and kpi-21; by hand in tests/review_agenda.rs), commentary
//! typed in a step lands on the KPI's period of March, recording adds the review to the
//! scorecard and Undo takes it back; an empty scorecard says there is nothing to review.

use crate::support::{find, get, mount, settle, text};
use leptos::prelude::*;
use smsc::model::{Date, Lang, Scorecard};
use smsc::ui::{AppState, View};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

/// Types `value` into the input or textarea `selector` (an `input` event, then `blur`).
fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    let el = get(root, selector);
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
    let input = web_sys::Event::new("input").expect("an event");
    el.dispatch_event(&input).expect("dispatched");
    let blur = web_sys::Event::new("blur").expect("an event");
    el.dispatch_event(&blur).expect("dispatched");
}

fn step_kpi(host: &web_sys::Element) -> String {
    get(host, "[data-testid=review-step]")
        .get_attribute("data-kpi")
        .unwrap_or_default()
}

fn mount_review(doc: Scorecard) -> (AppState, web_sys::HtmlElement) {
    let state = AppState::new(doc, Lang::En, d("2026-04-10"));
    state.view.set(View::Review);
    let (host, handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    std::mem::forget(handle);
    (state, host)
}

#[wasm_bindgen_test]
async fn the_march_agenda_in_order_commentary_and_the_review_recorded_and_undone() {
    let doc = smsc::method::templates::example("sc-review".into(), Lang::En);
    let (state, host) = mount_review(doc);
    settle().await;
    let select = get(&host, "[data-testid=review-period]");
    assert_eq!(
        select
            .dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|s| s.value()),
        Some("2026-03-01".to_string()),
        "the last complete month before 10 April"
    );
    assert_eq!(text(&host, "[data-testid=review-count-red] strong"), "5");
    assert_eq!(text(&host, "[data-testid=review-count-amber] strong"), "1");
    assert_eq!(text(&host, "[data-testid=review-count-grey] strong"), "1");
    assert!(find(&host, "[data-testid=review-since]").is_none());

    get(&host, "[data-testid=review-start-button]").click();
    settle().await;
    assert_eq!(step_kpi(&host), "kpi-1");
    assert_eq!(text(&host, "[data-testid=review-progress]"), "1 of 7");
    // kpi-1 is quarterly: March's commentary belongs to Q1 (1 January).
    type_into(
        &host,
        "[data-testid=review-analysis-input]",
        "Renewals fell.",
    );
    settle().await;
    let commentary = state.doc.with_untracked(|d| {
        d.kpi("kpi-1")
            .map(|k| k.commentary.clone())
            .unwrap_or_default()
    });
    assert_eq!(commentary.len(), 1);
    assert_eq!(commentary[0].period, d("2026-01-01"));
    assert_eq!(commentary[0].analysis, "Renewals fell.");

    let mut seen = vec![step_kpi(&host)];
    for _ in 0..6 {
        get(&host, "[data-testid=review-next]").click();
        settle().await;
        seen.push(step_kpi(&host));
    }
    assert_eq!(
        seen,
        [
            "kpi-1", "kpi-4", "kpi-7", "kpi-13", "kpi-28", "kpi-32", "kpi-10"
        ]
    );
    assert_eq!(
        get(&host, "[data-testid=review-step-status]")
            .get_attribute("data-status")
            .as_deref(),
        Some("grey")
    );
    get(&host, "[data-testid=review-show-rest]").click();
    settle().await;
    assert_eq!(step_kpi(&host), "kpi-18");
    assert_eq!(text(&host, "[data-testid=review-progress]"), "8 of 9");
    get(&host, "[data-testid=review-next]").click();
    settle().await;
    assert_eq!(step_kpi(&host), "kpi-21");
    get(&host, "[data-testid=review-next]").click();
    settle().await;

    type_into(&host, "[data-testid=review-participants]", "Anna, Bas");
    type_into(&host, "[data-testid=review-summary]", "Renewals need work.");
    get(&host, "[data-testid=review-record]").click();
    settle().await;
    assert!(find(&host, "[data-testid=review-recorded]").is_some());
    let reviews = state.doc.with_untracked(|d| d.reviews.clone());
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].period, d("2026-03-01"));
    assert_eq!(reviews[0].participants, "Anna, Bas");
    assert_eq!(reviews[0].summary, "Renewals need work.");
    assert_eq!(
        text(&host, "[data-testid=review-list-line]"),
        "March 2026 — held on ".to_string()
            + &smsc::i18n::dates::long_date(reviews[0].held_on, Lang::En)
    );

    // Undo takes the recorded review back; the commentary stays.
    state.undo();
    settle().await;
    assert!(state.doc.with_untracked(|d| d.reviews.is_empty()));
    assert!(find(&host, "[data-testid=review-list]").is_none());
    assert!(
        state
            .doc
            .with_untracked(|d| d.kpi("kpi-1").is_some_and(|k| k.commentary.len() == 1))
    );

    // A second Undo takes the commentary back (typing into one field is one step).
    state.undo();
    settle().await;
    assert!(
        state
            .doc
            .with_untracked(|d| d.kpi("kpi-1").is_some_and(|k| k.commentary.is_empty()))
    );

    // "Open the one-page report" goes to the report view.
    get(&host, "[data-testid=review-open-report]").click();
    settle().await;
    assert_eq!(state.view.get_untracked(), View::Report);
}

#[wasm_bindgen_test]
async fn an_empty_scorecard_has_nothing_to_review() {
    let (state, host) = mount_review(Scorecard::new_blank("sc-empty".into(), Lang::En));
    settle().await;
    let empty = text(&host, "[data-testid=review-empty]");
    assert!(empty.contains("Nothing to review yet"), "{empty}");
    assert!(find(&host, "[data-testid=review-start]").is_none());
    get(&host, "[data-testid=review-go-scorecard]").click();
    settle().await;
    assert_eq!(state.view.get_untracked(), View::Scorecard);
    state.lang.set(Lang::Nl);
    state.view.set(View::Review);
    settle().await;
    assert!(text(&host, "[data-testid=review-empty]").contains("Nog niets te bespreken"));
}

/// A recorded review removed from the start screen's list, with Undo offered; Undo puts it
/// back. With a review of February recorded, March opens with "since the last review".
#[wasm_bindgen_test]
async fn a_recorded_review_removed_and_put_back() {
    let mut doc = smsc::method::templates::example("sc-review-list".into(), Lang::En);
    doc.reviews.push(smsc::model::Review {
        period: d("2026-02-01"),
        held_on: d("2026-03-10"),
        participants: "Anna".into(),
        summary: "Watch the response time.".into(),
        ..Default::default()
    });
    let (state, host) = mount_review(doc);
    settle().await;
    let since = text(&host, "[data-testid=review-since] h3");
    assert_eq!(
        since,
        "Since the last review (February 2026, held on 10 March 2026)"
    );
    // February → March: kpi-21 (response time) amber → on target, among others.
    assert!(
        text(&host, "[data-testid=review-since]")
            .contains("Response time of product management: at risk → on target")
    );
    assert_eq!(
        text(&host, "[data-testid=review-list-line]"),
        "February 2026 — held on 10 March 2026"
    );
    get(&host, "[data-testid=review-remove]").click();
    settle().await;
    assert!(state.doc.with_untracked(|d| d.reviews.is_empty()));
    assert!(find(&host, "[data-testid=review-list]").is_none());
    assert!(find(&host, "[data-testid=review-since]").is_none());
    let notice = state.notice.get_untracked().expect("a notice");
    assert!(
        notice.undo && notice.text.contains("February 2026"),
        "{}",
        notice.text
    );
    state.undo();
    settle().await;
    assert_eq!(state.doc.with_untracked(|d| d.reviews.len()), 1);
    assert!(find(&host, "[data-testid=review-since]").is_some());
}
