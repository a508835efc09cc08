//! The method coach: a live list of what the method asks and the scorecard lacks. Each entry
//! opens the item it is about. Its heading folds the list away (folded from the start on a
//! phone); the count stays in the heading.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::method::coach::{HintTarget, hints, red_periods, red_without_commentary};
use crate::ui::session::state::{AppState, Selection, View};

/// The coach panel, with the factor limit it checks against (remembered in this browser).
#[component]
pub fn CoachPanel() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let limit = state.coach_limit;
    // The red KPIs and their periods are worked out again only after an edit that can move a
    // score; whether each has its commentary, and its name, follow every edit.
    let red = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.with_scored_doc(|d| state.evaluation.with(|e| red_periods(d, e, as_of)))
    });
    let list = Memo::new(move |_| {
        state.doc.with(|d| {
            let mut list = hints(d, limit.get());
            red.with(|red| list.extend(red_without_commentary(d, red)));
            list
        })
    });
    let count = move || list.with(Vec::len);
    let folded = RwSignal::new(starts_folded());
    view! {
        <section class="coach-panel" data-testid="coach" aria-labelledby="coach-heading"
            data-folded=move || folded.get().to_string()>
            <h2 id="coach-heading" class="panel-title">
                <button type="button" class="coach-fold" data-testid="coach-fold"
                    aria-expanded=move || (!folded.get()).to_string()
                    aria-controls="coach-body"
                    on:click=move |_| folded.update(|f| *f = !*f)>
                    <span class="coach-fold-mark" aria-hidden="true"></span>
                    {move || tr(lang.get(), "Method coach", "Methodecoach")}
                    " "
                    <span class="count" data-testid="coach-count">{count}</span>
                </button>
            </h2>
            <div id="coach-body" class="coach-body" hidden=move || folded.get()>
            <Show
                when=move || { count() > 0 }
                fallback=move || view! {
                    <p class="coach-done" data-testid="coach-done">
                        "✓ " {move || tr(lang.get(), "Everything the method asks for is filled in.", "Alles wat de methode vraagt is ingevuld.")}
                    </p>
                }
            >
                <ul class="coach-list">
                    <For each=move || list.get() key=|h| (h.key(), h.message(crate::model::Lang::En)) let:hint>
                        {
                            let target = hint.target();
                            let key = hint.key();
                            let text = hint.clone();
                            view! {
                                <li>
                                    <button type="button" class="link-button" data-testid="coach-entry" data-key=key
                                        on:click=move |_| open(state, target.clone())>
                                        {move || text.message(lang.get())}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <label class="coach-limit">
                <span>{move || tr(lang.get(), "Most sub-objectives per factor", "Maximaal aantal subdoelstellingen per factor")}</span>
                <input type="number" min="1" max="50" data-testid="coach-limit"
                    prop:value=move || limit.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                            limit.set(n.clamp(1, 50));
                        }
                    } />
            </label>
            </div>
        </section>
    }
}

/// Whether the coach starts folded: on a phone-sized screen, so the views come first.
fn starts_folded() -> bool {
    window()
        .match_media("(max-width: 760px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

fn open(state: AppState, target: HintTarget) {
    match target {
        HintTarget::Scorecard => state.selection.set(Some(Selection::Scorecard)),
        HintTarget::Objective(id) => state.selection.set(Some(Selection::Objective(id))),
        HintTarget::SubObjective(id) => state.selection.set(Some(Selection::SubObjective(id))),
        HintTarget::Kpi(id) => state.selection.set(Some(Selection::Kpi(id))),
        HintTarget::Factor(kind) => {
            state.go(View::Scorecard);
            let selector = format!(
                "[data-testid=quadrant-{}] [data-testid=add-sub-objective]",
                kind.key()
            );
            request_animation_frame(move || {
                use wasm_bindgen::JsCast;
                let button = document()
                    .query_selector(&selector)
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(b) = button {
                    b.scroll_into_view();
                    let _ = b.focus();
                }
            });
        }
    }
}
