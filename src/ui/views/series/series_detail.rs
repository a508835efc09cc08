//! One input series opened: its key (a new key is renamed in every formula that uses it),
//! name, unit, channel and aggregation, the KPIs that use it, its points, the paste box, and
//! "Delete series", which asks first and names the KPIs that will have no value.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::{aggregation_hint, aggregation_of, aggregation_options};
use crate::model::{Command, InputSeries, SeriesField};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::modal::Modal;

use super::series_key::key_problem;
use super::series_paste::SeriesPasteBox;
use super::series_points::SeriesPoints;
use super::series_sources::SeriesSources;

/// The detail of the series `id`; `selected` is cleared to close it.
#[component]
pub fn SeriesDetail(id: String, selected: RwSignal<Option<String>>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let label = crate::ui::widgets::labels::labels(lang);
    let node: NodeRef<html::Section> = NodeRef::new();
    // Bring the detail into view when it opens (the table can be long).
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            el.scroll_into_view_with_bool(false);
        }
    });
    let text = {
        let id = id.clone();
        move |get: fn(&InputSeries) -> String| {
            let id = id.clone();
            Signal::derive(move || doc.with(|d| d.series_by_id(&id).map(get).unwrap_or_default()))
        }
    };
    let set = {
        let id = id.clone();
        move |make: fn(String) -> SeriesField| {
            let id = id.clone();
            Callback::new(move |v: String| Command::UpdateSeries {
                id: id.clone(),
                field: make(v),
            })
        }
    };
    let key = text(|s| s.key.clone());
    let name = text(|s| s.name.clone());
    let aggregation = text(|s| s.aggregation.key().to_string());
    let chosen = Signal::derive(move || aggregation_of(&aggregation.get()).unwrap_or_default());
    let options = Signal::derive(move || aggregation_options(lang.get()));
    let kpis = Memo::new(move |_| doc.with(|d| d.kpis_using_series(&key.get())));
    let pick_aggregation = {
        let id = id.clone();
        Callback::new(move |value: String| {
            if let Some(a) = aggregation_of(&value) {
                state.dispatch(Command::UpdateSeries {
                    id: id.clone(),
                    field: SeriesField::Aggregation(a),
                });
            }
        })
    };
    let heading = move || {
        let n = name.get();
        if n.trim().is_empty() { key.get() } else { n }
    };
    let close = move |_| selected.set(None);
    view! {
        <section class="series-detail" data-testid="series-detail" node_ref=node
            aria-labelledby="series-detail-title">
            <div class="series-detail-head">
                <h3 id="series-detail-title">{heading}</h3>
                <button type="button" class="icon-button" data-testid="series-detail-close"
                    aria-label=move || tr(lang.get(), "Close the series", "Reeks sluiten")
                    on:click=close>"✕"</button>
            </div>
            <div class="series-detail-fields">
                <KeyField id=id.clone() key=key />
                <TextField label=label("Name", "Naam") testid="series-name" value=name
                    to_command=set(SeriesField::Name) key=format!("{id}:name") />
                <TextField label=label("Unit", "Eenheid") testid="series-unit"
                    value=text(|s| s.unit.clone())
                    to_command=set(SeriesField::Unit) key=format!("{id}:unit") />
                <TextField label=label("Channel", "Kanaal") testid="series-channel"
                    value=text(|s| s.channel.clone())
                    to_command=set(SeriesField::Channel) key=format!("{id}:channel") />
                <div class="series-aggregation">
                    <SelectField label=label("Per period", "Per periode") testid="series-aggregation"
                        options=options value=aggregation on_pick=pick_aggregation />
                    <p class="field-help">{move || aggregation_hint(chosen.get(), lang.get())}</p>
                </div>
            </div>
            <div class="series-used-by" data-testid="series-used-by">
                <strong>{move || tr(lang.get(), "Used by:", "Gebruikt door:")}</strong>
                " "
                {move || {
                    let list = kpis.get();
                    if list.is_empty() {
                        view! {
                            <span class="muted">{tr(lang.get(),
                                "no KPI yet. A calculated KPI uses the series by its key in its formula.",
                                "nog geen KPI. Een berekende KPI gebruikt de reeks met zijn sleutel in de formule.")}</span>
                        }.into_any()
                    } else {
                        list.into_iter().map(|(kpi, kpi_name)| view! {
                            <button type="button" class="link-button series-kpi"
                                on:click=move |_| state.selection.set(Some(Selection::Kpi(kpi.clone())))>
                                {kpi_name}
                            </button>
                        }).collect_view().into_any()
                    }
                }}
            </div>
            <SeriesPoints id=id.clone() />
            <SeriesPasteBox id=id.clone() />
            <SeriesSources id=id.clone() />
            <DeleteSeries id=id selected=selected name=Signal::derive(heading) kpis=kpis />
        </section>
    }
}

/// The key field: a new key is applied when the field is left (or Enter is pressed), renamed
/// in every formula that uses it; a key that cannot be used is reported at the field.
#[component]
fn KeyField(id: String, key: Signal<String>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let shown = move || draft.get().unwrap_or_else(|| key.get());
    let commit = move |_| {
        let Some(new_key) = draft.get_untracked().map(|k| k.trim().to_string()) else {
            return;
        };
        if new_key == key.get_untracked() {
            draft.set(None);
            error.set(None);
            return;
        }
        let l = lang.get_untracked();
        let checked = state
            .doc
            .with_untracked(|d| match key_problem(d, &new_key, Some(&id), l) {
                Some(problem) => Err(problem),
                None => d.rename_series(&id, &new_key).map_err(|e| e.to_string()),
            });
        let result = checked.and_then(|cmd| state.try_dispatch_keyed(cmd, None).map(|_| ()));
        match result {
            Ok(()) => {
                draft.set(None);
                error.set(None);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    view! {
        <div class="field series-key-field">
            <label for="series-key">{move || tr(lang.get(), "Key (used in formulas)", "Sleutel (gebruikt in formules)")}</label>
            <input type="text" id="series-key" data-testid="series-key" autocomplete="off" spellcheck="false"
                aria-describedby="series-key-help series-key-error"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=shown
                on:input=move |ev| draft.set(Some(event_target_value(&ev)))
                on:change=commit />
            <p class="field-help" id="series-key-help">
                {move || tr(lang.get(),
                    "Changing the key changes it in every formula that uses it, in one step you can undo.",
                    "Een andere sleutel wordt ook in elke formule die hem gebruikt aangepast, in één stap die je ongedaan kunt maken.")}
            </p>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" role="alert" id="series-key-error" data-testid="series-key-error">
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}

/// "Delete series", with a dialog that asks first and names the KPIs that use it.
#[component]
fn DeleteSeries(
    id: String,
    selected: RwSignal<Option<String>>,
    name: Signal<String>,
    kpis: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let asking = RwSignal::new(false);
    let confirm = Callback::new(move |()| {
        let shown = name.get_untracked();
        match state.try_dispatch_keyed(Command::RemoveSeries { id: id.clone() }, None) {
            Ok(_) => {
                asking.set(false);
                selected.set(None);
                let l = lang.get_untracked();
                state.tell(
                    format!(
                        "{} “{shown}”.",
                        tr(l, "Deleted series", "Reeks verwijderd:")
                    ),
                    true,
                );
            }
            Err(why) => {
                asking.set(false);
                state.report(why);
            }
        }
    });
    let consequence = move || {
        let l = lang.get();
        let list = kpis.get();
        if list.is_empty() {
            return tr(
                l,
                "No KPI uses it. Undo brings it back with all its points.",
                "Geen KPI gebruikt hem. Ongedaan maken brengt hem terug met al zijn punten.",
            )
            .to_string();
        }
        let names = list
            .iter()
            .map(|(_, n)| format!("“{n}”"))
            .collect::<Vec<_>>()
            .join(", ");
        match (l, list.len()) {
            (crate::model::Lang::En, 1) => format!(
                "The KPI {names} uses it and will show no value until the series is back. Undo brings it back with all its points."
            ),
            (crate::model::Lang::En, _) => format!(
                "The KPIs {names} use it and will show no value until the series is back. Undo brings it back with all its points."
            ),
            (crate::model::Lang::Nl, 1) => format!(
                "De KPI {names} gebruikt hem en toont geen waarde tot de reeks terug is. Ongedaan maken brengt hem terug met al zijn punten."
            ),
            (crate::model::Lang::Nl, _) => format!(
                "De KPI's {names} gebruiken hem en tonen geen waarde tot de reeks terug is. Ongedaan maken brengt hem terug met al zijn punten."
            ),
        }
    };
    view! {
        <div class="series-delete-row">
            <button type="button" class="danger" data-testid="series-delete"
                on:click=move |_| asking.set(true)>
                {move || tr(lang.get(), "Delete series", "Reeks verwijderen")}
            </button>
        </div>
        <Show when=move || asking.get()>
            <Modal testid="series-delete-dialog" title_id="series-delete-title"
                on_escape=Callback::new(move |_| asking.set(false))>
                <h2 id="series-delete-title">
                    {move || format!("{} “{}”?", tr(lang.get(), "Delete the series", "De reeks verwijderen:"), name.get())}
                </h2>
                <p data-testid="series-delete-kpis">{consequence}</p>
                <div class="dialog-actions">
                    <button type="button" class="danger" data-testid="series-delete-confirm"
                        on:click=move |_| confirm.run(())>
                        {move || tr(lang.get(), "Delete series", "Reeks verwijderen")}
                    </button>
                    <button type="button" data-testid="series-delete-cancel"
                        on:click=move |_| asking.set(false)>
                        {move || tr(lang.get(), "Cancel", "Annuleren")}
                    </button>
                </div>
            </Modal>
        </Show>
    }
}
