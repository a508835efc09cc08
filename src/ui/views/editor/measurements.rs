//! A KPI's measurements: a table to record, correct and delete values, each with a note; for
//! a calculated KPI its values per period instead, read-only, with their status.

use leptos::prelude::*;

use crate::charts::data::period_rows;
use crate::charts::labels::value_with_unit;
use crate::i18n::format::{format_number, parse_number};
use crate::i18n::tr;
use crate::i18n::words::{status_icon, status_key, status_word};
use crate::model::ids::id_number;
use crate::model::{Command, Date, Kpi, MeasurementField, Status};
use crate::ui::session::state::{AppState, View};

/// A KPI's values: its measurements, or for a calculated KPI its values per period.
#[component]
pub fn Measurements(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let calc_kpi = kpi.clone();
    let calculated = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpi(&calc_kpi).is_some_and(Kpi::is_calculated))
    });
    let measured_kpi = kpi.clone();
    view! {
        <Show
            when=move || calculated.get()
            fallback=move || view! { <MeasuredList kpi=measured_kpi.clone() /> }
        >
            <PeriodValues kpi=kpi.clone() />
        </Show>
    }
}

/// One period of a calculated KPI as its list shows it.
#[derive(Clone, PartialEq, Debug)]
struct ValueRow {
    key: String,
    label: String,
    so_far: bool,
    /// The value with its unit, or why there is none.
    value: Result<String, String>,
    status: Status,
}

/// A calculated KPI's values per period, newest first, read-only: the period, the value (or
/// why there is none) and its status against the target.
#[component]
fn PeriodValues(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    // The periods are worked out again only after an edit that can move a score, not on a
    // keystroke in the KPI's name; the unit they are shown in follows every edit.
    let periods_kpi = kpi.clone();
    let periods = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.with_scored_doc(|d| {
            d.kpi(&periods_kpi)
                .and_then(|k| Some(period_rows(k, &d.calculate_as_of(k, as_of)?, as_of)))
                .unwrap_or_default()
        })
    });
    let unit_kpi = kpi.clone();
    let unit = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpi(&unit_kpi).map(|k| k.unit.clone()).unwrap_or_default())
    });
    let rows = Memo::new(move |_| {
        let l = lang.get();
        unit.with(|unit| {
            periods.with(|periods| {
                periods
                    .iter()
                    .map(|r| ValueRow {
                        key: r.period.key(),
                        label: r.period.label(l),
                        so_far: r.so_far,
                        value: r
                            .value
                            .as_ref()
                            .map(|v| value_with_unit(*v, unit, l))
                            .map_err(|p| p.message_in(l)),
                        status: r.status,
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let row_view = move |r: ValueRow| {
        let l = lang.get_untracked();
        let value = match r.value {
            Ok(v) => view! { <td class="number">{v}</td> }.into_any(),
            Err(why) => view! { <td class="calc-problem">{why}</td> }.into_any(),
        };
        let so_far = r
            .so_far
            .then(|| view! { <span class="calc-so-far">{tr(l, "so far", "tot nu toe")}</span> });
        view! {
            <tr data-testid="calc-period-row" data-period=r.key data-so-far=r.so_far.to_string()>
                <th scope="row">{r.label}" "{so_far}</th>
                {value}
                <td>
                    <span class="status" data-status=status_key(r.status)>
                        <span class="status-icon" aria-hidden="true">{status_icon(r.status)}</span>
                        <span class="status-word">{status_word(r.status, l)}</span>
                    </span>
                </td>
            </tr>
        }
    };
    view! {
        <section class="measurements" data-testid="measurements">
            <div class="measurements-head">
                <h3 class="panel-subtitle">{move || tr(lang.get(), "Values per period", "Waarden per periode")}</h3>
            </div>
            <crate::ui::widgets::kpi_chart::KpiChart kpi=kpi.clone() />
            <p class="field-hint">
                {move || tr(
                    lang.get(),
                    "Worked out from the input series, one value per period. A period that is not over yet shows its value so far; it counts for the score once it is over. ",
                    "Berekend uit de invoerreeksen, één waarde per periode. Een periode die nog niet voorbij is toont de waarde tot nu toe; die telt mee voor de score zodra de periode voorbij is. ",
                )}
                <button type="button" class="link-button" data-testid="calc-values-to-data"
                    on:click=move |_| state.go(View::Data)>
                    {move || tr(lang.get(), "Edit the figures in the Data view", "Bewerk de cijfers onder Gegevens")}
                </button>
            </p>
            <div class="calc-period-values" data-testid="calc-period-values">
                {move || {
                    let list = rows.get();
                    if list.is_empty() {
                        return view! {
                            <p class="empty-note">{tr(
                                lang.get(),
                                "No values yet: the series in the formula have no figures up to the date shown.",
                                "Nog geen waarden: de reeksen in de formule hebben geen cijfers tot de getoonde datum.",
                            )}</p>
                        }
                        .into_any();
                    }
                    let l = lang.get();
                    let body = list.into_iter().map(row_view).collect_view();
                    view! {
                        <table class="measurement-table calc-period-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr(l, "Period", "Periode")}</th>
                                    <th scope="col">{tr(l, "Value", "Waarde")}</th>
                                    <th scope="col">{tr(l, "Status", "Status")}</th>
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    }
                    .into_any()
                }}
            </div>
        </section>
    }
}

/// The measurements of one KPI, newest first, with a row to record a new one.
#[component]
fn MeasuredList(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let list_kpi = kpi.clone();
    let rows: Rows = Memo::new(move |_| {
        doc.with(|d| {
            let mut rows: Vec<_> = d
                .kpi(&list_kpi)
                .map(|k| {
                    k.measurements
                        .iter()
                        .rev()
                        .map(|m| (m.id.clone(), m.date, m.value, m.note.clone()))
                        .collect()
                })
                .unwrap_or_default();
            // Newest first; of one date, the one entered last (the one that counts) first.
            rows.sort_by_key(|r: &(String, Date, f64, String)| {
                (std::cmp::Reverse(r.1), std::cmp::Reverse(id_number(&r.0)))
            });
            rows
        })
    });
    let new_date = RwSignal::new(state.as_of.get_untracked().to_string());
    let new_value = RwSignal::new(String::new());
    let new_note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let record_kpi = kpi.clone();
    let record = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let date = match Date::parse_iso(&new_date.get_untracked()) {
            Ok(d) => d,
            Err(_) => {
                error.set(Some(
                    tr(
                        l,
                        "Choose the date of the measurement.",
                        "Kies de datum van de meting.",
                    )
                    .into(),
                ));
                return;
            }
        };
        let value = match parse_number(&new_value.get_untracked(), l) {
            Ok(v) => v,
            Err(why) => {
                error.set(Some(why));
                return;
            }
        };
        let cmd = Command::RecordMeasurement {
            kpi: record_kpi.clone(),
            date,
            value,
            note: new_note.get_untracked(),
        };
        match state.try_dispatch_keyed(cmd, None) {
            Ok(_) => {
                error.set(None);
                new_value.set(String::new());
                new_note.set(String::new());
            }
            Err(why) => error.set(Some(why)),
        }
    };
    view! {
        <section class="measurements" data-testid="measurements">
            <div class="measurements-head">
                <h3 class="panel-subtitle">{move || tr(lang.get(), "Measurements", "Metingen")}</h3>
                <crate::ui::views::editor::measurement_import::PasteRowsButton kpi=kpi.clone() />
            </div>
            <crate::ui::widgets::kpi_chart::KpiChart kpi=kpi.clone() />
            <form class="measurement-new" data-testid="measurement-form" on:submit=record>
                <label>
                    <span>{move || tr(lang.get(), "Date", "Datum")}</span>
                    <input type="date" data-testid="measurement-date" prop:value=move || new_date.get()
                        on:input=move |ev| new_date.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{move || tr(lang.get(), "Value", "Waarde")}</span>
                    <input type="text" inputmode="decimal" data-testid="measurement-value" prop:value=move || new_value.get()
                        on:input=move |ev| new_value.set(event_target_value(&ev)) />
                </label>
                <label class="grow">
                    <span>{move || tr(lang.get(), "Note (optional)", "Notitie (optioneel)")}</span>
                    <input type="text" data-testid="measurement-note" prop:value=move || new_note.get()
                        on:input=move |ev| new_note.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="measurement-record">{move || tr(lang.get(), "Record", "Vastleggen")}</button>
            </form>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="measurement-error">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty-note">{move || tr(lang.get(), "No measurements yet.", "Nog geen metingen.")}</p>
            </Show>
            <Show when=move || !rows.with(Vec::is_empty)>
                <table class="measurement-table" data-testid="measurement-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || tr(lang.get(), "Date", "Datum")}</th>
                            <th scope="col">{move || tr(lang.get(), "Value", "Waarde")}</th>
                            <th scope="col">{move || tr(lang.get(), "Note", "Notitie")}</th>
                            <th scope="col"><span class="visually-hidden">{move || tr(lang.get(), "Delete", "Verwijderen")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.0.clone() let:row>
                            <MeasurementRow id=row.0 rows=rows />
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// The rows of the measurement table: id, date, value and note, newest first.
type Rows = Memo<Vec<(String, Date, f64, String)>>;

/// One measurement, editable in place. It reads its values from the table's `rows`, not
/// from the scorecard, so a keystroke elsewhere does not make every row search the
/// scorecard for its measurement.
#[component]
fn MeasurementRow(id: String, rows: Rows) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let read_id = id.clone();
    let m = Memo::new(move |_| {
        rows.with(|rows| {
            rows.iter()
                .find(|r| r.0 == read_id)
                .map(|r| (r.1, r.2, r.3.clone()))
        })
    });
    let error = RwSignal::new(None::<String>);
    let update = {
        let id = id.clone();
        move |field: MeasurementField, key: &str| {
            let result = state.try_dispatch_keyed(
                Command::UpdateMeasurement {
                    id: id.clone(),
                    field,
                },
                Some(&format!("{id}:{key}")),
            );
            error.set(result.err());
        }
    };
    let on_date = {
        let update = update.clone();
        move |ev| match Date::parse_iso(&event_target_value(&ev)) {
            Ok(d) => update(MeasurementField::Date(d), "date"),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let on_value = {
        let update = update.clone();
        move |ev| match parse_number(&event_target_value(&ev), lang.get_untracked()) {
            Ok(v) => update(MeasurementField::Value(v), "value"),
            Err(why) => error.set(Some(why)),
        }
    };
    let on_note = move |ev| update(MeasurementField::Note(event_target_value(&ev)), "note");
    let delete_id = id.clone();
    let delete = move |_| {
        if state
            .try_dispatch_keyed(
                Command::RemoveMeasurement {
                    id: delete_id.clone(),
                },
                None,
            )
            .is_ok()
        {
            state.tell(
                tr(
                    lang.get_untracked(),
                    "Measurement deleted.",
                    "Meting verwijderd.",
                ),
                true,
            );
        }
    };
    view! {
        <tr data-testid="measurement-row" data-id=id>
            <td>
                <input type="date" aria-label=move || tr(lang.get(), "Date", "Datum")
                    prop:value=move || m.with(|m| m.as_ref().map(|m| m.0.to_string()).unwrap_or_default())
                    on:change=on_date on:blur=move |_| state.seal_history() />
            </td>
            <td>
                <input type="text" inputmode="decimal" class="number" data-testid="measurement-row-value"
                    aria-label=move || tr(lang.get(), "Value", "Waarde")
                    prop:value=move || m.with(|m| m.as_ref().map(|m| format_number(m.1, lang.get())).unwrap_or_default())
                    on:change=on_value />
                <Show when=move || error.with(Option::is_some)>
                    <span class="field-error" role="alert">{move || error.get().unwrap_or_default()}</span>
                </Show>
            </td>
            <td>
                <input type="text" aria-label=move || tr(lang.get(), "Note", "Notitie")
                    prop:value=move || m.with(|m| m.as_ref().map(|m| m.2.clone()).unwrap_or_default())
                    on:input=on_note on:blur=move |_| state.seal_history() />
            </td>
            <td>
                <button type="button" class="icon-button danger" data-testid="measurement-delete"
                    aria-label=move || tr(lang.get(), "Delete measurement", "Meting verwijderen") on:click=delete>"✕"</button>
            </td>
        </tr>
    }
}
