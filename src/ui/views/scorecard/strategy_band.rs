//! The strategy band: the social media mission and the strategic objectives, above the four
//! quadrants. Click the mission to edit the scorecard's own fields, an objective to edit it.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, Score, ScoreRef};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::widgets::linked_text::LinkedText;
use crate::ui::widgets::status_badge::StatusBadge;
use crate::ui::widgets::why_button::WhyButton;

/// Mission and objectives.
#[component]
pub fn StrategyBand() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let mission = move || state.doc.with(|d| d.mission.trim().to_string());
    let ids = move || {
        state.doc.with(|d| {
            d.objectives
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let title = tr(lang.get_untracked(), "New objective", "Nieuwe doelstelling");
        if let Some(id) = state.dispatch(Command::AddObjective {
            title: title.into(),
        }) {
            state.selection.set(Some(Selection::Objective(id)));
        }
    };
    // A workshop group's copy with the strategy map handed to it marks the band.
    let assigned = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.lineage.group.as_ref().is_some_and(|g| g.strategy_map))
    });
    view! {
        <section class="strategy-band" data-testid="strategy-band" aria-labelledby="mission-label"
            class:assigned=move || assigned.get()
            data-assigned=move || assigned.get().then_some("true")>
            <Show when=move || assigned.get()>
                <p class="assigned-tag" data-testid="assigned-tag">
                    {move || tr(lang.get(), "Your group's part", "Het deel van jullie groep")}
                </p>
            </Show>
            <h2 class="band-label" id="mission-label">
                {move || tr(lang.get(), "Social media mission", "Social media missie")}
            </h2>
            <button
                type="button"
                class="mission-text card-button"
                data-testid="mission"
                inert=move || state.projector.get()
                on:click=move |_| state.selection.set(Some(Selection::Scorecard))
            >
                <Show
                    when=move || !mission().is_empty()
                    fallback=move || {
                        view! {
                            <span class="placeholder">
                                {move || tr(
                                    lang.get(),
                                    "No mission yet: what do we stand for on social media? Click to write it.",
                                    "Nog geen missie: waar staan we voor op social media? Klik om hem te schrijven.",
                                )}
                            </span>
                        }
                    }
                >
                    <span>{mission}</span>
                </Show>
            </button>
            <h2 class="band-label">
                {move || tr(lang.get(), "Social media objectives", "Social media doelstellingen")}
            </h2>
            <Show when=move || ids().is_empty()>
                <p class="empty-note" data-testid="no-objectives">
                    {move || tr(
                        lang.get(),
                        "No objectives yet: what do we want to achieve? Make each concrete and measurable.",
                        "Nog geen doelstellingen: wat willen we bereiken? Maak elke doelstelling concreet en meetbaar.",
                    )}
                </p>
            </Show>
            <ul class="objective-list" data-testid="objective-list">
                <For each=ids key=|id| id.clone() let:id>
                    <ObjectiveCard id=id />
                </For>
                <li class="objective-add">
                    <button type="button" class="add-button" data-testid="add-objective" on:click=add
                        inert=move || state.projector.get()>
                        {move || tr(lang.get(), "+ Add objective", "+ Doelstelling toevoegen")}
                    </button>
                </li>
            </ul>
        </section>
    }
}

/// One strategic objective in the band.
#[component]
fn ObjectiveCard(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let read_id = id.clone();
    let objective = Memo::new(move |_| {
        state.doc.with(|d| {
            d.objective(&read_id)
                .map(|o| (o.title.clone(), o.description.clone()))
        })
    });
    let score_id = id.clone();
    let score = Signal::derive(move || {
        state
            .evaluation
            .with(|e| e.objective(&score_id).unwrap_or(Score::GREY))
    });
    let count_id = id.clone();
    let contributors = move || {
        state.doc.with(|d| {
            d.sub_objectives()
                .filter(|(_, s)| s.contributes_to.contains(&count_id))
                .count()
        })
    };
    let select_id = id.clone();
    let selected_id = id.clone();
    let is_selected = move || {
        state
            .selection
            .with(|s| s.as_ref() == Some(&Selection::Objective(selected_id.clone())))
    };
    let why = ScoreRef::Objective(id.clone());
    view! {
        <li
            class="objective-card"
            class:selected=is_selected.clone()
            data-selected=move || is_selected().to_string()
            data-testid="objective"
            data-id=id
        >
            <div class="card-row">
                <button
                    type="button"
                    class="card-button"
                    inert=move || state.projector.get()
                    on:click=move |_| state.selection.set(Some(Selection::Objective(select_id.clone())))
                >
                    <span class="card-head">
                        <span class="objective-title" data-testid="objective-title">
                            {move || objective.with(|o| o.as_ref().map(|o| o.0.clone()).unwrap_or_default())}
                        </span>
                        <StatusBadge score=score />
                    </span>
                </button>
                <WhyButton target=why />
            </div>
            <p class="objective-meta" data-testid="objective-description" inert=move || state.projector.get()>
                <LinkedText text=Signal::derive(move || {
                    objective.with(|o| o.as_ref().map(|o| o.1.clone()).unwrap_or_default())
                }) />
            </p>
            <p class="card-meta">
                    {move || match (contributors(), lang.get()) {
                        (0, l) => tr(l, "No sub-objective contributes yet", "Nog geen subdoelstelling draagt bij").to_string(),
                        (1, l) => tr(l, "1 sub-objective contributes", "1 subdoelstelling draagt bij").to_string(),
                        (n, l) => format!("{n} {}", tr(l, "sub-objectives contribute", "subdoelstellingen dragen bij")),
                }}
            </p>
        </li>
    }
}
