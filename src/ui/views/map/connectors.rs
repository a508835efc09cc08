//! The strategy map's connectors: one SVG overlay behind the cards with a curve and an
//! arrowhead for every contribution (sub-objective → objective) and cause → effect
//! (sub-objective → sub-objective) link.
//!
//! The cards are laid out by CSS; their rectangles are read with `getBoundingClientRect`
//! relative to the map container and turned into paths by [`crate::charts::map_geometry`]. They are
//! measured again one animation frame after every change of the document, language or scores,
//! when the window or the container resizes (`ResizeObserver`), and around printing
//! (`beforeprint` / `afterprint`, and a `print` media query change). Every listener and
//! observer is removed when the map unmounts.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::charts::map_geometry::{Connector, Item, Link, LinkKind, Rect, connectors};
use crate::model::Scorecard;
use crate::ui::session::state::{AppState, Selection};

/// The class the map gets while the browser prepares to print; `style/map.css` gives it the
/// printed page's width so connectors are measured in the printed layout.
pub const PRINTING_CLASS: &str = "map-printing";

/// Height (CSS px) of an A4 landscape page inside 10 mm margins: 190 mm.
const PRINT_HEIGHT_PX: f64 = 190.0 * 96.0 / 25.4;

/// Every link of the document that can be drawn: contributions first, then cause → effect,
/// each in document order. Links to items that do not exist are left out.
pub fn map_links(doc: &Scorecard) -> Vec<Link> {
    let mut links = Vec::new();
    for (_, so) in doc.sub_objectives() {
        for objective in &so.contributes_to {
            if doc.objective(objective).is_some() {
                links.push(Link {
                    from: so.id.clone(),
                    to: objective.clone(),
                    kind: LinkKind::Contribution,
                });
            }
        }
    }
    for (_, so) in doc.sub_objectives() {
        for effect in &so.leads_to {
            if effect != &so.id && doc.sub_objective(effect).is_some() {
                links.push(Link {
                    from: so.id.clone(),
                    to: effect.clone(),
                    kind: LinkKind::Cause,
                });
            }
        }
    }
    links
}

/// The rectangles of the map's cards, in the container's own CSS pixels (its padding box,
/// where the overlay is), undoing any scale applied to the container.
fn measure_items(container: &web_sys::HtmlElement) -> HashMap<Item, Rect> {
    let mut rects = HashMap::new();
    let outer = container.get_bounding_client_rect();
    let scale = |shown: f64, laid_out: i32| {
        if laid_out > 0 && shown > 0.0 {
            shown / f64::from(laid_out)
        } else {
            1.0
        }
    };
    let sx = scale(outer.width(), container.offset_width());
    let sy = scale(outer.height(), container.offset_height());
    let ox = outer.left() + f64::from(container.client_left()) * sx;
    let oy = outer.top() + f64::from(container.client_top()) * sy;
    type MakeItem = fn(String) -> Item;
    let kinds: [(&str, MakeItem); 2] = [
        (".map-objective[data-id]", Item::Objective),
        (".map-sub-objective[data-id]", Item::SubObjective),
    ];
    for (selector, item) in kinds {
        let Ok(list) = container.query_selector_all(selector) else {
            continue;
        };
        for i in 0..list.length() {
            let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let Some(id) = el.get_attribute("data-id") else {
                continue;
            };
            let r = el.get_bounding_client_rect();
            if r.width() <= 0.0 && r.height() <= 0.0 {
                continue; // not displayed
            }
            rects.insert(
                item(id),
                Rect::new(
                    (r.left() - ox) / sx,
                    (r.top() - oy) / sy,
                    r.width() / sx,
                    r.height() / sy,
                ),
            );
        }
    }
    rects
}

/// What must be undone when the map goes away.
struct Wiring {
    window: web_sys::Window,
    container: web_sys::HtmlElement,
    frame: Rc<Cell<Option<i32>>>,
    on_frame: Closure<dyn FnMut()>,
    on_resize: Closure<dyn FnMut()>,
    on_before_print: Closure<dyn FnMut()>,
    on_after_print: Closure<dyn FnMut()>,
    print_query: Option<(web_sys::MediaQueryList, Closure<dyn FnMut()>)>,
    observer: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>,
}

impl Wiring {
    /// Measures again in the next animation frame (once, however often it is asked).
    fn schedule(&self) {
        if self.frame.get().is_none()
            && let Ok(handle) = self
                .window
                .request_animation_frame(self.on_frame.as_ref().unchecked_ref())
        {
            self.frame.set(Some(handle));
        }
    }

    fn disconnect(self) {
        if let Some(handle) = self.frame.take() {
            let _ = self.window.cancel_animation_frame(handle);
        }
        let remove = |name: &str, f: &Closure<dyn FnMut()>| {
            let _ = self
                .window
                .remove_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        };
        remove("resize", &self.on_resize);
        remove("beforeprint", &self.on_before_print);
        remove("afterprint", &self.on_after_print);
        if let Some((query, f)) = &self.print_query {
            let _ = query.remove_event_listener_with_callback("change", f.as_ref().unchecked_ref());
        }
        if let Some((observer, _)) = &self.observer {
            observer.disconnect();
        }
        let _ = self.container.class_list().remove_1(PRINTING_CLASS);
        // The closures are dropped here, after nothing refers to them any more.
    }
}

fn next_uid() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The SVG overlay with the connectors of the map `root`. Place it as the first child of
/// the map container, which must be `position: relative`.
#[component]
pub fn MapConnectors(
    /// The map container whose cards (`.map-objective` / `.map-sub-objective` with `data-id`)
    /// are connected.
    root: NodeRef<leptos::html::Section>,
    /// The links to draw.
    #[prop(into)]
    links: Signal<Vec<Link>>,
) -> impl IntoView {
    let state = AppState::expect();
    let drawn = RwSignal::new(Vec::<Connector>::new());
    let wiring = StoredValue::new_local(None::<Wiring>);
    let uid = next_uid();

    // Measures the cards as they are laid out now and redraws.
    let measure = move || {
        let Some(container) = root.try_get_untracked().flatten() else {
            return;
        };
        let rects = measure_items(&container);
        let Some(list) = links.try_with_untracked(|l| connectors(l, &rects)) else {
            return;
        };
        drawn.try_update(|d| {
            if *d != list {
                *d = list;
            }
        });
    };

    Effect::new(move |_| {
        // Whatever changes what the cards show, or where they are.
        links.track();
        state.doc.track();
        state.lang.track();
        state.evaluation.track();
        let Some(container) = root.get() else {
            return;
        };
        if wiring.with_value(Option::is_none) {
            let built = wire(container, measure);
            wiring.set_value(built);
        }
        wiring.with_value(|w| {
            if let Some(w) = w {
                w.schedule();
            }
        });
    });

    on_cleanup(move || {
        if let Some(w) = wiring.try_update_value(Option::take).flatten() {
            w.disconnect();
        }
    });

    let marker_id = move |kind: LinkKind| format!("map-arrow-{}-{uid}", kind.key());
    let is_active = move |link: &Link| {
        state.selection.with(|s| match s {
            Some(Selection::SubObjective(id)) => *id == link.from || *id == link.to,
            Some(Selection::Objective(id)) => link.kind == LinkKind::Contribution && *id == link.to,
            _ => false,
        })
    };
    let paths = move || {
        drawn
            .get()
            .into_iter()
            .map(|c| {
                let kind = c.link.kind;
                let link = c.link.clone();
                view! {
                    <path
                        class="map-connector"
                        class:is-active=move || is_active(&link)
                        data-testid="map-connector"
                        data-from=c.link.from
                        data-to=c.link.to
                        data-kind=kind.key()
                        d=c.path
                        marker-end=format!("url(#{})", marker_id(kind))
                    ></path>
                }
            })
            .collect_view()
    };
    let arrow = move |kind: LinkKind| {
        view! {
            <marker
                id=marker_id(kind)
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth="11"
                markerHeight="11"
                orient="auto"
            >
                <path class="map-arrowhead" data-kind=kind.key() d="M0 1 L10 5 L0 9 z"></path>
            </marker>
        }
    };
    view! {
        <svg class="map-connectors" data-testid="map-connectors" aria-hidden="true" focusable="false">
            <defs>{arrow(LinkKind::Contribution)} {arrow(LinkKind::Cause)}</defs>
            {paths}
        </svg>
    }
}

/// Connects the listeners and the observer that keep the connectors right.
fn wire(container: web_sys::HtmlElement, measure: impl Fn() + Copy + 'static) -> Option<Wiring> {
    let window = web_sys::window()?;
    let frame = Rc::new(Cell::new(None::<i32>));

    let on_frame = {
        let frame = Rc::clone(&frame);
        Closure::<dyn FnMut()>::new(move || {
            frame.set(None);
            measure();
        })
    };
    // The window's size changes the layout; measure once it is done.
    let on_resize = {
        let frame = Rc::clone(&frame);
        let window = window.clone();
        let on_frame: js_sys::Function = on_frame
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone();
        Closure::<dyn FnMut()>::new(move || {
            if frame.get().is_none()
                && let Ok(handle) = window.request_animation_frame(&on_frame)
            {
                frame.set(Some(handle));
            }
        })
    };
    // Printing: lay the map out as on the page, zoomed down until it fits one page, and
    // measure at once (the page is laid out right after this event).
    let on_before_print = {
        let container = container.clone();
        Closure::<dyn FnMut()>::new(move || {
            let _ = container.class_list().add_1(PRINTING_CLASS);
            let style = container.style();
            let _ = style.remove_property("--map-print-zoom");
            let mut zoom = 1.0_f64;
            for _ in 0..4 {
                let height = container.get_bounding_client_rect().height();
                if !height.is_finite() || height <= PRINT_HEIGHT_PX {
                    break;
                }
                zoom = (zoom * PRINT_HEIGHT_PX * 0.98 / height).max(0.25);
                let _ = style.set_property("--map-print-zoom", &format!("{zoom:.4}"));
            }
            measure();
        })
    };
    let on_after_print = {
        let container = container.clone();
        Closure::<dyn FnMut()>::new(move || {
            let _ = container.class_list().remove_1(PRINTING_CLASS);
            let _ = container.style().remove_property("--map-print-zoom");
            measure();
        })
    };
    let add = |name: &str, f: &Closure<dyn FnMut()>| {
        let _ = window.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    };
    add("resize", &on_resize);
    add("beforeprint", &on_before_print);
    add("afterprint", &on_after_print);

    // A print layout entered without `beforeprint` (print emulation): measure it as it is.
    let print_query = window.match_media("print").ok().flatten().map(|query| {
        let container = container.clone();
        let f = Closure::<dyn FnMut()>::new(move || {
            if !container.class_list().contains(PRINTING_CLASS) {
                measure();
            }
        });
        let _ = query.add_event_listener_with_callback("change", f.as_ref().unchecked_ref());
        (query, f)
    });

    // The container's size changes (window, side panel, fonts, print): measure right after
    // layout, before the frame is painted.
    let observer = {
        let f = Closure::<dyn FnMut()>::new(measure);
        web_sys::ResizeObserver::new(f.as_ref().unchecked_ref())
            .ok()
            .map(|observer| {
                observer.observe(&container);
                (observer, f)
            })
    };

    Some(Wiring {
        window,
        container,
        frame,
        on_frame,
        on_resize,
        on_before_print,
        on_after_print,
        print_query,
        observer,
    })
}
