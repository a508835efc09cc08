//! The top bar: the product's name, the open scorecard's title, the view tabs, undo and redo.
//!
//! On wide screens every control stands in the bar. On narrow ones (`style/main.css`,
//! "compact header") the title, the saved state and the menu button make one line over the
//! tab bar, and the settings and secondary actions open under it from the menu button
//! ([`crate::ui::app::header_menu`]); every control keeps its `data-testid`.

use leptos::prelude::*;

use crate::i18n::{APP_NAME, tr};
use crate::ui::app::header_menu::{HeaderMenuToggle, close_menu, show_current_tab};
use crate::ui::app::language_switch::LanguageSwitch;
use crate::ui::app::projector::set_projector;
use crate::ui::session::state::{AppState, View};

/// The app's header bar.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let title = move || state.doc.with(|d| d.title.clone());
    let can_undo = move || state.history.with(|h| h.can_undo());
    let can_redo = move || state.history.with(|h| h.can_redo());
    let menu_open = RwSignal::new(false);
    // Another view: the menu closes and the new view's tab is scrolled into the tab bar.
    Effect::new(move |_| {
        state.view.track();
        menu_open.set(false);
        show_current_tab();
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            close_menu(menu_open);
        }
    };
    // A choice in the menu (a button, not the measurements menu's own toggle) closes it.
    let on_choice = move |ev: web_sys::MouseEvent| {
        use wasm_bindgen::JsCast;
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .is_some();
        if chosen && menu_open.get_untracked() {
            menu_open.set(false);
        }
    };
    let menu_state = move || if menu_open.get() { "open" } else { "closed" };
    let tab = move |view: View, en: &'static str, nl: &'static str| {
        view! {
            <a
                href=format!("#{}", view.fragment())
                class="tab"
                data-testid=format!("tab-{}", view.fragment())
                aria-current=move || if state.view.get() == view { "page" } else { "false" }
            >
                {move || tr(lang.get(), en, nl)}
            </a>
        }
    };
    view! {
        <header class="app-header" data-menu=menu_state on:keydown=on_key>
            <div class="header-top">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <h1 class="brand-name" data-testid="app-title">{APP_NAME}</h1>
                </div>
                <span class="scorecard-title" data-testid="scorecard-title">{title}</span>
                <crate::ui::app::saved_indicator::SavedIndicator />
                <span class="header-spacer"></span>
                <HeaderMenuToggle open=menu_open />
            </div>
            <div class="header-bar">
            <nav class="tabs toolbar" aria-label=move || tr(lang.get(), "Views", "Weergaven")>
                {tab(View::Scorecard, "Scorecard", "Scorecard")}
                {tab(View::Map, "Strategy map", "Strategiekaart")}
                {tab(View::Dashboard, "Dashboard", "Dashboard")}
                {tab(View::Data, "Data", "Gegevens")}
                {tab(View::Workshop, "Workshop", "Workshop")}
                {tab(View::Library, "Library", "Bibliotheek")}
                {tab(View::Review, "Review", "Bespreking")}
            </nav>
                <span class="header-spacer"></span>
            <div class="toolbar header-history" role="group" aria-label=move || tr(lang.get(), "History", "Geschiedenis")>
                <button type="button" data-testid="undo" prop:disabled=move || !can_undo()
                    aria-keyshortcuts="Control+Z Meta+Z"
                    title=move || tr(lang.get(), "Undo (Ctrl+Z)", "Ongedaan maken (Ctrl+Z)")
                    on:click=move |_| state.undo()>
                    <span aria-hidden="true">"↶"</span>
                    <span class="history-word">" " {move || tr(lang.get(), "Undo", "Ongedaan maken")}</span>
                </button>
                <button type="button" data-testid="redo" prop:disabled=move || !can_redo()
                    aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                    title=move || tr(lang.get(), "Redo (Ctrl+Shift+Z)", "Opnieuw (Ctrl+Shift+Z)")
                    on:click=move |_| state.redo()>
                    <span aria-hidden="true">"↷"</span>
                    <span class="history-word">" " {move || tr(lang.get(), "Redo", "Opnieuw")}</span>
                </button>
            </div>
                <div class="header-actions" id="header-actions" on:click=on_choice>
                <crate::ui::app::file_buttons::FileButtons />
                <crate::ui::views::editor::measurement_import::MeasurementsMenu />
                <div class="toolbar" role="group" aria-label=move || tr(lang.get(), "Presentation", "Presentatie")>
                <button type="button" data-testid="print-open"
                    title=move || tr(lang.get(), "Print: map, scorecard and actions on A4 landscape", "Afdrukken: kaart, scorecard en acties op A4 liggend")
                    on:click=move |_| crate::ui::views::print::open_and_print(state)>
                    {move || tr(lang.get(), "Print", "Afdrukken")}
                </button>
                <button type="button" data-testid="report-open"
                    title=move || tr(lang.get(), "One-page report of a month: print, save as PDF or copy as text", "Rapport op één pagina van een maand: afdrukken, opslaan als pdf of kopiëren als tekst")
                    on:click=move |_| state.go(View::Report)>
                    {move || tr(lang.get(), "Report", "Rapport")}
                </button>
                <button type="button" data-testid="projector-toggle"
                    aria-pressed=move || state.projector.get().to_string()
                    aria-keyshortcuts="Alt+P"
                    title=move || tr(lang.get(), "Projector mode (Alt+P)", "Projectormodus (Alt+P)")
                    on:click=move |_| set_projector(state, !state.projector.get_untracked())>
                    {move || if state.projector.get() {
                        tr(lang.get(), "Leave projector mode", "Projectormodus verlaten")
                    } else {
                        tr(lang.get(), "Projector", "Projector")
                    }}
                </button>
                </div>
                </div>
            </div>
            // The settings come after the views and tools in the page's order, so with the
            // menu open on a narrow screen Tab follows what the eye sees (actions, then
            // settings, under the tabs); on a wide screen CSS puts them at the top right.
            <div class="header-settings" id="header-settings" on:click=on_choice>
                <crate::ui::app::as_of_control::AsOfControl />
                <LanguageSwitch />
                <button type="button" class="icon-button" data-testid="help-open"
                    aria-keyshortcuts="?"
                    aria-label=move || tr(lang.get(), "Keyboard shortcuts", "Sneltoetsen")
                    on:click=move |_| state.help_open.set(true)>"?"</button>
            </div>
        </header>
    }
}
