//! The platform-export import dialog: drop or choose the files Meta Business Suite, LinkedIn,
//! TikTok, X, YouTube Studio or Google Analytics made; per file the platform, the metrics,
//! the dates and every row left out; per metric the series it goes into (proposed, changeable,
//! remembered); then one Apply — one undo step. Nothing changes before it.

mod date_question;
mod file_card;
mod metric_row;
mod preview;
mod summary;

use leptos::html;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::AppState;
use crate::ui::widgets::modal::Modal;
use crate::web::browser::today;
use crate::web::perf_marks;

use file_card::FileCard;
use summary::{ApplyBar, Summary};

/// The file types the picker offers.
const ACCEPT: &str = ".csv,.tsv,.txt,.xls,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The dialog, shown while the import is open.
#[component]
pub fn PlatformImportDialog() -> impl IntoView {
    let state = AppState::expect();
    let pi = state.platform_import;
    view! {
        <Show when=move || pi.open.get()>
            <crate::ui::widgets::part_view::PartView part=crate::ui::widgets::part_view::Part::PlatformImport />
        </Show>
    }
}

/// The dialog itself (its code loads on first use: `ui::app::parts`).
#[component]
pub fn ImportDialog() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let pi = state.platform_import;
    let preview = Memo::new(move |_| {
        let chosen = pi.chosen.get();
        pi.files.with(|files| {
            state.doc.with(|d| {
                perf_marks::measure("platform-import:preview", || {
                    preview::preview(d, files, chosen.as_deref())
                })
            })
        })
    });
    let input = NodeRef::<html::Input>::new();
    let on_files = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        if let Some(list) = el.files() {
            let files = (0..list.length()).filter_map(|i| list.get(i)).collect();
            pi.add(files, today());
        }
        el.set_value("");
    };
    let chosen_line = move || {
        let l = lang.get();
        pi.chosen.get().and_then(|id| {
            state.doc.with(|d| {
                d.series_by_id(&id).map(|s| {
                    let name = if s.name.trim().is_empty() { s.key.clone() } else { s.name.clone() };
                    match l {
                        crate::model::Lang::En => format!("Into the series “{name}” ({}), unless a file holds another metric.", s.key),
                        crate::model::Lang::Nl => format!("In de reeks “{name}” ({}), tenzij een bestand een andere maatstaf bevat.", s.key),
                    }
                })
            })
        })
    };
    let close = Callback::new(move |_| pi.close());
    let ids = move || {
        pi.files
            .with(|fs| fs.iter().map(|f| (f.id, f.order)).collect::<Vec<_>>())
    };
    view! {
        <Modal testid="platform-import-dialog" title_id="platform-import-title" variant="platform-import" on_escape=close>
            <h2 id="platform-import-title">{move || tr(lang.get(), "Import platform exports", "Platform-exports importeren")}</h2>
            <p class="dialog-lead">
                {move || tr(lang.get(),
                    "Add the files you downloaded from Meta Business Suite, LinkedIn, TikTok, X, YouTube Studio or Google Analytics — or any table with a date column and number columns. Their figures become daily points of input series. You see what would happen per file; nothing changes until you apply.",
                    "Voeg de bestanden toe die je downloadde uit Meta Business Suite, LinkedIn, TikTok, X, YouTube Studio of Google Analytics — of elke tabel met een datumkolom en getalkolommen. Hun cijfers worden dagpunten van invoerreeksen. Je ziet per bestand wat er zou gebeuren; er verandert niets tot je toepast.")}
            </p>
            <p class="pi-chosen" data-testid="pi-chosen" hidden=move || pi.chosen.with(Option::is_none)>{chosen_line}</p>
            <div class="pi-drop" data-testid="pi-drop">
                <label class="button-like">
                    {move || tr(lang.get(), "Choose files…", "Bestanden kiezen…")}
                    <input type="file" multiple class="visually-hidden" node_ref=input
                        data-testid="pi-file-input" accept=ACCEPT on:change=on_files />
                </label>
                <span>{move || tr(lang.get(), "or drop them anywhere on this page (CSV, XLSX, XLS)", "of zet ze ergens op deze pagina neer (CSV, XLSX, XLS)")}</span>
            </div>
            <p class="pi-reading" data-testid="pi-reading" aria-live="polite" hidden=move || pi.reading.get() == 0>
                {move || tr(lang.get(), "Reading…", "Lezen…")}
            </p>
            <p class="field-error" role="alert" data-testid="pi-too-many" hidden=move || pi.refused.get() == 0>
                {move || {
                    let n = pi.refused.get();
                    let max = crate::ui::session::platform_import::MAX_IMPORT_FILES;
                    match lang.get() {
                        crate::model::Lang::En => format!("{n} file(s) not added: one import takes at most {max} files. Apply these first, then add the rest."),
                        crate::model::Lang::Nl => format!("{n} bestand(en) niet toegevoegd: één import neemt hoogstens {max} bestanden. Pas deze eerst toe en voeg dan de rest toe."),
                    }
                }}
            </p>
            <div class="pi-files">
                <For each=ids key=|k| *k let((id, _order))>
                    <FileCard id=id preview=preview />
                </For>
            </div>
            <div class="pi-footer">
                <Summary preview=preview />
                <ApplyBar preview=preview />
            </div>
        </Modal>
    }
}
