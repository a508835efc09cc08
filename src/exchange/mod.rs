//! Text in and out of the app other than the scorecard file itself (which is
//! [`crate::model::file`]): share links, measurements as CSV or pasted rows, rows pasted into
//! an input series, platform exports read and planned into series, and every score as data for JSON (`cargo run --example evaluate`). Pure:
//! tested natively.

pub mod collect;
pub mod measurements;
pub mod platform_import;
pub mod platforms;
pub mod scores;
pub mod series_paste;
pub mod share;
