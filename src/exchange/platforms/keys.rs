//! Series keys and names proposed for the metrics of a file.

use std::collections::{HashMap, HashSet};

/// The most characters a proposed key has.
pub const MAX_KEY_CHARS: usize = 40;

/// A series key from a prefix and a header: ASCII snake_case, accents transliterated
/// (`Aufrufe – Gesamt` → `aufrufe_gesamt`), at most [`MAX_KEY_CHARS`] characters, valid per
/// `crate::model::formula::is_valid_key` (a key that would start with a digit or be empty
/// gets `metric`). `key_from("youtube", "Views")` = `youtube_views`.
pub fn key_from(prefix: &str, header: &str) -> String {
    let mut out = String::new();
    let mut underscore = false;
    let text = if prefix.is_empty() {
        header.to_string()
    } else {
        format!("{prefix} {header}")
    };
    for c in text.chars() {
        let ascii = transliterate(c);
        if ascii.is_empty() {
            if c == '\u{00AD}' || c == '\u{200B}' || c == '\u{FEFF}' {
                continue;
            }
            underscore = !out.is_empty();
            continue;
        }
        for a in ascii.chars() {
            if a.is_ascii_alphanumeric() {
                if underscore {
                    out.push('_');
                    underscore = false;
                }
                out.push(a.to_ascii_lowercase());
            } else {
                underscore = !out.is_empty();
            }
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out = if out.is_empty() {
            "metric".to_string()
        } else {
            format!("metric_{out}")
        };
    }
    if out.len() > MAX_KEY_CHARS {
        out.truncate(MAX_KEY_CHARS);
        while out.ends_with('_') {
            out.pop();
        }
    }
    if out == "prev" {
        out.push_str("_value");
    }
    out
}

/// The keys proposed so far for one file, to make each new one unique: `key`, else `key_2`,
/// `key_3`, … (kept within the length). In linear time over the file's columns: an export
/// with thousands of equal headers (the fuzzer made one) must not take seconds.
#[derive(Default)]
pub struct TakenKeys {
    taken: HashSet<String>,
    /// Per key asked for, the next suffix to try.
    next: HashMap<String, usize>,
}

impl TakenKeys {
    /// `key` made unique among the keys taken so far, and taken.
    pub fn claim(&mut self, key: &str) -> String {
        let unique = if self.taken.contains(key) {
            let n = self.next.entry(key.to_string()).or_insert(2);
            loop {
                let candidate = suffixed(key, *n);
                *n += 1;
                if !self.taken.contains(&candidate) {
                    break candidate;
                }
            }
        } else {
            key.to_string()
        };
        self.taken.insert(unique.clone());
        unique
    }
}

/// `key_n`, kept within the longest key.
pub fn suffixed(key: &str, n: usize) -> String {
    let suffix = format!("_{n}");
    let mut base = key.to_string();
    base.truncate(MAX_KEY_CHARS.saturating_sub(suffix.len()));
    format!("{base}{suffix}")
}

/// A readable name from a platform word and a header, e.g. ("YouTube", "Views") →
/// "YouTube views"; soft hyphens and extra spaces removed.
pub fn name_from(platform: &str, header: &str) -> String {
    let clean: String = header
        .chars()
        .filter(|c| !matches!(c, '\u{00AD}' | '\u{200B}' | '\u{FEFF}'))
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if platform.is_empty() {
        return clean;
    }
    // Lower-case capitalised words, keep acronyms (CTR, RPM, DAU) as written.
    let lowered: Vec<String> = clean
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match (chars.next(), chars.next()) {
                (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => w.to_lowercase(),
                (Some(a), None) if a.is_uppercase() => w.to_lowercase(),
                _ => w.to_string(),
            }
        })
        .collect();
    let lowered = lowered.join(" ");
    format!("{platform} {lowered}")
}

/// The ASCII letters for a character: itself when ASCII, a transliteration for common
/// accented Latin letters, "" for anything else.
fn transliterate(c: char) -> &'static str {
    if c.is_ascii() {
        return ascii_str(c);
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' => "a",
        'ä' | 'Ä' | 'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => "o",
        'ö' | 'Ö' | 'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'Ù' | 'Ú' | 'Û' => "u",
        'ü' | 'Ü' => "ue",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'š' | 'Š' | 'ś' => "s",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ł' | 'Ł' => "l",
        '%' => "pct",
        _ => "",
    }
}

fn ascii_str(c: char) -> &'static str {
    const ALNUM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    if c == '%' {
        return "pct";
    }
    match ALNUM.find(c) {
        Some(i) => ALNUM.get(i..i + 1).unwrap_or(" "),
        None => " ",
    }
}
