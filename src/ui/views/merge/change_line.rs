//! One change of a merge or comparison as a line: what (kind and label), where (the field)
//! and the values before and after.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::merge::{Change, ChangeKind};

use super::words::{change_word, field_word, kind_word, short_value_text};

/// The text of a change, e.g. "KPI “Reach”: target 30 → 500".
#[component]
pub fn ChangeLine(change: Change) -> impl IntoView {
    let state = crate::ui::session::state::AppState::expect();
    let lang = state.lang;
    let kind = change.kind;
    let text = move || {
        let l = lang.get();
        let what = format!(
            "{} \u{201c}{}\u{201d}",
            kind_word(change.item.kind, l),
            label(&change, l)
        );
        match (kind, &change.field) {
            (ChangeKind::Changed, Some(field)) => {
                let absent = tr(l, "(none)", "(geen)");
                format!(
                    "{what}: {} {} → {}",
                    field_word(field, l),
                    short_value_text(change.old.as_ref(), absent, l),
                    short_value_text(change.new.as_ref(), absent, l)
                )
            }
            _ => format!("{what} {}", change_word(kind, l)),
        }
    };
    view! {
        <span class="merge-change-text" data-kind=change_kind_key(kind)>{text}</span>
    }
}

/// The label of a change's item, "(untitled)" when it has none.
pub fn label(change: &Change, lang: crate::model::Lang) -> String {
    if change.item.label.trim().is_empty() {
        tr(lang, "(untitled)", "(zonder titel)").to_string()
    } else {
        change.item.label.clone()
    }
}

/// `added`, `changed` or `deleted` (for `data-kind`).
pub fn change_kind_key(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Changed => "changed",
        ChangeKind::Deleted => "deleted",
    }
}
