//! Offline use: registers the service worker (`sw.js`, next to the page, so it works under
//! any sub-path), asks it to store the parts of the app loaded on first use once the first
//! screen is up ([`after_first_screen`]), and shows whether the app is ready offline or an
//! update waits for the next visit. The worker itself is `static/sw.js`; it never takes over
//! a page of another build, so a new build is used from the next visit on (see the comment at
//! its top).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ServiceWorker, ServiceWorkerRegistration};

use crate::i18n::tr;
use crate::ui::session::state::AppState;

/// The service worker script, relative to the page.
const WORKER_URL: &str = "./sw.js";

/// Where offline use stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfflineState {
    /// No service worker here (an old browser, a page not served over HTTPS or localhost,
    /// or registration failed): nothing is shown.
    Unavailable,
    /// The files are being stored for offline use.
    Preparing,
    /// Every file of this build is stored, the parts loaded on first use included: the app
    /// opens without network.
    Ready,
    /// A newer build is stored and waits: it is used on the next visit.
    UpdateWaiting,
}

impl OfflineState {
    /// The `data-state` value, for styling and tests.
    pub fn key(self) -> &'static str {
        match self {
            OfflineState::Unavailable => "unavailable",
            OfflineState::Preparing => "preparing",
            OfflineState::Ready => "ready",
            OfflineState::UpdateWaiting => "update-waiting",
        }
    }
}

/// The offline state, provided as context by [`register`]: where the worker's registration
/// stands, and whether the worker said every part of the app is stored.
#[derive(Clone, Copy)]
pub struct Offline {
    registration: RwSignal<OfflineState>,
    complete: RwSignal<bool>,
}

impl Offline {
    /// Where offline use stands: "ready" only once the parts loaded on first use are stored.
    pub fn state(self) -> OfflineState {
        match self.registration.get() {
            OfflineState::Ready if !self.complete.get() => OfflineState::Preparing,
            state => state,
        }
    }
}

/// The message that asks the worker to store the parts still missing (static/sw.js).
const PRECACHE_LATER: &str = "precache-later";

/// Registers the service worker (once, from the app's root) and provides its state for
/// [`OfflineStatus`].
pub fn register() {
    let state = RwSignal::new(OfflineState::Unavailable);
    let complete = RwSignal::new(false);
    provide_context(Offline {
        registration: state,
        complete,
    });
    let Some(container) = container() else {
        return;
    };
    state.set(OfflineState::Preparing);
    listen_for_answers(&container, complete);
    let on_registered = Closure::once(move |value: JsValue| {
        if let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() {
            follow(registration, state);
        }
    });
    let on_failed = Closure::once(move |error: JsValue| {
        state.set(OfflineState::Unavailable);
        web_sys::console::warn_2(&"Offline use is not available:".into(), &error);
    });
    let _ = container
        .register(WORKER_URL)
        .then2(&on_registered, &on_failed);
    // Called once, at most, each; they live as long as the page.
    on_registered.forget();
    on_failed.forget();
}

/// Once the first screen is up: asks the service worker to store the parts of the app loaded
/// on first use (they are not fetched while the first screen loads). Without a worker (an
/// old browser, a page not served over HTTPS or localhost) the parts are fetched into the
/// page instead, so views open at once later in this visit. `offline` is [`register`]'s
/// context (read it in the component: this runs later, from a timer).
pub fn after_first_screen(offline: Option<Offline>) {
    let available =
        offline.is_some_and(|o| o.registration.get_untracked() != OfflineState::Unavailable);
    let Some(container) = container().filter(|_| available) else {
        crate::ui::widgets::part_view::load_all_in_background();
        return;
    };
    let Ok(ready) = container.ready() else {
        crate::ui::widgets::part_view::load_all_in_background();
        return;
    };
    let on_ready = Closure::once(move |value: JsValue| {
        let active = value
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|registration| registration.active());
        if let Some(worker) = active {
            let _ = worker.post_message(&JsValue::from_str(PRECACHE_LATER));
        }
    });
    let _ = ready.then(&on_ready);
    on_ready.forget();
}

/// Follows the worker's answers: `{ precached: "complete" }` once every part is stored.
fn listen_for_answers(container: &web_sys::ServiceWorkerContainer, complete: RwSignal<bool>) {
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let answer = js_sys::Reflect::get(&event.data(), &JsValue::from_str("precached"))
                .ok()
                .and_then(|value| value.as_string());
            if let Some(answer) = answer {
                complete.set(answer == "complete");
            }
        });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_message.forget();
}

/// The page's service worker container, when the browser offers one here.
fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    has.then(|| navigator.service_worker())
}

/// Keeps `state` in step with the registration: now, when a new worker is found, and at
/// every state change of a worker. The listeners live as long as the page.
fn follow(registration: ServiceWorkerRegistration, state: RwSignal<OfflineState>) {
    let update = {
        let registration = registration.clone();
        move || state.set(current(&registration))
    };
    let watch = {
        let update = update.clone();
        move |worker: Option<ServiceWorker>| {
            let Some(worker) = worker else {
                return;
            };
            let update = update.clone();
            let on_change = Closure::<dyn FnMut()>::new(update);
            worker.set_onstatechange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
        }
    };
    watch(registration.installing());
    watch(registration.waiting());
    let on_update_found = {
        let registration = registration.clone();
        let watch = watch.clone();
        let update = update.clone();
        Closure::<dyn FnMut()>::new(move || {
            watch(registration.installing());
            update();
        })
    };
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
    update();
}

/// Where offline use stands for `registration` (Ready: a worker of this build is active).
fn current(registration: &ServiceWorkerRegistration) -> OfflineState {
    if registration.waiting().is_some() {
        OfflineState::UpdateWaiting
    } else if registration.active().is_some() {
        OfflineState::Ready
    } else if registration.installing().is_some() {
        OfflineState::Preparing
    } else {
        OfflineState::Unavailable
    }
}

/// A small line telling whether the app works offline, or that an update waits.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let Some(offline) = use_context::<Offline>() else {
        return ().into_any();
    };
    let lang = AppState::expect().lang;
    let text = move || match offline.state() {
        OfflineState::Unavailable => "",
        OfflineState::Preparing => tr(
            lang.get(),
            "Preparing offline use…",
            "Offline gebruik wordt voorbereid…",
        ),
        OfflineState::Ready => tr(lang.get(), "Ready offline", "Klaar voor offline gebruik"),
        OfflineState::UpdateWaiting => tr(
            lang.get(),
            "An update will be used on your next visit",
            "Een update wordt bij je volgende bezoek gebruikt",
        ),
    };
    view! {
        <span
            class="offline-status"
            data-testid="offline-status"
            data-state=move || offline.state().key()
            role="status"
            hidden=move || offline.state() == OfflineState::Unavailable
        >
            {text}
        </span>
    }
    .into_any()
}
