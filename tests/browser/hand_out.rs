//! Browser tests (wasm-bindgen-test in headless Chromium) of handing out to workshop groups:
//! the dialog with the default groups makes three download buttons, raises the revision and
//! keeps the base (read back by `kept_base`); an empty name shows the problem and disables
//! Hand out; read-only and projector mode disable the button with a reason; and a group's
//! copy shows its banner and marks exactly its assigned quadrants and the strategy band.

use crate::support::{all, find, get, mount, wait_for};
use leptos::prelude::*;
use smsc::library::layout::base_key;
use smsc::method::templates;
use smsc::model::{Date, FactorKind, Group, Lang, Scorecard};
use smsc::ui::session::hand_out::kept_base;
use smsc::ui::{AppState, View};
use smsc::web::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

fn button(root: &web_sys::Element, selector: &str) -> web_sys::HtmlButtonElement {
    get(root, selector).unchecked_into()
}

fn type_into(input: &web_sys::HtmlElement, value: &str) {
    let input: &web_sys::HtmlInputElement = input.unchecked_ref();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("an event"))
        .expect("dispatch input");
}

fn open(card: Scorecard, lang: Lang, view: View) -> (AppState, web_sys::HtmlElement, impl Sized) {
    let as_of = Date::from_ymd(2026, 4, 30).expect("a date");
    let state = AppState::new(card, lang, as_of);
    state.go(view);
    let (host, handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    (state, host, handle)
}

#[wasm_bindgen_test]
async fn the_default_groups_make_three_files_raise_the_revision_and_keep_the_base() {
    let card = templates::example("sc-ho-a".into(), Lang::En);
    let before = card.lineage.revision;
    let lineage = card.lineage.id.clone();
    let (state, host, _handle) = open(card, Lang::En, View::Workshop);
    button(&host, "[data-testid=handout-open]").click();
    let dialog = wait_for(&host, "[data-testid=handout-dialog]").await;
    assert_eq!(all(&dialog, "[data-testid=handout-group]").len(), 3);
    let name: web_sys::HtmlInputElement =
        get(&dialog, "[data-testid=handout-name-1]").unchecked_into();
    assert_eq!(name.value(), "Group 2");
    let checked = |sel: &str| -> bool {
        get(&dialog, sel)
            .unchecked_into::<web_sys::HtmlInputElement>()
            .checked()
    };
    assert!(checked("[data-testid=handout-factor-0-customers]"));
    assert!(checked("[data-testid=handout-factor-0-financial]"));
    assert!(!checked("[data-testid=handout-factor-0-medium]"));
    assert!(checked("[data-testid=handout-factor-1-organisation]"));
    assert!(checked("[data-testid=handout-factor-2-medium]"));
    assert!(!checked("[data-testid=handout-map-2]"));
    // The scorecard's own factor labels.
    let label = state
        .doc
        .with_untracked(|d| d.factor(FactorKind::Medium).label.clone());
    let row = get(&dialog, "[data-testid=handout-group]:nth-child(3)");
    assert!(text(&row).contains(&label), "{}", text(&row));
    assert_eq!(text(&get(&dialog, "[data-testid=handout-problem]")), "");

    let make = button(&dialog, "[data-testid=handout-make]");
    assert!(!make.disabled());
    make.click();
    let files = wait_for(&host, "[data-testid=handout-files]").await;
    let downloads = all(&files, "[data-testid^=handout-download-]");
    assert_eq!(downloads.len(), 3);
    for (i, b) in downloads.iter().enumerate() {
        assert_eq!(
            b.get_attribute("data-testid").as_deref(),
            Some(format!("handout-download-{i}").as_str())
        );
        let t = text(b);
        assert!(t.contains(&format!("Group {}", i + 1)), "{t}");
        assert!(t.contains(&format!("-group-{}-", i + 1)), "{t}");
        assert!(t.contains(".scorecard.json"), "{t}");
    }
    assert!(find(&host, "[data-testid=handout-download-all]").is_some());
    assert!(find(&host, "[data-testid=handout-base-not-kept]").is_none());

    // The revision rose, outside the undo history; the base is kept and reads back.
    let after = state.doc.with_untracked(|d| d.lineage.revision);
    assert_eq!(after, before + 1);
    assert!(!state.history.with_untracked(|h| h.can_undo()));
    let base = kept_base(&lineage, after).expect("the base is kept");
    assert_eq!(state.doc.with_untracked(Clone::clone), base);
    assert!(kept_base(&lineage, after + 1).is_none());
    storage::remove(&base_key(&lineage, after)).expect("clean up");

    button(&host, "[data-testid=handout-close]").click();
    leptos::task::tick().await;
    assert!(find(&host, "[data-testid=handout-dialog]").is_none());
}

#[wasm_bindgen_test]
async fn an_empty_name_shows_the_problem_and_disables_hand_out() {
    let card = templates::example("sc-ho-b".into(), Lang::Nl);
    let (state, host, _handle) = open(card, Lang::Nl, View::Workshop);
    button(&host, "[data-testid=handout-open]").click();
    let dialog = wait_for(&host, "[data-testid=handout-dialog]").await;
    let name: web_sys::HtmlInputElement =
        get(&dialog, "[data-testid=handout-name-0]").unchecked_into();
    assert_eq!(name.value(), "Groep 1");

    type_into(&get(&dialog, "[data-testid=handout-name-1]"), "  ");
    leptos::task::tick().await;
    let problem = text(&get(&dialog, "[data-testid=handout-problem]"));
    assert_eq!(problem, "Rij 2: geef de groep een naam.");
    assert!(button(&dialog, "[data-testid=handout-make]").disabled());
    assert_eq!(
        get(&dialog, "[data-testid=handout-name-1]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    // Named again: the problem goes; a group with nothing to work on is the next one.
    type_into(&get(&dialog, "[data-testid=handout-name-1]"), "Marketing");
    leptos::task::tick().await;
    assert_eq!(text(&get(&dialog, "[data-testid=handout-problem]")), "");
    assert!(!button(&dialog, "[data-testid=handout-make]").disabled());
    get(&dialog, "[data-testid=handout-factor-2-medium]").click();
    leptos::task::tick().await;
    let problem = text(&get(&dialog, "[data-testid=handout-problem]"));
    assert!(problem.contains("Groep 3"), "{problem}");
    assert!(button(&dialog, "[data-testid=handout-make]").disabled());
    get(&dialog, "[data-testid=handout-map-2]").click();
    leptos::task::tick().await;
    assert!(!button(&dialog, "[data-testid=handout-make]").disabled());

    // Add and remove: the rows renumber.
    button(&dialog, "[data-testid=handout-add]").click();
    leptos::task::tick().await;
    assert_eq!(all(&dialog, "[data-testid=handout-group]").len(), 4);
    assert!(
        button(&dialog, "[data-testid=handout-make]").disabled(),
        "the new group has nothing yet"
    );
    button(&dialog, "[data-testid=handout-remove-0]").click();
    leptos::task::tick().await;
    assert_eq!(all(&dialog, "[data-testid=handout-group]").len(), 3);
    let first: web_sys::HtmlInputElement =
        get(&dialog, "[data-testid=handout-name-0]").unchecked_into();
    assert_eq!(first.value(), "Marketing");

    // Cancel changes nothing.
    let revision = state.doc.with_untracked(|d| d.lineage.revision);
    button(&dialog, "[data-testid=handout-cancel]").click();
    leptos::task::tick().await;
    assert!(find(&host, "[data-testid=handout-dialog]").is_none());
    assert_eq!(state.doc.with_untracked(|d| d.lineage.revision), revision);
}

#[wasm_bindgen_test]
async fn read_only_and_projector_mode_disable_the_button_with_a_reason() {
    let card = templates::example("sc-ho-c".into(), Lang::En);
    let (state, host, _handle) = open(card, Lang::En, View::Workshop);
    assert!(!button(&host, "[data-testid=handout-open]").disabled());
    assert!(find(&host, "[data-testid=handout-unavailable]").is_none());
    state.read_only.set(true);
    leptos::task::tick().await;
    assert!(button(&host, "[data-testid=handout-open]").disabled());
    let why = text(&get(&host, "[data-testid=handout-unavailable]"));
    assert!(why.contains("read-only"), "{why}");
    state.read_only.set(false);
    state.projector.set(true);
    leptos::task::tick().await;
    assert!(button(&host, "[data-testid=handout-open]").disabled());
    let why = text(&get(&host, "[data-testid=handout-unavailable]"));
    assert!(why.contains("Projector"), "{why}");
    state.projector.set(false);
}

#[wasm_bindgen_test]
async fn a_groups_copy_shows_its_banner_and_marks_exactly_its_parts() {
    let mut card = templates::example("sc-ho-d".into(), Lang::En);
    card.lineage.based_on = Some(1);
    card.lineage.group = Some(Group {
        name: "Group 2".into(),
        factors: vec![FactorKind::Organisation],
        ..Group::default()
    });
    let organisation = card.factor(FactorKind::Organisation).label.clone();
    let (state, host, _handle) = open(card, Lang::En, View::Scorecard);
    let banner = wait_for(&host, "[data-testid=group-banner]").await;
    let t = text(&banner);
    assert!(
        t.contains(&format!("You are Group 2 — working on {organisation}.")),
        "{t}"
    );
    assert!(t.contains("return this file to the facilitator"), "{t}");
    let assigned: Vec<String> = all(&host, "[data-assigned=true]")
        .iter()
        .filter_map(|e| e.get_attribute("data-testid"))
        .collect();
    assert_eq!(assigned, ["quadrant-organisation"]);
    assert!(
        get(&host, "[data-testid=quadrant-organisation]")
            .class_list()
            .contains("assigned")
    );
    // Nothing is hidden or locked.
    assert_eq!(all(&host, "[data-testid^=quadrant-]").len(), 4);
    assert!(
        !button(
            &host,
            "[data-testid=quadrant-medium] [data-testid=add-sub-objective]"
        )
        .disabled()
    );

    // With the strategy map and two factors, in Dutch.
    state.lang.set(Lang::Nl);
    state.update_doc(|d| {
        d.lineage.group = Some(Group {
            name: "Groep 1".into(),
            factors: vec![FactorKind::Customers, FactorKind::Financial],
            strategy_map: true,
            ..Group::default()
        });
    });
    leptos::task::tick().await;
    let mut assigned: Vec<String> = all(&host, "[data-assigned=true]")
        .iter()
        .filter_map(|e| e.get_attribute("data-testid"))
        .collect();
    assigned.sort();
    assert_eq!(
        assigned,
        ["quadrant-customers", "quadrant-financial", "strategy-band"]
    );
    let t = text(&get(&host, "[data-testid=group-banner]"));
    assert!(
        t.starts_with("Jullie zijn Groep 1 — jullie werken aan de strategiekaart"),
        "{t}"
    );

    // Not a group's copy: no banner, nothing marked.
    state.update_doc(|d| d.lineage.group = None);
    leptos::task::tick().await;
    assert!(find(&host, "[data-testid=group-banner]").is_none());
    assert!(all(&host, "[data-assigned]").is_empty());
}
