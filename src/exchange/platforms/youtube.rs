//! YouTube Studio exports (English and German headers; German ones carry soft hyphens):
//! - `Totals.csv` / `Gesamtwerte.csv`: `Date,Views` per day;
//! - `Chart data.csv` / `Diagrammdaten.csv`: per day and per video (or traffic source,
//!   subscription status): the rows of one date are summed over the videos;
//! - `Table data.csv` / `Tabellendaten.csv` with Date as dimension: per day, a `Total` row
//!   first (skipped); durations `0:17:53` become seconds;
//! - `Table data.csv` per video: no day column; the videos are summed by their publish date.
//!
//! The `Total` / `Gesamt` row and the footer line (`Die 500 besten Ergebnisse werden
//! angezeigt`) are skipped, not problems.

use super::generic::{Spec, dedupe_keys, file, is_number_column, read_dated, spec};
use super::keys::key_from;
use super::options::ReadOptions;
use super::text::{Row, Table, normalise_header};
use super::{ExportFile, ExportMessage, Platform};

const VIEWS: [&str; 6] = [
    "views",
    "aufrufe",
    "vues",
    "weergaven",
    "visualizaciones",
    "visualizações",
];
const DATE: [&str; 4] = ["date", "datum", "fecha", "data"];
const PUBLISH: [&str; 4] = [
    "video publish time",
    "veröffentlichungszeitpunkt des videos",
    "publicatietijd van video",
    "hora de publicación del video",
];
/// Columns that describe a row (video, source), never metrics.
const DIMENSIONS: [&str; 14] = [
    "content",
    "inhalt",
    "video",
    "video title",
    "videotitel",
    "duration",
    "dauer",
    "traffic source",
    "zugriffsquelle",
    "subscription status",
    "abostatus",
    "geography",
    "country",
    "device type",
];
/// Headers that only YouTube writes beside its views.
const TYPICAL: [&str; 10] = [
    "watch time (hours)",
    "wiedergabezeit (stunden)",
    "content",
    "video title",
    "videotitel",
    "traffic source",
    "subscription status",
    "impressions click-through rate (%)",
    "klickrate der impressionen (%)",
    "average view duration",
];
const TOTAL: [&str; 5] = ["total", "gesamt", "totaal", "insgesamt", "totale"];

/// English key words and names for German (and long English) headers:
/// `Aufrufe` → (`views`, "views").
fn english(header: &str) -> Option<(&'static str, &'static str)> {
    Some(match header {
        "aufrufe" => ("views", "views"),
        "wiedergabezeit (stunden)" => ("watch time hours", "watch time (hours)"),
        "abonnenten" => ("subscribers", "subscribers"),
        "impressionen" => ("impressions", "impressions"),
        "klickrate der impressionen (%)" | "impressions click-through rate (%)" => {
            ("impressions ctr", "impressions click-through rate (%)")
        }
        "durchschnittliche wiedergabedauer" | "average view duration" => {
            ("average view duration", "average view duration")
        }
        "mag ich" => ("likes", "likes"),
        "kommentare hinzugefügt" => ("comments added", "comments added"),
        "geteilte inhalte" => ("shares", "shares"),
        _ => return None,
    })
}

/// Reads a YouTube Studio export; `None` when the tables are not one.
pub fn read(_file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    tables.iter().find_map(|t| read_table(t, options))
}

fn read_table(table: &Table, options: &ReadOptions) -> Option<ExportFile> {
    let header = table.normalised_header();
    let has_views = header.iter().any(|h| VIEWS.contains(&h.as_str()));
    let typical = header.iter().any(|h| TYPICAL.contains(&h.as_str()));
    let totals = header.len() == 2
        && header.first().is_some_and(|h| DATE.contains(&h.as_str()))
        && header.get(1).is_some_and(|h| VIEWS.contains(&h.as_str()));
    if !(totals || (has_views && typical)) {
        return None;
    }
    let day_index = header.iter().position(|h| DATE.contains(&h.as_str()));
    let publish_index = header.iter().position(|h| PUBLISH.contains(&h.as_str()));
    let (date_index, per_video) = match (day_index, publish_index) {
        (Some(i), _) => (i, false),
        (None, Some(i)) => (i, true),
        (None, None) => return None,
    };
    let mut notes = Vec::new();
    // Rows: without the Total row and the footer line; durations as seconds.
    let mut rows: Vec<Row> = Vec::with_capacity(table.rows.len());
    for r in &table.rows {
        let first = normalise_header(r.cell(0));
        let filled = r.cells.iter().filter(|c| !c.trim().is_empty()).count();
        if TOTAL.contains(&first.as_str()) {
            continue;
        }
        if filled <= 1 && r.cells.len() <= 1 {
            let text: String = r
                .cell(0)
                .chars()
                .filter(|c| *c != '\u{00AD}')
                .collect::<String>()
                .trim()
                .to_string();
            if !text.is_empty() {
                notes.push(ExportMessage::FileSays { text });
            }
            continue;
        }
        rows.push(Row {
            line: r.line,
            cells: r
                .cells
                .iter()
                .map(|c| seconds(c).unwrap_or_else(|| c.clone()))
                .collect(),
        });
    }
    let clean = Table {
        preamble: table.preamble.clone(),
        header: table.header.clone(),
        header_line: table.header_line,
        rows,
    };
    let mut specs: Vec<Spec> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if i == date_index
            || DIMENSIONS.contains(&h.as_str())
            || PUBLISH.contains(&h.as_str())
            || !is_number_column(&clean, i)
        {
            continue;
        }
        let Some(raw) = table.header.get(i) else {
            continue;
        };
        let mut s = spec(i, raw, "youtube", "YouTube");
        if let Some((key, name)) = english(h) {
            s.key = key_from("youtube", key);
            s.name = format!("YouTube {name}");
            if s.aggregation == crate::model::Aggregation::Average {
                s.name.push_str(" (average)");
            }
        }
        if h.contains("duration") || h.contains("wiedergabedauer") {
            s.name = format!(
                "{} (seconds, average)",
                s.name.trim_end_matches(" (average)")
            );
        }
        specs.push(s);
    }
    dedupe_keys(&mut specs);
    let row_refs: Vec<&Row> = clean.rows.iter().collect();
    let hint = options.hint(true);
    let mut collected = read_dated(&row_refs, date_index, &specs, hint);
    let dimension = header
        .iter()
        .enumerate()
        .find(|(_, h)| DIMENSIONS.contains(&h.as_str()) && !h.contains("duration") && *h != "dauer")
        .map(|(i, _)| i);
    let kind = if per_video {
        collected.notes.push(ExportMessage::VideosSummed {
            count: collected.rows,
        });
        "videos"
    } else if let Some(d) = dimension {
        let groups: std::collections::BTreeSet<&str> =
            clean.rows.iter().map(|r| r.cell(d).trim()).collect();
        if groups.len() > 1 {
            collected.notes.push(ExportMessage::RowsSummedOver {
                count: groups.len(),
                column: table
                    .header
                    .get(d)
                    .map_or("", |h| h.as_str())
                    .replace('\u{00AD}', ""),
            });
        }
        "chart data"
    } else if totals {
        "totals"
    } else {
        "table data"
    };
    collected.notes.extend(notes);
    file(Platform::YouTube, kind, collected)
}

/// `0:17:53` or `17:53` as seconds (`"1073"`); `None` for anything else.
fn seconds(cell: &str) -> Option<String> {
    let t = cell.trim();
    if !t.contains(':') {
        return None;
    }
    let parts: Vec<&str> = t.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 6 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let mut total: u64 = 0;
    for p in &parts {
        total = total.checked_mul(60)?.checked_add(p.parse::<u64>().ok()?)?;
    }
    Some(total.to_string())
}
