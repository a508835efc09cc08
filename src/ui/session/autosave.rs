//! Autosave: an edit only marks the scorecard unsaved and (re)starts a timer; the scorecard
//! is written once editing pauses, at least every [`AUTOSAVE_MAX_WAIT`], and at once when
//! the page is hidden or left. Also the writes themselves and the copy kept aside when
//! saving waits for the user's choice.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::library::layout::{backup_key, card_key};
use crate::library::{APP_VERSION, StorageWrite};
use crate::model::{Scorecard, export_json_compact};
use crate::web::storage::{self, StorageError};
use crate::web::{browser, perf_marks};

use super::{AUTOSAVE_DELAY, AUTOSAVE_MAX_WAIT, Persistence, SaveState, StorageHealth};

impl Persistence {
    pub(super) fn install_autosave(self) {
        let doc = self.state.doc;
        Effect::new(move |previous: Option<()>| {
            doc.track();
            if previous.is_some() {
                self.on_doc_changed();
            }
        });
    }

    /// An edit (or a replaced document, which `skip` marks): mark unsaved, start the timer.
    pub(super) fn on_doc_changed(&self) {
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
    pub(super) fn schedule(&self) {
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

    pub(super) fn clear_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        self.unsaved_since.set_value(None);
    }

    /// Replaces the open document without marking it unsaved.
    pub(super) fn show(&self, card: Scorecard, keep_selection: bool) {
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
        let plan = perf_marks::measure("autosave-plan", || {
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
        if perf_marks::measure("autosave-write", || self.apply(&plan)) {
            self.dirty.set_value(false);
            self.save_state.set(SaveState::Saved);
        }
    }

    /// Applies a plan when storage is usable; a refusal shows its banner. True when stored.
    pub(super) fn apply(&self, plan: &[StorageWrite]) -> bool {
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
    pub(super) fn keep_copy_aside(&self) {
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

    /// Saves when the page is hidden or left (`pagehide`, `visibilitychange`).
    pub(super) fn install_page_hide(self) {
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
        on_cleanup(move || {
            visibility.update_value(|v| {
                if let Some(v) = v.take() {
                    let _ = document().remove_event_listener_with_callback(
                        "visibilitychange",
                        v.as_ref().unchecked_ref(),
                    );
                }
            });
        });
    }

    /// The page is hidden or left: save now; when saving waits for a choice, keep a copy.
    pub(super) fn leave(&self) {
        if self.paused() {
            self.keep_copy_aside();
        } else {
            self.flush();
        }
    }
}

/// Writes `text` to the first free backup key of `key` (never overwriting one).
pub(super) fn keep_aside(key: &str, text: &str) -> Result<String, StorageError> {
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
