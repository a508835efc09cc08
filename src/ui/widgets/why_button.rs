//! The small "Why this score?" button beside a score: it opens the explanation of that score
//! in the one [`WhyScore`](crate::ui::widgets::why_score::WhyScore) dialog. It stays usable in
//! projector mode (showing is allowed there); without the dialog's state (a view mounted on
//! its own) it renders nothing.

use leptos::prelude::*;

use crate::model::ScoreRef;
use crate::ui::session::state::AppState;
use crate::ui::widgets::why_score::{WhyScoreState, why_label, why_testid};

/// A "?" button that opens the explanation of `target`.
#[component]
pub fn WhyButton(target: ScoreRef) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let why = use_context::<WhyScoreState>()?;
    let testid = why_testid(&target);
    let open_target = target.clone();
    let expanded = move || why.open.with(|o| o.as_ref() == Some(&target)).to_string();
    let on_click = move |ev: web_sys::MouseEvent| {
        ev.stop_propagation();
        why.show(open_target.clone());
    };
    Some(view! {
        <button
            type="button"
            class="why-button"
            data-testid=testid
            aria-haspopup="dialog"
            aria-expanded=expanded
            aria-label=move || why_label(lang.get())
            title=move || why_label(lang.get())
            on:click=on_click
        >
            <span aria-hidden="true">"?"</span>
        </button>
    })
}
