//! Applying commands: every command is checked first, then applied, and returns its inverse.

use std::mem::replace;

use super::Extra;
use super::command::*;
use super::formula::Formula;
use super::ids::{self, ACTION_PREFIX, KPI_PREFIX, MEASUREMENT_PREFIX};
use super::ids::{OBJECTIVE_PREFIX, SUB_OBJECTIVE_PREFIX};
use super::kpi::{Kpi, TargetChange};
use super::limits::*;
use super::review::{check_expected_path, check_path_dates};
use super::scorecard::{KpiParent, Objective, Scorecard};
use super::sub_objective::{Action, SubObjective};
use super::validate::validate;

type Res = Result<Applied, CommandError>;

fn check(field: &str, result: Result<(), String>) -> Result<(), CommandError> {
    result.map_err(|reason| CommandError::invalid(field, reason))
}

fn short(field: &str, text: &str) -> Result<(), CommandError> {
    check(field, check_short_text(text))
}

fn long(field: &str, text: &str) -> Result<(), CommandError> {
    check(field, check_long_text(text))
}

fn unknown(kind: &'static str, id: &str) -> CommandError {
    CommandError::UnknownId {
        kind,
        id: id.to_string(),
    }
}

fn done(inverse: Command) -> Res {
    Ok(Applied {
        inverse,
        created_id: None,
    })
}

/// The inverse of an add: remove the new item and put the id counter back.
fn created(remove: Command, id: String, old_next: u64) -> Res {
    Ok(Applied {
        inverse: Command::Batch {
            commands: vec![remove, Command::SetNextId { next_id: old_next }],
        },
        created_id: Some(id),
    })
}

impl Scorecard {
    /// Applies one command. On success returns the inverse command (which restores the exact
    /// previous document) and the id of a created item; on error the document is unchanged.
    pub fn apply(&mut self, cmd: Command) -> Result<Applied, CommandError> {
        match cmd {
            Command::Batch { commands } => self.apply_batch(commands),
            cmd @ (Command::RestoreObjective { .. }
            | Command::RestoreSubObjective { .. }
            | Command::RestoreKpi { .. }
            | Command::RestoreMeasurement { .. }
            | Command::RestoreAction { .. }
            | Command::PushTargetChange { .. }) => self.apply_checked(cmd),
            cmd => self.apply_plain(cmd),
        }
    }

    fn apply_batch(&mut self, commands: Vec<Command>) -> Res {
        let before = self.clone();
        let mut inverses = Vec::with_capacity(commands.len());
        let mut created_id = None;
        for cmd in commands {
            match self.apply(cmd) {
                Ok(applied) => {
                    inverses.push(applied.inverse);
                    created_id = applied.created_id.or(created_id);
                }
                Err(e) => {
                    *self = before;
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(Applied {
            inverse: Command::Batch { commands: inverses },
            created_id,
        })
    }

    /// Applies a command that carries whole items, refusing it if it adds validation problems.
    fn apply_checked(&mut self, cmd: Command) -> Res {
        let before = self.clone();
        let problems_before = validate(self);
        let result = self.apply_plain(cmd).and_then(|applied| {
            let new_problem = validate(self)
                .into_iter()
                .find(|p| !problems_before.contains(p));
            match new_problem {
                None => Ok(applied),
                Some(p) => Err(CommandError::InvalidValue {
                    field: p.path,
                    reason: p.message,
                }),
            }
        });
        if result.is_err() {
            *self = before;
        }
        result
    }

    /// The highest id number in use (objectives, sub-objectives, KPIs, actions, measurements).
    pub fn max_id_number(&self) -> Option<u64> {
        let objective_ids = self.objectives.iter().map(|o| &o.id);
        let sub_ids = self.sub_objectives().map(|(_, so)| &so.id);
        let action_ids = self
            .sub_objectives()
            .flat_map(|(_, so)| so.actions.iter().map(|a| &a.id));
        let kpi_ids = self.kpis().map(|(_, k)| &k.id);
        let measurement_ids = self
            .kpis()
            .flat_map(|(_, k)| k.measurements.iter().map(|m| &m.id));
        let series_ids = self.series.iter().map(|s| &s.id);
        objective_ids
            .chain(sub_ids)
            .chain(action_ids)
            .chain(kpi_ids)
            .chain(measurement_ids)
            .chain(series_ids)
            .filter_map(|id| ids::id_number(id))
            .max()
    }

    fn fresh_id(&mut self, prefix: &str) -> Result<(String, u64), CommandError> {
        let old = self.next_id;
        if old == u64::MAX {
            return Err(CommandError::invalid("next_id", "no more ids available"));
        }
        Ok((self.alloc_id(prefix), old))
    }

    fn apply_plain(&mut self, cmd: Command) -> Res {
        match cmd {
            Command::SetScorecardField { field } => self.set_scorecard_field(field),
            Command::SetFactorText {
                factor,
                label,
                key_question,
            } => {
                short("label", &label)?;
                long("key_question", &key_question)?;
                let f = self.factor_mut(factor);
                let label = replace(&mut f.label, label);
                let key_question = replace(&mut f.key_question, key_question);
                done(Command::SetFactorText {
                    factor,
                    label,
                    key_question,
                })
            }
            Command::AddObjective { title } => {
                short("title", &title)?;
                check(
                    "objectives",
                    check_room(self.objectives.len(), MAX_OBJECTIVES, "objectives"),
                )?;
                let (id, old) = self.fresh_id(OBJECTIVE_PREFIX)?;
                self.objectives.push(Objective {
                    id: id.clone(),
                    title,
                    ..Objective::default()
                });
                created(Command::RemoveObjective { id: id.clone() }, id, old)
            }
            Command::UpdateObjective { id, field } => {
                let i = self
                    .objective_index(&id)
                    .ok_or_else(|| unknown("objective", &id))?;
                let o = &mut self.objectives[i];
                let old = match field {
                    ObjectiveField::Title(v) => {
                        short("title", &v)?;
                        ObjectiveField::Title(replace(&mut o.title, v))
                    }
                    ObjectiveField::Description(v) => {
                        long("description", &v)?;
                        ObjectiveField::Description(replace(&mut o.description, v))
                    }
                    ObjectiveField::Owner(v) => {
                        short("owner", &v)?;
                        ObjectiveField::Owner(replace(&mut o.owner, v))
                    }
                };
                done(Command::UpdateObjective { id, field: old })
            }
            Command::RemoveObjective { id } => {
                let index = self
                    .objective_index(&id)
                    .ok_or_else(|| unknown("objective", &id))?;
                let objective = self.objectives.remove(index);
                let mut contributions = Vec::new();
                for kind in super::FactorKind::ALL {
                    for so in &mut self.factor_mut(kind).sub_objectives {
                        while let Some(p) = so.contributes_to.iter().position(|x| x == &id) {
                            so.contributes_to.remove(p);
                            contributions.push(LinkPos {
                                from: so.id.clone(),
                                index: p,
                            });
                        }
                    }
                }
                done(Command::RestoreObjective {
                    index,
                    objective,
                    contributions,
                })
            }
            Command::MoveObjective { id, to_index } => {
                let from = self
                    .objective_index(&id)
                    .ok_or_else(|| unknown("objective", &id))?;
                let item = self.objectives.remove(from);
                let to = to_index.min(self.objectives.len());
                self.objectives.insert(to, item);
                done(Command::MoveObjective { id, to_index: from })
            }
            Command::RestoreObjective {
                index,
                objective,
                contributions,
            } => {
                if self.objective_index(&objective.id).is_some() {
                    return Err(CommandError::DuplicateId(objective.id));
                }
                for link in &contributions {
                    if self.sub_objective(&link.from).is_none() {
                        return Err(unknown("sub-objective", &link.from));
                    }
                }
                let id = objective.id.clone();
                let at = index.min(self.objectives.len());
                self.objectives.insert(at, objective);
                for link in contributions.iter().rev() {
                    if let Some(so) = self.sub_objective_mut(&link.from) {
                        let p = link.index.min(so.contributes_to.len());
                        so.contributes_to.insert(p, id.clone());
                    }
                }
                done(Command::RemoveObjective { id })
            }
            Command::AddSubObjective { factor, title } => {
                short("title", &title)?;
                let len = self.factor(factor).sub_objectives.len();
                check(
                    "sub_objectives",
                    check_room(len, MAX_SUB_OBJECTIVES, "sub-objectives per factor"),
                )?;
                let (id, old) = self.fresh_id(SUB_OBJECTIVE_PREFIX)?;
                self.factor_mut(factor)
                    .sub_objectives
                    .push(SubObjective::new(id.clone(), title));
                created(Command::RemoveSubObjective { id: id.clone() }, id, old)
            }
            Command::UpdateSubObjective { id, field } => {
                let so = self
                    .sub_objective_mut(&id)
                    .ok_or_else(|| unknown("sub-objective", &id))?;
                let old = match field {
                    SubObjectiveField::Title(v) => {
                        short("title", &v)?;
                        SubObjectiveField::Title(replace(&mut so.title, v))
                    }
                    SubObjectiveField::Description(v) => {
                        long("description", &v)?;
                        SubObjectiveField::Description(replace(&mut so.description, v))
                    }
                    SubObjectiveField::Owner(v) => {
                        short("owner", &v)?;
                        SubObjectiveField::Owner(replace(&mut so.owner, v))
                    }
                    SubObjectiveField::Weight(v) => {
                        check("weight", check_weight(v))?;
                        SubObjectiveField::Weight(replace(&mut so.weight, v))
                    }
                };
                done(Command::UpdateSubObjective { id, field: old })
            }
            Command::RemoveSubObjective { id } => {
                let at = self
                    .locate_sub_objective(&id)
                    .ok_or_else(|| unknown("sub-objective", &id))?;
                let sub_objective = self.factor_mut(at.factor).sub_objectives.remove(at.index);
                let mut causes = Vec::new();
                for kind in super::FactorKind::ALL {
                    for so in &mut self.factor_mut(kind).sub_objectives {
                        while let Some(p) = so.leads_to.iter().position(|x| x == &id) {
                            so.leads_to.remove(p);
                            causes.push(LinkPos {
                                from: so.id.clone(),
                                index: p,
                            });
                        }
                    }
                }
                done(Command::RestoreSubObjective {
                    factor: at.factor,
                    index: at.index,
                    sub_objective,
                    causes,
                })
            }
            Command::MoveSubObjective {
                id,
                factor,
                to_index,
            } => {
                let at = self
                    .locate_sub_objective(&id)
                    .ok_or_else(|| unknown("sub-objective", &id))?;
                if at.factor != factor {
                    let len = self.factor(factor).sub_objectives.len();
                    check(
                        "sub_objectives",
                        check_room(len, MAX_SUB_OBJECTIVES, "sub-objectives per factor"),
                    )?;
                }
                let item = self.factor_mut(at.factor).sub_objectives.remove(at.index);
                let list = &mut self.factor_mut(factor).sub_objectives;
                let to = to_index.min(list.len());
                list.insert(to, item);
                done(Command::MoveSubObjective {
                    id,
                    factor: at.factor,
                    to_index: at.index,
                })
            }
            Command::RestoreSubObjective {
                factor,
                index,
                sub_objective,
                causes,
            } => {
                if self.locate_sub_objective(&sub_objective.id).is_some() {
                    return Err(CommandError::DuplicateId(sub_objective.id));
                }
                let id = sub_objective.id.clone();
                for link in &causes {
                    if link.from != id && self.sub_objective(&link.from).is_none() {
                        return Err(unknown("sub-objective", &link.from));
                    }
                }
                let list = &mut self.factor_mut(factor).sub_objectives;
                let at = index.min(list.len());
                list.insert(at, sub_objective);
                for link in causes.iter().rev() {
                    if let Some(so) = self.sub_objective_mut(&link.from) {
                        let p = link.index.min(so.leads_to.len());
                        so.leads_to.insert(p, id.clone());
                    }
                }
                done(Command::RemoveSubObjective { id })
            }
            Command::LinkContribution {
                sub_objective,
                objective,
                at,
            } => {
                if self.objective_index(&objective).is_none() {
                    return Err(unknown("objective", &objective));
                }
                let so = self
                    .sub_objective_mut(&sub_objective)
                    .ok_or_else(|| unknown("sub-objective", &sub_objective))?;
                if so.contributes_to.contains(&objective) {
                    return Err(CommandError::AlreadyLinked {
                        from: sub_objective,
                        to: objective,
                    });
                }
                check(
                    "contributes_to",
                    check_room(so.contributes_to.len(), MAX_LINKS, "links"),
                )?;
                let len = so.contributes_to.len();
                so.contributes_to
                    .insert(at.unwrap_or(len).min(len), objective.clone());
                done(Command::UnlinkContribution {
                    sub_objective,
                    objective,
                })
            }
            Command::UnlinkContribution {
                sub_objective,
                objective,
            } => {
                let so = self
                    .sub_objective_mut(&sub_objective)
                    .ok_or_else(|| unknown("sub-objective", &sub_objective))?;
                let p = so
                    .contributes_to
                    .iter()
                    .position(|x| x == &objective)
                    .ok_or_else(|| CommandError::NotLinked {
                        from: sub_objective.clone(),
                        to: objective.clone(),
                    })?;
                so.contributes_to.remove(p);
                done(Command::LinkContribution {
                    sub_objective,
                    objective,
                    at: Some(p),
                })
            }
            Command::LinkCause { cause, effect, at } => {
                if cause == effect {
                    return Err(CommandError::SelfLink);
                }
                if self.sub_objective(&effect).is_none() {
                    return Err(unknown("sub-objective", &effect));
                }
                let so = self
                    .sub_objective_mut(&cause)
                    .ok_or_else(|| unknown("sub-objective", &cause))?;
                if so.leads_to.contains(&effect) {
                    return Err(CommandError::AlreadyLinked {
                        from: cause,
                        to: effect,
                    });
                }
                check(
                    "leads_to",
                    check_room(so.leads_to.len(), MAX_LINKS, "links"),
                )?;
                let len = so.leads_to.len();
                so.leads_to
                    .insert(at.unwrap_or(len).min(len), effect.clone());
                done(Command::UnlinkCause { cause, effect })
            }
            Command::UnlinkCause { cause, effect } => {
                let so = self
                    .sub_objective_mut(&cause)
                    .ok_or_else(|| unknown("sub-objective", &cause))?;
                let p = so
                    .leads_to
                    .iter()
                    .position(|x| x == &effect)
                    .ok_or_else(|| CommandError::NotLinked {
                        from: cause.clone(),
                        to: effect.clone(),
                    })?;
                so.leads_to.remove(p);
                done(Command::LinkCause {
                    cause,
                    effect,
                    at: Some(p),
                })
            }
            Command::AddKpi { parent, name } => {
                short("name", &name)?;
                let len = self
                    .kpi_list(&parent)
                    .ok_or_else(|| parent_unknown(&parent))?
                    .len();
                check(
                    "kpis",
                    check_room(len, MAX_KPIS, "KPIs per objective or sub-objective"),
                )?;
                let threshold = self.amber_threshold;
                let (id, old) = self.fresh_id(KPI_PREFIX)?;
                let mut kpi = Kpi::new(id.clone(), name);
                kpi.amber_threshold = threshold;
                if let Some(list) = self.kpi_list_mut(&parent) {
                    list.push(kpi);
                }
                created(Command::RemoveKpi { id: id.clone() }, id, old)
            }
            Command::UpdateKpi { id, field } => self.update_kpi(id, field),
            Command::RemoveKpi { id } => {
                let (parent, index) = self.locate_kpi(&id).ok_or_else(|| unknown("KPI", &id))?;
                let list = self
                    .kpi_list_mut(&parent)
                    .ok_or_else(|| unknown("KPI", &id))?;
                let kpi = list.remove(index);
                done(Command::RestoreKpi { parent, index, kpi })
            }
            Command::MoveKpi {
                id,
                parent,
                to_index,
            } => {
                let (from, index) = self.locate_kpi(&id).ok_or_else(|| unknown("KPI", &id))?;
                let dest_len = self
                    .kpi_list(&parent)
                    .ok_or_else(|| parent_unknown(&parent))?
                    .len();
                if from != parent {
                    check(
                        "kpis",
                        check_room(dest_len, MAX_KPIS, "KPIs per objective or sub-objective"),
                    )?;
                }
                let item = self
                    .kpi_list_mut(&from)
                    .ok_or_else(|| unknown("KPI", &id))?
                    .remove(index);
                if let Some(list) = self.kpi_list_mut(&parent) {
                    let to = to_index.min(list.len());
                    list.insert(to, item);
                }
                done(Command::MoveKpi {
                    id,
                    parent: from,
                    to_index: index,
                })
            }
            Command::RestoreKpi { parent, index, kpi } => {
                if self.locate_kpi(&kpi.id).is_some() {
                    return Err(CommandError::DuplicateId(kpi.id));
                }
                let id = kpi.id.clone();
                let list = self
                    .kpi_list_mut(&parent)
                    .ok_or_else(|| parent_unknown(&parent))?;
                let at = index.min(list.len());
                list.insert(at, kpi);
                done(Command::RemoveKpi { id })
            }
            Command::RecordMeasurement {
                kpi,
                date,
                value,
                note,
            } => {
                check("value", check_value(value))?;
                long("note", &note)?;
                let len = self
                    .kpi(&kpi)
                    .ok_or_else(|| unknown("KPI", &kpi))?
                    .measurements
                    .len();
                check(
                    "measurements",
                    check_room(len, MAX_MEASUREMENTS, "measurements per KPI"),
                )?;
                let (id, old) = self.fresh_id(MEASUREMENT_PREFIX)?;
                if let Some(k) = self.kpi_mut(&kpi) {
                    let at = k
                        .measurements
                        .iter()
                        .position(|m| m.date > date)
                        .unwrap_or(k.measurements.len());
                    k.measurements.insert(
                        at,
                        super::Measurement {
                            id: id.clone(),
                            date,
                            value,
                            note,
                            extra: Extra::new(),
                        },
                    );
                }
                created(Command::RemoveMeasurement { id: id.clone() }, id, old)
            }
            Command::UpdateMeasurement { id, field } => {
                let (kpi, index) = self
                    .locate_measurement(&id)
                    .ok_or_else(|| unknown("measurement", &id))?;
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let m = &mut k.measurements[index];
                let old = match field {
                    MeasurementField::Date(d) => MeasurementField::Date(replace(&mut m.date, d)),
                    MeasurementField::Value(v) => {
                        check("value", check_value(v))?;
                        MeasurementField::Value(replace(&mut m.value, v))
                    }
                    MeasurementField::Note(v) => {
                        long("note", &v)?;
                        MeasurementField::Note(replace(&mut m.note, v))
                    }
                };
                done(Command::UpdateMeasurement { id, field: old })
            }
            Command::RemoveMeasurement { id } => {
                let (kpi, index) = self
                    .locate_measurement(&id)
                    .ok_or_else(|| unknown("measurement", &id))?;
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let measurement = k.measurements.remove(index);
                done(Command::RestoreMeasurement {
                    kpi,
                    index,
                    measurement,
                })
            }
            Command::RestoreMeasurement {
                kpi,
                index,
                measurement,
            } => {
                if self.locate_measurement(&measurement.id).is_some() {
                    return Err(CommandError::DuplicateId(measurement.id));
                }
                let id = measurement.id.clone();
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let at = index.min(k.measurements.len());
                k.measurements.insert(at, measurement);
                done(Command::RemoveMeasurement { id })
            }
            Command::ChangeTarget {
                kpi,
                date,
                new,
                reason,
            } => {
                let old = self.kpi(&kpi).ok_or_else(|| unknown("KPI", &kpi))?.target;
                let change = TargetChange {
                    date,
                    old,
                    new,
                    reason,
                    extra: Extra::new(),
                };
                self.push_target_change(kpi, change)
            }
            Command::PushTargetChange { kpi, change } => self.push_target_change(kpi, change),
            Command::PopTargetChange { kpi } => {
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let change = k.target_history.pop().ok_or_else(|| {
                    CommandError::Nothing("this KPI has no target change to undo".to_string())
                })?;
                let current = replace(&mut k.target, change.old);
                done(Command::Batch {
                    commands: vec![
                        Command::PushTargetChange {
                            kpi: kpi.clone(),
                            change,
                        },
                        Command::UpdateKpi {
                            id: kpi,
                            field: KpiField::Target(current),
                        },
                    ],
                })
            }
            Command::AddAction {
                sub_objective,
                title,
            } => {
                short("title", &title)?;
                let len = self
                    .sub_objective(&sub_objective)
                    .ok_or_else(|| unknown("sub-objective", &sub_objective))?
                    .1
                    .actions
                    .len();
                check(
                    "actions",
                    check_room(len, MAX_ACTIONS, "actions per sub-objective"),
                )?;
                let (id, old) = self.fresh_id(ACTION_PREFIX)?;
                if let Some(so) = self.sub_objective_mut(&sub_objective) {
                    so.actions.push(Action::new(id.clone(), title));
                }
                created(Command::RemoveAction { id: id.clone() }, id, old)
            }
            Command::UpdateAction { id, field } => {
                let (so_id, index) = self
                    .locate_action(&id)
                    .ok_or_else(|| unknown("action", &id))?;
                let so = self
                    .sub_objective_mut(&so_id)
                    .ok_or_else(|| unknown("sub-objective", &so_id))?;
                let a = &mut so.actions[index];
                let old = match field {
                    ActionField::Title(v) => {
                        short("title", &v)?;
                        ActionField::Title(replace(&mut a.title, v))
                    }
                    ActionField::Owner(v) => {
                        short("owner", &v)?;
                        ActionField::Owner(replace(&mut a.owner, v))
                    }
                    ActionField::Due(v) => ActionField::Due(replace(&mut a.due, v)),
                    ActionField::Status(v) => ActionField::Status(replace(&mut a.status, v)),
                    ActionField::Note(v) => {
                        long("note", &v)?;
                        ActionField::Note(replace(&mut a.note, v))
                    }
                };
                done(Command::UpdateAction { id, field: old })
            }
            Command::RemoveAction { id } => {
                let (sub_objective, index) = self
                    .locate_action(&id)
                    .ok_or_else(|| unknown("action", &id))?;
                let so = self
                    .sub_objective_mut(&sub_objective)
                    .ok_or_else(|| unknown("sub-objective", &sub_objective))?;
                let action = so.actions.remove(index);
                done(Command::RestoreAction {
                    sub_objective,
                    index,
                    action,
                })
            }
            Command::MoveAction {
                id,
                sub_objective,
                to_index,
            } => {
                let (from, index) = self
                    .locate_action(&id)
                    .ok_or_else(|| unknown("action", &id))?;
                let dest_len = self
                    .sub_objective(&sub_objective)
                    .ok_or_else(|| unknown("sub-objective", &sub_objective))?
                    .1
                    .actions
                    .len();
                if from != sub_objective {
                    check(
                        "actions",
                        check_room(dest_len, MAX_ACTIONS, "actions per sub-objective"),
                    )?;
                }
                let item = self
                    .sub_objective_mut(&from)
                    .ok_or_else(|| unknown("sub-objective", &from))?
                    .actions
                    .remove(index);
                if let Some(so) = self.sub_objective_mut(&sub_objective) {
                    let to = to_index.min(so.actions.len());
                    so.actions.insert(to, item);
                }
                done(Command::MoveAction {
                    id,
                    sub_objective: from,
                    to_index: index,
                })
            }
            Command::RestoreAction {
                sub_objective,
                index,
                action,
            } => {
                if self.locate_action(&action.id).is_some() {
                    return Err(CommandError::DuplicateId(action.id));
                }
                let id = action.id.clone();
                let so = self
                    .sub_objective_mut(&sub_objective)
                    .ok_or_else(|| unknown("sub-objective", &sub_objective))?;
                let at = index.min(so.actions.len());
                so.actions.insert(at, action);
                done(Command::RemoveAction { id })
            }
            Command::SetNextId { next_id } => {
                let floor = self.max_id_number().map_or(1, |n| n.saturating_add(1));
                if next_id < floor || next_id == 0 {
                    return Err(CommandError::invalid(
                        "next_id",
                        format!("must be at least {floor}, above every id number in use"),
                    ));
                }
                let old = replace(&mut self.next_id, next_id);
                done(Command::SetNextId { next_id: old })
            }
            Command::Batch { commands } => self.apply_batch(commands),
            Command::ReplaceContent { card } => self.replace_content(*card),
            cmd @ (Command::SetCommentary { .. }
            | Command::AddReview { .. }
            | Command::RemoveReview { .. }) => self.apply_review(cmd),
            cmd @ (Command::AddSeries { .. }
            | Command::UpdateSeries { .. }
            | Command::RemoveSeries { .. }
            | Command::RestoreSeries { .. }
            | Command::UpsertSeriesPoints { .. }
            | Command::ReplaceSeriesPoints { .. }
            | Command::RemoveSeriesPoints { .. }) => self.apply_series(cmd),
        }
    }

    fn set_scorecard_field(&mut self, field: ScorecardField) -> Res {
        use ScorecardField as F;
        let old = match field {
            F::Title(v) => {
                short("title", &v)?;
                F::Title(replace(&mut self.title, v))
            }
            F::Organisation(v) => {
                short("organisation", &v)?;
                F::Organisation(replace(&mut self.organisation, v))
            }
            F::MediumName(v) => {
                short("medium_name", &v)?;
                F::MediumName(replace(&mut self.medium_name, v))
            }
            F::MediumKind(v) => {
                short("medium_kind", &v)?;
                F::MediumKind(replace(&mut self.medium_kind, v))
            }
            F::PeriodStart(v) => F::PeriodStart(replace(&mut self.period_start, v)),
            F::PeriodEnd(v) => F::PeriodEnd(replace(&mut self.period_end, v)),
            F::Lang(v) => F::Lang(replace(&mut self.lang, v)),
            F::Mission(v) => {
                long("mission", &v)?;
                F::Mission(replace(&mut self.mission, v))
            }
            F::AmberThreshold(v) => {
                check("amber_threshold", check_threshold(v))?;
                F::AmberThreshold(replace(&mut self.amber_threshold, v))
            }
        };
        done(Command::SetScorecardField { field: old })
    }

    fn update_kpi(&mut self, id: String, field: KpiField) -> Res {
        use KpiField as F;
        if let F::Formula(Some(text)) = &field {
            // A formula must parse. A key no series has is not refused here: a file may hold
            // one, a series deleted while a KPI uses it leaves one, and undo must be able to
            // put such a formula back. The formula field refuses unknown keys as they are
            // typed (with the position and a suggestion), and the KPI shows no value, with
            // the reason, while a key is unknown.
            Formula::parse(text).map_err(|e| CommandError::invalid("formula", e.to_string()))?;
        }
        let k = self.kpi_mut(&id).ok_or_else(|| unknown("KPI", &id))?;
        let old = match field {
            F::Name(v) => {
                short("name", &v)?;
                F::Name(replace(&mut k.name, v))
            }
            F::Description(v) => {
                long("description", &v)?;
                F::Description(replace(&mut k.description, v))
            }
            F::Unit(v) => {
                short("unit", &v)?;
                F::Unit(replace(&mut k.unit, v))
            }
            F::Direction(v) => F::Direction(replace(&mut k.direction, v)),
            F::Baseline(v) => {
                check("baseline", check_opt_value(v))?;
                F::Baseline(replace(&mut k.baseline, v))
            }
            F::Target(v) => {
                check("target", check_opt_value(v))?;
                F::Target(replace(&mut k.target, v))
            }
            F::BandLow(v) => {
                check("band_low", check_opt_value(v))?;
                F::BandLow(replace(&mut k.band_low, v))
            }
            F::BandHigh(v) => {
                check("band_high", check_opt_value(v))?;
                F::BandHigh(replace(&mut k.band_high, v))
            }
            F::AmberThreshold(v) => {
                check("amber_threshold", check_threshold(v))?;
                F::AmberThreshold(replace(&mut k.amber_threshold, v))
            }
            F::Frequency(v) => F::Frequency(replace(&mut k.frequency, v)),
            F::DataSource(v) => {
                short("data_source", &v)?;
                F::DataSource(replace(&mut k.data_source, v))
            }
            F::Owner(v) => {
                short("owner", &v)?;
                F::Owner(replace(&mut k.owner, v))
            }
            F::Weight(v) => {
                check("weight", check_weight(v))?;
                F::Weight(replace(&mut k.weight, v))
            }
            F::Formula(v) => F::Formula(replace(&mut k.formula, v)),
            F::BaselineDate(v) => {
                check("baseline_date", check_path_dates(v, k.target_date))?;
                F::BaselineDate(replace(&mut k.baseline_date, v))
            }
            F::TargetDate(v) => {
                check("target_date", check_path_dates(k.baseline_date, v))?;
                F::TargetDate(replace(&mut k.target_date, v))
            }
            F::ExpectedPath(v) => {
                check("expected_path", check_expected_path(&v))?;
                F::ExpectedPath(replace(&mut k.expected_path, v))
            }
        };
        done(Command::UpdateKpi { id, field: old })
    }

    fn push_target_change(&mut self, kpi: String, change: TargetChange) -> Res {
        check("new", check_opt_value(change.new))?;
        check("old", check_opt_value(change.old))?;
        long("reason", &change.reason)?;
        let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
        check(
            "target_history",
            check_room(
                k.target_history.len(),
                MAX_TARGET_CHANGES,
                "target changes per KPI",
            ),
        )?;
        if change.old != k.target {
            return Err(CommandError::invalid(
                "target_history",
                "the change does not start from the current target",
            ));
        }
        k.target = change.new;
        k.target_history.push(change);
        done(Command::PopTargetChange { kpi })
    }
}

fn parent_unknown(parent: &KpiParent) -> CommandError {
    match parent {
        KpiParent::Objective(id) => unknown("objective", id),
        KpiParent::SubObjective(id) => unknown("sub-objective", id),
    }
}
