//! The shell around the views: the app component, the header and its controls, the route
//! (URL fragment), keyboard shortcuts, projector mode, banners, dialogs and notices.

pub mod as_of_control;
pub mod banners;
pub mod coach_panel;
pub mod dialogs;
pub mod file_buttons;
pub mod group_banner;
pub mod header;
pub mod header_menu;
pub mod help_overlay;
pub mod language_switch;
pub mod notice_bar;
pub mod offline;
pub mod parts;
pub mod projector;
pub mod route;
pub mod saved_indicator;
pub mod shell;
pub mod shortcuts;
pub mod welcome;
