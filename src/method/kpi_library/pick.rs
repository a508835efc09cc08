//! Picking a library entry: one batch command (one undo step) that adds the input series the
//! scorecard lacks, reuses the ones it has by key, and adds a KPI (or fills one) with the
//! entry's texts, unit, direction, frequency, data source and formula.

use crate::i18n::tr;
use crate::i18n::words::{aggregation_name, frequency_name};
use crate::model::command::{Command, CommandError, KpiField};
use crate::model::ids::{KPI_PREFIX, make_id};
use crate::model::limits::MAX_SHORT_TEXT;
use crate::model::{InputSeries, Kpi, KpiParent, Lang, Scorecard};

use super::types::LibraryEntry;

/// What picking an entry will do: the command to dispatch and what it creates.
#[derive(Clone, PartialEq, Debug)]
pub struct PickPlan {
    /// The whole pick as one `Command::Batch` (one undo step).
    pub command: Command,
    /// The id of the KPI the command adds (or fills).
    pub kpi_id: String,
    /// True when the command adds a new KPI, false when it fills an existing one.
    pub added: bool,
    /// Keys of the input series the command adds, in the entry's order.
    pub new_series: Vec<String>,
    /// Keys of the series the scorecard has already and the KPI uses as they are.
    pub reused_series: Vec<String>,
    /// Things the user should know, in the language asked: a reused series that combines
    /// its values differently than the entry expects, a frequency left as it was.
    pub notes: Vec<String>,
}

/// Whether `name` is empty or still the name a new KPI gets ("New KPI" / "Nieuwe KPI"):
/// then filling the KPI from the library may replace it.
pub fn is_default_kpi_name(name: &str) -> bool {
    let name = name.trim();
    name.is_empty()
        || Lang::ALL
            .into_iter()
            .any(|l| name == tr(l, "New KPI", "Nieuwe KPI"))
}

/// The series part of a pick: the commands adding what is missing, and what is reused.
struct SeriesPart {
    commands: Vec<Command>,
    new: Vec<String>,
    reused: Vec<String>,
    notes: Vec<String>,
    /// The series as the data source names them (name, with the channel when there is one).
    sources: Vec<String>,
}

fn series_part(card: &Scorecard, entry: &LibraryEntry, lang: Lang) -> SeriesPart {
    let mut part = SeriesPart {
        commands: Vec::new(),
        new: Vec::new(),
        reused: Vec::new(),
        notes: Vec::new(),
        sources: Vec::new(),
    };
    for def in entry.series {
        let key = def.key.to_string();
        match card.series_by_key(def.key) {
            Some(existing) => {
                if existing.aggregation != def.aggregation {
                    part.notes.push(aggregation_note(
                        def.key,
                        existing.aggregation,
                        def.aggregation,
                        lang,
                    ));
                }
                let name = if existing.name.trim().is_empty() {
                    existing.key.as_str()
                } else {
                    existing.name.trim()
                };
                part.sources.push(match existing.channel.trim() {
                    "" => name.to_string(),
                    channel => format!("{name} ({channel})"),
                });
                part.reused.push(key);
            }
            None => {
                part.commands.push(Command::AddSeries {
                    series: InputSeries {
                        key: key.clone(),
                        name: def.name.get(lang).to_string(),
                        unit: def.unit.get(lang).to_string(),
                        aggregation: def.aggregation,
                        ..InputSeries::default()
                    },
                });
                part.sources.push(def.name.get(lang).to_string());
                part.new.push(key);
            }
        }
    }
    part
}

fn aggregation_note(
    key: &str,
    has: crate::model::Aggregation,
    expects: crate::model::Aggregation,
    lang: Lang,
) -> String {
    let (has, expects) = (aggregation_name(has, lang), aggregation_name(expects, lang));
    match lang {
        Lang::En => format!(
            "The series “{key}” already exists and is used as it is: it combines a period's values as “{has}”, where this KPI expects “{expects}”. Change it in the Data view if that is what you want."
        ),
        Lang::Nl => format!(
            "De reeks “{key}” bestaat al en wordt gebruikt zoals hij is: hij combineert de waarden van een periode als “{has}”, terwijl deze KPI “{expects}” verwacht. Pas hem aan in de weergave Gegevens als je dat wilt."
        ),
    }
}

/// The data source of a picked KPI: the input series it is calculated from, within the
/// length a short text may have.
fn data_source(sources: &[String], lang: Lang) -> String {
    let text = format!(
        "{}: {}",
        tr(lang, "Calculated from", "Berekend uit"),
        sources.join(", ")
    );
    if text.chars().count() <= MAX_SHORT_TEXT {
        return text;
    }
    let mut short: String = text.chars().take(MAX_SHORT_TEXT - 1).collect();
    short.push('…');
    short
}

/// `UpdateKpi` commands for the fields whose value differs from `kpi`'s.
fn kpi_updates(kpi: &Kpi, id: &str, fields: Vec<KpiField>) -> Vec<Command> {
    fields
        .into_iter()
        .filter(|field| match field {
            KpiField::Name(v) => *v != kpi.name,
            KpiField::Description(v) => *v != kpi.description,
            KpiField::Unit(v) => *v != kpi.unit,
            KpiField::Direction(v) => *v != kpi.direction,
            KpiField::Frequency(v) => *v != kpi.frequency,
            KpiField::DataSource(v) => *v != kpi.data_source,
            KpiField::Formula(v) => *v != kpi.formula,
            _ => true,
        })
        .map(|field| Command::UpdateKpi {
            id: id.to_string(),
            field,
        })
        .collect()
}

/// Applies `command` to a copy of `card`: the model's refusal (with its message) comes back
/// before anything is dispatched, and the KPI `kpi_id` must be there afterwards.
fn checked(card: &Scorecard, command: &Command, kpi_id: &str) -> Result<(), CommandError> {
    let mut trial = card.clone();
    trial.apply(command.clone())?;
    match trial.kpi(kpi_id) {
        Some(_) => Ok(()),
        None => Err(CommandError::invalid(
            "kpi",
            format!("the KPI {kpi_id} was not where the library expected it"),
        )),
    }
}

/// The command that adds `entry` as a new KPI of `parent`, with texts in `lang`: the missing
/// input series (an existing series with the same key is reused as it is, with a note when
/// it combines its values differently), the KPI, and its description, unit, direction,
/// frequency, data source and formula, all as one batch. The command is tried on a copy of
/// `card` first, so a refusal (an unknown parent, a full list) comes back here unchanged.
pub fn new_kpi_command(
    card: &Scorecard,
    entry: &LibraryEntry,
    parent: KpiParent,
    lang: Lang,
) -> Result<PickPlan, CommandError> {
    if card.kpi_list(&parent).is_none() {
        let (kind, id) = match &parent {
            KpiParent::Objective(id) => ("objective", id),
            KpiParent::SubObjective(id) => ("sub-objective", id),
        };
        return Err(CommandError::UnknownId {
            kind,
            id: id.clone(),
        });
    }
    let part = series_part(card, entry, lang);
    // A batch applies in order: each added series takes the next id, then the KPI does.
    let kpi_number = card.next_id.saturating_add(part.new.len() as u64);
    let kpi_id = make_id(KPI_PREFIX, kpi_number);
    let name = entry.name.get(lang).to_string();
    let mut commands = part.commands;
    commands.push(Command::AddKpi {
        parent,
        name: name.clone(),
    });
    let fresh = Kpi::new(kpi_id.clone(), name);
    commands.extend(kpi_updates(
        &fresh,
        &kpi_id,
        vec![
            KpiField::Description(entry.description.get(lang).to_string()),
            KpiField::Unit(entry.unit.get(lang).to_string()),
            KpiField::Direction(entry.direction),
            KpiField::Frequency(entry.frequency),
            KpiField::DataSource(data_source(&part.sources, lang)),
            KpiField::Formula(Some(entry.formula.to_string())),
        ],
    ));
    let command = Command::Batch { commands };
    checked(card, &command, &kpi_id)?;
    Ok(PickPlan {
        command,
        kpi_id,
        added: true,
        new_series: part.new,
        reused_series: part.reused,
        notes: part.notes,
    })
}

/// The command that fills the existing KPI `kpi_id` from `entry` (for the KPI form), texts in
/// `lang`: adds the missing input series as [`new_kpi_command`] does, sets the name only when
/// it is empty or still the default ([`is_default_kpi_name`]), sets the description, unit,
/// direction and formula, and the data source only when it is empty. The KPI's frequency,
/// target and owner stay as they are (a note says so when the entry suggests another
/// frequency). One batch, tried on a copy of `card` first.
pub fn fill_kpi_command(
    card: &Scorecard,
    entry: &LibraryEntry,
    kpi_id: &str,
    lang: Lang,
) -> Result<PickPlan, CommandError> {
    let kpi = card.kpi(kpi_id).ok_or_else(|| CommandError::UnknownId {
        kind: "KPI",
        id: kpi_id.to_string(),
    })?;
    let mut part = series_part(card, entry, lang);
    let mut fields = Vec::new();
    if is_default_kpi_name(&kpi.name) {
        fields.push(KpiField::Name(entry.name.get(lang).to_string()));
    }
    fields.extend([
        KpiField::Description(entry.description.get(lang).to_string()),
        KpiField::Unit(entry.unit.get(lang).to_string()),
        KpiField::Direction(entry.direction),
    ]);
    if kpi.data_source.trim().is_empty() {
        fields.push(KpiField::DataSource(data_source(&part.sources, lang)));
    }
    fields.push(KpiField::Formula(Some(entry.formula.to_string())));
    if kpi.frequency != entry.frequency {
        part.notes.push(frequency_note(kpi, entry, lang));
    }
    let mut commands = part.commands;
    commands.extend(kpi_updates(kpi, kpi_id, fields));
    let command = Command::Batch { commands };
    checked(card, &command, kpi_id)?;
    Ok(PickPlan {
        command,
        kpi_id: kpi_id.to_string(),
        added: false,
        new_series: part.new,
        reused_series: part.reused,
        notes: part.notes,
    })
}

fn frequency_note(kpi: &Kpi, entry: &LibraryEntry, lang: Lang) -> String {
    let has = frequency_name(kpi.frequency, lang).to_lowercase();
    let suggests = frequency_name(entry.frequency, lang).to_lowercase();
    match lang {
        Lang::En => format!(
            "The KPI stays {has}; the library works this KPI out {suggests}. Change the frequency if you want that."
        ),
        Lang::Nl => format!(
            "De KPI blijft {has}; de bibliotheek berekent deze KPI {suggests}. Wijzig de frequentie als je dat wilt."
        ),
    }
}

/// A few sentences for the user after a pick: which KPI was added or filled, which input series
/// were created and which reused, that their values go in the Data view, and the notes.
pub fn pick_summary(plan: &PickPlan, entry: &LibraryEntry, lang: Lang) -> String {
    let list = |keys: &[String]| {
        keys.iter()
            .map(|k| format!("“{k}”"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let name = entry.name.get(lang);
    let mut parts = vec![match (lang, plan.added) {
        (Lang::En, true) => format!("Added the KPI “{name}” from the library."),
        (Lang::En, false) => format!("Filled the KPI in from the library entry “{name}”."),
        (Lang::Nl, true) => format!("De KPI “{name}” uit de bibliotheek is toegevoegd."),
        (Lang::Nl, false) => format!("De KPI is ingevuld met “{name}” uit de bibliotheek."),
    }];
    if !plan.new_series.is_empty() {
        parts.push(format!(
            "{} {}.",
            tr(lang, "New input series:", "Nieuwe invoerreeksen:"),
            list(&plan.new_series)
        ));
    }
    if !plan.reused_series.is_empty() {
        parts.push(format!(
            "{} {}.",
            tr(lang, "Existing series used:", "Bestaande reeksen gebruikt:"),
            list(&plan.reused_series)
        ));
    }
    parts.push(
        tr(
            lang,
            "Enter their values in the Data view.",
            "Voer de waarden in bij de weergave Gegevens.",
        )
        .to_string(),
    );
    parts.extend(plan.notes.iter().cloned());
    parts.join(" ")
}
