//! Importing platform exports into input series: which series each metric goes into
//! ([`propose`]: remembered columns first), what that would do ([`plan`]: new, updated and
//! unchanged points, what blocks it, one batch command), and the words for both
//! ([`messages`]). Pure: the files come read by [`crate::exchange::platforms`]; nothing
//! changes until the caller applies the plan's command (one undo step).

pub mod messages;
mod plan;
mod propose;

pub use plan::{Blocker, ColumnPlan, Counts, ImportPlan, Overlap, plan};
pub use propose::{
    Proposal, Reason, Target, WrongMetric, platform_channel, platform_key, platform_of_key,
    propose, remembered, source_platform, unique_key,
};
