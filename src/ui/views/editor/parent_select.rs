//! "Belongs to": moves a KPI to another objective or sub-objective, or an action to another
//! sub-objective (to the end of its new list). One undo step; the model keeps the item's id,
//! measurements and links.

use leptos::prelude::*;

use crate::i18n::words::factor_kind_name;
use crate::model::{Command, KpiParent, Scorecard};
use crate::ui::session::state::AppState;
use crate::ui::widgets::fields::SelectField;

/// The value of an option: `obj:<id>` for an objective, `so:<id>` for a sub-objective.
fn key_of(parent: &KpiParent) -> String {
    match parent {
        KpiParent::Objective(id) => format!("obj:{id}"),
        KpiParent::SubObjective(id) => format!("so:{id}"),
    }
}

fn parent_of(key: &str) -> Option<KpiParent> {
    if let Some(id) = key.strip_prefix("obj:") {
        Some(KpiParent::Objective(id.to_string()))
    } else {
        key.strip_prefix("so:")
            .map(|id| KpiParent::SubObjective(id.to_string()))
    }
}

/// Every sub-objective as an option, "Factor: title".
fn sub_objective_options(d: &Scorecard, lang: crate::model::Lang) -> Vec<(String, String)> {
    d.sub_objectives()
        .map(|(kind, so)| {
            (
                format!("so:{}", so.id),
                format!("{}: {}", factor_kind_name(kind, lang), so.title),
            )
        })
        .collect()
}

/// Where a KPI belongs: any objective or sub-objective.
#[component]
pub fn KpiParentSelect(id: String) -> impl IntoView {
    let state = AppState::expect();
    let (doc, lang) = (state.doc, state.lang);
    let label = crate::ui::widgets::labels::labels(lang);
    let options = Memo::new(move |_| {
        let lang = lang.get();
        doc.with(|d| {
            let objective = crate::i18n::tr(lang, "Objective", "Doelstelling");
            let mut options: Vec<(String, String)> = d
                .objectives
                .iter()
                .map(|o| (format!("obj:{}", o.id), format!("{objective}: {}", o.title)))
                .collect();
            options.extend(sub_objective_options(d, lang));
            options
        })
    });
    let current = {
        let id = id.clone();
        Memo::new(move |_| {
            doc.with(|d| {
                d.locate_kpi(&id)
                    .map(|(p, _)| key_of(&p))
                    .unwrap_or_default()
            })
        })
    };
    let pick = Callback::new(move |key: String| {
        if key == current.get_untracked() {
            return;
        }
        if let Some(parent) = parent_of(&key) {
            state.dispatch(Command::MoveKpi {
                id: id.clone(),
                parent,
                to_index: usize::MAX,
            });
        }
    });
    view! {
        <div class="item-parent">
            <SelectField label=label("Belongs to", "Hoort bij") testid="kpi-parent-input"
                options=options value=current on_pick=pick />
        </div>
    }
}

/// Where an action belongs: any sub-objective.
#[component]
pub fn ActionParentSelect(id: String) -> impl IntoView {
    let state = AppState::expect();
    let (doc, lang) = (state.doc, state.lang);
    let label = crate::ui::widgets::labels::labels(lang);
    let options = Memo::new(move |_| {
        let lang = lang.get();
        doc.with(|d| sub_objective_options(d, lang))
    });
    let current = {
        let id = id.clone();
        Memo::new(move |_| {
            doc.with(|d| {
                d.locate_action(&id)
                    .map(|(so, _)| format!("so:{so}"))
                    .unwrap_or_default()
            })
        })
    };
    let pick = Callback::new(move |key: String| {
        if key == current.get_untracked() {
            return;
        }
        if let Some(KpiParent::SubObjective(so)) = parent_of(&key) {
            state.dispatch(Command::MoveAction {
                id: id.clone(),
                sub_objective: so,
                to_index: usize::MAX,
            });
        }
    });
    view! {
        <div class="item-parent">
            <SelectField label=label("Belongs to", "Hoort bij") testid="action-parent-input"
                options=options value=current on_pick=pick />
        </div>
    }
}
