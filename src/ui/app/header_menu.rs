//! The header's menu button on narrow screens (phones, tablets, a 1024 px projector): it
//! shows and hides the header's settings (as-of date, language, help) and its secondary
//! actions (file, measurements, print, report, projector). On wide screens the button is
//! hidden and those controls stand in the header itself (`style/main.css`, "header").

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::AppState;

/// The ids of the two parts of the header the menu shows (`aria-controls`).
pub const MENU_PARTS: &str = "header-settings header-actions";

/// The menu button; `open` is whether the menu is shown. Escape and a choice in the menu
/// close it ([`crate::ui::app::header::AppHeader`]), and focus comes back here.
#[component]
pub fn HeaderMenuToggle(open: RwSignal<bool>) -> impl IntoView {
    let lang = AppState::expect().lang;
    view! {
        <button type="button" class="header-menu-toggle" id="header-menu-toggle"
            data-testid="header-menu-toggle"
            aria-controls=MENU_PARTS
            aria-expanded=move || open.get().to_string()
            aria-label=move || tr(lang.get(),
                "Menu: date, language, file, measurements, print and projector",
                "Menu: datum, taal, bestand, metingen, afdrukken en projector")
            on:click=move |_| open.update(|o| *o = !*o)>
            <span class="header-menu-icon" aria-hidden="true">{move || if open.get() { "✕" } else { "☰" }}</span>
            // "Menu" in English and in Dutch alike.
            <span class="header-menu-word">"Menu"</span>
        </button>
    }
}

/// Closes the menu and puts focus back on its button.
pub fn close_menu(open: RwSignal<bool>) {
    if !open.get_untracked() {
        return;
    }
    open.set(false);
    use wasm_bindgen::JsCast;
    if let Some(button) = document()
        .get_element_by_id("header-menu-toggle")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // Only where the button is shown (narrow screens): a hidden one takes no focus.
        if button.offset_width() > 0 {
            let _ = button.focus();
        }
    }
}

/// Keeps the current view's tab in sight in the tab bar (which scrolls sideways on a phone).
pub fn show_current_tab() {
    use wasm_bindgen::JsCast;
    request_animation_frame(|| {
        let doc = document();
        let (Some(nav), Some(tab)) = (
            doc.query_selector("nav.tabs").ok().flatten(),
            doc.query_selector("nav.tabs .tab[aria-current=page]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
        ) else {
            return;
        };
        if nav.scroll_width() <= nav.client_width() {
            return;
        }
        let left = tab.offset_left() - (nav.client_width() - tab.offset_width()) / 2;
        nav.set_scroll_left(left.max(0));
    });
}
