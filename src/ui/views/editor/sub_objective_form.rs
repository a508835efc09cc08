//! A sub-objective: its fields, its factor, the objectives it contributes to, the
//! sub-objectives it causes, its KPIs and its actions.

use leptos::prelude::*;

use crate::i18n::format::format_number;
use crate::i18n::tr;
use crate::i18n::words::action_status_name;
use crate::model::{Command, FactorKind, KpiParent, SubObjectiveField};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::editor::child_list::{Child, ChildList};
use crate::ui::views::editor::item_tools::ItemTools;
use crate::ui::widgets::fields::{NumberField, SelectField, TextField};

/// The form for one sub-objective.
#[component]
pub fn SubObjectiveForm(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let field = {
        let id = id.clone();
        move |get: fn(&crate::model::SubObjective) -> String| {
            let id = id.clone();
            Signal::derive(move || {
                doc.with(|d| {
                    d.sub_objective(&id)
                        .map(|(_, s)| get(s))
                        .unwrap_or_default()
                })
            })
        }
    };
    let set = {
        let id = id.clone();
        move |make: fn(String) -> SubObjectiveField| {
            let id = id.clone();
            Callback::new(move |v: String| Command::UpdateSubObjective {
                id: id.clone(),
                field: make(v),
            })
        }
    };
    let weight = {
        let id = id.clone();
        Signal::derive(move || doc.with(|d| d.sub_objective(&id).map(|(_, s)| s.weight)))
    };
    let set_weight = {
        let id = id.clone();
        Callback::new(move |v: Option<f64>| Command::UpdateSubObjective {
            id: id.clone(),
            field: SubObjectiveField::Weight(v.unwrap_or(1.0)),
        })
    };
    let factor_of = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.sub_objective(&id)
                    .map(|(k, _)| k.key().to_string())
                    .unwrap_or_default()
            })
        })
    };
    let factor_options = Signal::derive(move || {
        doc.with(|d| {
            FactorKind::ALL
                .iter()
                .map(|k| (k.key().to_string(), d.factor(*k).label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let pick_factor = {
        let id = id.clone();
        Callback::new(move |key: String| {
            let Some(kind) = FactorKind::ALL.into_iter().find(|k| k.key() == key) else {
                return;
            };
            let end = doc.with_untracked(|d| d.factor(kind).sub_objectives.len());
            state.dispatch(Command::MoveSubObjective {
                id: id.clone(),
                factor: kind,
                to_index: end,
            });
        })
    };
    let kpis = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.sub_objective(&id)
                    .map(|(_, s)| {
                        s.kpis
                            .iter()
                            .map(|k| {
                                let target = k
                                    .target
                                    .map(|t| format_number(t, lang.get()))
                                    .unwrap_or_else(|| "–".into());
                                let unit = if k.unit.is_empty() {
                                    String::new()
                                } else {
                                    format!(" {}", k.unit)
                                };
                                Child {
                                    id: k.id.clone(),
                                    text: format!(
                                        "{} — {} {target}{unit}",
                                        k.name,
                                        tr(lang.get(), "target", "doel")
                                    ),
                                    open: Selection::Kpi(k.id.clone()),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let actions = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.sub_objective(&id)
                    .map(|(_, s)| {
                        s.actions
                            .iter()
                            .map(|a| {
                                let owner = if a.owner.is_empty() {
                                    String::new()
                                } else {
                                    format!(" · {}", a.owner)
                                };
                                Child {
                                    id: a.id.clone(),
                                    text: format!(
                                        "{} ({}){owner}",
                                        a.title,
                                        action_status_name(a.status, lang.get())
                                    ),
                                    open: Selection::Action(a.id.clone()),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let add_kpi = {
        let id = id.clone();
        Callback::new(move |_| {
            if let Some(kpi) = state.add_kpi(KpiParent::SubObjective(id.clone())) {
                state.selection.set(Some(Selection::Kpi(kpi)));
            }
        })
    };
    let add_action = {
        let id = id.clone();
        Callback::new(move |_| {
            let title = tr(lang.get_untracked(), "New action", "Nieuwe actie");
            if let Some(action) = state.dispatch(Command::AddAction {
                sub_objective: id.clone(),
                title: title.into(),
            }) {
                state.selection.set(Some(Selection::Action(action)));
            }
        })
    };
    let position = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.locate_sub_objective(&id)
                    .map(|at| (at.index, d.factor(at.factor).sub_objectives.len()))
            })
        })
    };
    let move_to = {
        let id = id.clone();
        Callback::new(move |to_index| {
            let factor = doc.with_untracked(|d| d.locate_sub_objective(&id).map(|at| at.factor));
            Command::MoveSubObjective {
                id: id.clone(),
                factor: factor.unwrap_or(FactorKind::Customers),
                to_index,
            }
        })
    };
    let delete = {
        let id = id.clone();
        Callback::new(move |_| Command::RemoveSubObjective { id: id.clone() })
    };
    let title = field(|s| s.title.clone());
    view! {
        <h2 class="panel-title">{move || tr(lang.get(), "Sub-objective", "Subdoelstelling")}</h2>
        <TextField label=label("What do we want?", "Wat willen we?") testid="sub-objective-title-input" value=title
            to_command=set(SubObjectiveField::Title) key=format!("{id}:title") />
        <TextField label=label("Description", "Toelichting") testid="sub-objective-description-input"
            value=field(|s| s.description.clone()) to_command=set(SubObjectiveField::Description)
            key=format!("{id}:description") multiline=true />
        <div class="field-pair">
            <TextField label=label("Owner", "Eigenaar") testid="sub-objective-owner-input" value=field(|s| s.owner.clone())
                to_command=set(SubObjectiveField::Owner) key=format!("{id}:owner") />
            <NumberField label=label("Weight", "Gewicht") testid="sub-objective-weight-input" value=weight
                to_command=set_weight key=format!("{id}:weight") />
        </div>
        <SelectField label=label("Factor", "Factor") testid="sub-objective-factor-input" options=factor_options
            value=factor_of on_pick=pick_factor />
        <ContributionLinks id=id.clone() />
        <CauseLinks id=id.clone() />
        <ChildList heading=label("KPIs: how do we measure it?", "KPI's: hoe meten we het?") children_of=kpis
            add_label=label("+ Add KPI", "+ KPI toevoegen") testid="sub-objective-kpis"
            empty=label("No KPI yet.", "Nog geen KPI.") on_add=add_kpi />
        <ChildList heading=label("Actions: what does it take?", "Acties: wat is ervoor nodig?") children_of=actions
            add_label=label("+ Add action", "+ Actie toevoegen") testid="sub-objective-actions"
            empty=label("No actions yet.", "Nog geen acties.") on_add=add_action />
        <ItemTools what=label("sub-objective", "subdoelstelling") position=position move_to=move_to delete=delete title=title />
    }
}

/// Checkboxes: the strategic objectives this sub-objective contributes to.
#[component]
fn ContributionLinks(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let rows = move || {
        doc.with(|d| {
            d.objectives
                .iter()
                .map(|o| (o.id.clone(), o.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="link-fields" data-testid="contribution-links">
            <legend>{move || tr(lang.get(), "Contributes to objectives", "Draagt bij aan doelstellingen")}</legend>
            <Show when=move || rows().is_empty()>
                <p class="empty-note">{move || tr(lang.get(), "Add objectives to the strategy map first.", "Voeg eerst doelstellingen toe aan de strategiekaart.")}</p>
            </Show>
            <For each=rows key=|r| r.clone() let:row>
                {
                    let (objective, title) = row;
                    let sub = id.clone();
                    let check_sub = id.clone();
                    let check_obj = objective.clone();
                    let checked = move || doc.with(|d| d.sub_objective(&check_sub).is_some_and(|(_, s)| s.contributes_to.contains(&check_obj)));
                    let toggle = move |ev| {
                        let cmd = if event_target_checked(&ev) {
                            Command::LinkContribution { sub_objective: sub.clone(), objective: objective.clone(), at: None }
                        } else {
                            Command::UnlinkContribution { sub_objective: sub.clone(), objective: objective.clone() }
                        };
                        state.dispatch(cmd);
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="contribution-checkbox" prop:checked=checked on:change=toggle />
                            <span>{title}</span>
                        </label>
                    }
                }
            </For>
        </fieldset>
    }
}

/// Checkboxes: the other sub-objectives this one is a cause of (cause → effect).
#[component]
fn CauseLinks(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let me = id.clone();
    let rows = move || {
        doc.with(|d| {
            d.sub_objectives()
                .filter(|(_, s)| s.id != me)
                .map(|(k, s)| (s.id.clone(), format!("{} — {}", d.factor(k).label, s.title)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="link-fields" data-testid="cause-links">
            <legend>{move || tr(lang.get(), "Leads to (cause → effect)", "Leidt tot (oorzaak → gevolg)")}</legend>
            <For each=rows key=|r| r.clone() let:row>
                {
                    let (effect, text) = row;
                    let cause = id.clone();
                    let check_cause = id.clone();
                    let check_effect = effect.clone();
                    let checked = move || doc.with(|d| d.sub_objective(&check_cause).is_some_and(|(_, s)| s.leads_to.contains(&check_effect)));
                    let toggle = move |ev| {
                        let cmd = if event_target_checked(&ev) {
                            Command::LinkCause { cause: cause.clone(), effect: effect.clone(), at: None }
                        } else {
                            Command::UnlinkCause { cause: cause.clone(), effect: effect.clone() }
                        };
                        state.dispatch(cmd);
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="cause-checkbox" prop:checked=checked on:change=toggle />
                            <span>{text}</span>
                        </label>
                    }
                }
            </For>
        </fieldset>
    }
}
