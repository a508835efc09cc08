//! The three-way merge of one value (a field, an item's parent) among the sides that have the
//! item: one side's change is taken, equal changes are one, different changes conflict.

/// The merged value of one field.
pub(super) struct Merged<T> {
    /// The value the result gets: the one change, the chosen side's, or ours'.
    pub value: T,
    /// When sides changed it to different values: each changing side's index and value.
    pub conflict: Option<Vec<(usize, T)>>,
}

/// Merges one value. `base` is the base's value (`None`: the item is not in the base),
/// `sides[i]` side `i`'s (`None`: that side does not have the item; side 0 is ours), and
/// `chosen` the side picked (the facilitator's pick in a conflict; outside a conflict only
/// [`take_changes`](super::take_changes) picks, to leave a change out). A side changed the value
/// when it differs from the base's. `None` when neither the base nor any side has a value.
pub(super) fn three_way<T: Clone + PartialEq>(
    base: Option<&T>,
    sides: &[Option<&T>],
    chosen: Option<usize>,
) -> Option<Merged<T>> {
    let changed: Vec<(usize, &T)> = sides
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .filter(|(_, v)| base != Some(*v))
        .collect();
    let mut distinct: Vec<&T> = Vec::new();
    for (_, v) in &changed {
        if !distinct.contains(v) {
            distinct.push(v);
        }
    }
    if distinct.len() < 2 {
        // A pick without a conflict (taking chosen changes over from a compared file): the
        // picked side's value, when that side has the item.
        let value = chosen
            .and_then(|c| sides.get(c).copied().flatten())
            .or(distinct.first().copied())
            .or(base)?;
        return Some(Merged {
            value: value.clone(),
            conflict: None,
        });
    }
    // Until the facilitator decides: ours' value (the base's if ours does not have the item).
    let value = chosen
        .and_then(|c| sides.get(c).copied().flatten())
        .or(sides.first().copied().flatten())
        .or(base)
        .or(distinct.first().copied())?;
    Some(Merged {
        value: value.clone(),
        conflict: Some(changed.iter().map(|(i, v)| (*i, (*v).clone())).collect()),
    })
}
