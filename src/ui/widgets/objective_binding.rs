//! Binds an objective's fields to form controls: a reactive value read from the open
//! scorecard and the command that sets it. The side panel's objective form and the
//! workshop's objectives list share it.

use leptos::prelude::*;

use crate::model::{Command, Objective, ObjectiveField, Scorecard};

/// The fields of one objective, by id, in the open scorecard. `Copy`, so closures in a view
/// can each use it without cloning.
#[derive(Clone, Copy)]
pub(crate) struct ObjectiveBinding {
    id: StoredValue<String>,
    doc: ReadSignal<Scorecard>,
}

impl ObjectiveBinding {
    /// The objective `id` of `doc`.
    pub(crate) fn new(doc: ReadSignal<Scorecard>, id: String) -> ObjectiveBinding {
        ObjectiveBinding {
            id: StoredValue::new(id),
            doc,
        }
    }

    /// The coalescing key of a field, e.g. `obj-3:title`: typing into it is one undo step.
    pub(crate) fn key(&self, field: &str) -> String {
        format!("{}:{field}", self.id.get_value())
    }

    /// A text field's value (empty once the objective is gone).
    pub(crate) fn text(&self, get: fn(&Objective) -> String) -> Signal<String> {
        let (id, doc) = (self.id.get_value(), self.doc);
        Signal::derive(move || doc.with(|d| d.objective(&id).map(get).unwrap_or_default()))
    }

    /// The command that sets a text field.
    pub(crate) fn set(&self, make: fn(String) -> ObjectiveField) -> Callback<String, Command> {
        let id = self.id.get_value();
        Callback::new(move |v: String| Command::UpdateObjective {
            id: id.clone(),
            field: make(v),
        })
    }
}
