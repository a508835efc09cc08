//! The browser suite (wasm-bindgen-test in headless Chromium), one test binary: components
//! mounted into the page, charts on a real canvas, and the localStorage adapter against the
//! browser's storage. Run by `scripts/test.sh` (`cargo test --target wasm32-unknown-unknown
//! --test browser`). One binary, not one per module: each wasm test binary is linked and
//! started in a browser of its own, which cost most of this stage's time.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod charts;
mod dashboard;
mod hand_out;
mod kpi_formula;
mod map;
mod platform_import;
mod report;
mod review;
mod series;
mod shell;
mod storage;
mod target_change;
mod why_score;
