//! The dashboard (`#dashboard`): the overall score, the four factor scores (each with its
//! change since the end of last month, [`score_change`]), how many KPIs are in each status,
//! the factor scores over time and now, and a card per KPI ([`kpi_card`]) with its latest
//! value, target, status, change and a sparkline. Everything follows the "as of" date.

mod kpi_card;
mod score_change;

use leptos::prelude::*;

use crate::charts::data::chart_data_with;
use crate::charts::{ChartSpec, factor_bars, score_history};
use crate::i18n::dates::{long_date, period_text};
use crate::i18n::tr;
use crate::i18n::words::{status_key, status_words};
use crate::model::period_scores::ChangeSinceMonthEnd;
use crate::model::{FactorKind, Score, ScoreRef, Status, calculate::SeriesTable};
use crate::ui::session::state::AppState;
use crate::ui::widgets::chart_canvas::ChartCanvas;
use crate::ui::widgets::kpi_chart::{png_name, save_canvas_png};
use crate::ui::widgets::kpi_movement::movements;
use crate::ui::widgets::status_badge::StatusBadge;
use crate::ui::widgets::view_store::ViewStore;
use crate::ui::widgets::why_button::WhyButton;
use kpi_card::{KpiCard, calculated_latest, kpi_card_views};
use score_change::ScoreChangeLine;

/// The dashboard view.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let overall = Signal::derive(move || state.evaluation.with(|e| e.overall()));
    let kpi_ids = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpis().map(|(_, k)| k.id.clone()).collect::<Vec<_>>())
    });
    let counts = Memo::new(move |_| {
        let mut counts = [0usize; 4];
        state.evaluation.with(|e| {
            kpi_ids.with(|ids| {
                for id in ids {
                    let status = e.kpi(id).unwrap_or(Score::GREY).status;
                    counts[status_index(status)] += 1;
                }
            })
        });
        counts
    });
    // The charts re-score the scorecard (every month, for the trend): only after an edit
    // that can move a score, or when a factor is renamed, not on every keystroke.
    let factor_labels = Memo::new(move |_| {
        state
            .doc
            .with(|d| FactorKind::ALL.map(|kind| d.factor(kind).label.clone()))
    });
    // Read, not just tracked: a memo that is never read is never worked out, so it would
    // never notice a rename.
    let trend = Memo::new(move |_| {
        factor_labels.with(|_| ());
        let (as_of, lang) = (state.as_of.get(), lang.get());
        ChartSpec::FactorTrend(state.with_scored_doc(|d| score_history(d, as_of, lang)))
    });
    let bars = Memo::new(move |_| {
        factor_labels.with(|_| ());
        let (as_of, lang) = (state.as_of.get(), lang.get());
        ChartSpec::FactorBars(state.with_scored_doc(|d| factor_bars(d, as_of, lang)))
    });
    let title = move || state.doc.with(|d| d.title.clone());
    // The calculated KPIs' values are worked out again only after an edit that can move a
    // score, not on a keystroke in a name.
    let calculated = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.with_scored_doc(|d| calculated_latest(d, as_of))
    });
    // Each KPI's change against its previous period and its pace, and the overall and factor
    // scores' change since the end of last month: also only after an edit that can move a
    // score.
    let moves = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.with_scored_doc(|d| movements(d, as_of))
    });
    let change: Memo<ChangeSinceMonthEnd> = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.with_scored_doc(|d| d.change_since_month_end(as_of))
    });
    // The KPI cards read from two stores: their texts and status follow every edit, their
    // sparklines (400 series for a large scorecard) only edits that can move a score.
    provide_context(ViewStore::new(move || {
        let (as_of, lang) = (state.as_of.get(), lang.get());
        state.doc.with(|d| {
            state.evaluation.with(|e| {
                calculated.with(|calculated| {
                    moves.with(|moves| kpi_card_views(d, e, calculated, moves, as_of, lang))
                })
            })
        })
    }));
    provide_context(ViewStore::new(move || {
        let (as_of, lang) = (state.as_of.get(), lang.get());
        state.with_scored_doc(|d| {
            let mut series = SeriesTable::as_of(d, as_of);
            d.kpis()
                .map(|(_, k)| (k.id.clone(), chart_data_with(&mut series, k, as_of, lang)))
                .collect::<Vec<_>>()
        })
    }));
    view! {
        <section class="dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
            <div class="dash-heading">
                <h2 id="dashboard-title">{move || tr(lang.get(), "Dashboard", "Dashboard")}</h2>
                <p class="dash-as-of" data-testid="dashboard-as-of">
                    {title}
                    " · "
                    {move || tr(lang.get(), "as of", "per")}
                    " "
                    {move || long_date(state.as_of.get(), lang.get())}
                </p>
                {move || {
                    let period = state.doc.with(|d| period_text(d.period_start, d.period_end, lang.get()))?;
                    Some(view! {
                        <p class="dash-period" data-testid="dashboard-period">
                            {move || tr(lang.get(), "Reporting period:", "Rapportageperiode:")}
                            " "
                            {period}
                        </p>
                    })
                }}
            </div>
            <div class="dash-summary">
                <article class="dash-card dash-overall" data-testid="dashboard-overall"
                    data-status=move || status_key(overall.get().status)>
                    <div class="dash-overall-main">
                        <h3 class="dash-card-label">{move || tr(lang.get(), "Overall score", "Totaalscore")}</h3>
                        <div class="dash-big">
                            <StatusBadge score=overall />
                            <WhyButton target=ScoreRef::Overall />
                        </div>
                        <Meter score=overall />
                        <ScoreChangeLine change=change />
                        <p class="dash-note">{move || tr(lang.get(), "The four factors, equally weighted", "De vier factoren, even zwaar")}</p>
                    </div>
                    <div class="dash-counts" data-testid="dashboard-counts" role="group"
                        aria-label=move || tr(lang.get(), "KPIs per status", "KPI's per status")>
                        <p class="dash-counts-label">{move || tr(lang.get(), "KPIs per status", "KPI's per status")}</p>
                        <ul class="dash-count-list">
                            {[Status::Green, Status::Amber, Status::Red, Status::Grey].into_iter().map(|status| {
                                view! {
                                    <li class="dash-count" data-testid="dashboard-count" data-status=status_key(status)>
                                        <span class="dash-count-icon" aria-hidden="true">{move || status_words(status, lang.get()).0}</span>
                                        <span class="dash-count-number" data-testid="dashboard-count-number">{move || counts.get()[status_index(status)]}</span>
                                        <span class="dash-count-word">{move || status_words(status, lang.get()).1}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                </article>
                {FactorKind::ALL.into_iter().map(|kind| view! { <FactorCard kind=kind change=change /> }).collect_view()}
            </div>
            <div class="dash-charts">
                <ChartPanel spec=trend testid="dashboard-trend" file="factor-scores-over-time"
                    en="Scores over time" nl="Scores in de tijd" />
                <ChartPanel spec=bars testid="dashboard-bars" file="factor-scores"
                    en="Score per factor" nl="Score per factor" />
            </div>
            <section class="dash-kpis" aria-labelledby="dash-kpis-title">
                <h3 id="dash-kpis-title" class="dash-section-label">
                    {move || tr(lang.get(), "Indicators", "Indicatoren")}
                    " "
                    <span class="count">{move || kpi_ids.with(Vec::len)}</span>
                </h3>
                <Show
                    when=move || !kpi_ids.with(Vec::is_empty)
                    fallback=move || view! {
                        <p class="empty-note" data-testid="dashboard-no-kpis">
                            {move || tr(lang.get(),
                                "No KPIs yet. Add a sub-objective with a KPI on the scorecard, then record its measurements.",
                                "Nog geen KPI's. Voeg op de scorecard een subdoelstelling met een KPI toe en leg daarna de metingen vast.")}
                        </p>
                    }
                >
                    <ul class="dash-kpi-grid">
                        <For each=move || kpi_ids.get() key=|id| id.clone() let:id>
                            <KpiCard id=id />
                        </For>
                    </ul>
                </Show>
            </section>
        </section>
    }
}

fn status_index(status: Status) -> usize {
    match status {
        Status::Green => 0,
        Status::Amber => 1,
        Status::Red => 2,
        Status::Grey => 3,
    }
}

/// A chart with its heading and a Save-as-PNG button.
#[component]
fn ChartPanel(
    spec: Memo<ChartSpec>,
    testid: &'static str,
    file: &'static str,
    en: &'static str,
    nl: &'static str,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let root = NodeRef::<leptos::html::Section>::new();
    let save = move |_| {
        if let Some(root) = root.get_untracked() {
            save_canvas_png(&root, &png_name(file, "chart", state.as_of.get_untracked()));
        }
    };
    view! {
        <section class="dash-card dash-chart" node_ref=root data-testid=testid>
            <div class="dash-chart-head">
                <h3 class="dash-card-label">{move || tr(lang.get(), en, nl)}</h3>
                <button type="button" class="chart-save link-button" data-testid="chart-save-png" on:click=save
                    inert=move || state.projector.get()>
                    {move || tr(lang.get(), "Save as PNG", "Opslaan als PNG")}
                </button>
            </div>
            <ChartCanvas spec=spec />
        </section>
    }
}

/// A score as a bar from 0 to 100 % (decoration: the badge says the same in words).
#[component]
fn Meter(#[prop(into)] score: Signal<Score>) -> impl IntoView {
    view! {
        <progress class="dash-meter" max="1" aria-hidden="true"
            data-status=move || status_key(score.get().status)
            prop:value=move || score.get().value.unwrap_or(0.0).clamp(0.0, 1.0)></progress>
    }
}

/// A factor's score and status, and its change since the end of last month.
#[component]
fn FactorCard(kind: FactorKind, change: Memo<ChangeSinceMonthEnd>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let score = Signal::derive(move || state.evaluation.with(|e| e.factor(kind)));
    let label = move || state.doc.with(|d| d.factor(kind).label.clone());
    let subs = move || {
        state.doc.with(|d| {
            let subs = &d.factor(kind).sub_objectives;
            (subs.len(), subs.iter().map(|s| s.kpis.len()).sum::<usize>())
        })
    };
    view! {
        <article class="dash-card dash-factor" data-factor=kind.key() data-testid="dashboard-factor"
            data-status=move || status_key(score.get().status)>
            <h3 class="dash-card-label">{label}</h3>
            <div class="dash-big">
                <StatusBadge score=score />
                <WhyButton target=ScoreRef::Factor(kind) />
            </div>
            <Meter score=score />
            <ScoreChangeLine change=change factor=kind />
            <p class="dash-note">
                {move || {
                    let (n, k) = subs();
                    let l = lang.get();
                    let subs = if n == 1 {
                        tr(l, "sub-objective", "subdoelstelling")
                    } else {
                        tr(l, "sub-objectives", "subdoelstellingen")
                    };
                    let kpis = if k == 1 { "KPI" } else { tr(l, "KPIs", "KPI's") };
                    format!("{n} {subs} · {k} {kpis}")
                }}
            </p>
        </article>
    }
}
