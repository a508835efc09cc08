//! A check of the BIFF records of an `.xls` `Workbook` stream before calamine parses them.
//!
//! calamine 0.38 indexes some records without checking them: a sheet position past the
//! stream, a `Dimensions` record whose last row or column is before its first (a huge
//! allocation), a `MergeCells` record shorter than its count, a `MulRk` record whose last
//! column is before its first. Those records are checked here, read the way calamine reads
//! them (`Continue` records appended); and the rectangle the cells of a sheet span, which
//! calamine allocates whole.

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
