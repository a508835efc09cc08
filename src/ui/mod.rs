//! The Leptos user interface: thin views over [`crate::model`]. One component a file.

mod app;
mod as_of_control;
pub mod chart_canvas;
mod coach_panel;
mod dashboard;
mod editor;
mod field_edit;
mod fields;
mod header;
mod help_overlay;
mod kpi_binding;
mod kpi_chart;
mod language_switch;
mod linked_text;
pub mod measurement_import;
mod notice_bar;
pub mod offline;
mod print_view;
mod projector;
mod quadrant;
mod shortcuts;
mod side_panel;
mod state;
mod status_badge;
mod strategy_band;
mod texts;
pub(crate) mod words;
pub mod workshop;

mod banners;
mod card_store;
mod dialogs;
pub mod file_io;
mod library_view;
pub mod persistence;
mod saved_indicator;
mod view_store;

pub use app::{App, ScorecardApp};
pub use state::{AppState, Notice, Selection, View};
pub use status_badge::{status_key, status_words};
pub use texts::{APP_NAME, tr};
mod map_connectors;
pub mod strategy_map;
pub use strategy_map::StrategyMap;
