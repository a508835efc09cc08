//! The measurements CSV import: choose a file, see per row what it would do, apply the good
//! rows as one undo step.

use leptos::html;
use leptos::prelude::*;

use crate::exchange::measurements::{CsvPreview, PreviewRow, preview_measurements_csv};
use crate::i18n::tr;
use crate::model::Command;
use crate::ui::session::state::AppState;
use crate::ui::widgets::modal::Modal;
use crate::web::files;

use super::preview::{count, csv_row, has_bad, summary_line};

/// The largest measurements file read (a full scorecard's CSV is far smaller).
const MAX_CSV_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The measurements CSV import: choose a file, see per row what it would do, apply.
#[component]
pub(super) fn CsvImportDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let file = RwSignal::new(None::<(String, String)>);
    let read_error = RwSignal::new(None::<String>);
    let skip = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let preview = Memo::new(move |_| {
        file.with(|f| {
            f.as_ref().map(|(_, text)| {
                state
                    .doc
                    .with(|d| preview_measurements_csv(d, text, lang.get()))
            })
        })
    });
    let good = Signal::derive(move || preview.with(|p| p.as_ref().map_or(0, |p| p.good)));
    let bad = Signal::derive(move || preview.with(|p| p.as_ref().map_or(0, |p| p.bad)));
    let can_apply = move || good.get() > 0 && (bad.get() == 0 || skip.get());
    let on_file = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let Some(chosen) = el.files().and_then(|files| files.get(0)) else {
            return;
        };
        read_error.set(None);
        skip.set(false);
        let name = chosen.name();
        if chosen.size() > MAX_CSV_BYTES {
            file.set(None);
            read_error.set(Some(
                tr(
                    lang.get_untracked(),
                    "This file is too large for a measurements file (at most 5 MB).",
                    "Dit bestand is te groot voor een metingenbestand (hoogstens 5 MB).",
                )
                .into(),
            ));
            return;
        }
        files::read_text(&chosen, move |text| match text {
            Ok(text) => {
                file.try_set(Some((name, text)));
            }
            Err(_) => {
                read_error.try_set(Some(
                    tr(
                        lang.get_untracked(),
                        "The browser could not read this file.",
                        "De browser kon dit bestand niet lezen.",
                    )
                    .into(),
                ));
            }
        });
    };
    let apply = move |_| {
        let Some(result) =
            preview.with_untracked(|p| p.as_ref().map(|p| p.commands(skip.get_untracked())))
        else {
            return;
        };
        let Ok(commands) = result else {
            return;
        };
        let l = lang.get_untracked();
        if commands.is_empty() {
            state.tell(
                tr(
                    l,
                    "Nothing to change: the scorecard already has these measurements.",
                    "Niets te wijzigen: de scorecard heeft deze metingen al.",
                ),
                false,
            );
            open.set(false);
            return;
        }
        let rows = preview.with_untracked(|p| {
            p.as_ref().map_or(0, |p| {
                p.rows
                    .iter()
                    .filter(
                        |r| matches!(r, PreviewRow::Ready(ready) if !ready.commands().is_empty()),
                    )
                    .count()
            })
        });
        if state
            .try_dispatch_keyed(Command::Batch { commands }, None)
            .map_err(|e| state.report(e))
            .is_ok()
        {
            state.tell(
                count(
                    rows,
                    tr(
                        l,
                        "row of the file applied.",
                        "rij van het bestand toegepast.",
                    ),
                    tr(
                        l,
                        "rows of the file applied.",
                        "rijen van het bestand toegepast.",
                    ),
                ),
                true,
            );
            open.set(false);
        }
    };
    let preview_rows = move || {
        let l = lang.get();
        preview
            .get()
            .map(|p: CsvPreview| p.rows.into_iter().map(|row| csv_row(row, l)).collect_view())
    };
    view! {
        <Modal testid="csv-import-dialog" title_id="csv-import-title" variant="import" on_escape=Callback::new(move |_| open.set(false))>
            <h2 id="csv-import-title">{move || tr(lang.get(), "Import measurements", "Metingen importeren")}</h2>
            <p class="dialog-lead">
                {move || tr(lang.get(),
                    "Choose a CSV file with the columns kpi_id, date and value (and optionally note), such as the file \"Export measurements (CSV)\" makes. You see per row what it would do; nothing changes until you apply it.",
                    "Kies een CSV-bestand met de kolommen kpi_id, date en value (en eventueel note), zoals het bestand dat \"Metingen exporteren (CSV)\" maakt. Je ziet per rij wat het zou doen; er verandert niets tot je het toepast.")}
            </p>
            <label class="file-label">
                <span>{move || tr(lang.get(), "Measurements file (CSV)", "Metingenbestand (CSV)")}</span>
                <input type="file" node_ref=input data-testid="csv-file"
                    accept=".csv,.txt,.tsv,text/csv,text/plain" on:change=on_file />
            </label>
            <Show when=move || read_error.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="csv-read-error">{move || read_error.get().unwrap_or_default()}</p>
            </Show>
            <Show when=move || preview.with(Option::is_some)>
                {summary_line(lang, good, bad)}
                {move || preview.with(|p| p.as_ref().and_then(|p| p.date_note.clone())).map(|n| view! {
                    <p class="import-date-note" data-testid="csv-date-note">{n}</p>
                })}
                <div class="import-table-wrap">
                    <table class="import-table" data-testid="csv-preview">
                        <thead>
                            <tr>
                                <th scope="col" class="num">{move || tr(lang.get(), "Line", "Regel")}</th>
                                <th scope="col">{move || tr(lang.get(), "KPI", "KPI")}</th>
                                <th scope="col">{move || tr(lang.get(), "Date", "Datum")}</th>
                                <th scope="col" class="num">{move || tr(lang.get(), "Value", "Waarde")}</th>
                                <th scope="col">{move || tr(lang.get(), "Note", "Notitie")}</th>
                                <th scope="col">{move || tr(lang.get(), "What happens", "Wat er gebeurt")}</th>
                            </tr>
                        </thead>
                        <tbody>{preview_rows}</tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || has_bad(bad)>
                <label class="check import-skip">
                    <input type="checkbox" data-testid="csv-skip-bad" prop:checked=move || skip.get()
                        on:change=move |ev| skip.set(event_target_checked(&ev)) />
                    <span>{move || tr(lang.get(), "Skip the bad rows and apply the others", "De foute rijen overslaan en de andere toepassen")}</span>
                </label>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="primary" data-testid="csv-apply"
                    prop:disabled=move || !can_apply() on:click=apply>
                    {move || tr(lang.get(), "Apply", "Toepassen")}
                </button>
                <button type="button" data-testid="csv-cancel" on:click=move |_| open.set(false)>
                    {move || tr(lang.get(), "Cancel", "Annuleren")}
                </button>
            </div>
        </Modal>
    }
}
