//! The side panel's forms: one per kind of item. Every field sends one command per change.

pub mod action_form;
pub mod calc_preview;
pub mod child_list;
pub mod formula_field;
pub mod item_tools;
pub mod kpi_form;
pub mod kpi_library_fill;
pub mod kpi_review;
pub mod measurement_import;
pub mod measurements;
pub mod objective_form;
pub mod parent_select;
pub mod scorecard_form;
pub mod side_panel;
pub mod sub_objective_form;
pub mod target_change_dialog;
pub mod target_field;
pub mod target_history;

pub use action_form::ActionForm;
pub use kpi_form::KpiForm;
pub use objective_form::ObjectiveForm;
pub use scorecard_form::ScorecardForm;
pub use sub_objective_form::SubObjectiveForm;
