//! Stable item ids such as `obj-3`, `so-12`, `kpi-40`, `act-7` and `m-120`.
//!
//! Ids are allocated from the scorecard's `next_id` counter, which is saved with the file, so
//! an id stays the same across save and load and is never handed out twice.

/// Prefix of strategic objective ids.
pub const OBJECTIVE_PREFIX: &str = "obj";
/// Prefix of sub-objective ids.
pub const SUB_OBJECTIVE_PREFIX: &str = "so";
/// Prefix of KPI ids.
pub const KPI_PREFIX: &str = "kpi";
/// Prefix of action ids.
pub const ACTION_PREFIX: &str = "act";
/// Prefix of input series ids.
pub const SERIES_PREFIX: &str = "ser";
/// Prefix of measurement ids.
pub const MEASUREMENT_PREFIX: &str = "m";

/// Builds the id `prefix-number`.
pub fn make_id(prefix: &str, number: u64) -> String {
    format!("{prefix}-{number}")
}

/// The counter number of an id of the form `prefix-number`, if it has one.
pub fn id_number(id: &str) -> Option<u64> {
    let (_, digits) = id.rsplit_once('-')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
