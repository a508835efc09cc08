//! The formula's syntax tree, its canonical printing and the limits of the language.

use std::fmt;

use crate::model::limits::MAX_ABS_VALUE;

/// Longest formula, in characters other than whitespace.
pub const MAX_FORMULA_CHARS: usize = 500;
/// Longest formula text, whitespace included.
pub const MAX_FORMULA_TEXT: usize = 2000;
/// Deepest nesting of parentheses, unary minus signs and `prev(…)` together.
pub const MAX_NESTING: usize = 64;
/// Largest number written in a formula (the largest magnitude of any KPI number).
pub const MAX_NUMBER: f64 = MAX_ABS_VALUE;

/// The reserved word for the previous period's value.
pub(super) const PREV: &str = "prev";

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-` (also `−`)
    Sub,
    /// `*` (also `×`)
    Mul,
    /// `/` (also `÷`)
    Div,
}

impl BinOp {
    /// The canonical symbol: `+`, `-`, `*` or `/`.
    pub fn symbol(self) -> char {
        match self {
            BinOp::Add => '+',
            BinOp::Sub => '-',
            BinOp::Mul => '*',
            BinOp::Div => '/',
        }
    }

    fn precedence(self) -> u8 {
        match self {
            BinOp::Add | BinOp::Sub => 1,
            BinOp::Mul | BinOp::Div => 2,
        }
    }
}

/// A formula's syntax tree.
///
/// A tree from [`Formula::parse`] keeps these rules, and a tree built by hand that keeps them
/// prints to a text that parses back to the same tree: numbers are finite and not negative
/// (a minus is [`Expr::Neg`]), keys pass [`is_valid_key`], and the printed text stays within
/// the limits.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A number, finite and not negative.
    Number(f64),
    /// An input series' value in the period.
    Series(String),
    /// An input series' value one KPI period earlier: `prev(key)`.
    Prev(String),
    /// Unary minus.
    Neg(Box<Expr>),
    /// `left op right`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
}

impl Expr {
    fn precedence(&self) -> u8 {
        match self {
            Expr::Binary(op, _, _) => op.precedence(),
            Expr::Neg(_) => 3,
            Expr::Number(_) | Expr::Series(_) | Expr::Prev(_) => 4,
        }
    }
}

/// Prints in the canonical form: `*` `/` `-` for the operators, one space around each binary
/// operator, and only the parentheses that the tree needs.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn operand(f: &mut fmt::Formatter<'_>, e: &Expr, parens: bool) -> fmt::Result {
            if parens {
                write!(f, "({e})")
            } else {
                write!(f, "{e}")
            }
        }
        match self {
            Expr::Number(v) => write!(f, "{v}"),
            Expr::Series(key) => f.write_str(key),
            Expr::Prev(key) => write!(f, "{PREV}({key})"),
            Expr::Neg(e) => {
                f.write_str("-")?;
                operand(f, e, e.precedence() < 3)
            }
            Expr::Binary(op, left, right) => {
                let p = op.precedence();
                operand(f, left, left.precedence() < p)?;
                write!(f, " {} ", op.symbol())?;
                // Left-associative: an operand on the right of the same level keeps its
                // parentheses (`a - (b - c)`, and `a + (b + c)` to keep the tree).
                operand(f, right, right.precedence() <= p)
            }
        }
    }
}

/// Where a series is used in the parsed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesRef {
    /// The series key.
    pub key: String,
    /// Used as `prev(key)`.
    pub prev: bool,
    /// Offset of the key in characters, from 0.
    pub offset: usize,
    /// Length of the key in characters.
    pub len: usize,
}

/// Whether `key` can name an input series in a formula: an ASCII letter, then ASCII letters,
/// digits and underscores, and not the reserved word `prev`.
pub fn is_valid_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && key != PREV
}

/// Prints `e` as the canonical form does, but with `×`, `÷` and `−` for the operators and
/// each series (or `prev` of it) replaced by `leaf(key, prev)`: for explanations such as
/// `interactions 1,234 ÷ reach 45,600 × 100`.
pub fn render(e: &Expr, leaf: &dyn Fn(&str, bool) -> String) -> String {
    fn operand(e: &Expr, parens: bool, leaf: &dyn Fn(&str, bool) -> String) -> String {
        let inner = render(e, leaf);
        if parens { format!("({inner})") } else { inner }
    }
    match e {
        Expr::Number(v) => format!("{v}"),
        Expr::Series(key) => leaf(key, false),
        Expr::Prev(key) => leaf(key, true),
        Expr::Neg(inner) => format!("−{}", operand(inner, inner.precedence() < 3, leaf)),
        Expr::Binary(op, left, right) => {
            let p = op.precedence();
            let symbol = match op {
                BinOp::Add => '+',
                BinOp::Sub => '−',
                BinOp::Mul => '×',
                BinOp::Div => '÷',
            };
            format!(
                "{} {symbol} {}",
                operand(left, left.precedence() < p, leaf),
                operand(right, right.precedence() <= p, leaf)
            )
        }
    }
}
