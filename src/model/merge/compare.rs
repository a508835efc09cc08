//! The two-way comparison of two versions of a scorecard: what was added, deleted and
//! changed (with old and new values), item by item and field by field.

use std::collections::BTreeSet;

use serde_json::Value;

use super::frozen::Frozen;
use super::items::{Items, PARENT, join, parent_value};
use super::types::{Change, ChangeKind};
use crate::model::scorecard::Scorecard;

/// What differs from `old` to `new`: every added item (its items too), every deleted item
/// (only the outermost: its own items go with it), and every changed field with its old
/// and new value. A changed order of items is not listed. The changes have an empty `side`.
pub fn compare(old: &Scorecard, new: &Scorecard) -> Vec<Change> {
    let frozen = Frozen::of(old, &[new]);
    diff(&Items::of(old, &frozen), &Items::of(new, &frozen), "")
}

/// [`compare`] on items, naming the changes `side`.
pub(super) fn diff(old: &Items, new: &Items, side: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let change = |kind, at: &Items, key, field: Option<&str>, old, new| Change {
        side: side.to_string(),
        kind,
        item: at.item_ref(key),
        field: field.map(str::to_string),
        old,
        new,
        path: match field {
            Some(f) => join(&at.path(key), f),
            None => at.path(key),
        },
    };
    for (key, item) in &old.map {
        let Some(now) = new.map.get(key) else {
            let parent_kept = item.parent.as_ref().is_none_or(|p| new.map.contains_key(p));
            if parent_kept {
                changes.push(change(
                    ChangeKind::Deleted,
                    old,
                    key,
                    None,
                    old.value(key),
                    None,
                ));
            }
            continue;
        };
        if item == now {
            continue;
        }
        if item.parent != now.parent {
            let (was, is) = (parent_value(&item.parent), parent_value(&now.parent));
            changes.push(change(ChangeKind::Changed, new, key, Some(PARENT), was, is));
        }
        let names: BTreeSet<&String> = item.fields.keys().chain(now.fields.keys()).collect();
        for name in names {
            let (was, is) = (item.fields.get(name), now.fields.get(name));
            if was != is {
                let (was, is) = (was.cloned(), is.cloned());
                changes.push(change(ChangeKind::Changed, new, key, Some(name), was, is));
            }
        }
        for (set, list) in &item.sets {
            let now_list = now.sets.get(set).map(Vec::as_slice).unwrap_or_default();
            if list.as_slice() != now_list {
                let values = |l: &[String]| {
                    let all = l
                        .iter()
                        .map(|e| super::items::element_value(set, e))
                        .collect();
                    Some(Value::Array(all))
                };
                let (was, is) = (values(list), values(now_list));
                changes.push(change(ChangeKind::Changed, new, key, Some(set), was, is));
            }
        }
    }
    for key in new.map.keys() {
        if !old.map.contains_key(key) {
            changes.push(change(
                ChangeKind::Added,
                new,
                key,
                None,
                None,
                new.value(key),
            ));
        }
    }
    changes
}
