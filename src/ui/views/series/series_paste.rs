//! Pasting rows from a spreadsheet into one series: a text box, a live preview (how many
//! points are new, replace a value, or change nothing; every bad row listed; dates given
//! twice), and an Apply button that sends the whole paste as one command — one undo step. A
//! paste with any bad row applies nothing.

use leptos::prelude::*;

use crate::exchange::series_paste::{SeriesPaste, parse_series_paste};
use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::session::state::AppState;

/// `1 point` / `3 points` and the like.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the preview says about the counts, e.g. `31 new, 2 updated, 0 unchanged`.
fn counts_line(paste: &SeriesPaste, l: Lang) -> String {
    let c = paste.counts;
    format!(
        "{}, {}, {}",
        count(
            c.new,
            tr(l, "new point", "nieuw punt"),
            tr(l, "new points", "nieuwe punten")
        ),
        count(
            c.updated,
            tr(l, "value replaced", "waarde vervangen"),
            tr(l, "values replaced", "waarden vervangen")
        ),
        count(
            c.unchanged,
            tr(l, "unchanged", "ongewijzigd"),
            tr(l, "unchanged", "ongewijzigd")
        ),
    )
}

/// The paste box of the series `id`.
#[component]
pub fn SeriesPasteBox(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let text = RwSignal::new(String::new());
    let read_id = id.clone();
    let paste = Memo::new(move |_| {
        let l = lang.get();
        text.with(|t| {
            doc.with(|d| {
                let current = d
                    .series_by_id(&read_id)
                    .map(|s| s.points.as_slice())
                    .unwrap_or_default();
                parse_series_paste(t, current, l)
            })
        })
    });
    let can_apply = move || paste.with(SeriesPaste::can_apply);
    let apply = move |_| {
        let Some(cmd) = paste.with_untracked(|p| p.command(&id)) else {
            return;
        };
        let counts = paste.with_untracked(|p| p.counts);
        if state
            .try_dispatch_keyed(cmd, None)
            .map_err(|e| state.report(e))
            .is_ok()
        {
            let l = lang.get_untracked();
            let added = count(
                counts.new,
                tr(l, "point added", "punt toegevoegd"),
                tr(l, "points added", "punten toegevoegd"),
            );
            let replaced = count(
                counts.updated,
                tr(l, "value replaced", "waarde vervangen"),
                tr(l, "values replaced", "waarden vervangen"),
            );
            state.tell(format!("{added}, {replaced}."), true);
            text.set(String::new());
        }
    };
    let summary = move || {
        let l = lang.get();
        paste.with(|p| {
            if p.is_empty() {
                return String::new();
            }
            let mut line = counts_line(p, l);
            if !p.bad.is_empty() {
                let bad = count(
                    p.bad.len(),
                    tr(l, "row with an error", "rij met een fout"),
                    tr(l, "rows with an error", "rijen met een fout"),
                );
                let advice = tr(
                    l,
                    "Nothing is applied while a row has an error: correct it in the box above.",
                    "Er wordt niets toegepast zolang een rij een fout heeft: verbeter die hierboven.",
                );
                line = format!("{line}; {bad}. {advice}");
            } else if p.counts.new + p.counts.updated == 0 {
                let nothing = tr(
                    l,
                    "The series already has these values: nothing to apply.",
                    "De reeks heeft deze waarden al: er is niets toe te passen.",
                );
                line = format!("{line}. {nothing}");
            } else {
                line.push('.');
            }
            line
        })
    };
    view! {
        <section class="series-paste" aria-labelledby="series-paste-title">
            <h4 id="series-paste-title">{move || tr(lang.get(), "Paste rows", "Rijen plakken")}</h4>
            <label class="series-paste-label" for="series-paste-input">
                {move || tr(lang.get(),
                    "Copy two or three columns from a spreadsheet — date, value and an optional note, one day per row — and paste them here. Tabs, semicolons or commas separate the columns; 31-3-2026 and 2026-03-31, 3,5 and 3.5 are all read, and 3/31/2026 too: the order of day and month is decided for the whole column. A date the series has already gets the new value.",
                    "Kopieer twee of drie kolommen uit een spreadsheet — datum, waarde en eventueel een notitie, één dag per rij — en plak ze hier. Tabs, puntkomma's of komma's scheiden de kolommen; 31-3-2026 en 2026-03-31, 3,5 en 3.5 worden allemaal gelezen, en 3/31/2026 ook: de volgorde van dag en maand wordt voor de hele kolom bepaald. Een datum die de reeks al heeft, krijgt de nieuwe waarde.")}
            </label>
            <textarea id="series-paste-input" class="series-paste-input" data-testid="series-paste-input"
                rows="6" spellcheck="false"
                placeholder="1-3-2026\t1234\n2-3-2026\t987\n2026-03-03;1.102"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <div class="series-paste-preview" data-testid="series-paste-preview" aria-live="polite"
                data-new=move || paste.with(|p| p.counts.new)
                data-updated=move || paste.with(|p| p.counts.updated)
                data-unchanged=move || paste.with(|p| p.counts.unchanged)
                data-bad=move || paste.with(|p| p.bad.len())
                hidden=move || paste.with(SeriesPaste::is_empty)>
                <p class="series-paste-summary" class:has-bad=move || paste.with(|p| !p.bad.is_empty())>
                    {summary}
                </p>
                <ul class="series-paste-errors">
                    {move || paste.with(|p| {
                        p.bad
                            .iter()
                            .map(|b| b.message.clone())
                            .chain(p.too_many.clone())
                            .map(|m| view! {
                                <li data-testid="series-paste-error"><span aria-hidden="true">"✕ "</span>{m}</li>
                            })
                            .collect_view()
                    })}
                </ul>
                <ul class="series-paste-notes">
                    {move || paste.with(|p| p.date_note.clone()).map(|n| view! {
                        <li data-testid="series-paste-date-note">{n}</li>
                    })}
                    {move || paste.with(|p| {
                        p.repeated
                            .iter()
                            .map(|r| view! { <li data-testid="series-paste-repeat">{r.message.clone()}</li> })
                            .collect_view()
                    })}
                </ul>
            </div>
            <div class="series-paste-actions">
                <button type="button" class="primary" data-testid="series-paste-apply"
                    prop:disabled=move || !can_apply() on:click=apply>
                    {move || {
                        let l = lang.get();
                        let n = paste.with(|p| p.counts.new + p.counts.updated);
                        if n == 0 {
                            tr(l, "Apply", "Toepassen").to_string()
                        } else {
                            format!("{}: {}", tr(l, "Apply", "Toepassen"),
                                count(n, tr(l, "point", "punt"), tr(l, "points", "punten")))
                        }
                    }}
                </button>
                <button type="button" data-testid="series-paste-clear"
                    prop:disabled=move || text.with(String::is_empty)
                    on:click=move |_| text.set(String::new())>
                    {move || tr(lang.get(), "Clear", "Wissen")}
                </button>
            </div>
        </section>
    }
}
