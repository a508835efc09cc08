#![cfg(not(target_arch = "wasm32"))]
//! Calculated KPIs: the formula language (`src/model/formula/`, `docs/formulas.md`) — values
//! worked by hand, precedence, canonical printing, errors with their exact positions and
//! texts, evaluation problems instead of NaN or infinity, and properties on random input.

use std::collections::BTreeSet;

use proptest::prelude::*;
use smsc::model::Lang;
use smsc::model::formula::{
    BinOp, EvalProblem, Expr, Formula, FormulaError, FormulaErrorKind, MAX_FORMULA_CHARS,
    MAX_FORMULA_TEXT, MAX_NESTING, is_valid_key,
};

const KNOWN: [&str; 5] = ["interactions", "reach", "followers", "own", "competitors"];

fn parse(text: &str) -> Formula {
    Formula::parse(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
}

fn error(text: &str) -> FormulaError {
    match Formula::parse(text) {
        Ok(f) => panic!("{text:?} should not parse, got {f}"),
        Err(e) => e,
    }
}

/// Evaluates with constant inputs: `(key, this period, previous period)`.
fn eval_with(text: &str, inputs: &[(&str, f64, f64)]) -> Result<f64, EvalProblem> {
    parse(text).eval(|key, offset| {
        let (_, now, before) = inputs.iter().find(|(k, _, _)| *k == key)?;
        match offset {
            0 => Some(*now),
            -1 => Some(*before),
            other => panic!("offset {other} asked"),
        }
    })
}

fn value(text: &str) -> f64 {
    eval_with(text, &[]).unwrap_or_else(|p| panic!("{text:?} has no value: {p}"))
}

// --- Values worked by hand -----------------------------------------------------------------

#[test]
fn engagement_rate() {
    // 1234 interactions over a reach of 45 600: 1234 / 45600 × 100 = 1234 / 456
    // = 2.706140350877192982… %, which f64 holds as 2.706140350877193.
    let v = eval_with(
        "interactions / reach * 100",
        &[("interactions", 1234.0, 0.0), ("reach", 45600.0, 0.0)],
    );
    assert_eq!(v, Ok(2.706_140_350_877_193));
    assert!((v.unwrap() - 1234.0 / 456.0).abs() < 1e-15);
}

#[test]
fn follower_growth_uses_the_previous_period() {
    let growth = "(followers - prev(followers)) / prev(followers) * 100";
    // 12 000 → 12 480 followers: 480 / 12 000 = 4 %.
    assert_eq!(
        eval_with(growth, &[("followers", 12480.0, 12000.0)]),
        Ok(4.0)
    );
    // 10 000 → 10 250: 2.5 %; a fall 10 000 → 9 500: −5 %.
    assert_eq!(
        eval_with(growth, &[("followers", 10250.0, 10000.0)]),
        Ok(2.5)
    );
    assert_eq!(
        eval_with(growth, &[("followers", 9500.0, 10000.0)]),
        Ok(-5.0)
    );
    // The lookup is asked for offset 0 and -1 only, and for `followers` only.
    let asked = std::cell::RefCell::new(BTreeSet::new());
    let f = parse(growth);
    let _ = f.eval(|key, offset| {
        asked.borrow_mut().insert((key.to_string(), offset));
        Some(1.0)
    });
    let asked: Vec<_> = asked.into_inner().into_iter().collect();
    assert_eq!(
        asked,
        [("followers".to_string(), -1), ("followers".to_string(), 0)]
    );
}

#[test]
fn share_of_voice() {
    let sov = "own / (own + competitors) * 100";
    assert_eq!(
        eval_with(sov, &[("own", 300.0, 0.0), ("competitors", 900.0, 0.0)]),
        Ok(25.0)
    );
    // 1234 / 5555 = 0.22214221422142214…
    assert_eq!(
        eval_with(sov, &[("own", 1234.0, 0.0), ("competitors", 4321.0, 0.0)]),
        Ok(22.214_221_422_142_213)
    );
}

#[test]
fn arithmetic_is_floating_point() {
    assert_eq!(value("1 / 2"), 0.5);
    assert_eq!(value("7 / 2 * 2"), 7.0);
    assert_eq!(value("2.5 * 4"), 10.0);
    assert_eq!(value("0.1 + 0.2"), 0.1 + 0.2);
    assert_eq!(value("1000000000000000"), 1e15);
}

#[test]
fn precedence_and_associativity() {
    assert_eq!(value("8 - 2 - 1"), 5.0);
    assert_eq!(value("8 / 2 / 2"), 2.0);
    assert_eq!(value("-2 * 3"), -6.0);
    assert_eq!(value("2 + 3 * 4"), 14.0);
    assert_eq!(value("(2 + 3) * 4"), 20.0);
    assert_eq!(value("2 * -3"), -6.0);
    assert_eq!(value("2 - -3"), 5.0);
    assert_eq!(value("--2"), 2.0);
    assert_eq!(value("-(2 - 5)"), 3.0);
    assert_eq!(value("12 / 3 * 2"), 8.0);
    assert_eq!(value("12 - 3 + 2"), 11.0);
    // The trees, not only the values.
    let n = |v| Box::new(Expr::Number(v));
    assert_eq!(
        parse("8 - 2 - 1").expr(),
        &Expr::Binary(
            BinOp::Sub,
            Box::new(Expr::Binary(BinOp::Sub, n(8.0), n(2.0))),
            n(1.0)
        )
    );
    assert_eq!(
        parse("-2 * 3").expr(),
        &Expr::Binary(BinOp::Mul, Box::new(Expr::Neg(n(2.0))), n(3.0))
    );
}

#[test]
fn typographic_operators_and_free_whitespace() {
    assert_eq!(value("8 × 2 ÷ 4 − 1"), 3.0);
    assert_eq!(value("8×2÷4−1"), 3.0);
    assert_eq!(parse("8 × 2 ÷ 4 − 1"), parse("8*2/4-1"));
    assert_eq!(value("\t 8 *\n2 "), 16.0);
}

#[test]
fn negative_zero_is_zero() {
    let v = value("0 * -1");
    assert_eq!(v, 0.0);
    assert!(v.is_sign_positive());
}

// --- Printing -------------------------------------------------------------------------------

#[test]
fn prints_the_canonical_form() {
    let cases = [
        ("(interactions)/(reach)*100", "interactions / reach * 100"),
        ("interactions/reach*100", "interactions / reach * 100"),
        (
            "(followers-prev( followers ))/prev(followers)*100",
            "(followers - prev(followers)) / prev(followers) * 100",
        ),
        (
            "own/(own+competitors)*100",
            "own / (own + competitors) * 100",
        ),
        ("a - (b - c)", "a - (b - c)"),
        ("(a - b) - c", "a - b - c"),
        ("a + (b + c)", "a + (b + c)"),
        ("a / (b * c)", "a / (b * c)"),
        ("(a * b) / c", "a * b / c"),
        ("a + (b * c)", "a + b * c"),
        ("(a + b) * c", "(a + b) * c"),
        ("-(a * b)", "-(a * b)"),
        ("(-a) * b", "-a * b"),
        ("a * (-b)", "a * -b"),
        ("- - a", "--a"),
        ("-(-(a))", "--a"),
        ("prev((followers))", "prev(followers)"),
        ("2.50", "2.5"),
        ("007", "7"),
        ("0.000001", "0.000001"),
        ("3 × 4 ÷ 2 − 1", "3 * 4 / 2 - 1"),
    ];
    for (text, canonical) in cases {
        let f = parse(text);
        assert_eq!(f.to_string(), canonical, "{text}");
        assert_eq!(parse(canonical), f, "{text}");
    }
}

// --- What a formula uses -------------------------------------------------------------------

#[test]
fn series_keys_include_those_inside_prev() {
    let f = parse("(followers - prev(followers)) / prev(reach) * 100");
    let keys: Vec<String> = f.series_keys().into_iter().collect();
    assert_eq!(keys, ["followers", "reach"]);
    assert!(f.uses_prev());
    let refs: Vec<(&str, bool, usize, usize)> = f
        .series_refs()
        .iter()
        .map(|r| (r.key.as_str(), r.prev, r.offset, r.len))
        .collect();
    assert_eq!(
        refs,
        [
            ("followers", false, 1, 9),
            ("followers", true, 18, 9),
            ("reach", true, 37, 5)
        ]
    );
    assert!(!parse("interactions / reach").uses_prev());
    assert!(parse("2 * 3").series_keys().is_empty());
}

#[test]
fn keys_are_ascii_case_sensitive_words() {
    for ok in ["reach", "Reach", "r", "post_reach_2", "x1"] {
        assert!(is_valid_key(ok), "{ok}");
    }
    for bad in [
        "",
        "1x",
        "_x",
        "post-reach",
        "bereik€",
        "éen",
        "a b",
        "prev",
    ] {
        assert!(!is_valid_key(bad), "{bad}");
    }
    // Case matters: `Reach` is not `reach`.
    let f = parse("Reach + reach");
    assert_eq!(f.series_keys().len(), 2);
    // `previous` is a key, not `prev`.
    assert_eq!(parse("previous").expr(), &Expr::Series("previous".into()));
}

// --- Errors ---------------------------------------------------------------------------------

/// The kind, offset, length and English text of a parse error.
fn assert_error(text: &str, kind: FormulaErrorKind, offset: usize, len: usize, message: &str) {
    let e = error(text);
    assert_eq!(
        (&e.kind, e.offset, e.len),
        (&kind, offset, len),
        "{text:?}: {e}"
    );
    assert_eq!(e.column(), offset + 1);
    assert_eq!(e.to_string(), message, "{text:?}");
    assert_eq!(e.message_in(Lang::En), message, "{text:?}");
    assert_eq!(e.message(), message, "{text:?}");
}

#[test]
fn the_three_errors_of_the_comparison() {
    assert_error(
        "interactions / (reach",
        FormulaErrorKind::UnclosedParen { open: 15 },
        21,
        0,
        "missing ')' at column 22 to close the '(' at column 16",
    );
    assert_error(
        "interactions // reach",
        FormulaErrorKind::ExpectedOperand { at_end: false },
        14,
        1,
        "expected a number, a series or '(' at column 15",
    );
    let e = parse("foo + 1")
        .check(&["interactions", "reach"])
        .unwrap_err();
    assert_eq!(
        (e.kind.clone(), e.offset, e.len),
        (
            FormulaErrorKind::UnknownSeries {
                key: "foo".into(),
                suggestion: None
            },
            0,
            3
        )
    );
    assert_eq!(e.to_string(), "unknown series 'foo' at column 1");
}

#[test]
fn syntax_errors_with_their_positions() {
    use FormulaErrorKind as K;
    assert_error(
        "interactions / reach *",
        K::ExpectedOperand { at_end: true },
        22,
        0,
        "the formula ends too soon: expected a number, a series or '(' at column 23",
    );
    assert_error(
        "(1 + 2) * * 3",
        K::ExpectedOperand { at_end: false },
        10,
        1,
        "expected a number, a series or '(' at column 11",
    );
    assert_error(
        "+5",
        K::ExpectedOperand { at_end: false },
        0,
        1,
        "expected a number, a series or '(' at column 1",
    );
    assert_error(
        "()",
        K::ExpectedOperand { at_end: false },
        1,
        1,
        "expected a number, a series or '(' at column 2",
    );
    assert_error(
        "reach followers",
        K::ExpectedOperator,
        6,
        9,
        "expected an operator (+ - * /) at column 7",
    );
    assert_error(
        "2 (3)",
        K::ExpectedOperator,
        2,
        1,
        "expected an operator (+ - * /) at column 3",
    );
    assert_error(
        "(a b)",
        K::ExpectedOperator,
        3,
        1,
        "expected an operator (+ - * /) at column 4",
    );
    assert_error(
        "1e6",
        K::ExpectedOperator,
        1,
        2,
        "expected an operator (+ - * /) at column 2",
    );
    assert_error(
        "reach) * 2",
        K::UnmatchedClose,
        5,
        1,
        "')' at column 6 has no '(' to close",
    );
    assert_error(
        "((a + b) * c",
        K::UnclosedParen { open: 0 },
        12,
        0,
        "missing ')' at column 13 to close the '(' at column 1",
    );
    assert_error(
        "reach # 2",
        K::UnexpectedChar { ch: '#' },
        6,
        1,
        "unexpected character '#' at column 7",
    );
    // Offsets count characters, not bytes: `×` is one.
    assert_error(
        "reach × 2 % 3",
        K::UnexpectedChar { ch: '%' },
        10,
        1,
        "unexpected character '%' at column 11",
    );
    assert_error(
        "_x",
        K::UnexpectedChar { ch: '_' },
        0,
        1,
        "unexpected character '_' at column 1",
    );
    assert_error(
        "sum(reach)",
        K::UnknownFunction { name: "sum".into() },
        0,
        3,
        "unknown function 'sum' at column 1: the only function is prev(…)",
    );
    assert_error("", K::Empty, 0, 0, "the formula is empty");
    assert_error(" \t\n", K::Empty, 0, 0, "the formula is empty");
}

#[test]
fn the_first_error_in_reading_order_is_reported() {
    // The `* *` at column 5 comes before the `#` at column 9.
    let e = error("2 + * 3 #");
    assert_eq!(
        (e.kind, e.offset),
        (FormulaErrorKind::ExpectedOperand { at_end: false }, 4)
    );
    let e = error("2 + 3 # *");
    assert_eq!(e.kind, FormulaErrorKind::UnexpectedChar { ch: '#' });
}

#[test]
fn numbers_take_a_dot_and_stay_within_the_limit() {
    use FormulaErrorKind as K;
    assert_error(
        "2,5 * reach",
        K::Comma,
        1,
        1,
        "comma at column 2: write decimals with a dot, such as 2.5, and no thousands separator",
    );
    assert_error(
        "1,234",
        K::Comma,
        1,
        1,
        "comma at column 2: write decimals with a dot, such as 2.5, and no thousands separator",
    );
    assert_error(
        ".5",
        K::BadDecimal,
        0,
        1,
        "a decimal point needs a digit on each side, such as 0.5, at column 1",
    );
    assert_error(
        "5. * 2",
        K::BadDecimal,
        1,
        1,
        "a decimal point needs a digit on each side, such as 0.5, at column 2",
    );
    assert_error(
        "1.2.3",
        K::BadDecimal,
        3,
        1,
        "a decimal point needs a digit on each side, such as 0.5, at column 4",
    );
    assert_error(
        "2 * 1000000000000001",
        K::NumberTooLarge,
        4,
        16,
        "number too large at column 5: at most 1000000000000000",
    );
    let huge = format!("1{}", "0".repeat(400));
    assert_eq!(error(&huge).kind, K::NumberTooLarge);
    // Many digits after the dot are fine, read correctly rounded.
    assert_eq!(value("0.1000000000000000055511151231257827"), 0.1);
}

#[test]
fn prev_takes_one_series() {
    use FormulaErrorKind as K;
    let msg =
        |col: usize| format!("prev(…) takes one series, such as prev(followers), at column {col}");
    assert_error("prev(2)", K::PrevNeedsSeries, 5, 1, &msg(6));
    assert_error("prev(a + b) * 2", K::PrevNeedsSeries, 5, 5, &msg(6));
    assert_error("prev(prev(a))", K::PrevNeedsSeries, 5, 7, &msg(6));
    assert_error("prev(-a)", K::PrevNeedsSeries, 5, 2, &msg(6));
    assert_error("prev()", K::PrevNeedsSeries, 5, 1, &msg(6));
    assert_error("prev + 1", K::PrevNeedsSeries, 0, 4, &msg(1));
    assert_error("1 - prev", K::PrevNeedsSeries, 4, 4, &msg(5));
    assert_error(
        "prev(a",
        K::UnclosedParen { open: 4 },
        6,
        0,
        "missing ')' at column 7 to close the '(' at column 5",
    );
    // With a space and with parentheses around the key it is still the series.
    assert_eq!(parse("prev (a)"), parse("prev((a))"));
    assert_eq!(parse("prev(a)").expr(), &Expr::Prev("a".into()));
}

#[test]
fn unknown_series_with_positions_and_suggestions() {
    let e = parse("interactions / Reach * 100")
        .check(&KNOWN)
        .unwrap_err();
    assert_eq!(
        (e.kind.clone(), e.offset, e.len),
        (
            FormulaErrorKind::UnknownSeries {
                key: "Reach".into(),
                suggestion: Some("reach".into())
            },
            15,
            5
        )
    );
    assert_eq!(
        e.to_string(),
        "unknown series 'Reach' at column 16; did you mean 'reach'?"
    );
    assert_eq!(
        e.message_in(Lang::Nl),
        "onbekende reeks 'Reach' in kolom 16; bedoel je 'reach'?"
    );
    // Inside prev, at the key; a typo within two edits is suggested.
    let e = parse("followers - prev(folowers)")
        .check(&KNOWN)
        .unwrap_err();
    assert_eq!((e.offset, e.len), (17, 8));
    assert_eq!(
        e.to_string(),
        "unknown series 'folowers' at column 18; did you mean 'followers'?"
    );
    // The first unknown in reading order.
    let e = parse("a + b").check(&[]).unwrap_err();
    assert_eq!(e.offset, 0);
    // All known.
    assert_eq!(
        parse("own / (own + competitors) * 100").check(&KNOWN),
        Ok(())
    );
    assert_eq!(parse("2 * 3").check(&[]), Ok(()));
}

#[test]
fn limits_of_length_and_nesting() {
    use FormulaErrorKind as K;
    let nested = |n: usize| format!("{}1{}", "(".repeat(n), ")".repeat(n));
    assert_eq!(value(&nested(MAX_NESTING)), 1.0);
    assert_error(
        &nested(MAX_NESTING + 1),
        K::TooDeep { max: MAX_NESTING },
        MAX_NESTING,
        1,
        "nested too deeply at column 65: at most 64 levels of parentheses, minus signs and prev(…)",
    );
    // 100 000 open parentheses: refused by length before any parsing.
    let e = error(&"(".repeat(100_000));
    assert_eq!(
        (e.kind, e.offset, e.len),
        (
            K::TooLong {
                chars: 100_000,
                max: MAX_FORMULA_TEXT
            },
            MAX_FORMULA_TEXT,
            100_000 - MAX_FORMULA_TEXT
        )
    );
    // 400 parentheses: within the length, refused at the 65th level.
    let e = error(&"(".repeat(400));
    assert_eq!((e.kind, e.offset), (K::TooDeep { max: MAX_NESTING }, 64));
    // Minus signs and prev count as levels too.
    assert_eq!(value(&format!("{}1", "-".repeat(MAX_NESTING))), 1.0);
    assert_eq!(
        error(&format!("{}1", "-".repeat(MAX_NESTING + 1))).offset,
        64
    );
    let deep_prev = format!(
        "{}prev(a){}",
        "(".repeat(MAX_NESTING),
        ")".repeat(MAX_NESTING)
    );
    assert_eq!(error(&deep_prev).offset, 68);
    // Characters other than whitespace count: 500 is fine, 501 is not.
    let at_limit = format!("10{}", "+1".repeat((MAX_FORMULA_CHARS - 2) / 2));
    assert_eq!(at_limit.len(), MAX_FORMULA_CHARS);
    assert_eq!(value(&at_limit), 259.0);
    let spaced = at_limit.replace('+', " + ");
    assert_eq!(value(&spaced), 259.0);
    let over = format!("{at_limit}+1");
    assert_error(
        &over,
        K::TooLong {
            chars: 502,
            max: MAX_FORMULA_CHARS,
        },
        500,
        2,
        "the formula is too long: 502 characters, at most 500",
    );
    // A long, flat sum is evaluated and printed without trouble.
    assert_eq!(parse(&spaced).to_string(), spaced);
}

#[test]
fn dutch_messages() {
    let nl = |text: &str| error(text).message_in(Lang::Nl);
    assert_eq!(
        nl("interactions // reach"),
        "verwacht een getal, een reeks of '(' in kolom 15"
    );
    assert_eq!(
        nl("interactions / (reach"),
        "')' ontbreekt in kolom 22 om de '(' in kolom 16 te sluiten"
    );
    assert_eq!(
        nl("2,5"),
        "komma in kolom 2: schrijf decimalen met een punt, zoals 2.5, en geen scheidingsteken voor duizendtallen"
    );
    assert_eq!(nl(""), "de formule is leeg");
    // Every kind has a Dutch text that differs from the English one.
    for text in [
        "",
        "#",
        "2,5",
        ".5",
        "1000000000000001",
        "2 +",
        "2 + *",
        "2 3",
        "(2",
        "2)",
        "f(2)",
        "prev(2)",
    ] {
        let e = error(text);
        assert_ne!(e.message_in(Lang::Nl), e.message_in(Lang::En), "{text}");
    }
    let p = EvalProblem::Missing {
        key: "reach".into(),
        prev: true,
    };
    assert_eq!(
        p.message_in(Lang::Nl),
        "geen waarde voor 'reach' in de vorige periode"
    );
}

// --- Evaluation problems ----------------------------------------------------------------------

#[test]
fn a_missing_input_is_named() {
    let growth = "(followers - prev(followers)) / prev(followers) * 100";
    let f = parse(growth);
    let p = f
        .eval(|_, offset| (offset == 0).then_some(100.0))
        .unwrap_err();
    assert_eq!(
        p,
        EvalProblem::Missing {
            key: "followers".into(),
            prev: true
        }
    );
    assert_eq!(
        p.to_string(),
        "no value for 'followers' in the previous period"
    );
    let p = f.eval(|_, _| None).unwrap_err();
    assert_eq!(
        p,
        EvalProblem::Missing {
            key: "followers".into(),
            prev: false
        }
    );
    assert_eq!(p.to_string(), "no value for 'followers' in this period");
    // The first missing input in reading order; NaN or infinity from the lookup is missing.
    let p = eval_with(
        "interactions / reach",
        &[("interactions", f64::NAN, 0.0), ("reach", 5.0, 0.0)],
    );
    assert_eq!(
        p,
        Err(EvalProblem::Missing {
            key: "interactions".into(),
            prev: false
        })
    );
    let p = eval_with("interactions / reach", &[("interactions", 5.0, 0.0)]);
    assert_eq!(
        p,
        Err(EvalProblem::Missing {
            key: "reach".into(),
            prev: false
        })
    );
    let p = eval_with("a + 1", &[("a", f64::INFINITY, 0.0)]);
    assert!(matches!(p, Err(EvalProblem::Missing { .. })));
}

#[test]
fn division_by_zero_names_the_divisor() {
    let growth = "(followers - prev(followers)) / prev(followers) * 100";
    let p = eval_with(growth, &[("followers", 50.0, 0.0)]);
    assert_eq!(
        p,
        Err(EvalProblem::DivisionByZero {
            divisor: "prev(followers)".into()
        })
    );
    assert_eq!(
        p.unwrap_err().to_string(),
        "division by zero: prev(followers) is 0"
    );
    let p = eval_with(
        "interactions / reach * 100",
        &[("interactions", 0.0, 0.0), ("reach", 0.0, 0.0)],
    );
    assert_eq!(
        p,
        Err(EvalProblem::DivisionByZero {
            divisor: "reach".into()
        })
    );
    let p = eval_with(
        "own / (own + competitors) * 100",
        &[("own", 0.0, 0.0), ("competitors", 0.0, 0.0)],
    );
    assert_eq!(
        p,
        Err(EvalProblem::DivisionByZero {
            divisor: "own + competitors".into()
        })
    );
    assert_eq!(
        eval_with("1 / (2 - 2)", &[]),
        Err(EvalProblem::DivisionByZero {
            divisor: "2 - 2".into()
        })
    );
    assert_eq!(
        eval_with("0 / -0", &[]),
        Err(EvalProblem::DivisionByZero {
            divisor: "-0".into()
        })
    );
    assert_eq!(
        EvalProblem::DivisionByZero {
            divisor: "reach".into()
        }
        .message_in(Lang::Nl),
        "deling door nul: reach is 0"
    );
}

#[test]
fn a_result_out_of_range_is_a_problem_not_infinity() {
    let p = eval_with("a * a", &[("a", 1e200, 0.0)]);
    assert_eq!(p, Err(EvalProblem::NotFinite));
    assert_eq!(
        p.unwrap_err().to_string(),
        "the result is too large to be a number"
    );
    let big = vec!["1000000000000000"; 21].join(" * ");
    assert_eq!(eval_with(&big, &[]), Err(EvalProblem::NotFinite));
    let p = eval_with("a / b", &[("a", 1e300, 0.0), ("b", 1e-300, 0.0)]);
    assert_eq!(p, Err(EvalProblem::NotFinite));
    // A tiny result is a number (0 when it underflows), not a problem.
    assert_eq!(
        eval_with("a / b", &[("a", 1e-300, 0.0), ("b", 1e300, 0.0)]),
        Ok(0.0)
    );
}

#[test]
fn formulas_parse_from_str() {
    let f: Formula = "interactions / reach * 100".parse().unwrap();
    assert_eq!(f, parse("interactions/reach*100"));
    assert!("2 +".parse::<Formula>().is_err());
}

// --- Properties ----------------------------------------------------------------------------

fn arb_key() -> impl Strategy<Value = String> {
    "[a-zA-Z][a-zA-Z0-9_]{0,10}".prop_filter("not the reserved word", |k| k != "prev")
}

fn arb_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..1000).prop_map(f64::from),
        0.0f64..1.0,
        0.0f64..1e15,
        Just(0.0),
        Just(1e15),
        Just(1e-7),
    ]
}

fn arb_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        arb_number().prop_map(Expr::Number),
        arb_key().prop_map(Expr::Series),
        arb_key().prop_map(Expr::Prev),
    ];
    leaf.prop_recursive(8, 48, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Neg(Box::new(e))),
            (
                prop_oneof![
                    Just(BinOp::Add),
                    Just(BinOp::Sub),
                    Just(BinOp::Mul),
                    Just(BinOp::Div)
                ],
                inner.clone(),
                inner
            )
                .prop_map(|(op, l, r)| Expr::Binary(op, Box::new(l), Box::new(r))),
        ]
    })
}

/// Trees of up to 200 leaves of many shapes, built like a stack machine: after each leaf, up
/// to three of the top two trees are joined. Their dense text is often near the length limit.
fn arb_big_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        (0u32..100).prop_map(|n| Expr::Number(f64::from(n))),
        Just(Expr::Number(2.5)),
        "[a-z]{1,3}"
            .prop_filter("not the reserved word", |k| k != "prev")
            .prop_map(Expr::Series),
        Just(Expr::Prev("f".into())),
    ];
    let op = prop::sample::select(vec![BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div]);
    let step = (leaf, any::<bool>(), prop::collection::vec(op, 0..3));
    (
        prop::collection::vec(step, 1..200),
        prop::sample::select(vec![BinOp::Add, BinOp::Mul]),
    )
        .prop_map(|(steps, last)| {
            let mut stack: Vec<Expr> = Vec::new();
            let join = |stack: &mut Vec<Expr>, op: BinOp| {
                let r = stack.pop().expect("two trees");
                let l = stack.pop().expect("two trees");
                stack.push(Expr::Binary(op, Box::new(l), Box::new(r)));
            };
            for (leaf, negate, ops) in steps {
                let leaf = if negate {
                    Expr::Neg(Box::new(leaf))
                } else {
                    leaf
                };
                stack.push(leaf);
                for op in ops {
                    if stack.len() >= 2 {
                        join(&mut stack, op);
                    }
                }
            }
            while stack.len() >= 2 {
                join(&mut stack, last);
            }
            stack.pop().expect("one tree")
        })
}

/// Text made of the language's pieces and some that do not belong, to reach deep into the
/// parser more often than random characters do.
fn arb_formula_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "(",
        ")",
        "-",
        "−",
        "+",
        "*",
        "×",
        "/",
        "÷",
        "prev",
        "prev(",
        "reach",
        "a_1",
        "1",
        "0",
        "2.5",
        "999999999999999",
        "99999999999999999999999",
        "1e308",
        ".",
        ",",
        " ",
        "\t",
        "#",
        "é",
        "😀",
    ]);
    prop::collection::vec(piece, 0..300).prop_map(|v| v.concat())
}

/// The parse result must not panic; an accepted formula prints back to itself and its value is
/// finite or a problem, whatever the inputs.
fn check_any_text(text: &str, inputs: &[f64]) -> Result<(), TestCaseError> {
    if let Ok(f) = Formula::parse(text) {
        let printed = f.to_string();
        let again = Formula::parse(&printed);
        prop_assert_eq!(again.as_ref(), Ok(&f), "{}", printed);
        let v = f.eval(|key, offset| {
            let i = key.len() + offset.unsigned_abs() as usize;
            inputs.get(i % inputs.len().max(1)).copied()
        });
        if let Ok(v) = v {
            prop_assert!(v.is_finite());
        }
    }
    Ok(())
}

fn arb_input() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        -1e6f64..1e6,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printed_trees_parse_back_to_the_same_tree(e in arb_expr()) {
        let text = e.to_string();
        let f = Formula::parse(&text);
        prop_assert!(f.is_ok(), "{:?} -> {:?}", text, f);
        let f = f.unwrap();
        prop_assert_eq!(f.expr(), &e, "{}", text);
    }

    #[test]
    fn dense_text_up_to_the_limit_prints_back_within_it(e in arb_big_expr()) {
        // Written without spaces, up to the limit; the canonical form adds spaces only, so
        // it parses again even when the dense text used all 500 characters.
        // (A text beyond the limits must be refused for them, and for nothing else.)
        let dense: String = e.to_string().chars().filter(|c| *c != ' ').collect();
        if let Ok(f) = Formula::parse(&dense) {
            prop_assert_eq!(f.expr(), &e);
            let again = Formula::parse(&f.to_string());
            prop_assert_eq!(again.as_ref(), Ok(&f));
        } else {
            let kind = Formula::parse(&dense).unwrap_err().kind;
            let limit = matches!(
                kind,
                FormulaErrorKind::TooLong { .. } | FormulaErrorKind::TooDeep { .. }
            );
            prop_assert!(limit, "{:?}: {:?}", dense, kind);
        }
    }

    #[test]
    fn numbers_print_no_longer_than_written(int in "[0-9]{1,15}", frac in "[0-9]{0,30}") {
        let text = if frac.is_empty() { int.clone() } else { format!("{int}.{frac}") };
        let f = Formula::parse(&text).unwrap();
        let printed = f.to_string();
        prop_assert!(printed.len() <= text.len(), "{} -> {}", text, printed);
        prop_assert_eq!(Formula::parse(&printed).unwrap(), f);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,600}", inputs in prop::collection::vec(arb_input(), 0..4)) {
        check_any_text(&text, &inputs)?;
    }

    #[test]
    fn formula_like_text_never_panics(text in arb_formula_like(), inputs in prop::collection::vec(arb_input(), 0..4)) {
        check_any_text(&text, &inputs)?;
    }

    #[test]
    fn deep_nesting_never_panics(open in 0usize..3000, close in 0usize..3000, minus in 0usize..200, inner in "[a-z0-9+*/ ]{0,5}") {
        let text = format!("{}{}{inner}{}", "-".repeat(minus), "(".repeat(open), ")".repeat(close));
        check_any_text(&text, &[2.0])?;
        if let Err(e) = Formula::parse(&text) {
            prop_assert!(e.offset <= text.chars().count());
        }
    }

    #[test]
    fn huge_numbers_never_panic(digits in "[0-9]{1,400}", frac in "[0-9]{0,400}") {
        let text = if frac.is_empty() { digits.clone() } else { format!("{digits}.{frac}") };
        check_any_text(&text, &[])?;
        if let Ok(f) = Formula::parse(&text) {
            let v = f.eval(|_, _| None).unwrap();
            prop_assert!((0.0..=1e15).contains(&v));
        }
    }

    #[test]
    fn eval_is_finite_or_a_problem(e in arb_expr(), inputs in prop::collection::vec(arb_input(), 1..6)) {
        let text = e.to_string();
        if let Ok(f) = Formula::parse(&text) {
            let v = f.eval(|key, offset| {
                let i = key.len() + offset.unsigned_abs() as usize;
                inputs.get(i % inputs.len()).copied()
            });
            match v {
                Ok(v) => prop_assert!(v.is_finite()),
                Err(EvalProblem::DivisionByZero { divisor }) => {
                    prop_assert!(Formula::parse(&divisor).is_ok(), "{}", divisor);
                }
                Err(_) => {}
            }
        }
    }

    #[test]
    fn errors_point_inside_the_text(text in arb_formula_like()) {
        if let Err(e) = Formula::parse(&text) {
            let n = text.chars().count();
            prop_assert!(e.offset + e.len <= n, "{:?}: {:?}", text, e);
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn check_finds_exactly_the_unknown_keys(e in arb_expr()) {
        let text = e.to_string();
        if let Ok(f) = Formula::parse(&text) {
            let keys = f.series_keys();
            let all: Vec<&str> = keys.iter().map(String::as_str).collect();
            prop_assert_eq!(f.check(&all), Ok(()));
            if let Some(first) = f.series_refs().first() {
                let without: Vec<&str> = all.iter().copied().filter(|k| *k != first.key).collect();
                let err = f.check(&without).unwrap_err();
                prop_assert_eq!(err.offset, first.offset);
                let chars: Vec<char> = text.chars().collect();
                let at: String = chars[err.offset..err.offset + err.len].iter().collect();
                prop_assert_eq!(at, first.key.clone());
            }
        }
    }
}
