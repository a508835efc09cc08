#![cfg(not(target_arch = "wasm32"))]
//! Tests of the platform export reader (`smsc::exchange::platforms`): the core (text,
//! numbers, dates, keys) and the X, YouTube, GA4, Search Console, Sprout Social and generic
//! formats, on the real fixtures in `tests/fixtures/platforms/`. Expected figures were read
//! off the files with python3 (csv module), never computed by the code under test.

use proptest::prelude::*;
use smsc::exchange::platforms::dates::{DateHint, date_column};
use smsc::exchange::platforms::numbers::{decimal_comma, number, number_in, parse, percent};
use smsc::exchange::platforms::text::{decode, normalise_header, tables};
use smsc::exchange::platforms::{
    ExportError, ExportFile, ExportMessage, MAX_EXPORT_BYTES, MetricColumn, Platform, key_from,
    read_export,
};
use smsc::model::formula::is_valid_key;
use smsc::model::{Aggregation, Date, Lang};

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("test date")
}

fn fixture(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/tests/fixtures/platforms/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn read(path: &str, export: &str) -> Result<ExportFile, ExportError> {
    read_export(path, &fixture(path), d(export))
}

fn ok(path: &str) -> ExportFile {
    read(path, "2026-12-01").unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn metric<'a>(f: &'a ExportFile, key: &str) -> &'a MetricColumn {
    f.metrics.iter().find(|m| m.key == key).unwrap_or_else(|| {
        let keys: Vec<&str> = f.metrics.iter().map(|m| m.key.as_str()).collect();
        panic!("no metric {key}; keys: {keys:?}")
    })
}

fn at(m: &MetricColumn, date: &str) -> Option<f64> {
    m.points
        .iter()
        .find(|(day, _)| *day == d(date))
        .map(|(_, v)| *v)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn span(m: &MetricColumn) -> (usize, Date, Date) {
    let first = m.points.first().map(|p| p.0).expect("points");
    let last = m.points.last().map(|p| p.0).expect("points");
    (m.points.len(), first, last)
}

fn ordered_and_unique(f: &ExportFile) {
    for m in &f.metrics {
        assert!(is_valid_key(&m.key), "invalid key {}", m.key);
        assert!(m.key.len() <= 40, "key too long {}", m.key);
        assert!(
            m.points.windows(2).all(|w| w[0].0 < w[1].0),
            "points of {} not in date order or not one per date",
            m.key
        );
    }
    let mut keys: Vec<&str> = f.metrics.iter().map(|m| m.key.as_str()).collect();
    keys.sort_unstable();
    let n = keys.len();
    keys.dedup();
    assert_eq!(n, keys.len(), "duplicate keys");
}

// ---------------------------------------------------------------- text

#[test]
fn decode_encodings() {
    assert_eq!(decode(b"\xEF\xBB\xBFDate,Views\n").unwrap(), "Date,Views\n");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Datum,é\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    assert_eq!(decode(&le).unwrap(), "Datum,é\n");
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("Date,1\n".encode_utf16().flat_map(|u| u.to_be_bytes()))
        .collect();
    assert_eq!(decode(&be).unwrap(), "Date,1\n");
    let le_no_bom: Vec<u8> = "Date,Views\n2025-01-01,3\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    assert_eq!(decode(&le_no_bom).unwrap(), "Date,Views\n2025-01-01,3\n");
    // Windows-1252: 0x80 is €, 0xE9 is é, 0x93/0x94 are curly quotes.
    assert_eq!(decode(b"Caf\xE9 \x80 \x93x\x94").unwrap(), "Café € “x”");
    assert_eq!(decode(b""), Err(ExportError::Empty));
    assert_eq!(decode(b"  \n\n"), Err(ExportError::Empty));
    assert_eq!(decode(b"PK\x03\x04rest"), Err(ExportError::NotText));
    assert_eq!(
        decode(&[0xD0, 0xCF, 0x11, 0xE0, 1, 2]),
        Err(ExportError::NotText)
    );
    assert_eq!(
        decode(&[1, 0, 0, 0, 7, 0, 0, 9, 0, 0, 0, 0]),
        Err(ExportError::NotText)
    );
    let big = vec![b'a'; MAX_EXPORT_BYTES + 1];
    assert_eq!(
        decode(&big),
        Err(ExportError::TooLarge {
            bytes: MAX_EXPORT_BYTES + 1
        })
    );
}

#[test]
fn normalise_headers() {
    assert_eq!(normalise_header(" Da\u{AD}tum "), "datum");
    assert_eq!(
        normalise_header("Wie\u{AD}der\u{AD}ga\u{AD}be\u{AD}zeit  (Stun\u{AD}den)"),
        "wiedergabezeit (stunden)"
    );
    assert_eq!(
        normalise_header("\u{FEFF}Watch\u{200B} time\t(hours)"),
        "watch time (hours)"
    );
}

#[test]
fn tables_separators_quotes_and_preambles() {
    // sep= line, a title, CRLF, quoted values.
    let t = tables(
        "sep=,\r\n\"Facebook reach\"\r\n\"Date\",\"Primary\"\r\n\"2025-01-01T01:00:00\",\"5\"\r\n",
    );
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].preamble, vec![(2, "Facebook reach".to_string())]);
    assert_eq!(t[0].header, vec!["Date", "Primary"]);
    assert_eq!(t[0].header_line, 3);
    assert_eq!(t[0].rows[0].cells, vec!["2025-01-01T01:00:00", "5"]);
    assert_eq!(t[0].rows[0].line, 4);
    // Semicolons with decimal commas; a padded title.
    let t = tables("Facebook follows;\nDate;Primary\n2025-10-31;1,5\n2025-11-01;2\n");
    assert_eq!(t[0].preamble, vec![(1, "Facebook follows".to_string())]);
    assert_eq!(t[0].rows[0].cells, vec!["2025-10-31", "1,5"]);
    // Tabs.
    let t = tables("Date\tViews\tLikes\n2025-01-01\t1,234\t5\n");
    assert_eq!(t[0].rows[0].cells, vec!["2025-01-01", "1,234", "5"]);
    // Line breaks and doubled quotes inside quotes; the row keeps its first line number.
    let t = tables("Date,Text,Views\n2025-01-01,\"a \"\"b\"\"\n\nc\",7\n2025-01-02,x,8\n");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rows.len(), 2);
    assert_eq!(t[0].rows[0].cells, vec!["2025-01-01", "a \"b\"\n\nc", "7"]);
    assert_eq!(t[0].rows[1].line, 5);
    // A line wrapped whole in quotes by a spreadsheet.
    let t = tables("Date,Views,Likes\n\"2025-01-01,\"\"1,234\"\",5\"\n2025-01-02,3,4\n");
    assert_eq!(t[0].rows[0].cells, vec!["2025-01-01", "1,234", "5"]);
    // Comment lines and stacked tables with their own titles.
    let t = tables(
        "# Start date: 20240101\nDate,Users\n20240101,5\n\n\"Instagram reach\"\n\"Date\",\"Primary\"\n\"2024-01-01\",\"9\"\n",
    );
    assert_eq!(t.len(), 2);
    assert_eq!(
        t[0].preamble,
        vec![(1, "# Start date: 20240101".to_string())]
    );
    assert_eq!(t[1].preamble, vec![(5, "Instagram reach".to_string())]);
    assert_eq!(t[1].header_line, 6);
    assert_eq!(t[1].rows[0].cells, vec!["2024-01-01", "9"]);
}

// ---------------------------------------------------------------- numbers

#[test]
fn numbers_and_nulls() {
    for null in [
        "",
        " ",
        "-",
        "--",
        " --",
        "N/A",
        "n/a",
        "NAN",
        "NaN",
        "undefined",
        "null",
        "\"\"",
    ] {
        assert_eq!(number(null), Ok(None), "{null:?}");
    }
    let cases: [(&str, f64); 16] = [
        ("89", 89.0),
        ("\"89.0\"", 89.0),
        ("110,933", 110_933.0),
        ("1,234,567", 1_234_567.0),
        ("1.234.567", 1_234_567.0),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("0,25", 0.25),
        ("1,5", 1.5),
        ("-7", -7.0),
        ("−3", -3.0),
        ("0.01%", 0.01),
        ("-0.0055%", -0.0055),
        ("1 234", 1234.0),
        ("3423.0", 3423.0),
        ("1.5e-05", 0.000015),
    ];
    for (cell, want) in cases {
        let got = number(cell).unwrap_or_else(|e| panic!("{cell}: {e}"));
        assert!(
            got.is_some_and(|g| (g - want).abs() < 1e-12),
            "{cell}: {got:?}"
        );
    }
    // The decimal separator decided per column.
    assert!(decimal_comma(&["1,5", "1,234", "2"]));
    assert!(decimal_comma(&["1.234,5", ""]));
    assert!(!decimal_comma(&["1,234", "2.5"]));
    assert!(!decimal_comma(&["110,933", "606,087"]));
    assert_eq!(number_in("1,234", true), Ok(Some(1.234)));
    assert_eq!(number_in("1.234", true), Ok(Some(1234.0)));
    assert_eq!(number_in("12,5%", true), Ok(Some(12.5)));
    assert_eq!(number_in("1,234", false), Ok(Some(1234.0)));
    assert!(percent("33.33%"));
    assert!(!percent("33.33"));
    assert_eq!(parse("0%").unwrap().map(|n| n.percent), Some(true));
    assert_eq!(
        number("abc"),
        Err(ExportMessage::NotANumber {
            cell: "abc".to_string()
        })
    );
    assert_eq!(
        number("abc").map_err(|e| e.text(Lang::En)),
        Err("expected a number, found \"abc\"".to_string())
    );
    for bad in [
        "1,2,3",
        "12,34,567",
        "0:17:53",
        "inf",
        "1.2.3,4,5",
        "12abc",
        "< 10%",
    ] {
        assert!(number(bad).is_err(), "{bad} should not be a number");
    }
}

// ---------------------------------------------------------------- dates

fn col(cells: &[&str]) -> Vec<Option<Date>> {
    date_column(cells, DateHint::default()).dates
}

#[test]
fn dates_of_many_forms() {
    let cells = [
        "2025-01-01",
        "2025-03-10T00:00:00",
        "20231010",
        "2025/10/31",
        "Tue, Feb 18, 2025",
        "Mon Feb 17 2025",
        "2021-12-28 16:45 +0000",
        "Aug 19, 2011",
        "18. März 2025",
        "8 de marzo de 2025",
        "28 février 2025",
        "3 mei 2024",
        "2025/10/31 18:19:10",
        "December 31, 2024",
        "8-Mar-2025",
        "1er mars 2025",
    ];
    let want = [
        "2025-01-01",
        "2025-03-10",
        "2023-10-10",
        "2025-10-31",
        "2025-02-18",
        "2025-02-17",
        "2021-12-28",
        "2011-08-19",
        "2025-03-18",
        "2025-03-08",
        "2025-02-28",
        "2024-05-03",
        "2025-10-31",
        "2024-12-31",
        "2025-03-08",
        "2025-03-01",
    ];
    let got = col(&cells);
    for ((c, g), w) in cells.iter().zip(got).zip(want) {
        assert_eq!(g, Some(d(w)), "{c}");
    }
}

#[test]
fn day_month_order_is_decided_per_column() {
    // One day above 12 decides the whole column: month first.
    let c = col(&["01/02/2025", "01/03/2025", "12/13/2025"]);
    assert_eq!(
        c,
        vec![
            Some(d("2025-01-02")),
            Some(d("2025-01-03")),
            Some(d("2025-12-13"))
        ]
    );
    // Day first, with dashes (a spreadsheet re-save).
    let c = col(&["13-06-2025", "01-07-2025"]);
    assert_eq!(c, vec![Some(d("2025-06-13")), Some(d("2025-07-01"))]);
    // Nothing above 12: consecutive days decide (Sprout's 10-01-2025 = October 1).
    let c = col(&["10-01-2025", "10-02-2025", "10-03-2025"]);
    assert_eq!(c[2], Some(d("2025-10-03")));
    let c = col(&["01-10-2025", "02-10-2025", "03-10-2025"]);
    assert_eq!(c[2], Some(d("2025-10-03")));
    // Nothing decides: the hint, else a note.
    let hint = DateHint {
        export_date: None,
        month_first_when_ambiguous: true,
        ..DateHint::default()
    };
    let c = date_column(&["01/02/2025", "03/04/2025"], hint);
    assert_eq!(c.dates[0], Some(d("2025-01-02")));
    assert!(c.notes.is_empty());
    let c = date_column(&["01.02.2025", "03.04.2025"], DateHint::default());
    assert_eq!(c.dates[0], Some(d("2025-02-01")));
    assert_eq!(c.notes.len(), 1, "{:?}", c.notes);
    // 12-hour clock timestamps.
    let c = col(&["06/04/2014 04:03:05 PM", "06/15/2014 11:00:00 AM"]);
    assert_eq!(c[0], Some(d("2014-06-04")));
    // Problems name the cell; other rows are still read.
    let c = date_column(
        &["2025-01-01", "abc", "2025-02-30", ""],
        DateHint::default(),
    );
    assert_eq!(c.dates[0], Some(d("2025-01-01")));
    assert_eq!(c.problems.len(), 3);
    assert_eq!(
        c.problems[0],
        (
            1,
            ExportMessage::NotADate {
                cell: "abc".to_string()
            }
        )
    );
    assert_eq!(
        c.problems[0].1.text(Lang::En),
        "expected a date, found \"abc\""
    );
}

#[test]
fn dates_without_a_year() {
    let export = Some(d("2026-02-28"));
    let hint = DateHint {
        export_date: export,
        month_first_when_ambiguous: false,
        ..DateHint::default()
    };
    // Ascending, crossing New Year, the last row on the export date.
    let c = date_column(
        &["December 30", "December 31", "January 1", "February 28"],
        hint,
    );
    assert_eq!(
        c.dates,
        vec![
            Some(d("2025-12-30")),
            Some(d("2025-12-31")),
            Some(d("2026-01-01")),
            Some(d("2026-02-28"))
        ]
    );
    assert_eq!(c.notes.len(), 1);
    assert!(
        c.notes[0].text(Lang::En).contains("28 February 2026"),
        "{:?}",
        c.notes
    );
    // Descending (newest first).
    let c = date_column(&["January 2", "January 1", "December 31"], hint);
    assert_eq!(
        c.dates,
        vec![
            Some(d("2026-01-02")),
            Some(d("2026-01-01")),
            Some(d("2025-12-31"))
        ]
    );
    // The last row after the export date's month/day: the year before.
    let c = date_column(&["8 de marzo", "9 de marzo"], hint);
    assert_eq!(c.dates, vec![Some(d("2025-03-08")), Some(d("2025-03-09"))]);
    // Several rows per day (hours) keep one year.
    let c = date_column(
        &["February 27", "February 27", "February 28", "February 28"],
        hint,
    );
    assert_eq!(c.dates[0], Some(d("2026-02-27")));
    assert_eq!(c.dates[3], Some(d("2026-02-28")));
    // A full year ascending: 365 rows from February 28 to February 27.
    let mut cells: Vec<String> = Vec::new();
    let mut day = d("2025-02-28");
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    for _ in 0..365 {
        cells.push(format!(
            "{} {}",
            months[usize::from(day.month()) - 1],
            day.day()
        ));
        day = day.add_days(1);
    }
    let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
    let c = date_column(&refs, hint);
    assert_eq!(c.dates.first(), Some(&Some(d("2025-02-28"))));
    assert_eq!(c.dates.last(), Some(&Some(d("2026-02-27"))));
    assert!(c.problems.is_empty());
    // Without an export date: problems, not guesses.
    let c = date_column(&["February 28"], DateHint::default());
    assert_eq!(c.dates, vec![None]);
    assert_eq!(c.problems.len(), 1);
    // February 29 in a year that has none.
    let c = date_column(&["February 29"], hint);
    assert_eq!(c.problems.len(), 1, "{c:?}");
}

// ---------------------------------------------------------------- keys

#[test]
fn keys_are_valid_snake_case() {
    assert_eq!(key_from("youtube", "Views"), "youtube_views");
    assert_eq!(
        key_from(
            "youtube",
            "Wie\u{AD}der\u{AD}ga\u{AD}be\u{AD}zeit (Stun\u{AD}den)"
        ),
        "youtube_wiedergabezeit_stunden"
    );
    assert_eq!(
        key_from("", "Impressions click-through rate (%)"),
        "impressions_click_through_rate_pct"
    );
    assert_eq!(key_from("", "Répétitions été"), "repetitions_ete");
    assert_eq!(key_from("", "Größe"), "groesse");
    assert_eq!(key_from("", "30 days"), "metric_30_days");
    assert_eq!(key_from("", "प्रति"), "metric");
    assert_eq!(key_from("", "prev"), "prev_value");
    let long = key_from(
        "instagram",
        "Public Engagements per Post and a very long tail",
    );
    assert!(long.len() <= 40 && !long.ends_with('_'), "{long}");
    for k in [long, key_from("x", "  --  "), key_from("", "_a")] {
        assert!(is_valid_key(&k), "{k}");
    }
}

// ---------------------------------------------------------------- X

#[test]
fn x_account_overview() {
    let f = ok("x/account_overview_analytics_Wormhole_BR_20241231_20250218.csv");
    assert_eq!(
        (f.platform, f.kind.as_str(), f.rows),
        (Platform::X, "account overview", 50)
    );
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let imp = metric(&f, "x_impressions");
    assert_eq!(span(imp), (50, d("2024-12-31"), d("2025-02-18")));
    assert!(close(at(imp, "2025-02-18"), 62.0));
    assert!(close(at(imp, "2025-02-09"), 125.0));
    assert!(close(at(imp, "2025-01-01"), 360.0));
    assert!(close(at(metric(&f, "x_new_follows"), "2024-12-31"), 25.0));
    assert_eq!(metric(&f, "x_new_follows").aggregation, Aggregation::Sum);
    ordered_and_unique(&f);
}

#[test]
fn x_daily_tweet_activity() {
    let f = ok("x/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv");
    assert_eq!((f.kind.as_str(), f.rows), ("daily tweet activity", 31));
    let imp = metric(&f, "x_impressions");
    assert_eq!(span(imp), (31, d("2021-08-01"), d("2021-08-31")));
    assert!(close(at(imp, "2021-08-15"), 17556.0));
    let rate = metric(&f, "x_engagement_rate");
    assert_eq!(rate.aggregation, Aggregation::Average);
    assert!(close(at(rate, "2021-08-15"), 0.035486443381180226));
    // The promoted columns are all "-": no metric.
    assert!(f.metrics.iter().all(|m| !m.key.contains("promoted")));
}

#[test]
fn x_tweet_activity_summed_by_day() {
    let f = ok("x/tweet_activity_metrics_rOpenSci_20211201_20220101_en.csv");
    assert_eq!((f.kind.as_str(), f.rows), ("tweets", 17));
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let imp = metric(&f, "x_impressions");
    assert_eq!(span(imp), (11, d("2021-12-01"), d("2021-12-28")));
    // Two tweets on 2021-12-20: 5517 + 22987.
    assert!(close(at(imp, "2021-12-20"), 28504.0));
    assert!(close(at(metric(&f, "x_engagements"), "2021-12-20"), 489.0));
    let rate = metric(&f, "x_engagement_rate");
    assert!(close(
        at(rate, "2021-12-20"),
        (0.01595069784303063 + 0.01744464262409188) / 2.0
    ));
    let f = ok("x/tweet_activity_metrics_rOpenSci_20200101_20200201_en.csv");
    assert_eq!(f.rows, 9);
    let imp = metric(&f, "x_impressions");
    assert_eq!(span(imp), (6, d("2020-01-02"), d("2020-01-31")));
    assert!(close(at(imp, "2020-01-06"), 10522.0));
}

#[test]
fn x_content_summed_by_day() {
    let f = ok("x/account_analytics_content_Wormhole_BR_2024-11-21_2025-02-19_rows2-45.csv");
    assert_eq!((f.kind.as_str(), f.rows), ("posts", 44));
    let imp = metric(&f, "x_impressions");
    assert_eq!(span(imp), (16, d("2025-01-29"), d("2025-02-17")));
    // Eight posts on Thu Jan 30 2025.
    assert!(close(at(imp, "2025-01-30"), 547.0));
    assert!(close(at(imp, "2025-02-10"), 1031.0));
    assert!(f.metrics.iter().all(|m| m.key != "x_post_id"));
    ordered_and_unique(&f);
}

// ---------------------------------------------------------------- YouTube

#[test]
fn youtube_totals() {
    let f = ok("youtube/totals_views_RehanTharusha_20250227_20250326.csv");
    assert_eq!((f.platform, f.kind.as_str()), (Platform::YouTube, "totals"));
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (28, d("2025-02-27"), d("2025-03-26")));
    assert!(close(at(v, "2025-03-01"), 20254.0));
    let f = ok("youtube/totals_views_WholeBrainHealth_rows93-152.csv");
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (60, d("2020-12-01"), d("2021-01-29")));
    assert!(close(at(v, "2020-12-31"), 4.0));
    assert!(close(at(v, "2021-01-01"), 10.0));
    // DD-MM-YYYY (a re-save): 13-06-2025 shows the order.
    let f = ok("youtube/totals_views_ddmmyyyy_crlf_priyankapatel05_rows2-61.csv");
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (60, d("2025-06-13"), d("2025-08-11")));
    assert!(close(at(v, "2025-07-01"), 3.0));
    assert!(f.notes.is_empty(), "{:?}", f.notes);
    // German, soft hyphens, leap day.
    let f = ok("youtube/de_Gesamtwerte_WEIMA_rows33-92_leapday.csv");
    let v = metric(&f, "youtube_views");
    assert_eq!(v.header, "Auf\u{AD}ru\u{AD}fe");
    assert_eq!(v.name, "YouTube views");
    assert_eq!(span(v), (60, d("2020-02-01"), d("2020-03-31")));
    assert!(close(at(v, "2020-02-29"), 1227.0));
}

#[test]
fn youtube_chart_data_summed_per_date() {
    let f = ok("youtube/chart_data_per_video_views_priyankapatel05_rows432-491.csv");
    assert_eq!(f.kind, "chart data");
    assert_eq!(
        f.metrics.len(),
        1,
        "Duration is not a metric: {:?}",
        f.metrics
    );
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (60, d("2025-08-17"), d("2025-10-15")));
    assert!(close(at(v, "2025-08-28"), 9102.0));
    assert!(close(at(v, "2025-09-01"), 87.0));
    // Subscribed then Not subscribed: the dates jump back a year; each date once here.
    let f = ok("youtube/chart_data_subscription_status_DangerTV_rows337-396.csv");
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (60, d("2023-11-28"), d("2024-11-26")));
    assert!(close(at(v, "2023-11-28"), 231609.0));
    assert!(close(at(v, "2024-11-26"), 23747.0));
    // Three traffic sources summed per day.
    let f = ok("youtube/chart_data_traffic_source_RehanTharusha_rows2-61.csv");
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (28, d("2025-02-27"), d("2025-03-26")));
    assert!(close(at(v, "2025-02-27"), 3364.0));
    assert!(close(at(v, "2025-03-02"), 3459.0));
    assert!(close(at(v, "2025-03-03"), 3178.0));
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("3 values of \"Traffic source\"")),
        "{:?}",
        f.notes
    );
    let f = ok("youtube/de_Diagrammdaten_per_video_WEIMA_rows2-61.csv");
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (60, d("2020-01-01"), d("2020-02-29")));
    assert!(close(at(v, "2020-02-29"), 10.0));
}

#[test]
fn youtube_table_data_by_date_skips_total() {
    let f = ok("youtube/table_data_per_date_with_total_DangerTV_rows2-62.csv");
    assert_eq!((f.kind.as_str(), f.rows), ("table data", 60));
    assert!(
        f.problems.is_empty(),
        "the Total row is not a problem: {:?}",
        f.problems
    );
    let v = metric(&f, "youtube_views");
    assert_eq!(span(v), (60, d("2024-09-28"), d("2024-11-26")));
    assert!(close(at(v, "2024-11-26"), 171037.0));
    assert!(close(at(v, "2024-11-01"), 149949.0));
    let dur = metric(&f, "youtube_average_view_duration");
    assert_eq!(dur.aggregation, Aggregation::Average);
    assert!(close(at(dur, "2024-11-26"), 17.0 * 60.0 + 53.0));
    assert!(close(
        at(metric(&f, "youtube_watch_time_hours"), "2024-11-26"),
        51015.5181
    ));
}

#[test]
fn youtube_table_data_per_video_by_publish_date() {
    let f = ok("youtube/table_data_per_video_with_total_priyankapatel05_rows2-42.csv");
    assert_eq!((f.kind.as_str(), f.rows), ("videos", 40));
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let v = metric(&f, "youtube_views");
    assert_eq!(v.points.len(), 31);
    assert!(close(at(v, "2025-08-28"), 30331.0));
    assert!(f.metrics.iter().all(|m| !m.key.contains("duration")));
    let f = ok("youtube/de_Tabellendaten_per_video_WEIMA_rows2-62.csv");
    assert_eq!(f.rows, 60);
    assert!(f.problems.is_empty(), "Gesamt is skipped: {:?}", f.problems);
    let v = metric(&f, "youtube_views");
    assert_eq!(v.points.len(), 54);
    assert!(close(at(v, "2011-08-19"), 91116.0));
    // Footer line: a note; eight videos without a publish time: problems with their lines.
    let f = ok("youtube/de_Tabellendaten_per_video_WEIMA_header_plus_rows483-503_footer.csv");
    assert_eq!(f.rows, 12);
    let lines: Vec<usize> = f.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![2, 3, 10, 11, 14, 16, 17, 19]);
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("Die 500 besten Ergebnisse")),
        "{:?}",
        f.notes
    );
    assert!(close(at(metric(&f, "youtube_views"), "2014-02-20"), 25.0));
    let f = ok("youtube/table_data_per_video_29_metrics_hindi_rows2-61.csv");
    assert_eq!(f.rows, 59);
    let v = metric(&f, "youtube_views");
    assert_eq!(v.points.len(), 54);
    assert!(close(at(v, "2026-02-19"), 442588.0));
    ordered_and_unique(&f);
    let f = ok("youtube/table_data_per_video_29_metrics_hindi_header_plus_rows466-486.csv");
    assert_eq!(f.rows, 21);
    ordered_and_unique(&f);
}

#[test]
fn youtube_traffic_source_table_has_no_dates() {
    let e = read(
        "youtube/table_data_traffic_source_with_total_RehanTharusha.csv",
        "2026-12-01",
    );
    assert!(
        matches!(e, Err(ExportError::Unrecognised { ref found }) if found.text(Lang::En).contains("Traffic source")),
        "{e:?}"
    );
}

// ---------------------------------------------------------------- GA4

#[test]
fn ga4_yyyymmdd_unsorted() {
    let f = ok("ga4/data_export_date_yyyymmdd_unsorted_MH4U_rows11-70.csv");
    assert_eq!((f.platform, f.rows), (Platform::GoogleAnalytics, 60));
    let users = metric(&f, "ga4_total_users");
    assert_eq!(span(users), (60, d("2023-10-05"), d("2024-02-22")));
    assert!(close(at(users, "2023-10-10"), 2831.0));
    assert!(close(
        at(metric(&f, "ga4_event_count"), "2023-10-10"),
        11338.0
    ));
    let dur = metric(&f, "ga4_average_session_duration");
    assert_eq!(dur.aggregation, Aggregation::Average);
    assert!(close(at(dur, "2023-10-10"), 61.45831645967741));
    ordered_and_unique(&f);
}

#[test]
fn ga4_nth_day_sections() {
    let f = ok("ga4/reports_snapshot_nth_day_sections_WorkforceTools_crlf.csv");
    assert_eq!(f.kind, "reports snapshot");
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let views = metric(&f, "ga4_views");
    assert_eq!(span(views), (28, d("2023-12-08"), d("2024-01-04")));
    assert!(close(at(views, "2023-12-08"), 169.0));
    assert!(close(at(views, "2024-01-04"), 406.0));
    assert!(close(
        at(metric(&f, "ga4_event_count"), "2024-01-04"),
        1567.0
    ));
    assert!(close(
        at(metric(&f, "ga4_average_engagement_time"), "2023-12-08"),
        11984.736842105263
    ));
    assert!(close(
        at(metric(&f, "ga4_active_users_30_days"), "2023-12-08"),
        128.0
    ));
    assert!(close(
        at(metric(&f, "ga4_dau_mau"), "2023-12-08"),
        0.1484375
    ));
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("Event name")),
        "{:?}",
        f.notes
    );
    ordered_and_unique(&f);
}

#[test]
fn ga4_nth_week() {
    let f = ok("ga4/reports_snapshot_nth_week_JoelHanson_lines1-63.csv");
    let users = metric(&f, "ga4_active_users");
    assert_eq!(span(users), (53, d("2025-01-01"), d("2025-12-31")));
    assert!(close(at(users, "2025-01-08"), 22.0));
    assert!(close(at(users, "2025-12-31"), 54.0));
}

// ---------------------------------------------------------------- Search Console

#[test]
fn search_console() {
    let f = ok("google_search_console/chart_csv_empty_ctr_position_myrecoverypal.csv");
    assert_eq!((f.platform, f.rows), (Platform::SearchConsole, 71));
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let clicks = metric(&f, "search_console_clicks");
    assert_eq!(span(clicks), (71, d("2025-10-21"), d("2025-12-30")));
    assert!(close(Some(clicks.points.iter().map(|p| p.1).sum()), 7.0));
    let ctr = metric(&f, "search_console_ctr");
    assert_eq!(ctr.aggregation, Aggregation::Average);
    assert_eq!(ctr.points.len(), 26, "empty CTR cells give no point");
    assert!(close(at(ctr, "2025-11-15"), 100.0));
    assert_eq!(
        metric(&f, "search_console_position").aggregation,
        Aggregation::Average
    );
    let f = ok("google_search_console/dates_csv_newest_first_Iman-hamdan_rows2-61.csv");
    let clicks = metric(&f, "search_console_clicks");
    assert_eq!(span(clicks), (60, d("2024-09-04"), d("2024-11-02")));
    assert!(close(
        Some(clicks.points.iter().map(|p| p.1).sum()),
        420363.0
    ));
    assert!(close(
        at(metric(&f, "search_console_ctr"), "2024-10-01"),
        4.31
    ));
    assert!(close(
        at(metric(&f, "search_console_position"), "2024-10-01"),
        29.11
    ));
    let f = ok("google_search_console/fr_Dates_Clics_newest_first_GAP028.csv");
    let clicks = metric(&f, "search_console_clics");
    assert_eq!(span(clicks), (92, d("2024-11-06"), d("2025-02-05")));
    assert!(close(at(clicks, "2025-01-01"), 5947.0));
    let e = read(
        "google_search_console/chart_csv_empty_ctr_position_myrecoverypal.Filters.csv",
        "2026-01-01",
    );
    assert!(matches!(e, Err(ExportError::Unrecognised { .. })), "{e:?}");
}

// ---------------------------------------------------------------- Sprout Social

#[test]
fn sprout_profile_performance() {
    let f = ok("sprout_social/profile_performance_mmddyyyy_JoseCuervo_rows2-61.csv");
    assert_eq!((f.platform, f.rows), (Platform::SproutSocial, 60));
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let audience = metric(&f, "instagram_audience");
    assert_eq!(audience.aggregation, Aggregation::Last);
    assert_eq!(span(audience), (60, d("2025-10-01"), d("2025-11-29")));
    assert!(close(at(audience, "2025-10-01"), 110933.0));
    assert!(close(at(audience, "2025-11-15"), 111576.0));
    assert!(close(
        at(metric(&f, "instagram_impressions"), "2025-11-15"),
        748366.0
    ));
    assert!(close(
        at(metric(&f, "instagram_net_audience_growth"), "2025-11-29"),
        -13.0
    ));
    let rate = metric(&f, "instagram_engagement_rate_per_impression");
    assert_eq!(rate.aggregation, Aggregation::Average);
    assert!(close(at(rate, "2025-10-01"), 0.01));
    ordered_and_unique(&f);
    // The partial last day: empty cells give no point.
    let f = ok(
        "sprout_social/profile_performance_mmddyyyy_JoseCuervo_header_plus_rows150-168_partial_last_day.csv",
    );
    assert_eq!(f.rows, 19);
    let audience = metric(&f, "instagram_audience");
    assert_eq!(audience.points.last(), Some(&(d("2026-03-15"), 112019.0)));
    assert_eq!(
        metric(&f, "instagram_received_messages_total")
            .points
            .last(),
        Some(&(d("2026-03-16"), 15.0))
    );
}

#[test]
fn sprout_tiktok_profiles() {
    let f = ok("sprout_social/tiktok_profiles_apostrophe_handle_DevilsReserve_rows2-61.csv");
    assert_eq!(f.rows, 60);
    let followers = metric(&f, "tiktok_followers");
    assert_eq!(followers.aggregation, Aggregation::Last);
    assert_eq!(span(followers), (60, d("2025-11-01"), d("2025-12-30")));
    assert!(close(at(followers, "2025-12-30"), 24.0));
    let rate = metric(&f, "tiktok_engagement_rate_per_impression");
    assert!(close(at(rate, "2025-11-02"), 33.33));
    assert!(close(at(rate, "2025-12-30"), 6.9));
}

#[test]
fn sprout_competitors_split_by_profile() {
    let f = ok("sprout_social/competitor_performance_long_format_Cuervo_rows2-41.csv");
    assert_eq!(f.rows, 40);
    let audience = metric(&f, "instagram_casamigos_audience");
    assert_eq!(span(audience), (4, d("2025-10-01"), d("2025-10-04")));
    assert!(close(at(audience, "2025-10-02"), 289705.0));
    let growth = metric(&f, "instagram_casamigos_pct_audience_growth");
    assert!(close(at(growth, "2025-10-04"), -0.0124));
    ordered_and_unique(&f);
}

// ---------------------------------------------------------------- errors, robustness

#[test]
fn google_ads_has_no_date_column() {
    let e = read(
        "google_ads/campaign_report_utf16le_tab_no_date_column.csv",
        "2026-03-01",
    );
    match e {
        Err(ExportError::Unrecognised { found }) => {
            assert!(found.text(Lang::En).contains("Campaign status"), "{found}");
            assert!(
                found.text(Lang::En).contains("no column of dates"),
                "{found}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn errors_for_hopeless_input() {
    let day = d("2026-01-01");
    assert_eq!(read_export("a.csv", b"", day), Err(ExportError::Empty));
    assert_eq!(
        read_export("a.bin", &[0, 1, 2, 3, 0, 0, 7, 0, 0, 9], day),
        Err(ExportError::NotText)
    );
    assert!(matches!(
        read_export("a.txt", b"just a sentence\n", day),
        Err(ExportError::Unrecognised { .. })
    ));
    assert_eq!(
        read_export("a.csv", b"Date,Name\n2025-01-01,Ann\n", day),
        Err(ExportError::NoDates {
            found: ExportMessage::TableWithoutNumbers {
                date_column: "Date".to_string(),
                columns: vec!["Date".to_string(), "Name".to_string()],
                rows: 1,
            }
        })
    );
}

#[test]
fn generic_table_with_dates() {
    let text = "Day;Visitors;Bounce rate\n01.02.2025;1.234;45,5%\n02.02.2025;987;50,125%\n\
                03.02.2025;x;\n04.02.2025;5;\n05.02.2025;6;\n06.02.2025;7;\n";
    let f = read_export("site.csv", text.as_bytes(), d("2025-03-01")).unwrap();
    assert_eq!(f.platform, Platform::Other);
    let v = metric(&f, "visitors");
    assert_eq!(v.points.len(), 5);
    assert_eq!(v.points[0], (d("2025-02-01"), 1234.0));
    assert_eq!(v.points[4], (d("2025-02-06"), 7.0));
    let rate = metric(&f, "bounce_rate");
    assert_eq!(rate.aggregation, Aggregation::Average);
    // "1.234" is 1234 and "50,125%" is 50.125: the table writes decimals with a comma.
    assert_eq!(
        rate.points,
        vec![(d("2025-02-01"), 45.5), (d("2025-02-02"), 50.125)]
    );
    assert_eq!(f.problems.len(), 1);
    assert_eq!(f.problems[0].line, 4);
    assert!(
        f.problems[0].message.text(Lang::En).contains("Visitors"),
        "{:?}",
        f.problems
    );
}

/// A three-year daily file reads whole (its speed is the benchmark's to measure: see
/// docs/performance.md; a timed assertion fails on a busy machine).
#[test]
fn a_large_file_reads_whole() {
    let mut text = String::from("Date,Views,Likes,Shares,Comments,Followers\n");
    let mut day = d("2022-01-01");
    for i in 0..1100 {
        text.push_str(&format!(
            "{day},{},{},{},{},{}\n",
            i * 3,
            i % 7,
            i % 5,
            i % 11,
            1000 + i
        ));
        day = day.add_days(1);
    }
    let f = read_export("big.csv", text.as_bytes(), d("2025-12-31")).unwrap();
    assert_eq!(f.metrics.len(), 5);
    assert_eq!(f.metrics[0].points.len(), 1100);
    assert_eq!(metric(&f, "followers").aggregation, Aggregation::Last);
    assert_eq!(metric(&f, "followers").points[1099].1, 2099.0);
}

const ALL: [&str; 31] = [
    "x/account_analytics_content_Wormhole_BR_2024-11-21_2025-02-19_rows2-45.csv",
    "x/account_overview_analytics_Wormhole_BR_20241231_20250218.csv",
    "x/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv",
    "x/tweet_activity_metrics_rOpenSci_20200101_20200201_en.csv",
    "x/tweet_activity_metrics_rOpenSci_20211201_20220101_en.csv",
    "youtube/chart_data_per_video_views_priyankapatel05_rows432-491.csv",
    "youtube/chart_data_subscription_status_DangerTV_rows337-396.csv",
    "youtube/chart_data_traffic_source_RehanTharusha_rows2-61.csv",
    "youtube/de_Diagrammdaten_per_video_WEIMA_rows2-61.csv",
    "youtube/de_Gesamtwerte_WEIMA_rows33-92_leapday.csv",
    "youtube/de_Tabellendaten_per_video_WEIMA_header_plus_rows483-503_footer.csv",
    "youtube/de_Tabellendaten_per_video_WEIMA_rows2-62.csv",
    "youtube/table_data_per_date_with_total_DangerTV_rows2-62.csv",
    "youtube/table_data_per_video_29_metrics_hindi_header_plus_rows466-486.csv",
    "youtube/table_data_per_video_29_metrics_hindi_rows2-61.csv",
    "youtube/table_data_per_video_with_total_priyankapatel05_rows2-42.csv",
    "youtube/table_data_traffic_source_with_total_RehanTharusha.csv",
    "youtube/totals_views_RehanTharusha_20250227_20250326.csv",
    "youtube/totals_views_WholeBrainHealth_rows93-152.csv",
    "youtube/totals_views_ddmmyyyy_crlf_priyankapatel05_rows2-61.csv",
    "ga4/data_export_date_yyyymmdd_unsorted_MH4U_rows11-70.csv",
    "ga4/reports_snapshot_nth_day_sections_WorkforceTools_crlf.csv",
    "ga4/reports_snapshot_nth_week_JoelHanson_lines1-63.csv",
    "google_search_console/chart_csv_empty_ctr_position_myrecoverypal.Filters.csv",
    "google_search_console/chart_csv_empty_ctr_position_myrecoverypal.csv",
    "google_search_console/dates_csv_newest_first_Iman-hamdan_rows2-61.csv",
    "google_search_console/fr_Dates_Clics_newest_first_GAP028.csv",
    "sprout_social/competitor_performance_long_format_Cuervo_rows2-41.csv",
    "sprout_social/profile_performance_mmddyyyy_JoseCuervo_rows2-61.csv",
    "sprout_social/tiktok_profiles_apostrophe_handle_DevilsReserve_rows2-61.csv",
    "google_ads/campaign_report_utf16le_tab_no_date_column.csv",
];

#[test]
fn every_fixture_gives_valid_keys_and_ordered_points() {
    for path in ALL {
        if let Ok(f) = read(path, "2026-12-01") {
            ordered_and_unique(&f);
        }
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Cut),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    Just(b'"'),
                    Just(b','),
                    Just(b';'),
                    Just(b'\t'),
                    Just(b'\n'),
                    Just(b'\r'),
                    Just(0u8),
                    Just(0xFFu8),
                    any::<u8>()
                ],
                1..8,
            )
        )
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Remove(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(i, b) => {
            if let Some(x) = bytes.get_mut(i % len) {
                *x ^= b | 1;
            }
        }
        Mutation::Cut(i) => bytes.truncate(i % len),
        Mutation::Insert(i, v) => {
            let at = (i % len).min(bytes.len());
            bytes.splice(at..at, v.iter().copied());
        }
        Mutation::Remove(i, n) => {
            let at = (i % len).min(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn mutated_fixtures_never_panic(
        which in 0usize..ALL.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
        day in 0i64..20_000,
    ) {
        let mut bytes = fixture(ALL[which]);
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let export = d("1990-01-01").add_days(day);
        // Ok or an ExportError, never a panic; what is read is well formed.
        if let Ok(f) = read_export("mutated.csv", &bytes, export) {
            for m in &f.metrics {
                prop_assert!(is_valid_key(&m.key));
                prop_assert!(m.points.windows(2).all(|w| w[0].0 < w[1].0));
                prop_assert!(m.points.iter().all(|p| p.1.is_finite()));
            }
        }
    }
}

#[test]
fn padded_rows_and_empty_trailing_cells() {
    // Rows padded with separators by a spreadsheet; the header is not.
    let t = tables(
        "Date;Primary\n2025-10-31T00:00:00;4;;;;\n2025-11-01T00:00:00;5;;;;\n2025-11-02T00:00:00;6;;;;\n",
    );
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].header, vec!["Date", "Primary"]);
    assert_eq!(t[0].rows.len(), 3);
    // Most rows with empty trailing cells (Search Console days without impressions).
    let t = tables(
        "Date,Clicks,Impressions,CTR,Position\n2025-10-21,0,1,0%,1\n2025-10-22,0,0,,\n2025-10-23,0,0,,\n",
    );
    assert_eq!(t[0].header.len(), 5);
    assert_eq!(t[0].rows.len(), 3);
}
