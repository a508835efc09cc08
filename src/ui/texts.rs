//! The words of the interface in English and Dutch. Every call site gives both, so no text
//! can exist in one language and not the other. (Texts inside a scorecard, such as key
//! questions, live in the model and belong to the scorecard.)

use leptos::prelude::*;

use crate::model::Lang;

/// The English or the Dutch text, by `lang`.
pub fn tr(lang: Lang, en: &'static str, nl: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// The label maker of a form: `label("English", "Dutch")` is the text in the interface
/// language, following a switch of language. (tests/i18n.rs checks `label(…)` pairs as it
/// checks `tr(…)`.)
pub fn labels(
    lang: RwSignal<Lang>,
) -> impl Fn(&'static str, &'static str) -> Signal<String> + Copy {
    move |en, nl| Signal::derive(move || tr(lang.get(), en, nl).to_string())
}

/// The product's name (the same in both languages).
pub const APP_NAME: &str = "Social Media Scorecard";
