//! A plan: the storage writes an operation needs, applied by `crate::web::storage`.

use crate::model::Date;

/// One change to the browser's storage.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum StorageWrite {
    /// Store `value` under `key`, replacing what was there.
    Set {
        /// The key.
        key: String,
        /// The text to store.
        value: String,
    },
    /// Remove `key`.
    Remove {
        /// The key.
        key: String,
    },
}

impl StorageWrite {
    /// A `Set` write.
    pub fn set(key: impl Into<String>, value: impl Into<String>) -> StorageWrite {
        StorageWrite::Set {
            key: key.into(),
            value: value.into(),
        }
    }

    /// A `Remove` write.
    pub fn remove(key: impl Into<String>) -> StorageWrite {
        StorageWrite::Remove { key: key.into() }
    }

    /// The key this write changes.
    pub fn key(&self) -> &str {
        match self {
            StorageWrite::Set { key, .. } | StorageWrite::Remove { key } => key,
        }
    }

    /// The value a `Set` stores; `None` for a `Remove`.
    pub fn value(&self) -> Option<&str> {
        match self {
            StorageWrite::Set { value, .. } => Some(value),
            StorageWrite::Remove { .. } => None,
        }
    }
}

/// The moment an operation happens, given by the caller (the library reads no clock).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Now {
    /// ISO 8601 timestamp, written as `saved_at` and `changed_at`.
    pub timestamp: String,
    /// Today's date: for the overall status in the list and for export file names.
    pub today: Date,
    /// A fresh random copy tag (`model::lineage::copy_tag_from`), given to a scorecard that
    /// comes into this library from a file or as a duplicate, so the ids it makes here differ
    /// from those any other copy makes.
    pub copy_tag: String,
}
