//! Binds a KPI's fields to form controls: a reactive value read from the open scorecard and
//! the command that sets it. The side panel's KPI form and the workshop's KPI tables share it.

use leptos::prelude::*;

use crate::model::{Command, Kpi, KpiField, Scorecard};
use crate::ui::session::state::AppState;

/// The fields of one KPI, by id, in the open scorecard. `Copy`, so closures in a view can
/// each use it without cloning.
#[derive(Clone, Copy)]
pub(crate) struct KpiBinding {
    id: StoredValue<String>,
    doc: ReadSignal<Scorecard>,
}

impl KpiBinding {
    /// The KPI `id` of `doc`.
    pub(crate) fn new(doc: ReadSignal<Scorecard>, id: String) -> KpiBinding {
        KpiBinding {
            id: StoredValue::new(id),
            doc,
        }
    }

    /// The coalescing key of a field, e.g. `kpi-4:unit`: typing into it is one undo step.
    pub(crate) fn key(&self, field: &str) -> String {
        format!("{}:{field}", self.id.get_value())
    }

    /// A text field's value (empty once the KPI is gone).
    pub(crate) fn text(&self, get: fn(&Kpi) -> String) -> Signal<String> {
        let (id, doc) = (self.id.get_value(), self.doc);
        Signal::derive(move || doc.with(|d| d.kpi(&id).map(get).unwrap_or_default()))
    }

    /// A number field's value.
    pub(crate) fn number(&self, get: fn(&Kpi) -> Option<f64>) -> Signal<Option<f64>> {
        let (id, doc) = (self.id.get_value(), self.doc);
        Signal::derive(move || doc.with(|d| d.kpi(&id).and_then(get)))
    }

    /// The command that sets a text field.
    pub(crate) fn set(&self, make: fn(String) -> KpiField) -> Callback<String, Command> {
        let id = self.id.get_value();
        Callback::new(move |v: String| Command::UpdateKpi {
            id: id.clone(),
            field: make(v),
        })
    }

    /// The command that sets a number field.
    pub(crate) fn set_number(
        &self,
        make: fn(Option<f64>) -> KpiField,
    ) -> Callback<Option<f64>, Command> {
        let id = self.id.get_value();
        Callback::new(move |v: Option<f64>| Command::UpdateKpi {
            id: id.clone(),
            field: make(v),
        })
    }

    /// A choice from a select: dispatches the field `make` reads from the picked key, as its
    /// own undo step; an unknown key changes nothing.
    pub(crate) fn pick(&self, make: fn(&str) -> Option<KpiField>) -> Callback<String> {
        let state = AppState::expect();
        let id = self.id.get_value();
        Callback::new(move |key: String| {
            if let Some(field) = make(&key) {
                state.dispatch(Command::UpdateKpi {
                    id: id.clone(),
                    field,
                });
            }
        })
    }
}
