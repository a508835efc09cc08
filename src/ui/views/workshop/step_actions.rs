//! Step 6: the actions of every sub-objective with owner, due date and status, edited in
//! place, with "add action" per sub-objective.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{ActionField, Command};
use crate::ui::session::state::AppState;
use crate::ui::widgets::action_binding::ActionBinding;

use super::cells::{CellDate, CellSelect, CellText, RemoveButton, focus_soon};
use crate::i18n::words::{
    action_status_key as status_key, action_status_of as status_of,
    action_status_options as status_options,
};

/// The actions table.
#[component]
pub fn ActionsStep() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let workshop = state.workshop;
    let subs = Memo::new(move |_| {
        state.doc.with(|d| {
            d.sub_objectives()
                .map(|(kind, s)| (s.id.clone(), kind.key()))
                .collect::<Vec<_>>()
        })
    });
    let head = move |en: &'static str, nl: &'static str| {
        view! { <th scope="col">{move || tr(lang.get(), en, nl)}</th> }
    };
    view! {
        <Show
            when=move || subs.with(|s| !s.is_empty())
            fallback=move || view! {
                <p class="ws-empty" data-testid="ws-actions-empty">
                    {move || tr(lang.get(), "There are no sub-objectives yet.", "Er zijn nog geen subdoelstellingen.")}
                    " "
                    <button type="button" class="link-button" on:click=move |_| super::go_and_focus(workshop, 4)>
                        {move || tr(lang.get(), "Add them at step 4.", "Voeg ze toe bij stap 4.")}
                    </button>
                </p>
            }
        >
            <table class="ws-table ws-action-table" data-testid="ws-action-table">
                <colgroup>
                    <col />
                    <col class="ws-c-owner" />
                    <col class="ws-c-due" />
                    <col class="ws-c-status" />
                    <col class="ws-c-remove" />
                </colgroup>
                <thead>
                    <tr>
                        {head("Action", "Actie")}
                        {head("Owner", "Eigenaar")}
                        {head("Due", "Deadline")}
                        {head("Status", "Status")}
                        <th scope="col"><span class="visually-hidden">{move || tr(lang.get(), "Tools", "Knoppen")}</span></th>
                    </tr>
                </thead>
                <For each=move || subs.get() key=|(id, _)| id.clone() let:((id, factor))>
                    <ActionGroup id=id factor=factor />
                </For>
            </table>
        </Show>
    }
}

/// The rows of one sub-objective with its "add action" button.
#[component]
fn ActionGroup(id: String, factor: &'static str) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let heading = {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.sub_objective(&id)
                    .map(|(kind, s)| (d.factor(kind).label.clone(), s.title.clone()))
                    .unwrap_or_default()
            })
        })
    };
    let ids = {
        let id = id.clone();
        move || {
            state.doc.with(|d| {
                d.sub_objective(&id)
                    .map(|(_, s)| s.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        }
    };
    let add_id = id.clone();
    let add = move |_| {
        let title = tr(lang.get_untracked(), "New action", "Nieuwe actie").to_string();
        if let Some(new) = state.dispatch(Command::AddAction {
            sub_objective: add_id.clone(),
            title,
        }) {
            focus_soon(format!(
                "[data-testid=ws-action-row][data-id=\"{new}\"] [data-testid=ws-action-title]"
            ));
        }
    };
    view! {
        <tbody class="ws-group" data-testid="ws-action-group" data-id=id.clone() data-factor=factor>
            <tr class="ws-group-head">
                <th colspan="5" scope="rowgroup">
                    <span class="ws-group-factor">{move || heading.get().0}</span>
                    <span class="ws-group-title" data-testid="ws-group-title">{move || heading.get().1}</span>
                    <button type="button" class="add-button ws-add" data-testid="ws-add-action" on:click=add>
                        {move || tr(lang.get(), "+ Add action", "+ Actie toevoegen")}
                        <span class="visually-hidden">{move || format!(" {} {}", tr(lang.get(), "to", "aan"), heading.get().1)}</span>
                    </button>
                </th>
            </tr>
            <For each=ids key=|id| id.clone() let:id>
                <ActionRow id=id />
            </For>
        </tbody>
    }
}

/// One action, edited in place.
#[component]
fn ActionRow(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let label = crate::ui::widgets::labels::labels(lang);
    let action = ActionBinding::new(state.doc, id.clone());
    let title = action.text(|a| a.title.clone());
    let remove_id = id.clone();
    view! {
        <tr class="ws-row" data-testid="ws-action-row" data-id=id.clone()>
            <td>
                <CellText label=label("What will be done?", "Wat gaan we doen?") testid="ws-action-title" value=title
                    to_command=action.set(ActionField::Title) key=action.key("title") />
            </td>
            <td>
                <CellText label=label("Owner", "Eigenaar") testid="ws-action-owner" value=action.text(|a| a.owner.clone())
                    to_command=action.set(ActionField::Owner) key=action.key("owner") />
            </td>
            <td>
                <CellDate label=label("Due", "Deadline") testid="ws-action-due" value=action.date(|a| a.due)
                    to_command=action.set_date(ActionField::Due) key=action.key("due") />
            </td>
            <td>
                <CellSelect label=label("Status", "Status") testid="ws-action-status"
                    options=Signal::derive(move || status_options(lang.get()))
                    value=action.text(|a| status_key(a.status).to_string())
                    on_pick=action.pick(|k| status_of(k).map(ActionField::Status)) />
            </td>
            <td class="ws-tools">
                <RemoveButton testid="ws-action-remove" title=title
                    command=Callback::new(move |_| Command::RemoveAction { id: remove_id.clone() }) />
            </td>
        </tr>
    }
}
