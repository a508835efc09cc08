//! Step 3: the four factors in a 2×2, each with its label and the key question it answers.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, FactorKind};
use crate::ui::session::state::AppState;

use super::cells::CellText;

/// The four factors' labels and key questions.
#[component]
pub fn FactorsStep() -> impl IntoView {
    view! {
        <div class="ws-factor-grid">
            {FactorKind::ALL.into_iter().map(|kind| view! { <FactorCard kind=kind /> }).collect_view()}
        </div>
    }
}

#[component]
fn FactorCard(kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = Signal::derive(move || doc.with(|d| d.factor(kind).label.clone()));
    let question = Signal::derive(move || doc.with(|d| d.factor(kind).key_question.clone()));
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
    let hint = move || match kind {
        FactorKind::Medium => tr(
            lang.get(),
            "Name it after your medium, e.g. Community",
            "Noem het naar je medium, bijv. Community",
        ),
        _ => "",
    };
    view! {
        <section class="ws-factor" data-factor=kind.key() data-testid=format!("ws-factor-{}", kind.key())>
            <CellText label=Signal::derive(move || tr(lang.get(), "Factor", "Factor").to_string())
                testid="ws-factor-label" value=label to_command=set_label show_label=true
                key=format!("factor:{}:label", kind.key())
                placeholder=Signal::derive(move || hint().to_string()) />
            <CellText label=Signal::derive(move || tr(lang.get(), "Key question", "Kernvraag").to_string())
                testid="ws-factor-question" value=question to_command=set_question show_label=true
                multiline=true key=format!("factor:{}:question", kind.key()) />
            <Show when=move || !hint().is_empty()>
                <p class="ws-note">{hint}</p>
            </Show>
        </section>
    }
}
