//! Fuzzes the reader of platform analytics exports (`read_export`): no input may make it
//! panic, and whatever it reads must be sane: every metric's points strictly in date order
//! with finite values, no more points than rows read, valid and distinct series keys, and
//! problems pointing at a line of the file.
//!
//! One call covers CSV and spreadsheets alike: the reader picks the format by the bytes
//! (`text::is_spreadsheet`), not by the name; the name only matters when it names Facebook or
//! Instagram, which `export.csv` does not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsc::exchange::platforms::read_export;
use smsc::model::Date;
use smsc::model::formula::is_valid_key;

fuzz_target!(|data: &[u8]| {
    let Ok(export_date) = Date::from_ymd(2026, 3, 15) else {
        return;
    };
    let Ok(file) = read_export("export.csv", data, export_date) else {
        return;
    };
    let mut keys: Vec<&str> = Vec::new();
    for metric in &file.metrics {
        assert!(
            !metric.points.is_empty(),
            "metric {:?} without points",
            metric.key
        );
        assert!(
            metric.points.len() <= file.rows,
            "{} points in {:?} but {} rows",
            metric.points.len(),
            metric.key,
            file.rows
        );
        for pair in metric.points.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "dates out of order in {:?}",
                metric.key
            );
        }
        for (date, value) in &metric.points {
            assert!(value.is_finite(), "{value} on {date} in {:?}", metric.key);
        }
        assert!(is_valid_key(&metric.key), "invalid key {:?}", metric.key);
        assert!(
            !keys.contains(&metric.key.as_str()),
            "key {:?} twice",
            metric.key
        );
        keys.push(&metric.key);
    }
    for problem in &file.problems {
        assert!(problem.line >= 1, "problem at line 0: {}", problem.message);
    }
});
