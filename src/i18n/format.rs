//! Numbers as people write them: `2.5` in English, `2,5` in Dutch. Pure, tested natively.

use crate::model::Lang;

/// `value` with up to two decimals, trailing zeros dropped, in the language's notation.
pub fn format_number(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let mut text = format!("{rounded:.2}");
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    if text == "-0" {
        text = "0".into();
    }
    match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', ","),
    }
}

/// A score (1.0 = 100 %) as a percentage with at most one decimal, e.g. `33.3 %`, `75 %`
/// (as `docs/scoring.md` shows them).
pub fn format_percent(fraction: f64, lang: Lang) -> String {
    if !fraction.is_finite() {
        return "–".into();
    }
    let shown = (fraction * 1000.0).round() / 10.0;
    format!("{} %", format_number(shown, lang))
}

/// Reads a number written either way: `2.5` or `2,5`, with optional thousands separators
/// (`1,234.5` / `1.234,5`) and spaces. Returns a message for the user when it is not one.
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() {
        return Err(match lang {
            Lang::En => "Enter a number.".into(),
            Lang::Nl => "Vul een getal in.".into(),
        });
    }
    // One separator once is the decimal mark. A separator repeated, or followed by the other
    // kind, groups thousands; the last kind is then the decimal mark.
    let last_dot = cleaned.rfind('.');
    let last_comma = cleaned.rfind(',');
    let (decimal, thousands) = match (last_dot, last_comma) {
        (Some(d), Some(c)) if d > c => ('.', ','),
        (Some(_), Some(_)) => (',', '.'),
        (Some(_), None) => ('.', ','),
        (None, _) => (',', '.'),
    };
    let decimal_count = cleaned.matches(decimal).count();
    let normal = if decimal_count > 1 && !cleaned.contains(thousands) {
        cleaned.replace(decimal, "")
    } else if decimal_count > 1 {
        String::new()
    } else {
        cleaned.replace(thousands, "").replace(decimal, ".")
    };
    match normal.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(match lang {
            Lang::En => format!(
                "\"{}\" is not a number: write it like 2.5 or 2,5.",
                text.trim()
            ),
            Lang::Nl => format!(
                "\"{}\" is geen getal: schrijf het als 2,5 of 2.5.",
                text.trim()
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_each_language() {
        assert_eq!(format_number(2.5, Lang::En), "2.5");
        assert_eq!(format_number(2.5, Lang::Nl), "2,5");
        assert_eq!(format_number(3.0, Lang::En), "3");
        assert_eq!(format_number(33.333, Lang::Nl), "33,33");
        assert_eq!(format_number(-0.001, Lang::En), "0");
        assert_eq!(format_number(f64::NAN, Lang::En), "–");
    }

    #[test]
    fn percentages() {
        assert_eq!(format_percent(0.75, Lang::En), "75 %");
        assert_eq!(format_percent(0.3333, Lang::En), "33.3 %");
        assert_eq!(format_percent(0.055, Lang::Nl), "5,5 %");
        assert_eq!(format_percent(1.1667, Lang::En), "116.7 %");
    }

    #[test]
    fn numbers_are_read_with_a_point_or_a_comma() {
        for (text, want) in [
            ("2.5", 2.5),
            ("2,5", 2.5),
            (" 3 ", 3.0),
            ("-1,25", -1.25),
            ("1,234.5", 1234.5),
            ("1.234,5", 1234.5),
            ("1.234.567,5", 1234567.5),
            ("1,234,567", 1234567.0),
        ] {
            assert_eq!(parse_number(text, Lang::En), Ok(want), "{text}");
        }
        for bad in ["", "abc", "2,5,6.1.2", "NaN", "inf", "1e999"] {
            assert!(parse_number(bad, Lang::Nl).is_err(), "{bad}");
        }
        assert_eq!(
            parse_number("twee", Lang::Nl),
            Err("\"twee\" is geen getal: schrijf het als 2,5 of 2.5.".into())
        );
    }
}
