//! The Leptos user interface: thin views over [`crate::model`]. One component a file.

mod app;
mod header;
mod quadrant;
mod state;
mod strategy_band;
mod texts;

pub use app::App;
pub use app::ScorecardApp;
pub use state::AppState;
pub use texts::{Text, t};
