//! The guided workshop's state, kept in [`AppState`](super::state::AppState) so that leaving
//! the view and coming back loses nothing: the current step and the group's countdown, which
//! keeps running meanwhile. The step is remembered in this browser by
//! [`Persistence`](super::Persistence) (see `preferences.rs`).

use leptos::prelude::*;

use crate::method::workshop::{Countdown, STEP_COUNT};

/// The workshop's current step and countdown.
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
    /// The state at step 1 with a 10-minute countdown.
    pub fn new() -> WorkshopState {
        WorkshopState {
            step: RwSignal::new(1),
            timer: RwSignal::new(Countdown::new(10.0)),
            custom_minutes: RwSignal::new(false),
        }
    }

    /// Goes to step `number` (clamped to 1–7).
    pub fn go(&self, number: usize) {
        self.step.set(number.clamp(1, STEP_COUNT));
    }
}

impl Default for WorkshopState {
    fn default() -> Self {
        WorkshopState::new()
    }
}
