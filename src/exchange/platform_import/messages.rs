//! The import preview's words in English and Dutch: why a target was proposed, what blocks
//! applying, overlapping files, a file of the wrong metric, and the counts.

use super::plan::{Blocker, Counts, Overlap};
use super::propose::{Reason, WrongMetric};
use crate::i18n::dates::long_date;
use crate::i18n::tr;
use crate::model::Lang;

/// Why a target was proposed, e.g. "remembered from the last import".
pub fn reason_text(reason: Reason, lang: Lang) -> &'static str {
    match reason {
        Reason::Remembered => tr(
            lang,
            "remembered from an earlier import",
            "onthouden van een eerdere import",
        ),
        Reason::Chosen => tr(
            lang,
            "the series you started from",
            "de reeks waar je vandaan kwam",
        ),
        Reason::SameKey => tr(
            lang,
            "a series with this key exists",
            "er is een reeks met deze sleutel",
        ),
        Reason::NewSeries => tr(
            lang,
            "no series fits: a new one",
            "geen reeks past: een nieuwe",
        ),
        Reason::NotChosenBefore => tr(
            lang,
            "not imported before: skipped",
            "nog niet eerder geïmporteerd: overgeslagen",
        ),
    }
}

/// New / updated / unchanged, e.g. "31 new, 2 updated, 0 unchanged".
pub fn counts_text(c: Counts, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} new, {} updated, {} unchanged",
            c.new, c.updated, c.unchanged
        ),
        Lang::Nl => format!(
            "{} nieuw, {} bijgewerkt, {} ongewijzigd",
            c.new, c.updated, c.unchanged
        ),
    }
}

/// What blocks applying, with what to do about it.
pub fn blocker_text(b: &Blocker, lang: Lang) -> String {
    match (b, lang) {
        (Blocker::TooManyPoints { key, points }, Lang::En) => format!(
            "The series \"{key}\" would have {points} points; a series holds at most {}. Import a shorter period or into another series.",
            crate::model::limits::MAX_SERIES_POINTS
        ),
        (Blocker::TooManyPoints { key, points }, Lang::Nl) => format!(
            "De reeks \"{key}\" zou {points} punten krijgen; een reeks heeft er hoogstens {}. Importeer een kortere periode of in een andere reeks.",
            crate::model::limits::MAX_SERIES_POINTS
        ),
        (Blocker::TooManySeries { series }, Lang::En) => format!(
            "This would make {series} series; a scorecard holds at most {}. Skip some columns or import into existing series.",
            crate::model::limits::MAX_SERIES
        ),
        (Blocker::TooManySeries { series }, Lang::Nl) => format!(
            "Dit zou {series} reeksen opleveren; een scorecard heeft er hoogstens {}. Sla kolommen over of importeer in bestaande reeksen.",
            crate::model::limits::MAX_SERIES
        ),
        (Blocker::TooManySources { key }, Lang::En) => format!(
            "The series \"{key}\" would remember more than {} export columns.",
            crate::model::limits::MAX_SERIES_SOURCES
        ),
        (Blocker::TooManySources { key }, Lang::Nl) => format!(
            "De reeks \"{key}\" zou meer dan {} exportkolommen onthouden.",
            crate::model::limits::MAX_SERIES_SOURCES
        ),
        (Blocker::BadKey { key, reason }, Lang::En) => {
            format!("The new series' key \"{key}\" cannot be used: {reason}.")
        }
        (Blocker::BadKey { key, .. }, Lang::Nl) => format!(
            "De sleutel \"{key}\" van de nieuwe reeks kan niet: hij moet met een letter beginnen, alleen letters, cijfers en _ bevatten, hoogstens 40 tekens hebben en nog niet bestaan."
        ),
        (Blocker::UnknownSeries { id }, Lang::En) => format!(
            "The series {id} no longer exists (the scorecard changed). Choose another series."
        ),
        (Blocker::UnknownSeries { id }, Lang::Nl) => format!(
            "De reeks {id} bestaat niet meer (de scorecard is veranderd). Kies een andere reeks."
        ),
    }
}

/// Two files giving one series different values for the same dates.
pub fn overlap_text(o: &Overlap, lang: Lang) -> String {
    let first = long_date(o.first, lang);
    match lang {
        Lang::En => format!(
            "\"{}\": {} date(s) from {first} on are in more than one file with different values; the value of the file listed last is used.",
            o.key, o.dates
        ),
        Lang::Nl => format!(
            "\"{}\": {} datum(s) vanaf {first} staan in meer dan één bestand met verschillende waarden; de waarde van het laatst genoemde bestand telt.",
            o.key, o.dates
        ),
    }
}

/// The file does not hold the metric of the series the import was started from.
pub fn wrong_metric_text(w: &WrongMetric, lang: Lang) -> String {
    let found = w.found.join(", ");
    let expected = w.expected.join(", ");
    match lang {
        Lang::En => format!(
            "This file holds {found}, not what \"{}\" was filled from ({expected}), so nothing was put into \"{}\". Choose it below if you mean it.",
            w.series, w.series
        ),
        Lang::Nl => format!(
            "Dit bestand bevat {found}, niet waarmee \"{}\" eerder gevuld is ({expected}), dus er is niets in \"{}\" gezet. Kies de reeks hieronder als je dat wel bedoelt.",
            w.series, w.series
        ),
    }
}
