//! The dashboard's KPI cards: each KPI's name, where it belongs, latest value, target, status,
//! its change against the previous period (▲▼ with the difference), on track or behind when
//! it has an expected value, and a sparkline. Clicking a card opens the KPI in the side panel.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::charts::labels::{self, value_with_unit};
use crate::charts::{ChartSpec, KpiChartData};
use crate::i18n::tr;
use crate::i18n::words::status_key;
use crate::model::expected::Pace;
use crate::model::{
    Date, Direction, Evaluation, FactorKind, Kpi, KpiParent, Lang, Period, Score, ScoreRef,
    Scorecard,
    calculate::{SeriesTable, with_period_values},
    latest_measurement,
};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::widgets::chart_canvas::ChartCanvas;
use crate::ui::widgets::kpi_movement::{Movements, change_badge, pace_badge};
use crate::ui::widgets::status_badge::StatusBadge;
use crate::ui::widgets::view_store::ViewStore;
use crate::ui::widgets::why_button::WhyButton;

/// What a KPI card shows besides its sparkline: its texts, status and movement.
#[derive(Clone, PartialEq)]
pub(super) struct KpiCardView {
    name: String,
    unit: String,
    /// The factor the KPI belongs to (`None` for a strategic objective's own KPI).
    factor: Option<FactorKind>,
    /// The sub-objective or objective it belongs to.
    parent: String,
    latest: Option<String>,
    latest_date: Option<String>,
    target: Option<String>,
    score: Score,
    /// The change against the previous period, and that period.
    change: Option<(f64, Period)>,
    /// On track or behind against the expected value, when the KPI has one.
    pace: Option<Pace>,
}

/// The latest value and its date of every calculated KPI on `as_of`: its latest period that
/// is over with a value (the effective KPI's measurements, dated each period's last day). One
/// table of the series for all of them (each series aggregated once), as known on `as_of`.
pub(super) fn calculated_latest(
    doc: &Scorecard,
    as_of: Date,
) -> HashMap<String, Option<(f64, Date)>> {
    let mut series = SeriesTable::as_of(doc, as_of);
    doc.kpis()
        .filter_map(|(_, kpi)| {
            let calc = series.calculate(kpi)?;
            let latest = latest_measurement(&with_period_values(kpi, &calc), as_of)
                .map(|m| (m.value, m.date));
            Some((kpi.id.clone(), latest))
        })
        .collect()
}

/// What every KPI card shows besides its sparkline, in one pass over the scorecard; the
/// values of calculated KPIs from `calculated` ([`calculated_latest`]), the movements from
/// `moves` (`widgets::kpi_movement::movements`).
pub(super) fn kpi_card_views(
    doc: &Scorecard,
    eval: &Evaluation,
    calculated: &HashMap<String, Option<(f64, Date)>>,
    moves: &Movements,
    as_of: Date,
    lang: Lang,
) -> Vec<(String, KpiCardView)> {
    let subs: HashMap<&str, (FactorKind, &str)> = doc
        .sub_objectives()
        .map(|(kind, s)| (s.id.as_str(), (kind, s.title.as_str())))
        .collect();
    doc.kpis()
        .map(|(parent, kpi)| {
            let (factor, parent) = match &parent {
                KpiParent::SubObjective(s) => subs
                    .get(s.as_str())
                    .map(|(kind, title)| (Some(*kind), title.to_string()))
                    .unwrap_or_default(),
                KpiParent::Objective(o) => (
                    None,
                    doc.objective(o)
                        .map(|o| o.title.clone())
                        .unwrap_or_default(),
                ),
            };
            let latest = if kpi.is_calculated() {
                calculated.get(&kpi.id).copied().flatten()
            } else {
                latest_measurement(kpi, as_of).map(|m| (m.value, m.date))
            };
            let (latest, latest_date) = latest_texts(latest, &kpi.unit, lang);
            let (change, pace) = moves.get(&kpi.id).copied().unwrap_or((None, None));
            let view = KpiCardView {
                change,
                pace,
                name: kpi.name.clone(),
                unit: kpi.unit.clone(),
                factor,
                parent,
                latest,
                latest_date,
                target: target_text(kpi, lang),
                score: eval.kpi(&kpi.id).unwrap_or(Score::GREY),
            };
            (kpi.id.clone(), view)
        })
        .collect()
}

/// A KPI's latest value and its date, as a card shows them.
fn latest_texts(
    latest: Option<(f64, Date)>,
    unit: &str,
    lang: Lang,
) -> (Option<String>, Option<String>) {
    let unit = unit.trim();
    (
        latest.map(|(value, _)| value_with_unit(value, unit, lang)),
        latest.map(|(_, date)| crate::charts::labels::full_date(date, lang)),
    )
}

/// A KPI's target as a dashboard card shows it: a lower-is-better target after "≤".
fn target_text(kpi: &Kpi, lang: Lang) -> Option<String> {
    let text = labels::target_text(
        kpi.direction,
        kpi.band_low,
        kpi.band_high,
        kpi.target,
        &kpi.unit,
        lang,
    )?;
    Some(if kpi.direction == Direction::LowerIsBetter {
        format!("≤ {text}")
    } else {
        text
    })
}

/// One KPI: name, where it belongs, latest value, target, status and a sparkline. Clicking
/// the card opens the KPI in the side panel.
#[component]
pub(super) fn KpiCard(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    // What the card shows, from the dashboard's store: an edit elsewhere does not wake it.
    let card = expect_context::<ViewStore<KpiCardView>>().watch(&id);
    let score = Signal::derive(move || card.with(|c| c.as_ref().map_or(Score::GREY, |c| c.score)));
    let selected_id = id.clone();
    let selected = Memo::new(move |_| {
        state
            .selection
            .with(|s| matches!(s, Some(Selection::Kpi(x)) if *x == selected_id))
    });
    let select_id = id.clone();
    let open = move |_| state.selection.set(Some(Selection::Kpi(select_id.clone())));
    let why = ScoreRef::Kpi(id.clone());
    // The sparkline, with the name and unit from the card (the sparkline store does not
    // follow text edits); it keeps its last drawing while the card leaves (KPI deleted).
    let series = expect_context::<ViewStore<KpiChartData>>().watch(&id);
    let sparkline = move || {
        let mut data = series.get()?;
        card.with(|c| {
            if let Some(c) = c {
                data.name.clone_from(&c.name);
                data.unit.clone_from(&c.unit);
            }
        });
        Some(ChartSpec::Sparkline(data))
    };
    let spark = untrack(sparkline).map(|first| {
        Signal::from(Memo::new(move |previous: Option<&ChartSpec>| {
            sparkline()
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| first.clone())
        }))
    });
    let factor = move || {
        card.with(|c| {
            c.as_ref()
                .and_then(|c| c.factor)
                .map_or("objective", FactorKind::key)
        })
    };
    let field = move |get: fn(&KpiCardView) -> Option<String>| {
        move || {
            card.with(|c| c.as_ref().and_then(get))
                .unwrap_or_else(|| "–".into())
        }
    };
    view! {
        <li class="dash-kpi" data-testid="dashboard-kpi" data-id=id data-factor=factor
            class:is-selected=move || selected.get()
            data-status=move || status_key(score.get().status)>
            <div class="dash-kpi-head">
                <button type="button" class="dash-kpi-open" data-testid="dashboard-kpi-open"
                    aria-pressed=move || selected.get().to_string()
                    inert=move || state.projector.get()
                    on:click=open>
                    {move || card.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default())}
                </button>
                <span class="dash-kpi-parent">{move || card.with(|c| c.as_ref().map(|c| c.parent.clone()).unwrap_or_default())}</span>
            </div>
            <div class="dash-kpi-body">
                <dl class="dash-kpi-figures">
                    <div>
                        <dt>{move || tr(lang.get(), "Latest", "Laatste")}</dt>
                        <dd data-testid="dashboard-kpi-latest">{field(|f| f.latest.clone())}</dd>
                    </div>
                    <div>
                        <dt>{move || tr(lang.get(), "Target", "Doel")}</dt>
                        <dd data-testid="dashboard-kpi-target">{field(|f| f.target.clone())}</dd>
                    </div>
                </dl>
                {spark.map(|spec| view! { <ChartCanvas spec=spec /> })}
            </div>
            {move || card.with(|c| {
                let c = c.as_ref()?;
                if c.change.is_none() && c.pace.is_none() {
                    return None;
                }
                let l = lang.get();
                let change = c.change.map(|(delta, previous)| {
                    change_badge(delta, previous, &c.unit, l, "dashboard-kpi-change")
                });
                let pace = c.pace.map(|p| pace_badge(p, l, "dashboard-kpi-pace"));
                Some(view! { <p class="dash-kpi-moves">{change}{pace}</p> })
            })}
            <div class="dash-kpi-foot">
                <span class="score-and-why">
                    <StatusBadge score=score />
                    <WhyButton target=why />
                </span>
                <span class="dash-kpi-date">{move || card.with(|c| c.as_ref().and_then(|c| c.latest_date.clone())).unwrap_or_default()}</span>
            </div>
        </li>
    }
}
