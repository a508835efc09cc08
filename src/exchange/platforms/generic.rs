//! Any table with a column of dates and columns of numbers: one metric per number column.
//! Also recognises Google Search Console and Sprout Social exports (which are such tables)
//! and holds the helpers the specific readers share: [`read_dated`] turns rows, a date column
//! and the chosen columns into [`MetricColumn`]s, combining rows of one date.

use std::collections::{BTreeMap, BTreeSet};

use super::date_question::DateQuestion;
use super::dates::{DateColumn, DateHint, date_column, looks_like_date};
use super::keys::{TakenKeys, key_from, name_from};
use super::numbers::{self, is_null};
use super::options::ReadOptions;
use super::text::{Row, Table, normalise_header};
use super::{ExportError, ExportFile, ExportMessage, MetricColumn, Platform, RowProblem};
use crate::model::{Aggregation, Date};

/// A column to read as a metric.
#[derive(Clone, PartialEq, Debug)]
pub struct Spec {
    /// The column's index in the rows.
    pub index: usize,
    /// The header as in the file.
    pub header: String,
    /// The proposed series key.
    pub key: String,
    /// The proposed series name.
    pub name: String,
    /// How rows of one date are combined and how a series should aggregate.
    pub aggregation: Aggregation,
}

/// The metrics read from rows, with the problems and notes.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Collected {
    /// One per spec (also when it got no points).
    pub metrics: Vec<MetricColumn>,
    /// How many rows had a date.
    pub rows: usize,
    /// Rows or cells left out.
    pub problems: Vec<RowProblem>,
    /// Notes from reading the dates.
    pub notes: Vec<ExportMessage>,
    /// The day/month question of the dates, when the data did not decide the order.
    pub date_question: Option<DateQuestion>,
}

/// The aggregation for a header: `Last` for stock metrics (followers, audience, subscribers
/// totals), `Average` for rates, percentages, positions and durations, `Sum` for counts.
pub fn aggregation_for(header: &str) -> Aggregation {
    let h = normalise_header(header);
    const LAST: [&str; 12] = [
        "followers",
        "total followers",
        "follower count",
        "audience",
        "fans",
        "total fans",
        "page likes",
        "lifetime total likes",
        "subscribers total",
        "total subscribers",
        "total audience",
        "followers total",
    ];
    const AVERAGE: [&str; 23] = [
        " / ",
        "rate",
        "%",
        "ctr",
        "average",
        "avg",
        "position",
        "duration",
        "per ",
        "percent",
        "durchschn",
        "gemiddeld",
        "promedio",
        "moyen",
        "taux",
        "quote",
        "ratio",
        "frequency",
        "time watched",
        "cpc",
        "cpm",
        "rpm",
        "bounce",
    ];
    if LAST.contains(&h.as_str()) {
        Aggregation::Last
    } else if AVERAGE.iter().any(|w| h.contains(w)) {
        Aggregation::Average
    } else {
        Aggregation::Sum
    }
}

/// A spec for a column, with key and name from a key prefix and a name prefix; names of
/// averaged metrics say so.
pub fn spec(index: usize, header: &str, key_prefix: &str, name_prefix: &str) -> Spec {
    let aggregation = aggregation_for(header);
    let mut name = name_from(name_prefix, header);
    if aggregation == Aggregation::Average && !normalise_header(&name).contains("average") {
        name.push_str(" (average)");
    }
    Spec {
        index,
        header: header.to_string(),
        key: key_from(key_prefix, header),
        name,
        aggregation,
    }
}

/// Specs for every number column of `table` except the date column and the columns in
/// `skip`, keys made unique.
pub fn number_specs(
    table: &Table,
    date_index: usize,
    skip: &[usize],
    key_prefix: &str,
    name_prefix: &str,
) -> Vec<Spec> {
    let header = table.normalised_header();
    let mut specs: Vec<Spec> = (0..table.header.len())
        .filter(|&i| i != date_index && !skip.contains(&i))
        .filter(|&i| !header.get(i).is_some_and(|h| is_id_header(h)))
        .filter(|&i| is_number_column(table, i))
        .filter_map(|i| Some(spec(i, table.header.get(i)?, key_prefix, name_prefix)))
        .collect();
    dedupe_keys(&mut specs);
    specs
}

/// Makes the keys of specs unique (`views`, `views_2`).
pub fn dedupe_keys(specs: &mut [Spec]) {
    let mut taken = TakenKeys::default();
    for s in specs.iter_mut() {
        s.key = taken.claim(&s.key);
    }
}

/// Reads the dates in column `date_index` of `rows` and the numbers in the spec columns.
/// Rows without a valid date are problems; empty and null cells give no point; a cell that
/// is not a number is a problem (the rest of its row is read). Rows of one date are combined:
/// summed (`Sum`), averaged (`Average`) or the last row kept (`Last`).
pub fn read_dated(rows: &[&Row], date_index: usize, specs: &[Spec], hint: DateHint) -> Collected {
    let cells: Vec<&str> = rows.iter().map(|r| r.cell(date_index)).collect();
    let dates = date_column(&cells, hint);
    collect(rows, &dates, specs)
}

/// The rows whose date could not be read, each a problem on its line with the reason.
pub fn date_problems<'a>(
    rows: &'a [&Row],
    dates: &'a DateColumn,
) -> impl Iterator<Item = RowProblem> + 'a {
    dates.problems.iter().filter_map(|(i, message)| {
        rows.get(*i).map(|row| RowProblem {
            line: row.line,
            message: ExportMessage::RowWithoutDate {
                reason: Box::new(message.clone()),
            },
        })
    })
}

/// Like [`read_dated`], with the dates already read (one per row).
pub fn collect(rows: &[&Row], dates: &DateColumn, specs: &[Spec]) -> Collected {
    let mut out = Collected {
        notes: dates.notes.clone(),
        date_question: dates.question.clone(),
        ..Collected::default()
    };
    out.problems.extend(date_problems(rows, dates));
    // Per spec: date → (sum, count, last).
    let mut acc: Vec<BTreeMap<Date, (f64, usize, f64)>> = vec![BTreeMap::new(); specs.len()];
    // The decimal separator is decided for the whole table (one locale wrote it), like the
    // order of dates: `1.234` is 1234 when another cell shows a decimal comma (`45,5%`).
    let all_cells: Vec<&str> = rows
        .iter()
        .flat_map(|r| specs.iter().map(|s| r.cell(s.index)))
        .collect();
    let comma = numbers::decimal_comma(&all_cells);
    for (row, date) in rows.iter().zip(dates.dates.iter()) {
        let Some(date) = date else { continue };
        out.rows += 1;
        for (spec, map) in specs.iter().zip(acc.iter_mut()) {
            let cell = row.cell(spec.index);
            if is_null(cell) {
                continue;
            }
            match numbers::number_in(cell, comma) {
                Ok(Some(v)) => {
                    let e = map.entry(*date).or_insert((0.0, 0, 0.0));
                    e.0 += v;
                    e.1 += 1;
                    e.2 = v;
                }
                Ok(None) => {}
                Err(message) => out.problems.push(RowProblem {
                    line: row.line,
                    message: ExportMessage::ValueLeftOut {
                        column: spec.header.trim().to_string(),
                        reason: Box::new(message),
                    },
                }),
            }
        }
    }
    for (spec, map) in specs.iter().zip(acc) {
        let points = map
            .into_iter()
            .map(|(d, (sum, n, last))| {
                let v = match spec.aggregation {
                    Aggregation::Sum => sum,
                    Aggregation::Average => sum / n.max(1) as f64,
                    _ => last,
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
    out
}

/// The index of the date column of a table: a column named like a date whose cells are
/// dates, else the first column whose (non-empty) cells are mostly dates.
pub fn find_date_column(table: &Table) -> Option<usize> {
    const NAMES: [&str; 12] = [
        "date",
        "datum",
        "fecha",
        "day",
        "dag",
        "tag",
        "jour",
        "day index",
        "data",
        "time",
        "dates",
        "date (utc)",
    ];
    let mostly_dates = |i: usize| {
        let (mut filled, mut good) = (0usize, 0usize);
        for r in table.rows.iter().take(200) {
            let c = r.cell(i).trim();
            if c.is_empty() {
                continue;
            }
            filled += 1;
            if looks_like_date(c) {
                good += 1;
            }
        }
        filled > 0 && good * 10 >= filled * 8
    };
    let named = table
        .header
        .iter()
        .position(|h| NAMES.contains(&normalise_header(h).as_str()));
    if let Some(i) = named
        && mostly_dates(i)
    {
        return Some(i);
    }
    (0..table.header.len()).find(|&i| mostly_dates(i))
}

/// Whether a column holds numbers: some value, and most non-null cells are numbers.
pub fn is_number_column(table: &Table, index: usize) -> bool {
    let (mut filled, mut good) = (0usize, 0usize);
    for r in &table.rows {
        let c = r.cell(index);
        if is_null(c) {
            continue;
        }
        filled += 1;
        if matches!(numbers::number(c), Ok(Some(_))) {
            good += 1;
        }
    }
    filled > 0 && good * 10 >= filled * 8
}

/// Recognises Search Console, Sprout Social or any "date + numbers" table.
pub fn read(_file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    tables.iter().find_map(|t| read_table(t, options))
}

/// Like [`read`], but only for the formats recognised by their headers (Search Console,
/// Sprout Social); `None` for other tables.
pub fn read_known(_file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    tables
        .iter()
        .filter(|t| known_platform(&t.normalised_header()) != Platform::Other)
        .find_map(|t| read_table(t, options))
}

/// Search Console or Sprout Social from a normalised header, else `Other`.
fn known_platform(header: &[String]) -> Platform {
    let has = |n: &str| header.iter().any(|h| h == n);
    let search_console = (has("clicks") || has("clics") || has("klicks") || has("klikken"))
        && has("impressions")
        && has("ctr")
        && has("position");
    let sprout = has("net audience growth")
        || has("engagement rate (per impression)")
        || has("tiktok profiles")
        || (has("network") && has("profile") && has("audience"));
    if search_console {
        Platform::SearchConsole
    } else if sprout {
        Platform::SproutSocial
    } else {
        Platform::Other
    }
}

fn is_id_header(h: &str) -> bool {
    h == "id"
        || h.ends_with(" id")
        || h.starts_with("id ")
        || matches!(
            h,
            "year" | "month" | "week" | "hour" | "jahr" | "jaar" | "año"
        )
}

fn read_table(table: &Table, options: &ReadOptions) -> Option<ExportFile> {
    let date_index = find_date_column(table)?;
    let header = table.normalised_header();
    let platform = known_platform(&header);
    let numeric: Vec<usize> = (0..table.header.len())
        .filter(|&i| i != date_index)
        .filter(|&i| !header.get(i).is_some_and(|h| is_id_header(h)))
        .filter(|&i| is_number_column(table, i))
        .collect();
    if numeric.is_empty() {
        return None;
    }
    // Text columns that split the rows into groups (e.g. Sprout's Profile in a long table).
    let groups = group_columns(table, date_index, &numeric);
    let (key_prefix, name_prefix) = match platform {
        Platform::SearchConsole => ("search_console", "Search Console"),
        Platform::SproutSocial => sprout_prefix(table, &header),
        _ => ("", ""),
    };
    let hint = options.hint(platform == Platform::SproutSocial);
    let mut collected = Collected::default();
    let all: Vec<&Row> = table.rows.iter().collect();
    if groups.is_empty() {
        let mut specs: Vec<Spec> = numeric
            .iter()
            .filter_map(|&i| Some(spec(i, table.header.get(i)?, key_prefix, name_prefix)))
            .collect();
        dedupe_keys(&mut specs);
        collected = read_dated(&all, date_index, &specs, hint);
        if repeated_dates(&all, date_index) {
            collected.notes.push(ExportMessage::SameDateCombined);
        }
    } else {
        // The dates are decided once for the whole column, then split by group.
        let cells: Vec<&str> = all.iter().map(|r| r.cell(date_index)).collect();
        let dates = date_column(&cells, hint);
        let mut by_group: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (k, r) in all.iter().enumerate() {
            let label: Vec<&str> = groups.iter().map(|&g| r.cell(g).trim()).collect();
            by_group.entry(label.join(" ")).or_default().push(k);
        }
        collected.notes = dates.notes.clone();
        collected.date_question = dates.question.clone();
        let problem_of: BTreeMap<usize, &ExportMessage> =
            dates.problems.iter().map(|(i, m)| (*i, m)).collect();
        let mut taken = TakenKeys::default();
        for (label, indexes) in &by_group {
            let label_clean = label.trim_start_matches(['\'', '@']).to_string();
            let mut specs: Vec<Spec> = numeric
                .iter()
                .filter_map(|&i| {
                    let h = table.header.get(i)?;
                    let key_label = format!("{key_prefix} {label_clean}");
                    let name_label = format!("{name_prefix} {label_clean}");
                    let mut s = spec(i, h, key_label.trim(), name_label.trim());
                    s.key = taken.claim(&s.key);
                    Some(s)
                })
                .collect();
            dedupe_keys(&mut specs);
            let rows: Vec<&Row> = indexes
                .iter()
                .filter_map(|&k| all.get(k).copied())
                .collect();
            let part_dates = DateColumn {
                dates: indexes
                    .iter()
                    .map(|&k| dates.dates.get(k).copied().flatten())
                    .collect(),
                problems: indexes
                    .iter()
                    .enumerate()
                    .filter_map(|(j, k)| problem_of.get(k).map(|m| (j, (*m).clone())))
                    .collect(),
                notes: Vec::new(),
                question: None,
            };
            let part = collect(&rows, &part_dates, &specs);
            collected.metrics.extend(part.metrics);
            collected.rows += part.rows;
            collected.problems.extend(part.problems);
        }
        collected.problems.sort_by_key(|p| p.line);
        let columns: Vec<String> = groups
            .iter()
            .filter_map(|&g| table.header.get(g).cloned())
            .collect();
        collected.notes.push(ExportMessage::SplitBy { columns });
    }
    collected.metrics.retain(|m| !m.points.is_empty());
    if collected.metrics.is_empty() {
        return None;
    }
    Some(ExportFile {
        platform,
        kind: match platform {
            Platform::SearchConsole => "performance by date".to_string(),
            Platform::SproutSocial => "profile performance".to_string(),
            _ => "table with dates".to_string(),
        },
        metrics: collected.metrics,
        rows: collected.rows,
        problems: collected.problems,
        notes: collected.notes,
        date_question: collected.date_question,
    })
}

fn sprout_prefix(table: &Table, header: &[String]) -> (&'static str, &'static str) {
    if header.iter().any(|h| h == "tiktok profiles") {
        return ("tiktok", "TikTok");
    }
    let networks: BTreeSet<String> = match header.iter().position(|h| h == "network") {
        Some(i) => table
            .rows
            .iter()
            .map(|r| normalise_header(r.cell(i)))
            .collect(),
        None => BTreeSet::new(),
    };
    let only = |n: &str| networks.len() == 1 && networks.contains(n);
    if only("instagram") {
        ("instagram", "Instagram")
    } else if only("facebook") {
        ("facebook", "Facebook")
    } else if only("tiktok") {
        ("tiktok", "TikTok")
    } else if only("linkedin") {
        ("linkedin", "LinkedIn")
    } else if only("x") || only("twitter") {
        ("x", "X")
    } else {
        ("sprout", "Sprout")
    }
}

fn repeated_dates(rows: &[&Row], date_index: usize) -> bool {
    let mut seen = BTreeSet::new();
    rows.iter()
        .any(|r| !seen.insert(r.cell(date_index).trim().to_string()))
}

/// Text columns with 2 to 20 different values (at most one per two rows), when dates repeat: the rows are per group.
fn group_columns(table: &Table, date_index: usize, numeric: &[usize]) -> Vec<usize> {
    let rows: Vec<&Row> = table.rows.iter().collect();
    if !repeated_dates(&rows, date_index) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for i in 0..table.header.len() {
        if i == date_index || numeric.contains(&i) {
            continue;
        }
        let values: BTreeSet<&str> = table.rows.iter().map(|r| r.cell(i).trim()).collect();
        let few = values.len() * 2 <= table.rows.len();
        if few && (2..=20).contains(&values.len()) && values.iter().all(|v| !v.is_empty()) {
            out.push(i);
        }
    }
    // Only the most specific one when one column refines another (Network, Profile).
    if out.len() > 1 {
        let count = |i: usize| {
            table
                .rows
                .iter()
                .map(|r| r.cell(i).trim())
                .collect::<BTreeSet<_>>()
                .len()
        };
        if let Some(&best) = out.iter().max_by_key(|&&i| count(i)) {
            return vec![best];
        }
    }
    out
}

/// The first headers of a table (at most 6, each at most 40 characters; "…" when there are
/// more).
fn first_headers(t: &Table) -> Vec<String> {
    let mut names: Vec<String> = t
        .header
        .iter()
        .filter(|h| !h.trim().is_empty())
        .take(6)
        .map(|h| h.trim().chars().take(40).collect())
        .collect();
    if t.header.len() > 6 {
        names.push("…".to_string());
    }
    names
}

/// Why no reader took the tables, as an error naming what was found.
pub fn explain(tables: &[Table]) -> ExportError {
    for t in tables {
        if let Some(i) = find_date_column(t) {
            return ExportError::NoDates {
                found: ExportMessage::TableWithoutNumbers {
                    date_column: t
                        .header
                        .get(i)
                        .map(|h| h.trim().chars().take(40).collect())
                        .unwrap_or_default(),
                    columns: first_headers(t),
                    rows: t.rows.len(),
                },
            };
        }
    }
    let Some(t) = tables.iter().max_by_key(|t| t.rows.len()) else {
        return ExportError::Unrecognised {
            found: ExportMessage::NoTable,
        };
    };
    ExportError::Unrecognised {
        found: ExportMessage::TableWithoutDates {
            columns: first_headers(t),
            rows: t.rows.len(),
        },
    }
}

/// An [`ExportFile`] from collected metrics (metrics without points dropped); `None` when no
/// metric has a point.
pub fn file(platform: Platform, kind: &str, mut collected: Collected) -> Option<ExportFile> {
    collected.metrics.retain(|m| !m.points.is_empty());
    if collected.metrics.is_empty() {
        return None;
    }
    Some(ExportFile {
        platform,
        kind: kind.to_string(),
        metrics: collected.metrics,
        rows: collected.rows,
        problems: collected.problems,
        notes: collected.notes,
        date_question: collected.date_question,
    })
}
