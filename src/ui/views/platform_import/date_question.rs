//! The day/month question: when nothing in a file's dates says whether `01/02/2025` is
//! 1 February or January 2, the two readings side by side, with examples from the file; the
//! answer reads the file again.

use leptos::prelude::*;

use crate::exchange::platforms::{DateOrder, DateQuestion};
use crate::i18n::dates::long_date;
use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::session::state::AppState;

/// The question for file `id` (shown while the file has one).
#[component]
pub(super) fn DateQuestionBox(id: u64) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let pi = state.platform_import;
    let question = Memo::new(move |_| {
        pi.files.with(|fs| {
            fs.iter()
                .find(|f| f.id == id)
                .and_then(|f| f.question.clone().map(|q| (q, f.order)))
        })
    });
    let name = format!("pi-order-{id}");
    move || {
        let l = lang.get();
        let Some((q, answered)) = question.get() else {
            return ().into_any();
        };
        let current = answered.unwrap_or(q.read_as);
        let choice = |order: DateOrder| {
            let (title, testid) = match order {
                DateOrder::DayFirst => (
                    tr(l, "Day first (31/12/2025)", "Dag eerst (31-12-2025)"),
                    "pi-order-day-first",
                ),
                DateOrder::MonthFirst => (
                    tr(l, "Month first (12/31/2025)", "Maand eerst (12/31/2025)"),
                    "pi-order-month-first",
                ),
            };
            let examples = readings(&q, order, l);
            let name = name.clone();
            view! {
                <label class="pi-order" class:is-chosen=current == order>
                    <input type="radio" name=name data-testid=testid prop:checked=current == order
                        on:change=move |_| pi.set_order(id, order) />
                    <span class="pi-order-title">{title}</span>
                    <ul>{examples.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </label>
            }
        };
        let status = if answered.is_some() {
            tr(l, "Read as you chose.", "Gelezen zoals je koos.")
        } else {
            tr(
                l,
                "Read as below for now: check it.",
                "Voorlopig gelezen zoals hieronder: controleer het.",
            )
        };
        view! {
            <fieldset class="pi-date-question" data-testid="pi-date-question"
                data-answered=answered.is_some().to_string()>
                <legend>{tr(l,
                    "Are these dates day first or month first? Nothing in the file tells (no day above 12).",
                    "Staat in deze datums de dag of de maand voorop? Niets in het bestand verraadt het (geen dag boven 12).")}</legend>
                <p class="pi-order-status">{status}</p>
                <div class="pi-orders">
                    {choice(DateOrder::DayFirst)}
                    {choice(DateOrder::MonthFirst)}
                </div>
            </fieldset>
        }
        .into_any()
    }
}

/// The examples of `q` read in `order`: `01/02/2025 → 1 February 2025`.
fn readings(q: &DateQuestion, order: DateOrder, l: Lang) -> Vec<String> {
    q.examples
        .iter()
        .map(|r| {
            let date = match order {
                DateOrder::DayFirst => r.day_first,
                DateOrder::MonthFirst => r.month_first,
            };
            let read = date
                .map(|d| long_date(d, l))
                .unwrap_or_else(|| tr(l, "not a date", "geen datum").to_string());
            format!("{} → {read}", r.cell)
        })
        .collect()
}
