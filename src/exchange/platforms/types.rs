//! The types a read export gives: [`ExportFile`] with its [`MetricColumn`]s and
//! [`RowProblem`]s, or an [`ExportError`]; which [`Platform`] made it.

use serde::Serialize;

use crate::model::{Aggregation, Date};

/// The most bytes an export may have (larger files are refused before reading).
pub const MAX_EXPORT_BYTES: usize = 20 * 1024 * 1024;

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
    /// The name shown in previews, e.g. "Meta Business Suite (Instagram)".
    pub fn name(self) -> &'static str {
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
            Platform::Other => "Table with dates",
        }
    }
}

/// A problem with one row (or one cell) of a file; the row is left out, the rest is read.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct RowProblem {
    /// The line in the file, from 1.
    pub line: usize,
    /// What is wrong, in English (the preview words it in the UI language from `kind`).
    pub message: String,
}

/// One metric of a file, as daily points.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct MetricColumn {
    /// The column's header (or the file's title for one-metric files), as in the file.
    pub header: String,
    /// The series key proposed for it, e.g. `facebook_reach` (valid in formulas).
    pub key: String,
    /// A readable name for a new series, e.g. "Facebook reach".
    pub name: String,
    /// The aggregation a new series should get: `sum` for counts, `last` for totals such as
    /// followers.
    pub aggregation: Aggregation,
    /// The points, one per date, in date order (rows of one date already combined, e.g. posts
    /// summed by their publish date).
    pub points: Vec<(Date, f64)>,
}

/// What was read from one file.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct ExportFile {
    /// Which software made it.
    pub platform: Platform,
    /// Which export it is, e.g. "daily metric", "posts", "overview".
    pub kind: String,
    /// The metrics found.
    pub metrics: Vec<MetricColumn>,
    /// How many data rows were read.
    pub rows: usize,
    /// Rows that were left out, with the reason.
    pub problems: Vec<RowProblem>,
    /// Things the user should know, e.g. "the year was inferred from the export date".
    pub notes: Vec<String>,
}

/// Why a file could not be read at all.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub enum ExportError {
    /// Larger than [`MAX_EXPORT_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Nothing in it.
    Empty,
    /// Not text and not a spreadsheet.
    NotText,
    /// A table was found, but no column of dates with numbers beside it.
    NoDates,
    /// Not a format this app knows.
    Unrecognised {
        /// What was found, e.g. "a table with the columns Name, Email".
        found: String,
    },
}
