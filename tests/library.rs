//! The library of scorecards (pure): operations and their storage plans, loading with
//! corrupt entries kept aside, migrations of the layout, export/import files, import
//! conflicts and the two-tab decision. Storage is simulated by a map the plans are applied to.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Value, json};
use smsc::library::layout::{
    INDEX_KEY, LEGACY_CURRENT_KEY, LayoutMigration, backup_key, card_key, migrate_index_with,
    parse_backup_key, parse_index, parse_index_with,
};
use smsc::library::packing::{is_packed, pack, unpack};
use smsc::library::*;
use smsc::method::templates;
use smsc::model::{Date, ImportError, Lang, Scorecard, Status, export_json};

type Store = BTreeMap<String, String>;

fn now() -> Now {
    Now {
        timestamp: "2026-04-01T12:00:00Z".to_string(),
        today: Date::from_ymd(2026, 4, 1).expect("a date"),
        copy_tag: "t1now".to_string(),
    }
}

fn later() -> Now {
    Now {
        timestamp: "2026-04-02T09:30:00Z".to_string(),
        today: Date::from_ymd(2026, 4, 2).expect("a date"),
        copy_tag: "t2ltr".to_string(),
    }
}

fn apply(store: &mut Store, writes: &[StorageWrite]) {
    for w in writes {
        match w {
            StorageWrite::Set { key, value } => {
                store.insert(key.clone(), value.clone());
            }
            StorageWrite::Remove { key } => {
                store.remove(key);
            }
        }
    }
}

fn load(store: &Store) -> LoadOutcome {
    let keys: Vec<String> = store.keys().cloned().collect();
    Library::load_from(&|k: &str| store.get(k).cloned(), &keys)
}

/// A library with the example (EN) and a blank (NL) scorecard, and its storage.
fn two_cards() -> (Library, Store) {
    let mut lib = Library::new();
    let mut store = Store::new();
    let a = lib
        .create("example", "sc-a", Lang::En, &now())
        .expect("example");
    apply(&mut store, &a.writes);
    let b = lib
        .create("blank", "sc-b", Lang::Nl, &now())
        .expect("blank");
    apply(&mut store, &b.writes);
    (lib, store)
}

#[test]
fn create_writes_the_card_in_the_file_envelope_and_the_index_and_opens_it() {
    let mut lib = Library::new();
    let planned = lib
        .create("example", "sc-1", Lang::En, &now())
        .expect("example");
    assert_eq!(planned.value, "sc-1");
    let keys: Vec<&str> = planned.writes.iter().map(StorageWrite::key).collect();
    assert_eq!(keys, ["smsc.v1.card.sc-1", "smsc.v1.index"]);
    let stored = planned.writes[0].value().expect("a set");
    assert!(
        stored.starts_with("smsc-zlib1:"),
        "stored packed: {stored:.40}"
    );
    let card = smsc::model::import_json(&unpack(stored).expect("unpacks"))
        .expect("the stored text is a scorecard file");
    assert_eq!(card, templates::example("sc-1".into(), Lang::En));
    let index: Value =
        serde_json::from_str(planned.writes[1].value().expect("a set")).expect("json");
    assert_eq!(index["layout"], 2);
    assert_eq!(index["open"], "sc-1");
    assert_eq!(index["scorecards"][0]["id"], "sc-1");
    assert_eq!(index["scorecards"][0]["title"], card.title.as_str());
    assert_eq!(index["scorecards"][0]["changed_at"], "2026-04-01T12:00:00Z");
    // The example as of 1 April 2026 (every latest measurement of 31 March, 1 day old):
    // factors customers (55 − 20) / (100 − 20) = 43.75 %, financial 98 in the band 95–105 =
    // 100 %, organisation (2 − 8) / (2 − 8) = 100 %, medium (24 − 15) / (30 − 15) = 60 %;
    // overall (0.4375 + 1 + 1 + 0.6) / 4 = 75.9375 %: amber (70 % up to 100 %).
    assert_eq!(index["scorecards"][0]["overall_status"], "amber");
    assert_eq!(index["scorecards"][0]["title"], "Community scorecard 2026");
    assert_eq!(lib.open_id(), Some("sc-1"));
    assert_eq!(
        lib.create("nonsense", "sc-2", Lang::En, &now()),
        Err(LibraryError::UnknownTemplate("nonsense".into()))
    );
    assert_eq!(lib.list().len(), 1);
}

#[test]
fn what_is_stored_loads_back_as_the_same_library_without_writes() {
    let (lib, store) = two_cards();
    let outcome = load(&store);
    assert_eq!(outcome.corrupt, []);
    assert_eq!(outcome.writes, []);
    assert_eq!(outcome.newer_layout, None);
    assert_eq!(outcome.library, lib);
    assert_eq!(outcome.library.open_id(), Some("sc-b"));
    let titles: Vec<&str> = outcome
        .library
        .list()
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Community scorecard 2026", "Nieuwe social media scorecard"]
    );
}

#[test]
fn ids_are_never_handed_out_twice() {
    let (mut lib, _) = two_cards();
    let p = lib
        .create("blank", "sc-a", Lang::En, &now())
        .expect("blank");
    assert_eq!(p.value, "sc-a-2");
    assert_eq!(lib.fresh_id("sc-a"), "sc-a-3");
    assert_eq!(lib.fresh_id(""), "sc");
}

#[test]
fn open_and_rename_update_the_index_and_the_card() {
    let (mut lib, mut store) = two_cards();
    let opened = lib.open("sc-a").expect("open");
    assert_eq!(opened.value.id, "sc-a");
    assert_eq!(opened.writes.len(), 1);
    apply(&mut store, &opened.writes);
    let renamed = lib
        .rename("sc-a", "  Community 2026  ", &later())
        .expect("rename");
    assert_eq!(renamed.value.title, "Community 2026");
    apply(&mut store, &renamed.writes);
    let reloaded = load(&store).library;
    assert_eq!(reloaded.open_id(), Some("sc-a"));
    assert_eq!(
        reloaded.card("sc-a").map(|c| c.title.as_str()),
        Some("Community 2026")
    );
    assert_eq!(reloaded.list()[0].changed_at, "2026-04-02T09:30:00Z");
    assert!(matches!(
        lib.rename("sc-a", &"x".repeat(201), &now()),
        Err(LibraryError::InvalidTitle(_))
    ));
    assert_eq!(
        lib.rename("nope", "T", &now()),
        Err(LibraryError::NotFound("nope".into()))
    );
    assert_eq!(
        lib.open("nope").map(|_| ()),
        Err(LibraryError::NotFound("nope".into()))
    );
}

#[test]
fn duplicate_copies_under_a_new_id_with_copy_or_kopie_in_the_title() {
    let (mut lib, mut store) = two_cards();
    let en = lib.duplicate("sc-a", "sc-c", &now()).expect("duplicate");
    apply(&mut store, &en.writes);
    let nl = lib.duplicate("sc-b", "sc-a", &now()).expect("duplicate");
    assert_eq!(nl.value, "sc-a-2", "a taken id is never reused");
    apply(&mut store, &nl.writes);
    let original = lib.card("sc-a").expect("original").clone();
    let copy = lib.card("sc-c").expect("copy");
    assert_eq!(copy.title, format!("{} (copy)", original.title));
    assert_eq!(copy.objectives, original.objectives);
    assert_eq!(
        lib.card("sc-a-2").map(|c| c.title.as_str()),
        Some("Nieuwe social media scorecard (kopie)")
    );
    assert_eq!(lib.open_id(), Some("sc-b"), "the open scorecard stays open");
    assert_eq!(load(&store).library, lib);
    // A title at the limit still fits with the suffix.
    let mut lib2 = Library::new();
    lib2.create("blank", "x", Lang::En, &now()).expect("blank");
    lib2.rename("x", &"t".repeat(200), &now()).expect("rename");
    lib2.duplicate("x", "y", &now()).expect("duplicate");
    let title = &lib2.card("y").expect("copy").title;
    assert_eq!(title.chars().count(), 200);
    assert!(title.ends_with(" (copy)"));
}

#[test]
fn delete_then_restore_gives_back_storage_byte_for_byte() {
    let (mut lib, mut store) = two_cards();
    let before = store.clone();
    let deleted = lib.delete("sc-b").expect("delete");
    apply(&mut store, &deleted.writes);
    assert!(!store.contains_key("smsc.v1.card.sc-b"));
    assert_eq!(lib.open_id(), Some("sc-a"), "the next scorecard opens");
    assert_eq!(load(&store).library.list().len(), 1);
    let deleted = deleted.value;
    assert!(deleted.was_open);
    let writes = lib.restore(deleted.clone(), &later()).expect("restore");
    apply(&mut store, &writes);
    assert_eq!(store, before);
    assert_eq!(
        lib.restore(deleted, &now()),
        Err(LibraryError::AlreadyExists("sc-b".into()))
    );
    assert_eq!(
        lib.delete("nope").map(|_| ()),
        Err(LibraryError::NotFound("nope".into()))
    );
}

#[test]
fn deleting_the_first_of_three_restores_it_first() {
    let (mut lib, mut store) = two_cards();
    apply(
        &mut store,
        &lib.create("blank", "sc-c", Lang::En, &now())
            .expect("c")
            .writes,
    );
    let before = store.clone();
    let d = lib.delete("sc-a").expect("delete");
    apply(&mut store, &d.writes);
    apply(&mut store, &lib.restore(d.value, &now()).expect("restore"));
    assert_eq!(store, before);
    assert_eq!(lib.list()[0].id, "sc-a");
}

#[test]
fn an_import_never_replaces_silently() {
    let (mut lib, mut store) = two_cards();
    let fresh = templates::example("sc-new".into(), Lang::Nl);
    let AddImport::Added(added) = lib.add_imported(fresh.clone(), &now()) else {
        panic!("a new id is added");
    };
    assert_eq!(added.value, "sc-new");
    apply(&mut store, &added.writes);
    assert_eq!(
        lib.add_imported(fresh, &now()),
        AddImport::Identical("sc-new".into())
    );

    let mut theirs = templates::example("sc-a".into(), Lang::En);
    theirs.title = "Their version".into();
    let before = store.clone();
    let AddImport::Conflict(conflict) = lib.add_imported(theirs.clone(), &now()) else {
        panic!("the same id is a conflict");
    };
    assert_eq!(conflict.existing.id, "sc-a");
    assert_eq!(
        lib.resolve_import(conflict.clone(), ConflictChoice::Cancel, "x", &now()),
        ConflictOutcome::Cancelled
    );
    assert_eq!(
        load(&store).library.card("sc-a").map(|c| c.title.clone()),
        lib.card("sc-a").map(|c| c.title.clone())
    );

    // Replace, then undo: storage as before, byte for byte.
    let ConflictOutcome::Replaced(replaced) =
        lib.resolve_import(conflict.clone(), ConflictChoice::Replace, "x", &later())
    else {
        panic!("replaced");
    };
    apply(&mut store, &replaced.writes);
    assert_eq!(
        load(&store).library.card("sc-a").map(|c| c.title.as_str()),
        Some("Their version")
    );
    assert_ne!(replaced.value.old.title, "Their version");
    apply(&mut store, &lib.undo_replace(replaced.value, &later()));
    assert_eq!(store, before);

    // Keep both: the import gets a new id, the old one stays.
    let ConflictOutcome::KeptBoth(kept) =
        lib.resolve_import(conflict, ConflictChoice::KeepBoth, "sc-a", &now())
    else {
        panic!("kept both");
    };
    assert_eq!(kept.value, "sc-a-2");
    apply(&mut store, &kept.writes);
    let loaded = load(&store).library;
    assert_eq!(
        loaded.card("sc-a-2").map(|c| c.title.as_str()),
        Some("Their version")
    );
    assert_ne!(
        loaded.card("sc-a").map(|c| c.title.as_str()),
        Some("Their version")
    );
}

#[test]
fn the_import_decision_is_add_identical_or_conflict() {
    let a = templates::blank("s".into(), Lang::En);
    let mut b = a.clone();
    b.mission = "other".into();
    assert_eq!(decide_import(None, &a), ImportDecision::Add);
    assert_eq!(decide_import(Some(&a), &a), ImportDecision::Identical);
    assert_eq!(decide_import(Some(&a), &b), ImportDecision::Conflict);
}

#[test]
fn a_corrupt_scorecard_is_moved_aside_reported_and_the_rest_loads() {
    let (_, mut store) = two_cards();
    let broken = "{\"format\": \"social-media-scorecard\", \"version\": 1, \"scor".to_string();
    store.insert(card_key("sc-b"), broken.clone());
    // An older backup of the same key is never overwritten.
    store.insert(backup_key("smsc.v1.card.sc-b", 1), "older".into());
    let outcome = load(&store);
    assert_eq!(outcome.corrupt.len(), 1);
    let c = &outcome.corrupt[0];
    assert_eq!(c.key, "smsc.v1.card.sc-b");
    assert!(
        c.reason.starts_with("The file is not valid JSON"),
        "{}",
        c.reason
    );
    assert_eq!(
        c.backup_key.as_deref(),
        Some("smsc.backup.smsc.v1.card.sc-b.2")
    );
    assert_eq!(outcome.library.list().len(), 1);
    assert_eq!(outcome.library.open_id(), Some("sc-a"));
    // Backup first, then the removal, then the index.
    let keys: Vec<&str> = outcome.writes.iter().map(StorageWrite::key).collect();
    assert_eq!(
        keys,
        [
            "smsc.backup.smsc.v1.card.sc-b.2",
            "smsc.v1.card.sc-b",
            INDEX_KEY
        ]
    );
    apply(&mut store, &outcome.writes);
    assert_eq!(store.get("smsc.backup.smsc.v1.card.sc-b.2"), Some(&broken));
    assert_eq!(
        store
            .get("smsc.backup.smsc.v1.card.sc-b.1")
            .map(String::as_str),
        Some("older")
    );
    // Loading again finds nothing more to do.
    let again = load(&store);
    assert_eq!(again.corrupt, []);
    assert_eq!(again.writes, []);
    assert_eq!(
        parse_backup_key("smsc.backup.smsc.v1.card.sc-b.2"),
        Some(("smsc.v1.card.sc-b", 2))
    );
    assert_eq!(parse_backup_key("smsc.v1.card.sc-b"), None);
}

#[test]
fn an_invalid_scorecard_is_reported_with_the_model_message() {
    let (_, mut store) = two_cards();
    let text = unpack(store.get(&card_key("sc-a")).expect("stored"))
        .expect("unpacks")
        .replace("\"next_id\":", "\"next_id\":-");
    store.insert(card_key("sc-a"), pack(&text));
    let outcome = load(&store);
    assert_eq!(outcome.corrupt.len(), 1);
    assert!(
        outcome.corrupt[0].reason.contains("next_id"),
        "{}",
        outcome.corrupt[0].reason
    );
}

#[test]
fn a_corrupt_index_is_kept_aside_and_the_cards_are_recovered_from_the_keys() {
    let (lib, mut store) = two_cards();
    store.insert(
        INDEX_KEY.into(),
        "{\"layout\": 1, \"scorecards\": 7}".into(),
    );
    let outcome = load(&store);
    assert_eq!(outcome.corrupt.len(), 1);
    assert_eq!(outcome.corrupt[0].key, INDEX_KEY);
    assert_eq!(
        outcome.corrupt[0].backup_key.as_deref(),
        Some("smsc.backup.smsc.v1.index.1")
    );
    let mut ids: Vec<&str> = outcome
        .library
        .list()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["sc-a", "sc-b"]);
    assert_eq!(outcome.library.card("sc-a"), lib.card("sc-a"));
    apply(&mut store, &outcome.writes);
    assert_eq!(
        store.get("smsc.backup.smsc.v1.index.1").map(String::as_str),
        Some("{\"layout\": 1, \"scorecards\": 7}")
    );
    assert!(parse_index(store.get(INDEX_KEY).expect("index")).is_ok());
    // Without the keys nothing is found, but the index is still kept aside.
    let blind = Library::load(&|k: &str| store_with_bad_index().get(k).cloned());
    assert!(blind.library.is_empty());
    assert_eq!(blind.corrupt.len(), 1);
}

fn store_with_bad_index() -> Store {
    let (_, mut store) = two_cards();
    store.insert(INDEX_KEY.into(), "not json".into());
    store
}

#[test]
fn a_listed_scorecard_that_is_missing_is_reported_and_an_unlisted_one_is_adopted() {
    let (_, mut store) = two_cards();
    store.remove(&card_key("sc-a"));
    let orphan = templates::blank("sc-z".into(), Lang::En);
    store.insert(
        card_key("sc-z"),
        export_json(&orphan, "2026-01-01T00:00:00Z", "0.0.9"),
    );
    let outcome = load(&store);
    assert_eq!(
        outcome.corrupt,
        [CorruptEntry {
            key: "smsc.v1.card.sc-a".into(),
            reason: "the scorecard listed in the index is missing from storage".into(),
            backup_key: None,
        }]
    );
    let z = outcome
        .library
        .list()
        .iter()
        .find(|e| e.id == "sc-z")
        .expect("adopted");
    assert_eq!(z.changed_at, "2026-01-01T00:00:00Z");
    assert_eq!(
        outcome.writes.last().map(StorageWrite::key),
        Some(INDEX_KEY)
    );
}

#[test]
fn a_newer_layout_is_left_alone() {
    let (_, mut store) = two_cards();
    store.insert(
        INDEX_KEY.into(),
        "{\"layout\": 3, \"whatever\": true}".into(),
    );
    let outcome = load(&store);
    assert_eq!(outcome.newer_layout, Some(3));
    assert_eq!(outcome.writes, []);
    assert!(outcome.library.is_empty());
}

#[test]
fn the_scorecard_of_the_first_app_version_is_adopted_and_left_in_place() {
    let mut store = Store::new();
    let card = templates::example("sc-old".into(), Lang::Nl);
    let text = export_json(&card, "2026-02-02T00:00:00Z", "0.1.0");
    store.insert(LEGACY_CURRENT_KEY.into(), text.clone());
    let outcome = load(&store);
    assert_eq!(outcome.library.card("sc-old"), Some(&card));
    assert_eq!(outcome.library.open_id(), Some("sc-old"));
    apply(&mut store, &outcome.writes);
    assert_eq!(store.get(LEGACY_CURRENT_KEY), Some(&text));
    let adopted = store.get(&card_key("sc-old")).expect("adopted copy");
    assert_eq!(unpack(adopted).expect("packed copy"), text.as_str());
    assert_eq!(load(&store).writes, [], "adopted once only");
}

fn rename_list(mut v: Value) -> Result<Value, String> {
    let list = v
        .as_object_mut()
        .and_then(|m| m.remove("cards"))
        .ok_or("no cards")?;
    v["scorecards"] = list;
    Ok(v)
}

#[test]
fn layout_migrations_run_in_turn_and_set_the_layout() {
    // A pretend layout 0 → 1 step that renamed "cards" to "scorecards".
    let registry: &[(u64, LayoutMigration)] = &[(1, rename_list)];
    let old = json!({"layout": 1, "cards": [{"id": "a", "title": "A"}], "open": "a"});
    let migrated = migrate_index_with(registry, old.clone(), 1, 2).expect("migrates");
    assert_eq!(migrated["layout"], 2);
    assert_eq!(migrated["scorecards"][0]["id"], "a");
    let (index, from) = parse_index_with(registry, 2, &old.to_string()).expect("reads");
    assert_eq!(from, 1);
    assert_eq!(index.scorecards[0].overall_status, Status::Grey);
    assert!(
        migrate_index_with(&[], old, 1, 2).is_err(),
        "a missing step is an error"
    );
    assert!(parse_index("{\"layout\":1,\"scorecards\":[{\"id\":\"a\",\"title\":\"\"},{\"id\":\"a\",\"title\":\"\"}]}").is_err());
}

#[test]
fn file_names_are_slugs_of_the_title_with_the_date() {
    assert_eq!(slug("Community scorecard 2026"), "community-scorecard-2026");
    assert_eq!(
        slug("  Één café — Straße & Œuvre!! "),
        "een-cafe-strasse-oeuvre"
    );
    assert_eq!(slug("e\u{301}te\u{301}"), "ete");
    assert_eq!(slug(""), "scorecard");
    assert_eq!(slug("!!! ???"), "scorecard");
    assert_eq!(slug("日本語"), "scorecard");
    let long = slug(&"ab ".repeat(40));
    assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    let day = Date::from_ymd(2026, 3, 9).expect("date");
    assert_eq!(
        export_file_name("Mijn Scorecard", day),
        "mijn-scorecard-2026-03-09.scorecard.json"
    );
    assert_eq!(library_file_name(day), "scorecards-2026-03-09.library.json");
    let file = export_card(&templates::blank("x".into(), Lang::En), &now());
    assert_eq!(
        file.name,
        "new-social-media-scorecard-2026-04-01.scorecard.json"
    );
    assert!(file.text.contains("\"saved_at\": \"2026-04-01T12:00:00Z\""));
}

#[test]
fn export_all_and_its_import_give_back_every_scorecard() {
    let (lib, _) = two_cards();
    let file = lib.export_all(&now());
    assert_eq!(file.name, "scorecards-2026-04-01.library.json");
    let value: Value = serde_json::from_str(&file.text).expect("json");
    assert_eq!(value["format"], LIBRARY_FORMAT);
    assert_eq!(value["version"], 1);
    assert_eq!(value["scorecards"][0]["format"], "social-media-scorecard");
    let read = import_library(&file.text).expect("reads");
    assert_eq!(read.problems, []);
    assert_eq!(read.saved_at, "2026-04-01T12:00:00Z");
    let originals: Vec<Scorecard> = lib.cards().cloned().collect();
    assert_eq!(read.scorecards, originals);
    assert!(matches!(
        import_any(&file.text),
        Ok(ImportedText::Library(_))
    ));
    let one = export_json(&originals[0], "t", "v");
    assert_eq!(
        import_any(&one),
        Ok(ImportedText::One(Box::new(originals[0].clone())))
    );
    assert_eq!(
        Library::new()
            .export_all(&now())
            .text
            .matches("scorecards")
            .count(),
        1
    );
    assert!(
        import_library(&Library::new().export_all(&now()).text)
            .expect("empty")
            .scorecards
            .is_empty()
    );
}

#[test]
fn a_library_file_reports_each_bad_scorecard_on_its_own() {
    let (lib, _) = two_cards();
    let mut value: Value = serde_json::from_str(&lib.export_all(&now()).text).expect("json");
    let list = value["scorecards"].as_array_mut().expect("list");
    list.insert(0, json!({"format": "social-media-scorecard", "version": 9}));
    list.push(json!(42));
    let read = import_library(&value.to_string()).expect("the file as a whole is fine");
    assert_eq!(read.scorecards.len(), 2);
    let numbers: Vec<usize> = read.problems.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 4]);
    assert!(matches!(
        read.problems[0].error,
        ImportError::NewerVersion { found: 9, .. }
    ));
    assert!(matches!(
        read.problems[1].error,
        ImportError::NotScorecardFile { .. }
    ));
    assert!(
        read.problems[0]
            .to_string()
            .starts_with("Scorecard 1 in the library file: This file has format version 9")
    );
}

#[test]
fn every_bad_library_file_has_its_own_message() {
    let messages: Vec<String> = [
        "",
        "{nope",
        "[1]",
        "{\"format\": \"something-else\", \"version\": 1, \"scorecards\": []}",
        "{\"format\": \"social-media-scorecard-library\", \"version\": 0, \"scorecards\": []}",
        "{\"format\": \"social-media-scorecard-library\", \"version\": 2, \"scorecards\": []}",
        "{\"format\": \"social-media-scorecard-library\", \"version\": 1}",
    ]
    .iter()
    .map(|t| import_library(t).expect_err("refused").to_string())
    .collect();
    assert_eq!(messages[0], "The file is empty.");
    assert!(messages[1].starts_with("The file is not valid JSON"));
    assert!(messages[2].contains("not a JSON object"));
    assert!(messages[3].contains("\"format\" is missing or different"));
    assert!(messages[4].contains("\"version\" is missing"));
    assert!(messages[5].contains("format version 2"));
    assert!(messages[6].contains("no list \"scorecards\""));
    let mut unique = messages.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), messages.len());
    let too_big = " ".repeat(MAX_LIBRARY_BYTES + 1);
    assert!(matches!(
        import_library(&too_big),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn another_tab_s_change_loads_when_this_tab_has_nothing_unsaved_and_conflicts_otherwise() {
    let (mut lib, store) = two_cards();
    let mine_text = store.get(&card_key("sc-b")).expect("stored").clone();
    let mut theirs = lib.card("sc-b").expect("b").clone();
    theirs.mission = "Set in the other tab".into();
    let their_text = export_json(&theirs, "2026-04-01T13:00:00Z", "0.1.0");
    let key = Some("smsc.v1.card.sc-b");

    assert_eq!(
        lib.on_storage_event(key, Some(&mine_text), true),
        TabChange::Ignore
    );
    let TabChange::LoadTheirs { card, hash } = lib.on_storage_event(key, Some(&their_text), false)
    else {
        panic!("no unsaved changes: load theirs");
    };
    assert_eq!(card, theirs);
    let TabChange::Conflict(conflict) = lib.on_storage_event(key, Some(&their_text), true) else {
        panic!("both changed: a conflict");
    };
    let mine = lib.card("sc-b").expect("b").clone();
    let [a, b] = conflict.files(&mine, &now());
    assert_eq!(
        a.name,
        "nieuwe-social-media-scorecard-2026-04-01-this-tab.scorecard.json"
    );
    assert_eq!(
        b.name,
        "nieuwe-social-media-scorecard-2026-04-01-other-tab.scorecard.json"
    );
    assert_eq!(smsc::model::import_json(&b.text), Ok(theirs.clone()));

    lib.adopt_external(card, hash);
    assert_eq!(lib.card("sc-b"), Some(&theirs));
    assert_eq!(
        lib.on_storage_event(key, Some(&their_text), true),
        TabChange::Ignore
    );

    assert_eq!(
        lib.on_storage_event(key, None, false),
        TabChange::DeletedElsewhere
    );
    assert_eq!(
        lib.on_storage_event(Some(INDEX_KEY), Some("{}"), true),
        TabChange::ListChanged
    );
    assert_eq!(
        lib.on_storage_event(Some("smsc.v1.card.sc-a"), None, true),
        TabChange::ListChanged
    );
    assert_eq!(
        lib.on_storage_event(Some("other.app"), Some("x"), true),
        TabChange::Ignore
    );
    assert_eq!(
        lib.on_storage_event(None, None, true),
        TabChange::StorageCleared
    );
    assert!(matches!(
        lib.on_storage_event(key, Some("garbage"), false),
        TabChange::TheirsUnreadable { .. }
    ));
    assert_eq!(
        decide_tab_change(None, key, Some(&their_text)),
        TabChange::ListChanged
    );
}

#[test]
fn reloading_the_list_keeps_this_tab_s_open_scorecard_even_when_deleted_elsewhere() {
    let (mut lib, mut store) = two_cards();
    let mut edited = lib.card("sc-b").expect("b").clone();
    edited.mission = "unsaved here".into();
    lib.adopt_external(edited.clone(), 1);
    // Another tab deletes sc-b and adds sc-c.
    let mut other = load(&store).library;
    apply(&mut store, &other.delete("sc-b").expect("delete").writes);
    apply(
        &mut store,
        &other
            .create("blank", "sc-c", Lang::En, &now())
            .expect("c")
            .writes,
    );
    let keys: Vec<String> = store.keys().cloned().collect();
    let reloaded = lib.reload_list(&|k: &str| store.get(k).cloned(), &keys);
    assert_eq!(reloaded.corrupt, []);
    assert_eq!(lib.open_id(), Some("sc-b"));
    assert_eq!(lib.card("sc-b"), Some(&edited));
    assert!(lib.card("sc-c").is_some());
    assert!(lib.list().iter().any(|e| e.id == "sc-b"));
}

#[test]
fn text_hash_is_stable() {
    assert_eq!(text_hash(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(text_hash("a"), 0xaf63_dc4c_8601_ec8c);
    assert_ne!(text_hash("ab"), text_hash("ba"));
}

#[derive(Clone, Debug)]
enum Op {
    Create(bool),
    Duplicate(usize),
    Rename(usize, String),
    Delete(usize),
    Undo,
    Open(usize),
    Save(usize, String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<bool>().prop_map(Op::Create),
        (0..6usize).prop_map(Op::Duplicate),
        (0..6usize, "[a-zA-Zé ]{0,12}").prop_map(|(i, t)| Op::Rename(i, t)),
        (0..6usize).prop_map(Op::Delete),
        Just(Op::Undo),
        (0..6usize).prop_map(Op::Open),
        (0..6usize, "[a-z ]{0,20}").prop_map(|(i, m)| Op::Save(i, m)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// After any sequence of operations, what the plans stored loads back as the library
    /// in memory, and nothing is found corrupt.
    #[test]
    fn storage_always_loads_back_as_the_library_in_memory(ops in proptest::collection::vec(op(), 1..25)) {
        let mut lib = Library::new();
        let mut store = Store::new();
        let mut undo: Vec<Deleted> = Vec::new();
        let id_at = |lib: &Library, i: usize| lib.list().get(i % lib.list().len().max(1)).map(|e| e.id.clone());
        for (n, op) in ops.into_iter().enumerate() {
            let before = lib.clone();
            let count = before.list().len();
            let writes = match op {
                Op::Create(example) => {
                    let t = if example { "example" } else { "blank" };
                    let planned = lib.create(t, &format!("sc-{n}"), Lang::En, &now());
                    // Ids made here are sc-<n> (n unique) and sc-1, sc-1-2, … from
                    // duplicates (never made at n = 0, when the library is empty): never taken.
                    let planned = planned.map_err(|e| TestCaseError::fail(format!("create: {e}")))?;
                    prop_assert_eq!(&planned.value, &format!("sc-{n}"));
                    prop_assert_eq!(lib.open_id(), Some(planned.value.as_str()));
                    prop_assert_eq!(lib.list().len(), count + 1);
                    let title = &lib.card(&planned.value).expect("created").title;
                    prop_assert_eq!(title, if example { "Community scorecard 2026" } else { "New social media scorecard" });
                    Some(planned.writes)
                }
                Op::Duplicate(i) => match id_at(&lib, i) {
                    None => { prop_assert_eq!(count, 0); None }
                    Some(id) => {
                        let planned = lib.duplicate(&id, "sc-1", &now()).map_err(|e| TestCaseError::fail(format!("duplicate {id}: {e}")))?;
                        // The first of sc-1, sc-1-2, sc-1-3, … not taken before.
                        let fresh = std::iter::once("sc-1".to_string())
                            .chain((2..).map(|k| format!("sc-1-{k}")))
                            .find(|c| before.card(c).is_none())
                            .expect("a free id");
                        prop_assert_eq!(&planned.value, &fresh);
                        prop_assert_eq!(lib.list().len(), count + 1);
                        prop_assert_eq!(lib.open_id(), before.open_id(), "the open scorecard stays open");
                        let original = before.card(&id).expect("original");
                        let copy = lib.card(&fresh).expect("copy");
                        if original.title.chars().count() + 7 <= 200 {
                            prop_assert_eq!(&copy.title, &format!("{} (copy)", original.title));
                        }
                        prop_assert_eq!(&copy.objectives, &original.objectives);
                        Some(planned.writes)
                    }
                },
                Op::Rename(i, t) => match id_at(&lib, i) {
                    None => { prop_assert_eq!(count, 0); None }
                    Some(id) => {
                        // Titles of at most 12 characters always fit; surrounding spaces go.
                        let planned = lib.rename(&id, &t, &later()).map_err(|e| TestCaseError::fail(format!("rename {id} to {t:?}: {e}")))?;
                        prop_assert_eq!(planned.value.title.as_str(), t.trim());
                        prop_assert_eq!(lib.card(&id).map(|c| c.title.as_str()), Some(t.trim()));
                        prop_assert_eq!(lib.list().len(), count);
                        Some(planned.writes)
                    }
                },
                Op::Delete(i) => match id_at(&lib, i) {
                    None => { prop_assert_eq!(count, 0); None }
                    Some(id) => {
                        let planned = lib.delete(&id).map_err(|e| TestCaseError::fail(format!("delete {id}: {e}")))?;
                        prop_assert_eq!(&planned.value.card.id, &id);
                        prop_assert_eq!(Some(&planned.value.card), before.card(&id));
                        prop_assert!(lib.card(&id).is_none());
                        prop_assert_eq!(lib.list().len(), count - 1);
                        undo.push(planned.value);
                        Some(planned.writes)
                    }
                },
                Op::Undo => match undo.pop() {
                    None => None,
                    Some(d) => {
                        let id = d.card.id.clone();
                        let card = d.card.clone();
                        let position = d.position;
                        let taken = before.card(&id).is_some();
                        match lib.restore(d, &now()) {
                            // A duplicate may have taken the id meanwhile (sc-1 after sc-1 was
                            // deleted): then the restore is refused and nothing changes.
                            Err(e) => {
                                prop_assert!(taken, "restore of {} refused: {}", id, e);
                                prop_assert_eq!(e, LibraryError::AlreadyExists(id));
                                prop_assert_eq!(&lib, &before);
                                None
                            }
                            Ok(writes) => {
                                prop_assert!(!taken, "{} restored over another", id);
                                prop_assert_eq!(lib.card(&id), Some(&card));
                                // Back at its place in the list (or at the end, if the list
                                // has grown shorter).
                                prop_assert_eq!(
                                    lib.list().iter().position(|e| e.id == id),
                                    Some(position.min(count))
                                );
                                prop_assert_eq!(lib.list().len(), count + 1);
                                Some(writes)
                            }
                        }
                    }
                },
                Op::Open(i) => match id_at(&lib, i) {
                    None => { prop_assert_eq!(count, 0); None }
                    Some(id) => {
                        let planned = lib.open(&id).map_err(|e| TestCaseError::fail(format!("open {id}: {e}")))?;
                        prop_assert_eq!(&planned.value.id, &id);
                        prop_assert_eq!(lib.open_id(), Some(id.as_str()));
                        Some(planned.writes)
                    }
                },
                Op::Save(i, m) => id_at(&lib, i).and_then(|id| lib.card(&id).cloned()).map(|mut c| { c.mission = m; lib.save(&c, &later()) }),
            };
            if let Some(w) = writes { apply(&mut store, &w); }
            let outcome = load(&store);
            prop_assert_eq!(&outcome.corrupt, &[]);
            prop_assert_eq!(&outcome.writes, &[]);
            prop_assert_eq!(&outcome.library, &lib);
        }
    }
}

/// A chosen file is read as a library or as one scorecard whatever the order of its fields:
/// this app's own files in one pass, a library file from another tool (its format named
/// last) too; a file that is neither keeps the scorecard file's own error.
#[test]
fn any_file_is_read_as_what_it_is_whatever_the_order_of_its_fields() {
    let (lib, _) = two_cards();
    let file = lib.export_all(&now());
    let originals: Vec<Scorecard> = lib.cards().cloned().collect();
    let as_library = |text: &str| match import_any(text) {
        Ok(ImportedText::Library(read)) => read.scorecards,
        other => panic!("not read as a library: {other:?}"),
    };
    assert_eq!(as_library(&file.text), originals);
    assert_eq!(as_library(&format!("\u{feff} \n{}", file.text)), originals);

    // The same library with its format named last.
    let mut value: Value = serde_json::from_str(&file.text).expect("json");
    let map = value.as_object_mut().expect("an object");
    let format = map.remove("format").expect("a format");
    map.insert("format".into(), format);
    let reordered = serde_json::to_string(&value).expect("text");
    assert!(!reordered.trim_start().starts_with("{\"format\""));
    assert_eq!(as_library(&reordered), originals);

    // A scorecard file, with its own format named first or last.
    let one = export_json(&originals[0], "t", "v");
    let expected = Ok(ImportedText::One(Box::new(originals[0].clone())));
    assert_eq!(import_any(&one), expected);
    let mut value: Value = serde_json::from_str(&one).expect("json");
    let map = value.as_object_mut().expect("an object");
    let format = map.remove("format").expect("a format");
    map.insert("format".into(), format);
    assert_eq!(import_any(&value.to_string()), expected);

    // Neither: the scorecard file's error, not a library one.
    let not_a_file = r#"{"format": "something-else", "version": 1}"#;
    assert_eq!(
        import_any(not_a_file),
        Err(ImportError::NotScorecardFile {
            reason: "its format is \"something-else\"; expected a JSON object with \"format\": \"social-media-scorecard\"".into()
        })
    );
    // A broken library file is reported as a library file: a library of version 99, where
    // this app reads library files up to version 1.
    let broken = file.text.replace("\"version\": 1", "\"version\": 99");
    assert_eq!(
        import_any(&broken),
        Err(ImportError::NewerVersion {
            found: 99,
            supported: 1
        })
    );
}

/// A scorecard made here is the original (no copy tag, ids `kpi-41`); one that comes in from
/// a file, is kept beside another or duplicated gets this library's fresh copy tag, so the ids
/// it makes here (`kpi-t1now-41`) differ from any other copy's; one that replaces the
/// library's own copy keeps that copy's tag. The tag does not make an import "different".
#[test]
fn copies_get_their_own_tag_and_make_their_own_ids() {
    use smsc::model::command::Command;
    use smsc::model::{FactorKind, KpiParent};
    let (mut lib, _) = two_cards();
    assert_eq!(lib.card("sc-a").expect("a").lineage.copy, "");
    assert_eq!(lib.card("sc-a").expect("a").lineage.id, "sc-a");

    // A file from elsewhere: tagged here, its lineage kept.
    let mut theirs = templates::example("sc-x".into(), Lang::En);
    theirs.lineage.copy = "other".into();
    let AddImport::Added(_) = lib.add_imported(theirs.clone(), &now()) else {
        panic!("added");
    };
    let mut here = lib.card("sc-x").expect("x").clone();
    assert_eq!(here.lineage.copy, "t1now");
    assert_eq!(here.lineage.id, "sc-x");
    let next = here.next_id;
    let so = here
        .apply(Command::AddSubObjective {
            factor: FactorKind::Medium,
            title: "Ours".into(),
        })
        .expect("adds")
        .created_id
        .expect("id");
    assert_eq!(so, format!("so-t1now-{next}"));
    let kpi = here
        .apply(Command::AddKpi {
            parent: KpiParent::SubObjective(so),
            name: "K".into(),
        })
        .expect("adds")
        .created_id
        .expect("id");
    assert_eq!(kpi, format!("kpi-t1now-{}", next + 1));
    // The same file again is the same scorecard, whatever its tag.
    assert_eq!(
        lib.add_imported(theirs.clone(), &now()),
        AddImport::Identical("sc-x".into())
    );

    // Kept beside the one there: a new tag; replacing it: the tag already here.
    let mut changed = theirs.clone();
    changed.title = "Changed".into();
    let AddImport::Conflict(conflict) = lib.add_imported(changed.clone(), &later()) else {
        panic!("conflict");
    };
    let ConflictOutcome::KeptBoth(kept) =
        lib.resolve_import(conflict.clone(), ConflictChoice::KeepBoth, "sc-y", &later())
    else {
        panic!("kept both");
    };
    assert_eq!(lib.card(&kept.value).expect("kept").lineage.copy, "t2ltr");
    assert_eq!(lib.card(&kept.value).expect("kept").lineage.id, "sc-x");
    let ConflictOutcome::Replaced(_) =
        lib.resolve_import(conflict, ConflictChoice::Replace, "x", &later())
    else {
        panic!("replaced");
    };
    assert_eq!(lib.card("sc-x").expect("x").title, "Changed");
    assert_eq!(lib.card("sc-x").expect("x").lineage.copy, "t1now");

    // A duplicate is a copy too.
    let dup = lib.duplicate("sc-a", "sc-z", &later()).expect("dup");
    assert_eq!(lib.card(&dup.value).expect("dup").lineage.copy, "t2ltr");
    assert_eq!(lib.card(&dup.value).expect("dup").lineage.id, "sc-a");
}

/// Layout 1 (every scorecard stored as plain JSON) read by this app: the index is migrated to
/// layout 2 and every scorecard packed in the same start-up plan, with the same content; a
/// second start finds nothing to do.
#[test]
fn a_layout_1_store_is_packed_at_start_with_nothing_lost() {
    let (_, packed_store) = two_cards();
    let mut store = Store::new();
    for (key, text) in &packed_store {
        let plain = unpack(text).expect("unpacks").into_owned();
        let plain = if key == INDEX_KEY {
            plain.replace("\"layout\":2", "\"layout\":1")
        } else {
            plain
        };
        store.insert(key.clone(), plain);
    }
    assert!(
        store[INDEX_KEY].contains("\"layout\":1"),
        "{}",
        store[INDEX_KEY]
    );
    let before = load(&store);
    assert_eq!(before.migrated_from, Some(1));
    assert_eq!(before.corrupt, []);
    apply(&mut store, &before.writes);
    for id in ["sc-a", "sc-b"] {
        let stored = &store[&card_key(id)];
        assert!(is_packed(stored), "{id} packed");
        assert_eq!(
            stored,
            &packed_store[&card_key(id)],
            "packed as this app packs"
        );
        assert_eq!(before.library.card(id), load(&store).library.card(id));
    }
    assert!(store[INDEX_KEY].contains("\"layout\":2"));
    assert_eq!(load(&store).writes, [], "packed once only");
}

/// A packed text that is cut short is moved aside (never removed), named with the reason,
/// and the other scorecard still opens.
#[test]
fn a_damaged_packed_scorecard_is_moved_aside_with_the_reason() {
    let (_, mut store) = two_cards();
    let whole = store[&card_key("sc-a")].clone();
    let cut = whole[..whole.len() / 2].to_string();
    store.insert(card_key("sc-a"), cut.clone());
    let outcome = load(&store);
    assert_eq!(outcome.corrupt.len(), 1);
    assert!(
        outcome.corrupt[0].reason.contains("packed text is damaged"),
        "{}",
        outcome.corrupt[0].reason
    );
    apply(&mut store, &outcome.writes);
    let backup = outcome.corrupt[0].backup_key.clone().expect("kept aside");
    assert_eq!(store.get(&backup), Some(&cut));
    assert!(outcome.library.card("sc-b").is_some());
}

/// Packing round-trips any text, leaves plain JSON readable as it is, and names each kind of
/// damage.
#[test]
fn packing_round_trips_and_names_damage() {
    let text = "{\"format\":\"x\",\"note\":\"één — ok\"}";
    let packed = pack(text);
    assert!(is_packed(&packed));
    assert_eq!(unpack(&packed).expect("unpacks"), text);
    assert_eq!(unpack(text).expect("plain"), text);
    let bad_chars = format!("{}!!", &packed[..packed.len() - 2]);
    assert!(
        unpack(&bad_chars)
            .unwrap_err()
            .contains("characters base64url does not use")
    );
    let not_text = pack_bytes(&[0xff, 0xfe, 0x00]);
    assert!(unpack(&not_text).unwrap_err().contains("not text"));
}

fn pack_bytes(bytes: &[u8]) -> String {
    let z = miniz_oxide::deflate::compress_to_vec_zlib(bytes, 3);
    format!("smsc-zlib1:{}", smsc::exchange::share::base64url_encode(&z))
}
