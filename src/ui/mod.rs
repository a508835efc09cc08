//! The Leptos user interface: thin views over [`crate::model`]. One component a file.

mod app;
pub mod chart_canvas;
mod coach_panel;
mod editor;
mod fields;
mod header;
mod help_overlay;
mod language_switch;
mod linked_text;
mod notice_bar;
mod projector;
mod quadrant;
mod shortcuts;
mod side_panel;
mod state;
mod status_badge;
mod strategy_band;
mod texts;

pub use app::{App, ScorecardApp};
pub use state::{AppState, Notice, Selection, View};
pub use status_badge::{status_key, status_words};
pub use texts::{APP_NAME, tr};
mod map_connectors;
pub mod strategy_map;
pub use strategy_map::StrategyMap;
