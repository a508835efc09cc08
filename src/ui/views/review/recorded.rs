//! The reviews recorded in the scorecard, newest month first, each removable (with Undo).

use leptos::prelude::*;

use crate::i18n::review_mode_words::review_line;
use crate::i18n::tr;
use crate::model::{Command, Lang};
use crate::ui::session::state::AppState;

/// The list of recorded reviews; nothing when there are none.
#[component]
pub fn RecordedReviews() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let reviews = Memo::new(move |_| {
        state.doc.with(|d| {
            let mut list: Vec<_> = d.reviews.iter().cloned().enumerate().collect();
            list.sort_by_key(|(i, r)| std::cmp::Reverse((r.period, r.held_on, *i)));
            list
        })
    });
    let remove = move |index: usize, line: String| {
        if state
            .try_dispatch_keyed(Command::RemoveReview { index }, None)
            .is_ok()
        {
            let text = match lang.get_untracked() {
                Lang::En => format!("Review removed: {line}."),
                Lang::Nl => format!("Bespreking verwijderd: {line}."),
            };
            state.tell(text, true);
        }
    };
    move || {
        let list = reviews.get();
        if list.is_empty() {
            return None;
        }
        let l = lang.get();
        let items = list
            .into_iter()
            .map(|(index, r)| {
                let line = review_line(r.period, r.held_on, l);
                let removed = line.clone();
                let participants = (!r.participants.is_empty()).then(|| {
                    view! {
                        <p class="review-list-who">
                            <span class="review-list-label">{tr(l, "Participants: ", "Deelnemers: ")}</span>
                            {r.participants.clone()}
                        </p>
                    }
                });
                let summary = (!r.summary.is_empty())
                    .then(|| view! { <p class="review-list-summary">{r.summary.clone()}</p> });
                view! {
                    <li class="review-list-item" data-testid="review-list-item">
                        <div class="review-list-text">
                            <strong data-testid="review-list-line">{line.clone()}</strong>
                            {participants}
                            {summary}
                        </div>
                        <button type="button" class="icon-button danger" data-testid="review-remove"
                            aria-label=match l {
                                Lang::En => format!("Remove the review {line}"),
                                Lang::Nl => format!("Bespreking {line} verwijderen"),
                            }
                            on:click=move |_| remove(index, removed.clone())>"✕"</button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="review-list" data-testid="review-list" aria-labelledby="review-list-heading">
                <h3 id="review-list-heading">{tr(l, "Reviews recorded", "Vastgelegde besprekingen")}</h3>
                <ul>{items}</ul>
            </section>
        })
    }
}
