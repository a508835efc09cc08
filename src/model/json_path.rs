//! Where in a JSON text a reading error is, as a path like `objectives[1].title`: found by
//! scanning the text up to the error's position, so the file is read by one chain that does
//! not track paths while it reads (tracking them made every import about twice as slow).
//! The paths are written as `serde_path_to_error` writes them: keys joined by `.`, list
//! positions as `[n]`, `.` for the whole text.

/// One open object or list on the way to the position.
enum Open {
    /// An object, with the key whose value is being read (none right after `{` or `,`).
    Object(Option<String>),
    /// A list, with the position of the element being read.
    List(usize),
}

/// The path of the value that ends at byte `offset` of `text`: a position serde_json
/// reported, just after the value it could not use (for a field missing from an object,
/// just after that object's `}`, so the path is the object's).
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                // A key is the string read where an object expects one.
                if let Some(Open::Object(key @ None)) = stack.last_mut() {
                    let raw = &text[start..i.min(bytes.len())];
                    *key = Some(
                        serde_json::from_str::<String>(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                }
                i += 1;
                continue;
            }
            b'{' => stack.push(Open::Object(None)),
            b'[' => stack.push(Open::List(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Open::Object(key)) => *key = None,
                Some(Open::List(n)) => *n += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Object(None) => {}
            Open::List(n) => path.push_str(&format!("[{n}]")),
        }
    }
    if path.is_empty() {
        ".".to_string()
    } else {
        path
    }
}

/// The byte offset of serde_json's 1-based `line` and its `column` (the bytes before the
/// position on that line) in `text`.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (start + column).min(text.len())
}
