#![cfg(not(target_arch = "wasm32"))]
//! The file's indentation (`model::pretty_json::indent`) gives exactly what
//! `serde_json::to_string_pretty` writes: for the templates, and for
//! any JSON value (strings with quotes, escapes and structure characters, empty objects and
//! lists, nesting).

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use smsc::method::templates;
use smsc::model::pretty_json::indent;
use smsc::model::{Lang, export_json, export_json_compact};

fn same_as_serde(value: &Value) {
    let compact = serde_json::to_string(value).unwrap_or_default();
    let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
    assert_eq!(indent(&compact), pretty, "for {compact}");
}

#[test]
fn edge_cases_are_indented_as_serde_json_does() {
    for value in [
        json!({}),
        json!([]),
        json!({"a": {}, "b": [], "c": [{}], "d": [[]]}),
        json!([
            "{", "}", "[", "]", ",", ":", "\"", "\\", "a\\\"b", "\\\\\"x"
        ]),
        json!({"key, with: {structure} [chars]": "value \"quoted\" \\ {x}"}),
        json!([
            1,
            -2.5,
            1e300,
            null,
            true,
            false,
            "é ✓ \u{1F600}",
            "\n\t\u{0001}"
        ]),
        json!({"nested": {"deeper": {"deepest": [1, [2, [3, {}]]]}}}),
        json!("just a string"),
        json!(42),
    ] {
        same_as_serde(&value);
    }
}

#[test]
fn the_file_is_the_compact_text_indented() {
    for (name, card) in [
        ("example", templates::example("Community".into(), Lang::En)),
        ("blank", templates::blank("Leeg".into(), Lang::Nl)),
    ] {
        // (The committed template files, tests/model_file.rs, hold the exact text.)
        let file = export_json(&card, "2026-12-01T10:00:00Z", "test");
        assert!(file.ends_with("}\n"), "{name}: one line break at the end");
        let compact = export_json_compact(&card, "2026-12-01T10:00:00Z", "test");
        assert_eq!(file.trim_end(), indent(&compact), "{name}");
        let tree: Value = serde_json::from_str(&compact).unwrap_or_default();
        let reread: Value = serde_json::from_str(&file).unwrap_or_default();
        assert_eq!(tree, reread, "{name}: the same content");
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        "[ -~{}\\[\\],:\"\\\\é\n\t]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec(("[ -~{}\\[\\],:\"]{0,6}", inner), 0..5)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_is_indented_as_serde_json_does(value in json_value()) {
        let compact = serde_json::to_string(&value).unwrap_or_default();
        let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
        prop_assert_eq!(indent(&compact), pretty);
    }
}
