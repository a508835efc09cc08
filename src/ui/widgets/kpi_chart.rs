//! The chart of one KPI for its form: measurements against the target line, baseline, amber
//! and red zones and target steps, as of the "as of" date, with a Save-as-PNG button. A
//! calculated KPI's chart plots its value per period, says which point is "so far", and can
//! list its inputs per period ("Show inputs").

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::data::{InputTable, input_table_of, kpi_chart_data_in, period_rows};
use crate::charts::{ChartError, ChartSpec, KpiChartData, canvas_png_data_url};
use crate::i18n::tr;
use crate::library::export::slug;
use crate::model::{Date, Kpi, Lang, Period};
use crate::ui::session::state::AppState;
use crate::ui::widgets::chart_canvas::ChartCanvas;
use crate::web::files::download_url;

/// How many periods the "Show inputs" table lists at most (the newest).
const INPUT_ROWS: usize = 24;

/// The chart data of KPI `id`, as of `as_of` in `lang` (a calculated KPI's values per
/// period). Worked out again only after an edit that can move a score: its name and unit,
/// which an edit of text changes, come from [`kpi_labels`].
fn kpi_data(state: AppState, id: &str) -> Option<KpiChartData> {
    let (as_of, lang): (Date, Lang) = (state.as_of.get(), state.lang.get());
    state.with_scored_doc(|d| d.kpi(id).map(|k| kpi_chart_data_in(d, k, as_of, lang)))
}

/// The name and unit of KPI `id`, as the chart shows them.
fn kpi_labels(state: AppState, id: &str) -> Option<(String, String)> {
    state
        .doc
        .with(|d| d.kpi(id).map(|k| (k.name.clone(), k.unit.clone())))
}

/// A reactive chart spec of KPI `id` that keeps its last drawing when the KPI goes away
/// (the view holding it is about to close); `None` when the KPI does not exist now. Typing
/// the KPI's name only puts the name in: nothing is worked out again (no calculation of a
/// calculated KPI).
pub fn kpi_spec_signal(state: AppState, id: String) -> Option<Signal<ChartSpec>> {
    let first = untrack(|| kpi_data(state, &id))?;
    let labels = {
        let id = id.clone();
        Memo::new(move |_| kpi_labels(state, &id))
    };
    let data = Memo::new(move |prev: Option<&KpiChartData>| {
        kpi_data(state, &id)
            .or_else(|| prev.cloned())
            .unwrap_or_else(|| first.clone())
    });
    let spec = Memo::new(move |prev: Option<&ChartSpec>| match labels.get() {
        Some((name, unit)) => {
            let mut shown = data.get();
            shown.name = name;
            shown.unit = unit;
            ChartSpec::Kpi(shown)
        }
        None => prev.cloned().unwrap_or_else(|| ChartSpec::Kpi(data.get())),
    });
    Some(spec.into())
}

/// Saves the drawing of the first canvas inside `root` as a PNG file named `file_name`.
pub fn save_canvas_png(root: &web_sys::Element, file_name: &str) {
    let canvas = root
        .query_selector("canvas")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    let Some(canvas) = canvas else {
        return;
    };
    if let Err(e) = canvas_png_data_url(&canvas)
        .and_then(|url| download_url(&url, file_name).map_err(ChartError::Browser))
    {
        web_sys::console::warn_1(&e.to_string().into());
    }
}

/// `<slug of name>-<date>.png`, or `<fallback>-<date>.png` when the name has no letters.
pub fn png_name(name: &str, fallback: &str, date: Date) -> String {
    let base = slug(name);
    let base = if base.is_empty() {
        fallback.to_string()
    } else {
        base
    };
    format!("{base}-{date}.png")
}

/// The KPI's full chart with its text alternative and a Save-as-PNG button.
#[component]
pub fn KpiChart(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let root = NodeRef::<html::Section>::new();
    let name_id = kpi.clone();
    let calc_id = kpi.clone();
    let calculated = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpi(&calc_id).is_some_and(Kpi::is_calculated))
    });
    let inputs_id = kpi.clone();
    let so_far_id = kpi.clone();
    let Some(spec) = kpi_spec_signal(state, kpi) else {
        return ().into_any();
    };
    // The "so far" point of a calculated KPI's chart: the period it is of.
    let so_far = Memo::new(move |_| {
        let has_point = spec.with(|s| match s {
            ChartSpec::Kpi(d) => d.points.iter().any(|p| p.so_far),
            _ => false,
        });
        let as_of = state.as_of.get();
        has_point
            .then(|| {
                state.doc.with(|d| {
                    d.kpi(&so_far_id)
                        .map(|k| Period::containing(as_of, k.frequency))
                })
            })
            .flatten()
    });
    let so_far_note = move || {
        so_far.get().map(|period| {
            let l = lang.get();
            let text = match l {
                Lang::En => format!(
                    "The last point, {}, is so far: the period is not over yet, so it does not count for the score.",
                    period.label(l)
                ),
                Lang::Nl => format!(
                    "Het laatste punt, {}, is tot nu toe: de periode is nog niet voorbij en telt nog niet mee voor de score.",
                    period.label(l)
                ),
            };
            view! { <p class="chart-note" data-testid="kpi-chart-so-far">{text}</p> }
        })
    };
    let inputs = move || {
        calculated
            .get()
            .then(|| view! { <InputsToggle kpi=inputs_id.clone() /> })
    };
    let save = move |_| {
        let name = state
            .doc
            .with_untracked(|d| d.kpi(&name_id).map(|k| k.name.clone()))
            .unwrap_or_default();
        if let Some(root) = root.get_untracked() {
            save_canvas_png(&root, &png_name(&name, "kpi", state.as_of.get_untracked()));
        }
    };
    view! {
        <section class="kpi-chart" data-testid="kpi-chart" node_ref=root
            aria-label=move || tr(lang.get(), "Chart of the measurements", "Grafiek van de metingen")>
            <ChartCanvas spec=spec testid="kpi-chart-figure" />
            {so_far_note}
            <button type="button" class="chart-save" data-testid="chart-save-png" on:click=save>
                {move || tr(lang.get(), "Save chart as PNG", "Grafiek opslaan als PNG")}
            </button>
            {inputs}
        </section>
    }
    .into_any()
}

/// "Show inputs": a calculated KPI's inputs per period as a table, newest first.
#[component]
fn InputsToggle(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let open = RwSignal::new(false);
    let table_id = format!("kpi-chart-inputs-{kpi}");
    // The periods are worked out again only after an edit that can move a score; the unit
    // (in a heading) follows every edit.
    let rows_kpi = kpi.clone();
    let rows = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let as_of = state.as_of.get();
        state.with_scored_doc(|d| {
            let k = d.kpi(&rows_kpi)?;
            let calc = d.calculate_as_of(k, as_of)?;
            Some(period_rows(k, &calc, as_of))
        })
    });
    let unit = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpi(&kpi).map(|k| k.unit.clone()).unwrap_or_default())
    });
    let table = Memo::new(move |_| {
        let l = lang.get();
        rows.with(|rows| {
            rows.as_ref()
                .map(|rows| unit.with(|unit| input_table_of(rows, unit, l, INPUT_ROWS)))
        })
    });
    view! {
        <button type="button" class="chart-inputs-toggle" data-testid="kpi-chart-inputs-toggle"
            aria-expanded=move || open.get().to_string() aria-controls=table_id.clone()
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() {
                tr(lang.get(), "Hide inputs", "Invoer verbergen")
            } else {
                tr(lang.get(), "Show inputs", "Invoer tonen")
            }}
        </button>
        <div id=table_id class="chart-inputs" data-testid="kpi-chart-inputs">
            {move || table.get().map(|t| input_table_view(t, lang.get()))}
        </div>
    }
}

/// The input table, or a note when there are no periods yet.
fn input_table_view(table: InputTable, lang: Lang) -> AnyView {
    if table.rows.is_empty() {
        return view! {
            <p class="empty-note">{tr(lang, "No periods with figures yet.", "Nog geen perioden met cijfers.")}</p>
        }
        .into_any();
    }
    let headers = table
        .headers
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|r| {
            let mut cells = r.cells.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells
                .map(|c| view! { <td class="number">{c}</td> })
                .collect_view();
            view! {
                <tr data-period=r.key data-so-far=r.so_far.to_string()>
                    <th scope="row">{first}</th>
                    {rest}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="calc-input-table">
            <caption>{tr(lang, "Inputs per period", "Invoer per periode")}</caption>
            <thead><tr>{headers}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
