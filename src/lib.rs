//! Social Media Scorecard: a Balanced-Scorecard tool for steering social media from
//! strategy to measured results.
//!
//! The crate is built in layers; a module imports only from its own layer and those below it
//! (`tests/layers.rs` keeps it so, `docs/architecture.md` explains each layer):
//!
//! | layer | what | compiles |
//! |---|---|---|
//! | [`model`] | the scorecard: types, commands, undo, scoring, validation, file format | everywhere |
//! | [`i18n`] | both languages: words, number and date formats, messages | everywhere |
//! | [`method`], [`exchange`], [`charts`], [`library`] | what the method asks; text in and out; chart data and drawing; the library of scorecards | everywhere (chart drawing on `wasm32`) |
//! | `web` | the browser outside Leptos: storage, files, clocks, perf marks | `wasm32` |
//! | `ui` | the Leptos interface, thin over the layers below | `wasm32` |

pub mod model;

pub mod i18n;

pub mod charts;
pub mod exchange;
pub mod library;
pub mod method;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub mod ui;
