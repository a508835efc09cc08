//! The data screen (`#data`): the scorecard's input series — the raw counts a calculated KPI
//! is worked out from, such as engagement rate = interactions ÷ reach — in a table. Add a
//! series, open one to edit its fields, see and remove its points, paste daily rows into it,
//! import platform exports into series, or delete it. Every change is one command through `AppState`, so one undo step.

mod series_detail;
mod series_form;
mod series_key;
mod series_paste;
mod series_points;
mod series_sources;
mod series_table;

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::AppState;

use series_detail::SeriesDetail;
use series_form::SeriesForm;
use series_table::SeriesTable;

/// The data screen.
#[component]
pub fn DataView() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let selected = RwSignal::new(None::<String>);
    let adding = RwSignal::new(false);
    let empty = Memo::new(move |_| doc.with(|d| d.series.is_empty()));
    let count = Memo::new(move |_| doc.with(|d| d.series.len()));
    // The series open in the detail, while it exists (an undo may take it away).
    let open = Memo::new(move |_| {
        selected
            .get()
            .filter(|id| doc.with(|d| d.series_by_id(id).is_some()))
    });
    let on_created = Callback::new(move |id: String| {
        adding.set(false);
        selected.set(Some(id));
    });
    let on_cancel = Callback::new(move |()| adding.set(false));
    view! {
        <section class="data-view" data-testid="view-data" aria-labelledby="data-title">
            <div class="data-head">
                <h2 id="data-title">
                    {move || tr(lang.get(), "Input series", "Invoerreeksen")}
                    " " <span class="count" data-testid="series-count">{count}</span>
                </h2>
                <p class="data-lead">
                    {move || tr(lang.get(),
                        "Input series are the raw figures a calculated KPI is worked out from: daily interactions, reach, followers. A KPI's formula names them by key — engagement rate = interactions ÷ reach × 100 — and each KPI period adds up (or takes the last, the average …) of the days in it.",
                        "Invoerreeksen zijn de ruwe cijfers waaruit een berekende KPI wordt uitgerekend: dagelijkse interacties, bereik, volgers. De formule van een KPI noemt ze bij hun sleutel — engagementratio = interacties ÷ bereik × 100 — en elke KPI-periode telt de dagen erin op (of neemt de laatste, het gemiddelde …).")}
                </p>
            </div>
            <div class="data-tools">
                <button type="button" class="primary" data-testid="series-add"
                    aria-expanded=move || adding.get().to_string()
                    on:click=move |_| adding.set(true)>
                    "+ " {move || tr(lang.get(), "Add series", "Reeks toevoegen")}
                </button>
                <button type="button" data-testid="platform-import-open"
                    title=move || tr(lang.get(),
                        "Read the files Meta, LinkedIn, TikTok, X, YouTube or Google Analytics exported (or drop them on the page)",
                        "Lees de bestanden die Meta, LinkedIn, TikTok, X, YouTube of Google Analytics exporteerde (of zet ze op de pagina neer)")
                    on:click=move |_| state.platform_import.start(None)>
                    {move || tr(lang.get(), "Import platform exports…", "Platform-exports importeren…")}
                </button>
            </div>
            <Show when=move || adding.get()>
                <SeriesForm on_created=on_created on_cancel=on_cancel />
            </Show>
            <Show when=move || !empty.get()
                fallback=move || view! {
                    <p class="series-empty" data-testid="series-empty">
                        {move || tr(lang.get(),
                            "This scorecard has no input series yet. Import the exports of your platforms (Meta, LinkedIn, TikTok, X, YouTube, Google Analytics) to make them, or add one — e.g. interactions, with the sum per period — and paste its daily figures from a spreadsheet.",
                            "Deze scorecard heeft nog geen invoerreeksen. Importeer de exports van je platforms (Meta, LinkedIn, TikTok, X, YouTube, Google Analytics) om ze te maken, of voeg er een toe — bijv. interacties, opgeteld per periode — en plak de dagcijfers uit een spreadsheet.")}
                    </p>
                }>
                <SeriesTable selected=selected />
            </Show>
            {move || open.get().map(|id| view! { <SeriesDetail id=id selected=selected /> })}
        </section>
    }
}
