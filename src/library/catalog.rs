//! The [`Library`]: the scorecards kept in this browser and the operations on them. Each
//! operation changes the library in memory and returns the storage writes it needs.

use std::collections::BTreeMap;

use crate::model::limits::{MAX_ID, MAX_SHORT_TEXT, check_short_text};
use crate::model::{Lang, Scorecard, export_json_compact};

use super::packing::pack;

use super::layout::{
    APP_VERSION, Entry, INDEX_KEY, Index, LAYOUT, card_key, index_text, text_hash,
};
use super::plan::{Now, StorageWrite};

/// Why a library operation could not be done.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
pub enum LibraryError {
    /// No scorecard with this id in the library.
    #[error("There is no scorecard \"{0}\" in this browser's library.")]
    NotFound(String),
    /// No template with this name.
    #[error("There is no template \"{0}\".")]
    UnknownTemplate(String),
    /// The new title cannot be used.
    #[error("The title cannot be used: {0}.")]
    InvalidTitle(String),
    /// A scorecard with this id is already in the library.
    #[error("A scorecard \"{0}\" is already in this browser's library.")]
    AlreadyExists(String),
}

/// The result of an operation together with the writes it needs.
#[derive(Clone, PartialEq, Debug)]
pub struct Planned<T> {
    /// What the operation gives back (e.g. the new scorecard's id).
    pub value: T,
    /// The storage writes to apply, in order.
    pub writes: Vec<StorageWrite>,
}

/// What [`Library::restore`] needs to undo a delete.
#[derive(Clone, PartialEq, Debug)]
pub struct Deleted {
    /// The list entry as it was.
    pub entry: Entry,
    /// The scorecard as it was.
    pub card: Scorecard,
    /// Its place in the list.
    pub position: usize,
    /// Whether it was the open scorecard.
    pub was_open: bool,
}

/// The scorecards kept in this browser, in list order, with the one that is open.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Library {
    pub(super) entries: Vec<Entry>,
    pub(super) cards: BTreeMap<String, Scorecard>,
    pub(super) open: Option<String>,
    /// Hash of the text last written or read per scorecard (see [`super::tabs`]).
    pub(super) stored: BTreeMap<String, u64>,
}

impl Library {
    /// An empty library.
    pub fn new() -> Library {
        Library::default()
    }

    /// The list of scorecards, in list order.
    pub fn list(&self) -> &[Entry] {
        &self.entries
    }

    /// True when there is no scorecard.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The id of the open scorecard.
    pub fn open_id(&self) -> Option<&str> {
        self.open.as_deref()
    }

    /// The open scorecard.
    pub fn open_card(&self) -> Option<&Scorecard> {
        self.open.as_deref().and_then(|id| self.cards.get(id))
    }

    /// The scorecard with this id.
    pub fn card(&self, id: &str) -> Option<&Scorecard> {
        self.cards.get(id)
    }

    /// All scorecards, in list order.
    pub fn cards(&self) -> impl Iterator<Item = &Scorecard> {
        self.entries.iter().filter_map(|e| self.cards.get(&e.id))
    }

    /// The hash of the stored text of this scorecard as this tab last wrote or read it.
    pub fn stored_hash(&self, id: &str) -> Option<u64> {
        self.stored.get(id).copied()
    }

    /// `candidate` if no scorecard has that id yet, otherwise `candidate-2`, `-3`, …
    /// (an empty or over-long candidate becomes `sc`).
    pub fn fresh_id(&self, candidate: &str) -> String {
        let base = if candidate.is_empty() || candidate.chars().count() > MAX_ID - 8 {
            "sc"
        } else {
            candidate
        };
        if !self.cards.contains_key(base) {
            return base.to_string();
        }
        (2u64..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.cards.contains_key(id))
            .unwrap_or_else(|| base.to_string())
    }

    /// The index document as it stands.
    pub fn index(&self) -> Index {
        Index {
            layout: LAYOUT,
            scorecards: self.entries.clone(),
            open: self.open.clone(),
        }
    }

    pub(super) fn index_write(&self) -> StorageWrite {
        StorageWrite::set(INDEX_KEY, index_text(&self.index()))
    }

    /// Puts `card` into memory (list entry refreshed, position kept or appended) and returns
    /// the write of its text.
    pub(super) fn put(&mut self, card: Scorecard, changed_at: &str, now: &Now) -> StorageWrite {
        let text = pack(&export_json_compact(&card, changed_at, APP_VERSION));
        let entry = Entry {
            id: card.id.clone(),
            title: card.title.clone(),
            organisation: card.organisation.clone(),
            changed_at: changed_at.to_string(),
            overall_status: card.evaluate(now.today).overall().status,
        };
        match self.entries.iter_mut().find(|e| e.id == card.id) {
            Some(old) => *old = entry,
            None => self.entries.push(entry),
        }
        self.stored.insert(card.id.clone(), text_hash(&text));
        let key = card_key(&card.id);
        self.cards.insert(card.id.clone(), card);
        StorageWrite::set(key, text)
    }

    /// Saves a scorecard (autosave): its text and the refreshed list. A scorecard not yet in
    /// the library is added.
    pub fn save(&mut self, card: &Scorecard, now: &Now) -> Vec<StorageWrite> {
        let write = self.put(card.clone(), &now.timestamp, now);
        vec![write, self.index_write()]
    }

    /// Creates a scorecard from a template (`blank` or `example`, see
    /// `method::templates::names`) with an id based on `id`, and opens it. The example is
    /// dated relative to `now.today` (`method::example_dates`).
    pub fn create(
        &mut self,
        template: &str,
        id: &str,
        lang: Lang,
        now: &Now,
    ) -> Result<Planned<String>, LibraryError> {
        let id = self.fresh_id(id);
        let card = crate::method::example_dates::by_name_on(template, id.clone(), lang, now.today)
            .ok_or_else(|| LibraryError::UnknownTemplate(template.to_string()))?;
        let write = self.put(card, &now.timestamp, now);
        self.open = Some(id.clone());
        Ok(Planned {
            value: id,
            writes: vec![write, self.index_write()],
        })
    }

    /// Makes the scorecard with this id the open one; returns it.
    pub fn open(&mut self, id: &str) -> Result<Planned<Scorecard>, LibraryError> {
        let card = self
            .cards
            .get(id)
            .cloned()
            .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
        self.open = Some(id.to_string());
        Ok(Planned {
            value: card,
            writes: vec![self.index_write()],
        })
    }

    /// Gives a scorecard a new title (trimmed, at most 200 characters); returns it renamed.
    pub fn rename(
        &mut self,
        id: &str,
        title: &str,
        now: &Now,
    ) -> Result<Planned<Scorecard>, LibraryError> {
        let title = title.trim();
        check_short_text(title).map_err(LibraryError::InvalidTitle)?;
        let mut card = self
            .cards
            .get(id)
            .cloned()
            .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
        card.title = title.to_string();
        let write = self.put(card.clone(), &now.timestamp, now);
        Ok(Planned {
            value: card,
            writes: vec![write, self.index_write()],
        })
    }

    /// Copies a scorecard under an id based on `new_id`, titled "… (copy)" or "… (kopie)"
    /// in the scorecard's language; returns the copy's id. The open scorecard stays open.
    pub fn duplicate(
        &mut self,
        id: &str,
        new_id: &str,
        now: &Now,
    ) -> Result<Planned<String>, LibraryError> {
        let mut card = self
            .cards
            .get(id)
            .cloned()
            .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
        card.id = self.fresh_id(new_id);
        card.title = copy_title(&card.title, card.lang);
        card.lineage.copy = now.copy_tag.clone();
        let copy_id = card.id.clone();
        let write = self.put(card, &now.timestamp, now);
        Ok(Planned {
            value: copy_id,
            writes: vec![write, self.index_write()],
        })
    }

    /// Deletes a scorecard; returns what [`Library::restore`] needs to undo it. When it was
    /// open, the next one in the list (or none) becomes open.
    pub fn delete(&mut self, id: &str) -> Result<Planned<Deleted>, LibraryError> {
        let position = self
            .entries
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
        let entry = self.entries.remove(position);
        let card = self
            .cards
            .remove(id)
            .unwrap_or_else(|| Scorecard::new_blank(id.to_string(), Lang::En));
        self.stored.remove(id);
        let was_open = self.open.as_deref() == Some(id);
        if was_open {
            self.open = self
                .entries
                .get(position)
                .or_else(|| self.entries.last())
                .map(|e| e.id.clone());
        }
        Ok(Planned {
            value: Deleted {
                entry,
                card,
                position,
                was_open,
            },
            writes: vec![self.index_write(), StorageWrite::remove(card_key(id))],
        })
    }

    /// Undoes a delete: puts the scorecard back at its place, as it was (same `saved_at`),
    /// open again if it was open.
    pub fn restore(
        &mut self,
        deleted: Deleted,
        now: &Now,
    ) -> Result<Vec<StorageWrite>, LibraryError> {
        let id = deleted.card.id.clone();
        if self.cards.contains_key(&id) {
            return Err(LibraryError::AlreadyExists(id));
        }
        let write = self.put(deleted.card, &deleted.entry.changed_at, now);
        if let Some(at) = self.entries.iter().position(|e| e.id == id) {
            let mut entry = self.entries.remove(at);
            entry.overall_status = deleted.entry.overall_status;
            let place = deleted.position.min(self.entries.len());
            self.entries.insert(place, entry);
        }
        if deleted.was_open {
            self.open = Some(id);
        }
        Ok(vec![write, self.index_write()])
    }
}

/// "Title (copy)" / "Titel (kopie)", shortened so it stays within the title limit.
pub fn copy_title(title: &str, lang: Lang) -> String {
    let suffix = match lang {
        Lang::En => " (copy)",
        Lang::Nl => " (kopie)",
    };
    let room = MAX_SHORT_TEXT - suffix.chars().count();
    let kept: String = title.chars().take(room).collect();
    format!("{}{suffix}", kept.trim_end())
}
