//! The canvas as a drawing surface: HiDPI sizing and the drawing as a PNG data URL.

use web_sys::HtmlCanvasElement;

use super::error::ChartError;

/// Sets the canvas's `width` and `height` attributes to its CSS size × `dpr`, so drawing is
/// sharp on HiDPI screens (the drawing backend draws in attribute pixels). The CSS size is
/// `css_size` when given, else read from the page (which makes the browser lay out the page
/// first). Attributes are only written when they change (writing them clears the canvas). A
/// canvas without a CSS size (not in the page, or hidden) keeps its attributes. Returns the
/// attribute size.
pub fn fit_canvas(
    canvas: &HtmlCanvasElement,
    dpr: f64,
    css_size: Option<(f64, f64)>,
) -> (u32, u32) {
    let (css_w, css_h) = css_size.unwrap_or_else(|| {
        (
            f64::from(canvas.client_width()),
            f64::from(canvas.client_height()),
        )
    });
    if css_w < 1.0 || css_h < 1.0 {
        return (canvas.width(), canvas.height());
    }
    // Whole CSS pixels first, as `clientWidth` reports them.
    let scale = |css: f64| (css.round() * dpr).round().max(1.0) as u32;
    let (w, h) = (scale(css_w), scale(css_h));
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    (w, h)
}

/// The canvas's drawing as a `data:image/png;base64,…` URL.
pub fn canvas_png_data_url(canvas: &HtmlCanvasElement) -> Result<String, ChartError> {
    canvas
        .to_data_url_with_type("image/png")
        .map_err(|e| ChartError::Browser(format!("{e:?}")))
}
