//! The crate's layers, kept: reads every `src/**/*.rs`, finds the modules each file uses
//! (`use crate::…`, `crate::…` paths in code, `super::…` and `self::…`), and fails when a file
//! uses a higher layer, or when files use each other in a cycle. The layers and what each
//! may import are described in `docs/architecture.md`.
//!
//! A module's own `mod.rs` re-exporting its children (`pub use child::Item`) is its front
//! door, not a dependency; a use of such a re-exported item counts as a use of the child file
//! that defines it, so a cycle through a front door is still found.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom up; a module may import its own layer and those below.
/// Modules of one rank may use each other as long as no cycle appears.
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),
    ("i18n", 1),
    ("method", 2),
    ("exchange", 2),
    ("charts", 2),
    ("library", 2),
    ("web", 3),
    ("ui", 4),
];

/// The rooms of `ui`, from the bottom up.
const UI_ROOMS: &[(&str, u8)] = &[("session", 0), ("widgets", 1), ("views", 2), ("app", 3)];

fn rank(module: &[String]) -> Option<(u8, u8)> {
    let first = module.first()?;
    let layer = LAYERS.iter().find(|(name, _)| name == first)?.1;
    let room = if first == "ui" {
        module
            .get(1)
            .and_then(|r| UI_ROOMS.iter().find(|(name, _)| name == r))
            .map_or(0, |(_, rank)| *rank)
    } else {
        0
    };
    Some((layer, room))
}

/// A source file: its module path (`["ui", "session", "state"]`) and text.
struct Source {
    module: Vec<String>,
    text: String,
    is_dir_module: bool,
}

fn sources(root: &Path) -> BTreeMap<Vec<String>, Source> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).expect("under src");
                let mut module: Vec<String> = rel
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                let is_dir_module = module.last().is_some_and(|m| m == "mod");
                if is_dir_module {
                    module.pop();
                }
                if module == ["lib"] || module == ["main"] {
                    continue;
                }
                let text = strip_comments(&fs::read_to_string(&path).expect("read file"));
                out.insert(
                    module.clone(),
                    Source {
                        module,
                        text,
                        is_dir_module,
                    },
                );
            }
        }
    }
    out
}

/// The text without comments, string literals and `#[cfg(test)]` modules (a unit test may
/// use what it likes).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next.is_some() && chars.get(i + 2) == Some(&'\'') {
            // a char literal such as '"'
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    without_test_modules(&out)
}

/// The text without `#[cfg(test)] mod … { … }` blocks (found by matching braces, with
/// strings and comments already gone), keeping whatever follows them.
fn without_test_modules(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        let after = &rest[at..];
        let is_module = after["#[cfg(test)]".len()..]
            .trim_start()
            .starts_with("mod ");
        let open = after.find('{');
        match (is_module, open) {
            (true, Some(open)) => {
                out.push_str(&rest[..at]);
                let mut depth = 0usize;
                let mut end = after.len();
                for (i, c) in after[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = open + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &after[end..];
            }
            _ => {
                let skip = at + "#[cfg(test)]".len();
                out.push_str(&rest[..skip]);
                rest = &rest[skip..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every path a file names from the crate: `use` trees expanded, and paths in code.
fn used_paths(source: &Source) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let text = &without_doors(source);
    // `use` items (also `pub use`, `pub(crate) use`), expanded.
    let mut rest = text.as_str();
    while let Some(at) = find_word(rest, "use") {
        let after = &rest[at + 3..];
        let Some(end) = after.find(';') else { break };
        paths.extend(expand(&after[..end]));
        rest = &after[end..];
    }
    // Paths in code: crate::a::b, super::a, self::a, and child::a for a child module.
    let children: Vec<String> = child_modules(text)
        .into_iter()
        .map(|c| format!("{c}::"))
        .collect();
    let starts = ["crate::", "super::", "self::"]
        .into_iter()
        .map(str::to_string)
        .chain(children.iter().cloned());
    for start in starts {
        let is_child = !matches!(start.as_str(), "crate::" | "super::" | "self::");
        let mut rest = text.as_str();
        while let Some(at) = rest.find(start.as_str()) {
            let before = rest[..at].chars().last();
            let tail = &rest[at..];
            rest = &rest[at + start.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = tail
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segs: Vec<String> = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if is_child {
                segs.insert(0, "self".to_string());
            }
            paths.push(segs);
        }
    }
    paths
        .into_iter()
        .filter_map(|p| absolute(&source.module, p))
        .collect()
}

/// The text of a file without a front door's `pub use` lines: a directory module
/// re-exporting its children is not a use of them (see the module doc).
fn without_doors(source: &Source) -> String {
    if !source.is_dir_module {
        return source.text.clone();
    }
    let mut out = String::new();
    let mut rest = source.text.as_str();
    while let Some(at) = rest.find("pub use ") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find(';').map_or(after.len(), |e| e + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The child modules a file declares (`mod x;`, `pub mod x;`).
fn child_modules(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = find_word(rest, "mod") {
        let after = rest[at + 3..].trim_start();
        let ident: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if after[ident.len()..].trim_start().starts_with(';') && !ident.is_empty() {
            out.push(ident);
        }
        rest = &rest[at + 3..];
    }
    out
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(word) {
        let at = from + at;
        let before = text[..at].chars().last();
        let after = text[at + word.len()..].chars().next();
        let boundary_before = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary_before && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// A use tree without spaces, `x as y` written `x@y`.
fn squeeze(tree: &str) -> String {
    let words: Vec<&str> = tree.split_whitespace().collect();
    words.join(" ").replace(" as ", "@").replace(' ', "")
}

/// Expands a use tree, e.g. `crate::a::{b, c::{d, e}}`, into its paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    let tree = squeeze(tree);
    fn go(prefix: &[String], tree: &str, out: &mut Vec<Vec<String>>) {
        let tree = tree.trim_matches(',');
        if tree.is_empty() {
            return;
        }
        if let Some(open) = tree.find('{') {
            let head: Vec<String> = tree[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut full = prefix.to_vec();
            full.extend(head);
            for part in split_top(inner) {
                go(&full, part, out);
            }
        } else {
            let mut full = prefix.to_vec();
            let tree = tree.split('@').next().unwrap_or(tree);
            full.extend(
                tree.split("::")
                    .filter(|s| !s.is_empty() && *s != "*")
                    .map(str::to_string),
            );
            out.push(full);
        }
    }
    let mut out = Vec::new();
    go(&[], &tree, &mut out);
    out
}

/// Splits `a,b::{c,d},e` at top-level commas.
fn split_top(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The path from the crate root, for paths that start at `crate`, `super` or `self`.
fn absolute(module: &[String], path: Vec<String>) -> Option<Vec<String>> {
    let first = path.first()?.as_str();
    let mut base: Vec<String> = match first {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => {
            let mut base = module.to_vec();
            base.pop()?;
            base
        }
        _ => return None,
    };
    let mut rest = &path[1..];
    while rest.first().is_some_and(|s| s == "super") {
        base.pop()?;
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The file a path leads to: the longest prefix that is a file, following a front door's
/// `pub use child::Item` to the child.
fn resolve(
    path: &[String],
    files: &BTreeMap<Vec<String>, Source>,
    reexports: &BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>,
) -> Option<Vec<String>> {
    for len in (1..=path.len()).rev() {
        let prefix = &path[..len];
        if files.contains_key(prefix) {
            if let Some(item) = path.get(len)
                && let Some(target) = reexports.get(prefix).and_then(|r| r.get(item))
            {
                return resolve(target, files, reexports).or(Some(prefix.to_vec()));
            }
            return Some(prefix.to_vec());
        }
    }
    None
}

/// For each directory module, the items its `pub use` lines re-export from its children.
fn front_doors(
    files: &BTreeMap<Vec<String>, Source>,
) -> BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>> {
    let mut doors = BTreeMap::new();
    for source in files.values().filter(|s| s.is_dir_module) {
        let mut items = BTreeMap::new();
        let mut rest = source.text.as_str();
        while let Some(at) = rest.find("pub use ") {
            let after = &rest[at + 8..];
            let Some(end) = after.find(';') else { break };
            let tree = squeeze(&after[..end]);
            let tree = if tree.starts_with("crate::") || tree.starts_with("super::") {
                tree
            } else {
                format!("self::{tree}")
            };
            for path in expand(&tree) {
                if let Some(abs) = absolute(&source.module, path)
                    && let Some(name) = abs.last()
                {
                    items.insert(name.clone(), abs);
                }
            }
            rest = &after[end..];
        }
        doors.insert(source.module.clone(), items);
    }
    doors
}

/// Every file-to-file use, without a front door's uses of its own children.
fn edges(files: &BTreeMap<Vec<String>, Source>) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let doors = front_doors(files);
    let mut out = BTreeMap::new();
    for source in files.values() {
        let mut targets = BTreeSet::new();
        for path in used_paths(source) {
            let Some(target) = resolve(&path, files, &doors) else {
                continue;
            };
            if target != source.module {
                targets.insert(target);
            }
        }
        out.insert(source.module.clone(), targets);
    }
    out
}

fn name(module: &[String]) -> String {
    format!("src/{}", module.join("/"))
}

/// Files that use a higher layer (or a higher room of `ui`).
fn upward_imports(files: &BTreeMap<Vec<String>, Source>) -> Vec<String> {
    let mut found = Vec::new();
    for (from, targets) in edges(files) {
        let Some(from_rank) = rank(&from) else {
            continue;
        };
        for to in targets {
            let Some(to_rank) = rank(&to) else { continue };
            let higher = to_rank.0 > from_rank.0 || (from[0] == "ui" && to_rank > from_rank);
            if higher {
                found.push(format!(
                    "{} uses {} (a higher layer)",
                    name(&from),
                    name(&to)
                ));
            }
        }
    }
    found
}

/// Cycles among files, each as `a → b → … → a`.
fn cycles(files: &BTreeMap<Vec<String>, Source>) -> Vec<String> {
    let graph = edges(files);
    // Tarjan's strongly connected components.
    struct State<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        next: usize,
        components: Vec<Vec<&'a Vec<String>>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Vec<String>) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(targets) = s.graph.get(v) {
            for w in targets {
                let Some((w, _)) = s.graph.get_key_value(w) else {
                    continue;
                };
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[w].min(s.low[v]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.index[w].min(s.low[v]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.components.push(component);
            }
        }
    }
    let mut s = State {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        components: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.components
        .iter()
        .map(|c| {
            let mut names: Vec<String> = c.iter().map(|m| name(m)).collect();
            names.sort();
            format!("files that use each other: {}", names.join(" ↔ "))
        })
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_top_level_module_is_a_known_layer() {
    let files = sources(&src());
    let unknown: BTreeSet<String> = files
        .keys()
        .filter(|m| rank(m).is_none())
        .map(|m| name(m))
        .collect();
    assert!(
        unknown.is_empty(),
        "files outside the layers of docs/architecture.md: {unknown:?}"
    );
}

#[test]
fn no_module_imports_a_higher_layer() {
    let found = upward_imports(&sources(&src()));
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
}

#[test]
fn no_import_cycles() {
    let found = cycles(&sources(&src()));
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

/// The checker itself: a planted upward import and a planted cycle are found, with the
/// files named; the real tree's files are the background.
#[test]
fn the_checker_finds_a_planted_upward_import_and_cycle() {
    let mut files = sources(&src());
    let model = vec!["model".to_string(), "kpi".to_string()];
    files
        .get_mut(&model)
        .expect("src/model/kpi.rs")
        .text
        .push_str("\nuse crate::ui::session::state::AppState;\n");
    let found = upward_imports(&files);
    assert!(
        found
            .iter()
            .any(|f| f == "src/model/kpi uses src/ui/session/state (a higher layer)"),
        "{found:?}"
    );
    let date = vec!["model".to_string(), "date".to_string()];
    files
        .get_mut(&model)
        .expect("src/model/kpi.rs")
        .text
        .push_str("\nuse super::date::Date;\n");
    files
        .get_mut(&date)
        .expect("src/model/date.rs")
        .text
        .push_str("\nfn planted() { let _ = crate::model::kpi::Kpi::default; }\n");
    let found = cycles(&files);
    assert!(
        found
            .iter()
            .any(|c| c.contains("src/model/date") && c.contains("src/model/kpi")),
        "{found:?}"
    );
}

#[test]
fn use_trees_expand_to_every_path() {
    let paths = expand("crate::a::{b,c::{d,e},f::G as H}");
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "crate::a::f::G"
        ]
    );
}
