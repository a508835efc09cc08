//! Text in and out of the app other than the scorecard file itself (which is
//! [`crate::model::file`]): share links, measurements as CSV or pasted rows, and every score
//! as data for JSON (`cargo run --example evaluate`). Pure: tested natively.

pub mod measurements;
pub mod scores;
pub mod share;
