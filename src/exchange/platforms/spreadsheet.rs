//! Spreadsheets (`.xls` and `.xlsx`) as tables: each sheet read with `calamine`, after the
//! checks of [`super::sheet_guard`], and turned into a [`Table`] (the header is the first row
//! with a `Date` cell among the first rows; rows above it, such as LinkedIn's note row,
//! become the preamble; numbers written back as text) so the same column logic as for CSV
//! applies. `read.rs` hands the sheets to the LinkedIn reader, which offers a workbook that is
//! not LinkedIn's to the TikTok and Meta readers (TikTok's `Overview.xlsx`).

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek, SeekFrom};

use calamine::{Data, DataRef, Reader, Xls, Xlsx};

use super::sheet_guard;
use super::text::{Row, Table, normalise_header};
use crate::model::Date;

/// How many rows from the top a sheet's header may be.
pub(super) const HEADER_SEARCH_ROWS: usize = 5;

/// The most cells read from one workbook (a guard against huge sheets).
const MAX_CELLS: usize = 2_000_000;

/// A sheet's name and its table.
pub(super) type Sheet = (String, Table);

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
pub(super) fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let reader = Padded::new(bytes);
    if bytes.starts_with(b"PK") {
        sheet_guard::check_xlsx(bytes).map_err(|w| format!("a damaged .xlsx file: {w}"))?;
        return xlsx_sheets(Xlsx::new(reader).map_err(|e| short(&e))?);
    }
    sheet_guard::check_xls(bytes).map_err(|why| format!("a damaged .xls file: {why}"))?;
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
