//! "Hand out to groups…": the facilitator sets up the groups (a name, the factors, the
//! strategy map), sees at once what is wrong, and hands out — the open scorecard's revision
//! is raised, the base kept in this browser, and each group's file offered for download.
//! The work is done by [`crate::ui::session::hand_out`] and [`crate::library::hand_out`].

use leptos::prelude::*;

use crate::i18n::tr;
use crate::library::hand_out::{MAX_GROUPS, check_groups, default_groups};
use crate::model::Group;
use crate::ui::session::hand_out::{MadeHandOut, hand_out};
use crate::ui::session::state::AppState;
use crate::ui::widgets::modal::Modal;

use super::cells::focus_soon;
use super::hand_out_files::HandOutFiles;
use super::hand_out_group::{GroupDraft, GroupRow};

/// The hand-out dialog, shown while `open`.
#[component]
pub fn HandOutDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let next_id = StoredValue::new(0_u64);
    let draft = move |g: &Group| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        GroupDraft::new(id, g)
    };
    let rows = RwSignal::new(
        default_groups(lang.get_untracked())
            .iter()
            .map(draft)
            .collect::<Vec<_>>(),
    );
    let groups = Memo::new(move |_| {
        rows.with(|rs| rs.iter().map(GroupDraft::group).collect::<Vec<Group>>())
    });
    let problem = Memo::new(move |_| groups.with(|g| check_groups(g).err()));
    let made = RwSignal::new(None::<MadeHandOut>);
    let refusal = RwSignal::new(None::<String>);
    let close = Callback::new(move |_| open.set(false));
    // Read-only or projector mode coming on closes the dialog: nothing may change then.
    Effect::new(move |_| {
        if state.read_only.get() || state.projector.get() {
            open.set(false);
        }
    });

    let add = move |_: web_sys::MouseEvent| {
        let n = rows.with_untracked(Vec::len);
        let word = tr(lang.get_untracked(), "Group", "Groep");
        let group = Group {
            name: format!("{word} {}", n + 1),
            ..Group::default()
        };
        let row = draft(&group);
        rows.update(|rs| rs.push(row));
        focus_soon(format!("[data-testid=handout-name-{n}]"));
    };
    let remove = Callback::new(move |id: u64| {
        rows.update(|rs| rs.retain(|r| r.id != id));
        focus_soon("[data-testid=handout-add]".to_string());
    });
    let make = move |_: web_sys::MouseEvent| {
        let gs = groups.get_untracked();
        match hand_out(&state, &gs, lang.get_untracked()) {
            Ok(m) => {
                refusal.set(None);
                made.set(Some(m));
                focus_soon("[data-testid=handout-download-0]".to_string());
            }
            Err(e) => refusal.set(Some(e)),
        }
    };
    let full = move || rows.with(Vec::len) >= MAX_GROUPS;
    let position = move |id: u64| {
        Signal::derive(move || {
            rows.with(|rs| rs.iter().position(|r| r.id == id))
                .unwrap_or(0)
        })
    };
    let form = move || {
        view! {
            <p class="handout-intro">
                {move || tr(lang.get(),
                    "Each group gets its own copy of this scorecard as a file, with the part it works on marked. The rest stays visible to them. This browser keeps the scorecard as it is now, so the files they return can be merged into it.",
                    "Elke groep krijgt een eigen kopie van deze scorecard als bestand, met het deel waaraan ze werkt gemarkeerd. De rest blijft voor hen zichtbaar. Deze browser bewaart de scorecard zoals hij nu is, zodat de bestanden die ze terugsturen erin kunnen worden samengevoegd.")}
            </p>
            <ol class="handout-groups" data-testid="handout-groups">
                <For each=move || rows.get() key=|r| r.id let:row>
                    {
                        let index = position(row.id);
                        let invalid = Signal::derive(move || {
                            problem.with(|p| p.as_ref().and_then(|p| p.index())) == Some(index.get())
                        });
                        view! { <GroupRow draft=row index=index invalid=invalid on_remove=remove /> }
                    }
                </For>
            </ol>
            <button type="button" class="add-button handout-add" data-testid="handout-add"
                prop:disabled=full
                on:click=add>
                {move || tr(lang.get(), "+ Add group", "+ Groep toevoegen")}
            </button>
            <p class="handout-problem dialog-error" data-testid="handout-problem" role="status"
                data-problem=move || problem.with(Option::is_some).to_string()>
                {move || {
                    let l = lang.get();
                    refusal.get().or_else(|| problem.with(|p| p.as_ref().map(|p| p.message(l))))
                }}
            </p>
            <div class="dialog-actions">
                <button type="button" class="handout-make" data-testid="handout-make"
                    prop:disabled=move || problem.with(Option::is_some)
                    on:click=make>
                    {move || tr(lang.get(), "Hand out", "Uitdelen")}
                </button>
                <button type="button" data-testid="handout-cancel" on:click=move |_| close.run(())>
                    {move || tr(lang.get(), "Cancel", "Annuleren")}
                </button>
            </div>
        }
    };
    view! {
        <Modal testid="handout-dialog" title_id="handout-title" on_escape=close variant="handout">
            <h2 id="handout-title">{move || tr(lang.get(), "Hand out to groups", "Uitdelen aan groepen")}</h2>
            {move || match made.get() {
                None => form().into_any(),
                Some(m) => view! { <HandOutFiles made=m lang=lang close=close /> }.into_any(),
            }}
        </Modal>
    }
}
