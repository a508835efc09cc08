//! The keyboard-shortcut help, opened with "?" and closed with Escape.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::AppState;

/// Every shortcut: keys, and what they do in English and Dutch.
pub const SHORTCUTS: [(&str, &str, &str); 10] = [
    ("Ctrl/⌘ + Z", "Undo", "Ongedaan maken"),
    ("Ctrl/⌘ + Shift + Z, Ctrl + Y", "Redo", "Opnieuw"),
    (
        "Ctrl/⌘ + S",
        "Export the scorecard as a file",
        "Scorecard exporteren als bestand",
    ),
    (
        "Ctrl/⌘ + O",
        "Import a scorecard file",
        "Scorecardbestand importeren",
    ),
    (
        "Alt + 1 … 7",
        "Switch view (in the order of the tabs)",
        "Weergave wisselen (in de volgorde van de tabs)",
    ),
    (
        "Alt + P",
        "Projector mode on or off",
        "Projectormodus aan of uit",
    ),
    (
        "← →",
        "Projector mode: previous or next view",
        "Projectormodus: vorige of volgende weergave",
    ),
    (
        "Alt + ↑ ↓",
        "Move the focused sub-objective",
        "Subdoelstelling met focus verplaatsen",
    ),
    (
        "Esc",
        "Close the panel, this help or projector mode",
        "Paneel, deze hulp of projectormodus sluiten",
    ),
    ("?", "Show this help", "Deze hulp tonen"),
];

/// The help dialog.
#[component]
pub fn HelpOverlay() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let close = move || state.help_open.set(false);
    // Move the focus into the dialog when it opens.
    Effect::new(move |_| {
        if state.help_open.get() {
            request_animation_frame(|| {
                use wasm_bindgen::JsCast;
                if let Some(el) = document()
                    .query_selector("[data-testid=help-close]")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            });
        }
    });
    view! {
        <Show when=move || state.help_open.get()>
            <div class="overlay" on:click=move |_| close()>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="help-title"
                    data-testid="help-overlay"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <h2 id="help-title">{move || tr(lang.get(), "Keyboard shortcuts", "Sneltoetsen")}</h2>
                    <table class="shortcut-table">
                        <tbody>
                            {SHORTCUTS
                                .iter()
                                .map(|(keys, en, nl)| {
                                    view! {
                                        <tr data-testid="shortcut">
                                            <th scope="row"><kbd>{*keys}</kbd></th>
                                            <td>{move || tr(lang.get(), en, nl)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <button type="button" data-testid="help-close" on:click=move |_| close()>
                        {move || tr(lang.get(), "Close", "Sluiten")}
                    </button>
                </div>
            </div>
        </Show>
    }
}
