//! The KPI library: common social media KPIs, ready to pick, in English and Dutch. Each
//! entry is a calculated KPI (a formula over input series) tagged with the factor it usually
//! belongs to and the AMEC stage it measures. Picking one builds a single command (one undo
//! step) that adds the input series the scorecard lacks, reuses those it has, and adds or
//! fills the KPI. Pure: tested natively (`tests/kpi_library.rs`).

mod entries;
mod pick;
mod types;

pub use pick::{PickPlan, fill_kpi_command, is_default_kpi_name, new_kpi_command, pick_summary};
pub use types::{AmecStage, LibraryEntry, SeriesDef};

use crate::model::{FactorKind, Lang};

/// Every entry, grouped by factor in the scorecard's factor order.
pub fn entries() -> &'static [LibraryEntry] {
    entries::ENTRIES
}

/// The entries of one factor, or every entry for `None`, in library order.
pub fn entries_for(factor: Option<FactorKind>) -> Vec<&'static LibraryEntry> {
    entries()
        .iter()
        .filter(|e| factor.is_none_or(|f| e.factor == f))
        .collect()
}

/// The entry with this id.
pub fn entry(id: &str) -> Option<&'static LibraryEntry> {
    entries().iter().find(|e| e.id == id)
}

/// The entries of `factor` (all for `None`) whose name in `lang` holds every word of `query`,
/// ignoring case; an empty query matches every entry.
pub fn search(factor: Option<FactorKind>, query: &str, lang: Lang) -> Vec<&'static LibraryEntry> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    entries_for(factor)
        .into_iter()
        .filter(|e| {
            let name = e.name.get(lang).to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect()
}
