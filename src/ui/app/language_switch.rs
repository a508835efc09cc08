//! The interface language: English or Dutch, switchable at any time and remembered.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::session::state::AppState;

/// Switches the interface to `lang` (the session remembers it).
pub fn set_lang(state: AppState, lang: Lang) {
    state.lang.set(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// Two buttons, EN and NL; the active one is pressed.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    let button = move |l: Lang, text: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                data-testid=format!("lang-{}", l.code())
                aria-pressed=move || (lang.get() == l).to_string()
                title=name
                on:click=move |_| set_lang(state, l)
            >
                {text}
                <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        }
    };
    view! {
        <div class="toolbar lang-switch" role="group"
            aria-label=move || tr(lang.get(), "Language", "Taal")>
            {button(Lang::En, "EN", "English")}
            {button(Lang::Nl, "NL", "Nederlands")}
        </div>
    }
}
