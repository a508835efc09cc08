//! One step of the review: a KPI with its status as of the month's end, its chart, why it
//! scores as it does, how it moves, the commentary of its period and its sub-objective's
//! actions; Previous and Next, and after the last KPI that needs attention the offer to
//! review the ones on target too.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::review_mode_words::{progress_text, show_rest_text};
use crate::i18n::tr;
use crate::i18n::words::status_key;
use crate::model::{KpiParent, Lang, Score};
use crate::ui::session::state::AppState;
use crate::ui::views::editor::kpi_review::CommentaryFields;
use crate::ui::widgets::status_badge::StatusBadge;

use super::actions::ReviewActions;
use super::session::{Phase, ReviewSession};
use super::step_figures::{ReviewChart, ReviewExplanation, ReviewFigures};

/// The step at `index` of the session's steps.
#[component]
pub fn ReviewStep(session: ReviewSession, index: usize) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let Some(kpi) = session.steps.with_untracked(|s| s.get(index).cloned()) else {
        return view! { <p class="empty-note">{move || tr(lang.get(), "This step no longer exists.", "Deze stap bestaat niet meer.")}</p> }.into_any();
    };
    let as_of = session.as_of();
    let total = move || session.steps.with(Vec::len);
    let heading = NodeRef::<html::H2>::new();
    heading.on_load(move |h| {
        if session.moved.get_untracked() {
            let _ = h.focus();
        }
    });
    let name = {
        let kpi = kpi.clone();
        Memo::new(move |_| {
            state
                .doc
                .with(|d| d.kpi(&kpi).map(|k| k.name.clone()))
                .unwrap_or_default()
        })
    };
    let place = {
        let kpi = kpi.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.kpis()
                    .find(|(_, k)| k.id == kpi)
                    .map(|(parent, _)| match parent {
                        KpiParent::SubObjective(so) => (
                            Some(so.clone()),
                            d.sub_objective(&so)
                                .map(|(_, s)| s.title.clone())
                                .unwrap_or_default(),
                        ),
                        KpiParent::Objective(o) => (
                            None,
                            d.objective(&o).map(|o| o.title.clone()).unwrap_or_default(),
                        ),
                    })
            })
        })
    };
    let score = {
        let kpi = kpi.clone();
        Memo::new(move |_| {
            let day = as_of.get();
            state
                .with_scored_doc(|d| d.evaluate(day).kpi(&kpi))
                .unwrap_or(Score::GREY)
        })
    };
    let score_signal = Signal::derive(move || score.get());
    let is_last = move || index + 1 >= total();
    let rest_count = move || session.rest.with(Vec::len);
    let offer_rest = move || is_last() && rest_count() != 0;
    let next = move |_| {
        if is_last() {
            session.go(Phase::Finish);
        } else {
            session.go(Phase::Step(index + 1));
        }
    };
    let previous = move |_| {
        if index == 0 {
            session.go(Phase::Start);
        } else {
            session.go(Phase::Step(index - 1));
        }
    };
    let actions = move || {
        place.get().map(|(so, _)| match so {
            Some(so) => view! { <ReviewActions sub_objective=so /> }.into_any(),
            None => view! {
                <section class="review-actions" data-testid="review-actions">
                    <h3>{move || tr(lang.get(), "Actions", "Acties")}</h3>
                    <p class="hint">{move || tr(lang.get(),
                        "This KPI measures a strategic objective directly; actions belong to sub-objectives.",
                        "Deze KPI meet direct een strategische doelstelling; acties horen bij subdoelstellingen.")}</p>
                </section>
            }.into_any(),
        })
    };
    view! {
        <article class="review-step" data-testid="review-step" data-kpi=kpi.clone()
            aria-labelledby="review-step-title">
            <header class="review-step-head">
                <p class="review-progress-line">
                    <span class="review-month-label">{move || session.month().label(lang.get())}</span>
                    " · "
                    <span data-testid="review-progress">{move || progress_text(index + 1, total(), lang.get())}</span>
                </p>
                <progress class="review-progress-bar" max=move || total().to_string() value=(index + 1).to_string()
                    aria-label=move || tr(lang.get(), "Review progress", "Voortgang van de bespreking")></progress>
                <h2 id="review-step-title" class="review-step-title" data-testid="review-step-title"
                    tabindex="-1" node_ref=heading>{move || name.get()}</h2>
                <p class="review-step-place">{move || place.get().map(|(_, t)| t).unwrap_or_default()}</p>
                <div class="review-step-status" data-testid="review-step-status"
                    data-status=move || status_key(score.get().status)>
                    <StatusBadge score=score_signal />
                    <span class="hint">{move || {
                        let l = lang.get();
                        let day = crate::i18n::dates::long_date(as_of.get(), l);
                        match l { Lang::En => format!("as of {day}"), Lang::Nl => format!("per {day}") }
                    }}</span>
                </div>
            </header>
            <div class="review-step-body">
                <div class="review-step-main">
                    <ReviewChart kpi=kpi.clone() as_of=as_of />
                    <ReviewFigures kpi=kpi.clone() as_of=as_of />
                </div>
                <div class="review-step-side">
                    <ReviewExplanation kpi=kpi.clone() as_of=as_of />
                </div>
            </div>
            <section class="review-commentary" aria-labelledby="review-commentary-heading">
                <h3 id="review-commentary-heading">{move || tr(lang.get(), "Commentary", "Commentaar")}</h3>
                <CommentaryFields id=kpi.clone() as_of=as_of
                    testids=("review-analysis-input", "review-action-input") />
            </section>
            {actions}
            <nav class="review-nav" aria-label=move || tr(lang.get(), "Review steps", "Stappen van de bespreking")>
                <button type="button" data-testid="review-previous" on:click=previous>
                    {move || if index == 0 {
                        tr(lang.get(), "← Back to the start", "← Terug naar het begin")
                    } else {
                        tr(lang.get(), "← Previous", "← Vorige")
                    }}
                </button>
                <Show when=offer_rest>
                    <button type="button" data-testid="review-show-rest" on:click=move |_| session.show_rest()>
                        {move || show_rest_text(rest_count(), lang.get())}
                    </button>
                </Show>
                <button type="button" class="primary" data-testid="review-next" on:click=next>
                    {move || if is_last() {
                        tr(lang.get(), "Finish the review →", "Bespreking afronden →")
                    } else {
                        tr(lang.get(), "Next →", "Volgende →")
                    }}
                </button>
            </nav>
        </article>
    }
    .into_any()
}
