//! Pieces every view uses: fields and their bindings to the model, labels, status badges,
//! chart canvases, linked text, the KPI library picker, the store for many-item views and
//! "Why this score?" (its button and its dialog).

pub mod action_binding;
pub mod chart_canvas;
pub mod field_edit;
pub mod fields;
pub mod kpi_binding;
pub mod kpi_chart;
pub mod kpi_library_picker;
pub mod kpi_movement;
pub mod labels;
pub mod linked_text;
pub mod modal;
pub mod objective_binding;
pub mod part_view;
pub mod scorecard_binding;
pub mod status_badge;
pub mod view_store;
pub mod why_button;
pub mod why_score;
