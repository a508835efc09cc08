//! Projector mode: full screen, large type, high contrast, arrow keys move between views,
//! and nothing can be changed by accident (commands are refused while it is on).

use leptos::prelude::*;

use crate::ui::session::state::{AppState, View};

/// The views the arrow keys move between in projector mode, in the order of the tabs (the
/// library is not shown on a projector).
pub const PROJECTOR_VIEWS: [View; 4] =
    [View::Scorecard, View::Map, View::Dashboard, View::Workshop];

/// Turns projector mode on or off, entering or leaving full screen (when the browser allows).
pub fn set_projector(state: AppState, on: bool) {
    state.projector.set(on);
    state.selection.set(None);
    let doc = document();
    if on {
        if let Some(root) = doc.document_element() {
            call_quietly(&root, "requestFullscreen");
        }
    } else if doc.fullscreen_element().is_some() {
        call_quietly(&doc, "exitFullscreen");
    }
}

/// Calls a promise-returning method and ignores a refusal: without full screen the mode
/// still works, just inside the window.
fn call_quietly(target: &wasm_bindgen::JsValue, method: &str) {
    use wasm_bindgen::JsCast;
    let function = js_sys::Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(function) = function else { return };
    if let Ok(result) = function.call0(target)
        && let Ok(promise) = result.dyn_into::<js_sys::Promise>()
    {
        // A one-shot JS function that frees itself once called.
        let ignore = wasm_bindgen::closure::Closure::once_into_js(|_: wasm_bindgen::JsValue| {});
        let catch = js_sys::Reflect::get(&promise, &"catch".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(catch) = catch {
            let _ = catch.call1(&promise, &ignore);
        }
    }
}

/// The view after (`forward`) or before the current one, cycling; from a view that is not
/// one of them (the library, the print preview), the first or the last.
pub fn next_view(current: View, forward: bool) -> View {
    let n = PROJECTOR_VIEWS.len();
    let Some(at) = PROJECTOR_VIEWS.iter().position(|v| *v == current) else {
        return if forward {
            PROJECTOR_VIEWS[0]
        } else {
            PROJECTOR_VIEWS[n - 1]
        };
    };
    let to = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    PROJECTOR_VIEWS[to]
}

/// Keeps `<html class="projector">` in step with the mode (the large type scales from the
/// root font size), and leaves projector mode when the user leaves full screen with the
/// browser's own controls.
pub fn follow_fullscreen(state: AppState) {
    Effect::new(move |_| {
        let on = state.projector.get();
        if let Some(root) = document().document_element() {
            let _ = if on {
                root.class_list().add_1("projector")
            } else {
                root.class_list().remove_1("projector")
            };
        }
    });
    let handle = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"),
        move |_| {
            if document().fullscreen_element().is_none() && state.projector.get_untracked() {
                state.projector.set(false);
            }
        },
    );
    on_cleanup(move || handle.remove());
}
