//! The app's reactive state: one Copy struct of signals, provided as context.

use leptos::prelude::*;

use crate::model::{Lang, Scorecard};

/// Shared state of the running app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scorecard that is open.
    pub doc: RwSignal<Scorecard>,
    /// The language of the interface.
    pub lang: RwSignal<Lang>,
}

impl AppState {
    /// State around an open scorecard, with the interface in `lang`.
    pub fn new(doc: Scorecard, lang: Lang) -> AppState {
        AppState {
            doc: RwSignal::new(doc),
            lang: RwSignal::new(lang),
        }
    }

    /// The state provided by the nearest [`crate::ui::App`].
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }
}
