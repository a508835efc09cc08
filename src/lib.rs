//! Social Media Scorecard: a Balanced-Scorecard tool for steering social media from
//! strategy to measured results.
//!
//! `model` is pure Rust (types, commands, scoring, validation, file format) and is tested
//! natively; `ui`, `storage` and `browser` exist only on `wasm32` and stay thin over it.

pub mod charts;
pub mod coach;
pub mod format;
pub mod history;
pub mod library;
pub mod linkify;
pub mod map_geometry;
pub mod measurement_io;
pub mod model;
pub mod share;
pub mod stress;
pub mod workshop_steps;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod perf_marks;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
