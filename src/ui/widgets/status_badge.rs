//! A status shown by an icon, a word and the score: never by colour alone. The icon, word and
//! `data-status` value come from `i18n::words`, shared with the charts and the other views.

use leptos::prelude::*;

use crate::i18n::format::format_percent;
use crate::i18n::words::{score_word, status_icon, status_key};
use crate::model::Score;
use crate::ui::session::state::AppState;

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
                {move || status_icon(score.get().status)}
            </span>
            <span class="status-word">{move || score_word(&score.get(), lang.get())}</span>
            {move || {
                score.get().value.map(|v| {
                    view! { <span class="status-score">{format_percent(v, lang.get())}</span> }
                })
            }}
        </span>
    }
}
