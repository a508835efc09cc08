//! Draws any [`ChartSpec`] into a canvas: the one entry point over the four drawings.

use web_sys::HtmlCanvasElement;

use super::draw_bars::draw_factor_bars;
use super::draw_kpi::draw_kpi_chart;
use super::draw_sparkline::draw_sparkline;
use super::draw_trend::draw_factor_trend;
use super::error::ChartError;
use super::mapping::PlotMapping;
use super::spec::ChartSpec;
use super::theme::ChartTheme;

/// Draws any chart into the canvas; returns the mapping from data to canvas pixels.
pub fn draw_spec(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    theme: &ChartTheme,
) -> Result<PlotMapping, ChartError> {
    match spec {
        ChartSpec::Kpi(data) => draw_kpi_chart(canvas, data, theme),
        ChartSpec::Sparkline(data) => draw_sparkline(canvas, data, theme),
        ChartSpec::FactorTrend(history) => draw_factor_trend(canvas, history, theme),
        ChartSpec::FactorBars(bars) => draw_factor_bars(canvas, bars, theme),
    }
}
