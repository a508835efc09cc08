//! Checks of a spreadsheet before calamine reads it. calamine 0.38 panics (which in the
//! browser ends the whole app) or allocates without end on some damaged files; these checks
//! refuse such a file with a reason instead.
//! - [`check_xls`] (`compound.rs`): the sector chains of an `.xls` compound file, then the
//!   records of its `Workbook` stream, first those `biff.rs` checks, then those [`check`]
//!   checks.
//! - [`check`] (this file) walks the records as calamine does (`Continue` records attached,
//!   nested substreams of a sheet skipped) and refuses a stream in which any of these is short
//!   or overflows:
//!   - workbook globals: `FilePass`, `CodePage`, `DateMode` and `ExternSheet` shorter than
//!     their first field, `BOF` shorter than its version, `BoundSheet8` shorter than its fixed
//!     part, a `Lbl` (defined name) shorter than its fixed part or than its formula, or whose
//!     formula token is cut short, an `SST` whose strings run past their `Continue` records;
//!   - sheets: a `Dimensions` record whose last row or column lies before its first, a
//!     `MulRk` spanning all 65 536 columns, a `MergeCells` record shorter than its count
//!     (without its `Continue` records, which calamine does not read there), and a `Formula`
//!     whose tokens run past its end, or that name defined name 0 or row 65 536 (an overflow).
//! - [`check_xlsx`] (this file) reads the cell references of every XML part of an `.xlsx`
//!   (the `r` and `ref` attributes), which calamine turns into numbers with unchecked
//!   arithmetic: a reference such as `A99999999999` or a range such as `B2:A1` overflows (a
//!   panic where overflow checks are on: native tests and tools, the fuzzer).
//!
//! Found by `fuzz/fuzz_targets/export.rs` (the `.xls` `CodePage` record cut short) and by
//! hand (the `.xlsx` references); the tests are in `tests.rs` beside this file.

mod biff;
mod compound;

pub use compound::check as check_xls;

/// Why a file is refused (English; it becomes part of "a damaged .xls file: …").
pub type Refusal = &'static str;

/// Checks the `Workbook` stream of an `.xls` file; `Err` says what calamine would trip on.
pub fn check(stream: &[u8]) -> Result<(), Refusal> {
    let sheets = globals(stream)?;
    let biff = Biff::of_globals(stream);
    for pos in sheets {
        sheet(stream.get(pos..).unwrap_or(&[]), biff)?;
    }
    Ok(())
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// One record as calamine's `RecordIter` gives it: its type, its data and the data of the
/// `Continue` records after it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

/// The records of `stream` until the first one calamine could not cut out (it stops there
/// with an error, so nothing after it is parsed).
fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, 0)?;
        let len = usize::from(u16_at(stream, 2)?);
        let data = stream.get(4..4 + len)?;
        stream = stream.get(4 + len..).unwrap_or(&[]);
        let mut cont = Vec::new();
        while stream.len() > 4 && u16_at(stream, 0) == Some(0x003C) {
            let l = usize::from(u16_at(stream, 2).unwrap_or(0));
            let Some(part) = stream.get(4..4 + l) else {
                // calamine gives an error instead of this record: nothing more is parsed.
                stream = &[];
                return None;
            };
            cont.push(part);
            stream = stream.get(4 + l..).unwrap_or(&[]);
        }
        Some(Record { typ, data, cont })
    })
}

/// The BIFF version, as calamine's `parse_bof` decides it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Biff {
    /// BIFF 2 to 5: shorter cell references in formulas.
    Old,
    /// BIFF 8 (Excel 97 and later).
    Eight,
}

impl Biff {
    fn of_bof(data: &[u8]) -> Biff {
        let version = u16_at(data, 0).unwrap_or(0x0600);
        let dt = u16_at(data, 2).unwrap_or(0);
        match version {
            0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500 => Biff::Old,
            0 if dt == 0x1000 => Biff::Old,
            _ => Biff::Eight,
        }
    }

    /// The version the globals end with (calamine parses every sheet with it).
    fn of_globals(stream: &[u8]) -> Biff {
        let mut biff = Biff::Eight;
        for r in records(stream) {
            match r.typ {
                0x0809 => biff = Biff::of_bof(r.data),
                0x000A => break,
                _ => {}
            }
        }
        biff
    }
}

/// Checks the workbook globals; returns the sheets' positions in the stream.
fn globals(stream: &[u8]) -> Result<Vec<usize>, Refusal> {
    let mut biff = Biff::Eight;
    let mut sheets = Vec::new();
    for r in records(stream) {
        let d = r.data;
        match r.typ {
            // FilePass, CodePage, DateMode: a u16 read unchecked.
            0x002F | 0x0042 | 0x0022 if d.len() < 2 => return Err("a record cut short"),
            0x0809 => {
                if d.len() < 2 {
                    return Err("a BOF record cut short");
                }
                biff = Biff::of_bof(d);
            }
            0x0085 => {
                if d.len() < 6 {
                    return Err("a sheet record cut short");
                }
                sheets.push(u32_at(d, 0).unwrap_or(0) as usize);
            }
            0x0017 if biff == Biff::Eight && d.len() < 2 => {
                return Err("an ExternSheet record cut short");
            }
            0x0018 => defined_name(d, biff)?,
            0x00FC => shared_strings(&r)?,
            0x000A => break,
            _ => {}
        }
    }
    Ok(sheets)
}

/// `Lbl`: 14 fixed bytes, then the name, then `cce` bytes of formula at the end.
fn defined_name(d: &[u8], biff: Biff) -> Result<(), Refusal> {
    let short = Err("a defined name cut short");
    if d.len() < 14 {
        return short;
    }
    let cce = usize::from(u16_at(d, 4).unwrap_or(0));
    let Some(rgce) = d.len().checked_sub(cce).and_then(|from| d.get(from..)) else {
        return short;
    };
    let Some(&ptg) = rgce.first() else {
        return Ok(());
    };
    let old = biff == Biff::Old;
    let needed = match ptg {
        0x3A | 0x5A | 0x7A => {
            if old {
                18
            } else {
                7
            }
        }
        0x3B | 0x5B | 0x7B => {
            if old {
                21
            } else {
                11
            }
        }
        0x3C | 0x5C | 0x7C | 0x3D | 0x5D | 0x7D => {
            if old {
                13
            } else {
                3
            }
        }
        _ => 0,
    };
    if rgce.len() < needed { short } else { Ok(()) }
}

/// `SST`: after 8 bytes of counts, strings of `cch`, flags, optional run count (2 bytes) and
/// extension size (4 bytes), all of which calamine reads from the current part unchecked, then
/// the characters, which may continue in the next part (whose first byte, read unchecked,
/// gives their width).
fn shared_strings(r: &Record<'_>) -> Result<(), Refusal> {
    let cut = Err("a shared string cut short");
    if r.data.len() < 8 {
        return Ok(()); // calamine refuses it with an error
    }
    let mut parts = r.cont.iter().copied();
    let mut data = r.data.get(8..).unwrap_or(&[]);
    loop {
        if data.is_empty() {
            match parts.next() {
                Some(next) => {
                    data = next;
                    if data.is_empty() {
                        continue; // an empty string, then the next part
                    }
                }
                None => return Ok(()),
            }
        }
        if data.len() < 3 {
            return Ok(()); // calamine's error
        }
        let mut cch = usize::from(u16_at(data, 0).unwrap_or(0));
        let flags = data[2];
        data = &data[3..];
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x8 != 0 {
            let Some(n) = u16_at(data, 0) else { return cut };
            runs = usize::from(n) * 4;
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            let Some(n) = u32_at(data, 0) else { return cut };
            // calamine reads an i32 and casts it: a negative size skips past the end (an error).
            ext = i32::from_le_bytes(n.to_le_bytes()) as usize;
            data = &data[4..];
        }
        let mut wide = flags & 0x1 != 0;
        loop {
            let (chars, bytes) = if wide {
                let c = (data.len() / 2).min(cch);
                (c, 2 * c)
            } else {
                let c = data.len().min(cch);
                (c, c)
            };
            data = &data[bytes..];
            cch -= chars;
            if cch == 0 {
                break;
            }
            let Some(next) = parts.next() else {
                return Ok(()); // calamine's error: end of stream
            };
            let Some((&first, rest)) = next.split_first() else {
                return cut; // calamine reads the first byte of an empty part
            };
            wide = first & 0x1 != 0;
            data = rest;
        }
        // Skip the runs and the extension, across parts as calamine does.
        let mut skip = runs.saturating_add(ext);
        while skip > 0 {
            if data.is_empty() {
                match parts.next() {
                    Some(next) => data = next,
                    None => return Ok(()), // calamine's error
                }
                continue;
            }
            let n = skip.min(data.len());
            data = &data[n..];
            skip -= n;
        }
    }
}

/// Checks one sheet's records, from its `BOF` to its `EOF`, skipping nested substreams.
fn sheet(stream: &[u8], biff: Biff) -> Result<(), Refusal> {
    let mut seen_bof = false;
    let mut depth = 0usize;
    for r in records(stream) {
        if depth > 0 {
            match r.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let d = r.data;
        match r.typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => dimensions(d)?,
            0x00BD if d.len() >= 6 => {
                let first = u16_at(d, 2).unwrap_or(0);
                let last = u16_at(d, d.len() - 2).unwrap_or(0);
                if last < first || last - first == u16::MAX {
                    return Err("a MulRk record with a bad column span");
                }
            }
            0x00E5 => {
                let count = usize::from(u16_at(d, 0).ok_or("a MergeCells record cut short")?);
                if d.len() < 2 + 8 * count {
                    return Err("a MergeCells record cut short");
                }
            }
            0x0006 if d.len() >= 20 => formula(&d[20..], biff)?,
            0x000A => break,
            _ => {}
        }
    }
    Ok(())
}

/// `Dimensions`: calamine subtracts the first row (column) from the last minus one.
fn dimensions(d: &[u8]) -> Result<(), Refusal> {
    let (rf, rl, cf, cl) = match d.len() {
        10 => (
            u32::from(u16_at(d, 0).unwrap_or(0)),
            u32::from(u16_at(d, 2).unwrap_or(0)),
            u32::from(u16_at(d, 4).unwrap_or(0)),
            u32::from(u16_at(d, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(d, 0).unwrap_or(0),
            u32_at(d, 4).unwrap_or(0),
            u32::from(u16_at(d, 8).unwrap_or(0)),
            u32::from(u16_at(d, 10).unwrap_or(0)),
        ),
        _ => return Ok(()), // calamine's error
    };
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    if rl >= 1 && cl >= 1 && (rl - 1 < rf || cl - 1 < cf) {
        return Err("a Dimensions record that ends before it starts");
    }
    Ok(())
}

/// A cell formula (`CellParsedFormula`: `cce`, then the tokens): every token must fit in the
/// `cce` bytes, as calamine's `parse_formula` slices them unchecked. calamine stops at a token
/// it does not know (with an error, which it ignores), so the walk stops there too.
fn formula(rgce: &[u8], biff: Biff) -> Result<(), Refusal> {
    let cut = Err("a formula cut short");
    let Some(cce) = u16_at(rgce, 0) else {
        return cut;
    };
    let Some(mut t) = rgce.get(2..2 + usize::from(cce)) else {
        return cut;
    };
    let old = biff == Biff::Old;
    let pick = |o: usize, eight: usize| if old { o } else { eight };
    while let Some((&ptg, rest)) = t.split_first() {
        t = rest;
        let size = match ptg {
            0x3A | 0x5A | 0x7A => {
                if u16_at(t, 2) == Some(u16::MAX) {
                    return Err("a formula referring to row 65 536");
                }
                6
            }
            0x3B | 0x5B | 0x7B | 0x3D | 0x5D | 0x7D => 10,
            0x3C | 0x5C | 0x7C => 6,
            0x01 => {
                if t.len() < 4 {
                    return Ok(()); // calamine's error
                }
                4
            }
            0x03..=0x16 => 0,
            0x17 => {
                let Some(&cch) = t.first() else {
                    return Ok(()); // calamine's error
                };
                let cch = usize::from(cch);
                let size = if old {
                    1 + cch
                } else {
                    let Some(&flags) = t.get(1) else {
                        return Ok(());
                    };
                    2 + if flags & 1 != 0 { 2 * cch } else { cch }
                };
                if t.len() < size {
                    return Ok(()); // calamine's error
                }
                size
            }
            0x18 => 5,
            0x19 => {
                let Some(&etpg) = t.first() else {
                    return cut;
                };
                match etpg {
                    0x01 | 0x02 | 0x08 | 0x10 | 0x20 | 0x21 => 3,
                    0x04 => match u16_at(t, 1) {
                        Some(n) => 3 + 2 * (usize::from(n) + 1),
                        None => return cut,
                    },
                    0x40 | 0x41 => {
                        let Some(&kind) = t.get(1) else {
                            return cut;
                        };
                        if kind > 0x06 {
                            return Ok(()); // calamine's error
                        }
                        3
                    }
                    _ => return Ok(()),
                }
            }
            0x1C => match t.first() {
                Some(0x00 | 0x07 | 0x0F | 0x17 | 0x1D | 0x24 | 0x2A | 0x2B) => 1,
                Some(_) => return Ok(()),
                None => return cut,
            },
            0x1D => 1,
            0x1E => 2,
            0x1F => 8,
            0x20 | 0x40 | 0x60 => 7,
            0x21 | 0x41 | 0x61 => 2,
            0x22 | 0x42 | 0x62 => 3,
            0x23 | 0x43 | 0x63 => {
                if u32_at(t, 0) == Some(0) {
                    return Err("a formula naming name 0");
                }
                4
            }
            0x24 | 0x44 | 0x64 => {
                if !old && u16_at(t, 0) == Some(u16::MAX) {
                    return Err("a formula referring to row 65 536");
                }
                pick(3, 4)
            }
            0x25 | 0x45 | 0x65 => pick(6, 8),
            0x2A | 0x4A | 0x6A => pick(3, 4),
            0x2B | 0x4B | 0x6B => pick(6, 8),
            0x39 | 0x59 => 6,
            _ => return Ok(()),
        };
        t = t.get(size..).ok_or("a formula cut short")?;
    }
    Ok(())
}

/// The most bytes one XML part of an `.xlsx` file may unpack to.
const MAX_XML_PART: usize = 256 * 1024 * 1024;

/// Checks the cell references in the XML parts of an `.xlsx` file (a zip) before calamine
/// reads them; `Err` says what calamine would trip on, or that the zip cannot be read here.
pub fn check_xlsx(bytes: &[u8]) -> Result<(), Refusal> {
    for (name, method, data) in zip_entries(bytes)? {
        if !name.ends_with(b".xml") {
            continue;
        }
        let xml = match method {
            0 => std::borrow::Cow::Borrowed(data),
            8 => std::borrow::Cow::Owned(
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_XML_PART)
                    .map_err(|_| "an XML part that cannot be unpacked")?,
            ),
            _ => continue, // calamine cannot unpack it either (an error)
        };
        references(&xml)?;
    }
    Ok(())
}

/// One entry of a zip: its name, its compression method and its packed data.
type ZipEntry<'a> = (&'a [u8], u16, &'a [u8]);

/// The entries of a zip, from its central directory.
fn zip_entries(bytes: &[u8]) -> Result<Vec<ZipEntry<'_>>, Refusal> {
    let bad = "a zip file that cannot be read";
    // The end of central directory record: 22 bytes, then a comment of up to 65 535.
    let lowest = bytes.len().saturating_sub(22 + 0xFFFF);
    let end = (lowest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(0x0605_4B50))
        .ok_or(bad)?;
    let count = usize::from(u16_at(bytes, end + 10).ok_or(bad)?);
    let mut at = u32_at(bytes, end + 16).ok_or(bad)? as usize;
    if count == 0xFFFF || at == 0xFFFF_FFFF {
        return Err("a zip64 file");
    }
    let mut out = Vec::with_capacity(count);
    let add = |a: usize, b: usize| a.checked_add(b).ok_or(bad);
    for _ in 0..count {
        if u32_at(bytes, at) != Some(0x0201_4B50) {
            return Err(bad);
        }
        let field16 = |o: usize| add(at, o).and_then(|i| u16_at(bytes, i).ok_or(bad));
        let field32 = |o: usize| add(at, o).and_then(|i| u32_at(bytes, i).ok_or(bad));
        let method = field16(10)?;
        let packed = field32(20)? as usize;
        let name_len = usize::from(field16(28)?);
        let extra_len = usize::from(field16(30)?);
        let comment_len = usize::from(field16(32)?);
        let local = field32(42)? as usize;
        let name_at = add(at, 46)?;
        let name = bytes.get(name_at..add(name_at, name_len)?).ok_or(bad)?;
        at = add(add(add(name_at, name_len)?, extra_len)?, comment_len)?;
        if u32_at(bytes, local) != Some(0x0403_4B50) {
            return Err(bad);
        }
        let local16 = |o: usize| add(local, o).and_then(|i| u16_at(bytes, i).ok_or(bad));
        let local_name = usize::from(local16(26)?);
        let local_extra = usize::from(local16(28)?);
        let start = add(add(add(local, 30)?, local_name)?, local_extra)?;
        let data = bytes.get(start..add(start, packed)?).ok_or(bad)?;
        out.push((name, method, data));
    }
    Ok(out)
}

/// Checks the values of the `r` and `ref` attributes in one XML part.
fn references(xml: &[u8]) -> Result<(), Refusal> {
    for (attr, range) in [(&b"r=\""[..], false), (&b"ref=\""[..], true)] {
        let mut from = 0;
        while let Some(found) = find(xml.get(from..).unwrap_or(&[]), attr) {
            let at = from + found;
            from = at + attr.len();
            // Only a whole attribute name: white space before it.
            if !at
                .checked_sub(1)
                .and_then(|i| xml.get(i))
                .is_some_and(u8::is_ascii_whitespace)
            {
                continue;
            }
            let rest = xml.get(from..).unwrap_or(&[]);
            let value = &rest[..rest.iter().position(|&b| b == b'"').unwrap_or(rest.len())];
            if range {
                let mut ends = value.split(|&b| b == b':');
                let first = ends.next().map(cell_ref).unwrap_or(Ok(None))?;
                let last = ends.next().map(cell_ref).transpose()?.flatten();
                if let (Some((r0, c0)), Some((r1, c1))) = (first, last)
                    && (r1 < r0 || c1 < c0)
                {
                    return Err("a cell range that ends before it starts");
                }
            } else {
                cell_ref(value)?;
            }
        }
    }
    Ok(())
}

/// A cell reference (`B12`, or a row number) as calamine reads it: its row and column, with
/// `None` when calamine refuses it with an error; `Err` when its numbers overflow.
fn cell_ref(text: &[u8]) -> Result<Option<(u32, u32)>, Refusal> {
    let too_large = "a cell reference too large";
    let (mut row, mut col) = (0u32, 0u32);
    let mut digits = false;
    for &b in text {
        let (n, letter) = match b {
            b'A'..=b'Z' => (b - b'A' + 1, true),
            b'a'..=b'z' => (b - b'a' + 1, true),
            b'0'..=b'9' => (b - b'0', false),
            _ => return Ok(None),
        };
        if letter && !digits {
            col = col
                .checked_mul(26)
                .and_then(|c| c.checked_add(u32::from(n)))
                .ok_or(too_large)?;
        } else if letter {
            return Ok(None);
        } else {
            digits = true;
            row = row
                .checked_mul(10)
                .and_then(|r| r.checked_add(u32::from(n)))
                .ok_or(too_large)?;
        }
    }
    Ok(Some((row, col)))
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests;
