//! The monthly review's agenda and "since the last review" (docs/review.md).
//!
//! The review of a month looks at the scorecard as of the month's last day, the way
//! [`Scorecard::period_scores`] does. The agenda lists the KPIs that need attention first —
//! red, then amber, then grey, each group in the scorecard's order ([`Scorecard::kpis`]) —
//! and the KPIs on target (green) after them.
//!
//! "Since the last review" compares this month with the latest review recorded for an
//! earlier month:
//! - status changes: every KPI whose status as of that review's month end differs from its
//!   status as of this month's end;
//! - target changes: the target-history entries dated after the day that review was held, up
//!   to and including the day of this review (`today`) or this month's end, whichever is
//!   later;
//! - actions done: actions carry no completion date and no record of their status at the
//!   last review, so "done since" is read from the due date: actions marked done whose due
//!   date falls after the day the last review was held (done actions without a due date
//!   cannot be placed in time and are left out);
//! - actions overdue: actions not done whose due date lies before this month's end has
//!   passed — before the day after the month's end, or before `today` while the month is
//!   still running.

use serde::Serialize;

use crate::model::period_scores::month_of;
use crate::model::{
    ActionStatus, Date, Evaluation, KpiParent, Period, Review, Scorecard, Status, TargetChange,
};

/// One KPI on the agenda with its score as of the month's end.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgendaItem {
    /// The KPI's id.
    pub kpi: String,
    /// Its name.
    pub name: String,
    /// The sub-objective it measures, when it hangs under one (its actions are discussed).
    pub sub_objective: Option<String>,
    /// Its status as of the month's last day.
    pub status: Status,
    /// Its score (progress) as of the month's last day, when it has one.
    pub score: Option<f64>,
}

/// The KPIs of one month's review, in the order they are discussed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agenda {
    /// The month's first day.
    pub period: Date,
    /// The month's last day: the day the scores are taken.
    pub as_of: Date,
    /// Whether any KPI has a measurement (or input figure) in the month.
    pub has_data: bool,
    /// Red, then amber, then grey KPIs, each in the scorecard's order.
    pub attention: Vec<AgendaItem>,
    /// The KPIs on target (green), in the scorecard's order.
    pub rest: Vec<AgendaItem>,
}

impl Agenda {
    /// How many KPIs on the agenda have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.attention
            .iter()
            .chain(&self.rest)
            .filter(|i| i.status == status)
            .count()
    }

    /// Every KPI on the agenda: the attention ones, then the rest.
    pub fn all(&self) -> impl Iterator<Item = &AgendaItem> {
        self.attention.iter().chain(&self.rest)
    }
}

/// Where a status stands in the agenda: red first, green last.
fn rank(status: Status) -> u8 {
    match status {
        Status::Red => 0,
        Status::Amber => 1,
        Status::Grey => 2,
        Status::Green => 3,
    }
}

/// The month a review is about: the calendar month containing `date`.
pub fn review_month(date: Date) -> Period {
    month_of(date)
}

/// Every KPI with its score in `eval`, in the scorecard's order.
fn items(card: &Scorecard, eval: &Evaluation) -> Vec<AgendaItem> {
    card.kpis()
        .map(|(parent, k)| {
            let score = eval.kpi(&k.id);
            AgendaItem {
                kpi: k.id.clone(),
                name: k.name.clone(),
                sub_objective: match parent {
                    KpiParent::SubObjective(id) => Some(id),
                    KpiParent::Objective(_) => None,
                },
                status: score.map_or(Status::Grey, |s| s.status),
                score: score.and_then(|s| s.value),
            }
        })
        .collect()
}

/// Whether any KPI has a measurement, or any input series a figure, in `month`.
pub fn month_has_data(card: &Scorecard, month: Period) -> bool {
    card.kpis()
        .any(|(_, k)| k.measurements.iter().any(|m| month.contains(m.date)))
        || card
            .series
            .iter()
            .any(|s| s.points.iter().any(|p| month.contains(p.date)))
}

/// The agenda of the review of the month containing `period`.
pub fn review_agenda(card: &Scorecard, period: Date) -> Agenda {
    let month = review_month(period);
    let eval = card.evaluate(month.end);
    let mut all = items(card, &eval);
    // A stable sort keeps the scorecard's order within a status.
    all.sort_by_key(|i| rank(i.status));
    let (attention, rest) = all.into_iter().partition(|i| i.status != Status::Green);
    Agenda {
        period: month.start,
        as_of: month.end,
        has_data: month_has_data(card, month),
        attention,
        rest,
    }
}

/// A KPI whose status moved between two reviews.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusChange {
    /// The KPI's id.
    pub kpi: String,
    /// Its name.
    pub name: String,
    /// Its status as of the last review's month end.
    pub from: Status,
    /// Its status as of this month's end.
    pub to: Status,
}

/// A target changed since the last review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetMove {
    /// The KPI's id.
    pub kpi: String,
    /// Its name.
    pub name: String,
    /// The KPI's unit.
    pub unit: String,
    /// The change as recorded in the target history.
    #[serde(flatten)]
    pub change: TargetMoveChange,
}

/// The fields of a target change that are shown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetMoveChange {
    /// From when the new target applies.
    pub date: Date,
    /// The target before.
    pub old: Option<f64>,
    /// The target after.
    pub new: Option<f64>,
    /// Why.
    pub reason: String,
}

impl From<&TargetChange> for TargetMoveChange {
    fn from(c: &TargetChange) -> Self {
        TargetMoveChange {
            date: c.date,
            old: c.old,
            new: c.new,
            reason: c.reason.clone(),
        }
    }
}

/// An action listed as done or overdue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionLine {
    /// The action's id.
    pub id: String,
    /// What is done.
    pub title: String,
    /// Who does it.
    pub owner: String,
    /// When it should be done.
    pub due: Option<Date>,
    /// Where it stands.
    pub status: ActionStatus,
    /// The sub-objective's id.
    pub sub_objective: String,
    /// The sub-objective's title.
    pub sub_objective_title: String,
}

/// What moved since the last review recorded for an earlier month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SinceLastReview {
    /// The last review's position in the scorecard's list of reviews.
    pub index: usize,
    /// The last review itself.
    #[serde(skip)]
    pub review: Review,
    /// The month of the last review (its first day).
    pub review_period: Date,
    /// The day it was held.
    pub review_held_on: Date,
    /// KPIs whose status differs between that review's month end and this month's end.
    pub status_changes: Vec<StatusChange>,
    /// Target changes dated after that review was held.
    pub target_changes: Vec<TargetMove>,
    /// Actions done that were due after that review was held.
    pub actions_done: Vec<ActionLine>,
    /// Actions not done whose due date has passed.
    pub actions_overdue: Vec<ActionLine>,
}

impl SinceLastReview {
    /// Whether nothing moved.
    pub fn is_quiet(&self) -> bool {
        self.status_changes.is_empty()
            && self.target_changes.is_empty()
            && self.actions_done.is_empty()
            && self.actions_overdue.is_empty()
    }
}

/// The latest review recorded for a month before `period`'s month (by month, then by the
/// day it was held; of two equal ones the later in the list), with its index.
pub fn last_review_before(card: &Scorecard, period: Date) -> Option<(usize, &Review)> {
    let month = review_month(period);
    card.reviews
        .iter()
        .enumerate()
        .filter(|(_, r)| review_month(r.period).start < month.start)
        .max_by_key(|(i, r)| (review_month(r.period).start, r.held_on, *i))
}

/// Every action with its sub-objective.
fn action_lines(card: &Scorecard) -> Vec<ActionLine> {
    card.sub_objectives()
        .flat_map(|(_, so)| {
            so.actions.iter().map(move |a| ActionLine {
                id: a.id.clone(),
                title: a.title.clone(),
                owner: a.owner.clone(),
                due: a.due,
                status: a.status,
                sub_objective: so.id.clone(),
                sub_objective_title: so.title.clone(),
            })
        })
        .collect()
}

/// What moved since the last review before `period`'s month, for a review held on `today`;
/// `None` when no review of an earlier month is recorded.
pub fn since_last_review(card: &Scorecard, period: Date, today: Date) -> Option<SinceLastReview> {
    let month = review_month(period);
    let (index, last) = last_review_before(card, period)?;
    let last_month = review_month(last.period);
    let before = items(card, &card.evaluate(last_month.end));
    let now = items(card, &card.evaluate(month.end));
    let status_changes = now
        .iter()
        .filter_map(|n| {
            let from = before.iter().find(|b| b.kpi == n.kpi)?.status;
            (from != n.status).then(|| StatusChange {
                kpi: n.kpi.clone(),
                name: n.name.clone(),
                from,
                to: n.status,
            })
        })
        .collect();
    let until = today.max(month.end);
    let target_changes = card
        .kpis()
        .flat_map(|(_, k)| {
            k.target_history
                .iter()
                .filter(move |c| c.date > last.held_on && c.date <= until)
                .map(move |c| TargetMove {
                    kpi: k.id.clone(),
                    name: k.name.clone(),
                    unit: k.unit.clone(),
                    change: c.into(),
                })
        })
        .collect();
    let overdue_before = today.min(month.end.add_days(1));
    let (actions_done, rest): (Vec<ActionLine>, Vec<ActionLine>) = action_lines(card)
        .into_iter()
        .partition(|a| a.status == ActionStatus::Done);
    let actions_done = actions_done
        .into_iter()
        .filter(|a| a.due.is_some_and(|d| d > last.held_on))
        .collect();
    let actions_overdue = rest
        .into_iter()
        .filter(|a| a.due.is_some_and(|d| d < overdue_before))
        .collect();
    Some(SinceLastReview {
        index,
        review: last.clone(),
        review_period: last_month.start,
        review_held_on: last.held_on,
        status_changes,
        target_changes,
        actions_done,
        actions_overdue,
    })
}

/// The months a review can be about: from the earliest month with a measurement or input
/// figure (at most `max` months back) up to the month containing `today`, newest first. With
/// no data at all, the `max` months up to today's.
pub fn review_months(card: &Scorecard, today: Date, max: usize) -> Vec<Period> {
    let first = card
        .kpis()
        .flat_map(|(_, k)| k.measurements.iter().map(|m| m.date))
        .chain(
            card.series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.date)),
        )
        .filter(|d| *d <= today)
        .min();
    let mut months = Vec::new();
    let mut month = review_month(today);
    loop {
        months.push(month);
        let reached = first.is_some_and(|f| month.contains(f) || f > month.end);
        if months.len() >= max || (reached && months.len() >= 2) {
            break;
        }
        match month.previous() {
            Some(p) => month = p,
            None => break,
        }
    }
    months
}
