//! Guarding text cells of a CSV file against formula injection: a spreadsheet that opens the
//! file would run a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return
//! before one) as a formula. Such a cell is written with a single quote `'` in front, which
//! spreadsheets show as text (OWASP's advice for CSV injection), and the field is quoted.
//!
//! The rule must let the import give back exactly the text that was exported, also a text that
//! itself starts with quotes. So the quote is added when the text **without its leading quotes**
//! starts with one of the six characters, and the import removes one leading quote when the
//! cell **without its leading quotes** starts with one of them. `=1+2` ↔ `'=1+2`,
//! `'=1+2` ↔ `''=1+2`, while `'quoted'` and `it's` are written and read unchanged.
//!
//! Only text cells are guarded (names, notes, ids, units). Numbers the app writes itself (a
//! value such as `-12.5`, a date) are never guarded: they must stay numbers.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether the text, after any leading single quotes, starts with a formula character.
fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(|c: char| FORMULA_STARTS.contains(&c))
}

/// A text cell as it is written to a CSV file: with a `'` in front when a spreadsheet could
/// read it as a formula (see the module's rule), else unchanged. Quoting the field is left to
/// the CSV writer (it must quote a guarded field).
pub fn guard_formula(text: &str) -> Cow<'_, str> {
    if formula_like(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text of a cell read from a CSV file: the `'` that [`guard_formula`] added removed,
/// anything else unchanged. `unguard_formula(&guard_formula(t)) == t` for every text.
pub fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(cell) => rest,
        _ => cell,
    }
}
