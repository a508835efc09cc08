//! Browser tests of the charts (wasm-bindgen-test in headless Chromium): each chart is drawn
//! into a canvas of known size and its pixels are checked where the chart's own mapping says
//! the data and the target are; HiDPI sizing; and the `ChartCanvas` component redrawing in
//! place when its data changes.

use leptos::prelude::*;
use smsc::charts::{
    ChartSpec, ChartTheme, Rgb, day_number, draw_factor_bars, draw_factor_trend, draw_kpi_chart,
    draw_sparkline, draw_spec, factor_bars, kpi_chart_data, score_history,
};
use smsc::method::templates;
use smsc::model::{Date, Kpi, Lang, Scorecard};
use smsc::ui::widgets::chart_canvas::ChartCanvas;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::next_frame;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).expect("a valid date")
}

fn example() -> Scorecard {
    templates::example("sc-test".into(), Lang::En)
}

fn kpi(card: &Scorecard, name_start: &str) -> Kpi {
    card.kpis()
        .map(|(_, k)| k.clone())
        .find(|k| k.name.starts_with(name_start))
        .unwrap_or_else(|| panic!("KPI {name_start}"))
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Adds a style rule to the page (the test page has no stylesheet of its own).
fn add_css(rule: &str) {
    let document = document();
    let style = document.create_element("style").expect("style element");
    style.set_text_content(Some(rule));
    document
        .head()
        .expect("head")
        .append_child(&style)
        .expect("append style");
}

/// A canvas in the page with a CSS size of `w` × `h` pixels.
fn sized_canvas(id: &str, w: u32, h: u32) -> web_sys::HtmlCanvasElement {
    add_css(&format!(
        "#{id} {{ display: block; width: {w}px; height: {h}px; }}"
    ));
    let canvas = document().create_element("canvas").expect("canvas element");
    canvas.set_id(id);
    document()
        .body()
        .expect("body")
        .append_child(&canvas)
        .expect("append canvas");
    canvas.unchecked_into()
}

fn pixels(canvas: &web_sys::HtmlCanvasElement) -> Vec<u8> {
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("get_context")
        .expect("a 2d context")
        .unchecked_into();
    ctx.get_image_data(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    )
    .expect("image data")
    .data()
    .0
}

fn pixel(canvas: &web_sys::HtmlCanvasElement, data: &[u8], (x, y): (i32, i32)) -> Option<Rgb> {
    let w = canvas.width() as i32;
    let h = canvas.height() as i32;
    if x < 0 || y < 0 || x >= w || y >= h {
        return None;
    }
    let i = ((y * w + x) * 4) as usize;
    Some(Rgb(data[i], data[i + 1], data[i + 2]))
}

fn close(a: Rgb, b: Rgb) -> bool {
    let diff = |x: u8, y: u8| (i32::from(x) - i32::from(y)).abs();
    diff(a.0, b.0) + diff(a.1, b.1) + diff(a.2, b.2) < 40
}

/// Whether a pixel within `radius` of `at` has (nearly) the colour `want`.
fn colour_near(
    canvas: &web_sys::HtmlCanvasElement,
    data: &[u8],
    at: (i32, i32),
    radius: i32,
    want: Rgb,
) -> bool {
    (-radius..=radius).any(|dx| {
        (-radius..=radius)
            .any(|dy| pixel(canvas, data, (at.0 + dx, at.1 + dy)).is_some_and(|p| close(p, want)))
    })
}

#[wasm_bindgen_test]
fn the_kpi_chart_draws_each_measurement_and_the_target_where_its_mapping_says() {
    let card = example();
    let k = kpi(&card, "Active members");
    let data = kpi_chart_data(&k, d(2026, 3, 31), Lang::En);
    let canvas = sized_canvas("kpi-chart", 480, 260);
    let theme = ChartTheme::light(1.0);
    let map = draw_kpi_chart(&canvas, &data, &theme).expect("drawn");
    assert_eq!((canvas.width(), canvas.height()), (480, 260));
    let px = pixels(&canvas);

    assert!(map.x_px.0 > 0 && map.x_px.1 < 480 && map.y_px.1 < map.y_px.0);
    for p in &data.points {
        let at = map.to_pixel(day_number(p.date), p.value);
        assert!(
            colour_near(&canvas, &px, at, 1, theme.data),
            "measurement {} {} at {at:?}",
            p.date,
            p.value
        );
    }
    // The target: 25 until 1 February, then 30; checked halfway along each step.
    for step in &data.targets {
        let mid = (day_number(step.from) + day_number(step.to)) / 2.0;
        let at = map.to_pixel(mid, step.value);
        assert!(
            colour_near(&canvas, &px, at, 2, theme.target),
            "target {} at {at:?}",
            step.value
        );
    }
    // Off the lines, the zones show: above the target green, just below it amber.
    let mid = (day_number(d(2026, 2, 1)) + day_number(d(2026, 4, 1))) / 2.0;
    let green = pixel(&canvas, &px, map.to_pixel(mid, 30.8)).expect("in the canvas");
    assert!(green.1 > green.0 && green.1 > green.2, "greenish {green:?}");
    let amber = pixel(&canvas, &px, map.to_pixel(mid, 27.5)).expect("in the canvas");
    assert!(
        amber.0 > amber.2 && !close(amber, theme.target),
        "amber {amber:?}"
    );
    let red = pixel(&canvas, &px, map.to_pixel(mid, 16.0)).expect("in the canvas");
    assert!(red.0 > red.1 && red.0 > red.2, "reddish {red:?}");
}

#[wasm_bindgen_test]
fn a_hidpi_canvas_gets_twice_its_css_size_and_is_drawn_at_that_scale() {
    let card = example();
    let k = kpi(&card, "Response time");
    let data = kpi_chart_data(&k, d(2026, 3, 31), Lang::En);
    let canvas = sized_canvas("kpi-hidpi", 300, 150);
    let theme = ChartTheme::light(2.0);
    let map = draw_kpi_chart(&canvas, &data, &theme).expect("drawn");
    assert_eq!((canvas.width(), canvas.height()), (600, 300));
    assert!(
        map.x_px.1 > 300,
        "the plot spans the doubled canvas: {map:?}"
    );
    let px = pixels(&canvas);
    for p in &data.points {
        let at = map.to_pixel(day_number(p.date), p.value);
        assert!(
            colour_near(&canvas, &px, at, 2, theme.data),
            "{} at {at:?}",
            p.value
        );
    }
    // Drawing again at ratio 1 shrinks the attributes back to the CSS size.
    draw_kpi_chart(&canvas, &data, &ChartTheme::light(1.0)).expect("drawn");
    assert_eq!((canvas.width(), canvas.height()), (300, 150));
}

#[wasm_bindgen_test]
fn the_trend_chart_draws_the_overall_score_at_each_sample_date() {
    let card = example();
    let history = score_history(&card, d(2026, 4, 15), Lang::En);
    let canvas = sized_canvas("trend-chart", 520, 280);
    let theme = ChartTheme::dark(1.0);
    let map = draw_factor_trend(&canvas, &history, &theme).expect("drawn");
    let px = pixels(&canvas);
    let overall = history.series.last().expect("overall series");
    assert!(overall.factor.is_none());
    let mut checked = 0;
    for (date, value) in history.dates.iter().zip(&overall.values) {
        let Some(v) = value else { continue };
        let at = map.to_pixel(day_number(*date), *v);
        assert!(
            colour_near(&canvas, &px, at, 1, theme.text),
            "overall {v} on {date}"
        );
        checked += 1;
    }
    assert!(checked >= 3);
    // The background is the dark theme's.
    let corner = pixel(&canvas, &px, (map.x_px.1 - 2, map.y_px.1 + 2)).expect("pixel");
    assert!(
        close(corner, theme.background) || close(corner, theme.grid),
        "{corner:?}"
    );
}

#[wasm_bindgen_test]
fn the_bar_chart_draws_each_scored_factor_in_its_status_colour() {
    let card = example();
    let bars = factor_bars(&card, d(2026, 3, 31), Lang::En);
    let canvas = sized_canvas("bar-chart", 420, 240);
    let theme = ChartTheme::light(1.0);
    let map = draw_factor_bars(&canvas, &bars, &theme).expect("drawn");
    let px = pixels(&canvas);
    let mut checked = 0;
    for (i, bar) in bars.bars.iter().enumerate() {
        let Some(v) = bar.score.value.filter(|v| *v > 0.1) else {
            continue;
        };
        let inside = map.to_pixel(i as f64, v / 2.0);
        let p = pixel(&canvas, &px, inside).expect("pixel");
        assert!(
            close(p, theme.status(bar.score.status)),
            "{} {p:?}",
            bar.label
        );
        let above = map.to_pixel(i as f64, (v + 1.05) / 2.0);
        let p = pixel(&canvas, &px, above).expect("pixel");
        assert!(
            !close(p, theme.status(bar.score.status)),
            "nothing above {}",
            bar.label
        );
        checked += 1;
    }
    assert_eq!(checked, 4, "all four factors have a score on 31 March");
}

#[wasm_bindgen_test]
fn the_sparkline_ends_in_a_dot_at_the_latest_measurement() {
    let card = example();
    let k = kpi(&card, "Members recommending");
    let data = kpi_chart_data(&k, d(2026, 3, 31), Lang::En);
    let canvas = sized_canvas("sparkline", 120, 32);
    let theme = ChartTheme::light(1.0);
    let map = draw_sparkline(&canvas, &data, &theme).expect("drawn");
    let px = pixels(&canvas);
    let last = data.points.last().expect("a point");
    let at = map.to_pixel(day_number(last.date), last.value);
    assert!(colour_near(&canvas, &px, at, 1, theme.data), "{at:?}");
    let target = data.targets.last().expect("a target");
    let at = map.to_pixel(day_number(target.from) + 1.0, target.value);
    assert!(
        colour_near(&canvas, &px, at, 1, theme.target),
        "target {at:?}"
    );
}

/// Mounts `f` into a fresh element; keep the handle alive while testing.
fn mount<F, V>(f: F) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<V::State>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    let host = document().create_element("div").expect("host");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append host");
    let host: web_sys::HtmlElement = host.unchecked_into();
    let handle = leptos::mount::mount_to(host.clone(), f);
    (host, handle)
}

#[wasm_bindgen_test]
async fn chart_canvas_redraws_the_same_canvas_when_its_data_changes() {
    add_css(".chart-canvas--kpi { display: block; width: 400px; height: 220px; }");
    let card = example();
    let as_of = d(2026, 3, 31);
    let first = ChartSpec::Kpi(kpi_chart_data(
        &kpi(&card, "Active members"),
        as_of,
        Lang::En,
    ));
    let second = ChartSpec::Kpi(kpi_chart_data(
        &kpi(&card, "Response time"),
        as_of,
        Lang::En,
    ));
    let spec = RwSignal::new(first.clone());
    let (host, _handle) = mount(move || {
        view! { <ChartCanvas spec=spec png_file_name="chart.png" testid="kpi-chart" /> }
    });
    // The chart draws once its ResizeObserver has reported its size: after the layout of
    // the next frame (animation frame callbacks run before it, so wait for two).
    leptos::task::tick().await;
    next_frame().await;
    next_frame().await;
    leptos::task::tick().await;

    let canvas: web_sys::HtmlCanvasElement = host
        .query_selector("[data-testid=kpi-chart] canvas")
        .expect("selector")
        .expect("a canvas")
        .unchecked_into();
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(canvas.get_attribute("aria-label"), Some(first.summary()));
    let rows = host
        .query_selector_all("[data-testid=chart-data-table] tbody tr")
        .expect("selector");
    assert_eq!(rows.length(), 3);
    assert!(
        host.query_selector("[data-testid=chart-save-png]")
            .expect("selector")
            .is_some()
    );

    // What the component drew is exactly what the draw function draws at that size.
    let theme = ChartTheme::from_browser();
    let reference = sized_canvas("reference-1", 400, 220);
    draw_spec(&reference, &first, &theme).expect("drawn");
    let before = pixels(&canvas);
    assert_eq!(
        (canvas.width(), canvas.height()),
        (reference.width(), reference.height())
    );
    assert!(before == pixels(&reference), "the component draws the spec");

    spec.set(second.clone());
    leptos::task::tick().await;
    leptos::task::tick().await;
    let same: web_sys::HtmlCanvasElement = host
        .query_selector("[data-testid=kpi-chart] canvas")
        .expect("selector")
        .expect("a canvas")
        .unchecked_into();
    assert!(
        same.is_same_node(Some(&canvas)),
        "the canvas is kept, not re-created"
    );
    let after = pixels(&canvas);
    assert!(before != after, "the pixels changed");
    let reference = sized_canvas("reference-2", 400, 220);
    draw_spec(&reference, &second, &theme).expect("drawn");
    assert!(after == pixels(&reference), "the new spec is drawn");
    assert_eq!(canvas.get_attribute("aria-label"), Some(second.summary()));
}
