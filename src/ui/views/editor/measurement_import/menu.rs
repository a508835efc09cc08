//! The header's "Measurements" menu: the measurements CSV of the whole scorecard, exported
//! as a download or imported through [`CsvImportDialog`].

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::exchange::measurements::export_measurements_csv;
use crate::i18n::tr;
use crate::library::export::slug;
use crate::ui::session::state::AppState;
use crate::web::browser;

use super::csv_import_dialog::CsvImportDialog;

/// `<title-slug>-measurements-YYYY-MM-DD.csv`.
pub fn csv_file_name(title: &str, today: crate::model::Date) -> String {
    let base = slug(title);
    let base = if base.is_empty() {
        "scorecard".to_string()
    } else {
        base
    };
    format!("{base}-measurements-{today}.csv")
}

/// Downloads every measurement of the open scorecard as a CSV file.
pub fn export_csv(state: AppState) {
    let (text, title) = state
        .doc
        .with_untracked(|d| (export_measurements_csv(d), d.title.clone()));
    crate::web::files::download(&csv_file_name(&title, browser::today()), &text);
}

/// The header's "Measurements" menu: export and import of the measurements CSV.
#[component]
pub fn MeasurementsMenu() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let menu = NodeRef::<html::Details>::new();
    let import_open = RwSignal::new(false);
    let close_menu = move || {
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
    };
    // A click anywhere outside the open menu closes it.
    let handle = window_event_listener(leptos::ev::click, move |ev| {
        let Some(m) = menu.get_untracked() else {
            return;
        };
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| m.contains(Some(&n)));
        if !inside && m.open() {
            m.set_open(false);
        }
    });
    on_cleanup(move || handle.remove());
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            close_menu();
        }
    };
    view! {
        <details class="menu measurements-menu" node_ref=menu data-testid="measurements-menu" on:keydown=on_key>
            <summary data-testid="measurements-menu-toggle">
                {move || tr(lang.get(), "Measurements", "Metingen")}
            </summary>
            <div class="menu-list" role="group"
                aria-label=move || tr(lang.get(), "Measurements", "Metingen")>
                <button type="button" data-testid="measurements-export"
                    title=move || tr(lang.get(),
                        "Download every measurement of this scorecard as a CSV file",
                        "Alle metingen van deze scorecard downloaden als CSV-bestand")
                    on:click=move |_| {
                        close_menu();
                        export_csv(state);
                    }>
                    {move || tr(lang.get(), "Export measurements (CSV)", "Metingen exporteren (CSV)")}
                </button>
                <button type="button" data-testid="measurements-import"
                    title=move || tr(lang.get(),
                        "Read measurements from a CSV file; you see what changes before anything is applied",
                        "Metingen inlezen uit een CSV-bestand; je ziet wat er verandert voordat er iets wordt toegepast")
                    on:click=move |_| {
                        close_menu();
                        import_open.set(true);
                    }>
                    {move || tr(lang.get(), "Import measurements (CSV)", "Metingen importeren (CSV)")}
                </button>
            </div>
        </details>
        <Show when=move || import_open.get()>
            <CsvImportDialog open=import_open />
        </Show>
    }
}
