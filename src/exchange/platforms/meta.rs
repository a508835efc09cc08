//! Meta Business Suite exports (Facebook and Instagram).
//!
//! - Daily metric files: a title line naming the metric (`"Facebook reach"`, `"Instagram
//!   profile visits"`, or bare `"Follows"`, `"Reach"`, `"Views"`), then `"Date","Primary"`;
//!   older files stack a Facebook and an Instagram table. Titles in English and Dutch.
//! - Per-post exports (one row per post): the metric columns summed by the date of
//!   `Publish time`; text and id columns skipped; a duplicated column name keeps the first.
//! - The legacy Facebook Insights Data Export (2014): page level (one row per day, a row of
//!   descriptions under the header) and post level (summed by `Posted`).
//! - Audience files hold no daily figures: [`explain`] says so.
//!
//! [`read_columns`] (date column + metric columns → daily points, rows of one date
//! combined) is shared with the TikTok and LinkedIn readers.

use std::collections::BTreeMap;

use super::date_question::DateQuestion;
use super::dates::{DateHint, date_column};
use super::keys::{TakenKeys, key_from, name_from};
use super::numbers::number;
use super::options::ReadOptions;
use super::text::{Row, Table, normalise_header};
use super::{ExportError, ExportFile, ExportMessage, MetricColumn, Platform, RowProblem};
use crate::model::{Aggregation, Date};

/// Reads a Meta export, or `None` when the tables are not one.
pub fn read(file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    read_daily(file_name, tables, options)
        .or_else(|| read_posts(tables, options))
        .or_else(|| read_legacy_page(tables, options))
        .or_else(|| read_legacy_posts(tables, options))
}

/// Why a Meta file that [`read`] does not take cannot be imported (an audience export, a
/// per-post export broken by a spreadsheet), or `None` when the tables are not a Meta file.
pub fn explain(tables: &[Table]) -> Option<ExportError> {
    const AUDIENCE: [&str; 8] = [
        "age & gender",
        "top countries",
        "top cities",
        "top towns/cities",
        "leeftijd en geslacht",
        "leeftijd & geslacht",
        "toplanden",
        "topsteden",
    ];
    let audience = tables.iter().any(|t| {
        t.normalised_preamble()
            .iter()
            .chain(t.normalised_header().iter())
            .any(|line| {
                AUDIENCE
                    .iter()
                    .any(|a| line.trim_matches(['"', ';', ',']) == *a)
            })
            || t.normalised_header()
                .iter()
                .filter(|h| matches!(h.as_str(), "women" | "men" | "vrouwen" | "mannen"))
                .count()
                == 2
    });
    let broken_posts = tables.iter().any(|t| {
        t.column(&["publish time"]).is_some()
            && t.column(&["post id"]).is_some()
            && t.column(&["permalink"]).is_some()
    });
    if broken_posts && !audience {
        return Some(ExportError::Unrecognised {
            found: ExportMessage::MetaPostsBroken,
        });
    }
    audience.then_some(ExportError::Unrecognised {
        found: ExportMessage::MetaAudience,
    })
}

/// One metric column to read: where it is and what it becomes.
#[derive(Clone, Debug)]
pub(super) struct Spec {
    /// The column's index in the rows.
    pub index: usize,
    /// The header (or title) as in the file.
    pub header: String,
    /// The proposed series key.
    pub key: String,
    /// The proposed series name.
    pub name: String,
    /// How rows of one date combine and how a series should aggregate.
    pub aggregation: Aggregation,
}

/// What [`read_columns`] found.
#[derive(Clone, Debug, Default)]
pub(super) struct Columns {
    /// One per spec with at least one value, in the specs' order.
    pub metrics: Vec<MetricColumn>,
    /// Rows with a date.
    pub rows: usize,
    /// Rows or cells left out.
    pub problems: Vec<RowProblem>,
    /// Notes from the dates (e.g. the year inferred) and about empty columns.
    pub notes: Vec<ExportMessage>,
    /// The day/month question of the dates, when the data did not decide the order.
    pub date_question: Option<DateQuestion>,
}

/// Reads the date column `date_index` of `rows` (decided as one column) and each spec's
/// column as numbers; rows of one date are combined by the spec's aggregation (summed for
/// `Sum`, the later row for `Last`, the mean for `Average`). A row whose date cannot be read
/// is left out with a problem; a cell that is not a number is left out with a problem;
/// null tokens are no value. Rows with every cell empty are skipped silently. Specs without
/// any value are dropped with a note.
pub(super) fn read_columns(
    rows: &[&Row],
    date_index: usize,
    specs: &[Spec],
    hint: DateHint,
) -> Columns {
    let mut out = Columns::default();
    let rows: Vec<&Row> = rows
        .iter()
        .copied()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let cells: Vec<&str> = rows.iter().map(|r| r.cell(date_index).trim()).collect();
    let dates = date_column(&cells, hint);
    out.notes.extend(dates.notes.iter().cloned());
    out.date_question = dates.question.clone();
    out.problems
        .extend(super::generic::date_problems(&rows, &dates));
    // (sum, count, last) per date per spec.
    let mut acc: Vec<BTreeMap<Date, (f64, u32, f64)>> = vec![BTreeMap::new(); specs.len()];
    for (row, date) in rows.iter().zip(dates.dates.iter()) {
        let Some(date) = date else { continue };
        out.rows += 1;
        for (spec, map) in specs.iter().zip(acc.iter_mut()) {
            match number(row.cell(spec.index)) {
                Ok(Some(v)) if v.is_finite() => {
                    let slot = map.entry(*date).or_insert((0.0, 0, 0.0));
                    slot.0 += v;
                    slot.1 += 1;
                    slot.2 = v;
                }
                Ok(_) => {}
                Err(message) => out.problems.push(RowProblem {
                    line: row.line,
                    message: ExportMessage::ValueLeftOut {
                        column: spec.header.clone(),
                        reason: Box::new(message),
                    },
                }),
            }
        }
    }
    let mut empty = Vec::new();
    for (spec, map) in specs.iter().zip(acc) {
        if map.is_empty() {
            empty.push(spec.header.clone());
            continue;
        }
        let points = map
            .into_iter()
            .map(|(d, (sum, n, last))| {
                let v = match spec.aggregation {
                    Aggregation::Last => last,
                    Aggregation::Average => sum / f64::from(n.max(1)),
                    _ => sum,
                };
                (d, v)
            })
            .collect();
        out.metrics.push(MetricColumn {
            header: spec.header.clone(),
            key: spec.key.clone(),
            name: spec.name.clone(),
            aggregation: spec.aggregation,
            points,
        });
    }
    if !empty.is_empty() {
        out.notes.push(ExportMessage::NoValues { columns: empty });
    }
    out
}

/// Which Meta platform a text names, if any.
fn platform_word(word: &str) -> Option<Platform> {
    match word {
        "facebook" | "fb" => Some(Platform::Facebook),
        "instagram" | "ig" | "insta" => Some(Platform::Instagram),
        _ => None,
    }
}

/// The platform a file name names (`ig_reach.csv`, `Facebook-Follows.csv`), if any.
pub(super) fn platform_from_file_name(file_name: &str) -> Option<Platform> {
    let lower = file_name.to_lowercase();
    let mut found = None;
    for token in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
        if let Some(p) = platform_word(token) {
            if found.is_some_and(|f| f != p) {
                return None;
            }
            found = Some(p);
        }
    }
    found
}

/// A daily metric's title split into the platform it names (if any) and the metric in
/// English, lower case: `"Facebook reach"` → (Facebook, "reach"); `"Bereik op Instagram"`
/// → (Instagram, "reach"); `"Follows"` → (None, "follows").
pub fn title_metric(title: &str) -> (Option<Platform>, String) {
    let t = normalise_header(title);
    let t = t.trim_matches(|c: char| c == '"' || c == ',' || c == ';' || c.is_whitespace());
    let mut platform = None;
    let mut rest = t.to_string();
    for (prefix, p) in [
        ("facebook ", Platform::Facebook),
        ("facebook-", Platform::Facebook),
        ("instagram ", Platform::Instagram),
        ("instagram-", Platform::Instagram),
    ] {
        if let Some(r) = t.strip_prefix(prefix) {
            platform = Some(p);
            rest = r.trim().to_string();
        }
    }
    if platform.is_none() {
        for (suffix, p) in [
            (" op facebook", Platform::Facebook),
            (" op instagram", Platform::Instagram),
            (" on facebook", Platform::Facebook),
            (" on instagram", Platform::Instagram),
            (" facebook", Platform::Facebook),
            (" instagram", Platform::Instagram),
        ] {
            if let Some(r) = t.strip_suffix(suffix) {
                platform = Some(p);
                rest = r.trim().to_string();
                break;
            }
        }
    }
    (platform, english_metric(&rest))
}

/// A Meta metric name in English for a Dutch one (English names are kept).
fn english_metric(metric: &str) -> String {
    let english = match metric {
        "bereik" => "reach",
        "volgers" | "nieuwe volgers" | "volgacties" => "follows",
        "weergaven" => "views",
        "interacties met content" | "contentinteracties" | "interacties met inhoud" => {
            "content interactions"
        }
        "bezoeken" => "visits",
        "profielbezoeken" | "bezoeken aan profiel" => "profile visits",
        "linkklikken" | "klikken op links" | "klikken op link" => "link clicks",
        "vind-ik-leuks" => "likes",
        other => other,
    };
    english.to_string()
}

/// Whether a normalised header is the daily metric header `Date, Primary` (English or
/// Dutch), trailing empty cells allowed.
fn is_daily_header(header: &[String]) -> bool {
    let cells: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .filter(|h| !h.is_empty())
        .collect();
    matches!(
        cells.as_slice(),
        ["date", "primary"] | ["datum", "primair"] | ["datum", "primary"]
    )
}

/// The daily metric files, one metric per table.
fn read_daily(file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    let daily: Vec<&Table> = tables
        .iter()
        .filter(|t| is_daily_header(&t.normalised_header()))
        .collect();
    if daily.is_empty() {
        return None;
    }
    let titles: Vec<(Option<Platform>, String, String)> = daily
        .iter()
        .map(|t| {
            let raw = t
                .preamble
                .iter()
                .rev()
                .map(|(_, l)| l.trim().trim_matches(['"', ',', ';', '\t']).trim())
                .find(|l| !l.is_empty())
                .unwrap_or("")
                .to_string();
            let (p, metric) = title_metric(&raw);
            (p, metric, raw)
        })
        .collect();
    let from_name = platform_from_file_name(file_name);
    let mut out = ExportFile {
        platform: Platform::Facebook,
        kind: "daily metric".to_string(),
        metrics: Vec::new(),
        rows: 0,
        problems: Vec::new(),
        notes: Vec::new(),
        date_question: None,
    };
    let hint = options.hint(true);
    let mut taken = TakenKeys::default();
    for (table, (platform, metric, raw)) in daily.iter().zip(&titles) {
        let metric = if metric.is_empty() {
            "metric".to_string()
        } else {
            metric.clone()
        };
        let platform = match platform {
            Some(p) => *p,
            None => {
                let other_named = titles
                    .iter()
                    .any(|(p, m, _)| *p == Some(Platform::Instagram) && *m == metric);
                if other_named {
                    out.notes
                        .push(ExportMessage::PlatformFromNeighbour { title: raw.clone() });
                    Platform::Facebook
                } else if let Some(p) = from_name {
                    out.notes.push(ExportMessage::PlatformFromFileName {
                        title: raw.clone(),
                        platform: p,
                    });
                    p
                } else {
                    out.notes
                        .push(ExportMessage::PlatformAssumed { title: raw.clone() });
                    Platform::Facebook
                }
            }
        };
        let key = taken.claim(&key_from(prefix(platform), &metric));
        let spec = Spec {
            index: 1,
            header: if raw.is_empty() {
                table.header.get(1).cloned().unwrap_or_default()
            } else {
                raw.clone()
            },
            key,
            name: name_from(word(platform), &metric),
            aggregation: Aggregation::Sum,
        };
        let rows: Vec<&Row> = table.rows.iter().collect();
        let cols = read_columns(&rows, 0, std::slice::from_ref(&spec), hint);
        out.rows += cols.rows;
        out.problems.extend(cols.problems);
        push_notes(&mut out.notes, cols.notes);
        out.metrics.extend(cols.metrics);
        if out.date_question.is_none() {
            out.date_question = cols.date_question;
        }
    }
    let others = tables.len() - daily.len();
    if others > 0 {
        out.notes
            .push(ExportMessage::OtherTablesLeftOut { count: others });
    }
    if !out.metrics.is_empty() && out.metrics.iter().all(|m| m.key.starts_with("instagram")) {
        out.platform = Platform::Instagram;
    }
    Some(out)
}

/// Adds notes not already present.
pub(super) fn push_notes(notes: &mut Vec<ExportMessage>, new: Vec<ExportMessage>) {
    for n in new {
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
}

/// The key prefix of a platform.
fn prefix(p: Platform) -> &'static str {
    match p {
        Platform::Instagram => "instagram",
        _ => "facebook",
    }
}

/// The word for a platform in names.
fn word(p: Platform) -> &'static str {
    match p {
        Platform::Instagram => "Instagram",
        _ => "Facebook",
    }
}

/// Per-post export columns that are not metrics (normalised).
const POST_TEXT_COLUMNS: [&str; 22] = [
    "post id",
    "page id",
    "page name",
    "account id",
    "account username",
    "account name",
    "title",
    "description",
    "duration (sec)",
    "publish time",
    "caption type",
    "permalink",
    "is crosspost",
    "is share",
    "post type",
    "languages",
    "custom labels",
    "funded content status",
    "data comment",
    "date",
    "comment",
    "sponsor id",
];

/// Specs for the metric columns of a per-post table: every column not in `skip`, the first
/// of duplicated names, averages and rates left out (with notes).
fn post_specs(
    table: &Table,
    skip: &[&str],
    platform: Platform,
    key_word: &str,
    notes: &mut Vec<ExportMessage>,
) -> Vec<Spec> {
    let mut specs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut taken = TakenKeys::default();
    let mut averages = Vec::new();
    for (index, header) in table.header.iter().enumerate() {
        let norm = normalise_header(header);
        if norm.is_empty() || skip.contains(&norm.as_str()) {
            continue;
        }
        if seen.contains(&norm) {
            notes.push(ExportMessage::DuplicateColumn {
                column: header.trim().to_string(),
            });
            continue;
        }
        seen.push(norm.clone());
        if !mostly_numbers(table, index) {
            continue;
        }
        if norm.contains("average") || norm.contains("rate") || norm.contains("ctr") {
            averages.push(header.trim().to_string());
            continue;
        }
        let metric = format!("{key_word} {}", header.trim());
        let key = taken.claim(&key_from(prefix(platform), &metric));
        specs.push(Spec {
            index,
            header: header.trim().to_string(),
            key,
            name: format!(
                "{} (posts by publish date)",
                name_from(word(platform), &metric)
            ),
            aggregation: Aggregation::Sum,
        });
    }
    if !averages.is_empty() {
        notes.push(ExportMessage::AveragesLeftOut { columns: averages });
    }
    specs
}

/// Whether at least half of the non-empty cells of a column are numbers (a metric column,
/// not a text column).
pub(super) fn mostly_numbers(table: &Table, index: usize) -> bool {
    let mut numbers = 0usize;
    let mut texts = 0usize;
    for row in &table.rows {
        match number(row.cell(index)) {
            Ok(Some(_)) => numbers += 1,
            Ok(None) => {}
            Err(_) => texts += 1,
        }
    }
    numbers >= texts
}

/// The per-post export of Meta Business Suite.
fn read_posts(tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    let table = tables.iter().find(|t| {
        t.column(&["publish time"]).is_some()
            && t.column(&["post id"]).is_some()
            && t.column(&["permalink"]).is_some()
    })?;
    let time = table.column(&["publish time"])?;
    let platform = if table.column(&["account username", "account id"]).is_some() {
        Platform::Instagram
    } else {
        Platform::Facebook
    };
    let mut notes = Vec::new();
    let specs = post_specs(table, &POST_TEXT_COLUMNS, platform, "post", &mut notes);
    let rows: Vec<&Row> = table.rows.iter().collect();
    let hint = options.hint(true);
    let cols = read_columns(&rows, time, &specs, hint);
    if cols.rows == 0 {
        // No row with a publish date: a broken re-save, see `explain`.
        return None;
    }
    notes.insert(0, ExportMessage::PostsByPublishTime);
    push_notes(&mut notes, cols.notes);
    Some(ExportFile {
        platform,
        kind: "posts".to_string(),
        metrics: cols.metrics,
        rows: cols.rows,
        problems: cols.problems,
        notes,
        date_question: cols.date_question,
    })
}

/// Rows of a legacy Insights export without the description row under the header (its
/// first cell empty, the others starting with `Lifetime:`, `Daily:`, …).
fn legacy_rows(table: &Table) -> Vec<&Row> {
    table
        .rows
        .iter()
        .filter(|r| !is_description_row(r))
        .collect()
}

fn is_description_row(row: &Row) -> bool {
    row.cell(0).trim().is_empty()
        && row.cells.iter().any(|c| {
            let c = c.trim_start();
            ["Lifetime:", "Daily:", "Weekly:", "28 Days:"]
                .iter()
                .any(|p| c.starts_with(p))
        })
}

/// The legacy Facebook Insights page-level export (one row per day).
fn read_legacy_page(tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    let table = tables.iter().find(|t| {
        t.header.first().map(|h| normalise_header(h)).as_deref() == Some("date")
            && t.column(&[
                "lifetime total likes",
                "daily total reach",
                "daily page engaged users",
            ])
            .is_some()
    })?;
    let mut specs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut taken = TakenKeys::default();
    let mut duplicated = Vec::new();
    let mut skipped = 0usize;
    for (index, header) in table.header.iter().enumerate().skip(1) {
        let h = header.trim();
        let norm = normalise_header(h);
        if seen.contains(&norm) {
            if !duplicated.contains(&h.to_string()) {
                duplicated.push(h.to_string());
            }
            continue;
        }
        seen.push(norm.clone());
        let (metric, aggregation) = if let Some(m) = h.strip_prefix("Daily ") {
            (m.strip_prefix("Daily ").unwrap_or(m), Aggregation::Sum)
        } else if norm == "lifetime total likes" {
            ("Total likes", Aggregation::Last)
        } else {
            skipped += 1;
            continue;
        };
        if metric.contains(" - ") || metric.contains(" by ") {
            skipped += 1;
            continue;
        }
        let key = taken.claim(&key_from("facebook", metric));
        specs.push(Spec {
            index,
            header: h.to_string(),
            key,
            name: name_from("Facebook", metric),
            aggregation,
        });
    }
    let hint = options.hint(true);
    let rows = legacy_rows(table);
    let cols = read_columns(&rows, 0, &specs, hint);
    let mut notes = vec![ExportMessage::LegacyPageLevel { skipped }];
    if !duplicated.is_empty() {
        notes.push(ExportMessage::DuplicateColumns {
            columns: duplicated,
        });
    }
    push_notes(&mut notes, cols.notes);
    Some(ExportFile {
        platform: Platform::Facebook,
        kind: "legacy insights (page level)".to_string(),
        metrics: cols.metrics,
        rows: cols.rows,
        problems: cols.problems,
        notes,
        date_question: cols.date_question,
    })
}

/// The legacy Facebook Insights post-level export (one row per post, summed by `Posted`).
fn read_legacy_posts(tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    let table = tables.iter().find(|t| {
        t.column(&["posted"]).is_some() && t.column(&["lifetime post total reach"]).is_some()
    })?;
    let posted = table.column(&["posted"])?;
    let mut specs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut taken = TakenKeys::default();
    let mut duplicated = Vec::new();
    for (index, header) in table.header.iter().enumerate() {
        let h = header.trim();
        let norm = normalise_header(h);
        let Some(metric) = h.strip_prefix("Lifetime ") else {
            continue;
        };
        if seen.contains(&norm) {
            if !duplicated.contains(&h.to_string()) {
                duplicated.push(h.to_string());
            }
            continue;
        }
        seen.push(norm.clone());
        if metric.contains(" by ")
            || metric.contains(" - ")
            || norm.contains("average")
            || norm.contains("length")
        {
            continue;
        }
        let key = taken.claim(&key_from("facebook", metric));
        specs.push(Spec {
            index,
            header: h.to_string(),
            key,
            name: format!("{} (posts by publish date)", name_from("Facebook", metric)),
            aggregation: Aggregation::Sum,
        });
    }
    let hint = options.hint(true);
    let rows = legacy_rows(table);
    let cols = read_columns(&rows, posted, &specs, hint);
    let mut notes = vec![ExportMessage::LegacyPostLevel];
    if !duplicated.is_empty() {
        notes.push(ExportMessage::DuplicateColumns {
            columns: duplicated,
        });
    }
    push_notes(&mut notes, cols.notes);
    Some(ExportFile {
        platform: Platform::Facebook,
        kind: "legacy insights (post level)".to_string(),
        metrics: cols.metrics,
        rows: cols.rows,
        problems: cols.problems,
        notes,
        date_question: cols.date_question,
    })
}
