//! The foot of the import dialog: what applying would do in total, what blocks it, dates
//! two files disagree on, and the Apply and Cancel buttons. Applying is one undo step.

use leptos::prelude::*;

use super::preview::Preview;
use crate::exchange::platform_import::messages::{blocker_text, counts_text, overlap_text};
use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::session::state::AppState;
use crate::web::perf_marks;

/// The totals, blockers and overlaps.
#[component]
pub(super) fn Summary(preview: Memo<Preview>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let pi = state.platform_import;
    let any_read = move || preview.with(|p| !p.read.is_empty());
    let line = move || {
        let l = lang.get();
        preview.with(|p| {
            let plan = &p.plan;
            let counts = counts_text(plan.total, l);
            if !plan.total.changes() && plan.blockers.is_empty() {
                return if plan.command.is_some() {
                    tr(l,
                        "No new figures: every point is there already. Applying only remembers where the columns go.",
                        "Geen nieuwe cijfers: elk punt is er al. Toepassen onthoudt alleen waar de kolommen heen gaan.")
                    .to_string()
                } else {
                    format!("{counts}. {}", tr(l,
                        "Nothing to import: the series already have these figures, or every column is left out.",
                        "Niets te importeren: de reeksen hebben deze cijfers al, of elke kolom is weggelaten."))
                };
            }
            match l {
                Lang::En => format!(
                    "Points: {counts}, in {} series ({} new).",
                    plan.series_touched, plan.new_series
                ),
                Lang::Nl => format!(
                    "Punten: {counts}, in {} reeks(en) ({} nieuw).",
                    plan.series_touched, plan.new_series
                ),
            }
        })
    };
    view! {
        <Show when=move || any_read() || pi.files.with(|f| !f.is_empty())>
            <div class="pi-summary" data-testid="pi-summary" aria-live="polite"
                data-new=move || preview.with(|p| p.plan.total.new)
                data-updated=move || preview.with(|p| p.plan.total.updated)
                data-unchanged=move || preview.with(|p| p.plan.total.unchanged)>
                <p class="pi-total" data-testid="pi-total">{line}</p>
                <ul class="pi-blockers">
                    {move || {
                        let l = lang.get();
                        preview.with(|p| p.plan.blockers.iter().map(|b| view! {
                            <li class="field-error" role="alert" data-testid="pi-blocker">{blocker_text(b, l)}</li>
                        }).collect_view())
                    }}
                </ul>
                <ul class="pi-overlaps">
                    {move || {
                        let l = lang.get();
                        preview.with(|p| p.plan.overlaps.iter().map(|o| view! {
                            <li data-testid="pi-overlap">{overlap_text(o, l)}</li>
                        }).collect_view())
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// Apply (one undo step) and Cancel.
#[component]
pub(super) fn ApplyBar(preview: Memo<Preview>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let pi = state.platform_import;
    let can_apply = move || pi.reading.get() == 0 && preview.with(|p| p.plan.can_apply());
    let apply = move |_| {
        let Some((cmd, total, series)) = preview.with_untracked(|p| {
            p.plan
                .command
                .clone()
                .map(|c| (c, p.plan.total, p.plan.series_touched))
        }) else {
            return;
        };
        // The command only; the views it changes update after this handler.
        if perf_marks::measure("platform-import:apply", || {
            state.try_dispatch_keyed(cmd, None)
        })
        .map_err(|e| state.report(e))
        .is_ok()
        {
            let l = lang.get_untracked();
            let text = match l {
                Lang::En => format!(
                    "Imported into {series} series: {}. Undo takes it all back.",
                    counts_text(total, l)
                ),
                Lang::Nl => format!(
                    "Geïmporteerd in {series} reeks(en): {}. Ongedaan maken neemt alles terug.",
                    counts_text(total, l)
                ),
            };
            state.tell(text, true);
            pi.close();
        }
    };
    view! {
        <div class="dialog-actions">
            <button type="button" class="primary" data-testid="pi-apply"
                prop:disabled=move || !can_apply() on:click=apply>
                {move || tr(lang.get(), "Apply", "Toepassen")}
            </button>
            <button type="button" data-testid="pi-cancel" on:click=move |_| pi.close()>
                {move || tr(lang.get(), "Cancel", "Annuleren")}
            </button>
        </div>
    }
}
