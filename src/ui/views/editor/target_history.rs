//! A KPI's recorded target changes, newest first: from which date, the old → new target and
//! the reason, in the interface language with its number format. A KPI without changes shows
//! one quiet line.

use leptos::prelude::*;

use crate::charts::labels::value_with_unit;
use crate::i18n::dates::short_date;
use crate::i18n::tr;
use crate::model::{Date, Lang};
use crate::ui::session::state::AppState;

/// One change as the list shows it.
#[derive(Clone, PartialEq, Debug)]
struct Row {
    date: Date,
    old: Option<f64>,
    new: Option<f64>,
    reason: String,
}

fn target_words(target: Option<f64>, unit: &str, lang: Lang) -> String {
    target.map_or_else(
        || tr(lang, "none", "geen").to_string(),
        |t| value_with_unit(t, unit, lang),
    )
}

/// The target history of KPI `kpi`.
#[component]
pub fn TargetHistory(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let (lang, doc) = (state.lang, state.doc);
    let rows_kpi = kpi.clone();
    let rows = Memo::new(move |_| {
        doc.with(|d| {
            let Some(k) = d.kpi(&rows_kpi) else {
                return (Vec::new(), String::new());
            };
            let mut rows: Vec<(usize, Row)> = k
                .target_history
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    (
                        i,
                        Row {
                            date: c.date,
                            old: c.old,
                            new: c.new,
                            reason: c.reason.clone(),
                        },
                    )
                })
                .collect();
            // Newest first; of one date, the one recorded last (the one in force) first.
            rows.sort_by_key(|(i, r)| (std::cmp::Reverse(r.date), std::cmp::Reverse(*i)));
            (rows.into_iter().map(|(_, r)| r).collect(), k.unit.clone())
        })
    });
    let list = move || {
        let l = lang.get();
        rows.with(|(rows, unit)| {
            if rows.is_empty() {
                return view! {
                    <p class="target-history-none" data-testid="target-history-none">
                        {tr(l, "No target changes recorded.", "Geen wijzigingen van de doelwaarde vastgelegd.")}
                    </p>
                }
                .into_any();
            }
            let items = rows
                .iter()
                .map(|r| {
                    let reason = if r.reason.trim().is_empty() {
                        view! { <span class="target-history-reason muted">{tr(l, "no reason given", "geen reden opgegeven")}</span> }.into_any()
                    } else {
                        view! { <span class="target-history-reason">{r.reason.clone()}</span> }.into_any()
                    };
                    view! {
                        <li class="target-history-row" data-testid="target-history-row" data-date=r.date.to_string()>
                            <span class="target-history-date">
                                {format!("{} {}", tr(l, "From", "Vanaf"), short_date(r.date, l))}
                            </span>
                            <span class="target-history-values">
                                <span class="target-history-old">{target_words(r.old, unit, l)}</span>
                                <span aria-hidden="true">" → "</span>
                                <span class="visually-hidden">{tr(l, " became ", " werd ")}</span>
                                <strong class="target-history-new">{target_words(r.new, unit, l)}</strong>
                            </span>
                            {reason}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3 class="panel-subtitle">{tr(l, "Target changes", "Wijzigingen van de doelwaarde")}</h3>
                <ol class="target-history-list">{items}</ol>
            }
            .into_any()
        })
    };
    view! { <section class="target-history" data-testid="target-history">{list}</section> }
}
