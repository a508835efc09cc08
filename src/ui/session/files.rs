//! Files: a chosen or dropped file read into the library (one scorecard or a library file,
//! with the question when an import meets a different scorecard of the same id), and the
//! downloads of the open scorecard, the whole library and a copy kept aside.

use leptos::prelude::*;

use crate::i18n::messages::{display_title, import_error_kind, import_error_text};
use crate::i18n::tr;
use crate::library::{AddImport, ConflictChoice, ConflictOutcome, ImportedText};
use crate::model::{ImportError, Scorecard};
use crate::web::{browser, files, perf_marks, storage};

use super::state::View;
use super::{LibraryNotice, LibraryUndo, Message, Persistence};

impl Persistence {
    /// Reads a chosen or dropped file. A refusal changes nothing at all: not the library,
    /// not the open scorecard, not storage, not the undo history.
    pub fn import_text(&self, name: &str, text: &str) {
        match perf_marks::measure("import", || crate::library::import_any(text)) {
            Err(e) => self.refuse_file(name, &e),
            Ok(ImportedText::One(card)) => {
                self.message.set(None);
                self.flush();
                self.add_imported(*card, true);
            }
            Ok(ImportedText::Library(file)) => {
                self.flush();
                let lang = self.lang();
                let total = file.scorecards.len();
                for card in file.scorecards {
                    self.add_imported(card, false);
                }
                let mut body = format!(
                    "{} {total}.",
                    tr(
                        lang,
                        "Scorecards read from the library file:",
                        "Scorecards gelezen uit het bibliotheekbestand:"
                    )
                );
                for problem in &file.problems {
                    body.push('\n');
                    body.push_str(&problem.to_string());
                }
                self.message.set(Some(Message {
                    title: format!("{} {name}", tr(lang, "Opened", "Geopend:")),
                    body,
                    is_error: !file.problems.is_empty(),
                    kind: "library",
                }));
                self.state.go(View::Library);
            }
        }
    }

    /// Shows why a file cannot be opened.
    pub fn refuse_file(&self, name: &str, error: &ImportError) {
        let lang = self.lang();
        self.message.set(Some(Message {
            title: format!("{} {name}", tr(lang, "Could not open", "Kan niet openen:")),
            body: import_error_text(error, lang),
            is_error: true,
            kind: import_error_kind(error),
        }));
    }

    /// Adds an imported scorecard: new → added (and opened when `open`); the same one
    /// again → nothing changes; a different one with the same id → ask.
    pub(super) fn add_imported(&self, card: Scorecard, open: bool) {
        if self.import_conflict.with_untracked(Option::is_some) {
            self.queue.update_value(|q| q.push(card));
            return;
        }
        let now = browser::now();
        let lang = self.lang();
        let title = display_title(&card, lang);
        let Some(result) = self
            .state
            .library
            .try_update(|l| l.add_imported(card, &now))
        else {
            return;
        };
        match result {
            AddImport::Added(planned) => {
                self.apply(&planned.writes);
                let said = if open {
                    self.show_opened(&planned.value);
                    tr(
                        lang,
                        "Added to your library and opened:",
                        "Toegevoegd aan je bibliotheek en geopend:",
                    )
                } else {
                    tr(
                        lang,
                        "Added to your library:",
                        "Toegevoegd aan je bibliotheek:",
                    )
                };
                self.state.tell(about(said, &title), false);
            }
            AddImport::Identical(id) => {
                if open {
                    self.show_opened(&id);
                }
                let said = tr(
                    lang,
                    "This scorecard is already in your library, unchanged:",
                    "Deze scorecard staat al ongewijzigd in je bibliotheek:",
                );
                self.state.tell(about(said, &title), false);
            }
            AddImport::Conflict(conflict) => self.import_conflict.set(Some(conflict)),
        }
    }

    /// Opens the scorecard with this id in the scorecard view.
    fn show_opened(&self, id: &str) {
        self.open(id);
        self.state.go(View::Scorecard);
    }

    /// The user's answer to an import conflict.
    pub fn resolve_import(&self, choice: ConflictChoice) {
        let Some(conflict) = self.import_conflict.get_untracked() else {
            return;
        };
        self.import_conflict.set(None);
        let lang = self.lang();
        if choice != ConflictChoice::Cancel {
            self.flush();
        }
        let now = browser::now();
        let new_id = browser::random_scorecard_id();
        let title = display_title(&conflict.incoming, lang);
        let outcome = self
            .state
            .library
            .try_update(|l| l.resolve_import(conflict, choice, &new_id, &now));
        match outcome {
            Some(ConflictOutcome::KeptBoth(planned)) => {
                self.apply(&planned.writes);
                self.show_opened(&planned.value);
                let said = tr(
                    lang,
                    "Added as a separate scorecard and opened:",
                    "Als aparte scorecard toegevoegd en geopend:",
                );
                self.state.tell(about(said, &title), false);
            }
            Some(ConflictOutcome::Replaced(planned)) => {
                self.apply(&planned.writes);
                let id = planned.value.old_entry.id.clone();
                self.undo
                    .set_value(Some(LibraryUndo::Replace(planned.value)));
                self.show_opened(&id);
                self.library_notice.set(Some(LibraryNotice {
                    text: about(
                        tr(
                            lang,
                            "Replaced the scorecard in your library with the file's version:",
                            "De scorecard in je bibliotheek is vervangen door die uit het bestand:",
                        ),
                        &title,
                    ),
                    undo: true,
                }));
            }
            Some(ConflictOutcome::Cancelled) | None => {
                self.state.tell(
                    tr(
                        lang,
                        "Import cancelled. Nothing was changed.",
                        "Importeren geannuleerd. Er is niets gewijzigd.",
                    ),
                    false,
                );
            }
        }
        let next = self.queue.try_update_value(|q| {
            if q.is_empty() {
                None
            } else {
                Some(q.remove(0))
            }
        });
        if let Some(Some(card)) = next {
            self.add_imported(card, false);
        }
    }

    /// Downloads the open scorecard as `<title-slug>-YYYY-MM-DD.scorecard.json`.
    pub fn export_open(&self) {
        let now = browser::now();
        let file = self
            .state
            .doc
            .with_untracked(|d| crate::library::export_card(d, &now));
        files::download(&file.name, &file.text);
    }

    /// Downloads every scorecard (the open one as it is now) as one library file.
    pub fn export_all(&self) {
        let now = browser::now();
        let mut library = self.state.library.get_untracked();
        if !self.state.read_only.get_untracked() {
            self.state.doc.with_untracked(|d| {
                library.save(d, &now);
            });
        }
        let file = library.export_all(&now);
        files::download(&file.name, &file.text);
    }

    /// The raw texts kept aside in storage, as `(backup key, text)` (none when storage
    /// cannot be read).
    pub fn backups(&self) -> Vec<(String, String)> {
        storage::backups().unwrap_or_default()
    }

    /// Downloads the raw text kept aside under `key`.
    pub fn download_backup(&self, key: &str) {
        match storage::load_raw(key) {
            Ok(Some(text)) => {
                // A packed scorecard is handed over as the file it holds; a packed text that
                // no longer unpacks as it was stored, so nothing is lost.
                let slug = crate::library::slug(key);
                match crate::library::packing::unpack(&text) {
                    Ok(file_text) => files::download(&format!("{slug}.json"), &file_text),
                    Err(_) => files::download(&format!("{slug}.txt"), &text),
                }
            }
            _ => self.state.report(tr(
                self.lang(),
                "The copy kept aside cannot be read from this browser's storage.",
                "De apart bewaarde kopie kan niet uit de opslag van deze browser worden gelezen.",
            )),
        }
    }
}

/// A message about one scorecard: `Opened: “Title”.`
fn about(said: &str, title: &str) -> String {
    format!("{said} “{title}”.")
}
