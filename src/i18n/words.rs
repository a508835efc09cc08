//! Names of the model's fixed choices (direction, frequency, action status) in English and
//! Dutch, their `<select>` values, and the options lists: one place for every form, table and
//! printout that shows them.

use crate::i18n::tr;
use crate::model::{ActionStatus, Direction, FactorKind, Frequency, Lang};

/// Every direction, in the order forms offer them.
pub const DIRECTIONS: [Direction; 3] = [
    Direction::HigherIsBetter,
    Direction::LowerIsBetter,
    Direction::WithinBand,
];

/// The name of a direction.
pub fn direction_name(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::HigherIsBetter => tr(lang, "Higher is better", "Hoger is beter"),
        Direction::LowerIsBetter => tr(lang, "Lower is better", "Lager is beter"),
        Direction::WithinBand => tr(lang, "Keep within a band", "Binnen een bandbreedte"),
    }
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
    DIRECTIONS.into_iter().find(|d| direction_key(*d) == key)
}

/// Every direction as (`<select>` value, name).
pub fn direction_options(lang: Lang) -> Vec<(String, String)> {
    DIRECTIONS
        .into_iter()
        .map(|d| {
            (
                direction_key(d).to_string(),
                direction_name(d, lang).to_string(),
            )
        })
        .collect()
}

/// The name of a frequency.
pub fn frequency_name(f: Frequency, lang: Lang) -> &'static str {
    match f {
        Frequency::Daily => tr(lang, "Daily", "Dagelijks"),
        Frequency::Weekly => tr(lang, "Weekly", "Wekelijks"),
        Frequency::Monthly => tr(lang, "Monthly", "Maandelijks"),
        Frequency::Quarterly => tr(lang, "Quarterly", "Per kwartaal"),
        Frequency::Yearly => tr(lang, "Yearly", "Jaarlijks"),
    }
}

/// The frequency of a `<select>` value.
pub fn frequency_of(key: &str) -> Option<Frequency> {
    Frequency::ALL.into_iter().find(|f| f.name() == key)
}

/// Every frequency as (`<select>` value, name).
pub fn frequency_options(lang: Lang) -> Vec<(String, String)> {
    Frequency::ALL
        .into_iter()
        .map(|f| (f.name().to_string(), frequency_name(f, lang).to_string()))
        .collect()
}

/// The name of an action status.
pub fn action_status_name(s: ActionStatus, lang: Lang) -> &'static str {
    match s {
        ActionStatus::NotStarted => tr(lang, "Not started", "Niet gestart"),
        ActionStatus::InProgress => tr(lang, "In progress", "Bezig"),
        ActionStatus::Done => tr(lang, "Done", "Klaar"),
        ActionStatus::Blocked => tr(lang, "Blocked", "Geblokkeerd"),
    }
}

/// The `<select>` value of an action status.
pub fn action_status_key(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::NotStarted => "not_started",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
        ActionStatus::Blocked => "blocked",
    }
}

/// The action status of a `<select>` value.
pub fn action_status_of(key: &str) -> Option<ActionStatus> {
    ActionStatus::ALL
        .into_iter()
        .find(|s| action_status_key(*s) == key)
}

/// Every action status as (`<select>` value, name).
pub fn action_status_options(lang: Lang) -> Vec<(String, String)> {
    ActionStatus::ALL
        .into_iter()
        .map(|s| {
            (
                action_status_key(s).to_string(),
                action_status_name(s, lang).to_string(),
            )
        })
        .collect()
}

/// The default name of a factor kind (the label a scorecard gives it may differ).
pub fn factor_kind_name(kind: FactorKind, lang: Lang) -> &'static str {
    crate::model::text::factor_label(kind, lang)
}
