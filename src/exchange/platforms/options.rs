//! [`ReadOptions`]: what the caller tells the reader about a file — the day it was exported
//! and, once the user has answered the day/month question, the order of its dates.

use super::date_question::DateOrder;
use super::dates::DateHint;
use crate::model::Date;

/// How to read an export file.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ReadOptions {
    /// The day the file was made (for dates without a year; the file's modification date,
    /// or today).
    pub export_date: Date,
    /// Read numeric dates in this order (the user's answer to the day/month question);
    /// `None`: decided from the data, else assumed (and asked).
    pub date_order: Option<DateOrder>,
}

impl ReadOptions {
    /// Options with an export date and no forced order.
    pub fn on(export_date: Date) -> ReadOptions {
        ReadOptions {
            export_date,
            date_order: None,
        }
    }

    /// The hint for a date column of a format that writes month first when
    /// `month_first_when_ambiguous` (US-made exports).
    pub fn hint(&self, month_first_when_ambiguous: bool) -> DateHint {
        DateHint {
            export_date: Some(self.export_date),
            month_first_when_ambiguous,
            forced: self.date_order,
        }
    }
}
