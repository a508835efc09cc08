//! Compact fields for the workshop's tables and cards. Like `ui::fields`, each shows its
//! value from the model, sends every change as one command (typing into one field is one
//! undo step) and shows a refusal at the field; unlike them they need no element id, so a
//! table can hold one per row: the label is either visible around the input or given as
//! `aria-label` (the column header says it for sighted users).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, Date};
use crate::ui::session::state::AppState;
pub use crate::ui::widgets::field_edit::ToCommand;
use crate::ui::widgets::field_edit::{date_editing, number_editing, select_options, text_editing};

/// The label around or on an input, with the cell's error line under it.
#[component]
fn Labelled(
    label: Signal<String>,
    show_label: bool,
    error: RwSignal<Option<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="ws-cell-box">
            <label class="ws-cell" class:ws-cell-labelled=show_label>
                <Show when=move || show_label>
                    <span class="ws-cell-label">{move || label.get()}</span>
                </Show>
                {children()}
            </label>
            <CellError error=error />
        </div>
    }
}

/// An error line under a cell, announced to screen readers.
#[component]
fn CellError(error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <span class="field-error" role="alert" data-testid="field-error">
                {move || error.get().unwrap_or_default()}
            </span>
        </Show>
    }
}

/// A text cell (one line, or several with `multiline`).
#[component]
pub fn CellText(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<String>,
    to_command: ToCommand<String>,
    /// Coalescing key: the item id and field, e.g. `kpi-4:unit`.
    key: String,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] show_label: bool,
    #[prop(optional, into)] placeholder: Signal<String>,
) -> impl IntoView {
    let edit = text_editing(to_command, key);
    let aria = move || (!show_label).then(|| label.get());
    let input = if multiline {
        view! {
            <textarea
                data-testid=testid
                rows="2"
                aria-label=aria
                placeholder=move || placeholder.get()
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
                data-testid=testid
                aria-label=aria
                placeholder=move || placeholder.get()
                prop:value=move || value.get()
                on:input=move |ev| edit.input(event_target_value(&ev))
                on:blur=move |_| edit.blur()
            />
        }
        .into_any()
    };
    view! {
        <Labelled label=label show_label=show_label error=edit.error>{input}</Labelled>
    }
}

/// A number cell that reads `2.5` and `2,5`; empty means "none".
#[component]
pub fn CellNumber(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<Option<f64>>,
    to_command: ToCommand<Option<f64>>,
    key: String,
) -> impl IntoView {
    let (edit, shown) = number_editing(value, to_command, key, true);
    let error = edit.error;
    view! {
        <Labelled label=label show_label=false error=error>
            <input
                type="text"
                inputmode="decimal"
                class="ws-number"
                data-testid=testid
                aria-label=move || label.get()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=shown
                on:input=move |ev| edit.input(event_target_value(&ev))
                on:blur=move |_| edit.blur()
            />
        </Labelled>
    }
}

/// A date cell; empty means "no date".
#[component]
pub fn CellDate(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<Option<Date>>,
    to_command: ToCommand<Option<Date>>,
    key: String,
) -> impl IntoView {
    let edit = date_editing(to_command, key);
    view! {
        <Labelled label=label show_label=false error=edit.error>
            <input
                type="date"
                data-testid=testid
                aria-label=move || label.get()
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| edit.input(event_target_value(&ev))
            />
        </Labelled>
    }
}

/// A choice from a fixed list.
#[component]
pub fn CellSelect(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    /// (value, shown text) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    view! {
        <Labelled label=label show_label=false error=error>
            <select
                data-testid=testid
                aria-label=move || label.get()
                prop:value=move || value.get()
                on:change=move |ev| on_pick.run(event_target_value(&ev))
            >
                {select_options(options, value)}
            </select>
        </Labelled>
    }
}

/// Focuses (and selects the text of) the first element matching `selector` after the next
/// render, e.g. the name of a KPI just added.
pub fn focus_soon(selector: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let found = document().query_selector(&selector).ok().flatten();
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                input.select();
            }
        }
    });
}

/// A small ✕ button that deletes an item as one undoable step and says so, with Undo.
#[component]
pub fn RemoveButton(
    testid: &'static str,
    /// The item's title, for the button's accessible name and the message.
    #[prop(into)]
    title: Signal<String>,
    command: Callback<(), Command>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let remove = move |_| {
        let name = title.get_untracked();
        match state.try_dispatch_keyed(command.run(()), None) {
            Ok(_) => {
                state.drop_stale_selection();
                let l = lang.get_untracked();
                state.tell(
                    format!("{} “{name}”.", tr(l, "Deleted", "Verwijderd:")),
                    true,
                );
            }
            Err(why) => state.report(why),
        }
    };
    view! {
        <button type="button" class="icon-button ws-remove" data-testid=testid
            aria-label=move || format!("{} {}", tr(lang.get(), "Delete", "Verwijderen:"), title.get())
            title=move || tr(lang.get(), "Delete", "Verwijderen")
            on:click=remove>"✕"</button>
    }
}
