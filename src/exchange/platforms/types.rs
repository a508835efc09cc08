//! The types a read export gives: [`ExportFile`] with its [`MetricColumn`]s,
//! [`RowProblem`]s and notes.

use serde::Serialize;

use super::date_question::DateQuestion;
use super::messages::ExportMessage;
use super::platform::Platform;
use crate::model::{Aggregation, Date};

/// The most bytes an export may have (larger files are refused before reading).
pub const MAX_EXPORT_BYTES: usize = 20 * 1024 * 1024;

/// A problem with one row (or one cell) of a file; the row is left out, the rest is read.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct RowProblem {
    /// The line in the file, from 1.
    pub line: usize,
    /// What is wrong (worded in either language by [`ExportMessage::text`]).
    pub message: ExportMessage,
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
    pub notes: Vec<ExportMessage>,
    /// The day/month question: `Some` when nothing in the data decided the order of day and
    /// month of the file's (first undecided) date column and no order was forced.
    pub date_question: Option<DateQuestion>,
}
