//! A review in progress: the month, the screen, the KPIs stepped through (fixed when the
//! review starts, so the order never shifts under the team), and the finish screen's
//! participants and summary until they are recorded.

use leptos::prelude::*;

use crate::method::review_agenda::{Agenda, review_agenda};
use crate::model::period_scores::{last_complete_month, month_of};
use crate::model::{Date, Period};
use crate::ui::session::state::AppState;

/// Which screen the review shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    /// Picking the month.
    Start,
    /// The KPI at this index of [`ReviewSession::steps`].
    Step(usize),
    /// Participants, summary, record.
    Finish,
    /// The review is recorded.
    Recorded,
}

/// The state of the review shown; `Copy`, so every screen holds it.
#[derive(Clone, Copy)]
pub struct ReviewSession {
    /// The month reviewed (its first day).
    pub period: RwSignal<Date>,
    /// The screen.
    pub phase: RwSignal<Phase>,
    /// The KPI ids stepped through, in order.
    pub steps: RwSignal<Vec<String>>,
    /// The KPIs on target not added to the steps yet.
    pub rest: RwSignal<Vec<String>>,
    /// Who took part (finish screen).
    pub participants: RwSignal<String>,
    /// What was concluded (finish screen).
    pub summary: RwSignal<String>,
    /// True once the user moved between screens: a new screen then takes the focus.
    pub moved: RwSignal<bool>,
    /// The agenda of the month, worked out again after edits that can move a score.
    pub agenda: Memo<Agenda>,
}

impl ReviewSession {
    /// A review of the last complete month before the app's "as of" date.
    pub fn new(state: AppState) -> ReviewSession {
        let period = RwSignal::new(last_complete_month(state.as_of.get_untracked()).start);
        let agenda = Memo::new(move |_| {
            let p = period.get();
            state.with_scored_doc(|d| review_agenda(d, p))
        });
        ReviewSession {
            period,
            phase: RwSignal::new(Phase::Start),
            steps: RwSignal::new(Vec::new()),
            rest: RwSignal::new(Vec::new()),
            participants: RwSignal::new(String::new()),
            summary: RwSignal::new(String::new()),
            moved: RwSignal::new(false),
            agenda,
        }
    }

    /// The month reviewed.
    pub fn month(&self) -> Period {
        month_of(self.period.get())
    }

    /// The month's last day: the day the review's scores are taken.
    pub fn as_of(&self) -> Signal<Date> {
        let period = self.period;
        Signal::derive(move || month_of(period.get()).end)
    }

    /// Shows `phase`, moving the focus to its heading.
    pub fn go(&self, phase: Phase) {
        self.moved.set(true);
        self.phase.set(phase);
    }

    /// Starts stepping: the KPIs that need attention, or, when none does, the others.
    pub fn start(&self) {
        let (attention, rest) = self.agenda.with_untracked(|a| {
            let ids = |items: &[crate::method::review_agenda::AgendaItem]| {
                items.iter().map(|i| i.kpi.clone()).collect::<Vec<_>>()
            };
            (ids(&a.attention), ids(&a.rest))
        });
        if attention.is_empty() {
            self.steps.set(rest);
            self.rest.set(Vec::new());
        } else {
            self.steps.set(attention);
            self.rest.set(rest);
        }
        let first = if self.steps.with_untracked(Vec::is_empty) {
            Phase::Finish
        } else {
            Phase::Step(0)
        };
        self.go(first);
    }

    /// Adds the KPIs on target to the steps and shows the first of them.
    pub fn show_rest(&self) {
        let mut rest = Vec::new();
        self.rest.update(|r| rest = std::mem::take(r));
        if rest.is_empty() {
            return;
        }
        let first = self.steps.with_untracked(Vec::len);
        self.steps.update(|s| s.extend(rest));
        self.go(Phase::Step(first));
    }

    /// Back to the start screen, the finish fields emptied.
    pub fn restart(&self) {
        self.participants.set(String::new());
        self.summary.set(String::new());
        self.go(Phase::Start);
    }
}
