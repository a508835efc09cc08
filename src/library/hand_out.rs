//! Handing the open scorecard out to workshop groups, as a pure plan: the groups checked,
//! one file per group (its copy, with its assignment, base revision and own copy tag, see
//! [`Scorecard::hand_out`]), the open scorecard at its raised revision, and the base to keep
//! in this browser (the scorecard as handed out, which the returned files are merged against;
//! key [`base_key`]). Nothing here touches the browser; the UI downloads the files and
//! writes the base.

use crate::i18n::tr;
use crate::model::limits::MAX_SHORT_TEXT;
use crate::model::{Date, FactorKind, Group, Lang, Scorecard, export_json, export_json_compact};

use super::export::{ExportFile, slug};
use super::layout::{APP_VERSION, base_key};
use super::plan::Now;

/// The most groups one hand-out makes.
pub const MAX_GROUPS: usize = 12;

/// Why a hand-out is refused. Rows are counted from 0 (`index`); the messages count from 1.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum HandOutError {
    /// There is no group to hand out to.
    NoGroups,
    /// More than [`MAX_GROUPS`] groups.
    TooManyGroups {
        /// How many there are.
        count: usize,
    },
    /// A group without a name (or only spaces).
    EmptyName {
        /// The group's row.
        index: usize,
    },
    /// A name longer than a file allows ([`MAX_SHORT_TEXT`] characters).
    NameTooLong {
        /// The group's row.
        index: usize,
    },
    /// Two groups with the same name (ignoring case and surrounding spaces).
    SameName {
        /// The first row with the name.
        first: usize,
        /// The later row with the same name.
        second: usize,
        /// The name.
        name: String,
    },
    /// Two different names that make the same file name (`Team A` and `team-a!`).
    SameFileName {
        /// The first row.
        first: usize,
        /// The later row.
        second: usize,
    },
    /// A group with no factor and without the strategy map: nothing to work on.
    NothingAssigned {
        /// The group's row.
        index: usize,
        /// Its name.
        name: String,
    },
    /// The copy tags given are not one valid, distinct tag per group (the caller's fault;
    /// fresh random tags are to be drawn again).
    Tags,
}

impl HandOutError {
    /// The row the problem is in, when it is one row's (the later row for a duplicate).
    pub fn index(&self) -> Option<usize> {
        match self {
            HandOutError::EmptyName { index }
            | HandOutError::NameTooLong { index }
            | HandOutError::NothingAssigned { index, .. } => Some(*index),
            HandOutError::SameName { second, .. } | HandOutError::SameFileName { second, .. } => {
                Some(*second)
            }
            HandOutError::NoGroups | HandOutError::TooManyGroups { .. } | HandOutError::Tags => {
                None
            }
        }
    }

    /// The problem in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            HandOutError::NoGroups => tr(
                lang,
                "Add at least one group to hand out to.",
                "Voeg ten minste één groep toe om aan uit te delen.",
            )
            .to_string(),
            HandOutError::TooManyGroups { count } => match lang {
                Lang::En => format!("At most {MAX_GROUPS} groups; there are {count}."),
                Lang::Nl => format!("Hoogstens {MAX_GROUPS} groepen; er zijn er {count}."),
            },
            HandOutError::EmptyName { index } => match lang {
                Lang::En => format!("Row {}: give the group a name.", index + 1),
                Lang::Nl => format!("Rij {}: geef de groep een naam.", index + 1),
            },
            HandOutError::NameTooLong { index } => match lang {
                Lang::En => format!(
                    "Row {}: the name is too long (at most {MAX_SHORT_TEXT} characters).",
                    index + 1
                ),
                Lang::Nl => format!(
                    "Rij {}: de naam is te lang (hoogstens {MAX_SHORT_TEXT} tekens).",
                    index + 1
                ),
            },
            HandOutError::SameName {
                first,
                second,
                name,
            } => match lang {
                Lang::En => format!(
                    "Rows {} and {} are both called “{name}”: give each group its own name.",
                    first + 1,
                    second + 1
                ),
                Lang::Nl => format!(
                    "Rij {} en {} heten allebei “{name}”: geef elke groep een eigen naam.",
                    first + 1,
                    second + 1
                ),
            },
            HandOutError::SameFileName { first, second } => match lang {
                Lang::En => format!(
                    "Rows {} and {} would get the same file name: make the names differ in their letters or digits.",
                    first + 1,
                    second + 1
                ),
                Lang::Nl => format!(
                    "Rij {} en {} zouden dezelfde bestandsnaam krijgen: laat de namen verschillen in letters of cijfers.",
                    first + 1,
                    second + 1
                ),
            },
            HandOutError::NothingAssigned { name, .. } => match lang {
                Lang::En => {
                    format!("“{name}” has nothing to work on: tick a factor or the strategy map.")
                }
                Lang::Nl => format!(
                    "“{name}” heeft niets om aan te werken: vink een factor of de strategiekaart aan."
                ),
            },
            HandOutError::Tags => tr(
                lang,
                "Could not give every group a copy of its own. Please try again.",
                "Kon niet elke groep een eigen kopie geven. Probeer het opnieuw.",
            )
            .to_string(),
        }
    }
}

impl std::fmt::Display for HandOutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for HandOutError {}

/// The scorecard as handed out, to keep in this browser: the returned files are merged
/// against it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BaseToKeep {
    /// The storage key, [`base_key`] of the lineage and the new revision.
    pub key: String,
    /// The scorecard file's text without indentation, as the library stores scorecards
    /// (`model::import_json` reads it).
    pub text: String,
}

/// One group's file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct GroupFile {
    /// The group's name (as written into the file).
    pub group: String,
    /// The file to download.
    pub file: ExportFile,
}

/// What a hand-out does.
#[derive(Clone, PartialEq, Debug)]
pub struct HandOut {
    /// The open scorecard with its revision raised (to apply outside the undo history).
    pub scorecard: Scorecard,
    /// The new revision: every copy is based on it.
    pub revision: u64,
    /// The base to keep.
    pub base: BaseToKeep,
    /// One file per group, in the groups' order.
    pub files: Vec<GroupFile>,
}

/// The groups a workshop usually starts with: "Group 1" on Customers and Financial,
/// "Group 2" on Organisation, "Group 3" on the Medium (Dutch "Groep 1" …), none with the
/// strategy map.
pub fn default_groups(lang: Lang) -> Vec<Group> {
    let word = tr(lang, "Group", "Groep");
    [
        vec![FactorKind::Customers, FactorKind::Financial],
        vec![FactorKind::Organisation],
        vec![FactorKind::Medium],
    ]
    .into_iter()
    .enumerate()
    .map(|(i, factors)| Group {
        name: format!("{word} {}", i + 1),
        factors,
        strategy_map: false,
        ..Group::default()
    })
    .collect()
}

/// A group's name as a file-name part: its [`slug`], or `group-<row>` when nothing of the
/// name is left in a file name (only punctuation, say).
pub fn group_slug(name: &str, index: usize) -> String {
    let s = slug(name);
    if s == "scorecard" && !name.to_lowercase().contains("scorecard") {
        format!("group-{}", index + 1)
    } else {
        s
    }
}

/// `<title-slug>-<group-slug>-YYYY-MM-DD.scorecard.json`.
pub fn hand_out_file_name(title: &str, group: &str, index: usize, date: Date) -> String {
    format!(
        "{}-{}-{date}.scorecard.json",
        slug(title),
        group_slug(group, index)
    )
}

/// The groups as they go into the files: names trimmed, factors once each, in the fixed
/// order.
fn tidy(groups: &[Group]) -> Vec<Group> {
    groups
        .iter()
        .map(|g| {
            let mut g = g.clone();
            g.name = g.name.trim().to_string();
            g.factors = FactorKind::ALL
                .into_iter()
                .filter(|k| g.factors.contains(k))
                .collect();
            g
        })
        .collect()
}

/// Checks the groups: at least one and at most [`MAX_GROUPS`]; each with a name, of at most
/// [`MAX_SHORT_TEXT`] characters, no name twice (nor two names making one file name), and
/// something to work on. The first problem, row by row.
pub fn check_groups(groups: &[Group]) -> Result<(), HandOutError> {
    if groups.is_empty() {
        return Err(HandOutError::NoGroups);
    }
    if groups.len() > MAX_GROUPS {
        return Err(HandOutError::TooManyGroups {
            count: groups.len(),
        });
    }
    let groups = tidy(groups);
    for (i, g) in groups.iter().enumerate() {
        if g.name.is_empty() {
            return Err(HandOutError::EmptyName { index: i });
        }
        if g.name.chars().count() > MAX_SHORT_TEXT {
            return Err(HandOutError::NameTooLong { index: i });
        }
        let lower = g.name.to_lowercase();
        let file_part = group_slug(&g.name, i);
        for (j, earlier) in groups[..i].iter().enumerate() {
            if earlier.name.to_lowercase() == lower {
                return Err(HandOutError::SameName {
                    first: j,
                    second: i,
                    name: g.name.clone(),
                });
            }
            if group_slug(&earlier.name, j) == file_part {
                return Err(HandOutError::SameFileName {
                    first: j,
                    second: i,
                });
            }
        }
        if g.factors.is_empty() && !g.strategy_map {
            return Err(HandOutError::NothingAssigned {
                index: i,
                name: g.name.clone(),
            });
        }
    }
    Ok(())
}

/// Plans handing `card` out to `groups`, with `tags[i]` the copy tag of group `i` (fresh
/// random tags, `model::lineage::copy_tag_from`): checks the groups ([`check_groups`]),
/// raises the revision, and gives each group's copy as a file named
/// [`hand_out_file_name`] (`saved_at` is `now`), the base to keep under [`base_key`], and the
/// scorecard at its new revision. A scorecard whose lineage has no id yet (a hand-made
/// file) takes its own id as the lineage's, so returned files can be recognised.
pub fn plan_hand_out(
    card: &Scorecard,
    groups: &[Group],
    tags: &[String],
    now: &Now,
) -> Result<HandOut, HandOutError> {
    check_groups(groups)?;
    let groups = tidy(groups);
    let mut scorecard = card.clone();
    if scorecard.lineage.id.is_empty() {
        scorecard.lineage.id.clone_from(&scorecard.id);
    }
    let copies = scorecard
        .hand_out(&groups, tags)
        .ok_or(HandOutError::Tags)?;
    let revision = scorecard.lineage.revision;
    let base = BaseToKeep {
        key: base_key(&scorecard.lineage.id, revision),
        // Compact, as the library stores scorecards: storage is scarce, and a base is as
        // large as the scorecard.
        text: super::packing::pack(&export_json_compact(
            &scorecard,
            &now.timestamp,
            APP_VERSION,
        )),
    };
    let files = copies
        .iter()
        .zip(&groups)
        .enumerate()
        .map(|(i, (copy, group))| GroupFile {
            group: group.name.clone(),
            file: ExportFile {
                name: hand_out_file_name(&card.title, &group.name, i, now.today),
                text: export_json(copy, &now.timestamp, APP_VERSION),
            },
        })
        .collect();
    Ok(HandOut {
        scorecard,
        revision,
        base,
        files,
    })
}
