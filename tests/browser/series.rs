//! Browser tests (wasm-bindgen-test in headless Chromium) of the data screen (`#data`): the
//! empty state, adding a series (a bad key refused at the field), pasting rows with a live
//! preview and applying them as one undo step, and deleting a series (asked first, undone).

use crate::support::mount;
use leptos::prelude::*;
use smsc::model::{Date, Lang, Scorecard};
use smsc::ui::{AppState, View};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn find(root: &web_sys::Element, testid: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(&format!("[data-testid={testid}]"))
        .expect("a valid selector")
        .map(|e| e.unchecked_into())
}

fn get(root: &web_sys::Element, testid: &str) -> web_sys::HtmlElement {
    find(root, testid).unwrap_or_else(|| panic!("no element with data-testid={testid}"))
}

fn count(root: &web_sys::Element, testid: &str) -> u32 {
    root.query_selector_all(&format!("[data-testid={testid}]"))
        .expect("a valid selector")
        .length()
}

/// Types `text` into the input or text area `testid` (sets its value, fires `input`).
fn type_into(root: &web_sys::Element, testid: &str, text: &str) {
    let el = get(root, testid);
    js_sys::Reflect::set(&el, &"value".into(), &text.into()).expect("set the value");
    el.dispatch_event(&web_sys::Event::new("input").expect("an event"))
        .expect("dispatch");
}

fn open_data_view(doc: Scorecard) -> (AppState, web_sys::HtmlElement, impl Sized) {
    let as_of = Date::from_ymd(2026, 4, 30).expect("a date");
    let state = AppState::new(doc, Lang::En, as_of);
    state.go(View::Data);
    let (host, handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    (state, host, handle)
}

#[wasm_bindgen_test]
async fn a_series_is_added_filled_by_a_paste_and_deleted_each_as_one_undo_step() {
    let (state, host, _handle) = open_data_view(Scorecard::new_blank("sc-t".into(), Lang::En));
    assert!(find(&host, "view-data").is_some());
    assert_eq!(
        get(&host, "tab-data").text_content().as_deref(),
        Some("Data")
    );
    assert!(find(&host, "series-empty").is_some());

    // A key formulas cannot use is refused at the field; nothing is added.
    get(&host, "series-add").click();
    leptos::task::tick().await;
    type_into(&host, "series-form-key", "2nd reach");
    type_into(&host, "series-form-name", "Reach");
    get(&host, "series-form-save").click();
    leptos::task::tick().await;
    let error = get(&host, "series-form-error")
        .text_content()
        .unwrap_or_default();
    assert!(error.contains("\"2nd reach\""), "{error}");
    assert!(error.contains("Try \"nd_reach\""), "{error}");
    assert!(state.doc.with_untracked(|d| d.series.is_empty()));

    type_into(&host, "series-form-key", "reach");
    get(&host, "series-form-save").click();
    leptos::task::tick().await;
    assert_eq!(state.doc.with_untracked(|d| d.series.len()), 1);
    assert!(find(&host, "series-empty").is_none());
    let row = get(&host, "series-row");
    assert_eq!(row.get_attribute("data-key").as_deref(), Some("reach"));
    assert!(find(&host, "series-detail").is_some());
    let key: web_sys::HtmlInputElement = get(&host, "series-key").unchecked_into();
    assert_eq!(key.value(), "reach");

    // A duplicate key is refused too.
    get(&host, "series-add").click();
    leptos::task::tick().await;
    type_into(&host, "series-form-key", "reach");
    get(&host, "series-form-save").click();
    leptos::task::tick().await;
    let error = get(&host, "series-form-error")
        .text_content()
        .unwrap_or_default();
    assert!(error.contains("already has the key \"reach\""), "{error}");
    assert_eq!(state.doc.with_untracked(|d| d.series.len()), 1);
    get(&host, "series-form-cancel").click();
    leptos::task::tick().await;

    // A bad row: the preview lists it and Apply stays off.
    type_into(
        &host,
        "series-paste-input",
        "Date\tReach\n1-3-2026\t1,200\n31-02-2026\t5\n",
    );
    leptos::task::tick().await;
    let preview = get(&host, "series-paste-preview");
    assert_eq!(preview.get_attribute("data-new").as_deref(), Some("1"));
    assert_eq!(preview.get_attribute("data-bad").as_deref(), Some("1"));
    assert_eq!(
        get(&host, "series-paste-error").text_content().as_deref(),
        Some("✕ Line 3: Column 1 (date): \"31-02-2026\" is not a day in the calendar.")
    );
    let apply = get(&host, "series-paste-apply");
    let disabled = js_sys::Reflect::get(&apply, &"disabled".into()).expect("disabled");
    assert_eq!(disabled.as_bool(), Some(true));

    // Corrected: three points in one step.
    type_into(
        &host,
        "series-paste-input",
        "Date\tReach\n1-3-2026\t1,200\n2-3-2026\t900\n3-3-2026\t1,050\n",
    );
    leptos::task::tick().await;
    assert_eq!(
        get(&host, "series-paste-preview")
            .get_attribute("data-new")
            .as_deref(),
        Some("3")
    );
    assert_eq!(count(&host, "series-paste-error"), 0);
    get(&host, "series-paste-apply").click();
    leptos::task::tick().await;
    assert_eq!(count(&host, "series-point-row"), 3);
    let points = state.doc.with_untracked(|d| {
        d.series[0]
            .points
            .iter()
            .map(|p| p.value)
            .collect::<Vec<_>>()
    });
    assert_eq!(points, [1200.0, 900.0, 1050.0]);
    state.undo();
    leptos::task::tick().await;
    assert_eq!(count(&host, "series-point-row"), 0);
    state.redo();
    leptos::task::tick().await;
    assert_eq!(count(&host, "series-point-row"), 3);

    // Removing one point.
    get(&host, "series-point-remove").click();
    leptos::task::tick().await;
    assert_eq!(count(&host, "series-point-row"), 2);

    // Delete asks first; undo brings the series back.
    get(&host, "series-delete").click();
    leptos::task::tick().await;
    assert!(find(&host, "series-delete-dialog").is_some());
    assert_eq!(state.doc.with_untracked(|d| d.series.len()), 1);
    get(&host, "series-delete-confirm").click();
    leptos::task::tick().await;
    assert!(find(&host, "series-empty").is_some());
    assert!(find(&host, "series-detail").is_none());
    state.undo();
    leptos::task::tick().await;
    assert_eq!(count(&host, "series-row"), 1);
    assert_eq!(state.doc.with_untracked(|d| d.series[0].points.len()), 2);
}

#[wasm_bindgen_test]
async fn the_example_series_show_their_kpi_and_a_new_key_follows_into_the_formula() {
    let doc = smsc::method::templates::example("sc-x".into(), Lang::En);
    let (state, host, _handle) = open_data_view(doc);
    let keys: Vec<String> = {
        let list = host
            .query_selector_all("[data-testid=series-row]")
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .filter_map(|e| e.get_attribute("data-key"))
            .collect()
    };
    assert_eq!(keys, ["interactions", "reach"]);
    let reach_row = host
        .query_selector("[data-testid=series-row][data-key=reach]")
        .expect("a valid selector")
        .expect("the reach row");
    let text = reach_row.text_content().unwrap_or_default();
    assert!(
        text.contains("Engagement rate of community posts"),
        "{text}"
    );
    assert!(text.contains("1 Jan 2026 – 31 Mar 2026"), "{text}");
    reach_row.unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert_eq!(count(&host, "series-point-row"), 90);

    // A new key is renamed in the formula too.
    type_into(&host, "series-key", "people_reached");
    get(&host, "series-key")
        .dispatch_event(&web_sys::Event::new("change").expect("an event"))
        .expect("dispatch");
    leptos::task::tick().await;
    assert_eq!(count(&host, "series-key-error"), 0);
    let formulas: Vec<Option<String>> = state.doc.with_untracked(|d| {
        d.kpis()
            .filter(|(_, k)| k.formula.is_some())
            .map(|(_, k)| k.formula.clone())
            .collect()
    });
    assert_eq!(
        formulas,
        [Some("interactions / people_reached * 100".to_string())]
    );
    // Undo renames it back, formula and all, in one step.
    state.undo();
    leptos::task::tick().await;
    let formula = state.doc.with_untracked(|d| {
        d.kpis()
            .find_map(|(_, k)| k.formula.clone())
            .unwrap_or_default()
    });
    assert_eq!(formula, "interactions / reach * 100");
    let key: web_sys::HtmlInputElement = get(&host, "series-key").unchecked_into();
    assert_eq!(key.value(), "reach");

    // Delete names the KPI that will have no value.
    get(&host, "series-delete").click();
    leptos::task::tick().await;
    let said = get(&host, "series-delete-kpis")
        .text_content()
        .unwrap_or_default();
    assert!(
        said.contains("“Engagement rate of community posts” uses it"),
        "{said}"
    );
    get(&host, "series-delete-cancel").click();
    leptos::task::tick().await;
    assert_eq!(state.doc.with_untracked(|d| d.series.len()), 2);
}
