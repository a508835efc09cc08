//! What each sub-objective card of the quadrants shows, one signal per card (a
//! [`ViewStore`]): a keystroke wakes the one card it touches, not every card.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::expected::Pace;
use crate::model::{ActionStatus, Direction, Evaluation, Kpi, Period, Score, SubObjective};
use crate::ui::session::state::AppState;
use crate::ui::widgets::kpi_movement::{Movements, movements};
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
    /// The change against the previous period, and that period.
    pub change: Option<(f64, Period)>,
    /// On track or behind against the expected value, when the KPI has an expected path.
    pub pace: Option<Pace>,
}

impl CardView {
    fn of(sub: &SubObjective, eval: &Evaluation, moves: &Movements) -> CardView {
        CardView {
            title: sub.title.clone(),
            owner: sub.owner.clone(),
            score: eval.sub_objective(&sub.id).unwrap_or(Score::GREY),
            kpis: sub
                .kpis
                .iter()
                .map(|k| KpiLine::of(k, eval, moves))
                .collect(),
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
    fn of(kpi: &Kpi, eval: &Evaluation, moves: &Movements) -> KpiLine {
        let (change, pace) = moves.get(&kpi.id).copied().unwrap_or((None, None));
        KpiLine {
            change,
            pace,
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
    // Worked out again only after an edit that can move a score (not on every keystroke):
    // a calculated KPI's periods need its series.
    let moves = Memo::new(move |_| {
        let as_of = state.as_of.get();
        Shared(Arc::new(state.with_scored_doc(|doc| movements(doc, as_of))))
    });
    provide_context(ViewStore::new(move || {
        let moves = moves.get().0;
        state.doc.with(|doc| {
            state.evaluation.with(|eval| {
                doc.sub_objectives()
                    .map(|(_, sub)| (sub.id.clone(), CardView::of(sub, eval, &moves)))
                    .collect()
            })
        })
    }));
}

/// The movements, shared; equal only to itself (the memo tells every recomputation).
#[derive(Clone)]
struct Shared(Arc<Movements>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

/// What the card of sub-objective `id` shows, from the store of [`provide_card_store`];
/// `None` once it is gone.
pub(crate) fn watch_card(id: &str) -> Signal<Option<CardView>> {
    expect_context::<ViewStore<CardView>>().watch(id)
}
