//! The message line: what just happened, with Undo after a delete, and errors in red.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::AppState;

/// Shows the latest notice until it is dismissed or replaced.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    view! {
        <div class="notice-region" aria-live="polite">
            {move || {
                state.notice.get().map(|n| {
                    let undo = n.undo;
                    view! {
                        <div class="notice" class:error=n.is_error data-testid="notice" role=if n.is_error { "alert" } else { "status" }>
                            <span>{n.text.clone()}</span>
                            <Show when=move || undo>
                                <button type="button" data-testid="notice-undo" on:click=move |_| {
                                    state.undo();
                                    state.notice.set(None);
                                }>{move || tr(lang.get(), "Undo", "Ongedaan maken")}</button>
                            </Show>
                            <button type="button" class="icon-button" data-testid="notice-close"
                                aria-label=move || tr(lang.get(), "Dismiss", "Sluiten")
                                on:click=move |_| state.notice.set(None)>"✕"</button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
