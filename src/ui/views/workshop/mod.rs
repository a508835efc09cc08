//! The guided workshop (`#workshop`): the method's seven steps for a facilitator on a
//! projector. Each step shows the method's question and the article's example, and edits the
//! real scorecard through ordinary commands (undoable, saved like every other edit). The step
//! data and the done marks live in the pure [`crate::method::workshop`].

pub mod cells;
pub mod hand_out;
pub mod hand_out_files;
pub mod hand_out_group;
pub mod progress;
pub mod step_actions;
pub mod step_factors;
pub mod step_kpis;
pub mod step_monitoring;
pub mod step_objectives;
pub mod step_timer;
pub mod workshop_view;

use crate::ui::session::workshop::WorkshopState;

pub use workshop_view::WorkshopView;

/// Goes to step `number` and moves the focus to its title, so a screen reader reads the new
/// step and the keyboard continues from there.
fn go_and_focus(workshop: WorkshopState, number: usize) {
    workshop.go(number);
    cells::focus_soon("[data-testid=ws-step-title]".to_string());
}
