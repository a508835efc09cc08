//! A review step's actions: the actions of the KPI's sub-objective, edited in place (title,
//! owner, due date, status) with the workshop's table cells, and "add an action".

use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::{action_status_key, action_status_of, action_status_options};
use crate::model::{ActionField, Command};
use crate::ui::session::state::AppState;
use crate::ui::views::workshop::cells::{CellDate, CellSelect, CellText, focus_soon};
use crate::ui::widgets::action_binding::ActionBinding;

/// The actions of sub-objective `sub_objective`.
#[component]
pub fn ReviewActions(sub_objective: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let so = StoredValue::new(sub_objective);
    let title = Memo::new(move |_| {
        state.doc.with(|d| {
            d.sub_objective(&so.get_value())
                .map(|(_, s)| s.title.clone())
                .unwrap_or_default()
        })
    });
    let ids = Memo::new(move |_| {
        state.doc.with(|d| {
            d.sub_objective(&so.get_value())
                .map(|(_, s)| s.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let add = move |_| {
        let title = tr(lang.get_untracked(), "New action", "Nieuwe actie").to_string();
        if let Some(new) = state.dispatch(Command::AddAction {
            sub_objective: so.get_value(),
            title,
        }) {
            focus_soon(format!(
                "[data-testid=review-action-row][data-id=\"{new}\"] [data-testid=review-action-title]"
            ));
        }
    };
    let head = move |en: &'static str, nl: &'static str| {
        view! { <th scope="col">{move || tr(lang.get(), en, nl)}</th> }
    };
    view! {
        <section class="review-actions" data-testid="review-actions" aria-labelledby="review-actions-heading">
            <h3 id="review-actions-heading">
                {move || tr(lang.get(), "Actions of the sub-objective", "Acties van de subdoelstelling")}
                <span class="review-actions-so">{move || format!(" · {}", title.get())}</span>
            </h3>
            <Show when=move || ids.with(|i| !i.is_empty())
                fallback=move || view! {
                    <p class="empty-note" data-testid="review-actions-empty">
                        {move || tr(lang.get(), "No actions yet.", "Nog geen acties.")}
                    </p>
                }>
                <table class="ws-table review-action-table" data-testid="review-action-table">
                    <colgroup>
                        <col />
                        <col class="ws-c-owner" />
                        <col class="ws-c-due" />
                        <col class="ws-c-status" />
                    </colgroup>
                    <thead>
                        <tr>
                            {head("Action", "Actie")}
                            {head("Owner", "Eigenaar")}
                            {head("Due", "Deadline")}
                            {head("Status", "Status")}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            <ActionRow id=id />
                        </For>
                    </tbody>
                </table>
            </Show>
            <button type="button" class="add-button" data-testid="review-add-action" on:click=add>
                {move || tr(lang.get(), "+ Add an action", "+ Actie toevoegen")}
            </button>
        </section>
    }
}

/// One action, edited in place.
#[component]
fn ActionRow(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let label = crate::ui::widgets::labels::labels(lang);
    let action = ActionBinding::new(state.doc, id.clone());
    view! {
        <tr class="ws-row" data-testid="review-action-row" data-id=id>
            <td data-label=move || tr(lang.get(), "Action", "Actie")>
                <CellText label=label("What will be done?", "Wat gaan we doen?") testid="review-action-title"
                    value=action.text(|a| a.title.clone())
                    to_command=action.set(ActionField::Title) key=action.key("title") />
            </td>
            <td data-label=move || tr(lang.get(), "Owner", "Eigenaar")>
                <CellText label=label("Owner", "Eigenaar") testid="review-action-owner"
                    value=action.text(|a| a.owner.clone())
                    to_command=action.set(ActionField::Owner) key=action.key("owner") />
            </td>
            <td data-label=move || tr(lang.get(), "Due", "Deadline")>
                <CellDate label=label("Due", "Deadline") testid="review-action-due" value=action.date(|a| a.due)
                    to_command=action.set_date(ActionField::Due) key=action.key("due") />
            </td>
            <td data-label=move || tr(lang.get(), "Status", "Status")>
                <CellSelect label=label("Status", "Status") testid="review-action-status"
                    options=Signal::derive(move || action_status_options(lang.get()))
                    value=action.text(|a| action_status_key(a.status).to_string())
                    on_pick=action.pick(|k| action_status_of(k).map(ActionField::Status)) />
            </td>
        </tr>
    }
}
