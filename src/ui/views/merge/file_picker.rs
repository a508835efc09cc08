//! The merge dialogs' file picker: a "Choose…" button over a hidden file input, the hint
//! that files can be dropped on the page, and "Reading…" while the browser reads them.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::Text;
use crate::ui::session::state::AppState;

/// Picks scorecard files (several when `multiple`) and hands them to the merge state.
#[component]
pub fn FilePicker(
    testid: &'static str,
    multiple: bool,
    /// The button's text.
    choose: Text,
    /// The hint beside it.
    hint: Text,
) -> impl IntoView {
    let state = AppState::expect();
    let (lang, m) = (state.lang, state.merge);
    let input = NodeRef::<html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        if let Some(list) = el.files() {
            m.add((0..list.length()).filter_map(|i| list.get(i)).collect());
        }
        // The same file can be chosen again.
        el.set_value("");
    };
    view! {
        <div class="pi-drop merge-drop">
            <label class="button-like">
                {move || choose.get(lang.get())}
                <input type="file" multiple=multiple class="visually-hidden" node_ref=input
                    data-testid=testid accept=".json,application/json" on:change=on_change />
            </label>
            <span>{move || hint.get(lang.get())}</span>
        </div>
        <p class="pi-reading" aria-live="polite" hidden=move || m.reading.get() == 0>
            {move || crate::i18n::tr(lang.get(), "Reading…", "Lezen…")}
        </p>
    }
}
