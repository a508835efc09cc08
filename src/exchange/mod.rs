//! Text in and out of the app other than the scorecard file itself (which is
//! [`crate::model::file`]): share links and measurements as CSV or pasted rows. Pure: tested
//! natively.

pub mod measurements;
pub mod share;
