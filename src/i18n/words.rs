//! Names of the model's fixed choices (score status, direction, frequency, action status) in
//! English and Dutch, their `<select>` and `data-status` values, and the options lists: one
//! place for every badge, chart, form, table and printout that shows them.

use crate::i18n::tr;
use crate::model::{
    ActionStatus, Aggregation, Direction, FactorKind, Frequency, Lang, Score, Status,
};

/// The word for a score status, as badges show it: "On target", "At risk", "Off target",
/// "No data". Charts write the same words in lower case ([`status_word_lower`]).
pub fn status_word(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Green => tr(lang, "On target", "Op koers"),
        Status::Amber => tr(lang, "At risk", "Risico"),
        Status::Red => tr(lang, "Off target", "Uit koers"),
        Status::Grey => no_data(lang),
    }
}

/// The word for a score: as [`status_word`], except that a grey score that still has a value
/// (its latest measurement is too old to count) reads "Out of date", not "No data".
pub fn score_word(score: &Score, lang: Lang) -> &'static str {
    if score.status == Status::Grey && score.value.is_some() {
        tr(lang, "Out of date", "Verouderd")
    } else {
        status_word(score.status, lang)
    }
}

/// [`status_word`] in lower case, for use inside a sentence or a chart's table.
pub fn status_word_lower(status: Status, lang: Lang) -> String {
    status_word(status, lang).to_lowercase()
}

/// "No data": what a grey status, an empty chart and a missing score say.
pub fn no_data(lang: Lang) -> &'static str {
    tr(lang, "No data", "Geen data")
}

/// The icon of a score status (shown next to its word, so status is never colour alone).
pub fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Green => "✓",
        Status::Amber => "!",
        Status::Red => "✕",
        Status::Grey => "–",
    }
}

/// The icon and the word of a score status in `lang`.
pub fn status_words(status: Status, lang: Lang) -> (&'static str, &'static str) {
    (status_icon(status), status_word(status, lang))
}

/// The `data-status` value of a score status, for styling and tests.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Green => "green",
        Status::Amber => "amber",
        Status::Red => "red",
        Status::Grey => "grey",
    }
}

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

/// The name of an input series' aggregation per period: "Sum", "Last value", …
pub fn aggregation_name(a: Aggregation, lang: Lang) -> &'static str {
    match a {
        Aggregation::Sum => tr(lang, "Sum", "Som"),
        Aggregation::Last => tr(lang, "Last value", "Laatste waarde"),
        Aggregation::Average => tr(lang, "Average", "Gemiddelde"),
        Aggregation::Min => tr(lang, "Lowest value", "Laagste waarde"),
        Aggregation::Max => tr(lang, "Highest value", "Hoogste waarde"),
    }
}

/// What an aggregation does, for the series form's help text.
pub fn aggregation_hint(a: Aggregation, lang: Lang) -> &'static str {
    match a {
        Aggregation::Sum => tr(
            lang,
            "the period's values added up: for counts such as interactions, reach or clicks",
            "de waarden van de periode opgeteld: voor aantallen zoals interacties, bereik of kliks",
        ),
        Aggregation::Last => tr(
            lang,
            "the period's latest value: for totals such as followers or members",
            "de laatste waarde van de periode: voor standen zoals volgers of leden",
        ),
        Aggregation::Average => tr(
            lang,
            "the mean of the period's values: for levels such as a satisfaction score",
            "het gemiddelde van de waarden van de periode: voor niveaus zoals een tevredenheidscijfer",
        ),
        Aggregation::Min => tr(
            lang,
            "the period's lowest value",
            "de laagste waarde van de periode",
        ),
        Aggregation::Max => tr(
            lang,
            "the period's highest value",
            "de hoogste waarde van de periode",
        ),
    }
}

/// The `<select>` value of an aggregation (its file name, e.g. `sum`).
pub fn aggregation_of(key: &str) -> Option<Aggregation> {
    Aggregation::ALL.into_iter().find(|a| a.key() == key)
}

/// The aggregation choices for a `<select>`: (value, label).
pub fn aggregation_options(lang: Lang) -> Vec<(String, String)> {
    Aggregation::ALL
        .iter()
        .map(|a| (a.key().to_string(), aggregation_name(*a, lang).to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_grey_score_with_a_value_is_out_of_date_not_without_data() {
        let stale = Score {
            value: Some(0.3),
            status: Status::Grey,
        };
        assert_eq!(score_word(&stale, Lang::En), "Out of date");
        assert_eq!(score_word(&stale, Lang::Nl), "Verouderd");
        assert_eq!(score_word(&Score::GREY, Lang::En), "No data");
        let red = Score {
            value: Some(0.3),
            status: Status::Red,
        };
        assert_eq!(score_word(&red, Lang::Nl), "Uit koers");
    }

    use super::*;

    #[test]
    fn one_set_of_status_words_for_badges_and_charts() {
        assert_eq!(status_words(Status::Red, Lang::Nl), ("✕", "Uit koers"));
        assert_eq!(status_words(Status::Grey, Lang::En), ("–", "No data"));
        assert_eq!(status_word_lower(Status::Green, Lang::Nl), "op koers");
        assert_eq!(status_word_lower(Status::Grey, Lang::Nl), "geen data");
        for lang in Lang::ALL {
            assert_eq!(status_word(Status::Grey, lang), no_data(lang));
        }
        let keys: Vec<_> = [Status::Green, Status::Amber, Status::Red, Status::Grey]
            .into_iter()
            .map(status_key)
            .collect();
        assert_eq!(keys, ["green", "amber", "red", "grey"]);
    }
}
