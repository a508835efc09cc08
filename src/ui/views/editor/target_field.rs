//! A KPI's target field. Unlike the other number fields it does not send a change on every
//! keystroke: the value is committed when the field is left or Enter is pressed. Then a KPI
//! without target and without values just gets it; any other change asks whether it is a
//! correction or a new target from a date (`TargetChangeDialog`); cancelling puts the field
//! back. An unreadable number is shown at the field while typing and never committed.

use leptos::prelude::*;

use crate::i18n::format::{format_number, parse_number};
use crate::method::target_change::{TargetEdit, target_edit};
use crate::model::{Command, KpiField, Lang};
use crate::ui::session::state::AppState;
use crate::ui::views::editor::target_change_dialog::TargetChangeDialog;

const TESTID: &str = "kpi-target-input";

/// The text of the field read as an optional number (empty: no target).
fn read(text: &str, lang: Lang) -> Result<Option<f64>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_number(text, lang).map(Some)
    }
}

/// The target field of KPI `kpi`, with `unit` after it.
#[component]
pub fn TargetField(
    kpi: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] unit: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let (lang, doc) = (state.lang, state.doc);
    let value_id = kpi.clone();
    let value = Memo::new(move |_| doc.with(|d| d.kpi(&value_id).and_then(|k| k.target)));
    // What the user typed, until it is committed or put back.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // The new target the dialog asks about, while it is open.
    let asking = RwSignal::new(None::<Option<f64>>);
    let shown = move || match draft.get() {
        Some(text) => text,
        None => value
            .get()
            .map(|v| format_number(v, lang.get()))
            .unwrap_or_default(),
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        error.set(read(&text, lang.get_untracked()).err());
        draft.set(Some(text));
    };
    let commit_id = kpi.clone();
    // Leaving the field or Enter. Also called for a blur that arrives once the form is gone
    // (Escape closes the panel with the focus in it): then nothing happens.
    let commit = move || {
        let Some(Some(text)) = draft.try_get_untracked() else {
            return;
        };
        if asking.try_get_untracked().flatten().is_some() {
            return;
        }
        let new = match read(&text, lang.get_untracked()) {
            Ok(new) => new,
            Err(why) => {
                error.set(Some(why));
                return;
            }
        };
        let edit = doc.with_untracked(|d| d.kpi(&commit_id).map(|k| target_edit(d, k, new)));
        match edit {
            None | Some(TargetEdit::Unchanged) => {
                draft.set(None);
                error.set(None);
            }
            Some(TargetEdit::Set) => {
                let cmd = Command::UpdateKpi {
                    id: commit_id.clone(),
                    field: KpiField::Target(new),
                };
                match state.try_dispatch_keyed(cmd, None) {
                    Ok(_) => {
                        state.seal_history();
                        draft.set(None);
                        error.set(None);
                    }
                    Err(why) => error.set(Some(why)),
                }
            }
            Some(TargetEdit::Ask) => match state.refusal() {
                Some(why) => error.set(Some(why)),
                None => {
                    error.set(None);
                    asking.set(Some(new));
                }
            },
        }
    };
    let on_keydown = {
        let commit = commit.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Enter" {
                ev.prevent_default();
                commit();
            }
        }
    };
    // Applied or cancelled: the field shows the KPI's target again.
    let close = Callback::new(move |()| {
        asking.set(None);
        draft.set(None);
        error.set(None);
    });
    let dialog_kpi = kpi.clone();
    let dialog = move || {
        asking.get().map(
            |new| view! { <TargetChangeDialog kpi=dialog_kpi.clone() new=new on_close=close /> },
        )
    };
    let id = format!("field-{TESTID}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field field-number">
            <label for=id.clone()>{move || label.get()}</label>
            <div class="field-row">
                <input
                    type="text"
                    inputmode="decimal"
                    id=id
                    data-testid=TESTID
                    aria-describedby=error_id.clone()
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=shown
                    on:input=on_input
                    on:keydown=on_keydown
                    on:blur=move |_| commit()
                />
                <span class="field-suffix">{move || unit.get()}</span>
            </div>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" role="alert" id=error_id.clone() data-testid="field-error">
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
        </div>
        {dialog}
    }
}
