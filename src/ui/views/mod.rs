//! The screens, one folder each, and the side panel's editor.

pub mod dashboard;
pub mod editor;
pub mod library;
pub mod map;
pub mod merge;
pub mod platform_import;
pub mod print;
pub mod report;
pub mod review;
pub mod scorecard;
pub mod series;
pub mod workshop;
