//! Bytes to text, and text to tables.
//!
//! [`decode`] recognises UTF-8 (with or without BOM), UTF-16 (with a BOM, or little-endian
//! without one) and falls back to Windows-1252; it refuses binary files. [`tables`] splits
//! the text into the tables it holds: a `sep=` first line, the separator decided per table,
//! quoted fields (also spanning lines), lines a spreadsheet wrapped whole in quotes, comment
//! and title lines before the header, and several tables stacked with blank lines between.

use super::{ExportError, MAX_EXPORT_BYTES};

/// One table found in a text: the lines before its header, the header and the data rows.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Table {
    /// Title and comment lines before the header, with their line numbers (from 1), as
    /// written (a title's quotes and trailing separators removed).
    pub preamble: Vec<(usize, String)>,
    /// The header's cells, trimmed.
    pub header: Vec<String>,
    /// The header's line number, from 1.
    pub header_line: usize,
    /// The data rows.
    pub rows: Vec<Row>,
}

/// One data row of a [`Table`].
#[derive(Clone, PartialEq, Debug)]
pub struct Row {
    /// The row's (first) line number in the file, from 1.
    pub line: usize,
    /// The cells, as written (quotes removed, not trimmed).
    pub cells: Vec<String>,
}

impl Table {
    /// The index of the first header cell whose normalised text is one of `names`
    /// (normalised with [`normalise_header`]).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header
            .iter()
            .position(|h| names.contains(&normalise_header(h).as_str()))
    }

    /// The normalised header cells.
    pub fn normalised_header(&self) -> Vec<String> {
        self.header.iter().map(|h| normalise_header(h)).collect()
    }

    /// The preamble lines' texts, normalised with [`normalise_header`].
    pub fn normalised_preamble(&self) -> Vec<String> {
        self.preamble
            .iter()
            .map(|(_, t)| normalise_header(t))
            .collect()
    }
}

impl Row {
    /// The cell at `index`, or "" when the row is shorter.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map(String::as_str).unwrap_or("")
    }
}

/// Normalises a header (or title) for matching: trimmed, soft hyphens, zero-width
/// characters and BOMs dropped, runs of white space collapsed to one space, lower-case.
pub fn normalise_header(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(
            c,
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        ) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Decodes the bytes of an export into text.
///
/// Refuses files over [`MAX_EXPORT_BYTES`], empty files and binary files (zip / OLE
/// spreadsheets, or bytes with NULs that are not UTF-16).
pub fn decode(bytes: &[u8]) -> Result<String, ExportError> {
    if bytes.len() > MAX_EXPORT_BYTES {
        return Err(ExportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(ExportError::Empty);
    }
    if is_spreadsheet(bytes) {
        return Err(ExportError::NotText);
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, false)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, true)
    } else if bytes.contains(&0) {
        match utf16_without_bom(bytes) {
            Some(big_endian) => utf16(bytes, big_endian),
            None => return Err(ExportError::NotText),
        }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => windows_1252(bytes),
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string();
    if text.trim().is_empty() {
        return Err(ExportError::Empty);
    }
    if looks_binary(&text) {
        return Err(ExportError::NotText);
    }
    Ok(text)
}

/// Whether bytes start like a spreadsheet: an OLE compound file (`.xls`) or a zip (`.xlsx`).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        || bytes.starts_with(b"PK\x03\x04")
}

/// For bytes with NULs and no BOM: `Some(big_endian)` when they look like UTF-16.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let pairs = bytes.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for (i, b) in bytes.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even_nul += 1;
            } else {
                odd_nul += 1;
            }
        }
    }
    // Mostly ASCII text in UTF-16: one byte of each pair is NUL, the other (almost) never.
    if odd_nul * 10 >= pairs * 3 && even_nul * 20 <= pairs {
        Some(false)
    } else if even_nul * 10 >= pairs * 3 && odd_nul * 20 <= pairs {
        Some(true)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// The characters of Windows-1252 for the bytes 0x80–0x9F (undefined ones as U+FFFD).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or('\u{FFFD}'),
            _ => char::from(b),
        })
        .collect()
}

/// Whether decoded text is mostly control characters or NULs (a binary file).
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(4096) {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) || c == '\u{FFFD}' {
            bad += 1;
        }
    }
    total > 0 && bad * 10 > total
}

/// A logical record: its first line number and its text (lines joined by `\n` when a quoted
/// field spans lines).
struct Record {
    line: usize,
    text: String,
}

/// Splits a text into its tables (see the module documentation).
pub fn tables(text: &str) -> Vec<Table> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .collect();
    let mut forced: Option<char> = None;
    if let Some((_, first)) = lines.first() {
        let t = first.trim().trim_matches('"').trim();
        if let Some(rest) = t.strip_prefix("sep=").or_else(|| t.strip_prefix("SEP=")) {
            forced = match rest {
                "\\t" | "\t" => Some('\t'),
                _ => rest.chars().next().or(Some('\t')),
            };
            lines.remove(0);
        }
    }
    let mut out = Vec::new();
    let mut pending: Vec<(usize, String)> = Vec::new();
    for block in blocks(&lines) {
        if let Some(table) = block_table(&block, forced, &mut pending) {
            out.push(table);
        }
    }
    out
}

/// Groups lines into records, and records into blocks separated by blank lines.
fn blocks(lines: &[(usize, &str)]) -> Vec<Vec<Record>> {
    let mut out: Vec<Vec<Record>> = Vec::new();
    let mut block: Vec<Record> = Vec::new();
    let mut open: Option<Record> = None;
    for &(line, l) in lines {
        if let Some(mut rec) = open.take() {
            rec.text.push('\n');
            rec.text.push_str(l);
            if !quote_count(l).is_multiple_of(2) {
                block.push(rec);
            } else {
                open = Some(rec);
            }
            continue;
        }
        if is_blank(l) {
            if !block.is_empty() {
                out.push(std::mem::take(&mut block));
            }
            continue;
        }
        let rec = Record {
            line,
            text: l.to_string(),
        };
        if !quote_count(l).is_multiple_of(2) {
            open = Some(rec);
        } else {
            block.push(rec);
        }
    }
    if let Some(rec) = open {
        block.push(rec);
    }
    if !block.is_empty() {
        out.push(block);
    }
    out
}

fn quote_count(l: &str) -> usize {
    l.bytes().filter(|b| *b == b'"').count()
}

/// A line with nothing but white space and separators (a spreadsheet's padded empty row).
fn is_blank(l: &str) -> bool {
    l.chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '\t' | '"'))
        && quote_count(l).is_multiple_of(2)
        && !l.contains("\"\"\"")
}

/// Splits one record into fields with RFC 4180 quoting.
fn split_plain(text: &str, sep: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
        } else if c == sep {
            fields.push(std::mem::take(&mut field));
            at_start = true;
            continue;
        } else if c == '"' && (at_start || field.trim().is_empty()) {
            field.clear();
            in_quotes = true;
        } else {
            field.push(c);
        }
        at_start = false;
    }
    fields.push(field);
    fields
}

/// The number of fields [`split_plain`] would give up to the last non-empty one (a
/// spreadsheet pads rows with separators), without building them; at least 1.
fn field_count(text: &str, sep: char) -> usize {
    let mut n = 1;
    let mut last_filled = 1;
    let mut filled = false;
    let mut in_quotes = false;
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    filled = true;
                } else {
                    in_quotes = false;
                }
            } else {
                filled = true;
            }
        } else if c == sep {
            if filled {
                last_filled = n;
            }
            n += 1;
            filled = false;
            at_start = true;
            continue;
        } else if c == '"' && at_start {
            in_quotes = true;
        } else if !c.is_whitespace() {
            filled = true;
        }
        if !c.is_whitespace() {
            at_start = false;
        }
    }
    if filled {
        last_filled = n;
    }
    last_filled
}

/// The number of cells up to the last non-empty one; at least 1.
fn filled_len(cells: &[String]) -> usize {
    cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(1, |i| i + 1)
}

/// Splits one record; a record a spreadsheet wrapped whole in one pair of quotes is unwrapped
/// and split again.
fn split(text: &str, sep: char) -> Vec<String> {
    let fields = split_plain(text, sep);
    if let [only] = fields.as_slice()
        && text.trim_start().starts_with('"')
        && only.contains(sep)
    {
        return split_plain(only, sep);
    }
    fields
}

/// How well `sep` splits the records: the number of records with the most common field count
/// (counts of 1 do not count), and that count.
fn score(records: &[&Record], sep: char) -> (usize, usize) {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // A sample is enough to decide, and keeps big files fast.
    for r in records.iter().take(400) {
        let n = match field_count(&r.text, sep) {
            1 => filled_len(&split(&r.text, sep)),
            n => n,
        };
        if n > 1 {
            *counts.entry(n).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .map(|(n, c)| (c, n))
        .max()
        .unwrap_or((0, 0))
}

/// The cells of a preamble line as one text: quotes removed, trailing separators dropped.
fn preamble_text(text: &str, sep: char) -> String {
    let cells: Vec<String> = split(text, sep)
        .into_iter()
        .map(|c| c.trim().to_string())
        .collect();
    let kept: Vec<&str> = cells
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect();
    kept.join(" ")
}

fn block_table(
    block: &[Record],
    forced: Option<char>,
    pending: &mut Vec<(usize, String)>,
) -> Option<Table> {
    let data: Vec<&Record> = block
        .iter()
        .filter(|r| !r.text.trim_start().starts_with('#'))
        .collect();
    let sep = match forced {
        Some(s) => s,
        None => {
            let mut best = (score(&data, ','), ',');
            for s in [';', '\t'] {
                let sc = score(&data, s);
                if sc > best.0 {
                    best = (sc, s);
                }
            }
            best.1
        }
    };
    let (_, modal) = score(&data, sep);
    if modal < 2 {
        // No table here: titles or comments for the next block (or a one-column table).
        let one_column = data;
        if one_column.len() >= 3 {
            let mut table = Table {
                preamble: std::mem::take(pending),
                ..Table::default()
            };
            for r in block
                .iter()
                .filter(|r| r.text.trim_start().starts_with('#'))
            {
                table.preamble.push((r.line, r.text.trim().to_string()));
            }
            let (head, rest) = one_column.split_first()?;
            table.header = split(&head.text, sep)
                .into_iter()
                .map(|c| c.trim().to_string())
                .collect();
            table.header_line = head.line;
            table.rows = rest
                .iter()
                .map(|r| Row {
                    line: r.line,
                    cells: split(&r.text, sep),
                })
                .collect();
            return Some(table);
        }
        for r in block {
            let t = if r.text.trim_start().starts_with('#') {
                r.text.trim().to_string()
            } else {
                preamble_text(&r.text, sep)
            };
            pending.push((r.line, t));
        }
        return None;
    }
    let mut table = Table {
        preamble: std::mem::take(pending),
        ..Table::default()
    };
    let mut header_found = false;
    for r in block {
        if r.text.trim_start().starts_with('#') {
            if !header_found || table.rows.is_empty() {
                table.preamble.push((r.line, r.text.trim().to_string()));
            }
            continue;
        }
        let cells = split(&r.text, sep);
        if !header_found {
            let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
            if filled >= 2 && filled_len(&cells) + 1 >= modal {
                table.header = cells.into_iter().map(|c| c.trim().to_string()).collect();
                table.header_line = r.line;
                header_found = true;
            } else {
                table.preamble.push((r.line, preamble_text(&r.text, sep)));
            }
            continue;
        }
        table.rows.push(Row {
            line: r.line,
            cells,
        });
    }
    Some(table)
}
