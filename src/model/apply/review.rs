//! Applying the monthly review's commands: a KPI's commentary per period and the reviews
//! held, each with its exact inverse.

use crate::model::command::{Command, CommandError};
use crate::model::limits::{MAX_COMMENTARY, MAX_REVIEWS, check_long_text};
use crate::model::review::Commentary;
use crate::model::scorecard::Scorecard;

use super::{Res, done};

fn invalid(field: &str, reason: impl Into<String>) -> CommandError {
    CommandError::invalid(field, reason)
}

impl Scorecard {
    /// Applies `SetCommentary`, `AddReview` or `RemoveReview`.
    pub(super) fn apply_review(&mut self, cmd: Command) -> Res {
        match cmd {
            Command::SetCommentary {
                kpi,
                period,
                analysis,
                action,
                at,
            } => {
                check_long_text(&analysis).map_err(|e| invalid("analysis", e))?;
                check_long_text(&action).map_err(|e| invalid("action", e))?;
                let k = self.kpi_mut(&kpi).ok_or_else(|| CommandError::UnknownId {
                    kind: "KPI",
                    id: kpi.clone(),
                })?;
                let empty = analysis.trim().is_empty() && action.trim().is_empty();
                let restore = |c: &Commentary, at: Option<usize>| Command::SetCommentary {
                    kpi: kpi.clone(),
                    period,
                    analysis: c.analysis.clone(),
                    action: c.action.clone(),
                    at,
                };
                match k.commentary.iter().position(|c| c.period == period) {
                    Some(i) if empty => {
                        let old = k.commentary.remove(i);
                        done(restore(&old, Some(i)))
                    }
                    Some(i) => {
                        let entry = &mut k.commentary[i];
                        let old = Commentary {
                            analysis: std::mem::replace(&mut entry.analysis, analysis),
                            action: std::mem::replace(&mut entry.action, action),
                            ..entry.clone()
                        };
                        done(restore(&old, None))
                    }
                    None if empty => Err(invalid(
                        "commentary",
                        "there is no commentary for this period to remove",
                    )),
                    None => {
                        if k.commentary.len() >= MAX_COMMENTARY {
                            return Err(invalid(
                                "commentary",
                                format!("at most {MAX_COMMENTARY} commentary entries per KPI"),
                            ));
                        }
                        let i = at
                            .filter(|i| *i <= k.commentary.len())
                            .unwrap_or_else(|| k.commentary.partition_point(|c| c.period < period));
                        k.commentary.insert(
                            i,
                            Commentary {
                                period,
                                analysis,
                                action,
                                ..Commentary::default()
                            },
                        );
                        done(restore(&Commentary::default(), None))
                    }
                }
            }
            Command::AddReview { review, at } => {
                check_long_text(&review.participants).map_err(|e| invalid("participants", e))?;
                check_long_text(&review.summary).map_err(|e| invalid("summary", e))?;
                if self.reviews.len() >= MAX_REVIEWS {
                    return Err(invalid(
                        "reviews",
                        format!("at most {MAX_REVIEWS} reviews are kept"),
                    ));
                }
                let i = at
                    .filter(|i| *i <= self.reviews.len())
                    .unwrap_or(self.reviews.len());
                self.reviews.insert(i, review);
                done(Command::RemoveReview { index: i })
            }
            Command::RemoveReview { index } => {
                if index >= self.reviews.len() {
                    return Err(invalid("reviews", format!("there is no review {index}")));
                }
                let review = self.reviews.remove(index);
                done(Command::AddReview {
                    review,
                    at: Some(index),
                })
            }
            other => Err(invalid(
                "command",
                format!("not a review command: {other:?}"),
            )),
        }
    }
}
