//! Measurements in and out of the scorecard as text: rows pasted from a spreadsheet, and a CSV
//! file of all measurements (export, and an import that is previewed before it is applied).
//! Pure: no web dependency, tested natively (`tests/measurement_io.rs`).
//!
//! The CSV format is documented in `docs/measurements-csv.md`.

mod csv;
mod date_column;
mod formula_guard;
mod messages;
mod paste;
mod records;
mod values;

pub use csv::{
    CSV_HEADER, Change, CsvPreview, NotReady, PreviewRow, ReadyRow, export_measurements_csv,
    preview_measurements_csv,
};
pub use date_column::{DateColumn, assumed_day_first_message};
pub use formula_guard::{FORMULA_STARTS, guard_formula, unguard_formula};
pub use paste::{ParsedRow, PastedRows, RowError, RowResult, parse_pasted, parse_pasted_rows};
pub use values::{
    DateOrder, DateProblem, NumberProblem, NumberStyle, parse_date, parse_date_in, parse_number,
};
