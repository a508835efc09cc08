//! The formula's tokenizer and recursive-descent parser (see the grammar in `mod.rs`).

use super::ast::{BinOp, Expr, MAX_NESTING, MAX_NUMBER, PREV, SeriesRef};
use super::error::{FormulaError, FormulaErrorKind};

/// Parses `text` (already checked for length and emptiness) into its tree and the places
/// where series are used.
pub(super) fn tree(text: &str) -> Result<(Expr, Vec<SeriesRef>), FormulaError> {
    let mut p = Parser {
        chars: text.chars().collect(),
        cur: Token {
            tok: Tok::End,
            start: 0,
            end: 0,
        },
        last_end: 0,
        depth: 0,
        refs: Vec::new(),
    };
    p.cur = p.lex(0)?;
    let expr = p.sum()?;
    match p.cur.tok {
        Tok::End => Ok((expr, p.refs)),
        Tok::RParen => Err(p.error_here(FormulaErrorKind::UnmatchedClose)),
        _ => Err(p.error_here(FormulaErrorKind::ExpectedOperator)),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    Ident(String),
    Plus,
    Minus,
    Star,
    Slash,
    LParen,
    RParen,
    End,
}

/// A token and its place in characters, `start..end`.
#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

/// A recursive-descent parser with one token of look-ahead, lexed on demand so that the first
/// error in reading order is the one reported.
struct Parser {
    chars: Vec<char>,
    cur: Token,
    /// End of the last token taken.
    last_end: usize,
    depth: usize,
    refs: Vec<SeriesRef>,
}

type Parsed<T> = Result<T, FormulaError>;

impl Parser {
    fn error_here(&self, kind: FormulaErrorKind) -> FormulaError {
        FormulaError::new(kind, self.cur.start, self.cur.end - self.cur.start)
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The token that starts at `i` or after whitespace.
    fn lex(&self, mut i: usize) -> Parsed<Token> {
        while self.char_at(i).is_some_and(char::is_whitespace) {
            i += 1;
        }
        let Some(c) = self.char_at(i) else {
            let n = self.chars.len();
            return Ok(Token {
                tok: Tok::End,
                start: n,
                end: n,
            });
        };
        let one = |tok| {
            Ok(Token {
                tok,
                start: i,
                end: i + 1,
            })
        };
        match c {
            '+' => one(Tok::Plus),
            '-' | '\u{2212}' => one(Tok::Minus),
            '*' | '×' => one(Tok::Star),
            '/' | '÷' => one(Tok::Slash),
            '(' => one(Tok::LParen),
            ')' => one(Tok::RParen),
            ',' => Err(FormulaError::new(FormulaErrorKind::Comma, i, 1)),
            '0'..='9' => self.number(i),
            '.' => Err(FormulaError::new(FormulaErrorKind::BadDecimal, i, 1)),
            c if c.is_ascii_alphabetic() => {
                let mut end = i + 1;
                while self
                    .char_at(end)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    end += 1;
                }
                Ok(Token {
                    tok: Tok::Ident(self.chars[i..end].iter().collect()),
                    start: i,
                    end,
                })
            }
            ch => Err(FormulaError::new(
                FormulaErrorKind::UnexpectedChar { ch },
                i,
                1,
            )),
        }
    }

    fn number(&self, start: usize) -> Parsed<Token> {
        let digits = |mut i: usize| {
            while self.char_at(i).is_some_and(|d| d.is_ascii_digit()) {
                i += 1;
            }
            i
        };
        let mut end = digits(start);
        if self.char_at(end) == Some('.') {
            if !self.char_at(end + 1).is_some_and(|d| d.is_ascii_digit()) {
                return Err(FormulaError::new(FormulaErrorKind::BadDecimal, end, 1));
            }
            end = digits(end + 1);
        }
        // Digits with at most one dot between digits: Rust reads them correctly rounded.
        let text: String = self.chars[start..end].iter().collect();
        match text.parse::<f64>() {
            Ok(v) if v <= MAX_NUMBER => Ok(Token {
                tok: Tok::Num(v),
                start,
                end,
            }),
            _ => Err(FormulaError::new(
                FormulaErrorKind::NumberTooLarge,
                start,
                end - start,
            )),
        }
    }

    fn advance(&mut self) -> Parsed<()> {
        self.last_end = self.cur.end;
        self.cur = self.lex(self.cur.end)?;
        Ok(())
    }

    /// One level deeper, for the token at `start`.
    fn enter(&mut self, start: usize) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            Err(FormulaError::new(
                FormulaErrorKind::TooDeep { max: MAX_NESTING },
                start,
                1,
            ))
        } else {
            Ok(())
        }
    }

    fn sum(&mut self) -> Parsed<Expr> {
        let mut left = self.product()?;
        loop {
            let op = match self.cur.tok {
                Tok::Plus => BinOp::Add,
                Tok::Minus => BinOp::Sub,
                _ => return Ok(left),
            };
            self.advance()?;
            let right = self.product()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
    }

    fn product(&mut self) -> Parsed<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = match self.cur.tok {
                Tok::Star => BinOp::Mul,
                Tok::Slash => BinOp::Div,
                _ => return Ok(left),
            };
            self.advance()?;
            let right = self.unary()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self) -> Parsed<Expr> {
        if self.cur.tok != Tok::Minus {
            return self.primary();
        }
        self.enter(self.cur.start)?;
        self.advance()?;
        let e = self.unary()?;
        self.depth -= 1;
        Ok(Expr::Neg(Box::new(e)))
    }

    /// Takes the `)` that closes the `(` at `open`.
    fn close(&mut self, open: usize) -> Parsed<()> {
        match self.cur.tok {
            Tok::RParen => {
                self.depth -= 1;
                self.advance()
            }
            Tok::End => Err(self.error_here(FormulaErrorKind::UnclosedParen { open })),
            _ => Err(self.error_here(FormulaErrorKind::ExpectedOperator)),
        }
    }

    fn primary(&mut self) -> Parsed<Expr> {
        let Token { tok, start, end } = self.cur.clone();
        match tok {
            Tok::Num(v) => {
                self.advance()?;
                Ok(Expr::Number(v))
            }
            Tok::LParen => {
                self.enter(start)?;
                self.advance()?;
                let e = self.sum()?;
                self.close(start)?;
                Ok(e)
            }
            Tok::Ident(name) if name == PREV => {
                self.advance()?;
                if self.cur.tok != Tok::LParen {
                    return Err(FormulaError::new(
                        FormulaErrorKind::PrevNeedsSeries,
                        start,
                        end - start,
                    ));
                }
                let open = self.cur.start;
                self.enter(open)?;
                self.advance()?;
                if self.cur.tok == Tok::RParen {
                    return Err(self.error_here(FormulaErrorKind::PrevNeedsSeries));
                }
                let arg_start = self.cur.start;
                let arg = self.sum()?;
                let arg_end = self.last_end;
                self.close(open)?;
                match arg {
                    Expr::Series(key) => {
                        // The key was recorded as a plain use when it was parsed.
                        if let Some(r) = self.refs.last_mut() {
                            r.prev = true;
                        }
                        Ok(Expr::Prev(key))
                    }
                    _ => Err(FormulaError::new(
                        FormulaErrorKind::PrevNeedsSeries,
                        arg_start,
                        arg_end - arg_start,
                    )),
                }
            }
            Tok::Ident(name) => {
                self.advance()?;
                if self.cur.tok == Tok::LParen && self.cur.start == end {
                    return Err(FormulaError::new(
                        FormulaErrorKind::UnknownFunction { name },
                        start,
                        end - start,
                    ));
                }
                self.refs.push(SeriesRef {
                    key: name.clone(),
                    prev: false,
                    offset: start,
                    len: end - start,
                });
                Ok(Expr::Series(name))
            }
            Tok::End => Err(self.error_here(FormulaErrorKind::ExpectedOperand { at_end: true })),
            _ => Err(self.error_here(FormulaErrorKind::ExpectedOperand { at_end: false })),
        }
    }
}
