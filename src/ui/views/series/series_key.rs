//! What is wrong with a series key, said in the interface language before the model is asked:
//! the add form and the detail's key field show it at the field.

use crate::i18n::tr;
use crate::model::formula::is_valid_key;
use crate::model::{Lang, Scorecard};

/// The longest key the model accepts.
const MAX_KEY_CHARS: usize = 40;

/// Why `key` cannot be the key of a series of `card` (the series `except` may keep its own),
/// or `None` when it can.
pub(super) fn key_problem(
    card: &Scorecard,
    key: &str,
    except: Option<&str>,
    lang: Lang,
) -> Option<String> {
    if key.is_empty() {
        return Some(
            tr(
                lang,
                "Give the series a key: the short name formulas use, e.g. interactions.",
                "Geef de reeks een sleutel: de korte naam die formules gebruiken, bijv. interacties.",
            )
            .to_string(),
        );
    }
    let chars = key.chars().count();
    if chars > MAX_KEY_CHARS {
        return Some(match lang {
            Lang::En => {
                format!("The key is {chars} characters long; at most {MAX_KEY_CHARS} are allowed.")
            }
            Lang::Nl => format!(
                "De sleutel is {chars} tekens lang; hooguit {MAX_KEY_CHARS} zijn toegestaan."
            ),
        });
    }
    if key == "prev" {
        return Some(
            tr(
                lang,
                "\"prev\" is a word of the formulas (prev(reach) is last period's reach); choose another key.",
                "\"prev\" is een woord van de formules (prev(bereik) is het bereik van de vorige periode); kies een andere sleutel.",
            )
            .to_string(),
        );
    }
    if !is_valid_key(key) {
        let hint = suggestion(key)
            .filter(|s| is_valid_key(s) && s != "prev")
            .map(|s| match lang {
                Lang::En => format!(" Try \"{s}\"."),
                Lang::Nl => format!(" Probeer \"{s}\"."),
            })
            .unwrap_or_default();
        let rule = tr(
            lang,
            "can't be used in formulas: a key starts with a letter (a–z) and has only letters, digits and _ — no spaces or accents.",
            "kan niet in formules: een sleutel begint met een letter (a–z) en heeft alleen letters, cijfers en _ — geen spaties of accenten.",
        );
        return Some(format!("\"{key}\" {rule}{hint}"));
    }
    let other = card
        .series
        .iter()
        .find(|s| s.key == key && Some(s.id.as_str()) != except)?;
    let name = if other.name.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", other.name.trim())
    };
    Some(match lang {
        Lang::En => format!("Another series{name} already has the key \"{key}\"; choose another."),
        Lang::Nl => {
            format!("Een andere reeks{name} heeft al de sleutel \"{key}\"; kies een andere.")
        }
    })
}

/// A key that could be meant: lower case, accents dropped, spaces and dashes as `_`, other
/// signs left out, starting at the first letter.
fn suggestion(key: &str) -> Option<String> {
    let mut out = String::new();
    for c in key.trim().chars() {
        let c = plain(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, ' ' | '-' | '_' | '.' | '/') && !out.is_empty() && !out.ends_with('_')
        {
            out.push('_');
        }
    }
    let start = out.find(|c: char| c.is_ascii_alphabetic())?;
    let out = out[start..].trim_end_matches('_').to_string();
    (!out.is_empty() && out != key).then_some(out)
}

/// The letter without its accent, for the accented letters of Dutch and its neighbours.
fn plain(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'å' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'Á' | 'À' | 'Ä' | 'Â' | 'Å' => 'A',
        'É' | 'È' | 'Ë' | 'Ê' => 'E',
        'Í' | 'Ì' | 'Ï' | 'Î' => 'I',
        'Ó' | 'Ò' | 'Ö' | 'Ô' => 'O',
        'Ú' | 'Ù' | 'Ü' | 'Û' => 'U',
        other => other,
    }
}
