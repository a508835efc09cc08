//! The bar chart of the factors' current scores, each bar in its status colour, against the
//! amber threshold and 100 %.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::draw_common::{SCORE_AXIS_TOP, color, err, font, line, mapping, open, px};
use super::error::ChartError;
use super::labels;
use super::mapping::PlotMapping;
use super::theme::ChartTheme;
use super::trend::FactorBars;

/// Half the width of a bar, in bar slots (a slot is 1 wide).
pub const BAR_HALF_WIDTH: f64 = 0.3;
/// x units per bar slot (the x axis counts in hundredths of a slot).
const SLOT: i64 = 100;

/// Draws the factors' scores as bars (sized first to the canvas's CSS size × `theme.dpr`).
/// Bar `i` is centred on x = `i`; returns the mapping from (x, score) to canvas pixels.
pub fn draw_factor_bars(
    canvas: &HtmlCanvasElement,
    bars: &FactorBars,
    theme: &ChartTheme,
) -> Result<PlotMapping, ChartError> {
    let root = open(canvas, theme)?;
    let n = bars.bars.len().max(1) as i64;
    let x = (-SLOT / 2, n * SLOT - SLOT / 2);
    let y = (0.0, SCORE_AXIS_TOP);
    let ticks: Vec<i64> = (0..n).map(|i| i * SLOT).collect();
    let mut chart = ChartBuilder::on(&root)
        .margin_top(px(theme, 10.0))
        .margin_right(px(theme, 14.0))
        .margin_left(px(theme, 4.0))
        .margin_bottom(px(theme, 4.0))
        .x_label_area_size(px(theme, 26.0))
        .y_label_area_size(px(theme, 48.0))
        .build_cartesian_2d((x.0..x.1).with_key_points(ticks), y.0..y.1)
        .map_err(err)?;
    let x_label = |v: &i64| {
        usize::try_from(v / SLOT)
            .ok()
            .filter(|_| v % SLOT == 0)
            .and_then(|i| bars.bars.get(i))
            .map(|b| b.label.clone())
            .unwrap_or_default()
    };
    let y_label = |v: &f64| labels::axis_percent(*v);
    chart
        .configure_mesh()
        .y_labels(6)
        .disable_x_mesh()
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .label_style(font(theme, 12.0, theme.muted))
        .axis_style(line(theme.muted, theme, 1.0))
        .bold_line_style(line(theme.grid, theme, 1.0))
        .light_line_style(TRANSPARENT)
        .set_all_tick_mark_size(px(theme, 4.0))
        .draw()
        .map_err(err)?;
    chart
        .draw_series(bars.bars.iter().enumerate().filter_map(|(i, bar)| {
            let value = bar.score.value?.clamp(0.0, SCORE_AXIS_TOP);
            let centre = i as i64 * SLOT;
            let half = (BAR_HALF_WIDTH * SLOT as f64) as i64;
            Some(Rectangle::new(
                [(centre - half, value), (centre + half, 0.0)],
                color(theme.status(bar.score.status)).filled(),
            ))
        }))
        .map_err(err)?;
    for (level, rgb) in [(bars.amber_threshold, theme.amber), (1.0, theme.green)] {
        chart
            .draw_series(LineSeries::new(
                [(x.0, level), (x.1, level)],
                line(rgb, theme, 1.0),
            ))
            .map_err(err)?;
    }
    let map = mapping(&chart, x, y, 1.0 / SLOT as f64);
    root.present().map_err(err)?;
    Ok(map)
}
