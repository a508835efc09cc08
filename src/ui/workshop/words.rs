//! The names of the model's fixed choices as the workshop's tables show them, in English and
//! Dutch (the same words as the side panel's forms).

use crate::model::{ActionStatus, Direction, Frequency, Lang};
use crate::ui::texts::tr;

/// Every direction with its `<select>` value and its short name.
pub fn direction_options(lang: Lang) -> Vec<(String, String)> {
    [
        Direction::HigherIsBetter,
        Direction::LowerIsBetter,
        Direction::WithinBand,
    ]
    .into_iter()
    .map(|d| {
        (
            direction_key(d).to_string(),
            direction_name(d, lang).to_string(),
        )
    })
    .collect()
}

/// The `<select>` value of a direction.
pub fn direction_key(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher",
        Direction::LowerIsBetter => "lower",
        Direction::WithinBand => "band",
    }
}

/// The direction of a `<select>` value.
pub fn direction_of(key: &str) -> Option<Direction> {
    [
        Direction::HigherIsBetter,
        Direction::LowerIsBetter,
        Direction::WithinBand,
    ]
    .into_iter()
    .find(|d| direction_key(*d) == key)
}

fn direction_name(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::HigherIsBetter => tr(lang, "Higher is better", "Hoger is beter"),
        Direction::LowerIsBetter => tr(lang, "Lower is better", "Lager is beter"),
        Direction::WithinBand => tr(lang, "Keep within a band", "Binnen een bandbreedte"),
    }
}

/// Every frequency with its `<select>` value and its name.
pub fn frequency_options(lang: Lang) -> Vec<(String, String)> {
    Frequency::ALL
        .into_iter()
        .map(|f| (f.name().to_string(), frequency_name(f, lang).to_string()))
        .collect()
}

fn frequency_name(f: Frequency, lang: Lang) -> &'static str {
    match f {
        Frequency::Daily => tr(lang, "Daily", "Dagelijks"),
        Frequency::Weekly => tr(lang, "Weekly", "Wekelijks"),
        Frequency::Monthly => tr(lang, "Monthly", "Maandelijks"),
        Frequency::Quarterly => tr(lang, "Quarterly", "Per kwartaal"),
        Frequency::Yearly => tr(lang, "Yearly", "Jaarlijks"),
    }
}

/// Every action status with its `<select>` value and its name.
pub fn status_options(lang: Lang) -> Vec<(String, String)> {
    ActionStatus::ALL
        .into_iter()
        .map(|s| (status_key(s).to_string(), status_name(s, lang).to_string()))
        .collect()
}

/// The `<select>` value of an action status.
pub fn status_key(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::NotStarted => "not_started",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
        ActionStatus::Blocked => "blocked",
    }
}

/// The action status of a `<select>` value.
pub fn status_of(key: &str) -> Option<ActionStatus> {
    ActionStatus::ALL
        .into_iter()
        .find(|s| status_key(*s) == key)
}

fn status_name(s: ActionStatus, lang: Lang) -> &'static str {
    match s {
        ActionStatus::NotStarted => tr(lang, "Not started", "Niet gestart"),
        ActionStatus::InProgress => tr(lang, "In progress", "Bezig"),
        ActionStatus::Done => tr(lang, "Done", "Klaar"),
        ActionStatus::Blocked => tr(lang, "Blocked", "Geblokkeerd"),
    }
}
