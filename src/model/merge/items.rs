//! A scorecard as a flat set of items by id, each with its parent, its own fields (unknown
//! ones included) and its lists that merge as sets; and back again.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::frozen::Frozen;
use super::types::{ItemKind, ItemRef};
use crate::model::enums::FactorKind;
use crate::model::extras::collect_extras;
use crate::model::scorecard::Scorecard;

/// An item's identity: its kind and id.
pub(super) type Key = (ItemKind, String);

/// The key of the scorecard itself.
pub(super) fn root() -> Key {
    (ItemKind::Scorecard, String::new())
}

/// One item without its child items.
#[derive(Clone, PartialEq, Debug, Default)]
pub(super) struct Item {
    /// Where it hangs (`None` only for the scorecard).
    pub parent: Option<Key>,
    /// Its own fields by name, as written in the file (unknown fields included).
    pub fields: Map<String, Value>,
    /// Its lists that merge as sets: links by id, target changes (see [`entry`]).
    pub sets: BTreeMap<&'static str, Vec<String>>,
}

/// A whole scorecard as items.
#[derive(Clone, Debug, Default)]
pub(super) struct Items {
    /// Every item by key.
    pub map: BTreeMap<Key, Item>,
    /// The ids of the children of each kind of an item, in file order.
    pub order: HashMap<(Key, ItemKind), Vec<String>>,
    /// The scorecard's fields that are not merged (see [`NOT_MERGED`]).
    pub kept: Map<String, Value>,
}

/// Fields of the scorecard that are not merged: its id and lineage are ours', the id counter
/// is the highest of all.
const NOT_MERGED: [&str; 3] = ["id", "next_id", "lineage"];

/// The child lists of an item of `kind`: the field name and the kind of its items.
pub(super) fn lists(kind: ItemKind) -> &'static [(&'static str, ItemKind)] {
    match kind {
        ItemKind::Scorecard => &[
            ("objectives", ItemKind::Objective),
            ("series", ItemKind::Series),
        ],
        ItemKind::Factor => &[("sub_objectives", ItemKind::SubObjective)],
        ItemKind::Objective => &[("kpis", ItemKind::Kpi)],
        ItemKind::SubObjective => &[("kpis", ItemKind::Kpi), ("actions", ItemKind::Action)],
        ItemKind::Kpi => &[("measurements", ItemKind::Measurement)],
        ItemKind::Series => &[("points", ItemKind::Point)],
        ItemKind::Action | ItemKind::Measurement | ItemKind::Point => &[],
    }
}

/// The lists of an item of `kind` that merge as sets.
pub(super) fn set_fields(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::SubObjective => &["contributes_to", "leads_to"],
        ItemKind::Kpi => &["target_history"],
        _ => &[],
    }
}

/// The field that holds an item's id in the file.
fn id_field(kind: ItemKind) -> &'static str {
    if kind == ItemKind::Point {
        "date"
    } else {
        "id"
    }
}

/// A target change as a set element: `n:json`, where `n` counts earlier equal entries, so
/// that an entry listed twice is two elements.
pub(super) fn entry(n: usize, value: &Value) -> String {
    format!("{n}:{value}")
}

/// The value of a set element: a link's id, or the target change of an [`entry`].
pub(super) fn element_value(set: &str, element: &str) -> Value {
    if set == "target_history" {
        let json = element.split_once(':').map_or(element, |(_, j)| j);
        serde_json::from_str(json).unwrap_or(Value::Null)
    } else {
        Value::String(element.to_string())
    }
}

impl Items {
    /// The items of a scorecard, without the `frozen` lists' items.
    pub fn of(card: &Scorecard, frozen: &Frozen) -> Items {
        let mut items = Items::default();
        let Ok(Value::Object(mut root)) = serde_json::to_value(frozen.strip(card).as_ref()) else {
            return items;
        };
        for name in NOT_MERGED {
            if let Some(value) = root.remove(name) {
                items.kept.insert(name.into(), value);
            }
        }
        let mut factors = match root.remove("factors") {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        };
        let mut factor_ids = Vec::new();
        for kind in FactorKind::ALL {
            if let Some(Value::Object(factor)) = factors.remove(kind.key()) {
                items.add(
                    ItemKind::Factor,
                    kind.key().into(),
                    Some(root_key()),
                    factor,
                );
                factor_ids.push(kind.key().to_string());
            }
        }
        if !factors.is_empty() {
            root.insert("factors".into(), Value::Object(factors));
        }
        items
            .order
            .insert((root_key(), ItemKind::Factor), factor_ids);
        items.add(ItemKind::Scorecard, String::new(), None, root);
        items
    }

    fn add(
        &mut self,
        kind: ItemKind,
        id: String,
        parent: Option<Key>,
        mut obj: Map<String, Value>,
    ) {
        let key = (kind, id);
        for &(list, child) in lists(kind) {
            let mut ids = Vec::new();
            if let Some(Value::Array(values)) = obj.remove(list) {
                for value in values {
                    let Value::Object(mut fields) = value else {
                        continue;
                    };
                    let id = match fields.remove(id_field(child)) {
                        // Points are known by date within their series.
                        Some(Value::String(date)) if child == ItemKind::Point => {
                            format!("{}/{date}", key.1)
                        }
                        Some(Value::String(id)) => id,
                        _ => continue,
                    };
                    ids.push(id.clone());
                    self.add(child, id, Some(key.clone()), fields);
                }
            }
            self.order.insert((key.clone(), child), ids);
        }
        let mut sets = BTreeMap::new();
        for &set in set_fields(kind) {
            let values = match obj.remove(set) {
                Some(Value::Array(values)) => values,
                _ => Vec::new(),
            };
            let mut elements: Vec<String> = Vec::with_capacity(values.len());
            for value in &values {
                let element = match value {
                    Value::String(id) if set != "target_history" => id.clone(),
                    _ => {
                        let n = (0..).find(|n| !elements.contains(&entry(*n, value)));
                        entry(n.unwrap_or(0), value)
                    }
                };
                elements.push(element);
            }
            sets.insert(set, elements);
        }
        self.map.insert(
            key,
            Item {
                parent,
                fields: obj,
                sets,
            },
        );
    }

    /// The ids of the children of `kind` of `parent`, in order.
    pub fn children(&self, parent: &Key, kind: ItemKind) -> Option<&[String]> {
        self.order.get(&(parent.clone(), kind)).map(Vec::as_slice)
    }

    /// The item's own fields and sets as one JSON object (without child items).
    pub fn value(&self, key: &Key) -> Option<Value> {
        let item = self.map.get(key)?;
        let mut obj = item.fields.clone();
        for (set, elements) in &item.sets {
            let values = elements.iter().map(|e| element_value(set, e)).collect();
            obj.insert((*set).to_string(), Value::Array(values));
        }
        Some(Value::Object(obj))
    }

    /// The item's reference with a readable label.
    pub fn item_ref(&self, key: &Key) -> ItemRef {
        let fields = self.map.get(key).map(|i| &i.fields);
        let text = |name: &str| {
            fields
                .and_then(|f| f.get(name))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let label = match key.0 {
            ItemKind::Scorecard | ItemKind::Objective | ItemKind::SubObjective => text("title"),
            ItemKind::Action => text("title"),
            ItemKind::Factor => text("label"),
            ItemKind::Kpi | ItemKind::Series => text("name"),
            ItemKind::Measurement => {
                let value = fields.and_then(|f| f.get("value")).map(Value::to_string);
                format!("{} = {}", text("date"), value.unwrap_or_default())
            }
            ItemKind::Point => own_id(ItemKind::Point, &key.1),
        };
        ItemRef {
            kind: key.0,
            id: key.1.clone(),
            label,
        }
    }

    /// Where the item is, by ids, e.g. `factors.medium.sub_objectives[so-3].kpis[kpi-9]`.
    pub fn path(&self, key: &Key) -> String {
        let parent = self.map.get(key).and_then(|i| i.parent.clone());
        match (key.0, parent) {
            (ItemKind::Scorecard, _) => String::new(),
            (ItemKind::Factor, _) => format!("factors.{}", key.1),
            (_, Some(parent)) => {
                let list = lists(parent.0)
                    .iter()
                    .find(|(_, kind)| *kind == key.0)
                    .map_or("items", |(list, _)| list);
                let at = self.path(&parent);
                let step = format!("{list}[{}]", own_id(key.0, &key.1));
                join(&at, &step)
            }
            (_, None) => key.1.clone(),
        }
    }

    /// The scorecard these items make, with the `kept` fields and this id counter; unknown fields are put
    /// back in their items' `extra`, the envelope's unknown fields are `file_extra`'s.
    pub fn build(
        &self,
        kept: &Map<String, Value>,
        next_id: u64,
        file_extra: &Map<String, Value>,
    ) -> Result<Scorecard, String> {
        let mut root = self.object(&root());
        let mut factors = match root.remove("factors") {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        };
        for kind in FactorKind::ALL {
            let key = (ItemKind::Factor, kind.key().to_string());
            factors.insert(kind.key().into(), Value::Object(self.object(&key)));
        }
        root.insert("factors".into(), Value::Object(factors));
        root.extend(kept.clone());
        root.insert("next_id".into(), Value::from(next_id));
        let value = Value::Object(root);
        let mut card: Scorecard =
            serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
        collect_extras(&mut card, &value);
        // `sources` is left out of a series' JSON when empty, so it looks unknown there.
        for series in &mut card.series {
            series.extra.remove("sources");
        }
        card.file_extra = file_extra.clone();
        Ok(card)
    }

    /// The item as a JSON object with its child items.
    fn object(&self, key: &Key) -> Map<String, Value> {
        let mut obj = match self.value(key) {
            Some(Value::Object(obj)) => obj,
            _ => Map::new(),
        };
        for &(list, child) in lists(key.0) {
            let ids = self.children(key, child).unwrap_or_default();
            let values = ids
                .iter()
                .map(|id| {
                    let mut c = self.object(&(child, id.clone()));
                    c.insert(id_field(child).into(), Value::String(own_id(child, id)));
                    Value::Object(c)
                })
                .collect();
            obj.insert(list.into(), Value::Array(values));
        }
        obj
    }
}

/// The id an item has in the file: a point's date (its key is `series-id/date`).
fn own_id(kind: ItemKind, id: &str) -> String {
    match id.rsplit_once('/') {
        Some((_, date)) if kind == ItemKind::Point => date.to_string(),
        _ => id.to_string(),
    }
}

fn root_key() -> Key {
    root()
}

/// `path.field`, or `field` at the top.
pub(super) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// The field name under which an item's parent is merged and reported.
pub(super) const PARENT: &str = "parent";

/// An item's parent as a value for changes and conflicts: `{"kind": …, "id": …}`.
pub(super) fn parent_value(parent: &Option<Key>) -> Option<Value> {
    parent
        .as_ref()
        .map(|(kind, id)| serde_json::json!({ "kind": kind, "id": id }))
}
