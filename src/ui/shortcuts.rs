//! Keyboard shortcuts for the whole page: undo (Ctrl/Cmd+Z), redo (Ctrl/Cmd+Shift+Z, Ctrl+Y).
//! The listener is removed when the app unmounts.

use leptos::prelude::*;

use crate::ui::state::AppState;

/// What a key press means, if anything.
fn action(ev: &web_sys::KeyboardEvent) -> Option<bool> {
    let command = ev.ctrl_key() || ev.meta_key();
    if !command || ev.alt_key() {
        return None;
    }
    match ev.key().to_ascii_lowercase().as_str() {
        "z" if ev.shift_key() => Some(false),
        "z" => Some(true),
        "y" if ev.ctrl_key() => Some(false),
        _ => None,
    }
}

/// Installs the shortcuts for `state` on the window.
pub fn install(state: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if let Some(back) = action(&ev) {
            ev.prevent_default();
            if back { state.undo() } else { state.redo() }
        }
    });
    on_cleanup(move || handle.remove());
}
