//! The order of day and month decided for a whole column of dates, never per row: a file
//! written month first (`8/1/2024`, `7/30/2024`) must not be read half day first.
//!
//! Only dates with the year last (`8/1/2024`, `30-7-2024`) are ambiguous; a year-first date
//! (`2024-08-01`) is not, and decides nothing. A date whose first number is above 12 (and at
//! most 31) shows the column is day first; one whose second number is above 12 shows it is
//! month first. When only one order is shown, that is the column's. When both are, the order
//! most such dates show is used (day first on a tie), and each date showing the other order
//! is a problem ("the column mixes both orders"). When nothing decides it, the column is read
//! day first, the Dutch and British convention, and [`DateColumn::assumed_day_first`] says
//! so, for a note in the preview ([`assumed_day_first_message`]).

use crate::i18n::dates::long_date;
use crate::model::{Date, Lang};

use super::values::{DateOrder, DateProblem, DateShape, date_shape, parse_date_in};

/// How a column of dates is read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DateColumn {
    /// The order dates with the year last are read in.
    pub order: DateOrder,
    /// Whether nothing in the column decided the order, so day first was assumed (only when
    /// the column has an ambiguous date such as `8/1/2024`).
    pub assumed_day_first: bool,
    /// Set when the column shows both orders: a date that shows the order the column is
    /// read in, as written (for the message of the rows that show the other).
    mixed_example: Option<String>,
    /// The first ambiguous date, as written (for the note when day first was assumed).
    ambiguous_example: Option<String>,
}

/// Which order one date shows, if any.
fn shows(text: &str) -> Option<DateOrder> {
    match date_shape(text) {
        Ok(DateShape::YearLast { first, second, .. }) => {
            let day = |n: u32| (13..=31).contains(&n);
            let month = |n: u32| (1..=12).contains(&n);
            if day(first) && month(second) {
                Some(DateOrder::DayFirst)
            } else if month(first) && day(second) {
                Some(DateOrder::MonthFirst)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a date could be read in both orders (`8/1/2024`, but not `8/8/2024`).
fn ambiguous(text: &str) -> bool {
    matches!(
        date_shape(text),
        Ok(DateShape::YearLast { first, second, .. })
            if first != second && (1..=12).contains(&first) && (1..=12).contains(&second)
    )
}

impl DateColumn {
    /// Decides the order for the dates of one column, as written (empty cells are fine).
    pub fn decide<'a>(cells: impl IntoIterator<Item = &'a str>) -> DateColumn {
        let (mut day, mut month) = (0usize, 0usize);
        let (mut day_example, mut month_example) = (None, None);
        let mut ambiguous_example = None;
        // The example of an order: its first date that is a day in the calendar, else its
        // first date.
        let keep = |example: &mut Option<(String, bool)>, cell: &str, order: DateOrder| {
            let valid = parse_date_in(cell, order).is_ok();
            if example.as_ref().is_none_or(|(_, v)| !v && valid) {
                *example = Some((cell.trim().to_string(), valid));
            }
        };
        for cell in cells {
            match shows(cell) {
                Some(DateOrder::DayFirst) => {
                    day += 1;
                    keep(&mut day_example, cell, DateOrder::DayFirst);
                }
                Some(DateOrder::MonthFirst) => {
                    month += 1;
                    keep(&mut month_example, cell, DateOrder::MonthFirst);
                }
                None => {
                    if ambiguous_example.is_none() && ambiguous(cell) {
                        ambiguous_example = Some(cell.trim().to_string());
                    }
                }
            }
        }
        let order = if month > day {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        };
        let mixed_example = if day > 0 && month > 0 {
            match order {
                DateOrder::DayFirst => day_example,
                DateOrder::MonthFirst => month_example,
            }
            .map(|(example, _)| example)
        } else {
            None
        };
        DateColumn {
            order,
            assumed_day_first: day == 0 && month == 0 && ambiguous_example.is_some(),
            mixed_example,
            ambiguous_example,
        }
    }

    /// Whether the column shows both orders (some of its dates are then problems).
    pub fn is_mixed(&self) -> bool {
        self.mixed_example.is_some()
    }

    /// Reads one date of the column in the column's order. A date that shows the other order
    /// in a mixed column is a [`DateProblem::MixedOrder`].
    pub fn parse(&self, text: &str) -> Result<Date, DateProblem> {
        if let Some(example) = &self.mixed_example
            && shows(text).is_some_and(|o| o != self.order)
        {
            return Err(DateProblem::MixedOrder {
                column: self.order,
                example: example.clone(),
            });
        }
        parse_date_in(text, self.order).map_err(|p| match (p, self.order) {
            // The hint for a month above 12 is about reading day first.
            (DateProblem::Month { .. }, DateOrder::MonthFirst) => DateProblem::Month {
                day_first_hint: false,
            },
            (p, _) => p,
        })
    }

    /// The note for the preview when day first was assumed, else `None`.
    pub fn note(&self, lang: Lang) -> Option<String> {
        if !self.assumed_day_first {
            return None;
        }
        let example = self.ambiguous_example.as_deref().unwrap_or("8/1/2024");
        let date = parse_date_in(example, DateOrder::DayFirst).ok();
        Some(assumed_day_first_message(example, date, lang))
    }
}

impl Default for DateColumn {
    fn default() -> DateColumn {
        DateColumn::decide([])
    }
}

/// The note that the dates were read day first because nothing in them showed the order:
/// `example` is one of the dates as written, `date` how it was read.
pub fn assumed_day_first_message(example: &str, date: Option<Date>, lang: Lang) -> String {
    let read = date.map(|d| long_date(d, lang)).unwrap_or_default();
    match lang {
        Lang::En => format!(
            "Nothing in these dates shows whether the day or the month comes first; they were \
             read day first (\"{example}\" is {read}). If they are month first, write them with \
             the year first (2024-08-01)."
        ),
        Lang::Nl => format!(
            "Niets in deze datums laat zien of de dag of de maand eerst staat; ze zijn gelezen \
             met de dag eerst (\"{example}\" is {read}). Staat de maand eerst, schrijf ze dan met \
             het jaar eerst (2024-08-01)."
        ),
    }
}
