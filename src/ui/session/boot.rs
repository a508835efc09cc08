//! Start-up: the library read from storage (or the news that storage cannot be used), and
//! the first scorecard to show.

use crate::exchange::share::{self, ShareError};
use crate::library::{CorruptEntry, Library};
use crate::model::{Lang, Scorecard};
use crate::web::storage::{self, StorageError};
use crate::web::{browser, perf_marks};

use super::StorageHealth;

/// What was read at start.
pub struct Boot {
    /// The library as loaded.
    pub library: Library,
    /// The scorecard to show first.
    pub doc: Scorecard,
    /// Whether storage can be used.
    pub health: StorageHealth,
    /// Entries that could not be read (kept aside).
    pub corrupt: Vec<CorruptEntry>,
    /// Set when the start-up writes failed.
    pub save_error: Option<StorageError>,
    /// The share link the page was opened with, read.
    pub shared: Option<Result<Scorecard, ShareError>>,
    /// A new browser: show the welcome screen (`ui::app::welcome`) and store nothing until
    /// the user picks a start; `doc` is then a blank placeholder kept out of the library.
    pub welcome: bool,
}

/// Reads the library (or learns that storage is unusable) and picks the first scorecard:
/// the shared one from the page's `#share=` fragment, else the one open last, else a new blank one.
///
/// `may_welcome` (the address asks for the scorecard view, not another view by name): a new
/// browser — storage usable, nothing stored, nothing set aside as unreadable, no share
/// link — gets the welcome screen instead of a stored blank scorecard.
pub fn boot(lang: Lang, share_fragment: Option<&str>, may_welcome: bool) -> Boot {
    let mut save_error = None;
    let loaded = perf_marks::measure("load-library", storage::load_library);
    let (mut library, mut health, corrupt) = match loaded {
        Err(_) => (Library::new(), StorageHealth::Unavailable, Vec::new()),
        Ok(outcome) => match outcome.newer_layout {
            Some(layout) => (
                Library::new(),
                StorageHealth::NewerLayout(layout),
                Vec::new(),
            ),
            None => {
                if let Err(e) = storage::apply(&outcome.writes) {
                    save_error = Some(e.error);
                }
                (outcome.library, StorageHealth::Usable, outcome.corrupt)
            }
        },
    };
    if save_error == Some(StorageError::Unavailable) {
        health = StorageHealth::Unavailable;
        save_error = None;
    }
    let shared = share_fragment.map(share::decode_share_fragment);
    let welcome = may_welcome
        && shared.is_none()
        && health == StorageHealth::Usable
        && save_error.is_none()
        && library.is_empty()
        && corrupt.is_empty();
    let doc = match &shared {
        Some(Ok(card)) => card.clone(),
        _ if welcome => Scorecard::new_blank(browser::random_scorecard_id(), lang),
        _ => open_or_create(&mut library, lang, health, &mut save_error),
    };
    Boot {
        library,
        doc,
        health,
        corrupt,
        save_error,
        shared,
        welcome,
    }
}

/// The open scorecard of `library`, or a new blank one (stored when storage is usable).
fn open_or_create(
    library: &mut Library,
    lang: Lang,
    health: StorageHealth,
    save_error: &mut Option<StorageError>,
) -> Scorecard {
    if let Some(card) = library.open_card() {
        return card.clone();
    }
    let now = browser::now();
    let id = browser::random_scorecard_id();
    match library.create("blank", &id, lang, &now) {
        Ok(planned) => {
            if health == StorageHealth::Usable
                && let Err(e) = storage::apply(&planned.writes)
            {
                *save_error = Some(e.error);
            }
            library
                .card(&planned.value)
                .cloned()
                .unwrap_or_else(|| Scorecard::new_blank(planned.value, lang))
        }
        Err(_) => Scorecard::new_blank(id, lang),
    }
}
