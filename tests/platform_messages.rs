#![cfg(not(target_arch = "wasm32"))]
//! The platform-export reader in both languages, and the day/month question: the problems,
//! notes and refusals of real fixtures worded in Dutch with their data; every
//! `ExportError` in both languages; a file whose dates the data cannot order carries a
//! question with both readings, and reading it with a forced order gives those dates.

use smsc::exchange::platforms::dates::{DateHint, date_column};
use smsc::exchange::platforms::{
    DateOrder, DateReading, ExportError, ExportFile, ExportMessage, MAX_EXPORT_BYTES, Platform,
    ReadOptions, read_export, read_export_with,
};
use smsc::model::{Date, Lang};

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

fn read(path: &str, export: &str) -> ExportFile {
    let name = path.rsplit('/').next().unwrap_or(path);
    read_export(name, &fixture(path), d(export)).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn dutch_notes(f: &ExportFile) -> Vec<String> {
    f.notes.iter().map(|n| n.text(Lang::Nl)).collect()
}

/// Points of the file's only metric.
fn points(f: &ExportFile) -> Vec<(Date, f64)> {
    assert_eq!(f.metrics.len(), 1, "{:?}", f.metrics);
    f.metrics[0].points.clone()
}

// ---------------------------------------------------------------- messages in Dutch

#[test]
fn inferred_years_are_worded_in_dutch_with_the_dates() {
    let f = read("tiktok/overview_en_365d_newyear_htupy.csv", "2026-02-28");
    let note = f
        .notes
        .iter()
        .find(|n| matches!(n, ExportMessage::YearsFromRowOrder { .. }))
        .expect("a note about the years");
    assert_eq!(
        note,
        &ExportMessage::YearsFromRowOrder {
            export: d("2026-02-28"),
            first: d("2025-02-28"),
            last: d("2026-02-27"),
        }
    );
    let nl = note.text(Lang::Nl);
    assert!(nl.starts_with("De datums hebben geen jaar"), "{nl}");
    assert!(nl.contains("exportdatum 28 februari 2026"), "{nl}");
    assert!(
        nl.contains("28 februari 2025 tot en met 27 februari 2026"),
        "{nl}"
    );
    let en = note.text(Lang::En);
    assert!(en.contains("export date 28 February 2026"), "{en}");
    assert!(en.contains("28 February 2025 to 27 February 2026"), "{en}");
}

#[test]
fn row_problems_are_worded_in_dutch() {
    // One post without a publish time.
    let f = read(
        "meta/fb_posts_2023_raw_metric_key_header_mh4u_rows1-10.csv",
        "2024-03-06",
    );
    assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
    assert_eq!(f.problems[0].line, 38);
    assert_eq!(
        f.problems[0].message,
        ExportMessage::RowWithoutDate {
            reason: Box::new(ExportMessage::EmptyDate)
        }
    );
    assert_eq!(
        f.problems[0].message.text(Lang::Nl),
        "de datum kon niet worden gelezen: de datum is leeg; de rij is weggelaten"
    );
    // A cell that is not a number names its column and the cell, in both languages.
    let text = "Day;Visitors\n01.02.2025;1.234\n02.02.2025;987\n03.02.2025;x7\n04.02.2025;5\n\
                05.02.2025;6\n";
    let f = read_export("visits.csv", text.as_bytes(), d("2025-03-01")).expect("read");
    assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
    assert_eq!(f.problems[0].line, 4);
    assert_eq!(
        f.problems[0].message.text(Lang::Nl),
        "kolom \"Visitors\": verwacht een getal, gevonden: \"x7\"; deze waarde is weggelaten"
    );
    assert_eq!(
        f.problems[0].message.text(Lang::En),
        "column \"Visitors\": expected a number, found \"x7\"; this value is left out"
    );
    // A problem on a sheet names the sheet and the row.
    let m = ExportMessage::InSheet {
        sheet: "Metrics".to_string(),
        row: 17,
        problem: Box::new(ExportMessage::NotANumber {
            cell: "n/b".to_string(),
        }),
    };
    assert_eq!(
        m.text(Lang::Nl),
        "blad \"Metrics\", rij 17: verwacht een getal, gevonden: \"n/b\""
    );
}

#[test]
fn notes_of_real_files_are_worded_in_dutch_with_their_data() {
    // YouTube: the rows of a day summed over the traffic sources.
    let f = read(
        "youtube/chart_data_traffic_source_RehanTharusha_rows2-61.csv",
        "2026-12-01",
    );
    let nl = dutch_notes(&f);
    assert!(
        nl.iter()
            .any(|n| n
                == "De rijen van elke dag zijn opgeteld over 3 waarden van \"Traffic source\"."),
        "{nl:?}"
    );
    // Meta: a bare title, read as Facebook, the user asked to check.
    let f = read(
        "meta/daily_views_title_views_utf16_oigetit.csv",
        "2025-04-16",
    );
    let nl = dutch_notes(&f);
    assert!(
        nl.iter().any(
            |n| n.contains("De titel \"Views\" noemt Facebook noch Instagram")
                && n.contains("Controleer dit")
        ),
        "{nl:?}"
    );
    // GA4: the sections without days, named by their columns.
    let ga4 = std::fs::read_dir(format!(
        "{}/tests/fixtures/platforms/ga4",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("ga4 fixtures")
    .flatten()
    .filter_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let f = read(&format!("ga4/{name}"), "2026-12-01");
        f.notes
            .iter()
            .find(|n| matches!(n, ExportMessage::SectionsLeftOut { .. }))
            .map(|n| n.text(Lang::Nl))
    })
    .next()
    .expect("a GA4 fixture with sections left out");
    assert!(
        ga4.starts_with("Onderdelen zonder dagen zijn weggelaten: \""),
        "{ga4}"
    );
    // Every note of every fixture has a Dutch text that differs from the English one.
    for f in all_fixtures() {
        for n in &f.notes {
            let (en, nl) = (n.text(Lang::En), n.text(Lang::Nl));
            assert!(!nl.is_empty() && nl != en, "{en}");
        }
        for p in &f.problems {
            assert_ne!(p.message.text(Lang::Nl), p.message.text(Lang::En));
        }
    }
}

/// Every fixture that reads, read on 2026-12-01.
fn all_fixtures() -> Vec<ExportFile> {
    let root = format!("{}/tests/fixtures/platforms", env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).expect("fixtures").flatten() {
        if !dir.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(dir.path()).expect("a folder").flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".md") {
                continue;
            }
            let bytes = std::fs::read(file.path()).expect("a fixture");
            if let Ok(f) = read_export(&name, &bytes, d("2026-12-01")) {
                out.push(f);
            }
        }
    }
    assert!(out.len() > 40, "{} fixtures read", out.len());
    out
}

#[test]
fn messages_serialize_as_their_english_text() {
    let f = read("tiktok/overview_en_365d_newyear_htupy.csv", "2026-02-28");
    let json = serde_json::to_value(&f).expect("json");
    let notes = json["notes"].as_array().expect("notes");
    assert!(!notes.is_empty());
    for (n, v) in f.notes.iter().zip(notes) {
        assert_eq!(v.as_str(), Some(n.text(Lang::En).as_str()));
    }
    assert!(json.get("date_question").is_some_and(|q| q.is_null()));
    let e = ExportError::Unrecognised {
        found: ExportMessage::NoTable,
    };
    let json = serde_json::to_value(&e).expect("json");
    assert_eq!(
        json["Unrecognised"]["found"].as_str(),
        Some("no table (no line with two or more columns)")
    );
}

// ---------------------------------------------------------------- errors

fn every_error() -> Vec<ExportError> {
    vec![
        ExportError::TooLarge {
            bytes: MAX_EXPORT_BYTES + 1_500_000,
        },
        ExportError::Empty,
        ExportError::NotText,
        ExportError::NoDates {
            found: ExportMessage::TableWithoutNumbers {
                date_column: "Date".to_string(),
                columns: vec!["Date".to_string(), "Name".to_string()],
                rows: 1,
            },
        },
        ExportError::Unrecognised {
            found: ExportMessage::TableWithoutDates {
                columns: vec!["Campaign".to_string(), "Cost".to_string()],
                rows: 12,
            },
        },
    ]
}

#[test]
fn every_error_has_a_dutch_text() {
    for e in every_error() {
        let (en, nl) = (e.text(Lang::En), e.text(Lang::Nl));
        assert!(!en.is_empty() && !nl.is_empty(), "{e:?}");
        assert_ne!(en, nl, "{e:?}");
    }
    let too_large = ExportError::TooLarge {
        bytes: 21 * 1024 * 1024 + 512 * 1024,
    };
    assert_eq!(
        too_large.text(Lang::En),
        "The file is 21.5 MB; an export may be at most 20 MB."
    );
    assert_eq!(
        too_large.text(Lang::Nl),
        "Het bestand is 21,5 MB; een export mag hoogstens 20 MB zijn."
    );
    assert!(
        ExportError::NotText
            .text(Lang::En)
            .contains("not a text file or a spreadsheet (xlsx/xls)")
    );
    assert!(
        ExportError::NotText
            .text(Lang::Nl)
            .contains("geen tekstbestand en geen spreadsheet (xlsx/xls)")
    );
}

#[test]
fn unrecognised_and_no_dates_list_the_known_formats_and_what_was_found() {
    const KNOWN: [&str; 8] = [
        "Meta Business Suite",
        "LinkedIn",
        "TikTok",
        "X,",
        "YouTube Studio",
        "Google Analytics 4",
        "Search Console",
        "Sprout Social",
    ];
    // A real file: a Google Ads report without dates.
    let e = read_export(
        "campaign_report.csv",
        &fixture("google_ads/campaign_report_utf16le_tab_no_date_column.csv"),
        d("2026-01-01"),
    )
    .expect_err("no dates");
    let ExportError::Unrecognised { .. } = &e else {
        panic!("{e:?}");
    };
    let (en, nl) = (e.text(Lang::En), e.text(Lang::Nl));
    for name in KNOWN {
        assert!(en.contains(name), "{name}: {en}");
        assert!(nl.contains(name), "{name}: {nl}");
    }
    assert!(
        en.contains("any table with a date column and number columns"),
        "{en}"
    );
    assert!(
        nl.contains("een tabel met een kolom met datums en kolommen met getallen"),
        "{nl}"
    );
    assert!(
        en.contains("Campaign status") && en.contains("no column of dates"),
        "{en}"
    );
    assert!(
        nl.contains("Campaign status") && nl.contains("geen kolom met datums"),
        "{nl}"
    );
    // A table with dates but nothing to count.
    let e = read_export("a.csv", b"Date,Name\n2025-01-01,Ann\n", d("2026-01-01"))
        .expect_err("no numbers");
    let (en, nl) = (e.text(Lang::En), e.text(Lang::Nl));
    for name in KNOWN {
        assert!(en.contains(name) && nl.contains(name), "{name}");
    }
    assert!(en.contains("\"Date\" holds dates"), "{en}");
    assert!(nl.contains("\"Date\" bevat datums"), "{nl}");
    // What a refused TikTok or Meta file is, in Dutch.
    let e = read_export(
        "x.csv",
        b"Hour,Active followers\n0,12\n1,15\n2,9\n",
        d("2026-01-01"),
    )
    .expect_err("hourly");
    assert!(
        e.text(Lang::Nl).contains("actieve volgers per uur"),
        "{e:?}"
    );
}

#[test]
fn platform_names_in_both_languages() {
    assert_eq!(Platform::Other.name(), "Table with dates");
    assert_eq!(Platform::Other.name_in(Lang::Nl), "Tabel met datums");
    assert_eq!(Platform::YouTube.name_in(Lang::Nl), "YouTube Studio");
    assert_eq!(
        Platform::Instagram.name_in(Lang::En),
        Platform::Instagram.name()
    );
}

// ---------------------------------------------------------------- the day/month question

const AMBIGUOUS: &str = "Date,Visits\n01/02/2025,5\n03/02/2025,7\n05/02/2025,9\n";

#[test]
fn ambiguous_dates_ask_with_both_readings() {
    let f = read_export("visits.csv", AMBIGUOUS.as_bytes(), d("2025-06-01")).expect("read");
    let q = f.date_question.as_ref().expect("a question");
    // Read month first (slashes, as in the United States) until the user answers.
    assert_eq!(q.read_as, DateOrder::MonthFirst);
    assert_eq!(
        q.examples,
        vec![
            DateReading {
                cell: "01/02/2025".to_string(),
                day_first: Some(d("2025-02-01")),
                month_first: Some(d("2025-01-02")),
            },
            DateReading {
                cell: "03/02/2025".to_string(),
                day_first: Some(d("2025-02-03")),
                month_first: Some(d("2025-03-02")),
            },
            DateReading {
                cell: "05/02/2025".to_string(),
                day_first: Some(d("2025-02-05")),
                month_first: Some(d("2025-05-02")),
            },
        ]
    );
    assert_eq!(
        points(&f),
        vec![
            (d("2025-01-02"), 5.0),
            (d("2025-03-02"), 7.0),
            (d("2025-05-02"), 9.0)
        ]
    );
    // The note that the order was assumed stays, in both languages.
    let note = ExportMessage::DateOrderAssumed {
        read_as: DateOrder::MonthFirst,
    };
    assert!(f.notes.contains(&note), "{:?}", f.notes);
    assert!(note.text(Lang::Nl).contains("maand/dag/jaar"));
    assert!(note.text(Lang::En).contains("month/day/year"));
    // In JSON (inspect_export) the question is data.
    let json = serde_json::to_value(&f).expect("json");
    assert_eq!(json["date_question"]["read_as"], "month_first");
    assert_eq!(
        json["date_question"]["examples"][0]["day_first"],
        "2025-02-01"
    );
}

#[test]
fn a_forced_order_reads_the_dates_that_way_and_asks_nothing() {
    let with = |order| ReadOptions {
        export_date: d("2025-06-01"),
        date_order: Some(order),
    };
    let f = read_export_with(
        "visits.csv",
        AMBIGUOUS.as_bytes(),
        &with(DateOrder::DayFirst),
    )
    .expect("read");
    assert_eq!(f.date_question, None);
    assert_eq!(
        points(&f),
        vec![
            (d("2025-02-01"), 5.0),
            (d("2025-02-03"), 7.0),
            (d("2025-02-05"), 9.0)
        ]
    );
    assert!(
        !f.notes
            .iter()
            .any(|n| matches!(n, ExportMessage::DateOrderAssumed { .. })),
        "{:?}",
        f.notes
    );
    let f = read_export_with(
        "visits.csv",
        AMBIGUOUS.as_bytes(),
        &with(DateOrder::MonthFirst),
    )
    .expect("read");
    assert_eq!(f.date_question, None);
    assert_eq!(
        points(&f),
        vec![
            (d("2025-01-02"), 5.0),
            (d("2025-03-02"), 7.0),
            (d("2025-05-02"), 9.0)
        ]
    );
    // A forced order holds against a day above 12: that cell is a problem.
    let text = "Date,Visits\n01/02/2025,5\n12/13/2025,7\n";
    let f =
        read_export_with("visits.csv", text.as_bytes(), &with(DateOrder::DayFirst)).expect("read");
    assert_eq!(points(&f), vec![(d("2025-02-01"), 5.0)]);
    assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
    assert_eq!(f.problems[0].line, 3);
    assert_eq!(
        f.problems[0].message,
        ExportMessage::RowWithoutDate {
            reason: Box::new(ExportMessage::NotACalendarDay {
                cell: "12/13/2025".to_string(),
                read_as: Some(DateOrder::DayFirst),
            })
        }
    );
    assert!(
        f.problems[0]
            .message
            .text(Lang::Nl)
            .contains("\"12/13/2025\" is geen dag in de kalender (gelezen als dag/maand/jaar)")
    );
}

#[test]
fn dates_the_data_orders_ask_nothing() {
    // A day above 12 decides.
    let text = "Date,Visits\n01/02/2025,5\n03/02/2025,7\n13/02/2025,9\n";
    let f = read_export("visits.csv", text.as_bytes(), d("2025-06-01")).expect("read");
    assert_eq!(f.date_question, None);
    assert_eq!(points(&f)[0], (d("2025-02-01"), 5.0));
    assert!(f.notes.is_empty(), "{:?}", f.notes);
    // Consecutive days decide: a real Sprout Social file (10-01-2025 … 10-05-2025, every
    // number at most 12, each date once per profile).
    let f = read(
        "sprout_social/competitor_performance_long_format_Cuervo_rows2-41.csv",
        "2026-12-01",
    );
    assert_eq!(f.date_question, None);
    // Read month first: every point in October 2025 (day first would give January to May).
    let dates: Vec<Date> = f
        .metrics
        .iter()
        .flat_map(|m| m.points.iter().map(|p| p.0))
        .collect();
    assert!(dates.contains(&d("2025-10-01")));
    assert!(
        dates
            .iter()
            .all(|x| (d("2025-10-01")..=d("2025-10-31")).contains(x)),
        "{dates:?}"
    );
    // No real fixture leaves the order to the user.
    for f in all_fixtures() {
        assert_eq!(f.date_question, None, "{:?} {}", f.platform, f.kind);
    }
}

#[test]
fn the_question_of_a_column() {
    // The format's order (month first) decides without a note, but the data did not: ask.
    let hint = DateHint {
        month_first_when_ambiguous: true,
        ..DateHint::default()
    };
    let c = date_column(&["01/02/2025", "01/02/2025", "03/04/2025"], hint);
    assert!(c.notes.is_empty());
    let q = c.question.expect("a question");
    assert_eq!(q.read_as, DateOrder::MonthFirst);
    // Distinct cells only.
    let cells: Vec<&str> = q.examples.iter().map(|e| e.cell.as_str()).collect();
    assert_eq!(cells, ["01/02/2025", "03/04/2025"]);
    // First, middle and last of many.
    // (Every other day: no run of consecutive days in either reading.)
    let many: Vec<String> = (0..6)
        .map(|k| format!("{:02}.03.2025", 1 + 2 * k))
        .collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let c = date_column(&refs, DateHint::default());
    let q = c.question.expect("a question");
    assert_eq!(q.read_as, DateOrder::DayFirst);
    let cells: Vec<&str> = q.examples.iter().map(|e| e.cell.as_str()).collect();
    assert_eq!(cells, ["01.03.2025", "07.03.2025", "11.03.2025"]);
    assert_eq!(q.examples[2].day_first, Some(d("2025-03-11")));
    assert_eq!(q.examples[2].month_first, Some(d("2025-11-03")));
    // Forced: no question.
    let forced = DateHint {
        forced: Some(DateOrder::MonthFirst),
        ..DateHint::default()
    };
    let c = date_column(&refs, forced);
    assert_eq!(c.question, None);
    assert_eq!(c.dates[5], Some(d("2025-11-03")));
    assert!(c.notes.is_empty());
}

#[test]
fn one_question_for_a_file_of_several_tables() {
    // A Meta file with two daily tables, both with ambiguous dates.
    let text = "\"Facebook reach\"\n\"Date\",\"Primary\"\n\"01/02/2025\",\"5\"\n\
                \"03/04/2025\",\"6\"\n\n\"Instagram reach\"\n\"Date\",\"Primary\"\n\
                \"05/06/2025\",\"7\"\n\"07/08/2025\",\"8\"\n";
    let f = read_export("reach.csv", text.as_bytes(), d("2025-12-01")).expect("read");
    assert_eq!(f.metrics.len(), 2, "{:?}", f.metrics);
    let q = f.date_question.expect("a question");
    assert_eq!(q.examples[0].cell, "01/02/2025");
    let f = read_export_with(
        "reach.csv",
        text.as_bytes(),
        &ReadOptions {
            export_date: d("2025-12-01"),
            date_order: Some(DateOrder::DayFirst),
        },
    )
    .expect("read");
    assert_eq!(f.date_question, None);
    assert_eq!(f.metrics[1].points[0].0, d("2025-06-05"));
}
