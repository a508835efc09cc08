//! Applying [`Command::ReplaceContent`]: the whole content at once, with its exact inverse.

use crate::model::command::{Applied, Command, CommandError};
use crate::model::scorecard::Scorecard;
use crate::model::validate::validate;

impl Scorecard {
    /// Replaces everything but the id and the lineage with `card`'s content; the inverse puts
    /// the old content back. Refused (nothing changes) when `card` does not pass `validate`.
    pub(super) fn replace_content(&mut self, mut card: Scorecard) -> Result<Applied, CommandError> {
        if let Some(problem) = validate(&card).into_iter().next() {
            return Err(CommandError::InvalidValue {
                field: problem.path,
                reason: problem.message,
            });
        }
        card.id.clone_from(&self.id);
        card.lineage.clone_from(&self.lineage);
        let old = std::mem::replace(self, card);
        Ok(Applied {
            inverse: Command::ReplaceContent {
                card: Box::new(old),
            },
            created_id: None,
        })
    }
}
