//! Browser tests (wasm-bindgen-test in headless Chromium) of "Why this score?"
//! (`src/ui/widgets/why_button.rs`, `why_score.rs`) on the article's example: a KPI's
//! explanation with the real numbers, a factor's roll-up whose input opens the sub-objective
//! in the side panel, the whole scorecard's factors explained in place with Back, and the
//! same in projector mode, where the buttons stay usable and inputs are explained in place.

use crate::support::{all, find, get, mount, settle, text};
use leptos::prelude::*;
use smsc::model::{Date, FactorKind, Lang, Scorecard};
use smsc::ui::{AppState, Selection, View};
use wasm_bindgen_test::*;

/// The article's example as of 15 March 2026: February's 3.5 hours is the response time's
/// latest measurement.
fn example() -> (AppState, Scorecard) {
    let doc = smsc::method::templates::example("sc-why".into(), Lang::En);
    let as_of = Date::from_ymd(2026, 3, 15).expect("a date");
    (AppState::new(doc.clone(), Lang::En, as_of), doc)
}

#[wasm_bindgen_test]
async fn a_kpi_and_a_factor_explained_and_an_input_followed() {
    let (state, doc) = example();
    let sub = &doc.factors.organisation.sub_objectives[0];
    let kpi = sub.kpis[0].id.clone();
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    settle().await;
    assert!(find(&host, "[data-testid=why-score]").is_none());

    // The KPI: its formula with the real numbers, its three inputs.
    let button = get(
        &host,
        &format!("[data-testid=quadrants] [data-testid=why-kpi-{kpi}]"),
    );
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Why this score?")
    );
    button.click();
    settle().await;
    let dialog = get(&host, "[data-testid=why-score]");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(
        text(&dialog, "[data-testid=why-name]"),
        "Response time of product management"
    );
    let formula = text(&dialog, "[data-testid=why-formula]");
    assert!(
        formula.contains("(3.5 − 8) / (2 − 8) = 75.0 %."),
        "{formula}"
    );
    assert_eq!(all(&dialog, "[data-testid=why-input]").len(), 3);
    assert!(all(&dialog, "[data-testid=why-input-open]").is_empty());
    get(&dialog, "[data-testid=why-close]").click();
    settle().await;
    assert!(find(&host, "[data-testid=why-score]").is_none());

    // The factor: its sub-objectives, each a button; the first opens in the side panel.
    get(&host, "[data-testid=why-factor-organisation]").click();
    settle().await;
    let dialog = get(&host, "[data-testid=why-score]");
    let formula = text(&dialog, "[data-testid=why-formula]");
    assert!(formula.contains("Σ weight"), "{formula}");
    let inputs = all(&dialog, "[data-testid=why-input-open]");
    assert_eq!(inputs.len(), doc.factors.organisation.sub_objectives.len());
    assert!(
        inputs[0]
            .text_content()
            .unwrap_or_default()
            .contains(&sub.title),
        "the first input is the article's sub-objective"
    );
    inputs[0].click();
    settle().await;
    assert!(find(&host, "[data-testid=why-score]").is_none());
    assert_eq!(
        state.selection.get_untracked(),
        Some(Selection::SubObjective(sub.id.clone()))
    );
    // The side panel shows the sub-objective's score with its own button.
    let panel = get(&host, "[data-testid=side-panel]");
    get(
        &panel,
        &format!("[data-testid=why-sub-objective-{}]", sub.id),
    )
    .click();
    settle().await;
    let formula = text(&host, "[data-testid=why-score] [data-testid=why-formula]");
    assert!(formula.contains("(1 × 75.0 %"), "{formula}");
    get(&host, "[data-testid=why-close]").click();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_whole_scorecard_and_projector_mode_explain_inputs_in_place() {
    let (state, doc) = example();
    state.go(View::Dashboard);
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    settle().await;
    get(&host, "[data-testid=why-overall]").click();
    settle().await;
    let dialog = get(&host, "[data-testid=why-score]");
    assert_eq!(text(&dialog, "[data-testid=why-kind]"), "Whole scorecard");
    let factors = all(&dialog, "[data-testid=why-input-open]");
    assert_eq!(factors.len(), 4);
    // A factor has no side panel: it is explained in the dialog, with Back.
    factors[2].click();
    settle().await;
    let dialog = get(&host, "[data-testid=why-score]");
    assert_eq!(text(&dialog, "[data-testid=why-kind]"), "Factor");
    assert_eq!(
        text(&dialog, "[data-testid=why-name]"),
        doc.factor(FactorKind::Organisation).label
    );
    get(&dialog, "[data-testid=why-back]").click();
    settle().await;
    assert_eq!(
        text(&host, "[data-testid=why-score] [data-testid=why-kind]"),
        "Whole scorecard"
    );
    get(&host, "[data-testid=why-close]").click();
    settle().await;

    // Projector mode: the views stay live for these buttons only; a sub-objective input is
    // explained in place (the side panel is hidden there).
    state.projector.set(true);
    state.go(View::Scorecard);
    settle().await;
    let views = get(&host, "[data-testid=views]");
    assert!(!views.has_attribute("inert"));
    assert!(get(&host, "[data-testid=mission]").has_attribute("inert"));
    assert!(
        all(&host, "[data-testid=open-sub-objective]")
            .iter()
            .all(|b| b.has_attribute("inert"))
    );
    let why = get(&host, "[data-testid=why-factor-organisation]");
    assert!(!why.has_attribute("inert"));
    why.click();
    settle().await;
    get(
        &host,
        "[data-testid=why-score] [data-testid=why-input-open]",
    )
    .click();
    settle().await;
    assert_eq!(
        text(&host, "[data-testid=why-score] [data-testid=why-kind]"),
        "Sub-objective"
    );
    assert_eq!(state.selection.get_untracked(), None);
    assert!(find(&host, "[data-testid=why-back]").is_some());
    // Other views stay inert as a whole in projector mode.
    state.go(View::Workshop);
    settle().await;
    assert!(get(&host, "[data-testid=views]").has_attribute("inert"));
    state.projector.set(false);
}
