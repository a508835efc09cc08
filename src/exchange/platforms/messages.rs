//! [`ExportMessage`]: every problem and note the export readers give, with its data, worded
//! in English or Dutch by [`ExportMessage::text`]. Serialized as its English text.

use serde::{Serialize, Serializer};

use super::date_question::DateOrder;
use super::platform::Platform;
use crate::i18n::dates::long_date;
use crate::i18n::tr;
use crate::model::{Date, Lang};

/// A problem with a row or cell, a note about a file, or what was found in a file that could
/// not be read. Cell texts are kept as in the file (shortened to 40 characters).
#[derive(Clone, PartialEq, Debug)]
pub enum ExportMessage {
    // ---- cells
    /// A cell that should be a date is not one.
    NotADate {
        /// The cell.
        cell: String,
    },
    /// A date cell is empty.
    EmptyDate,
    /// A date that does not exist (`2025-02-30`), with the order it was read in when the
    /// cell is numeric (`31/02/2025`).
    NotACalendarDay {
        /// The cell.
        cell: String,
        /// The order of day and month used for the column, when it mattered.
        read_as: Option<DateOrder>,
    },
    /// A date without a year, and no export date to give it one.
    NoYearNoExportDate {
        /// The cell.
        cell: String,
    },
    /// A date without a year that does not exist in the year it was given (29 February).
    NotADayInYear {
        /// The cell.
        cell: String,
        /// The year given.
        year: i32,
    },
    /// A cell that should be a number is not one.
    NotANumber {
        /// The cell.
        cell: String,
    },
    /// A GA4 `Nth day` cell that is not a day number.
    NotADayNumber {
        /// The cell.
        cell: String,
    },
    // ---- row problems
    /// A row whose date could not be read: it is left out.
    RowWithoutDate {
        /// Why the date could not be read.
        reason: Box<ExportMessage>,
    },
    /// A cell of a metric column that is not a number: that value is left out.
    ValueLeftOut {
        /// The column's header.
        column: String,
        /// What is wrong with the cell.
        reason: Box<ExportMessage>,
    },
    /// A problem in one sheet of a spreadsheet.
    InSheet {
        /// The sheet's name.
        sheet: String,
        /// The row in the sheet, from 1.
        row: usize,
        /// The problem.
        problem: Box<ExportMessage>,
    },
    // ---- notes
    /// Nothing in the data decided the order of day and month; this order was assumed.
    DateOrderAssumed {
        /// The order the dates were read in.
        read_as: DateOrder,
    },
    /// Dates without a year got years from the export date and the order of the rows.
    YearsFromRowOrder {
        /// The export date.
        export: Date,
        /// The first date read.
        first: Date,
        /// The last date read.
        last: Date,
    },
    /// Dates without a year (not in order) each got the latest year on or before the export
    /// date.
    YearsLatest {
        /// The export date.
        export: Date,
        /// The first date read.
        first: Date,
        /// The last date read.
        last: Date,
    },
    /// Several rows have the same date; their values were combined.
    SameDateCombined,
    /// A long table split into one metric per group (e.g. per profile) and column.
    SplitBy {
        /// The headers of the columns that split the rows.
        columns: Vec<String>,
    },
    /// Columns without any value, left out.
    NoValues {
        /// Their headers.
        columns: Vec<String>,
    },
    /// A Meta table without a platform in its title, read as Facebook because the
    /// Instagram table beside it names itself.
    PlatformFromNeighbour {
        /// The table's title.
        title: String,
    },
    /// A Meta title without a platform, the platform taken from the file name.
    PlatformFromFileName {
        /// The title.
        title: String,
        /// The platform the file name names.
        platform: Platform,
    },
    /// A Meta title without a platform, read as Facebook: the user should check.
    PlatformAssumed {
        /// The title.
        title: String,
    },
    /// Tables without daily figures in a file with a daily table, left out.
    OtherTablesLeftOut {
        /// How many.
        count: usize,
    },
    /// A column name that appears more than once; the first column was read.
    DuplicateColumn {
        /// The header.
        column: String,
    },
    /// Column names that appear more than once; the first of each was read.
    DuplicateColumns {
        /// The headers.
        columns: Vec<String>,
    },
    /// Averages and rates per post, which cannot be summed by day, left out.
    AveragesLeftOut {
        /// Their headers.
        columns: Vec<String>,
    },
    /// Meta per-post export: metrics summed by the date of `Publish time`.
    PostsByPublishTime,
    /// The legacy Facebook Insights page-level export: which columns were read.
    LegacyPageLevel {
        /// How many weekly, 28-day, lifetime and breakdown columns were left out.
        skipped: usize,
    },
    /// The legacy Facebook Insights post-level export: summed by the date of `Posted`.
    LegacyPostLevel,
    /// TikTok per-video export: metrics summed by the date of `Post time`.
    VideosByPostTime,
    /// Text columns of a per-video export, left out.
    TextColumnsLeftOut {
        /// Their headers.
        columns: Vec<String>,
    },
    /// X per-post export: the posts summed by the day they were published.
    PostsSummed {
        /// How many posts (rows with a date).
        count: usize,
    },
    /// YouTube per-video table: the videos summed by the day they were published.
    VideosSummed {
        /// How many videos (rows with a date).
        count: usize,
    },
    /// YouTube chart data: the rows of each day summed over the values of a dimension.
    RowsSummedOver {
        /// How many different values.
        count: usize,
        /// The dimension's header (e.g. "Traffic source").
        column: String,
    },
    /// A line of text in the file (e.g. YouTube's footer).
    FileSays {
        /// The line.
        text: String,
    },
    /// GA4 sections with one value per week, dated the first day of the week.
    WeeklySections,
    /// GA4 sections without days, left out.
    SectionsLeftOut {
        /// Per section: its columns, and whether it was left out for want of a start date
        /// (else it has no day column).
        sections: Vec<(String, bool)>,
    },
    /// LinkedIn engagement rates: fractions per day, averaged.
    RatesAveraged,
    /// Spreadsheet sheets without daily figures, left out.
    SheetsLeftOut {
        /// Their names.
        sheets: Vec<String>,
    },
    // ---- what a file that cannot be read holds
    /// No table: no line with two or more columns.
    NoTable,
    /// A table without a column of dates.
    TableWithoutDates {
        /// Its first headers (at most 6; "…" when there are more).
        columns: Vec<String>,
        /// How many data rows it has.
        rows: usize,
    },
    /// A table with a column of dates but no column of numbers with values beside it.
    TableWithoutNumbers {
        /// The date column's header.
        date_column: String,
        /// Its first headers (at most 6; "…" when there are more).
        columns: Vec<String>,
        /// How many data rows it has.
        rows: usize,
    },
    /// A Meta per-post export broken by a spreadsheet.
    MetaPostsBroken,
    /// A Meta audience export (no figures per day).
    MetaAudience,
    /// A TikTok follower activity export (per hour).
    TikTokActivity,
    /// A TikTok follower gender export.
    TikTokGender,
    /// A TikTok follower territories export.
    TikTokTerritories,
    /// A spreadsheet that could not be opened.
    SpreadsheetUnreadable {
        /// Why (the reader's words, in English).
        reason: String,
    },
    /// A LinkedIn competitor export (no figures per day).
    LinkedInCompetitor,
    /// A spreadsheet whose sheets have no column of dates with numbers.
    SpreadsheetWithoutDates {
        /// Per sheet (at most 6): its name and first headers.
        sheets: Vec<(String, Vec<String>)>,
    },
}

/// `"a", "b", "c"`.
fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a, b and c` / `a, b en c`.
fn and_list(items: &[String], lang: Lang) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), tr(lang, "and", "en")),
    }
}

/// The order of day and month in words.
fn order_words(order: DateOrder, lang: Lang) -> &'static str {
    match order {
        DateOrder::MonthFirst => tr(lang, "month/day/year", "maand/dag/jaar"),
        DateOrder::DayFirst => tr(lang, "day/month/year", "dag/maand/jaar"),
    }
}

impl ExportMessage {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ExportMessage::NotADate { cell } => {
                if en {
                    format!("expected a date, found \"{cell}\"")
                } else {
                    format!("verwacht een datum, gevonden: \"{cell}\"")
                }
            }
            ExportMessage::EmptyDate => tr(lang, "the date is empty", "de datum is leeg").into(),
            ExportMessage::NotACalendarDay { cell, read_as } => {
                let base = if en {
                    format!("\"{cell}\" is not a day in the calendar")
                } else {
                    format!("\"{cell}\" is geen dag in de kalender")
                };
                match read_as {
                    Some(order) => format!(
                        "{base} ({} {})",
                        tr(lang, "read as", "gelezen als"),
                        order_words(*order, lang)
                    ),
                    None => base,
                }
            }
            ExportMessage::NoYearNoExportDate { cell } => {
                if en {
                    format!("\"{cell}\" has no year and the export date is not known")
                } else {
                    format!("\"{cell}\" heeft geen jaar en de exportdatum is niet bekend")
                }
            }
            ExportMessage::NotADayInYear { cell, year } => {
                if en {
                    format!("\"{cell}\" is not a day in {year}")
                } else {
                    format!("\"{cell}\" is geen dag in {year}")
                }
            }
            ExportMessage::NotANumber { cell } => {
                if en {
                    format!("expected a number, found \"{cell}\"")
                } else {
                    format!("verwacht een getal, gevonden: \"{cell}\"")
                }
            }
            ExportMessage::NotADayNumber { cell } => {
                if en {
                    format!("expected a day number such as 0003, found \"{cell}\"")
                } else {
                    format!("verwacht een dagnummer zoals 0003, gevonden: \"{cell}\"")
                }
            }
            ExportMessage::RowWithoutDate { reason } => {
                let reason = reason.text(lang);
                if en {
                    format!("the date could not be read: {reason}; the row is left out")
                } else {
                    format!("de datum kon niet worden gelezen: {reason}; de rij is weggelaten")
                }
            }
            ExportMessage::ValueLeftOut { column, reason } => {
                let reason = reason.text(lang);
                if en {
                    format!("column \"{column}\": {reason}; this value is left out")
                } else {
                    format!("kolom \"{column}\": {reason}; deze waarde is weggelaten")
                }
            }
            ExportMessage::InSheet {
                sheet,
                row,
                problem,
            } => {
                let problem = problem.text(lang);
                if en {
                    format!("sheet \"{sheet}\", row {row}: {problem}")
                } else {
                    format!("blad \"{sheet}\", rij {row}: {problem}")
                }
            }
            ExportMessage::DateOrderAssumed { read_as } => {
                let us = match read_as {
                    DateOrder::MonthFirst => tr(
                        lang,
                        " (as in the United States)",
                        " (zoals in de Verenigde Staten)",
                    ),
                    DateOrder::DayFirst => "",
                };
                let order = order_words(*read_as, lang);
                if en {
                    format!(
                        "The dates could be read day-first or month-first; they were read as \
                         {order}{us}."
                    )
                } else {
                    format!(
                        "De datums kunnen met de dag of met de maand voorop gelezen worden; ze \
                         zijn gelezen als {order}{us}."
                    )
                }
            }
            ExportMessage::YearsFromRowOrder {
                export,
                first,
                last,
            } => {
                let (export, first, last) = (
                    long_date(*export, lang),
                    long_date(*first, lang),
                    long_date(*last, lang),
                );
                if en {
                    format!(
                        "The dates have no year; the years were inferred from the export date \
                         {export} and the order of the rows: {first} to {last}."
                    )
                } else {
                    format!(
                        "De datums hebben geen jaar; de jaren zijn afgeleid uit de exportdatum \
                         {export} en de volgorde van de rijen: {first} tot en met {last}."
                    )
                }
            }
            ExportMessage::YearsLatest {
                export,
                first,
                last,
            } => {
                let (export, first, last) = (
                    long_date(*export, lang),
                    long_date(*first, lang),
                    long_date(*last, lang),
                );
                if en {
                    format!(
                        "The dates have no year; each was given the latest year that puts it on \
                         or before the export date {export}: {first} to {last}."
                    )
                } else {
                    format!(
                        "De datums hebben geen jaar; elke datum kreeg het laatste jaar waarin hij \
                         op of vóór de exportdatum {export} valt: {first} tot en met {last}."
                    )
                }
            }
            ExportMessage::SameDateCombined => tr(
                lang,
                "Several rows have the same date; their values were combined (counts summed, \
                 rates averaged).",
                "Meerdere rijen hebben dezelfde datum; hun waarden zijn samengevoegd (aantallen \
                 opgeteld, percentages gemiddeld).",
            )
            .into(),
            ExportMessage::SplitBy { columns } => {
                let names = and_list(columns, lang);
                if en {
                    format!("The rows are split by {names}: one metric per {names} and column.")
                } else {
                    format!(
                        "De rijen zijn opgesplitst naar {names}: één meetreeks per {names} en \
                         kolom."
                    )
                }
            }
            ExportMessage::NoValues { columns } => {
                let list = quoted(columns);
                if en {
                    format!("Left out because they have no values: {list}.")
                } else {
                    format!("Weggelaten omdat ze geen waarden hebben: {list}.")
                }
            }
            ExportMessage::PlatformFromNeighbour { title } => {
                if en {
                    format!(
                        "The table \"{title}\" does not name its platform; read as Facebook, \
                         because the Instagram table beside it names itself."
                    )
                } else {
                    format!(
                        "De tabel \"{title}\" noemt zijn platform niet; gelezen als Facebook, \
                         omdat de Instagram-tabel ernaast zichzelf wel noemt."
                    )
                }
            }
            ExportMessage::PlatformFromFileName { title, platform } => {
                let word = match platform {
                    Platform::Instagram => "Instagram",
                    _ => "Facebook",
                };
                if en {
                    format!(
                        "The title \"{title}\" does not say Facebook or Instagram; read as \
                         {word} from the file name."
                    )
                } else {
                    format!(
                        "De titel \"{title}\" noemt Facebook noch Instagram; gelezen als {word} \
                         op grond van de bestandsnaam."
                    )
                }
            }
            ExportMessage::PlatformAssumed { title } => {
                if en {
                    format!(
                        "The title \"{title}\" does not say Facebook or Instagram; read as \
                         Facebook. Please check, and choose an Instagram series if it is \
                         Instagram."
                    )
                } else {
                    format!(
                        "De titel \"{title}\" noemt Facebook noch Instagram; gelezen als \
                         Facebook. Controleer dit, en kies een Instagram-reeks als het Instagram \
                         is."
                    )
                }
            }
            ExportMessage::OtherTablesLeftOut { count } => match (lang, *count) {
                (Lang::En, 1) => {
                    "1 other table in the file is not daily figures and was left out.".into()
                }
                (Lang::En, n) => {
                    format!("{n} other tables in the file are not daily figures and were left out.")
                }
                (Lang::Nl, 1) => {
                    "1 andere tabel in het bestand bevat geen cijfers per dag en is weggelaten."
                        .into()
                }
                (Lang::Nl, n) => format!(
                    "{n} andere tabellen in het bestand bevatten geen cijfers per dag en zijn \
                     weggelaten."
                ),
            },
            ExportMessage::DuplicateColumn { column } => {
                if en {
                    format!("The column \"{column}\" appears more than once; the first was read.")
                } else {
                    format!("De kolom \"{column}\" komt meer dan eens voor; de eerste is gelezen.")
                }
            }
            ExportMessage::DuplicateColumns { columns } => {
                let list = quoted(columns);
                if en {
                    format!("Columns that appear more than once (the first was read): {list}.")
                } else {
                    format!("Kolommen die meer dan eens voorkomen (de eerste is gelezen): {list}.")
                }
            }
            ExportMessage::AveragesLeftOut { columns } => {
                let list = quoted(columns);
                if en {
                    format!(
                        "Averages and rates per post cannot be added up by day and were left \
                         out: {list}."
                    )
                } else {
                    format!(
                        "Gemiddelden en percentages per bericht zijn niet per dag op te tellen \
                         en zijn weggelaten: {list}."
                    )
                }
            }
            ExportMessage::PostsByPublishTime => tr(
                lang,
                "One row per post: each metric is the sum of the posts published that day (their \
                 lifetime figures), by the date of \"Publish time\".",
                "Eén rij per bericht: elke meetreeks is de som van de berichten die die dag zijn \
                 gepubliceerd (hun cijfers over de hele looptijd), op de datum van \"Publish \
                 time\".",
            )
            .into(),
            ExportMessage::LegacyPageLevel { skipped } => {
                if en {
                    format!(
                        "Legacy Facebook Insights export (page level): the daily columns and \
                         \"Lifetime Total Likes\" are read; {skipped} weekly, 28-day, lifetime \
                         and breakdown columns are left out."
                    )
                } else {
                    format!(
                        "Oude export van Facebook Insights (paginaniveau): de dagelijkse kolommen \
                         en \"Lifetime Total Likes\" zijn gelezen; {skipped} wekelijkse, \
                         28-daagse, lifetime- en uitsplitsingskolommen zijn weggelaten."
                    )
                }
            }
            ExportMessage::LegacyPostLevel => tr(
                lang,
                "Legacy Facebook Insights export (post level): each lifetime metric is the sum of \
                 the posts published that day, by the date of \"Posted\".",
                "Oude export van Facebook Insights (berichtniveau): elke lifetime-meetreeks is de \
                 som van de berichten die die dag zijn gepubliceerd, op de datum van \"Posted\".",
            )
            .into(),
            ExportMessage::VideosByPostTime => tr(
                lang,
                "One row per video: each metric is the sum of the videos posted that day (their \
                 figures up to the export), by the date of \"Post time\".",
                "Eén rij per video: elke meetreeks is de som van de video's die die dag zijn \
                 geplaatst (hun cijfers tot aan de export), op de datum van \"Post time\".",
            )
            .into(),
            ExportMessage::TextColumnsLeftOut { columns } => {
                let list = quoted(columns);
                if en {
                    format!("Text columns left out: {list}.")
                } else {
                    format!("Kolommen met tekst weggelaten: {list}.")
                }
            }
            ExportMessage::PostsSummed { count } => {
                if en {
                    format!(
                        "One row per post: the {count} posts were summed by the day they were \
                         published (rates averaged)."
                    )
                } else {
                    format!(
                        "Eén rij per bericht: de {count} berichten zijn opgeteld per dag van \
                         publicatie (percentages gemiddeld)."
                    )
                }
            }
            ExportMessage::VideosSummed { count } => {
                if en {
                    format!(
                        "One row per video: the {count} videos were summed by the day they were \
                         published (their views in the whole period of the export, not per day)."
                    )
                } else {
                    format!(
                        "Eén rij per video: de {count} video's zijn opgeteld per dag van \
                         publicatie (hun weergaven over de hele periode van de export, niet per \
                         dag)."
                    )
                }
            }
            ExportMessage::RowsSummedOver { count, column } => {
                if en {
                    format!("The rows of each day were summed over {count} values of \"{column}\".")
                } else {
                    format!(
                        "De rijen van elke dag zijn opgeteld over {count} waarden van \"{column}\"."
                    )
                }
            }
            ExportMessage::FileSays { text } => {
                if en {
                    format!("The file says: \"{text}\".")
                } else {
                    format!("In het bestand staat: \"{text}\".")
                }
            }
            ExportMessage::WeeklySections => tr(
                lang,
                "Some sections have one value per week (Nth week); each is dated the first day of \
                 its week.",
                "Sommige onderdelen hebben één waarde per week (Nth week); elke waarde krijgt de \
                 eerste dag van haar week als datum.",
            )
            .into(),
            ExportMessage::SectionsLeftOut { sections } => {
                let list: Vec<String> = sections
                    .iter()
                    .map(|(columns, no_start)| {
                        if *no_start {
                            format!(
                                "\"{columns}\" ({})",
                                tr(lang, "no start date given", "geen begindatum gegeven")
                            )
                        } else {
                            format!("\"{columns}\"")
                        }
                    })
                    .collect();
                let list = list.join("; ");
                if en {
                    format!("Sections without days were left out: {list}.")
                } else {
                    format!("Onderdelen zonder dagen zijn weggelaten: {list}.")
                }
            }
            ExportMessage::RatesAveraged => tr(
                lang,
                "Engagement rates are fractions (0.15 = 15%) per day, averaged over the days of a \
                 period; a formula from the summed counts (e.g. (reactions + comments + reposts + \
                 clicks) ÷ impressions) weighs the days by their impressions instead.",
                "Engagementpercentages zijn fracties (0,15 = 15%) per dag, gemiddeld over de dagen \
                 van een periode; een formule uit de opgetelde aantallen (bijv. (reacties + \
                 opmerkingen + reposts + klikken) ÷ vertoningen) weegt de dagen in plaats daarvan \
                 naar hun vertoningen.",
            )
            .into(),
            ExportMessage::SheetsLeftOut { sheets } => {
                let list = sheets.join(", ");
                if en {
                    format!("Sheets without daily figures left out: {list}.")
                } else {
                    format!("Bladen zonder cijfers per dag weggelaten: {list}.")
                }
            }
            ExportMessage::NoTable => tr(
                lang,
                "no table (no line with two or more columns)",
                "geen tabel (geen regel met twee of meer kolommen)",
            )
            .into(),
            ExportMessage::TableWithoutDates { columns, rows } => {
                let list = columns.join(", ");
                if en {
                    format!(
                        "a table with the columns {list} and {rows} rows, but no column of dates"
                    )
                } else {
                    format!(
                        "een tabel met de kolommen {list} en {rows} rijen, maar geen kolom met \
                         datums"
                    )
                }
            }
            ExportMessage::TableWithoutNumbers {
                date_column,
                columns,
                rows,
            } => {
                let list = columns.join(", ");
                if en {
                    format!(
                        "a table with the columns {list} and {rows} rows: \"{date_column}\" holds \
                         dates, but no column beside it holds numbers for them"
                    )
                } else {
                    format!(
                        "een tabel met de kolommen {list} en {rows} rijen: \"{date_column}\" \
                         bevat datums, maar geen kolom ernaast bevat getallen bij die datums"
                    )
                }
            }
            ExportMessage::MetaPostsBroken => tr(
                lang,
                "a Meta Business Suite per-post export whose rows could not be read (no row has a \
                 publish time where the header puts it; a spreadsheet may have wrapped each line \
                 in quotes and broken it at the captions' line breaks): export it again from Meta \
                 Business Suite and import the file without opening it in a spreadsheet",
                "een export per bericht van Meta Business Suite waarvan de rijen niet te lezen \
                 zijn (geen rij heeft een publicatietijd waar de kop die zet; een \
                 spreadsheetprogramma heeft misschien elke regel tussen aanhalingstekens gezet en \
                 bij de regeleinden in de bijschriften afgebroken): exporteer het opnieuw uit \
                 Meta Business Suite en importeer het bestand zonder het in een \
                 spreadsheetprogramma te openen",
            )
            .into(),
            ExportMessage::MetaAudience => tr(
                lang,
                "a Meta Business Suite audience export (age & gender, top countries and cities): \
                 it is not a daily export and has no figures per day; export a daily metric such \
                 as Reach, Follows or Visits instead",
                "een doelgroepexport van Meta Business Suite (leeftijd en geslacht, toplanden en \
                 -steden): dat is geen export per dag en heeft geen cijfers per dag; exporteer \
                 in plaats daarvan een dagelijkse meetwaarde zoals Bereik, Volgers of Bezoeken",
            )
            .into(),
            ExportMessage::TikTokActivity => tr(
                lang,
                "a TikTok follower activity export (active followers per hour of the last days): \
                 it has no daily figures; export Overview or FollowerHistory instead",
                "een TikTok-export van de activiteit van volgers (actieve volgers per uur van de \
                 laatste dagen): die heeft geen cijfers per dag; exporteer in plaats daarvan \
                 Overview of FollowerHistory",
            )
            .into(),
            ExportMessage::TikTokGender => tr(
                lang,
                "a TikTok follower gender export (shares of followers): it is not a daily export; \
                 export Overview or FollowerHistory instead",
                "een TikTok-export van het geslacht van volgers (aandelen van de volgers): dat is \
                 geen export per dag; exporteer in plaats daarvan Overview of FollowerHistory",
            )
            .into(),
            ExportMessage::TikTokTerritories => tr(
                lang,
                "a TikTok follower territories export (shares of followers per country): it is \
                 not a daily export; export Overview or FollowerHistory instead",
                "een TikTok-export van de landen van volgers (aandelen van de volgers per land): \
                 dat is geen export per dag; exporteer in plaats daarvan Overview of \
                 FollowerHistory",
            )
            .into(),
            ExportMessage::SpreadsheetUnreadable { reason } => {
                if en {
                    format!("a spreadsheet that could not be opened ({reason})")
                } else {
                    format!("een spreadsheet die niet geopend kon worden ({reason})")
                }
            }
            ExportMessage::LinkedInCompetitor => tr(
                lang,
                "a LinkedIn competitor analytics export (one row per page for the whole period): \
                 it has no daily figures; export Content, Followers or Visitors instead",
                "een LinkedIn-export van de concurrentieanalyse (één rij per pagina voor de hele \
                 periode): die heeft geen cijfers per dag; exporteer in plaats daarvan Content, \
                 Followers of Visitors",
            )
            .into(),
            ExportMessage::SpreadsheetWithoutDates { sheets } => {
                let list = if sheets.is_empty() {
                    tr(lang, "no sheets", "geen bladen").to_string()
                } else {
                    sheets
                        .iter()
                        .map(|(name, header)| format!("\"{name}\" ({})", header.join(", ")))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                if en {
                    format!(
                        "a spreadsheet whose sheets have no column of dates with numbers: {list}; \
                         known spreadsheets are LinkedIn's Content, Followers and Visitors \
                         exports and TikTok's Overview"
                    )
                } else {
                    format!(
                        "een spreadsheet waarvan geen blad een kolom met datums en getallen \
                         heeft: {list}; bekende spreadsheets zijn de exports Content, Followers \
                         en Visitors van LinkedIn en Overview van TikTok"
                    )
                }
            }
        }
    }
}

/// The English text.
impl std::fmt::Display for ExportMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// As its English text, so JSON output keeps plain strings.
impl Serialize for ExportMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(Lang::En))
    }
}
