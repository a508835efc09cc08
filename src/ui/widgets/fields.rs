//! Labelled form fields for the side panel. Each shows its value from the model, sends every
//! change as one command, and shows a refusal or an unreadable entry at the field itself:
//! invalid input never reaches the model.

use leptos::prelude::*;

use crate::model::Date;
pub use crate::ui::widgets::field_edit::ToCommand;
use crate::ui::widgets::field_edit::{date_editing, number_editing, select_options, text_editing};

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
    let edit = text_editing(to_command, key);
    let id = field_id(testid);
    let error_id = format!("{id}-error");
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                data-testid=testid
                rows="3"
                placeholder=move || placeholder.get()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| edit.input(event_target_value(&ev))
                on:blur=move |_| edit.blur()
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
                on:input=move |ev| edit.input(event_target_value(&ev))
                on:blur=move |_| edit.blur()
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {input}
            <FieldError error=edit.error id=error_id />
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
    let (edit, shown) = number_editing(value, to_command, key, optional);
    let error = edit.error;
    let id = field_id(testid);
    let error_id = format!("{id}-error");
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
                    on:input=move |ev| edit.input(event_target_value(&ev))
                    on:blur=move |_| edit.blur()
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
    let edit = date_editing(to_command, key);
    let id = field_id(testid);
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input
                type="date"
                id=id
                data-testid=testid
                aria-describedby=error_id.clone()
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| edit.input(event_target_value(&ev))
            />
            <FieldError error=edit.error id=error_id />
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
                {select_options(options, value)}
            </select>
        </div>
    }
}
