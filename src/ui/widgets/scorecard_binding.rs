//! Binds the scorecard's own fields (mission, title, medium, period, amber threshold) and the
//! four factors' labels and key questions to form controls: a reactive value read from the
//! open scorecard and the command that sets it. The side panel's scorecard form and the
//! workshop's mission and factor steps share it.

use leptos::prelude::*;

use crate::model::{Command, Date, FactorKind, Scorecard, ScorecardField, text};

/// The scorecard's own fields in the open scorecard. `Copy`, so closures in a view can each
/// use it without cloning.
#[derive(Clone, Copy)]
pub(crate) struct ScorecardBinding {
    doc: ReadSignal<Scorecard>,
}

impl ScorecardBinding {
    /// The fields of `doc`.
    pub(crate) fn new(doc: ReadSignal<Scorecard>) -> ScorecardBinding {
        ScorecardBinding { doc }
    }

    /// The coalescing key of a field, e.g. `sc:mission`: typing into it is one undo step.
    pub(crate) fn key(&self, field: &str) -> String {
        format!("sc:{field}")
    }

    /// A text field's value.
    pub(crate) fn text(&self, get: fn(&Scorecard) -> String) -> Signal<String> {
        let doc = self.doc;
        Signal::derive(move || doc.with(get))
    }

    /// A date field's value.
    pub(crate) fn date(&self, get: fn(&Scorecard) -> Option<Date>) -> Signal<Option<Date>> {
        let doc = self.doc;
        Signal::derive(move || doc.with(get))
    }

    /// A number field's value.
    pub(crate) fn number(&self, get: fn(&Scorecard) -> Option<f64>) -> Signal<Option<f64>> {
        let doc = self.doc;
        Signal::derive(move || doc.with(get))
    }

    /// The command that sets a text field.
    pub(crate) fn set(&self, make: fn(String) -> ScorecardField) -> Callback<String, Command> {
        Callback::new(move |v: String| Command::SetScorecardField { field: make(v) })
    }

    /// The command that sets a date field.
    pub(crate) fn set_date(
        &self,
        make: fn(Option<Date>) -> ScorecardField,
    ) -> Callback<Option<Date>, Command> {
        Callback::new(move |v: Option<Date>| Command::SetScorecardField { field: make(v) })
    }

    /// The command that sets a number field.
    pub(crate) fn set_number(
        &self,
        make: fn(Option<f64>) -> ScorecardField,
    ) -> Callback<Option<f64>, Command> {
        Callback::new(move |v: Option<f64>| Command::SetScorecardField { field: make(v) })
    }

    /// The command that sets the kind of medium; the Medium factor's label may follow it
    /// (see [`medium_kind_command`]).
    pub(crate) fn set_medium_kind(&self) -> Callback<String, Command> {
        let doc = self.doc;
        Callback::new(move |kind: String| doc.with_untracked(|d| medium_kind_command(d, kind)))
    }
}

/// Sets the kind of medium; while the Medium quadrant's label is still the default or the
/// previous kind, the label follows, so the quadrant reads e.g. "Community".
fn medium_kind_command(doc: &Scorecard, kind: String) -> Command {
    let set_kind = Command::SetScorecardField {
        field: ScorecardField::MediumKind(kind.clone()),
    };
    let medium = doc.factor(FactorKind::Medium);
    let default = text::factor_label(FactorKind::Medium, doc.lang);
    let following = medium.label == default || medium.label == doc.medium_kind;
    if !following {
        return set_kind;
    }
    let label = if kind.trim().is_empty() {
        default.to_string()
    } else {
        kind
    };
    let set_label = Command::SetFactorText {
        factor: FactorKind::Medium,
        label,
        key_question: medium.key_question.clone(),
    };
    Command::Batch {
        commands: vec![set_kind, set_label],
    }
}

/// One factor's label and key question in the open scorecard. `Copy`, like
/// [`ScorecardBinding`].
#[derive(Clone, Copy)]
pub(crate) struct FactorBinding {
    kind: FactorKind,
    doc: ReadSignal<Scorecard>,
}

impl FactorBinding {
    /// The factor `kind` of `doc`.
    pub(crate) fn new(doc: ReadSignal<Scorecard>, kind: FactorKind) -> FactorBinding {
        FactorBinding { kind, doc }
    }

    /// The label's value.
    pub(crate) fn label(&self) -> Signal<String> {
        let (kind, doc) = (self.kind, self.doc);
        Signal::derive(move || doc.with(|d| d.factor(kind).label.clone()))
    }

    /// The key question's value.
    pub(crate) fn key_question(&self) -> Signal<String> {
        let (kind, doc) = (self.kind, self.doc);
        Signal::derive(move || doc.with(|d| d.factor(kind).key_question.clone()))
    }

    /// The command that sets the label, keeping the key question.
    pub(crate) fn set_label(&self) -> Callback<String, Command> {
        let (kind, doc) = (self.kind, self.doc);
        Callback::new(move |label: String| Command::SetFactorText {
            factor: kind,
            label,
            key_question: doc.with_untracked(|d| d.factor(kind).key_question.clone()),
        })
    }

    /// The command that sets the key question, keeping the label.
    pub(crate) fn set_key_question(&self) -> Callback<String, Command> {
        let (kind, doc) = (self.kind, self.doc);
        Callback::new(move |key_question: String| Command::SetFactorText {
            factor: kind,
            label: doc.with_untracked(|d| d.factor(kind).label.clone()),
            key_question,
        })
    }

    /// The label's coalescing key, e.g. `factor:medium:label`.
    pub(crate) fn label_key(&self) -> String {
        format!("factor:{}:label", self.kind.key())
    }

    /// The key question's coalescing key, e.g. `factor:medium:question`.
    pub(crate) fn question_key(&self) -> String {
        format!("factor:{}:question", self.kind.key())
    }
}
