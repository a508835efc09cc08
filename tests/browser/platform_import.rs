//! Browser tests (wasm-bindgen-test in headless Chromium) of the platform-export import
//! dialog: a real Meta export read through the browser's FileReader, its preview (105 new
//! days into a new series), nothing changed before Apply, Apply as one undo step, the column
//! remembered, and the same file again with nothing to apply; a file that is not an export
//! refused with its reason in Dutch.

use crate::support::{find, get, mount, wait_for};
use leptos::prelude::*;
use smsc::model::{Date, Lang, Scorecard};
use smsc::ui::{AppState, View};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const REACH: &[u8] = include_bytes!("../fixtures/platforms/meta/fb_daily_reach_utf16_oigetit.csv");

/// A `File` as the file picker gives it.
fn file(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).expect("a file")
}

fn open(lang: Lang) -> (AppState, web_sys::HtmlElement, impl Sized) {
    let as_of = Date::from_ymd(2026, 4, 30).expect("a date");
    let state = AppState::new(Scorecard::new_blank("sc-pi".into(), lang), lang, as_of);
    state.go(View::Data);
    let (host, handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    (state, host, handle)
}

#[wasm_bindgen_test]
async fn a_meta_export_previews_applies_as_one_step_and_again_changes_nothing() {
    let (state, host, _handle) = open(Lang::En);
    let today = Date::from_ymd(2025, 4, 16).expect("a date");
    get(&host, "[data-testid=platform-import-open]").click();
    leptos::task::tick().await;
    assert!(find(&host, "[data-testid=platform-import-dialog]").is_some());
    let apply: web_sys::HtmlButtonElement = get(&host, "[data-testid=pi-apply]").unchecked_into();
    assert!(apply.disabled(), "no file, nothing to apply");

    state
        .platform_import
        .add(vec![file("fb_daily_reach_utf16_oigetit.csv", REACH)], today);
    let row = wait_for(&host, "[data-testid=pi-metric][data-key=facebook_reach]").await;
    assert_eq!(row.get_attribute("data-new").as_deref(), Some("105"));
    assert_eq!(row.get_attribute("data-target").as_deref(), Some("new"));
    let card = get(&host, "[data-testid=pi-file]");
    assert_eq!(
        card.get_attribute("data-platform").as_deref(),
        Some("facebook")
    );
    // Nothing has changed before Apply.
    assert!(state.doc.with_untracked(|d| d.series.is_empty()));

    let apply: web_sys::HtmlButtonElement = get(&host, "[data-testid=pi-apply]").unchecked_into();
    assert!(!apply.disabled());
    apply.click();
    leptos::task::tick().await;
    assert!(find(&host, "[data-testid=platform-import-dialog]").is_none());
    let (points, sources) = state.doc.with_untracked(|d| {
        let s = d.series_by_key("facebook_reach").expect("the new series");
        (s.points.len(), s.sources.clone())
    });
    assert_eq!(points, 105);
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].platform, "facebook");

    // One undo takes it back; redo brings it again.
    state.undo();
    assert!(state.doc.with_untracked(|d| d.series.is_empty()));
    state.redo();
    assert_eq!(state.doc.with_untracked(|d| d.series.len()), 1);

    // The same file again: remembered, all unchanged, nothing to apply.
    get(&host, "[data-testid=platform-import-open]").click();
    leptos::task::tick().await;
    state
        .platform_import
        .add(vec![file("fb_daily_reach_utf16_oigetit.csv", REACH)], today);
    let row = wait_for(&host, "[data-testid=pi-metric][data-unchanged='105']").await;
    assert_eq!(row.get_attribute("data-new").as_deref(), Some("0"));
    assert!(
        row.get_attribute("data-target")
            .is_some_and(|t| t.starts_with("s:"))
    );
    let apply: web_sys::HtmlButtonElement = get(&host, "[data-testid=pi-apply]").unchecked_into();
    assert!(apply.disabled(), "nothing to apply");
    get(&host, "[data-testid=pi-cancel]").click();
    leptos::task::tick().await;
    assert!(find(&host, "[data-testid=platform-import-dialog]").is_none());
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_an_export_is_refused_with_its_reason_in_dutch() {
    let (state, host, _handle) = open(Lang::Nl);
    let today = Date::from_ymd(2026, 4, 30).expect("a date");
    state
        .platform_import
        .add(vec![file("boodschappen.txt", b"melk\nbrood\n")], today);
    let card = wait_for(&host, "[data-testid=pi-file][data-state=error]").await;
    let text = get(&card, "[data-testid=pi-file-error]")
        .text_content()
        .unwrap_or_default();
    assert!(text.contains("Verwacht"), "{text}");
    assert!(text.contains("LinkedIn"), "{text}");
    let apply: web_sys::HtmlButtonElement = get(&host, "[data-testid=pi-apply]").unchecked_into();
    assert!(apply.disabled());
    assert!(state.doc.with_untracked(|d| d.series.is_empty()));
}
