//! Step 3: the four factors in a 2×2, each with its label and the key question it answers.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::FactorKind;
use crate::ui::session::state::AppState;
use crate::ui::widgets::scorecard_binding::FactorBinding;

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

/// One factor's card: its label (with a naming hint for the medium) and key question.
#[component]
fn FactorCard(kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let factor = FactorBinding::new(state.doc, kind);
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
                testid="ws-factor-label" value=factor.label() to_command=factor.set_label() show_label=true
                key=factor.label_key()
                placeholder=Signal::derive(move || hint().to_string()) />
            <CellText label=Signal::derive(move || tr(lang.get(), "Key question", "Kernvraag").to_string())
                testid="ws-factor-question" value=factor.key_question() to_command=factor.set_key_question()
                show_label=true multiline=true key=factor.question_key() />
            <Show when=move || !hint().is_empty()>
                <p class="ws-note">{hint}</p>
            </Show>
        </section>
    }
}
