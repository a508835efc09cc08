//! Export file names and single-scorecard export files.

use crate::model::{Date, Scorecard, export_json};

use super::layout::APP_VERSION;
use super::plan::Now;

/// At most this many characters in a file-name slug.
pub const MAX_SLUG: usize = 60;

/// A file to download: its name and its text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ExportFile {
    /// The file name, e.g. `community-scorecard-2026-2026-04-01.scorecard.json`.
    pub name: String,
    /// The file's text (UTF-8 JSON).
    pub text: String,
}

/// A title as a file-name part: lowercase ASCII letters and digits, diacritics folded
/// (é → e, ß → ss), anything else becoming one `-`, trimmed, at most [`MAX_SLUG`]
/// characters; `scorecard` when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // a combining accent: dropped, its letter stays
        }
        let folded: Option<&str> = if c.is_ascii_alphanumeric() {
            None
        } else {
            Some(fold(c).unwrap_or("-"))
        };
        let piece = match folded {
            None => {
                out.push(c);
                dash = false;
                continue;
            }
            Some(p) => p,
        };
        if piece == "-" {
            if !dash && !out.is_empty() {
                out.push('-');
            }
            dash = true;
        } else {
            out.push_str(piece);
            dash = false;
        }
    }
    let mut cut: String = out.chars().take(MAX_SLUG).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    if cut.is_empty() {
        "scorecard".to_string()
    } else {
        cut
    }
}

/// Folds a lowercase letter with a diacritic (or a ligature) to ASCII.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// `<title-slug>-YYYY-MM-DD.scorecard.json`.
pub fn export_file_name(title: &str, date: Date) -> String {
    format!("{}-{date}.scorecard.json", slug(title))
}

/// `scorecards-YYYY-MM-DD.library.json`, the name of an "export all" file.
pub fn library_file_name(date: Date) -> String {
    format!("scorecards-{date}.library.json")
}

/// One scorecard as a file to download (`saved_at` is `now`).
pub fn export_card(card: &Scorecard, now: &Now) -> ExportFile {
    export_card_named(card, now, "")
}

/// As [`export_card`], with `tag` added after the date in the name (e.g. `-this-tab`).
pub(super) fn export_card_named(card: &Scorecard, now: &Now, tag: &str) -> ExportFile {
    ExportFile {
        name: format!("{}-{}{tag}.scorecard.json", slug(&card.title), now.today),
        text: export_json(card, &now.timestamp, APP_VERSION),
    }
}
