//! [`read_export`]: one file's bytes to an [`ExportFile`], trying each format reader in turn.

use super::error::ExportError;
use super::messages::ExportMessage;
use super::options::ReadOptions;
use super::text::Table;
use super::types::{ExportFile, MAX_EXPORT_BYTES};
use super::{ga4, generic, linkedin, meta, spreadsheet, text, tiktok, x, youtube};
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
/// Spreadsheets (xlsx / xls) go to the spreadsheet reader ([`read_spreadsheet_with`]).
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
    if let Some(read) = read_spreadsheet_with(file_name, bytes, options) {
        return read;
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

/// Reads a spreadsheet export (`.xls` or `.xlsx`): `None` when the bytes are not a
/// spreadsheet, else the file read or why it cannot be.
pub fn read_spreadsheet(file_name: &str, bytes: &[u8]) -> Option<Result<ExportFile, ExportError>> {
    read_spreadsheet_on(file_name, bytes, Date::default())
}

/// As [`read_spreadsheet`], with the export date (for dates without a year, e.g. TikTok's
/// `Overview.xlsx`).
pub fn read_spreadsheet_on(
    file_name: &str,
    bytes: &[u8],
    export_date: Date,
) -> Option<Result<ExportFile, ExportError>> {
    read_spreadsheet_with(file_name, bytes, &ReadOptions::on(export_date))
}

/// As [`read_spreadsheet`], with the export date and the order of day and month when the
/// user chose it.
pub fn read_spreadsheet_with(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Option<Result<ExportFile, ExportError>> {
    if !text::is_spreadsheet(bytes) {
        return None;
    }
    if bytes.len() > MAX_EXPORT_BYTES {
        return Some(Err(ExportError::TooLarge { bytes: bytes.len() }));
    }
    let sheets = match spreadsheet::sheets(bytes) {
        Ok(s) => s,
        Err(message) => {
            return Some(Err(ExportError::Unrecognised {
                found: ExportMessage::SpreadsheetUnreadable { reason: message },
            }));
        }
    };
    Some(linkedin::read_sheets(file_name, &sheets, options))
}
