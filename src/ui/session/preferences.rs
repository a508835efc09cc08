//! What this browser remembers beside the library: the interface language, the workshop's
//! step and the coach's factor limit. Read at start ([`stored_lang`],
//! [`stored_workshop_step`], [`stored_coach_limit`]); written when they change, only while
//! storage can be used (never over a newer app's layout).

use leptos::prelude::*;

use crate::library::layout::{COACH_LIMIT_KEY, LANG_KEY, WORKSHOP_STEP_KEY};
use crate::method::workshop::parse_stored_step;
use crate::model::Lang;
use crate::web::storage;

use super::{Persistence, StorageHealth};

/// The interface language chosen in this browser before, if any.
pub fn stored_lang() -> Option<Lang> {
    match storage::load_raw(LANG_KEY) {
        Ok(Some(code)) if code == "nl" => Some(Lang::Nl),
        Ok(Some(code)) if code == "en" => Some(Lang::En),
        _ => None,
    }
}

/// The workshop step the facilitator was at (step 1 when none was kept).
pub fn stored_workshop_step() -> usize {
    parse_stored_step(
        storage::load_raw(WORKSHOP_STEP_KEY)
            .ok()
            .flatten()
            .as_deref(),
    )
}

/// The coach's factor limit chosen in this browser before, if any (1 to 50).
pub fn stored_coach_limit() -> Option<usize> {
    storage::load_raw(COACH_LIMIT_KEY)
        .ok()
        .flatten()
        .and_then(|text| text.trim().parse::<usize>().ok())
        .filter(|n| (1..=50).contains(n))
}

impl Persistence {
    /// Remembers the interface language, the workshop step and the coach's limit whenever
    /// they change.
    pub(super) fn install_preferences(self) {
        let state = self.state;
        Effect::new(move |previous: Option<()>| {
            let lang = state.lang.get();
            if previous.is_some() {
                self.remember(LANG_KEY, lang.code());
            }
        });
        Effect::new(move |previous: Option<()>| {
            let step = state.workshop.step.get();
            if previous.is_some() {
                self.remember(WORKSHOP_STEP_KEY, &step.to_string());
            }
        });
        Effect::new(move |previous: Option<()>| {
            let limit = state.coach_limit.get();
            if previous.is_some() {
                self.remember(COACH_LIMIT_KEY, &limit.to_string());
            }
        });
    }

    /// Writes a preference when storage can be used (never over a newer app's layout); a
    /// refusal is ignored (the preference is then kept for this visit only).
    pub fn remember(&self, key: &str, value: &str) {
        if self.health.get_untracked() == StorageHealth::Usable {
            let _ = storage::save_raw(key, value);
        }
    }
}
