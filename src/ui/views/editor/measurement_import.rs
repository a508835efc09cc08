//! Measurements in and out as text: rows pasted from a spreadsheet into the open KPI, and the
//! measurements CSV file of the whole scorecard (export, and an import that is previewed row
//! by row first). Nothing is applied while a row is bad, unless the user chooses to skip the
//! bad rows; what is applied is one undo step (`Command::Batch`).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::charts::labels::full_date;
use crate::exchange::measurements::{
    CsvPreview, PreviewRow, RowResult, export_measurements_csv, parse_pasted_rows,
    preview_measurements_csv,
};
use crate::i18n::format::format_number;
use crate::i18n::tr;
use crate::library::export::slug;
use crate::model::{Command, Lang};
use crate::ui::app::dialogs::Modal;
use crate::ui::session::state::AppState;
use crate::web::browser;

/// The largest measurements file read (a full scorecard's CSV is far smaller).
const MAX_CSV_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// `1 row` / `3 rows` in `lang`, from the four forms.
fn count(n: usize, one: &'static str, many: &'static str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `<title-slug>-measurements-YYYY-MM-DD.csv`.
pub fn csv_file_name(title: &str, today: crate::model::Date) -> String {
    let base = slug(title);
    let base = if base.is_empty() {
        "scorecard".to_string()
    } else {
        base
    };
    format!("{base}-measurements-{today}.csv")
}

/// Downloads every measurement of the open scorecard as a CSV file.
pub fn export_csv(state: AppState) {
    let (text, title) = state
        .doc
        .with_untracked(|d| (export_measurements_csv(d), d.title.clone()));
    crate::ui::app::file_io::download(&csv_file_name(&title, browser::today()), &text);
}

/// The header's "Measurements" menu: export and import of the measurements CSV.
#[component]
pub fn MeasurementsMenu() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let menu = NodeRef::<html::Details>::new();
    let import_open = RwSignal::new(false);
    let close_menu = move || {
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
    };
    // A click anywhere outside the open menu closes it.
    let handle = window_event_listener(leptos::ev::click, move |ev| {
        let Some(m) = menu.get_untracked() else {
            return;
        };
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| m.contains(Some(&n)));
        if !inside && m.open() {
            m.set_open(false);
        }
    });
    on_cleanup(move || handle.remove());
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            close_menu();
        }
    };
    view! {
        <details class="menu measurements-menu" node_ref=menu data-testid="measurements-menu" on:keydown=on_key>
            <summary data-testid="measurements-menu-toggle">
                {move || tr(lang.get(), "Measurements", "Metingen")}
            </summary>
            <div class="menu-list" role="group"
                aria-label=move || tr(lang.get(), "Measurements", "Metingen")>
                <button type="button" data-testid="measurements-export"
                    title=move || tr(lang.get(),
                        "Download every measurement of this scorecard as a CSV file",
                        "Alle metingen van deze scorecard downloaden als CSV-bestand")
                    on:click=move |_| {
                        close_menu();
                        export_csv(state);
                    }>
                    {move || tr(lang.get(), "Export measurements (CSV)", "Metingen exporteren (CSV)")}
                </button>
                <button type="button" data-testid="measurements-import"
                    title=move || tr(lang.get(),
                        "Read measurements from a CSV file; you see what changes before anything is applied",
                        "Metingen inlezen uit een CSV-bestand; je ziet wat er verandert voordat er iets wordt toegepast")
                    on:click=move |_| {
                        close_menu();
                        import_open.set(true);
                    }>
                    {move || tr(lang.get(), "Import measurements (CSV)", "Metingen importeren (CSV)")}
                </button>
            </div>
        </details>
        <Show when=move || import_open.get()>
            <CsvImportDialog open=import_open />
        </Show>
    }
}

fn has_bad(bad: Signal<usize>) -> bool {
    bad.get() != 0
}

/// How many rows are ready and how many are bad, with what to do about the bad ones.
fn summary_line(lang: RwSignal<Lang>, good: Signal<usize>, bad: Signal<usize>) -> impl IntoView {
    move || {
        let l = lang.get();
        let (good, bad) = (good.get(), bad.get());
        let has_bad_now = bad != 0;
        let ready = count(
            good,
            tr(l, "row ready", "rij klaar"),
            tr(l, "rows ready", "rijen klaar"),
        );
        let wrong = count(
            bad,
            tr(l, "row with an error", "rij met een fout"),
            tr(l, "rows with an error", "rijen met een fout"),
        );
        let advice = if bad == 0 {
            ""
        } else {
            tr(
                l,
                "Nothing is applied while a row has an error: correct it, or choose to skip the bad rows.",
                "Er wordt niets toegepast zolang een rij een fout heeft: verbeter die, of kies ervoor de foute rijen over te slaan.",
            )
        };
        view! {
            <p class="import-summary" data-testid="import-summary" data-good=good data-bad=bad>
                <span class="import-good">{ready}</span>
                ", "
                <span class="import-bad" class:has-bad=has_bad_now>{wrong}</span>
                ". "
                {advice}
            </p>
        }
    }
}

/// The "Paste rows" button of a KPI's measurements, with its dialog.
#[component]
pub fn PasteRowsButton(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="paste-open" data-testid="paste-open"
            title=move || tr(lang.get(),
                "Paste dates and values copied from a spreadsheet",
                "Datums en waarden plakken, gekopieerd uit een spreadsheet")
            on:click=move |_| open.set(true)>
            {move || tr(lang.get(), "Paste rows…", "Rijen plakken…")}
        </button>
        <Show when=move || open.get()>
            <PasteDialog kpi=kpi.clone() open=open />
        </Show>
    }
}

/// Rows pasted from a spreadsheet for one KPI: a preview per row, then all good rows as one
/// undo step.
#[component]
fn PasteDialog(kpi: String, open: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let text = RwSignal::new(String::new());
    let skip = RwSignal::new(false);
    let rows = Memo::new(move |_| text.with(|t| parse_pasted_rows(t, lang.get())));
    let good = Signal::derive(move || rows.with(|r| r.iter().filter(|r| r.is_ok()).count()));
    let bad = Signal::derive(move || rows.with(|r| r.iter().filter(|r| r.is_err()).count()));
    let can_apply = move || good.get() > 0 && (bad.get() == 0 || skip.get());
    let kpi_name = {
        let kpi = kpi.clone();
        move || {
            state
                .doc
                .with(|d| d.kpi(&kpi).map(|k| k.name.clone()))
                .unwrap_or_default()
        }
    };
    let unit = {
        let kpi = kpi.clone();
        move || {
            state
                .doc
                .with(|d| d.kpi(&kpi).map(|k| k.unit.clone()))
                .unwrap_or_default()
        }
    };
    let apply = move |_| {
        if !can_apply() {
            return;
        }
        let commands: Vec<Command> = rows.with_untracked(|rows| {
            rows.iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|r| Command::RecordMeasurement {
                    kpi: kpi.clone(),
                    date: r.date,
                    value: r.value,
                    note: r.note.clone(),
                })
                .collect()
        });
        let n = commands.len();
        if state
            .try_dispatch_keyed(Command::Batch { commands }, None)
            .map_err(|e| state.report(e))
            .is_ok()
        {
            let l = lang.get_untracked();
            state.tell(
                count(
                    n,
                    tr(l, "measurement recorded.", "meting vastgelegd."),
                    tr(l, "measurements recorded.", "metingen vastgelegd."),
                ),
                true,
            );
            open.set(false);
        }
    };
    let preview_row = move |row: RowResult| {
        let l = lang.get_untracked();
        match row {
            Ok(r) => view! {
                <tr data-testid="paste-row" data-ok="true">
                    <td class="num">{r.line}</td>
                    <td>{full_date(r.date, l)}</td>
                    <td class="num">{format_number(r.value, l)}</td>
                    <td>{r.note}</td>
                </tr>
            }
            .into_any(),
            Err(e) => view! {
                <tr data-testid="paste-row" data-ok="false" class="is-bad">
                    <td class="num">{e.line}</td>
                    <td colspan="3" class="row-error" data-testid="paste-row-error">
                        <span aria-hidden="true">"✕ "</span>{e.message}
                    </td>
                </tr>
            }
            .into_any(),
        }
    };
    view! {
        <Modal testid="paste-dialog" title_id="paste-dialog-title" variant="import" on_escape=Callback::new(move |_| open.set(false))>
            <h2 id="paste-dialog-title">{move || tr(lang.get(), "Paste measurements", "Metingen plakken")}</h2>
            <p class="dialog-lead">
                <strong>{kpi_name}</strong>
                {move || {
                    let u = unit();
                    if u.trim().is_empty() { String::new() } else { format!(" ({})", u.trim()) }
                }}
            </p>
            <label class="paste-label" for="paste-text">
                {move || tr(lang.get(),
                    "Copy two or three columns from a spreadsheet — date, value and an optional note — and paste them here. Tabs or semicolons separate the columns; 31-3-2026 and 2026-03-31, 3,5 and 3.5 are all read.",
                    "Kopieer twee of drie kolommen uit een spreadsheet — datum, waarde en eventueel een notitie — en plak ze hier. Tabs of puntkomma's scheiden de kolommen; 31-3-2026 en 2026-03-31, 3,5 en 3.5 worden allemaal gelezen.")}
            </label>
            <textarea id="paste-text" class="paste-text" data-testid="paste-text" rows="6" spellcheck="false"
                placeholder="31-1-2026\t6\n28-2-2026\t3,5\n2026-03-31;2"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <Show when=move || !rows.with(Vec::is_empty)>
                {summary_line(lang, good, bad)}
                <div class="import-table-wrap">
                    <table class="import-table" data-testid="paste-preview">
                        <thead>
                            <tr>
                                <th scope="col" class="num">{move || tr(lang.get(), "Line", "Regel")}</th>
                                <th scope="col">{move || tr(lang.get(), "Date", "Datum")}</th>
                                <th scope="col" class="num">{move || tr(lang.get(), "Value", "Waarde")}</th>
                                <th scope="col">{move || tr(lang.get(), "Note", "Notitie")}</th>
                            </tr>
                        </thead>
                        <tbody>{move || rows.get().into_iter().map(preview_row).collect_view()}</tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || has_bad(bad)>
                <label class="check import-skip">
                    <input type="checkbox" data-testid="paste-skip-bad" prop:checked=move || skip.get()
                        on:change=move |ev| skip.set(event_target_checked(&ev)) />
                    <span>{move || tr(lang.get(), "Skip the bad rows and apply the others", "De foute rijen overslaan en de andere toepassen")}</span>
                </label>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="primary" data-testid="paste-apply"
                    prop:disabled=move || !can_apply() on:click=apply>
                    {move || {
                        let l = lang.get();
                        let n = count(
                            good.get(),
                            tr(l, "measurement", "meting"),
                            tr(l, "measurements", "metingen"),
                        );
                        format!("{}: {n}", tr(l, "Record", "Vastleggen"))
                    }}
                </button>
                <button type="button" data-testid="paste-cancel" on:click=move |_| open.set(false)>
                    {move || tr(lang.get(), "Cancel", "Annuleren")}
                </button>
            </div>
        </Modal>
    }
}

/// The measurements CSV import: choose a file, see per row what it would do, apply.
#[component]
fn CsvImportDialog(open: RwSignal<bool>) -> impl IntoView {
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
        let Ok(reader) = web_sys::FileReader::new() else {
            return;
        };
        let on_load = {
            let reader = reader.clone();
            Closure::once_into_js(move || {
                let text = reader
                    .result()
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                file.try_set(Some((name, text)));
            })
        };
        let on_error = Closure::once_into_js(move || {
            read_error.try_set(Some(
                tr(
                    lang.get_untracked(),
                    "The browser could not read this file.",
                    "De browser kon dit bestand niet lezen.",
                )
                .into(),
            ));
        });
        reader.set_onload(Some(on_load.unchecked_ref()));
        reader.set_onerror(Some(on_error.unchecked_ref()));
        let _ = reader.read_as_text(&chosen);
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
        preview.get().map(|p: CsvPreview| {
            p.rows
                .into_iter()
                .map(|row| match row {
                    PreviewRow::Ready(r) => {
                        let change = r.change.label(l);
                        let kind = match r.change {
                            crate::exchange::measurements::Change::New => "new",
                            crate::exchange::measurements::Change::Update { .. } => "update",
                            crate::exchange::measurements::Change::Unchanged { .. } => "unchanged",
                        };
                        view! {
                            <tr data-testid="csv-row" data-ok="true" data-change=kind>
                                <td class="num">{r.line}</td>
                                <td>{r.kpi_name}</td>
                                <td>{full_date(r.date, l)}</td>
                                <td class="num">{format_number(r.value, l)}</td>
                                <td>{r.note.unwrap_or_default()}</td>
                                <td data-testid="csv-row-change">{change}</td>
                            </tr>
                        }
                        .into_any()
                    }
                    PreviewRow::Bad(e) => view! {
                        <tr data-testid="csv-row" data-ok="false" class="is-bad">
                            <td class="num">{e.line}</td>
                            <td colspan="5" class="row-error" data-testid="csv-row-error">
                                <span aria-hidden="true">"✕ "</span>{e.message}
                            </td>
                        </tr>
                    }
                    .into_any(),
                })
                .collect_view()
        })
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
