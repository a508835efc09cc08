//! The messages of the measurement import, in English and Dutch. Each names the column, says
//! what was expected and quotes what was found.

use crate::i18n::tr;
use crate::model::Lang;

use super::values::{DateOrder, DateProblem, NumberProblem};

/// A column as the message names it: its 1-based position and its name.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct Col {
    pub index: usize,
    pub name: String,
}

impl Col {
    /// A column with a name in the language of the messages.
    pub fn named(index: usize, en: &str, nl: &str, lang: Lang) -> Col {
        Col {
            index,
            name: tr(lang, en, nl).to_string(),
        }
    }

    fn text(&self, lang: Lang) -> String {
        let column = tr(lang, "Column", "Kolom");
        format!("{column} {} ({})", self.index, self.name)
    }
}

/// Shortens what was found to at most 40 characters, for quoting in a message.
fn quoted(found: &str) -> String {
    let mut out: String = found.chars().take(40).collect();
    if found.chars().count() > 40 {
        out.push('…');
    }
    format!("\"{out}\"")
}

/// One problem with one row.
#[derive(Clone, PartialEq, Debug)]
pub(crate) enum Problem {
    /// The date column is missing or wrong.
    Date(Col, DateProblem, String),
    /// The value column is missing or wrong.
    Value(Col, NumberProblem, String),
    /// `2,5` in comma-separated text: a value or two columns?
    AmbiguousComma(Col, String),
    /// A column that must be there is not.
    Missing(Col),
    /// More columns than date, value and note.
    TooManyColumns(usize),
    /// A note longer than the model allows.
    TooLong(Col, usize, usize),
    /// No KPI with this id in the scorecard.
    UnknownKpi(Col, String),
    /// The KPI (by name) is calculated from input series: it takes no measurements.
    CalculatedKpi(Col, String),
    /// The file gives a second value for the same KPI and date.
    Duplicate {
        kpi: String,
        date: String,
        first_line: usize,
    },
    /// The KPI would get more measurements than allowed.
    NoRoom { kpi: String, max: usize },
    /// The first line is not a header naming the needed columns.
    Header(Vec<&'static str>),
    /// A quote opened and never closed.
    UnclosedQuote,
}

impl Problem {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            Problem::Date(col, problem, found) => {
                let c = col.text(lang);
                let q = quoted(found);
                match (problem, nl) {
                    (DateProblem::Empty, false) => {
                        format!("{c} is empty: expected a date such as 2026-03-31 or 31-3-2026.")
                    }
                    (DateProblem::Empty, true) => {
                        format!("{c} is leeg: verwacht een datum zoals 2026-03-31 of 31-3-2026.")
                    }
                    (DateProblem::Format, false) => format!(
                        "{c}: expected a date such as 2026-03-31, 31-3-2026 or 31/03/2026, found {q}."
                    ),
                    (DateProblem::Format, true) => format!(
                        "{c}: verwacht een datum zoals 2026-03-31, 31-3-2026 of 31/03/2026, gevonden: {q}."
                    ),
                    (DateProblem::TwoDigitYear, false) => format!(
                        "{c}: the year in {q} has two digits; write all four, e.g. 31-3-2026."
                    ),
                    (DateProblem::TwoDigitYear, true) => format!(
                        "{c}: het jaar in {q} heeft twee cijfers; schrijf ze alle vier, bijv. 31-3-2026."
                    ),
                    (
                        DateProblem::Month {
                            day_first_hint: true,
                        },
                        false,
                    ) => format!(
                        "{c}: {q} has no month above 12; dates are read day first (31/03/2026), not month first."
                    ),
                    (
                        DateProblem::Month {
                            day_first_hint: true,
                        },
                        true,
                    ) => format!(
                        "{c}: {q} heeft een maand boven 12; datums worden gelezen met de dag eerst (31-03-2026), niet de maand."
                    ),
                    (DateProblem::Month { .. }, false) => {
                        format!("{c}: the month in {q} must be from 1 to 12.")
                    }
                    (DateProblem::Month { .. }, true) => {
                        format!("{c}: de maand in {q} moet van 1 tot en met 12 zijn.")
                    }
                    (DateProblem::NoSuchDay, false) => {
                        format!("{c}: {q} is not a day in the calendar.")
                    }
                    (DateProblem::NoSuchDay, true) => {
                        format!("{c}: {q} is geen dag in de kalender.")
                    }
                    (DateProblem::MixedOrder { column, example }, false) => {
                        let (this, most) = match column {
                            DateOrder::DayFirst => ("month first", "day first"),
                            DateOrder::MonthFirst => ("day first", "month first"),
                        };
                        format!(
                            "{c}: {q} can only be read {this}, but most dates in this column are {most} (such as {}): the column mixes both orders. Write every date in one order, or with the year first (2024-07-30).",
                            quoted(example)
                        )
                    }
                    (DateProblem::MixedOrder { column, example }, true) => {
                        let (this, most) = match column {
                            DateOrder::DayFirst => ("met de maand eerst", "de dag eerst"),
                            DateOrder::MonthFirst => ("met de dag eerst", "de maand eerst"),
                        };
                        format!(
                            "{c}: {q} kan alleen {this} gelezen worden, maar de meeste datums in deze kolom hebben {most} (zoals {}): de kolom mengt beide volgordes. Schrijf alle datums in één volgorde, of met het jaar eerst (2024-07-30).",
                            quoted(example)
                        )
                    }
                }
            }
            Problem::Value(col, problem, found) => {
                let c = col.text(lang);
                let q = quoted(found);
                match (problem, nl) {
                    (NumberProblem::Empty, false) => {
                        format!("{c} is empty: expected a number such as 2.5 or 1,234.5.")
                    }
                    (NumberProblem::Empty, true) => {
                        format!("{c} is leeg: verwacht een getal zoals 2,5 of 1.234,5.")
                    }
                    (NumberProblem::NotANumber, false) => {
                        format!("{c}: expected a number such as 2.5 or 1,234.5, found {q}.")
                    }
                    (NumberProblem::NotANumber, true) => {
                        format!("{c}: verwacht een getal zoals 2,5 of 1.234,5, gevonden: {q}.")
                    }
                    (NumberProblem::OutOfRange(_), false) => {
                        format!("{c}: {q} is too large; at most 10^15 in size is allowed.")
                    }
                    (NumberProblem::OutOfRange(_), true) => {
                        format!("{c}: {q} is te groot; hooguit 10^15 is toegestaan.")
                    }
                }
            }
            Problem::AmbiguousComma(col, found) => {
                let c = col.text(lang);
                let q = quoted(found);
                if nl {
                    format!(
                        "{c}: {q} is dubbelzinnig in tekst met komma's tussen de kolommen; scheid de kolommen met een tab of puntkomma, of schrijf het getal met een punt."
                    )
                } else {
                    format!(
                        "{c}: {q} is ambiguous in comma-separated text; separate the columns with a tab or semicolon, or write the number with a decimal point."
                    )
                }
            }
            Problem::Missing(col) => {
                let c = col.text(lang);
                if nl {
                    format!("{c} ontbreekt.")
                } else {
                    format!("{c} is missing.")
                }
            }
            Problem::TooManyColumns(n) => {
                if nl {
                    format!(
                        "{n} kolommen gevonden; verwacht een datum, een waarde en eventueel een opmerking."
                    )
                } else {
                    format!("Found {n} columns; expected a date, a value and optionally a note.")
                }
            }
            Problem::TooLong(col, n, max) => {
                let c = col.text(lang);
                if nl {
                    format!("{c} is te lang: {n} tekens, hooguit {max} toegestaan.")
                } else {
                    format!("{c} is too long: {n} characters, at most {max} allowed.")
                }
            }
            Problem::UnknownKpi(col, id) => {
                let c = col.text(lang);
                let q = quoted(id);
                if nl {
                    format!("{c}: deze scorecard heeft geen KPI met id {q}.")
                } else {
                    format!("{c}: this scorecard has no KPI with id {q}.")
                }
            }
            Problem::CalculatedKpi(col, name) => {
                let c = col.text(lang);
                let q = quoted(name);
                if nl {
                    format!(
                        "{c}: KPI {q} wordt berekend uit invoerreeksen; zijn waarden komen uit de weergave Gegevens, niet uit metingen."
                    )
                } else {
                    format!(
                        "{c}: KPI {q} is calculated from input series; its values come from the Data view, not from measurements."
                    )
                }
            }
            Problem::Duplicate {
                kpi,
                date,
                first_line,
            } => {
                if nl {
                    format!("Regel {first_line} geeft al een waarde voor KPI \"{kpi}\" op {date}.")
                } else {
                    format!("Line {first_line} already gives a value for KPI \"{kpi}\" on {date}.")
                }
            }
            Problem::NoRoom { kpi, max } => {
                if nl {
                    format!("KPI \"{kpi}\" zou meer dan {max} metingen krijgen, het maximum.")
                } else {
                    format!(
                        "KPI \"{kpi}\" would get more than {max} measurements, the most allowed."
                    )
                }
            }
            Problem::Header(missing) => {
                let list = missing.join(", ");
                if nl {
                    format!(
                        "De eerste regel moet de kolomnamen geven (kpi_id;kpi_name;date;value;unit;note); {list} ontbreekt."
                    )
                } else {
                    format!(
                        "The first line must name the columns (kpi_id;kpi_name;date;value;unit;note); {list} is missing."
                    )
                }
            }
            Problem::UnclosedQuote => {
                if nl {
                    "Een aanhalingsteken op deze regel wordt nergens gesloten.".to_string()
                } else {
                    "A quote opened on this line is never closed.".to_string()
                }
            }
        }
    }
}

/// Several problems of one row as one message.
pub(crate) fn join(problems: &[Problem], lang: Lang) -> String {
    problems
        .iter()
        .map(|p| p.text(lang))
        .collect::<Vec<_>>()
        .join(" ")
}
