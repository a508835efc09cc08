//! Both languages of the interface: one [`Text`] and [`tr`] for every sentence, the words for
//! statuses and the model's enums, month names and dates, number formats, and the messages
//! for files and links that cannot be read. Every call site gives English and Dutch together,
//! so no text can exist in one language only (`tests/i18n.rs` checks the `tr` and `t` pairs).
//! Texts that belong to a scorecard (factor labels, key questions) live in the model.

pub mod dates;
pub mod explain;
pub mod format;
pub mod linkify;
pub mod messages;
pub mod review_mode_words;
pub mod review_words;
pub mod score_change_words;
pub mod words;

use crate::model::Lang;

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Dutch.
    pub nl: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        tr(lang, self.en, self.nl)
    }
}

/// A [`Text`] from its English and Dutch (usable in `const` tables).
pub const fn t(en: &'static str, nl: &'static str) -> Text {
    Text { en, nl }
}

/// The English or the Dutch text, by `lang`.
pub fn tr<'a>(lang: Lang, en: &'a str, nl: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// The product's name (the same in both languages).
pub const APP_NAME: &str = "Social Media Scorecard";
