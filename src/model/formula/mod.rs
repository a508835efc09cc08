//! Calculated KPIs: a formula over input series and numbers, such as the engagement rate
//! `interactions / reach * 100` or the follower growth
//! `(followers - prev(followers)) / prev(followers) * 100`.
//!
//! The language (`docs/formulas.md` is its reference):
//!
//! ```text
//! formula := sum
//! sum     := product (('+' | '-') product)*          left-associative
//! product := unary (('*' | '/') unary)*              left-associative, binds tighter
//! unary   := '-' unary | primary
//! primary := number | key | 'prev' '(' key ')' | '(' sum ')'
//! number  := digit+ ('.' digit+)?                   a dot for decimals, no exponent
//! key     := letter (letter | digit | '_')*          ASCII, case-sensitive, not `prev`
//! ```
//!
//! `×` is accepted for `*`, `÷` for `/` and `−` (the minus sign) for `-`; whitespace is free.
//! A comma is never part of a number: `2,5` is refused with a message that asks for `2.5`
//! (so `1,234` cannot silently mean 1.234 or 1234).
//!
//! Safe on any input: parsing never panics, refuses more than [`MAX_FORMULA_CHARS`]
//! characters other than whitespace (and more than [`MAX_FORMULA_TEXT`] in all), more than
//! [`MAX_NESTING`] levels of parentheses, minus signs and `prev(…)` before the recursion goes
//! deeper, and numbers above [`MAX_NUMBER`]. A parsed tree is therefore at most
//! [`MAX_FORMULA_CHARS`] nodes deep, which bounds the recursion of [`Formula::eval`] and of
//! printing.
//!
//! Printing (`Display`) gives the canonical form, and `Formula::parse(&f.to_string()) == f`
//! for every parsed `f`: the canonical form only adds spaces around binary operators, never
//! needs more parentheses or nesting than the text it came from, and prints each number in no
//! more characters than it was written with, so it is always within the limits.
//!
//! Evaluation is in `f64` throughout (`1/2` is 0.5) and never gives infinity or NaN: a
//! missing input, a division by zero or a result out of range is an [`EvalProblem`].
//!
//! Errors carry a [`FormulaErrorKind`] and the position in the formula in characters
//! (`offset` from 0, [`FormulaError::column`] from 1). Their `Display` is English;
//! [`FormulaError::message_in`] words them in either language, and a higher layer may word
//! the `kind` itself. (The model is the lowest layer and does not import `crate::i18n`.)

use std::collections::BTreeSet;
use std::fmt;

mod ast;
mod error;
mod parse;

pub use ast::{
    BinOp, Expr, MAX_FORMULA_CHARS, MAX_FORMULA_TEXT, MAX_NESTING, MAX_NUMBER, SeriesRef,
    is_valid_key,
};
pub use error::{EvalProblem, FormulaError, FormulaErrorKind};

/// A parsed formula: its tree and where each series is used in the text it was parsed from.
/// Two formulas are equal when their trees are.
#[derive(Clone, Debug)]
pub struct Formula {
    expr: Expr,
    refs: Vec<SeriesRef>,
}

impl PartialEq for Formula {
    fn eq(&self, other: &Self) -> bool {
        self.expr == other.expr
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.expr.fmt(f)
    }
}

impl std::str::FromStr for Formula {
    type Err = FormulaError;

    fn from_str(text: &str) -> Result<Formula, FormulaError> {
        Formula::parse(text)
    }
}

impl Formula {
    /// Parses a formula; the error tells what is wrong and where.
    pub fn parse(text: &str) -> Result<Formula, FormulaError> {
        let total = text.chars().count();
        let too_long = |chars, max, offset| {
            FormulaError::new(
                FormulaErrorKind::TooLong { chars, max },
                offset,
                total - offset,
            )
        };
        if total > MAX_FORMULA_TEXT {
            return Err(too_long(total, MAX_FORMULA_TEXT, MAX_FORMULA_TEXT));
        }
        let solid = text.chars().filter(|c| !c.is_whitespace()).count();
        if solid > MAX_FORMULA_CHARS {
            // At the first character beyond the limit.
            let offset = text
                .chars()
                .enumerate()
                .filter(|(_, c)| !c.is_whitespace())
                .nth(MAX_FORMULA_CHARS)
                .map_or(total, |(i, _)| i);
            return Err(too_long(solid, MAX_FORMULA_CHARS, offset));
        }
        if text.trim().is_empty() {
            return Err(FormulaError::new(FormulaErrorKind::Empty, 0, 0));
        }
        let (expr, refs) = parse::tree(text)?;
        Ok(Formula { expr, refs })
    }

    /// The syntax tree.
    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// The input series the formula uses, also those only inside `prev(…)`.
    pub fn series_keys(&self) -> BTreeSet<String> {
        self.refs.iter().map(|r| r.key.clone()).collect()
    }

    /// Every use of a series in the parsed text, in reading order.
    pub fn series_refs(&self) -> &[SeriesRef] {
        &self.refs
    }

    /// The formula with `×`, `÷`, `−` and each series (or `prev` of it) replaced by
    /// `leaf(key, prev)`, e.g. `interactions 1,234 ÷ reach 45,600 × 100`.
    pub fn render(&self, leaf: impl Fn(&str, bool) -> String) -> String {
        ast::render(&self.expr, &leaf)
    }

    /// Whether the formula uses a value of the previous period.
    pub fn uses_prev(&self) -> bool {
        self.refs.iter().any(|r| r.prev)
    }

    /// Checks that every series used is one of `known` (case-sensitive); the error is at the
    /// first unknown one, with a known key it may be a typo of.
    pub fn check(&self, known: &[&str]) -> Result<(), FormulaError> {
        match self.refs.iter().find(|r| !known.contains(&r.key.as_str())) {
            None => Ok(()),
            Some(r) => Err(FormulaError::new(
                FormulaErrorKind::UnknownSeries {
                    key: r.key.clone(),
                    suggestion: suggestion(&r.key, known),
                },
                r.offset,
                r.len,
            )),
        }
    }

    /// The formula's value; `lookup(key, offset)` gives an input series' value aggregated
    /// into the period (`offset` 0) or the period before (`offset` -1), `None` when there is
    /// none. A non-finite value from `lookup` counts as missing. The result is always finite
    /// (and `0.0`, never `-0.0`).
    pub fn eval(&self, lookup: impl Fn(&str, i32) -> Option<f64>) -> Result<f64, EvalProblem> {
        let v = eval(&self.expr, &lookup)?;
        Ok(if v == 0.0 { 0.0 } else { v })
    }
}

fn eval(e: &Expr, lookup: &dyn Fn(&str, i32) -> Option<f64>) -> Result<f64, EvalProblem> {
    let input = |key: &str, prev: bool| {
        lookup(key, if prev { -1 } else { 0 })
            .filter(|v| v.is_finite())
            .ok_or_else(|| EvalProblem::Missing {
                key: key.to_string(),
                prev,
            })
    };
    let v = match e {
        Expr::Number(v) => *v,
        Expr::Series(key) => input(key, false)?,
        Expr::Prev(key) => input(key, true)?,
        Expr::Neg(e) => -eval(e, lookup)?,
        Expr::Binary(op, left, right) => {
            let l = eval(left, lookup)?;
            let r = eval(right, lookup)?;
            match op {
                BinOp::Add => l + r,
                BinOp::Sub => l - r,
                BinOp::Mul => l * r,
                BinOp::Div if r == 0.0 => {
                    return Err(EvalProblem::DivisionByZero {
                        divisor: right.to_string(),
                    });
                }
                BinOp::Div => l / r,
            }
        }
    };
    if v.is_finite() {
        Ok(v)
    } else {
        Err(EvalProblem::NotFinite)
    }
}

/// A known key that `key` may be a typo of: the same but for case, or else the nearest within
/// two edits (case ignored).
fn suggestion(key: &str, known: &[&str]) -> Option<String> {
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        return Some(k.to_string());
    }
    let key = key.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&key, &k.to_ascii_lowercase()), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
