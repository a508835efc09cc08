//! The top bar: the product's name and the open scorecard's title.

use leptos::prelude::*;

use crate::ui::state::AppState;
use crate::ui::texts::{Text, t};

/// The app's header bar.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = AppState::expect();
    let title = move || state.doc.with(|d| d.title.clone());
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <h1 class="brand-name" data-testid="app-title">
                    {move || t(state.lang.get(), Text::AppName)}
                </h1>
            </div>
            <span class="scorecard-title" data-testid="scorecard-title">{title}</span>
            <span class="header-spacer"></span>
        </header>
    }
}
