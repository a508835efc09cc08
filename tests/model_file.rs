#![cfg(not(target_arch = "wasm32"))]
//! The file format: envelope, import errors, unknown fields, migrations, schema, fixtures.

use std::path::Path;

use proptest::prelude::*;
use serde_json::{Value, json};
use smsc::method::templates;
use smsc::model::file::FORMAT;
use smsc::model::migrate::{CURRENT_VERSION, MIGRATIONS, Migration, migrate_with};
use smsc::model::*;

const SAVED_AT: &str = "2026-04-01T12:00:00Z";
const APP: &str = "fixture";

fn check_file(rel: &str, expected: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, expected).unwrap();
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == expected,
        "{rel} is stale: run `UPDATE_FIXTURES=1 cargo test --test model_file` and commit it"
    );
}

fn templates() -> Vec<(String, Scorecard)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let code = lang.code();
        out.push((
            format!("blank-{code}"),
            templates::blank(format!("blank-{code}"), lang),
        ));
        out.push((
            format!("example-{code}"),
            templates::example(format!("example-{code}"), lang),
        ));
    }
    out
}

#[test]
fn fixtures_match_templates_and_round_trip() {
    for (name, card) in templates() {
        assert!(validate(&card).is_empty(), "{name}: {:?}", validate(&card));
        let text = export_json(&card, SAVED_AT, APP);
        check_file(&format!("tests/fixtures/{name}.scorecard.json"), &text);
        let back = import_json(&text).unwrap();
        assert_eq!(back, card, "{name}");
        assert_eq!(export_json(&back, SAVED_AT, APP), text, "{name}");
    }
}

#[test]
fn schema_is_current() {
    check_file(
        "docs/scorecard.schema.json",
        &schema::scorecard_schema_json(),
    );
}

#[test]
fn example_holds_the_article() {
    for lang in Lang::ALL {
        let card = templates::example("x".into(), lang);
        assert_eq!(card.objectives.len(), 4);
        for kind in FactorKind::ALL {
            assert!(!card.factor(kind).sub_objectives.is_empty());
        }
        let so = &card.factors.organisation.sub_objectives[0];
        assert_eq!(so.actions.len(), 2);
        let k = &so.kpis[0];
        assert_eq!((k.baseline, k.target), (Some(8.0), Some(2.0)));
        assert_eq!(k.direction, Direction::LowerIsBetter);
        let values: Vec<f64> = k.measurements.iter().map(|m| m.value).collect();
        assert_eq!(values, vec![6.0, 3.5, 2.0]);
        assert!(!k.data_source.is_empty());
    }
    let nl = templates::example("x".into(), Lang::Nl);
    assert_eq!(nl.objectives[0].title, "Loyaliteit");
    assert_eq!(
        nl.factors.organisation.sub_objectives[0].title,
        "Leden krijgen snel antwoord op inhoudelijke vragen"
    );
}

fn envelope(card: Value) -> String {
    json!({"format": FORMAT, "version": 1, "saved_at": SAVED_AT, "app_version": APP, "scorecard": card})
        .to_string()
}

fn blank_value() -> Value {
    serde_json::to_value(Scorecard::new_blank("b".into(), Lang::En)).unwrap()
}

#[test]
fn import_errors_are_distinct_and_readable() {
    assert_eq!(import_json("  \n"), Err(ImportError::Empty));
    match import_json("{\n  \"format\": oops }") {
        Err(ImportError::NotJson { line, column, .. }) => assert_eq!((line, column), (2, 13)),
        other => panic!("{other:?}"),
    }
    let e = import_json("[1, 2]").unwrap_err();
    assert!(matches!(e, ImportError::NotScorecardFile { .. }));
    assert!(e.to_string().contains("a list"), "{e}");
    let e = import_json(r#"{"format": "something-else", "version": 1}"#).unwrap_err();
    assert!(e.to_string().contains("\"something-else\""), "{e}");
    assert!(e.to_string().contains(FORMAT), "{e}");
    let e = import_json(&blank_value().to_string()).unwrap_err();
    assert!(e.to_string().contains("bare scorecard"), "{e}");
    let e = import_json(r#"{"format": "social-media-scorecard", "version": 7, "scorecard": {}}"#)
        .unwrap_err();
    assert_eq!(
        e,
        ImportError::NewerVersion {
            found: 7,
            supported: CURRENT_VERSION
        }
    );
    assert!(e.to_string().contains("version 7"), "{e}");
    let e = import_json(r#"{"format": "social-media-scorecard", "version": "1"}"#).unwrap_err();
    assert!(matches!(e, ImportError::NotScorecardFile { .. }));
    let big = " ".repeat(limits::MAX_FILE_BYTES + 1);
    assert!(matches!(
        import_json(&big),
        Err(ImportError::TooLarge { .. })
    ));
    let e = import_json(r#"{"format": "social-media-scorecard", "version": 1}"#).unwrap_err();
    assert!(e.to_string().contains("scorecard: missing"), "{e}");
}

#[test]
fn invalid_content_reports_paths() {
    let mut card = serde_json::to_value(templates::example("x".into(), Lang::En)).unwrap();
    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["direction"] = json!("sideways");
    let e = import_json(&envelope(card.clone())).unwrap_err();
    let ImportError::Invalid { problems } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        problems[0].path,
        "factors.medium.sub_objectives[0].kpis[0].direction"
    );
    assert!(e.to_string().contains("sideways"), "{e}");

    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["direction"] = json!("within_band");
    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["measurements"][1]["date"] =
        json!("2026-02-30");
    let e = import_json(&envelope(card.clone())).unwrap_err();
    let ImportError::Invalid { problems } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        problems[0].path,
        "factors.medium.sub_objectives[0].kpis[0].measurements[1].date"
    );

    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["measurements"][1]["date"] =
        json!("2026-02-28");
    card["factors"]["medium"]["sub_objectives"][0]["contributes_to"] = json!(["obj-404"]);
    card["objectives"][1]["id"] = card["objectives"][0]["id"].clone();
    card["title"] = json!("x".repeat(300));
    let e = import_json(&envelope(card)).unwrap_err();
    let ImportError::Invalid { problems } = &e else {
        panic!("{e:?}")
    };
    let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"title"), "{paths:?}");
    assert!(paths.contains(&"objectives[1].id"), "{paths:?}");
    assert!(
        paths.contains(&"factors.medium.sub_objectives[0].contributes_to[0]"),
        "{paths:?}"
    );
}

#[test]
fn unknown_fields_are_kept_on_round_trip() {
    let card = templates::example("x".into(), Lang::En);
    let mut v: Value = serde_json::from_str(&export_json(&card, SAVED_AT, APP)).unwrap();
    v["x-tool"] = json!({"a": 1});
    v["scorecard"]["x-top"] = json!(true);
    v["scorecard"]["factors"]["x-f"] = json!(1);
    v["scorecard"]["factors"]["customers"]["x-c"] = json!([1, 2]);
    v["scorecard"]["objectives"][0]["x-o"] = json!("o");
    let so = &mut v["scorecard"]["factors"]["organisation"]["sub_objectives"][0];
    so["x-so"] = json!(null);
    so["actions"][1]["x-a"] = json!(2.5);
    so["kpis"][0]["x-k"] = json!({"deep": [1]});
    so["kpis"][0]["measurements"][2]["x-m"] = json!("m");
    v["scorecard"]["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["target_history"][0]["x-t"] =
        json!(0);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let back = import_json(&text).unwrap();
    assert_eq!(back.file_extra["x-tool"], json!({"a": 1}));
    assert_eq!(
        back.factors.organisation.sub_objectives[0].actions[1].extra["x-a"],
        json!(2.5)
    );
    let again: Value = serde_json::from_str(&export_json(&back, SAVED_AT, APP)).unwrap();
    assert_eq!(again, v);
}

/// The import reads the usual file (current version, all fields known) straight into the
/// types and any other through a JSON tree; both ways must give the same scorecard. An
/// unknown field sends a file the general way; it must differ only by that field.
#[test]
fn the_fast_and_the_general_import_read_the_same_scorecard() {
    let cards = [
        templates::example("ex".into(), Lang::En),
        templates::example("vb".into(), Lang::Nl),
        smsc::method::stress::stress_scorecard(smsc::method::stress::StressSize::SMOKE),
    ];
    for card in cards {
        let text = export_json(&card, SAVED_AT, APP);
        let fast = import_file(&text).unwrap();
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["scorecard"]["x-general"] = json!(1);
        let general = import_file(&serde_json::to_string(&v).unwrap()).unwrap();
        let mut general_card = general.scorecard.clone();
        assert_eq!(general_card.extra.remove("x-general"), Some(json!(1)));
        assert_eq!(general_card, fast.scorecard);
        assert_eq!(fast.scorecard, card);
        assert_eq!(
            (&fast.saved_at, &fast.app_version, fast.file_version),
            (
                &general.saved_at,
                &general.app_version,
                general.file_version
            )
        );
        // Invalid content: the same problems either way.
        let mut bad = v.clone();
        bad["scorecard"]["amber_threshold"] = json!(7);
        let general_err = import_file(&serde_json::to_string(&bad).unwrap()).unwrap_err();
        bad["scorecard"]
            .as_object_mut()
            .unwrap()
            .remove("x-general");
        let fast_err = import_file(&serde_json::to_string(&bad).unwrap()).unwrap_err();
        assert_eq!(fast_err, general_err);
    }
}

fn bump_title(mut v: Value) -> Result<Value, String> {
    let title = v["scorecard"]["title"]
        .as_str()
        .ok_or("no title")?
        .to_string();
    v["scorecard"]["title"] = json!(format!("{title} (v2)"));
    Ok(v)
}

#[test]
fn migration_registry_runs_each_step() {
    // The registry covers every version below the current one, exactly once.
    let current = CURRENT_VERSION;
    for from in 1..current.max(1) {
        assert_eq!(MIGRATIONS.iter().filter(|(v, _)| *v == from).count(), 1);
    }
    assert!(MIGRATIONS.iter().all(|(v, _)| *v < CURRENT_VERSION));
    // The runner applies a (test) step 1 → 2 and sets the version.
    let registry: &[(u64, Migration)] = &[(1, bump_title)];
    let v = json!({"format": FORMAT, "version": 1, "scorecard": {"title": "T"}});
    let out = migrate_with(registry, v.clone(), 1, 2).unwrap();
    assert_eq!(out["version"], json!(2));
    assert_eq!(out["scorecard"]["title"], json!("T (v2)"));
    assert!(migrate_with(registry, v.clone(), 1, 3).is_err());
    assert!(migrate_with(registry, json!([]), 1, 2).is_err());
    assert_eq!(migrate_with(registry, v.clone(), 1, 1).unwrap(), v);
}

fn mutate(text: &str, cut: usize, insert: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = cut % (chars.len() + 1);
    chars.splice(at..at, insert.chars());
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn import_never_panics_on_any_text(s in "\\PC*") {
        let _ = import_json(&s);
    }

    #[test]
    fn import_never_panics_on_mutated_files(
        cut in 0usize..20_000,
        insert in prop::sample::select(vec!["", "\"", "}", "]", "{", ",", "null", "-1e400", "1e308", "\"x\":", "[[[[", "\"2026-13-01\"", "NaN", "\u{0}", "9999999999999999999999"]),
        drop in 0usize..200,
    ) {
        let base = export_json(&templates::example("x".into(), Lang::En), SAVED_AT, APP);
        let mut text = mutate(&base, cut, insert);
        let at = cut % (text.len() + 1);
        if text.is_char_boundary(at) && text.is_char_boundary((at + drop).min(text.len())) {
            text.replace_range(at..(at + drop).min(text.len()), "");
        }
        if let Ok(card) = import_json(&text) {
            prop_assert!(validate(&card).is_empty());
            let again = export_json(&card, SAVED_AT, APP);
            prop_assert_eq!(import_json(&again), Ok(card));
        }
    }

    #[test]
    fn numbers_round_trip_exactly(values in prop::collection::vec(-1e15f64..1e15, 1..20)) {
        let mut card = templates::blank("x".into(), Lang::En);
        card.apply(Command::AddObjective { title: "o".into() }).unwrap();
        let kpi = card.apply(Command::AddKpi { parent: KpiParent::Objective("obj-1".into()), name: "k".into() }).unwrap().created_id.unwrap();
        for (i, v) in values.iter().enumerate() {
            let date = Date::MIN.add_days(i as i64);
            card.apply(Command::RecordMeasurement { kpi: kpi.clone(), date, value: *v, note: String::new() }).unwrap();
        }
        let text = export_json(&card, SAVED_AT, APP);
        prop_assert_eq!(import_json(&text), Ok(card));
    }
}
