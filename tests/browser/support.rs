//! Helpers shared by the browser suite's modules (`crate::support`).

use std::cell::RefCell;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Poll, Waker};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Waits for the next animation frame.
pub async fn next_frame() {
    let shared = Rc::new(RefCell::new((false, None::<Waker>)));
    let inner = Rc::clone(&shared);
    let callback = Closure::once_into_js(move || {
        let mut s = inner.borrow_mut();
        s.0 = true;
        if let Some(w) = s.1.take() {
            w.wake();
        }
    });
    window()
        .request_animation_frame(callback.unchecked_ref())
        .expect("request a frame");
    poll_fn(|cx| {
        let mut s = shared.borrow_mut();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

/// Mounts `f` into a new element appended to the page's body; the element and the handle
/// (dropping it unmounts).
pub fn mount<F, V>(f: F) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<V::State>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    let document = document();
    let host = document.create_element("div").expect("a host element");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append the host");
    let host: web_sys::HtmlElement = host.unchecked_into();
    let handle = leptos::mount::mount_to(host.clone(), f);
    (host, handle)
}

/// The first element under `root` matching `selector`, if any.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .expect("a valid selector")
        .map(|e| e.unchecked_into())
}

/// The first element under `root` matching `selector`; panics naming the selector if none.
pub fn get(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    find(root, selector).unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The text of the first element under `root` matching `selector`.
pub fn text(root: &web_sys::Element, selector: &str) -> String {
    get(root, selector).text_content().unwrap_or_default()
}

/// Every element under `root` that matches `selector`, in document order.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// Lets the reactive system and the page catch up: a tick, a frame, a tick.
pub async fn settle() {
    leptos::task::tick().await;
    next_frame().await;
    leptos::task::tick().await;
}

/// Waits (a frame at a time, at most ~5 s) until `selector` matches under `root`.
pub async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    for _ in 0..300 {
        if let Some(el) = find(root, selector) {
            return el;
        }
        next_frame().await;
    }
    panic!("{selector} did not appear");
}
