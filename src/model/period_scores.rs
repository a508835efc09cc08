//! The scores of a review period with their change against the period before: what the
//! dashboard's overall and factor scores, review mode and the one-page report show
//! (docs/scoring.md, section 7).
//!
//! A review is about one calendar month. Its scores are the scorecard's scores as of the
//! month's last day: every measured KPI counts its latest measurement up to that day, every
//! calculated KPI the month itself (it is over on its last day). The previous month's scores
//! are taken the same way on its own last day; the change is the difference of the two
//! roll-up values (0…1), so `0.05` reads "+5 points".

use super::date::Date;
use super::enums::{FactorKind, Frequency};
use super::evaluate::{Evaluation, Score};
use super::period::Period;
use super::scorecard::Scorecard;

/// A score in a period, the same score in the period before, and the difference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreChange {
    /// The score as of the period's last day.
    pub score: Score,
    /// The score as of the previous period's last day.
    pub previous: Score,
    /// `score − previous` of the roll-up values (0…1 each), when both have a value.
    pub change: Option<f64>,
}

impl ScoreChange {
    /// The change between two scores.
    pub fn between(score: Score, previous: Score) -> ScoreChange {
        let change = match (score.value, previous.value) {
            (Some(now), Some(before)) => Some(now - before),
            _ => None,
        };
        ScoreChange {
            score,
            previous,
            change,
        }
    }
}

impl ScoreChange {
    /// The change in points (the roll-up values' difference × 100), rounded to one decimal:
    /// `0.05` → `5.0`. `None` when either score has no value.
    pub fn points(&self) -> Option<f64> {
        self.change.map(|c| {
            let points = (c * 1000.0).round() / 10.0;
            // −0.04 points rounds to −0.0: no change.
            if points == 0.0 { 0.0 } else { points }
        })
    }
}

/// The overall and factor scores as of a day against the same scores as of the last day of
/// the month before that day's month: what the dashboard shows as "▲ +5 points since
/// 31 March 2026" (docs/scoring.md, section 7).
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeSinceMonthEnd {
    /// The last day of the month before the as-of date's month.
    pub since: Date,
    /// The whole scorecard.
    pub overall: ScoreChange,
    /// The four factors, in [`FactorKind::ALL`] order.
    pub factors: Vec<(FactorKind, ScoreChange)>,
}

impl ChangeSinceMonthEnd {
    /// The change of one factor.
    pub fn factor(&self, kind: FactorKind) -> Option<&ScoreChange> {
        self.factors
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, c)| c)
    }
}

/// The last day of the month before `date`'s month: 31 March 2026 for any day of April 2026.
pub fn previous_month_end(date: Date) -> Date {
    month_of(date).start.add_days(-1)
}

/// The overall and factor scores of a month and of the month before.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodScores {
    /// The month.
    pub period: Period,
    /// The month before it.
    pub previous: Period,
    /// The whole scorecard.
    pub overall: ScoreChange,
    /// The four factors, in [`FactorKind::ALL`] order.
    pub factors: Vec<(FactorKind, ScoreChange)>,
    /// Every score as of the month's last day (KPIs, sub-objectives, objectives too).
    pub evaluation: Evaluation,
    /// Every score as of the previous month's last day.
    pub previous_evaluation: Evaluation,
}

impl PeriodScores {
    /// The change of one factor.
    pub fn factor(&self, kind: FactorKind) -> Option<&ScoreChange> {
        self.factors
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, c)| c)
    }
}

/// The month containing `date`.
pub fn month_of(date: Date) -> Period {
    Period::containing(date, Frequency::Monthly)
}

/// The month a review held on `today` is about by default: the last month that is over
/// (the month before today's).
pub fn last_complete_month(today: Date) -> Period {
    let this = month_of(today);
    this.previous().unwrap_or(this)
}

impl Scorecard {
    /// The overall and factor scores as of `as_of` against those as of the last day of the
    /// month before (see [`ChangeSinceMonthEnd`]); each evaluated as [`Scorecard::evaluate`]
    /// does on that day.
    pub fn change_since_month_end(&self, as_of: Date) -> ChangeSinceMonthEnd {
        let since = previous_month_end(as_of);
        let now = self.evaluate(as_of);
        let before = self.evaluate(since);
        ChangeSinceMonthEnd {
            since,
            overall: ScoreChange::between(now.overall(), before.overall()),
            factors: FactorKind::ALL
                .iter()
                .map(|&kind| {
                    (
                        kind,
                        ScoreChange::between(now.factor(kind), before.factor(kind)),
                    )
                })
                .collect(),
        }
    }

    /// The overall and factor scores of `period` (a month) against the month before, each as
    /// of its last day.
    pub fn period_scores(&self, period: Period) -> PeriodScores {
        let period = month_of(period.start);
        let previous = period.previous().unwrap_or(period);
        let evaluation = self.evaluate(period.end);
        let previous_evaluation = self.evaluate(previous.end);
        let overall = ScoreChange::between(evaluation.overall(), previous_evaluation.overall());
        let factors = FactorKind::ALL
            .iter()
            .map(|&kind| {
                (
                    kind,
                    ScoreChange::between(evaluation.factor(kind), previous_evaluation.factor(kind)),
                )
            })
            .collect();
        PeriodScores {
            period,
            previous,
            overall,
            factors,
            evaluation,
            previous_evaluation,
        }
    }
}
