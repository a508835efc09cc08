//! Applying the facilitator's choices: the merge worked out again, each conflict taking the
//! chosen side's value (ours' where nothing was chosen).

use super::engine::{Choices, Run};
use super::types::{Choice, ItemKind, Merge, OURS, Side};
use crate::model::scorecard::Scorecard;

/// Why choices could not be applied; nothing is merged then.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
pub enum ResolveError {
    /// The merge has no conflict with this index.
    #[error("there is no conflict number {0}")]
    UnknownConflict(usize),
    /// The side is not part of the conflict.
    #[error("\"{side}\" is not one of the sides of conflict number {conflict}")]
    UnknownSide {
        /// The conflict's index.
        conflict: usize,
        /// The side named.
        side: String,
    },
}

/// The merged scorecard with `choices` applied; a conflict without a choice keeps ours'
/// value, and of two choices for one conflict the later wins. `merge` must be the result of
/// [`merge`](super::engine::merge) on the same `base`, `ours` and `theirs`.
pub fn resolve(
    merge: &Merge,
    base: &Scorecard,
    ours: &Scorecard,
    theirs: &[Side<'_>],
    choices: &[Choice],
) -> Result<Scorecard, ResolveError> {
    let run = Run::new(base, ours, theirs);
    let mut picks = Choices::new();
    for choice in choices {
        let conflict = merge
            .conflicts
            .get(choice.conflict)
            .ok_or(ResolveError::UnknownConflict(choice.conflict))?;
        let party = choice.side == OURS || conflict.values.iter().any(|(n, _)| *n == choice.side);
        let side = run
            .side_index(&choice.side)
            .filter(|_| party)
            .ok_or_else(|| ResolveError::UnknownSide {
                conflict: choice.conflict,
                side: choice.side.clone(),
            })?;
        let key: (ItemKind, String) = (conflict.item.kind, conflict.item.id.clone());
        picks.insert((key, conflict.field.clone()), side);
    }
    Ok(run.merge(&picks).result)
}
