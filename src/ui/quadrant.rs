//! One factor quadrant: label, key question and its sub-objectives with their KPIs.

use leptos::prelude::*;

use crate::format::format_number;
use crate::model::{FactorKind, Kpi, Lang, SubObjective};
use crate::ui::state::AppState;
use crate::ui::texts::{Text, t};

/// The quadrant of one factor.
#[component]
pub fn Quadrant(kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let label = move || state.doc.with(|d| d.factor(kind).label.clone());
    let question = move || state.doc.with(|d| d.factor(kind).key_question.clone());
    let body = move || {
        state.doc.with(|d| {
            let subs = &d.factor(kind).sub_objectives;
            if subs.is_empty() {
                return view! {
                    <p class="empty-note">{t(lang.get(), Text::NoSubObjectives)}</p>
                }
                .into_any();
            }
            let items = subs
                .iter()
                .map(|s| sub_objective_card(s, lang.get()))
                .collect_view();
            view! { <ul class="sub-objective-list">{items}</ul> }.into_any()
        })
    };
    let heading_id = format!("quadrant-{}-heading", kind.key());
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="quadrant"
            data-factor=kind.key()
            data-testid=format!("quadrant-{}", kind.key())
            aria-labelledby=labelled_by
        >
            <div class="quadrant-head">
                <h2 id=heading_id>{label}</h2>
            </div>
            <p class="key-question" data-testid="key-question">{question}</p>
            {body}
        </section>
    }
}

fn sub_objective_card(sub: &SubObjective, lang: Lang) -> impl IntoView + use<> {
    let kpis = sub.kpis.iter().map(|k| kpi_line(k, lang)).collect_view();
    let owner = (!sub.owner.is_empty()).then(|| format!("{}: {}", t(lang, Text::Owner), sub.owner));
    view! {
        <li class="sub-objective" data-testid="sub-objective" data-id=sub.id.clone()>
            <div class="sub-objective-title">{sub.title.clone()}</div>
            {kpis}
            {owner.map(|o| view! { <div class="kpi-line">{o}</div> })}
        </li>
    }
}

fn kpi_line(kpi: &Kpi, lang: Lang) -> impl IntoView + use<> {
    let with_unit = |v: f64| {
        let n = format_number(v, lang);
        if kpi.unit.is_empty() {
            n
        } else {
            format!("{n} {}", kpi.unit)
        }
    };
    let target = kpi.target.map(with_unit).unwrap_or_else(|| "–".into());
    let latest = kpi
        .measurements
        .iter()
        .max_by_key(|m| m.date)
        .map(|m| with_unit(m.value))
        .unwrap_or_else(|| "–".into());
    view! {
        <div class="kpi-line" data-testid="kpi" data-id=kpi.id.clone()>
            <span class="kpi-name">{kpi.name.clone()}</span>
            <span>{format!("{}: {target}", t(lang, Text::Target))}</span>
            <span>{format!("{}: {latest}", t(lang, Text::Latest))}</span>
        </div>
    }
}
