//! Handing the open scorecard out to workshop groups in the browser: the plan of
//! [`crate::library::hand_out`] carried out — the open scorecard's revision raised outside
//! the undo history, the base kept in this browser (under `library::layout::base_key`), the
//! group files handed back to be downloaded — and the kept base read again when the
//! groups' files come back.

use crate::i18n::tr;
use crate::library::hand_out::{GroupFile, HandOutError, plan_hand_out};
use crate::library::layout::base_key;
use crate::model::{Group, Lang, Scorecard, import_json};
use crate::web::{browser, storage};
use leptos::prelude::*;

use super::state::AppState;

/// How often fresh copy tags are drawn before giving up (two equal random tags are already
/// unlikely: 36⁵ possibilities).
const TAG_TRIES: usize = 8;

/// Stores the base of a hand-out (`text`, a scorecard file) under `key`; the browser's
/// refusal in words.
pub fn keep_base(key: &str, text: &str) -> Result<(), String> {
    storage::save_raw(key, text).map_err(|e| e.to_string())
}

/// The base kept for hand-out `revision` of the scorecard with lineage `lineage_id`; `None`
/// when it is not kept in this browser or cannot be read.
pub fn kept_base(lineage_id: &str, revision: u64) -> Option<Scorecard> {
    let text = storage::load_raw(&base_key(lineage_id, revision)).ok()??;
    import_json(&crate::library::packing::unpack(&text).ok()?).ok()
}

/// What a hand-out made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MadeHandOut {
    /// The revision the copies are based on.
    pub revision: u64,
    /// One file per group, in the groups' order.
    pub files: Vec<GroupFile>,
    /// Why the base could not be kept in this browser (the returned files are then compared
    /// two-way instead of merged); `None` when it is kept.
    pub base_not_kept: Option<String>,
}

/// Why the open scorecard cannot be handed out now: shown read-only (a share link) or on a
/// projector. `None` when it can.
pub fn unavailable_reason(read_only: bool, projector: bool, lang: Lang) -> Option<&'static str> {
    if read_only {
        Some(tr(
            lang,
            "A shared scorecard is read-only: save a copy to your library to hand it out.",
            "Een gedeelde scorecard is alleen-lezen: bewaar een kopie in je bibliotheek om hem uit te delen.",
        ))
    } else if projector {
        Some(tr(
            lang,
            "Projector mode changes nothing: leave it (Esc) to hand out to groups.",
            "De projectormodus wijzigt niets: verlaat hem (Esc) om aan groepen uit te delen.",
        ))
    } else {
        None
    }
}

/// Hands the open scorecard out to `groups`: raises its revision (outside the undo history,
/// saved like any change), keeps the base in this browser, and returns the files. A refusal
/// (the groups, or read-only / projector mode) changes nothing; the reason in `lang`.
pub fn hand_out(state: &AppState, groups: &[Group], lang: Lang) -> Result<MadeHandOut, String> {
    let (read_only, projector) = (
        state.read_only.get_untracked(),
        state.projector.get_untracked(),
    );
    if let Some(reason) = unavailable_reason(read_only, projector, lang) {
        return Err(reason.to_string());
    }
    let now = browser::now();
    let own = state.doc.with_untracked(|d| d.lineage.copy.clone());
    let mut plan = Err(HandOutError::Tags);
    for _ in 0..TAG_TRIES {
        let tags = fresh_tags(groups.len(), &own);
        plan = state
            .doc
            .with_untracked(|d| plan_hand_out(d, groups, &tags, &now));
        if !matches!(plan, Err(HandOutError::Tags)) {
            break;
        }
    }
    let plan = plan.map_err(|e| e.message(lang))?;
    let lineage = plan.scorecard.lineage.clone();
    state.update_doc(|d| d.lineage = lineage);
    let base_not_kept = keep_base(&plan.base.key, &plan.base.text).err();
    Ok(MadeHandOut {
        revision: plan.revision,
        files: plan.files,
        base_not_kept,
    })
}

/// `n` random copy tags, distinct from each other and from `own` as far as a few draws go.
fn fresh_tags(n: usize, own: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let mut tag = browser::random_copy_tag();
        for _ in 0..TAG_TRIES {
            if tag != own && !tags.contains(&tag) {
                break;
            }
            tag = browser::random_copy_tag();
        }
        tags.push(tag);
    }
    tags
}
