//! Taking chosen changes over from a compared file ("Compare with a file…"): the open
//! scorecard with only the changes the user ticked.

use super::compare::compare;
use super::engine::{Choices, Run};
use super::types::Side;
use crate::model::scorecard::Scorecard;

/// `old` with the changes of [`compare`]`(old, new)` whose indexes are in `chosen` taken over
/// from `new`, and every other change left out. An index past the end is ignored. A change
/// inside an added item that is not taken (a KPI of a sub-objective left out) goes with it.
/// Taken links to an item that is not taken are dropped, so the result passes `validate`.
pub fn take_changes(old: &Scorecard, new: &Scorecard, chosen: &[usize]) -> Scorecard {
    let changes = compare(old, new);
    let theirs = [Side {
        name: "file",
        card: new,
    }];
    let run = Run::new(old, old, &theirs);
    let mut picks = Choices::new();
    for (i, change) in changes.iter().enumerate() {
        if !chosen.contains(&i) {
            let key = (change.item.kind, change.item.id.clone());
            picks.insert((key, change.field.clone()), 0);
        }
    }
    let mut card = run.merge(&picks).result;
    card.id.clone_from(&old.id);
    card.lineage.clone_from(&old.lineage);
    card
}
