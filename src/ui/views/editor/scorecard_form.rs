//! The scorecard's own fields: title, organisation, medium, period, language, mission, and the four
//! factors' labels and key questions.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, FactorKind, Lang, ScorecardField};
use crate::ui::session::state::AppState;
use crate::ui::widgets::fields::{DateField, NumberField, SelectField, TextField};
use crate::ui::widgets::scorecard_binding::{FactorBinding, ScorecardBinding};

/// The form for the scorecard itself.
#[component]
pub fn ScorecardForm() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let sc = ScorecardBinding::new(doc);
    let label = crate::ui::widgets::labels::labels(lang);
    view! {
        <h2 class="panel-title">{move || tr(lang.get(), "Scorecard and mission", "Scorecard en missie")}</h2>
        <TextField
            label=label("Social media mission: what do we stand for?", "Social media missie: waar staan we voor?")
            testid="mission-input"
            value=sc.text(|d| d.mission.clone())
            to_command=sc.set(ScorecardField::Mission)
            key=sc.key("mission")
            multiline=true
        />
        <TextField
            label=label("Title", "Titel")
            testid="title-input"
            value=sc.text(|d| d.title.clone())
            to_command=sc.set(ScorecardField::Title)
            key=sc.key("title")
        />
        <TextField
            label=label("Organisation", "Organisatie")
            testid="organisation-input"
            value=sc.text(|d| d.organisation.clone())
            to_command=sc.set(ScorecardField::Organisation)
            key=sc.key("organisation")
        />
        <div class="field-pair">
            <TextField
                label=label("Name of the medium", "Naam van het medium")
                testid="medium-name-input"
                value=sc.text(|d| d.medium_name.clone())
                to_command=sc.set(ScorecardField::MediumName)
                key=sc.key("medium-name")
            />
            <TextField
                label=label("Kind of medium (e.g. Community)", "Soort medium (bijv. Community)")
                testid="medium-kind-input"
                value=sc.text(|d| d.medium_kind.clone())
                to_command=sc.set_medium_kind()
                key=sc.key("medium-kind")
            />
        </div>
        <div class="field-pair">
            <DateField
                label=label("Period from", "Periode van")
                testid="period-start-input"
                value=sc.date(|d| d.period_start)
                to_command=sc.set_date(ScorecardField::PeriodStart)
                key=sc.key("period-start")
            />
            <DateField
                label=label("Period until", "Periode tot en met")
                testid="period-end-input"
                value=sc.date(|d| d.period_end)
                to_command=sc.set_date(ScorecardField::PeriodEnd)
                key=sc.key("period-end")
            />
        </div>
        <SelectField
            label=label("Language of the scorecard's texts", "Taal van de teksten van de scorecard")
            testid="scorecard-lang-input"
            options=Signal::derive(|| {
                vec![("en".to_string(), "English".to_string()), ("nl".to_string(), "Nederlands".to_string())]
            })
            value=Signal::derive(move || doc.with(|d| d.lang.code().to_string()))
            on_pick=Callback::new(move |code: String| {
                let picked = Lang::ALL.into_iter().find(|l| l.code() == code);
                if let Some(lang) = picked.filter(|l| *l != doc.with_untracked(|d| d.lang)) {
                    state.dispatch(Command::SetScorecardField { field: ScorecardField::Lang(lang) });
                }
            })
        />
        <NumberField
            label=label("Amber from (share of the target reached)", "Oranje vanaf (deel van het doel bereikt)")
            testid="amber-input"
            value=sc.number(|d| Some(d.amber_threshold * 100.0))
            to_command=sc.set_number(|v| ScorecardField::AmberThreshold(v.unwrap_or(70.0) / 100.0))
            key=sc.key("amber")
            suffix="%"
        />
        <h3 class="panel-subtitle">{move || tr(lang.get(), "The four factors", "De vier factoren")}</h3>
        {FactorKind::ALL.into_iter().map(|kind| view! { <FactorTextFields kind=kind /> }).collect_view()}
    }
}

/// A factor's label and key question.
#[component]
fn FactorTextFields(kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let factor = FactorBinding::new(state.doc, kind);
    let kind_name = move || crate::i18n::words::factor_kind_name(kind, lang.get());
    view! {
        <fieldset class="factor-fields">
            <legend>{kind_name}</legend>
            <TextField
                label=Signal::derive(move || tr(lang.get(), "Label", "Label").to_string())
                testid=label_testid(kind)
                value=factor.label()
                to_command=factor.set_label()
                key=factor.label_key()
            />
            <TextField
                label=Signal::derive(move || tr(lang.get(), "Key question", "Kernvraag").to_string())
                testid=question_testid(kind)
                value=factor.key_question()
                to_command=factor.set_key_question()
                key=factor.question_key()
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
