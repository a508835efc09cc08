//! Lists: the order of merged items, lists that merge as sets (links, target changes), and
//! what the merge adjusts so that the result is a valid scorecard: a measurement entered by
//! two sides is kept once, links to deleted items are dropped, a series key used twice is
//! made unique.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::items::{Items, Key};
use super::types::{Change, ChangeKind, ItemKind, MERGE};

/// Orders the elements `keep` accepts: first as in the list of the first side that changed
/// the list (ours first, then theirs in order; ours when none did), then what only other
/// sides (in their order) or the base have. Each element once.
pub(super) fn order(
    base: Option<&[String]>,
    sides: &[Option<&[String]>],
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let base_list = base.unwrap_or_default();
    let leader = sides
        .iter()
        .flatten()
        .find(|list| **list != base_list)
        .copied();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for list in leader
        .into_iter()
        .chain(sides.iter().flatten().copied())
        .chain(base)
    {
        for element in list {
            if keep(element) && seen.insert(element.as_str()) {
                out.push(element.clone());
            }
        }
    }
    out
}

/// Merges a list as a set: an element stays unless a side that has the item removed it;
/// every element a side added is kept. Ordered by [`order`].
pub(super) fn merge_set(base: Option<&[String]>, sides: &[Option<&[String]>]) -> Vec<String> {
    let base_list = base.unwrap_or_default();
    let removed: HashSet<&String> = sides
        .iter()
        .flatten()
        .flat_map(|list| base_list.iter().filter(|e| !list.contains(e)))
        .collect();
    let added: HashSet<&String> = sides
        .iter()
        .flatten()
        .flat_map(|list| list.iter().filter(|e| !base_list.contains(e)))
        .collect();
    order(base, sides, |e| {
        let e = e.to_string();
        added.contains(&e) || (base_list.contains(&e) && !removed.contains(&e))
    })
}

/// Drops a measurement a side added when its KPI already holds one with the same date and
/// value that this side does not have (two groups entering the same figure): counted once.
pub(super) fn dedupe_measurements(
    merged: &mut Items,
    base: &Items,
    sides: &[(&str, &Items)],
) -> Vec<Change> {
    let mut changes = Vec::new();
    let kpis: Vec<Key> = merged
        .map
        .keys()
        .filter(|k| k.0 == ItemKind::Kpi)
        .cloned()
        .collect();
    for kpi in kpis {
        let ids = merged
            .children(&kpi, ItemKind::Measurement)
            .unwrap_or_default()
            .to_vec();
        // The kept measurements by date and value.
        let mut kept: HashMap<(String, String), Vec<String>> = HashMap::new();
        let mut dropped = Vec::new();
        for id in ids {
            let key = (ItemKind::Measurement, id.clone());
            let field = |name: &str| {
                merged
                    .map
                    .get(&key)
                    .and_then(|m| m.fields.get(name))
                    .map(Value::to_string)
                    .unwrap_or_default()
            };
            let figure = (field("date"), field("value"));
            let owner = sides.iter().find(|(_, s)| s.map.contains_key(&key));
            let twin = !base.map.contains_key(&key)
                && owner.is_some_and(|(_, side)| {
                    kept.get(&figure).is_some_and(|others| {
                        others.iter().any(|other| {
                            !side
                                .map
                                .contains_key(&(ItemKind::Measurement, other.clone()))
                        })
                    })
                });
            if twin {
                changes.push(Change {
                    side: MERGE.to_string(),
                    kind: ChangeKind::Deleted,
                    item: merged.item_ref(&key),
                    field: None,
                    old: merged.value(&key),
                    new: None,
                    path: merged.path(&key),
                });
                dropped.push(id);
            } else {
                kept.entry(figure).or_default().push(id);
            }
        }
        if !dropped.is_empty() {
            for id in &dropped {
                merged.map.remove(&(ItemKind::Measurement, id.clone()));
            }
            if let Some(list) = merged.order.get_mut(&(kpi, ItemKind::Measurement)) {
                let dropped: HashSet<&String> = dropped.iter().collect();
                list.retain(|id| !dropped.contains(id));
            }
        }
    }
    changes
}

/// Drops links to objectives and sub-objectives that are not in the result (deleted by
/// another side), reporting each list that lost a link.
pub(super) fn drop_dangling_links(merged: &mut Items) -> Vec<Change> {
    let mut changes = Vec::new();
    let keys: Vec<Key> = merged
        .map
        .keys()
        .filter(|k| k.0 == ItemKind::SubObjective)
        .cloned()
        .collect();
    for key in keys {
        for (set, target) in [
            ("contributes_to", ItemKind::Objective),
            ("leads_to", ItemKind::SubObjective),
        ] {
            let Some(list) = merged.map.get(&key).and_then(|i| i.sets.get(set)) else {
                continue;
            };
            let kept: Vec<String> = list
                .iter()
                .filter(|id| **id != key.1 && merged.map.contains_key(&(target, (*id).clone())))
                .cloned()
                .collect();
            if kept.len() == list.len() {
                continue;
            }
            let old = Value::from(list.clone());
            changes.push(Change {
                side: MERGE.to_string(),
                kind: ChangeKind::Changed,
                item: merged.item_ref(&key),
                field: Some(set.to_string()),
                old: Some(old),
                new: Some(Value::from(kept.clone())),
                path: super::items::join(&merged.path(&key), set),
            });
            if let Some(item) = merged.map.get_mut(&key) {
                item.sets.insert(set, kept);
            }
        }
    }
    changes
}

/// Gives a series whose key an earlier series already has a key of its own (`key_2`, …).
pub(super) fn unique_series_keys(merged: &mut Items) -> Vec<Change> {
    let mut changes = Vec::new();
    let ids = merged
        .children(&super::items::root(), ItemKind::Series)
        .unwrap_or_default()
        .to_vec();
    let mut used: HashSet<String> = HashSet::new();
    for id in ids {
        let key = (ItemKind::Series, id);
        let Some(item) = merged.map.get_mut(&key) else {
            continue;
        };
        let old = item
            .fields
            .get("key")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if used.insert(old.clone()) {
            continue;
        }
        let stem: String = old.chars().take(36).collect();
        let Some(new) = (2..)
            .map(|n| format!("{stem}_{n}"))
            .find(|k| !used.contains(k))
        else {
            continue;
        };
        used.insert(new.clone());
        item.fields.insert("key".into(), Value::String(new.clone()));
        changes.push(Change {
            side: MERGE.to_string(),
            kind: ChangeKind::Changed,
            item: merged.item_ref(&key),
            field: Some("key".into()),
            old: Some(Value::String(old)),
            new: Some(Value::String(new)),
            path: super::items::join(&merged.path(&key), "key"),
        });
    }
    changes
}
