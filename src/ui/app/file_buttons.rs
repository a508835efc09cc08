//! The header's Export / Import / Share buttons with the file picker, and page-wide drag and
//! drop: a scorecard file opens, platform exports go to their import.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::library::MAX_LIBRARY_BYTES;
use crate::model::ImportError;
use crate::model::limits::MAX_FILE_BYTES;
use crate::ui::session::Persistence;
use crate::web::files;

/// Reads a chosen or dropped file and hands its text to the import. A file larger than any
/// file the app reads is refused without reading it.
pub fn read_file(p: Persistence, file: web_sys::File) {
    let name = file.name();
    let size = file.size();
    if size > MAX_LIBRARY_BYTES as f64 {
        p.refuse_file(
            &name,
            &ImportError::TooLarge {
                bytes: size as usize,
                limit: MAX_FILE_BYTES,
            },
        );
        return;
    }
    files::read_text(&file, move |text| match text {
        Ok(text) => p.import_text(&name, &text),
        Err(_) => p.refuse_file(
            &name,
            &ImportError::NotScorecardFile {
                reason: "the browser could not read the file".to_string(),
            },
        ),
    });
}

#[component]
pub fn FileButtons() -> impl IntoView {
    let Some(p) = Persistence::get() else {
        return ().into_any();
    };
    let lang = p.state.lang;
    let input: NodeRef<html::Input> = NodeRef::new();
    let on_change = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        if let Some(file) = el.files().and_then(|files| files.get(0)) {
            read_file(p, file);
        }
        // The same file can be chosen again.
        el.set_value("");
    };
    view! {
        <div class="toolbar file-buttons" role="group"
            aria-label=move || tr(lang.get(), "File", "Bestand")>
            <button type="button" data-testid="export"
                title=move || tr(lang.get(), "Download this scorecard as a file", "Deze scorecard downloaden als bestand")
                on:click=move |_| p.export_open()>
                {move || tr(lang.get(), "Export", "Exporteren")}
            </button>
            <button type="button" data-testid="import-button"
                title=move || tr(lang.get(), "Open a scorecard file (or drop it on the page)", "Een scorecardbestand openen (of op de pagina neerzetten)")
                on:click=move |_| {
                    if let Some(el) = input.get_untracked() {
                        el.click();
                    }
                }>
                {move || tr(lang.get(), "Import", "Importeren")}
            </button>
            <input type="file" class="visually-hidden" node_ref=input data-testid="import-input"
                tabindex="-1" aria-hidden="true"
                accept=".json,application/json"
                on:change=on_change />
            <button type="button" data-testid="compare-open"
                title=move || tr(lang.get(), "See what differs between a scorecard file and this one, and take chosen changes over", "Zien wat er verschilt tussen een scorecardbestand en deze, en gekozen wijzigingen overnemen")
                prop:disabled=move || p.state.read_only.get()
                on:click=move |_| p.state.merge.open(crate::ui::session::merge::MergeMode::Compare)>
                {move || tr(lang.get(), "Compare…", "Vergelijken…")}
            </button>
            <button type="button" data-testid="share-button"
                title=move || tr(lang.get(), "A link that holds this scorecard, read-only", "Een link met deze scorecard, alleen-lezen")
                on:click=move |_| p.make_share_link()>
                {move || tr(lang.get(), "Share link", "Deellink")}
            </button>
        </div>
    }
    .into_any()
}

/// Whether a dropped file is a scorecard file (JSON) rather than a platform export.
fn is_scorecard_file(file: &web_sys::File) -> bool {
    file.name().to_ascii_lowercase().ends_with(".json") || file.type_() == "application/json"
}

/// Drop a file anywhere on the page to import it; an overlay shows while a file is dragged.
#[component]
pub fn DropZone() -> impl IntoView {
    let Some(p) = Persistence::get() else {
        return ().into_any();
    };
    let lang = p.state.lang;
    let dragging = RwSignal::new(false);
    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|dt| {
            let types = dt.types();
            (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
        })
    };
    let enter = window_event_listener(leptos::ev::dragenter, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window: no element to go to.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        let Some(list) = ev.data_transfer().and_then(|dt| dt.files()) else {
            return;
        };
        let dropped: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if dropped.is_empty() {
            return;
        }
        ev.prevent_default();
        // While a merge dialog is open, dropped files are the returned or compared files.
        if p.state.merge.mode.get_untracked().is_some() {
            p.state.merge.add(dropped);
            return;
        }
        let import = p.state.platform_import;
        // Platform exports go to their import (so does everything while it is open); a
        // scorecard file dropped alone opens as before.
        let (scorecards, exports): (Vec<_>, Vec<_>) =
            dropped.into_iter().partition(is_scorecard_file);
        if !exports.is_empty() && p.state.read_only.get_untracked() {
            p.state.report(tr(
                p.state.lang.get_untracked(),
                "This shared scorecard is read-only. Save a copy to your library, then drop the exports on it.",
                "Deze gedeelde scorecard is alleen-lezen. Bewaar een kopie in je bibliotheek en zet de exports daarop neer.",
            ));
        } else if import.open.get_untracked() || !exports.is_empty() {
            import.add(
                exports.into_iter().chain(scorecards).collect(),
                crate::web::browser::today(),
            );
        } else if let Some(file) = scorecards.into_iter().next() {
            read_file(p, file);
        }
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <Show when=move || dragging.get()>
            <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                <p>{move || tr(lang.get(),
                    "Drop a scorecard file to open it, or platform exports (CSV, XLSX) to import their figures",
                    "Zet een scorecardbestand neer om het te openen, of platform-exports (CSV, XLSX) om hun cijfers te importeren")}</p>
            </div>
        </Show>
    }
    .into_any()
}
