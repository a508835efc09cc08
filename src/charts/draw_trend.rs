//! The trend chart: each factor's score and the overall score over time, against the amber
//! threshold and 100 %.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::data::date_of_day;
use super::draw_common::{
    SCORE_AXIS_TOP, color, day, err, font, legend, line, mapping, no_data_text, open, px,
};
use super::error::ChartError;
use super::labels;
use super::mapping::PlotMapping;
use super::theme::ChartTheme;
use super::trend::ScoreHistory;

/// Draws the factor and overall scores over time (sized first to the canvas's CSS size ×
/// `theme.dpr`). Returns the mapping from (day number, score) to canvas pixels.
pub fn draw_factor_trend(
    canvas: &HtmlCanvasElement,
    history: &ScoreHistory,
    theme: &ChartTheme,
) -> Result<PlotMapping, ChartError> {
    let root = open(canvas, theme)?;
    let lang = history.lang;
    let (first, last) = match (history.dates.first(), history.dates.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => {
            let today = crate::model::Date::default();
            (today, today)
        }
    };
    let (from, to) = if first.days_until(last) < 14 {
        (first.add_days(-7), last.add_days(7))
    } else {
        let pad = (first.days_until(last) / 33).max(1);
        (first.add_days(-pad), last.add_days(pad))
    };
    let span = from.days_until(to);
    let x = (day(from), day(to));
    let y = (0.0, SCORE_AXIS_TOP);
    let ticks: Vec<i64> = labels::date_ticks(from, to).into_iter().map(day).collect();
    let mut chart = ChartBuilder::on(&root)
        .margin_top(px(theme, 26.0))
        .margin_right(px(theme, 14.0))
        .margin_left(px(theme, 4.0))
        .margin_bottom(px(theme, 4.0))
        .x_label_area_size(px(theme, 26.0))
        .y_label_area_size(px(theme, 48.0))
        .build_cartesian_2d((x.0..x.1).with_key_points(ticks), y.0..y.1)
        .map_err(err)?;
    let x_label = |d: &i64| labels::axis_date(date_of_day(*d as f64), span, lang);
    let y_label = |v: &f64| labels::axis_percent(*v);
    chart
        .configure_mesh()
        .y_labels(6)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .label_style(font(theme, 12.0, theme.muted))
        .axis_style(line(theme.muted, theme, 1.0))
        .bold_line_style(line(theme.grid, theme, 1.0))
        .light_line_style(TRANSPARENT)
        .set_all_tick_mark_size(px(theme, 4.0))
        .draw()
        .map_err(err)?;
    for (level, rgb) in [(history.amber_threshold, theme.amber), (1.0, theme.green)] {
        chart
            .draw_series(LineSeries::new(
                [(x.0, level), (x.1, level)],
                line(rgb, theme, 1.0),
            ))
            .map_err(err)?;
    }
    let mut entries = Vec::new();
    for series in &history.series {
        let rgb = theme.series(series.factor);
        let width = if series.factor.is_none() { 3.0 } else { 2.0 };
        let points: Vec<Option<(i64, f64)>> = history
            .dates
            .iter()
            .zip(&series.values)
            .map(|(d, v)| v.map(|v| (day(*d), v.clamp(0.0, SCORE_AXIS_TOP))))
            .collect();
        for run in points.split(Option::is_none) {
            let run: Vec<(i64, f64)> = run.iter().flatten().copied().collect();
            chart
                .draw_series(LineSeries::new(run, line(rgb, theme, width)))
                .map_err(err)?;
        }
        let radius = px(theme, 3.0);
        chart
            .draw_series(
                points
                    .iter()
                    .flatten()
                    .map(|p| Circle::new(*p, radius, color(rgb).filled())),
            )
            .map_err(err)?;
        entries.push((series.label.clone(), rgb));
    }
    let map = mapping(&chart, x, y, 1.0);
    legend(&root, theme, &entries, map.x_px.0)?;
    if history.dates.is_empty() {
        no_data_text(&root, theme, &map, lang)?;
    }
    root.present().map_err(err)?;
    Ok(map)
}
