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
}
