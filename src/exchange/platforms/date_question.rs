//! The day/month question: when nothing in a file's dates decides whether `01/02/2025` is
//! 1 February or January 2, the app asks, showing both readings of a few cells.

use serde::Serialize;

use crate::model::Date;

/// The order of day and month in numeric dates such as `01/02/2025`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `01/02/2025` is 1 February 2025.
    DayFirst,
    /// `01/02/2025` is January 2, 2025 (as in the United States).
    MonthFirst,
}

impl DateOrder {
    /// Whether this is [`DateOrder::MonthFirst`].
    pub fn month_first(self) -> bool {
        self == DateOrder::MonthFirst
    }

    /// The order from "month first or not".
    pub fn from_month_first(month_first: bool) -> DateOrder {
        if month_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }
}

/// The question to ask when the data did not decide the order of a file's dates.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct DateQuestion {
    /// The order the file was read with (until the user chooses).
    pub read_as: DateOrder,
    /// Up to three cells of the column (different ones: first, middle, last) in both readings.
    pub examples: Vec<DateReading>,
}

/// One cell read both ways.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct DateReading {
    /// The cell as written in the file.
    pub cell: String,
    /// The cell read day first (`None` when that is not a day in the calendar).
    pub day_first: Option<Date>,
    /// The cell read month first (`None` when that is not a day in the calendar).
    pub month_first: Option<Date>,
}
