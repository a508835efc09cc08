//! The JSON Schema of the scorecard file, generated from the types (committed as
//! `docs/scorecard.schema.json`).

use schemars::JsonSchema;

use super::scorecard::Scorecard;

/// The shape of a scorecard file, for the schema only.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(
    title = "Social Media Scorecard file",
    description = "A Social Media Scorecard saved as JSON: an envelope with the format name, the format version and the scorecard. Fields not listed are kept as they are (see docs/file-format.md)."
)]
struct ScorecardFile {
    /// Always "social-media-scorecard".
    #[schemars(extend("const" = "social-media-scorecard"))]
    format: String,
    /// The format version; this app writes and reads version 1.
    #[schemars(range(min = 1))]
    version: u64,
    /// When the file was saved, as an ISO 8601 timestamp.
    saved_at: String,
    /// The version of the app that saved the file.
    app_version: String,
    /// The scorecard.
    scorecard: Scorecard,
}

/// The JSON Schema of a scorecard file, pretty-printed.
pub fn scorecard_schema_json() -> String {
    let schema = schemars::schema_for!(ScorecardFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
