//! The stepper: the seven steps, each clickable, the current one marked, each with its
//! done mark computed from the scorecard, and a bar of how many are done.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::method::workshop::{STEP_COUNT, STEPS, progress};
use crate::ui::session::state::AppState;

/// The steps across the top of the workshop.
#[component]
pub fn Stepper() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let workshop = state.workshop;
    let marks = Memo::new(move |_| state.doc.with(progress));
    let done_count = move || marks.with(|m| m.iter().filter(|d| **d).count());
    let steps = STEPS
        .iter()
        .map(|s| {
            let n = s.number;
            let done = move || marks.with(|m| m[n - 1]);
            let current = move || workshop.step.get() == n;
            view! {
                <li class="ws-step" class:ws-step-current=current class:ws-step-done=done>
                    <button
                        type="button"
                        class="ws-step-button"
                        data-testid=format!("ws-step-{n}")
                        data-done=move || done().to_string()
                        aria-current=move || current().then_some("step")
                        on:click=move |_| super::go_and_focus(workshop, n)
                    >
                        <span class="ws-step-number" aria-hidden="true">
                            {move || if done() { "✓".to_string() } else { n.to_string() }}
                        </span>
                        <span class="ws-step-name">
                            <span class="visually-hidden">{move || format!("{} {n}: ", tr(lang.get(), "Step", "Stap"))}</span>
                            {move || s.short.get(lang.get())}
                            <span class="visually-hidden">
                                {move || if done() {
                                    tr(lang.get(), " (done)", " (klaar)")
                                } else {
                                    tr(lang.get(), " (to do)", " (te doen)")
                                }}
                            </span>
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="ws-stepper" data-testid="ws-stepper"
            aria-label=move || tr(lang.get(), "Workshop steps", "Stappen van de workshop")>
            <ol class="ws-steps">{steps}</ol>
            <div class="ws-progress">
                <div
                    class="ws-progress-bar"
                    role="progressbar"
                    aria-valuemin="0"
                    aria-valuemax=STEP_COUNT.to_string()
                    aria-valuenow=move || done_count().to_string()
                    aria-label=move || tr(lang.get(), "Steps done", "Stappen klaar")
                >
                    <span
                        class="ws-progress-fill"
                        style:width=move || format!("{}%", done_count() * 100 / STEP_COUNT)
                    ></span>
                </div>
                <span class="ws-progress-text" data-testid="ws-progress-text">
                    {move || match lang.get() {
                        crate::model::Lang::En => format!("{} of {STEP_COUNT} steps done", done_count()),
                        crate::model::Lang::Nl => format!("{} van {STEP_COUNT} stappen klaar", done_count()),
                    }}
                </span>
            </div>
        </nav>
    }
}
