//! Names of the model's fixed choices in English and Dutch.

use crate::model::{ActionStatus, Direction, FactorKind, Frequency, Lang};
use crate::ui::texts::tr;

/// The name of a direction.
pub fn direction_name(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::HigherIsBetter => tr(lang, "Higher is better", "Hoger is beter"),
        Direction::LowerIsBetter => tr(lang, "Lower is better", "Lager is beter"),
        Direction::WithinBand => tr(lang, "Keep within a band", "Binnen een bandbreedte"),
    }
}

/// The value of a direction in a `<select>`.
pub fn direction_key(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher",
        Direction::LowerIsBetter => "lower",
        Direction::WithinBand => "band",
    }
}

/// Every direction.
pub const DIRECTIONS: [Direction; 3] = [
    Direction::HigherIsBetter,
    Direction::LowerIsBetter,
    Direction::WithinBand,
];

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

/// The name of an action status.
pub fn action_status_name(s: ActionStatus, lang: Lang) -> &'static str {
    match s {
        ActionStatus::NotStarted => tr(lang, "Not started", "Niet gestart"),
        ActionStatus::InProgress => tr(lang, "In progress", "Bezig"),
        ActionStatus::Done => tr(lang, "Done", "Klaar"),
        ActionStatus::Blocked => tr(lang, "Blocked", "Geblokkeerd"),
    }
}

/// The value of an action status in a `<select>`.
pub fn action_status_key(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::NotStarted => "not_started",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
        ActionStatus::Blocked => "blocked",
    }
}

/// The default name of a factor kind (the label a scorecard gives it may differ).
pub fn factor_kind_name(kind: FactorKind, lang: Lang) -> &'static str {
    crate::model::text::factor_label(kind, lang)
}
