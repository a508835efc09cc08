//! The root component: builds the state and lays out the screen.

use leptos::prelude::*;

use crate::browser;
use crate::model::{FactorKind, Scorecard};
use crate::ui::header::AppHeader;
use crate::ui::quadrant::Quadrant;
use crate::ui::state::AppState;
use crate::ui::strategy_band::StrategyBand;
use crate::ui::texts::{Text, t};

/// The whole app, starting with a blank scorecard in the browser's language.
#[component]
pub fn App() -> impl IntoView {
    let lang = browser::preferred_lang();
    let doc = Scorecard::new_blank(browser::random_scorecard_id(), lang);
    view! { <ScorecardApp state=AppState::new(doc, lang) /> }
}

/// The app around a given state; tests mount it with a scorecard of their own.
#[component]
pub fn ScorecardApp(state: AppState) -> impl IntoView {
    provide_context(state);
    let lang = state.lang;
    view! {
        <div class="app" data-testid="app-shell">
            <AppHeader />
            <main>
                <StrategyBand />
                <section class="quadrants" data-testid="quadrants" aria-label="Scorecard">
                    {FactorKind::ALL
                        .into_iter()
                        .map(|kind| view! { <Quadrant kind=kind /> })
                        .collect_view()}
                </section>
            </main>
            <footer class="app-footer">{move || t(lang.get(), Text::Footer)}</footer>
        </div>
    }
}
