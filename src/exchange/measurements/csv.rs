//! The measurements CSV file: export of every measurement of a scorecard, and an import that
//! is previewed row by row before it is applied. Format: `docs/measurements-csv.md`.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::limits::{MAX_LONG_TEXT, MAX_MEASUREMENTS};
use crate::model::score::measurement_on;
use crate::model::{Command, Date, Kpi, Lang, MeasurementField, Scorecard};

use super::date_column::DateColumn;
use super::formula_guard::{guard_formula, unguard_formula};
use super::messages::{Col, Problem, join};
use super::paste::RowError;
use super::records::{Record, records};
use super::values::{NumberStyle, parse_number};

/// The header line of an exported file.
pub const CSV_HEADER: &str = "kpi_id;kpi_name;date;value;unit;note";

/// All measurements of a scorecard as CSV: one row per KPI and measurement, KPIs in scorecard
/// order (objectives' KPIs first, then the factors'), each KPI's rows by date.
///
/// Columns `kpi_id;kpi_name;date;value;unit;note`, separated by `;`. Dates are `YYYY-MM-DD`;
/// values use a decimal point and no thousands separator, with every digit needed to read
/// back the exact number. A field holding `;`, `"`, a line break or leading or trailing white
/// space is put in double quotes, with `"` doubled (RFC 4180). A text field (id, name, unit,
/// note) that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a `'` in front and is quoted (see `formula_guard`); the import
/// removes that `'` again. Lines end in CRLF; the text starts with a UTF-8 byte-order mark so
/// spreadsheets read accents correctly. Calculated KPIs are left out: their values come from
/// their input series, not from measurements.
pub fn export_measurements_csv(card: &Scorecard) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for (_, kpi) in card.kpis().filter(|(_, k)| !k.is_calculated()) {
        let mut rows: Vec<_> = kpi.measurements.iter().collect();
        rows.sort_by_key(|m| m.date);
        for m in rows {
            let fields = [
                field(&kpi.id),
                field(&kpi.name),
                m.date.to_string(),
                format!("{}", m.value),
                field(&kpi.unit),
                field(&m.note),
            ];
            out.push_str(&fields.join(";"));
            out.push_str("\r\n");
        }
    }
    out
}

/// A text cell as written: guarded against formula injection, quoted when needed.
fn field(text: &str) -> String {
    let text = guard_formula(text);
    let needs_quotes = matches!(text, Cow::Owned(_))
        || text.contains([';', '"', '\n', '\r'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// What applying a ready row does to the scorecard.
#[derive(Clone, PartialEq, Debug)]
pub enum Change {
    /// Records a new measurement.
    New,
    /// Updates the measurement this KPI already has on this date.
    Update {
        /// The measurement updated.
        measurement_id: String,
        /// Its value now.
        old_value: f64,
        /// Its note now.
        old_note: String,
    },
    /// The KPI already has exactly this measurement on this date: nothing to do.
    Unchanged {
        /// The measurement that matches.
        measurement_id: String,
    },
}

impl Change {
    /// A short description for the preview, e.g. "new" or "update of 46".
    pub fn label(&self, lang: Lang) -> String {
        let number = |v: f64| crate::i18n::format::format_number(v, lang);
        match (self, lang) {
            (Change::New, Lang::En) => "new".into(),
            (Change::New, Lang::Nl) => "nieuw".into(),
            (Change::Update { old_value, .. }, Lang::En) => {
                format!("update of {}", number(*old_value))
            }
            (Change::Update { old_value, .. }, Lang::Nl) => {
                format!("wijziging van {}", number(*old_value))
            }
            (Change::Unchanged { .. }, Lang::En) => "unchanged".into(),
            (Change::Unchanged { .. }, Lang::Nl) => "ongewijzigd".into(),
        }
    }
}

/// A row of the file that can be applied.
#[derive(Clone, PartialEq, Debug)]
pub struct ReadyRow {
    /// The 1-based line it starts on.
    pub line: usize,
    /// The KPI.
    pub kpi_id: String,
    /// The KPI's name in the scorecard.
    pub kpi_name: String,
    /// The date.
    pub date: Date,
    /// The value.
    pub value: f64,
    /// The note; `None` when the file has no note column (existing notes are then kept).
    pub note: Option<String>,
    /// What applying it does.
    pub change: Change,
}

impl ReadyRow {
    /// The commands that apply this row (none when unchanged).
    pub fn commands(&self) -> Vec<Command> {
        match &self.change {
            Change::New => vec![Command::RecordMeasurement {
                kpi: self.kpi_id.clone(),
                date: self.date,
                value: self.value,
                note: self.note.clone().unwrap_or_default(),
            }],
            Change::Update {
                measurement_id,
                old_value,
                old_note,
            } => {
                let mut out = Vec::new();
                if old_value.to_bits() != self.value.to_bits() {
                    out.push(Command::UpdateMeasurement {
                        id: measurement_id.clone(),
                        field: MeasurementField::Value(self.value),
                    });
                }
                if let Some(note) = self.note.as_ref().filter(|n| *n != old_note) {
                    out.push(Command::UpdateMeasurement {
                        id: measurement_id.clone(),
                        field: MeasurementField::Note(note.clone()),
                    });
                }
                out
            }
            Change::Unchanged { .. } => Vec::new(),
        }
    }
}

/// One row of the preview: ready to apply, or why not.
#[derive(Clone, PartialEq, Debug)]
pub enum PreviewRow {
    /// The row can be applied.
    Ready(ReadyRow),
    /// The row cannot be applied.
    Bad(RowError),
}

/// What importing a measurements CSV would do, row by row.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct CsvPreview {
    /// The rows in file order (blank lines left out, the header too unless it is wrong).
    pub rows: Vec<PreviewRow>,
    /// How many rows are ready.
    pub good: usize,
    /// How many rows are bad.
    pub bad: usize,
    /// Whether nothing in the dates showed the order of day and month (every date such as
    /// `8/1/2024` fits both), so they were read day first.
    pub assumed_day_first: bool,
    /// The note to show when day first was assumed, in the language asked.
    pub date_note: Option<String>,
}

/// The import was asked for commands while some rows are bad.
#[derive(Clone, Copy, PartialEq, Eq, Debug, thiserror::Error)]
#[error("{bad} row(s) cannot be imported")]
pub struct NotReady {
    /// How many rows are bad.
    pub bad: usize,
}

impl CsvPreview {
    /// The commands that apply every ready row, in file order (to be applied as one
    /// `Command::Batch`, one undo step). While any row is bad this is an error, unless
    /// `skip_bad`, which leaves the bad rows out.
    pub fn commands(&self, skip_bad: bool) -> Result<Vec<Command>, NotReady> {
        if self.bad > 0 && !skip_bad {
            return Err(NotReady { bad: self.bad });
        }
        Ok(self
            .rows
            .iter()
            .filter_map(|r| match r {
                PreviewRow::Ready(ready) => Some(ready.commands()),
                PreviewRow::Bad(_) => None,
            })
            .flatten()
            .collect())
    }
}

/// The columns found in the header.
struct Columns {
    kpi_id: usize,
    date: usize,
    value: usize,
    note: Option<usize>,
}

fn columns(header: &Record) -> Result<Columns, Vec<&'static str>> {
    let find = |names: &[&str]| {
        header.fields.iter().position(|f| {
            let f = f.trim().to_lowercase().replace([' ', '-'], "_");
            names.contains(&f.as_str())
        })
    };
    let kpi_id = find(&["kpi_id", "kpi"]);
    let date = find(&["date", "datum"]);
    let value = find(&["value", "waarde"]);
    let note = find(&["note", "opmerking", "notitie"]);
    match (kpi_id, date, value) {
        (Some(kpi_id), Some(date), Some(value)) => Ok(Columns {
            kpi_id,
            date,
            value,
            note,
        }),
        _ => Err([
            (kpi_id.is_none(), "kpi_id"),
            (date.is_none(), "date"),
            (value.is_none(), "value"),
        ]
        .into_iter()
        .filter_map(|(missing, name)| missing.then_some(name))
        .collect()),
    }
}

/// Reads a measurements CSV against a scorecard and says, row by row, what importing it would
/// do: record a new measurement, update the value (and note) of the measurement the KPI already
/// has on that date (the one that counts, entered last, when there are several), change nothing, or why the
/// row cannot be applied (unknown KPI id, bad date, bad number, missing column, a second row
/// for the same KPI and date, too many measurements). Messages are in `lang`.
///
/// The first non-blank line must be a header naming at least `kpi_id`, `date` and `value`, in
/// any order (`kpi_name` and `unit` are ignored); the separator is `;` when the header has one,
/// else a tab when it has one, else `,`. Dates are read as in [`super::parse_pasted_rows`];
/// values too, except that a single `.` or `,` is always a decimal separator.
pub fn preview_measurements_csv(card: &Scorecard, text: &str, lang: Lang) -> CsvPreview {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let sep = if header_line.contains(';') {
        ';'
    } else if header_line.contains('\t') {
        '\t'
    } else {
        ','
    };
    let mut all = records(text, sep).into_iter();
    let mut preview = CsvPreview::default();
    let Some(header) = all.next() else {
        return preview;
    };
    let cols = match columns(&header) {
        Ok(cols) => cols,
        Err(missing) => {
            preview.rows.push(PreviewRow::Bad(RowError {
                line: header.line,
                message: Problem::Header(missing).text(lang),
            }));
            preview.bad = 1;
            return preview;
        }
    };
    let rest: Vec<Record> = all.collect();
    let dates = DateColumn::decide(rest.iter().map(|r| r.field(cols.date).unwrap_or_default()));
    preview.assumed_day_first = dates.assumed_day_first;
    preview.date_note = dates.note(lang);
    let mut reader = Reader {
        card,
        lang,
        cols,
        dates,
        seen: HashMap::new(),
        added: HashMap::new(),
    };
    for record in rest {
        let row = reader.row(&record);
        match row {
            PreviewRow::Ready(_) => preview.good += 1,
            PreviewRow::Bad(_) => preview.bad += 1,
        }
        preview.rows.push(row);
    }
    preview
}

struct Reader<'a> {
    card: &'a Scorecard,
    lang: Lang,
    cols: Columns,
    /// How the date column is read.
    dates: DateColumn,
    /// (KPI id, date) → the line that gave it.
    seen: HashMap<(String, Date), usize>,
    /// KPI id → new measurements so far.
    added: HashMap<String, usize>,
}

impl<'a> Reader<'a> {
    fn col(&self, index: usize, name: &str) -> Col {
        Col {
            index: index + 1,
            name: name.to_string(),
        }
    }

    fn row(&mut self, record: &Record) -> PreviewRow {
        let lang = self.lang;
        let mut problems = Vec::new();
        if record.unclosed_quote {
            problems.push(Problem::UnclosedQuote);
        }
        let kpi = self.kpi(record, &mut problems);
        let date = self.date(record, &mut problems);
        let value = self.value(record, &mut problems);
        let note = self
            .cols
            .note
            .map(|i| unguard_formula(record.field(i).unwrap_or_default()).to_string());
        if let Some(n) = &note {
            let chars = n.chars().count();
            if chars > MAX_LONG_TEXT {
                let col = self.col(self.cols.note.unwrap_or_default(), "note");
                problems.push(Problem::TooLong(col, chars, MAX_LONG_TEXT));
            }
        }
        let (Some(kpi), Some(date), Some(value), true) = (kpi, date, value, problems.is_empty())
        else {
            return PreviewRow::Bad(RowError {
                line: record.line,
                message: join(&problems, lang),
            });
        };
        let key = (kpi.id.clone(), date);
        if let Some(first_line) = self.seen.get(&key) {
            let problem = Problem::Duplicate {
                kpi: kpi.id.clone(),
                date: date.to_string(),
                first_line: *first_line,
            };
            return bad(record, &problem, lang);
        }
        let change = change_for(kpi, date, value, note.as_deref());
        if change == Change::New {
            let added = self.added.entry(kpi.id.clone()).or_default();
            if kpi.measurements.len() + *added >= MAX_MEASUREMENTS {
                let problem = Problem::NoRoom {
                    kpi: kpi.id.clone(),
                    max: MAX_MEASUREMENTS,
                };
                return bad(record, &problem, lang);
            }
            *added += 1;
        }
        self.seen.insert(key, record.line);
        PreviewRow::Ready(ReadyRow {
            line: record.line,
            kpi_id: kpi.id.clone(),
            kpi_name: kpi.name.clone(),
            date,
            value,
            note,
            change,
        })
    }

    fn kpi(&self, record: &Record, problems: &mut Vec<Problem>) -> Option<&'a Kpi> {
        let i = self.cols.kpi_id;
        let col = self.col(i, "kpi_id");
        match record.field(i).map(|f| unguard_formula(f).trim()) {
            None | Some("") => {
                problems.push(Problem::Missing(col));
                None
            }
            Some(id) => {
                let card: &'a Scorecard = self.card;
                let kpi = card.kpi(id);
                match kpi {
                    None => problems.push(Problem::UnknownKpi(col, id.to_string())),
                    Some(k) if k.is_calculated() => {
                        problems.push(Problem::CalculatedKpi(col, k.name.clone()));
                        return None;
                    }
                    Some(_) => {}
                }
                kpi
            }
        }
    }

    fn date(&self, record: &Record, problems: &mut Vec<Problem>) -> Option<Date> {
        let i = self.cols.date;
        let Some(raw) = record.field(i) else {
            problems.push(Problem::Missing(self.col(i, "date")));
            return None;
        };
        self.dates
            .parse(raw)
            .map_err(|p| problems.push(Problem::Date(self.col(i, "date"), p, raw.to_string())))
            .ok()
    }

    fn value(&self, record: &Record, problems: &mut Vec<Problem>) -> Option<f64> {
        let i = self.cols.value;
        let Some(raw) = record.field(i) else {
            problems.push(Problem::Missing(self.col(i, "value")));
            return None;
        };
        parse_number(raw, NumberStyle::File)
            .map_err(|p| problems.push(Problem::Value(self.col(i, "value"), p, raw.to_string())))
            .ok()
    }
}

fn bad(record: &Record, problem: &Problem, lang: Lang) -> PreviewRow {
    PreviewRow::Bad(RowError {
        line: record.line,
        message: problem.text(lang),
    })
}

/// What a row for `kpi` on `date` does, given the measurement the KPI has on that date.
fn change_for(kpi: &Kpi, date: Date, value: f64, note: Option<&str>) -> Change {
    let Some(existing) = measurement_on(kpi, date) else {
        return Change::New;
    };
    let same_value = existing.value.to_bits() == value.to_bits();
    let same_note = note.is_none_or(|n| n == existing.note);
    if same_value && same_note {
        Change::Unchanged {
            measurement_id: existing.id.clone(),
        }
    } else {
        Change::Update {
            measurement_id: existing.id.clone(),
            old_value: existing.value,
            old_note: existing.note.clone(),
        }
    }
}
