//! The Social Media Strategy Map: the mission on top, the strategic objectives under it, then
//! the four factors with their sub-objectives: the results (Customers, Financial) above the
//! drivers (Organisation, the medium), so cause → effect runs from the bottom to the top.
//! Connectors show which sub-objectives contribute to which objectives and lead to which
//! other sub-objectives. Fits one A4 landscape page in print (`style/map.css`).

use leptos::prelude::*;

use crate::i18n::messages::scorecard_subtitle;
use crate::i18n::tr;
use crate::model::{FactorKind, Score, ScoreRef, text};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::map::connectors::{MapConnectors, map_links};
use crate::ui::widgets::status_badge::StatusBadge;
use crate::ui::widgets::why_button::WhyButton;

/// The factors as the map shows them: results on top, drivers below.
const MAP_FACTORS: [FactorKind; 4] = [
    FactorKind::Customers,
    FactorKind::Financial,
    FactorKind::Organisation,
    FactorKind::Medium,
];

/// Whether a factor is a driver (cause) rather than a result (effect).
fn is_driver(kind: FactorKind) -> bool {
    matches!(kind, FactorKind::Organisation | FactorKind::Medium)
}

/// The strategy map of the open scorecard. Clicking a card (or Enter / Space on it) selects
/// its item, which the side panel opens.
#[component]
pub fn StrategyMap() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let root = NodeRef::<leptos::html::Section>::new();
    let links = Memo::new(move |_| state.doc.with(map_links));

    let title = move || state.doc.with(|d| d.title.clone());
    let subtitle = move || {
        let lang = lang.get();
        state.doc.with(|d| scorecard_subtitle(d, lang))
    };
    let mission = move || {
        let text = state.doc.with(|d| d.mission.trim().to_string());
        if text.is_empty() {
            view! {
                <span class="map-placeholder">
                    {tr(
                        lang.get(),
                        "No mission yet: what do we stand for on social media?",
                        "Nog geen missie: waar staan we voor op social media?",
                    )}
                </span>
            }
            .into_any()
        } else {
            view! { <span>{text}</span> }.into_any()
        }
    };
    let mission_selected = move || {
        state
            .selection
            .with(|s| matches!(s, Some(Selection::Scorecard)))
    };

    let objective_ids = move || {
        state.doc.with(|d| {
            d.objectives
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let no_objectives = move || {
        state.doc.with(|d| d.objectives.is_empty()).then(|| {
            view! {
                <p class="map-empty" data-testid="map-no-objectives">
                    {tr(
                        lang.get(),
                        "No objectives yet: what do we want to achieve?",
                        "Nog geen doelstellingen: wat willen we bereiken?",
                    )}
                </p>
            }
        })
    };

    view! {
        <section
            class="strategy-map"
            data-testid="strategy-map"
            node_ref=root
            aria-label=move || tr(lang.get(), "Social media strategy map", "Social media strategiekaart")
        >
            <MapConnectors root=root links=links />
            <header class="map-head">
                <h2 class="map-title">{title}</h2>
                <span class="map-kind">
                    {move || tr(lang.get(), "Social Media Strategy Map", "Social Media Strategiekaart")}
                </span>
                <span class="map-subtitle">{subtitle}</span>
            </header>
            <button
                type="button"
                class="map-mission"
                class:is-selected=mission_selected
                data-testid="map-mission"
                inert=move || state.projector.get()
                aria-pressed=move || if mission_selected() { "true" } else { "false" }
                on:click=move |_| state.selection.set(Some(Selection::Scorecard))
            >
                <span class="map-label">
                    {move || tr(lang.get(), "Social media mission", "Social media missie")}
                </span>
                <span class="map-mission-text">{mission}</span>
            </button>
            <div class="map-tier map-objectives-tier">
                <h3 class="map-label">
                    {move || tr(lang.get(), "Social media objectives", "Social media doelstellingen")}
                </h3>
                <ul class="map-objectives" data-testid="map-objectives">
                    <For each=objective_ids key=|id| id.clone() let:id>
                        <li class="map-card-slot">
                            <ObjectiveCard id=id.clone() />
                            <WhyButton target=ScoreRef::Objective(id) />
                        </li>
                    </For>
                </ul>
                {no_objectives}
            </div>
            <div class="map-factors">
                {MAP_FACTORS.into_iter().map(|kind| view! { <MapFactor kind=kind /> }).collect_view()}
            </div>
            <MapLegend />
        </section>
    }
}

/// One factor on the map: its label, whether it is a result or a driver, its sub-objectives.
#[component]
fn MapFactor(kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let label = move || {
        state.doc.with(|d| {
            let label = d.factor(kind).label.trim();
            if label.is_empty() {
                text::factor_label(kind, lang.get()).to_string()
            } else {
                label.to_string()
            }
        })
    };
    let role = move || {
        if is_driver(kind) {
            tr(lang.get(), "Driver", "Drijfveer")
        } else {
            tr(lang.get(), "Result", "Resultaat")
        }
    };
    let ids = move || {
        state.doc.with(|d| {
            d.factor(kind)
                .sub_objectives
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let empty = move || {
        state
            .doc
            .with(|d| d.factor(kind).sub_objectives.is_empty())
            .then(|| {
                view! {
                    <p class="map-empty">
                        {tr(lang.get(), "No sub-objectives yet.", "Nog geen subdoelstellingen.")}
                    </p>
                }
            })
    };
    let heading_id = format!("map-factor-{}-heading", kind.key());
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="map-factor"
            data-factor=kind.key()
            data-role=if is_driver(kind) { "driver" } else { "result" }
            data-testid=format!("map-factor-{}", kind.key())
            aria-labelledby=labelled_by
        >
            <header class="map-factor-head">
                <h3 id=heading_id>{label}</h3>
                <span class="map-factor-role">{role}</span>
            </header>
            <ul class="map-subs">
                <For each=ids key=|id| id.clone() let:id>
                    <li class="map-card-slot">
                        <SubObjectiveCard id=id.clone() />
                        <WhyButton target=ScoreRef::SubObjective(id) />
                    </li>
                </For>
            </ul>
            {empty}
        </section>
    }
}

/// The title of a card, or a placeholder when it has none.
fn card_title(
    title: Option<String>,
    lang: leptos::prelude::RwSignal<crate::model::Lang>,
) -> String {
    match title {
        Some(t) if !t.trim().is_empty() => t,
        _ => tr(lang.get(), "(untitled)", "(zonder titel)").to_string(),
    }
}

/// A strategic objective's card.
#[component]
fn ObjectiveCard(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let title = {
        let id = id.clone();
        move || {
            card_title(
                state
                    .doc
                    .with(|d| d.objective(&id).map(|o| o.title.clone())),
                lang,
            )
        }
    };
    let score = {
        let id = id.clone();
        Signal::derive(move || {
            state
                .evaluation
                .with(|e| e.objective(&id))
                .unwrap_or(Score::GREY)
        })
    };
    let selected = {
        let id = id.clone();
        move || {
            state
                .selection
                .with(|s| matches!(s, Some(Selection::Objective(x)) if *x == id))
        }
    };
    let select = {
        let id = id.clone();
        move |_| state.selection.set(Some(Selection::Objective(id.clone())))
    };
    view! {
        <button
            type="button"
            class="map-card map-objective"
            class:is-selected=selected.clone()
            data-testid="map-objective"
            data-id=id
            aria-pressed=move || if selected() { "true" } else { "false" }
            inert=move || state.projector.get()
            on:click=select
        >
            <span class="map-card-title">{title}</span>
            <StatusBadge score=score />
        </button>
    }
}

/// A sub-objective's card.
#[component]
fn SubObjectiveCard(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let title = {
        let id = id.clone();
        move || {
            card_title(
                state
                    .doc
                    .with(|d| d.sub_objective(&id).map(|(_, s)| s.title.clone())),
                lang,
            )
        }
    };
    let score = {
        let id = id.clone();
        Signal::derive(move || {
            state
                .evaluation
                .with(|e| e.sub_objective(&id))
                .unwrap_or(Score::GREY)
        })
    };
    let selected = {
        let id = id.clone();
        move || {
            state
                .selection
                .with(|s| matches!(s, Some(Selection::SubObjective(x)) if *x == id))
        }
    };
    let select = {
        let id = id.clone();
        move |_| {
            state
                .selection
                .set(Some(Selection::SubObjective(id.clone())))
        }
    };
    view! {
        <button
            type="button"
            class="map-card map-sub-objective"
            class:is-selected=selected.clone()
            data-testid="map-sub-objective"
            data-id=id
            aria-pressed=move || if selected() { "true" } else { "false" }
            inert=move || state.projector.get()
            on:click=select
        >
            <span class="map-card-title">{title}</span>
            <StatusBadge score=score />
        </button>
    }
}

/// What the two kinds of line mean, and which way cause and effect run.
#[component]
fn MapLegend() -> impl IntoView {
    let lang = AppState::expect().lang;
    let sample = |kind: &'static str| {
        view! {
            <svg class="map-legend-sample" width="44" height="12" aria-hidden="true" focusable="false">
                <path class="map-connector" data-kind=kind d="M2 6 H34"></path>
                <path class="map-arrowhead" data-kind=kind d="M33 2 L42 6 L33 10 z"></path>
            </svg>
        }
    };
    view! {
        <div class="map-legend" data-testid="map-legend">
            <span class="map-legend-item">
                {sample("contribution")}
                {move || tr(lang.get(), "contributes to an objective", "draagt bij aan een doelstelling")}
            </span>
            <span class="map-legend-item">
                {sample("cause")}
                {move || tr(lang.get(), "leads to (cause → effect)", "leidt tot (oorzaak → gevolg)")}
            </span>
            <span class="map-legend-item map-legend-note">
                {move || {
                    tr(
                        lang.get(),
                        "Drivers at the bottom, results on top: cause → effect runs upwards.",
                        "Drijfveren onderaan, resultaten bovenaan: oorzaak → gevolg loopt van onder naar boven.",
                    )
                }}
            </span>
        </div>
    }
}
