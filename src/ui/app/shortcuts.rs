//! Keyboard shortcuts for the whole page (listed in the help overlay, `help_overlay.rs`):
//! undo, redo, export, import, switching view, projector mode and its arrow keys, help (on
//! the welcome screen only import, help and Escape). The listener is removed when the app
//! unmounts.

use leptos::prelude::*;

use crate::ui::app::projector::{next_view, set_projector};
use crate::ui::session::state::{AppState, View};

/// What a key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shortcut {
    Undo,
    Redo,
    Export,
    Import,
    View(usize),
    ToggleProjector,
    Step(bool),
    Help,
    Escape,
}

fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn shortcut(ev: &web_sys::KeyboardEvent, projector: bool) -> Option<Shortcut> {
    let key = ev.key();
    let command = ev.ctrl_key() || ev.meta_key();
    if command && !ev.alt_key() {
        return match key.to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => Some(Shortcut::Redo),
            "z" => Some(Shortcut::Undo),
            "y" if ev.ctrl_key() => Some(Shortcut::Redo),
            "s" => Some(Shortcut::Export),
            "o" => Some(Shortcut::Import),
            _ => None,
        };
    }
    if ev.alt_key() && !command {
        // Alt+digit by physical key, so it works on every keyboard layout.
        let code = ev.code();
        if let Some(d) = code
            .strip_prefix("Digit")
            .and_then(|d| d.parse::<usize>().ok())
        {
            return (d >= 1).then(|| Shortcut::View(d - 1));
        }
        if code == "KeyP" {
            return Some(Shortcut::ToggleProjector);
        }
        return None;
    }
    if key == "Escape" {
        return Some(Shortcut::Escape);
    }
    if typing_in_a_field(ev) {
        return None;
    }
    match key.as_str() {
        "?" => Some(Shortcut::Help),
        "ArrowRight" if projector => Some(Shortcut::Step(true)),
        "ArrowLeft" if projector => Some(Shortcut::Step(false)),
        _ => None,
    }
}

/// Opens the import file picker: the header's hidden file input, or on the welcome screen
/// (which has no header) its "Open a file" picker.
fn open_file_picker() {
    use wasm_bindgen::JsCast;
    let input = ["import-input", "welcome-file-input"]
        .iter()
        .find_map(|id| {
            document()
                .query_selector(&format!("[data-testid={id}]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        input.click();
    }
}

/// Whether `action` means anything on the welcome screen, which shows no scorecard: opening
/// a file does (its picker), help and Escape; undo, export, the views and projector mode
/// wait until a scorecard is open (a view key would change the address under the welcome).
fn on_the_welcome(action: Shortcut) -> bool {
    matches!(action, Shortcut::Import | Shortcut::Help | Shortcut::Escape)
}

/// Installs the shortcuts for `state` on the window.
pub fn install(state: AppState) {
    // Read the context now: an event listener runs outside the component tree.
    let persistence = crate::ui::session::Persistence::get();
    let welcome = crate::ui::app::welcome::showing();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let projector = state.projector.get_untracked();
        let Some(action) = shortcut(&ev, projector) else {
            return;
        };
        if welcome.get_untracked() && !on_the_welcome(action) {
            return;
        }
        match action {
            Shortcut::Undo => state.undo(),
            Shortcut::Redo => state.redo(),
            Shortcut::Export => match persistence {
                Some(p) => p.export_open(),
                None => return,
            },
            Shortcut::Import => open_file_picker(),
            Shortcut::View(i) => match View::ALL.get(i) {
                Some(view) => state.go(*view),
                None => return,
            },
            Shortcut::ToggleProjector => set_projector(state, !projector),
            Shortcut::Step(forward) => state
                .view
                .set(next_view(state.view.get_untracked(), forward)),
            Shortcut::Help => state.help_open.set(true),
            Shortcut::Escape => {
                if state.help_open.get_untracked() {
                    state.help_open.set(false);
                } else if projector {
                    set_projector(state, false);
                } else {
                    return;
                }
            }
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}
