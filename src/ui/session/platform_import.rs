//! The platform-export import's state: whether its dialog is open, the series it was started
//! from, and the files dropped or chosen, each read once (again when the user answers the
//! day/month question). The dialog (`ui::views::platform_import`) shows and applies it;
//! the data view, the KPI panel and the page's drop zone open it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::exchange::platform_import::Target;
use crate::exchange::platforms::{
    DateOrder, DateQuestion, ExportError, ExportFile, MAX_EXPORT_BYTES, ReadOptions,
    read_export_with,
};
use crate::model::Date;
use crate::web::{files, perf_marks};

/// The most files one import holds.
pub const MAX_IMPORT_FILES: usize = 20;

/// One dropped or chosen file.
#[derive(Clone, Debug)]
pub struct LoadedExport {
    /// Unique within the dialog (for keys and test ids).
    pub id: u64,
    /// The file's name.
    pub name: String,
    /// Its bytes (kept to read it again with another day/month order); empty when it was
    /// refused unread.
    pub bytes: Arc<[u8]>,
    /// The day it was made (its modification date, else today).
    pub export_date: Date,
    /// The day/month order the user chose, if asked.
    pub order: Option<DateOrder>,
    /// What was read, or why not.
    pub result: Result<ExportFile, ExportError>,
    /// The day/month question of the first reading (kept when the user answers it, so the
    /// answer stays visible and can be changed).
    pub question: Option<DateQuestion>,
    /// The user's choice per metric (`None`: the proposal).
    pub edits: Vec<Option<Target>>,
}

/// The import's reactive state (part of `AppState`).
#[derive(Clone, Copy)]
pub struct PlatformImportState {
    /// The dialog is open.
    pub open: RwSignal<bool>,
    /// The series the import was started from, if any.
    pub chosen: RwSignal<Option<String>>,
    /// The files, in the order they came.
    pub files: RwSignal<Vec<LoadedExport>>,
    /// Files being read by the browser.
    pub reading: RwSignal<usize>,
    /// Files refused because the dialog holds [`MAX_IMPORT_FILES`] already.
    pub refused: RwSignal<usize>,
    next_id: RwSignal<u64>,
}

impl Default for PlatformImportState {
    fn default() -> Self {
        Self::new()
    }
}

impl PlatformImportState {
    /// Closed, with no files.
    pub fn new() -> PlatformImportState {
        PlatformImportState {
            open: RwSignal::new(false),
            chosen: RwSignal::new(None),
            files: RwSignal::new(Vec::new()),
            reading: RwSignal::new(0),
            refused: RwSignal::new(0),
            next_id: RwSignal::new(1),
        }
    }

    /// Opens the dialog, started from the series `chosen` (or none).
    pub fn start(&self, chosen: Option<String>) {
        if !self.open.get_untracked() {
            self.files.set(Vec::new());
            self.refused.set(0);
        }
        self.chosen.set(chosen);
        self.open.set(true);
    }

    /// Closes the dialog and forgets its files.
    pub fn close(&self) {
        self.open.set(false);
        self.files.set(Vec::new());
        self.chosen.set(None);
        self.refused.set(0);
    }

    /// Reads `list` (chosen or dropped) and adds each file; opens the dialog if closed.
    /// A file over [`MAX_EXPORT_BYTES`] is refused unread.
    pub fn add(&self, list: Vec<web_sys::File>, today: Date) {
        if !self.open.get_untracked() {
            self.start(None);
        }
        for file in list {
            let held = self.files.with_untracked(Vec::len) + self.reading.get_untracked();
            if held >= MAX_IMPORT_FILES {
                self.refused.update(|n| *n += 1);
                continue;
            }
            let id = self.next_id.get_untracked();
            self.next_id.set(id + 1);
            let name = file.name();
            let export_date = files::last_modified(&file).unwrap_or(today);
            let size = file.size();
            if size > MAX_EXPORT_BYTES as f64 {
                self.push(LoadedExport {
                    id,
                    name,
                    bytes: Arc::from(Vec::new()),
                    export_date,
                    order: None,
                    result: Err(ExportError::TooLarge {
                        bytes: size as usize,
                    }),
                    question: None,
                    edits: Vec::new(),
                });
                continue;
            }
            self.reading.update(|n| *n += 1);
            let this = *self;
            files::read_bytes(&file, move |bytes| {
                leptos::task::spawn_local(async move {
                    let (bytes, result) = match bytes {
                        Ok(bytes) => {
                            let bytes: Arc<[u8]> = Arc::from(bytes);
                            let result =
                                read_later(name.clone(), bytes.clone(), export_date, None).await;
                            (bytes, result)
                        }
                        Err(_) => (Arc::from(Vec::new()), Err(ExportError::NotText)),
                    };
                    this.reading.try_update(|n| *n = n.saturating_sub(1));
                    let question = result.as_ref().ok().and_then(|f| f.date_question.clone());
                    this.push(LoadedExport {
                        id,
                        name,
                        bytes,
                        export_date,
                        order: None,
                        result,
                        question,
                        edits: Vec::new(),
                    });
                });
            });
        }
    }

    fn push(&self, file: LoadedExport) {
        self.files.try_update(|files| files.push(file));
    }

    /// Reads file `id` again with the day/month order the user chose.
    pub fn set_order(&self, id: u64, order: DateOrder) {
        let Some((name, bytes, export_date)) = self.files.with_untracked(|files| {
            files
                .iter()
                .find(|f| f.id == id && !f.bytes.is_empty())
                .map(|f| (f.name.clone(), f.bytes.clone(), f.export_date))
        }) else {
            return;
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            let result = read_later(name, bytes, export_date, Some(order)).await;
            this.files.try_update(|files| {
                if let Some(f) = files.iter_mut().find(|f| f.id == id) {
                    f.order = Some(order);
                    f.result = result;
                    f.edits.clear();
                }
            });
        });
    }

    /// Sets where metric `metric` of file `id` goes.
    pub fn set_target(&self, id: u64, metric: usize, target: Target) {
        self.files.update(|files| {
            if let Some(f) = files.iter_mut().find(|f| f.id == id) {
                if f.edits.len() <= metric {
                    f.edits.resize(metric + 1, None);
                }
                f.edits[metric] = Some(target);
            }
        });
    }

    /// Leaves file `id` out of the import.
    pub fn remove(&self, id: u64) {
        self.files.update(|files| files.retain(|f| f.id != id));
    }
}

/// Reads an export; in the split build the readers (and the spreadsheet library they use)
/// are a chunk of their own, fetched the first time a file is read.
async fn read_later(
    name: String,
    bytes: Arc<[u8]>,
    export_date: Date,
    date_order: Option<DateOrder>,
) -> Result<ExportFile, ExportError> {
    #[cfg(feature = "split")]
    let read = read_in_chunk(name, bytes, export_date, date_order).await;
    #[cfg(not(feature = "split"))]
    let read = read_in_chunk(name, bytes, export_date, date_order);
    read.unwrap_or(Err(ExportError::ReaderNotLoaded))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        part_export_readers,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn read_in_chunk(
    name: String,
    bytes: Arc<[u8]>,
    export_date: Date,
    date_order: Option<DateOrder>,
) -> Result<Result<ExportFile, ExportError>, leptos::wasm_split::SplitLoaderError> {
    Ok(perf_marks::measure("platform-import:read", || {
        read(&name, &bytes, export_date, date_order)
    }))
}

fn read(
    name: &str,
    bytes: &[u8],
    export_date: Date,
    date_order: Option<DateOrder>,
) -> Result<ExportFile, ExportError> {
    read_export_with(
        name,
        bytes,
        &ReadOptions {
            export_date,
            date_order,
        },
    )
}
