//! The root component: builds the state, follows the route, and lays out the header, the
//! views, the side panel and the coach.

use leptos::prelude::*;

use crate::ui::widgets::part_view::{Part, PartView};

use crate::i18n::tr;
use crate::ui::app::coach_panel::CoachPanel;
use crate::ui::app::header::AppHeader;
use crate::ui::app::help_overlay::HelpOverlay;
use crate::ui::app::notice_bar::NoticeBar;
use crate::ui::app::projector::follow_fullscreen;
use crate::ui::app::route;
use crate::ui::app::shortcuts;
use crate::ui::session::preferences;
use crate::ui::session::state::{AppState, View};
use crate::ui::views::editor::side_panel::SidePanel;
use crate::ui::views::scorecard::quadrant::FourQuadrants;
use crate::ui::views::scorecard::strategy_band::StrategyBand;
use crate::web::browser;

/// The whole app: the library kept in this browser (or, in a new browser, the welcome
/// screen) in the remembered or the browser's language.
#[component]
pub fn App() -> impl IntoView {
    crate::ui::app::offline::register();
    let lang = preferences::stored_lang().unwrap_or_else(browser::preferred_lang);
    let start = route::current();
    let boot = crate::ui::session::boot(lang, start.share(), start.view() == View::Scorecard);
    let welcome = boot.welcome;
    let state = AppState::new(boot.doc.clone(), lang, browser::today());
    state.workshop.step.set(preferences::stored_workshop_step());
    if let Some(limit) = preferences::stored_coach_limit() {
        state.coach_limit.set(limit);
    }
    let persistence = crate::ui::session::Persistence::install(state, boot);
    provide_context(persistence);
    crate::ui::app::welcome::install(persistence, welcome);
    route::follow(state);
    // Once the first screen is up, the other parts are stored for offline use (or fetched
    // into the page when there is no service worker).
    let offline = use_context::<crate::ui::app::offline::Offline>();
    set_timeout(
        move || crate::ui::app::offline::after_first_screen(offline),
        std::time::Duration::from_millis(1000),
    );
    view! { <ScorecardApp state=state /> }
}

/// The app around a given state; tests mount it with a scorecard of their own (the route,
/// storage and the URL are [`App`]'s).
#[component]
pub fn ScorecardApp(state: AppState) -> impl IntoView {
    provide_context(state);
    crate::ui::app::parts::register();
    crate::ui::widgets::why_score::WhyScoreState::provide();
    shortcuts::install(state);
    follow_fullscreen(state);
    let lang = state.lang;
    let welcome = crate::ui::app::welcome::showing();
    // The first screen (the scorecard) is in the main module; every other view is a part
    // whose code loads on first use (ui::app::parts).
    let views = move || match state.view.get() {
        View::Scorecard => view! { <ScorecardView /> }.into_any(),
        View::Map => view! { <PartView part=Part::Map /> }.into_any(),
        View::Dashboard => view! { <PartView part=Part::Dashboard /> }.into_any(),
        View::Data => view! { <PartView part=Part::Data /> }.into_any(),
        View::Print => view! { <PartView part=Part::Print /> }.into_any(),
        View::Workshop => view! { <PartView part=Part::Workshop /> }.into_any(),
        View::Library => view! { <PartView part=Part::Library /> }.into_any(),
        View::Review => view! { <PartView part=Part::Review /> }.into_any(),
        View::Report => view! { <PartView part=Part::Report /> }.into_any(),
    };
    view! {
        <div
            class="app"
            class:projector=move || state.projector.get()
            data-testid="app-shell"
            data-projector=move || state.projector.get().to_string()
            lang=move || lang.get().code()
        >
            <Show when=move || !welcome.get()>
                <AppHeader />
            </Show>
            <NoticeBar />
            <crate::ui::app::banners::StorageBanners />
            <crate::ui::app::group_banner::GroupBanner />
            <crate::ui::app::as_of_control::AsOfBanner />
            // A new browser's first screen, in place of the header and the views.
            <Show when=move || !welcome.get()
                fallback=|| view! { <crate::ui::app::welcome::Welcome /> }>
            <div class="workspace" class:with-panel=move || state.selection.with(Option::is_some)>
                // In projector mode the scorecard, map and dashboard stay live for their "Why
                // this score?" buttons only: every other control in them is `inert` itself.
                <main class="views" data-testid="views"
                    inert=move || {
                        let view = state.view.get();
                        (state.read_only.get() && view != View::Library)
                            || (state.projector.get() && !explains_scores(view))
                    }>{views}</main>
                <div class="side-column">
                    <SidePanel />
                    <CoachPanel />
                </div>
            </div>
            </Show>
            <HelpOverlay />
            <crate::ui::widgets::why_score::WhyScore />
            <crate::ui::app::dialogs::StorageDialogs />
            <crate::ui::app::file_buttons::DropZone />
            <crate::ui::views::platform_import::PlatformImportDialog />
            <crate::ui::views::merge::MergeDialogs />
            <footer class="app-footer">
                {move || tr(
                    lang.get(),
                    "Runs in your browser. Nothing you enter leaves this computer.",
                    "Draait in je browser. Niets wat je invoert verlaat deze computer.",
                )}
                " "
                <crate::ui::app::offline::OfflineStatus />
            </footer>
        </div>
    }
}

/// The views whose scores can be explained in projector mode ("Why this score?"): they stay
/// live there, with every control but those buttons `inert` on its own.
fn explains_scores(view: View) -> bool {
    matches!(view, View::Scorecard | View::Map | View::Dashboard)
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
