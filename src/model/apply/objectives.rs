//! Applying the commands of the strategy map's items: objectives, sub-objectives and their links
//! (contributes to, leads to), each with its exact inverse.

use std::mem::replace;

use super::{Res, check, created, done, long, short, unknown};
use crate::model::command::*;
use crate::model::enums::FactorKind;
use crate::model::ids::{OBJECTIVE_PREFIX, SUB_OBJECTIVE_PREFIX};
use crate::model::limits::*;
use crate::model::scorecard::Objective;
use crate::model::scorecard::Scorecard;
use crate::model::sub_objective::SubObjective;

impl Scorecard {
    /// Applies a command on an objective, a sub-objective or a link between them.
    pub(super) fn apply_objective_command(&mut self, cmd: Command) -> Res {
        match cmd {
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
                for kind in FactorKind::ALL {
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
                for kind in FactorKind::ALL {
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
            other => Err(CommandError::invalid(
                "op",
                format!("not an objective or sub-objective command: {other:?}"),
            )),
        }
    }
}
