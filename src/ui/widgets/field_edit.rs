//! What an editing field does, apart from how it looks: turn the input into one command,
//! dispatch it (typing into one field is one undo step, sealed when the field is left), and
//! keep a refusal or an unreadable entry at the field so invalid input never reaches the
//! model. The side panel's fields (`ui::fields`) and the workshop's cells
//! (`ui::views::workshop::cells`) share it and differ only in their markup.

use leptos::prelude::*;

use crate::i18n::format::{format_number, parse_number};
use crate::model::{Command, Date};
use crate::ui::session::state::AppState;

/// Builds the command for a new field value.
pub type ToCommand<T> = Callback<T, Command>;

/// A field's error line and its input and blur handlers.
#[derive(Clone, Copy)]
pub(crate) struct Editing {
    /// The message shown at the field, if any.
    pub error: RwSignal<Option<String>>,
    on_input: Callback<String>,
    on_blur: Callback<()>,
}

impl Editing {
    /// The field's text changed. Nothing happens once the field has left the page.
    pub fn input(&self, text: String) {
        self.on_input.try_run(text);
    }

    /// The field lost focus. A blur also arrives while a field is being removed (Escape
    /// closes the side panel with the focus in it), after its handlers are gone: then
    /// nothing happens.
    pub fn blur(&self) {
        self.on_blur.try_run(());
    }
}

/// Dispatches `cmd` as part of the typing step `key`; the error text on refusal.
fn dispatch(state: AppState, cmd: Command, key: &str) -> Result<(), String> {
    state.try_dispatch_keyed(cmd, Some(key)).map(|_| ())
}

/// A text field: every input is a command.
pub(crate) fn text_editing(to_command: ToCommand<String>, key: String) -> Editing {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    Editing {
        error,
        on_input: Callback::new(move |text: String| {
            error.set(dispatch(state, to_command.run(text), &key).err());
        }),
        on_blur: Callback::new(move |()| state.seal_history()),
    }
}

/// A number field that reads `2.5` and `2,5` in the interface language. With `optional`, an
/// empty field means "none". Returns the editing handlers and the text to show: what the
/// user typed while the field is being edited or unreadable, else the model's value.
pub(crate) fn number_editing(
    value: Signal<Option<f64>>,
    to_command: ToCommand<Option<f64>>,
    key: String,
    optional: bool,
) -> (Editing, Signal<String>) {
    let state = AppState::expect();
    let lang = state.lang;
    let error = RwSignal::new(None::<String>);
    // What the user typed, kept while it is unreadable so they can fix it.
    let draft = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || match draft.get() {
        Some(text) => text,
        None => value
            .get()
            .map(|v| format_number(v, lang.get()))
            .unwrap_or_default(),
    });
    let on_input = Callback::new(move |text: String| {
        let parsed = if optional && text.trim().is_empty() {
            Ok(None)
        } else {
            parse_number(&text, lang.get_untracked()).map(Some)
        };
        let result = parsed.and_then(|n| dispatch(state, to_command.run(n), &key));
        error.set(result.err());
        draft.set(Some(text));
    });
    let on_blur = Callback::new(move |()| {
        state.seal_history();
        if error.get_untracked().is_none() {
            draft.set(None);
        }
    });
    let editing = Editing {
        error,
        on_input,
        on_blur,
    };
    (editing, shown)
}

/// A date field (the browser's date input gives ISO dates or nothing); empty means "no
/// date". A date is picked at once, so each change is its own undo step.
pub(crate) fn date_editing(to_command: ToCommand<Option<Date>>, key: String) -> Editing {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    Editing {
        error,
        on_input: Callback::new(move |text: String| {
            let parsed = if text.trim().is_empty() {
                Ok(None)
            } else {
                Date::parse_iso(&text).map(Some).map_err(|e| e.to_string())
            };
            let result = parsed.and_then(|d| dispatch(state, to_command.run(d), &key));
            error.set(result.err());
            state.seal_history();
        }),
        on_blur: Callback::new(move |()| state.seal_history()),
    }
}

/// The `<option>`s of a select, the current value selected.
pub(crate) fn select_options(
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
) -> impl IntoView {
    // Both usually derive from the whole scorecard: memos, so the options re-render only
    // when they or the choice change, not on every keystroke in another field.
    let options = Memo::new(move |_| options.get());
    let current = Memo::new(move |_| value.get());
    move || {
        let current = current.get();
        options
            .get()
            .into_iter()
            .map(|(v, text)| {
                let selected = v == current;
                view! { <option value=v selected=selected>{text}</option> }
            })
            .collect_view()
    }
}
