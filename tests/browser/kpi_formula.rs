//! Browser tests (wasm-bindgen-test in headless Chromium) of a calculated KPI in the side
//! panel: the Measured / Calculated switch, the formula field's checking and committing, the
//! live preview, the read-only values per period and the chart's inputs.

use leptos::prelude::*;
use smsc::method::templates;
use smsc::model::{Date, Frequency, Lang, Scorecard};
use smsc::ui::{AppState, Selection};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::{mount, settle};

/// Lets the reactive system and the page catch up: effects, then a frame.
fn as_of() -> Date {
    Date::from_ymd(2026, 3, 14).expect("a valid date")
}

fn find(root: &web_sys::Element, testid: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-testid={testid}]"))
        .expect("a valid selector")
}

fn all(root: &web_sys::Element, testid: &str) -> Vec<web_sys::Element> {
    let list = root
        .query_selector_all(&format!("[data-testid={testid}]"))
        .expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

/// Types `value` into the input as the user would: the value, then a bubbling `input` event.
fn type_into(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    let event = document().create_event("Event").expect("an event");
    event.init_event_with_bubbles_and_cancelable("input", true, false);
    input.dispatch_event(&event).expect("dispatch input");
}

fn click(root: &web_sys::Element, testid: &str) {
    find(root, testid)
        .unwrap_or_else(|| panic!("{testid}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// The example with the id of a monthly measured KPI and of its calculated engagement rate.
fn example() -> (Scorecard, String, String) {
    let card = templates::example("sc-formula".into(), Lang::En);
    let measured = card
        .kpis()
        .find(|(_, k)| k.formula.is_none() && k.frequency == Frequency::Monthly)
        .map(|(_, k)| k.id.clone())
        .expect("a measured KPI");
    let calculated = card
        .kpis()
        .find(|(_, k)| k.formula.is_some())
        .map(|(_, k)| k.id.clone())
        .expect("a calculated KPI");
    (card, measured, calculated)
}

fn formula_of(state: AppState, id: &str) -> Option<String> {
    state
        .doc
        .with_untracked(|d| d.kpi(id).and_then(|k| k.formula.clone()))
}

#[wasm_bindgen_test]
async fn a_formula_is_committed_only_when_it_can_be_used() {
    let (card, id, _) = example();
    let state = AppState::new(card, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    state.selection.set(Some(Selection::Kpi(id.clone())));
    settle().await;
    assert!(
        find(&host, "kpi-formula").is_none(),
        "measured: no formula field"
    );
    assert!(find(&host, "measurement-form").is_some());

    // Calculated without formula: the field shows, the KPI stays measured.
    click(&host, "kpi-kind-calculated");
    settle().await;
    let input: web_sys::HtmlInputElement = find(&host, "kpi-formula")
        .expect("the formula field")
        .unchecked_into();
    assert!(find(&host, "kpi-kind-pending").is_some());
    assert!(
        find(&host, "kpi-formula-error").is_none(),
        "an empty field is no error yet"
    );
    let keys = find(&host, "kpi-formula-keys").expect("the keys");
    assert!(text(&keys).contains("interactions") && text(&keys).contains("reach"));

    // An unknown series: the message with its column, the marker, nothing changed.
    type_into(&input, "interactons / reach * 100");
    settle().await;
    let error = find(&host, "kpi-formula-error").expect("an error");
    assert_eq!(
        text(&error),
        "unknown series 'interactons' at column 1; did you mean 'interactions'?"
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let caret = find(&host, "kpi-formula-caret").expect("the marker");
    assert!(text(&caret).ends_with("^^^^^^^^^^^"), "{}", text(&caret));
    assert!(find(&host, "kpi-formula-to-data").is_some());
    assert_eq!(formula_of(state, &id), None);
    assert!(
        all(&host, "calc-preview-row").is_empty(),
        "no preview of a formula that cannot be used"
    );

    // The suggestion fixes it: committed, previewed for the last three months.
    click(&host, "kpi-formula-suggestion");
    settle().await;
    assert_eq!(
        formula_of(state, &id).as_deref(),
        Some("interactions / reach * 100")
    );
    assert!(find(&host, "kpi-formula-error").is_none());
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let rows = all(&host, "calc-preview-row");
    let periods: Vec<_> = rows
        .iter()
        .filter_map(|r| r.get_attribute("data-period"))
        .collect();
    assert_eq!(periods, ["2026-01", "2026-02", "2026-03"]);
    assert!(text(&rows[2]).contains("so far"));
    assert!(text(&rows[0]).contains("interactions: sum of 31 values"));
    assert!(find(&host, "calc-period-values").is_some());

    // Half-typed: the text stays with its message; the scorecard keeps the last good one.
    type_into(&input, "interactions / reach *");
    settle().await;
    input.focus().expect("focus");
    input.blur().expect("blur");
    settle().await;
    assert_eq!(
        input.value(),
        "interactions / reach *",
        "kept after leaving the field"
    );
    assert!(find(&host, "kpi-formula-error").is_some());
    assert_eq!(
        formula_of(state, &id).as_deref(),
        Some("interactions / reach * 100")
    );

    // Back to measured: the formula goes, the measurements are back.
    click(&host, "kpi-kind-measured");
    settle().await;
    assert_eq!(formula_of(state, &id), None);
    assert!(find(&host, "kpi-formula").is_none());
    assert!(find(&host, "measurement-form").is_some());
}

#[wasm_bindgen_test]
async fn a_calculated_kpi_lists_its_values_and_inputs_per_period() {
    let (card, _, id) = example();
    let state = AppState::new(card, Lang::Nl, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    state.selection.set(Some(Selection::Kpi(id)));
    settle().await;
    let calculated: web_sys::HtmlInputElement = find(&host, "kpi-kind-calculated")
        .expect("the switch")
        .unchecked_into();
    assert!(calculated.checked());
    assert!(find(&host, "measurement-form").is_none(), "no edit table");
    let list = find(&host, "calc-period-values").expect("the values per period");
    let rows = all(&list, "calc-period-row");
    let periods: Vec<_> = rows
        .iter()
        .filter_map(|r| r.get_attribute("data-period"))
        .collect();
    assert_eq!(periods, ["2026-03", "2026-02", "2026-01"], "newest first");
    assert!(text(&rows[0]).contains("tot nu toe"));

    click(&host, "kpi-chart-inputs-toggle");
    settle().await;
    let inputs = find(&host, "kpi-chart-inputs").expect("the inputs");
    let header = text(&inputs);
    assert!(header.contains("interactions (som)"), "{header}");
    assert!(header.contains("reach (som)"), "{header}");
    assert!(header.contains("maart 2026 (tot nu toe)"), "{header}");
}

#[wasm_bindgen_test]
async fn a_series_key_is_inserted_at_the_cursor() {
    let (card, id, _) = example();
    let state = AppState::new(card, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    state.selection.set(Some(Selection::Kpi(id.clone())));
    settle().await;
    click(&host, "kpi-kind-calculated");
    settle().await;
    let input: web_sys::HtmlInputElement = find(&host, "kpi-formula")
        .expect("the formula field")
        .unchecked_into();
    type_into(&input, "interactions /  * 100");
    settle().await;
    assert_eq!(formula_of(state, &id), None, "not usable yet");
    assert_eq!(
        find(&host, "kpi-formula-error")
            .map(|e| text(&e))
            .as_deref(),
        Some("expected a number, a series or '(' at column 17")
    );
    input.focus().expect("focus");
    input.set_selection_range(15, 15).expect("place the cursor");
    host.query_selector("[data-testid=kpi-formula-keys] button[data-key=reach]")
        .expect("a valid selector")
        .expect("the key reach")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(input.value(), "interactions / reach * 100");
    assert_eq!(input.selection_start().ok().flatten(), Some(20));
    assert_eq!(
        formula_of(state, &id).as_deref(),
        Some("interactions / reach * 100")
    );
}
