//! Browser tests (wasm-bindgen-test in headless Chromium) of the dashboard's changes
//! (`src/ui/views/dashboard/score_change.rs`, `kpi_card.rs`) on the article's example as of
//! 31 March 2026: the overall and factor scores since 28 February, a KPI card's change against
//! February, a rename that leaves them as they are and an edit of a measurement that moves
//! them. The numbers are worked out by hand in `tests/period_scores.rs`.

use crate::support::{mount, settle};
use leptos::prelude::*;
use smsc::model::{Command, Date, KpiField, Lang, MeasurementField};
use smsc::ui::{AppState, View};
use wasm_bindgen_test::*;

fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).expect("a valid selector")
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

const RECOMMENDING: &str = "Members recommending products to others";

#[wasm_bindgen_test]
async fn the_changes_follow_an_edit_that_moves_a_score() {
    let doc = smsc::method::templates::example("sc-dash".into(), Lang::En);
    let (kpi_id, march) = doc
        .kpis()
        .find(|(_, k)| k.name == RECOMMENDING)
        .and_then(|(_, k)| Some((k.id.clone(), k.measurements.last()?.id.clone())))
        .expect("the example's recommending members, measured in March");
    let as_of = Date::from_ymd(2026, 3, 31).expect("a date");
    let state = AppState::new(doc, Lang::En, as_of);
    state.view.set(View::Dashboard);
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    settle().await;

    let card = format!("[data-testid=dashboard-kpi][data-id={kpi_id}]");
    let overall = "[data-testid=dashboard-overall-change]";
    let customers = "[data-testid=dashboard-factor][data-factor=customers] [data-testid=dashboard-factor-change]";
    assert_eq!(
        text(&host, overall),
        "▲ +28.8 points since 28 February 2026"
    );
    assert_eq!(
        text(&host, customers),
        "▲ +17.5 points since 28 February 2026"
    );
    // The budget had no figure on 28 February: no change to tell.
    assert!(
        find(
            &host,
            "[data-testid=dashboard-factor][data-factor=financial] [data-testid=dashboard-factor-change]"
        )
        .is_none()
    );
    // 55 recommending members in March, 41 in February.
    let change = format!("{card} [data-testid=dashboard-kpi-change]");
    assert_eq!(text(&host, &change), "▲ +14 count against February 2026");
    assert!(find(&host, &format!("{card} [data-testid=dashboard-kpi-pace]")).is_none());

    // A rename cannot move a score: the card takes the new name, the changes stay.
    state.dispatch(Command::UpdateKpi {
        id: kpi_id.clone(),
        field: KpiField::Name("Ambassadors".into()),
    });
    settle().await;
    assert_eq!(
        text(&host, &format!("{card} [data-testid=dashboard-kpi-open]")),
        "Ambassadors"
    );
    assert_eq!(
        text(&host, overall),
        "▲ +28.8 points since 28 February 2026"
    );
    assert_eq!(text(&host, &change), "▲ +14 count against February 2026");

    // March's 55 becomes 75: customers (75 − 20) / 80 = 0.6875 against 0.2625, +42.5 points;
    // overall (0.6875 + 1 + 1 + 0.66549) / 4 = 0.83825 against 0.48778, +35 points.
    state.dispatch(Command::UpdateMeasurement {
        id: march,
        field: MeasurementField::Value(75.0),
    });
    settle().await;
    assert_eq!(text(&host, overall), "▲ +35 points since 28 February 2026");
    assert_eq!(
        text(&host, customers),
        "▲ +42.5 points since 28 February 2026"
    );
    assert_eq!(text(&host, &change), "▲ +34 count against February 2026");

    // In Dutch (the unit is the scorecard's own, made in English).
    state.lang.set(Lang::Nl);
    settle().await;
    assert_eq!(text(&host, overall), "▲ +35 punten sinds 28 februari 2026");
    assert_eq!(
        text(&host, &change),
        "▲ +34 count ten opzichte van februari 2026"
    );
}
