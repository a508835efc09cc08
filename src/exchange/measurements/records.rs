//! Splits delimited text (tab, semicolon or comma separated) into records and fields, with
//! RFC 4180 quoting: a field in double quotes may hold separators, line breaks and `""`.

/// One record of delimited text.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct Record {
    /// The 1-based line on which the record starts.
    pub line: usize,
    /// The fields; unquoted fields are trimmed, quoted ones kept as written.
    pub fields: Vec<String>,
    /// The fields as written, untrimmed.
    pub raw: Vec<String>,
    /// Whether a quoted field was still open at the end of the text.
    pub unclosed_quote: bool,
}

impl Record {
    /// Whether every field is empty or white space.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }

    /// The field at `index` (0-based), if present.
    pub fn field(&self, index: usize) -> Option<&str> {
        self.fields.get(index).map(String::as_str)
    }
}

/// The column separator of pasted text: a tab if any line has one (outside quotes), else a
/// semicolon if any line has one, else a comma.
pub(crate) fn detect_separator(text: &str) -> char {
    let (mut tab, mut semi) = (false, false);
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => tab = true,
            ';' if !quoted => semi = true,
            _ => {}
        }
    }
    if tab {
        '\t'
    } else if semi {
        ';'
    } else {
        ','
    }
}

/// The non-blank records of `text`, split on `sep`. A leading byte-order mark is ignored.
pub(crate) fn records(text: &str, sep: char) -> Vec<Record> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut record = Record {
        line,
        fields: Vec::new(),
        raw: Vec::new(),
        unclosed_quote: false,
    };
    let mut field = String::new();
    let mut quoted_field = false;
    let finish_field = |field: &mut String, quoted: bool, record: &mut Record| {
        let value = std::mem::take(field);
        record.raw.push(value.clone());
        record.fields.push(if quoted {
            value
        } else {
            value.trim().to_string()
        });
    };
    while let Some(c) = chars.next() {
        if c == '"' && !quoted_field && field.trim().is_empty() {
            field.clear();
            quoted_field = true;
            let mut closed = false;
            while let Some(q) = chars.next() {
                match q {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    other => field.push(other),
                }
            }
            if !closed {
                record.unclosed_quote = true;
            }
            continue;
        }
        if c == sep {
            finish_field(&mut field, quoted_field, &mut record);
            quoted_field = false;
        } else if c == '\n' {
            finish_field(&mut field, quoted_field, &mut record);
            let next = Record {
                line: line + 1,
                fields: Vec::new(),
                raw: Vec::new(),
                unclosed_quote: false,
            };
            let done = std::mem::replace(&mut record, next);
            if !done.is_blank() {
                out.push(done);
            }
            line += 1;
            quoted_field = false;
        } else if c != '\r' || chars.peek().is_some_and(|n| *n != '\n') {
            // Text after a closing quote is kept, as spreadsheets do.
            field.push(c);
        }
    }
    finish_field(&mut field, quoted_field, &mut record);
    if !record.is_blank() || record.unclosed_quote {
        out.push(record);
    }
    out
}
