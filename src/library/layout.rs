//! The storage layout: which key holds what, the versioned index, and the migrations of
//! older layouts (pure functions from layout N to N + 1 on the index document).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::Status;
use crate::model::limits::MAX_ID;

/// The app version written into saved and exported scorecards.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A stable 64-bit hash (FNV-1a) of a stored text.
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The layout version this app writes: 2 stores scorecards packed (`library::packing`).
pub const LAYOUT: u64 = 2;
/// Key of the index: the list of scorecards and which one is open.
pub const INDEX_KEY: &str = "smsc.v1.index";
/// Prefix of the key holding one scorecard, followed by its id.
pub const CARD_PREFIX: &str = "smsc.v1.card.";
/// Prefix of the keys holding raw text moved aside: `smsc.backup.<key>.<n>`.
pub const BACKUP_PREFIX: &str = "smsc.backup.";
/// Key of the single scorecard kept before the library existed; adopted at load, never removed.
pub const LEGACY_CURRENT_KEY: &str = "smsc.v1.current";
/// Prefix of every key the app uses.
pub const APP_PREFIX: &str = "smsc.";
/// Key of the interface language chosen with the EN/NL buttons (`"en"`, `"nl"`).
pub const LANG_KEY: &str = "smsc.ui.lang";
/// Key of the method coach's "most sub-objectives per factor" (a whole number, 1 to 50).
pub const COACH_LIMIT_KEY: &str = "smsc.coach.limit";
/// Key of the workshop's current step (`"1"` … `"7"`), remembered across visits.
pub const WORKSHOP_STEP_KEY: &str = "smsc.workshop.step";

/// Prefix of the keys holding a scorecard as it was handed out to workshop groups (the base
/// their returned files are merged against): `smsc.v1.base.<lineage id>.<revision>`.
pub const BASE_PREFIX: &str = "smsc.v1.base.";

/// The key holding the base of hand-out `revision` of the scorecard with lineage `lineage_id`.
pub fn base_key(lineage_id: &str, revision: u64) -> String {
    format!("{BASE_PREFIX}{lineage_id}.{revision}")
}

/// The key holding the scorecard with this id.
pub fn card_key(id: &str) -> String {
    format!("{CARD_PREFIX}{id}")
}

/// The scorecard id of a card key, if `key` is one.
pub fn card_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(CARD_PREFIX).filter(|id| !id.is_empty())
}

/// The backup key number `n` for the raw text of `key`.
pub fn backup_key(key: &str, n: u32) -> String {
    format!("{BACKUP_PREFIX}{key}.{n}")
}

/// The original key and number of a backup key, if `key` is one.
pub fn parse_backup_key(key: &str) -> Option<(&str, u32)> {
    let rest = key.strip_prefix(BACKUP_PREFIX)?;
    let (original, n) = rest.rsplit_once('.')?;
    if original.is_empty() || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((original, n.parse().ok()?))
}

/// One scorecard in the list, as kept in the index (enough to show the list without
/// reading every scorecard).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Entry {
    /// The scorecard's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its organisation.
    #[serde(default)]
    pub organisation: String,
    /// When it was last saved (ISO 8601).
    #[serde(default)]
    pub changed_at: String,
    /// Its overall status when it was last saved.
    #[serde(default = "grey")]
    pub overall_status: Status,
}

fn grey() -> Status {
    Status::Grey
}

/// The index document stored under [`INDEX_KEY`].
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Index {
    /// The layout version, [`LAYOUT`] when written by this app.
    pub layout: u64,
    /// The scorecards, in list order.
    pub scorecards: Vec<Entry>,
    /// The id of the scorecard open last.
    #[serde(default)]
    pub open: Option<String>,
}

/// A migration of the index document from one layout to the next.
pub type LayoutMigration = fn(Value) -> Result<Value, String>;

/// The registry: `(from_layout, migration to from_layout + 1)`, in order.
pub const LAYOUT_MIGRATIONS: &[(u64, LayoutMigration)] = &[(1, layout_1_to_2)];

/// Layout 1 → 2: the index keeps its shape; what changes is that scorecards are stored
/// packed. The loader packs every scorecard it finds stored plain (`Library::load_from`), so
/// the migrated index's cards are rewritten packed in the same start-up plan. A layout-1 app
/// meeting layout 2 leaves storage alone (it is a newer layout to it) instead of misreading
/// packed texts.
pub fn layout_1_to_2(index: Value) -> Result<Value, String> {
    Ok(index)
}

/// Why the index could not be read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum IndexError {
    /// Written by a newer app: leave storage alone.
    NewerLayout(u64),
    /// Not a readable index; the reason in words.
    Corrupt(String),
}

/// Migrates an index document from layout `from` to `to` with a given registry, setting its
/// `layout` field after every step.
pub fn migrate_index_with(
    registry: &[(u64, LayoutMigration)],
    mut index: Value,
    from: u64,
    to: u64,
) -> Result<Value, String> {
    let mut layout = from;
    while layout < to {
        let step = registry
            .iter()
            .find(|(v, _)| *v == layout)
            .map(|(_, m)| m)
            .ok_or_else(|| format!("no migration from storage layout {layout} is known"))?;
        index = step(index).map_err(|e| format!("migration from layout {layout} failed: {e}"))?;
        layout += 1;
        if let Value::Object(map) = &mut index {
            map.insert("layout".to_string(), Value::from(layout));
        }
    }
    Ok(index)
}

/// Reads the index text with [`LAYOUT_MIGRATIONS`]; returns it and the layout it had.
pub fn parse_index(text: &str) -> Result<(Index, u64), IndexError> {
    parse_index_with(LAYOUT_MIGRATIONS, LAYOUT, text)
}

/// Reads an index text, migrating it from its layout up to `current` with `registry`, and
/// checks it (ids present, at most [`MAX_ID`] characters, no id twice).
pub fn parse_index_with(
    registry: &[(u64, LayoutMigration)],
    current: u64,
    text: &str,
) -> Result<(Index, u64), IndexError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| IndexError::Corrupt(format!("the index is not valid JSON: {e}")))?;
    let layout = value
        .get("layout")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| {
            IndexError::Corrupt("the index has no \"layout\" number from 1 up".to_string())
        })?;
    if layout > current {
        return Err(IndexError::NewerLayout(layout));
    }
    let value =
        migrate_index_with(registry, value, layout, current).map_err(IndexError::Corrupt)?;
    let index: Index = serde_json::from_value(value)
        .map_err(|e| IndexError::Corrupt(format!("the index is not as expected: {e}")))?;
    let mut seen = std::collections::BTreeSet::new();
    for entry in &index.scorecards {
        if entry.id.is_empty() || entry.id.chars().count() > MAX_ID {
            return Err(IndexError::Corrupt(format!(
                "the index lists an id of {} characters; ids have 1 to {MAX_ID}",
                entry.id.chars().count()
            )));
        }
        if !seen.insert(entry.id.as_str()) {
            return Err(IndexError::Corrupt(format!(
                "the index lists \"{}\" twice",
                entry.id
            )));
        }
    }
    Ok((index, layout))
}

/// The index as stored: compact JSON.
pub fn index_text(index: &Index) -> String {
    // Serializing these types cannot fail (all map keys are strings).
    serde_json::to_string(index).unwrap_or_default()
}
