//! What each sub-objective card of the quadrants shows, one signal per card (a
//! [`ViewStore`]): a keystroke wakes the one card it touches, not every card.

use leptos::prelude::*;

use crate::model::{ActionStatus, Direction, Evaluation, Kpi, Score, SubObjective};
use crate::ui::session::state::AppState;
use crate::ui::widgets::view_store::ViewStore;

/// What a sub-objective card shows (as of the evaluation's date): its texts and score, each
/// KPI's target, latest value and score, and its actions counted.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct CardView {
    pub title: String,
    pub owner: String,
    pub score: Score,
    pub kpis: Vec<KpiLine>,
    pub actions: usize,
    pub open_actions: usize,
}

/// One KPI line of a card.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct KpiLine {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub band_low: Option<f64>,
    pub band_high: Option<f64>,
    pub target: Option<f64>,
    pub latest: Option<f64>,
    pub score: Score,
}

impl CardView {
    fn of(sub: &SubObjective, eval: &Evaluation) -> CardView {
        CardView {
            title: sub.title.clone(),
            owner: sub.owner.clone(),
            score: eval.sub_objective(&sub.id).unwrap_or(Score::GREY),
            kpis: sub.kpis.iter().map(|k| KpiLine::of(k, eval)).collect(),
            actions: sub.actions.len(),
            open_actions: sub
                .actions
                .iter()
                .filter(|a| a.status != ActionStatus::Done)
                .count(),
        }
    }
}

impl KpiLine {
    fn of(kpi: &Kpi, eval: &Evaluation) -> KpiLine {
        KpiLine {
            id: kpi.id.clone(),
            name: kpi.name.clone(),
            unit: kpi.unit.clone(),
            direction: kpi.direction,
            band_low: kpi.band_low,
            band_high: kpi.band_high,
            target: kpi.target,
            latest: eval.kpi_latest(&kpi.id),
            score: eval.kpi(&kpi.id).unwrap_or(Score::GREY),
        }
    }
}

/// Makes the store of what every sub-objective card shows, kept up to date with the open
/// scorecard for as long as the calling component lives, and provides it to the cards.
pub(crate) fn provide_card_store(state: AppState) {
    provide_context(ViewStore::new(move || {
        state.doc.with(|doc| {
            state.evaluation.with(|eval| {
                doc.sub_objectives()
                    .map(|(_, sub)| (sub.id.clone(), CardView::of(sub, eval)))
                    .collect()
            })
        })
    }));
}

/// What the card of sub-objective `id` shows, from the store of [`provide_card_store`];
/// `None` once it is gone.
pub(crate) fn watch_card(id: &str) -> Signal<Option<CardView>> {
    expect_context::<ViewStore<CardView>>().watch(id)
}
