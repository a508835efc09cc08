//! The side panel's forms: one per kind of item. Every field sends one command per change.

mod action_form;
mod child_list;
mod item_tools;
mod kpi_form;
mod measurements;
mod objective_form;
mod scorecard_form;
mod sub_objective_form;

pub use action_form::ActionForm;
pub use kpi_form::KpiForm;
pub use objective_form::ObjectiveForm;
pub use scorecard_form::ScorecardForm;
pub use sub_objective_form::SubObjectiveForm;
