//! "Since the last review": what moved since the latest review recorded for an earlier
//! month — statuses, targets, actions done and overdue (`method::review_agenda`).

use leptos::prelude::*;

use crate::i18n::review_mode_words::{
    action_text, since_heading, status_change_text, target_change_text,
};
use crate::i18n::tr;
use crate::i18n::words::status_key;
use crate::method::review_agenda::{ActionLine, since_last_review};
use crate::model::Lang;
use crate::ui::session::state::AppState;
use crate::web::browser;

use super::session::ReviewSession;

/// The block, shown when a review of an earlier month is recorded.
#[component]
pub fn SinceLastReview(session: ReviewSession) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let since = Memo::new(move |_| {
        let period = session.period.get();
        state
            .doc
            .with(|d| since_last_review(d, period, browser::today()))
    });
    move || {
        let s = since.get()?;
        let l = lang.get();
        let statuses = s
            .status_changes
            .iter()
            .map(|c| {
                view! {
                    <li data-testid="review-since-status" data-from=status_key(c.from) data-to=status_key(c.to)>
                        {status_change_text(&c.name, c.from, c.to, l)}
                    </li>
                }
            })
            .collect_view();
        let targets = s
            .target_changes
            .iter()
            .map(|t| {
                let c = &t.change;
                view! {
                    <li data-testid="review-since-target">
                        {target_change_text(&t.name, &t.unit, c.old, c.new, c.date, &c.reason, l)}
                    </li>
                }
            })
            .collect_view();
        let actions = |list: &[ActionLine], testid: &'static str| {
            list.iter()
                .map(|a| {
                    view! {
                        <li data-testid=testid>
                            {action_text(&a.title, &a.owner, a.due, l)}
                            <span class="review-since-where">{format!(" · {}", a.sub_objective_title)}</span>
                        </li>
                    }
                })
                .collect_view()
        };
        let group = |title: &'static str, count: usize, items: AnyView| {
            (count > 0).then(|| {
                view! {
                    <div class="review-since-group">
                        <h4>{format!("{title} ({count})")}</h4>
                        <ul>{items}</ul>
                    </div>
                }
            })
        };
        let quiet_now = s.is_quiet();
        let quiet = quiet_now.then(|| {
            view! {
                <p class="hint" data-testid="review-since-quiet">{tr(l,
                    "Nothing moved: no status changed, no target changed, no action was done or fell overdue.",
                    "Niets bewogen: geen status veranderde, geen streefwaarde veranderde, geen actie werd afgerond of raakte over tijd.")}</p>
            }
        });
        let (done, overdue) = (
            actions(&s.actions_done, "review-since-done").into_any(),
            actions(&s.actions_overdue, "review-since-overdue").into_any(),
        );
        Some(view! {
            <section class="review-since" data-testid="review-since" aria-labelledby="review-since-heading">
                <h3 id="review-since-heading">{since_heading(s.review_period, s.review_held_on, l)}</h3>
                {(!s.review.summary.trim().is_empty()).then(|| view! {
                    <p class="review-since-summary">
                        <strong>{tr(l, "Agreed then: ", "Toen afgesproken: ")}</strong>
                        {s.review.summary.clone()}
                    </p>
                })}
                {quiet}
                <div class="review-since-groups">
                    {group(tr(l, "Statuses that moved", "Statussen die veranderden"), s.status_changes.len(), statuses.into_any())}
                    {group(tr(l, "Targets changed", "Gewijzigde streefwaarden"), s.target_changes.len(), targets.into_any())}
                    {group(tr(l, "Actions done", "Afgeronde acties"), s.actions_done.len(), done)}
                    {group(tr(l, "Actions overdue", "Acties over tijd"), s.actions_overdue.len(), overdue)}
                </div>
                <p class="hint" hidden=quiet_now>{match l {
                    Lang::En => "Actions keep no completion date: \"done\" lists the actions marked done that were due after the last review.",
                    Lang::Nl => "Acties hebben geen afrondingsdatum: \"afgerond\" toont de acties die op afgerond staan en na de vorige bespreking als deadline hadden.",
                }}</p>
            </section>
        })
    }
}
