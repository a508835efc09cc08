//! Rows copied from a spreadsheet and pasted as text: date, value and an optional note.

use crate::model::limits::MAX_LONG_TEXT;
use crate::model::{Date, Lang};

use super::date_column::DateColumn;
use super::messages::{Col, Problem, join};
use super::records::{Record, detect_separator, records};
use super::values::{DateOrder, NumberStyle, parse_date_in, parse_number};

/// One pasted row that was read.
#[derive(Clone, PartialEq, Debug)]
pub struct ParsedRow {
    /// The 1-based line of the pasted text the row starts on.
    pub line: usize,
    /// The date.
    pub date: Date,
    /// The value.
    pub value: f64,
    /// The note (empty when none).
    pub note: String,
}

/// A row that could not be read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RowError {
    /// The 1-based line of the text the row starts on.
    pub line: usize,
    /// What is wrong: which column, what was expected and what was found, in the language asked.
    pub message: String,
}

/// One pasted row: read, or why not.
pub type RowResult = Result<ParsedRow, RowError>;

/// The rows of a paste, and how their dates were read.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct PastedRows {
    /// Each row (the header and blank lines left out), read or why not, in line order.
    pub rows: Vec<RowResult>,
    /// Whether nothing in the dates showed the order of day and month (every date such as
    /// `8/1/2024` fits both), so they were read day first.
    pub assumed_day_first: bool,
    /// The note to show when day first was assumed, in the language asked.
    pub date_note: Option<String>,
}

/// Reads rows copied from a spreadsheet: a date, a value and optionally a note per line.
///
/// * Columns are separated by tabs (what spreadsheets copy), or by semicolons; by commas only
///   when no line has a tab or semicolon, and then a value such as `2,5` that could be two
///   columns is reported as ambiguous.
/// * Dates: `2026-03-31`, `2026/03/31`, `31-3-2026`, `31-03-2026`, `31/3/2026`, `31.3.2026`;
///   whether day or month comes first is decided for the whole column ([`DateColumn`]):
///   day first unless the dates show month first (`7/30/2024`). Numbers: `2.5`, `2,5`, `1,234.5`, `1.234,5`; `1.234` and `1,234` follow `lang`
///   (Dutch: 1234 and 1.234; English: 1.234 and 1234).
/// * A first line that is neither a date nor a value (a header such as `Datum  Waarde`) is
///   skipped, as are blank lines. Messages are in `lang`.
pub fn parse_pasted_rows(text: &str, lang: Lang) -> Vec<RowResult> {
    parse_pasted(text, lang).rows
}

/// As [`parse_pasted_rows`], also saying whether the dates were read day first only because
/// nothing in them showed the order.
pub fn parse_pasted(text: &str, lang: Lang) -> PastedRows {
    let sep = detect_separator(text);
    let mut all = records(text, sep);
    if all.first().is_some_and(|r| is_header(r, lang)) {
        all.remove(0);
    }
    let dates = DateColumn::decide(all.iter().map(|r| r.field(0).unwrap_or_default()));
    PastedRows {
        rows: all
            .iter()
            .map(|r| parse_row(r, sep, lang, &dates))
            .collect(),
        assumed_day_first: dates.assumed_day_first,
        date_note: dates.note(lang),
    }
}

fn is_header(record: &Record, lang: Lang) -> bool {
    let first = record.field(0).unwrap_or_default();
    let date_fails = parse_date_in(first, DateOrder::DayFirst).is_err()
        && parse_date_in(first, DateOrder::MonthFirst).is_err();
    let value_fails = record
        .field(1)
        .is_none_or(|v| parse_number(v, NumberStyle::Typed(lang)).is_err());
    let has_letters = record
        .fields
        .iter()
        .any(|f| f.chars().any(char::is_alphabetic));
    date_fails && value_fails && has_letters && !record.unclosed_quote
}

fn parse_row(record: &Record, sep: char, lang: Lang, dates: &DateColumn) -> RowResult {
    let date_col = Col::named(1, "date", "datum", lang);
    let value_col = Col::named(2, "value", "waarde", lang);
    let note_col = Col::named(3, "note", "opmerking", lang);
    let mut problems = Vec::new();
    if record.unclosed_quote {
        problems.push(Problem::UnclosedQuote);
    }
    let mut fields: Vec<&str> = record.fields.iter().map(String::as_str).collect();
    while fields.len() > 2 && fields.last().is_some_and(|f| f.trim().is_empty()) {
        fields.pop();
    }
    let raw_date = fields.first().copied().unwrap_or_default();
    let date = dates
        .parse(raw_date)
        .map_err(|p| problems.push(Problem::Date(date_col, p, raw_date.to_string())))
        .ok();
    let mut note = String::new();
    let value = match fields.get(1) {
        None => {
            problems.push(Problem::Missing(value_col));
            None
        }
        Some(raw) => {
            if sep == ',' && fields.len() > 2 && comma_split_number(raw, fields[2], lang) {
                let found = format!("{raw},{}", fields[2]);
                problems.push(Problem::AmbiguousComma(value_col, found));
                None
            } else {
                parse_number(raw, NumberStyle::Typed(lang))
                    .map_err(|p| problems.push(Problem::Value(value_col, p, raw.to_string())))
                    .ok()
            }
        }
    };
    if fields.len() > 2 {
        if sep == ',' {
            note = record.raw[2..].join(",").trim().to_string();
        } else if fields.len() > 3 {
            problems.push(Problem::TooManyColumns(fields.len()));
        } else {
            note = fields[2].to_string();
        }
    }
    let chars = note.chars().count();
    if chars > MAX_LONG_TEXT {
        problems.push(Problem::TooLong(note_col, chars, MAX_LONG_TEXT));
    }
    match (date, value) {
        (Some(date), Some(value)) if problems.is_empty() => Ok(ParsedRow {
            line: record.line,
            date,
            value,
            note,
        }),
        _ => Err(RowError {
            line: record.line,
            message: join(&problems, lang),
        }),
    }
}

/// Whether `value,next` (a comma-separated value and the next column) reads as one number.
fn comma_split_number(value: &str, next: &str, lang: Lang) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(next.trim())
        && parse_number(&format!("{value},{next}"), NumberStyle::Typed(lang)).is_ok()
}
