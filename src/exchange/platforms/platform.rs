//! [`Platform`]: which software made an export file, and its name in both languages.

use serde::Serialize;

use crate::i18n::tr;
use crate::model::Lang;

/// Which software made a file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Meta Business Suite: Facebook (or a Meta file that does not say which).
    Facebook,
    /// Meta Business Suite: Instagram.
    Instagram,
    /// LinkedIn page analytics.
    LinkedIn,
    /// TikTok Studio / TikTok analytics.
    TikTok,
    /// X (Twitter) analytics.
    X,
    /// YouTube Studio.
    YouTube,
    /// Google Analytics 4.
    GoogleAnalytics,
    /// Google Search Console.
    SearchConsole,
    /// Sprout Social.
    SproutSocial,
    /// A table with a date column and number columns, maker unknown.
    Other,
}

impl Platform {
    /// The name shown in previews, in English, e.g. "Meta Business Suite (Instagram)".
    pub fn name(self) -> &'static str {
        self.name_in(Lang::En)
    }

    /// The name in `lang` (only "Table with dates" / "Tabel met datums" differs).
    pub fn name_in(self, lang: Lang) -> &'static str {
        match self {
            Platform::Facebook => "Meta Business Suite (Facebook)",
            Platform::Instagram => "Meta Business Suite (Instagram)",
            Platform::LinkedIn => "LinkedIn",
            Platform::TikTok => "TikTok",
            Platform::X => "X (Twitter)",
            Platform::YouTube => "YouTube Studio",
            Platform::GoogleAnalytics => "Google Analytics 4",
            Platform::SearchConsole => "Google Search Console",
            Platform::SproutSocial => "Sprout Social",
            Platform::Other => tr(lang, "Table with dates", "Tabel met datums"),
        }
    }
}
