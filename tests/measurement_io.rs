//! Native tests of measurement import and export: pasted spreadsheet rows, the measurements
//! CSV export, and the CSV import preview (including a round trip export → import).
#![cfg(not(target_arch = "wasm32"))]

use smsc::exchange::measurements::{
    CSV_HEADER, Change, FORMULA_STARTS, NumberStyle, PreviewRow, export_measurements_csv,
    guard_formula, parse_date, parse_number, parse_pasted, parse_pasted_rows,
    preview_measurements_csv, unguard_formula,
};
use smsc::method::templates;
use smsc::model::{Command, Date, Lang, Scorecard};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).expect("a valid date")
}

fn ok_rows(text: &str, lang: Lang) -> Vec<(usize, Date, f64, String)> {
    parse_pasted_rows(text, lang)
        .into_iter()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("row {} failed: {}", e.line, e.message));
            (r.line, r.date, r.value, r.note)
        })
        .collect()
}

fn errors(text: &str, lang: Lang) -> Vec<(usize, String)> {
    parse_pasted_rows(text, lang)
        .into_iter()
        .filter_map(Result::err)
        .map(|e| (e.line, e.message))
        .collect()
}

#[test]
fn numbers_in_dutch_and_english_forms() {
    let nl = NumberStyle::Typed(Lang::Nl);
    let en = NumberStyle::Typed(Lang::En);
    for (text, style, want) in [
        ("2,5", nl, 2.5),
        ("2.5", nl, 2.5),
        ("1.234,5", nl, 1234.5),
        ("1.234", nl, 1234.0),
        ("1,234", nl, 1.234),
        ("1,234.5", en, 1234.5),
        ("1,234", en, 1234.0),
        ("1.234", en, 1.234),
        ("2,5", en, 2.5),
        ("1.234.567", nl, 1_234_567.0),
        ("1,234,567.25", en, 1_234_567.25),
        ("1 234,5", nl, 1234.5),
        ("-3,5", nl, -3.5),
        ("−3.5", en, -3.5),
        ("+7", en, 7.0),
        ("46%", nl, 46.0),
        ("0,125", en, 0.125),
        (".5", en, 0.5),
        ("1.234", NumberStyle::File, 1.234),
        ("1,234", NumberStyle::File, 1.234),
        ("1.234,5", NumberStyle::File, 1234.5),
    ] {
        assert_eq!(parse_number(text, style), Ok(want), "{text} with {style:?}");
    }
    for text in [
        "",
        "abc",
        "1,2,3",
        "1.23.4",
        "2,5.3,1",
        "1e5",
        "5,",
        "--5",
        "1.234,5.6",
    ] {
        assert!(parse_number(text, nl).is_err(), "{text} should fail");
    }
    assert!(
        parse_number("1.000.000.000.000.000.000", nl).is_err(),
        "too large"
    );
}

#[test]
fn dates_in_iso_dutch_and_british_forms() {
    for text in [
        "2026-03-31",
        "2026/03/31",
        "2026-3-31",
        "31-3-2026",
        "31-03-2026",
        "31/3/2026",
        "31/03/2026",
        "31.03.2026",
        "2026-03-31 00:00",
        "31-3-2026 00:00:00",
        "2026-03-31T00:00:00",
    ] {
        assert_eq!(parse_date(text), Ok(d(2026, 3, 31)), "{text}");
    }
    assert_eq!(parse_date("1/2/2026"), Ok(d(2026, 2, 1)), "day first");
    for text in [
        "",
        "31-3-26",
        "03/31/2026",
        "2026-02-30",
        "31 maart 2026",
        "2026-13-01",
    ] {
        assert!(parse_date(text).is_err(), "{text} should fail");
    }
}

#[test]
fn pasted_tab_separated_rows_with_a_header_and_blank_lines() {
    let text =
        "Datum\tWaarde\tOpmerking\n31-1-2026\t6\t\n\n28-02-2026\t3,5\tna training\n2026-03-31\t2\n";
    assert_eq!(
        ok_rows(text, Lang::Nl),
        vec![
            (2, d(2026, 1, 31), 6.0, String::new()),
            (4, d(2026, 2, 28), 3.5, "na training".to_string()),
            (5, d(2026, 3, 31), 2.0, String::new()),
        ]
    );
}

#[test]
fn pasted_semicolon_and_comma_rows() {
    let semi = "31/03/2026;1.234,5;eerste; met puntkomma?\n";
    // Four columns with a semicolon separator: too many.
    let errs = errors(semi, Lang::Nl);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].1.contains("4 kolommen"), "{}", errs[0].1);

    let semi = "31/03/2026;1.234,5;\"eerste; met puntkomma\"\r\n";
    assert_eq!(
        ok_rows(semi, Lang::Nl),
        vec![(
            1,
            d(2026, 3, 31),
            1234.5,
            "eerste; met puntkomma".to_string()
        )]
    );

    let comma = "2026-03-31,2.5,launch week, with ads\n2026-04-30,\"2,5\"\n";
    assert_eq!(
        ok_rows(comma, Lang::En),
        vec![
            (1, d(2026, 3, 31), 2.5, "launch week, with ads".to_string()),
            (2, d(2026, 4, 30), 2.5, String::new()),
        ]
    );
}

#[test]
fn an_ambiguous_comma_value_is_reported_not_guessed() {
    let errs = errors("2026-03-31,2,5\n", Lang::En);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].0, 1);
    assert!(errs[0].1.contains("Column 2 (value)"), "{}", errs[0].1);
    assert!(errs[0].1.contains("\"2,5\" is ambiguous"), "{}", errs[0].1);
}

#[test]
fn pasted_row_errors_name_the_column_the_expectation_and_what_was_found() {
    let text =
        "2026-03-31\t5\n31-3-26\t4\n2026-03-30\tveel\n03/31/2026\t1\n2026-02-30\t1\n2026-04-01\n";
    let errs = errors(text, Lang::En);
    // `03/31/2026` shows that the date column is month first (no date in it shows day
    // first), so it is read as 31 March; see `dates_are_decided_per_column`.
    assert_eq!(errs.len(), 4, "{errs:?}");
    let rows = parse_pasted_rows(text, Lang::En);
    assert_eq!(rows[3].as_ref().map(|r| r.date), Ok(d(2026, 3, 31)));
    assert_eq!(errs[0].0, 2);
    assert!(
        errs[0]
            .1
            .starts_with("Column 1 (date): the year in \"31-3-26\" has two digits")
    );
    assert_eq!(errs[1].0, 3);
    assert_eq!(
        errs[1].1,
        "Column 2 (value): expected a number such as 2.5 or 1,234.5, found \"veel\"."
    );
    assert_eq!(
        errs[2],
        (
            5,
            "Column 1 (date): \"2026-02-30\" is not a day in the calendar.".to_string()
        )
    );
    assert_eq!(errs[3], (6, "Column 2 (value) is missing.".to_string()));

    let nl = errors("2026-03-30\tveel\n", Lang::Nl);
    assert_eq!(
        nl[0].1,
        "Kolom 2 (waarde): verwacht een getal zoals 2,5 of 1.234,5, gevonden: \"veel\"."
    );
    // Both columns wrong: both are reported.
    let both = errors("2026-03-31\t5\nmorgen\tveel\n", Lang::Nl);
    assert!(both[0].1.contains("Kolom 1 (datum)") && both[0].1.contains("Kolom 2 (waarde)"));
}

fn example() -> Scorecard {
    templates::example("sc-test".into(), Lang::En)
}

/// Every KPI's measurements as (kpi id, date, value, note), in date order.
fn measurements(card: &Scorecard) -> Vec<(String, Date, f64, String)> {
    let mut out: Vec<_> = card
        .kpis()
        .flat_map(|(_, k)| {
            k.measurements
                .iter()
                .map(|m| (k.id.clone(), m.date, m.value, m.note.clone()))
        })
        .collect();
    out.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    out
}

fn without_measurements(card: &Scorecard) -> Scorecard {
    let mut empty = card.clone();
    let ids: Vec<String> = empty.kpis().map(|(_, k)| k.id.clone()).collect();
    for id in ids {
        if let Some(k) = empty.kpi_mut(&id) {
            k.measurements.clear();
        }
    }
    empty
}

#[test]
fn the_export_has_the_documented_header_and_one_row_per_measurement() {
    let card = example();
    let csv = export_measurements_csv(&card);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], CSV_HEADER);
    let count = card
        .kpis()
        .map(|(_, k)| k.measurements.len())
        .sum::<usize>();
    assert_eq!(
        lines.len(),
        count + 2,
        "header, rows and the final empty line"
    );
    let kpi = card
        .kpis()
        .map(|(_, k)| k)
        .find(|k| k.name == "Response time of product management")
        .expect("the article's KPI");
    let row = format!(
        "{};Response time of product management;2026-02-28;3.5;hours;",
        kpi.id
    );
    assert!(lines.contains(&row.as_str()), "{csv}");
}

#[test]
fn notes_with_separators_quotes_and_line_breaks_are_quoted() {
    let mut card = example();
    let id = card
        .kpis()
        .next()
        .map(|(_, k)| k.id.clone())
        .expect("a KPI");
    let note = "a; \"b\"\nc";
    card.apply(Command::RecordMeasurement {
        kpi: id.clone(),
        date: d(2026, 4, 30),
        value: 0.1 + 0.2,
        note: note.into(),
    })
    .expect("record");
    let csv = export_measurements_csv(&card);
    assert!(csv.contains(";0.30000000000000004;"), "all digits: {csv}");
    assert!(csv.contains("\"a; \"\"b\"\"\nc\""), "{csv}");
}

#[test]
fn round_trip_export_then_import_gives_the_same_measurements() {
    let mut card = example();
    let first = card
        .kpis()
        .next()
        .map(|(_, k)| k.id.clone())
        .expect("a KPI");
    for (date, value, note) in [
        (d(2026, 4, 30), 1_234_567.891, "  spaces around  "),
        (d(2026, 5, 31), -0.000_123, "x;y\r\nz \"q\""),
        (d(2026, 6, 30), 1e15, "é ✓"),
    ] {
        card.apply(Command::RecordMeasurement {
            kpi: first.clone(),
            date,
            value,
            note: note.into(),
        })
        .expect("record");
    }
    let csv = export_measurements_csv(&card);

    let mut empty = without_measurements(&card);
    let preview = preview_measurements_csv(&empty, &csv, Lang::En);
    assert_eq!(preview.bad, 0, "{:?}", preview.rows);
    assert_eq!(preview.good, measurements(&card).len());
    let commands = preview.commands(false).expect("all rows good");
    assert!(
        commands
            .iter()
            .all(|c| matches!(c, Command::RecordMeasurement { .. }))
    );
    empty
        .apply(Command::Batch { commands })
        .expect("the batch applies");
    assert_eq!(measurements(&empty), measurements(&card));

    // Importing the same file again changes nothing.
    let again = preview_measurements_csv(&card, &csv, Lang::En);
    assert_eq!(again.bad, 0);
    assert!(again.rows.iter().all(
        |r| matches!(r, PreviewRow::Ready(x) if matches!(x.change, Change::Unchanged { .. }))
    ));
    assert_eq!(again.commands(false), Ok(Vec::new()));
}

#[test]
fn a_row_for_an_existing_kpi_and_date_updates_that_measurement() {
    let mut card = example();
    // The response-time KPI (kpi-21) measured 3.5 hours on 28 February 2026 (m-23, the
    // second of its three measurements, no note): the row corrects it to 42.5 (Dutch comma).
    let kpi = card.kpi("kpi-21").expect("the response-time KPI").clone();
    assert_eq!(kpi.measurements.len(), 3);
    let csv = "kpi_id;date;value;note\nkpi-21;2026-02-28;42,5;corrected\n";
    let preview = preview_measurements_csv(&card, csv, Lang::Nl);
    assert_eq!((preview.good, preview.bad), (1, 0));
    let PreviewRow::Ready(row) = &preview.rows[0] else {
        panic!("ready row expected");
    };
    assert_eq!(row.line, 2);
    assert_eq!(
        row.change,
        Change::Update {
            measurement_id: "m-23".into(),
            old_value: 3.5,
            old_note: String::new(),
        }
    );
    // The old value in Dutch notation: 3,5.
    assert_eq!(row.change.label(Lang::Nl), "wijziging van 3,5");
    assert_eq!(row.change.label(Lang::En), "update of 3.5");
    let commands = preview.commands(false).expect("good");
    assert_eq!(commands.len(), 2, "value and note");
    // The example holds 13 measurements: 1 + 1 + 1 + 0 on the objectives' KPIs, 3 + 1 + 3 + 3
    // on the sub-objectives'.
    assert_eq!(measurements(&card).len(), 13);
    card.apply(Command::Batch { commands }).expect("applies");
    let after = card.kpi(&kpi.id).expect("kpi");
    assert_eq!(after.measurements[1].id, "m-23");
    assert_eq!(after.measurements[1].date, d(2026, 2, 28));
    assert_eq!(after.measurements[1].value, 42.5);
    assert_eq!(after.measurements[1].note, "corrected");
    assert_eq!(measurements(&card).len(), 13, "no new measurement");
}

#[test]
fn bad_rows_block_the_import_unless_skipped() {
    let card = example();
    let id = card
        .kpis()
        .next()
        .map(|(_, k)| k.id.clone())
        .expect("a KPI");
    let csv = format!(
        "kpi_id;kpi_name;date;value;unit;note\n\
         {id};x;2026-05-31;10;%;\n\
         kpi-999;x;2026-05-31;10;%;\n\
         {id};x;31-13-2026;10;%;\n\
         {id};x;2026-06-30;tien;%;\n\
         {id};x\n\
         {id};x;31-05-2026;11;%;\n"
    );
    let preview = preview_measurements_csv(&card, &csv, Lang::En);
    assert_eq!((preview.good, preview.bad), (1, 5));
    let messages: Vec<(usize, String)> = preview
        .rows
        .iter()
        .filter_map(|r| match r {
            PreviewRow::Bad(e) => Some((e.line, e.message.clone())),
            PreviewRow::Ready(_) => None,
        })
        .collect();
    assert_eq!(
        messages[0],
        (
            3,
            "Column 1 (kpi_id): this scorecard has no KPI with id \"kpi-999\".".into()
        )
    );
    assert_eq!(messages[1].0, 4);
    assert!(
        messages[1]
            .1
            .starts_with("Column 3 (date): the month in \"31-13-2026\"")
    );
    assert_eq!(
        messages[2],
        (
            5,
            "Column 4 (value): expected a number such as 2.5 or 1,234.5, found \"tien\".".into()
        )
    );
    assert_eq!(
        messages[3],
        (
            6,
            "Column 3 (date) is missing. Column 4 (value) is missing.".into()
        )
    );
    assert_eq!(
        messages[4],
        (
            7,
            format!("Line 2 already gives a value for KPI \"{id}\" on 2026-05-31.")
        )
    );

    assert_eq!(preview.commands(false).map_err(|e| e.bad), Err(5));
    let commands = preview.commands(true).expect("skipping bad rows");
    assert_eq!(
        commands,
        vec![Command::RecordMeasurement {
            kpi: id,
            date: d(2026, 5, 31),
            value: 10.0,
            note: String::new(),
        }]
    );
}

#[test]
fn a_file_without_the_needed_header_is_one_bad_row() {
    let card = example();
    let preview =
        preview_measurements_csv(&card, "\n\nfoo;date;bar\nkpi-1;2026-01-01;3\n", Lang::En);
    assert_eq!((preview.good, preview.bad), (0, 1));
    let PreviewRow::Bad(e) = &preview.rows[0] else {
        panic!("bad header expected");
    };
    assert_eq!(e.line, 3);
    assert!(
        e.message.contains("kpi_id, value is missing"),
        "{}",
        e.message
    );
    assert!(preview.commands(false).is_err());
}

#[test]
fn comma_separated_files_with_columns_in_another_order_are_read() {
    let card = example();
    let id = card
        .kpis()
        .next()
        .map(|(_, k)| k.id.clone())
        .expect("a KPI");
    let csv = format!("Value,Date,KPI_ID\n\"1,5\",2026-05-31,{id}\n");
    let preview = preview_measurements_csv(&card, &csv, Lang::En);
    assert_eq!((preview.good, preview.bad), (1, 0), "{:?}", preview.rows);
    let PreviewRow::Ready(row) = &preview.rows[0] else {
        panic!("ready");
    };
    assert_eq!((row.value, row.note.clone()), (1.5, None));
}

/// A calculated KPI takes its values from input series: the export leaves it out (even the
/// measurements it kept from when it was measured), and a CSV row for it is refused with a
/// message that says where its values come from.
#[test]
fn calculated_kpis_are_left_out_of_the_export_and_refused_on_import() {
    let mut card = example();
    let calculated = card
        .kpis()
        .map(|(_, k)| k)
        .find(|k| k.formula.is_some())
        .expect("the example's engagement rate")
        .id
        .clone();
    card.apply(Command::RecordMeasurement {
        kpi: calculated.clone(),
        date: d(2026, 3, 31),
        value: 4.2,
        note: String::new(),
    })
    .expect("a calculated KPI keeps measurements typed before");
    let csv = export_measurements_csv(&card);
    assert!(!csv.contains(&format!("{calculated};")), "{csv}");

    let row = format!("{CSV_HEADER}\r\n{calculated};Engagement;2026-03-31;4.2;%;\r\n");
    let preview = preview_measurements_csv(&card, &row, Lang::En);
    assert_eq!((preview.good, preview.bad), (0, 1));
    let text = format!("{:?}", preview.rows[0]);
    assert!(
        text.contains(r#"Column 1 (kpi_id): KPI \"Engagement rate of community posts\" is calculated from input series; its values come from the Data view, not from measurements."#),
        "{text}"
    );
}

/// The example with one measured KPI named `name` holding one measurement (`value`, `note`)
/// on 30 April 2026; returns the card and the KPI's id.
fn card_with(name: &str, value: f64, note: &str) -> (Scorecard, String) {
    let mut card = without_measurements(&example());
    let id = card
        .kpis()
        .find(|(_, k)| !k.is_calculated())
        .map(|(_, k)| k.id.clone())
        .expect("a measured KPI");
    if let Some(kpi) = card.kpi_mut(&id) {
        kpi.name = name.to_string();
    }
    card.apply(Command::RecordMeasurement {
        kpi: id.clone(),
        date: d(2026, 4, 30),
        value,
        note: note.into(),
    })
    .expect("record");
    (card, id)
}

/// The exported data line of the KPI `id`.
fn line_of(csv: &str, id: &str) -> String {
    let body = csv.trim_start_matches('\u{feff}');
    let start = body
        .find(&format!("\r\n{id};"))
        .map(|i| i + 2)
        .expect("the KPI's line");
    // Quoted fields may hold line breaks: the line ends at the CRLF after the date's row,
    // which is the next line starting with a KPI id or the end.
    body[start..]
        .split("\r\nkpi-")
        .next()
        .unwrap_or_default()
        .trim_end_matches("\r\n")
        .to_string()
}

#[test]
fn text_cells_that_a_spreadsheet_would_run_as_formulas_start_with_a_quote() {
    for c in FORMULA_STARTS {
        let text = format!("{c}1+2 cmd|' /C calc'!A0");
        let (card, id) = card_with(&text, 5.0, &text);
        let csv = export_measurements_csv(&card);
        let line = line_of(&csv, &id);
        let quoted = format!("\"'{}\"", text.replace('"', "\"\""));
        // kpi_id;kpi_name;date;value;unit;note: the name and the note are guarded and quoted.
        let expected_start = format!("{id};{quoted};2026-04-30;5;");
        assert!(line.starts_with(&expected_start), "{c:?}: {line:?}");
        assert!(line.ends_with(&format!(";{quoted}")), "{c:?}: {line:?}");

        // Importing the file into the scorecard without the measurement gives the note back.
        let empty = without_measurements(&card);
        let preview = preview_measurements_csv(&empty, &csv, Lang::En);
        assert_eq!(preview.bad, 0, "{c:?}: {:?}", preview.rows);
        let note = preview.rows.iter().find_map(|r| match r {
            PreviewRow::Ready(x) if x.kpi_id == id => x.note.clone(),
            _ => None,
        });
        assert_eq!(note.as_deref(), Some(text.as_str()), "{c:?}");
        assert_eq!(unguard_formula(&guard_formula(&text)), text);
    }
}

#[test]
fn negative_numbers_stay_numbers_and_other_text_is_left_alone() {
    let (card, id) = card_with("Reach - organic", -12.5, "it's fine; 'quoted'");
    let line = line_of(&export_measurements_csv(&card), &id);
    assert!(
        line.starts_with(&format!("{id};Reach - organic;2026-04-30;-12.5;")),
        "{line:?}"
    );
    assert!(line.ends_with(";\"it's fine; 'quoted'\""), "{line:?}");
    let empty = without_measurements(&card);
    let preview = preview_measurements_csv(&empty, &export_measurements_csv(&card), Lang::En);
    let row = preview.rows.iter().find_map(|r| match r {
        PreviewRow::Ready(x) if x.kpi_id == id => Some((x.value, x.note.clone())),
        _ => None,
    });
    assert_eq!(row, Some((-12.5, Some("it's fine; 'quoted'".to_string()))));
}

#[test]
fn texts_that_start_with_quotes_round_trip_exactly() {
    for text in [
        "'=1+2", "''-3", "'", "''", "'quoted'", "=", "-", "@SUM(A1)", "\t=x", "\r\n+", "plain",
    ] {
        let guarded = guard_formula(text);
        assert_eq!(unguard_formula(&guarded), text, "{text:?} → {guarded:?}");
        let (card, id) = card_with("Name", 1.0, text);
        let csv = export_measurements_csv(&card);
        let empty = without_measurements(&card);
        let preview = preview_measurements_csv(&empty, &csv, Lang::En);
        let note = preview.rows.iter().find_map(|r| match r {
            PreviewRow::Ready(x) if x.kpi_id == id => x.note.clone(),
            _ => None,
        });
        assert_eq!(note.as_deref(), Some(text), "{text:?} in {csv:?}");
    }
    // A cell another program wrote without the quote is read as it is.
    assert_eq!(unguard_formula("=1+2"), "=1+2");
    assert_eq!(unguard_formula("'plain"), "'plain");
}

#[test]
fn dates_are_decided_per_column() {
    // Month first: 7/30/2024 shows it, so 8/1/2024 is 1 August.
    let us = parse_pasted("8/1/2024\t5\n7/30/2024\t6\n", Lang::En);
    assert!(!us.assumed_day_first);
    assert_eq!(us.date_note, None);
    assert_eq!(
        ok_rows("8/1/2024\t5\n7/30/2024\t6\n", Lang::En),
        [
            (1, d(2024, 8, 1), 5.0, String::new()),
            (2, d(2024, 7, 30), 6.0, String::new())
        ]
    );
    // Day first: 30/7/2024 shows it, so 8/1/2024 is 8 January.
    assert_eq!(
        ok_rows("30/7/2024\t5\n8/1/2024\t6\n", Lang::En),
        [
            (1, d(2024, 7, 30), 5.0, String::new()),
            (2, d(2024, 1, 8), 6.0, String::new())
        ]
    );
    // Nothing decides it: day first, and the preview is told.
    let dutch = parse_pasted(
        "Datum\tWaarde\n8/1/2024\t5\n9-2-2024\t6\n2024-03-01\t7\n",
        Lang::Nl,
    );
    assert!(dutch.assumed_day_first);
    let rows: Vec<Date> = dutch.rows.iter().flatten().map(|r| r.date).collect();
    assert_eq!(rows, [d(2024, 1, 8), d(2024, 2, 9), d(2024, 3, 1)]);
    let note = dutch.date_note.expect("a note");
    assert!(
        note.contains("dag eerst") && note.contains("8/1/2024"),
        "{note}"
    );
    let en = parse_pasted("8/1/2024\t5\n", Lang::En);
    let note = en.date_note.expect("a note");
    assert!(
        note.contains("read day first") && note.contains("8 January 2024"),
        "{note}"
    );
    // ISO dates and dates that read the same both ways decide nothing and need no note.
    for text in ["2024-08-01\t5\n2024-07-30\t6\n", "8/8/2024\t1\n"] {
        let p = parse_pasted(text, Lang::En);
        assert!(!p.assumed_day_first && p.date_note.is_none(), "{text}");
    }
}

#[test]
fn a_column_mixing_both_orders_reports_the_rows_of_the_fewer_order() {
    let text = "30/7/2024\t1\n31/7/2024\t2\n8/1/2024\t3\n7/30/2024\t4\n";
    let rows = parse_pasted_rows(text, Lang::En);
    assert_eq!(rows[0].as_ref().map(|r| r.date), Ok(d(2024, 7, 30)));
    assert_eq!(rows[1].as_ref().map(|r| r.date), Ok(d(2024, 7, 31)));
    assert_eq!(rows[2].as_ref().map(|r| r.date), Ok(d(2024, 1, 8)));
    assert_eq!(
        errors(text, Lang::En),
        [(
            4,
            "Column 1 (date): \"7/30/2024\" can only be read month first, but most dates in this \
             column are day first (such as \"30/7/2024\"): the column mixes both orders. Write \
             every date in one order, or with the year first (2024-07-30)."
                .to_string()
        )]
    );
    let nl = errors(text, Lang::Nl);
    assert!(nl[0].1.contains("mengt beide volgordes"), "{}", nl[0].1);
    // More month-first dates than day-first ones: the day-first one is the problem.
    let us = errors("7/30/2024\t1\n7/31/2024\t2\n30/7/2024\t3\n", Lang::En);
    assert_eq!(us.len(), 1);
    assert_eq!(us[0].0, 3);
    assert!(
        us[0].1.contains("can only be read day first"),
        "{}",
        us[0].1
    );
}

#[test]
fn the_csv_import_decides_the_date_order_per_column_too() {
    let card = example();
    let id = card
        .kpis()
        .find(|(_, k)| !k.is_calculated())
        .map(|(_, k)| k.id.clone())
        .expect("a measured KPI");
    let text = format!("kpi_id,date,value\n{id},8/1/2024,5\n{id},7/30/2024,6\n");
    let preview = preview_measurements_csv(&card, &text, Lang::En);
    assert_eq!(preview.bad, 0, "{:?}", preview.rows);
    assert!(!preview.assumed_day_first);
    let dates: Vec<Date> = preview
        .rows
        .iter()
        .filter_map(|r| match r {
            PreviewRow::Ready(x) => Some(x.date),
            PreviewRow::Bad(_) => None,
        })
        .collect();
    assert_eq!(dates, [d(2024, 8, 1), d(2024, 7, 30)]);
    let assumed = preview_measurements_csv(
        &card,
        &format!("kpi_id;date;value\n{id};8/1/2024;5\n"),
        Lang::En,
    );
    assert!(assumed.assumed_day_first);
    assert!(assumed.date_note.is_some());
    // The app's own export writes ISO dates: nothing to assume.
    let own = preview_measurements_csv(&card, &export_measurements_csv(&card), Lang::En);
    assert!(!own.assumed_day_first && own.date_note.is_none());
}
