#![cfg(not(target_arch = "wasm32"))]
//! The pictures in docs/screenshots are the ones the documents show: every picture there is
//! shown by README.md or a page under docs/, and every picture a document names is there.
//! (The end-to-end tests write a picture into docs/screenshots on an update only when a
//! document names it: tests/e2e/support/screenshots.mjs.)

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every Markdown page under docs/.
fn documents() -> Vec<(PathBuf, String)> {
    let mut paths = vec![root().join("README.md")];
    let docs = fs::read_dir(root().join("docs")).expect("docs/ is readable");
    for entry in docs.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            paths.push(path);
        }
    }
    paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("a document is readable");
            (p, text)
        })
        .collect()
}

/// The file names after `screenshots/` in `text` that end in `.png`.
fn named_pictures(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices("screenshots/") {
        let rest = &text[at + "screenshots/".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        let name = &rest[..end];
        if name.ends_with(".png") {
            names.insert(name.to_string());
        }
    }
    names
}

fn pictures_in(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .expect("docs/screenshots is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".png"))
        .collect()
}

#[test]
fn every_picture_is_shown_and_every_shown_picture_exists() {
    let mut shown = BTreeSet::new();
    for (path, text) in documents() {
        for name in named_pictures(&text) {
            shown.insert((name, path.clone()));
        }
    }
    let names: BTreeSet<String> = shown.iter().map(|(n, _)| n.clone()).collect();
    let present = pictures_in(&root().join("docs/screenshots"));
    let unshown: Vec<&String> = present.difference(&names).collect();
    assert!(
        unshown.is_empty(),
        "pictures in docs/screenshots that no document shows: {unshown:?}"
    );
    let missing: Vec<String> = shown
        .iter()
        .filter(|(n, _)| !present.contains(n))
        .map(|(n, p)| format!("{n} (named in {})", p.display()))
        .collect();
    assert!(
        missing.is_empty(),
        "pictures named but not there: {missing:?}"
    );
}

#[test]
fn names_are_read_from_links_and_images() {
    let text = "![a](docs/screenshots/map-light.png) [b](screenshots/why-score.png), \
                <img src=\"docs/screenshots/phone-map-dark.png\"> screenshots/notes.txt";
    let names: Vec<String> = named_pictures(text).into_iter().collect();
    assert_eq!(
        names,
        ["map-light.png", "phone-map-dark.png", "why-score.png"]
    );
}
