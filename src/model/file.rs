//! The scorecard file: a versioned JSON envelope, export and import with clear errors.
//! The format is described in `docs/file-format.md`.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Extra;
use super::extras::collect_extras;
use super::limits::MAX_FILE_BYTES;
use super::migrate::{CURRENT_VERSION, migrate};
use super::scorecard::Scorecard;
use super::validate::{Problem, validate};

/// The value of the envelope's `format` field.
pub const FORMAT: &str = "social-media-scorecard";
/// The envelope fields; any other envelope field is kept in `Scorecard::file_extra`.
pub const ENVELOPE_FIELDS: [&str; 5] =
    ["format", "version", "saved_at", "app_version", "scorecard"];
/// How many problem paths the `Invalid` error message lists.
pub const SHOWN_PROBLEMS: usize = 5;

/// Why a file could not be imported.
#[derive(Clone, PartialEq, Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is empty.
    #[error("The file is empty.")]
    Empty,
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error(
        "The file is too large ({bytes} bytes); a scorecard file may be at most {limit} bytes."
    )]
    TooLarge {
        /// Size of the file.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The file is not JSON.
    #[error("The file is not valid JSON: {message} (line {line}, column {column}).")]
    NotJson {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// What the JSON reader found.
        message: String,
    },
    /// The file is JSON but not a scorecard file.
    #[error("This is not a Social Media Scorecard file: {reason}.")]
    NotScorecardFile {
        /// What was found and what was expected.
        reason: String,
    },
    /// The file was written by a newer version of the app.
    #[error(
        "This file has format version {found}, made by a newer version of the app; this app reads versions up to {supported}. Please update the app."
    )]
    NewerVersion {
        /// The file's version.
        found: u64,
        /// The newest version this app reads.
        supported: u64,
    },
    /// The file is a scorecard file, but its content has problems.
    #[error("{}", invalid_message(.problems))]
    Invalid {
        /// Every problem found, with its path.
        problems: Vec<Problem>,
    },
}

fn invalid_message(problems: &[Problem]) -> String {
    let mut text = format!(
        "The scorecard in this file has {} problem{}:",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        let _ = write!(text, "\n- {p}");
    }
    if problems.len() > SHOWN_PROBLEMS {
        let _ = write!(text, "\n- … and {} more", problems.len() - SHOWN_PROBLEMS);
    }
    text
}

/// A file as read: envelope fields and the scorecard.
#[derive(Clone, PartialEq, Debug)]
pub struct ImportedFile {
    /// When the file was saved (as written by the saving app).
    pub saved_at: String,
    /// The version of the app that saved it.
    pub app_version: String,
    /// The format version the file had before migration.
    pub file_version: u64,
    /// The scorecard.
    pub scorecard: Scorecard,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    saved_at: &'a str,
    app_version: &'a str,
    scorecard: &'a Scorecard,
    #[serde(flatten)]
    extra: &'a Extra,
}

/// Writes a scorecard file: pretty JSON, fields in a fixed order, unknown fields kept.
/// `saved_at` is an ISO 8601 timestamp given by the caller. It is [`export_json_compact`]'s
/// text indented (the scorecard has one way to be written).
pub fn export_json(card: &Scorecard, saved_at: &str, app_version: &str) -> String {
    let mut text = super::pretty_json::indent(&export_json_compact(card, saved_at, app_version));
    text.push('\n');
    text
}

/// The same file as [`export_json`] without indentation: about a third of the size for a
/// scorecard with many measurements. Used for browser storage, where space is scarce.
pub fn export_json_compact(card: &Scorecard, saved_at: &str, app_version: &str) -> String {
    // Serializing these types cannot fail (all map keys are strings).
    serde_json::to_string(&envelope(card, saved_at, app_version)).unwrap_or_default()
}

fn envelope<'a>(card: &'a Scorecard, saved_at: &'a str, app_version: &'a str) -> EnvelopeOut<'a> {
    EnvelopeOut {
        format: FORMAT,
        version: CURRENT_VERSION,
        saved_at,
        app_version,
        scorecard: card,
        extra: &card.file_extra,
    }
}

/// Reads a scorecard file; see [`import_file`].
pub fn import_json(text: &str) -> Result<Scorecard, ImportError> {
    import_file(text).map(|f| f.scorecard)
}

/// Reads a scorecard file: checks size, JSON, envelope and version, migrates older versions,
/// reads the scorecard (keeping unknown fields) and validates it. Never panics.
///
/// Every file is read into the types the one way [`read_envelope`] does: a current-version
/// file straight from its text; anything else (an older version, a damaged file) through the
/// JSON tree, which the envelope checks and migrations work on, and then that tree's text.
pub fn import_file(text: &str) -> Result<ImportedFile, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    match read_envelope(text) {
        Ok(read) if read.envelope.format == FORMAT && read.envelope.version == CURRENT_VERSION => {
            let tree = if read.unknown_fields {
                // Unknown fields are kept: they are taken from the JSON tree.
                serde_json::from_str::<Value>(text).ok()
            } else {
                None
            };
            finish(read.envelope, tree)
        }
        _ => import_through_tree(text),
    }
}

/// [`import_file`] for any file but the usual one: an older version is migrated; a file that
/// cannot be read gets the exact message (the JSON position, the envelope, the item's path).
fn import_through_tree(text: &str) -> Result<ImportedFile, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })?;
    let file_version = check_envelope(&value)?;
    let value = migrate(value, file_version).map_err(|message| ImportError::Invalid {
        problems: vec![Problem {
            path: String::new(),
            message,
        }],
    })?;
    let Value::Object(map) = &value else {
        return Err(not_scorecard("the file is not a JSON object"));
    };
    envelope_text(map, "saved_at")?;
    envelope_text(map, "app_version")?;
    if !map.contains_key("scorecard") {
        return Err(ImportError::Invalid {
            problems: vec![Problem {
                path: "scorecard".to_string(),
                message: "missing: the file holds no scorecard".to_string(),
            }],
        });
    }
    // Writing a tree cannot fail (all map keys are strings).
    let migrated = serde_json::to_string(&value).unwrap_or_default();
    let read = read_envelope(&migrated).map_err(|failure| {
        let path = match failure.path.strip_prefix("scorecard.") {
            Some(inner) => inner.to_string(),
            None if failure.path == "." => "scorecard".to_string(),
            None => failure.path,
        };
        ImportError::Invalid {
            problems: vec![Problem {
                path,
                message: failure.message,
            }],
        }
    })?;
    let mut envelope = read.envelope;
    envelope.version = file_version;
    finish(envelope, Some(value))
}

/// The envelope of a file, read straight into the types.
#[derive(Deserialize)]
struct EnvelopeIn {
    format: String,
    version: u64,
    saved_at: Option<String>,
    app_version: Option<String>,
    scorecard: Scorecard,
}

/// What [`read_envelope`] read.
struct ReadEnvelope {
    envelope: EnvelopeIn,
    /// Some field anywhere in the file is not one of the types' own (it is kept, see
    /// [`finish`]).
    unknown_fields: bool,
}

/// Why [`read_envelope`] could not read a text: where in the file, and what.
struct ReadFailure {
    /// The field's path, e.g. `scorecard.objectives[0].title` (`.` for the whole file).
    path: String,
    message: String,
}

/// The one way JSON text becomes a scorecard (compiled once, so the wasm holds one copy of
/// the scorecard's reading code): serde_json's reader, with fields the types do not know
/// noticed (`serde_ignored`). An error's path in the file is found afterwards from its
/// position ([`super::json_path`]), so reading a good file tracks no paths.
fn read_envelope(text: &str) -> Result<ReadEnvelope, ReadFailure> {
    let mut unknown_fields = false;
    let mut note_unknown = |_: serde_ignored::Path| unknown_fields = true;
    let mut json = serde_json::Deserializer::from_str(text);
    let failure = |e: serde_json::Error| {
        let offset = super::json_path::offset_of(text, e.line(), e.column());
        ReadFailure {
            path: super::json_path::path_at(text, offset),
            message: json_message(&e),
        }
    };
    let envelope: EnvelopeIn =
        serde_ignored::deserialize(&mut json, &mut note_unknown).map_err(failure)?;
    json.end().map_err(|e| ReadFailure {
        path: ".".to_string(),
        message: json_message(&e),
    })?;
    Ok(ReadEnvelope {
        envelope,
        unknown_fields,
    })
}

/// The imported file from its read envelope: unknown fields taken from `tree` (the file's
/// JSON, migrated) when there are any, missing ids given, validated.
fn finish(envelope: EnvelopeIn, tree: Option<Value>) -> Result<ImportedFile, ImportError> {
    let mut card = envelope.scorecard;
    if let Some(Value::Object(mut map)) = tree {
        if let Some(card_value) = map.remove("scorecard") {
            collect_extras(&mut card, &card_value);
        }
        card.file_extra = map
            .into_iter()
            .filter(|(k, _)| !ENVELOPE_FIELDS.contains(&k.as_str()))
            .collect();
    }
    card.assign_missing_ids();
    let problems = validate(&card);
    if !problems.is_empty() {
        return Err(ImportError::Invalid { problems });
    }
    Ok(ImportedFile {
        saved_at: envelope.saved_at.unwrap_or_default(),
        app_version: envelope.app_version.unwrap_or_default(),
        file_version: envelope.version,
        scorecard: card,
    })
}

fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn not_scorecard(reason: impl Into<String>) -> ImportError {
    ImportError::NotScorecardFile {
        reason: reason.into(),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Checks `format` and `version`; returns the version.
fn check_envelope(value: &Value) -> Result<u64, ImportError> {
    let expected = format!("expected a JSON object with \"format\": \"{FORMAT}\"");
    let Value::Object(map) = value else {
        return Err(not_scorecard(format!(
            "the file holds {}, {expected}",
            kind_of(value)
        )));
    };
    match map.get("format") {
        None if map.contains_key("factors") => {
            return Err(not_scorecard(format!(
                "it looks like a bare scorecard without the file envelope; {expected}, \"version\" and \"scorecard\""
            )));
        }
        None => {
            return Err(not_scorecard(format!(
                "it has no \"format\" field; {expected}"
            )));
        }
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            let shown: String = f.chars().take(60).collect();
            return Err(not_scorecard(format!(
                "its format is \"{shown}\"; {expected}"
            )));
        }
        Some(other) => {
            return Err(not_scorecard(format!(
                "its \"format\" is {}; {expected}",
                kind_of(other)
            )));
        }
    }
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| {
            not_scorecard("its \"version\" is missing or not a whole number from 1 up")
        })?;
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    Ok(version)
}

fn envelope_text(map: &serde_json::Map<String, Value>, field: &str) -> Result<String, ImportError> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(ImportError::Invalid {
            problems: vec![Problem {
                path: field.to_string(),
                message: format!("expected a text, found {}", kind_of(other)),
            }],
        }),
    }
}
