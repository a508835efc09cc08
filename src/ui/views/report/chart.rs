//! The report's scores-over-time chart: the dashboard's trend chart drawn on a canvas in the
//! light (paper) colours at twice the pixels, so it prints sharply and looks the same in a
//! dark browser.

use leptos::html;
use leptos::prelude::*;

use crate::charts::trend::ScoreHistory;
use crate::charts::{ChartSpec, ChartTheme, draw_spec};

/// The chart of `history`, redrawn when it or `layout` (the orientation) changes.
#[component]
pub fn ReportChart(
    /// The scores to draw.
    #[prop(into)]
    history: Signal<ScoreHistory>,
    /// Anything that changes the canvas's size (the orientation's key).
    #[prop(into)]
    layout: Signal<&'static str>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        layout.track();
        let spec = ChartSpec::FactorTrend(history.get());
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // After layout: the canvas's size follows the page's orientation.
        request_animation_frame(move || {
            let (width, height) = (
                f64::from(canvas.offset_width()),
                f64::from(canvas.offset_height()),
            );
            if width < 1.0 || height < 1.0 {
                return;
            }
            let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
            let theme = ChartTheme::light(dpr.max(2.0)).with_css_size(width, height);
            if let Err(e) = draw_spec(&canvas, &spec, &theme) {
                web_sys::console::warn_1(&e.to_string().into());
            }
        });
    });
    let summary = move || ChartSpec::FactorTrend(history.get()).summary();
    view! {
        <canvas
            class="report-chart"
            data-testid="report-chart"
            role="img"
            aria-label=summary
            node_ref=canvas_ref
        ></canvas>
    }
}
