//! One group in the hand-out dialog: its name, the factors it works on (with the
//! scorecard's own labels), the strategy map, and Remove.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{FactorKind, Group};
use crate::ui::session::state::AppState;

/// A group being set up in the dialog: one signal per field, so typing a name redraws
/// nothing but that field.
#[derive(Clone, Copy)]
pub struct GroupDraft {
    /// Unique within the dialog (the row's key).
    pub id: u64,
    /// The name typed.
    pub name: RwSignal<String>,
    /// Whether it works on each factor, in the order of [`FactorKind::ALL`].
    pub factors: [RwSignal<bool>; 4],
    /// Whether it works on the strategy map.
    pub strategy_map: RwSignal<bool>,
}

impl GroupDraft {
    /// A draft of `group` with the key `id`.
    pub fn new(id: u64, group: &Group) -> GroupDraft {
        GroupDraft {
            id,
            name: RwSignal::new(group.name.clone()),
            factors: FactorKind::ALL.map(|k| RwSignal::new(group.factors.contains(&k))),
            strategy_map: RwSignal::new(group.strategy_map),
        }
    }

    /// The group as set up now (reactive).
    pub fn group(&self) -> Group {
        Group {
            name: self.name.get(),
            factors: FactorKind::ALL
                .into_iter()
                .zip(self.factors)
                .filter(|(_, on)| on.get())
                .map(|(k, _)| k)
                .collect(),
            strategy_map: self.strategy_map.get(),
            ..Group::default()
        }
    }
}

/// One group's row; `index` is its place in the list (in its test ids), `invalid` marks the
/// row the problem line is about.
#[component]
pub fn GroupRow(
    draft: GroupDraft,
    index: Signal<usize>,
    invalid: Signal<bool>,
    on_remove: Callback<u64>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let name_id = format!("handout-name-input-{}", draft.id);
    let name_for = name_id.clone();
    let factors = FactorKind::ALL
        .into_iter()
        .zip(draft.factors)
        .map(|(kind, on)| {
            let label = move || state.doc.with(|d| d.factor(kind).label.clone());
            view! {
                <label class="handout-check">
                    <input type="checkbox"
                        data-testid=move || format!("handout-factor-{}-{}", index.get(), kind.key())
                        prop:checked=move || on.get()
                        on:change=move |ev| on.set(event_target_checked(&ev)) />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let map = draft.strategy_map;
    view! {
        <li class="handout-group" data-testid="handout-group"
            data-invalid=move || invalid.get().to_string()>
            <div class="handout-name field">
                <label for=name_for>
                    {move || match lang.get() {
                        crate::model::Lang::En => format!("Name of group {}", index.get() + 1),
                        crate::model::Lang::Nl => format!("Naam van groep {}", index.get() + 1),
                    }}
                </label>
                <input type="text" id=name_id maxlength="200" autocomplete="off"
                    data-testid=move || format!("handout-name-{}", index.get())
                    aria-invalid=move || invalid.get().to_string()
                    prop:value=move || draft.name.get()
                    on:input=move |ev| draft.name.set(event_target_value(&ev)) />
            </div>
            <fieldset class="handout-parts">
                <legend>{move || tr(lang.get(), "Works on", "Werkt aan")}</legend>
                {factors}
                <label class="handout-check handout-map">
                    <input type="checkbox"
                        data-testid=move || format!("handout-map-{}", index.get())
                        prop:checked=move || map.get()
                        on:change=move |ev| map.set(event_target_checked(&ev)) />
                    <span>{move || tr(lang.get(), "Strategy map (mission and objectives)", "Strategiekaart (missie en doelstellingen)")}</span>
                </label>
            </fieldset>
            <button type="button" class="handout-remove danger"
                data-testid=move || format!("handout-remove-{}", index.get())
                aria-label=move || match lang.get() {
                    crate::model::Lang::En => format!("Remove group {}", index.get() + 1),
                    crate::model::Lang::Nl => format!("Groep {} verwijderen", index.get() + 1),
                }
                on:click=move |_| on_remove.run(draft.id)>
                {move || tr(lang.get(), "Remove", "Verwijderen")}
            </button>
        </li>
    }
}
