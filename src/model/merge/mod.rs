//! Merging scorecard files: a three-way merge of copies of one scorecard against the base
//! they were handed out from, a two-way comparison, and applying the facilitator's choices
//! for the conflicts. Pure model code; the rules are in `docs/merge.md`.
//!
//! Items are matched by id and merged field by field: a field changed by one side takes that
//! change, a field changed by two sides to different values is a [`Conflict`]. Until a
//! conflict is resolved ([`resolve`]) the result holds ours' value.

mod compare;
mod engine;
mod fields;
mod frozen;
mod items;
mod lists;
mod resolve;
mod take;
mod types;

pub use compare::compare;
pub use engine::merge;
pub use resolve::{ResolveError, resolve};
pub use take::take_changes;
pub use types::{
    Change, ChangeKind, Choice, Conflict, ItemKind, ItemRef, MERGE, Merge, OURS, Side,
};
