//! The merge dialogs: collecting the files workshop groups send back and merging them with
//! the facilitator deciding the conflicts (`collect`), and comparing the open scorecard with
//! one file to take chosen changes over (`compare`). The rules are in docs/merge.md; the
//! model is `model::merge` and `exchange::collect`.

mod change_line;
mod collect;
mod compare;
mod conflict_row;
mod file_picker;
mod words;

use leptos::prelude::*;

use crate::ui::session::merge::MergeMode;
use crate::ui::session::state::AppState;

/// The open merge dialog, if any.
#[component]
pub fn MergeDialogs() -> impl IntoView {
    let state = AppState::expect();
    let mode = state.merge.mode;
    move || {
        mode.with(Option::is_some).then(|| {
            view! { <crate::ui::widgets::part_view::PartView part=crate::ui::widgets::part_view::Part::Merge /> }
        })
    }
}

/// The open merge dialog (its code loads on first use: `ui::app::parts`).
#[component]
pub fn OpenMergeDialog() -> impl IntoView {
    let state = AppState::expect();
    let mode = state.merge.mode;
    move || match mode.get() {
        None => ().into_any(),
        Some(MergeMode::Collect) => view! { <collect::CollectDialog /> }.into_any(),
        Some(MergeMode::Compare) => view! { <compare::CompareDialog /> }.into_any(),
    }
}
