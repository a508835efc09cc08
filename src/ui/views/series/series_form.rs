//! The "Add series" form: key, name, unit, channel and aggregation of a new input series. A
//! key that is not valid or already used is reported at the field and nothing is added; a
//! series that is added is one undo step.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::{aggregation_hint, aggregation_of, aggregation_options};
use crate::model::{Aggregation, Command, InputSeries};
use crate::ui::session::state::AppState;
use crate::ui::widgets::field_edit::select_options;

use super::series_key::key_problem;

/// Which field an error of the form belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum At {
    Key,
    Form,
}

/// The form for a new series; `on_created` gets the new series' id, `on_cancel` closes it.
#[component]
pub fn SeriesForm(on_created: Callback<String>, on_cancel: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let key = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let aggregation = RwSignal::new(Aggregation::Sum.key().to_string());
    let error = RwSignal::new(None::<(At, String)>);
    let error_at = move |at: At| {
        Signal::derive(move || error.get().filter(|(a, _)| *a == at).map(|(_, text)| text))
    };
    let key_error = error_at(At::Key);
    let form_error = error_at(At::Form);
    let chosen = Signal::derive(move || aggregation_of(&aggregation.get()).unwrap_or_default());
    let options = Signal::derive(move || aggregation_options(lang.get()));
    let save = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let new_key = key.get_untracked().trim().to_string();
        if let Some(problem) = state
            .doc
            .with_untracked(|d| key_problem(d, &new_key, None, l))
        {
            error.set(Some((At::Key, problem)));
            return;
        }
        let series = InputSeries {
            key: new_key,
            name: name.get_untracked().trim().to_string(),
            unit: unit.get_untracked().trim().to_string(),
            channel: channel.get_untracked().trim().to_string(),
            aggregation: chosen.get_untracked(),
            ..InputSeries::default()
        };
        match state.try_dispatch_keyed(Command::AddSeries { series }, None) {
            Ok(Some(id)) => {
                error.set(None);
                on_created.run(id);
            }
            Ok(None) => error.set(None),
            Err(why) => error.set(Some((At::Form, why))),
        }
    };
    let field = |id: &'static str,
                 testid: &'static str,
                 label: Signal<String>,
                 value: RwSignal<String>,
                 placeholder: Signal<String>| {
        view! {
            <div class="field">
                <label for=id>{move || label.get()}</label>
                <input type="text" id=id data-testid=testid placeholder=move || placeholder.get()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    let label = crate::ui::widgets::labels::labels(lang);
    view! {
        <form class="series-form" data-testid="series-form" on:submit=save
            aria-labelledby="series-form-title">
            <h3 id="series-form-title">{move || tr(lang.get(), "New input series", "Nieuwe invoerreeks")}</h3>
            <div class="series-form-grid">
                <div class="field">
                    <label for="series-form-key">{move || tr(lang.get(), "Key (used in formulas)", "Sleutel (gebruikt in formules)")}</label>
                    <input type="text" id="series-form-key" data-testid="series-form-key"
                        placeholder=move || tr(lang.get(), "interactions", "interacties")
                        autocomplete="off" spellcheck="false"
                        aria-describedby="series-form-key-help series-form-key-error"
                        aria-invalid=move || if key_error.with(Option::is_some) { "true" } else { "false" }
                        prop:value=move || key.get()
                        on:input=move |ev| {
                            key.set(event_target_value(&ev));
                            if key_error.with_untracked(Option::is_some) {
                                error.set(None);
                            }
                        } />
                    <p class="field-help" id="series-form-key-help">
                        {move || tr(lang.get(),
                            "A letter, then letters, digits or _ — e.g. interactions, reach, post_reach.",
                            "Een letter, dan letters, cijfers of _ — bijv. interacties, bereik, post_bereik.")}
                    </p>
                    <Show when=move || key_error.with(Option::is_some)>
                        <p class="field-error" role="alert" id="series-form-key-error" data-testid="series-form-error">
                            {move || key_error.get().unwrap_or_default()}
                        </p>
                    </Show>
                </div>
                {field("series-form-name", "series-form-name",
                    label("Name", "Naam"), name,
                    label("Interactions on Instagram posts", "Interacties op Instagram-posts"))}
                {field("series-form-unit", "series-form-unit",
                    label("Unit", "Eenheid"), unit, label("interactions", "interacties"))}
                {field("series-form-channel", "series-form-channel",
                    label("Channel", "Kanaal"), channel, Signal::stored("Instagram, LinkedIn …".to_string()))}
                <div class="field">
                    <label for="series-form-aggregation">
                        {move || tr(lang.get(), "Per period", "Per periode")}
                    </label>
                    <select id="series-form-aggregation" data-testid="series-form-aggregation"
                        aria-describedby="series-form-aggregation-help"
                        prop:value=move || aggregation.get()
                        on:change=move |ev| aggregation.set(event_target_value(&ev))>
                        {select_options(options, aggregation.into())}
                    </select>
                    <p class="field-help" id="series-form-aggregation-help">
                        {move || aggregation_hint(chosen.get(), lang.get())}
                    </p>
                </div>
            </div>
            <Show when=move || form_error.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="series-form-error">
                    {move || form_error.get().unwrap_or_default()}
                </p>
            </Show>
            <div class="series-form-actions">
                <button type="submit" class="primary" data-testid="series-form-save">
                    {move || tr(lang.get(), "Add series", "Reeks toevoegen")}
                </button>
                <button type="button" data-testid="series-form-cancel" on:click=move |_| on_cancel.run(())>
                    {move || tr(lang.get(), "Cancel", "Annuleren")}
                </button>
            </div>
        </form>
    }
}
