//! Where a copy of a scorecard comes from (file format version 3): the lineage shared by
//! every copy of one scorecard, this copy's tag — part of every id the copy makes, so two
//! copies never make the same id — and, for a copy handed out to a workshop group, the
//! revision it was handed out from and the group's assignment. A returned file is then known
//! as "a copy of this scorecard, based on revision R" (docs/merge.md).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Extra;
use super::enums::FactorKind;

/// The longest copy tag.
pub const MAX_COPY_TAG: usize = 12;

/// Where this copy of a scorecard comes from.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Lineage {
    /// Shared by every copy of one scorecard: the id of the scorecard it was first made as
    /// (copies, imports and hand-outs keep it).
    pub id: String,
    /// This copy's tag, in every id it makes (`kpi-q7x2m-41`): lower-case letters and digits,
    /// at most 12. Empty for the original (and for files made before version 3), whose ids
    /// are `kpi-41`. A scorecard that comes into a browser from a file gets a new tag there.
    pub copy: String,
    /// The revision of this scorecard: raised at every hand-out, so each hand-out has a base
    /// the returned files are merged against.
    pub revision: u64,
    /// For a handed-out copy: the revision of the original it was handed out from.
    pub based_on: Option<u64>,
    /// For a handed-out copy: the group it was handed out to and its assignment.
    pub group: Option<Group>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// A workshop group and the part of the scorecard it works on.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Group {
    /// The group's name, e.g. "Group 2" or "Marketing".
    pub name: String,
    /// The factors it works on.
    pub factors: Vec<FactorKind>,
    /// Whether it works on the strategy map (mission and objectives).
    pub strategy_map: bool,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// Checks a copy tag: at most [`MAX_COPY_TAG`] lower-case ASCII letters and digits.
pub fn check_copy_tag(tag: &str) -> Result<(), String> {
    if tag.chars().count() > MAX_COPY_TAG {
        Err(format!(
            "too long: at most {MAX_COPY_TAG} characters allowed"
        ))
    } else if !tag
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        Err("only lower-case letters a–z and digits 0–9 are allowed".to_string())
    } else {
        Ok(())
    }
}

/// A copy tag made from random bits (the caller brings the randomness): five characters of
/// `a–z` and `0–9`, e.g. `q7x2m`.
pub fn copy_tag_from(bits: u64) -> String {
    const ALPHABET: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut n = bits;
    (0..5)
        .map(|_| {
            let c = ALPHABET[(n % 36) as usize] as char;
            n /= 36;
            c
        })
        .collect()
}
