//! The A4 page of the report: header, overall and factor scores with their change, the
//! scores-over-time chart, the red and amber KPIs, and the review's summary. What is on
//! screen is what is printed (the toolbar around it is hidden on paper).

use leptos::prelude::*;

use crate::i18n::APP_NAME;
use crate::i18n::words::{status_icon, status_key};
use crate::method::report::{Report, ScoreLine, words};
use crate::model::FactorKind;

use super::chart::ReportChart;
use super::kpi_item::ReportKpiItem;
use super::layout::Orientation;

/// The report page of `report`, laid out for `orientation`.
#[component]
pub fn ReportPage(
    /// The report shown.
    #[prop(into)]
    report: Signal<Report>,
    /// Portrait or landscape.
    #[prop(into)]
    orientation: Signal<Orientation>,
) -> impl IntoView {
    let class = move || format!("report-page report-page--{}", orientation.get().key());
    let history = Signal::derive(move || report.with(|r| r.history.clone()));
    let layout = Signal::derive(move || orientation.get().key());
    let header = move || {
        report.with(|r| {
            let lang = r.lang;
            let title = if r.title.is_empty() {
                words::report_kind(lang).to_string()
            } else {
                r.title.clone()
            };
            view! {
                <header class="report-head">
                    <div class="report-head-main">
                        <h2 class="report-title">{title}</h2>
                        {(!r.organisation.is_empty()).then(|| view! {
                            <span class="report-organisation">{r.organisation.clone()}</span>
                        })}
                    </div>
                    <div class="report-head-side">
                        <span class="report-kind">{words::report_kind(lang)}</span>
                        <strong class="report-period" data-testid="report-period-label">
                            {r.period_label.clone()}
                        </strong>
                        <span class="report-made">{r.made_on_label.clone()}" · "{APP_NAME}</span>
                    </div>
                </header>
            }
        })
    };
    let scores = move || {
        report.with(|r| {
            let month = r.month();
            let previous = month.previous().unwrap_or(month);
            view! {
                <section class="report-scores" aria-labelledby="report-scores-heading">
                    <h3 id="report-scores-heading">{words::scores_heading(month, previous, r.lang)}</h3>
                    {(!r.has_data).then(|| view! {
                        <p class="report-note" data-testid="report-no-data">{words::no_data(month, r.lang)}</p>
                    })}
                    <div class="report-tiles">
                        {score_tile(&r.overall, "report-overall")}
                        {r.factors.iter().map(|f| score_tile(f, "report-factor")).collect::<Vec<_>>()}
                    </div>
                </section>
            }
        })
    };
    let kpis = move || {
        report.with(|r| {
            let lang = r.lang;
            let (shown, more) = r.page_kpis();
            let items = shown
                .iter()
                .map(|k| view! { <ReportKpiItem kpi=k.clone() lang=lang /> })
                .collect::<Vec<_>>();
            view! {
                <section class="report-kpis" aria-labelledby="report-kpis-heading">
                    <h3 id="report-kpis-heading">{words::kpis_heading(lang)}</h3>
                    {shown.is_empty().then(|| view! {
                        <p class="report-note" data-testid="report-no-kpis">{words::no_kpis(r.month(), lang)}</p>
                    })}
                    <ul class="report-kpi-list">{items}</ul>
                    {(more > 0).then(|| view! {
                        <p class="report-more" data-testid="report-more">{words::more_kpis(more, lang)}</p>
                    })}
                </section>
            }
        })
    };
    let review = move || {
        report.with(|r| {
            let lang = r.lang;
            let body = match &r.review {
                Some(review) => view! {
                    <p class="report-review-meta">
                        {review.held_on_label.clone()}
                        {(!review.participants.is_empty()).then(|| format!(
                            " — {}: {}", words::participants(lang), review.participants
                        ))}
                    </p>
                    {(!review.summary.is_empty()).then(|| view! {
                        <p class="report-review-summary">{review.summary.clone()}</p>
                    })}
                }
                .into_any(),
                None => view! {
                    <p class="report-note">{words::no_review(r.month(), lang)}</p>
                }
                .into_any(),
            };
            view! {
                <section class="report-review" data-testid="report-summary"
                    data-recorded=r.review.is_some().to_string()
                    aria-labelledby="report-review-heading">
                    <h3 id="report-review-heading">{words::review_heading(r.month(), lang)}</h3>
                    {body}
                </section>
            }
        })
    };
    let chart_heading = move || report.with(|r| words::history_heading(r.lang));
    view! {
        <article class=class data-testid="report-page" data-orientation=move || orientation.get().key()>
            <div class="report-fit">
                {header}
                <div class="report-body">
                    <div class="report-side">
                        {scores}
                        <section class="report-history" aria-labelledby="report-history-heading">
                            <h3 id="report-history-heading">{chart_heading}</h3>
                            <ReportChart history=history layout=layout />
                        </section>
                        {review}
                    </div>
                    <div class="report-main">{kpis}</div>
                </div>
            </div>
        </article>
    }
}

/// A score tile: label, percentage, status word and the change in points.
fn score_tile(line: &ScoreLine, testid: &'static str) -> impl IntoView + use<> {
    let factor = line.factor.map(FactorKind::key).unwrap_or("overall");
    let value = if line.score_text == line.status_word {
        None
    } else {
        Some(line.score_text.clone())
    };
    view! {
        <div class="report-tile" data-testid=testid data-factor=factor data-status=status_key(line.status)>
            <span class="report-tile-label">{line.label.clone()}</span>
            <span class="status" data-status=status_key(line.status)>
                {value.map(|v| view! { <span class="report-tile-score">{v}</span> })}
                <span class="report-tile-word">
                    <span class="status-icon" aria-hidden="true">{status_icon(line.status)}</span>
                    " "{line.status_word.clone()}
                </span>
            </span>
            <span class="report-tile-change">{line.change_text.clone()}</span>
        </div>
    }
}
