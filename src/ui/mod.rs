//! The Leptos user interface: thin views over the layers below. Inside it, four rooms, each
//! importing only from the rooms before it:
//!
//! - [`session`]: the running app's state ([`AppState`]) and keeping work in the browser
//!   (start-up, autosave, other tabs, the library's operations, files, share links);
//! - [`widgets`]: pieces every view uses (fields and their bindings, status badges, charts,
//!   dialogs);
//! - [`views`]: one folder per screen (scorecard, map, dashboard, library, workshop, print)
//!   and the side panel's editor;
//! - [`app`]: the shell around the views: header, routes, shortcuts, banners, notices.
//!
//! One component or concern a file.

pub mod app;
pub mod session;
pub mod views;
pub mod widgets;

pub use app::shell::{App, ScorecardApp};
pub use session::state::{AppState, Notice, Selection, View};
pub use views::map::strategy_map::StrategyMap;
