//! Messages about scorecards and files in both languages: the title shown for an untitled
//! scorecard and why a file cannot be opened. (The model's `Display` of an error is the
//! English text; the refusals of a layer above this one, such as a share link's, are worded
//! beside their type with [`crate::i18n::tr`].)

use crate::i18n::dates::period_text;
use crate::i18n::tr;
use crate::model::file::SHOWN_PROBLEMS;
use crate::model::{ImportError, Lang, Scorecard};

/// "Untitled scorecard", for a scorecard without a title.
pub fn untitled(lang: Lang) -> &'static str {
    tr(lang, "Untitled scorecard", "Naamloze scorecard")
}

/// The title to show for a scorecard ([`untitled`] when it has none).
pub fn display_title(card: &Scorecard, lang: Lang) -> String {
    shown_title(&card.title, lang)
}

/// The line under a scorecard's title on the map and the printed pages: organisation,
/// medium and reporting period, those that are given, joined by " · ".
pub fn scorecard_subtitle(card: &Scorecard, lang: Lang) -> String {
    let period = period_text(card.period_start, card.period_end, lang);
    [
        card.organisation.trim(),
        card.medium_name.trim(),
        period.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// `title` as shown: [`untitled`] when it is blank.
pub fn shown_title(title: &str, lang: Lang) -> String {
    if title.trim().is_empty() {
        untitled(lang).to_string()
    } else {
        title.to_string()
    }
}

/// An import refusal in the interface language.
pub fn import_error_text(error: &ImportError, lang: Lang) -> String {
    match (error, lang) {
        (_, Lang::En) => error.to_string(),
        (ImportError::Empty, Lang::Nl) => "Het bestand is leeg.".to_string(),
        (ImportError::TooLarge { bytes, limit }, Lang::Nl) => format!(
            "Het bestand is te groot ({bytes} bytes); een scorecardbestand mag hoogstens {limit} bytes zijn."
        ),
        (
            ImportError::NotJson {
                line,
                column,
                message,
            },
            Lang::Nl,
        ) => format!("Het bestand is geen geldige JSON: {message} (regel {line}, kolom {column})."),
        (ImportError::NotScorecardFile { reason }, Lang::Nl) => {
            format!("Dit is geen Social Media Scorecard-bestand: {reason}.")
        }
        (ImportError::NewerVersion { found, supported }, Lang::Nl) => format!(
            "Dit bestand heeft formaatversie {found} en is gemaakt met een nieuwere versie van de app; deze app leest versies tot en met {supported}. Werk de app bij."
        ),
        (ImportError::Invalid { problems }, Lang::Nl) => {
            let mut text = format!(
                "De scorecard in dit bestand heeft {} {}:",
                problems.len(),
                if problems.len() == 1 {
                    "probleem"
                } else {
                    "problemen"
                }
            );
            for p in problems.iter().take(SHOWN_PROBLEMS) {
                text.push_str("\n- ");
                text.push_str(&p.to_string());
            }
            if problems.len() > SHOWN_PROBLEMS {
                text.push_str(&format!("\n- … en nog {}", problems.len() - SHOWN_PROBLEMS));
            }
            text
        }
    }
}

/// A short word for each kind of refusal (`data-kind`, for styling and tests).
pub fn import_error_kind(error: &ImportError) -> &'static str {
    match error {
        ImportError::Empty => "empty",
        ImportError::TooLarge { .. } => "too-large",
        ImportError::NotJson { .. } => "not-json",
        ImportError::NotScorecardFile { .. } => "not-scorecard",
        ImportError::NewerVersion { .. } => "newer-version",
        ImportError::Invalid { .. } => "invalid",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn the_subtitle_joins_what_is_given() {
        let mut card = Scorecard::new_blank("sc".into(), Lang::En);
        assert_eq!(scorecard_subtitle(&card, Lang::En), "");
        card.organisation = "Vitality".into();
        card.period_end = Date::from_ymd(2026, 12, 31).ok();
        assert_eq!(
            scorecard_subtitle(&card, Lang::Nl),
            "Vitality · tot en met 31 december 2026"
        );
        card.medium_name = " Community ".into();
        assert_eq!(
            scorecard_subtitle(&card, Lang::En),
            "Vitality · Community · until 31 December 2026"
        );
    }
}
