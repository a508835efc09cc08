//! The buttons every item's form shares: move up, move down, delete (undoable).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::Command;
use crate::ui::session::state::AppState;

/// Move up / move down / delete for one item. `position` gives (index, count) now.
#[component]
pub fn ItemTools(
    /// What the item is called, for the buttons' accessible names, e.g. "objective".
    what: Signal<String>,
    position: Signal<Option<(usize, usize)>>,
    move_to: Callback<usize, Command>,
    delete: Callback<(), Command>,
    /// The item's title, for the "Deleted …" message.
    title: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let can_up = move || position.get().is_some_and(|(i, _)| i > 0);
    let can_down = move || position.get().is_some_and(|(i, n)| i + 1 < n);
    let up = move |_| {
        if let Some((i, _)) = position.get_untracked().filter(|(i, _)| *i > 0) {
            state.dispatch(move_to.run(i - 1));
        }
    };
    let down = move |_| {
        if let Some((i, _)) = position.get_untracked() {
            state.dispatch(move_to.run(i + 1));
        }
    };
    let remove = move |_| {
        let name = title.get_untracked();
        match state.try_dispatch_keyed(delete.run(()), None) {
            Ok(_) => {
                state.selection.set(None);
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
        <div class="item-tools">
            <button
                type="button"
                data-testid="move-up"
                prop:disabled=move || !can_up()
                aria-label=move || format!("{} {}", tr(lang.get(), "Move up:", "Omhoog:"), what.get())
                on:click=up
            >
                "↑ "
                {move || tr(lang.get(), "Up", "Omhoog")}
            </button>
            <button
                type="button"
                data-testid="move-down"
                prop:disabled=move || !can_down()
                aria-label=move || format!("{} {}", tr(lang.get(), "Move down:", "Omlaag:"), what.get())
                on:click=down
            >
                "↓ "
                {move || tr(lang.get(), "Down", "Omlaag")}
            </button>
            <span class="header-spacer"></span>
            <button type="button" class="danger" data-testid="delete-item" on:click=remove>
                {move || tr(lang.get(), "Delete", "Verwijderen")}
            </button>
        </div>
    }
}
