//! The route: which view is shown, or which shared scorecard, kept in the URL fragment
//! (`#scorecard`, `#map`, `#share=…`), so the back button and bookmarks work on any static
//! host without rewrite rules. One `hashchange` listener follows the address; an effect
//! writes the view back into it when the app changes view.

use leptos::prelude::*;

use crate::exchange::share::SHARE_PREFIX;
use crate::ui::session::Persistence;
use crate::ui::session::state::{AppState, View};

/// What a URL fragment asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// A view of the open scorecard.
    View(View),
    /// A shared scorecard (the whole fragment, `#share=…`), shown read-only in the scorecard
    /// view.
    Share(String),
}

impl Route {
    /// The route of a fragment (with or without `#`); the scorecard view for anything
    /// unknown.
    pub fn parse(fragment: &str) -> Route {
        let hash = format!("#{}", fragment.trim_start_matches('#'));
        if hash.starts_with(SHARE_PREFIX) {
            Route::Share(hash)
        } else {
            Route::View(View::from_fragment(&hash))
        }
    }

    /// The view this route shows.
    pub fn view(&self) -> View {
        match self {
            Route::View(view) => *view,
            Route::Share(_) => View::Scorecard,
        }
    }

    /// The share fragment, for a shared scorecard.
    pub fn share(&self) -> Option<&str> {
        match self {
            Route::Share(fragment) => Some(fragment),
            Route::View(_) => None,
        }
    }
}

/// The route of the page's address now.
pub fn current() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// Keeps `state.view` and the address in step: the address's view is shown now and after
/// every `hashchange` (a share link opens the shared scorecard when the app keeps work in
/// this browser); a change of `state.view` is written into the address.
pub fn follow(state: AppState) {
    state.go(current().view());
    let persistence = Persistence::get();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = current();
        if let (Some(p), Some(fragment)) = (persistence, route.share()) {
            p.open_shared(fragment);
            return;
        }
        state.go(route.view());
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        let view = state.view.get();
        if current().view() != view {
            let _ = window().location().set_hash(view.fragment());
        }
    });
}
