//! Collecting the files workshop groups send back: which returned files can be merged into
//! the open scorecard, which are refused and why, and the merge of those that can
//! (`model::merge`, rules in docs/merge.md). Pure: the app reads the files and looks up the
//! kept base, this decides.

use crate::i18n::messages::{import_error_kind, import_error_text, shown_title};
use crate::i18n::tr;
use crate::model::merge::{Choice, Merge, ResolveError, Side, merge, resolve};
use crate::model::{ImportError, Lang, Scorecard};

/// One returned file as read: its name and the scorecard in it, or why it could not be read.
pub struct Returned {
    /// The file's name.
    pub name: String,
    /// The scorecard, or the import's refusal.
    pub card: Result<Scorecard, ImportError>,
}

/// Why a returned file is left out of the merge.
#[derive(Clone, PartialEq, Debug)]
pub enum Refusal {
    /// Not a readable scorecard file (damaged, not JSON, from a newer app version, …).
    Unreadable(ImportError),
    /// A copy of another scorecard (another lineage).
    OtherScorecard {
        /// The other scorecard's title.
        title: String,
    },
    /// The open scorecard itself (or the base), not a group's copy.
    TheBase,
    /// The same copy as a file earlier in the list.
    Twice {
        /// The earlier file's name.
        first: String,
    },
    /// Handed out at another time than the files merged here.
    OtherHandOut {
        /// This file's base revision.
        revision: u64,
        /// The revision the merge uses.
        merging: u64,
    },
}

impl Refusal {
    /// The reason, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Refusal::Unreadable(e) => import_error_text(e, lang),
            Refusal::OtherScorecard { title } => match lang {
                Lang::En => format!(
                    "This is a copy of another scorecard (\u{201c}{title}\u{201d}), not of the open one: it cannot be merged into it. Open it from the library or import it instead."
                ),
                Lang::Nl => format!(
                    "Dit is een kopie van een andere scorecard (\u{201c}{title}\u{201d}), niet van de open scorecard: hij kan er niet mee worden samengevoegd. Importeer hem los."
                ),
            },
            Refusal::TheBase => tr(
                lang,
                "This is the open scorecard itself (the version handed out), not a group's copy: there is nothing to merge from it.",
                "Dit is de open scorecard zelf (de uitgedeelde versie), geen kopie van een groep: er valt niets uit samen te voegen.",
            )
            .to_string(),
            Refusal::Twice { first } => match lang {
                Lang::En => format!(
                    "The same copy as \u{201c}{first}\u{201d}: each group's copy is merged once. If the group sent a newer version, drop only that one."
                ),
                Lang::Nl => format!(
                    "Dezelfde kopie als \u{201c}{first}\u{201d}: de kopie van een groep wordt één keer samengevoegd. Stuurde de groep een nieuwere versie, zet dan alleen die neer."
                ),
            },
            Refusal::OtherHandOut { revision, merging } => match lang {
                Lang::En => format!(
                    "Handed out at another time (hand-out {revision}; the files here are from hand-out {merging}): merge it on its own."
                ),
                Lang::Nl => format!(
                    "Op een ander moment uitgedeeld (uitdeelronde {revision}; de bestanden hier komen uit ronde {merging}): voeg hem apart samen."
                ),
            },
        }
    }

    /// A short word for the kind of refusal (`data-kind`, for styling and tests).
    pub fn kind(&self) -> &'static str {
        match self {
            Refusal::Unreadable(e) => import_error_kind(e),
            Refusal::OtherScorecard { .. } => "other-scorecard",
            Refusal::TheBase => "the-base",
            Refusal::Twice { .. } => "twice",
            Refusal::OtherHandOut { .. } => "other-hand-out",
        }
    }
}

/// What becomes of one returned file.
#[derive(Clone, PartialEq, Debug)]
pub enum Outcome {
    /// Merged against the kept base, under this side name (the group's, else the file's).
    Merged {
        /// The side's name in the review.
        side: String,
    },
    /// A copy of the open scorecard with no known base (not handed out from here, or the
    /// base is not kept in this browser): compared two-way instead.
    CompareOnly {
        /// Whether the file was handed out (its base is then missing from this browser).
        handed_out: bool,
    },
    /// Left out, with the reason.
    Refused(Refusal),
}

impl Outcome {
    /// A line for the file in the review, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Outcome::Merged { side } => match lang {
                Lang::En => format!("Merged as \u{201c}{side}\u{201d}."),
                Lang::Nl => format!("Samengevoegd als \u{201c}{side}\u{201d}."),
            },
            Outcome::CompareOnly { handed_out: true } => tr(
                lang,
                "The version this copy was handed out from is not kept in this browser, so it cannot be merged three-way. Compare it with the open scorecard instead and take the changes you want.",
                "De versie waaruit deze kopie is uitgedeeld, staat niet in deze browser, dus driewegsamenvoegen kan niet. Vergelijk hem met de open scorecard en neem de wijzigingen over die je wilt.",
            )
            .to_string(),
            Outcome::CompareOnly { handed_out: false } => tr(
                lang,
                "This copy was not handed out from here, so there is no base to merge against. Compare it with the open scorecard instead and take the changes you want.",
                "Deze kopie is niet hier uitgedeeld, dus er is geen basis om tegen samen te voegen. Vergelijk hem met de open scorecard en neem de wijzigingen over die je wilt.",
            )
            .to_string(),
            Outcome::Refused(r) => r.text(lang),
        }
    }
}

/// The collected files: what becomes of each, and the merge of those that can be merged.
pub struct Collection {
    /// Per file, in the order given: its name and outcome.
    pub files: Vec<(String, Outcome)>,
    /// The hand-out revision merged against, when any file is merged.
    pub revision: Option<u64>,
    /// The merge of the merged files into the open scorecard against the base.
    pub merge: Option<Merge>,
    base: Option<Scorecard>,
    ours: Scorecard,
    sides: Vec<(String, Scorecard)>,
    compare_only: Vec<(String, Scorecard)>,
}

impl Collection {
    /// The side names of the merged files, in order.
    pub fn side_names(&self) -> Vec<&str> {
        self.sides.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// The files to compare two-way, with their scorecards.
    pub fn compare_only(&self) -> &[(String, Scorecard)] {
        &self.compare_only
    }

    /// The merged scorecard with the facilitator's `choices` for the conflicts (see
    /// [`resolve`]); `None` when no file is merged.
    pub fn resolve(&self, choices: &[Choice]) -> Option<Result<Scorecard, ResolveError>> {
        let (merge, base) = (self.merge.as_ref()?, self.base.as_ref()?);
        let sides: Vec<Side> = self
            .sides
            .iter()
            .map(|(name, card)| Side { name, card })
            .collect();
        Some(resolve(merge, base, &self.ours, &sides, choices))
    }
}

/// Decides for every returned file whether it merges into `open`, against the base that
/// `base_of(revision)` finds kept for a hand-out revision, and merges those that do.
///
/// A file is refused when it cannot be read, is a copy of another scorecard, is the open
/// scorecard itself, is the same copy as an earlier file, or was handed out at another time
/// than the first mergeable file. A copy with no known base is compared two-way instead.
pub fn collect(
    open: &Scorecard,
    base_of: impl Fn(u64) -> Option<Scorecard>,
    files: Vec<Returned>,
) -> Collection {
    let mut outcomes = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new(); // (copy tag, file name)
    let mut revision: Option<u64> = None;
    let mut base: Option<Scorecard> = None;
    let mut sides: Vec<(String, Scorecard)> = Vec::new();
    let mut compare_only = Vec::new();
    for Returned { name, card } in files {
        let outcome = match card {
            Err(e) => Outcome::Refused(Refusal::Unreadable(e)),
            Ok(card) => {
                let decided = decide(open, &card, &seen, revision, &base_of);
                if !matches!(decided, Decision::Refused(_)) {
                    seen.push((card.lineage.copy.clone(), name.clone()));
                }
                match decided {
                    Decision::Refused(r) => Outcome::Refused(r),
                    Decision::Compare { handed_out } => {
                        compare_only.push((name.clone(), card));
                        Outcome::CompareOnly { handed_out }
                    }
                    Decision::Merge {
                        revision: r,
                        base: b,
                    } => {
                        revision = Some(r);
                        if let Some(b) = b {
                            base = Some(*b);
                        }
                        let side = side_name(&card, &name, &sides);
                        sides.push((side.clone(), card));
                        Outcome::Merged { side }
                    }
                }
            }
        };
        outcomes.push((name, outcome));
    }
    let merge = base.as_ref().filter(|_| !sides.is_empty()).map(|base| {
        let theirs: Vec<Side> = sides
            .iter()
            .map(|(name, card)| Side { name, card })
            .collect();
        merge(base, open, &theirs)
    });
    Collection {
        files: outcomes,
        revision,
        merge,
        base,
        ours: open.clone(),
        sides,
        compare_only,
    }
}

enum Decision {
    Refused(Refusal),
    Compare {
        handed_out: bool,
    },
    Merge {
        revision: u64,
        base: Option<Box<Scorecard>>,
    },
}

fn decide(
    open: &Scorecard,
    card: &Scorecard,
    seen: &[(String, String)],
    revision: Option<u64>,
    base_of: &impl Fn(u64) -> Option<Scorecard>,
) -> Decision {
    if !open.same_lineage(card) {
        return Decision::Refused(Refusal::OtherScorecard {
            title: shown_title(&card.title, open.lang),
        });
    }
    if card.lineage.copy == open.lineage.copy && card.lineage.group.is_none() {
        return Decision::Refused(Refusal::TheBase);
    }
    if let Some((_, first)) = seen.iter().find(|(tag, _)| *tag == card.lineage.copy) {
        return Decision::Refused(Refusal::Twice {
            first: first.clone(),
        });
    }
    let Some(based_on) = card.lineage.based_on else {
        return Decision::Compare { handed_out: false };
    };
    match revision {
        Some(merging) if merging != based_on => Decision::Refused(Refusal::OtherHandOut {
            revision: based_on,
            merging,
        }),
        Some(merging) => Decision::Merge {
            revision: merging,
            base: None,
        },
        None => match base_of(based_on) {
            Some(base) => Decision::Merge {
                revision: based_on,
                base: Some(Box::new(base)),
            },
            None => Decision::Compare { handed_out: true },
        },
    }
}

/// The side name of a merged file: its group's name, else its file name; made unique with
/// " (2)", " (3)", … when an earlier side has it.
fn side_name(card: &Scorecard, file: &str, sides: &[(String, Scorecard)]) -> String {
    let name = card
        .lineage
        .group
        .as_ref()
        .map(|g| g.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| file.to_string());
    let taken = |n: &str| {
        sides.iter().any(|(s, _)| s == n)
            || n == crate::model::merge::OURS
            || n == crate::model::merge::MERGE
    };
    if !taken(&name) {
        return name;
    }
    (2..)
        .map(|k| format!("{name} ({k})"))
        .find(|n| !taken(n))
        .unwrap_or(name)
}
