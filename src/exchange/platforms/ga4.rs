//! Google Analytics 4 downloads: `# `-comment preambles (`# Report CSV Export` or
//! `# Reports snapshot`, `# Start date: 20231208`), one or more sections each with its own
//! header:
//! - a `Date` column written `YYYYMMDD`, rows in any order (sorted by a metric);
//! - `Nth day` (`0000`, `0001`, …): the day is the section's start date plus N days;
//! - `Nth week`: the week starting on the start date plus 7 × N days (dated that day).
//!
//! Sections without days (`Event name,Event count`) are left out with a note.

use super::dates::DateColumn;
use super::generic::{Collected, Spec, collect, file, number_specs, read_dated};
use super::keys::TakenKeys;
use super::options::ReadOptions;
use super::text::{Row, Table, normalise_header};
use super::{ExportFile, ExportMessage, Platform};
use crate::model::Date;

/// Reads a GA4 download; `None` when the tables are not one.
pub fn read(_file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    let is_ga4 = tables.iter().any(|t| {
        t.normalised_preamble().iter().any(|p| {
            p.starts_with("# report csv export")
                || p.starts_with("# reports snapshot")
                || p.starts_with("# start date:")
        })
    });
    if !is_ga4 {
        return None;
    }
    let mut all = Collected::default();
    let mut taken = TakenKeys::default();
    let mut skipped: Vec<(String, bool)> = Vec::new();
    let mut weekly = false;
    let mut kind = "report";
    let mut start: Option<Date> = None;
    for table in tables {
        // A section's start date, else the last one seen (sections repeat it).
        if let Some(s) = start_date(table) {
            start = Some(s);
        }
        let header = table.normalised_header();
        let first = header.first().map(String::as_str).unwrap_or("");
        let section = match first {
            "date" => {
                let specs = section_specs(table, &mut taken);
                let rows: Vec<&Row> = table.rows.iter().collect();
                let hint = options.hint(false);
                kind = "report by date";
                read_dated(&rows, 0, &specs, hint)
            }
            "nth day" | "nth week" => {
                let Some(start) = start else {
                    skipped.push((table.header.join(", "), true));
                    continue;
                };
                let step = if first == "nth week" {
                    weekly = true;
                    7
                } else {
                    1
                };
                kind = "reports snapshot";
                nth(table, start, step, &mut taken)
            }
            _ => {
                if !table.rows.is_empty() {
                    skipped.push((table.header.join(", "), false));
                }
                continue;
            }
        };
        all.metrics.extend(section.metrics);
        all.rows += section.rows;
        all.problems.extend(section.problems);
        if all.date_question.is_none() {
            all.date_question = section.date_question;
        }
        for n in section.notes {
            if !all.notes.contains(&n) {
                all.notes.push(n);
            }
        }
    }
    if weekly {
        all.notes.push(ExportMessage::WeeklySections);
    }
    if !skipped.is_empty() {
        all.notes
            .push(ExportMessage::SectionsLeftOut { sections: skipped });
    }
    all.problems.sort_by_key(|p| p.line);
    file(Platform::GoogleAnalytics, kind, all)
}

/// The date of a `# Start date: 20231208` line in the table's preamble.
fn start_date(table: &Table) -> Option<Date> {
    table.preamble.iter().rev().find_map(|(_, line)| {
        let n = normalise_header(line);
        let rest = n.strip_prefix("# start date:")?.trim();
        super::dates::date(rest)
    })
}

/// Specs for a section's number columns, keys unique across sections. "30 days", "7 days",
/// "1 day" are active users over that many days.
fn section_specs(table: &Table, taken: &mut TakenKeys) -> Vec<Spec> {
    let mut specs = number_specs(table, 0, &[], "ga4", "GA4");
    for s in &mut specs {
        let h = normalise_header(&s.header);
        if matches!(h.as_str(), "30 days" | "7 days" | "1 day") {
            s.key = super::keys::key_from("ga4 active users", &h);
            s.name = format!("GA4 active users, {h} (average)");
            s.aggregation = crate::model::Aggregation::Average;
        }
        s.key = taken.claim(&s.key);
    }
    specs
}

/// Reads an `Nth day` / `Nth week` section: the dates are `start + step × N`.
fn nth(table: &Table, start: Date, step: i64, taken: &mut TakenKeys) -> Collected {
    let specs = section_specs(table, taken);
    let rows: Vec<&Row> = table.rows.iter().collect();
    let mut dates = DateColumn {
        dates: Vec::with_capacity(rows.len()),
        ..DateColumn::default()
    };
    for (i, r) in rows.iter().enumerate() {
        let cell = r.cell(0).trim();
        match cell.parse::<u32>() {
            Ok(n) if cell.chars().all(|c| c.is_ascii_digit()) && n <= 10_000 => {
                dates.dates.push(Some(start.add_days(i64::from(n) * step)));
            }
            _ => {
                dates.dates.push(None);
                dates.problems.push((
                    i,
                    ExportMessage::NotADayNumber {
                        cell: cell.to_string(),
                    },
                ));
            }
        }
    }
    collect(&rows, &dates, &specs)
}
