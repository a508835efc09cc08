//! One cell to a number, or to "no value".
//!
//! Accepts the null tokens exports write for "nothing" (`-`, `--`, `N/A`, `NaN`, `undefined`,
//! `null`, empty), quoted numbers, thousands separators (`110,933`, `1.234.567`, `1 234`),
//! percentages (`0.01%`), negative numbers (`-7`, `−7`, `(7)`) and a decimal comma when it
//! cannot be a thousands separator (`0,25`, `1,5`).

use super::messages::ExportMessage;

/// A number read from a cell.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Number {
    /// The value as written (`"0.5%"` gives 0.5).
    pub value: f64,
    /// Whether the cell ended with `%`.
    pub percent: bool,
}

/// The texts that mean "no value" (compared after trimming, case-insensitive).
const NULLS: [&str; 10] = [
    "",
    "-",
    "--",
    "—",
    "–",
    "n/a",
    "nan",
    "undefined",
    "null",
    "none",
];

/// Whether a cell means "no value" (empty, `-`, `--`, `N/A`, `NaN`, `undefined`, `null`).
pub fn is_null(cell: &str) -> bool {
    let t = clean(cell);
    NULLS.iter().any(|n| t.eq_ignore_ascii_case(n))
}

/// Reads a cell as a number: `Ok(None)` for a null token, `Err(`[`ExportMessage::NotANumber`]`)`
/// when the cell is neither a number nor a null token.
pub fn number(cell: &str) -> Result<Option<f64>, ExportMessage> {
    parse(cell).map(|n| n.map(|n| n.value))
}

/// Whether a cell holds a percentage (a number followed by `%`).
pub fn percent(cell: &str) -> bool {
    matches!(parse(cell), Ok(Some(Number { percent: true, .. })))
}

/// Whether a column writes its decimals with a comma: some cell shows a decimal comma
/// (`1,5`, `0,25`, `1.234,5`) and none shows a decimal point. Then `1,234` in that column
/// is 1.234 and `1.234` is 1234 (see [`number_in`]).
pub fn decimal_comma(cells: &[&str]) -> bool {
    let (mut comma, mut dot) = (false, false);
    for cell in cells {
        let t = clean(cell);
        let (c, d) = (t.rfind(','), t.rfind('.'));
        let digits_after = |i: usize| {
            t.get(i + 1..)
                .map(|r| r.chars().take_while(char::is_ascii_digit).count())
                .unwrap_or(0)
        };
        match (c, d) {
            (Some(c), Some(d)) => {
                if c > d {
                    comma = true;
                } else {
                    dot = true;
                }
            }
            (Some(c), None) if t.matches(',').count() == 1 && digits_after(c) != 3 => {
                comma = true;
            }
            (None, Some(d)) if t.matches('.').count() == 1 && digits_after(d) != 3 => {
                dot = true;
            }
            _ => {}
        }
    }
    comma && !dot
}

/// Like [`number`], for a column whose decimal separator is known: with
/// `decimal_comma`, commas and points swap roles (`1,234` = 1.234, `1.234` = 1234).
pub fn number_in(cell: &str, decimal_comma: bool) -> Result<Option<f64>, ExportMessage> {
    if !decimal_comma {
        return number(cell);
    }
    let swapped: String = cell
        .chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        })
        .collect();
    number(&swapped).map_err(|_| not_a_number(cell))
}

/// The problem for a cell that is not a number (the cell shortened to 40 characters).
fn not_a_number(cell: &str) -> ExportMessage {
    let mut shown: String = cell.trim().chars().take(40).collect();
    if cell.trim().chars().count() > 40 {
        shown.push('…');
    }
    ExportMessage::NotANumber { cell: shown }
}

/// Reads a cell as a [`Number`] (see [`number`]).
pub fn parse(cell: &str) -> Result<Option<Number>, ExportMessage> {
    let t = clean(cell);
    if NULLS.iter().any(|n| t.eq_ignore_ascii_case(n)) {
        return Ok(None);
    }
    value(t).map(Some).ok_or_else(|| not_a_number(cell))
}

/// Trims white space (also non-breaking) and one pair of surrounding quotes.
fn clean(cell: &str) -> &str {
    let is_space = |c: char| c.is_whitespace() || c == '\u{FEFF}';
    let t = cell.trim_matches(is_space);
    let t = t
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(t);
    t.trim_matches(is_space)
}

fn value(text: &str) -> Option<Number> {
    let mut t = text;
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        negative = true;
        t = inner.trim();
    }
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = rest.trim_end();
    }
    if let Some(rest) = t.strip_prefix(['-', '−']) {
        negative = !negative;
        t = rest.trim_start();
    } else if let Some(rest) = t.strip_prefix('+') {
        t = rest.trim_start();
    }
    if let Some(rest) = t.strip_prefix(['$', '€', '£']) {
        t = rest.trim_start();
    }
    if !percent && let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = rest.trim_end();
    }
    let v = unsigned(t)?;
    Some(Number {
        value: if negative { -v } else { v },
        percent,
    })
}

/// Reads an unsigned number with optional grouping and decimal separator.
fn unsigned(t: &str) -> Option<f64> {
    if t.is_empty() || !t.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    // Scientific notation (e.g. `1.5e-05`), only plain ASCII.
    if t.contains(['e', 'E']) {
        let ok = t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'));
        return if ok {
            t.parse::<f64>().ok().filter(|v| v.is_finite())
        } else {
            None
        };
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{A0}' | '\u{202F}' | '\''))
    {
        return None;
    }
    let spaced: String = t
        .chars()
        .map(|c| match c {
            '\u{A0}' | '\u{202F}' | '\'' => ' ',
            c => c,
        })
        .collect();
    let commas = spaced.matches(',').count();
    let dots = spaced.matches('.').count();
    let (int_part, frac_part, group): (String, &str, Option<char>) = match (commas, dots) {
        (0, 0) => (spaced.clone(), "", None),
        (0, 1) | (1, 0) => {
            let sep = if commas == 1 { ',' } else { '.' };
            let (a, b) = spaced.split_once(sep)?;
            let b_digits = b.chars().all(|c| c.is_ascii_digit());
            // `110,933` is a thousands separator; `1,5` and `0,250` are decimal commas.
            if sep == ','
                && b.len() == 3
                && b_digits
                && !a.is_empty()
                && a.trim_start_matches('0') == a
                && !a.contains(' ')
            {
                (format!("{a}{b}"), "", None)
            } else {
                (a.to_string(), b, None)
            }
        }
        (_, 0) | (0, _) => {
            // Several of one kind: thousands separators only.
            let sep = if commas > 0 { ',' } else { '.' };
            (spaced.clone(), "", Some(sep))
        }
        _ => {
            // Both: the last one is the decimal separator.
            let last_comma = spaced.rfind(',')?;
            let last_dot = spaced.rfind('.')?;
            let (dec, grp) = if last_comma > last_dot {
                (',', '.')
            } else {
                ('.', ',')
            };
            if spaced.matches(dec).count() != 1 {
                return None;
            }
            let (a, b) = spaced.split_once(dec)?;
            (a.to_string(), b, Some(grp))
        }
    };
    let int_digits = grouped(&int_part, group)?;
    if !frac_part.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if int_digits.is_empty() && frac_part.is_empty() {
        return None;
    }
    let text = format!(
        "{}.{}",
        if int_digits.is_empty() {
            "0"
        } else {
            &int_digits
        },
        if frac_part.is_empty() { "0" } else { frac_part }
    );
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The digits of an integer part, checking that groups (by `group` or spaces) are of three.
fn grouped(int_part: &str, group: Option<char>) -> Option<String> {
    let parts: Vec<&str> = int_part
        .split(|c: char| c == ' ' || Some(c) == group)
        .collect();
    if parts.len() > 1 {
        let (first, rest) = parts.split_first()?;
        let ok = !first.is_empty()
            && first.len() <= 3
            && rest.iter().all(|p| p.len() == 3)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            return None;
        }
    } else if !int_part.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(parts.concat())
}
