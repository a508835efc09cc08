//! Chart colours for the light and dark themes (the app's palette), and the device pixel
//! ratio the chart is drawn at.

use crate::model::{FactorKind, score::Status};

/// A colour as red, green and blue.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// How a chart looks: colours and the device pixel ratio (line widths and fonts scale by it).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct ChartTheme {
    /// Whether this is the dark theme.
    pub dark: bool,
    /// Canvas pixels per CSS pixel (`window.devicePixelRatio`).
    pub dpr: f64,
    /// The canvas's CSS size when the caller knows it (from a `ResizeObserver`), so drawing
    /// need not read it from the page, which forces a layout; `None` reads it.
    pub css_size: Option<(f64, f64)>,
    /// Background of the chart.
    pub background: Rgb,
    /// Text and axes.
    pub text: Rgb,
    /// Secondary text and the baseline.
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// The measured values.
    pub data: Rgb,
    /// The target line.
    pub target: Rgb,
    /// Green status.
    pub green: Rgb,
    /// Amber status.
    pub amber: Rgb,
    /// Red status.
    pub red: Rgb,
    /// Grey status.
    pub grey: Rgb,
    /// The four factors, in their fixed order.
    pub factors: [Rgb; 4],
}

impl ChartTheme {
    /// The light theme at a device pixel ratio.
    pub fn light(dpr: f64) -> ChartTheme {
        ChartTheme {
            dark: false,
            dpr: sane_dpr(dpr),
            css_size: None,
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x14, 0x19, 0x2b),
            muted: Rgb(0x4a, 0x52, 0x70),
            grid: Rgb(0xe3, 0xe7, 0xf0),
            data: Rgb(0x1f, 0x4f, 0xd1),
            target: Rgb(0x14, 0x19, 0x2b),
            green: Rgb(0x0f, 0x6b, 0x32),
            amber: Rgb(0x7a, 0x4e, 0x00),
            red: Rgb(0xb0, 0x21, 0x2a),
            grey: Rgb(0x52, 0x58, 0x66),
            factors: [
                Rgb(0x1f, 0x7a, 0xe0),
                Rgb(0x0f, 0x8a, 0x5f),
                Rgb(0xb7, 0x66, 0x1b),
                Rgb(0x8a, 0x3c, 0xcf),
            ],
        }
    }

    /// The dark theme at a device pixel ratio.
    pub fn dark(dpr: f64) -> ChartTheme {
        ChartTheme {
            dark: true,
            dpr: sane_dpr(dpr),
            css_size: None,
            background: Rgb(0x17, 0x1c, 0x2c),
            text: Rgb(0xee, 0xf1, 0xfa),
            muted: Rgb(0xaa, 0xb2, 0xcc),
            grid: Rgb(0x2e, 0x35, 0x50),
            data: Rgb(0x7e, 0xa2, 0xff),
            target: Rgb(0xee, 0xf1, 0xfa),
            green: Rgb(0x4a, 0xde, 0x80),
            amber: Rgb(0xfb, 0xbf, 0x24),
            red: Rgb(0xf8, 0x71, 0x71),
            grey: Rgb(0x9c, 0xa3, 0xaf),
            factors: [
                Rgb(0x6f, 0xb1, 0xff),
                Rgb(0x4f, 0xd1, 0xa0),
                Rgb(0xf0, 0xa4, 0x5c),
                Rgb(0xc9, 0x9b, 0xff),
            ],
        }
    }

    /// The colour of a status.
    pub fn status(&self, status: Status) -> Rgb {
        match status {
            Status::Green => self.green,
            Status::Amber => self.amber,
            Status::Red => self.red,
            Status::Grey => self.grey,
        }
    }

    /// The colour of a factor's line, or of the overall line (`None`).
    pub fn series(&self, factor: Option<FactorKind>) -> Rgb {
        match factor {
            Some(kind) => {
                let i = FactorKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
                self.factors[i]
            }
            None => self.text,
        }
    }

    /// This theme for a canvas of a known CSS size.
    pub fn with_css_size(self, width: f64, height: f64) -> ChartTheme {
        ChartTheme {
            css_size: Some((width, height)),
            ..self
        }
    }

    /// A length in CSS pixels as canvas pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }

    /// The theme the browser asks for (`prefers-color-scheme: dark`) at the window's device
    /// pixel ratio.
    #[cfg(target_arch = "wasm32")]
    pub fn from_browser() -> ChartTheme {
        let window = web_sys::window();
        let dpr = window.as_ref().map_or(1.0, |w| w.device_pixel_ratio());
        if prefers_dark() {
            ChartTheme::dark(dpr)
        } else {
            ChartTheme::light(dpr)
        }
    }
}

/// Whether the browser prefers a dark colour scheme.
#[cfg(target_arch = "wasm32")]
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A device pixel ratio from 0.5 to 8 (1 when not a number).
fn sane_dpr(dpr: f64) -> f64 {
    if dpr.is_finite() {
        dpr.clamp(0.5, 8.0)
    } else {
        1.0
    }
}
