//! Lasting messages about where work is kept: storage unavailable, storage full, entries
//! kept aside at start, a newer app's storage, the shared read-only view, another tab's
//! change waiting for a choice, a file that could not be opened, and library operations
//! with Undo.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::{Persistence, StorageHealth};
use crate::web::storage::StorageError;

/// Every banner that applies now.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let Some(p) = Persistence::get() else {
        return ().into_any();
    };
    let lang = p.state.lang;
    let health = p.health;
    view! {
        <div class="storage-banners">
            <Show when=move || health.get() == StorageHealth::Unavailable>
                <div class="banner warning" role="alert" data-testid="banner-storage-unavailable">
                    <p>
                        <strong>{move || tr(lang.get(), "Your work is not kept in this browser.", "Je werk wordt niet bewaard in deze browser.")}</strong>
                        " "
                        {move || tr(lang.get(),
                            "This browser does not let the page store anything (blocked site data or a private window). You can work as usual, but everything is lost when you close the page unless you export it.",
                            "Deze browser laat de pagina niets bewaren (geblokkeerde sitegegevens of een privévenster). Je kunt gewoon werken, maar alles gaat verloren als je de pagina sluit, tenzij je het exporteert.")}
                    </p>
                    <button type="button" data-testid="banner-unavailable-export" on:click=move |_| p.export_all()>
                        {move || tr(lang.get(), "Export everything", "Alles exporteren")}
                    </button>
                </div>
            </Show>
            <Show when=move || matches!(health.get(), StorageHealth::NewerLayout(_))>
                <div class="banner warning" role="alert" data-testid="banner-newer-layout">
                    <p>
                        {move || tr(lang.get(),
                            "The scorecards in this browser were saved by a newer version of this app. They are left untouched; nothing you do here is kept. Please update the app (reload the page), or export your work.",
                            "De scorecards in deze browser zijn bewaard door een nieuwere versie van deze app. Ze blijven onaangeroerd; niets wat je hier doet wordt bewaard. Werk de app bij (laad de pagina opnieuw), of exporteer je werk.")}
                    </p>
                    <button type="button" data-testid="banner-newer-export" on:click=move |_| p.export_open()>
                        {move || tr(lang.get(), "Export", "Exporteren")}
                    </button>
                </div>
            </Show>
            <Show when=move || p.save_error.with(Option::is_some)>
                <div class="banner error" role="alert" data-testid="banner-save-failed"
                    data-kind=move || if p.save_error.with(|e| e == &Some(StorageError::QuotaExceeded)) { "quota" } else { "other" }>
                    <p>
                        <strong>{move || tr(lang.get(), "Your latest changes are not saved.", "Je laatste wijzigingen zijn niet bewaard.")}</strong>
                        " "
                        {move || if p.save_error.with(|e| e == &Some(StorageError::QuotaExceeded)) {
                            tr(lang.get(),
                                "This browser's storage for this page is full. The last saved copy is untouched. Export your work to keep it, then delete scorecards you no longer need.",
                                "De opslag van deze browser voor deze pagina is vol. De laatst bewaarde kopie is onaangeroerd. Exporteer je werk om het te houden en verwijder scorecards die je niet meer nodig hebt.")
                        } else {
                            tr(lang.get(),
                                "The browser refused to store them. The last saved copy is untouched. Export your work to keep it.",
                                "De browser weigerde ze te bewaren. De laatst bewaarde kopie is onaangeroerd. Exporteer je werk om het te houden.")
                        }}
                    </p>
                    <button type="button" data-testid="banner-quota-export" on:click=move |_| p.export_open()>
                        {move || tr(lang.get(), "Export this scorecard", "Deze scorecard exporteren")}
                    </button>
                    <button type="button" data-testid="banner-quota-export-all" on:click=move |_| p.export_all()>
                        {move || tr(lang.get(), "Export everything", "Alles exporteren")}
                    </button>
                </div>
            </Show>
            <Show when=move || p.corrupt.with(|c| !c.is_empty())>
                <div class="banner warning" role="alert" data-testid="banner-corrupt">
                    <div class="banner-body">
                        <p>
                            <strong>{move || tr(lang.get(), "Some stored data could not be read.", "Sommige bewaarde gegevens konden niet worden gelezen.")}</strong>
                            " "
                            {move || tr(lang.get(),
                                "Nothing was thrown away: each entry is kept aside in this browser, unchanged, and you can download it.",
                                "Er is niets weggegooid: elk item is ongewijzigd apart bewaard in deze browser, en je kunt het downloaden.")}
                        </p>
                        <ul class="corrupt-list">
                            <For each=move || p.corrupt.get() key=|c| (c.key.clone(), c.backup_key.clone()) let:entry>
                                <li data-testid="corrupt-entry" data-key=entry.key.clone()
                                    data-backup=entry.backup_key.clone().unwrap_or_default()>
                                    <code>{entry.key.clone()}</code>": "{entry.reason.clone()}
                                    {entry.backup_key.clone().map(|backup| {
                                        let key = backup.clone();
                                        view! {
                                            " "
                                            <button type="button" data-testid="banner-corrupt-download"
                                                on:click=move |_| p.download_backup(&key)>
                                                {move || tr(lang.get(), "Download", "Downloaden")}
                                            </button>
                                        }
                                    })}
                                </li>
                            </For>
                        </ul>
                    </div>
                    <button type="button" class="icon-button" data-testid="banner-corrupt-close"
                        aria-label=move || tr(lang.get(), "Dismiss", "Sluiten")
                        on:click=move |_| p.corrupt.set(Vec::new())>"✕"</button>
                </div>
            </Show>
            <Show when=move || p.state.read_only.get()>
                <div class="banner info" role="status" data-testid="banner-shared">
                    <p>
                        <strong>{move || tr(lang.get(), "A shared scorecard, read-only.", "Een gedeelde scorecard, alleen-lezen.")}</strong>
                        " "
                        {move || tr(lang.get(),
                            "It came inside the link you opened; nothing was sent anywhere. Save a copy to your library to edit it.",
                            "Hij zat in de link die je opende; er is niets verstuurd. Bewaar een kopie in je bibliotheek om hem te bewerken.")}
                    </p>
                    <button type="button" data-testid="share-save-copy" on:click=move |_| p.save_shared_copy()>
                        {move || tr(lang.get(), "Save a copy to my library", "Een kopie in mijn bibliotheek bewaren")}
                    </button>
                    <button type="button" data-testid="share-close" on:click=move |_| p.close_shared()>
                        {move || tr(lang.get(), "Close", "Sluiten")}
                    </button>
                </div>
            </Show>
            <Show when=move || p.tab_conflict.with(Option::is_some) && !p.tab_dialog_open.get()>
                <div class="banner warning" role="alert" data-testid="banner-tab-conflict">
                    <p>
                        {move || tr(lang.get(),
                            "This scorecard was also changed in another tab. Your changes here are not saved until you choose.",
                            "Deze scorecard is ook in een ander tabblad gewijzigd. Je wijzigingen hier worden pas bewaard als je kiest.")}
                    </p>
                    <button type="button" data-testid="banner-tab-choose" on:click=move |_| p.tab_dialog_open.set(true)>
                        {move || tr(lang.get(), "Choose…", "Kiezen…")}
                    </button>
                </div>
            </Show>
            <Show when=move || p.deleted_elsewhere.get()>
                <div class="banner warning" role="alert" data-testid="banner-deleted-elsewhere">
                    <p>
                        {move || tr(lang.get(),
                            "This scorecard was deleted in another tab. It stays open here until you choose.",
                            "Deze scorecard is in een ander tabblad verwijderd. Hij blijft hier open tot je kiest.")}
                    </p>
                    <button type="button" data-testid="deleted-keep" on:click=move |_| p.resolve_deleted_elsewhere(true)>
                        {move || tr(lang.get(), "Keep it", "Houden")}
                    </button>
                    <button type="button" data-testid="deleted-let-go" on:click=move |_| p.resolve_deleted_elsewhere(false)>
                        {move || tr(lang.get(), "Let it go", "Laten gaan")}
                    </button>
                </div>
            </Show>
            {move || p.message.get().map(|m| view! {
                <div class="banner" class:error=m.is_error class:info=!m.is_error
                    role=if m.is_error { "alert" } else { "status" }
                    data-testid="import-message" data-kind=m.kind>
                    <div class="banner-body">
                        <p><strong data-testid="import-message-title">{m.title.clone()}</strong></p>
                        <p class="message-body" data-testid="import-message-body">{m.body.clone()}</p>
                    </div>
                    <button type="button" class="icon-button" data-testid="import-message-close"
                        aria-label=move || tr(lang.get(), "Dismiss", "Sluiten")
                        on:click=move |_| p.message.set(None)>"✕"</button>
                </div>
            })}
            {move || p.library_notice.get().map(|n| view! {
                <div class="notice" role="status" data-testid="library-notice">
                    <span>{n.text.clone()}</span>
                    {n.undo.then(|| view! {
                        <button type="button" data-testid="library-undo" on:click=move |_| p.undo_library()>
                            {move || tr(lang.get(), "Undo", "Ongedaan maken")}
                        </button>
                    })}
                    <button type="button" class="icon-button" data-testid="library-notice-close"
                        aria-label=move || tr(lang.get(), "Dismiss", "Sluiten")
                        on:click=move |_| p.library_notice.set(None)>"✕"</button>
                </div>
            })}
        </div>
    }
    .into_any()
}
