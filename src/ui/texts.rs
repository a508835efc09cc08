//! The words of the interface in English and Dutch. Every call site gives both, so no text
//! can exist in one language and not the other. (Texts inside a scorecard, such as key
//! questions, live in the model and belong to the scorecard.)

use crate::model::Lang;

/// The English or the Dutch text, by `lang`.
pub fn tr(lang: Lang, en: &'static str, nl: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// The product's name (the same in both languages).
pub const APP_NAME: &str = "Social Media Scorecard";
