//! The side panel: the form of the selected item, closed with Escape or the close button.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Score, ScoreRef};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::editor::{
    ActionForm, KpiForm, ObjectiveForm, ScorecardForm, SubObjectiveForm,
};
use crate::ui::widgets::status_badge::StatusBadge;
use crate::ui::widgets::why_button::WhyButton;

/// The form of the selected item (the editor's code loads on first use: `ui::app::parts`).
#[component]
pub fn SelectedForm() -> impl IntoView {
    let state = AppState::expect();
    // Focus the first field whenever another item opens: here, where the form is, so it also
    // holds when the form comes after its code was fetched (`ui::widgets::part_view`).
    // On a touch screen the close button takes the focus instead: a focused field would
    // open the on-screen keyboard over half of the form.
    Effect::new(move |_| {
        if state.selection.get().is_some() {
            request_animation_frame(|| {
                use wasm_bindgen::JsCast;
                let selector = if touch_screen() {
                    ".side-panel .close-panel"
                } else {
                    ".side-panel input, .side-panel textarea, .side-panel select"
                };
                let first = document()
                    .query_selector(selector)
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(el) = first {
                    let _ = el.focus();
                }
            });
        }
    });
    move || {
        state.selection.get().map(|selection| match selection {
            Selection::Scorecard => view! { <ScorecardForm /> }.into_any(),
            Selection::Objective(id) => view! { <ObjectiveForm id=id /> }.into_any(),
            Selection::SubObjective(id) => view! { <SubObjectiveForm id=id /> }.into_any(),
            Selection::Kpi(id) => view! { <KpiForm id=id /> }.into_any(),
            Selection::Action(id) => view! { <ActionForm id=id /> }.into_any(),
        })
    }
}

/// Whether the main pointer is a finger (phones, tablets).
fn touch_screen() -> bool {
    window()
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The panel beside the views; empty (hidden) when nothing is selected.
#[component]
pub fn SidePanel() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let close = move || {
        state.seal_history();
        state.selection.set(None);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    // The selected item's score, with "Why this score?" (KPIs, sub-objectives, objectives).
    let panel_score = move || {
        let target = match state.selection.get()? {
            Selection::Kpi(id) => ScoreRef::Kpi(id),
            Selection::SubObjective(id) => ScoreRef::SubObjective(id),
            Selection::Objective(id) => ScoreRef::Objective(id),
            Selection::Scorecard | Selection::Action(_) => return None,
        };
        let scored = target.clone();
        let score = Signal::derive(move || {
            state
                .evaluation
                .with(|e| e.get(&scored))
                .unwrap_or(Score::GREY)
        });
        Some(view! {
            <div class="panel-score" data-testid="panel-score">
                <span class="panel-score-label">"Score"</span>
                <StatusBadge score=score />
                <WhyButton target=target />
            </div>
        })
    };
    view! {
        <Show when=move || state.selection.with(Option::is_some)>
            <aside class="side-panel" data-testid="side-panel" aria-label=move || tr(lang.get(), "Edit", "Bewerken") on:keydown=on_key>
                <button type="button" class="icon-button close-panel" data-testid="close-panel"
                    aria-label=move || tr(lang.get(), "Close the panel", "Paneel sluiten") on:click=move |_| close()>
                    <span aria-hidden="true">"✕"</span>
                    // Shown where the panel covers the screen (phones, tablets).
                    <span class="close-panel-word" aria-hidden="true">{move || tr(lang.get(), "Close", "Sluiten")}</span>
                </button>
                {panel_score}
                <crate::ui::widgets::part_view::PartView part=crate::ui::widgets::part_view::Part::Editor />
            </aside>
        </Show>
    }
}
