//! Rows pasted from a spreadsheet into the open KPI: the "Paste rows" button and its dialog.

use leptos::prelude::*;

use crate::exchange::measurements::parse_pasted;
use crate::i18n::tr;
use crate::model::Command;
use crate::ui::session::state::AppState;
use crate::ui::widgets::modal::Modal;

use super::preview::{count, has_bad, paste_row, summary_line};

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
    let pasted = Memo::new(move |_| text.with(|t| parse_pasted(t, lang.get())));
    let rows = Memo::new(move |_| pasted.with(|p| p.rows.clone()));
    let date_note = move || pasted.with(|p| p.date_note.clone());
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
                {move || date_note().map(|n| view! { <p class="import-date-note" data-testid="paste-date-note">{n}</p> })}
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
                        <tbody>{move || {
                            let l = lang.get_untracked();
                            rows.get().into_iter().map(|row| paste_row(row, l)).collect_view()
                        }}</tbody>
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
