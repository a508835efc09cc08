//! Step 2: the social media objectives, typed one after the other and edited in place.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, ObjectiveField};
use crate::ui::session::state::AppState;
use crate::ui::widgets::objective_binding::ObjectiveBinding;

use super::cells::{CellText, RemoveButton, focus_soon};

/// The objectives: a numbered list with title and concrete target, and a line to add one.
#[component]
pub fn ObjectivesStep() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let ids = move || {
        state.doc.with(|d| {
            d.objectives
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let draft = RwSignal::new(String::new());
    let add = move || {
        let typed = draft.get_untracked().trim().to_string();
        let title = if typed.is_empty() {
            tr(lang.get_untracked(), "New objective", "Nieuwe doelstelling").to_string()
        } else {
            typed.clone()
        };
        if state.dispatch(Command::AddObjective { title }).is_some() {
            draft.set(String::new());
            if typed.is_empty() {
                focus_soon(
                    "[data-testid=ws-objective]:last-child [data-testid=ws-objective-title]".into(),
                );
            }
        }
    };
    view! {
        <ol class="ws-objective-list" data-testid="ws-objective-list">
            <For each=ids key=|id| id.clone() let:id>
                <ObjectiveRow id=id />
            </For>
        </ol>
        <div class="ws-add-row">
            <label class="ws-cell ws-grow">
                <span class="visually-hidden">{move || tr(lang.get(), "New objective", "Nieuwe doelstelling")}</span>
                <input type="text" data-testid="ws-new-objective"
                    placeholder=move || tr(lang.get(), "Type an objective, e.g. Loyalty, and press Enter", "Typ een doelstelling, bijv. Loyaliteit, en druk op Enter")
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
            </label>
            <button type="button" class="add-button ws-add" data-testid="ws-add-objective" on:click=move |_| add()>
                {move || tr(lang.get(), "+ Add objective", "+ Doelstelling toevoegen")}
            </button>
        </div>
    }
}

/// One objective: its title and what exactly we want to reach.
#[component]
fn ObjectiveRow(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let objective = ObjectiveBinding::new(state.doc, id.clone());
    let title = objective.text(|o| o.title.clone());
    let remove_id = id.clone();
    view! {
        <li class="ws-objective" data-testid="ws-objective" data-id=id.clone()>
            <CellText
                label=Signal::derive(move || tr(lang.get(), "Objective", "Doelstelling").to_string())
                testid="ws-objective-title" value=title to_command=objective.set(ObjectiveField::Title)
                key=objective.key("title") />
            <CellText
                label=Signal::derive(move || tr(lang.get(), "Concrete and measurable", "Concreet en meetbaar").to_string())
                testid="ws-objective-description" value=objective.text(|o| o.description.clone())
                to_command=objective.set(ObjectiveField::Description) key=objective.key("description")
                placeholder=Signal::derive(move || tr(lang.get(), "Concretely: e.g. 60 % of the members still active after 12 months", "Concreet: bijv. 60 % van de leden na 12 maanden nog actief").to_string()) />
            <RemoveButton testid="ws-objective-remove" title=title
                command=Callback::new(move |_| Command::RemoveObjective { id: remove_id.clone() }) />
        </li>
    }
}
