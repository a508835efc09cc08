//! Measurements in and out of the scorecard as text: rows pasted from a spreadsheet, and a CSV
//! file of all measurements (export, and an import that is previewed before it is applied).
//! Pure: no web dependency, tested natively (`tests/measurement_io.rs`).
//!
//! The CSV format is documented in `docs/measurements-csv.md`.

mod csv;
mod messages;
mod paste;
mod records;
mod values;

pub use csv::{
    CSV_HEADER, Change, CsvPreview, NotReady, PreviewRow, ReadyRow, export_measurements_csv,
    preview_measurements_csv,
};
pub use paste::{ParsedRow, RowError, RowResult, parse_pasted_rows};
pub use values::{NumberStyle, parse_date, parse_number};
