//! "Fill from the KPI library…" in a KPI's panel: a pick turns the open KPI into the library's
//! calculated KPI (name if still the default, description, unit, direction, formula) and adds
//! the input series the scorecard lacks, as one undo step.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::method::kpi_library::{LibraryEntry, fill_kpi_command, pick_summary};
use crate::model::KpiParent;
use crate::ui::session::state::AppState;
use crate::ui::widgets::kpi_library_picker::KpiLibraryPicker;
use crate::ui::widgets::modal::Modal;

/// The button and its dialog for the KPI `kpi`.
#[component]
pub fn KpiLibraryFill(kpi: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let open = RwSignal::new(false);
    let kpi = StoredValue::new(kpi);
    // The factor the KPI belongs to preselects the library's filter.
    let factor = state.doc.with_untracked(|d| {
        match d.locate_kpi(&kpi.get_value()).map(|(parent, _)| parent) {
            Some(KpiParent::SubObjective(id)) => d.sub_objective(&id).map(|(f, _)| f),
            _ => None,
        }
    });
    let close = Callback::new(move |_| open.set(false));
    let on_pick = Callback::new(move |entry: &'static LibraryEntry| {
        let l = lang.get_untracked();
        let plan = state
            .doc
            .with_untracked(|d| fill_kpi_command(d, entry, &kpi.get_value(), l));
        match plan {
            Ok(plan) => match state.try_dispatch_keyed(plan.command.clone(), None) {
                Ok(_) => {
                    open.set(false);
                    state.tell(pick_summary(&plan, entry, l), true);
                }
                Err(text) => state.report(text),
            },
            Err(e) => state.report(format!(
                "{} {e}",
                tr(
                    l,
                    "The KPI could not be filled from the library:",
                    "De KPI kon niet uit de bibliotheek worden ingevuld:"
                )
            )),
        }
    });
    view! {
        <div class="kpi-library-fill">
            <button type="button" class="secondary" data-testid="kpi-library-open" on:click=move |_| open.set(true)>
                {move || tr(lang.get(), "Fill from the KPI library…", "Invullen uit de KPI-bibliotheek…")}
            </button>
            <Show when=move || open.get()>
                <Modal testid="kpi-library-dialog" title_id="kpi-library-fill-title" variant="kpi-library" on_escape=close>
                    <h2 id="kpi-library-fill-title">
                        {move || tr(lang.get(), "Fill this KPI from the library", "Deze KPI invullen uit de bibliotheek")}
                    </h2>
                    <p class="kpi-library-intro">
                        {move || tr(lang.get(),
                            "The KPI becomes calculated: it gets the entry's formula, unit, direction and description (and its name, if it still has the default one). Input series this scorecard lacks are created; you enter their values in the Data view. One undo takes it all back.",
                            "De KPI wordt berekend: hij krijgt de formule, eenheid, richting en beschrijving van de bibliotheek (en de naam, als hij nog de standaardnaam heeft). Invoerreeksen die deze scorecard nog niet heeft worden aangemaakt; hun waarden voer je in bij de weergave Gegevens. Eén keer ongedaan maken zet alles terug.")}
                    </p>
                    <KpiLibraryPicker factor=factor on_pick=on_pick />
                    <div class="dialog-actions">
                        <button type="button" data-testid="kpi-library-close" on:click=move |_| open.set(false)>
                            {move || tr(lang.get(), "Close", "Sluiten")}
                        </button>
                    </div>
                </Modal>
            </Show>
        </div>
    }
}
