//! An action: title, owner, due date, status, note.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::{action_status_key, action_status_of, action_status_options};
use crate::model::{Action, ActionField, Command};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::editor::item_tools::ItemTools;
use crate::ui::views::editor::kpi_form::BackTo;
use crate::ui::widgets::fields::{DateField, SelectField, TextField};

/// The form for one action.
#[component]
pub fn ActionForm(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let action = {
        let id = id.clone();
        move |get: fn(&Action) -> String| {
            let id = id.clone();
            Signal::derive(move || {
                doc.with(|d| {
                    d.locate_action(&id)
                        .and_then(|(so, i)| {
                            d.sub_objective(&so)
                                .and_then(|(_, s)| s.actions.get(i).map(get))
                        })
                        .unwrap_or_default()
                })
            })
        }
    };
    let set = {
        let id = id.clone();
        move |make: fn(String) -> ActionField| {
            let id = id.clone();
            Callback::new(move |v: String| Command::UpdateAction {
                id: id.clone(),
                field: make(v),
            })
        }
    };
    let due = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.locate_action(&id).and_then(|(so, i)| {
                    d.sub_objective(&so)
                        .and_then(|(_, s)| s.actions.get(i).and_then(|a| a.due))
                })
            })
        })
    };
    let set_due = {
        let id = id.clone();
        Callback::new(move |v| Command::UpdateAction {
            id: id.clone(),
            field: ActionField::Due(v),
        })
    };
    let status_options = Signal::derive(move || action_status_options(lang.get()));
    let pick_status = {
        let id = id.clone();
        Callback::new(move |key: String| {
            if let Some(s) = action_status_of(&key) {
                state.dispatch(Command::UpdateAction {
                    id: id.clone(),
                    field: ActionField::Status(s),
                });
            }
        })
    };
    let parent = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.locate_action(&id).map(|(so, _)| {
                    let title = d
                        .sub_objective(&so)
                        .map(|(_, s)| s.title.clone())
                        .unwrap_or_default();
                    (Selection::SubObjective(so), title)
                })
            })
        })
    };
    let position = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.locate_action(&id)
                    .and_then(|(so, i)| d.sub_objective(&so).map(|(_, s)| (i, s.actions.len())))
            })
        })
    };
    let move_to = {
        let id = id.clone();
        Callback::new(move |to_index| {
            let so = doc
                .with_untracked(|d| d.locate_action(&id).map(|(so, _)| so))
                .unwrap_or_default();
            Command::MoveAction {
                id: id.clone(),
                sub_objective: so,
                to_index,
            }
        })
    };
    let delete = {
        let id = id.clone();
        Callback::new(move |_| Command::RemoveAction { id: id.clone() })
    };
    let title = action(|a| a.title.clone());
    view! {
        <BackTo parent=parent />
        <h2 class="panel-title">{move || tr(lang.get(), "Action", "Actie")}</h2>
        <TextField label=label("What will be done?", "Wat gaan we doen?") testid="action-title-input" value=title
            to_command=set(ActionField::Title) key=format!("{id}:title") />
        <div class="field-pair">
            <TextField label=label("Owner", "Eigenaar") testid="action-owner-input" value=action(|a| a.owner.clone())
                to_command=set(ActionField::Owner) key=format!("{id}:owner") />
            <DateField label=label("Due", "Deadline") testid="action-due-input" value=due to_command=set_due key=format!("{id}:due") />
        </div>
        <SelectField label=label("Status", "Status") testid="action-status-input" options=status_options
            value=action(|a| action_status_key(a.status).to_string()) on_pick=pick_status />
        <TextField label=label("Note", "Notitie") testid="action-note-input" value=action(|a| a.note.clone())
            to_command=set(ActionField::Note) key=format!("{id}:note") multiline=true />
        <ItemTools what=label("action", "actie") position=position move_to=move_to delete=delete title=title />
    }
}
