//! One signal per item, for views that show many items (the quadrants' cards, the
//! dashboard's KPI cards).
//!
//! An item that follows the whole scorecard itself is woken by every keystroke anywhere,
//! only to find that nothing it shows changed; with a hundred cards that bookkeeping costs
//! more than the edit. A store has one effect that works out what every item shows and sets
//! the signal of the items that changed, so an edit wakes the items it touches
//! (docs/performance.md).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;

/// Works out the view of every item, with its id, reading whatever signals it needs.
type Compute<T> = Arc<dyn Fn() -> Vec<(String, T)> + Send + Sync>;

/// The views of a set of items, by id; `Copy`.
pub(crate) struct ViewStore<T: Send + Sync + 'static> {
    views: StoredValue<HashMap<String, ArcRwSignal<Option<T>>>>,
    compute: StoredValue<Compute<T>>,
}

impl<T: Send + Sync + 'static> Clone for ViewStore<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for ViewStore<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> ViewStore<T> {
    /// A store of what `compute` gives, kept up to date by one effect for as long as the
    /// calling component lives.
    pub fn new(compute: impl Fn() -> Vec<(String, T)> + Send + Sync + 'static) -> Self {
        let store = ViewStore {
            views: StoredValue::new(HashMap::new()),
            compute: StoredValue::new(Arc::new(compute) as Compute<T>),
        };
        Effect::new(move |_| {
            let compute = store.compute.get_value();
            store.refresh(compute());
        });
        store
    }

    /// What item `id` shows; `None` while it does not exist.
    pub fn watch(&self, id: &str) -> Signal<Option<T>> {
        if let Some(known) = self.views.with_value(|views| views.get(id).cloned()) {
            return known.read_only().into();
        }
        // The first item asked for, or one just added: every item not known yet is added
        // at once, so a list of n items costs one computation, not n.
        let compute = self.compute.get_value();
        let all = untrack(|| compute());
        let mut found = None;
        self.views.update_value(|views| {
            for (item, view) in all {
                if views.contains_key(&item) {
                    continue;
                }
                let signal = ArcRwSignal::new(Some(view));
                if item == id {
                    found = Some(signal.clone());
                }
                views.insert(item, signal);
            }
        });
        let signal = found.unwrap_or_else(|| ArcRwSignal::new(None));
        signal.read_only().into()
    }

    /// Sets the signal of every item whose view changed; an item that is gone gets `None`
    /// and is forgotten.
    fn refresh(&self, all: Vec<(String, T)>) {
        let mut changed = Vec::new();
        let mut gone = Vec::new();
        self.views.with_value(|views| {
            let mut present = HashSet::with_capacity(views.len());
            for (id, view) in all {
                let Some(signal) = views.get(&id) else {
                    continue;
                };
                let view = Some(view);
                if signal.with_untracked(|old| *old != view) {
                    changed.push((signal.clone(), view));
                }
                present.insert(id);
            }
            for (id, signal) in views {
                if !present.contains(id) {
                    gone.push(id.clone());
                    changed.push((signal.clone(), None));
                }
            }
        });
        if !gone.is_empty() {
            self.views.update_value(|views| {
                for id in &gone {
                    views.remove(id);
                }
            });
        }
        // Set outside the map's lock: an item that wakes up may call `watch`.
        for (signal, view) in changed {
            signal.set(view);
        }
    }
}
