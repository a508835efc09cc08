//! The app's reactive state: one Copy struct of signals, provided as context. Every change to
//! the scorecard goes through [`AppState::dispatch`], so it is validated by the model, undoable,
//! and seen by every view at once.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::library::Library;
use crate::model::history::History;
use crate::model::{Command, Date, Evaluation, KpiParent, Lang, Scorecard};

/// Which screen is shown; kept in the URL fragment (`#scorecard`, `#map`, `#data`, `#library`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The four quadrants.
    Scorecard,
    /// The Social Media Strategy Map.
    Map,
    /// The dashboard: overall and factor scores, counts per status, trends, a card per KPI.
    Dashboard,
    /// The input series calculated KPIs are computed from: add, edit, paste rows, delete.
    Data,
    /// The print preview (map, quadrants, action list); opened by the Print button, not a tab.
    Print,
    /// The library of scorecards kept in this browser.
    Library,
    /// The guided workshop: the method's seven steps for a facilitator.
    Workshop,
    /// The monthly review: steps through the KPIs that need attention, records the review.
    Review,
    /// The one-page report of a period (A4, printed or saved as PDF); not a tab.
    Report,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 7] = [
        View::Scorecard,
        View::Map,
        View::Dashboard,
        View::Data,
        View::Workshop,
        View::Library,
        View::Review,
    ];

    /// The URL fragment of the view, without `#`.
    pub fn fragment(self) -> &'static str {
        match self {
            View::Scorecard => "scorecard",
            View::Map => "map",
            View::Dashboard => "dashboard",
            View::Data => "data",
            View::Print => "print",
            View::Library => "library",
            View::Workshop => "workshop",
            View::Review => "review",
            View::Report => "report",
        }
    }

    /// The view for a URL fragment (with or without `#`); the scorecard for anything else,
    /// a share link (`#share=…`, read by `ui::app::route`) included.
    pub fn from_fragment(fragment: &str) -> View {
        match fragment.trim_start_matches('#') {
            "map" => View::Map,
            "dashboard" => View::Dashboard,
            "data" => View::Data,
            "print" => View::Print,
            "library" => View::Library,
            "workshop" => View::Workshop,
            "review" => View::Review,
            "report" => View::Report,
            _ => View::Scorecard,
        }
    }
}

/// The item open in the side panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// The scorecard's own fields (title, organisation, medium, period, mission).
    Scorecard,
    /// A strategic objective.
    Objective(String),
    /// A sub-objective.
    SubObjective(String),
    /// A KPI.
    Kpi(String),
    /// An action.
    Action(String),
}

/// A short message shown to the user; `undo` offers an Undo button with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// True for a refusal or error.
    pub is_error: bool,
    /// Offer Undo with the message (after a delete, say).
    pub undo: bool,
}

/// Shared state of the running app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scorecard that is open. Read it freely; it changes only through `dispatch` and
    /// the other methods here, which know whether a change can move a score (see
    /// `evaluation`).
    pub doc: ReadSignal<Scorecard>,
    write_doc: WriteSignal<Scorecard>,
    /// Counts the edits that can move a score (see [`AppState::with_scored_doc`]).
    score_edits: RwSignal<u64>,
    /// Undo and redo stacks.
    pub history: RwSignal<History>,
    /// The language of the interface.
    pub lang: RwSignal<Lang>,
    /// The date every status and score is computed for.
    pub as_of: RwSignal<Date>,
    /// The screen shown.
    pub view: RwSignal<View>,
    /// The item open in the side panel.
    pub selection: RwSignal<Option<Selection>>,
    /// The latest message for the user.
    pub notice: RwSignal<Option<Notice>>,
    /// Scores and statuses of everything, as of `as_of`. Not worked out again after an edit
    /// that cannot move a score ([`Command::keeps_scores`]: typing a name, say).
    pub evaluation: Memo<Evaluation>,
    /// Projector mode: full screen, large type, high contrast, nothing editable.
    pub projector: RwSignal<bool>,
    /// The keyboard-shortcut help overlay is open.
    pub help_open: RwSignal<bool>,
    /// The scorecards kept in this browser (see `ui::session`). Library operations are
    /// not in the undo history.
    pub library: RwSignal<Library>,
    /// True while a shared scorecard is shown read-only: `dispatch` refuses every change.
    pub read_only: RwSignal<bool>,
    /// The method coach's "most sub-objectives per factor".
    pub coach_limit: RwSignal<usize>,
    /// The guided workshop's current step and timer (see `ui::views::workshop`).
    pub workshop: crate::ui::session::workshop::WorkshopState,
    /// The platform-export import: its dialog and files (see `ui::views::platform_import`).
    pub platform_import: crate::ui::session::platform_import::PlatformImportState,
    /// The merge dialogs: collecting group files, comparing with a file (see `ui::views::merge`).
    pub merge: crate::ui::session::merge::MergeState,
}

impl AppState {
    /// State around an open scorecard, with the interface in `lang`, evaluated as of `as_of`.
    pub fn new(doc: Scorecard, lang: Lang, as_of: Date) -> AppState {
        let (doc, write_doc) = signal(doc);
        let as_of = RwSignal::new(as_of);
        let score_edits = RwSignal::new(0);
        let evaluation = Memo::new(move |_| {
            score_edits.track();
            let as_of = as_of.get();
            doc.with_untracked(|d| d.evaluate(as_of))
        });
        AppState {
            doc,
            write_doc,
            score_edits,
            history: RwSignal::new(History::new()),
            lang: RwSignal::new(lang),
            as_of,
            view: RwSignal::new(View::Scorecard),
            selection: RwSignal::new(None),
            notice: RwSignal::new(None),
            evaluation,
            projector: RwSignal::new(false),
            help_open: RwSignal::new(false),
            library: RwSignal::new(Library::new()),
            read_only: RwSignal::new(false),
            coach_limit: RwSignal::new(crate::method::coach::DEFAULT_FACTOR_LIMIT),
            workshop: crate::ui::session::workshop::WorkshopState::new(),
            platform_import: crate::ui::session::platform_import::PlatformImportState::new(),
            merge: crate::ui::session::merge::MergeState::new(),
        }
    }

    /// Shows `view`, unless it is shown already (setting the view again would mount it anew
    /// and lose what it holds, such as focus). The route writes it into the address.
    pub fn go(&self, view: View) {
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
    }

    /// The state provided by the nearest [`crate::ui::ScorecardApp`].
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// Reads the open scorecard for something worked out from its scores, targets and
    /// measurements only: in a reactive context it is worked out again after an edit that
    /// can move a score, not after typing a name ([`Command::keeps_scores`]). Anything that
    /// shows a text must follow `doc` for that text.
    pub fn with_scored_doc<T>(&self, read: impl FnOnce(&Scorecard) -> T) -> T {
        self.score_edits.track();
        self.doc.with_untracked(read)
    }

    /// Applies `cmd` as one undo step; a refusal is shown to the user and changes nothing.
    /// Returns the id of a created item.
    pub fn dispatch(&self, cmd: Command) -> Option<String> {
        self.dispatch_keyed(cmd, None)
    }

    /// Adds a KPI named "New KPI" (in the interface language) to `parent`; its id, or `None`
    /// when refused (the refusal is reported). The forms and the workshop add KPIs this way.
    pub fn add_kpi(&self, parent: KpiParent) -> Option<String> {
        let name = tr(self.lang.get_untracked(), "New KPI", "Nieuwe KPI");
        self.dispatch(Command::AddKpi {
            parent,
            name: name.to_string(),
        })
    }

    /// Like [`dispatch`](Self::dispatch), merging into the previous step when it had the same
    /// `key` (typing into one field is one undo step).
    pub fn dispatch_keyed(&self, cmd: Command, key: Option<&str>) -> Option<String> {
        match self.try_dispatch_keyed(cmd, key) {
            Ok(id) => id,
            Err(text) => {
                self.report(text);
                None
            }
        }
    }

    /// Like [`dispatch_keyed`](Self::dispatch_keyed), but hands a refusal back (for a message
    /// at the field) instead of showing it.
    pub fn try_dispatch_keyed(
        &self,
        cmd: Command,
        key: Option<&str>,
    ) -> Result<Option<String>, String> {
        if let Some(why) = self.refusal() {
            return Err(why);
        }
        let mut result = Ok(None);
        let keeps_scores = cmd.keeps_scores();
        self.change_doc(keeps_scores, |doc| {
            self.history.maybe_update(|h| {
                result = h.apply(doc, cmd, key).map_err(|e| e.to_string());
                result.is_ok()
            });
            result.is_ok()
        });
        result
    }

    /// Why every edit is refused now (projector mode, a read-only scorecard), or `None` when
    /// edits are accepted: a form that asks a question before its edit asks it only then.
    pub fn refusal(&self) -> Option<String> {
        if self.projector.get_untracked() {
            return Some(tr(
                self.lang.get_untracked(),
                "Projector mode shows the scorecard without changing it. Leave projector mode (Esc) to edit.",
                "De projectormodus toont de scorecard zonder hem te wijzigen. Verlaat de projectormodus (Esc) om te bewerken.",
            )
            .to_string());
        }
        if self.read_only.get_untracked() {
            return Some(tr(
                self.lang.get_untracked(),
                "This shared scorecard is read-only. Save a copy to your library to edit it.",
                "Deze gedeelde scorecard is alleen-lezen. Bewaar een kopie in je bibliotheek om te bewerken.",
            )
            .to_string());
        }
        None
    }

    /// Changes the open scorecard when `change` says it changed it (a refused command changes
    /// nothing: no watcher wakes, nothing is marked unsaved, nothing is scored again);
    /// `keeps_scores` only when the change cannot move a score.
    fn change_doc(&self, keeps_scores: bool, change: impl FnOnce(&mut Scorecard) -> bool) {
        let mut changed = false;
        self.write_doc.maybe_update(|doc| {
            changed = change(doc);
            changed
        });
        if changed && !keeps_scores {
            self.score_edits.update(|n| *n += 1);
        }
    }

    /// Changes the open scorecard outside the undo history (a rename in the library).
    pub fn update_doc(&self, change: impl FnOnce(&mut Scorecard)) {
        self.change_doc(false, |doc| {
            change(doc);
            true
        });
    }

    /// Replaces the open scorecard (another one opened, another tab's version, a shared
    /// one): the undo history starts afresh and the side panel closes.
    pub fn replace_doc(&self, doc: Scorecard) {
        self.load_doc(doc);
        self.selection.set(None);
    }

    /// Replaces the open scorecard with another version of it (from another tab): the undo
    /// history starts afresh; the side panel stays open if its item is still there.
    pub fn load_doc(&self, doc: Scorecard) {
        self.change_doc(false, |open| {
            *open = doc;
            true
        });
        self.history.set(History::new());
        self.drop_stale_selection();
    }

    /// Ends the current typing step (a field lost focus).
    pub fn seal_history(&self) {
        self.history.update(|h| h.seal());
    }

    /// Undoes the last step, if any.
    pub fn undo(&self) {
        self.step(true);
    }

    /// Redoes the last undone step, if any.
    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        if self.projector.get_untracked() || self.read_only.get_untracked() {
            return;
        }
        let mut error = None;
        self.change_doc(false, |doc| {
            let mut changed = false;
            self.history.maybe_update(|h| {
                let done = if back { h.undo(doc) } else { h.redo(doc) };
                match done {
                    Ok(stepped) => changed = stepped,
                    Err(e) => error = Some(e.to_string()),
                }
                changed
            });
            changed
        });
        if let Some(text) = error {
            self.report(text);
        }
        self.drop_stale_selection();
    }

    /// Shows a refusal or error to the user.
    pub fn report(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_error: true,
            undo: false,
        }));
    }

    /// Tells the user something.
    pub fn tell(&self, text: impl Into<String>, undo: bool) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_error: false,
            undo,
        }));
    }

    /// Closes the side panel when its item no longer exists (after undo of an add, say).
    pub fn drop_stale_selection(&self) {
        let exists = self.selection.with_untracked(|s| match s {
            None | Some(Selection::Scorecard) => true,
            Some(Selection::Objective(id)) => {
                self.doc.with_untracked(|d| d.objective(id).is_some())
            }
            Some(Selection::SubObjective(id)) => {
                self.doc.with_untracked(|d| d.sub_objective(id).is_some())
            }
            Some(Selection::Kpi(id)) => self.doc.with_untracked(|d| d.kpi(id).is_some()),
            Some(Selection::Action(id)) => {
                self.doc.with_untracked(|d| d.locate_action(id).is_some())
            }
        });
        if !exists {
            self.selection.set(None);
        }
    }
}
