//! Month names in English and Dutch, in full (`March` / `maart`) and short (`Mar` / `mrt`),
//! and the dates written with them: one table for the charts' dates (`31 Mar 2026`) and the
//! "as of" date in the header and on the dashboard (`31 March 2026`).

use crate::i18n::{Text, t, tr};
use crate::model::{Date, Lang};

/// One month's name, in full and short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthName {
    /// In full: `March` / `maart`.
    pub full: Text,
    /// Short, as on chart axes: `Mar` / `mrt`.
    pub short: Text,
}

const fn month(full: Text, short: Text) -> MonthName {
    MonthName { full, short }
}

/// The twelve months, January first.
pub const MONTHS: [MonthName; 12] = [
    month(t("January", "januari"), t("Jan", "jan")),
    month(t("February", "februari"), t("Feb", "feb")),
    month(t("March", "maart"), t("Mar", "mrt")),
    month(t("April", "april"), t("Apr", "apr")),
    month(t("May", "mei"), t("May", "mei")),
    month(t("June", "juni"), t("Jun", "jun")),
    month(t("July", "juli"), t("Jul", "jul")),
    month(t("August", "augustus"), t("Aug", "aug")),
    month(t("September", "september"), t("Sep", "sep")),
    month(t("October", "oktober"), t("Oct", "okt")),
    month(t("November", "november"), t("Nov", "nov")),
    month(t("December", "december"), t("Dec", "dec")),
];

fn of(month: u8) -> &'static MonthName {
    &MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

/// The full name of `month` (1 to 12; out-of-range values are clamped): `March` / `maart`.
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    of(month).full.get(lang)
}

/// The short name of `month` (1 to 12; out-of-range values are clamped): `Mar` / `mrt`.
pub fn month_short(month: u8, lang: Lang) -> &'static str {
    of(month).short.get(lang)
}

/// A date written out in full: `31 March 2026` / `31 maart 2026`.
pub fn long_date(date: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), lang),
        date.year()
    )
}

/// A date with the short month: `31 Mar 2026` / `31 mrt 2026`.
pub fn short_date(date: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_short(date.month(), lang),
        date.year()
    )
}

/// A scorecard's reporting period in words: `1 January 2026 – 31 December 2026`, `from …`,
/// `until …`; `None` when it has neither end.
pub fn period_text(start: Option<Date>, end: Option<Date>, lang: Lang) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) => Some(format!("{} – {}", long_date(s, lang), long_date(e, lang))),
        (Some(s), None) => Some(format!(
            "{} {}",
            tr(lang, "from", "vanaf"),
            long_date(s, lang)
        )),
        (None, Some(e)) => Some(format!(
            "{} {}",
            tr(lang, "until", "tot en met"),
            long_date(e, lang)
        )),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_period_reads_in_words() {
        let d = |y, m, day| Date::from_ymd(y, m, day).expect("a date");
        let (jan, dec) = (Some(d(2026, 1, 1)), Some(d(2026, 12, 31)));
        assert_eq!(
            period_text(jan, dec, Lang::En).as_deref(),
            Some("1 January 2026 – 31 December 2026")
        );
        assert_eq!(
            period_text(jan, None, Lang::Nl).as_deref(),
            Some("vanaf 1 januari 2026")
        );
        assert_eq!(
            period_text(None, dec, Lang::Nl).as_deref(),
            Some("tot en met 31 december 2026")
        );
        assert_eq!(period_text(None, None, Lang::En), None);
    }

    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::from_ymd(y, m, day).expect("a date")
    }

    #[test]
    fn months_in_both_languages_full_and_short() {
        assert_eq!(month_name(3, Lang::En), "March");
        assert_eq!(month_name(3, Lang::Nl), "maart");
        assert_eq!(month_short(3, Lang::En), "Mar");
        assert_eq!(month_short(3, Lang::Nl), "mrt");
        assert_eq!(month_short(10, Lang::Nl), "okt");
        assert_eq!(month_name(0, Lang::En), "January");
        assert_eq!(month_name(13, Lang::En), "December");
        for m in MONTHS {
            for text in [m.full, m.short] {
                assert!(!text.en.is_empty() && !text.nl.is_empty());
            }
        }
    }

    #[test]
    fn dates_long_and_short() {
        assert_eq!(long_date(d(2026, 3, 15), Lang::En), "15 March 2026");
        assert_eq!(long_date(d(2026, 3, 15), Lang::Nl), "15 maart 2026");
        assert_eq!(short_date(d(2026, 3, 31), Lang::En), "31 Mar 2026");
        assert_eq!(short_date(d(2026, 2, 28), Lang::Nl), "28 feb 2026");
    }
}
