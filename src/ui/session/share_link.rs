//! Share links: a read-only copy of the open scorecard in a link, opening such a link, and
//! keeping a copy of a shared scorecard.

use leptos::prelude::*;

use crate::exchange::share::{self, ShareError, share_error_text};
use crate::i18n::tr;
use crate::web::browser;

use super::state::View;
use super::{Message, Persistence, ShareOutcome};

impl Persistence {
    /// Makes a share link for the open scorecard and opens the share dialog.
    pub fn make_share_link(&self) {
        let encoded = self
            .state
            .doc
            .with_untracked(|d| share::encode_share_fragment(d, &browser::now_iso()));
        let outcome = match encoded {
            Ok(fragment) => {
                let location = window().location();
                let base = format!(
                    "{}{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                ShareOutcome::Link(format!("{base}{fragment}"))
            }
            Err(e) => ShareOutcome::Refused(share_error_text(&e, self.lang())),
        };
        self.share_dialog.set(Some(outcome));
    }

    /// Shows a scorecard from a share link (a whole address or its `#share=…` part), read-only
    /// in the scorecard view; the library is left as it is. False, with the reason shown,
    /// when the link cannot be read.
    pub fn open_shared(&self, link: &str) -> bool {
        match share::decode_share_fragment(link) {
            Ok(card) => {
                self.flush();
                self.message.set(None);
                self.state.read_only.set(true);
                self.show(card, false);
                self.state.go(View::Scorecard);
                true
            }
            Err(e) => {
                self.share_error(&e);
                false
            }
        }
    }

    pub(super) fn share_error(&self, error: &ShareError) {
        let lang = self.lang();
        self.message.set(Some(Message {
            title: tr(
                lang,
                "Could not open the share link",
                "Kan de gedeelde link niet openen",
            )
            .to_string(),
            body: share_error_text(error, lang),
            is_error: true,
            kind: "share",
        }));
    }

    /// Adds the shared scorecard to the library (the same rules as an import) and opens it.
    pub fn save_shared_copy(&self) {
        if !self.state.read_only.get_untracked() {
            return;
        }
        let card = self.state.doc.get_untracked();
        self.add_imported(card, true);
    }

    /// Leaves the shared view for the library's open scorecard.
    pub fn close_shared(&self) {
        self.state.read_only.set(false);
        self.state.go(View::Scorecard);
        self.open_next();
    }
}
