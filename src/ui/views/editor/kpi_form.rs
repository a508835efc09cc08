//! A KPI: what it measures, its direction, baseline, target (a change asks: correction or
//! new target from a date) with its history of changes, band, amber threshold,
//! frequency, data source, owner, weight, and its measurements; or, for a calculated KPI,
//! its formula with a live preview and its values per period.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::{
    direction_key, direction_of, direction_options, frequency_of, frequency_options,
};
use crate::model::{Command, Direction, KpiField, KpiParent};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::editor::calc_preview::CalcPreview;
use crate::ui::views::editor::formula_field::{FormulaField, formula_text};
use crate::ui::views::editor::item_tools::ItemTools;
use crate::ui::views::editor::kpi_library_fill::KpiLibraryFill;
use crate::ui::views::editor::kpi_review::KpiReview;
use crate::ui::views::editor::measurements::Measurements;
use crate::ui::views::editor::parent_select::KpiParentSelect;
use crate::ui::views::editor::target_field::TargetField;
use crate::ui::views::editor::target_history::TargetHistory;
use crate::ui::widgets::fields::{NumberField, SelectField, TextField};
use crate::ui::widgets::kpi_binding::KpiBinding;

/// The form for one KPI.
#[component]
pub fn KpiForm(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let kpi = KpiBinding::new(doc, id.clone());
    let read = move |get| kpi.text(get);
    let number = move |get| kpi.number(get);
    let set = move |make| kpi.set(make);
    let set_number = move |make| kpi.set_number(make);
    let direction = read(|k| direction_key(k.direction).to_string());
    let is_band = Signal::derive(move || direction.get() == direction_key(Direction::WithinBand));
    let unit = read(|k| k.unit.clone());
    let direction_options = Signal::derive(move || direction_options(lang.get()));
    let frequency_options = Signal::derive(move || frequency_options(lang.get()));
    let parent = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.locate_kpi(&id).map(|(parent, _)| match parent {
                    KpiParent::Objective(o) => {
                        let title = d.objective(&o).map(|x| x.title.clone()).unwrap_or_default();
                        (Selection::Objective(o), title)
                    }
                    KpiParent::SubObjective(s) => {
                        let title = d
                            .sub_objective(&s)
                            .map(|(_, x)| x.title.clone())
                            .unwrap_or_default();
                        (Selection::SubObjective(s), title)
                    }
                })
            })
        })
    };
    let position = {
        let id = id.clone();
        Signal::derive(move || {
            doc.with(|d| {
                d.locate_kpi(&id)
                    .and_then(|(p, i)| d.kpi_list(&p).map(|list| (i, list.len())))
            })
        })
    };
    let move_to = {
        let id = id.clone();
        Callback::new(move |to_index| {
            let parent = doc.with_untracked(|d| d.locate_kpi(&id).map(|(p, _)| p));
            Command::MoveKpi {
                id: id.clone(),
                parent: parent.unwrap_or_else(|| KpiParent::SubObjective(String::new())),
                to_index,
            }
        })
    };
    let delete = {
        let id = id.clone();
        Callback::new(move |_| Command::RemoveKpi { id: id.clone() })
    };
    let name = read(|k| k.name.clone());
    let (band_low, band_high) = (number(|k| k.band_low), number(|k| k.band_high));
    let (set_band_low, set_band_high) = (
        set_number(KpiField::BandLow),
        set_number(KpiField::BandHigh),
    );
    let amber = number(|k| Some(k.amber_threshold * 100.0));
    let set_amber = set_number(|v| KpiField::AmberThreshold(v.unwrap_or(70.0) / 100.0));
    let weight = number(|k| Some(k.weight));
    let set_weight = set_number(|v| KpiField::Weight(v.unwrap_or(1.0)));
    let kind = kpi_kind(id.clone());
    let measurements_id = id.clone();
    let frequency_label = Signal::derive(move || {
        if kind.calculated.get() {
            tr(lang.get(), "Calculated per", "Berekend per").to_string()
        } else {
            tr(lang.get(), "Measured", "Gemeten").to_string()
        }
    });
    let baseline_target = {
        let baseline = number(|k| k.baseline);
        let set_baseline = set_number(KpiField::Baseline);
        let target_id = id.clone();
        move || {
            view! {
                <div class="field-pair">
                    <NumberField label=label("Baseline", "Nulmeting") testid="kpi-baseline-input" value=baseline
                        to_command=set_baseline key=kpi.key("baseline") optional=true suffix=unit />
                    <TargetField kpi=target_id.clone() label=label("Target", "Doelwaarde") unit=unit />
                </div>
            }
        }
    };
    view! {
        <BackTo parent=parent />
        <h2 class="panel-title">{move || tr(lang.get(), "KPI", "KPI")}</h2>
        <TextField label=label("Name of the indicator", "Naam van de indicator") testid="kpi-name-input" value=name
            to_command=set(KpiField::Name) key=kpi.key("name") />
        <TextField label=label("Description", "Toelichting") testid="kpi-description-input" value=read(|k| k.description.clone())
            to_command=set(KpiField::Description) key=kpi.key("description") multiline=true />
        <div class="field-pair">
            <TextField label=label("Unit (e.g. hours, %)", "Eenheid (bijv. uur, %)") testid="kpi-unit-input" value=unit
                to_command=set(KpiField::Unit) key=kpi.key("unit") />
            <SelectField label=label("Direction", "Richting") testid="kpi-direction-input" options=direction_options
                value=direction on_pick=kpi.pick(|k| direction_of(k).map(KpiField::Direction)) />
        </div>
        <Show
            when=move || is_band.get()
            fallback=baseline_target
        >
            <div class="field-pair">
                <NumberField label=label("Band from", "Band van") testid="kpi-band-low-input" value=band_low
                    to_command=set_band_low key=kpi.key("band-low") optional=true suffix=unit />
                <NumberField label=label("Band to", "Band tot en met") testid="kpi-band-high-input" value=band_high
                    to_command=set_band_high key=kpi.key("band-high") optional=true suffix=unit />
            </div>
        </Show>
        <TargetHistory kpi=id.clone() />
        <div class="field-pair">
            <NumberField label=label("Amber from", "Oranje vanaf") testid="kpi-amber-input"
                value=amber
                to_command=set_amber
                key=kpi.key("amber") suffix="%" />
            <SelectField label=frequency_label testid="kpi-frequency-input" options=frequency_options
                value=read(|k| k.frequency.name().to_string())
                on_pick=kpi.pick(|k| frequency_of(k).map(KpiField::Frequency)) />
        </div>
        <TextField label=label("Data source (reporting tool)", "Databron (rapportagetool)") testid="kpi-source-input"
            value=read(|k| k.data_source.clone()) to_command=set(KpiField::DataSource) key=kpi.key("source") />
        <div class="field-pair">
            <TextField label=label("Owner", "Eigenaar") testid="kpi-owner-input" value=read(|k| k.owner.clone())
                to_command=set(KpiField::Owner) key=kpi.key("owner") />
            <NumberField label=label("Weight", "Gewicht") testid="kpi-weight-input" value=weight
                to_command=set_weight key=kpi.key("weight") />
        </div>
        <KindSwitch kind=kind />
        <KpiLibraryFill kpi=id.clone() />
        <Show when=move || kind.shown_calculated()>
            <FormulaField kpi=kind.kpi.get_value() draft=kind.draft />
            <CalcPreview kpi=kind.kpi.get_value() text=kind.text />
            <p class="kpi-platform-import">
                <button type="button" data-testid="kpi-platform-import"
                    on:click=move |_| state.platform_import.start(None)>
                    {move || tr(state.lang.get(), "Import platform exports…", "Platform-exports importeren…")}
                </button>
                " "
                <span class="muted">{move || tr(state.lang.get(),
                    "Fill the series of this formula from the files Meta, LinkedIn, TikTok, X, YouTube or Google Analytics exported.",
                    "Vul de reeksen van deze formule uit de bestanden die Meta, LinkedIn, TikTok, X, YouTube of Google Analytics exporteerde.")}</span>
            </p>
        </Show>
        <Show when=move || !kind.pending()>
            <Measurements kpi=measurements_id.clone() />
        </Show>
        <KpiReview id=id.clone() />
        <KpiParentSelect id=id.clone() />
        <ItemTools what=label("KPI", "KPI") position=position move_to=move_to delete=delete title=name />
    }
}

/// Whether the form shows the KPI as measured or as calculated, and the formula being typed.
#[derive(Clone, Copy)]
struct KpiKind {
    kpi: StoredValue<String>,
    /// The KPI has a formula.
    calculated: Memo<bool>,
    /// The user chose "Calculated" for a KPI without formula: the field shows, the KPI stays
    /// measured until a formula that can be used is typed.
    chosen: RwSignal<bool>,
    /// The formula field's text while it differs from the KPI's formula.
    draft: RwSignal<Option<String>>,
    /// The formula as typed (for the preview).
    text: Signal<String>,
}

impl KpiKind {
    /// The form shows the formula field.
    fn shown_calculated(&self) -> bool {
        self.calculated.get() || self.chosen.get()
    }

    /// "Calculated" is chosen but the KPI has no formula yet.
    fn pending(&self) -> bool {
        self.chosen.get() && !self.calculated.get()
    }
}

fn kpi_kind(id: String) -> KpiKind {
    let state = AppState::expect();
    let doc = state.doc;
    let calc_id = id.clone();
    let calculated = Memo::new(move |_| {
        doc.with(|d| {
            d.kpi(&calc_id)
                .is_some_and(crate::model::Kpi::is_calculated)
        })
    });
    let chosen = RwSignal::new(false);
    // The KPI becoming measured by other means (undo) shows it as measured again.
    Effect::new(move |was: Option<bool>| {
        let now = calculated.get();
        if was == Some(true) && !now {
            chosen.set(false);
        }
        now
    });
    let draft = RwSignal::new(None::<String>);
    KpiKind {
        kpi: StoredValue::new(id.clone()),
        calculated,
        chosen,
        draft,
        text: formula_text(doc, id, draft),
    }
}

/// "Measured / Calculated": two radio buttons. Measured removes the formula (the KPI's own
/// measurements count again); Calculated shows the formula field.
#[component]
fn KindSwitch(kind: KpiKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let name = format!("kpi-kind-{}", kind.kpi.get_value());
    let calculated_ref = NodeRef::<leptos::html::Input>::new();
    let to_measured = move |_| {
        kind.chosen.set(false);
        kind.draft.set(None);
        if !kind.calculated.get_untracked() {
            return;
        }
        let cmd = Command::UpdateKpi {
            id: kind.kpi.get_value(),
            field: KpiField::Formula(None),
        };
        if let Err(why) = state.try_dispatch_keyed(cmd, None) {
            // Refused (projector mode, a read-only scorecard): the KPI stays calculated.
            state.report(why);
            if let Some(radio) = calculated_ref.get_untracked() {
                radio.set_checked(true);
            }
        }
    };
    let to_calculated = move |_| kind.chosen.set(true);
    view! {
        <fieldset class="kpi-kind" data-testid="kpi-kind">
            <legend>{move || tr(lang.get(), "How the KPI gets its values", "Hoe de KPI aan zijn waarden komt")}</legend>
            <div class="kpi-kind-options">
                <label>
                    <input type="radio" name=name.clone() value="measured" data-testid="kpi-kind-measured"
                        prop:checked=move || !kind.shown_calculated() on:change=to_measured />
                    <span>{move || tr(lang.get(), "Measured", "Gemeten")}</span>
                </label>
                <label>
                    <input type="radio" name=name value="calculated" data-testid="kpi-kind-calculated" node_ref=calculated_ref
                        prop:checked=move || kind.shown_calculated() on:change=to_calculated />
                    <span>{move || tr(lang.get(), "Calculated", "Berekend")}</span>
                </label>
            </div>
            <Show when=move || kind.pending()>
                <p class="kpi-kind-pending" data-testid="kpi-kind-pending" role="status">
                    {move || tr(
                        lang.get(),
                        "Not calculated yet: the KPI stays measured until you type a formula that can be used.",
                        "Nog niet berekend: de KPI blijft gemeten tot je een bruikbare formule typt.",
                    )}
                </p>
            </Show>
            <Show when=move || kind.shown_calculated()>
                <p class="field-hint" data-testid="kpi-kind-kept">
                    {move || tr(
                        lang.get(),
                        "Your typed measurements are kept and come back when you switch to measured.",
                        "Je ingevoerde metingen blijven bewaard en komen terug als je terugschakelt naar gemeten.",
                    )}
                </p>
            </Show>
        </fieldset>
    }
}

/// "← Back to …": opens the item this one belongs to.
#[component]
pub fn BackTo(parent: Signal<Option<(Selection, String)>>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    // A memo: the parent usually derives from the whole scorecard, and the link should not
    // be re-rendered on every keystroke in the form.
    let parent = Memo::new(move |_| parent.get());
    move || {
        parent.get().map(|(selection, title)| {
            view! {
                <button type="button" class="link-button back-link" data-testid="back-to-parent"
                    on:click=move |_| state.selection.set(Some(selection.clone()))>
                    {format!("← {} {title}", tr(lang.get(), "Back to", "Terug naar"))}
                </button>
            }
        })
    }
}
