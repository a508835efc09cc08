//! The localStorage adapter against the real browser storage (headless Chromium): plans
//! applied all or nothing, a full storage leaving the previous value byte for byte, corrupt
//! entries moved aside and still readable, and the `storage` listener added and removed.

use std::cell::RefCell;
use std::rc::Rc;

use smsc::library::layout::{INDEX_KEY, card_key};
use smsc::library::{Library, Now, StorageWrite};
use smsc::model::{Date, Lang};
use smsc::web::storage::{self, StorageChange, StorageError};
use wasm_bindgen_test::*;

fn now() -> Now {
    Now {
        timestamp: "2026-04-01T12:00:00Z".to_string(),
        today: Date::from_ymd(2026, 4, 1).expect("a date"),
        copy_tag: "t1now".to_string(),
    }
}

/// Removes every key of the app, so each test starts from an empty library.
fn clear_app_keys() {
    for key in storage::app_keys().expect("keys") {
        storage::remove(&key).expect("remove");
    }
}

#[wasm_bindgen_test]
fn a_plan_applied_to_local_storage_loads_back_as_the_same_library() {
    clear_app_keys();
    assert!(storage::available());
    let mut lib = Library::new();
    let a = lib.create("example", "sc-a", Lang::En, &now()).expect("a");
    storage::apply(&a.writes).expect("apply");
    let b = lib.create("blank", "sc-b", Lang::Nl, &now()).expect("b");
    storage::apply(&b.writes).expect("apply");
    let outcome = storage::load_library().expect("load");
    assert_eq!(outcome.corrupt, []);
    assert_eq!(outcome.writes, []);
    assert_eq!(outcome.library, lib);
    let mut keys = storage::app_keys().expect("keys");
    keys.sort();
    assert_eq!(keys, ["smsc.v1.card.sc-a", "smsc.v1.card.sc-b", INDEX_KEY]);

    let deleted = lib.delete("sc-a").expect("delete");
    storage::apply(&deleted.writes).expect("apply");
    assert_eq!(storage::load_raw(&card_key("sc-a")), Ok(None));
    assert_eq!(storage::load_library().expect("load").library, lib);
    clear_app_keys();
}

#[wasm_bindgen_test]
fn a_full_storage_undoes_the_plan_and_keeps_the_previous_values_byte_for_byte() {
    clear_app_keys();
    let previous = "{\"kept\": \"é ✓ \\u0000 𝄞\"}";
    storage::save_raw("smsc.test.a", previous).expect("save");
    storage::save_raw("smsc.test.c", "c before").expect("save");
    // Chromium allows about 5 MB (UTF-16) per origin: 6 million characters cannot fit.
    let huge = "x".repeat(6_000_000);
    let plan = vec![
        StorageWrite::set("smsc.test.a", "a new value"),
        StorageWrite::remove("smsc.test.c"),
        StorageWrite::set("smsc.test.new", "brand new"),
        StorageWrite::set("smsc.test.b", huge.clone()),
    ];
    let err = storage::apply(&plan).expect_err("too large");
    assert_eq!(err.error, StorageError::QuotaExceeded);
    assert_eq!(err.key, "smsc.test.b");
    assert!(err.rolled_back);
    assert_eq!(
        storage::load_raw("smsc.test.a"),
        Ok(Some(previous.to_string()))
    );
    assert_eq!(
        storage::load_raw("smsc.test.c"),
        Ok(Some("c before".to_string()))
    );
    assert_eq!(storage::load_raw("smsc.test.new"), Ok(None));
    assert_eq!(storage::load_raw("smsc.test.b"), Ok(None));

    // The failing write itself leaves the last good copy untouched.
    let err = storage::apply(&[StorageWrite::set("smsc.test.a", huge)]).expect_err("too large");
    assert_eq!(err.error, StorageError::QuotaExceeded);
    assert_eq!(
        storage::load_raw("smsc.test.a"),
        Ok(Some(previous.to_string()))
    );
    clear_app_keys();
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_moved_aside_to_a_backup_key_and_stays_readable() {
    clear_app_keys();
    let mut lib = Library::new();
    storage::apply(
        &lib.create("blank", "sc-a", Lang::En, &now())
            .expect("a")
            .writes,
    )
    .expect("apply");
    storage::apply(
        &lib.create("blank", "sc-b", Lang::En, &now())
            .expect("b")
            .writes,
    )
    .expect("apply");
    let broken = "{\"format\": \"social-media-scorecard\", \"vers";
    storage::save_raw(&card_key("sc-b"), broken).expect("save");

    let outcome = storage::load_library().expect("load");
    assert_eq!(outcome.corrupt.len(), 1);
    let backup = outcome.corrupt[0].backup_key.clone().expect("kept aside");
    assert_eq!(backup, "smsc.backup.smsc.v1.card.sc-b.1");
    storage::apply(&outcome.writes).expect("apply");

    assert_eq!(storage::load_raw(&backup), Ok(Some(broken.to_string())));
    assert_eq!(
        storage::backups(),
        Ok(vec![(backup.clone(), broken.to_string())])
    );
    assert_eq!(storage::load_raw(&card_key("sc-b")), Ok(None));
    // The next start finds a clean library and leaves the backup alone.
    let again = storage::load_library().expect("load");
    assert_eq!(again.corrupt, []);
    assert_eq!(again.writes, []);
    assert_eq!(again.library.list().len(), 1);
    assert_eq!(storage::load_raw(&backup), Ok(Some(broken.to_string())));
    clear_app_keys();
}

fn dispatch_storage_event(key: &str, new_value: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(Some(new_value));
    let event =
        web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("a storage event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&event)
        .expect("dispatched");
}

#[wasm_bindgen_test]
fn the_storage_listener_hears_storage_events_until_it_is_dropped() {
    // A page never receives its own storage changes, so the event is dispatched by hand:
    // what is tested is that the listener is added, reports the event, and is removed.
    let seen: Rc<RefCell<Vec<StorageChange>>> = Rc::default();
    let sink = seen.clone();
    let listener =
        storage::on_storage_change(move |change| sink.borrow_mut().push(change)).expect("window");
    dispatch_storage_event("smsc.v1.card.sc-x", "their text");
    assert_eq!(
        *seen.borrow(),
        [StorageChange {
            key: Some("smsc.v1.card.sc-x".into()),
            old_value: None,
            new_value: Some("their text".into()),
        }]
    );
    drop(listener);
    dispatch_storage_event("smsc.v1.card.sc-x", "again");
    assert_eq!(
        seen.borrow().len(),
        1,
        "no call after the handle is dropped"
    );
}
