//! The library of scorecards kept in the browser, as a pure model: the storage layout
//! (keys, versioned index), the operations on it (create, open, rename, duplicate, delete,
//! restore, import, export) and the decisions for faults (corrupt entries, same-id imports,
//! another tab changing the open scorecard).
//!
//! Nothing here touches the browser. Every operation returns the storage writes it needs
//! (a plan of [`StorageWrite`]s) for `crate::web::storage` to apply, so native tests can check
//! them. What is kept where is described in `docs/storage.md`.

pub mod bundle;
pub mod catalog;
pub mod export;
pub mod hand_out;
pub mod import;
pub mod layout;
pub mod load;
pub mod packing;
pub mod plan;
pub mod tabs;

pub use bundle::{
    EntryProblem, ImportedText, LIBRARY_FORMAT, LIBRARY_VERSION, LibraryImport, MAX_LIBRARY_BYTES,
    export_library, import_any, import_library,
};
pub use catalog::{Deleted, Library, LibraryError, Planned};
pub use export::{ExportFile, export_card, export_file_name, library_file_name, slug};
pub use hand_out::{
    BaseToKeep, GroupFile, HandOut, HandOutError, MAX_GROUPS, check_groups, default_groups,
    plan_hand_out,
};
pub use import::{
    AddImport, ConflictChoice, ConflictOutcome, ImportConflict, ImportDecision, Replaced,
    decide_import,
};
pub use layout::{APP_VERSION, Entry, Index, LAYOUT, text_hash};
pub use load::{CorruptEntry, LoadOutcome, Reloaded};
pub use plan::{Now, StorageWrite};
pub use tabs::{OpenCopy, TabChange, TabChoice, TabConflict, decide_tab_change};
