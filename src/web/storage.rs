//! The one thin adapter over the browser's localStorage: raw keys, applying a plan of
//! writes from `crate::library` (all or nothing as far as the browser allows), backups,
//! and the `storage` event from other tabs.
//!
//! Storage can be missing (blocked cookies, some private modes: a SecurityError, or no
//! `localStorage` at all) or full; every call says so with a [`StorageError`] instead of
//! panicking. The layout of the keys is described in `docs/storage.md`.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::library::layout::{APP_PREFIX, BACKUP_PREFIX, LEGACY_CURRENT_KEY, parse_backup_key};
use crate::library::{Library, LoadOutcome, StorageWrite};

/// Key of the single scorecard kept before the library existed (read once, at load).
pub const CURRENT_KEY: &str = LEGACY_CURRENT_KEY;

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

impl std::error::Error for StorageError {}

/// Why a plan could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyError {
    /// What the browser said.
    pub error: StorageError,
    /// The key of the write that failed.
    pub key: String,
    /// True when every earlier write of the plan was undone, so storage is as before the
    /// plan; false when the browser refused part of the undo too (see `docs/storage.md`).
    pub rolled_back: bool,
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not save \"{}\": {}", self.key, self.error)
    }
}

impl std::error::Error for ApplyError {}

/// The browser's localStorage through gloo-storage, or why it cannot be had. gloo's
/// `LocalStorage::raw()` panics when storage is blocked, so it is only called once the same
/// lookup has succeeded here (never panics).
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    use gloo_storage::Storage as _;
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(gloo_storage::LocalStorage::raw()),
        // A SecurityError (storage blocked) or no storage at all.
        Ok(None) | Err(_) => Err(StorageError::Unavailable),
    }
}

/// True when localStorage can be reached.
pub fn available() -> bool {
    local_storage().is_ok()
}

/// The raw text stored under `key`, if any.
pub fn load_raw(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|e| StorageError::Other(js_error_text(&e)))
}

/// Stores `value` under `key`, replacing what was there.
pub fn save_raw(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, value)
        .map_err(|e| classify_set_error(&e))
}

/// Removes `key` (no error when it was not there).
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| StorageError::Other(js_error_text(&e)))
}

/// Every stored key of this origin (the app's and any other), in the browser's order.
pub fn keys() -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let length = storage
        .length()
        .map_err(|e| StorageError::Other(js_error_text(&e)))?;
    Ok((0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect())
}

/// The app's keys (`smsc.…`) only.
pub fn app_keys() -> Result<Vec<String>, StorageError> {
    Ok(keys()?
        .into_iter()
        .filter(|k| k.starts_with(APP_PREFIX))
        .collect())
}

/// The raw texts kept aside at load (`smsc.backup.<key>.<n>`), as `(backup key, text)`,
/// ordered by original key and number. The app never overwrites or removes them.
pub fn backups() -> Result<Vec<(String, String)>, StorageError> {
    let mut found: Vec<(String, String)> = Vec::new();
    for key in keys()?.into_iter().filter(|k| k.starts_with(BACKUP_PREFIX)) {
        if let Some(text) = load_raw(&key)? {
            found.push((key, text));
        }
    }
    found.sort_by(|(a, _), (b, _)| {
        let (pa, pb) = (parse_backup_key(a), parse_backup_key(b));
        pa.cmp(&pb).then_with(|| a.cmp(b))
    });
    Ok(found)
}

/// Loads the library from localStorage (see `Library::load_from`); apply the outcome's
/// `writes` with [`apply`] afterwards.
pub fn load_library() -> Result<LoadOutcome, StorageError> {
    let storage = local_storage()?;
    let keys = app_keys()?;
    let raw = |key: &str| storage.get_item(key).ok().flatten();
    Ok(Library::load_from(&raw, &keys))
}

/// Applies a plan of writes in order, all or nothing as far as the browser allows: when a
/// write fails (e.g. quota exceeded) the writes already made are undone, so every key holds
/// its previous value byte for byte, and the failure is returned.
pub fn apply(plan: &[StorageWrite]) -> Result<(), ApplyError> {
    let storage = local_storage().map_err(|error| ApplyError {
        error,
        key: plan
            .first()
            .map(|w| w.key().to_string())
            .unwrap_or_default(),
        rolled_back: true,
    })?;
    // (key, value before, value written) of every write made so far.
    let mut done: Vec<(String, Option<String>, Option<String>)> = Vec::new();
    for write in plan {
        let key = write.key();
        let before = match storage.get_item(key) {
            Ok(v) => v,
            Err(e) => {
                return Err(fail(
                    &storage,
                    &done,
                    key,
                    StorageError::Other(js_error_text(&e)),
                ));
            }
        };
        let result = match write {
            StorageWrite::Set { value, .. } => storage
                .set_item(key, value)
                .map_err(|e| classify_set_error(&e)),
            StorageWrite::Remove { .. } => storage
                .remove_item(key)
                .map_err(|e| StorageError::Other(js_error_text(&e))),
        };
        if let Err(error) = result {
            return Err(fail(&storage, &done, key, error));
        }
        done.push((key.to_string(), before, write.value().map(str::to_string)));
    }
    Ok(())
}

/// Undoes `done` and builds the error. Writes that free space are undone first (newest
/// first), then those that take space back, so the undo never needs more room than the
/// storage held before the plan.
fn fail(
    storage: &web_sys::Storage,
    done: &[(String, Option<String>, Option<String>)],
    key: &str,
    error: StorageError,
) -> ApplyError {
    let size = |v: &Option<String>| v.as_deref().map_or(0, |s| s.encode_utf16().count());
    let mut ok = true;
    let restore = |(k, before, _): &(String, Option<String>, Option<String>)| match before {
        Some(v) => storage.set_item(k, v).is_ok(),
        None => storage.remove_item(k).is_ok(),
    };
    for entry in done.iter().rev().filter(|(_, b, w)| size(b) <= size(w)) {
        ok &= restore(entry);
    }
    for entry in done.iter().rev().filter(|(_, b, w)| size(b) > size(w)) {
        ok &= restore(entry);
    }
    ApplyError {
        error,
        key: key.to_string(),
        rolled_back: ok,
    }
}

/// A change another tab made to storage (the browser's `storage` event).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageChange {
    /// The key changed; `None` when the other tab cleared all storage.
    pub key: Option<String>,
    /// The value before.
    pub old_value: Option<String>,
    /// The value now; `None` when removed.
    pub new_value: Option<String>,
}

/// Listens to the `storage` event while it lives; dropping it removes the listener.
pub struct StorageListener {
    window: web_sys::Window,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl std::fmt::Debug for StorageListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StorageListener")
    }
}

/// Calls `on_change` for every change another tab of this origin makes to localStorage
/// (a page never receives its own changes). Keep the handle; drop it to stop listening.
/// `None` when there is no window.
pub fn on_storage_change(
    mut on_change: impl FnMut(StorageChange) + 'static,
) -> Option<StorageListener> {
    let window = web_sys::window()?;
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            on_change(StorageChange {
                key: event.key(),
                old_value: event.old_value(),
                new_value: event.new_value(),
            });
        }
    });
    window
        .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(StorageListener { window, closure })
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("storage", self.closure.as_ref().unchecked_ref());
    }
}

/// A failed `setItem`: quota exceeded (by name or legacy code) or anything else.
fn classify_set_error(value: &wasm_bindgen::JsValue) -> StorageError {
    if let Some(dom) = value.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        // 22 and 1014 are the legacy codes of a full storage (1014: old Firefox).
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || dom.code() == 22
            || dom.code() == 1014
        {
            return StorageError::QuotaExceeded;
        }
        if name == "SecurityError" {
            return StorageError::Unavailable;
        }
    }
    let text = js_error_text(value);
    if text.contains("QuotaExceeded") || text.contains("quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Other(text)
    }
}

fn js_error_text(value: &wasm_bindgen::JsValue) -> String {
    if let Some(err) = value.dyn_ref::<js_sys::Error>() {
        format!(
            "{}: {}",
            String::from(err.name()),
            String::from(err.message())
        )
    } else if let Some(dom) = value.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", dom.name(), dom.message())
    } else {
        format!("{value:?}")
    }
}
