//! One red or amber KPI on the report page: its status, value and target, the change and
//! pace, the team's commentary for the period and the open actions of its sub-objective.

use leptos::prelude::*;

use crate::i18n::words::{action_status_key, status_icon, status_key};
use crate::method::report::{ReportKpi, words};
use crate::model::Lang;

/// A KPI of the report's list.
#[component]
pub fn ReportKpiItem(kpi: ReportKpi, lang: Lang) -> impl IntoView {
    let figures = [
        Some(format!("{}: {}", words::value(lang), kpi.value_text)),
        Some(format!("{}: {}", words::target(lang), kpi.target_text)),
        kpi.change_text.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let commentary = match kpi.commentary.clone() {
        Some(c) => view! {
            <dl class="report-kpi-commentary" data-testid="report-kpi-commentary">
                {(!c.analysis.is_empty()).then(|| view! {
                    <dt>{words::analysis(lang)}</dt>
                    <dd>{c.analysis.clone()}</dd>
                })}
                {(!c.action.is_empty()).then(|| view! {
                    <dt>{words::intended(lang)}</dt>
                    <dd>{c.action.clone()}</dd>
                })}
            </dl>
        }
        .into_any(),
        None => view! {
            <p class="report-kpi-none" data-testid="report-kpi-no-commentary">
                {kpi.no_commentary_text.clone()}
            </p>
        }
        .into_any(),
    };
    let (page_actions, more_actions) = kpi.page_actions();
    let actions = (!page_actions.is_empty()).then(|| {
        let items = page_actions
            .into_iter()
            .map(|a| {
                let details = [a.owner.clone(), a.due_text.clone(), a.status_word.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <li data-status=action_status_key(a.status) data-overdue=a.overdue.to_string()>
                        <span class="report-action-title">{a.title.clone()}</span>
                        " — "{details}
                        {a.overdue.then(|| view! {
                            <span class="report-overdue">{words::overdue(lang)}</span>
                        })}
                    </li>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <div class="report-kpi-actions">
                <span class="report-label">{words::open_actions(lang)}</span>
                <ul>{items}</ul>
                {(more_actions > 0).then(|| view! {
                    <p class="report-more-actions">{words::more_actions(more_actions, lang)}</p>
                })}
            </div>
        }
    });
    view! {
        <li class="report-kpi" data-testid="report-kpi" data-id=kpi.id.clone()
            data-status=status_key(kpi.status)>
            <div class="report-kpi-head">
                <span class="status" data-status=status_key(kpi.status)>
                    <span class="status-icon" aria-hidden="true">{status_icon(kpi.status)}</span>
                    " "
                    <span class="status-word">{kpi.status_word.clone()}</span>
                </span>
                <strong class="report-kpi-name">{kpi.name.clone()}</strong>
                {(!kpi.context.is_empty()).then(|| view! {
                    <span class="report-kpi-context">{kpi.context.clone()}</span>
                })}
            </div>
            <p class="report-kpi-figures">{figures}</p>
            {kpi.pace_text.clone().map(|p| view! { <p class="report-kpi-pace">{p}</p> })}
            {commentary}
            {actions}
        </li>
    }
}
