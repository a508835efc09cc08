//! The mapping from chart coordinates (x: day number or bar index, y: value) to canvas pixels
//! that a drawn chart used; returned by the draw functions so callers and tests can find
//! where a value was drawn.

/// How a chart's plotting area maps data to canvas pixels (in canvas attribute pixels, i.e.
/// CSS pixels × device pixel ratio).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct PlotMapping {
    /// The data range of the x axis (left, right).
    pub x_range: (f64, f64),
    /// The data range of the y axis (bottom, top).
    pub y_range: (f64, f64),
    /// The pixel columns of `x_range.0` and `x_range.1`.
    pub x_px: (i32, i32),
    /// The pixel rows of `y_range.0` (bottom) and `y_range.1` (top).
    pub y_px: (i32, i32),
}

impl PlotMapping {
    /// The pixel of a data point, computed as the drawing library does (linear, rounded down).
    pub fn to_pixel(&self, x: f64, y: f64) -> (i32, i32) {
        (
            map(x, self.x_range, self.x_px),
            map(y, self.y_range, self.y_px),
        )
    }
}

fn map(v: f64, range: (f64, f64), px: (i32, i32)) -> i32 {
    if range.1 == range.0 {
        return (px.1 - px.0) / 2;
    }
    let logic = (v - range.0) / (range.1 - range.0);
    let length = f64::from(px.1 - px.0);
    if length >= 0.0 {
        px.0 + (length * logic + 1e-3).floor() as i32
    } else {
        px.0 + (length * logic - 1e-3).ceil() as i32
    }
}
