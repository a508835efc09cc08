//! Step 7: the monitoring plan: for every KPI, who measures it, how often and from which
//! source.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Command, Frequency, KpiField};
use crate::ui::session::state::AppState;

use super::cells::{CellSelect, CellText};
use super::step_kpis::group_heading;
use crate::i18n::words::frequency_options;

/// The monitoring plan table.
#[component]
pub fn MonitoringStep() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let workshop = state.workshop;
    let ids = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpis().map(|(_, k)| k.id.clone()).collect::<Vec<_>>())
    });
    let head = move |en: &'static str, nl: &'static str| {
        view! { <th scope="col">{move || tr(lang.get(), en, nl)}</th> }
    };
    view! {
        <Show
            when=move || ids.with(|i| !i.is_empty())
            fallback=move || view! {
                <p class="ws-empty" data-testid="ws-monitoring-empty">
                    {move || tr(lang.get(), "There are no KPIs to monitor yet.", "Er zijn nog geen KPI's om te monitoren.")}
                    " "
                    <button type="button" class="link-button" on:click=move |_| super::go_and_focus(workshop, 5)>
                        {move || tr(lang.get(), "Add them at step 5.", "Voeg ze toe bij stap 5.")}
                    </button>
                </p>
            }
        >
            <table class="ws-table ws-monitoring-table" data-testid="ws-monitoring-table">
                <colgroup>
                    <col class="ws-c-kpi" />
                    <col class="ws-c-owner" />
                    <col class="ws-c-frequency" />
                    <col />
                </colgroup>
                <thead>
                    <tr>
                        {head("What is measured (KPI)", "Wat wordt gemeten (KPI)")}
                        {head("Who measures (owner)", "Wie meet (eigenaar)")}
                        {head("How often", "Hoe vaak")}
                        {head("Data source", "Databron")}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <MonitoringRow id=id />
                    </For>
                </tbody>
            </table>
        </Show>
    }
}

#[component]
fn MonitoringRow(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let kpi = crate::ui::widgets::kpi_binding::KpiBinding::new(doc, id.clone());
    let text = move |get| kpi.text(get);
    let set = move |make| kpi.set(make);
    let context = {
        let id = id.clone();
        move || {
            doc.with(|d| {
                d.locate_kpi(&id)
                    .map(|(parent, _)| {
                        let (factor, title) = group_heading(d, &parent, lang.get());
                        format!("{factor} · {title}")
                    })
                    .unwrap_or_default()
            })
        }
    };
    let pick_id = id.clone();
    let pick = Callback::new(move |key: String| {
        if let Some(f) = Frequency::ALL.into_iter().find(|f| f.name() == key) {
            state.dispatch(Command::UpdateKpi {
                id: pick_id.clone(),
                field: KpiField::Frequency(f),
            });
        }
    });
    let monitored = {
        let id = id.clone();
        move || {
            doc.with(|d| {
                d.kpi(&id)
                    .is_some_and(crate::method::workshop::kpi_is_monitored)
            })
        }
    };
    view! {
        <tr class="ws-row" data-testid="ws-monitoring-row" data-id=id.clone() data-complete=move || monitored().to_string()>
            <th scope="row">
                <span class="ws-kpi-name" data-testid="ws-monitoring-kpi">{text(|k| k.name.clone())}</span>
                <span class="ws-kpi-context">{context}</span>
            </th>
            <td>
                <CellText label=label("Who measures (owner)", "Wie meet (eigenaar)") testid="ws-monitoring-owner"
                    value=text(|k| k.owner.clone()) to_command=set(KpiField::Owner) key=format!("{id}:owner") />
            </td>
            <td>
                <CellSelect label=label("How often", "Hoe vaak") testid="ws-monitoring-frequency"
                    options=Signal::derive(move || frequency_options(lang.get()))
                    value=text(|k| k.frequency.name().to_string()) on_pick=pick />
            </td>
            <td>
                <CellText label=label("Data source", "Databron") testid="ws-monitoring-source"
                    value=text(|k| k.data_source.clone()) to_command=set(KpiField::DataSource) key=format!("{id}:source") />
            </td>
        </tr>
    }
}
