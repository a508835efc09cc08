//! LinkedIn page analytics exports.
//!
//! LinkedIn serves `.xls` (BIFF8) files; re-saved copies are `.xls` or `.xlsx`. They reach
//! this reader as one [`Table`] per sheet (`spreadsheet.rs`), so the same column logic as for
//! CSV applies:
//! - content export, sheet `Metrics`: one row per day; every count (impressions, clicks,
//!   reactions, comments, reposts; organic, sponsored and total) summed, engagement rates
//!   averaged (named "average of days"); the `All posts` sheet is left out (its figures are
//!   in `Metrics` already);
//! - followers export, sheet `New followers`: new followers per day by source, and their
//!   total (`Total followers` there is the day's new followers, so it is summed);
//! - visitors export, sheet `Visitor metrics`: page views and unique visitors per day;
//! - demographic sheets and the competitor export have no daily figures and are left out.
//!
//! A spreadsheet that is not LinkedIn's is offered to the TikTok and Meta readers (TikTok's
//! `Overview.xlsx`).

use super::keys::{TakenKeys, key_from, name_from};
use super::meta::{Spec, push_notes, read_columns};
use super::options::ReadOptions;
use super::spreadsheet::{HEADER_SEARCH_ROWS, Sheet};
use super::text::{Row, Table, normalise_header};
use super::{ExportError, ExportFile, ExportMessage, Platform, meta, tiktok};
use crate::model::Aggregation;

/// Headers (normalised) that mark a LinkedIn daily sheet, and the kind of export.
const SIGNS: [(&str, &str); 6] = [
    ("impressions (total)", "content"),
    ("impressions (organic)", "content"),
    ("organic followers", "followers"),
    ("auto-invited followers", "followers"),
    ("total page views (total)", "visitors"),
    ("overview page views (total)", "visitors"),
];

/// The sheets read as one file.
pub(super) fn read_sheets(
    file_name: &str,
    sheets: &[Sheet],
    options: &ReadOptions,
) -> Result<ExportFile, ExportError> {
    let daily: Vec<(&String, &Table, &str)> = sheets
        .iter()
        .filter_map(|(name, t)| {
            let h = t.normalised_header();
            if h.first().map(String::as_str) != Some("date") {
                return None;
            }
            SIGNS
                .iter()
                .find(|(sign, _)| h.iter().any(|c| c == sign))
                .map(|(_, kind)| (name, t, *kind))
        })
        .collect();
    if daily.is_empty() {
        let tables: Vec<Table> = sheets.iter().map(|(_, t)| t.clone()).collect();
        if let Some(file) = tiktok::read(file_name, &tables, options)
            .or_else(|| meta::read(file_name, &tables, options))
        {
            return Ok(file);
        }
        return Err(explain_sheets(sheets));
    }
    let mut out = ExportFile {
        platform: Platform::LinkedIn,
        kind: daily
            .iter()
            .map(|(_, _, k)| *k)
            .collect::<Vec<_>>()
            .join(", "),
        metrics: Vec::new(),
        rows: 0,
        problems: Vec::new(),
        notes: Vec::new(),
        date_question: None,
    };
    let hint = options.hint(true);
    let mut taken = TakenKeys::default();
    for (name, table, kind) in &daily {
        let specs = sheet_specs(table, kind, &mut taken);
        let rows: Vec<&Row> = table.rows.iter().collect();
        let cols = read_columns(&rows, 0, &specs, hint);
        out.rows += cols.rows;
        out.problems
            .extend(cols.problems.into_iter().map(|p| super::RowProblem {
                line: p.line,
                message: ExportMessage::InSheet {
                    sheet: (*name).clone(),
                    row: p.line,
                    problem: Box::new(p.message),
                },
            }));
        push_notes(&mut out.notes, cols.notes);
        out.metrics.extend(cols.metrics);
        if out.date_question.is_none() {
            out.date_question = cols.date_question;
        }
    }
    if out
        .metrics
        .iter()
        .any(|m| m.aggregation == Aggregation::Average)
    {
        out.notes.push(ExportMessage::RatesAveraged);
    }
    let others: Vec<String> = sheets
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| !daily.iter().any(|(d, _, _)| *d == n))
        .collect();
    if !others.is_empty() {
        out.notes
            .push(ExportMessage::SheetsLeftOut { sheets: others });
    }
    Ok(out)
}

/// The metric columns of a LinkedIn daily sheet.
fn sheet_specs(table: &Table, kind: &str, taken: &mut TakenKeys) -> Vec<Spec> {
    let mut specs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (index, header) in table.header.iter().enumerate().skip(1) {
        let h = header.trim();
        let norm = normalise_header(h);
        if norm.is_empty() || seen.contains(&norm) {
            continue;
        }
        seen.push(norm.clone());
        let metric = metric_name(h, kind);
        let rate = norm.contains("rate") || norm.contains("ctr");
        let key = taken.claim(&key_from("linkedin", &metric));
        let name = name_from("LinkedIn", &metric);
        specs.push(Spec {
            index,
            header: h.to_string(),
            key,
            name: if rate {
                format!("{name} (average of days)")
            } else {
                name
            },
            aggregation: if rate {
                Aggregation::Average
            } else {
                Aggregation::Sum
            },
        });
    }
    specs
}

/// The metric a LinkedIn header stands for: `Impressions (total)` → `Impressions`,
/// `Total page views (total)` → `Page views`, `Organic followers` → `New followers
/// organic`, `Total followers` (followers export) → `New followers`.
fn metric_name(header: &str, kind: &str) -> String {
    let base = header
        .strip_suffix("(total)")
        .map(str::trim)
        .unwrap_or(header);
    let base = base
        .strip_prefix("Total ")
        .filter(|_| header.ends_with("(total)"))
        .map(|b| {
            let mut c = b.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .unwrap_or_else(|| base.to_string());
    if kind == "followers" {
        let n = normalise_header(&base);
        if n == "total followers" {
            return "New followers".to_string();
        }
        if let Some(source) = n.strip_suffix(" followers") {
            return format!("New followers {source}");
        }
    }
    base
}

/// Why no sheet of a workbook could be read.
fn explain_sheets(sheets: &[Sheet]) -> ExportError {
    let competitor = sheets.iter().any(|(_, t)| {
        std::iter::once(&t.header)
            .chain(t.rows.iter().take(HEADER_SEARCH_ROWS).map(|r| &r.cells))
            .any(|cells| {
                let has = |name: &str| cells.iter().any(|c| normalise_header(c) == name);
                has("page") && has("total post engagements")
            })
    });
    if competitor {
        return ExportError::Unrecognised {
            found: ExportMessage::LinkedInCompetitor,
        };
    }
    let sheets: Vec<(String, Vec<String>)> = sheets
        .iter()
        .map(|(n, t)| {
            let header: Vec<String> = t
                .header
                .iter()
                .filter(|h| !h.is_empty())
                .take(6)
                .cloned()
                .collect();
            (n.clone(), header)
        })
        .take(6)
        .collect();
    ExportError::Unrecognised {
        found: ExportMessage::SpreadsheetWithoutDates { sheets },
    }
}
