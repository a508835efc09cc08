//! A sparkline: a KPI's measurements and target in a small canvas, without axes or labels.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::data::KpiChartData;
use super::draw_common::{color, day, err, line, mapping, open, px};
use super::error::ChartError;
use super::mapping::PlotMapping;
use super::theme::ChartTheme;

/// Draws a sparkline of a KPI (sized first to its CSS size × `theme.dpr`): the target steps
/// thin, the measurements as a line, the latest one as a dot. Returns the mapping used.
pub fn draw_sparkline(
    canvas: &HtmlCanvasElement,
    data: &KpiChartData,
    theme: &ChartTheme,
) -> Result<PlotMapping, ChartError> {
    let root = open(canvas, theme)?;
    let x = (day(data.x_range.0), day(data.x_range.1));
    let y = data.y_range;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(theme, 3.0))
        .build_cartesian_2d((x.0..x.1).with_key_points(Vec::new()), y.0..y.1)
        .map_err(err)?;
    for step in &data.targets {
        chart
            .draw_series(LineSeries::new(
                [(day(step.from), step.value), (day(step.to), step.value)],
                line(theme.target, theme, 2.0),
            ))
            .map_err(err)?;
    }
    let points: Vec<(i64, f64)> = data.points.iter().map(|p| (day(p.date), p.value)).collect();
    chart
        .draw_series(LineSeries::new(
            points.iter().copied(),
            line(theme.data, theme, 1.5),
        ))
        .map_err(err)?;
    if let Some(last) = points.last() {
        chart
            .draw_series([Circle::new(
                *last,
                px(theme, 2.5),
                color(theme.data).filled(),
            )])
            .map_err(err)?;
    }
    let map = mapping(&chart, x, y, 1.0);
    root.present().map_err(err)?;
    Ok(map)
}
