//! [`ExportError`]: why a file could not be read at all, worded in English or Dutch by
//! [`ExportError::text`], naming what was expected (the formats known) and what was found.

use serde::Serialize;

use super::messages::ExportMessage;
use super::types::MAX_EXPORT_BYTES;
use crate::i18n::tr;
use crate::model::Lang;

/// Why a file could not be read at all.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub enum ExportError {
    /// Larger than [`MAX_EXPORT_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Nothing in it.
    Empty,
    /// Not text and not a spreadsheet.
    NotText,
    /// A table with a column of dates was found, but no column of numbers beside it.
    NoDates {
        /// What was found.
        found: ExportMessage,
    },
    /// Not a format this app knows.
    Unrecognised {
        /// What was found, e.g. a table with the columns Name, Email.
        found: ExportMessage,
    },
    /// The app's export readers, loaded on first use, could not be fetched (offline before
    /// they were ever kept, or the host is gone); the file was not read.
    ReaderNotLoaded,
}

/// The formats the reader knows, for the texts of [`ExportError::NoDates`] and
/// [`ExportError::Unrecognised`].
fn known_formats(lang: Lang) -> &'static str {
    tr(
        lang,
        "an export of Meta Business Suite, LinkedIn, TikTok, X, YouTube Studio, Google Analytics \
         4, Search Console or Sprout Social, or any table with a date column and number columns",
        "een export van Meta Business Suite, LinkedIn, TikTok, X, YouTube Studio, Google \
         Analytics 4, Search Console of Sprout Social, of een tabel met een kolom met datums en \
         kolommen met getallen",
    )
}

/// Bytes as megabytes with one decimal (a decimal comma in Dutch).
fn megabytes(bytes: usize, lang: Lang) -> String {
    let text = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
    match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', ","),
    }
}

impl ExportError {
    /// The refusal in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ExportError::TooLarge { bytes } => {
                let (size, limit) = (megabytes(*bytes, lang), MAX_EXPORT_BYTES / (1024 * 1024));
                if en {
                    format!("The file is {size} MB; an export may be at most {limit} MB.")
                } else {
                    format!("Het bestand is {size} MB; een export mag hoogstens {limit} MB zijn.")
                }
            }
            ExportError::Empty => tr(lang, "The file is empty.", "Het bestand is leeg.").into(),
            ExportError::ReaderNotLoaded => tr(
                lang,
                "The part of the app that reads exports could not be loaded: check the connection, then remove this file and add it again.",
                "Het deel van de app dat exports leest kon niet worden geladen: controleer de verbinding, verwijder dit bestand en voeg het opnieuw toe.",
            )
            .into(),
            ExportError::NotText => tr(
                lang,
                "The file is not a text file or a spreadsheet (xlsx/xls).",
                "Het bestand is geen tekstbestand en geen spreadsheet (xlsx/xls).",
            )
            .into(),
            ExportError::NoDates { found } => {
                let (found, known) = (found.text(lang), known_formats(lang));
                if en {
                    format!(
                        "No figures per day were found: the file has {found}. Expected {known}."
                    )
                } else {
                    format!(
                        "Er zijn geen cijfers per dag gevonden: het bestand bevat {found}. \
                         Verwacht: {known}."
                    )
                }
            }
            ExportError::Unrecognised { found } => {
                let (found, known) = (found.text(lang), known_formats(lang));
                if en {
                    format!(
                        "This is not an export the app can read: found {found}. Expected {known}."
                    )
                } else {
                    format!(
                        "Dit is geen export die de app kan lezen: gevonden is {found}. Verwacht: \
                         {known}."
                    )
                }
            }
        }
    }
}
