//! A KPI's movement, as the scorecard's KPI lines and the dashboard's KPI cards show it: the
//! change against the previous period (▲▼ with the difference) and, when the KPI has an
//! expected value, the on track / behind pill. Worked out for every KPI at once by
//! [`movements`], which the views call in a memo over `AppState::with_scored_doc` (after an
//! edit that can move a score, not on every keystroke).

use std::collections::HashMap;

use leptos::prelude::*;

use crate::charts::labels::value_with_unit;
use crate::i18n::review_words::pace_word;
use crate::model::expected::Pace;
use crate::model::{Date, Lang, Period, Scorecard};

/// One KPI's movement: the change against the previous period with that period, and the pace.
pub type Movement = (Option<(f64, Period)>, Option<Pace>);

/// The movement of every KPI, by id.
pub type Movements = HashMap<String, Movement>;

/// The movement of every KPI of `doc` as of `as_of` (see `Scorecard::kpi_figures`).
pub fn movements(doc: &Scorecard, as_of: Date) -> Movements {
    doc.kpis()
        .map(|(_, k)| {
            let f = doc.kpi_figures(k, as_of);
            let change = f.change.zip(f.previous.map(|p| p.period));
            (k.id.clone(), (change, f.pace))
        })
        .collect()
}

/// "▲ +2 %": the change `delta` in the KPI's `unit` against `previous` (named for screen
/// readers and in the tooltip: "against February 2026"); `testid` names it for tests.
pub fn change_badge(
    delta: f64,
    previous: Period,
    unit: &str,
    lang: Lang,
    testid: &'static str,
) -> impl IntoView + use<> {
    let (arrow, sign) = if delta > 0.0 {
        ("▲", "+")
    } else if delta < 0.0 {
        ("▼", "−")
    } else {
        ("=", "")
    };
    let amount = value_with_unit(delta.abs(), unit, lang);
    let against = match lang {
        Lang::En => format!("against {}", previous.label(lang)),
        Lang::Nl => format!("ten opzichte van {}", previous.label(lang)),
    };
    view! {
        <span class="kpi-change-badge" data-testid=testid title=against.clone()>
            {format!("{arrow} {sign}{amount}")}
            <span class="visually-hidden">{format!(" {against}")}</span>
        </span>
    }
}

/// The "On track" / "Behind" pill (`data-pace`: `on-track`, `behind`).
pub fn pace_badge(pace: Pace, lang: Lang, testid: &'static str) -> impl IntoView + use<> {
    let key = match pace {
        Pace::OnTrack => "on-track",
        Pace::Behind => "behind",
    };
    view! {
        <span class="kpi-pace-badge" data-testid=testid data-pace=key>
            {pace_word(pace, lang)}
        </span>
    }
}
