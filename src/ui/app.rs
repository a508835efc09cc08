//! The root component: builds the state, keeps the view in the URL fragment, and lays out
//! the header, the views, the side panel and the coach.

use leptos::prelude::*;

use crate::browser;
use crate::ui::coach_panel::CoachPanel;
use crate::ui::header::AppHeader;
use crate::ui::help_overlay::HelpOverlay;
use crate::ui::language_switch::initial_lang;
use crate::ui::notice_bar::NoticeBar;
use crate::ui::projector::follow_fullscreen;
use crate::ui::quadrant::FourQuadrants;
use crate::ui::shortcuts;
use crate::ui::side_panel::SidePanel;
use crate::ui::state::{AppState, View};
use crate::ui::strategy_band::StrategyBand;
use crate::ui::texts::tr;

/// The whole app, starting with a blank scorecard in the browser's language.
#[component]
pub fn App() -> impl IntoView {
    crate::ui::offline::register();
    let lang = initial_lang();
    let boot = crate::ui::persistence::boot(lang);
    let state = AppState::new(boot.doc.clone(), lang, browser::today());
    provide_context(crate::ui::persistence::Persistence::install(state, boot));
    view! { <ScorecardApp state=state /> }
}

/// The app around a given state; tests mount it with a scorecard of their own.
#[component]
pub fn ScorecardApp(state: AppState) -> impl IntoView {
    provide_context(state);
    shortcuts::install(state);
    follow_fullscreen(state);
    follow_url_fragment(state);
    let lang = state.lang;
    let views = move || match state.view.get() {
        View::Scorecard => view! { <ScorecardView /> }.into_any(),
        View::Map => view! { <crate::ui::StrategyMap /> }.into_any(),
        View::Dashboard => view! { <crate::ui::dashboard::Dashboard /> }.into_any(),
        View::Print => view! { <crate::ui::print_view::PrintView /> }.into_any(),
        View::Workshop => view! { <crate::ui::workshop::WorkshopView /> }.into_any(),
        View::Library => view! { <crate::ui::library_view::LibraryView /> }.into_any(),
    };
    view! {
        <div
            class="app"
            class:projector=move || state.projector.get()
            data-testid="app-shell"
            data-projector=move || state.projector.get().to_string()
            lang=move || lang.get().code()
        >
            <AppHeader />
            <NoticeBar />
            <crate::ui::banners::StorageBanners />
            <crate::ui::as_of_control::AsOfBanner />
            <div class="workspace" class:with-panel=move || state.selection.with(Option::is_some)>
                <main class="views" data-testid="views"
                    inert=move || state.read_only.get() && state.view.get() != View::Library>{views}</main>
                <div class="side-column">
                    <SidePanel />
                    <CoachPanel />
                </div>
            </div>
            <HelpOverlay />
            <crate::ui::dialogs::StorageDialogs />
            <crate::ui::file_io::DropZone />
            <footer class="app-footer">
                {move || tr(
                    lang.get(),
                    "Runs in your browser. Nothing you enter leaves this computer.",
                    "Draait in je browser. Niets wat je invoert verlaat deze computer.",
                )}
                " "
                <crate::ui::offline::OfflineStatus />
            </footer>
        </div>
    }
}

/// The scorecard view: the strategy band over the four quadrants.
#[component]
fn ScorecardView() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    view! {
        <StrategyBand />
        <section class="quadrants" data-testid="quadrants"
            aria-label=move || tr(lang.get(), "The four factors", "De vier factoren")>
            <FourQuadrants />
        </section>
    }
}

/// Keeps `state.view` and the URL fragment in step (`#scorecard`, `#map`), so the browser's
/// back button and bookmarks work on any static host.
fn follow_url_fragment(state: AppState) {
    let read = move || {
        let hash = window().location().hash().unwrap_or_default();
        state.view.set(View::from_fragment(&hash));
    };
    read();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| read());
    on_cleanup(move || handle.remove());
}
