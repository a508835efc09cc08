//! The scorecard's own fields: title, organisation, medium, period, mission, and the four
//! factors' labels and key questions.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, FactorKind, Scorecard, ScorecardField, text};
use crate::ui::session::state::AppState;
use crate::ui::widgets::fields::{DateField, NumberField, TextField};

/// The form for the scorecard itself.
#[component]
pub fn ScorecardForm() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let text =
        move |get: fn(&crate::model::Scorecard) -> String| Signal::derive(move || doc.with(get));
    let set = |make: fn(String) -> ScorecardField| {
        Callback::new(move |v: String| Command::SetScorecardField { field: make(v) })
    };
    let label = crate::ui::widgets::labels::labels(lang);
    view! {
        <h2 class="panel-title">{move || tr(lang.get(), "Scorecard and mission", "Scorecard en missie")}</h2>
        <TextField
            label=label("Social media mission: what do we stand for?", "Social media missie: waar staan we voor?")
            testid="mission-input"
            value=text(|d| d.mission.clone())
            to_command=set(ScorecardField::Mission)
            key="sc:mission".into()
            multiline=true
        />
        <TextField
            label=label("Title", "Titel")
            testid="title-input"
            value=text(|d| d.title.clone())
            to_command=set(ScorecardField::Title)
            key="sc:title".into()
        />
        <TextField
            label=label("Organisation", "Organisatie")
            testid="organisation-input"
            value=text(|d| d.organisation.clone())
            to_command=set(ScorecardField::Organisation)
            key="sc:organisation".into()
        />
        <div class="field-pair">
            <TextField
                label=label("Name of the medium", "Naam van het medium")
                testid="medium-name-input"
                value=text(|d| d.medium_name.clone())
                to_command=set(ScorecardField::MediumName)
                key="sc:medium-name".into()
            />
            <TextField
                label=label("Kind of medium (e.g. Community)", "Soort medium (bijv. Community)")
                testid="medium-kind-input"
                value=text(|d| d.medium_kind.clone())
                to_command=Callback::new(move |kind: String| doc.with_untracked(|d| medium_kind_command(d, kind)))
                key="sc:medium-kind".into()
            />
        </div>
        <div class="field-pair">
            <DateField
                label=label("Period from", "Periode van")
                testid="period-start-input"
                value=Signal::derive(move || doc.with(|d| d.period_start))
                to_command=Callback::new(|v| Command::SetScorecardField { field: ScorecardField::PeriodStart(v) })
                key="sc:period-start".into()
            />
            <DateField
                label=label("Period until", "Periode tot en met")
                testid="period-end-input"
                value=Signal::derive(move || doc.with(|d| d.period_end))
                to_command=Callback::new(|v| Command::SetScorecardField { field: ScorecardField::PeriodEnd(v) })
                key="sc:period-end".into()
            />
        </div>
        <NumberField
            label=label("Amber from (share of the target reached)", "Oranje vanaf (deel van het doel bereikt)")
            testid="amber-input"
            value=Signal::derive(move || doc.with(|d| Some(d.amber_threshold * 100.0)))
            to_command=Callback::new(|v: Option<f64>| Command::SetScorecardField {
                field: ScorecardField::AmberThreshold(v.unwrap_or(70.0) / 100.0),
            })
            key="sc:amber".into()
            suffix="%"
        />
        <h3 class="panel-subtitle">{move || tr(lang.get(), "The four factors", "De vier factoren")}</h3>
        {FactorKind::ALL.into_iter().map(|kind| view! { <FactorTextFields kind=kind /> }).collect_view()}
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

/// A factor's label and key question.
#[component]
fn FactorTextFields(kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label_value = Signal::derive(move || doc.with(|d| d.factor(kind).label.clone()));
    let question_value = Signal::derive(move || doc.with(|d| d.factor(kind).key_question.clone()));
    let set_label = Callback::new(move |label: String| Command::SetFactorText {
        factor: kind,
        label,
        key_question: doc.with_untracked(|d| d.factor(kind).key_question.clone()),
    });
    let set_question = Callback::new(move |key_question: String| Command::SetFactorText {
        factor: kind,
        label: doc.with_untracked(|d| d.factor(kind).label.clone()),
        key_question,
    });
    let kind_name = move || crate::i18n::words::factor_kind_name(kind, lang.get());
    view! {
        <fieldset class="factor-fields">
            <legend>{kind_name}</legend>
            <TextField
                label=Signal::derive(move || tr(lang.get(), "Label", "Label").to_string())
                testid=label_testid(kind)
                value=label_value
                to_command=set_label
                key=format!("factor:{}:label", kind.key())
            />
            <TextField
                label=Signal::derive(move || tr(lang.get(), "Key question", "Kernvraag").to_string())
                testid=question_testid(kind)
                value=question_value
                to_command=set_question
                key=format!("factor:{}:question", kind.key())
            />
        </fieldset>
    }
}

fn label_testid(kind: FactorKind) -> &'static str {
    match kind {
        FactorKind::Customers => "factor-label-customers",
        FactorKind::Financial => "factor-label-financial",
        FactorKind::Organisation => "factor-label-organisation",
        FactorKind::Medium => "factor-label-medium",
    }
}

fn question_testid(kind: FactorKind) -> &'static str {
    match kind {
        FactorKind::Customers => "factor-question-customers",
        FactorKind::Financial => "factor-question-financial",
        FactorKind::Organisation => "factor-question-organisation",
        FactorKind::Medium => "factor-question-medium",
    }
}
