//! The chart of one KPI for its form: measurements against the target line, baseline, amber
//! and red zones and target steps, as of the "as of" date, with a Save-as-PNG button.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::{ChartError, ChartSpec, canvas_png_data_url, kpi_chart_data};
use crate::i18n::tr;
use crate::library::export::slug;
use crate::model::{Date, Lang};
use crate::ui::session::state::AppState;
use crate::ui::widgets::chart_canvas::ChartCanvas;
use crate::web::files::download_url;

/// The chart spec of KPI `id`, as of `as_of` in `lang`.
fn kpi_spec(state: AppState, id: &str) -> Option<ChartSpec> {
    let (as_of, lang): (Date, Lang) = (state.as_of.get(), state.lang.get());
    state.doc.with(|d| {
        d.kpi(id)
            .map(|k| ChartSpec::Kpi(kpi_chart_data(k, as_of, lang)))
    })
}

/// A reactive chart spec of KPI `id` that keeps its last drawing when the KPI goes away
/// (the view holding it is about to close); `None` when the KPI does not exist now.
pub fn kpi_spec_signal(state: AppState, id: String) -> Option<Signal<ChartSpec>> {
    let first = untrack(|| kpi_spec(state, &id))?;
    let memo = Memo::new(move |prev: Option<&ChartSpec>| {
        kpi_spec(state, &id)
            .or_else(|| prev.cloned())
            .unwrap_or_else(|| first.clone())
    });
    Some(memo.into())
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
    let Some(spec) = kpi_spec_signal(state, kpi) else {
        return ().into_any();
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
            <button type="button" class="chart-save" data-testid="chart-save-png" on:click=save>
                {move || tr(lang.get(), "Save chart as PNG", "Grafiek opslaan als PNG")}
            </button>
        </section>
    }
    .into_any()
}
