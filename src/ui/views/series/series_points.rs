//! The points of one series as a table, newest first: date, value, note, and a button to
//! remove the point (one undo step). A long series shows its latest points until asked for
//! all of them.

use leptos::prelude::*;

use crate::i18n::dates::short_date;
use crate::i18n::format::format_number;
use crate::i18n::tr;
use crate::model::{Command, Date};
use crate::ui::session::state::AppState;

use super::series_table::date_range;

/// How many points are shown before "Show all".
const SHOWN_AT_FIRST: usize = 100;

/// The points of the series `id`.
#[component]
pub fn SeriesPoints(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let show_all = RwSignal::new(false);
    let read_id = id.clone();
    let points = Memo::new(move |_| {
        doc.with(|d| {
            d.series_by_id(&read_id)
                .map(|s| {
                    s.points
                        .iter()
                        .rev()
                        .map(|p| (p.date, p.value, p.note.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let count = move || points.with(Vec::len);
    let summary = move || {
        let l = lang.get();
        points.with(|p| {
            let (first, last) = (p.last().map(|x| x.0), p.first().map(|x| x.0));
            let n = p.len();
            let word = if n == 1 {
                tr(l, "point", "punt")
            } else {
                tr(l, "points", "punten")
            };
            format!("{n} {word} · {}", date_range(first, last, l))
        })
    };
    let shown = move || {
        let all = show_all.get();
        points.with(|p| {
            let n = if all {
                p.len()
            } else {
                p.len().min(SHOWN_AT_FIRST)
            };
            p[..n].to_vec()
        })
    };
    let remove = {
        let id = id.clone();
        Callback::new(move |date: Date| {
            state.dispatch(Command::RemoveSeriesPoints {
                id: id.clone(),
                dates: vec![date],
            });
        })
    };
    view! {
        <section class="series-points" aria-labelledby="series-points-title">
            <h4 id="series-points-title">
                {move || tr(lang.get(), "Points", "Punten")}
                " " <span class="series-points-summary" data-testid="series-points-summary">{summary}</span>
            </h4>
            <Show when=move || count() == 0>
                <p class="empty-note" data-testid="series-points-empty">
                    {move || tr(lang.get(),
                        "No points yet: paste rows from a spreadsheet below.",
                        "Nog geen punten: plak hieronder rijen uit een spreadsheet.")}
                </p>
            </Show>
            <Show when=move || count() != 0>
                <div class="series-points-wrap">
                    <table class="series-points-table" data-testid="series-points">
                        <thead>
                            <tr>
                                <th scope="col">{move || tr(lang.get(), "Date", "Datum")}</th>
                                <th scope="col" class="num">{move || tr(lang.get(), "Value", "Waarde")}</th>
                                <th scope="col">{move || tr(lang.get(), "Note", "Notitie")}</th>
                                <th scope="col"><span class="visually-hidden">{move || tr(lang.get(), "Remove", "Verwijderen")}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=shown key=|p| (p.0, p.1.to_bits(), p.2.clone()) let:point>
                                <PointRow date=point.0 value=point.1 note=point.2 remove=remove />
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || !show_all.get() && SHOWN_AT_FIRST < count()>
                    <button type="button" class="link-button" data-testid="series-points-all"
                        on:click=move |_| show_all.set(true)>
                        {move || {
                            let l = lang.get();
                            format!("{} ({})", tr(l, "Show all points", "Alle punten tonen"), count())
                        }}
                    </button>
                </Show>
            </Show>
        </section>
    }
}

/// One point with its remove button.
#[component]
fn PointRow(date: Date, value: f64, note: String, remove: Callback<Date>) -> impl IntoView {
    let lang = AppState::expect().lang;
    view! {
        <tr data-testid="series-point-row" data-date=date.to_string()>
            <td class="nowrap">{move || short_date(date, lang.get())}</td>
            <td class="num">{move || format_number(value, lang.get())}</td>
            <td>{note}</td>
            <td class="series-point-tools">
                <button type="button" class="icon-button danger" data-testid="series-point-remove"
                    aria-label=move || {
                        let l = lang.get();
                        format!("{} {}", tr(l, "Remove the point of", "Punt verwijderen van"), short_date(date, l))
                    }
                    on:click=move |_| remove.run(date)>"✕"</button>
            </td>
        </tr>
    }
}
