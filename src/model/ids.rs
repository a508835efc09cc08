//! Stable item ids such as `obj-3`, `so-12`, `kpi-40`, `act-7` and `m-120`.
//!
//! Ids are allocated from the scorecard's `next_id` counter, which is saved with the file, so
//! an id stays the same across save and load and is never handed out twice. A copy of a
//! scorecard (imported into another browser, or handed out to a workshop group) puts its own
//! copy tag in the ids it makes (`kpi-q7x2m-41`, see `lineage`), so two copies that both make
//! their 41st item still give it different ids and can be merged by id.

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

/// Builds the id a copy with tag `tag` gives: `prefix-tag-number`, or `prefix-number` for
/// an empty tag (the original, and files made before version 3).
pub fn make_tagged_id(prefix: &str, tag: &str, number: u64) -> String {
    if tag.is_empty() {
        make_id(prefix, number)
    } else {
        format!("{prefix}-{tag}-{number}")
    }
}

/// The counter number of an id of the form `prefix-number`, if it has one.
pub fn id_number(id: &str) -> Option<u64> {
    let dash = id.bytes().rposition(|b| b == b'-')?;
    let digits = id.as_bytes().get(dash + 1..)?;
    if digits.is_empty() {
        return None;
    }
    // Read by hand (runs for every id of a file): digits only, `None` past u64::MAX.
    digits.iter().try_fold(0u64, |n, b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u64::from(*b - b'0'))
        } else {
            None
        }
    })
}
