//! The guided workshop (`#workshop`): the method's seven steps for a facilitator on a
//! projector. Each step shows the method's question and the article's example, and edits the
//! real scorecard through ordinary commands (undoable, saved like every other edit). The step
//! data and the done marks live in the pure [`crate::method::workshop`].

pub mod cells;
pub mod progress;
pub mod step_actions;
pub mod step_factors;
pub mod step_kpis;
pub mod step_monitoring;
pub mod step_objectives;
pub mod step_timer;
pub mod workshop_view;

use leptos::prelude::*;

use crate::method::workshop::{Countdown, STEP_COUNT, STORAGE_KEY, parse_stored_step};

pub use workshop_view::WorkshopView;

/// The workshop's own state, kept in [`crate::ui::AppState`] so that leaving the view and
/// coming back loses nothing: the current step (also remembered in localStorage) and the
/// group's countdown, which keeps running meanwhile.
#[derive(Clone, Copy)]
pub struct WorkshopState {
    /// The current step, 1 to 7.
    pub step: RwSignal<usize>,
    /// The group's countdown.
    pub timer: RwSignal<Countdown>,
    /// The facilitator chose a custom number of minutes rather than 5, 10 or 15.
    pub custom_minutes: RwSignal<bool>,
}

impl WorkshopState {
    /// The state with the step remembered in storage (step 1 when there is none or storage
    /// cannot be read) and a 10-minute countdown.
    pub fn new() -> WorkshopState {
        let stored = crate::web::storage::load_raw(STORAGE_KEY).ok().flatten();
        WorkshopState {
            step: RwSignal::new(parse_stored_step(stored.as_deref())),
            timer: RwSignal::new(Countdown::new(10.0)),
            custom_minutes: RwSignal::new(false),
        }
    }

    /// Goes to step `number` (clamped to 1–7) and remembers it; a storage error is ignored
    /// (the step is then remembered for this visit only).
    pub fn go(&self, number: usize) {
        let number = number.clamp(1, STEP_COUNT);
        self.step.set(number);
        let _ = crate::web::storage::save_raw(STORAGE_KEY, &number.to_string());
    }
}

impl Default for WorkshopState {
    fn default() -> Self {
        WorkshopState::new()
    }
}

/// Goes to step `number` and moves the focus to its title, so a screen reader reads the new
/// step and the keyboard continues from there.
fn go_and_focus(workshop: WorkshopState, number: usize) {
    workshop.go(number);
    cells::focus_soon("[data-testid=ws-step-title]".to_string());
}
