//! Keeping work in this browser: the library loaded at start, autosave, the "saved"
//! indicator's state, other tabs, faults (banners), imports and share links.
//!
//! The decisions are made by the pure [`crate::library`]; the writes are carried out by
//! [`crate::web::storage`]. This module wires them to the app's signals. What is kept where, and
//! what happens when something goes wrong, is described in `docs/storage.md`.
//!
//! Autosave is off the typing path: an edit only marks the scorecard unsaved and (re)starts
//! a timer; the scorecard is serialized and written when the timer fires, once editing has
//! paused for [`AUTOSAVE_DELAY`] — during continuous typing at least every
//! [`AUTOSAVE_MAX_WAIT`] — and at once when the page is hidden or left (`visibilitychange`,
//! `pagehide`). So a large scorecard's save (tens of milliseconds, see docs/performance.md)
//! falls in a pause, not between two keystrokes.

pub mod state;

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::exchange::share::{self, SHARE_PREFIX, ShareError};
use crate::i18n::tr;
use crate::library::layout::{backup_key, card_key};
use crate::library::{
    APP_VERSION, AddImport, ConflictChoice, ConflictOutcome, CorruptEntry, Deleted, ImportConflict,
    ImportedText, Library, Replaced, StorageWrite, TabChange, TabChoice, TabConflict,
};
use crate::model::{ImportError, Lang, Scorecard, export_json_compact};
use crate::ui::session::state::AppState;
use crate::web::browser;
use crate::web::storage::{self, StorageError};

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

/// What was read at start.
pub struct Boot {
    /// The library as loaded.
    pub library: Library,
    /// The scorecard to show first.
    pub doc: Scorecard,
    /// Whether storage can be used.
    pub health: StorageHealth,
    /// Entries that could not be read (kept aside).
    pub corrupt: Vec<CorruptEntry>,
    /// Set when the start-up writes failed.
    pub save_error: Option<StorageError>,
    /// The share link the page was opened with, read.
    pub shared: Option<Result<Scorecard, ShareError>>,
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

/// Reads the library (or learns that storage is unusable) and picks the first scorecard:
/// the shared one from a `#share=` link, else the one open last, else a new blank one.
pub fn boot(lang: Lang) -> Boot {
    let mut save_error = None;
    let loaded = crate::web::perf_marks::measure("load-library", storage::load_library);
    let (mut library, mut health, corrupt) = match loaded {
        Err(_) => (Library::new(), StorageHealth::Unavailable, Vec::new()),
        Ok(outcome) => match outcome.newer_layout {
            Some(layout) => (
                Library::new(),
                StorageHealth::NewerLayout(layout),
                Vec::new(),
            ),
            None => {
                if let Err(e) = storage::apply(&outcome.writes) {
                    save_error = Some(e.error);
                }
                (outcome.library, StorageHealth::Usable, outcome.corrupt)
            }
        },
    };
    if save_error == Some(StorageError::Unavailable) {
        health = StorageHealth::Unavailable;
        save_error = None;
    }
    let shared = share_fragment().map(|hash| share::decode_share_fragment(&hash));
    let doc = match &shared {
        Some(Ok(card)) => card.clone(),
        _ => open_or_create(&mut library, lang, health, &mut save_error),
    };
    Boot {
        library,
        doc,
        health,
        corrupt,
        save_error,
        shared,
    }
}

/// The open scorecard of `library`, or a new blank one (stored when storage is usable).
fn open_or_create(
    library: &mut Library,
    lang: Lang,
    health: StorageHealth,
    save_error: &mut Option<StorageError>,
) -> Scorecard {
    if let Some(card) = library.open_card() {
        return card.clone();
    }
    let now = browser::now();
    let id = browser::random_scorecard_id();
    match library.create("blank", &id, lang, &now) {
        Ok(planned) => {
            if health == StorageHealth::Usable
                && let Err(e) = storage::apply(&planned.writes)
            {
                *save_error = Some(e.error);
            }
            library
                .card(&planned.value)
                .cloned()
                .unwrap_or_else(|| Scorecard::new_blank(planned.value, lang))
        }
        Err(_) => Scorecard::new_blank(id, lang),
    }
}

/// The page's `#share=…` fragment, if it has one.
fn share_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.starts_with(SHARE_PREFIX).then_some(hash)
}

/// Sets the URL fragment (the view follows through `hashchange`).
pub fn set_fragment(fragment: &str) {
    let _ = window().location().set_hash(fragment);
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
        p.install_listeners();
        p
    }

    fn lang(&self) -> Lang {
        self.state.lang.get_untracked()
    }

    fn usable(&self) -> bool {
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
    fn paused(&self) -> bool {
        self.tab_conflict.with_untracked(Option::is_some) || self.deleted_elsewhere.get_untracked()
    }

    // ---- autosave ------------------------------------------------------------------------

    fn install_autosave(self) {
        let doc = self.state.doc;
        Effect::new(move |previous: Option<()>| {
            doc.track();
            if previous.is_some() {
                self.on_doc_changed();
            }
        });
    }

    /// An edit (or a replaced document, which `skip` marks): mark unsaved, start the timer.
    fn on_doc_changed(&self) {
        if self.skip.get_value() {
            self.skip.set_value(false);
            return;
        }
        if self.state.read_only.get_untracked() {
            return;
        }
        self.dirty.set_value(true);
        if self.save_state.get_untracked() == SaveState::Saved {
            self.save_state.set(SaveState::Unsaved);
        }
        if !self.paused() {
            self.schedule();
        }
    }

    /// (Re)starts the autosave timer: [`AUTOSAVE_DELAY`] from now, but never later than
    /// [`AUTOSAVE_MAX_WAIT`] after the oldest unsaved edit.
    fn schedule(&self) {
        let now = js_sys::Date::now();
        let since = self.unsaved_since.get_value().unwrap_or(now);
        self.unsaved_since.set_value(Some(since));
        let left = (AUTOSAVE_MAX_WAIT.as_secs_f64() * 1000.0 - (now - since)).max(0.0);
        let delay = Duration::from_millis(left.min(AUTOSAVE_DELAY.as_millis() as f64) as u64);
        if let Some(handle) = self.timer.get_value() {
            if left <= AUTOSAVE_DELAY.as_millis() as f64 {
                // Already due by the longest wait: keep the timer that is running.
                return;
            }
            handle.clear();
        }
        let p = *self;
        let handle = set_timeout_with_handle(
            move || {
                p.timer.set_value(None);
                p.flush();
            },
            delay,
        )
        .ok();
        self.timer.set_value(handle);
    }

    fn clear_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        self.unsaved_since.set_value(None);
    }

    /// Replaces the open document without marking it unsaved.
    fn show(&self, card: Scorecard, keep_selection: bool) {
        self.clear_timer();
        self.dirty.set_value(false);
        self.skip.set_value(true);
        if keep_selection {
            self.state.load_doc(card);
        } else {
            self.state.replace_doc(card);
        }
        if self.save_state.get_untracked() != SaveState::Failed {
            self.save_state.set(SaveState::Saved);
        }
    }

    /// Saves the open scorecard now if it has unsaved changes (into the library in memory,
    /// and into storage when it can be used). Not while saving is paused or read-only.
    pub fn flush(&self) {
        self.clear_timer();
        if !self.dirty.get_value() || self.state.read_only.get_untracked() || self.paused() {
            return;
        }
        let now = browser::now();
        let doc = self.state.doc;
        let plan = crate::web::perf_marks::measure("autosave-plan", || {
            self.state
                .library
                .try_update(|lib| doc.with_untracked(|d| lib.save(d, &now)))
                .unwrap_or_default()
        });
        if !self.usable() {
            // Kept in the library in memory; the banner says it is not stored.
            self.dirty.set_value(false);
            return;
        }
        if crate::web::perf_marks::measure("autosave-write", || self.apply(&plan)) {
            self.dirty.set_value(false);
            self.save_state.set(SaveState::Saved);
        }
    }

    /// Applies a plan when storage is usable; a refusal shows its banner. True when stored.
    fn apply(&self, plan: &[StorageWrite]) -> bool {
        if !self.usable() {
            return false;
        }
        match storage::apply(plan) {
            Ok(()) => {
                if self.save_error.with_untracked(Option::is_some) {
                    self.save_error.set(None);
                }
                true
            }
            Err(e) => {
                if e.error == StorageError::Unavailable {
                    self.health.set(StorageHealth::Unavailable);
                } else {
                    self.save_error.set(Some(e.error));
                    self.save_state.set(SaveState::Failed);
                }
                false
            }
        }
    }

    /// Keeps this tab's version of the open scorecard under a backup key (never
    /// overwritten), when it cannot be saved normally (waiting for a choice) and the page
    /// goes away or another scorecard is opened.
    fn keep_copy_aside(&self) {
        if !self.dirty.get_value() || !self.usable() {
            return;
        }
        let text = self
            .state
            .doc
            .with_untracked(|d| export_json_compact(d, &browser::now_iso(), APP_VERSION));
        let id = self.state.doc.with_untracked(|d| d.id.clone());
        let _ = keep_aside(&card_key(&id), &text);
        self.dirty.set_value(false);
    }

    // ---- listeners -----------------------------------------------------------------------

    fn install_listeners(self) {
        let p = self;
        let hide = window_event_listener(leptos::ev::pagehide, move |_| p.leave());
        on_cleanup(move || hide.remove());
        let visibility = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                p.leave();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            visibility.as_ref().unchecked_ref(),
        );
        let visibility = StoredValue::new_local(Some(visibility));
        let tabs = StoredValue::new_local(storage::on_storage_change(move |change| {
            p.on_storage_change(change.key.as_deref(), change.new_value.as_deref());
        }));
        let hash = window_event_listener(leptos::ev::hashchange, move |_| {
            if let Some(fragment) = share_fragment() {
                p.open_shared(&fragment);
            }
        });
        on_cleanup(move || {
            hash.remove();
            visibility.update_value(|v| {
                if let Some(v) = v.take() {
                    let _ = document().remove_event_listener_with_callback(
                        "visibilitychange",
                        v.as_ref().unchecked_ref(),
                    );
                }
            });
            tabs.update_value(|t| drop(t.take()));
        });
    }

    /// The page is hidden or left: save now; when saving waits for a choice, keep a copy.
    fn leave(&self) {
        if self.paused() {
            self.keep_copy_aside();
        } else {
            self.flush();
        }
    }

    /// Another tab changed `key` (`None`: cleared everything).
    fn on_storage_change(&self, key: Option<&str>, new_value: Option<&str>) {
        if !self.usable() {
            return;
        }
        let unsaved = self.dirty.get_value();
        let change = self
            .state
            .library
            .with_untracked(|l| l.on_storage_event(key, new_value, unsaved));
        let lang = self.lang();
        match change {
            TabChange::Ignore => {}
            TabChange::ListChanged => self.reload_list(),
            TabChange::LoadTheirs { card, hash } => {
                self.state
                    .library
                    .update(|l| l.adopt_external(card.clone(), hash));
                if !self.state.read_only.get_untracked() {
                    self.show(card, true);
                }
            }
            TabChange::Conflict(conflict) => {
                self.clear_timer();
                self.tab_conflict.set(Some(conflict));
                self.tab_dialog_open.set(true);
                self.save_state.set(SaveState::Paused);
            }
            TabChange::DeletedElsewhere => {
                if !self.state.read_only.get_untracked() {
                    self.clear_timer();
                    self.deleted_elsewhere.set(true);
                    self.save_state.set(SaveState::Paused);
                }
            }
            TabChange::StorageCleared => {
                self.reload_list();
                self.library_notice.set(Some(LibraryNotice {
                    text: tr(
                        lang,
                        "Another tab cleared this browser's storage. Your open scorecard is still here and is saved again with your next change; export anything else you want to keep.",
                        "Een ander tabblad heeft de opslag van deze browser gewist. Je open scorecard staat er nog en wordt bij je volgende wijziging weer bewaard; exporteer wat je verder wilt houden.",
                    )
                    .to_string(),
                    undo: false,
                }));
            }
            TabChange::TheirsUnreadable { reason } => {
                if let (Some(key), Some(text)) = (key, new_value) {
                    let _ = keep_aside(key, text);
                }
                self.state.report(format!(
                    "{} {reason}",
                    tr(
                        lang,
                        "Another tab stored a version of this scorecard that this app cannot read; it is kept aside and your version stays open:",
                        "Een ander tabblad bewaarde een versie van deze scorecard die deze app niet kan lezen; die is apart bewaard en jouw versie blijft open:",
                    )
                ));
            }
        }
    }

    fn reload_list(&self) {
        let raw = |key: &str| storage::load_raw(key).ok().flatten();
        let keys = storage::app_keys().unwrap_or_default();
        let Some(reloaded) = self
            .state
            .library
            .try_update(|l| l.reload_list(&raw, &keys))
        else {
            return;
        };
        if let Some(layout) = reloaded.newer_layout {
            self.health.set(StorageHealth::NewerLayout(layout));
            return;
        }
        self.apply(&reloaded.writes);
        if !reloaded.corrupt.is_empty() {
            self.corrupt.update(|c| c.extend(reloaded.corrupt));
        }
    }

    /// The user's answer to the two-tab question.
    pub fn resolve_tab(&self, choice: TabChoice) {
        let Some(conflict) = self.tab_conflict.get_untracked() else {
            return;
        };
        match choice {
            TabChoice::DownloadBoth => {
                let files = self
                    .state
                    .doc
                    .with_untracked(|d| conflict.files(d, &browser::now()));
                for file in files {
                    crate::ui::app::file_io::download(&file.name, &file.text);
                }
            }
            TabChoice::KeepMine => {
                self.tab_conflict.set(None);
                self.tab_dialog_open.set(false);
                self.save_state.set(SaveState::Unsaved);
                self.dirty.set_value(true);
                self.flush();
            }
            TabChoice::LoadTheirs => {
                self.tab_conflict.set(None);
                self.tab_dialog_open.set(false);
                let TabConflict { theirs, hash } = conflict;
                self.state
                    .library
                    .update(|l| l.adopt_external(theirs.clone(), hash));
                self.save_state.set(SaveState::Saved);
                self.show(theirs, true);
            }
        }
    }

    /// The open scorecard was deleted in another tab: keep it (save it again) or let it go.
    pub fn resolve_deleted_elsewhere(&self, keep: bool) {
        self.deleted_elsewhere.set(false);
        if keep {
            self.save_state.set(SaveState::Unsaved);
            self.dirty.set_value(true);
            self.flush();
        } else {
            let id = self.state.doc.with_untracked(|d| d.id.clone());
            self.dirty.set_value(false);
            if let Some(Ok(planned)) = self.state.library.try_update(|l| l.delete(&id)) {
                self.apply(&planned.writes);
            }
            self.open_next();
        }
    }

    // ---- the library ---------------------------------------------------------------------

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
    fn open_next(&self) {
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
            tr(self.lang(), "Untitled scorecard", "Naamloze scorecard").to_string()
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

    // ---- import --------------------------------------------------------------------------

    /// Reads a chosen or dropped file. A refusal changes nothing at all: not the library,
    /// not the open scorecard, not storage, not the undo history.
    pub fn import_text(&self, name: &str, text: &str) {
        match crate::web::perf_marks::measure("import", || crate::library::import_any(text)) {
            Err(e) => self.refuse_file(name, &e),
            Ok(ImportedText::One(card)) => {
                self.message.set(None);
                self.flush();
                self.add_imported(*card, true);
            }
            Ok(ImportedText::Library(file)) => {
                self.flush();
                let lang = self.lang();
                let total = file.scorecards.len();
                for card in file.scorecards {
                    self.add_imported(card, false);
                }
                let mut body = format!(
                    "{} {total}.",
                    tr(
                        lang,
                        "Scorecards read from the library file:",
                        "Scorecards gelezen uit het bibliotheekbestand:"
                    )
                );
                for problem in &file.problems {
                    body.push('\n');
                    body.push_str(&problem.to_string());
                }
                self.message.set(Some(Message {
                    title: format!("{} {name}", tr(lang, "Opened", "Geopend:")),
                    body,
                    is_error: !file.problems.is_empty(),
                    kind: "library",
                }));
                set_fragment("library");
            }
        }
    }

    /// Shows why a file cannot be opened.
    pub fn refuse_file(&self, name: &str, error: &ImportError) {
        let lang = self.lang();
        self.message.set(Some(Message {
            title: format!("{} {name}", tr(lang, "Could not open", "Kan niet openen:")),
            body: crate::ui::app::file_io::import_error_text(error, lang),
            is_error: true,
            kind: crate::ui::app::file_io::import_error_kind(error),
        }));
    }

    /// Adds an imported scorecard: new → added (and opened when `open`); the same one
    /// again → nothing changes; a different one with the same id → ask.
    fn add_imported(&self, card: Scorecard, open: bool) {
        if self.import_conflict.with_untracked(Option::is_some) {
            self.queue.update_value(|q| q.push(card));
            return;
        }
        let now = browser::now();
        let lang = self.lang();
        let title = display_title(&card, lang);
        let Some(result) = self
            .state
            .library
            .try_update(|l| l.add_imported(card, &now))
        else {
            return;
        };
        match result {
            AddImport::Added(planned) => {
                self.apply(&planned.writes);
                if open {
                    self.open(&planned.value);
                    set_fragment("scorecard");
                }
                self.state.tell(
                    format!(
                        "{} “{title}”.",
                        tr(
                            lang,
                            "Added to your library and opened:",
                            "Toegevoegd aan je bibliotheek en geopend:"
                        )
                    ),
                    false,
                );
            }
            AddImport::Identical(id) => {
                if open {
                    self.open(&id);
                    set_fragment("scorecard");
                }
                self.state.tell(
                    format!(
                        "{} “{title}”.",
                        tr(
                            lang,
                            "This scorecard is already in your library, unchanged:",
                            "Deze scorecard staat al ongewijzigd in je bibliotheek:"
                        )
                    ),
                    false,
                );
            }
            AddImport::Conflict(conflict) => self.import_conflict.set(Some(conflict)),
        }
    }

    /// The user's answer to an import conflict.
    pub fn resolve_import(&self, choice: ConflictChoice) {
        let Some(conflict) = self.import_conflict.get_untracked() else {
            return;
        };
        self.import_conflict.set(None);
        let lang = self.lang();
        if choice != ConflictChoice::Cancel {
            self.flush();
        }
        let now = browser::now();
        let new_id = browser::random_scorecard_id();
        let title = display_title(&conflict.incoming, lang);
        let outcome = self
            .state
            .library
            .try_update(|l| l.resolve_import(conflict, choice, &new_id, &now));
        match outcome {
            Some(ConflictOutcome::KeptBoth(planned)) => {
                self.apply(&planned.writes);
                self.open(&planned.value);
                set_fragment("scorecard");
                self.state.tell(
                    format!(
                        "{} “{title}”.",
                        tr(
                            lang,
                            "Added as a separate scorecard and opened:",
                            "Als aparte scorecard toegevoegd en geopend:"
                        )
                    ),
                    false,
                );
            }
            Some(ConflictOutcome::Replaced(planned)) => {
                self.apply(&planned.writes);
                let id = planned.value.old_entry.id.clone();
                self.undo
                    .set_value(Some(LibraryUndo::Replace(planned.value)));
                self.open(&id);
                set_fragment("scorecard");
                self.library_notice.set(Some(LibraryNotice {
                    text: format!(
                        "{} “{title}”.",
                        tr(
                            lang,
                            "Replaced the scorecard in your library with the file's version:",
                            "De scorecard in je bibliotheek is vervangen door die uit het bestand:"
                        )
                    ),
                    undo: true,
                }));
            }
            Some(ConflictOutcome::Cancelled) | None => {
                self.state.tell(
                    tr(
                        lang,
                        "Import cancelled. Nothing was changed.",
                        "Importeren geannuleerd. Er is niets gewijzigd.",
                    ),
                    false,
                );
            }
        }
        let next = self.queue.try_update_value(|q| {
            if q.is_empty() {
                None
            } else {
                Some(q.remove(0))
            }
        });
        if let Some(Some(card)) = next {
            self.add_imported(card, false);
        }
    }

    // ---- export --------------------------------------------------------------------------

    /// Downloads the open scorecard as `<title-slug>-YYYY-MM-DD.scorecard.json`.
    pub fn export_open(&self) {
        let now = browser::now();
        let file = self
            .state
            .doc
            .with_untracked(|d| crate::library::export_card(d, &now));
        crate::ui::app::file_io::download(&file.name, &file.text);
    }

    /// Downloads every scorecard (the open one as it is now) as one library file.
    pub fn export_all(&self) {
        let now = browser::now();
        let mut library = self.state.library.get_untracked();
        if !self.state.read_only.get_untracked() {
            self.state.doc.with_untracked(|d| {
                library.save(d, &now);
            });
        }
        let file = library.export_all(&now);
        crate::ui::app::file_io::download(&file.name, &file.text);
    }

    /// Downloads the raw text kept aside under `key`.
    pub fn download_backup(&self, key: &str) {
        match storage::load_raw(key) {
            Ok(Some(text)) => {
                let name = format!("{}.json", crate::library::slug(key));
                crate::ui::app::file_io::download(&name, &text);
            }
            _ => self.state.report(tr(
                self.lang(),
                "The copy kept aside cannot be read from this browser's storage.",
                "De apart bewaarde kopie kan niet uit de opslag van deze browser worden gelezen.",
            )),
        }
    }

    // ---- share links ---------------------------------------------------------------------

    /// Makes a share link for the open scorecard and opens the share dialog.
    pub fn make_share_link(&self) {
        let encoded = self
            .state
            .doc
            .with_untracked(|d| share::encode_share_fragment(d, &browser::now_iso()));
        let outcome = match encoded {
            Ok(fragment) => {
                let location = window().location();
                let base = format!(
                    "{}{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                ShareOutcome::Link(format!("{base}{fragment}"))
            }
            Err(e) => ShareOutcome::Refused(share_error_text(&e, self.lang())),
        };
        self.share_dialog.set(Some(outcome));
    }

    /// Shows a scorecard from a share link, read-only (the library is left as it is).
    fn open_shared(&self, fragment: &str) {
        match share::decode_share_fragment(fragment) {
            Ok(card) => {
                self.flush();
                self.state.read_only.set(true);
                self.show(card, false);
            }
            Err(e) => self.share_error(&e),
        }
    }

    fn share_error(&self, error: &ShareError) {
        let lang = self.lang();
        self.message.set(Some(Message {
            title: tr(
                lang,
                "Could not open the share link",
                "Kan de gedeelde link niet openen",
            )
            .to_string(),
            body: share_error_text(error, lang),
            is_error: true,
            kind: "share",
        }));
    }

    /// Adds the shared scorecard to the library (the same rules as an import) and opens it.
    pub fn save_shared_copy(&self) {
        if !self.state.read_only.get_untracked() {
            return;
        }
        let card = self.state.doc.get_untracked();
        self.add_imported(card, true);
    }

    /// Leaves the shared view for the library's open scorecard.
    pub fn close_shared(&self) {
        self.state.read_only.set(false);
        set_fragment("scorecard");
        self.open_next();
    }
}

/// Writes `text` to the first free backup key of `key` (never overwriting one).
fn keep_aside(key: &str, text: &str) -> Result<String, StorageError> {
    let mut n = 1u32;
    loop {
        let backup = backup_key(key, n);
        if storage::load_raw(&backup)?.is_none() {
            storage::save_raw(&backup, text)?;
            return Ok(backup);
        }
        n = n.checked_add(1).ok_or(StorageError::QuotaExceeded)?;
    }
}

/// The title to show for a scorecard ("Untitled scorecard" when it has none).
pub fn display_title(card: &Scorecard, lang: Lang) -> String {
    if card.title.trim().is_empty() {
        tr(lang, "Untitled scorecard", "Naamloze scorecard").to_string()
    } else {
        card.title.clone()
    }
}

/// A share-link refusal in the interface language.
pub fn share_error_text(error: &ShareError, lang: Lang) -> String {
    match (error, lang) {
        (_, Lang::En) => error.to_string(),
        (ShareError::NotAShareLink, Lang::Nl) => {
            "Dit is geen gedeelde scorecardlink: er staat geen \"#share=\" in.".to_string()
        }
        (ShareError::Damaged { reason }, Lang::Nl) => format!(
            "Deze gedeelde link is beschadigd ({reason}). Vraag de afzender opnieuw om de link, of om het bestand."
        ),
        (ShareError::TooLarge { chars, limit }, Lang::Nl) => format!(
            "Deze scorecard is te groot voor een link ({chars} tekens; een link mag er hoogstens {limit} hebben). Exporteer hem als bestand en stuur het bestand."
        ),
        (ShareError::Import(e), Lang::Nl) => crate::ui::app::file_io::import_error_text(e, lang),
    }
}
