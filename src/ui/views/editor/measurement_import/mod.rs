//! Measurements in and out as text: rows pasted from a spreadsheet into the open KPI, and the
//! measurements CSV file of the whole scorecard (export, and an import that is previewed row
//! by row first). Nothing is applied while a row is bad, unless the user chooses to skip the
//! bad rows; what is applied is one undo step (`Command::Batch`).

mod csv_import_dialog;
mod menu;
mod paste_dialog;
mod preview;

pub use menu::{MeasurementsMenu, csv_file_name, export_csv};
pub use paste_dialog::PasteRowsButton;
