//! The KPI chart: status zones, the target as steps over time, the baseline, and the
//! measurements (or a calculated KPI's values per period) as a line with dots — a value "so
//! far" as a hollow ring; dates on the x axis, the unit on the y axis.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::i18n::format::format_number;

use super::data::{KpiChartData, date_of_day};
use super::draw_common::{color, day, err, font, legend, line, mapping, no_data_text, open, px};
use super::error::ChartError;
use super::labels;
use super::mapping::PlotMapping;
use super::spec::{PointMarker, point_marker, values_label};
use super::theme::ChartTheme;

/// Draws a KPI chart into the canvas (sized first to its CSS size × `theme.dpr`). Returns
/// the mapping from (day number, value) to canvas pixels.
pub fn draw_kpi_chart(
    canvas: &HtmlCanvasElement,
    data: &KpiChartData,
    theme: &ChartTheme,
) -> Result<PlotMapping, ChartError> {
    let root = open(canvas, theme)?;
    let lang = data.lang;
    let x = (day(data.x_range.0), day(data.x_range.1));
    let y = data.y_range;
    let span = data.x_range.0.days_until(data.x_range.1);
    let ticks: Vec<i64> = labels::date_ticks(data.x_range.0, data.x_range.1)
        .into_iter()
        .map(day)
        .collect();
    // Room for a second legend row when the expected path and the forecast add entries.
    let review_lines =
        usize::from(!data.expected.is_empty()) + usize::from(!data.forecast.is_empty());
    let top = if review_lines > 0 { 42.0 } else { 26.0 };
    let mut chart = ChartBuilder::on(&root)
        .margin_top(px(theme, top))
        .margin_right(px(theme, 14.0))
        .margin_left(px(theme, 4.0))
        .margin_bottom(px(theme, 4.0))
        .x_label_area_size(px(theme, 26.0))
        .y_label_area_size(px(theme, 62.0))
        .build_cartesian_2d((x.0..x.1).with_key_points(ticks), y.0..y.1)
        .map_err(err)?;
    chart
        .draw_series(data.zones.iter().map(|z| {
            Rectangle::new(
                [(day(z.from), z.high), (day(z.to), z.low)],
                color(theme.status(z.status)).mix(0.14).filled(),
            )
        }))
        .map_err(err)?;
    let x_label = |d: &i64| labels::axis_date(date_of_day(*d as f64), span, lang);
    let y_label = |v: &f64| format_number(*v, lang);
    chart
        .configure_mesh()
        .y_labels(6)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .y_desc(data.unit.clone())
        .label_style(font(theme, 12.0, theme.muted))
        .axis_desc_style(font(theme, 12.0, theme.muted))
        .axis_style(line(theme.muted, theme, 1.0))
        .bold_line_style(line(theme.grid, theme, 1.0))
        .light_line_style(TRANSPARENT)
        .set_all_tick_mark_size(px(theme, 4.0))
        .draw()
        .map_err(err)?;
    let mut entries = vec![(values_label(data).to_string(), theme.data)];
    if let Some(b) = data.baseline {
        chart
            .draw_series(LineSeries::new(
                [(x.0, b), (x.1, b)],
                line(theme.muted, theme, 1.0),
            ))
            .map_err(err)?;
        entries.push((labels::baseline(lang).to_string(), theme.muted));
    }
    if !data.targets.is_empty() {
        for step in &data.targets {
            chart
                .draw_series(LineSeries::new(
                    [(day(step.from), step.value), (day(step.to), step.value)],
                    line(theme.target, theme, 2.0),
                ))
                .map_err(err)?;
        }
        entries.push((labels::target(lang).to_string(), theme.target));
    }
    let dashes = |line_points: &[(crate::model::Date, f64)], rgb, width: f64| {
        DashedLineSeries::new(
            line_points
                .iter()
                .map(|(d, v)| (day(*d), *v))
                .collect::<Vec<_>>(),
            px(theme, 7.0),
            px(theme, 5.0),
            line(rgb, theme, width),
        )
    };
    if !data.expected.is_empty() {
        chart
            .draw_series(dashes(&data.expected, theme.target, 1.5))
            .map_err(err)?;
        entries.push((labels::expected(lang).to_string(), theme.target));
    }
    if !data.forecast.is_empty() {
        chart
            .draw_series(dashes(&data.forecast, theme.data, 1.5))
            .map_err(err)?;
        entries.push((labels::forecast(lang).to_string(), theme.data));
    }
    let points: Vec<(i64, f64)> = data.points.iter().map(|p| (day(p.date), p.value)).collect();
    chart
        .draw_series(LineSeries::new(
            points.iter().copied(),
            line(theme.data, theme, 2.0),
        ))
        .map_err(err)?;
    let radius = px(theme, 3.5);
    let (filled, hollow): (Vec<_>, Vec<_>) = data
        .points
        .iter()
        .zip(&points)
        .partition(|(p, _)| point_marker(p) == PointMarker::Filled);
    chart
        .draw_series(
            filled
                .iter()
                .map(|(_, at)| Circle::new(**at, radius, color(theme.data).filled())),
        )
        .map_err(err)?;
    // A ring: the background inside (hiding the line), the outline in the data colour.
    chart
        .draw_series(hollow.iter().flat_map(|(_, at)| {
            [
                Circle::new(**at, radius, color(theme.background).filled()),
                Circle::new(**at, radius, line(theme.data, theme, 1.5)),
            ]
        }))
        .map_err(err)?;
    let map = mapping(&chart, x, y, 1.0);
    legend(&root, theme, &entries, map.x_px.0)?;
    if data.points.is_empty() {
        no_data_text(&root, theme, &map, lang)?;
    }
    root.present().map_err(err)?;
    Ok(map)
}
