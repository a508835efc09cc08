//! What each sub-objective card shows, one signal per card.
//!
//! Every card used to follow the whole scorecard and its evaluation itself: a keystroke in
//! any field woke each card's memo, status badge and details (hundreds of reactive nodes
//! for a large scorecard) only for them to find nothing changed. Here one effect follows the
//! scorecard, works out what every shown card should show and sets the signal of the cards
//! that changed, so a keystroke wakes the one card it touches.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::model::{ActionStatus, Direction, Evaluation, Kpi, Score, Scorecard, SubObjective};
use crate::ui::state::AppState;

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

/// The signals of the cards on screen, by sub-objective id; `Copy`. Made by
/// [`CardStore::provide`] around the quadrants and read by each card with
/// [`CardStore::watch`].
#[derive(Clone, Copy)]
pub(crate) struct CardStore {
    state: AppState,
    cards: StoredValue<HashMap<String, ArcRwSignal<Option<CardView>>>>,
}

impl CardStore {
    /// Makes a store for the open scorecard, kept up to date for as long as the calling
    /// component lives, and provides it to the cards below.
    pub fn provide(state: AppState) {
        let store = CardStore {
            state,
            cards: StoredValue::new(HashMap::new()),
        };
        // The evaluation follows the "as of" date, so the cards do too.
        Effect::new(move |_| {
            state
                .doc
                .with(|doc| state.evaluation.with(|eval| store.refresh(doc, eval)))
        });
        provide_context(store);
    }

    /// The store provided by the nearest [`CardStore::provide`].
    pub fn expect() -> CardStore {
        expect_context::<CardStore>()
    }

    /// What the card of sub-objective `id` shows; `None` once it is gone.
    pub fn watch(&self, id: &str) -> Signal<Option<CardView>> {
        let known = self.cards.with_value(|cards| cards.get(id).cloned());
        let signal = known.unwrap_or_else(|| {
            let state = self.state;
            let now = state.doc.with_untracked(|doc| {
                state.evaluation.with_untracked(|eval| {
                    doc.sub_objective(id)
                        .map(|(_, sub)| CardView::of(sub, eval))
                })
            });
            let signal = ArcRwSignal::new(now);
            self.cards.update_value(|cards| {
                cards.insert(id.to_string(), signal.clone());
            });
            signal
        });
        signal.read_only().into()
    }

    /// Sets the signal of every card whose view changed; a card whose sub-objective is gone
    /// gets `None` and is forgotten.
    fn refresh(&self, doc: &Scorecard, eval: &Evaluation) {
        let mut changed = Vec::new();
        let mut gone = Vec::new();
        self.cards.with_value(|cards| {
            let mut present = HashSet::with_capacity(cards.len());
            for (_, sub) in doc.sub_objectives() {
                let Some(signal) = cards.get(&sub.id) else {
                    continue;
                };
                present.insert(sub.id.as_str());
                let view = Some(CardView::of(sub, eval));
                if signal.with_untracked(|old| *old != view) {
                    changed.push((signal.clone(), view));
                }
            }
            for (id, signal) in cards {
                if !present.contains(id.as_str()) {
                    gone.push(id.clone());
                    changed.push((signal.clone(), None));
                }
            }
        });
        if !gone.is_empty() {
            self.cards.update_value(|cards| {
                for id in &gone {
                    cards.remove(id);
                }
            });
        }
        // Set outside the map's lock: a card that wakes up may call `watch`.
        for (signal, view) in changed {
            signal.set(view);
        }
    }
}
