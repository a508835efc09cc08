//! Keeping work in this browser: the library loaded at start, autosave, the "saved"
//! indicator's state, other tabs, faults (banners), imports and share links.
//!
//! The decisions are made by the pure [`crate::library`]; the writes are carried out by
//! [`crate::web::storage`]. This module wires them to the app's signals, one concern a file:
//! [`boot`] (start-up), [`autosave`], [`tabs`] (other tabs), [`library_ops`], [`files`]
//! (import and export), [`share_link`]; [`state`] is the app's reactive state. What is kept where, and
//! what happens when something goes wrong, is described in `docs/storage.md`.
//!
//! Autosave is off the typing path: an edit only marks the scorecard unsaved and (re)starts
//! a timer; the scorecard is serialized and written when the timer fires, once editing has
//! paused for [`AUTOSAVE_DELAY`] — during continuous typing at least every
//! [`AUTOSAVE_MAX_WAIT`] — and at once when the page is hidden or left (`visibilitychange`,
//! `pagehide`). So a large scorecard's save (tens of milliseconds, see docs/performance.md)
//! falls in a pause, not between two keystrokes.

pub mod autosave;
pub mod boot;
pub mod files;
pub mod hand_out;
pub mod library_ops;
pub mod merge;
pub mod platform_import;
pub mod preferences;
pub mod share_link;
pub mod state;
pub mod tabs;
pub mod workshop;

use std::time::Duration;

use leptos::prelude::*;

use crate::library::{CorruptEntry, Deleted, ImportConflict, Replaced, TabConflict};
use crate::model::{Lang, Scorecard};
use crate::web::storage::StorageError;

pub use boot::{Boot, boot};
use state::AppState;

/// How long editing must pause before the autosave writes.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);
/// The longest an edit waits for the autosave while editing goes on without a pause.
pub const AUTOSAVE_MAX_WAIT: Duration = Duration::from_secs(5);

/// What the "saved" indicator says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored in this browser.
    Saved,
    /// An edit is waiting for the autosave (at most [`AUTOSAVE_MAX_WAIT`]).
    Unsaved,
    /// The browser refused the last save (full, or another error); see the banner.
    Failed,
    /// Saving waits for the user's choice (another tab changed or deleted this scorecard).
    Paused,
    /// Storage cannot be used: work is kept in this tab only.
    Memory,
    /// A shared scorecard is shown read-only.
    ReadOnly,
}

impl SaveState {
    /// The `data-state` value, for styling and tests.
    pub fn key(self) -> &'static str {
        match self {
            SaveState::Saved => "saved",
            SaveState::Unsaved => "unsaved",
            SaveState::Failed => "failed",
            SaveState::Paused => "paused",
            SaveState::Memory => "memory",
            SaveState::ReadOnly => "read-only",
        }
    }
}

/// Whether the browser's storage can be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageHealth {
    /// Usable.
    Usable,
    /// Blocked, missing or refusing (SecurityError): work in memory.
    Unavailable,
    /// Written by a newer version of the app (its layout): read nothing, write nothing.
    NewerLayout(u64),
}

/// A message about a file or a link, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The first line, e.g. "Could not open report.json".
    pub title: String,
    /// The details (may hold several lines).
    pub body: String,
    /// True for a refusal.
    pub is_error: bool,
    /// A short word for tests and styling, e.g. `not-json`.
    pub kind: &'static str,
}

/// A library operation the notice can undo.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryUndo {
    /// A scorecard was deleted.
    Restore(Box<Deleted>),
    /// An import replaced a scorecard.
    Replace(Replaced),
}

/// A short message about a library operation, with Undo when `undo` is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryNotice {
    /// The text.
    pub text: String,
    /// Offer Undo.
    pub undo: bool,
}

/// What the share dialog shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The link (a whole address).
    Link(String),
    /// Why no link can be made (too large: use the file).
    Refused(String),
}

/// The persistence state of the running app, provided as context by [`crate::ui::App`].
/// Components that need it use [`Persistence::get`] and show nothing without it (tests
/// mount the app around a scorecard of their own, without storage).
#[derive(Clone, Copy)]
pub struct Persistence {
    /// The app's state.
    pub state: AppState,
    /// Whether storage can be used.
    pub health: RwSignal<StorageHealth>,
    /// Saved / unsaved / failed / paused (without read-only and memory, see [`Self::indicator`]).
    pub save_state: RwSignal<SaveState>,
    /// The browser's refusal of the last write, while it lasts.
    pub save_error: RwSignal<Option<StorageError>>,
    /// Stored entries that could not be read at start, kept aside.
    pub corrupt: RwSignal<Vec<CorruptEntry>>,
    /// Another tab changed the open scorecard while this tab had unsaved changes.
    pub tab_conflict: RwSignal<Option<TabConflict>>,
    /// The two-tab dialog is shown (it can be put off with Escape).
    pub tab_dialog_open: RwSignal<bool>,
    /// Another tab deleted the open scorecard.
    pub deleted_elsewhere: RwSignal<bool>,
    /// An import found a different scorecard with the same id: ask.
    pub import_conflict: RwSignal<Option<ImportConflict>>,
    /// A message about a file or a link.
    pub message: RwSignal<Option<Message>>,
    /// The latest library operation's message.
    pub library_notice: RwSignal<Option<LibraryNotice>>,
    /// The share dialog's content, while it is open.
    pub share_dialog: RwSignal<Option<ShareOutcome>>,
    undo: StoredValue<Option<LibraryUndo>>,
    dirty: StoredValue<bool>,
    skip: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When (`Date.now()`, ms) the oldest unsaved edit was made.
    unsaved_since: StoredValue<Option<f64>>,
    queue: StoredValue<Vec<Scorecard>>,
}

impl Persistence {
    /// The persistence state, when the app has one.
    pub fn get() -> Option<Persistence> {
        use_context::<Persistence>()
    }

    /// Sets up persistence for `state` from what [`boot`] read: autosave, the page-hide
    /// flush, other tabs, share links. Call once, inside the app's owner.
    pub fn install(state: AppState, boot: Boot) -> Persistence {
        state.library.set(boot.library);
        let p = Persistence {
            state,
            health: RwSignal::new(boot.health),
            save_state: RwSignal::new(if boot.save_error.is_some() {
                SaveState::Failed
            } else {
                SaveState::Saved
            }),
            save_error: RwSignal::new(boot.save_error),
            corrupt: RwSignal::new(boot.corrupt),
            tab_conflict: RwSignal::new(None),
            tab_dialog_open: RwSignal::new(false),
            deleted_elsewhere: RwSignal::new(false),
            import_conflict: RwSignal::new(None),
            message: RwSignal::new(None),
            library_notice: RwSignal::new(None),
            share_dialog: RwSignal::new(None),
            undo: StoredValue::new(None),
            dirty: StoredValue::new(false),
            skip: StoredValue::new(false),
            timer: StoredValue::new(None),
            unsaved_since: StoredValue::new(None),
            queue: StoredValue::new(Vec::new()),
        };
        match boot.shared {
            Some(Ok(_)) => state.read_only.set(true),
            Some(Err(e)) => p.share_error(&e),
            None => {}
        }
        p.install_autosave();
        p.install_page_hide();
        p.install_tab_listener();
        p.install_preferences();
        p
    }

    pub(super) fn lang(&self) -> Lang {
        self.state.lang.get_untracked()
    }

    pub(super) fn usable(&self) -> bool {
        self.health.get_untracked() == StorageHealth::Usable
    }

    /// What the "saved" indicator shows now (reactive).
    pub fn indicator(&self) -> SaveState {
        if self.state.read_only.get() {
            return SaveState::ReadOnly;
        }
        match self.health.get() {
            StorageHealth::Usable => self.save_state.get(),
            _ => SaveState::Memory,
        }
    }

    /// True while saving waits for the user (two tabs, or deleted in another tab).
    pub(super) fn paused(&self) -> bool {
        self.tab_conflict.with_untracked(Option::is_some) || self.deleted_elsewhere.get_untracked()
    }
}
