//! The end of a review: who took part and what was agreed, "Record the review" (one undoable
//! step that adds it to the scorecard), and the confirmation with the way to the one-page
//! report.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::review_mode_words::counts_text;
use crate::i18n::tr;
use crate::model::{Command, Lang, Review, Status};
use crate::ui::session::state::{AppState, View};
use crate::web::browser;

use super::recorded::RecordedReviews;
use super::session::{Phase, ReviewSession};

/// Focuses `heading` once it is in the page, when the user moved to this screen.
fn focus_on_load(heading: NodeRef<html::H2>, session: ReviewSession) {
    heading.on_load(move |h| {
        if session.moved.get_untracked() {
            let _ = h.focus();
        }
    });
}

/// The finish screen.
#[component]
pub fn ReviewFinish(session: ReviewSession) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let heading = NodeRef::<html::H2>::new();
    focus_on_load(heading, session);
    let error = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let review = Review {
            period: session.month().start,
            held_on: browser::today(),
            participants: session.participants.get_untracked().trim().to_string(),
            summary: session.summary.get_untracked().trim().to_string(),
            ..Review::default()
        };
        match state.try_dispatch_keyed(Command::AddReview { review, at: None }, None) {
            Ok(_) => {
                error.set(None);
                session.participants.set(String::new());
                session.summary.set(String::new());
                session.go(Phase::Recorded);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let back = move |_| {
        let last = session.steps.with_untracked(Vec::len);
        session.go(if last == 0 {
            Phase::Start
        } else {
            Phase::Step(last - 1)
        });
    };
    let reviewed = move || {
        let l = lang.get();
        let n = session.steps.with(Vec::len);
        let (r, a, g) = session.agenda.with(|a| {
            (
                a.count(Status::Red),
                a.count(Status::Amber),
                a.count(Status::Grey),
            )
        });
        let month = session.month().label(l);
        let counts = counts_text(r, a, g, l);
        match l {
            Lang::En => format!("{month}: {n} KPIs gone through ({counts})."),
            Lang::Nl => format!("{month}: {n} KPI's doorgenomen ({counts})."),
        }
    };
    view! {
        <form class="review-finish" data-testid="review-finish" on:submit=record>
            <h2 class="review-heading" tabindex="-1" node_ref=heading>
                {move || tr(lang.get(), "Finish the review", "Bespreking afronden")}
            </h2>
            <p data-testid="review-finish-summary">{reviewed}</p>
            <div class="field">
                <label for="review-participants">{move || tr(lang.get(), "Who took part", "Wie deden mee")}</label>
                <input type="text" id="review-participants" data-testid="review-participants"
                    autocomplete="off"
                    placeholder=move || tr(lang.get(), "e.g. Anna (community), Bas (marketing)", "bijv. Anna (community), Bas (marketing)")
                    prop:value=move || session.participants.get()
                    on:input=move |ev| session.participants.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="review-summary">{move || tr(lang.get(), "Summary: what was concluded and agreed", "Samenvatting: wat werd geconcludeerd en afgesproken")}</label>
                <textarea id="review-summary" data-testid="review-summary" rows="5"
                    prop:value=move || session.summary.get()
                    on:input=move |ev| session.summary.set(event_target_value(&ev))></textarea>
            </div>
            <p class="field-error" role="alert" data-testid="review-record-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
            <p class="hint">{move || tr(lang.get(),
                "Recording adds the review to the scorecard (month, today's date, participants, summary); Undo takes it back. The commentary you entered is in the scorecard already.",
                "Vastleggen voegt de bespreking toe aan de scorecard (maand, de datum van vandaag, deelnemers, samenvatting); Ongedaan maken haalt haar terug. Het ingevulde commentaar staat al in de scorecard.")}</p>
            <div class="review-nav">
                <button type="button" data-testid="review-previous" on:click=back>
                    {move || tr(lang.get(), "← Previous", "← Vorige")}
                </button>
                <button type="submit" class="primary" data-testid="review-record">
                    {move || tr(lang.get(), "Record the review", "Bespreking vastleggen")}
                </button>
            </div>
        </form>
    }
}

/// The confirmation after recording.
#[component]
pub fn ReviewRecorded(session: ReviewSession) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let heading = NodeRef::<html::H2>::new();
    focus_on_load(heading, session);
    view! {
        <div class="review-recorded" data-testid="review-recorded">
            <h2 class="review-heading" tabindex="-1" node_ref=heading>
                {move || tr(lang.get(), "Review recorded", "Bespreking vastgelegd")}
            </h2>
            <p role="status">{move || {
                let l = lang.get();
                let month = session.month().label(l);
                match l {
                    Lang::En => format!("The review of {month} is recorded in the scorecard. Save or share the scorecard as usual to keep it."),
                    Lang::Nl => format!("De bespreking van {month} is vastgelegd in de scorecard. Bewaar of deel de scorecard zoals altijd om haar te houden."),
                }
            }}</p>
            <div class="review-actions-row">
                <button type="button" class="primary" data-testid="review-open-report"
                    on:click=move |_| state.go(View::Report)>
                    {move || tr(lang.get(), "Open the one-page report", "Open het rapport op één pagina")}
                </button>
                <button type="button" data-testid="review-again" on:click=move |_| session.restart()>
                    {move || tr(lang.get(), "Start another review", "Nog een bespreking starten")}
                </button>
            </div>
            <RecordedReviews />
        </div>
    }
}
