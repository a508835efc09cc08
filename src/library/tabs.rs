//! Two tabs on the same library: what to do when a `storage` event says another tab changed
//! a key. A tab's copy of a scorecard is "based on" the stored text it last wrote or read
//! (kept as a hash); it has unsaved changes when it was edited since. No silent overwrite:
//! when both sides changed, the user decides.

use crate::model::{Scorecard, import_json};

use super::packing::unpack;

use super::catalog::Library;
use super::export::{ExportFile, export_card_named};
use super::layout::{CARD_PREFIX, INDEX_KEY, card_key, text_hash};
use super::plan::Now;

/// This tab's open scorecard, as the decision needs it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct OpenCopy<'a> {
    /// Its id.
    pub id: &'a str,
    /// Hash of the stored text this tab's copy is based on.
    pub stored_hash: Option<u64>,
    /// True when this tab has changes not yet saved.
    pub unsaved: bool,
}

/// What to do about a change made by another tab.
#[derive(Clone, PartialEq, Debug)]
pub enum TabChange {
    /// Nothing to do (another key, or the same text this tab has).
    Ignore,
    /// The list (index) changed: reload it ([`Library::reload_list`]).
    ListChanged,
    /// This tab has no unsaved changes: show their version ([`Library::adopt_external`]).
    LoadTheirs {
        /// Their scorecard.
        card: Scorecard,
        /// Hash of their stored text.
        hash: u64,
    },
    /// Both tabs changed the open scorecard: ask keep mine / load theirs / download both.
    Conflict(TabConflict),
    /// Another tab deleted the open scorecard; this tab still has it (offer to keep it).
    DeletedElsewhere,
    /// Another tab cleared all storage; this tab still has its scorecards in memory.
    StorageCleared,
    /// Their text cannot be read; keep this tab's copy.
    TheirsUnreadable {
        /// Why, in words.
        reason: String,
    },
}

/// Both this tab and another changed the open scorecard.
#[derive(Clone, PartialEq, Debug)]
pub struct TabConflict {
    /// Their scorecard.
    pub theirs: Scorecard,
    /// Hash of their stored text.
    pub hash: u64,
}

/// The user's answer to a [`TabConflict`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TabChoice {
    /// Keep this tab's version and save it over theirs ([`Library::save`]).
    KeepMine,
    /// Drop this tab's unsaved changes and show theirs ([`Library::adopt_external`]).
    LoadTheirs,
    /// Download both versions as files ([`TabConflict::files`]), then choose again.
    DownloadBoth,
}

impl TabConflict {
    /// Both versions as files: `…-this-tab.scorecard.json` and `…-other-tab.scorecard.json`.
    pub fn files(&self, mine: &Scorecard, now: &Now) -> [ExportFile; 2] {
        [
            export_card_named(mine, now, "-this-tab"),
            export_card_named(&self.theirs, now, "-other-tab"),
        ]
    }
}

/// Decides what to do about a `storage` event (`key` is `None` when the other tab cleared
/// storage) given this tab's open scorecard.
pub fn decide_tab_change(
    open: Option<OpenCopy<'_>>,
    key: Option<&str>,
    new_value: Option<&str>,
) -> TabChange {
    let Some(key) = key else {
        return TabChange::StorageCleared;
    };
    if key == INDEX_KEY {
        return TabChange::ListChanged;
    }
    let Some(open) = open.filter(|o| card_key(o.id) == key) else {
        return if key.starts_with(CARD_PREFIX) {
            TabChange::ListChanged
        } else {
            TabChange::Ignore
        };
    };
    let Some(text) = new_value else {
        return TabChange::DeletedElsewhere;
    };
    let hash = text_hash(text);
    if open.stored_hash == Some(hash) {
        return TabChange::Ignore;
    }
    let file_text = match unpack(text) {
        Ok(file_text) => file_text,
        Err(reason) => return TabChange::TheirsUnreadable { reason },
    };
    match import_json(&file_text) {
        Err(e) => TabChange::TheirsUnreadable {
            reason: e.to_string(),
        },
        Ok(card) if card.id != open.id => TabChange::TheirsUnreadable {
            reason: format!("it holds scorecard \"{}\" instead", card.id),
        },
        Ok(card) if open.unsaved => TabChange::Conflict(TabConflict { theirs: card, hash }),
        Ok(card) => TabChange::LoadTheirs { card, hash },
    }
}

impl Library {
    /// [`decide_tab_change`] for this library's open scorecard; `unsaved` says whether this
    /// tab has changes not yet saved.
    pub fn on_storage_event(
        &self,
        key: Option<&str>,
        new_value: Option<&str>,
        unsaved: bool,
    ) -> TabChange {
        let open = self.open.as_deref().map(|id| OpenCopy {
            id,
            stored_hash: self.stored_hash(id),
            unsaved,
        });
        decide_tab_change(open, key, new_value)
    }

    /// Takes another tab's version of a scorecard as this tab's (no write: it is stored
    /// already). The list entry keeps its place.
    pub fn adopt_external(&mut self, card: Scorecard, hash: u64) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == card.id) {
            entry.title = card.title.clone();
            entry.organisation = card.organisation.clone();
        }
        self.stored.insert(card.id.clone(), hash);
        self.cards.insert(card.id.clone(), card);
    }
}
