//! One modal dialog for the whole app: `role="dialog"`, `aria-modal`, focus moved in and kept
//! in, restored on close, Escape cancels.

use std::cell::RefCell;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The elements that had focus before each open dialog, innermost last.
    static FOCUS_BEFORE: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

fn remember_focus() {
    let active = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = active {
        FOCUS_BEFORE.with(|f| f.borrow_mut().push(el));
    }
}

fn restore_focus() {
    let el = FOCUS_BEFORE.with(|f| f.borrow_mut().pop());
    if let Some(el) = el
        && el.is_connected()
    {
        let _ = el.focus();
    }
}

/// The buttons, inputs and links that can take focus inside `root`.
fn focusables(root: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(
        "button:not([disabled]), input:not([disabled]), textarea, select, a[href]",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// `base` plus `<variant>-<suffix>` when there is a variant.
fn extra(base: &str, variant: &str, suffix: &str) -> String {
    if variant.is_empty() {
        base.to_string()
    } else {
        format!("{base} {variant}-{suffix}")
    }
}

/// A modal dialog around `children`: focus moves to its first control and returns on close,
/// Tab stays inside, Escape calls `on_escape`. Every dialog of the app uses it.
#[component]
pub fn Modal(
    testid: &'static str,
    title_id: &'static str,
    on_escape: Callback<()>,
    /// Extra classes for the backdrop and the dialog box, e.g. `import`.
    #[prop(optional)]
    variant: &'static str,
    children: Children,
) -> impl IntoView {
    let node: NodeRef<html::Div> = NodeRef::new();
    remember_focus();
    Effect::new(move |_| {
        if let Some(root) = node.get() {
            let root: web_sys::HtmlElement = root.into();
            if let Some(first) = focusables(&root).first() {
                let _ = first.focus();
            }
        }
    });
    on_cleanup(restore_focus);
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_escape.run(());
        }
        "Tab" => {
            let Some(root) = node.get_untracked() else {
                return;
            };
            let root: web_sys::HtmlElement = root.into();
            let items = focusables(&root);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = document().active_element();
            let at = |el: &web_sys::HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a.is_same_node(Some(el.as_ref())))
            };
            if ev.shift_key() && at(first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && at(last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    view! {
        <div class=extra("overlay dialog-backdrop", variant, "overlay")>
            <div class=extra("dialog", variant, "dialog") role="dialog" aria-modal="true" aria-labelledby=title_id
                data-testid=testid node_ref=node on:keydown=on_keydown>
                {children()}
            </div>
        </div>
    }
}
