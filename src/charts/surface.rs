//! The canvas as a drawing surface: HiDPI sizing, drawing any [`ChartSpec`], and saving the
//! drawing as a PNG file.

use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::error::ChartError;
use super::mapping::PlotMapping;
use super::spec::ChartSpec;
use super::theme::ChartTheme;

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

/// Draws any chart into the canvas; returns the mapping from data to canvas pixels.
pub fn draw_spec(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    theme: &ChartTheme,
) -> Result<PlotMapping, ChartError> {
    match spec {
        ChartSpec::Kpi(data) => super::draw_kpi_chart(canvas, data, theme),
        ChartSpec::Sparkline(data) => super::draw_sparkline(canvas, data, theme),
        ChartSpec::FactorTrend(history) => super::draw_factor_trend(canvas, history, theme),
        ChartSpec::FactorBars(bars) => super::draw_factor_bars(canvas, bars, theme),
    }
}

/// The canvas's drawing as a `data:image/png;base64,…` URL.
pub fn canvas_png_data_url(canvas: &HtmlCanvasElement) -> Result<String, ChartError> {
    canvas
        .to_data_url_with_type("image/png")
        .map_err(|e| ChartError::Browser(format!("{e:?}")))
}

/// Offers a data URL for download under `file_name` (through a temporary link).
pub fn download_data_url(url: &str, file_name: &str) -> Result<(), ChartError> {
    let browser = |e: wasm_bindgen::JsValue| ChartError::Browser(format!("{e:?}"));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| ChartError::Browser("no document".into()))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(browser)?
        .dyn_into()
        .map_err(|_| ChartError::Browser("not a link".into()))?;
    link.set_href(url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| ChartError::Browser("no body".into()))?;
    body.append_child(&link).map_err(browser)?;
    link.click();
    link.remove();
    Ok(())
}
