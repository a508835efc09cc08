//! Files in and out: downloads (Blob, object URL, `<a download>`), the Export / Import /
//! Share buttons with the file picker, and page-wide drag and drop of a file.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::tr;
use crate::library::MAX_LIBRARY_BYTES;
use crate::model::limits::MAX_FILE_BYTES;
use crate::model::{ImportError, Lang};
use crate::ui::session::Persistence;

/// Offers `text` as a download named `name` (nothing leaves the computer: the file is made
/// in the page). The file type follows the name: `.csv` is CSV, anything else JSON.
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(if name.ends_with(".csv") {
        "text/csv;charset=utf-8"
    } else {
        "application/json"
    });
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = document();
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.set_class_name("visually-hidden");
        if let Some(body) = document.body() {
            let _ = body.append_child(&anchor);
            anchor.click();
            anchor.remove();
        }
    }
    // Revoked later: the browser reads the blob after the click returns.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

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
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let on_load = {
        let reader = reader.clone();
        let name = name.clone();
        Closure::once_into_js(move || {
            let text = reader
                .result()
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            p.import_text(&name, &text);
        })
    };
    let on_error = Closure::once_into_js(move || {
        p.refuse_file(
            &name,
            &ImportError::NotScorecardFile {
                reason: "the browser could not read the file".to_string(),
            },
        );
    });
    reader.set_onload(Some(on_load.unchecked_ref()));
    reader.set_onerror(Some(on_error.unchecked_ref()));
    let _ = reader.read_as_text(&file);
}

/// An import refusal in the interface language.
pub fn import_error_text(error: &ImportError, lang: Lang) -> String {
    match (error, lang) {
        (_, Lang::En) => error.to_string(),
        (ImportError::Empty, Lang::Nl) => "Het bestand is leeg.".to_string(),
        (ImportError::TooLarge { bytes, limit }, Lang::Nl) => format!(
            "Het bestand is te groot ({bytes} bytes); een scorecardbestand mag hoogstens {limit} bytes zijn."
        ),
        (
            ImportError::NotJson {
                line,
                column,
                message,
            },
            Lang::Nl,
        ) => format!("Het bestand is geen geldige JSON: {message} (regel {line}, kolom {column})."),
        (ImportError::NotScorecardFile { reason }, Lang::Nl) => {
            format!("Dit is geen Social Media Scorecard-bestand: {reason}.")
        }
        (ImportError::NewerVersion { found, supported }, Lang::Nl) => format!(
            "Dit bestand heeft formaatversie {found} en is gemaakt met een nieuwere versie van de app; deze app leest versies tot en met {supported}. Werk de app bij."
        ),
        (ImportError::Invalid { problems }, Lang::Nl) => {
            let mut text = format!(
                "De scorecard in dit bestand heeft {} {}:",
                problems.len(),
                if problems.len() == 1 {
                    "probleem"
                } else {
                    "problemen"
                }
            );
            for p in problems.iter().take(crate::model::file::SHOWN_PROBLEMS) {
                text.push_str("\n- ");
                text.push_str(&p.to_string());
            }
            if problems.len() > crate::model::file::SHOWN_PROBLEMS {
                text.push_str(&format!(
                    "\n- … en nog {}",
                    problems.len() - crate::model::file::SHOWN_PROBLEMS
                ));
            }
            text
        }
    }
}

/// A short word for each kind of refusal (`data-kind`, for styling and tests).
pub fn import_error_kind(error: &ImportError) -> &'static str {
    match error {
        ImportError::Empty => "empty",
        ImportError::TooLarge { .. } => "too-large",
        ImportError::NotJson { .. } => "not-json",
        ImportError::NotScorecardFile { .. } => "not-scorecard",
        ImportError::NewerVersion { .. } => "newer-version",
        ImportError::Invalid { .. } => "invalid",
    }
}

/// The header's file buttons: Export, Import (a file picker) and Share link.
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
            <button type="button" data-testid="share-button"
                title=move || tr(lang.get(), "A link that holds this scorecard, read-only", "Een link met deze scorecard, alleen-lezen")
                on:click=move |_| p.make_share_link()>
                {move || tr(lang.get(), "Share link", "Deellink")}
            </button>
        </div>
    }
    .into_any()
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
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
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
                <p>{move || tr(lang.get(), "Drop the scorecard file to open it", "Zet het scorecardbestand neer om het te openen")}</p>
            </div>
        </Show>
    }
    .into_any()
}
