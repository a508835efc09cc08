//! Binds an action's fields to form controls: a reactive value read from the open scorecard
//! and the command that sets it. The side panel's action form and the workshop's actions
//! table share it.

use leptos::prelude::*;

use crate::model::{Action, ActionField, Command, Date, Scorecard};
use crate::ui::session::state::AppState;

/// The fields of one action, by id, in the open scorecard. `Copy`, so closures in a view can
/// each use it without cloning.
#[derive(Clone, Copy)]
pub(crate) struct ActionBinding {
    id: StoredValue<String>,
    doc: ReadSignal<Scorecard>,
}

/// The action `id` of `d`, wherever it is.
fn find<'a>(d: &'a Scorecard, id: &str) -> Option<&'a Action> {
    d.locate_action(id)
        .and_then(|(so, i)| d.sub_objective(&so).and_then(|(_, s)| s.actions.get(i)))
}

impl ActionBinding {
    /// The action `id` of `doc`.
    pub(crate) fn new(doc: ReadSignal<Scorecard>, id: String) -> ActionBinding {
        ActionBinding {
            id: StoredValue::new(id),
            doc,
        }
    }

    /// The coalescing key of a field, e.g. `act-2:title`: typing into it is one undo step.
    pub(crate) fn key(&self, field: &str) -> String {
        format!("{}:{field}", self.id.get_value())
    }

    /// A text field's value (empty once the action is gone).
    pub(crate) fn text(&self, get: fn(&Action) -> String) -> Signal<String> {
        let (id, doc) = (self.id.get_value(), self.doc);
        Signal::derive(move || doc.with(|d| find(d, &id).map(get).unwrap_or_default()))
    }

    /// A date field's value.
    pub(crate) fn date(&self, get: fn(&Action) -> Option<Date>) -> Signal<Option<Date>> {
        let (id, doc) = (self.id.get_value(), self.doc);
        Signal::derive(move || doc.with(|d| find(d, &id).and_then(get)))
    }

    /// The command that sets a text field.
    pub(crate) fn set(&self, make: fn(String) -> ActionField) -> Callback<String, Command> {
        let id = self.id.get_value();
        Callback::new(move |v: String| Command::UpdateAction {
            id: id.clone(),
            field: make(v),
        })
    }

    /// The command that sets a date field.
    pub(crate) fn set_date(
        &self,
        make: fn(Option<Date>) -> ActionField,
    ) -> Callback<Option<Date>, Command> {
        let id = self.id.get_value();
        Callback::new(move |v: Option<Date>| Command::UpdateAction {
            id: id.clone(),
            field: make(v),
        })
    }

    /// A choice from a select: dispatches the field `make` reads from the picked key, as its
    /// own undo step; an unknown key changes nothing.
    pub(crate) fn pick(&self, make: fn(&str) -> Option<ActionField>) -> Callback<String> {
        let state = AppState::expect();
        let id = self.id.get_value();
        Callback::new(move |key: String| {
            if let Some(field) = make(&key) {
                state.dispatch(Command::UpdateAction {
                    id: id.clone(),
                    field,
                });
            }
        })
    }
}
