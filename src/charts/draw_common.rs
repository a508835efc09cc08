//! What the chart drawings share: opening a canvas at its HiDPI size, colours, fonts, the
//! legend row and the coordinate mapping they return.

use plotters::coord::Shift;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::{RangedCoordf64, RangedCoordi64};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::canvas::fit_canvas;
use super::error::ChartError;
use super::labels;
use super::mapping::PlotMapping;
use super::theme::{ChartTheme, Rgb};

/// The root drawing area of a canvas.
pub(crate) type Area = DrawingArea<CanvasBackend, Shift>;
/// A chart with a whole-number x axis (day numbers, or bar slots × 100) with chosen labels
/// and a numeric y axis.
pub(crate) type Chart<'a> =
    ChartContext<'a, CanvasBackend, Cartesian2d<WithKeyPoints<RangedCoordi64>, RangedCoordf64>>;

/// Sizes the canvas to its CSS size × the theme's device pixel ratio and clears it to the
/// background colour.
pub(crate) fn open(canvas: &HtmlCanvasElement, theme: &ChartTheme) -> Result<Area, ChartError> {
    fit_canvas(canvas, theme.dpr, theme.css_size);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or(ChartError::NoContext)?;
    let root = backend.into_drawing_area();
    root.fill(&color(theme.background)).map_err(err)?;
    Ok(root)
}

/// A drawing-library error as a [`ChartError`].
pub(crate) fn err(e: impl std::fmt::Display) -> ChartError {
    ChartError::Drawing(e.to_string())
}

/// A theme colour for plotters.
pub(crate) fn color(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

/// A solid line of `css_width` CSS pixels.
pub(crate) fn line(rgb: Rgb, theme: &ChartTheme, css_width: f64) -> ShapeStyle {
    color(rgb).stroke_width(px(theme, css_width))
}

/// CSS pixels as whole canvas pixels (at least 1).
pub(crate) fn px(theme: &ChartTheme, css: f64) -> u32 {
    theme.px(css).round().max(1.0) as u32
}

/// The chart font at `css_size` CSS pixels in a colour.
pub(crate) fn font(theme: &ChartTheme, css_size: f64, rgb: Rgb) -> TextStyle<'static> {
    ("sans-serif", theme.px(css_size))
        .into_font()
        .color(&color(rgb))
}

/// The mapping a chart uses from data to canvas pixels; `x_scale` data units per x unit.
pub(crate) fn mapping(
    chart: &Chart<'_>,
    x: (i64, i64),
    y: (f64, f64),
    x_scale: f64,
) -> PlotMapping {
    let (x0, y0) = chart.backend_coord(&(x.0, y.0));
    let (x1, y1) = chart.backend_coord(&(x.1, y.1));
    PlotMapping {
        x_range: (x.0 as f64 * x_scale, x.1 as f64 * x_scale),
        y_range: y,
        x_px: (x0, x1),
        y_px: (y0, y1),
    }
}

/// Draws a row of legend entries (a short line in the entry's colour, then its label) at the
/// top left of the canvas, within `top` canvas pixels.
pub(crate) fn legend(
    root: &Area,
    theme: &ChartTheme,
    entries: &[(String, Rgb)],
    left: i32,
) -> Result<(), ChartError> {
    let style = font(theme, 12.0, theme.text);
    let y = theme.px(10.0).round() as i32;
    let swatch = theme.px(18.0).round() as i32;
    let gap = theme.px(6.0).round() as i32;
    let mut x = left;
    let mut y = y;
    let right = root.dim_in_pixel().0 as i32 - gap;
    for (label, rgb) in entries {
        let w = text_width(label, theme.px(12.0));
        // An entry that does not fit goes to the next row (a chart with many lines on a
        // narrow canvas; the caller leaves room for two rows then).
        if x > left && x + swatch + gap + w as i32 > right {
            x = left;
            y += theme.px(16.0).round() as i32;
        }
        root.draw(&PathElement::new(
            vec![(x, y), (x + swatch, y)],
            line(*rgb, theme, 2.5),
        ))
        .map_err(err)?;
        x += swatch + gap;
        root.draw(&Text::new(
            label.clone(),
            (x, y),
            style.pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Left,
                plotters::style::text_anchor::VPos::Center,
            )),
        ))
        .map_err(err)?;
        x += w as i32 + 3 * gap;
    }
    Ok(())
}

/// The width in canvas pixels of `text` in the chart font at `size` canvas pixels, measured
/// with a 2D context. (Plotters' own text measurement puts a `<span>` with an inline `style`
/// attribute into the page, which the Content-Security-Policy forbids.)
fn text_width(text: &str, size: f64) -> u32 {
    use wasm_bindgen::JsCast;
    thread_local! {
        static CONTEXT: Option<web_sys::CanvasRenderingContext2d> = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    }
    CONTEXT.with(|context| {
        let Some(context) = context else {
            // No context to measure with: a rough width, half the size per character.
            return (text.chars().count() as f64 * size * 0.5).round() as u32;
        };
        context.set_font(&format!("normal {size}px sans-serif"));
        context
            .measure_text(text)
            .map_or(0.0, |m| m.width())
            .max(0.0)
            .round() as u32
    })
}

/// The x coordinate of a date: its day number.
pub(crate) fn day(date: crate::model::Date) -> i64 {
    super::data::day_number(date) as i64
}

/// The top of the score axis: a little above 100 %.
pub(crate) const SCORE_AXIS_TOP: f64 = 1.05;

/// "No data" in the middle of the plotting area.
pub(crate) fn no_data_text(
    root: &Area,
    theme: &ChartTheme,
    map: &PlotMapping,
    lang: crate::model::Lang,
) -> Result<(), ChartError> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let center = ((map.x_px.0 + map.x_px.1) / 2, (map.y_px.0 + map.y_px.1) / 2);
    root.draw(&Text::new(
        labels::no_data(lang).to_string(),
        center,
        font(theme, 14.0, theme.muted).pos(Pos::new(HPos::Center, VPos::Center)),
    ))
    .map_err(err)
}
