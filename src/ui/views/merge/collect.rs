//! "Collect the groups' files": drop the returned files, see per file whether it merges and
//! why not, per group what it adds, changes and deletes, every conflict side by side with a
//! pick; then one Apply — one undo step. Nothing changes before it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::exchange::collect::{Collection, Outcome, Returned, collect};
use crate::i18n::tr;
use crate::model::merge::{ChangeKind, Choice, MERGE, OURS};
use crate::model::{Command, Lang};
use crate::ui::session::merge::ReadFile;
use crate::ui::session::state::AppState;
use crate::ui::widgets::modal::Modal;

use super::change_line::ChangeLine;
use super::conflict_row::{ConflictRow, side_label};
use super::file_picker::FilePicker;
use crate::i18n::t;

/// The collection, shared; equal only to itself (so the memo tells every change).
#[derive(Clone)]
struct Shared(Arc<Collection>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The collect dialog.
#[component]
pub fn CollectDialog() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let m = state.merge;
    let collection = Memo::new(move |_| {
        let returned: Vec<Returned> = m.files.with(|files| {
            files
                .iter()
                .map(|f| Returned {
                    name: f.name.clone(),
                    card: (*f.card).clone(),
                })
                .collect()
        });
        let open = state.doc.get_untracked();
        let lineage = open.lineage.id.clone();
        Shared(Arc::new(collect(
            &open,
            |revision| crate::ui::session::hand_out::kept_base(&lineage, revision),
            returned,
        )))
    });
    let picks: RwSignal<Vec<Option<String>>> = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let n = collection.with(|c| c.0.merge.as_ref().map_or(0, |m| m.conflicts.len()));
        picks.set(vec![None; n]);
    });
    let close = Callback::new(move |_| m.close());
    let apply = move |_| {
        let chosen: Vec<Choice> = picks.with_untracked(|p| {
            p.iter()
                .enumerate()
                .filter_map(|(conflict, side)| side.clone().map(|side| Choice { conflict, side }))
                .collect()
        });
        let c = collection.get_untracked().0;
        let l = lang.get_untracked();
        match c.resolve(&chosen) {
            None => {}
            Some(Err(e)) => state.report(e.to_string()),
            Some(Ok(card)) => {
                let cmd = Command::ReplaceContent {
                    card: Box::new(card),
                };
                match state.try_dispatch_keyed(cmd, None) {
                    Ok(_) => {
                        let n = c.side_names().len();
                        state.tell(
                            match l {
                                Lang::En => format!("Merged {n} group file(s) into the scorecard. Undo puts it back as it was."),
                                Lang::Nl => format!("{n} groepsbestand(en) samengevoegd in de scorecard. Ongedaan maken zet hem terug zoals hij was."),
                            },
                            true,
                        );
                        m.close();
                    }
                    Err(text) => state.report(text),
                }
            }
        }
    };
    let has_merge = move || collection.with(|c| c.0.merge.is_some());
    view! {
        <Modal testid="collect-dialog" title_id="collect-title" variant="merge" on_escape=close>
            <h2 id="collect-title">{move || tr(lang.get(), "Collect the groups' files", "De bestanden van de groepen verzamelen")}</h2>
            <p class="dialog-lead">
                {move || tr(lang.get(),
                    "Add the files the groups sent back. Each is merged with the open scorecard against the version handed out: what one group added or changed is taken; where two groups changed the same thing differently, you pick. Nothing changes until you apply, and Undo takes it back.",
                    "Voeg de bestanden toe die de groepen terugstuurden. Elk wordt samengevoegd met de open scorecard, vergeleken met de uitgedeelde versie: wat één groep toevoegde of wijzigde, wordt overgenomen; waar twee groepen hetzelfde verschillend wijzigden, kies jij. Er verandert niets tot je toepast, en Ongedaan maken draait het terug.")}
            </p>
            <FilePicker testid="collect-input" multiple=true
                choose=t("Choose files…", "Bestanden kiezen…")
                hint=t("or drop them anywhere on this page", "of zet ze ergens op deze pagina neer") />
            <p class="field-error" role="alert" data-testid="collect-too-many" hidden=move || m.refused.get() == 0>
                {move || {
                    let n = m.refused.get();
                    let max = crate::ui::session::merge::MAX_COLLECT_FILES;
                    match lang.get() {
                        Lang::En => format!("{n} file(s) not added: one merge takes at most {max} files."),
                        Lang::Nl => format!("{n} bestand(en) niet toegevoegd: één samenvoeging neemt hoogstens {max} bestanden."),
                    }
                }}
            </p>
            <FileList collection=collection />
            <Show when=has_merge>
                <Groups collection=collection />
                <Conflicts collection=collection picks=picks />
            </Show>
            <div class="merge-footer">
                <p class="merge-status" data-testid="collect-status" aria-live="polite">
                    {move || status_line(&collection.get().0, &picks.get(), lang.get())}
                </p>
                <div class="dialog-actions">
                    <button type="button" data-testid="collect-cancel" on:click=move |_| m.close()>
                        {move || tr(lang.get(), "Cancel", "Annuleren")}
                    </button>
                    <button type="button" class="primary" data-testid="collect-apply"
                        prop:disabled=move || !has_merge() on:click=apply>
                        {move || tr(lang.get(), "Merge into the scorecard", "Samenvoegen in de scorecard")}
                    </button>
                </div>
            </div>
        </Modal>
    }
}

/// The files with what becomes of each.
#[component]
fn FileList(collection: Memo<Shared>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let m = state.merge;
    let rows = move || {
        let c = collection.get().0;
        let files: Vec<ReadFile> = m.files.get();
        files
            .into_iter()
            .zip(c.files.iter().map(|(_, o)| o.clone()))
            .map(|(file, outcome)| {
                let id = file.id;
                let kind = match &outcome {
                    Outcome::Merged { .. } => "merged",
                    Outcome::CompareOnly { .. } => "compare",
                    Outcome::Refused(r) => r.kind(),
                };
                let compare = matches!(outcome, Outcome::CompareOnly { .. }).then(|| {
                    let file = file.clone();
                    view! {
                        <button type="button" data-testid="collect-compare"
                            on:click=move |_| m.compare_with(file.clone())>
                            {move || tr(lang.get(), "Compare this file instead…", "Dit bestand vergelijken…")}
                        </button>
                    }
                });
                view! {
                    <li class="merge-file" data-testid="collect-file" data-name=file.name.clone()
                        data-outcome=kind>
                        <strong class="merge-file-name">{file.name.clone()}</strong>
                        <span class="merge-file-outcome">{move || outcome.text(lang.get())}</span>
                        {compare}
                        <button type="button" class="icon-button" data-testid="collect-remove"
                            aria-label=move || tr(lang.get(), "Leave this file out", "Dit bestand weglaten")
                            on:click=move |_| m.remove(id)>"✕"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul class="merge-files" data-testid="collect-files" aria-live="polite">{rows}</ul>
    }
}

/// Per group (and the open scorecard, when it changed since the hand-out) what it added,
/// changed and deleted, the changes listed under a disclosure.
#[component]
fn Groups(collection: Memo<Shared>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let sides = move || {
        let c = collection.get().0;
        let Some(merge) = c.merge.as_ref() else {
            return Vec::new().into_iter().collect_view();
        };
        let mut names: Vec<String> = vec![OURS.to_string()];
        names.extend(c.side_names().iter().map(|s| s.to_string()));
        names.push(MERGE.to_string());
        names
            .into_iter()
            .filter(|name| {
                name != OURS && name != MERGE || merge.changes.iter().any(|ch| ch.side == *name)
            })
            .map(|name| {
                let changes: Vec<_> = merge
                    .changes
                    .iter()
                    .filter(|ch| ch.side == name)
                    .cloned()
                    .collect();
                let counts = [ChangeKind::Added, ChangeKind::Changed, ChangeKind::Deleted]
                    .map(|k| merge.count(&name, k));
                let title = name.clone();
                let summary = move || {
                    let l = lang.get();
                    let who = if title == MERGE {
                        tr(l, "Adjusted by the merge", "Aangepast door het samenvoegen").to_string()
                    } else if title == OURS {
                        tr(
                            l,
                            "Open scorecard (changed since handing out)",
                            "Open scorecard (gewijzigd na het uitdelen)",
                        )
                        .to_string()
                    } else {
                        side_label(&title, l)
                    };
                    match l {
                        Lang::En => format!(
                            "{who}: {} added, {} changed, {} deleted",
                            counts[0], counts[1], counts[2]
                        ),
                        Lang::Nl => format!(
                            "{who}: {} toegevoegd, {} gewijzigd, {} verwijderd",
                            counts[0], counts[1], counts[2]
                        ),
                    }
                };
                let lines = changes
                    .into_iter()
                    .map(|change| view! { <li><ChangeLine change=change /></li> })
                    .collect_view();
                view! {
                    <details class="merge-side" data-testid="collect-side" data-side=name.clone()
                        data-added=counts[0] data-changed=counts[1] data-deleted=counts[2]>
                        <summary>{summary}</summary>
                        <ul class="merge-changes">{lines}</ul>
                    </details>
                }
            })
            .collect_view()
    };
    view! {
        <section class="merge-groups" data-testid="collect-groups">
            <h3>{move || tr(lang.get(), "What each group did", "Wat elke groep deed")}</h3>
            {sides}
        </section>
    }
}

/// The conflicts, with "take all of group X" and one pick each.
#[component]
fn Conflicts(collection: Memo<Shared>, picks: RwSignal<Vec<Option<String>>>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let body = move || {
        let c = collection.get().0;
        let Some(merge) = c.merge.as_ref() else {
            return ().into_any();
        };
        if merge.conflicts.is_empty() {
            return view! {
                <p class="merge-no-conflicts" data-testid="collect-no-conflicts">
                    {move || tr(lang.get(), "No conflicts: the groups' changes fit together.", "Geen conflicten: de wijzigingen van de groepen passen bij elkaar.")}
                </p>
            }
            .into_any();
        }
        let mut parties: Vec<String> = Vec::new();
        for conflict in &merge.conflicts {
            for (side, _) in &conflict.values {
                if !parties.contains(side) {
                    parties.push(side.clone());
                }
            }
        }
        let take_all = parties
            .into_iter()
            .map(|side| {
                let choices = merge.take_all(&side);
                let label = side.clone();
                view! {
                    <button type="button" data-testid="take-all" data-side=side.clone()
                        on:click=move |_| picks.update(|p| {
                            for choice in &choices {
                                if let Some(slot) = p.get_mut(choice.conflict) {
                                    *slot = Some(choice.side.clone());
                                }
                            }
                        })>
                        {move || match lang.get() {
                            Lang::En => format!("Take all of {}", side_label(&label, Lang::En)),
                            Lang::Nl => format!("Alles van {} nemen", side_label(&label, Lang::Nl)),
                        }}
                    </button>
                }
            })
            .collect_view();
        let rows = merge
            .conflicts
            .iter()
            .cloned()
            .enumerate()
            .map(|(index, conflict)| view! { <ConflictRow index=index conflict=conflict picks=picks /> })
            .collect_view();
        view! {
            <div class="merge-take-all" role="group"
                aria-label=move || tr(lang.get(), "Take all of one group", "Alles van één groep nemen")>
                {take_all}
            </div>
            {rows}
        }
        .into_any()
    };
    view! {
        <section class="merge-conflicts" data-testid="collect-conflicts">
            <h3>{move || {
                let n = collection.with(|c| c.0.merge.as_ref().map_or(0, |m| m.conflicts.len()));
                match lang.get() {
                    Lang::En => format!("Conflicts ({n})"),
                    Lang::Nl => format!("Conflicten ({n})"),
                }
            }}</h3>
            {body}
        </section>
    }
}

/// "3 files merge: 12 added, 2 changed, 0 deleted · 1 of 2 conflicts decided".
fn status_line(c: &Collection, picks: &[Option<String>], lang: Lang) -> String {
    let Some(merge) = c.merge.as_ref() else {
        return if c.files.is_empty() {
            tr(lang, "No files yet.", "Nog geen bestanden.").to_string()
        } else {
            tr(
                lang,
                "No file can be merged (see above).",
                "Geen enkel bestand kan worden samengevoegd (zie boven).",
            )
            .to_string()
        };
    };
    let n = c.side_names().len();
    let count = |k| {
        merge
            .changes
            .iter()
            .filter(|ch| ch.kind == k && ch.side != OURS && ch.side != MERGE)
            .count()
    };
    let (added, changed, deleted) = (
        count(ChangeKind::Added),
        count(ChangeKind::Changed),
        count(ChangeKind::Deleted),
    );
    let conflicts = merge.conflicts.len();
    let decided = picks.iter().filter(|p| p.is_some()).count();
    match lang {
        Lang::En => {
            let mut s =
                format!("{n} file(s) merge: {added} added, {changed} changed, {deleted} deleted.");
            if conflicts > 0 {
                s.push_str(&format!(" {decided} of {conflicts} conflict(s) decided; the others keep the open scorecard's value."));
            }
            s
        }
        Lang::Nl => {
            let mut s = format!(
                "{n} bestand(en) samen te voegen: {added} toegevoegd, {changed} gewijzigd, {deleted} verwijderd."
            );
            if conflicts > 0 {
                s.push_str(&format!(" {decided} van {conflicts} conflict(en) beslist; de andere houden de waarde van de open scorecard."));
            }
            s
        }
    }
}
