//! Sub-objectives (worked out per factor) and their actions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Extra;
use super::date::Date;
use super::enums::ActionStatus;
use super::kpi::Kpi;

/// A sub-objective of a factor: what we want, how it is measured and what it takes.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct SubObjective {
    /// Stable id, e.g. `so-12`.
    pub id: String,
    /// What we want, e.g. "Members get answers to content questions quickly".
    pub title: String,
    /// More detail.
    pub description: String,
    /// Who is responsible.
    pub owner: String,
    /// Relative weight in the factor and objective roll-ups (default 1).
    pub weight: f64,
    /// Ids of the strategic objectives this sub-objective contributes to.
    pub contributes_to: Vec<String>,
    /// Ids of the sub-objectives this one is a cause of (cause → effect).
    pub leads_to: Vec<String>,
    /// The indicators that measure it.
    pub kpis: Vec<Kpi>,
    /// What must be done to reach it.
    pub actions: Vec<Action>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

impl Default for SubObjective {
    fn default() -> Self {
        SubObjective {
            id: String::new(),
            title: String::new(),
            description: String::new(),
            owner: String::new(),
            weight: 1.0,
            contributes_to: Vec::new(),
            leads_to: Vec::new(),
            kpis: Vec::new(),
            actions: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl SubObjective {
    /// A new sub-objective with default settings.
    pub fn new(id: String, title: String) -> SubObjective {
        SubObjective {
            id,
            title,
            ..SubObjective::default()
        }
    }
}

/// An action (initiative) that makes a sub-objective happen.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Action {
    /// Stable id, e.g. `act-7`.
    pub id: String,
    /// What is done.
    pub title: String,
    /// Who does it.
    pub owner: String,
    /// When it should be done.
    pub due: Option<Date>,
    /// Where it stands.
    pub status: ActionStatus,
    /// Remarks.
    pub note: String,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

impl Action {
    /// A new action, not started.
    pub fn new(id: String, title: String) -> Action {
        Action {
            id,
            title,
            ..Action::default()
        }
    }
}
