//! A list of an item's children (KPIs, actions) as buttons that open them, with an Add button.

use leptos::prelude::*;

use crate::ui::session::state::{AppState, Selection};

/// One child: its id, its shown text, and what to open.
#[derive(Clone, PartialEq)]
pub struct Child {
    /// The child's id.
    pub id: String,
    /// What the list shows.
    pub text: String,
    /// What clicking opens.
    pub open: Selection,
}

/// The list of children with a heading and an Add button.
#[component]
pub fn ChildList(
    heading: Signal<String>,
    children_of: Signal<Vec<Child>>,
    add_label: Signal<String>,
    testid: &'static str,
    empty: Signal<String>,
    on_add: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <section class="child-list" data-testid=testid>
            <h3 class="panel-subtitle">{move || heading.get()}</h3>
            <Show when=move || children_of.with(Vec::is_empty)>
                <p class="empty-note">{move || empty.get()}</p>
            </Show>
            <ul>
                <For each=move || children_of.get() key=|c| (c.id.clone(), c.text.clone()) let:child>
                    <li>
                        <button
                            type="button"
                            class="link-button"
                            data-testid="open-child"
                            data-id=child.id.clone()
                            on:click=move |_| state.selection.set(Some(child.open.clone()))
                        >
                            {child.text.clone()}
                        </button>
                    </li>
                </For>
            </ul>
            <button type="button" class="add-button" data-testid=format!("{testid}-add") on:click=move |_| on_add.run(())>
                {move || add_label.get()}
            </button>
        </section>
    }
}
