//! The dashboard's change of a roll-up score since the end of last month, in words:
//! "▲ +5 points since 31 March 2026" / "▲ +5 punten sinds 31 maart 2026". Pure, tested
//! natively (`tests/period_scores.rs`).

use crate::i18n::dates::long_date;
use crate::i18n::format::format_number;
use crate::model::{Date, Lang};

/// A change of `points` (one decimal at most, see `ScoreChange::points`) since `since`:
/// an arrow, the signed difference and the date; "no change" when it is 0.
pub fn score_change_text(points: f64, since: Date, lang: Lang) -> String {
    let date = long_date(since, lang);
    if points == 0.0 {
        return match lang {
            Lang::En => format!("= no change since {date}"),
            Lang::Nl => format!("= geen verandering sinds {date}"),
        };
    }
    let (arrow, sign) = if points > 0.0 {
        ("▲", "+")
    } else {
        ("▼", "−")
    };
    let amount = format_number(points.abs(), lang);
    let one = points.abs() == 1.0;
    match lang {
        Lang::En => {
            let word = if one { "point" } else { "points" };
            format!("{arrow} {sign}{amount} {word} since {date}")
        }
        Lang::Nl => {
            let word = if one { "punt" } else { "punten" };
            format!("{arrow} {sign}{amount} {word} sinds {date}")
        }
    }
}
