//! "Compare with a file…": what differs between a scorecard file and the open scorecard
//! (added, removed, changed, with old and new values), and taking chosen changes over — one
//! undo step. Also for a file with no known base among the collected ones.

use leptos::prelude::*;

use crate::i18n::messages::{import_error_kind, import_error_text};
use crate::i18n::tr;
use crate::model::merge::{Change, compare, take_changes};
use crate::model::{Command, Lang, Scorecard};
use crate::ui::session::state::AppState;
use crate::ui::widgets::modal::Modal;

use super::change_line::ChangeLine;
use super::file_picker::FilePicker;
use crate::i18n::t;

/// The comparison of the open scorecard with the chosen file.
#[derive(Clone, PartialEq)]
enum Compared {
    /// No file yet.
    Nothing,
    /// The file could not be read: the reason and its kind.
    Refused(String, &'static str),
    /// The file's scorecard and what differs.
    Ready {
        name: String,
        card: Box<Scorecard>,
        changes: Vec<Change>,
        other_lineage: bool,
    },
}

/// The compare dialog.
#[component]
pub fn CompareDialog() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let m = state.merge;
    let compared = Memo::new(move |_| {
        let l = lang.get_untracked();
        m.files.with(|files| match files.last() {
            None => Compared::Nothing,
            Some(file) => match file.card.as_ref() {
                Err(e) => Compared::Refused(
                    format!("{}: {}", file.name, import_error_text(e, l)),
                    import_error_kind(e),
                ),
                Ok(card) => state.doc.with_untracked(|open| Compared::Ready {
                    name: file.name.clone(),
                    changes: compare(open, card),
                    other_lineage: !open.same_lineage(card),
                    card: Box::new(card.clone()),
                }),
            },
        })
    });
    let picked: RwSignal<Vec<bool>> = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let n = compared.with(|c| match c {
            Compared::Ready { changes, .. } => changes.len(),
            _ => 0,
        });
        picked.set(vec![false; n]);
    });
    let close = Callback::new(move |_| m.close());
    let count = move || picked.with(|p| p.iter().filter(|b| **b).count());
    let apply = move |_| {
        let Compared::Ready { card, .. } = compared.get_untracked() else {
            return;
        };
        let chosen: Vec<usize> = picked.with_untracked(|p| {
            p.iter()
                .enumerate()
                .filter(|(_, b)| **b)
                .map(|(i, _)| i)
                .collect()
        });
        if chosen.is_empty() {
            return;
        }
        let result = state
            .doc
            .with_untracked(|open| take_changes(open, &card, &chosen));
        let cmd = Command::ReplaceContent {
            card: Box::new(result),
        };
        match state.try_dispatch_keyed(cmd, None) {
            Ok(_) => {
                let n = chosen.len();
                state.tell(
                    match lang.get_untracked() {
                        Lang::En => format!("Took {n} change(s) over from the file. Undo puts the scorecard back as it was."),
                        Lang::Nl => format!("{n} wijziging(en) uit het bestand overgenomen. Ongedaan maken zet de scorecard terug zoals hij was."),
                    },
                    true,
                );
                m.close();
            }
            Err(text) => state.report(text),
        }
    };
    let body = move || {
        match compared.get() {
        Compared::Nothing => ().into_any(),
        Compared::Refused(text, kind) => view! {
            <p class="field-error" role="alert" data-testid="compare-refused" data-kind=kind>{text}</p>
        }
        .into_any(),
        Compared::Ready { name, changes, other_lineage, .. } => {
            let heading = {
                let name = name.clone();
                let n = changes.len();
                move || match lang.get() {
                    Lang::En => format!("{n} difference(s) between the open scorecard and \u{201c}{name}\u{201d}"),
                    Lang::Nl => format!("{n} verschil(len) tussen de open scorecard en \u{201c}{name}\u{201d}"),
                }
            };
            let warning = other_lineage.then(|| view! {
                <p class="merge-warning" data-testid="compare-other-lineage">
                    {move || tr(lang.get(),
                        "This file is not a copy of the open scorecard. Items are matched by their id, so most of them show as removed and added.",
                        "Dit bestand is geen kopie van de open scorecard. Onderdelen worden op hun id gekoppeld, dus de meeste verschijnen als verwijderd en toegevoegd.")}
                </p>
            });
            if changes.is_empty() {
                return view! {
                    {warning}
                    <p data-testid="compare-same">{move || match lang.get() {
                        Lang::En => format!("\u{201c}{name}\u{201d} holds the same as the open scorecard."),
                        Lang::Nl => format!("\u{201c}{name}\u{201d} bevat hetzelfde als de open scorecard."),
                    }}</p>
                }
                .into_any();
            }
            let rows = changes
                .into_iter()
                .enumerate()
                .map(|(i, change)| {
                    let kind = super::change_line::change_kind_key(change.kind);
                    let path = change.path.clone();
                    view! {
                        <li class="merge-pick" data-testid="compare-change" data-kind=kind data-path=path>
                            <label>
                                <input type="checkbox" data-testid=format!("compare-pick-{i}")
                                    prop:checked=move || picked.with(|p| p.get(i).copied().unwrap_or(false))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        picked.update(|p| if let Some(slot) = p.get_mut(i) { *slot = on; });
                                    } />
                                <ChangeLine change=change />
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {warning}
                <h3 data-testid="compare-heading">{heading}</h3>
                <div class="merge-take-all">
                    <button type="button" data-testid="compare-all"
                        on:click=move |_| picked.update(|p| p.iter_mut().for_each(|b| *b = true))>
                        {move || tr(lang.get(), "Tick all", "Alles aanvinken")}
                    </button>
                    <button type="button" data-testid="compare-none"
                        on:click=move |_| picked.update(|p| p.iter_mut().for_each(|b| *b = false))>
                        {move || tr(lang.get(), "Tick none", "Niets aanvinken")}
                    </button>
                </div>
                <ul class="merge-changes merge-picks" data-testid="compare-changes">{rows}</ul>
            }
            .into_any()
        }
    }
    };
    view! {
        <Modal testid="compare-dialog" title_id="compare-title" variant="merge" on_escape=close>
            <h2 id="compare-title">{move || tr(lang.get(), "Compare with a file", "Vergelijken met een bestand")}</h2>
            <p class="dialog-lead">
                {move || tr(lang.get(),
                    "Choose a scorecard file — a colleague's edited copy, say. You see what it has that differs from the open scorecard; tick the changes to take over. Nothing changes until you take them, and Undo takes them back.",
                    "Kies een scorecardbestand — de bewerkte kopie van een collega, bijvoorbeeld. Je ziet wat erin anders is dan in de open scorecard; vink de wijzigingen aan die je overneemt. Er verandert niets tot je ze overneemt, en Ongedaan maken draait het terug.")}
            </p>
            <FilePicker testid="compare-input" multiple=false
                choose=t("Choose a file…", "Een bestand kiezen…")
                hint=t("or drop it anywhere on this page", "of zet het ergens op deze pagina neer") />
            {body}
            <div class="merge-footer">
                <p class="merge-status" data-testid="compare-status" aria-live="polite">
                    {move || match lang.get() {
                        Lang::En => format!("{} change(s) ticked.", count()),
                        Lang::Nl => format!("{} wijziging(en) aangevinkt.", count()),
                    }}
                </p>
                <div class="dialog-actions">
                    <button type="button" data-testid="compare-cancel" on:click=move |_| m.close()>
                        {move || tr(lang.get(), "Cancel", "Annuleren")}
                    </button>
                    <button type="button" class="primary" data-testid="compare-apply"
                        prop:disabled=move || count() == 0 on:click=apply>
                        {move || tr(lang.get(), "Take the ticked changes", "Aangevinkte wijzigingen overnemen")}
                    </button>
                </div>
            </div>
        </Modal>
    }
}
