//! Validation of a whole scorecard: every problem, each with the path of the offending field.

use std::collections::hash_map::Entry;
use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::enums::FactorKind;
use super::formula::Formula;
use super::ids;
use super::kpi::Kpi;
use super::limits::{self, *};
use super::lineage::check_copy_tag;
use super::scorecard::Scorecard;
use super::series::check_key;
use super::sub_objective::{Action, SubObjective};

/// One problem found in a scorecard.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Problem {
    /// Where, e.g. `factors.medium.sub_objectives[2].kpis[0].target`.
    pub path: String,
    /// What is wrong, e.g. `expected a finite number`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Checks a whole scorecard and returns every problem (empty when valid).
pub fn validate(card: &Scorecard) -> Vec<Problem> {
    let mut v = Validator {
        problems: Vec::new(),
        ids: FxHashMap::default(),
        kpi_paths: Vec::new(),
        max_number: None,
    };
    v.scorecard(card);
    if let Some((number, id)) = v.max_number
        && number >= card.next_id
    {
        let path = join(
            &v.ids.get(id).map(|w| v.path_of(w)).unwrap_or_default(),
            "id",
        );
        v.push(
            "next_id",
            format!("must be greater than {number}, the highest id number in use (at {path})"),
        );
    }
    v.problems
}

/// Walks a scorecard collecting problems. Paths are built only for items and problems,
/// and ids are borrowed, so a scorecard with tens of thousands of measurements is checked
/// without allocating per field (docs/performance.md).
struct Validator<'a> {
    problems: Vec<Problem>,
    /// Every id seen, with where the item that has it is. Hashed with rustc-hash's Fx hash:
    /// the standard SipHash was a third of the validation of the stress scorecard. A file
    /// crafted for colliding ids could only slow its own import.
    ids: FxHashMap<&'a str, Where>,
    /// The paths of the KPIs seen so far (a measurement's path is built from its KPI's
    /// only when a message needs it).
    kpi_paths: Vec<String>,
    /// The highest id number in use, and its id.
    max_number: Option<(u64, &'a str)>,
}

/// Where an item is: its path, or a measurement by its KPI and index.
#[derive(Clone)]
enum Where {
    Path(String),
    Measurement { kpi: usize, index: usize },
}

impl<'a> Validator<'a> {
    fn path_of(&self, place: &Where) -> String {
        match place {
            Where::Path(path) => path.clone(),
            Where::Measurement { kpi, index } => {
                let kpi = self.kpi_paths.get(*kpi).map_or("", String::as_str);
                format!("{kpi}.measurements[{index}]")
            }
        }
    }

    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn check(&mut self, path: &str, field: &str, result: Result<(), String>) {
        if let Err(message) = result {
            self.push(join(path, field), message);
        }
    }

    fn short(&mut self, path: &str, field: &str, text: &str) {
        self.check(path, field, check_short_text(text));
    }

    fn long(&mut self, path: &str, field: &str, text: &str) {
        self.check(path, field, check_long_text(text));
    }

    fn count(&mut self, path: &str, field: &str, len: usize, max: usize) {
        if len > max {
            self.push(
                join(path, field),
                format!("too many items: {len}, at most {max} allowed"),
            );
        }
    }

    fn item_id(&mut self, path: &str, id: &'a str) {
        self.place_id(id, || Where::Path(path.to_string()), path);
    }

    /// Records `id` as being at `place` (made only when needed); `path` names it in messages.
    fn place_id(&mut self, id: &'a str, place: impl FnOnce() -> Where, path: &str) {
        let result = self.record_id(id, place);
        self.check(path, "id", result);
    }

    /// Records `id` as being at `place` (made only when needed), or says what is wrong with it.
    fn record_id(&mut self, id: &'a str, place: impl FnOnce() -> Where) -> Result<(), String> {
        check_id(id)?;
        // One hash per id: the stress scorecard has ≈ 70,000 of them.
        match self.ids.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(place());
            }
            Entry::Occupied(first) => {
                let first = first.get().clone();
                let first = self.path_of(&first);
                return Err(format!("duplicate id \"{id}\", also used at {first}"));
            }
        }
        if let Some(n) = ids::id_number(id)
            && self.max_number.is_none_or(|(max, _)| n > max)
        {
            self.max_number = Some((n, id));
        }
        Ok(())
    }

    fn scorecard(&mut self, card: &'a Scorecard) {
        self.check("", "id", check_id(&card.id));
        self.short("", "title", &card.title);
        self.short("", "organisation", &card.organisation);
        self.short("", "medium_name", &card.medium_name);
        self.short("", "medium_kind", &card.medium_kind);
        self.long("", "mission", &card.mission);
        self.check("", "amber_threshold", check_threshold(card.amber_threshold));
        if card.next_id == 0 {
            self.push("next_id", "must be at least 1");
        }
        self.short("lineage", "id", &card.lineage.id);
        self.check("lineage", "copy", check_copy_tag(&card.lineage.copy));
        if let Some(group) = &card.lineage.group {
            self.short("lineage.group", "name", &group.name);
        }
        self.count("", "objectives", card.objectives.len(), MAX_OBJECTIVES);
        for (i, o) in card.objectives.iter().enumerate() {
            let path = format!("objectives[{i}]");
            self.item_id(&path, &o.id);
            self.short(&path, "title", &o.title);
            self.long(&path, "description", &o.description);
            self.short(&path, "owner", &o.owner);
            self.kpis(&path, &o.kpis);
        }
        for kind in FactorKind::ALL {
            let f = card.factor(kind);
            let path = format!("factors.{}", kind.key());
            self.short(&path, "label", &f.label);
            self.long(&path, "key_question", &f.key_question);
            self.count(
                &path,
                "sub_objectives",
                f.sub_objectives.len(),
                MAX_SUB_OBJECTIVES,
            );
            for (i, so) in f.sub_objectives.iter().enumerate() {
                self.sub_objective(&format!("{path}.sub_objectives[{i}]"), so);
            }
        }
        self.links(card);
        self.count("", "reviews", card.reviews.len(), MAX_REVIEWS);
        for (i, r) in card.reviews.iter().enumerate() {
            let path = format!("reviews[{i}]");
            self.long(&path, "participants", &r.participants);
            self.long(&path, "summary", &r.summary);
        }
        self.count("", "series", card.series.len(), MAX_SERIES);
        let mut keys: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, series) in card.series.iter().enumerate() {
            let path = format!("series[{i}]");
            self.item_id(&path, &series.id);
            self.check(&path, "key", check_key(&series.key));
            if let Some(first) = keys.get(series.key.as_str()) {
                self.push(
                    join(&path, "key"),
                    format!("the key \"{}\" is also used by series[{first}]", series.key),
                );
            } else {
                keys.insert(&series.key, i);
            }
            self.short(&path, "name", &series.name);
            self.short(&path, "unit", &series.unit);
            self.short(&path, "channel", &series.channel);
            self.count(&path, "points", series.points.len(), MAX_SERIES_POINTS);
            self.count(&path, "sources", series.sources.len(), MAX_SERIES_SOURCES);
            for (j, source) in series.sources.iter().enumerate() {
                let spath = format!("{path}.sources[{j}]");
                self.short(&spath, "platform", &source.platform);
                self.short(&spath, "column", &source.column);
            }
            let mut dates = FxHashSet::default();
            for (j, point) in series.points.iter().enumerate() {
                let value = limits::check_value(point.value);
                let note = check_long_text(&point.note);
                let repeated = !dates.insert(point.date);
                if value.is_ok() && note.is_ok() && !repeated {
                    continue;
                }
                let ppath = format!("{path}.points[{j}]");
                self.check(&ppath, "value", value);
                self.check(&ppath, "note", note);
                if repeated {
                    self.push(
                        join(&ppath, "date"),
                        format!(
                            "{} is listed twice: a series has one value per date",
                            point.date
                        ),
                    );
                }
            }
        }
    }

    fn sub_objective(&mut self, path: &str, so: &'a SubObjective) {
        self.item_id(path, &so.id);
        self.short(path, "title", &so.title);
        self.long(path, "description", &so.description);
        self.short(path, "owner", &so.owner);
        self.check(path, "weight", check_weight(so.weight));
        self.count(path, "contributes_to", so.contributes_to.len(), MAX_LINKS);
        self.count(path, "leads_to", so.leads_to.len(), MAX_LINKS);
        self.kpis(path, &so.kpis);
        self.count(path, "actions", so.actions.len(), MAX_ACTIONS);
        for (i, a) in so.actions.iter().enumerate() {
            self.action(&format!("{path}.actions[{i}]"), a);
        }
    }

    fn action(&mut self, path: &str, a: &'a Action) {
        self.item_id(path, &a.id);
        self.short(path, "title", &a.title);
        self.short(path, "owner", &a.owner);
        self.long(path, "note", &a.note);
    }

    fn kpis(&mut self, path: &str, kpis: &'a [Kpi]) {
        self.count(path, "kpis", kpis.len(), MAX_KPIS);
        for (i, k) in kpis.iter().enumerate() {
            self.kpi(&format!("{path}.kpis[{i}]"), k);
        }
    }

    fn kpi(&mut self, path: &str, k: &'a Kpi) {
        self.item_id(path, &k.id);
        self.short(path, "name", &k.name);
        self.long(path, "description", &k.description);
        self.short(path, "unit", &k.unit);
        self.check(path, "baseline", check_opt_value(k.baseline));
        self.check(path, "target", check_opt_value(k.target));
        self.check(path, "band_low", check_opt_value(k.band_low));
        self.check(path, "band_high", check_opt_value(k.band_high));
        self.check(path, "amber_threshold", check_threshold(k.amber_threshold));
        self.short(path, "data_source", &k.data_source);
        self.short(path, "owner", &k.owner);
        self.check(path, "weight", check_weight(k.weight));
        if let Some(text) = &k.formula
            && let Err(e) = Formula::parse(text)
        {
            self.push(join(path, "formula"), e.to_string());
        }
        self.count(path, "measurements", k.measurements.len(), MAX_MEASUREMENTS);
        let kpi = self.kpi_paths.len();
        self.kpi_paths.push(path.to_string());
        for (index, m) in k.measurements.iter().enumerate() {
            // The common case allocates nothing: the path is written only for a message.
            let id = self.record_id(&m.id, || Where::Measurement { kpi, index });
            let value = limits::check_value(m.value);
            let note = check_long_text(&m.note);
            if id.is_ok() && value.is_ok() && note.is_ok() {
                continue;
            }
            let mpath = format!("{path}.measurements[{index}]");
            self.check(&mpath, "id", id);
            self.check(&mpath, "value", value);
            self.check(&mpath, "note", note);
        }
        self.count(
            path,
            "target_history",
            k.target_history.len(),
            MAX_TARGET_CHANGES,
        );
        for (i, t) in k.target_history.iter().enumerate() {
            let tpath = format!("{path}.target_history[{i}]");
            self.check(&tpath, "old", check_opt_value(t.old));
            self.check(&tpath, "new", check_opt_value(t.new));
            self.long(&tpath, "reason", &t.reason);
        }
        self.review_fields(path, k);
    }

    /// A KPI's baseline and target dates, expected path and commentary (version 4).
    fn review_fields(&mut self, path: &str, k: &Kpi) {
        if let (Some(start), Some(end)) = (k.baseline_date, k.target_date)
            && end <= start
        {
            self.push(
                join(path, "target_date"),
                format!("must come after the baseline date {start}"),
            );
        }
        self.count(
            path,
            "expected_path",
            k.expected_path.len(),
            MAX_EXPECTED_PATH,
        );
        for (i, p) in k.expected_path.iter().enumerate() {
            let ppath = format!("{path}.expected_path[{i}]");
            self.check(&ppath, "value", limits::check_value(p.value));
            if i > 0 && p.date <= k.expected_path[i - 1].date {
                self.push(
                    join(&ppath, "date"),
                    "the steps must be in date order, one per date",
                );
            }
        }
        self.count(path, "commentary", k.commentary.len(), MAX_COMMENTARY);
        let mut periods = FxHashSet::default();
        for (i, c) in k.commentary.iter().enumerate() {
            let cpath = format!("{path}.commentary[{i}]");
            if !periods.insert(c.period) {
                self.push(
                    join(&cpath, "period"),
                    format!("{} has commentary twice: one per period", c.period),
                );
            }
            self.long(&cpath, "analysis", &c.analysis);
            self.long(&cpath, "action", &c.action);
        }
    }

    fn links(&mut self, card: &'a Scorecard) {
        let objectives: FxHashSet<&str> = card.objectives.iter().map(|o| o.id.as_str()).collect();
        let subs: FxHashSet<&str> = card
            .sub_objectives()
            .map(|(_, so)| so.id.as_str())
            .collect();
        for kind in FactorKind::ALL {
            for (i, so) in card.factor(kind).sub_objectives.iter().enumerate() {
                let path = format!("factors.{}.sub_objectives[{i}]", kind.key());
                let mut seen = FxHashSet::default();
                for (j, target) in so.contributes_to.iter().enumerate() {
                    let p = format!("{path}.contributes_to[{j}]");
                    if !objectives.contains(target.as_str()) {
                        self.push(p, format!("there is no objective with id \"{target}\""));
                    } else if !seen.insert(target) {
                        self.push(p, format!("\"{target}\" is listed twice"));
                    }
                }
                let mut seen = FxHashSet::default();
                for (j, target) in so.leads_to.iter().enumerate() {
                    let p = format!("{path}.leads_to[{j}]");
                    if target == &so.id {
                        self.push(p, "a sub-objective cannot be a cause of itself");
                    } else if !subs.contains(target.as_str()) {
                        self.push(p, format!("there is no sub-objective with id \"{target}\""));
                    } else if !seen.insert(target) {
                        self.push(p, format!("\"{target}\" is listed twice"));
                    }
                }
            }
        }
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}
