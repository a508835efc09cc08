//! An action: title, owner, due date, status, note.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::{action_status_key, action_status_of, action_status_options};
use crate::model::{ActionField, Command};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::editor::item_tools::ItemTools;
use crate::ui::views::editor::kpi_form::BackTo;
use crate::ui::views::editor::parent_select::ActionParentSelect;
use crate::ui::widgets::action_binding::ActionBinding;
use crate::ui::widgets::fields::{DateField, SelectField, TextField};

/// The form for one action.
#[component]
pub fn ActionForm(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let action = ActionBinding::new(doc, id.clone());
    let status_options = Signal::derive(move || action_status_options(lang.get()));
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
    let title = action.text(|a| a.title.clone());
    view! {
        <BackTo parent=parent />
        <h2 class="panel-title">{move || tr(lang.get(), "Action", "Actie")}</h2>
        <TextField label=label("What will be done?", "Wat gaan we doen?") testid="action-title-input" value=title
            to_command=action.set(ActionField::Title) key=action.key("title") />
        <div class="field-pair">
            <TextField label=label("Owner", "Eigenaar") testid="action-owner-input" value=action.text(|a| a.owner.clone())
                to_command=action.set(ActionField::Owner) key=action.key("owner") />
            <DateField label=label("Due", "Deadline") testid="action-due-input" value=action.date(|a| a.due)
                to_command=action.set_date(ActionField::Due) key=action.key("due") />
        </div>
        <SelectField label=label("Status", "Status") testid="action-status-input" options=status_options
            value=action.text(|a| action_status_key(a.status).to_string())
            on_pick=action.pick(|k| action_status_of(k).map(ActionField::Status)) />
        <TextField label=label("Note", "Notitie") testid="action-note-input" value=action.text(|a| a.note.clone())
            to_command=action.set(ActionField::Note) key=action.key("note") multiline=true />
        <ActionParentSelect id=id.clone() />
        <ItemTools what=label("action", "actie") position=position move_to=move_to delete=delete title=title />
    }
}
