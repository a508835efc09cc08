#![cfg(not(target_arch = "wasm32"))]
//! The path of a reading error, found from serde_json's position (`model::json_path`): for a
//! wrong value, a missing field, in one-line and indented text, with keys and strings that
//! hold quotes and structure characters.

use serde::Deserialize;
use smsc::model::json_path::{offset_of, path_at};

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Inner {
    a: u8,
    b: u8,
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Outer {
    note: String,
    list: Vec<Inner>,
    nested: Option<Box<Outer>>,
}

/// The path serde_json's error on `text` points at.
fn error_path(text: &str) -> String {
    let Err(e) = serde_json::from_str::<Outer>(text) else {
        panic!("{text} was read");
    };
    path_at(text, offset_of(text, e.line(), e.column()))
}

#[test]
fn a_wrong_value_is_found_at_its_field() {
    assert_eq!(
        error_path(r#"{"note":"x","list":[{"a":1,"b":"two"}]}"#),
        "list[0].b"
    );
    assert_eq!(
        error_path(r#"{"note":"x","list":[{"a":1,"b":2},{"a":300,"b":2}]}"#),
        "list[1].a"
    );
    assert_eq!(error_path(r#"{"note":7,"list":[]}"#), "note");
    assert_eq!(
        error_path(
            r#"{"note":"","list":[],"nested":{"note":"y","list":[{"a":1,"b":2},{"a":1,"b":-1}]}}"#
        ),
        "nested.list[1].b"
    );
}

#[test]
fn a_missing_field_is_found_at_its_object() {
    assert_eq!(
        error_path(r#"{"note":"x","list":[{"a":1,"b":2},{"a":3}]}"#),
        "list[1]"
    );
    assert_eq!(error_path(r#"{"note":"x"}"#), ".");
    assert_eq!(
        error_path(r#"{"note":"","list":[],"nested":{"list":[]}}"#),
        "nested"
    );
}

#[test]
fn indented_text_and_strings_with_structure_characters() {
    let text = "{\n  \"note\": \"a \\\"quoted\\\" {[,]} text\",\n  \"list\": [\n    {\"a\": 1, \"b\": 2},\n    {\"a\": 1, \"b\": true}\n  ]\n}\n";
    assert_eq!(error_path(text), "list[1].b");
    // A key with a quote and a dot is written as it is.
    assert_eq!(path_at(r#"{"k\"e.y":[1,2,3"#, 17), "k\"e.y[2]");
    assert_eq!(path_at("", 0), ".");
    assert_eq!(offset_of("ab\ncd\nef", 3, 1), 7);
    assert_eq!(offset_of("ab", 9, 9), 2, "never past the end");
}
