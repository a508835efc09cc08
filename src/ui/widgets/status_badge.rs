//! A status shown by an icon, a word and the score: never by colour alone.

use leptos::prelude::*;

use crate::i18n::format::format_percent;
use crate::model::{Lang, Score, Status};
use crate::ui::session::state::AppState;

/// The icon and word for a status in `lang`.
pub fn status_words(status: Status, lang: Lang) -> (&'static str, &'static str) {
    match (status, lang) {
        (Status::Green, Lang::En) => ("✓", "On target"),
        (Status::Green, Lang::Nl) => ("✓", "Op koers"),
        (Status::Amber, Lang::En) => ("!", "At risk"),
        (Status::Amber, Lang::Nl) => ("!", "Risico"),
        (Status::Red, Lang::En) => ("✕", "Off target"),
        (Status::Red, Lang::Nl) => ("✕", "Uit koers"),
        (Status::Grey, Lang::En) => ("–", "No data"),
        (Status::Grey, Lang::Nl) => ("–", "Geen data"),
    }
}

/// The `data-status` value of a status, for styling and tests.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Green => "green",
        Status::Amber => "amber",
        Status::Red => "red",
        Status::Grey => "grey",
    }
}

/// A badge for a score: icon, word and percentage (when there is one).
#[component]
pub fn StatusBadge(#[prop(into)] score: Signal<Score>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    view! {
        <span
            class="status"
            data-testid="status"
            data-status=move || status_key(score.get().status)
        >
            <span class="status-icon" aria-hidden="true">
                {move || status_words(score.get().status, lang.get()).0}
            </span>
            <span class="status-word">{move || status_words(score.get().status, lang.get()).1}</span>
            {move || {
                score.get().value.map(|v| {
                    view! { <span class="status-score">{format_percent(v, lang.get())}</span> }
                })
            }}
        </span>
    }
}
