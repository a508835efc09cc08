//! Browser tests (wasm-bindgen-test in headless Chromium) of changing a KPI's target in its
//! panel: nothing happens while typing; leaving the field (or Enter) asks "correction or new
//! target?"; cancel puts the field back; a new target needs a reason, is recorded from the
//! first day of the current period and listed in the target history (newest first, numbers
//! in the interface language); a correction adds no row; each is one undo step; a KPI
//! without target and values just gets it; a read-only scorecard refuses at the field.

use leptos::prelude::*;
use smsc::method::templates;
use smsc::model::{Date, KpiParent, Lang, Scorecard};
use smsc::ui::{AppState, Selection};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use crate::support::{mount, settle};

/// Lets the reactive system and the page catch up: effects, then a frame.
fn find(root: &web_sys::Element, testid: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-testid={testid}]"))
        .expect("a valid selector")
}

fn get(root: &web_sys::Element, testid: &str) -> web_sys::Element {
    find(root, testid).unwrap_or_else(|| panic!("no {testid}"))
}

fn all_texts(root: &web_sys::Element, testid: &str) -> Vec<String> {
    let list = root
        .query_selector_all(&format!("[data-testid={testid}]"))
        .expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

fn event(target: &web_sys::Element, name: &str, bubbles: bool) {
    let event = document().create_event("Event").expect("an event");
    event.init_event_with_bubbles_and_cancelable(name, bubbles, true);
    target.dispatch_event(&event).expect("dispatch");
}

/// Types `value` into a text input or text area: the value, then a bubbling `input` event.
fn type_into(el: &web_sys::Element, value: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else {
        el.set_text_content(None);
        js_sys::Reflect::set(el, &"value".into(), &value.into()).expect("set the value");
    }
    event(el, "input", true);
}

/// Presses Enter in `el` (a bubbling `keydown` with `key: "Enter"`).
fn press_enter(el: &web_sys::Element) {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &"Enter".into()).expect("key");
    js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).expect("bubbles");
    let ctor: js_sys::Function = js_sys::Reflect::get(&window(), &"KeyboardEvent".into())
        .expect("KeyboardEvent")
        .unchecked_into();
    let args = js_sys::Array::of2(&"keydown".into(), &init);
    let ev: web_sys::Event = js_sys::Reflect::construct(&ctor, &args)
        .expect("a keyboard event")
        .unchecked_into();
    el.dispatch_event(&ev).expect("dispatch keydown");
}

fn click(root: &web_sys::Element, testid: &str) {
    get(root, testid)
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn field_value(root: &web_sys::Element, testid: &str) -> String {
    get(root, testid)
        .unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn as_of() -> Date {
    Date::from_ymd(2026, 4, 10).expect("a date")
}

/// The example and the id of its response-time KPI (hours, baseline 8, target 2, monthly,
/// measured to 31 March, no target changes).
fn example(lang: Lang) -> (Scorecard, String) {
    let card = templates::example("sc-target".into(), lang);
    let id = card
        .kpis()
        .find(|(_, k)| k.baseline == Some(8.0) && k.target == Some(2.0))
        .map(|(_, k)| k.id.clone())
        .expect("the response-time KPI");
    (card, id)
}

fn target_of(state: AppState, id: &str) -> (Option<f64>, usize) {
    state.doc.with_untracked(|d| {
        d.kpi(id)
            .map(|k| (k.target, k.target_history.len()))
            .unwrap_or_default()
    })
}

#[wasm_bindgen_test]
async fn a_new_target_asks_needs_a_reason_is_listed_and_undone_in_one_step() {
    let (card, id) = example(Lang::En);
    let state = AppState::new(card, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    state.selection.set(Some(Selection::Kpi(id.clone())));
    settle().await;
    assert_eq!(field_value(&host, "kpi-target-input"), "2");
    assert!(
        find(&host, "target-history-none").is_some(),
        "no changes yet: one quiet line"
    );
    assert!(find(&host, "target-history-row").is_none());

    // Typing changes nothing and asks nothing.
    let input = get(&host, "kpi-target-input");
    type_into(&input, "1.5");
    settle().await;
    assert!(find(&host, "target-change-dialog").is_none());
    assert_eq!(target_of(state, &id), (Some(2.0), 0));

    // Leaving the field asks; cancel puts the field back.
    event(&input, "blur", false);
    settle().await;
    let dialog = get(&host, "target-change-dialog");
    assert_eq!(text(&get(&dialog, "target-change-old")), "2 hours");
    assert_eq!(text(&get(&dialog, "target-change-new-value")), "1.5 hours");
    click(&host, "target-change-cancel");
    settle().await;
    assert!(find(&host, "target-change-dialog").is_none());
    assert_eq!(field_value(&host, "kpi-target-input"), "2");
    assert_eq!(target_of(state, &id), (Some(2.0), 0));

    // Enter asks too. A new target: dated the first of the month, a reason required.
    let input = get(&host, "kpi-target-input");
    type_into(&input, "1.5");
    press_enter(&input);
    settle().await;
    assert!(
        find(&host, "target-change-date").is_none(),
        "no date before the choice"
    );
    click(&host, "target-change-new");
    settle().await;
    assert_eq!(field_value(&host, "target-change-date"), "2026-04-01");
    assert!(text(&get(&host, "target-change-date-hint")).contains("the first day of April 2026"));
    click(&host, "target-change-apply");
    settle().await;
    assert!(text(&get(&host, "target-change-error")).contains("reason"));
    assert!(find(&host, "target-change-dialog").is_some());
    assert_eq!(target_of(state, &id), (Some(2.0), 0));
    type_into(
        &get(&host, "target-change-reason"),
        "Product management answers faster now",
    );
    click(&host, "target-change-apply");
    settle().await;
    assert!(find(&host, "target-change-dialog").is_none());
    assert_eq!(target_of(state, &id), (Some(1.5), 1));
    assert_eq!(field_value(&host, "kpi-target-input"), "1.5");
    let rows = all_texts(&host, "target-history-row");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].contains("From 1 Apr 2026"), "{}", rows[0]);
    assert!(
        rows[0].contains("2 hours") && rows[0].contains("1.5 hours"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("Product management answers faster now"));

    // One undo step takes it all back.
    state.undo();
    settle().await;
    assert_eq!(target_of(state, &id), (Some(2.0), 0));
    assert!(find(&host, "target-history-row").is_none());
    assert_eq!(field_value(&host, "kpi-target-input"), "2");

    // A correction: no history row, one undo step.
    let input = get(&host, "kpi-target-input");
    type_into(&input, "3");
    event(&input, "blur", false);
    settle().await;
    click(&host, "target-change-correction");
    settle().await;
    assert!(
        find(&host, "target-change-reason").is_none(),
        "a correction needs no reason"
    );
    click(&host, "target-change-apply");
    settle().await;
    assert!(find(&host, "target-change-dialog").is_none());
    assert_eq!(target_of(state, &id), (Some(3.0), 0));
    assert!(find(&host, "target-history-row").is_none());
    state.undo();
    settle().await;
    assert_eq!(target_of(state, &id), (Some(2.0), 0));

    // A read-only scorecard refuses at the field, without asking.
    state.read_only.set(true);
    settle().await;
    let input = get(&host, "kpi-target-input");
    type_into(&input, "1");
    event(&input, "blur", false);
    settle().await;
    assert!(find(&host, "target-change-dialog").is_none());
    assert!(text(&get(&host, "field-error")).contains("read-only"));
    assert_eq!(target_of(state, &id), (Some(2.0), 0));
}

#[wasm_bindgen_test]
async fn in_dutch_the_history_lists_changes_newest_first_with_dutch_numbers() {
    let (card, id) = example(Lang::Nl);
    let state = AppState::new(card, Lang::Nl, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    state.selection.set(Some(Selection::Kpi(id.clone())));
    settle().await;
    for (value, reason) in [("1,5", "Sneller antwoord"), ("1,25", "Nog sneller")] {
        let input = get(&host, "kpi-target-input");
        type_into(&input, value);
        event(&input, "blur", false);
        settle().await;
        click(&host, "target-change-new");
        settle().await;
        type_into(&get(&host, "target-change-reason"), reason);
        click(&host, "target-change-apply");
        settle().await;
        assert!(
            find(&host, "target-change-dialog").is_none(),
            "{value} applied"
        );
    }
    assert_eq!(target_of(state, &id), (Some(1.25), 2));
    let rows = all_texts(&host, "target-history-row");
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("Vanaf 1 apr 2026"), "{}", rows[0]);
    assert!(
        rows[0].contains("1,5 uur") && rows[0].contains("1,25 uur"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("Nog sneller"));
    assert!(rows[1].contains("Sneller antwoord"));
}

#[wasm_bindgen_test]
async fn a_kpi_without_target_or_values_just_gets_it() {
    let card = Scorecard::new_blank("sc-blank-target".into(), Lang::En);
    let state = AppState::new(card, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    let so = state
        .dispatch(smsc::model::Command::AddSubObjective {
            factor: smsc::model::FactorKind::Customers,
            title: "More members".into(),
        })
        .expect("a sub-objective");
    let id = state.add_kpi(KpiParent::SubObjective(so)).expect("a KPI");
    state.selection.set(Some(Selection::Kpi(id.clone())));
    settle().await;
    let input = get(&host, "kpi-target-input");
    type_into(&input, "40");
    event(&input, "blur", false);
    settle().await;
    assert!(find(&host, "target-change-dialog").is_none());
    assert_eq!(target_of(state, &id), (Some(40.0), 0));
    // Unreadable: shown at the field while typing, never committed.
    type_into(&input, "forty");
    settle().await;
    assert!(text(&get(&host, "field-error")).contains("not a number"));
    event(&input, "blur", false);
    settle().await;
    assert_eq!(target_of(state, &id), (Some(40.0), 0));
}
