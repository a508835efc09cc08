//! The strategy band: the social media mission and the strategic objectives.

use leptos::prelude::*;

use crate::ui::state::AppState;
use crate::ui::texts::{Text, t};

/// Mission and objectives, above the four quadrants.
#[component]
pub fn StrategyBand() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let mission = move || {
        let text = state.doc.with(|d| d.mission.trim().to_string());
        if text.is_empty() {
            view! { <span class="placeholder">{t(lang.get(), Text::NoMission)}</span> }.into_any()
        } else {
            view! { <span>{text}</span> }.into_any()
        }
    };
    let objectives = move || {
        state.doc.with(|d| {
            if d.objectives.is_empty() {
                return view! {
                    <p class="empty-note" data-testid="no-objectives">
                        {t(lang.get(), Text::NoObjectives)}
                    </p>
                }
                .into_any();
            }
            let cards = d
                .objectives
                .iter()
                .map(|o| {
                    let id = o.id.clone();
                    let title = o.title.clone();
                    let description = o.description.clone();
                    view! {
                        <li class="objective-card" data-testid="objective" data-id=id>
                            <div class="objective-title">{title}</div>
                            <div class="objective-meta">{description}</div>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="objective-list" data-testid="objective-list">{cards}</ul> }
                .into_any()
        })
    };
    view! {
        <section class="strategy-band" data-testid="strategy-band" aria-labelledby="mission-label">
            <h2 class="band-label" id="mission-label">{move || t(lang.get(), Text::MissionLabel)}</h2>
            <p class="mission-text" data-testid="mission">{mission}</p>
            <h2 class="band-label">{move || t(lang.get(), Text::ObjectivesLabel)}</h2>
            {objectives}
        </section>
    }
}
