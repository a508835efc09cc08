//! A chart on a canvas that redraws itself when its data, its size or the colour scheme
//! changes, with a text alternative (summary and data table) for screen readers.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::charts::theme::prefers_dark;
use crate::charts::{ChartError, ChartSpec, ChartTheme, canvas_png_data_url, draw_spec};
use crate::model::Lang;
use crate::web::files::download_url;

/// The browser listeners of one chart; stopped when the chart leaves the page.
struct Watchers {
    resize: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
    media: Option<web_sys::MediaQueryList>,
    on_scheme: Closure<dyn FnMut(web_sys::Event)>,
}

impl Watchers {
    fn stop(self) {
        self.resize.disconnect();
        if let Some(media) = &self.media {
            // Removing a listener that is not there is harmless; nothing to report.
            let _ = media.remove_event_listener_with_callback(
                "change",
                self.on_scheme.as_ref().unchecked_ref(),
            );
        }
    }
}

/// A chart drawn into one canvas, redrawn in place (never re-created) when `spec` changes,
/// when the canvas is resized and when the browser switches between light and dark.
///
/// The canvas has `role="img"` and an `aria-label` summarising the chart; except for
/// sparklines, a visually hidden table holds the data. The canvas needs a CSS width *and*
/// height (class `chart-canvas chart-canvas--{kind}`). With `png_file_name`, a "Save as PNG"
/// button saves the drawing.
#[component]
pub fn ChartCanvas(
    /// What to draw.
    #[prop(into)]
    spec: Signal<ChartSpec>,
    /// File name for the "Save as PNG" button; no button when absent.
    #[prop(optional, into)]
    png_file_name: Option<String>,
    /// `data-testid` of the figure.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<html::Canvas>::new();
    // The canvas's CSS size as the ResizeObserver last reported it (drawing does not read
    // it from the page: that would force a layout on every redraw).
    let size = RwSignal::new(None::<(f64, f64)>);
    let dark = RwSignal::new(prefers_dark());
    let watchers = StoredValue::new_local(None::<Watchers>);

    canvas_ref.on_load(move |canvas| {
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let rect = entry.content_rect();
            let now = Some((rect.width(), rect.height()));
            if size.try_get_untracked().is_some_and(|old| old != now) {
                size.try_set(now);
            }
        });
        let Ok(resize) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        resize.observe(&canvas);
        let media = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
        let on_scheme = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            dark.try_set(prefers_dark());
        });
        if let Some(m) = &media {
            // Without the listener the chart just keeps its colours until the next redraw.
            let _ =
                m.add_event_listener_with_callback("change", on_scheme.as_ref().unchecked_ref());
        }
        watchers.set_value(Some(Watchers {
            resize,
            _on_resize: on_resize,
            media,
            on_scheme,
        }));
    });
    on_cleanup(move || {
        if let Some(w) = watchers.try_update_value(Option::take).flatten() {
            w.stop();
        }
    });

    // What the picture depends on; the text alternative below follows `spec` itself.
    let drawing = Memo::new(move |_| spec.with(ChartSpec::drawing));
    Effect::new(move |_| {
        let dark = dark.get();
        // Drawn once the ResizeObserver has reported the size (before the first paint).
        let (Some((width, height)), Some(canvas)) = (size.get(), canvas_ref.get()) else {
            return;
        };
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let theme = if dark {
            ChartTheme::dark(dpr)
        } else {
            ChartTheme::light(dpr)
        }
        .with_css_size(width, height);
        drawing.with(|s| {
            let drawn =
                crate::web::perf_marks::measure("chart-draw", || draw_spec(&canvas, s, &theme));
            if let Err(e) = drawn {
                web_sys::console::warn_1(&e.to_string().into());
            }
        });
    });

    let summary = move || spec.with(ChartSpec::summary);
    let class = move || spec.with(|s| format!("chart-canvas chart-canvas--{}", s.kind()));
    // The data table's rows follow the drawing and only its caption follows `spec`: typing
    // a KPI's name re-renders the caption, not a row per measurement.
    let has_table = Memo::new(move |_| spec.with(|s| s.kind() != "sparkline"));
    let table_body = Memo::new(move |_| {
        drawing.with(|s| {
            (s.kind() != "sparkline").then(|| {
                let table = s.table();
                (table.headers, table.rows)
            })
        })
    });
    let table = move || {
        has_table.get().then(|| {
            let caption = move || spec.with(ChartSpec::caption);
            let body = move || {
                table_body
                    .get()
                    .map(|(headers, rows)| data_rows(headers, rows))
            };
            view! {
                <table class="visually-hidden" data-testid="chart-data-table">
                    <caption>{caption}</caption>
                    {body}
                </table>
            }
        })
    };
    let save = png_file_name.map(|name| {
        let lang = move || spec.with(ChartSpec::lang);
        let on_click = move |_| {
            let Some(canvas) = canvas_ref.get_untracked() else {
                return;
            };
            let result = canvas_png_data_url(&canvas)
                .and_then(|url| download_url(&url, &name).map_err(ChartError::Browser));
            if let Err(e) = result {
                web_sys::console::warn_1(&e.to_string().into());
            }
        };
        view! {
            <button type="button" class="chart-save" data-testid="chart-save-png" on:click=on_click>
                {move || match lang() {
                    Lang::En => "Save as PNG",
                    Lang::Nl => "Opslaan als PNG",
                }}
            </button>
        }
    });
    view! {
        <figure class="chart" data-testid=testid>
            <canvas node_ref=canvas_ref class=class role="img" aria-label=summary></canvas>
            {table}
            {save}
        </figure>
    }
}

/// The head and body of a chart's data table.
fn data_rows(headers: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    let headers = headers
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! {
                <tr>
                    <th scope="row">{first}</th>
                    {rest}
                </tr>
            }
        })
        .collect_view();
    view! {
        <thead>
            <tr>{headers}</tr>
        </thead>
        <tbody>{rows}</tbody>
    }
}
