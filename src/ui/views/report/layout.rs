//! The report page's orientation (remembered in the browser) and the zoom that makes the
//! page's content fit one A4 sheet. The printed sheet's size follows the page's class
//! (`report-page--portrait` / `--landscape`) through CSS named pages in style/report.css:
//! the app's Content Security Policy allows no inline `<style>`.

use crate::web::storage;

/// Where the chosen orientation is kept (see docs/storage.md for the other keys).
const ORIENTATION_KEY: &str = "smsc.ui.report-orientation";

/// A4 upright or on its side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// 210 × 297 mm.
    Portrait,
    /// 297 × 210 mm.
    Landscape,
}

impl Orientation {
    /// The value kept in storage, in the `<select>` and in the page's class.
    pub fn key(self) -> &'static str {
        match self {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        }
    }

    /// The orientation of a key; portrait for anything else.
    pub fn of(key: &str) -> Orientation {
        if key == "landscape" {
            Orientation::Landscape
        } else {
            Orientation::Portrait
        }
    }

    /// The height (CSS px) of the sheet inside its 10 mm margins: 277 or 190 mm.
    fn content_height_px(self) -> f64 {
        let mm = match self {
            Orientation::Portrait => 277.0,
            Orientation::Landscape => 190.0,
        };
        mm * 96.0 / 25.4
    }

    /// The orientation chosen last in this browser (portrait the first time).
    pub fn remembered() -> Orientation {
        storage::load_raw(ORIENTATION_KEY)
            .ok()
            .flatten()
            .map_or(Orientation::Portrait, |k| Orientation::of(&k))
    }

    /// Keeps the choice for next time, as the app's other preferences are kept: only while
    /// storage can be used (never over a newer app's layout); otherwise for this visit only.
    pub fn remember(self) {
        if let Some(p) = crate::ui::session::Persistence::get() {
            p.remember(ORIENTATION_KEY, self.key());
        }
    }
}

/// Zooms the page's content (`.report-fit`) to the largest size at which it fits the sheet
/// (at least 40 %). Narrower text wraps less, so height does not shrink in proportion to the
/// zoom: the zoom is found by halving the interval, measuring each time.
pub fn fit_page(orientation: Orientation) {
    use wasm_bindgen::JsCast;
    let Some(el) = leptos::prelude::document()
        .query_selector(".report-fit")
        .ok()
        .flatten()
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let limit = orientation.content_height_px();
    let style = el.style();
    let fits = |zoom: f64| {
        let _ = style.set_property("--report-zoom", &format!("{zoom:.4}"));
        let height = el.get_bounding_client_rect().height();
        !height.is_finite() || height <= limit
    };
    let _ = style.remove_property("--report-zoom");
    let height = el.get_bounding_client_rect().height();
    if !height.is_finite() || height <= limit {
        return;
    }
    let (mut low, mut high) = (MIN_ZOOM, 1.0_f64);
    for _ in 0..7 {
        let middle = (low + high) / 2.0;
        if fits(middle) {
            low = middle;
        } else {
            high = middle;
        }
    }
    let _ = fits(low);
}

/// The smallest zoom the page's content gets: below it nobody reads it.
const MIN_ZOOM: f64 = 0.4;
