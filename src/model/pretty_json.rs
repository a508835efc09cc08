//! Indents compact JSON text exactly as `serde_json::to_string_pretty` writes it (two spaces,
//! `": "` after a key, `{}` and `[]` for empty ones). The scorecard is serialized one way only
//! (compact, for storage); the file people share is that text indented, so the wasm holds
//! one copy of the scorecard's writing code, not two (docs/performance.md).

/// `compact` (valid JSON without insignificant whitespace, as `serde_json::to_string`
/// writes it) indented. Any other text comes out with its structure characters spaced the
/// same way, never with characters lost.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // Byte index where the current run of characters copied as they are starts.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        if b == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if !matches!(b, b'{' | b'[' | b'}' | b']' | b',' | b':') {
            i += 1;
            continue;
        }
        // Structure characters are ASCII, so `i` is on a character boundary.
        out.push_str(&compact[run..i]);
        match b {
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                out.push(b as char);
                if bytes.get(i + 1) == Some(&close) {
                    out.push(close as char);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b as char);
            }
            b',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            _ => out.push_str(": "),
        }
        i += 1;
        run = i;
    }
    out.push_str(&compact[run..]);
    out
}

/// A line break and `depth` levels of two spaces.
fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}
