//! Labelled form fields for the side panel. Each shows its value from the model, sends every
//! change as one command, and shows a refusal or an unreadable entry at the field itself:
//! invalid input never reaches the model.

use leptos::prelude::*;

use crate::format::{format_number, parse_number};
use crate::model::{Command, Date};
use crate::ui::state::AppState;

/// Builds the command for a new field value.
pub type ToCommand<T> = Callback<T, Command>;

fn field_id(testid: &str) -> String {
    format!("field-{testid}")
}

/// An error line under a field, announced to screen readers.
#[component]
fn FieldError(error: RwSignal<Option<String>>, id: String) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <p class="field-error" role="alert" id=id.clone() data-testid="field-error">
                {move || error.get().unwrap_or_default()}
            </p>
        </Show>
    }
}

/// A one-line or multi-line text field. Typing is one undo step per field.
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<String>,
    to_command: ToCommand<String>,
    /// Coalescing key: the item id and field, e.g. `obj-3:title`.
    key: String,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] placeholder: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let id = field_id(testid);
    let error_id = format!("{id}-error");
    let on_input = move |text: String| {
        let result = state.try_dispatch_keyed(to_command.run(text), Some(&key));
        error.set(result.err());
    };
    let on_blur = move |_| state.seal_history();
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                data-testid=testid
                rows="3"
                placeholder=move || placeholder.get()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=id.clone()
                data-testid=testid
                placeholder=move || placeholder.get()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
                on:blur=on_blur
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {input}
            <FieldError error=error id=error_id />
        </div>
    }
}

/// A number field that reads `2.5` and `2,5`. With `optional`, an empty field means "none".
#[component]
pub fn NumberField(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<Option<f64>>,
    to_command: ToCommand<Option<f64>>,
    key: String,
    #[prop(optional)] optional: bool,
    /// Shown after the field, e.g. a unit or "%".
    #[prop(optional, into)]
    suffix: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let error = RwSignal::new(None::<String>);
    // What the user typed, kept while it is unreadable so they can fix it.
    let draft = RwSignal::new(None::<String>);
    let id = field_id(testid);
    let error_id = format!("{id}-error");
    let shown = move || match draft.get() {
        Some(text) => text,
        None => value
            .get()
            .map(|v| format_number(v, lang.get()))
            .unwrap_or_default(),
    };
    let on_input = move |text: String| {
        let parsed = if optional && text.trim().is_empty() {
            Ok(None)
        } else {
            parse_number(&text, lang.get_untracked()).map(Some)
        };
        match parsed {
            Ok(number) => {
                let result = state.try_dispatch_keyed(to_command.run(number), Some(&key));
                match result {
                    Ok(_) => {
                        error.set(None);
                        draft.set(Some(text));
                    }
                    Err(why) => {
                        error.set(Some(why));
                        draft.set(Some(text));
                    }
                }
            }
            Err(why) => {
                error.set(Some(why));
                draft.set(Some(text));
            }
        }
    };
    let on_blur = move |_| {
        state.seal_history();
        if error.get_untracked().is_none() {
            draft.set(None);
        }
    };
    view! {
        <div class="field field-number">
            <label for=id.clone()>{move || label.get()}</label>
            <div class="field-row">
                <input
                    type="text"
                    inputmode="decimal"
                    id=id
                    data-testid=testid
                    aria-describedby=error_id.clone()
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=shown
                    on:input=move |ev| on_input(event_target_value(&ev))
                    on:blur=on_blur
                />
                <span class="field-suffix">{move || suffix.get()}</span>
            </div>
            <FieldError error=error id=error_id />
        </div>
    }
}

/// A date field; the browser shows it in the user's language format.
#[component]
pub fn DateField(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<Option<Date>>,
    to_command: ToCommand<Option<Date>>,
    key: String,
) -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let id = field_id(testid);
    let error_id = format!("{id}-error");
    let on_change = move |text: String| {
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse_iso(&text).map(Some).map_err(|e| e.to_string())
        };
        let result = parsed.and_then(|d| {
            state
                .try_dispatch_keyed(to_command.run(d), Some(&key))
                .map(|_| ())
        });
        error.set(result.err());
        state.seal_history();
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input
                type="date"
                id=id
                data-testid=testid
                aria-describedby=error_id.clone()
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| on_change(event_target_value(&ev))
            />
            <FieldError error=error id=error_id />
        </div>
    }
}

/// A choice from a fixed list, shown as a `<select>`.
#[component]
pub fn SelectField(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    /// (value, shown text) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let id = field_id(testid);
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select
                id=id
                data-testid=testid
                prop:value=move || value.get()
                on:change=move |ev| on_pick.run(event_target_value(&ev))
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
