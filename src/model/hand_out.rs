//! Handing a scorecard out to workshop groups: one copy per group with its assignment, its
//! base revision and its own copy tag (see `lineage`).

use super::lineage::{Group, check_copy_tag};
use super::scorecard::Scorecard;

impl Scorecard {
    /// Hands the scorecard out to workshop groups: raises its revision (the base the returned
    /// files are merged against is the scorecard as it is now, at that revision) and returns
    /// one copy per group, each with the group and its assignment, `based_on` the new
    /// revision, and its own copy tag (`tags[i]`, fresh random tags from the caller), so the
    /// ids each group makes are its own. `None` when the counts differ or a tag is invalid or
    /// used twice (nothing changes then).
    pub fn hand_out(&mut self, groups: &[Group], tags: &[String]) -> Option<Vec<Self>> {
        if groups.len() != tags.len()
            || tags
                .iter()
                .any(|t| t.is_empty() || check_copy_tag(t).is_err())
            || tags
                .iter()
                .enumerate()
                .any(|(i, t)| tags[..i].contains(t) || *t == self.lineage.copy)
        {
            return None;
        }
        self.lineage.revision = self.lineage.revision.saturating_add(1);
        let revision = self.lineage.revision;
        Some(
            groups
                .iter()
                .zip(tags)
                .map(|(group, tag)| {
                    let mut copy = self.clone();
                    copy.lineage.copy.clone_from(tag);
                    copy.lineage.based_on = Some(revision);
                    copy.lineage.group = Some(group.clone());
                    copy
                })
                .collect(),
        )
    }

    /// Whether `other` is a copy of the same scorecard (the same lineage).
    pub fn same_lineage(&self, other: &Self) -> bool {
        !self.lineage.id.is_empty() && self.lineage.id == other.lineage.id
    }
}
