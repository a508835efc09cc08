//! Every interface text exists in English and in Dutch: each `tr(lang, "English", "Dutch")`
//! call and each `t("English", "Dutch")` pair of a const `Text` table (`i18n::t`) in `src/`
//! has two non-empty texts, and the Dutch one is really Dutch (not the English copied),
//! except for words the two languages share.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Words that are the same in English and Dutch.
const SHARED: [&str; 19] = [
    "KPI",
    "status",
    "label",
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
    "Score per factor",
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

/// A call whose arguments hold an (English, Dutch) pair: the helper's name and how many
/// arguments come before the English text.
#[derive(Clone, Debug, PartialEq)]
struct Helper {
    name: String,
    skip: usize,
}

fn helper(name: &str, skip: usize) -> Helper {
    Helper {
        name: name.to_string(),
        skip,
    }
}

/// The helpers every file is scanned for: `tr(<expr>, "English", "Dutch")`, the const `Text`
/// tables' `t("English", "Dutch")` (`i18n::t`) and the forms' `label("English", "Dutch")`
/// (`ui::widgets::labels`).
fn fixed_helpers() -> Vec<Helper> {
    vec![helper("tr", 1), helper("t", 0), helper("label", 0)]
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text after the first `n` arguments of a call (`text` starts right after its `(`), or
/// `None` when the call has fewer. Commas inside brackets, strings and chars do not count.
fn skip_arguments(text: &str, n: usize) -> Option<&str> {
    if n == 0 {
        return Some(text);
    }
    let (mut depth, mut commas) = (0i32, 0);
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return None,
            ')' | ']' | '}' => depth -= 1,
            '"' => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            // A char literal such as ',' (not a lifetime: those have no closing quote).
            '\'' if text[i + 1..].chars().nth(1) == Some('\'') => {
                chars.next();
                chars.next();
            }
            ',' if depth == 0 => {
                commas += 1;
                if commas == n {
                    return Some(&text[i + 1..]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The top-level comma-separated parts of `text` up to the bracket that closes it.
fn split_arguments(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(next) = skip_arguments(rest, 1) {
        parts.push(&rest[..rest.len() - next.len() - 1]);
        rest = next;
    }
    // The last part ends where the enclosing bracket closes.
    let mut depth = 0i32;
    let mut in_string = false;
    let mut escaped = false;
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
                return false;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return true,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            }
            false
        })
        .map_or(rest.len(), |(i, _)| i);
    parts.push(&rest[..end]);
    parts
}

/// The parameter names of a parameter list (`self` left out).
fn parameter_names(list: &str) -> Vec<String> {
    split_arguments(list)
        .iter()
        .map(|p| {
            let p = p.split(':').next().unwrap_or("").trim();
            p.trim_start_matches('&')
                .trim_start_matches("mut ")
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty() && p != "self" && !p.ends_with(" self"))
        .collect()
}

/// Where `en` and then `nl` stand in a list of names, if they stand side by side.
fn en_nl_position(names: &[String]) -> Option<usize> {
    names.windows(2).position(|w| w[0] == "en" && w[1] == "nl")
}

/// The helpers `code` defines that take the two texts as parameters named `en` and `nl`:
/// closures (`let head = move |en: &'static str, nl: &'static str| …`, `let tab = move
/// |view: View, en: …, nl: …| …`) and functions (`fn named(index: usize, en: &str, nl: &str,
/// …)`). The flag tells a function (callable from other files) from a closure.
fn defined_helpers(code: &str) -> Vec<(Helper, bool)> {
    let mut found = Vec::new();
    // Closures bound by `let`.
    for (at, _) in code.match_indices("let ") {
        if code[..at].chars().last().is_some_and(is_ident) {
            continue;
        }
        let rest = &code[at + 4..];
        let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
        let Some(after) = rest[name.len()..].trim_start().strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let after = after.strip_prefix("move").unwrap_or(after).trim_start();
        let Some(params) = after.strip_prefix('|') else {
            continue;
        };
        let Some(end) = params.find('|') else {
            continue;
        };
        let names = parameter_names(&format!("{})", &params[..end]));
        if let Some(skip) = en_nl_position(&names) {
            found.push((helper(&name, skip), false));
        }
    }
    // Functions.
    for (at, _) in code.match_indices("fn ") {
        if code[..at].chars().last().is_some_and(is_ident) {
            continue;
        }
        let rest = &code[at + 3..];
        let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
        let Some(open) = rest.find('(') else { continue };
        let names = parameter_names(&rest[open + 1..]);
        if let Some(skip) = en_nl_position(&names) {
            found.push((helper(&name, skip), true));
        }
    }
    found
}

/// The (english, dutch) pairs of `code` given the helpers to look for: the two string
/// literals after a helper's leading arguments (a call with fewer than two literals there,
/// e.g. `t(text)`, is no pair); for a component with `en` and `nl` properties
/// (`<ChartPanel … en="…" nl="…" />`) the two properties; and the `en` and `nl` columns of a
/// const table of tuples read with a pattern that names them (`SHORTCUTS.iter().map(|(keys,
/// en, nl)| …)`).
fn pairs_with(code: &str, helpers: &[Helper]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for h in helpers {
        let call = format!("{}(", h.name);
        let mut rest = code;
        while let Some(at) = rest.find(&call) {
            let before = rest[..at].chars().last();
            let defined_here = rest[..at].trim_end().ends_with("fn");
            rest = &rest[at + call.len()..];
            if before.is_some_and(is_ident) || defined_here {
                continue;
            }
            let Some(args) = skip_arguments(rest, h.skip) else {
                continue;
            };
            let strings: Vec<String> = literals(args, 2);
            if strings.len() == 2 {
                found.push((strings[0].clone(), strings[1].clone()));
            }
        }
        // A component: `<Name … en="…" nl="…" … />`.
        if h.name.starts_with(|c: char| c.is_ascii_uppercase()) {
            for (at, _) in code.match_indices(&format!("<{}", h.name)) {
                let element = &code[at..];
                let element = &element[..element.find('>').unwrap_or(element.len())];
                let property = |key: &str| {
                    let at = element.find(&format!(" {key}="))?;
                    literals(&element[at + key.len() + 2..], 1).pop()
                };
                if let (Some(en), Some(nl)) = (property("en"), property("nl")) {
                    found.push((en, nl));
                }
            }
        }
    }
    found.extend(table_pairs(code));
    found
}

/// The `en` and `nl` columns of each const or static table of tuples that `code` reads with
/// a tuple pattern naming them: `TABLE.iter().map(|(keys, en, nl)| …)` or `for (keys, en,
/// nl) in TABLE`.
fn table_pairs(code: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for keyword in ["const ", "static "] {
        for (at, _) in code.match_indices(keyword) {
            let rest = &code[at + keyword.len()..];
            let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            if name.is_empty() {
                continue;
            }
            let Some(columns) = table_columns(code, &name) else {
                continue;
            };
            let Some(eq) = rest.find("= [") else { continue };
            for tuple in split_arguments(&rest[eq + 3..]) {
                let Some(inner) = tuple.trim().strip_prefix('(') else {
                    continue;
                };
                let items = split_arguments(inner);
                let text = |i: usize| items.get(i).and_then(|t| literals(t, 1).pop());
                if let (Some(en), Some(nl)) = (text(columns), text(columns + 1)) {
                    found.push((en, nl));
                }
            }
        }
    }
    found
}

/// Where a tuple pattern reading the table `name` has `en, nl`, if one does.
fn table_columns(code: &str, name: &str) -> Option<usize> {
    for (at, _) in code.match_indices(name) {
        let before = &code[..at];
        let after = &code[at + name.len()..];
        if before.chars().last().is_some_and(is_ident) || after.starts_with(is_ident) {
            continue;
        }
        // `NAME.iter().map(|(…)|` or `|&(…)|` a little further on (across line breaks).
        let near: String = after.chars().take(300).collect();
        if near.trim_start().starts_with('.')
            && let Some(p) = near
                .find("|(")
                .map(|p| p + 2)
                .or(near.find("|&(").map(|p| p + 3))
            && let Some(position) = en_nl_position(&parameter_names(&near[p..]))
        {
            return Some(position);
        }
        // `for (…) in NAME` or `in &NAME` or `in NAME.iter()`.
        let head = before.trim_end().trim_end_matches('&').trim_end();
        if let Some(pattern) = head.strip_suffix(" in")
            && let Some(open) = pattern.rfind("for (")
            && let Some(position) = en_nl_position(&parameter_names(&pattern[open + 5..]))
        {
            return Some(position);
        }
    }
    None
}

/// The pairs of `code` as the scan of `src/` finds them, with only the helpers defined in
/// `code` itself (besides `tr`, `t` and `label`).
fn pairs(code: &str) -> Vec<(String, String)> {
    let mut helpers = fixed_helpers();
    for (h, _) in defined_helpers(code) {
        if !helpers.iter().any(|x| x.name == h.name) {
            helpers.push(h);
        }
    }
    pairs_with(code, &helpers)
}

/// What is wrong with the pairs of one file: a missing text, or a Dutch text that is the
/// English one (except for words the two languages share).
fn problems(file: &str, found: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (en, nl) in found {
        if en.trim().is_empty() || nl.trim().is_empty() {
            problems.push(format!("{file}: a missing text in ({en:?}, {nl:?})"));
        } else if en == nl && !SHARED.iter().any(|w| en.trim() == *w) {
            problems.push(format!("{file}: Dutch is the English text: {en:?}"));
        }
    }
    problems
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

/// Every source file of `src/` with its text.
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let code = fs::read_to_string(&f).expect("read a source file");
            (f.display().to_string(), code)
        })
        .collect()
}

/// The pairs of each file of `src/`: with `tr`, `t` and `label`, every function of any file
/// and every closure of the file itself that takes `en` and `nl`, the components with those
/// properties, and the tables read as `(…, en, nl)`.
fn pairs_in_src() -> Vec<(String, Vec<(String, String)>)> {
    let files = sources();
    let mut global = fixed_helpers();
    for (_, code) in &files {
        for (h, is_fn) in defined_helpers(code) {
            if is_fn && !global.iter().any(|x| x.name == h.name) {
                global.push(h);
            }
        }
    }
    files
        .iter()
        .map(|(file, code)| {
            let mut helpers = global.clone();
            for (h, is_fn) in defined_helpers(code) {
                if !is_fn && !helpers.iter().any(|x| x.name == h.name) {
                    helpers.push(h);
                }
            }
            (file.clone(), pairs_with(code, &helpers))
        })
        .collect()
}

#[test]
fn every_interface_text_has_an_english_and_a_dutch_version() {
    let mut all_problems = Vec::new();
    let mut count = 0;
    for (file, found) in pairs_in_src() {
        count += found.len();
        all_problems.extend(problems(&file, &found));
    }
    assert!(
        count > 100,
        "found only {count} texts: is the scanner still right?"
    );
    assert!(all_problems.is_empty(), "{}", all_problems.join("\n"));
}

#[test]
fn the_scanner_finds_pairs_and_ignores_other_calls() {
    let code = r#"tr(lang.get(), "Undo", "Ongedaan maken"); str("x", "y"); tr(l, "A \"b\"", "")
        label("Owner", "Eigenaar"); aria_label("p", "q"); label(text)
        short: t("Mission", "Missie"), split("a", "b"); t("See "), t(en, nl); b.t("Doel", "Goal")
        tr(f(a, ','), "Comma", "Komma")"#;
    assert_eq!(
        pairs(code),
        vec![
            ("Undo".into(), "Ongedaan maken".into()),
            ("A b".into(), String::new()),
            ("Comma".into(), "Komma".into()),
            ("Mission".into(), "Missie".into()),
            ("Doel".into(), "Goal".into()),
            ("Owner".into(), "Eigenaar".into()),
        ]
    );
}

/// The helper shapes of the help overlay, the workshop and the header, planted with a bad
/// pair each: every one is found and reported, the good pairs pass.
#[test]
fn the_scanner_catches_bad_pairs_in_every_helper_shape() {
    let code = r#"
        pub const SHORTCUTS: [(&str, &str, &str); 3] = [
            ("Ctrl + Z", "Undo", "Ongedaan maken"),
            ("Alt + P", "Projector mode on or off", "Projector mode on or off"),
            (
                "?",
                "Show this help",
                "",
            ),
        ];
        fn view() {
            SHORTCUTS.iter().map(|(keys, en, nl)| tr(lang.get(), en, nl));
            let head = move |en: &'static str, nl: &'static str| {
                view! { <th scope="col">{move || tr(lang.get(), en, nl)}</th> }
            };
            let tab = move |view: View, en: &'static str, nl: &'static str| { tr(lang.get(), en, nl) };
            {head("Owner", "Eigenaar")}
            {head("Due date", "Due date")}
            {tab(View::Map, "Strategy map", "Strategiekaart")}
            {tab(View::Library, "Library", "")}
            let page_head = move |en: &'static str, nl: &'static str| { () };
            {page_head("Action list", "Action list")}
            <ChartPanel spec=trend file="x" en="Scores over time" nl="Scores over time" />
        }
        fn ChartPanel(spec: Memo<ChartSpec>, file: &'static str, en: &'static str, nl: &'static str) {}
        fn named(index: usize, en: &str, nl: &str, lang: Lang) -> Col { todo!() }
        let c = Col::named(2, "value", "value", lang);
    "#;
    let found = pairs(code);
    for good in [
        ("Undo", "Ongedaan maken"),
        ("Owner", "Eigenaar"),
        ("Strategy map", "Strategiekaart"),
    ] {
        assert!(
            found.contains(&(good.0.into(), good.1.into())),
            "{good:?} not found in {found:?}"
        );
    }
    let reported = problems("planted.rs", &found);
    assert_eq!(
        reported,
        [
            "planted.rs: Dutch is the English text: \"Due date\"",
            "planted.rs: a missing text in (\"Library\", \"\")",
            "planted.rs: Dutch is the English text: \"Action list\"",
            "planted.rs: Dutch is the English text: \"Scores over time\"",
            "planted.rs: Dutch is the English text: \"value\"",
            "planted.rs: Dutch is the English text: \"Projector mode on or off\"",
            "planted.rs: a missing text in (\"Show this help\", \"\")",
        ]
    );
}

/// The const `Text` tables and the helpers of the help overlay, the workshop, the header,
/// the printed pages, the dashboard and the measurement columns are scanned in `src/`.
#[test]
fn the_text_tables_and_helpers_are_scanned() {
    let all = pairs_in_src();
    for (file, pair) in [
        ("method/workshop/steps.rs", ("Mission", "Missie")),
        ("i18n/dates.rs", ("March", "maart")),
        ("ui/app/help_overlay.rs", ("Undo", "Ongedaan maken")),
        (
            "ui/app/help_overlay.rs",
            ("Show this help", "Deze hulp tonen"),
        ),
        ("ui/app/header.rs", ("Strategy map", "Strategiekaart")),
        ("ui/app/header.rs", ("Library", "Bibliotheek")),
        ("ui/views/workshop/step_kpis.rs", ("Baseline", "Nulmeting")),
        ("ui/views/workshop/step_actions.rs", ("Due", "Deadline")),
        (
            "ui/views/workshop/step_monitoring.rs",
            ("How often", "Hoe vaak"),
        ),
        ("ui/views/print/mod.rs", ("Action list", "Actielijst")),
        (
            "ui/views/dashboard/mod.rs",
            ("Scores over time", "Scores in de tijd"),
        ),
        ("exchange/measurements/paste.rs", ("date", "datum")),
    ] {
        let found = all
            .iter()
            .find(|(f, _)| f.ends_with(&format!("src/{file}")))
            .map(|(_, found)| found)
            .unwrap_or_else(|| panic!("{file} not scanned"));
        assert!(
            found.contains(&(pair.0.into(), pair.1.into())),
            "{file}: {pair:?} not found"
        );
    }
    // All ten shortcuts of the help overlay.
    let help = &all
        .iter()
        .find(|(f, _)| f.ends_with("src/ui/app/help_overlay.rs"))
        .expect("scanned")
        .1;
    assert!(help.len() >= 10, "{help:?}");
}
