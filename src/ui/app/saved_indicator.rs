//! The "saved" indicator in the header: says truthfully whether the open scorecard is kept
//! in this browser (`data-state`: saved, unsaved, failed, paused, memory, read-only).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::session::{Persistence, SaveState};

/// The short word a narrow header shows (the long one is for wide screens).
fn short_word(state: SaveState, lang: Lang) -> &'static str {
    match state {
        SaveState::Saved => tr(lang, "Saved", "Bewaard"),
        SaveState::Unsaved => tr(lang, "Saving…", "Bewaren…"),
        SaveState::Failed | SaveState::Paused | SaveState::Memory => {
            tr(lang, "Not saved", "Niet bewaard")
        }
        SaveState::ReadOnly => tr(lang, "Read-only", "Alleen-lezen"),
    }
}

fn words(state: SaveState, lang: Lang) -> (&'static str, &'static str) {
    match state {
        SaveState::Saved => (
            "✓",
            tr(lang, "Saved in this browser", "Bewaard in deze browser"),
        ),
        SaveState::Unsaved => ("…", tr(lang, "Saving…", "Bewaren…")),
        SaveState::Failed => ("✕", tr(lang, "Not saved", "Niet bewaard")),
        SaveState::Paused => (
            "!",
            tr(
                lang,
                "Not saved: choose a version",
                "Niet bewaard: kies een versie",
            ),
        ),
        SaveState::Memory => (
            "!",
            tr(
                lang,
                "Not kept: this tab only",
                "Niet bewaard: alleen dit tabblad",
            ),
        ),
        SaveState::ReadOnly => ("👁", tr(lang, "Read-only", "Alleen-lezen")),
    }
}

/// The indicator; nothing when the app runs without persistence (component tests).
#[component]
pub fn SavedIndicator() -> impl IntoView {
    let Some(p) = Persistence::get() else {
        return ().into_any();
    };
    let lang = p.state.lang;
    let state = Memo::new(move |_| p.indicator());
    // Narrow screens show the short word; the long one stays the tooltip there.
    view! {
        <span class="saved-indicator" title=move || words(state.get(), lang.get()).1 data-testid="saved-indicator" role="status"
            data-state=move || state.get().key()>
            <span class="saved-icon" aria-hidden="true">{move || words(state.get(), lang.get()).0}</span>
            <span class="saved-word">{move || words(state.get(), lang.get()).1}</span>
            <span class="saved-word-short">{move || short_word(state.get(), lang.get())}</span>
        </span>
    }
    .into_any()
}
