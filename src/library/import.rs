//! Adding an imported scorecard to the library. An import never replaces a scorecard
//! silently: the same id already in the library is a conflict the user decides.

use crate::model::Scorecard;

use super::catalog::{Library, Planned};
use super::layout::{Entry, card_key};
use super::plan::{Now, StorageWrite};

/// What to do with an imported scorecard, given the one with the same id (if any).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ImportDecision {
    /// No scorecard with this id: add it.
    Add,
    /// The library holds exactly this scorecard already: nothing to do.
    Identical,
    /// A different scorecard with the same id: ask keep both / replace / cancel.
    Conflict,
}

/// Decides what to do with `incoming` given the library's scorecard with the same id. The
/// copy tag does not count: the library's copy has its own (see `model::lineage`).
pub fn decide_import(existing: Option<&Scorecard>, incoming: &Scorecard) -> ImportDecision {
    match existing {
        None => ImportDecision::Add,
        Some(card) if same_but_copy_tag(card, incoming) => ImportDecision::Identical,
        Some(_) => ImportDecision::Conflict,
    }
}

fn same_but_copy_tag(a: &Scorecard, b: &Scorecard) -> bool {
    if a.lineage.copy == b.lineage.copy {
        return a == b;
    }
    let mut b = b.clone();
    b.lineage.copy.clone_from(&a.lineage.copy);
    *a == b
}

/// A scorecard with the same id is already in the library.
#[derive(Clone, PartialEq, Debug)]
pub struct ImportConflict {
    /// The imported scorecard.
    pub incoming: Box<Scorecard>,
    /// The list entry of the one already there.
    pub existing: Entry,
}

/// The result of [`Library::add_imported`].
#[derive(Clone, PartialEq, Debug)]
pub enum AddImport {
    /// Added under its own id (the value).
    Added(Planned<String>),
    /// The library holds exactly this scorecard already (its id).
    Identical(String),
    /// Ask the user ([`Library::resolve_import`]).
    Conflict(ImportConflict),
}

/// The user's answer to an [`ImportConflict`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConflictChoice {
    /// Keep both: the imported one gets a new id.
    KeepBoth,
    /// Replace the one in the library (undoable with [`Library::undo_replace`]).
    Replace,
    /// Do not import.
    Cancel,
}

/// What replacing removed, for undo.
#[derive(Clone, PartialEq, Debug)]
pub struct Replaced {
    /// The scorecard as it was before the import replaced it.
    pub old: Box<Scorecard>,
    /// Its list entry as it was.
    pub old_entry: Entry,
}

/// The result of [`Library::resolve_import`].
#[derive(Clone, PartialEq, Debug)]
pub enum ConflictOutcome {
    /// Added under a new id (the value).
    KeptBoth(Planned<String>),
    /// Replaced; the value is what undo needs.
    Replaced(Planned<Replaced>),
    /// Nothing changed.
    Cancelled,
}

impl Library {
    /// Adds an imported scorecard, or reports that the same id is taken (never replaces).
    /// The open scorecard stays open. An added scorecard gets this library's copy tag
    /// (`now.copy_tag`): a copy from a file makes ids no other copy makes.
    pub fn add_imported(&mut self, mut card: Scorecard, now: &Now) -> AddImport {
        match decide_import(self.cards.get(&card.id), &card) {
            ImportDecision::Add => {
                card.lineage.copy = now.copy_tag.clone();
                let id = card.id.clone();
                let write = self.put(card, &now.timestamp, now);
                AddImport::Added(Planned {
                    value: id,
                    writes: vec![write, self.index_write()],
                })
            }
            ImportDecision::Identical => AddImport::Identical(card.id),
            ImportDecision::Conflict => {
                let existing = self
                    .entries
                    .iter()
                    .find(|e| e.id == card.id)
                    .cloned()
                    .unwrap_or_else(|| entry_of(&card));
                AddImport::Conflict(ImportConflict {
                    incoming: Box::new(card),
                    existing,
                })
            }
        }
    }

    /// Carries out the user's answer to an import conflict; `new_id` is the id to base the
    /// imported copy's id on when keeping both.
    pub fn resolve_import(
        &mut self,
        conflict: ImportConflict,
        choice: ConflictChoice,
        new_id: &str,
        now: &Now,
    ) -> ConflictOutcome {
        match choice {
            ConflictChoice::Cancel => ConflictOutcome::Cancelled,
            ConflictChoice::KeepBoth => {
                let mut card = *conflict.incoming;
                card.id = self.fresh_id(new_id);
                card.lineage.copy = now.copy_tag.clone();
                let id = card.id.clone();
                let write = self.put(card, &now.timestamp, now);
                ConflictOutcome::KeptBoth(Planned {
                    value: id,
                    writes: vec![write, self.index_write()],
                })
            }
            ConflictChoice::Replace => {
                let id = conflict.incoming.id.clone();
                let old = self.cards.get(&id).cloned().map(Box::new);
                let old_entry = self.entries.iter().find(|e| e.id == id).cloned();
                // The replaced scorecard's copy tag stays: this library's copy goes on making
                // its own ids (a returned file may carry another copy's tag).
                let mut incoming = *conflict.incoming;
                incoming.lineage.copy = match &old {
                    Some(old) => old.lineage.copy.clone(),
                    None => now.copy_tag.clone(),
                };
                let write = self.put(incoming, &now.timestamp, now);
                let writes = vec![write, self.index_write()];
                match (old, old_entry) {
                    (Some(old), Some(old_entry)) => ConflictOutcome::Replaced(Planned {
                        value: Replaced { old, old_entry },
                        writes,
                    }),
                    // The old one went meanwhile: this was a plain add.
                    _ => ConflictOutcome::KeptBoth(Planned { value: id, writes }),
                }
            }
        }
    }

    /// Undoes a replace: puts the old scorecard back as it was (same `saved_at`).
    pub fn undo_replace(&mut self, replaced: Replaced, now: &Now) -> Vec<StorageWrite> {
        let status = replaced.old_entry.overall_status;
        let write = self.put(*replaced.old, &replaced.old_entry.changed_at, now);
        if let Some(entry) = self
            .entries
            .iter_mut()
            .find(|e| e.id == replaced.old_entry.id)
        {
            entry.overall_status = status;
        }
        debug_assert_eq!(write.key(), card_key(&replaced.old_entry.id));
        vec![write, self.index_write()]
    }
}

fn entry_of(card: &Scorecard) -> Entry {
    Entry {
        id: card.id.clone(),
        title: card.title.clone(),
        organisation: card.organisation.clone(),
        changed_at: String::new(),
        overall_status: crate::model::Status::Grey,
    }
}
