//! Native tests of rows pasted into one input series (`exchange::series_paste`): a month of
//! daily rows, tabs from a spreadsheet, Dutch decimal commas, a header, a date given twice,
//! bad rows (nothing applied), and the new / updated / unchanged counts against the series.
#![cfg(not(target_arch = "wasm32"))]

use smsc::exchange::series_paste::{PasteCounts, SeriesPaste, parse_series_paste};
use smsc::model::limits::MAX_SERIES_POINTS;
use smsc::model::{Command, Date, InputPoint, InputSeries, Lang, Scorecard};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).expect("a valid date")
}

fn p(date: Date, value: f64, note: &str) -> InputPoint {
    InputPoint {
        date,
        value,
        note: note.to_string(),
        ..InputPoint::default()
    }
}

/// The points as (date, value, note), for short comparisons.
fn triples(paste: &SeriesPaste) -> Vec<(Date, f64, String)> {
    paste
        .points
        .iter()
        .map(|p| (p.date, p.value, p.note.clone()))
        .collect()
}

fn messages(paste: &SeriesPaste) -> Vec<String> {
    paste.bad.iter().map(|b| b.message.clone()).collect()
}

fn counts(new: usize, updated: usize, unchanged: usize) -> PasteCounts {
    PasteCounts {
        new,
        updated,
        unchanged,
    }
}

#[test]
fn a_month_of_daily_rows_copied_from_a_spreadsheet() {
    // What a spreadsheet puts on the clipboard: a header, tabs, CRLF line ends.
    let mut text = String::from("Datum\tInteracties\r\n");
    for day in 1..=31 {
        text.push_str(&format!("{day}-3-2026\t{}\r\n", 100 + day));
    }
    let paste = parse_series_paste(&text, &[], Lang::Nl);
    assert!(paste.bad.is_empty(), "{:?}", paste.bad);
    assert!(paste.repeated.is_empty());
    assert_eq!(paste.points.len(), 31);
    assert_eq!(paste.points[0], p(d(2026, 3, 1), 101.0, ""));
    assert_eq!(paste.points[30], p(d(2026, 3, 31), 131.0, ""));
    for (i, point) in paste.points.iter().enumerate() {
        let day = u8::try_from(i + 1).expect("a day");
        assert_eq!(point.date, d(2026, 3, day));
        assert_eq!(point.value, 100.0 + f64::from(day));
    }
    assert_eq!(paste.counts, counts(31, 0, 0));
    assert!(paste.can_apply());
    match paste.command("ser-1") {
        Some(Command::UpsertSeriesPoints { id, points }) => {
            assert_eq!(id, "ser-1");
            assert_eq!(points, paste.points);
        }
        other => panic!("expected one upsert, got {other:?}"),
    }
}

#[test]
fn tabs_with_notes_and_dutch_decimal_commas() {
    let text = "2026-03-01\t2,5\tcampagnedag\n2026-03-02\t1.234,5\n3-3-2026\t7\n";
    let paste = parse_series_paste(text, &[], Lang::Nl);
    assert_eq!(
        triples(&paste),
        [
            (d(2026, 3, 1), 2.5, "campagnedag".to_string()),
            (d(2026, 3, 2), 1234.5, String::new()),
            (d(2026, 3, 3), 7.0, String::new()),
        ]
    );
    // `1.234` is a thousand in Dutch, a decimal in English.
    let nl = parse_series_paste("2026-03-01;1.234", &[], Lang::Nl);
    let en = parse_series_paste("2026-03-01;1.234", &[], Lang::En);
    assert_eq!(nl.points, [p(d(2026, 3, 1), 1234.0, "")]);
    assert_eq!(en.points, [p(d(2026, 3, 1), 1.234, "")]);
    // Thousands separators in both languages.
    let en = parse_series_paste("2026-03-01\t45,600\n2026-03-02\t1,234,567.5", &[], Lang::En);
    assert_eq!(
        en.points,
        [
            p(d(2026, 3, 1), 45_600.0, ""),
            p(d(2026, 3, 2), 1_234_567.5, "")
        ]
    );
}

#[test]
fn semicolons_and_commas_as_separators() {
    let semi = parse_series_paste("31-3-2026;3,5;goed\n2026/04/01;4", &[], Lang::Nl);
    assert_eq!(
        triples(&semi),
        [
            (d(2026, 3, 31), 3.5, "goed".to_string()),
            (d(2026, 4, 1), 4.0, String::new()),
        ]
    );
    // Commas between the columns: a value with a decimal point, a note with commas in it.
    let comma = parse_series_paste(
        "2026-03-31,3.5,launch, day one\n2026-04-01,12",
        &[],
        Lang::En,
    );
    assert_eq!(
        triples(&comma),
        [
            (d(2026, 3, 31), 3.5, "launch, day one".to_string()),
            (d(2026, 4, 1), 12.0, String::new()),
        ]
    );
    // A Dutch decimal comma in comma-separated text only when it cannot be two columns: quoted.
    let quoted = parse_series_paste("2026-03-31,\"3,5\",regen", &[], Lang::Nl);
    assert_eq!(
        triples(&quoted),
        [(d(2026, 3, 31), 3.5, "regen".to_string())]
    );
    // Unquoted `3,5` there could be the value 3 and the note 5: refused, with advice.
    let ambiguous = parse_series_paste("2026-03-31,3,5", &[], Lang::Nl);
    assert!(ambiguous.points.is_empty());
    assert_eq!(
        messages(&ambiguous),
        [
            "Regel 1: Kolom 2 (waarde): \"3,5\" is dubbelzinnig in tekst met komma's tussen de kolommen; scheid de kolommen met een tab of puntkomma, of schrijf het getal met een punt."
        ]
    );
    assert!(!ambiguous.can_apply());
}

#[test]
fn a_date_given_twice_keeps_the_later_row_and_says_so() {
    let text = "Date\tReach\n2026-03-01\t100\n2026-03-02\t200\n1-3-2026\t150\tcorrected\n";
    let paste = parse_series_paste(text, &[], Lang::En);
    assert_eq!(
        triples(&paste),
        [
            (d(2026, 3, 1), 150.0, "corrected".to_string()),
            (d(2026, 3, 2), 200.0, String::new()),
        ]
    );
    assert_eq!(paste.repeated.len(), 1);
    let r = &paste.repeated[0];
    assert_eq!((r.date, r.earlier_line, r.line), (d(2026, 3, 1), 2, 4));
    assert_eq!(
        r.message,
        "Line 4 gives 1 March 2026 again (also on line 2); the later value, from line 4, is used."
    );
    assert_eq!(paste.counts, counts(2, 0, 0));
    assert!(paste.can_apply(), "a repeated date is not an error");
    let nl = parse_series_paste(text, &[], Lang::Nl);
    assert_eq!(
        nl.repeated[0].message,
        "Regel 4 geeft 1 maart 2026 opnieuw (ook op regel 2); de latere waarde, van regel 4, wordt gebruikt."
    );
}

#[test]
fn bad_rows_are_listed_with_their_line_and_nothing_is_applied() {
    let text = "Datum\tWaarde\n\
                2026-02-27\t10\n\
                \n\
                31-02-2026\t5\n\
                2026-03-01\tveel\n\
                2026-03-02\n\
                03/31/2026\t4\n\
                1-3-26\t3\n\
                2026-03-04\t1\ta\tb\n\
                2026-03-05\t8\n";
    let paste = parse_series_paste(text, &[], Lang::Nl);
    assert_eq!(
        messages(&paste),
        [
            "Regel 4: Kolom 1 (datum): \"31-02-2026\" is geen dag in de kalender.",
            "Regel 5: Kolom 2 (waarde): verwacht een getal zoals 2,5 of 1.234,5, gevonden: \"veel\".",
            "Regel 6: Kolom 2 (waarde) ontbreekt.",
            // 31-02-2026 shows day first and 03/31/2026 month first: the column mixes both,
            // and day first wins the tie.
            "Regel 7: Kolom 1 (datum): \"03/31/2026\" kan alleen met de maand eerst gelezen worden, maar de meeste datums in deze kolom hebben de dag eerst (zoals \"31-02-2026\"): de kolom mengt beide volgordes. Schrijf alle datums in één volgorde, of met het jaar eerst (2024-07-30).",
            "Regel 8: Kolom 1 (datum): het jaar in \"1-3-26\" heeft twee cijfers; schrijf ze alle vier, bijv. 31-3-2026.",
            "Regel 9: 4 kolommen gevonden; verwacht een datum, een waarde en eventueel een opmerking.",
        ]
    );
    let lines: Vec<usize> = paste.bad.iter().map(|b| b.line).collect();
    assert_eq!(lines, [4, 5, 6, 7, 8, 9]);
    assert_eq!(
        paste.bad[0].reason,
        "Kolom 1 (datum): \"31-02-2026\" is geen dag in de kalender."
    );
    // The good rows are read and counted, but a paste with a bad row applies nothing.
    assert_eq!(paste.points.len(), 2);
    assert_eq!(paste.counts, counts(2, 0, 0));
    assert!(!paste.can_apply());
    assert_eq!(paste.command("ser-1"), None);

    let en = parse_series_paste(text, &[], Lang::En);
    assert_eq!(
        messages(&en)[..3],
        [
            "Line 4: Column 1 (date): \"31-02-2026\" is not a day in the calendar.",
            "Line 5: Column 2 (value): expected a number such as 2.5 or 1,234.5, found \"veel\".",
            "Line 6: Column 2 (value) is missing.",
        ]
    );
}

#[test]
fn an_empty_value_after_the_date_and_an_empty_date() {
    let paste = parse_series_paste("2026-03-01\t\n\t5", &[], Lang::En);
    assert_eq!(
        messages(&paste),
        [
            "Line 1: Column 2 (value) is empty: expected a number such as 2.5 or 1,234.5.",
            "Line 2: Column 1 (date) is empty: expected a date such as 2026-03-31 or 31-3-2026.",
        ]
    );
}

#[test]
fn counts_new_updated_and_unchanged_against_the_series() {
    let current = vec![
        p(d(2026, 3, 1), 100.0, ""),
        p(d(2026, 3, 2), 200.0, "campaign"),
        p(d(2026, 3, 3), 300.0, ""),
    ];
    let text = "2026-03-01\t100\n\
                2026-03-02\t200\n\
                2026-03-03\t333\n\
                2026-03-04\t400\n";
    let paste = parse_series_paste(text, &current, Lang::En);
    assert_eq!(paste.counts, counts(1, 1, 2));
    // A row without a note keeps the note the series has on that date.
    assert_eq!(
        triples(&paste),
        [
            (d(2026, 3, 1), 100.0, String::new()),
            (d(2026, 3, 2), 200.0, "campaign".to_string()),
            (d(2026, 3, 3), 333.0, String::new()),
            (d(2026, 3, 4), 400.0, String::new()),
        ]
    );
    // Only what changes is sent.
    assert_eq!(
        paste.changed,
        [p(d(2026, 3, 3), 333.0, ""), p(d(2026, 3, 4), 400.0, "")]
    );
    // A new note on an existing date is an update.
    let noted = parse_series_paste("2026-03-01\t100\tlaunch", &current, Lang::En);
    assert_eq!(noted.counts, counts(0, 1, 0));
    // Nothing new: nothing to apply.
    let same = parse_series_paste("2026-03-01\t100\n2026-03-02\t200", &current, Lang::En);
    assert_eq!(same.counts, counts(0, 0, 2));
    assert!(!same.can_apply());
    assert_eq!(same.command("ser-1"), None);
}

#[test]
fn blank_text_and_a_lone_header_are_empty() {
    for text in ["", "\n\n  \n", "Datum\tWaarde\n", "Date;Value;Note"] {
        let paste = parse_series_paste(text, &[], Lang::Nl);
        assert!(paste.is_empty(), "{text:?}");
        assert!(!paste.can_apply(), "{text:?}");
    }
}

#[test]
fn too_many_points_are_refused_before_applying() {
    let start = d(2000, 1, 1);
    let current: Vec<InputPoint> = (0..MAX_SERIES_POINTS)
        .map(|i| p(start.add_days(i64::try_from(i).expect("small")), 1.0, ""))
        .collect();
    let last = current.last().map(|p| p.date).expect("points");
    let text = format!("{}\t1\n{}\t2", last, last.add_days(1));
    let paste = parse_series_paste(&text, &current, Lang::En);
    assert_eq!(paste.counts, counts(1, 0, 1));
    assert_eq!(
        paste.too_many.as_deref(),
        Some("This paste would give the series 10001 points; at most 10000 are allowed.")
    );
    assert!(!paste.can_apply());
}

#[test]
fn the_command_applies_as_one_undo_step() {
    let mut card = Scorecard::default();
    let series = InputSeries {
        key: "reach".into(),
        name: "Reach".into(),
        points: vec![p(d(2026, 3, 2), 200.0, "campaign")],
        ..InputSeries::default()
    };
    let applied = card
        .apply(Command::AddSeries { series })
        .expect("series added");
    let id = applied.created_id.expect("an id");
    let before = card.clone();
    let current = card.series_by_id(&id).expect("series").points.clone();
    let paste = parse_series_paste("1-3-2026\t100\n2-3-2026\t250", &current, Lang::Nl);
    let cmd = paste.command(&id).expect("something to apply");
    let undo = card.apply(cmd).expect("applied").inverse;
    assert_eq!(
        card.series_by_id(&id).expect("series").points,
        [
            p(d(2026, 3, 1), 100.0, ""),
            p(d(2026, 3, 2), 250.0, "campaign")
        ]
    );
    card.apply(undo).expect("undone");
    assert_eq!(card, before);
}

#[test]
fn a_month_first_column_is_read_month_first_throughout() {
    // The first date alone reads both ways; the second only month first: the column is.
    let paste = parse_series_paste("8/1/2024\t5\n7/30/2024\t6\n", &[], Lang::En);
    assert!(paste.bad.is_empty(), "{:?}", messages(&paste));
    assert_eq!(
        triples(&paste),
        [
            (d(2024, 7, 30), 6.0, String::new()),
            (d(2024, 8, 1), 5.0, String::new()),
        ]
    );
    assert!(!paste.assumed_day_first);
    assert_eq!(paste.date_note, None);
}

#[test]
fn a_day_first_column_is_read_day_first_throughout() {
    let paste = parse_series_paste("30/7/2024\t5\n8/1/2024\t6\n", &[], Lang::Nl);
    assert!(paste.bad.is_empty(), "{:?}", messages(&paste));
    assert_eq!(
        triples(&paste),
        [
            (d(2024, 1, 8), 6.0, String::new()),
            (d(2024, 7, 30), 5.0, String::new()),
        ]
    );
    assert!(!paste.assumed_day_first);
}

#[test]
fn when_nothing_decides_the_order_day_first_is_assumed_and_said() {
    let text = "8/1/2024\t5\n9/2/2024\t6\n10-3-2024\t7\n";
    let en = parse_series_paste(text, &[], Lang::En);
    assert!(en.bad.is_empty());
    let dates: Vec<Date> = en.points.iter().map(|p| p.date).collect();
    assert_eq!(dates, [d(2024, 1, 8), d(2024, 2, 9), d(2024, 3, 10)]);
    assert!(en.assumed_day_first);
    assert_eq!(
        en.date_note.as_deref(),
        Some(
            "Nothing in these dates shows whether the day or the month comes first; they were \
             read day first (\"8/1/2024\" is 8 January 2024). If they are month first, write \
             them with the year first (2024-08-01)."
        )
    );
    let nl = parse_series_paste(text, &[], Lang::Nl);
    assert!(nl.assumed_day_first);
    let note = nl.date_note.expect("a note in Dutch");
    assert!(
        note.contains("met de dag eerst") && note.contains("8 januari 2024"),
        "{note}"
    );
    // ISO dates are unambiguous: nothing is assumed.
    let iso = parse_series_paste("2024-08-01\t5\n2024-07-30\t6\n", &[], Lang::En);
    assert!(!iso.assumed_day_first && iso.date_note.is_none());
}

#[test]
fn a_column_with_both_orders_makes_the_fewer_rows_bad() {
    let text = "30/7/2024\t5\n31/7/2024\t6\n7/30/2024\t7\n";
    let paste = parse_series_paste(text, &[], Lang::En);
    assert_eq!(paste.bad.len(), 1);
    assert_eq!(paste.bad[0].line, 3);
    assert!(
        paste.bad[0].reason.contains("the column mixes both orders"),
        "{}",
        paste.bad[0].reason
    );
    assert!(!paste.can_apply());
}
