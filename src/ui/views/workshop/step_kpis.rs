//! Step 5: every KPI in one table, grouped by the sub-objective (or objective) it measures:
//! name, unit, direction, baseline, target and data source, edited in place, with "add KPI"
//! and "from the KPI library" per sub-objective. The KPI's other fields open in the side panel.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::method::kpi_library::{LibraryEntry, new_kpi_command, pick_summary};
use crate::model::{Command, Direction, FactorKind, KpiField, KpiParent, Scorecard};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::widgets::kpi_binding::KpiBinding;
use crate::ui::widgets::kpi_library_picker::KpiLibraryPicker;
use crate::ui::widgets::modal::Modal;

use super::cells::{CellNumber, CellSelect, CellText, RemoveButton, focus_soon};
use crate::i18n::words::{direction_key, direction_of, direction_options};

/// A group of rows: the item the KPIs belong to.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Group {
    /// Where new KPIs go.
    pub parent: KpiParent,
    /// The factor, for a sub-objective.
    pub factor: Option<FactorKind>,
}

impl Group {
    /// A stable key for the list.
    pub fn key(&self) -> String {
        match &self.parent {
            KpiParent::Objective(id) | KpiParent::SubObjective(id) => id.clone(),
        }
    }
}

/// The sub-objectives in factor order, then the objectives that carry KPIs of their own.
fn groups(d: &Scorecard) -> Vec<Group> {
    let subs = d.sub_objectives().map(|(kind, s)| Group {
        parent: KpiParent::SubObjective(s.id.clone()),
        factor: Some(kind),
    });
    let objectives = d
        .objectives
        .iter()
        .filter(|o| !o.kpis.is_empty())
        .map(|o| Group {
            parent: KpiParent::Objective(o.id.clone()),
            factor: None,
        });
    subs.chain(objectives).collect()
}

/// "Factor · title" of a group, in `lang`.
pub(super) fn group_heading(
    d: &Scorecard,
    parent: &KpiParent,
    lang: crate::model::Lang,
) -> (String, String) {
    match parent {
        KpiParent::SubObjective(id) => d
            .sub_objective(id)
            .map(|(kind, s)| (d.factor(kind).label.clone(), s.title.clone()))
            .unwrap_or_default(),
        KpiParent::Objective(id) => (
            tr(lang, "Objective", "Doelstelling").to_string(),
            d.objective(id).map(|o| o.title.clone()).unwrap_or_default(),
        ),
    }
}

/// The KPI table.
#[component]
pub fn KpisStep() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let workshop = state.workshop;
    let all = Memo::new(move |_| state.doc.with(groups));
    let head = move |en: &'static str, nl: &'static str| {
        view! { <th scope="col">{move || tr(lang.get(), en, nl)}</th> }
    };
    view! {
        <Show
            when=move || all.with(|g| !g.is_empty())
            fallback=move || view! {
                <p class="ws-empty" data-testid="ws-kpis-empty">
                    {move || tr(lang.get(), "There are no sub-objectives to measure yet.", "Er zijn nog geen subdoelstellingen om te meten.")}
                    " "
                    <button type="button" class="link-button" on:click=move |_| super::go_and_focus(workshop, 4)>
                        {move || tr(lang.get(), "Add them at step 4.", "Voeg ze toe bij stap 4.")}
                    </button>
                </p>
            }
        >
            <table class="ws-table ws-kpi-table" data-testid="ws-kpi-table">
                <colgroup>
                    <col class="ws-c-name" />
                    <col class="ws-c-unit" />
                    <col class="ws-c-direction" />
                    <col class="ws-c-number" />
                    <col class="ws-c-target" />
                    <col />
                    <col class="ws-c-tools" />
                </colgroup>
                <thead>
                    <tr>
                        {head("KPI", "KPI")}
                        {head("Unit", "Eenheid")}
                        {head("Direction", "Richting")}
                        {head("Baseline", "Nulmeting")}
                        {head("Target", "Doel")}
                        {head("Data source", "Databron")}
                        <th scope="col"><span class="visually-hidden">{move || tr(lang.get(), "Tools", "Knoppen")}</span></th>
                    </tr>
                </thead>
                <For each=move || all.get() key=|g| g.key() let:group>
                    <KpiGroup group=group />
                </For>
            </table>
        </Show>
    }
}

/// The rows of one sub-objective (or objective) with its "add KPI" button.
#[component]
fn KpiGroup(group: Group) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let parent = group.parent.clone();
    let heading = {
        let parent = parent.clone();
        Memo::new(move |_| state.doc.with(|d| group_heading(d, &parent, lang.get())))
    };
    let ids = {
        let parent = parent.clone();
        move || {
            state.doc.with(|d| {
                d.kpi_list(&parent)
                    .map(|l| l.iter().map(|k| k.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        }
    };
    let add_parent = parent.clone();
    let add = move |_| {
        if let Some(id) = state.add_kpi(add_parent.clone()) {
            focus_kpi_name(&id);
        }
    };
    let library_open = RwSignal::new(false);
    let library_parent = parent.clone();
    let factor_kind = group.factor;
    let factor = group.factor.map(|k| k.key()).unwrap_or("objective");
    view! {
        <tbody class="ws-group" data-testid="ws-kpi-group" data-id=group.key() data-factor=factor>
            <tr class="ws-group-head">
                <th colspan="7" scope="rowgroup">
                    <span class="ws-group-factor">{move || heading.get().0}</span>
                    <span class="ws-group-title" data-testid="ws-group-title">{move || heading.get().1}</span>
                    <button type="button" class="add-button ws-add" data-testid="ws-add-kpi" on:click=add>
                        {move || tr(lang.get(), "+ Add KPI", "+ KPI toevoegen")}
                        <span class="visually-hidden">{move || format!(" {} {}", tr(lang.get(), "to", "aan"), heading.get().1)}</span>
                    </button>
                    <button type="button" class="add-button ws-add ws-add-library" data-testid="ws-kpi-library-open"
                        aria-haspopup="dialog" on:click=move |_| library_open.set(true)>
                        {move || tr(lang.get(), "+ From the KPI library", "+ Uit de KPI-bibliotheek")}
                        <span class="visually-hidden">{move || format!(" {} {}", tr(lang.get(), "for", "voor"), heading.get().1)}</span>
                    </button>
                    <Show when=move || library_open.get()>
                        <LibraryDialog parent=library_parent.clone() factor=factor_kind heading=heading open=library_open />
                    </Show>
                </th>
            </tr>
            <For each=ids key=|id| id.clone() let:id>
                <KpiRow id=id />
            </For>
        </tbody>
    }
}

/// Moves the focus to the name cell of the KPI `id` once it is drawn.
fn focus_kpi_name(id: &str) {
    focus_soon(format!(
        "[data-testid=ws-kpi-row][data-id=\"{id}\"] [data-testid=ws-kpi-name]"
    ));
}

/// The KPI library in a dialog, for one sub-objective (or objective): a pick adds the KPI
/// with its input series as one undo step, closes the dialog and says which series were
/// created or reused.
#[component]
fn LibraryDialog(
    parent: KpiParent,
    factor: Option<FactorKind>,
    heading: Memo<(String, String)>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let close = Callback::new(move |_| open.set(false));
    let on_pick = Callback::new(move |entry: &'static LibraryEntry| {
        let l = lang.get_untracked();
        let plan = state
            .doc
            .with_untracked(|d| new_kpi_command(d, entry, parent.clone(), l));
        let plan = match plan {
            Ok(plan) => plan,
            Err(e) => {
                state.report(format!(
                    "{} {e}",
                    tr(
                        l,
                        "The KPI could not be added:",
                        "De KPI kon niet worden toegevoegd:"
                    )
                ));
                return;
            }
        };
        match state.try_dispatch_keyed(plan.command.clone(), None) {
            Ok(_) => {
                open.set(false);
                state.tell(pick_summary(&plan, entry, l), true);
                focus_kpi_name(&plan.kpi_id);
            }
            Err(text) => state.report(text),
        }
    });
    view! {
        <Modal testid="ws-kpi-library-dialog" title_id="ws-kpi-library-title" variant="kpi-library" on_escape=close>
            <h2 id="ws-kpi-library-title">{move || tr(lang.get(), "Add a KPI from the library", "Een KPI uit de bibliotheek toevoegen")}</h2>
            <p class="dialog-lead">
                {move || {
                    let (factor, title) = heading.get();
                    format!("{}: {factor} · {title}", tr(lang.get(), "For", "Voor"))
                }}
            </p>
            <p class="kpi-library-intro">
                {move || tr(lang.get(),
                    "Each KPI is calculated from input series. Adding one creates the series this scorecard does not have yet and uses the ones it has; you enter their values in the Data view.",
                    "Elke KPI wordt berekend uit invoerreeksen. Toevoegen maakt de reeksen aan die deze scorecard nog niet heeft en gebruikt de reeksen die er al zijn; hun waarden voer je in bij de weergave Gegevens.")}
            </p>
            <KpiLibraryPicker factor=factor on_pick=on_pick />
            <div class="dialog-actions">
                <button type="button" data-testid="ws-kpi-library-close" on:click=move |_| open.set(false)>
                    {move || tr(lang.get(), "Close", "Sluiten")}
                </button>
            </div>
        </Modal>
    }
}

/// One KPI, edited in place.
#[component]
fn KpiRow(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let kpi = KpiBinding::new(doc, id.clone());
    let text = move |get| kpi.text(get);
    let number = move |get| kpi.number(get);
    let set = move |make| kpi.set(make);
    let set_number = move |make| kpi.set_number(make);
    let name = text(|k| k.name.clone());
    let direction = text(|k| direction_key(k.direction).to_string());
    let is_band = move || direction.get() == direction_key(Direction::WithinBand);
    let target_cell = {
        let (target, band_low, band_high) = (
            number(|k| k.target),
            number(|k| k.band_low),
            number(|k| k.band_high),
        );
        let (set_target, set_low, set_high) = (
            set_number(KpiField::Target),
            set_number(KpiField::BandLow),
            set_number(KpiField::BandHigh),
        );
        move || {
            if is_band() {
                view! {
                    <div class="ws-band">
                        <CellNumber label=label("Band from", "Band van") testid="ws-kpi-band-low" value=band_low
                            to_command=set_low key=kpi.key("band-low") />
                        <span aria-hidden="true">"–"</span>
                        <CellNumber label=label("Band to", "Band tot en met") testid="ws-kpi-band-high" value=band_high
                            to_command=set_high key=kpi.key("band-high") />
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <CellNumber label=label("Target", "Doel") testid="ws-kpi-target" value=target
                        to_command=set_target key=kpi.key("target") />
                }
                .into_any()
            }
        }
    };
    let measurable = {
        let id = id.clone();
        move || {
            doc.with(|d| {
                d.kpi(&id)
                    .is_some_and(crate::method::workshop::kpi_is_measurable)
            })
        }
    };
    let open_id = id.clone();
    let remove_id = id.clone();
    view! {
        <tr class="ws-row" data-testid="ws-kpi-row" data-id=id.clone() data-complete=move || measurable().to_string()>
            <td>
                <CellText label=label("Name of the indicator", "Naam van de indicator") testid="ws-kpi-name"
                    value=name to_command=set(KpiField::Name) key=kpi.key("name") />
            </td>
            <td>
                <CellText label=label("Unit", "Eenheid") testid="ws-kpi-unit" value=text(|k| k.unit.clone())
                    to_command=set(KpiField::Unit) key=kpi.key("unit") />
            </td>
            <td>
                <CellSelect label=label("Direction", "Richting") testid="ws-kpi-direction"
                    options=Signal::derive(move || direction_options(lang.get()))
                    value=direction on_pick=kpi.pick(|k| direction_of(k).map(KpiField::Direction)) />
            </td>
            <td>
                <CellNumber label=label("Baseline", "Nulmeting") testid="ws-kpi-baseline" value=number(|k| k.baseline)
                    to_command=set_number(KpiField::Baseline) key=kpi.key("baseline") />
            </td>
            <td>{target_cell}</td>
            <td>
                <CellText label=label("Data source", "Databron") testid="ws-kpi-source" value=text(|k| k.data_source.clone())
                    to_command=set(KpiField::DataSource) key=kpi.key("source") />
            </td>
            <td class="ws-tools">
                <button type="button" class="icon-button" data-testid="ws-kpi-open"
                    aria-label=move || format!("{} {}", tr(lang.get(), "All details of", "Alle details van"), name.get())
                    title=move || tr(lang.get(), "All details", "Alle details")
                    on:click=move |_| state.selection.set(Some(Selection::Kpi(open_id.clone())))>"⋯"</button>
                <RemoveButton testid="ws-kpi-remove" title=name
                    command=Callback::new(move |_| Command::RemoveKpi { id: remove_id.clone() }) />
            </td>
        </tr>
    }
}
