//! Review mode (`#review`): pick a month, step through the KPIs that need attention (red,
//! amber, grey; the ones on target on request) with their chart, explanation, figures,
//! commentary and actions, and record the review in the scorecard (docs/review.md). The
//! agenda and "since the last review" are `method::review_agenda`'s.
//!
//! One screen at a time: the start screen (`start.rs`), a step per KPI (`step.rs`), the
//! finish screen and the confirmation (`finish.rs`).

pub mod actions;
pub mod finish;
pub mod recorded;
pub mod session;
pub mod since;
pub mod start;
pub mod step;
pub mod step_figures;

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::{AppState, View};

use self::session::{Phase, ReviewSession};

/// The review mode view.
#[component]
pub fn ReviewView() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let session = ReviewSession::new(state);
    let has_kpis = Memo::new(move |_| state.doc.with(|d| d.kpis().next().is_some()));
    // Only the phase picks the screen: typing in a screen never builds it anew.
    let screen = move || match session.phase.get() {
        Phase::Start => view! { <start::ReviewStart session=session /> }.into_any(),
        Phase::Step(i) => view! { <step::ReviewStep session=session index=i /> }.into_any(),
        Phase::Finish => view! { <finish::ReviewFinish session=session /> }.into_any(),
        Phase::Recorded => view! { <finish::ReviewRecorded session=session /> }.into_any(),
    };
    view! {
        <section class="review-view" data-testid="review-view"
            aria-label=move || tr(lang.get(), "Monthly review", "Maandelijkse bespreking")>
            <Show when=move || has_kpis.get() fallback=move || view! { <NothingToReview /> }>
                {screen}
            </Show>
        </section>
    }
}

/// An empty scorecard: nothing to review yet, and how to get there.
#[component]
fn NothingToReview() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    view! {
        <div class="review-empty" data-testid="review-empty">
            <h2>{move || tr(lang.get(), "Nothing to review yet", "Nog niets te bespreken")}</h2>
            <p>{move || tr(lang.get(),
                "A review goes through the KPIs of a month. This scorecard has no KPIs yet: add them on the Scorecard tab (or run the guided workshop), enter their measurements, and review each month once it is over.",
                "Een bespreking loopt de KPI's van een maand door. Deze scorecard heeft nog geen KPI's: voeg ze toe op het tabblad Scorecard (of doorloop de begeleide workshop), vul hun metingen in en bespreek elke maand als die voorbij is.")}</p>
            <div class="review-actions-row">
                <button type="button" class="primary" data-testid="review-go-scorecard"
                    on:click=move |_| state.go(View::Scorecard)>
                    {move || tr(lang.get(), "Go to the scorecard", "Naar de scorecard")}
                </button>
                <button type="button" data-testid="review-go-workshop"
                    on:click=move |_| state.go(View::Workshop)>
                    {move || tr(lang.get(), "Open the workshop", "Open de workshop")}
                </button>
            </div>
        </div>
    }
}
