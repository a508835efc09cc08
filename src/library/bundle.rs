//! "Export all": one library file holding every scorecard, each in the scorecard file
//! envelope, and its import with a report per scorecard.

use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::Value;

use crate::model::{ImportError, Scorecard, export_json, import_json};

use super::export::{ExportFile, library_file_name};
use super::layout::APP_VERSION;
use super::plan::Now;

/// The value of a library file's `format` field.
pub const LIBRARY_FORMAT: &str = "social-media-scorecard-library";
/// The library file version this app writes and reads.
pub const LIBRARY_VERSION: u64 = 1;
/// The largest library file read (a library holds several scorecards, each up to
/// [`crate::model::limits::MAX_FILE_BYTES`]).
pub const MAX_LIBRARY_BYTES: usize = 64 * 1024 * 1024;

/// One scorecard of a library file that could not be imported.
#[derive(Clone, PartialEq, Debug, thiserror::Error)]
#[error("Scorecard {number} in the library file: {error}")]
pub struct EntryProblem {
    /// Its place in the file, from 1.
    pub number: usize,
    /// What is wrong with it.
    pub error: ImportError,
}

/// A library file as read.
#[derive(Clone, PartialEq, Debug)]
pub struct LibraryImport {
    /// When the file was saved.
    pub saved_at: String,
    /// The version of the app that saved it.
    pub app_version: String,
    /// The scorecards that could be read, in file order.
    pub scorecards: Vec<Scorecard>,
    /// The ones that could not, each with its own message.
    pub problems: Vec<EntryProblem>,
}

/// A chosen file: one scorecard or a library of them.
#[derive(Clone, PartialEq, Debug)]
pub enum ImportedText {
    /// A scorecard file.
    One(Box<Scorecard>),
    /// A library file.
    Library(LibraryImport),
}

/// Writes every scorecard into one library file named `scorecards-YYYY-MM-DD.library.json`;
/// each entry is exactly the scorecard's own file envelope.
pub fn export_library<'a>(cards: impl IntoIterator<Item = &'a Scorecard>, now: &Now) -> ExportFile {
    let mut text = String::from("{\n");
    let _ = writeln!(text, "  \"format\": {},", json_string(LIBRARY_FORMAT));
    let _ = writeln!(text, "  \"version\": {LIBRARY_VERSION},");
    let _ = writeln!(text, "  \"saved_at\": {},", json_string(&now.timestamp));
    let _ = writeln!(text, "  \"app_version\": {},", json_string(APP_VERSION));
    text.push_str("  \"scorecards\": [");
    for (i, card) in cards.into_iter().enumerate() {
        text.push_str(if i == 0 { "\n" } else { ",\n" });
        let envelope = export_json(card, &now.timestamp, APP_VERSION);
        for (j, line) in envelope.trim_end().lines().enumerate() {
            if j > 0 {
                text.push('\n');
            }
            text.push_str("    ");
            text.push_str(line);
        }
    }
    text.push_str("\n  ]\n}\n");
    ExportFile {
        name: library_file_name(now.today),
        text,
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

#[derive(Deserialize)]
struct Probe {
    format: Option<Value>,
}

/// Reads a chosen file that may be a scorecard file or a library file.
///
/// The text is read once where it can be: a file that opens with the library format (as
/// this app writes it) is read as a library, any other first as a scorecard file. Only when
/// that fails is the whole text looked at for a library format named further on (a library
/// file written by another tool); otherwise the scorecard file's error stands.
pub fn import_any(text: &str) -> Result<ImportedText, ImportError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if opens_as_library(body) {
        return import_library(text).map(ImportedText::Library);
    }
    match import_json(text) {
        Ok(card) => Ok(ImportedText::One(Box::new(card))),
        Err(_) if names_library_format(body) => import_library(text).map(ImportedText::Library),
        Err(error) => Err(error),
    }
}

/// True when `body` starts with `{ "format": "social-media-scorecard-library"`, as every
/// library file this app writes does. Reads a few bytes, not the file.
fn opens_as_library(body: &str) -> bool {
    fn after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
        text.trim_start().strip_prefix(prefix)
    }
    after(body, "{")
        .and_then(|rest| after(rest, "\"format\""))
        .and_then(|rest| after(rest, ":"))
        .and_then(|rest| after(rest, &json_string(LIBRARY_FORMAT)))
        .is_some()
}

/// True when the top-level `format` field of `body`, wherever it is, names a library file.
fn names_library_format(body: &str) -> bool {
    body.len() <= MAX_LIBRARY_BYTES
        && serde_json::from_str::<Probe>(body)
            .ok()
            .and_then(|p| p.format)
            .is_some_and(|f| f == LIBRARY_FORMAT)
}

/// Reads a library file: checks it as a whole (size, JSON, format, version) with the same
/// errors as a scorecard file, then imports each scorecard through the scorecard file import,
/// reporting each one that fails on its own.
pub fn import_library(text: &str) -> Result<LibraryImport, ImportError> {
    if text.len() > MAX_LIBRARY_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_LIBRARY_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .rsplit_once(" at line ")
            .map(|(m, _)| m.to_string())
            .unwrap_or_else(|| e.to_string()),
    })?;
    let not_library = |reason: &str| ImportError::NotScorecardFile {
        reason: format!(
            "{reason}; expected a JSON object with \"format\": \"{LIBRARY_FORMAT}\" and a list \"scorecards\""
        ),
    };
    let Value::Object(mut map) = value else {
        return Err(not_library("the file is not a JSON object"));
    };
    if map.get("format").and_then(Value::as_str) != Some(LIBRARY_FORMAT) {
        return Err(not_library("its \"format\" is missing or different"));
    }
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| not_library("its \"version\" is missing or not a whole number from 1 up"))?;
    if version > LIBRARY_VERSION {
        return Err(ImportError::NewerVersion {
            found: version,
            supported: LIBRARY_VERSION,
        });
    }
    let text_field = |map: &serde_json::Map<String, Value>, key: &str| {
        map.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let saved_at = text_field(&map, "saved_at");
    let app_version = text_field(&map, "app_version");
    let Some(Value::Array(entries)) = map.remove("scorecards") else {
        return Err(not_library("it has no list \"scorecards\""));
    };
    let mut scorecards = Vec::new();
    let mut problems = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let entry_text = serde_json::to_string(&entry).unwrap_or_default();
        match import_json(&entry_text) {
            Ok(card) => scorecards.push(card),
            Err(error) => problems.push(EntryProblem {
                number: i + 1,
                error,
            }),
        }
    }
    Ok(LibraryImport {
        saved_at,
        app_version,
        scorecards,
        problems,
    })
}

impl super::catalog::Library {
    /// Every scorecard of the library in one library file ([`export_library`]).
    pub fn export_all(&self, now: &Now) -> ExportFile {
        export_library(self.cards(), now)
    }
}
