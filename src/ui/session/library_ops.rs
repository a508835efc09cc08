//! The library's operations on the scorecards kept in this browser: open, create, rename,
//! duplicate, delete, and Undo of a delete or a replacing import.

use leptos::prelude::*;

use crate::i18n::messages::untitled;
use crate::i18n::tr;
use crate::web::browser;

use super::{LibraryNotice, LibraryUndo, Persistence};

impl Persistence {
    /// Opens the scorecard with this id (saving the open one first); leaves a shared view.
    pub fn open(&self, id: &str) {
        if self.paused() {
            self.keep_copy_aside();
            self.tab_conflict.set(None);
            self.tab_dialog_open.set(false);
            self.deleted_elsewhere.set(false);
        } else {
            self.flush();
        }
        match self.state.library.try_update(|l| l.open(id)) {
            Some(Ok(planned)) => {
                self.apply(&planned.writes);
                self.state.read_only.set(false);
                self.show(planned.value, false);
            }
            _ => self.state.report(tr(
                self.lang(),
                "That scorecard is no longer in the library.",
                "Die scorecard staat niet meer in de bibliotheek.",
            )),
        }
    }

    /// Opens the library's open scorecard, or a new blank one when the library is empty.
    pub(super) fn open_next(&self) {
        let next = self
            .state
            .library
            .with_untracked(|l| l.open_id().map(str::to_string));
        match next {
            Some(id) => self.open(&id),
            None => {
                self.create("blank");
            }
        }
    }

    /// Creates a scorecard from a template (`blank`, `example`) in the interface language
    /// and opens it; returns its id.
    pub fn create(&self, template: &str) -> Option<String> {
        self.flush();
        let now = browser::now();
        let lang = self.lang();
        let id = browser::random_scorecard_id();
        match self
            .state
            .library
            .try_update(|l| l.create(template, &id, lang, &now))
        {
            Some(Ok(planned)) => {
                self.apply(&planned.writes);
                self.open(&planned.value);
                Some(planned.value)
            }
            Some(Err(e)) => {
                self.state.report(e.to_string());
                None
            }
            None => None,
        }
    }

    /// Gives a scorecard a new title; the refusal in words when the title cannot be used.
    pub fn rename(&self, id: &str, title: &str) -> Result<(), String> {
        self.flush();
        let now = browser::now();
        match self.state.library.try_update(|l| l.rename(id, title, &now)) {
            Some(Ok(planned)) => {
                self.apply(&planned.writes);
                if self.state.doc.with_untracked(|d| d.id == id) && !self.dirty.get_value() {
                    let renamed = planned.value.title;
                    self.skip.set_value(true);
                    self.state.update_doc(|d| d.title = renamed);
                }
                Ok(())
            }
            Some(Err(e)) => Err(e.to_string()),
            None => Err(String::new()),
        }
    }

    /// Copies a scorecard; returns the copy's id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        self.flush();
        let now = browser::now();
        let new_id = browser::random_scorecard_id();
        match self
            .state
            .library
            .try_update(|l| l.duplicate(id, &new_id, &now))
        {
            Some(Ok(planned)) => {
                self.apply(&planned.writes);
                Some(planned.value)
            }
            _ => None,
        }
    }

    /// Deletes a scorecard; Undo in the library notice puts it back.
    pub fn delete(&self, id: &str) {
        self.flush();
        let Some(Ok(planned)) = self.state.library.try_update(|l| l.delete(id)) else {
            return;
        };
        self.apply(&planned.writes);
        let deleted = planned.value;
        let title = deleted.card.title.clone();
        let was_open = deleted.was_open;
        self.undo
            .set_value(Some(LibraryUndo::Restore(Box::new(deleted))));
        if was_open {
            self.dirty.set_value(false);
            self.open_next();
        }
        let name = if title.trim().is_empty() {
            untitled(self.lang()).to_string()
        } else {
            title
        };
        self.library_notice.set(Some(LibraryNotice {
            text: format!("{} “{name}”.", tr(self.lang(), "Deleted", "Verwijderd:")),
            undo: true,
        }));
    }

    /// Undoes the last library operation the notice offers to undo.
    pub fn undo_library(&self) {
        let Some(undo) = self.undo.try_update_value(Option::take).flatten() else {
            return;
        };
        self.library_notice.set(None);
        let now = browser::now();
        match undo {
            LibraryUndo::Restore(deleted) => {
                let id = deleted.card.id.clone();
                let was_open = deleted.was_open;
                self.flush();
                match self.state.library.try_update(|l| l.restore(*deleted, &now)) {
                    Some(Ok(writes)) => {
                        self.apply(&writes);
                        if was_open {
                            self.open(&id);
                        }
                    }
                    _ => self.state.report(tr(
                        self.lang(),
                        "The scorecard could not be put back: one with the same id is in the library.",
                        "De scorecard kon niet worden teruggezet: er staat er al een met hetzelfde id in de bibliotheek.",
                    )),
                }
            }
            LibraryUndo::Replace(replaced) => {
                let id = replaced.old_entry.id.clone();
                self.flush();
                let writes = self
                    .state
                    .library
                    .try_update(|l| l.undo_replace(replaced, &now))
                    .unwrap_or_default();
                self.apply(&writes);
                if self.state.doc.with_untracked(|d| d.id == id) {
                    self.open(&id);
                }
            }
        }
    }
}
