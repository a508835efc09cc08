//! Other tabs of this browser: their storage events, and the user's answers when another
//! tab changed or deleted the open scorecard.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::library::{TabChange, TabChoice, TabConflict};
use crate::web::{browser, files, storage};

use super::autosave::keep_aside;
use super::{LibraryNotice, Persistence, SaveState, StorageHealth};

impl Persistence {
    /// Follows other tabs' changes to storage.
    pub(super) fn install_tab_listener(self) {
        let p = self;
        let tabs = StoredValue::new_local(storage::on_storage_change(move |change| {
            p.on_storage_change(change.key.as_deref(), change.new_value.as_deref());
        }));
        on_cleanup(move || tabs.update_value(|t| drop(t.take())));
    }

    /// Another tab changed `key` (`None`: cleared everything).
    pub(super) fn on_storage_change(&self, key: Option<&str>, new_value: Option<&str>) {
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

    pub(super) fn reload_list(&self) {
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
                    files::download(&file.name, &file.text);
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
}
