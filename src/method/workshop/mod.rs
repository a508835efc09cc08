//! The guided workshop: the method's seven steps as pure data (title, the method's question,
//! a tip, the article's example, in English and Dutch), whether each step is done for a
//! scorecard, what it still lacks, and the group's countdown. No web dependency, so it is
//! tested natively; `ui::views::workshop` draws it and remembers the current step (under
//! `library::layout::WORKSHOP_STEP_KEY`).

mod countdown;
mod gaps;
mod steps;

pub use countdown::{Countdown, CountdownPhase, MAX_MINUTES, format_clock, parse_minutes};
pub use gaps::{Gap, gaps, is_done, kpi_is_measurable, kpi_is_monitored, progress};
pub use steps::{STEP_COUNT, STEPS, Step, StepKind, parse_stored_step, step};
