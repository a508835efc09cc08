//! Rows pasted from a spreadsheet into one input series: a date, a value and an optional note
//! per line, read by the measurements' paste reader ([`parse_pasted_rows`]: tabs, semicolons
//! or commas, dates and numbers as English and Dutch spreadsheets write them, a header line
//! skipped; the order of day and month decided for the whole date column), then checked against the series as it is: which points are new, which replace
//! the value of a date already there, which change nothing. A paste with any bad row applies
//! nothing. Pure: tested natively (`tests/series_paste.rs`).

use std::collections::BTreeMap;

use crate::exchange::measurements::{RowResult, parse_pasted};
use crate::i18n::dates::long_date;
use crate::i18n::tr;
use crate::model::limits::MAX_SERIES_POINTS;
use crate::model::{Command, Date, InputPoint, Lang};

/// A pasted line that could not be read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BadRow {
    /// The 1-based line of the pasted text.
    pub line: usize,
    /// What is wrong, in the language asked (without the line number).
    pub reason: String,
    /// The whole message: `Line 4: …` / `Regel 4: …`.
    pub message: String,
}

/// A date the paste gives more than once: the later line wins.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RepeatedDate {
    /// The date.
    pub date: Date,
    /// The line that gave it before (the value that is dropped).
    pub earlier_line: usize,
    /// The line whose value is used.
    pub line: usize,
    /// What happens, in the language asked.
    pub message: String,
}

/// How the good rows of a paste would change the series.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct PasteCounts {
    /// Dates the series has no value for yet.
    pub new: usize,
    /// Dates whose value (or note) would be replaced.
    pub updated: usize,
    /// Dates the series already has with this value (and note).
    pub unchanged: usize,
}

/// What a paste into one series would do.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct SeriesPaste {
    /// The points read, one per date (of a repeated date the later line's), in date order.
    /// A pasted row without a note keeps the note the series has on that date.
    pub points: Vec<InputPoint>,
    /// Of `points`, those that would change the series (new or updated): what applying sends.
    pub changed: Vec<InputPoint>,
    /// Every line that could not be read, in line order.
    pub bad: Vec<BadRow>,
    /// Dates given more than once, in line order of the later line.
    pub repeated: Vec<RepeatedDate>,
    /// New, updated and unchanged points, counted against the series as it is.
    pub counts: PasteCounts,
    /// Set when applying would give the series more points than allowed (the message).
    pub too_many: Option<String>,
    /// Whether nothing in the dates showed the order of day and month (every date such as
    /// `8/1/2024` fits both), so they were read day first: the preview should say so.
    pub assumed_day_first: bool,
    /// The note saying so, in the language asked (`Some` exactly when `assumed_day_first`).
    pub date_note: Option<String>,
}

impl SeriesPaste {
    /// Whether nothing was pasted (blank text, or only a header).
    pub fn is_empty(&self) -> bool {
        self.points.is_empty() && self.bad.is_empty()
    }

    /// Whether the paste can be applied: no bad row, not too many points, something changes.
    pub fn can_apply(&self) -> bool {
        self.bad.is_empty() && self.too_many.is_none() && self.counts.new + self.counts.updated > 0
    }

    /// The one command that applies the paste to the series `id` (the new and updated points),
    /// or `None` when it [cannot be applied](Self::can_apply).
    pub fn command(&self, id: &str) -> Option<Command> {
        if !self.can_apply() {
            return None;
        }
        Some(Command::UpsertSeriesPoints {
            id: id.to_string(),
            points: self.changed.clone(),
        })
    }
}

/// Reads rows pasted for one series whose points are now `current`, with messages in `lang`.
///
/// Each line is `date <sep> value [<sep> note]`, separated by tabs, semicolons or commas (see
/// [`parse_pasted_rows`](crate::exchange::measurements::parse_pasted_rows) for the accepted
/// dates and numbers, and when a comma in comma-separated text is a decimal comma). Blank
/// lines and a header line are skipped. Whether `8/1/2024` is 8 January or 1 August is
/// decided for the whole date column: month first when a date such as `7/30/2024` shows it,
/// else day first (then `assumed_day_first` is set when a date could be read both ways); a
/// column that shows both orders makes the dates of the fewer order bad rows.
pub fn parse_series_paste(text: &str, current: &[InputPoint], lang: Lang) -> SeriesPaste {
    let pasted = parse_pasted(text, lang);
    SeriesPaste {
        assumed_day_first: pasted.assumed_day_first,
        date_note: pasted.date_note,
        ..read(pasted.rows, current, lang)
    }
}

fn read(rows: Vec<RowResult>, current: &[InputPoint], lang: Lang) -> SeriesPaste {
    let mut out = SeriesPaste::default();
    // date → (line, point) of the line that counts.
    let mut by_date: BTreeMap<Date, (usize, InputPoint)> = BTreeMap::new();
    for row in rows {
        match row {
            Err(e) => out.bad.push(bad_row(e.line, e.message, lang)),
            Ok(r) => {
                let point = InputPoint {
                    date: r.date,
                    value: r.value,
                    note: r.note,
                    ..InputPoint::default()
                };
                if let Some((earlier_line, _)) = by_date.insert(r.date, (r.line, point)) {
                    out.repeated.push(RepeatedDate {
                        date: r.date,
                        earlier_line,
                        line: r.line,
                        message: repeated_message(r.date, earlier_line, r.line, lang),
                    });
                }
            }
        }
    }
    let mut added = 0;
    for (_, (_, pasted)) in by_date {
        let existing = current.iter().find(|p| p.date == pasted.date);
        let point = match existing {
            None => {
                out.counts.new += 1;
                added += 1;
                pasted
            }
            Some(old) => {
                let note = if pasted.note.is_empty() {
                    old.note.clone()
                } else {
                    pasted.note
                };
                let same = old.value.to_bits() == pasted.value.to_bits() && old.note == note;
                if same {
                    out.counts.unchanged += 1;
                } else {
                    out.counts.updated += 1;
                }
                InputPoint {
                    value: pasted.value,
                    note,
                    ..old.clone()
                }
            }
        };
        if existing.is_none_or(|old| *old != point) {
            out.changed.push(point.clone());
        }
        out.points.push(point);
    }
    let total = current.len() + added;
    if total > MAX_SERIES_POINTS {
        out.too_many = Some(match lang {
            Lang::En => format!(
                "This paste would give the series {total} points; at most {MAX_SERIES_POINTS} are allowed."
            ),
            Lang::Nl => format!(
                "Met deze rijen zou de reeks {total} punten krijgen; hooguit {MAX_SERIES_POINTS} zijn toegestaan."
            ),
        });
    }
    out
}

fn bad_row(line: usize, reason: String, lang: Lang) -> BadRow {
    let word = tr(lang, "Line", "Regel");
    BadRow {
        line,
        message: format!("{word} {line}: {reason}"),
        reason,
    }
}

fn repeated_message(date: Date, earlier: usize, line: usize, lang: Lang) -> String {
    let day = long_date(date, lang);
    match lang {
        Lang::En => format!(
            "Line {line} gives {day} again (also on line {earlier}); the later value, from line {line}, is used."
        ),
        Lang::Nl => format!(
            "Regel {line} geeft {day} opnieuw (ook op regel {earlier}); de latere waarde, van regel {line}, wordt gebruikt."
        ),
    }
}
