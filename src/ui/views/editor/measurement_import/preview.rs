//! What both import dialogs show before anything is applied: the count of good and bad rows
//! and one table row per line read.

use leptos::prelude::*;

use crate::charts::labels::full_date;
use crate::exchange::measurements::{Change, PreviewRow, RowResult};
use crate::i18n::format::format_number;
use crate::i18n::tr;
use crate::model::Lang;

/// `1 row` / `3 rows` in `lang`, from the four forms.
pub(super) fn count(n: usize, one: &'static str, many: &'static str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether any row is bad.
pub(super) fn has_bad(bad: Signal<usize>) -> bool {
    bad.get() != 0
}

/// How many rows are ready and how many are bad, with what to do about the bad ones.
pub(super) fn summary_line(
    lang: RwSignal<Lang>,
    good: Signal<usize>,
    bad: Signal<usize>,
) -> impl IntoView {
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

/// One pasted row in the paste dialog's preview: its date, value and note, or what is wrong
/// with it.
pub(super) fn paste_row(row: RowResult, l: Lang) -> AnyView {
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
}

/// One line of the file in the CSV import's preview: the measurement and what applying it
/// would change, or what is wrong with it.
pub(super) fn csv_row(row: PreviewRow, l: Lang) -> AnyView {
    match row {
        PreviewRow::Ready(r) => {
            let change = r.change.label(l);
            let kind = match r.change {
                Change::New => "new",
                Change::Update { .. } => "update",
                Change::Unchanged { .. } => "unchanged",
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
    }
}
