//! One conflict of a merge: the item and field, the value handed out, and each group's value
//! side by side, one to pick.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::Lang;
use crate::model::merge::{Conflict, OURS};

use super::words::{field_word, kind_word, value_text};

/// The name a side goes by in the review: the open scorecard for ours.
pub fn side_label(side: &str, lang: Lang) -> String {
    if side == OURS {
        tr(lang, "Open scorecard", "Geopende scorecard").to_string()
    } else {
        side.to_string()
    }
}

/// A conflict with a radio button per side; `picks[index]` holds the chosen side (`None`:
/// keep the open scorecard's value).
#[component]
pub fn ConflictRow(
    index: usize,
    conflict: Conflict,
    picks: RwSignal<Vec<Option<String>>>,
) -> impl IntoView {
    let state = crate::ui::session::state::AppState::expect();
    let lang = state.lang;
    let group = format!("merge-conflict-{index}");
    let heading = {
        let conflict = conflict.clone();
        move || {
            let l = lang.get();
            let what = format!(
                "{} \u{201c}{}\u{201d}",
                kind_word(conflict.item.kind, l),
                if conflict.item.label.trim().is_empty() {
                    tr(l, "(untitled)", "(zonder titel)").to_string()
                } else {
                    conflict.item.label.clone()
                }
            );
            match &conflict.field {
                Some(field) => format!("{what}: {}", field_word(field, l)),
                None => match l {
                    Lang::En => format!("{what}: deleted by one group, changed by another"),
                    Lang::Nl => {
                        format!("{what}: door de ene groep verwijderd, door de andere gewijzigd")
                    }
                },
            }
        }
    };
    let base = conflict.base.clone();
    let base_text = move || {
        let l = lang.get();
        format!(
            "{} {}",
            tr(l, "Handed out:", "Uitgedeeld:"),
            value_text(base.as_ref(), tr(l, "(not there)", "(niet aanwezig)"), l)
        )
    };
    let chosen = move || picks.with(|p| p.get(index).cloned().flatten());
    let pick = move |side: Option<String>| {
        picks.update(|p| {
            if p.len() <= index {
                p.resize(index + 1, None);
            }
            p[index] = side;
        })
    };
    let options = conflict
        .values
        .iter()
        .enumerate()
        .map(|(j, (side, value))| {
            let side = side.clone();
            let value = value.clone();
            let for_check = side.clone();
            let for_pick = side.clone();
            let shown = side.clone();
            view! {
                <label class="merge-option" data-testid=format!("conflict-{index}-pick-{j}") data-side=side.clone()>
                    <input type="radio" name=group.clone()
                        prop:checked=move || chosen().as_deref() == Some(for_check.as_str())
                        on:change=move |_| pick(Some(for_pick.clone())) />
                    <span class="merge-option-side">{move || side_label(&shown, lang.get())}</span>
                    <span class="merge-option-value">{move || {
                        let l = lang.get();
                        value_text(value.as_ref(), tr(l, "deletes it", "verwijdert het"), l)
                    }}</span>
                </label>
            }
        })
        .collect_view();
    let undecided = move || chosen().is_none();
    view! {
        <fieldset class="merge-conflict" data-testid=format!("merge-conflict-{index}")
            data-decided=move || (!undecided()).to_string()>
            <legend>{heading}</legend>
            <p class="merge-base">{base_text}</p>
            <div class="merge-options">
                {options}
                <label class="merge-option merge-keep" data-testid=format!("conflict-{index}-keep")>
                    <input type="radio" name=group.clone()
                        prop:checked=undecided
                        on:change=move |_| pick(None) />
                    <span class="merge-option-side">{move || tr(lang.get(), "Decide later", "Later beslissen")}</span>
                    <span class="merge-option-value">{move || tr(lang.get(),
                        "keeps the open scorecard's value for now",
                        "houdt voorlopig de waarde van de open scorecard")}</span>
                </label>
            </div>
        </fieldset>
    }
}
