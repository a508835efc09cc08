//! The state of the merge dialogs (`ui::views::merge`): collecting the files workshop groups
//! send back, and comparing the open scorecard with one file. The files are read once as
//! they come; the dialogs work out the merge or the comparison from them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::limits::MAX_FILE_BYTES;
use crate::model::{ImportError, Scorecard, import_json};
use crate::web::files;

/// The most files one collection holds.
pub const MAX_COLLECT_FILES: usize = 30;

/// Which merge dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeMode {
    /// Collect returned group files and merge them.
    Collect,
    /// Compare the open scorecard with one file and take chosen changes.
    Compare,
}

/// One chosen or dropped scorecard file, read.
#[derive(Clone, Debug)]
pub struct ReadFile {
    /// Unique within the dialog (keys, test ids).
    pub id: u64,
    /// The file's name.
    pub name: String,
    /// The scorecard in it, or why it could not be read.
    pub card: Arc<Result<Scorecard, ImportError>>,
}

/// The merge dialogs' reactive state (part of `AppState`).
#[derive(Clone, Copy)]
pub struct MergeState {
    /// The open dialog, if any.
    pub mode: RwSignal<Option<MergeMode>>,
    /// The collected files (the compared file in compare mode), in the order they came.
    pub files: RwSignal<Vec<ReadFile>>,
    /// Files being read by the browser.
    pub reading: RwSignal<usize>,
    /// Files not added because the dialog holds [`MAX_COLLECT_FILES`] already.
    pub refused: RwSignal<usize>,
    next_id: RwSignal<u64>,
}

impl Default for MergeState {
    fn default() -> Self {
        Self::new()
    }
}

impl MergeState {
    /// Closed, with no files.
    pub fn new() -> MergeState {
        MergeState {
            mode: RwSignal::new(None),
            files: RwSignal::new(Vec::new()),
            reading: RwSignal::new(0),
            refused: RwSignal::new(0),
            next_id: RwSignal::new(1),
        }
    }

    /// Opens the dialog in `mode` with no files.
    pub fn open(&self, mode: MergeMode) {
        self.files.set(Vec::new());
        self.refused.set(0);
        self.mode.set(Some(mode));
    }

    /// Opens the comparison with a file already read (from the collection).
    pub fn compare_with(&self, file: ReadFile) {
        self.refused.set(0);
        self.files.set(vec![file]);
        self.mode.set(Some(MergeMode::Compare));
    }

    /// Closes the dialog and forgets its files.
    pub fn close(&self) {
        self.mode.set(None);
        self.files.set(Vec::new());
        self.refused.set(0);
    }

    /// Reads `list` and adds each file (in compare mode the last one replaces the file).
    /// A file larger than any scorecard file is refused unread.
    pub fn add(&self, list: Vec<web_sys::File>) {
        let compare = self.mode.get_untracked() == Some(MergeMode::Compare);
        let list: Vec<web_sys::File> = if compare {
            list.into_iter().last().into_iter().collect()
        } else {
            list
        };
        for file in list {
            let held = self.files.with_untracked(Vec::len) + self.reading.get_untracked();
            if !compare && held >= MAX_COLLECT_FILES {
                self.refused.update(|n| *n += 1);
                continue;
            }
            let id = self.next_id.get_untracked();
            self.next_id.set(id + 1);
            let name = file.name();
            let size = file.size();
            if size > MAX_FILE_BYTES as f64 {
                let too_large = ImportError::TooLarge {
                    bytes: size as usize,
                    limit: MAX_FILE_BYTES,
                };
                self.push(compare, id, name, Err(too_large));
                continue;
            }
            self.reading.update(|n| *n += 1);
            let this = *self;
            files::read_text(&file, move |text| {
                this.reading.try_update(|n| *n = n.saturating_sub(1));
                let card = match text {
                    Ok(text) => import_json(&text),
                    Err(_) => Err(ImportError::NotScorecardFile {
                        reason: "the browser could not read the file".to_string(),
                    }),
                };
                this.push(compare, id, name, card);
            });
        }
    }

    fn push(&self, replace: bool, id: u64, name: String, card: Result<Scorecard, ImportError>) {
        let file = ReadFile {
            id,
            name,
            card: Arc::new(card),
        };
        self.files.try_update(|files| {
            if replace {
                files.clear();
            }
            files.push(file);
        });
    }

    /// Leaves file `id` out.
    pub fn remove(&self, id: u64) {
        self.files.update(|files| files.retain(|f| f.id != id));
    }
}
