//! The three-way merge itself: which items exist, each item's parent, fields and sets, the
//! order of the children, and the adjustments that keep the result valid.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

use super::compare::diff;
use super::fields::three_way;
use super::frozen::Frozen;
use super::items::{Item, Items, Key, join, lists, root};
use super::items::{PARENT, parent_value};
use super::lists::{
    dedupe_measurements, drop_dangling_links, merge_set, order, unique_series_keys,
};
use super::types::{Change, ChangeKind, Conflict, ItemKind, MERGE, Merge, OURS, Side};
use crate::model::scorecard::Scorecard;

/// The facilitator's picks: for an item and field (`None`: whether the item exists), the
/// index of the chosen side (0 = ours).
pub(super) type Choices = HashMap<(Key, Option<String>), usize>;

/// The inputs of a merge, as items.
pub(super) struct Run<'a> {
    /// The base.
    pub base: Items,
    /// Ours first, then theirs, each with its name.
    pub sides: Vec<(&'a str, Items)>,
    ours: &'a Scorecard,
    /// The base, whose frozen lists the result gets.
    base_card: &'a Scorecard,
    /// The lists no side changed, left out of the items.
    frozen: Frozen,
    next_id: u64,
}

/// What [`Run::merge`] gives.
pub(super) struct Outcome {
    pub result: Scorecard,
    pub conflicts: Vec<Conflict>,
    pub repairs: Vec<Change>,
}

impl<'a> Run<'a> {
    /// Reads every scorecard as items.
    pub fn new(base: &'a Scorecard, ours: &'a Scorecard, theirs: &[Side<'a>]) -> Run<'a> {
        let cards: Vec<&Scorecard> = [ours]
            .into_iter()
            .chain(theirs.iter().map(|s| s.card))
            .collect();
        let frozen = Frozen::of(base, &cards);
        let mut sides = vec![(OURS, Items::of(ours, &frozen))];
        sides.extend(theirs.iter().map(|s| (s.name, Items::of(s.card, &frozen))));
        let next_id = theirs
            .iter()
            .map(|s| s.card.next_id)
            .chain([base.next_id, ours.next_id])
            .max()
            .unwrap_or(base.next_id);
        Run {
            base: Items::of(base, &frozen),
            sides,
            ours,
            base_card: base,
            frozen,
            next_id,
        }
    }

    /// Ours and theirs with their names.
    pub fn sides(&self) -> impl Iterator<Item = (&str, &Items)> {
        self.sides.iter().map(|(n, i)| (*n, i))
    }

    /// The index of the side with this name (the first, if two have it).
    pub fn side_index(&self, name: &str) -> Option<usize> {
        self.sides.iter().position(|(n, _)| *n == name)
    }

    /// Every item each side added or changed (its own fields, parent or sets), with every
    /// item above it in that side: a side that works inside an item has touched it.
    fn touched(&self) -> Vec<HashSet<Key>> {
        self.sides
            .iter()
            .map(|(_, side)| {
                let mut set = HashSet::new();
                for (key, item) in &side.map {
                    if self.base.map.get(key) == Some(item) {
                        continue;
                    }
                    let mut at = Some(key.clone());
                    while let Some(k) = at {
                        if !set.insert(k.clone()) {
                            break;
                        }
                        at = side.map.get(&k).and_then(|i| i.parent.clone());
                    }
                }
                set
            })
            .collect()
    }

    /// Merges with the given choices.
    pub fn merge(&self, choices: &Choices) -> Outcome {
        let touched = self.touched();
        let mut conflicts = Vec::new();
        let mut repairs = Vec::new();
        let keys: BTreeSet<&Key> = self
            .base
            .map
            .keys()
            .chain(self.sides.iter().flat_map(|(_, s)| s.map.keys()))
            .collect();
        let mut merged = Items::default();
        for key in keys {
            if !self.exists(key, &touched, choices, &mut conflicts) {
                continue;
            }
            let mut item = self.merge_item(key, choices, &mut conflicts);
            // Parents come before their children (kinds are ordered so), so a parent that is
            // not in the result is known here: fall back to ours' or the base's parent.
            let live = |p: &Option<Key>| p.as_ref().is_none_or(|p| merged.map.contains_key(p));
            if !live(&item.parent) {
                let fallback = [self.sides[0].1.map.get(key), self.base.map.get(key)]
                    .into_iter()
                    .flatten()
                    .map(|i| i.parent.clone())
                    .find(|p| live(p));
                match fallback {
                    Some(parent) => item.parent = parent,
                    None => {
                        if touched.iter().any(|t| t.contains(key)) {
                            repairs.push(self.dropped(key));
                        }
                        continue;
                    }
                }
            }
            merged.map.insert(key.clone(), item);
        }
        self.order_children(&mut merged);
        let sides: Vec<(&str, &Items)> = self.sides().collect();
        repairs.extend(dedupe_measurements(&mut merged, &self.base, &sides));
        repairs.extend(drop_dangling_links(&mut merged));
        repairs.extend(unique_series_keys(&mut merged));
        // Every value came from a valid scorecard, so the items always make one again; should
        // that ever fail, ours is the safe answer.
        let result = merged
            .build(&self.sides[0].1.kept, self.next_id, &self.ours.file_extra)
            .map(|mut card| {
                self.frozen.restore(&mut card, self.base_card);
                card
            })
            .unwrap_or_else(|e| {
                debug_assert!(false, "merged items do not make a scorecard: {e}");
                self.ours.clone()
            });
        Outcome {
            result,
            conflicts,
            repairs,
        }
    }

    /// Whether the item is in the result, reporting a conflict when one side deleted it and
    /// another changed it (or worked inside it).
    fn exists(
        &self,
        key: &Key,
        touched: &[HashSet<Key>],
        choices: &Choices,
        conflicts: &mut Vec<Conflict>,
    ) -> bool {
        if matches!(key.0, ItemKind::Scorecard | ItemKind::Factor) {
            return true;
        }
        let has = |i: usize| self.sides[i].1.map.contains_key(key);
        let picked = choices.get(&(key.clone(), None)).copied();
        let Some(base_item) = self.base.map.get(key) else {
            return picked.is_none_or(has);
        };
        // A side deleted the item itself when it still has the item's base parent (otherwise
        // the item went with its parent, which is decided there).
        let deleters: Vec<usize> = (0..self.sides.len())
            .filter(|&i| {
                !has(i)
                    && base_item
                        .parent
                        .as_ref()
                        .is_none_or(|p| self.sides[i].1.map.contains_key(p))
            })
            .collect();
        if deleters.is_empty() {
            return picked.is_none_or(has);
        }
        let changers: Vec<usize> = (0..self.sides.len())
            .filter(|&i| has(i) && touched[i].contains(key))
            .collect();
        if changers.is_empty() {
            return picked.is_some_and(has);
        }
        let mut values: Vec<(String, Option<Value>)> = Vec::new();
        for i in deleters.iter().chain(&changers) {
            let (name, side) = &self.sides[*i];
            values.push((name.to_string(), side.value(key)));
        }
        let at = self.where_is(key);
        conflicts.push(Conflict {
            item: at.item_ref(key),
            field: None,
            path: at.path(key),
            base: self.base.value(key),
            values,
        });
        has(picked.unwrap_or(0))
    }

    /// The item with its parent, fields and sets merged; conflicts are reported.
    fn merge_item(&self, key: &Key, choices: &Choices, conflicts: &mut Vec<Conflict>) -> Item {
        let base = self.base.map.get(key);
        let sides: Vec<Option<&Item>> = self.sides.iter().map(|(_, s)| s.map.get(key)).collect();
        // Most items are the base's in every side that has them: nothing to merge.
        if let Some(base) = base
            && sides.iter().flatten().all(|i| *i == base)
        {
            return base.clone();
        }
        let chosen = |field: &str| {
            choices
                .get(&(key.clone(), Some(field.to_string())))
                .copied()
        };
        let at = self.where_is(key);
        let mut conflict =
            |field: &str, base: Option<Value>, values: Vec<(usize, Option<Value>)>| {
                conflicts.push(Conflict {
                    item: at.item_ref(key),
                    field: Some(field.to_string()),
                    path: join(&at.path(key), field),
                    base,
                    values: values
                        .into_iter()
                        .map(|(i, v)| (self.sides[i].0.to_string(), v))
                        .collect(),
                });
            };
        let mut item = Item::default();
        let parents: Vec<Option<&Option<Key>>> =
            sides.iter().map(|s| s.map(|i| &i.parent)).collect();
        if let Some(m) = three_way(base.map(|b| &b.parent), &parents, chosen(PARENT)) {
            item.parent = m.value;
            if let Some(values) = m.conflict {
                let values = values
                    .into_iter()
                    .map(|(i, p)| (i, parent_value(&p)))
                    .collect();
                conflict(PARENT, base.and_then(|b| parent_value(&b.parent)), values);
            }
        }
        let names: BTreeSet<&String> = base
            .into_iter()
            .chain(sides.iter().flatten().copied())
            .flat_map(|i| i.fields.keys())
            .collect();
        for name in names {
            let value = |i: &Item| i.fields.get(name).cloned();
            let base_value = base.map(value);
            let values: Vec<Option<Option<Value>>> = sides.iter().map(|s| s.map(value)).collect();
            let refs: Vec<Option<&Option<Value>>> = values.iter().map(Option::as_ref).collect();
            let Some(m) = three_way(base_value.as_ref(), &refs, chosen(name)) else {
                continue;
            };
            if let Some(values) = m.conflict {
                conflict(name, base_value.clone().flatten(), values);
            }
            if let Some(v) = m.value {
                item.fields.insert(name.clone(), v);
            }
        }
        for &set in super::items::set_fields(key.0) {
            let lists: Vec<Option<&[String]>> =
                sides.iter().map(|s| s.map(|i| set_list(i, set))).collect();
            let base_list = base.map(|i| set_list(i, set));
            let picked = chosen(set).and_then(|c| lists.get(c).copied().flatten());
            let list = match picked {
                Some(list) => list.to_vec(),
                None => merge_set(base_list, &lists),
            };
            item.sets.insert(set, list);
        }
        item
    }

    /// The version that names an item in a conflict: ours', else the base's, else the first
    /// side's that has it.
    fn where_is(&self, key: &Key) -> &Items {
        self.sides
            .first()
            .map(|(_, s)| s)
            .filter(|s| s.map.contains_key(key))
            .or(Some(&self.base).filter(|b| b.map.contains_key(key)))
            .or(self
                .sides
                .iter()
                .map(|(_, s)| s)
                .find(|s| s.map.contains_key(key)))
            .unwrap_or(&self.base)
    }

    /// The change that reports an item dropped because its parent is not in the result.
    fn dropped(&self, key: &Key) -> Change {
        let at = self.where_is(key);
        Change {
            side: MERGE.to_string(),
            kind: ChangeKind::Deleted,
            item: at.item_ref(key),
            field: None,
            old: at.value(key),
            new: None,
            path: at.path(key),
        }
    }

    /// Orders every item's children: see [`order`]; points by date.
    fn order_children(&self, merged: &mut Items) {
        let mut parents: Vec<Key> = merged.map.keys().cloned().collect();
        parents.retain(|k| !lists(k.0).is_empty());
        for parent in parents {
            for &(_, kind) in lists(parent.0) {
                let sides: Vec<Option<&[String]>> = self
                    .sides
                    .iter()
                    .map(|(_, s)| s.children(&parent, kind))
                    .collect();
                let mut ids = order(self.base.children(&parent, kind), &sides, |id| {
                    merged
                        .map
                        .get(&(kind, id.to_string()))
                        .is_some_and(|i| i.parent.as_ref() == Some(&parent))
                });
                if kind == ItemKind::Point {
                    ids.sort();
                }
                merged.order.insert((parent.clone(), kind), ids);
            }
        }
        merged.order.insert(
            (root(), ItemKind::Factor),
            self.base
                .children(&root(), ItemKind::Factor)
                .unwrap_or_default()
                .to_vec(),
        );
    }
}

/// The set `set` of an item (empty when it has none).
fn set_list<'i>(item: &'i Item, set: &str) -> &'i [String] {
    item.sets.get(set).map(Vec::as_slice).unwrap_or_default()
}

/// Merges `theirs` (returned copies) and `ours` (the open scorecard) against `base`, the
/// version they were all made from. See the module documentation and `docs/merge.md`.
pub fn merge(base: &Scorecard, ours: &Scorecard, theirs: &[Side<'_>]) -> Merge {
    let run = Run::new(base, ours, theirs);
    let outcome = run.merge(&Choices::new());
    let mut changes = Vec::new();
    for (name, items) in run.sides() {
        changes.extend(diff(&run.base, items, name));
    }
    changes.extend(outcome.repairs);
    Merge {
        result: outcome.result,
        changes,
        conflicts: outcome.conflicts,
    }
}
