//! Loading the library at start from the raw stored texts. Nothing that fails to read is
//! dropped: it is reported and its raw text moved aside under a backup key, never overwritten.

use std::collections::BTreeSet;

use crate::model::{Status, import_file};

use super::catalog::Library;
use super::layout::{
    Entry, INDEX_KEY, IndexError, LAYOUT, LEGACY_CURRENT_KEY, backup_key, card_id_of_key, card_key,
    parse_index, text_hash,
};
use super::packing::{is_packed, pack, unpack};
use super::plan::StorageWrite;

/// A stored entry that could not be read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CorruptEntry {
    /// The key it was stored under.
    pub key: String,
    /// What is wrong, in words (the model's import message for a scorecard).
    pub reason: String,
    /// Where its raw text is kept now; `None` when there was nothing to keep (a listed
    /// scorecard whose key is missing).
    pub backup_key: Option<String>,
}

/// What loading found, and the writes that tidy storage up (backups, index rebuilt).
#[derive(Clone, PartialEq, Debug)]
pub struct LoadOutcome {
    /// The library as read.
    pub library: Library,
    /// Entries that could not be read; tell the user, offer the backups for download.
    pub corrupt: Vec<CorruptEntry>,
    /// The writes to apply: backups first, then the removal of what was moved aside and the
    /// rewritten index.
    pub writes: Vec<StorageWrite>,
    /// The layout the index had, when it was migrated to [`LAYOUT`].
    pub migrated_from: Option<u64>,
    /// Set when storage was written by a newer version of the app (its layout number):
    /// nothing was read and nothing may be written; work in memory and ask to update.
    pub newer_layout: Option<u64>,
}

impl Library {
    /// Loads the library from raw stored texts (`raw(key)`), finding scorecards through the
    /// index only. Use [`Library::load_from`] with the stored keys to also recover
    /// scorecards the index does not list.
    pub fn load(raw: &dyn Fn(&str) -> Option<String>) -> LoadOutcome {
        Library::load_from(raw, &[])
    }

    /// Loads the library from raw stored texts; `keys` (all stored keys) lets it recover
    /// scorecards that the index does not list, e.g. after the index was damaged.
    pub fn load_from(raw: &dyn Fn(&str) -> Option<String>, keys: &[String]) -> LoadOutcome {
        let mut loader = Loader {
            raw,
            library: Library::new(),
            corrupt: Vec::new(),
            copies: Vec::new(),
            removals: Vec::new(),
            taken: BTreeSet::new(),
            rewrite_index: false,
        };
        let mut listed: Vec<Entry> = Vec::new();
        let mut open = None;
        let mut migrated_from = None;
        let index_text = raw(INDEX_KEY);
        match index_text.as_deref().map(parse_index) {
            None => {}
            Some(Ok((index, layout))) => {
                if layout != LAYOUT {
                    migrated_from = Some(layout);
                    loader.rewrite_index = true;
                }
                listed = index.scorecards;
                open = index.open;
            }
            Some(Err(IndexError::NewerLayout(layout))) => {
                return LoadOutcome {
                    library: Library::new(),
                    corrupt: Vec::new(),
                    writes: Vec::new(),
                    migrated_from: None,
                    newer_layout: Some(layout),
                };
            }
            Some(Err(IndexError::Corrupt(reason))) => {
                let text = index_text.as_deref().unwrap_or_default();
                loader.move_aside(INDEX_KEY, text, reason, false);
                loader.rewrite_index = true;
            }
        }
        let mut orphans: Vec<&str> = keys
            .iter()
            .filter_map(|k| card_id_of_key(k))
            .filter(|id| !listed.iter().any(|e| e.id == *id))
            .collect();
        orphans.sort_unstable();
        orphans.dedup();
        for entry in &listed {
            loader.card(&entry.id, Some(entry));
        }
        for id in orphans {
            loader.rewrite_index = true;
            loader.card(id, None);
        }
        if index_text.is_none() {
            loader.legacy();
        }
        let mut library = loader.library;
        library.open = open
            .filter(|id| library.cards.contains_key(id))
            .or_else(|| library.entries.first().map(|e| e.id.clone()));
        let mut writes = loader.copies;
        writes.extend(loader.removals);
        if loader.rewrite_index {
            writes.push(library.index_write());
        }
        LoadOutcome {
            library,
            corrupt: loader.corrupt,
            writes,
            migrated_from,
            newer_layout: None,
        }
    }
}

struct Loader<'a> {
    raw: &'a dyn Fn(&str) -> Option<String>,
    library: Library,
    corrupt: Vec<CorruptEntry>,
    /// Backups and adopted copies, written before anything is removed.
    copies: Vec<StorageWrite>,
    removals: Vec<StorageWrite>,
    taken: BTreeSet<String>,
    rewrite_index: bool,
}

impl Loader<'_> {
    /// Reads the scorecard stored for `id`; `listed` is its index entry, if any.
    fn card(&mut self, id: &str, listed: Option<&Entry>) {
        let key = card_key(id);
        let Some(text) = (self.raw)(&key) else {
            self.rewrite_index = true;
            self.corrupt.push(CorruptEntry {
                key,
                reason: "the scorecard listed in the index is missing from storage".to_string(),
                backup_key: None,
            });
            return;
        };
        let file_text = match unpack(&text) {
            Ok(file_text) => file_text,
            Err(reason) => {
                self.move_aside(&key, &text, reason, true);
                return;
            }
        };
        match import_file(&file_text) {
            Ok(file) if file.scorecard.id == id => {
                let card = file.scorecard;
                // Stored plain (layout 1): packed now, in the same start-up plan.
                let stored = if is_packed(&text) {
                    text.clone()
                } else {
                    let packed = pack(&file_text);
                    self.copies
                        .push(StorageWrite::set(key.clone(), packed.clone()));
                    packed
                };
                let (changed_at, overall_status) = match listed {
                    Some(e) => (e.changed_at.clone(), e.overall_status),
                    None => (file.saved_at, Status::Grey),
                };
                self.library.entries.push(Entry {
                    id: card.id.clone(),
                    title: card.title.clone(),
                    organisation: card.organisation.clone(),
                    changed_at,
                    overall_status,
                });
                self.library
                    .stored
                    .insert(card.id.clone(), text_hash(&stored));
                self.library.cards.insert(card.id.clone(), card);
            }
            Ok(file) => {
                let reason = format!(
                    "the key is for scorecard \"{id}\" but holds scorecard \"{}\"",
                    file.scorecard.id
                );
                self.move_aside(&key, &text, reason, true);
            }
            Err(e) => self.move_aside(&key, &text, e.to_string(), true),
        }
    }

    /// Adopts the single scorecard kept before the library existed (left where it is).
    fn legacy(&mut self) {
        let Some(text) = (self.raw)(LEGACY_CURRENT_KEY) else {
            return;
        };
        // Written into the index from now on, so it is looked at only once.
        self.rewrite_index = true;
        match import_file(&text) {
            Ok(file) if !self.library.cards.contains_key(&file.scorecard.id) => {
                let card = file.scorecard;
                let key = card_key(&card.id);
                self.library.entries.push(Entry {
                    id: card.id.clone(),
                    title: card.title.clone(),
                    organisation: card.organisation.clone(),
                    changed_at: file.saved_at,
                    overall_status: Status::Grey,
                });
                let packed = pack(&text);
                self.library
                    .stored
                    .insert(card.id.clone(), text_hash(&packed));
                self.library.cards.insert(card.id.clone(), card);
                self.copies.push(StorageWrite::set(key, packed));
            }
            Ok(_) => {}
            Err(e) => self.move_aside(LEGACY_CURRENT_KEY, &text, e.to_string(), false),
        }
    }

    /// Copies `text` to the first free backup key of `key`, reports it, and removes the
    /// original when `remove` is set.
    fn move_aside(&mut self, key: &str, text: &str, reason: String, remove: bool) {
        let backup = (1u32..)
            .map(|n| backup_key(key, n))
            .find(|b| !self.taken.contains(b) && (self.raw)(b).is_none())
            .unwrap_or_else(|| backup_key(key, u32::MAX));
        self.taken.insert(backup.clone());
        // The index must no longer list what was moved aside.
        self.rewrite_index = true;
        self.copies.push(StorageWrite::set(backup.clone(), text));
        if remove {
            self.removals.push(StorageWrite::remove(key));
        }
        self.corrupt.push(CorruptEntry {
            key: key.to_string(),
            reason,
            backup_key: Some(backup),
        });
    }
}

/// What [`Library::reload_list`] found besides the list.
#[derive(Clone, PartialEq, Debug)]
pub struct Reloaded {
    /// Entries that could not be read.
    pub corrupt: Vec<CorruptEntry>,
    /// The writes to apply (backups, index).
    pub writes: Vec<StorageWrite>,
    /// Set when another tab's newer app wrote a newer layout; the library was left as it was.
    pub newer_layout: Option<u64>,
}

impl Library {
    /// Reloads the list after another tab changed it, keeping this tab's open scorecard as
    /// this tab has it (unsaved changes included; its own events decide about it). An open
    /// scorecard deleted elsewhere stays in memory, listed, until the user decides.
    pub fn reload_list(
        &mut self,
        raw: &dyn Fn(&str) -> Option<String>,
        keys: &[String],
    ) -> Reloaded {
        let outcome = Library::load_from(raw, keys);
        if outcome.newer_layout.is_some() {
            return Reloaded {
                corrupt: outcome.corrupt,
                writes: outcome.writes,
                newer_layout: outcome.newer_layout,
            };
        }
        let mut fresh = outcome.library;
        if let Some(id) = self.open.clone() {
            if let Some(card) = self.cards.get(&id).cloned() {
                if !fresh.entries.iter().any(|e| e.id == id)
                    && let Some(entry) = self.entries.iter().find(|e| e.id == id)
                {
                    fresh.entries.push(entry.clone());
                }
                match self.stored.get(&id) {
                    Some(hash) => fresh.stored.insert(id.clone(), *hash),
                    None => fresh.stored.remove(&id),
                };
                fresh.cards.insert(id.clone(), card);
            }
            fresh.open = Some(id);
        }
        *self = fresh;
        Reloaded {
            corrupt: outcome.corrupt,
            writes: outcome.writes,
            newer_layout: None,
        }
    }
}
