//! The types of a merge: the sides, the outcome, its changes and conflicts, a choice.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::scorecard::Scorecard;

/// The name under which ours (the open scorecard) appears in changes and conflicts.
pub const OURS: &str = "ours";
/// The name under which the merge reports what it had to adjust itself (a link to an item
/// another side deleted, a measurement entered twice, a series key used twice).
pub const MERGE: &str = "merge";

/// A returned copy of the scorecard: its name (a group's or the file's) and its content.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The group or file name, shown with its changes and conflicts.
    pub name: &'a str,
    /// The scorecard the group returned.
    pub card: &'a Scorecard,
}

/// The outcome of [`merge`].
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Merge {
    /// The base with every change that does not conflict, from every side (ours included);
    /// for each conflict ours' value. It passes [`validate`](crate::model::validate).
    pub result: Scorecard,
    /// What each side changed against the base ([`OURS`] for ours, each side's name for
    /// theirs), and what the merge adjusted ([`MERGE`]).
    pub changes: Vec<Change>,
    /// Where sides disagree; the facilitator picks one side per conflict.
    pub conflicts: Vec<Conflict>,
}

/// The kind of an item of a scorecard.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// The scorecard itself (title, mission, …).
    Scorecard,
    /// One of the four factors (label, key question); its id is the factor's key.
    Factor,
    /// A strategic objective.
    Objective,
    /// An input series.
    Series,
    /// A sub-objective.
    SubObjective,
    /// A KPI.
    Kpi,
    /// An action.
    Action,
    /// A measurement of a KPI.
    Measurement,
    /// A point of an input series; its id is `series-id/date`, e.g. `ser-4/2026-03-01`.
    Point,
}

/// Which item a change or conflict is about.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct ItemRef {
    /// Its kind.
    pub kind: ItemKind,
    /// Its id (a factor's key, `series-id/date` for a point, empty for the scorecard).
    pub id: String,
    /// A readable label: its title or name, a measurement's date and value.
    pub label: String,
}

/// What a change did to an item.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The item is new.
    Added,
    /// A field of the item has another value.
    Changed,
    /// The item is gone (its own items with it; only the outermost one is listed).
    Deleted,
}

/// One difference between two versions of a scorecard.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Change {
    /// Who made it: a side's name, [`OURS`] or [`MERGE`] (empty from [`compare`](super::compare)).
    pub side: String,
    /// Added, changed or deleted.
    pub kind: ChangeKind,
    /// The item.
    pub item: ItemRef,
    /// The field that changed (`None` for an added or deleted item). `parent` is where the
    /// item hangs; `contributes_to`, `leads_to` and `target_history` are lists.
    pub field: Option<String>,
    /// The value before (the whole item for a deleted one).
    pub old: Option<Value>,
    /// The value after (the whole item for an added one).
    pub new: Option<Value>,
    /// Where, by ids, e.g. `factors.customers.sub_objectives[so-3].kpis[kpi-9].target`.
    pub path: String,
}

/// Two or more sides changed one field (or one deleted an item another changed).
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Conflict {
    /// The item.
    pub item: ItemRef,
    /// The field, or `None` when one side deleted the item and another changed it.
    pub field: Option<String>,
    /// Where, by ids.
    pub path: String,
    /// The base's value (`None`: the field or item is not in the base).
    pub base: Option<Value>,
    /// Each side that changed it with its value (`None`: that side deleted the item).
    pub values: Vec<(String, Option<Value>)>,
}

impl Merge {
    /// The choices that take every conflict `side` is part of its way ("take all of group
    /// X"); combine with other choices, a later choice for a conflict wins.
    pub fn take_all(&self, side: &str) -> Vec<Choice> {
        self.conflicts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.values.iter().any(|(name, _)| name == side))
            .map(|(conflict, _)| Choice {
                conflict,
                side: side.to_string(),
            })
            .collect()
    }

    /// How many changes of `kind` side `side` made.
    pub fn count(&self, side: &str, kind: ChangeKind) -> usize {
        self.changes
            .iter()
            .filter(|c| c.side == side && c.kind == kind)
            .count()
    }
}

/// The facilitator's pick for one conflict.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Choice {
    /// The index of the conflict in [`Merge::conflicts`].
    pub conflict: usize,
    /// The side whose value is taken: one of the conflict's sides, or [`OURS`].
    pub side: String,
}
