//! Undo and redo over the model's commands. Pure: each step keeps the command that redoes it
//! and the inverse that undoes it, both as [`Scorecard::apply`] returns them.
//!
//! Typing into one field is one step: a command recorded with the same *coalesce key* as the
//! step on top of the undo stack (and with nothing undone in between) merges into that step,
//! keeping the first inverse, so one undo restores the field as it was before typing began.

use crate::model::{Command, CommandError, Scorecard};

/// Most steps kept; the oldest fall off.
pub const HISTORY_LIMIT: usize = 500;

#[derive(Clone, Debug, PartialEq)]
struct Step {
    redo: Command,
    undo: Command,
    key: Option<String>,
}

/// The undo and redo stacks of one open scorecard.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    /// When false, the next command never merges into the top step.
    open_for_merge: bool,
}

impl History {
    /// An empty history.
    pub fn new() -> History {
        History::default()
    }

    /// Applies `cmd` to `doc` and records it; returns the id the command created, if any.
    /// Commands with the same `coalesce_key` in a row become one step.
    pub fn apply(
        &mut self,
        doc: &mut Scorecard,
        cmd: Command,
        coalesce_key: Option<&str>,
    ) -> Result<Option<String>, CommandError> {
        let applied = doc.apply(cmd.clone())?;
        let key = coalesce_key.map(str::to_string);
        let merge = self.open_for_merge
            && key.is_some()
            && self.done.last().is_some_and(|top| top.key == key);
        match self.done.last_mut() {
            Some(top) if merge => top.redo = cmd,
            _ => {
                self.done.push(Step {
                    redo: cmd,
                    undo: applied.inverse,
                    key,
                });
                if self.done.len() > HISTORY_LIMIT {
                    self.done.remove(0);
                }
            }
        }
        self.undone.clear();
        self.open_for_merge = true;
        Ok(applied.created_id)
    }

    /// Ends the current typing step: the next command starts a new one (on blur, say).
    pub fn seal(&mut self) {
        self.open_for_merge = false;
    }

    /// Undoes the last step; false when there was nothing to undo.
    pub fn undo(&mut self, doc: &mut Scorecard) -> Result<bool, CommandError> {
        let Some(step) = self.done.pop() else {
            return Ok(false);
        };
        match doc.apply(step.undo.clone()) {
            Ok(applied) => {
                self.undone.push(Step {
                    redo: applied.inverse,
                    undo: step.undo,
                    key: step.key,
                });
                self.open_for_merge = false;
                Ok(true)
            }
            Err(e) => {
                self.done.push(step);
                Err(e)
            }
        }
    }

    /// Redoes the last undone step; false when there was nothing to redo.
    pub fn redo(&mut self, doc: &mut Scorecard) -> Result<bool, CommandError> {
        let Some(step) = self.undone.pop() else {
            return Ok(false);
        };
        match doc.apply(step.redo.clone()) {
            Ok(applied) => {
                self.done.push(Step {
                    redo: step.redo,
                    undo: applied.inverse,
                    key: step.key,
                });
                self.open_for_merge = false;
                Ok(true)
            }
            Err(e) => {
                self.undone.push(step);
                Err(e)
            }
        }
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Forgets every step (when another scorecard is opened).
    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, ObjectiveField, ScorecardField};

    fn blank() -> Scorecard {
        Scorecard::new_blank("sc-1".into(), Lang::En)
    }

    fn mission(text: &str) -> Command {
        Command::SetScorecardField {
            field: ScorecardField::Mission(text.into()),
        }
    }

    #[test]
    fn typing_into_one_field_is_one_step() {
        let mut doc = blank();
        let before = doc.clone();
        let mut h = History::new();
        for text in ["W", "We", "We s", "We serve"] {
            h.apply(&mut doc, mission(text), Some("mission"))
                .expect("apply");
        }
        assert_eq!(doc.mission, "We serve");
        assert!(h.undo(&mut doc).expect("undo"));
        assert_eq!(doc, before);
        assert!(!h.can_undo());
        assert!(h.redo(&mut doc).expect("redo"));
        assert_eq!(doc.mission, "We serve");
    }

    #[test]
    fn a_sealed_field_starts_a_new_step() {
        let mut doc = blank();
        let mut h = History::new();
        h.apply(&mut doc, mission("One"), Some("mission"))
            .expect("apply");
        h.seal();
        h.apply(&mut doc, mission("Two"), Some("mission"))
            .expect("apply");
        h.undo(&mut doc).expect("undo");
        assert_eq!(doc.mission, "One");
    }

    #[test]
    fn undo_and_redo_across_kinds_of_change_restore_each_state() {
        let mut doc = blank();
        let mut h = History::new();
        let mut states = vec![doc.clone()];
        let id = h
            .apply(
                &mut doc,
                Command::AddObjective {
                    title: "Loyalty".into(),
                },
                None,
            )
            .expect("add")
            .expect("an id");
        states.push(doc.clone());
        h.apply(
            &mut doc,
            Command::UpdateObjective {
                id: id.clone(),
                field: ObjectiveField::Owner("Ann".into()),
            },
            Some("owner"),
        )
        .expect("update");
        states.push(doc.clone());
        h.apply(&mut doc, Command::RemoveObjective { id }, None)
            .expect("remove");
        states.push(doc.clone());
        for expected in states.iter().rev().skip(1) {
            assert!(h.undo(&mut doc).expect("undo"));
            assert_eq!(&doc, expected);
        }
        assert!(!h.undo(&mut doc).expect("nothing left"));
        for expected in states.iter().skip(1) {
            assert!(h.redo(&mut doc).expect("redo"));
            assert_eq!(&doc, expected);
        }
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_change_after_undo_drops_the_redo_steps() {
        let mut doc = blank();
        let mut h = History::new();
        h.apply(&mut doc, mission("A"), None).expect("apply");
        h.undo(&mut doc).expect("undo");
        assert!(h.can_redo());
        h.apply(&mut doc, mission("B"), None).expect("apply");
        assert!(!h.can_redo());
    }

    #[test]
    fn a_refused_command_changes_nothing() {
        let mut doc = blank();
        let before = doc.clone();
        let mut h = History::new();
        let err = h.apply(
            &mut doc,
            Command::RemoveObjective {
                id: "obj-404".into(),
            },
            None,
        );
        assert!(err.is_err());
        assert_eq!(doc, before);
        assert!(!h.can_undo());
    }
}
