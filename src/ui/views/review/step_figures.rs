//! A review step's figures, as of the month's last day: the KPI's chart, why it scores as
//! it does (the same lines as "Why this score?"), and the change, on-track and forecast
//! sentences of the KPI panel's review section.

use leptos::prelude::*;

use crate::charts::ChartSpec;
use crate::charts::data::kpi_chart_data_in;
use crate::i18n::explain::explanation_lines;
use crate::i18n::review_words::{change_text, forecast_text, pace_text};
use crate::i18n::tr;
use crate::model::{Date, ScoreRef, explain};
use crate::ui::session::state::AppState;
use crate::ui::widgets::chart_canvas::ChartCanvas;
use crate::ui::widgets::kpi_chart::png_name;

/// The KPI's chart as of `as_of`.
#[component]
pub fn ReviewChart(kpi: String, #[prop(into)] as_of: Signal<Date>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let id = kpi.clone();
    // The last drawing is kept if the KPI goes away (undo of its adding, say).
    let spec = Memo::new(move |prev: Option<&Option<ChartSpec>>| {
        let (day, l) = (as_of.get(), lang.get());
        state
            .with_scored_doc(|d| {
                d.kpi(&id)
                    .map(|k| ChartSpec::Kpi(kpi_chart_data_in(d, k, day, l)))
            })
            .or_else(|| prev.cloned().flatten())
    });
    let exists = Memo::new(move |_| spec.with(Option::is_some));
    let file = Memo::new(move |_| {
        let name = state
            .doc
            .with(|d| d.kpi(&kpi).map(|k| k.name.clone()))
            .unwrap_or_default();
        png_name(&name, "kpi", as_of.get())
    });
    // Built once: the canvas redraws in place when the spec changes.
    move || {
        if !exists.get() {
            return None;
        }
        let first = spec.get_untracked()?;
        Some({
            let shown = Signal::derive(move || spec.get().unwrap_or_else(|| first.clone()));
            view! {
                <section class="review-chart kpi-chart" data-testid="review-chart"
                    aria-label=move || tr(lang.get(), "Chart of the measurements", "Grafiek van de metingen")>
                    <ChartCanvas spec=shown png_file_name=file.get_untracked() testid="review-chart-figure" />
                </section>
            }
        })
    }
}

/// "Why this score?" as text, as of `as_of`.
#[component]
pub fn ReviewExplanation(kpi: String, #[prop(into)] as_of: Signal<Date>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    // Worked out again after an edit that can move a score or of the KPI's own name or unit
    // (which the lines show), not on a keystroke in the commentary beside it.
    let labels_kpi = kpi.clone();
    let labels = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpi(&labels_kpi).map(|k| (k.name.clone(), k.unit.clone())))
    });
    let lines = Memo::new(move |_| {
        let (day, l) = (as_of.get(), lang.get());
        labels.track();
        state.with_scored_doc(|d| {
            d.kpi(&kpi)
                .map(|_| explanation_lines(&explain(d, day, ScoreRef::Kpi(kpi.clone())), l))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="review-explain" data-testid="review-explain" aria-labelledby="review-explain-heading">
            <h3 id="review-explain-heading">{move || tr(lang.get(), "Why this score?", "Waarom deze score?")}</h3>
            {move || lines.get().into_iter().map(|line| view! { <p class="review-explain-line">{line}</p> }).collect_view()}
        </section>
    }
}

/// The change against the previous period, on track or behind, and the forecast.
#[component]
pub fn ReviewFigures(kpi: String, #[prop(into)] as_of: Signal<Date>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    // The figures are worked out again only after an edit that can move a score, not on a
    // keystroke in the commentary; the unit they are shown in follows every edit.
    let figures_kpi = kpi.clone();
    let figures = Memo::new(move |_| {
        let day = as_of.get();
        state.with_scored_doc(|d| {
            d.kpi(&figures_kpi)
                .map(|k| (d.kpi_figures(k, day), k.target_date))
        })
    });
    let unit = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpi(&kpi).map(|k| k.unit.clone()).unwrap_or_default())
    });
    let sentences = Memo::new(move |_| {
        let l = lang.get();
        unit.with(|unit| {
            figures.with(|f| {
                f.as_ref().map(|(f, target_date)| {
                    (
                        change_text(f, unit, l),
                        pace_text(f, unit, l),
                        forecast_text(f.forecast.as_ref(), *target_date, l),
                    )
                })
            })
        })
    });
    move || {
        sentences.get().map(|(change, pace, forecast)| {
            view! {
                <section class="review-figures" data-testid="review-figures"
                    aria-label=move || tr(lang.get(), "How it moves", "Hoe het beweegt")>
                    {change.map(|t| view! { <p class="kpi-change" data-testid="review-change">{t}</p> })}
                    {pace.map(|t| view! { <p class="kpi-pace" data-testid="review-pace">{t}</p> })}
                    <p class="kpi-forecast" data-testid="review-forecast">{forecast}</p>
                </section>
            }
        })
    }
}
