//! A whole column of cells to dates.
//!
//! The order of day and month is decided for the column, never per row: a day above 12 in
//! any row decides it; else the order in which the dates follow each other (consecutive
//! days) decides it; else the hint (month first for US-made exports) or day first, with a
//! note, and the column carries a [`DateQuestion`] so the app can ask the user; an order the
//! user chose ([`DateHint::forced`]) beats all of these (cells it cannot read become
//! problems). Dates without a year (`February 28`, `8 de marzo`) get one from the order of the
//! rows and the export date. Times, time zones and weekday names are ignored.

use super::date_question::{DateOrder, DateQuestion, DateReading};
use super::messages::ExportMessage;
use crate::model::Date;

/// What the caller knows that helps read a column of dates.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub struct DateHint {
    /// The day the file was exported (for dates without a year).
    pub export_date: Option<Date>,
    /// Read `01/02/2025` as January 2 when nothing in the column decides it.
    pub month_first_when_ambiguous: bool,
    /// The order the user chose: it holds even against a day above 12 (such cells become
    /// problems, "not a day in the calendar").
    pub forced: Option<DateOrder>,
}

/// The dates of a column.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct DateColumn {
    /// One per cell: the date, or `None` when the cell is not a date (see `problems`).
    pub dates: Vec<Option<Date>>,
    /// The cells that are not dates: (index of the cell, message).
    pub problems: Vec<(usize, ExportMessage)>,
    /// What the user should know, e.g. that a year was inferred.
    pub notes: Vec<ExportMessage>,
    /// `Some` when nothing in the cells decided the order of day and month of numeric dates
    /// and no order was forced: the order assumed and a few cells read both ways.
    pub question: Option<DateQuestion>,
}

impl DateColumn {
    /// How many cells are dates.
    pub fn count(&self) -> usize {
        self.dates.iter().flatten().count()
    }
}

/// One cell, read as far as it can be without looking at the rest of the column.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Cell {
    /// A complete, unambiguous date.
    Full(Date),
    /// `a/b/year`: which of `a` and `b` is the month is decided for the column.
    Numeric {
        a: u32,
        b: u32,
        year: i32,
        sep: char,
    },
    /// A month and a day without a year.
    NoYear { month: u8, day: u8 },
}

/// Reads a single cell when it is a complete, unambiguous date (ISO, `YYYYMMDD`,
/// `2025/10/31`, month names with a year), else `None`.
pub fn date(cell: &str) -> Option<Date> {
    match parse_cell(cell) {
        Ok(Cell::Full(d)) => Some(d),
        _ => None,
    }
}

/// Whether a cell looks like a date of any supported form (used to find date columns).
pub fn looks_like_date(cell: &str) -> bool {
    parse_cell(cell).is_ok()
}

/// Reads a column of date cells (see the module documentation).
pub fn date_column(cells: &[&str], hint: DateHint) -> DateColumn {
    let parsed: Vec<Result<Cell, ExportMessage>> = cells.iter().map(|c| parse_cell(c)).collect();
    let mut out = DateColumn {
        dates: vec![None; cells.len()],
        ..DateColumn::default()
    };
    // Numeric dates: decide the order for the whole column.
    let numeric: Vec<(usize, u32, u32, i32, char)> = parsed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Ok(Cell::Numeric { a, b, year, sep }) => Some((i, *a, *b, *year, *sep)),
            _ => None,
        })
        .collect();
    let month_first = if numeric.is_empty() {
        true
    } else if let Some(order) = hint.forced {
        order.month_first()
    } else {
        let (month_first, decided) = decide_order(&numeric, hint, &mut out.notes);
        if !decided {
            out.question = Some(question(&numeric, cells, month_first));
        }
        month_first
    };
    let mut no_year: Vec<(usize, u8, u8)> = Vec::new();
    for (i, p) in parsed.into_iter().enumerate() {
        match p {
            Ok(Cell::Full(d)) => {
                if let Some(slot) = out.dates.get_mut(i) {
                    *slot = Some(d);
                }
            }
            Ok(Cell::Numeric { a, b, year, .. }) => {
                let (m, d) = if month_first { (a, b) } else { (b, a) };
                match ymd(year, m, d) {
                    Some(date) => {
                        if let Some(slot) = out.dates.get_mut(i) {
                            *slot = Some(date);
                        }
                    }
                    None => out.problems.push((
                        i,
                        ExportMessage::NotACalendarDay {
                            cell: shorten(cells.get(i).copied().unwrap_or("")),
                            read_as: Some(DateOrder::from_month_first(month_first)),
                        },
                    )),
                }
            }
            Ok(Cell::NoYear { month, day }) => no_year.push((i, month, day)),
            Err(message) => out.problems.push((i, message)),
        }
    }
    if !no_year.is_empty() {
        infer_years(&no_year, cells, hint, &mut out);
    }
    out.problems.sort_by_key(|(i, _)| *i);
    out
}

fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
    let m = u8::try_from(month).ok()?;
    let d = u8::try_from(day).ok()?;
    Date::from_ymd(year, m, d).ok()
}

fn shorten(text: &str) -> String {
    let t = text.trim();
    let mut out: String = t.chars().take(40).collect();
    if t.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The question for a column whose order the data did not decide: up to three different
/// cells (first, middle, last) read both ways.
fn question(
    numeric: &[(usize, u32, u32, i32, char)],
    cells: &[&str],
    month_first: bool,
) -> DateQuestion {
    let mut distinct: Vec<(String, u32, u32, i32)> = Vec::new();
    for &(i, a, b, year, _) in numeric {
        let cell = shorten(cells.get(i).copied().unwrap_or(""));
        if !distinct.iter().any(|d| d.0 == cell) {
            distinct.push((cell, a, b, year));
        }
    }
    let mut picks: Vec<usize> = vec![0, distinct.len() / 2, distinct.len().saturating_sub(1)];
    picks.dedup();
    let examples = picks
        .into_iter()
        .filter_map(|k| distinct.get(k))
        .map(|(cell, a, b, year)| DateReading {
            cell: cell.clone(),
            day_first: ymd(*year, *b, *a),
            month_first: ymd(*year, *a, *b),
        })
        .collect();
    DateQuestion {
        read_as: DateOrder::from_month_first(month_first),
        examples,
    }
}

/// Decides whether the numeric dates of a column are month-first, and whether the data
/// decided it (`false`: the hint or the separator did).
fn decide_order(
    numeric: &[(usize, u32, u32, i32, char)],
    hint: DateHint,
    notes: &mut Vec<ExportMessage>,
) -> (bool, bool) {
    let day_first_shown = numeric.iter().any(|n| n.1 > 12 && n.2 <= 12);
    let month_first_shown = numeric.iter().any(|n| n.2 > 12 && n.1 <= 12);
    match (month_first_shown, day_first_shown) {
        (true, false) => return (true, true),
        (false, true) => return (false, true),
        (true, true) => {
            // Both occur: follow the majority, the rest become problems.
            let mf = numeric.iter().filter(|n| n.2 > 12).count();
            let df = numeric.iter().filter(|n| n.1 > 12).count();
            return (mf >= df, true);
        }
        (false, false) => {}
    }
    // Nothing above 12: the order of the rows may show it (consecutive days).
    let steps = |month_first: bool| -> usize {
        let dates: Vec<Option<Date>> = numeric
            .iter()
            .map(|&(_, a, b, y, _)| {
                if month_first {
                    ymd(y, a, b)
                } else {
                    ymd(y, b, a)
                }
            })
            .collect();
        dates
            .windows(2)
            .filter(|w| match (w.first(), w.get(1)) {
                (Some(Some(x)), Some(Some(y))) => x.days_until(*y).abs() == 1,
                _ => false,
            })
            .count()
    };
    let (mf, df) = (steps(true), steps(false));
    if mf != df {
        return (mf > df, true);
    }
    if hint.month_first_when_ambiguous {
        return (true, false);
    }
    let month_first = numeric.first().is_some_and(|n| n.4 == '/');
    notes.push(ExportMessage::DateOrderAssumed {
        read_as: DateOrder::from_month_first(month_first),
    });
    (month_first, false)
}

/// Gives a year to dates written without one, from the order of the rows and the export date.
fn infer_years(no_year: &[(usize, u8, u8)], cells: &[&str], hint: DateHint, out: &mut DateColumn) {
    let Some(export) = hint.export_date else {
        for &(i, _, _) in no_year {
            out.problems.push((
                i,
                ExportMessage::NoYearNoExportDate {
                    cell: shorten(cells.get(i).copied().unwrap_or("")),
                },
            ));
        }
        return;
    };
    let ord = |m: u8, d: u8| u32::from(m) * 32 + u32::from(d);
    let (mut up, mut down) = (0usize, 0usize);
    for w in no_year.windows(2) {
        if let (Some(x), Some(y)) = (w.first(), w.get(1)) {
            let (a, b) = (ord(x.1, x.2), ord(y.1, y.2));
            if b > a {
                up += 1;
            } else if b < a {
                down += 1;
            }
        }
    }
    let against = up.min(down);
    let allowed_wraps = no_year.len() / 360 + 1;
    let export_ord = ord(export.month(), export.day());
    // The latest year in which month/day is on or before the export date.
    let year_for = |m: u8, d: u8| {
        if ord(m, d) <= export_ord {
            export.year()
        } else {
            export.year() - 1
        }
    };
    let ordered = against <= allowed_wraps;
    let years: Vec<i32> = if ordered {
        // Both readings (oldest first, newest first); the one spanning less time wins.
        let up_years = years_ascending(no_year, &year_for);
        let down_years = years_descending(no_year, &year_for);
        let spread = |ys: &[i32]| {
            let dates: Vec<Date> = no_year
                .iter()
                .zip(ys)
                .filter_map(|(&(_, m, d), &y)| Date::from_ymd(y, m, d).ok())
                .collect();
            match (dates.iter().min(), dates.iter().max()) {
                (Some(a), Some(b)) => a.days_until(*b),
                _ => i64::MAX,
            }
        };
        if spread(&down_years) < spread(&up_years) {
            down_years
        } else {
            up_years
        }
    } else {
        no_year.iter().map(|&(_, m, d)| year_for(m, d)).collect()
    };
    let mut first: Option<Date> = None;
    let mut last: Option<Date> = None;
    for (k, &(i, m, d)) in no_year.iter().enumerate() {
        let year = years.get(k).copied().unwrap_or(export.year());
        match Date::from_ymd(year, m, d) {
            Ok(date) => {
                if let Some(slot) = out.dates.get_mut(i) {
                    *slot = Some(date);
                }
                first = Some(first.map_or(date, |f: Date| f.min(date)));
                last = Some(last.map_or(date, |l: Date| l.max(date)));
            }
            Err(_) => out.problems.push((
                i,
                ExportMessage::NotADayInYear {
                    cell: shorten(cells.get(i).copied().unwrap_or("")),
                    year,
                },
            )),
        }
    }
    if let (Some(f), Some(l)) = (first, last) {
        out.notes.push(if ordered {
            ExportMessage::YearsFromRowOrder {
                export,
                first: f,
                last: l,
            }
        } else {
            ExportMessage::YearsLatest {
                export,
                first: f,
                last: l,
            }
        });
    }
}

/// Years for rows oldest first: the last row gets the latest year on or before the export
/// date; going back, a later month/day than the row after it means the year before.
fn years_ascending(no_year: &[(usize, u8, u8)], year_for: &dyn Fn(u8, u8) -> i32) -> Vec<i32> {
    let ord = |m: u8, d: u8| u32::from(m) * 32 + u32::from(d);
    let mut years = vec![0i32; no_year.len()];
    let mut year = no_year.last().map_or(0, |l| year_for(l.1, l.2));
    let mut next_ord: Option<u32> = None;
    for (k, &(_, m, d)) in no_year.iter().enumerate().rev() {
        let o = ord(m, d);
        if next_ord.is_some_and(|n| o > n) {
            year -= 1;
        }
        next_ord = Some(o);
        if let Some(y) = years.get_mut(k) {
            *y = year;
        }
    }
    years
}

/// Years for rows newest first: the first row gets the latest year on or before the export
/// date; going on, a later month/day than the row before it means the year before.
fn years_descending(no_year: &[(usize, u8, u8)], year_for: &dyn Fn(u8, u8) -> i32) -> Vec<i32> {
    let ord = |m: u8, d: u8| u32::from(m) * 32 + u32::from(d);
    let mut years = vec![0i32; no_year.len()];
    let mut year = no_year.first().map_or(0, |f| year_for(f.1, f.2));
    let mut prev_ord: Option<u32> = None;
    for (k, &(_, m, d)) in no_year.iter().enumerate() {
        let o = ord(m, d);
        if prev_ord.is_some_and(|p| o > p) {
            year -= 1;
        }
        prev_ord = Some(o);
        if let Some(y) = years.get_mut(k) {
            *y = year;
        }
    }
    years
}

/// The month (1–12) named by a word in English, Dutch, Spanish, German or French (full or
/// short, with or without a final dot), case-insensitive.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "jan", "januari", "enero", "ene", "januar", "jänner", "janvier", "janv",
        ],
        &[
            "february", "feb", "febr", "februari", "febrero", "februar", "février", "fevrier",
            "févr", "fevr", "fév", "fev",
        ],
        &[
            "march", "mar", "maart", "mrt", "marzo", "märz", "maerz", "mär", "mrz", "mars",
        ],
        &["april", "apr", "abril", "abr", "avril", "avr"],
        &["may", "mei", "mayo", "mai"],
        &["june", "jun", "juni", "junio", "juin"],
        &["july", "jul", "juli", "julio", "juillet", "juil"],
        &["august", "aug", "augustus", "agosto", "ago", "août", "aout"],
        &[
            "september",
            "sep",
            "sept",
            "septiembre",
            "setiembre",
            "set",
            "septembre",
        ],
        &["october", "oct", "oktober", "okt", "octubre", "octobre"],
        &["november", "nov", "noviembre", "novembre"],
        &[
            "december",
            "dec",
            "dez",
            "diciembre",
            "dic",
            "dezember",
            "décembre",
            "decembre",
            "déc",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// Words that may stand beside a date and mean nothing for it (weekdays, "de", "of", …).
fn is_filler(word: &str) -> bool {
    const FILLER: [&str; 60] = [
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "ma",
        "di",
        "wo",
        "do",
        "vr",
        "za",
        "zo",
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sabado",
        "domingo",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "de",
        "del",
        "of",
        "the",
        "le",
        "den",
    ];
    const MORE: [&str; 14] = [
        "der", "am", "pm", "a.m.", "p.m.", "at", "à", "om", "um", "utc", "gmt", "z", "y", "el",
    ];
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    FILLER.contains(&w.as_str())
        || MORE.contains(&w.as_str())
        || MORE.contains(&word.to_lowercase().as_str())
        || w.contains(':')
        || w.starts_with("gmt")
        || w.starts_with("utc")
        || ((w.starts_with('+') || w.starts_with('-'))
            && w.len() >= 3
            && w.chars().skip(1).all(|c| c.is_ascii_digit() || c == ':'))
}

fn parse_cell(cell: &str) -> Result<Cell, ExportMessage> {
    let bad = || ExportMessage::NotADate {
        cell: shorten(cell),
    };
    let t = cell.trim().trim_matches('"').trim();
    // Drop a parenthesised time zone name, e.g. "(Coordinated Universal Time)".
    let t = t.split('(').next().unwrap_or("").trim();
    if t.is_empty() {
        return Err(ExportMessage::EmptyDate);
    }
    // Words; `8-Mar-2025` and `8/Mar/2025` (a month name between dashes) split too.
    let tokens: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .flat_map(|w| {
            let named = w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.contains(':');
            w.split(move |c: char| named && (c == '-' || c == '/'))
        })
        .filter(|s| !s.is_empty())
        .collect();
    let first = tokens.first().copied().unwrap_or("");
    if let Some(cell) = numeric_token(first) {
        // The rest may only be a time, AM/PM or a time zone.
        if tokens.iter().skip(1).all(|w| is_filler(w)) {
            return cell.ok_or_else(bad);
        }
        return Err(bad());
    }
    // Words: a month name, a day and maybe a year; weekdays and fillers ignored.
    let mut month: Option<u8> = None;
    let mut day: Option<u32> = None;
    let mut year: Option<i32> = None;
    for w in tokens {
        let stripped = w.trim_end_matches(['.', ',']);
        let digits = stripped
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .trim_end_matches('.');
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let suffix = stripped.get(digits.len()..).unwrap_or("");
            let n: u32 = digits.parse().map_err(|_| bad())?;
            if digits.len() == 4 && suffix.is_empty() && year.is_none() {
                year = i32::try_from(n).ok();
            } else if digits.len() <= 2
                && day.is_none()
                && matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "e" | "er" | ".")
            {
                day = Some(n);
            } else {
                return Err(bad());
            }
        } else if let Some(m) = month_number(stripped).filter(|_| month.is_none()) {
            month = Some(m);
        } else if !is_filler(w) {
            return Err(bad());
        }
    }
    match (month, day, year) {
        (Some(m), Some(d), Some(y)) => {
            ymd(y, u32::from(m), d)
                .map(Cell::Full)
                .ok_or_else(|| ExportMessage::NotACalendarDay {
                    cell: shorten(cell),
                    read_as: None,
                })
        }
        (Some(m), Some(d), None) => {
            if (1..=31).contains(&d)
                && Date::from_ymd(2000, m, u8::try_from(d).unwrap_or(0)).is_ok()
            {
                Ok(Cell::NoYear {
                    month: m,
                    day: u8::try_from(d).unwrap_or(1),
                })
            } else {
                Err(ExportMessage::NotACalendarDay {
                    cell: shorten(cell),
                    read_as: None,
                })
            }
        }
        _ => Err(bad()),
    }
}

/// Reads a token such as `2025-01-01`, `2025-01-01T01:00:00`, `20250101`, `2025/10/31`,
/// `10/31/2025` or `31.10.2025`. `None` when the token is not of these shapes;
/// `Some(None)` when it is but the day does not exist.
fn numeric_token(token: &str) -> Option<Option<Cell>> {
    let token = token.split(['T', 't']).next().unwrap_or("");
    if token.is_empty() || !token.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if token.len() == 8 && token.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = token.get(0..4)?.parse().ok()?;
        let m: u32 = token.get(4..6)?.parse().ok()?;
        let d: u32 = token.get(6..8)?.parse().ok()?;
        return Some(ymd(y, m, d).map(Cell::Full));
    }
    let sep = token.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = token.split(sep).collect();
    let [p1, p2, p3] = parts.as_slice() else {
        return None;
    };
    let p3 = p3.trim_end_matches('.');
    let all_digits =
        |p: &str| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit());
    if !(all_digits(p1) && all_digits(p2) && all_digits(p3)) {
        return None;
    }
    let n1: u32 = p1.parse().ok()?;
    let n2: u32 = p2.parse().ok()?;
    let n3: u32 = p3.parse().ok()?;
    if p1.len() == 4 {
        return Some(ymd(i32::try_from(n1).ok()?, n2, n3).map(Cell::Full));
    }
    if p1.len() > 2 || p2.len() > 2 {
        return None;
    }
    let year = match p3.len() {
        4 => i32::try_from(n3).ok()?,
        2 => 2000 + i32::try_from(n3).ok()?,
        _ => return None,
    };
    if n1 == 0 || n2 == 0 || (n1 > 12 && n2 > 12) || n1 > 31 || n2 > 31 {
        return Some(None);
    }
    Some(Some(Cell::Numeric {
        a: n1,
        b: n2,
        year,
        sep,
    }))
}
