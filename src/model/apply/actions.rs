//! Applying the commands of a sub-objective's actions, each with its exact inverse.

use std::mem::replace;

use super::{Res, check, created, done, long, short, unknown};
use crate::model::command::*;
use crate::model::ids::ACTION_PREFIX;
use crate::model::limits::*;
use crate::model::scorecard::Scorecard;
use crate::model::sub_objective::Action;

impl Scorecard {
    /// Applies a command on an action.
    pub(super) fn apply_action_command(&mut self, cmd: Command) -> Res {
        match cmd {
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
            other => Err(CommandError::invalid(
                "op",
                format!("not an action command: {other:?}"),
            )),
        }
    }
}
