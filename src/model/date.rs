//! Calendar dates without a time of day, written as `YYYY-MM-DD` in files.
//!
//! The model never reads the clock: "today" and "as of" dates are always given by the caller.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date between 0001-01-01 and 9999-12-31.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date(time::Date);

/// Why a text is not a valid `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD`.
    #[error("expected a date written as YYYY-MM-DD, found \"{0}\"")]
    Format(String),
    /// The form is right but the day does not exist (e.g. 2026-02-30).
    #[error("{0} is not a day in the calendar")]
    NoSuchDay(String),
}

impl Date {
    /// The earliest date the model accepts.
    pub const MIN: Date = Date(time::macros::date!(0001 - 01 - 01));
    /// The latest date the model accepts.
    pub const MAX: Date = Date(time::macros::date!(9999 - 12 - 31));

    /// Parses a strict `YYYY-MM-DD` date (four-digit year, two-digit month and day).
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(DateError::Format(shorten(text)));
        }
        let num = |range: std::ops::Range<usize>| -> u32 {
            bytes[range]
                .iter()
                .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
        };
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        Date::from_ymd(year as i32, month as u8, day as u8)
            .map_err(|_| DateError::NoSuchDay(text.to_string()))
    }

    /// Builds a date from year, month (1–12) and day.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        // The message's text is only made when the date does not exist: this runs for every
        // date a file holds.
        let no_such_day = || DateError::NoSuchDay(format!("{year:04}-{month:02}-{day:02}"));
        if !(1..=9999).contains(&year) {
            return Err(no_such_day());
        }
        let month_enum = time::Month::try_from(month).map_err(|_| no_such_day())?;
        time::Date::from_calendar_date(year, month_enum, day)
            .map(Date)
            .map_err(|_| no_such_day())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// Number of days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        (other.0 - self.0).whole_days()
    }

    /// The date `days` days later (earlier when negative), kept within [`Date::MIN`, `Date::MAX`].
    pub fn add_days(self, days: i64) -> Date {
        let max_span = Date::MIN.days_until(Date::MAX);
        let days = days.clamp(-max_span, max_span);
        match self.0.checked_add(time::Duration::days(days)) {
            Some(d) => Date(d).clamp(Date::MIN, Date::MAX),
            None if days < 0 => Date::MIN,
            None => Date::MAX,
        }
    }

    /// The underlying `time::Date`.
    pub fn as_time(self) -> time::Date {
        self.0
    }
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse_iso(s)
    }
}

impl Default for Date {
    /// 2000-01-01, only used as a placeholder for missing data.
    fn default() -> Self {
        Date(time::macros::date!(2000 - 01 - 01))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateVisitor)
    }
}

/// Reads a date from a borrowed or transient text without copying it first.
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written as YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
        Date::parse_iso(text).map_err(E::custom)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date written as YYYY-MM-DD."
        })
    }
}
