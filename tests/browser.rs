//! Browser tests (wasm-bindgen-test in headless Chromium): components mounted into the page,
//! and the localStorage adapter. Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use smsc::model::{Date, FactorKind, Lang, Scorecard};
use smsc::storage;
use smsc::ui::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `f` into a fresh element of its own; keep the handle alive while testing.
fn mount<F, V>(f: F) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<V::State>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    let document = document();
    let host = document
        .create_element("div")
        .expect("create a host element");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append the host");
    let host: web_sys::HtmlElement = host.unchecked_into();
    let handle = leptos::mount::mount_to(host.clone(), f);
    (host, handle)
}

fn as_of() -> Date {
    Date::from_ymd(2026, 4, 30).expect("a valid date")
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
fn the_shell_shows_the_four_quadrants_with_their_key_questions() {
    let doc = Scorecard::new_blank("sc-test".into(), Lang::En);
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });

    let headings = texts(&host, "[data-testid^=quadrant-] h2");
    assert_eq!(
        headings,
        ["Customers", "Financial", "Organisation", "Medium"]
    );
    let questions = texts(&host, "[data-testid=key-question]");
    assert_eq!(questions.len(), 4);
    assert_eq!(questions[0], "What are we going to do with customers?");
    assert_eq!(questions[2], "What must we do organisationally?");
    assert_eq!(
        texts(&host, "[data-testid=app-title]"),
        ["Social Media Scorecard"]
    );
}

#[wasm_bindgen_test]
async fn the_quadrants_follow_the_document_and_show_it_as_text() {
    let mut doc = Scorecard::new_blank("sc-test".into(), Lang::Nl);
    doc.mission = "<b>Samen</b> gezond".into();
    let state = AppState::new(doc, Lang::Nl, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });

    assert_eq!(
        texts(&host, "[data-testid=mission]"),
        ["<b>Samen</b> gezond"]
    );
    assert!(
        host.query_selector("[data-testid=mission] b")
            .expect("selector")
            .is_none()
    );
    assert_eq!(
        texts(&host, "[data-testid=quadrant-customers] h2"),
        ["Klanten"]
    );

    // A change to the document shows at once.
    state
        .doc
        .update(|d| d.factor_mut(FactorKind::Medium).label = "Community".into());
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "[data-testid=quadrant-medium] h2"),
        ["Community"]
    );
    state.doc.update(|d| d.mission = "Gezond samen".into());
    leptos::task::tick().await;
    assert_eq!(texts(&host, "[data-testid=mission]"), ["Gezond samen"]);
}

#[wasm_bindgen_test]
fn local_storage_keeps_what_was_saved_and_forgets_what_was_removed() {
    let key = "smsc.test.roundtrip";
    storage::remove(key).expect("remove");
    assert_eq!(storage::load_raw(key), Ok(None));
    storage::save_raw(key, "{\"a\":\"é ✓\"}").expect("save");
    assert_eq!(
        storage::load_raw(key),
        Ok(Some("{\"a\":\"é ✓\"}".to_string()))
    );
    // The same value read straight from the browser: the adapter stores the text as is.
    let raw = window()
        .local_storage()
        .ok()
        .flatten()
        .expect("localStorage")
        .get_item(key);
    assert_eq!(raw, Ok(Some("{\"a\":\"é ✓\"}".to_string())));
    storage::remove(key).expect("remove");
    assert_eq!(storage::load_raw(key), Ok(None));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_quota_exceeded_not_a_panic() {
    let key = "smsc.test.quota";
    // Chromium allows about 5 MB (UTF-16) per origin: 6 million characters cannot fit.
    let huge = "x".repeat(6_000_000);
    assert_eq!(
        storage::save_raw(key, &huge),
        Err(storage::StorageError::QuotaExceeded)
    );
    assert_eq!(storage::load_raw(key), Ok(None));
}
