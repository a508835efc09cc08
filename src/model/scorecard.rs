//! The scorecard document: strategy map (mission and objectives) and the four factors.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Extra;
use super::date::Date;
use super::enums::{FactorKind, Lang};
use super::ids;
use super::kpi::{DEFAULT_AMBER_THRESHOLD, Kpi};
use super::lineage::Lineage;
use super::review::Review;
use super::series::InputSeries;
use super::sub_objective::SubObjective;
use super::text;

/// A whole Social Media Scorecard.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Scorecard {
    /// Id of the scorecard itself, chosen by the app that created it.
    pub id: String,
    /// Title, e.g. "Community scorecard 2026".
    pub title: String,
    /// The organisation the scorecard is for.
    pub organisation: String,
    /// Name of the social medium, e.g. "Vitality Community".
    pub medium_name: String,
    /// Kind of medium, e.g. "Community"; also names the Medium factor in the article.
    pub medium_kind: String,
    /// First day of the reporting period.
    pub period_start: Option<Date>,
    /// Last day of the reporting period.
    pub period_end: Option<Date>,
    /// Language of the texts.
    pub lang: Lang,
    /// The social media mission: what do we stand for?
    pub mission: String,
    /// Amber threshold (fraction) for the roll-up statuses of sub-objectives, factors,
    /// objectives and the whole scorecard.
    pub amber_threshold: f64,
    /// The number the next new item id will get; never goes down except by undo.
    pub next_id: u64,
    /// The strategic objectives (strategy map).
    pub objectives: Vec<Objective>,
    /// The four factors.
    pub factors: Factors,
    /// The input series calculated KPIs are worked out from.
    pub series: Vec<InputSeries>,
    /// Where this copy comes from: its lineage, its copy tag (in the ids it makes), and what it
    /// was handed out from (version 3).
    pub lineage: Lineage,
    /// The reviews held on this scorecard, oldest first (version 4).
    pub reviews: Vec<Review>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
    /// Unknown fields of the file envelope this scorecard was read from, written back on export.
    #[serde(skip)]
    #[schemars(skip)]
    pub file_extra: Extra,
}

impl Default for Scorecard {
    fn default() -> Self {
        Scorecard::new_blank(String::new(), Lang::En)
    }
}

/// A strategic (social media) objective on the strategy map.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Objective {
    /// Stable id, e.g. `obj-3`.
    pub id: String,
    /// What we want to achieve, e.g. "Loyalty".
    pub title: String,
    /// The concrete objective.
    pub description: String,
    /// Who is responsible.
    pub owner: String,
    /// The objective's own indicators.
    pub kpis: Vec<Kpi>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// The four factors, always all present.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Factors {
    /// Customers (Klanten).
    pub customers: Factor,
    /// Financial (Financieel).
    pub financial: Factor,
    /// Organisation (Organisatie).
    pub organisation: Factor,
    /// The medium itself (e.g. the community).
    pub medium: Factor,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// One factor (quadrant) of the scorecard.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Factor {
    /// Editable label, e.g. "Customers" or "Community".
    pub label: String,
    /// The question the factor answers.
    pub key_question: String,
    /// The sub-objectives worked out for this factor.
    pub sub_objectives: Vec<SubObjective>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

impl Factor {
    /// A factor with the default label and key question in `lang`.
    pub fn blank(kind: FactorKind, lang: Lang) -> Factor {
        Factor {
            label: text::factor_label(kind, lang).to_string(),
            key_question: text::factor_key_question(kind, lang).to_string(),
            ..Factor::default()
        }
    }
}

/// Where a KPI hangs: under a strategic objective or under a sub-objective.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum KpiParent {
    /// A strategic objective, by id.
    Objective(String),
    /// A sub-objective, by id.
    SubObjective(String),
}

/// Where a sub-objective sits: factor and index.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SubObjectiveAt {
    /// The factor.
    pub factor: FactorKind,
    /// Index in the factor's list.
    pub index: usize,
}

impl Factors {
    /// The factor of this kind.
    pub fn get(&self, kind: FactorKind) -> &Factor {
        match kind {
            FactorKind::Customers => &self.customers,
            FactorKind::Financial => &self.financial,
            FactorKind::Organisation => &self.organisation,
            FactorKind::Medium => &self.medium,
        }
    }

    /// The factor of this kind, mutable.
    pub fn get_mut(&mut self, kind: FactorKind) -> &mut Factor {
        match kind {
            FactorKind::Customers => &mut self.customers,
            FactorKind::Financial => &mut self.financial,
            FactorKind::Organisation => &mut self.organisation,
            FactorKind::Medium => &mut self.medium,
        }
    }
}

impl Scorecard {
    /// A blank scorecard with the four factors and their key questions in `lang`.
    pub fn new_blank(id: String, lang: Lang) -> Scorecard {
        Scorecard {
            lineage: Lineage {
                id: id.clone(),
                ..Lineage::default()
            },
            id,
            title: text::blank_title(lang).to_string(),
            organisation: String::new(),
            medium_name: String::new(),
            medium_kind: String::new(),
            period_start: None,
            period_end: None,
            lang,
            mission: String::new(),
            amber_threshold: DEFAULT_AMBER_THRESHOLD,
            next_id: 1,
            objectives: Vec::new(),
            factors: Factors {
                customers: Factor::blank(FactorKind::Customers, lang),
                financial: Factor::blank(FactorKind::Financial, lang),
                organisation: Factor::blank(FactorKind::Organisation, lang),
                medium: Factor::blank(FactorKind::Medium, lang),
                extra: Extra::new(),
            },
            series: Vec::new(),
            reviews: Vec::new(),
            extra: Extra::new(),
            file_extra: Extra::new(),
        }
    }

    /// Gives every item without an id (missing or blank in a file) a new one, above every
    /// id number in use, and returns how many it gave. A file written by hand may leave ids
    /// out; nothing can link to an item without one, so a new id changes no meaning. The
    /// scorecard's own id is not assigned (a file must name it).
    pub fn assign_missing_ids(&mut self) -> usize {
        // Every file is checked; the highest number is only needed when an id is missing.
        let mut missing = 0usize;
        self.each_item_id(|_, id| {
            if id.trim().is_empty() {
                missing += 1;
            }
        });
        if missing == 0 {
            return 0;
        }
        let mut highest = 0u64;
        self.each_item_id(|_, id| {
            if let Some(n) = ids::id_number(id) {
                highest = highest.max(n);
            }
        });
        self.next_id = self.next_id.max(highest.saturating_add(1));
        let mut next = self.next_id;
        self.each_item_id(|prefix, id| {
            if id.trim().is_empty() {
                *id = ids::make_id(prefix, next);
                next = next.saturating_add(1);
            }
        });
        self.next_id = next;
        missing
    }

    /// Calls `visit` with the id prefix and the id of every item (objectives, sub-objectives,
    /// KPIs, measurements, actions, input series), in file order.
    fn each_item_id(&mut self, mut visit: impl FnMut(&'static str, &mut String)) {
        fn kpis(list: &mut [Kpi], visit: &mut impl FnMut(&'static str, &mut String)) {
            for kpi in list {
                visit(ids::KPI_PREFIX, &mut kpi.id);
                for m in &mut kpi.measurements {
                    visit(ids::MEASUREMENT_PREFIX, &mut m.id);
                }
            }
        }
        for objective in &mut self.objectives {
            visit(ids::OBJECTIVE_PREFIX, &mut objective.id);
            kpis(&mut objective.kpis, &mut visit);
        }
        for kind in FactorKind::ALL {
            for sub in &mut self.factors.get_mut(kind).sub_objectives {
                visit(ids::SUB_OBJECTIVE_PREFIX, &mut sub.id);
                kpis(&mut sub.kpis, &mut visit);
                for action in &mut sub.actions {
                    visit(ids::ACTION_PREFIX, &mut action.id);
                }
            }
        }
        for series in &mut self.series {
            visit(ids::SERIES_PREFIX, &mut series.id);
        }
    }

    /// Allocates a fresh id with this prefix (see [`ids`]).
    pub fn alloc_id(&mut self, prefix: &str) -> String {
        let id = ids::make_tagged_id(prefix, &self.lineage.copy, self.next_id);
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// The factor of this kind.
    pub fn factor(&self, kind: FactorKind) -> &Factor {
        self.factors.get(kind)
    }

    /// The factor of this kind, mutable.
    pub fn factor_mut(&mut self, kind: FactorKind) -> &mut Factor {
        self.factors.get_mut(kind)
    }

    /// All sub-objectives with their factor, in factor order.
    pub fn sub_objectives(&self) -> impl Iterator<Item = (FactorKind, &SubObjective)> {
        FactorKind::ALL.into_iter().flat_map(move |kind| {
            self.factor(kind)
                .sub_objectives
                .iter()
                .map(move |so| (kind, so))
        })
    }

    /// All KPIs with their parent: objectives' KPIs first, then the factors'.
    pub fn kpis(&self) -> impl Iterator<Item = (KpiParent, &Kpi)> {
        let from_objectives = self.objectives.iter().flat_map(|o| {
            o.kpis
                .iter()
                .map(move |k| (KpiParent::Objective(o.id.clone()), k))
        });
        let from_subs = self.sub_objectives().flat_map(|(_, so)| {
            so.kpis
                .iter()
                .map(move |k| (KpiParent::SubObjective(so.id.clone()), k))
        });
        from_objectives.chain(from_subs)
    }

    /// The objective with this id.
    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// Index of the objective with this id.
    pub fn objective_index(&self, id: &str) -> Option<usize> {
        self.objectives.iter().position(|o| o.id == id)
    }

    /// Where the sub-objective with this id sits.
    pub fn locate_sub_objective(&self, id: &str) -> Option<SubObjectiveAt> {
        FactorKind::ALL.into_iter().find_map(|factor| {
            self.factor(factor)
                .sub_objectives
                .iter()
                .position(|so| so.id == id)
                .map(|index| SubObjectiveAt { factor, index })
        })
    }

    /// The sub-objective with this id, with its factor.
    pub fn sub_objective(&self, id: &str) -> Option<(FactorKind, &SubObjective)> {
        let at = self.locate_sub_objective(id)?;
        Some((at.factor, &self.factor(at.factor).sub_objectives[at.index]))
    }

    /// The sub-objective with this id, mutable.
    pub fn sub_objective_mut(&mut self, id: &str) -> Option<&mut SubObjective> {
        let at = self.locate_sub_objective(id)?;
        self.factor_mut(at.factor).sub_objectives.get_mut(at.index)
    }

    /// The KPI list of a parent.
    pub fn kpi_list(&self, parent: &KpiParent) -> Option<&Vec<Kpi>> {
        match parent {
            KpiParent::Objective(id) => self.objective(id).map(|o| &o.kpis),
            KpiParent::SubObjective(id) => self.sub_objective(id).map(|(_, so)| &so.kpis),
        }
    }

    /// The KPI list of a parent, mutable.
    pub fn kpi_list_mut(&mut self, parent: &KpiParent) -> Option<&mut Vec<Kpi>> {
        match parent {
            KpiParent::Objective(id) => self
                .objectives
                .iter_mut()
                .find(|o| &o.id == id)
                .map(|o| &mut o.kpis),
            KpiParent::SubObjective(id) => self.sub_objective_mut(id).map(|so| &mut so.kpis),
        }
    }

    /// Where the KPI with this id sits: its parent and index.
    pub fn locate_kpi(&self, id: &str) -> Option<(KpiParent, usize)> {
        for o in &self.objectives {
            if let Some(i) = o.kpis.iter().position(|k| k.id == id) {
                return Some((KpiParent::Objective(o.id.clone()), i));
            }
        }
        for (_, so) in self.sub_objectives() {
            if let Some(i) = so.kpis.iter().position(|k| k.id == id) {
                return Some((KpiParent::SubObjective(so.id.clone()), i));
            }
        }
        None
    }

    /// The KPI with this id.
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        let (parent, index) = self.locate_kpi(id)?;
        self.kpi_list(&parent)?.get(index)
    }

    /// The KPI with this id, mutable.
    pub fn kpi_mut(&mut self, id: &str) -> Option<&mut Kpi> {
        let (parent, index) = self.locate_kpi(id)?;
        self.kpi_list_mut(&parent)?.get_mut(index)
    }

    /// The sub-objective id and index of the action with this id.
    pub fn locate_action(&self, id: &str) -> Option<(String, usize)> {
        self.sub_objectives().find_map(|(_, so)| {
            so.actions
                .iter()
                .position(|a| a.id == id)
                .map(|i| (so.id.clone(), i))
        })
    }

    /// The KPI id and index of the measurement with this id.
    pub fn locate_measurement(&self, id: &str) -> Option<(String, usize)> {
        self.kpis().find_map(|(_, k)| {
            k.measurements
                .iter()
                .position(|m| m.id == id)
                .map(|i| (k.id.clone(), i))
        })
    }
}
