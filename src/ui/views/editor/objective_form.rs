//! A strategic objective: title, description, owner, its own KPIs, and who contributes.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, KpiParent, ObjectiveField};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::editor::child_list::{Child, ChildList};
use crate::ui::views::editor::item_tools::ItemTools;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::objective_binding::ObjectiveBinding;

/// The form for one objective.
#[component]
pub fn ObjectiveForm(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let objective = ObjectiveBinding::new(doc, id.clone());
    let kpis = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.objective(&id)
                    .map(|o| {
                        o.kpis
                            .iter()
                            .map(|k| Child {
                                id: k.id.clone(),
                                text: k.name.clone(),
                                open: Selection::Kpi(k.id.clone()),
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let contributors = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.sub_objectives()
                    .filter(|(_, s)| s.contributes_to.contains(&id))
                    .map(|(_, s)| Child {
                        id: s.id.clone(),
                        text: s.title.clone(),
                        open: Selection::SubObjective(s.id.clone()),
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let add_kpi = {
        let id = id.clone();
        Callback::new(move |_| {
            if let Some(kpi) = state.add_kpi(KpiParent::Objective(id.clone())) {
                state.selection.set(Some(Selection::Kpi(kpi)));
            }
        })
    };
    let position = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| d.objective_index(&id).map(|i| (i, d.objectives.len())))
        })
    };
    let move_to = {
        let id = id.clone();
        Callback::new(move |to_index| Command::MoveObjective {
            id: id.clone(),
            to_index,
        })
    };
    let delete = {
        let id = id.clone();
        Callback::new(move |_| Command::RemoveObjective { id: id.clone() })
    };
    let title = objective.text(|o| o.title.clone());
    view! {
        <h2 class="panel-title">{move || tr(lang.get(), "Objective", "Doelstelling")}</h2>
        <TextField label=label("Title", "Titel") testid="objective-title-input" value=title
            to_command=objective.set(ObjectiveField::Title) key=objective.key("title") />
        <TextField label=label("What exactly do we want to achieve?", "Wat willen we precies bereiken?")
            testid="objective-description-input" value=objective.text(|o| o.description.clone())
            to_command=objective.set(ObjectiveField::Description) key=objective.key("description") multiline=true />
        <TextField label=label("Owner", "Eigenaar") testid="objective-owner-input" value=objective.text(|o| o.owner.clone())
            to_command=objective.set(ObjectiveField::Owner) key=objective.key("owner") />
        <ChildList
            heading=label("The objective's own KPIs", "Eigen KPI's van de doelstelling")
            children_of=kpis
            add_label=label("+ Add KPI", "+ KPI toevoegen")
            testid="objective-kpis"
            empty=label("No KPIs of its own yet.", "Nog geen eigen KPI's.")
            on_add=add_kpi
        />
        <section class="child-list" data-testid="objective-contributors">
            <h3 class="panel-subtitle">{move || tr(lang.get(), "Contributing sub-objectives", "Bijdragende subdoelstellingen")}</h3>
            <Show when=move || contributors.with(Vec::is_empty)>
                <p class="empty-note">{move || tr(lang.get(),
                    "None yet: link sub-objectives to this objective from their own form.",
                    "Nog geen: koppel subdoelstellingen aan deze doelstelling vanuit hun eigen formulier.")}</p>
            </Show>
            <ul>
                <For each=move || contributors.get() key=|c| (c.id.clone(), c.text.clone()) let:child>
                    <li>
                        <button type="button" class="link-button"
                            on:click=move |_| state.selection.set(Some(child.open.clone()))>
                            {child.text.clone()}
                        </button>
                    </li>
                </For>
            </ul>
        </section>
        <ItemTools what=label("objective", "doelstelling") position=position move_to=move_to delete=delete title=title />
    }
}
