//! [`read_export`]: one file's bytes to an [`ExportFile`], trying each format reader in turn.

use super::error::ExportError;
use super::messages::ExportMessage;
use super::options::ReadOptions;
use super::text::Table;
use super::types::{ExportFile, MAX_EXPORT_BYTES};
use super::{ga4, generic, linkedin, meta, text, tiktok, x, youtube};
use crate::model::Date;

/// Reads one export file with only an export date: [`read_export_with`] with
/// [`ReadOptions::on`]`(export_date)`.
pub fn read_export(
    file_name: &str,
    bytes: &[u8],
    export_date: Date,
) -> Result<ExportFile, ExportError> {
    read_export_with(file_name, bytes, &ReadOptions::on(export_date))
}

/// Reads one export file: decodes it, splits it into tables and lets each format reader try
/// them, the specific formats first and the generic "date + number columns" reader last.
/// Spreadsheets (xlsx / xls) go to the spreadsheet reader (`linkedin::read_spreadsheet`).
/// `options` give the day the file was made (for dates without a year; the file's
/// modification date, or today) and, once the user answered the file's
/// [`ExportFile::date_question`], the order of day and month.
pub fn read_export_with(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<ExportFile, ExportError> {
    if bytes.len() > MAX_EXPORT_BYTES {
        return Err(ExportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(ExportError::Empty);
    }
    if text::is_spreadsheet(bytes) {
        return linkedin::read_spreadsheet_with(file_name, bytes, options)
            .unwrap_or(Err(ExportError::NotText));
    }
    let text = text::decode(bytes)?;
    let tables = text::tables(&text);
    if tables.is_empty() {
        return Err(ExportError::Unrecognised {
            found: ExportMessage::NoTable,
        });
    }
    // Formats recognised by distinctive headers first (X, YouTube, GA4, Search Console and
    // Sprout Social), then Meta and TikTok.
    let readers: [Reader; 6] = [
        x::read,
        youtube::read,
        ga4::read,
        generic::read_known,
        meta::read,
        tiktok::read,
    ];
    for reader in readers {
        if let Some(file) = reader(file_name, &tables, options) {
            return Ok(file);
        }
    }
    // Meta and TikTok files known not to hold daily figures (audience, hourly activity) are
    // refused with their reason; anything else with dates is read as a plain table.
    if let Some(error) = meta::explain(&tables).or_else(|| tiktok::explain(&tables)) {
        return Err(error);
    }
    if let Some(file) = generic::read(file_name, &tables, options) {
        return Ok(file);
    }
    Err(generic::explain(&tables))
}

/// A format reader: `None` when the tables are not its format.
type Reader = fn(&str, &[Table], &ReadOptions) -> Option<ExportFile>;
