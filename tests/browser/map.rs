//! Browser tests of the Strategy Map (wasm-bindgen-test in headless Chromium): its layout,
//! selection, and connectors that follow the document, container resizes and printing.

use leptos::prelude::*;
use smsc::charts::map_geometry::{Point, Rect, on_edge, path_ends};
use smsc::method::templates;
use smsc::model::{Command, Date, FactorKind, Lang, Scorecard};
use smsc::ui::{AppState, Selection, StrategyMap};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::next_frame;

/// How far (px) a connector's end may be from its card's border.
const TOLERANCE: f64 = 2.0;

fn as_of() -> Date {
    Date::from_ymd(2026, 4, 30).expect("a valid date")
}

fn example() -> Scorecard {
    templates::example("sc-t".into(), Lang::En)
}

/// The app's stylesheets, as the built page has them.
fn add_styles() {
    let document = document();
    if document.get_element_by_id("map-test-styles").is_some() {
        return;
    }
    let style = document
        .create_element("style")
        .expect("create a style element");
    style.set_id("map-test-styles");
    style.set_text_content(Some(concat!(
        include_str!("../../style/main.css"),
        "\n",
        include_str!("../../style/map.css")
    )));
    document
        .body()
        .expect("body")
        .append_child(&style)
        .expect("append the styles");
}

/// Mounts `f` into a fresh 1200 px wide element, with the app's styles; keep the handle alive.
fn mount<F, V>(f: F) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<V::State>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    add_styles();
    let document = document();
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .expect("create a host element")
        .unchecked_into();
    host.style()
        .set_property("width", "1200px")
        .expect("set the width");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append the host");
    let handle = leptos::mount::mount_to(host.clone(), f);
    (host, handle)
}

/// Mounts the map over `state`.
macro_rules! mount_map {
    ($state:expr) => {{
        let state = $state;
        mount(move || {
            provide_context(state);
            view! { <StrategyMap /> }
        })
    }};
}

/// Lets the view update, layout happen and the connectors be measured again.
async fn settle() {
    leptos::task::tick().await;
    for _ in 0..3 {
        next_frame().await;
        leptos::task::tick().await;
    }
}

fn map(host: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    host.query_selector("[data-testid=strategy-map]")
        .expect("a valid selector")
        .expect("the map")
        .unchecked_into()
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

/// The drawn connectors as (from, to, kind), sorted.
fn drawn(host: &web_sys::HtmlElement) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = all(host, "[data-testid=map-connector]")
        .iter()
        .map(|p| {
            (
                attr(p, "data-from"),
                attr(p, "data-to"),
                attr(p, "data-kind"),
            )
        })
        .collect();
    v.sort();
    v
}

/// Every link of the document as (from, to, kind), sorted.
fn links_of(doc: &Scorecard) -> Vec<(String, String, String)> {
    let mut v = Vec::new();
    for (_, so) in doc.sub_objectives() {
        for o in &so.contributes_to {
            v.push((so.id.clone(), o.clone(), "contribution".to_string()));
        }
        for e in &so.leads_to {
            v.push((so.id.clone(), e.clone(), "cause".to_string()));
        }
    }
    v.sort();
    v
}

/// A card's rectangle relative to the connector overlay.
fn card_rect(host: &web_sys::HtmlElement, testid: &str, id: &str, origin: Point) -> Rect {
    let card = host
        .query_selector(&format!("[data-testid={testid}][data-id=\"{id}\"]"))
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("the card {testid} {id}"));
    let r = card.get_bounding_client_rect();
    Rect::new(
        r.left() - origin.x,
        r.top() - origin.y,
        r.width(),
        r.height(),
    )
}

/// Checks that every connector starts on its from-card's border and ends on its
/// to-card's border; returns the path data, for comparing layouts.
fn assert_ends_on_cards(host: &web_sys::HtmlElement) -> Vec<String> {
    let svg = host
        .query_selector("[data-testid=map-connectors]")
        .expect("a valid selector")
        .expect("the overlay")
        .get_bounding_client_rect();
    let origin = Point::new(svg.left(), svg.top());
    // While printing the map may be zoomed: the paths are in its own (unzoomed) pixels.
    let m = map(host);
    let scale = m.get_bounding_client_rect().width() / f64::from(m.offset_width());
    let paths = all(host, "[data-testid=map-connector]");
    assert!(!paths.is_empty(), "connectors are drawn");
    let mut ds = Vec::new();
    for p in &paths {
        let d = attr(p, "d");
        let (start, end) = path_ends(&d).unwrap_or_else(|| panic!("a cubic path: {d}"));
        let (start, end) = (
            Point::new(start.x * scale, start.y * scale),
            Point::new(end.x * scale, end.y * scale),
        );
        let from = attr(p, "data-from");
        let to = attr(p, "data-to");
        let to_testid = match attr(p, "data-kind").as_str() {
            "contribution" => "map-objective",
            _ => "map-sub-objective",
        };
        let from_rect = card_rect(host, "map-sub-objective", &from, origin);
        let to_rect = card_rect(host, to_testid, &to, origin);
        assert!(
            on_edge(start, &from_rect, TOLERANCE),
            "{from}→{to} starts at {start:?}, not on {from_rect:?}"
        );
        assert!(
            on_edge(end, &to_rect, TOLERANCE),
            "{from}→{to} ends at {end:?}, not on {to_rect:?}"
        );
        ds.push(d);
    }
    ds
}

#[wasm_bindgen_test]
async fn the_map_shows_mission_objectives_and_the_factors_results_above_drivers() {
    let doc = example();
    let mission = doc.mission.clone();
    let state = AppState::new(doc.clone(), Lang::En, as_of());
    let (host, _handle) = mount_map!(state);
    settle().await;

    let m = map(&host);
    let mission_el = all(&m, "[data-testid=map-mission]");
    assert_eq!(mission_el.len(), 1);
    assert!(text(&mission_el[0]).contains(&mission));

    let objectives: Vec<String> = all(&m, "[data-testid=map-objective]")
        .iter()
        .map(|o| attr(o, "data-id"))
        .collect();
    let expected: Vec<String> = doc.objectives.iter().map(|o| o.id.clone()).collect();
    assert_eq!(objectives, expected);

    // Results (Customers, Financial) first, then the drivers (Organisation, Medium).
    let factors: Vec<String> = all(&m, "[data-testid^=map-factor-]")
        .iter()
        .map(|f| attr(f, "data-testid"))
        .collect();
    assert_eq!(
        factors,
        [
            "map-factor-customers",
            "map-factor-financial",
            "map-factor-organisation",
            "map-factor-medium"
        ]
    );
    let top = |testid: &str| {
        m.query_selector(&format!("[data-testid={testid}]"))
            .expect("a valid selector")
            .expect("the factor")
            .get_bounding_client_rect()
            .top()
    };
    assert!(top("map-factor-customers") < top("map-factor-organisation"));
    assert!(top("map-factor-financial") < top("map-factor-medium"));
    // The Medium factor is labelled as the scorecard calls it.
    let medium = all(&m, "[data-testid=map-factor-medium] h3");
    assert_eq!(text(&medium[0]), "Community");

    // Every card is a button with its title and its status as icon, word and score.
    let cards = all(
        &m,
        "[data-testid=map-objective], [data-testid=map-sub-objective]",
    );
    assert_eq!(
        cards.len(),
        doc.objectives.len() + doc.sub_objectives().count()
    );
    for card in &cards {
        assert_eq!(card.tag_name(), "BUTTON");
        assert_eq!(attr(card, "type"), "button");
        let badge = all(card, "[data-testid=status]");
        assert_eq!(badge.len(), 1, "one status badge per card");
        assert!(!text(&all(card, ".status-word")[0]).is_empty());
        assert!(!attr(&badge[0], "data-status").is_empty());
    }
    let (_, answers) = doc
        .sub_objectives()
        .find(|(k, _)| *k == FactorKind::Organisation)
        .expect("the example's organisation sub-objective");
    let card = all(
        &m,
        &format!(
            "[data-testid=map-sub-objective][data-id=\"{}\"]",
            answers.id
        ),
    );
    assert!(text(&card[0]).contains(&answers.title));

    // The legend explains both kinds of line.
    assert_eq!(
        all(&m, "[data-testid=map-legend] .map-legend-sample").len(),
        2
    );
}

#[wasm_bindgen_test]
async fn clicking_a_card_selects_its_item() {
    let doc = example();
    let objective = doc.objectives[1].id.clone();
    let (_, sub) = doc.sub_objectives().nth(2).expect("a sub-objective");
    let sub = sub.id.clone();
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount_map!(state);
    settle().await;

    let click = |selector: String| {
        let el: web_sys::HtmlElement = host
            .query_selector(&selector)
            .expect("a valid selector")
            .expect("the card")
            .unchecked_into();
        el.click();
    };
    click(format!(
        "[data-testid=map-objective][data-id=\"{objective}\"]"
    ));
    assert_eq!(
        state.selection.get_untracked(),
        Some(Selection::Objective(objective.clone()))
    );
    click(format!(
        "[data-testid=map-sub-objective][data-id=\"{sub}\"]"
    ));
    assert_eq!(
        state.selection.get_untracked(),
        Some(Selection::SubObjective(sub.clone()))
    );
    leptos::task::tick().await;
    let pressed = all(&host, "[aria-pressed=true]");
    assert_eq!(pressed.len(), 1);
    assert_eq!(attr(&pressed[0], "data-id"), sub);
    // The selected item's connectors are highlighted, and only those.
    for p in all(&host, "[data-testid=map-connector]") {
        let touches = attr(&p, "data-from") == sub || attr(&p, "data-to") == sub;
        assert_eq!(p.class_list().contains("is-active"), touches);
    }
    click("[data-testid=map-mission]".to_string());
    assert_eq!(state.selection.get_untracked(), Some(Selection::Scorecard));
}

#[wasm_bindgen_test]
async fn connectors_follow_links_added_and_items_removed() {
    let doc = example();
    let state = AppState::new(doc.clone(), Lang::En, as_of());
    let (host, _handle) = mount_map!(state);
    settle().await;

    // One connector per link, with the right ends and kind.
    let expected = links_of(&doc);
    assert_eq!(
        expected.len(),
        11,
        "the example's 8 contributions and 3 causes"
    );
    assert_eq!(drawn(&host), expected);
    assert_ends_on_cards(&host);

    // A new cause → effect link: Financial leads to Customers.
    let id_in = |kind: FactorKind| doc.factor(kind).sub_objectives[0].id.clone();
    let (financial, customers) = (id_in(FactorKind::Financial), id_in(FactorKind::Customers));
    state.dispatch(Command::LinkCause {
        cause: financial.clone(),
        effect: customers.clone(),
        at: None,
    });
    settle().await;
    let now = drawn(&host);
    assert_eq!(now.len(), 12);
    assert!(now.contains(&(financial.clone(), customers.clone(), "cause".to_string())));
    assert_eq!(now, links_of(&state.doc.get_untracked()));
    assert_ends_on_cards(&host);

    // A new sub-objective contributing to an objective gets its connector too.
    let added = state
        .dispatch(Command::AddSubObjective {
            factor: FactorKind::Medium,
            title: "Moderate within a day".into(),
        })
        .expect("the new sub-objective's id");
    state.dispatch(Command::LinkContribution {
        sub_objective: added.clone(),
        objective: doc.objectives[0].id.clone(),
        at: None,
    });
    settle().await;
    assert!(drawn(&host).contains(&(
        added.clone(),
        doc.objectives[0].id.clone(),
        "contribution".to_string()
    )));
    assert_ends_on_cards(&host);

    // Removing the organisation's sub-objective takes its four connectors with it.
    let answers = id_in(FactorKind::Organisation);
    state.dispatch(Command::RemoveSubObjective {
        id: answers.clone(),
    });
    settle().await;
    let now = drawn(&host);
    assert!(now.iter().all(|(f, t, _)| *f != answers && *t != answers));
    assert_eq!(now.len(), 13 - 4);
    assert_eq!(now, links_of(&state.doc.get_untracked()));
    assert!(all(&host, &format!("[data-id=\"{answers}\"]")).is_empty());
    assert_ends_on_cards(&host);

    // Moving a card to another factor moves its connectors' ends with it.
    state.dispatch(Command::MoveSubObjective {
        id: added.clone(),
        factor: FactorKind::Customers,
        to_index: 0,
    });
    settle().await;
    assert_eq!(drawn(&host), links_of(&state.doc.get_untracked()));
    assert_ends_on_cards(&host);

    // Undo brings the removed item and its connectors back... after the move is undone.
    state.undo();
    state.undo();
    settle().await;
    assert_eq!(drawn(&host), links_of(&state.doc.get_untracked()));
    assert_ends_on_cards(&host);
}

#[wasm_bindgen_test]
async fn connector_ends_stay_on_the_cards_when_the_container_is_resized() {
    let state = AppState::new(example(), Lang::En, as_of());
    let (host, _handle) = mount_map!(state);
    settle().await;
    let wide = assert_ends_on_cards(&host);

    let style = map(&host).style();
    style.set_property("width", "640px").expect("set the width");
    settle().await;
    let narrow = assert_ends_on_cards(&host);
    assert_ne!(wide, narrow, "a narrower map is drawn anew");

    style
        .set_property("width", "1500px")
        .expect("set the width");
    settle().await;
    assert_ends_on_cards(&host);

    // A resize of the window itself is taken in as well (and does no harm).
    window()
        .dispatch_event(&web_sys::Event::new("resize").expect("an event"))
        .expect("dispatch");
    settle().await;
    assert_ends_on_cards(&host);
}

#[wasm_bindgen_test]
async fn printing_lays_the_map_out_for_the_page_and_redraws_at_once() {
    let state = AppState::new(example(), Lang::En, as_of());
    let (host, handle) = mount_map!(state);
    settle().await;
    let m = map(&host);
    let screen_width = m.get_bounding_client_rect().width();

    let fire = |name: &str| {
        window()
            .dispatch_event(&web_sys::Event::new(name).expect("an event"))
            .expect("dispatch");
    };
    fire("beforeprint");
    // No frame passes before the page is printed: only the view update runs.
    leptos::task::tick().await;
    assert!(m.class_list().contains("map-printing"));
    let print_width = m.get_bounding_client_rect().width();
    assert!(
        (print_width - 277.0 * 96.0 / 25.4).abs() < 2.0,
        "277 mm wide while printing, got {print_width}"
    );
    assert!((print_width - screen_width).abs() > 10.0);
    assert_ends_on_cards(&host);

    fire("afterprint");
    leptos::task::tick().await;
    assert!(!m.class_list().contains("map-printing"));
    assert_ends_on_cards(&host);

    // Unmounted, the map listens no more.
    drop(handle);
    fire("beforeprint");
    leptos::task::tick().await;
    assert!(!m.class_list().contains("map-printing"));
    fire("afterprint");
}

#[wasm_bindgen_test]
async fn a_map_taller_than_a_page_is_zoomed_to_fit_one_page_with_its_connectors() {
    let doc = example();
    let objective = doc.objectives[0].id.clone();
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount_map!(state);
    for i in 0..24 {
        let kind = FactorKind::ALL[i % 4];
        let id = state
            .dispatch(Command::AddSubObjective {
                factor: kind,
                title: format!("Sub-objective number {i} with a title long enough to wrap"),
            })
            .expect("a new sub-objective");
        state.dispatch(Command::LinkContribution {
            sub_objective: id,
            objective: objective.clone(),
            at: None,
        });
    }
    settle().await;
    assert_eq!(drawn(&host), links_of(&state.doc.get_untracked()));

    window()
        .dispatch_event(&web_sys::Event::new("beforeprint").expect("an event"))
        .expect("dispatch");
    leptos::task::tick().await;
    let m = map(&host);
    let zoom: f64 = m
        .style()
        .get_property_value("--map-print-zoom")
        .expect("read the zoom")
        .parse()
        .expect("a zoom was set");
    assert!(zoom > 0.25 && zoom < 1.0, "zoom {zoom}");
    let height = m.get_bounding_client_rect().height();
    let page = 190.0 * 96.0 / 25.4;
    assert!(height <= page, "{height} px fits in {page} px");
    assert_ends_on_cards(&host);

    window()
        .dispatch_event(&web_sys::Event::new("afterprint").expect("an event"))
        .expect("dispatch");
    leptos::task::tick().await;
    assert_eq!(
        m.style()
            .get_property_value("--map-print-zoom")
            .ok()
            .as_deref(),
        Some("")
    );
    assert_ends_on_cards(&host);
}

#[wasm_bindgen_test]
async fn texts_are_shown_as_text_and_empty_parts_say_so() {
    let mut doc = Scorecard::new_blank("sc-blank".into(), Lang::Nl);
    doc.mission = "<b>Samen</b> gezond".into();
    let state = AppState::new(doc, Lang::Nl, as_of());
    let (host, _handle) = mount_map!(state);
    settle().await;

    let mission = all(&host, "[data-testid=map-mission] .map-mission-text");
    assert_eq!(text(&mission[0]), "<b>Samen</b> gezond");
    assert!(all(&host, "[data-testid=map-mission] b").is_empty());
    assert_eq!(all(&host, "[data-testid=map-no-objectives]").len(), 1);
    assert!(all(&host, "[data-testid=map-connector]").is_empty());
    assert_eq!(
        text(&all(&host, "[data-testid=map-factor-customers] h3")[0]),
        "Klanten"
    );

    let id = state
        .dispatch(Command::AddObjective {
            title: "<img src=x onerror=alert(1)>".into(),
        })
        .expect("the objective's id");
    settle().await;
    let card = all(
        &host,
        &format!("[data-testid=map-objective][data-id=\"{id}\"]"),
    );
    assert!(text(&card[0]).contains("<img src=x onerror=alert(1)>"));
    assert!(all(&host, "img").is_empty());
    assert!(all(&host, "[data-testid=map-no-objectives]").is_empty());
}
