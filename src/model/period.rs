//! Reporting periods: the calendar day, ISO week (Monday to Sunday), month, quarter or year
//! that a date falls in, by a KPI's frequency. A calculated KPI has one value per period.

use super::date::Date;
use super::enums::{Frequency, Lang};

/// One calendar period: its first and last day (both included) and its length kind.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Which kind of period.
    pub frequency: Frequency,
}

impl Period {
    /// The period of `frequency` that `date` falls in.
    pub fn containing(date: Date, frequency: Frequency) -> Period {
        let (y, m) = (date.year(), date.month());
        let start = match frequency {
            Frequency::Daily => date,
            Frequency::Weekly => {
                let back = date.as_time().weekday().number_days_from_monday();
                date.add_days(-i64::from(back))
            }
            Frequency::Monthly => ymd(y, m, 1),
            Frequency::Quarterly => ymd(y, (m - 1) / 3 * 3 + 1, 1),
            Frequency::Yearly => ymd(y, 1, 1),
        };
        Period {
            start,
            end: end_of(start, frequency),
            frequency,
        }
    }

    /// The period just before this one, or `None` before the first representable date.
    pub fn previous(self) -> Option<Period> {
        if self.start == Date::MIN {
            return None;
        }
        Some(Period::containing(self.start.add_days(-1), self.frequency))
    }

    /// The period just after this one, or `None` after the last representable date.
    pub fn next(self) -> Option<Period> {
        if self.end == Date::MAX {
            return None;
        }
        Some(Period::containing(self.end.add_days(1), self.frequency))
    }

    /// Whether `date` falls in the period.
    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether the period is over on `as_of`: its last day is on or before it.
    pub fn is_complete(self, as_of: Date) -> bool {
        self.end <= as_of
    }

    /// A short key for the period, e.g. `2026-03`, `2026-Q1`, `2026-W09`, `2026` or
    /// `2026-03-14`; used in ids and in the JSON report.
    pub fn key(self) -> String {
        let y = self.start.year();
        match self.frequency {
            Frequency::Daily => self.start.to_string(),
            Frequency::Weekly => {
                let t = self.start.as_time();
                let (iso_year, week, _) = t.to_iso_week_date();
                format!("{iso_year:04}-W{week:02}")
            }
            Frequency::Monthly => format!("{y:04}-{:02}", self.start.month()),
            Frequency::Quarterly => format!("{y:04}-Q{}", (self.start.month() - 1) / 3 + 1),
            Frequency::Yearly => format!("{y:04}"),
        }
    }
}

fn ymd(year: i32, month: u8, day: u8) -> Date {
    Date::from_ymd(year, month, day).unwrap_or(Date::MIN)
}

/// The last day of the period of `frequency` that starts on `start`.
fn end_of(start: Date, frequency: Frequency) -> Date {
    let (y, m) = (start.year(), start.month());
    let next_start = match frequency {
        Frequency::Daily => return start,
        Frequency::Weekly => return start.add_days(6),
        Frequency::Monthly if m == 12 => Date::from_ymd(y + 1, 1, 1),
        Frequency::Monthly => Date::from_ymd(y, m + 1, 1),
        Frequency::Quarterly if m >= 10 => Date::from_ymd(y + 1, 1, 1),
        Frequency::Quarterly => Date::from_ymd(y, m + 3, 1),
        Frequency::Yearly => Date::from_ymd(y + 1, 1, 1),
    };
    match next_start {
        Ok(d) => d.add_days(-1),
        Err(_) => Date::MAX,
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

impl Period {
    /// The period in words: "March 2026", "Q1 2026", "week 9 of 2026", "2026" or
    /// "14 March 2026" (Dutch: "maart 2026", "K1 2026", "week 9 van 2026", …).
    pub fn label(self, lang: Lang) -> String {
        let y = self.start.year();
        let m = usize::from(self.start.month()).saturating_sub(1).min(11);
        let month = match lang {
            Lang::En => MONTHS_EN[m],
            Lang::Nl => MONTHS_NL[m],
        };
        let q = (self.start.month() - 1) / 3 + 1;
        match (self.frequency, lang) {
            (Frequency::Daily, _) => format!("{} {month} {y}", self.start.day()),
            (Frequency::Weekly, _) => {
                let (iso_year, week, _) = self.start.as_time().to_iso_week_date();
                let of = if lang == Lang::En { "of" } else { "van" };
                format!("week {week} {of} {iso_year}")
            }
            (Frequency::Monthly, _) => format!("{month} {y}"),
            (Frequency::Quarterly, Lang::En) => format!("Q{q} {y}"),
            (Frequency::Quarterly, Lang::Nl) => format!("K{q} {y}"),
            (Frequency::Yearly, _) => format!("{y}"),
        }
    }
}
