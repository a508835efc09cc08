//! Fuzzes the scorecard import: no input may make it panic, and whatever it accepts must
//! export and import again to the same document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsc::model::{export_json, import_json, validate};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(card) = import_json(text)
    {
        assert!(validate(&card).is_empty());
        let again = export_json(&card, "2026-01-01T00:00:00Z", "fuzz");
        assert_eq!(import_json(&again).ok(), Some(card));
    }
});
