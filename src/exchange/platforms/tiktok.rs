//! TikTok Studio and TikTok business exports.
//!
//! - Daily tables (`Overview.csv`, `FollowerHistory.csv`, `Viewers.csv`, the business
//!   overview and audience exports): a `Date` column (`"February 28"` without a year,
//!   `"8 de marzo"`, `2025/10/31`) and metric columns; years of yearless dates come from the
//!   row order and the export date; `undefined`, `NAN` and `--` are no value.
//!   `Followers` and `Total followers` are totals (aggregation `last`), the rest counts.
//! - Per-video tables (`Content.csv`, the business video list): summed by the date of
//!   `Post time`.
//! - Hourly activity, gender and territory shares have no daily figures: [`explain`] says
//!   so.

use super::keys::{TakenKeys, key_from, name_from};
use super::meta::{Spec, mostly_numbers, push_notes, read_columns};
use super::options::ReadOptions;
use super::text::{Row, Table, normalise_header};
use super::{ExportError, ExportFile, ExportMessage, Platform};
use crate::model::Aggregation;

/// Headers only TikTok writes beside a date (normalised).
const DAILY_SIGNS: [&str; 10] = [
    "video views",
    "profile views",
    "difference in followers from previous day",
    "total viewers",
    "new viewers",
    "returning viewers",
    "reached audience",
    "engaged audience",
    "net growth",
    "lost followers",
];

/// Reads a TikTok export, or `None` when the tables are not one.
pub fn read(_file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    read_daily(tables, options).or_else(|| read_videos(tables, options))
}

/// Why a TikTok file that [`read`] does not take cannot be imported (hourly activity,
/// gender or territory shares), or `None` when the tables are not such a file.
pub fn explain(tables: &[Table]) -> Option<ExportError> {
    for t in tables {
        let h = t.normalised_header();
        let has = |name: &str| h.iter().any(|c| c == name);
        let found = if has("hour") && has("active followers") {
            ExportMessage::TikTokActivity
        } else if has("gender") && has("distribution") {
            ExportMessage::TikTokGender
        } else if (has("top territories") || has("territories")) && has("distribution") {
            ExportMessage::TikTokTerritories
        } else {
            continue;
        };
        return Some(ExportError::Unrecognised { found });
    }
    None
}

/// The aggregation for a TikTok daily column: totals of followers are stocks.
fn aggregation(norm: &str) -> Aggregation {
    match norm {
        "followers" | "total followers" => Aggregation::Last,
        _ => Aggregation::Sum,
    }
}

/// Daily tables: a first column `Date` and at least one header only TikTok writes.
fn read_daily(tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    let table = tables.iter().find(|t| {
        let h = t.normalised_header();
        h.first().map(String::as_str) == Some("date")
            && !h.iter().any(|c| c == "hour")
            && h.iter().any(|c| DAILY_SIGNS.contains(&c.as_str()))
    })?;
    let mut specs = Vec::new();
    let mut taken = TakenKeys::default();
    let mut seen: Vec<String> = Vec::new();
    let mut notes = Vec::new();
    for (index, header) in table.header.iter().enumerate().skip(1) {
        let h = header.trim();
        let norm = normalise_header(h);
        if norm.is_empty() {
            continue;
        }
        if seen.contains(&norm) {
            notes.push(ExportMessage::DuplicateColumn {
                column: h.to_string(),
            });
            continue;
        }
        seen.push(norm.clone());
        let metric = if norm == "difference in followers from previous day" {
            "Follower change"
        } else {
            h
        };
        let key = taken.claim(&key_from("tiktok", metric));
        specs.push(Spec {
            index,
            header: h.to_string(),
            key,
            name: name_from("TikTok", metric),
            aggregation: aggregation(&norm),
        });
    }
    let rows: Vec<&Row> = table.rows.iter().collect();
    let cols = read_columns(&rows, 0, &specs, options.hint(true));
    push_notes(&mut notes, cols.notes);
    let h = table.normalised_header();
    let kind = if h.iter().any(|c| c == "followers") {
        "follower history"
    } else if h.iter().any(|c| c == "total viewers") {
        "viewers"
    } else if h.iter().any(|c| c == "engaged audience") {
        "audience"
    } else {
        "overview"
    };
    Some(ExportFile {
        platform: Platform::TikTok,
        kind: kind.to_string(),
        metrics: cols.metrics,
        rows: cols.rows,
        problems: cols.problems,
        notes,
        date_question: cols.date_question,
    })
}

/// Per-video tables: `Video link` and `Post time`; the numbers summed by post date.
fn read_videos(tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    let table = tables
        .iter()
        .find(|t| t.column(&["video link"]).is_some() && t.column(&["post time"]).is_some())?;
    let time = table.column(&["post time"])?;
    const TEXT: [&str; 4] = ["time", "video title", "video link", "post time"];
    let mut specs = Vec::new();
    let mut taken = TakenKeys::default();
    let mut seen: Vec<String> = Vec::new();
    let mut skipped = Vec::new();
    for (index, header) in table.header.iter().enumerate() {
        let h = header.trim();
        let norm = normalise_header(h);
        if norm.is_empty() || TEXT.contains(&norm.as_str()) || seen.contains(&norm) {
            continue;
        }
        seen.push(norm.clone());
        if !mostly_numbers(table, index) {
            skipped.push(h.to_string());
            continue;
        }
        let metric = format!("video {}", h.trim_start_matches("Total ").trim());
        let metric = metric.replace("video Video ", "video ");
        let key = taken.claim(&key_from("tiktok", &metric));
        specs.push(Spec {
            index,
            header: h.to_string(),
            key,
            name: format!("{} (videos by post date)", name_from("TikTok", &metric)),
            aggregation: Aggregation::Sum,
        });
    }
    let rows: Vec<&Row> = table.rows.iter().collect();
    let cols = read_columns(&rows, time, &specs, options.hint(true));
    let mut notes = vec![ExportMessage::VideosByPostTime];
    if !skipped.is_empty() {
        notes.push(ExportMessage::TextColumnsLeftOut { columns: skipped });
    }
    push_notes(&mut notes, cols.notes);
    Some(ExportFile {
        platform: Platform::TikTok,
        kind: "videos".to_string(),
        metrics: cols.metrics,
        rows: cols.rows,
        problems: cols.problems,
        notes,
        date_question: cols.date_question,
    })
}
