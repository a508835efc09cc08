//! Every interface text exists in English and in Dutch: each `tr(lang, "English", "Dutch")`
//! call and each `t("English", "Dutch")` pair of a const `Text` table (`i18n::t`) in `src/`
//! has two non-empty texts, and the Dutch one is really Dutch (not the English copied),
//! except for words the two languages share.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Words that are the same in English and Dutch.
const SHARED: [&str; 16] = [
    "KPI",
    "Scorecard",
    "Projector",
    "Label",
    "Factor",
    "Status",
    "Medium",
    "EN",
    "NL",
    "Workshop",
    "Dashboard",
    "%",
    "min",
    "Start",
    "▶ Start",
    "Monitoring",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The (english, dutch) pairs of `code`: the string literals right after `tr(<expr>,`, those
/// right after `t(` (the const `Text` tables, `i18n::t`) and those right after `label(`
/// (forms' label makers, `ui::widgets::labels`). A call with fewer than two literals (e.g.
/// `t(text)`) is no pair.
fn pairs(code: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (call, skip_first_argument) in [("tr(", true), ("t(", false), ("label(", false)] {
        let mut rest = code;
        while let Some(at) = rest.find(call) {
            let before = rest[..at].chars().last();
            rest = &rest[at + call.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let args = if skip_first_argument {
                let Some(comma) = rest.find(',') else { break };
                &rest[comma + 1..]
            } else {
                rest
            };
            let strings: Vec<String> = literals(args, 2);
            if strings.len() == 2 {
                found.push((strings[0].clone(), strings[1].clone()));
            }
        }
    }
    found
}

/// Up to `n` leading string literals separated by commas and whitespace.
fn literals(mut text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    while out.len() < n {
        text = text.trim_start();
        let Some(body) = text.strip_prefix('"') else {
            break;
        };
        let mut value = String::new();
        let mut chars = body.char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    end = Some(i);
                    break;
                }
                _ => value.push(c),
            }
        }
        let Some(end) = end else { break };
        out.push(value);
        text = body[end + 1..].trim_start();
        text = text.strip_prefix(',').unwrap_or(text);
    }
    out
}

#[test]
fn every_interface_text_has_an_english_and_a_dutch_version() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let mut problems = Vec::new();
    let mut count = 0;
    for file in files {
        let code = fs::read_to_string(&file).expect("read a source file");
        for (en, nl) in pairs(&code) {
            count += 1;
            if en.trim().is_empty() || nl.trim().is_empty() {
                problems.push(format!(
                    "{}: a missing text in ({en:?}, {nl:?})",
                    file.display()
                ));
            } else if en == nl && !SHARED.iter().any(|w| en.trim() == *w) {
                problems.push(format!(
                    "{}: Dutch is the English text: {en:?}",
                    file.display()
                ));
            }
        }
    }
    assert!(
        count > 100,
        "found only {count} texts: is the scanner still right?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_finds_pairs_and_ignores_other_calls() {
    let code = r#"tr(lang.get(), "Undo", "Ongedaan maken"); str("x", "y"); tr(l, "A \"b\"", "")
        label("Owner", "Eigenaar"); aria_label("p", "q"); label(text)
        short: t("Mission", "Missie"), split("a", "b"); t("See "), t(en, nl); b.t("Doel", "Goal")"#;
    assert_eq!(
        pairs(code),
        vec![
            ("Undo".into(), "Ongedaan maken".into()),
            ("A b".into(), String::new()),
            ("Mission".into(), "Missie".into()),
            ("Doel".into(), "Goal".into()),
            ("Owner".into(), "Eigenaar".into()),
        ]
    );
}

/// The const `Text` tables are checked too: the workshop's steps and the month names are
/// among the pairs found.
#[test]
fn the_text_tables_are_scanned() {
    let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    for (file, pair) in [
        ("method/workshop/steps.rs", ("Mission", "Missie")),
        ("i18n/dates.rs", ("March", "maart")),
    ] {
        let code = fs::read_to_string(src.join(file)).expect("read a source file");
        let found = pairs(&code);
        assert!(
            found.contains(&(pair.0.into(), pair.1.into())),
            "{file}: {pair:?} not found"
        );
    }
}
