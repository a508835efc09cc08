//! LinkedIn page analytics exports, and spreadsheets in general.
//!
//! LinkedIn serves `.xls` (BIFF8) files; re-saved copies are `.xls` or `.xlsx`. They are read
//! with `calamine`, each sheet turned into a [`Table`] (the header is the first row with a
//! `Date` cell among the first rows; rows above it, such as LinkedIn's note row, become the
//! preamble; numbers written back as text) so the same column logic as for CSV applies:
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

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek, SeekFrom};

use calamine::{Data, DataRef, Reader, Xls, Xlsx};

use super::keys::{TakenKeys, key_from, name_from};
use super::meta::{Spec, push_notes, read_columns};
use super::options::ReadOptions;
use super::text::{Row, Table, normalise_header};
use super::{ExportError, ExportFile, ExportMessage, MAX_EXPORT_BYTES, Platform, meta, tiktok};
use crate::model::{Aggregation, Date};

/// How many rows from the top a sheet's header may be.
const HEADER_SEARCH_ROWS: usize = 5;

/// The most cells read from one workbook (a guard against huge sheets).
const MAX_CELLS: usize = 2_000_000;

/// Whether bytes start like a spreadsheet: an OLE compound file (`.xls`) or a zip (`.xlsx`).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        || bytes.starts_with(b"PK\x03\x04")
}

/// Reads a spreadsheet export (`.xls` or `.xlsx`): `None` when the bytes are not a
/// spreadsheet, else the file read or why it cannot be.
pub fn read_spreadsheet(file_name: &str, bytes: &[u8]) -> Option<Result<ExportFile, ExportError>> {
    read_spreadsheet_on(file_name, bytes, Date::default())
}

/// As [`read_spreadsheet`], with the export date (for dates without a year, e.g. TikTok's
/// `Overview.xlsx`).
pub fn read_spreadsheet_on(
    file_name: &str,
    bytes: &[u8],
    export_date: Date,
) -> Option<Result<ExportFile, ExportError>> {
    read_spreadsheet_with(file_name, bytes, &ReadOptions::on(export_date))
}

/// As [`read_spreadsheet`], with the export date and the order of day and month when the
/// user chose it.
pub fn read_spreadsheet_with(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Option<Result<ExportFile, ExportError>> {
    if !is_spreadsheet(bytes) {
        return None;
    }
    if bytes.len() > MAX_EXPORT_BYTES {
        return Some(Err(ExportError::TooLarge { bytes: bytes.len() }));
    }
    let sheets = match sheets(bytes) {
        Ok(s) => s,
        Err(message) => {
            return Some(Err(ExportError::Unrecognised {
                found: ExportMessage::SpreadsheetUnreadable { reason: message },
            }));
        }
    };
    Some(read_sheets(file_name, &sheets, options))
}

/// A sheet's name and its table.
type Sheet = (String, Table);

/// The bytes of a workbook for calamine: reads past the end give zeros (up to
/// [`PADDING`] bytes) while the length reported by seeking to the end stays the real one.
/// calamine 0.38 slices out of bounds (a panic) when a compound file's sector chain points
/// one or more sectors past the end of a truncated or damaged `.xls`; with the padding such
/// a file reads as zeros and ends in an error instead.
#[derive(Clone)]
struct Padded {
    data: Cursor<Vec<u8>>,
    len: u64,
}

/// Zero bytes after the data: more than the two largest sectors a chain may reach.
const PADDING: usize = 3 * 4096;

impl Padded {
    fn new(bytes: &[u8]) -> Padded {
        let mut data = Vec::with_capacity(bytes.len() + PADDING);
        data.extend_from_slice(bytes);
        data.resize(bytes.len() + PADDING, 0);
        Padded {
            data: Cursor::new(data),
            len: bytes.len() as u64,
        }
    }
}

impl Read for Padded {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.data.read(buf)
    }
}

impl Seek for Padded {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        match pos {
            SeekFrom::End(offset) => {
                let target = i128::from(self.len) + i128::from(offset);
                let target = u64::try_from(target).map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek before start")
                })?;
                self.data.seek(SeekFrom::Start(target))
            }
            other => self.data.seek(other),
        }
    }
}

/// The most columns read from one row of a sheet.
const MAX_COLUMNS: usize = 1024;

/// The sheets of a workbook as tables.
fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let reader = Padded::new(bytes);
    if bytes.starts_with(b"PK") {
        super::sheet_guard::check_xlsx(bytes).map_err(|w| format!("a damaged .xlsx file: {w}"))?;
        return xlsx_sheets(Xlsx::new(reader).map_err(|e| short(&e))?);
    }
    compound::check(bytes).map_err(|why| format!("a damaged .xls file: {why}"))?;
    let mut workbook: Xls<Padded> = Xls::new(reader).map_err(|e| short(&e))?;
    let mut out = Vec::new();
    let mut cells = 0usize;
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let (height, width) = range.get_size();
        cells = cells.saturating_add(height.saturating_mul(width));
        if cells > MAX_CELLS {
            return Err(format!("more than {MAX_CELLS} cells"));
        }
        let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
        let rows: Vec<Row> = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row {
                line: first_row + i + 1,
                cells: std::iter::repeat_n(String::new(), first_col.min(MAX_COLUMNS))
                    .chain(cells.iter().map(cell_text))
                    .take(MAX_COLUMNS)
                    .collect(),
            })
            .collect();
        out.push((name, sheet_table(rows)));
    }
    Ok(out)
}

/// The sheets of an `.xlsx` workbook, cell by cell (calamine's `worksheet_range` would
/// allocate the whole rectangle the cells span, which a damaged cell reference such as
/// `A99999999` makes enormous): only the rows that have cells, at most [`MAX_COLUMNS`]
/// columns each, at most [`MAX_CELLS`] cells in all.
fn xlsx_sheets(mut workbook: Xlsx<Padded>) -> Result<Vec<Sheet>, String> {
    let mut out = Vec::new();
    let mut count = 0usize;
    for name in workbook.sheet_names() {
        let Ok(mut reader) = workbook.worksheet_cells_reader(&name) else {
            continue;
        };
        let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        while let Ok(Some(cell)) = reader.next_cell() {
            count += 1;
            if count > MAX_CELLS {
                return Err(format!("more than {MAX_CELLS} cells"));
            }
            let (row, col) = cell.get_position();
            let col = col as usize;
            if col >= MAX_COLUMNS {
                continue;
            }
            let text = cell_text(&data_of(cell.get_value()));
            let cells = rows.entry(row).or_default();
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            if let Some(slot) = cells.get_mut(col) {
                *slot = text;
            }
        }
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|(row, cells)| Row {
                line: row as usize + 1,
                cells,
            })
            .collect();
        out.push((name, sheet_table(rows)));
    }
    Ok(out)
}

/// A cell of the streaming reader as an owned cell.
fn data_of(cell: &DataRef<'_>) -> Data {
    match cell {
        DataRef::Int(i) => Data::Int(*i),
        DataRef::Float(f) => Data::Float(*f),
        DataRef::String(s) => Data::String(s.clone()),
        DataRef::SharedString(s) => Data::String((*s).to_string()),
        DataRef::Bool(b) => Data::Bool(*b),
        DataRef::DateTime(d) => Data::DateTime(*d),
        DataRef::DateTimeIso(s) => Data::DateTimeIso(s.clone()),
        DataRef::DurationIso(s) => Data::DurationIso(s.clone()),
        DataRef::Error(e) => Data::Error(e.clone()),
        DataRef::Empty => Data::Empty,
    }
}

/// An error's text, at most 120 characters.
fn short(e: &impl std::fmt::Display) -> String {
    e.to_string().chars().take(120).collect()
}

/// One cell as the text a CSV would hold: integral numbers without `.0`, dates as ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            if (1.0..2_958_466.0).contains(&serial) {
                // Excel's day 0 is 1899-12-30 (counting its phantom 1900-02-29).
                let base = Date::from_ymd(1899, 12, 30).unwrap_or_default();
                base.add_days(serial.floor() as i64).to_string()
            } else {
                serial.to_string()
            }
        }
        Data::Error(e) => format!("#{e:?}"),
        Data::Empty => String::new(),
    }
}

/// A sheet's rows as a table: the header is the first of the top rows with a `Date` cell
/// (else the first non-empty row); rows above it are the preamble.
fn sheet_table(rows: Vec<Row>) -> Table {
    let is_date_header = |r: &Row| {
        r.cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2
            && r.cells.iter().any(|c| normalise_header(c) == "date")
    };
    let header_at = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(is_date_header)
        .or_else(|| {
            rows.iter()
                .position(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        });
    let Some(at) = header_at else {
        return Table::default();
    };
    let mut rows = rows;
    let rest = rows.split_off(at);
    let preamble = rows
        .iter()
        .map(|r| {
            let text = r
                .cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            (r.line, text)
        })
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let mut rest = rest.into_iter();
    let Some(header) = rest.next() else {
        return Table::default();
    };
    Table {
        preamble,
        header: header.cells.iter().map(|c| c.trim().to_string()).collect(),
        header_line: header.line,
        rows: rest.collect(),
    }
}

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
fn read_sheets(
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

/// A check of an `.xls` file's compound-file structure before calamine reads it.
///
/// calamine 0.38 trusts the sector chains of a compound file: a chain that loops grows a
/// buffer without end (the tab runs out of memory), and a sector number past the FAT or the
/// end of the file panics. This walks every chain calamine will follow — the directory, the
/// mini FAT, the mini stream and each stream — and refuses the file when one of them leaves
/// the file or loops. Linear in the size of the file.
mod compound {
    /// Sector numbers at or above this are markers (end of chain, free, FAT, DIFAT).
    const MAX_REGULAR: u32 = 0xFFFF_FFFA;
    /// The end of a chain.
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

    fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
        let b = bytes.get(at..at.checked_add(4)?)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
        let b = bytes.get(at..at.checked_add(2)?)?;
        Some(u16::from_le_bytes([b[0], b[1]]))
    }

    /// The table of a FAT or mini FAT and which of its chains are known to end well.
    struct Table {
        next: Vec<u32>,
        /// How many units (sectors or mini sectors) exist.
        units: usize,
        /// 0 unknown, 1 on the path being walked, 2 ends well, 3 bad.
        state: Vec<u8>,
    }

    impl Table {
        fn new(next: Vec<u32>, units: usize) -> Table {
            let state = vec![0; next.len()];
            Table { next, units, state }
        }

        /// Whether the chain from `start` stays inside the table and the file and ends.
        fn chain_ok(&mut self, start: u32) -> bool {
            let mut path = Vec::new();
            let mut id = start;
            let verdict = loop {
                if id > MAX_REGULAR {
                    break true;
                }
                let i = id as usize;
                if i >= self.next.len() || i >= self.units {
                    break false;
                }
                match self.state.get(i).copied().unwrap_or(3) {
                    2 => break true,
                    1 | 3 => break false,
                    _ => {}
                }
                if let Some(s) = self.state.get_mut(i) {
                    *s = 1;
                }
                path.push(i);
                id = self.next.get(i).copied().unwrap_or(END_OF_CHAIN);
            };
            for i in path {
                if let Some(s) = self.state.get_mut(i) {
                    *s = if verdict { 2 } else { 3 };
                }
            }
            verdict
        }

        /// The units of the chain from `start` (call after `chain_ok`).
        fn chain(&self, start: u32) -> Vec<usize> {
            let mut out = Vec::new();
            let mut id = start;
            while id <= MAX_REGULAR && out.len() < self.next.len() {
                out.push(id as usize);
                id = self.next.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
            }
            out
        }
    }

    /// Whether the compound file in `bytes` can be handed to calamine; `Err` says why not.
    pub(super) fn check(bytes: &[u8]) -> Result<(), &'static str> {
        let workbook = workbook_stream(bytes)?;
        super::biff::check(&workbook).and_then(|()| super::super::sheet_guard::check(&workbook))
    }

    /// Checks the chains of the compound file and returns its `Workbook` stream.
    fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
        let shift = u16_at(bytes, 30).ok_or("no header")?;
        let size: usize = match shift {
            9 => 512,
            12 => 4096,
            _ => return Err("an unknown sector size"),
        };
        if bytes.len() < size {
            return Err("cut short");
        }
        let sectors = (bytes.len() - size).div_ceil(size);
        let sector = |id: usize| -> &[u8] {
            let start = (id + 1).saturating_mul(size);
            let end = start.saturating_add(size).min(bytes.len());
            bytes.get(start..end).unwrap_or(&[])
        };
        // The FAT's sectors: 109 in the header, then the DIFAT chain.
        let mut fat_sectors = Vec::new();
        for k in 0..109 {
            let id = u32_at(bytes, 76 + 4 * k).ok_or("cut short")?;
            if id <= MAX_REGULAR {
                fat_sectors.push(id as usize);
            }
        }
        let mut difat = u32_at(bytes, 68).ok_or("cut short")?;
        let mut hops = 0;
        while difat <= MAX_REGULAR {
            hops += 1;
            if hops > sectors || difat as usize >= sectors {
                return Err("a broken DIFAT chain");
            }
            let s = sector(difat as usize);
            let per = size / 4 - 1;
            for k in 0..per {
                if let Some(id) = u32_at(s, 4 * k)
                    && id <= MAX_REGULAR
                {
                    fat_sectors.push(id as usize);
                }
            }
            difat = u32_at(s, 4 * per).unwrap_or(END_OF_CHAIN);
        }
        let mut next = Vec::new();
        for id in fat_sectors {
            if id >= sectors {
                return Err("a FAT sector past the end");
            }
            next.extend(sector(id).chunks_exact(4).filter_map(|c| u32_at(c, 0)));
        }
        let mut fat = Table::new(next, sectors);
        // The directory.
        let dir_start = u32_at(bytes, 48).ok_or("cut short")?;
        if !fat.chain_ok(dir_start) {
            return Err("a broken directory chain");
        }
        let dir: Vec<u8> = fat
            .chain(dir_start)
            .into_iter()
            .flat_map(|id| sector(id).iter().copied())
            .collect();
        let cutoff = u32_at(bytes, 56).unwrap_or(4096) as usize;
        let mini_fat_start = u32_at(bytes, 60).ok_or("cut short")?;
        if !fat.chain_ok(mini_fat_start) {
            return Err("a broken mini FAT chain");
        }
        let mini_next: Vec<u32> = fat
            .chain(mini_fat_start)
            .into_iter()
            .flat_map(|id| {
                sector(id)
                    .chunks_exact(4)
                    .filter_map(|c| u32_at(c, 0))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut mini_units = 0;
        for (k, entry) in dir.chunks_exact(128).enumerate() {
            let kind = entry.get(66).copied().unwrap_or(0);
            let start = u32_at(entry, 116).unwrap_or(END_OF_CHAIN);
            let len = u32_at(entry, 120).unwrap_or(0) as usize;
            if k == 0 || kind == 5 {
                // The root: its chain is the mini stream.
                if !fat.chain_ok(start) {
                    return Err("a broken mini stream");
                }
                mini_units = fat.chain(start).len().saturating_mul(size / 64);
            } else if kind == 2 && len >= cutoff && !fat.chain_ok(start) {
                return Err("a broken stream chain");
            }
        }
        let mut mini = Table::new(mini_next, mini_units);
        let root_start = dir
            .get(116..120)
            .and_then(|b| u32_at(b, 0))
            .unwrap_or(END_OF_CHAIN);
        let mut workbook = None;
        for entry in dir.chunks_exact(128).skip(1) {
            let kind = entry.get(66).copied().unwrap_or(0);
            let start = u32_at(entry, 116).unwrap_or(END_OF_CHAIN);
            let len = u32_at(entry, 120).unwrap_or(0) as usize;
            if kind == 2 && len < cutoff && len > 0 && !mini.chain_ok(start) {
                return Err("a broken mini stream chain");
            }
            if kind == 2 && workbook.is_none() && is_workbook_name(entry) {
                workbook = Some((start, len));
            }
        }
        let (start, len) = workbook.ok_or("no Workbook stream")?;
        let mut data = Vec::new();
        if len >= cutoff {
            for id in fat.chain(start) {
                data.extend_from_slice(sector(id));
            }
        } else {
            let stream: Vec<u8> = fat
                .chain(root_start)
                .into_iter()
                .flat_map(|id| sector(id).iter().copied())
                .collect();
            for k in mini.chain(start) {
                let from = k.saturating_mul(64);
                let to = from.saturating_add(64).min(stream.len());
                data.extend_from_slice(stream.get(from..to).unwrap_or(&[]));
            }
        }
        data.truncate(len);
        Ok(data)
    }

    /// Whether a directory entry is named `Workbook` or `Book` (UTF-16LE).
    fn is_workbook_name(entry: &[u8]) -> bool {
        let name_len = u16_at(entry, 64).unwrap_or(0) as usize;
        let raw = entry.get(..name_len.min(64)).unwrap_or(&[]);
        let units: Vec<u16> = raw
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|u| *u != 0)
            .collect();
        let name = String::from_utf16_lossy(&units);
        name.eq_ignore_ascii_case("workbook") || name.eq_ignore_ascii_case("book")
    }
}

/// A check of the BIFF records of an `.xls` `Workbook` stream before calamine parses them.
///
/// calamine 0.38 indexes some records without checking them: a sheet position past the
/// stream, a `Dimensions` record whose last row or column is before its first (a huge
/// allocation), a `MergeCells` record shorter than its count, a `MulRk` record whose last
/// column is before its first. Those records are checked here, read the way calamine reads
/// them (`Continue` records appended); and the rectangle the cells of a sheet span, which
/// calamine allocates whole.
mod biff {
    fn u16_at(b: &[u8], at: usize) -> Option<u16> {
        let s = b.get(at..at.checked_add(2)?)?;
        Some(u16::from_le_bytes([s[0], s[1]]))
    }

    fn u32_at(b: &[u8], at: usize) -> Option<u32> {
        let s = b.get(at..at.checked_add(4)?)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    /// The most sheets whose records are walked.
    const MAX_SHEETS: usize = 256;

    /// The most cells a sheet may span (calamine allocates its whole rectangle).
    const MAX_DIMENSION_CELLS: u64 = 2_000_000;

    pub(super) fn check(stream: &[u8]) -> Result<(), &'static str> {
        let mut starts = vec![0usize];
        walk(stream, 0, &mut starts)?;
        if starts.len() > MAX_SHEETS + 1 {
            return Err("too many sheets");
        }
        let sheets: Vec<usize> = starts.iter().skip(1).copied().collect();
        for pos in sheets {
            walk(stream, pos, &mut Vec::new())?;
        }
        Ok(())
    }

    /// Walks the records from `pos`, checking those calamine trusts; sheet positions found
    /// are pushed to `sheets`.
    fn walk(stream: &[u8], pos: usize, sheets: &mut Vec<usize>) -> Result<(), &'static str> {
        let mut rest = stream
            .get(pos..)
            .ok_or("a sheet position past the stream")?;
        // Rows and columns spanned by the cells of the current sheet.
        let mut bounds: Option<(u32, u32, u32, u32)> = None;
        while rest.len() >= 4 {
            let typ = u16_at(rest, 0).unwrap_or(0);
            let len = usize::from(u16_at(rest, 2).unwrap_or(0));
            let Some(first) = rest.get(4..4 + len) else {
                return Ok(()); // calamine stops with an error here
            };
            rest = rest.get(4 + len..).unwrap_or(&[]);
            let mut data = first.to_vec();
            while rest.len() > 4 && u16_at(rest, 0) == Some(0x003C) {
                let l = usize::from(u16_at(rest, 2).unwrap_or(0));
                let Some(part) = rest.get(4..4 + l) else {
                    return Ok(());
                };
                data.extend_from_slice(part);
                rest = rest.get(4 + l..).unwrap_or(&[]);
            }
            record(typ, &data, stream.len(), sheets)?;
            if typ == 0x0809 {
                bounds = None;
            }
            if let Some((row, first, last)) = cell_place(typ, &data) {
                let (r0, r1, c0, c1) = bounds.unwrap_or((row, row, first, last));
                let b = (r0.min(row), r1.max(row), c0.min(first), c1.max(last));
                let cells = u64::from(b.1 - b.0 + 1) * u64::from(b.3 - b.2 + 1);
                if cells > MAX_DIMENSION_CELLS {
                    return Err("cells spread over too large a sheet");
                }
                bounds = Some(b);
            }
        }
        Ok(())
    }

    /// The row and first and last column of a cell record calamine keeps.
    fn cell_place(typ: u16, r: &[u8]) -> Option<(u32, u32, u32)> {
        let row = u32::from(u16_at(r, 0)?);
        let col = u32::from(u16_at(r, 2)?);
        match typ {
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => Some((row, col, col)),
            0x00BD | 0x00BE if r.len() >= 6 => {
                let last = u32::from(u16_at(r, r.len() - 2)?);
                Some((row, col, last.max(col)))
            }
            _ => None,
        }
    }

    fn record(
        typ: u16,
        r: &[u8],
        stream_len: usize,
        sheets: &mut Vec<usize>,
    ) -> Result<(), &'static str> {
        match typ {
            // BoundSheet8: the sheet's position in the stream.
            0x0085 => {
                let pos = u32_at(r, 0).ok_or("a short sheet record")? as usize;
                if pos >= stream_len {
                    return Err("a sheet position past the stream");
                }
                sheets.push(pos);
            }
            // Dimensions.
            0x0200 => {
                let (rf, rl, cf, cl) = match r.len() {
                    10 => (
                        u32::from(u16_at(r, 0).unwrap_or(0)),
                        u32::from(u16_at(r, 2).unwrap_or(0)),
                        u32::from(u16_at(r, 4).unwrap_or(0)),
                        u32::from(u16_at(r, 6).unwrap_or(0)),
                    ),
                    14 | 16 => (
                        u32_at(r, 0).unwrap_or(0),
                        u32_at(r, 4).unwrap_or(0),
                        u32::from(u16_at(r, 8).unwrap_or(0)),
                        u32::from(u16_at(r, 10).unwrap_or(0)),
                    ),
                    _ => return Ok(()), // calamine refuses it with an error
                };
                let cf = if cf > 0xFF { 0 } else { cf };
                if rl < rf || cl < cf {
                    return Err("a Dimensions record that ends before it starts");
                }
                let cells = u64::from(rl - rf + 1) * u64::from(cl - cf + 1);
                if cells > MAX_DIMENSION_CELLS {
                    return Err("a Dimensions record too large");
                }
            }
            // MergeCells: a count, then 8 bytes each.
            0x00E5 => {
                let count = usize::from(u16_at(r, 0).ok_or("a short MergeCells record")?);
                if r.len() < 2 + 8 * count {
                    return Err("a short MergeCells record");
                }
            }
            // MulRk and MulBlank: first and last column.
            0x00BD | 0x00BE if r.len() >= 6 => {
                let first = u16_at(r, 2).unwrap_or(0);
                let last = u16_at(r, r.len() - 2).unwrap_or(0);
                if last < first {
                    return Err("a MulRk record that ends before it starts");
                }
            }
            _ => {}
        }
        Ok(())
    }
}
