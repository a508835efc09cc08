//! The review's start screen: the month picker, what moved since the last review, how many
//! KPIs are off target, at risk or without data, the Start button, and the reviews recorded.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::review_mode_words::{attention_text, counts_text};
use crate::i18n::tr;
use crate::i18n::words::{status_icon, status_key};
use crate::method::review_agenda::{month_has_data, review_months};
use crate::model::period_scores::{last_complete_month, month_of};
use crate::model::{Date, Lang, Status};
use crate::ui::session::state::AppState;
use crate::web::browser;

use super::recorded::RecordedReviews;
use super::session::ReviewSession;
use super::since::SinceLastReview;

/// How many months back the picker offers at most.
const MONTHS_BACK: usize = 36;

/// The start screen.
#[component]
pub fn ReviewStart(session: ReviewSession) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let heading = NodeRef::<html::H2>::new();
    heading.on_load(move |h| {
        if session.moved.get_untracked() {
            let _ = h.focus();
        }
    });
    let counts = move || {
        session.agenda.with(|a| {
            (
                a.count(Status::Red),
                a.count(Status::Amber),
                a.count(Status::Grey),
                a.attention.len(),
                a.rest.len(),
            )
        })
    };
    let count_badge = move |status: Status, n: usize, l: Lang| {
        let word = match (status, l) {
            (Status::Red, _) => tr(l, "off target", "uit koers"),
            (Status::Amber, _) => tr(l, "at risk", "met risico"),
            _ => tr(l, "without data", "zonder data"),
        };
        view! {
            <li class="review-count" data-status=status_key(status)
                data-testid=format!("review-count-{}", status_key(status))>
                <span class="status-icon" aria-hidden="true">{status_icon(status)}</span>
                <strong class="review-count-n">{n}</strong>
                <span>{word}</span>
            </li>
        }
    };
    let no_figures = move || !session.agenda.with(|a| a.has_data);
    view! {
        <div class="review-start" data-testid="review-start">
            <h2 class="review-heading" tabindex="-1" node_ref=heading>
                {move || tr(lang.get(), "Monthly review", "Maandelijkse bespreking")}
            </h2>
            <p class="review-intro">{move || tr(lang.get(),
                "Pick the month to review. The review goes through the KPIs that need attention — off target first, then at risk, then without data — with their chart, why they score as they do, your commentary and the actions; the KPIs on target follow on request. Scores are as of the month's last day.",
                "Kies de maand die je bespreekt. De bespreking loopt de KPI's langs die aandacht vragen — eerst uit koers, dan met risico, dan zonder data — met hun grafiek, waarom ze zo scoren, jullie commentaar en de acties; de KPI's op koers volgen op verzoek. De scores zijn die op de laatste dag van de maand.")}</p>
            <MonthPicker session=session />
            <Show when=no_figures>
                <p class="review-note" data-testid="review-no-figures">{move || tr(lang.get(),
                    "This month has no measurements of its own: the review shows the latest figures before its end. Enter the month's measurements first for a fuller picture.",
                    "Deze maand heeft geen eigen metingen: de bespreking toont de laatste cijfers van vóór het einde. Vul eerst de metingen van de maand in voor een vollediger beeld.")}</p>
            </Show>
            <SinceLastReview session=session />
            <section class="review-agenda-summary" aria-labelledby="review-agenda-heading">
                <h3 id="review-agenda-heading">{move || tr(lang.get(), "On the agenda", "Op de agenda")}</h3>
                <p data-testid="review-attention">{move || attention_text(counts().3, lang.get())}</p>
                <ul class="review-counts" data-testid="review-counts"
                    aria-label=move || { let (r, a, g, _, _) = counts(); counts_text(r, a, g, lang.get()) }>
                    {move || {
                        let (r, a, g, _, _) = counts();
                        let l = lang.get();
                        view! {
                            {count_badge(Status::Red, r, l)}
                            {count_badge(Status::Amber, a, l)}
                            {count_badge(Status::Grey, g, l)}
                        }
                    }}
                </ul>
                <p class="hint" hidden=move || counts().4 == 0 || counts().3 == 0>{move || match lang.get() {
                    Lang::En => format!("{} on target, to review on request.", counts().4),
                    Lang::Nl => format!("{} op koers, te bespreken op verzoek.", counts().4),
                }}</p>
                <button type="button" class="primary review-start-button" data-testid="review-start-button"
                    on:click=move |_| session.start()>
                    {move || {
                        let l = lang.get();
                        let month = session.month().label(l);
                        match l {
                            Lang::En => format!("Start the review of {month}"),
                            Lang::Nl => format!("Bespreking van {month} starten"),
                        }
                    }}
                </button>
            </section>
            <RecordedReviews />
        </div>
    }
}

/// The month picker: the months from the first figure up to today's (or the "as of"
/// date's, if later), newest first; a month without figures says so.
#[component]
fn MonthPicker(session: ReviewSession) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let options = Memo::new(move |_| {
        let today = browser::today().max(state.as_of.get());
        let running = month_of(today);
        let chosen = month_of(session.period.get());
        let l = lang.get();
        state.with_scored_doc(|d| {
            let mut months = review_months(d, today, MONTHS_BACK);
            if !months.contains(&chosen) {
                months.push(chosen);
                months.sort_by_key(|m| std::cmp::Reverse(m.start));
            }
            months
                .into_iter()
                .map(|m| {
                    let mut text = m.label(l);
                    if m == running {
                        text.push_str(tr(l, " (still running)", " (loopt nog)"));
                    }
                    if !month_has_data(d, m) {
                        text.push_str(tr(l, " — no figures", " — geen cijfers"));
                    }
                    (m.start.to_string(), text)
                })
                .collect::<Vec<_>>()
        })
    });
    let pick = move |ev| {
        if let Ok(date) = Date::parse_iso(&event_target_value(&ev)) {
            session.period.set(month_of(date).start);
        }
    };
    let default = move || last_complete_month(state.as_of.get()).start;
    view! {
        <div class="review-month field">
            <label for="review-month-select">{move || tr(lang.get(), "Month to review", "Te bespreken maand")}</label>
            <select id="review-month-select" data-testid="review-period"
                prop:value=move || session.period.get().to_string() on:change=pick>
                {move || {
                    let current = session.period.get().to_string();
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = value == current;
                            view! { <option value=value selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <Show when=move || session.period.get() != default()>
                <button type="button" class="link-button" data-testid="review-period-default"
                    on:click=move |_| session.period.set(default())>
                    {move || {
                        let l = lang.get();
                        match l {
                            Lang::En => format!("Back to {}, the last complete month", month_of(default()).label(l)),
                            Lang::Nl => format!("Terug naar {}, de laatste volledige maand", month_of(default()).label(l)),
                        }
                    }}
                </button>
            </Show>
        </div>
    }
}
