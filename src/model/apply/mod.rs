//! Applying commands: every command is checked first, then applied, and returns its inverse.
//! This file dispatches and holds the scorecard's own fields; each family of items has its
//! own file.

mod actions;
mod kpis;
mod objectives;
mod replace;
mod review;
mod series;

use std::mem::replace;

use super::command::*;
use super::ids;
use super::limits::*;
use super::scorecard::Scorecard;
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
            cmd @ (Command::AddObjective { .. }
            | Command::UpdateObjective { .. }
            | Command::RemoveObjective { .. }
            | Command::MoveObjective { .. }
            | Command::RestoreObjective { .. }
            | Command::AddSubObjective { .. }
            | Command::UpdateSubObjective { .. }
            | Command::RemoveSubObjective { .. }
            | Command::MoveSubObjective { .. }
            | Command::RestoreSubObjective { .. }
            | Command::LinkContribution { .. }
            | Command::UnlinkContribution { .. }
            | Command::LinkCause { .. }
            | Command::UnlinkCause { .. }) => self.apply_objective_command(cmd),
            cmd @ (Command::AddKpi { .. }
            | Command::UpdateKpi { .. }
            | Command::RemoveKpi { .. }
            | Command::MoveKpi { .. }
            | Command::RestoreKpi { .. }
            | Command::RecordMeasurement { .. }
            | Command::UpdateMeasurement { .. }
            | Command::RemoveMeasurement { .. }
            | Command::RestoreMeasurement { .. }
            | Command::ChangeTarget { .. }
            | Command::PushTargetChange { .. }
            | Command::PopTargetChange { .. }) => self.apply_kpi_command(cmd),
            cmd @ (Command::AddAction { .. }
            | Command::UpdateAction { .. }
            | Command::RemoveAction { .. }
            | Command::MoveAction { .. }
            | Command::RestoreAction { .. }) => self.apply_action_command(cmd),
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
}
