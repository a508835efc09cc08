//! Helpers shared by the wasm-bindgen-test suites (`mod browser_support;`).

use std::cell::RefCell;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Poll, Waker};

use leptos::prelude::window;
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
