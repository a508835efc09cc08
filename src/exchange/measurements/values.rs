//! Dates and numbers as people type them in English and Dutch spreadsheets.

use crate::model::limits::check_value;
use crate::model::{Date, Lang};

/// How to read a number whose only separator is a single `.` or `,` followed by three digits
/// (`1.234`, `1,234`): ambiguous between a decimal and a thousands separator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NumberStyle {
    /// Typed or pasted by a person: the language decides (Dutch `1.234` = 1234, English
    /// `1,234` = 1234; the other separator is then a decimal one).
    Typed(Lang),
    /// Written by a program (a CSV file): a single separator is always a decimal one.
    File,
}

/// Why a text is not a number.
#[derive(Clone, PartialEq, Debug)]
pub enum NumberProblem {
    /// Nothing there.
    Empty,
    /// Not a number in any accepted form.
    NotANumber,
    /// A number, but not allowed as a KPI value (the reason, in English).
    OutOfRange(String),
}

/// Reads a number written as `2.5`, `2,5`, `1,234.5`, `1.234,5`, `1 234,5`, `-3`, `−3` or
/// `46%` (the `%` sign is dropped: the unit is the KPI's). The value must be a valid KPI value.
pub fn parse_number(text: &str, style: NumberStyle) -> Result<f64, NumberProblem> {
    let mut t = text.trim();
    if let Some(rest) = t.strip_suffix('%') {
        t = rest.trim_end();
    }
    if t.is_empty() {
        return Err(NumberProblem::Empty);
    }
    let (negative, body) = match t.chars().next() {
        Some('-') | Some('−') => (true, &t[t.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    let body: String = body
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if body.is_empty()
        || !body.chars().any(|c| c.is_ascii_digit())
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumberProblem::NotANumber);
    }
    let (decimal, group) = separators(&body, style).ok_or(NumberProblem::NotANumber)?;
    let (int_part, frac_part) = match decimal.and_then(|d| body.split_once(d)) {
        Some((i, f)) => (i, Some(f)),
        None => (body.as_str(), None),
    };
    if let Some(f) = frac_part
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(NumberProblem::NotANumber);
    }
    let digits = match group {
        Some(g) => grouped_digits(int_part, g).ok_or(NumberProblem::NotANumber)?,
        None if int_part.bytes().all(|b| b.is_ascii_digit()) => int_part.to_string(),
        None => return Err(NumberProblem::NotANumber),
    };
    let normal = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if digits.is_empty() { "0" } else { &digits },
        frac_part.unwrap_or("0")
    );
    let value: f64 = normal.parse().map_err(|_| NumberProblem::NotANumber)?;
    check_value(value).map_err(NumberProblem::OutOfRange)?;
    Ok(if value == 0.0 { 0.0 } else { value })
}

/// The decimal and thousands separators of a number body, or `None` when they contradict.
fn separators(body: &str, style: NumberStyle) -> Option<(Option<char>, Option<char>)> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => Some((None, None)),
        (d, c) if d > 0 && c > 0 => {
            let last = body
                .rfind(['.', ','])
                .and_then(|i| body[i..].chars().next())?;
            let other = if last == '.' { ',' } else { '.' };
            let last_count = if last == '.' { d } else { c };
            (last_count == 1 && body.rfind(other) < body.rfind(last))
                .then_some((Some(last), Some(other)))
        }
        (d, c) => {
            let sep = if d > 0 { '.' } else { ',' };
            if d + c > 1 {
                return Some((None, Some(sep)));
            }
            let (int, frac) = body.split_once(sep)?;
            let could_group =
                frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0');
            let group_char = match style {
                NumberStyle::Typed(Lang::Nl) => Some('.'),
                NumberStyle::Typed(Lang::En) => Some(','),
                NumberStyle::File => None,
            };
            if could_group && group_char == Some(sep) {
                Some((None, Some(sep)))
            } else {
                Some((Some(sep), None))
            }
        }
    }
}

/// `1.234.567` → `1234567`: a first group of 1–3 digits, then groups of exactly three.
fn grouped_digits(int_part: &str, group: char) -> Option<String> {
    let mut parts = int_part.split(group);
    let first = parts.next()?;
    let ok_first = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let mut out = first.to_string();
    for p in parts {
        if p.len() != 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(p);
    }
    ok_first.then_some(out)
}

/// Why a text is not a date.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum DateProblem {
    /// Nothing there.
    Empty,
    /// Not a date in any accepted form.
    Format,
    /// A two-digit year, e.g. `31-3-26`.
    TwoDigitYear,
    /// A month above 12; `day_first_hint` when swapping day and month would give a date.
    Month {
        /// Whether the text reads in the other order of day and month (e.g. `03/31/2026`
        /// read day first).
        day_first_hint: bool,
    },
    /// The date column mixes both orders: this date can only be read in the order that most
    /// rows of the column contradict (e.g. `7/30/2024` among `30/7/2024` and `31/7/2024`).
    MixedOrder {
        /// The order the column is read in (the one most of its deciding rows show).
        column: DateOrder,
        /// A date of the column that shows that order, as written.
        example: String,
    },
    /// The right form, but no such day (e.g. 30 February).
    NoSuchDay,
}

/// Reads a date written as `2026-03-31`, `2026/03/31`, `31-3-2026`, `31-03-2026`, `31/3/2026`
/// or `31.3.2026` (day first, as in Dutch and British English). A time after the date
/// (`2026-03-31 00:00`, `2026-03-31T00:00:00`), as spreadsheets sometimes add, is ignored.
/// A column of dates is better read with [`super::DateColumn`], which decides the order for
/// the whole column.
pub fn parse_date(text: &str) -> Result<Date, DateProblem> {
    parse_date_in(text, DateOrder::DayFirst)
}

/// The order of day and month in a date with the year last (`8/1/2024`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DateOrder {
    /// `8/1/2024` is 8 January (Dutch, British English).
    DayFirst,
    /// `8/1/2024` is 1 August (American English).
    MonthFirst,
}

/// As [`parse_date`], with dates whose year is last read in `order` (a year-first date such
/// as `2024-08-01` is always year, month, day).
pub fn parse_date_in(text: &str, order: DateOrder) -> Result<Date, DateProblem> {
    let (year, month, day, swappable) = match date_shape(text)? {
        DateShape::YearFirst { year, month, day } => (year, month, day, false),
        DateShape::YearLast {
            first,
            second,
            year,
        } => {
            let (day, month) = match order {
                DateOrder::DayFirst => (first, second),
                DateOrder::MonthFirst => (second, first),
            };
            (year, month, day, (1..=12).contains(&day))
        }
    };
    if month == 0 || month > 12 {
        return Err(DateProblem::Month {
            day_first_hint: swappable,
        });
    }
    let (Ok(year), Ok(month), Ok(day)) =
        (i32::try_from(year), u8::try_from(month), u8::try_from(day))
    else {
        return Err(DateProblem::NoSuchDay);
    };
    Date::from_ymd(year, month, day).map_err(|_| DateProblem::NoSuchDay)
}

/// The numbers of a date as written, before the order of day and month is decided.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum DateShape {
    /// `2024-08-01`, `2024/8/1`: unambiguous.
    YearFirst { year: u32, month: u32, day: u32 },
    /// `8/1/2024`, `8-1-2024`, `8.1.2024`: day and month in either order.
    YearLast { first: u32, second: u32, year: u32 },
}

/// Splits a date into its numbers; `Err` when it is not a date in any accepted form.
pub(crate) fn date_shape(text: &str) -> Result<DateShape, DateProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(DateProblem::Empty);
    }
    let t = strip_time(t);
    let sep = t
        .chars()
        .find(|c| matches!(c, '-' | '/' | '.'))
        .ok_or(DateProblem::Format)?;
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DateProblem::Format);
    }
    let num = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    match (parts[0].len(), parts[1].len(), parts[2].len()) {
        (4, 1..=2, 1..=2) => Ok(DateShape::YearFirst {
            year: num(parts[0]),
            month: num(parts[1]),
            day: num(parts[2]),
        }),
        (1..=2, 1..=2, 4) => Ok(DateShape::YearLast {
            first: num(parts[0]),
            second: num(parts[1]),
            year: num(parts[2]),
        }),
        (1..=2, 1..=2, 2) => Err(DateProblem::TwoDigitYear),
        _ => Err(DateProblem::Format),
    }
}

/// The date part of `date time`, when what follows the date looks like a time of day.
fn strip_time(t: &str) -> &str {
    match t.split_once([' ', 'T']) {
        Some((date, time))
            if !time.trim().is_empty()
                && time
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.')) =>
        {
            date
        }
        _ => t,
    }
}
