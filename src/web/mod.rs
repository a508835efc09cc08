//! Everything that touches the browser outside Leptos: the clock and the browser's language,
//! the localStorage adapter, files (download, read) and User Timing marks. Only on `wasm32`;
//! the layers below never call it, so they compile and test natively.

pub mod browser;
pub mod files;
pub mod perf_marks;
pub mod storage;
