//! The banner a workshop group sees in the copy handed out to it: which group it is, what it
//! works on (the scorecard's own factor labels, the strategy map), that the rest stays
//! visible, and to return the file when done. Nothing is hidden or locked; the assigned
//! parts are marked in the scorecard view (`ui::views::scorecard`).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Group, Lang, Scorecard};
use crate::ui::session::Persistence;
use crate::ui::session::state::AppState;

/// What the group works on, in words: "the strategy map (mission and objectives), Customers
/// and Financial"; `None` when nothing is assigned.
fn assignment(group: &Group, card: &Scorecard, lang: Lang) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if group.strategy_map {
        parts.push(
            tr(
                lang,
                "the strategy map (mission and objectives)",
                "de strategiekaart (missie en doelstellingen)",
            )
            .to_string(),
        );
    }
    parts.extend(group.factors.iter().map(|k| card.factor(*k).label.clone()));
    let last = parts.pop()?;
    if parts.is_empty() {
        Some(last)
    } else {
        Some(format!(
            "{} {} {last}",
            parts.join(", "),
            tr(lang, "and", "en")
        ))
    }
}

/// The sentence of the banner for `group` of `card`.
fn banner_text(group: &Group, card: &Scorecard, lang: Lang) -> String {
    let name = group.name.trim();
    let who = match (assignment(group, card, lang), lang) {
        (Some(what), Lang::En) => format!("You are {name} — working on {what}."),
        (Some(what), Lang::Nl) => format!("Jullie zijn {name} — jullie werken aan {what}."),
        (None, Lang::En) => format!("You are {name}."),
        (None, Lang::Nl) => format!("Jullie zijn {name}."),
    };
    let rest = tr(
        lang,
        "The rest of the scorecard stays visible; return this file to the facilitator when done (Export).",
        "De rest van de scorecard blijft zichtbaar; stuur dit bestand terug naar de begeleider als jullie klaar zijn (Exporteren).",
    );
    format!("{who} {rest}")
}

/// "You are Group 2 — working on Organisation. …", while the open scorecard is a copy handed
/// out to a group.
#[component]
pub fn GroupBanner() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let text = Memo::new(move |_| {
        let l = lang.get();
        state.doc.with(|d| {
            d.lineage
                .group
                .as_ref()
                .map(|g| (g.name.clone(), banner_text(g, d, l)))
        })
    });
    let persistence = Persistence::get();
    let export = move || {
        persistence.map(|p| {
            view! {
                <button type="button" data-testid="group-banner-export" on:click=move |_| p.export_open()>
                    {move || tr(lang.get(), "Export", "Exporteren")}
                </button>
            }
        })
    };
    view! {
        <Show when=move || text.with(Option::is_some)>
            <div class="banner info group-banner" role="status" data-testid="group-banner"
                data-group=move || text.with(|t| t.as_ref().map(|t| t.0.clone()).unwrap_or_default())>
                <p>{move || text.with(|t| t.as_ref().map(|t| t.1.clone()).unwrap_or_default())}</p>
                {export()}
            </div>
        </Show>
    }
}
