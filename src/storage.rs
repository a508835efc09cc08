//! The one thin adapter over the browser's localStorage (through gloo-storage).
//!
//! Storage can be missing (blocked cookies, some private modes: a SecurityError) or full;
//! every call says so with a [`StorageError`] instead of panicking.

use gloo_storage::{LocalStorage, Storage};

/// Key of the scorecard that is open now.
pub const CURRENT_KEY: &str = "smsc.v1.current";

/// Why the browser's storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage at all (blocked, or a private mode that refuses it).
    Unavailable,
    /// The browser refused to store more (quota exceeded).
    QuotaExceeded,
    /// Any other refusal, with the browser's words.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => {
                write!(f, "this browser does not allow local storage here")
            }
            StorageError::QuotaExceeded => write!(f, "the browser's storage for this page is full"),
            StorageError::Other(why) => write!(f, "the browser refused to store: {why}"),
        }
    }
}

/// True when localStorage can be reached; gloo-storage itself panics when it cannot.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The raw text stored under `key`, if any.
pub fn load_raw(key: &str) -> Result<Option<String>, StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::raw()
        .get_item(key)
        .map_err(|e| StorageError::Other(js_error_text(&e)))
}

/// Stores `value` under `key`, replacing what was there.
pub fn save_raw(key: &str, value: &str) -> Result<(), StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        let text = js_error_text(&e);
        if text.contains("QuotaExceeded") || text.contains("quota") {
            StorageError::QuotaExceeded
        } else {
            StorageError::Other(text)
        }
    })
}

/// Removes `key` (no error when it was not there).
pub fn remove(key: &str) -> Result<(), StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::raw()
        .remove_item(key)
        .map_err(|e| StorageError::Other(js_error_text(&e)))
}

fn js_error_text(value: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(err) = value.dyn_ref::<js_sys::Error>() {
        format!(
            "{}: {}",
            String::from(err.name()),
            String::from(err.message())
        )
    } else {
        format!("{value:?}")
    }
}
