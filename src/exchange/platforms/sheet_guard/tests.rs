//! Tests of the checks before calamine: records and references built by hand, and whole
//! files read through `read_export`.

use super::{check, check_xlsx};
use crate::exchange::platforms::read_export;
use crate::model::Date;

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend_from_slice(&u16::try_from(data.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(data);
    out
}

/// A BIFF8 `BOF` record.
fn bof() -> Vec<u8> {
    let mut data = vec![0u8; 16];
    data[..2].copy_from_slice(&0x0600u16.to_le_bytes());
    data[2..4].copy_from_slice(&0x0005u16.to_le_bytes());
    record(0x0809, &data)
}

fn eof() -> Vec<u8> {
    record(0x000A, &[])
}

/// A workbook stream: globals with `globals` records and one sheet with `cells`.
fn stream(globals: &[Vec<u8>], cells: &[Vec<u8>]) -> Vec<u8> {
    let mut head: Vec<u8> = bof();
    for r in globals {
        head.extend_from_slice(r);
    }
    // BoundSheet8: position (filled in below), visible, worksheet, name "S".
    let sheet_record_at = head.len();
    head.extend(record(0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
    head.extend(eof());
    let pos = u32::try_from(head.len()).unwrap_or(0).to_le_bytes();
    head[sheet_record_at + 4..sheet_record_at + 8].copy_from_slice(&pos);
    head.extend(bof());
    for r in cells {
        head.extend_from_slice(r);
    }
    head.extend(eof());
    head
}

/// A compound file (`.xls`) holding `workbook` as its `Workbook` stream (padded to 4096
/// bytes, so that it lives in regular sectors).
fn xls(workbook: &[u8]) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let mut stream = workbook.to_vec();
    stream.resize(stream.len().max(4096).div_ceil(512) * 512, 0);
    let stream_sectors = stream.len() / 512;
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let put16 =
        |b: &mut Vec<u8>, at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut header, 24, 0x003E);
    put16(&mut header, 26, 3);
    put16(&mut header, 28, 0xFFFE);
    put16(&mut header, 30, 9);
    put16(&mut header, 32, 6);
    put32(&mut header, 44, 1); // one FAT sector
    put32(&mut header, 48, 1); // the directory in sector 1
    put32(&mut header, 56, 4096);
    put32(&mut header, 60, END); // no mini FAT
    put32(&mut header, 68, END); // no DIFAT sectors
    put32(&mut header, 76, 0); // the FAT in sector 0
    for k in 1..109 {
        put32(&mut header, 76 + 4 * k, FREE);
    }
    let mut fat = vec![0u8; 512];
    put32(&mut fat, 0, 0xFFFF_FFFD);
    put32(&mut fat, 4, END);
    for k in 0..stream_sectors {
        let next = if k + 1 == stream_sectors {
            END
        } else {
            u32::try_from(k + 3).unwrap_or(END)
        };
        put32(&mut fat, 4 * (k + 2), next);
    }
    for k in stream_sectors + 2..128 {
        put32(&mut fat, 4 * k, FREE);
    }
    let mut dir = vec![0u8; 512];
    let entry =
        |dir: &mut Vec<u8>, k: usize, name: &str, kind: u8, child: u32, start: u32, size: u32| {
            let at = 128 * k;
            let units: Vec<u16> = name.encode_utf16().chain([0]).collect();
            for (i, u) in units.iter().enumerate() {
                dir[at + 2 * i..at + 2 * i + 2].copy_from_slice(&u.to_le_bytes());
            }
            put16(dir, at + 64, u16::try_from(units.len() * 2).unwrap_or(0));
            dir[at + 66] = kind;
            dir[at + 67] = 1;
            put32(dir, at + 68, FREE);
            put32(dir, at + 72, FREE);
            put32(dir, at + 76, child);
            put32(dir, at + 116, start);
            put32(dir, at + 120, size);
        };
    entry(&mut dir, 0, "Root Entry", 5, 1, END, 0);
    let size = u32::try_from(stream.len()).unwrap_or(0);
    entry(&mut dir, 1, "Workbook", 2, FREE, 2, size);
    for k in 2..4 {
        put32(&mut dir, 128 * k + 68, FREE);
        put32(&mut dir, 128 * k + 72, FREE);
        put32(&mut dir, 128 * k + 76, FREE);
    }
    [header, fat, dir, stream].concat()
}

fn date() -> Date {
    Date::from_ymd(2026, 3, 15).unwrap_or_default()
}

/// Why a file was refused, as the error's debug text (which holds the reader's reason).
fn refusal(bytes: &[u8], name: &str) -> String {
    match read_export(name, bytes, date()) {
        Err(e) => format!("{e:?}"),
        Ok(file) => panic!("expected a refusal, got {file:?}"),
    }
}

/// The input the fuzzer found: a `CodePage` record of one byte, which calamine reads as a
/// u16 without checking (a panic), now refused as a damaged file.
#[test]
fn a_code_page_record_cut_short_is_refused_not_a_panic() {
    let bad = xls(&stream(&[record(0x0042, &[0xB0])], &[]));
    let found = refusal(&bad, "export.xls");
    assert!(
        found.contains("a damaged .xls file: a record cut short"),
        "{found}"
    );
    // The same workbook with a whole record passes the guard (and has no daily sheet).
    let good = xls(&stream(&[record(0x0042, &1200u16.to_le_bytes())], &[]));
    assert!(check(&stream(&[record(0x0042, &1200u16.to_le_bytes())], &[])).is_ok());
    assert!(!refusal(&good, "export.xls").contains("damaged"));
}

#[test]
fn other_records_calamine_trusts_are_checked() {
    let cut = |globals: &[Vec<u8>], cells: &[Vec<u8>]| check(&stream(globals, cells));
    // Globals: DateMode, FilePass, a defined name whose formula is longer than it.
    assert!(cut(&[record(0x0022, &[1])], &[]).is_err());
    assert!(cut(&[record(0x002F, &[])], &[]).is_err());
    let mut name = vec![0u8; 14];
    name[4] = 40; // cce = 40 > 14 bytes
    assert!(cut(&[record(0x0018, &name)], &[]).is_err());
    // A shared string that continues in an empty Continue record.
    let mut sst = vec![0u8; 8];
    sst.extend_from_slice(&[5, 0, 0, b'a', b'b']); // 5 characters, 2 here
    let mut globals = record(0x00FC, &sst);
    globals.extend(record(0x003C, &[]));
    globals.extend(record(0x003C, b"xyz"));
    assert!(cut(&[globals], &[]).is_err());
    // Sheets: a formula without its token length, a formula token cut short, a MulRk over
    // every column, a Dimensions record whose last row is before its first.
    assert!(cut(&[], &[record(0x0006, &[0u8; 20])]).is_err());
    let mut formula = vec![0u8; 20];
    formula.extend_from_slice(&[3, 0, 0x1E, 7]); // cce 3: PtgInt needs 2 bytes, 1 left
    formula.push(0);
    assert!(cut(&[], &[record(0x0006, &formula[..23])]).is_err());
    let mut mulrk = vec![0u8; 4];
    mulrk.extend_from_slice(&[0xFF, 0xFF]);
    assert!(cut(&[], &[record(0x00BD, &mulrk)]).is_err());
    let mut dims = vec![0u8; 14];
    dims[0..4].copy_from_slice(&5u32.to_le_bytes());
    dims[4..8].copy_from_slice(&5u32.to_le_bytes());
    dims[10..12].copy_from_slice(&1u16.to_le_bytes());
    assert!(cut(&[], &[record(0x0200, &dims)]).is_err());
    // Whole records of the same kinds pass.
    let mut ok_formula = vec![0u8; 20];
    ok_formula.extend_from_slice(&[3, 0, 0x1E, 7, 0]);
    assert!(cut(&[], &[record(0x0006, &ok_formula)]).is_ok());
    dims[4..8].copy_from_slice(&9u32.to_le_bytes());
    assert!(cut(&[], &[record(0x0200, &dims)]).is_ok());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip of stored (uncompressed) files.
fn zip(files: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, text) in files {
        let data = text.as_bytes();
        let offset = u32::try_from(out.len()).unwrap_or(0);
        let size = u32::try_from(data.len()).unwrap_or(0);
        let name_len = u16::try_from(name.len()).unwrap_or(0);
        let crc = crc32(data);
        let mut common = Vec::new();
        common.extend_from_slice(&20u16.to_le_bytes()); // version needed
        common.extend_from_slice(&0u16.to_le_bytes()); // flags
        common.extend_from_slice(&0u16.to_le_bytes()); // stored
        common.extend_from_slice(&0u32.to_le_bytes()); // time, date
        common.extend_from_slice(&crc.to_le_bytes());
        common.extend_from_slice(&size.to_le_bytes());
        common.extend_from_slice(&size.to_le_bytes());
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes()); // extra
        out.extend_from_slice(&0x0403_4B50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4B50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0u8; 6]); // comment, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = u32::try_from(out.len()).unwrap_or(0);
    let count = u16::try_from(files.len()).unwrap_or(0);
    let central_len = u32::try_from(central.len()).unwrap_or(0);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4B50u32.to_le_bytes());
    out.extend_from_slice(&[0u8; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_len.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0u8; 2]);
    out
}

/// An `.xlsx` file whose one sheet has a header row and the data row `cells` (XML).
fn xlsx(dimension: &str, cells: &str) -> Vec<u8> {
    let ns = "http://schemas.openxmlformats.org";
    zip(&[
        (
            "[Content_Types].xml",
            format!(
                r#"<?xml version="1.0"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Daily" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0"?><worksheet xmlns="{ns}/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Impressions (total)</t></is></c></row><row r="2">{cells}</row></sheetData></worksheet>"#
            ),
        ),
    ])
}

/// Cell references whose numbers overflow in calamine (a panic where overflow checks are
/// on) are refused; a sound file of the same shape is read.
#[test]
fn xlsx_cell_references_that_overflow_are_refused() {
    let good = xlsx(
        "A1:B2",
        r#"<c r="A2" t="inlineStr"><is><t>2026-03-01</t></is></c><c r="B2"><v>5</v></c>"#,
    );
    assert_eq!(check_xlsx(&good), Ok(()));
    let read = read_export("export.xlsx", &good, date());
    assert!(read.is_ok(), "a sound file is read: {read:?}");
    for (dimension, cells, why) in [
        ("A1:B2", r#"<c r="A99999999999"><v>5</v></c>"#, "too large"),
        ("A1:B2", r#"<c r="ZZZZZZZZ2"><v>5</v></c>"#, "too large"),
        (
            "B2:A1",
            r#"<c r="B2"><v>5</v></c>"#,
            "ends before it starts",
        ),
        (
            "A2:B1",
            r#"<c r="B2"><v>5</v></c>"#,
            "ends before it starts",
        ),
    ] {
        let bad = xlsx(dimension, cells);
        let found = refusal(&bad, "export.xlsx");
        assert!(found.contains("a damaged .xlsx file"), "{found}");
        assert!(found.contains(why), "{found}");
    }
}
