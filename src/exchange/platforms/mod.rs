//! Reading the analytics exports of social platforms (Meta Business Suite, LinkedIn, TikTok,
//! X, YouTube Studio, Google Analytics 4, and any "date + number columns" table) into daily
//! points per metric, ready to become points of input series. Pure: bytes in, an
//! [`ExportFile`] or an [`ExportError`] out; nothing here knows the browser.
//!
//! The layers, each its own file:
//! - `text`: bytes to text (UTF-8 / UTF-16 with or without BOM, Windows-1252 as a fallback),
//!   then text to [`Table`]s: the `sep=` line, the separator (comma, semicolon, tab) decided
//!   per table, quoted fields (also with line breaks), lines a spreadsheet wrapped in quotes
//!   as a whole, comment and title lines before a header, several tables stacked in one file.
//! - `numbers`: one cell to a number or to "no value" (the null tokens `-`, `--`, `N/A`,
//!   `NAN`, `undefined`, empty), with the problem when it is neither.
//! - `dates`: a whole column of cells to dates, deciding the order (day-month or month-day)
//!   for the column, never per row; dates without a year get one from the order of the rows
//!   and the export date. When nothing in the data decides the order, the file carries a
//!   [`DateQuestion`] (both readings of a few cells) so the app can ask; the answer comes
//!   back as [`ReadOptions::date_order`].
//! - `messages` and `error`: every problem, note and refusal as data ([`ExportMessage`],
//!   [`ExportError`]), worded in English or Dutch by their `text(lang)`.
//! - one file per format (`meta`, `tiktok`, `linkedin`, `x`, `youtube`, `ga4`, `generic`):
//!   recognises its tables and turns them into [`MetricColumn`]s.
//!
//! `docs/platform-exports.md` describes each format, the quirks handled and how to add one.

mod date_question;
pub mod dates;
mod error;
pub mod ga4;
pub mod generic;
pub mod keys;
pub mod linkedin;
mod messages;
pub mod meta;
pub mod numbers;
mod options;
mod platform;
mod read;
mod sheet_guard;
mod spreadsheet;
pub mod text;
pub mod tiktok;
mod types;
pub mod x;
pub mod youtube;

pub use date_question::{DateOrder, DateQuestion, DateReading};
pub use error::ExportError;
pub use keys::key_from;
pub use messages::ExportMessage;
pub use options::ReadOptions;
pub use platform::Platform;
pub use read::{
    read_export, read_export_with, read_spreadsheet, read_spreadsheet_on, read_spreadsheet_with,
};
pub use text::{Row, Table};
pub use types::{ExportFile, MAX_EXPORT_BYTES, MetricColumn, RowProblem};
