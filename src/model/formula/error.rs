//! What can go wrong with a formula: a formula that cannot be read ([`FormulaError`]) and a
//! period without a value ([`EvalProblem`]).

use std::fmt;

use super::ast::MAX_NUMBER;
use crate::model::Lang;

/// Why a formula has no value for a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalProblem {
    /// An input has no value: `key` in the period, or in the period before when `prev`.
    Missing {
        /// The series key.
        key: String,
        /// The value asked for was `prev(key)`.
        prev: bool,
    },
    /// A divisor is zero; `divisor` is its text in canonical form, e.g. `prev(followers)`.
    DivisionByZero {
        /// The divisor's text.
        divisor: String,
    },
    /// The result (or a step towards it) is too large for a number.
    NotFinite,
}

impl EvalProblem {
    /// The problem in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match (self, lang) {
            (EvalProblem::Missing { key, prev: false }, Lang::En) => {
                format!("no value for '{key}' in this period")
            }
            (EvalProblem::Missing { key, prev: false }, Lang::Nl) => {
                format!("geen waarde voor '{key}' in deze periode")
            }
            (EvalProblem::Missing { key, prev: true }, Lang::En) => {
                format!("no value for '{key}' in the previous period")
            }
            (EvalProblem::Missing { key, prev: true }, Lang::Nl) => {
                format!("geen waarde voor '{key}' in de vorige periode")
            }
            (EvalProblem::DivisionByZero { divisor }, Lang::En) => {
                format!("division by zero: {divisor} is 0")
            }
            (EvalProblem::DivisionByZero { divisor }, Lang::Nl) => {
                format!("deling door nul: {divisor} is 0")
            }
            (EvalProblem::NotFinite, Lang::En) => {
                "the result is too large to be a number".to_string()
            }
            (EvalProblem::NotFinite, Lang::Nl) => {
                "de uitkomst is te groot voor een getal".to_string()
            }
        }
    }
}

impl fmt::Display for EvalProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl std::error::Error for EvalProblem {}

/// What is wrong with a formula's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormulaErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// More than [`MAX_FORMULA_CHARS`] characters other than whitespace, or more than
    /// [`MAX_FORMULA_TEXT`] in all; the error spans the text from the first character beyond.
    TooLong {
        /// The formula's length in the characters counted.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// Nested deeper than [`MAX_NESTING`]; at the opening that goes too deep.
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// A character that has no place in a formula.
    UnexpectedChar {
        /// The character.
        ch: char,
    },
    /// A comma: decimals are written with a dot, and there are no thousands separators.
    Comma,
    /// A decimal point without a digit on each side (`.5`, `5.`).
    BadDecimal,
    /// A number above [`MAX_NUMBER`].
    NumberTooLarge,
    /// Something else where a number, a series or `(` should be.
    ExpectedOperand {
        /// The formula ended there.
        at_end: bool,
    },
    /// Something else where an operator should be (e.g. `2 3`, `reach followers`, `1e6`).
    ExpectedOperator,
    /// The formula ends before the `)` of the `(` at `open`; the error is at the end.
    UnclosedParen {
        /// Offset of the `(` in characters.
        open: usize,
    },
    /// A `)` without its `(`.
    UnmatchedClose,
    /// A name followed by `(` that is not `prev`.
    UnknownFunction {
        /// The name.
        name: String,
    },
    /// `prev` without a single series in parentheses (`prev(2)`, `prev(a + b)`, `prev`).
    PrevNeedsSeries,
    /// A series that is not one of the known keys (from [`Formula::check`]).
    UnknownSeries {
        /// The key as written.
        key: String,
        /// A known key it may be a typo of.
        suggestion: Option<String>,
    },
}

/// A formula that cannot be used, and where: `offset` and `len` in characters (`offset` from
/// 0, as for selecting the text in the field; [`FormulaError::column`] from 1, as in messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaError {
    /// What is wrong.
    pub kind: FormulaErrorKind,
    /// Where it starts, in characters from 0.
    pub offset: usize,
    /// How many characters it spans (0 at the end of the formula).
    pub len: usize,
}

impl FormulaError {
    pub(super) fn new(kind: FormulaErrorKind, offset: usize, len: usize) -> FormulaError {
        FormulaError { kind, offset, len }
    }

    /// The column in messages: `offset + 1`.
    pub fn column(&self) -> usize {
        self.offset + 1
    }

    /// The error in English, with its column (the `Display` text).
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }

    /// The error in `lang`, with its column; `message_in(Lang::En)` is the `Display` text.
    pub fn message_in(&self, lang: Lang) -> String {
        use FormulaErrorKind as K;
        let c = self.column();
        let en = lang == Lang::En;
        match &self.kind {
            K::Empty if en => "the formula is empty".to_string(),
            K::Empty => "de formule is leeg".to_string(),
            K::TooLong { chars, max } if en => {
                format!("the formula is too long: {chars} characters, at most {max}")
            }
            K::TooLong { chars, max } => {
                format!("de formule is te lang: {chars} tekens, hoogstens {max}")
            }
            K::TooDeep { max } if en => format!(
                "nested too deeply at column {c}: at most {max} levels of parentheses, minus signs and prev(…)"
            ),
            K::TooDeep { max } => format!(
                "te diep genest in kolom {c}: hoogstens {max} niveaus van haakjes, mintekens en prev(…)"
            ),
            K::UnexpectedChar { ch } if en => format!("unexpected character '{ch}' at column {c}"),
            K::UnexpectedChar { ch } => format!("onverwacht teken '{ch}' in kolom {c}"),
            K::Comma if en => format!(
                "comma at column {c}: write decimals with a dot, such as 2.5, and no thousands separator"
            ),
            K::Comma => format!(
                "komma in kolom {c}: schrijf decimalen met een punt, zoals 2.5, en geen scheidingsteken voor duizendtallen"
            ),
            K::BadDecimal if en => {
                format!("a decimal point needs a digit on each side, such as 0.5, at column {c}")
            }
            K::BadDecimal => format!(
                "een decimaalpunt heeft aan elke kant een cijfer nodig, zoals 0.5, in kolom {c}"
            ),
            K::NumberTooLarge if en => {
                format!("number too large at column {c}: at most {MAX_NUMBER}")
            }
            K::NumberTooLarge => format!("getal te groot in kolom {c}: hoogstens {MAX_NUMBER}"),
            K::ExpectedOperand { at_end: false } if en => {
                format!("expected a number, a series or '(' at column {c}")
            }
            K::ExpectedOperand { at_end: false } => {
                format!("verwacht een getal, een reeks of '(' in kolom {c}")
            }
            K::ExpectedOperand { at_end: true } if en => format!(
                "the formula ends too soon: expected a number, a series or '(' at column {c}"
            ),
            K::ExpectedOperand { at_end: true } => format!(
                "de formule houdt te vroeg op: verwacht een getal, een reeks of '(' in kolom {c}"
            ),
            K::ExpectedOperator if en => format!("expected an operator (+ - * /) at column {c}"),
            K::ExpectedOperator => format!("verwacht een bewerking (+ - * /) in kolom {c}"),
            K::UnclosedParen { open } if en => format!(
                "missing ')' at column {c} to close the '(' at column {}",
                open + 1
            ),
            K::UnclosedParen { open } => format!(
                "')' ontbreekt in kolom {c} om de '(' in kolom {} te sluiten",
                open + 1
            ),
            K::UnmatchedClose if en => format!("')' at column {c} has no '(' to close"),
            K::UnmatchedClose => format!("')' in kolom {c} sluit geen '('"),
            K::UnknownFunction { name } if en => {
                format!("unknown function '{name}' at column {c}: the only function is prev(…)")
            }
            K::UnknownFunction { name } => {
                format!("onbekende functie '{name}' in kolom {c}: de enige functie is prev(…)")
            }
            K::PrevNeedsSeries if en => {
                format!("prev(…) takes one series, such as prev(followers), at column {c}")
            }
            K::PrevNeedsSeries => {
                format!("prev(…) neemt één reeks, zoals prev(followers), in kolom {c}")
            }
            K::UnknownSeries { key, suggestion } => {
                let mut text = if en {
                    format!("unknown series '{key}' at column {c}")
                } else {
                    format!("onbekende reeks '{key}' in kolom {c}")
                };
                if let Some(s) = suggestion {
                    text += &if en {
                        format!("; did you mean '{s}'?")
                    } else {
                        format!("; bedoel je '{s}'?")
                    };
                }
                text
            }
        }
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl std::error::Error for FormulaError {}
