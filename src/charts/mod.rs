//! Charts of KPIs and factor scores.
//!
//! The data of each chart (series, target steps, status zones, score history, axis ranges,
//! text alternative) is prepared by pure code that compiles and is tested natively; the
//! drawing (plotters on an HTML canvas), HiDPI sizing and PNG export exist only on `wasm32`.

pub mod data;
pub mod error;
pub mod labels;
pub mod map_geometry;
pub mod mapping;
pub mod review_lines;
pub mod spec;
pub mod theme;
pub mod trend;

#[cfg(target_arch = "wasm32")]
pub mod canvas;
#[cfg(target_arch = "wasm32")]
pub mod draw;
#[cfg(target_arch = "wasm32")]
pub mod draw_bars;
#[cfg(target_arch = "wasm32")]
mod draw_common;
#[cfg(target_arch = "wasm32")]
pub mod draw_kpi;
#[cfg(target_arch = "wasm32")]
pub mod draw_sparkline;
#[cfg(target_arch = "wasm32")]
pub mod draw_trend;

pub use data::{
    ChartPoint, KpiChartData, TargetStep, Zone, date_of_day, day_number, kpi_chart_data,
};
pub use error::ChartError;
pub use mapping::PlotMapping;
pub use spec::{ChartSpec, DataTable};
pub use theme::{ChartTheme, Rgb};
pub use trend::{FactorBar, FactorBars, ScoreHistory, ScoreSeries, factor_bars, score_history};

#[cfg(target_arch = "wasm32")]
pub use canvas::{canvas_png_data_url, fit_canvas};
#[cfg(target_arch = "wasm32")]
pub use draw::draw_spec;
#[cfg(target_arch = "wasm32")]
pub use draw_bars::draw_factor_bars;
#[cfg(target_arch = "wasm32")]
pub use draw_kpi::draw_kpi_chart;
#[cfg(target_arch = "wasm32")]
pub use draw_sparkline::draw_sparkline;
#[cfg(target_arch = "wasm32")]
pub use draw_trend::draw_factor_trend;
