//! Where a series' figures come from: the platform-export columns the import remembers for it
//! (each can be forgotten), and a button that imports a file into this series.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::SeriesSource;
use crate::model::command::{Command, SeriesField};
use crate::ui::session::state::AppState;

/// The remembered export columns of series `id` and its import button.
#[component]
pub fn SeriesSources(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let read_id = id.clone();
    let sources = Memo::new(move |_| {
        state.doc.with(|d| {
            d.series_by_id(&read_id)
                .map(|s| s.sources.clone())
                .unwrap_or_default()
        })
    });
    let forget_id = id.clone();
    let forget = move |gone: SeriesSource| {
        let kept: Vec<SeriesSource> = sources
            .get_untracked()
            .into_iter()
            .filter(|s| *s != gone)
            .collect();
        let cmd = Command::UpdateSeries {
            id: forget_id.clone(),
            field: SeriesField::Sources(kept),
        };
        if state
            .try_dispatch_keyed(cmd, None)
            .map_err(|e| state.report(e))
            .is_ok()
        {
            state.tell(
                tr(
                    lang.get_untracked(),
                    "Forgotten: the next import proposes that column anew.",
                    "Vergeten: de volgende import stelt die kolom opnieuw voor.",
                ),
                true,
            );
        }
    };
    view! {
        <section class="series-sources" data-testid="series-sources" aria-labelledby="series-sources-title">
            <h4 id="series-sources-title">{move || tr(lang.get(), "Platform exports", "Platform-exports")}</h4>
            <p class="muted">
                {move || if sources.with(Vec::is_empty) {
                    tr(lang.get(),
                        "No export column fills this series yet. Import a file into it; the column is remembered, so next month's file maps itself.",
                        "Nog geen exportkolom vult deze reeks. Importeer er een bestand in; de kolom wordt onthouden, zodat het bestand van volgende maand vanzelf goed gaat.")
                } else {
                    tr(lang.get(), "Filled by these export columns:", "Gevuld door deze exportkolommen:")
                }}
            </p>
            <ul class="series-source-list">
                <For each=move || sources.get() key=|s| s.clone() let(source)>
                    {
                        let shown = format!(
                            "{} · {}",
                            crate::exchange::platform_import::source_platform(&source),
                            source.column
                        );
                        let gone = source.clone();
                        let forget = forget.clone();
                        view! {
                            <li data-testid="series-source">
                                <span class="series-source-name">{shown}</span>
                                " "
                                <button type="button" class="link-button" data-testid="series-source-forget"
                                    on:click=move |_| forget(gone.clone())>
                                    {move || tr(lang.get(), "Forget", "Vergeten")}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <button type="button" data-testid="series-import-file"
                on:click=move |_| state.platform_import.start(Some(id.clone()))>
                {move || tr(lang.get(), "Import an export into this series…", "Een export in deze reeks importeren…")}
            </button>
        </section>
    }
}
