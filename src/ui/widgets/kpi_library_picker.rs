//! The KPI library as a list to pick from: entries grouped by factor, filtered by factor and
//! searched by name in the interface language, each with its AMEC stage, a short description,
//! its formula and a button to pick it. What a pick does is up to the caller (the workshop
//! adds a KPI, the KPI form fills one), through `on_pick`.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::{direction_name, factor_kind_name};
use crate::method::kpi_library::{self, LibraryEntry};
use crate::model::{FactorKind, Lang};
use crate::ui::session::state::AppState;
use crate::ui::widgets::field_edit::select_options;

/// The first sentence of `text` and the rest (empty when it has one sentence).
fn split_first_sentence(text: &str) -> (&str, &str) {
    match text.find(". ") {
        Some(at) => (&text[..=at], text[at + 2..].trim_start()),
        None => (text, ""),
    }
}

/// The `<select>` value of a factor filter: its key, or empty for every factor.
fn filter_key(factor: Option<FactorKind>) -> String {
    factor.map(|k| k.key().to_string()).unwrap_or_default()
}

/// The factor of a `<select>` value (`None`: every factor).
fn filter_of(key: &str) -> Option<FactorKind> {
    FactorKind::ALL.into_iter().find(|k| k.key() == key)
}

/// The library to pick a KPI from. `factor` preselects the factor filter (the user can
/// widen it); `on_pick` gets the entry whose button was pressed.
#[component]
pub fn KpiLibraryPicker(
    /// The factor shown at first; `None` shows every factor.
    factor: Option<FactorKind>,
    /// What picking an entry does.
    on_pick: Callback<&'static LibraryEntry>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let filter = RwSignal::new(factor);
    let query = RwSignal::new(String::new());
    let found =
        Memo::new(move |_| query.with(|q| kpi_library::search(filter.get(), q, lang.get())));
    // The factors as this scorecard names them (e.g. "Community" for the medium).
    let factor_label = move |kind: FactorKind, lang: Lang| {
        state.doc.with(|d| {
            let label = d.factor(kind).label.trim();
            if label.is_empty() {
                factor_kind_name(kind, lang).to_string()
            } else {
                label.to_string()
            }
        })
    };
    let options = Signal::derive(move || {
        let l = lang.get();
        let all = (
            String::new(),
            tr(l, "All factors", "Alle factoren").to_string(),
        );
        std::iter::once(all)
            .chain(
                FactorKind::ALL
                    .into_iter()
                    .map(|k| (k.key().to_string(), factor_label(k, l))),
            )
            .collect::<Vec<_>>()
    });
    let groups = move || {
        let l = lang.get();
        let found = found.get();
        FactorKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let of_kind: Vec<&'static LibraryEntry> =
                    found.iter().copied().filter(|e| e.factor == kind).collect();
                if of_kind.is_empty() {
                    return None;
                }
                let heading_id = format!("kpi-library-group-{}", kind.key());
                let labelled_by = heading_id.clone();
                Some(view! {
                    <section class="kpi-library-group" data-factor=kind.key() aria-labelledby=labelled_by>
                        <h3 class="kpi-library-factor" id=heading_id>{factor_label(kind, l)}</h3>
                        <ul class="kpi-library-list">
                            {of_kind
                                .into_iter()
                                .map(|e| view! { <EntryItem entry=e on_pick=on_pick /> })
                                .collect_view()}
                        </ul>
                    </section>
                })
            })
            .collect_view()
    };
    let count = move || {
        let n = found.with(Vec::len);
        let l = lang.get();
        let word = if n == 1 {
            "KPI"
        } else {
            tr(l, "KPIs", "KPI's")
        };
        format!("{n} {word}")
    };
    view! {
        <div class="kpi-library" data-testid="kpi-library">
            <div class="kpi-library-tools">
                <label class="kpi-library-tool">
                    <span>{move || tr(lang.get(), "Search by name", "Zoeken op naam")}</span>
                    <input type="search" data-testid="kpi-library-search" autocomplete="off" spellcheck="false"
                        placeholder=move || tr(lang.get(), "e.g. engagement", "bijv. engagement")
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev)) />
                </label>
                <label class="kpi-library-tool">
                    <span>{move || tr(lang.get(), "Factor", "Factor")}</span>
                    <select data-testid="kpi-library-filter"
                        prop:value=move || filter_key(filter.get())
                        on:change=move |ev| filter.set(filter_of(&event_target_value(&ev)))>
                        {select_options(options, Signal::derive(move || filter_key(filter.get())))}
                    </select>
                </label>
            </div>
            <p class="kpi-library-count" data-testid="kpi-library-count" role="status">{count}</p>
            <Show
                when=move || !found.with(Vec::is_empty)
                fallback=move || view! {
                    <p class="kpi-library-none" data-testid="kpi-library-none">
                        {move || tr(lang.get(),
                            "No KPI in the library matches. Try another word, or all factors.",
                            "Geen KPI in de bibliotheek past hierbij. Probeer een ander woord, of alle factoren.")}
                    </p>
                }
            >
                {groups}
            </Show>
        </div>
    }
}

/// One entry: name, AMEC stage, short description (the rest on request), formula, unit and
/// direction, and its pick button.
#[component]
fn EntryItem(
    entry: &'static LibraryEntry,
    on_pick: Callback<&'static LibraryEntry>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let description = move || split_first_sentence(entry.description.get(lang.get()));
    let stage = entry.stage;
    view! {
        <li class="kpi-library-entry" data-testid="kpi-library-entry" data-entry=entry.id
            data-factor=entry.factor.key() data-stage=stage.key()>
            <div class="kpi-library-head">
                <h4 class="kpi-library-name">{move || entry.name.get(lang.get())}</h4>
                <span class="kpi-library-stage" data-testid="kpi-library-stage" data-stage=stage.key()
                    title=move || stage.meaning(lang.get())>
                    <span class="visually-hidden">{move || tr(lang.get(), "AMEC stage: ", "AMEC-fase: ")}</span>
                    {move || stage.name(lang.get())}
                </span>
            </div>
            <p class="kpi-library-description">{move || description().0}</p>
            <Show when=move || !description().1.is_empty()>
                <details class="kpi-library-more">
                    <summary>{move || tr(lang.get(), "How to read it", "Hoe lees je het")}</summary>
                    <p>{move || description().1}</p>
                </details>
            </Show>
            <p class="kpi-library-facts">
                <span class="visually-hidden">{move || tr(lang.get(), "Formula: ", "Formule: ")}</span>
                <code class="kpi-library-formula" data-testid="kpi-library-formula">{entry.formula}</code>
                <span class="kpi-library-unit">
                    {move || {
                        let l = lang.get();
                        format!("{} · {}", entry.unit.get(l), direction_name(entry.direction, l).to_lowercase())
                    }}
                </span>
            </p>
            <button type="button" class="kpi-library-pick" data-testid="kpi-library-pick"
                on:click=move |_| on_pick.run(entry)>
                {move || tr(lang.get(), "Add", "Toevoegen")}
                <span class="visually-hidden">{move || format!(" {}", entry.name.get(lang.get()))}</span>
            </button>
        </li>
    }
}
