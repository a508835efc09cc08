//! The library screen (`#library`): the scorecards kept in this browser with title,
//! organisation, last change and overall status; create from a template, open, rename,
//! duplicate, delete (undoable from the notice), export all, and the copies kept aside.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::messages::untitled;
use crate::i18n::tr;
use crate::i18n::words::{status_key, status_words};
use crate::library::Entry;
use crate::method::templates;
use crate::model::Lang;
use crate::ui::session::Persistence;
use crate::ui::session::state::View;

/// An ISO 8601 timestamp as local date and time in `lang`; the text itself when unreadable.
fn local_time(iso: &str, lang: Lang) -> String {
    if iso.is_empty() {
        return "–".to_string();
    }
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = match lang {
        Lang::En => "en-GB",
        Lang::Nl => "nl-NL",
    };
    String::from(date.to_locale_string(locale, &options))
}

/// The library screen.
#[component]
pub fn LibraryView() -> impl IntoView {
    let Some(p) = Persistence::get() else {
        return ().into_any();
    };
    let state = p.state;
    let lang = state.lang;
    let template = RwSignal::new("example".to_string());
    let entries = move || state.library.with(|l| l.list().to_vec());
    let count = move || state.library.with(|l| l.list().len());
    let backups = RwSignal::new(p.backups());
    // The list of copies kept aside follows the banner (which may report new ones).
    Effect::new(move |_| {
        p.corrupt.track();
        backups.set(p.backups());
    });
    let create = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if p.create(&template.get_untracked()).is_some() {
            state.go(View::Scorecard);
        }
    };
    let link = RwSignal::new(String::new());
    let open_link = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if p.open_shared(&link.get_untracked()) {
            link.set(String::new());
        }
    };
    view! {
        <section class="library" data-testid="library" aria-labelledby="library-title">
            <div class="library-head">
                <h2 id="library-title">
                    {move || tr(lang.get(), "Your scorecards", "Je scorecards")}
                    " " <span class="count" data-testid="library-count">{count}</span>
                </h2>
                <p class="library-note">
                    {move || tr(lang.get(),
                        "Kept in this browser only, for this web address. Export a scorecard to send it or to keep it elsewhere.",
                        "Alleen bewaard in deze browser, voor dit webadres. Exporteer een scorecard om hem te versturen of elders te bewaren.")}
                </p>
            </div>
            <div class="library-tools">
                <form class="library-create" on:submit=create>
                    <label class="field">
                        <span>{move || tr(lang.get(), "New scorecard", "Nieuwe scorecard")}</span>
                        <select data-testid="library-template"
                            on:change=move |ev| template.set(event_target_value(&ev))
                            prop:value=move || template.get()>
                            {move || templates::names(lang.get()).into_iter().map(|(id, name)| view! {
                                <option value=id selected=move || template.get() == id>{name}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" class="primary" data-testid="library-create">
                        {move || tr(lang.get(), "Create", "Maken")}
                    </button>
                </form>
                <button type="button" data-testid="export-all" on:click=move |_| p.export_all()>
                    {move || tr(lang.get(), "Export all", "Alles exporteren")}
                </button>
                <form class="library-share" on:submit=open_link>
                    <label class="field">
                        <span>{move || tr(lang.get(), "Open a share link", "Gedeelde link openen")}</span>
                        <input type="url" data-testid="share-link-input" placeholder="https://…#share=…"
                            prop:value=move || link.get()
                            on:input=move |ev| link.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit" data-testid="share-link-open"
                        disabled=move || link.with(|l| l.trim().is_empty())>
                        {move || tr(lang.get(), "Open", "Openen")}
                    </button>
                </form>
            </div>
            <Show when=move || count() == 0>
                <p class="library-empty" data-testid="library-empty">
                    {move || tr(lang.get(), "No scorecards kept in this browser yet.", "Nog geen scorecards bewaard in deze browser.")}
                </p>
            </Show>
            <ul class="library-list" data-testid="library-list">
                <For
                    each=entries
                    key=|e: &Entry| (e.id.clone(), e.title.clone(), e.organisation.clone(), e.changed_at.clone(), status_key(e.overall_status))
                    let:entry
                >
                    <LibraryItem p=p entry=entry />
                </For>
            </ul>
            <Show when=move || backups.with(|b| !b.is_empty())>
                <section class="library-backups" data-testid="library-backups">
                    <h3>{move || tr(lang.get(), "Kept aside", "Apart bewaard")}</h3>
                    <p class="library-note">
                        {move || tr(lang.get(),
                            "Stored data that could not be read. It is never changed or removed by the app; download it to look at it or to repair it.",
                            "Bewaarde gegevens die niet gelezen konden worden. De app wijzigt of verwijdert ze nooit; download ze om ze te bekijken of te herstellen.")}
                    </p>
                    <ul>
                        <For each=move || backups.get() key=|(k, _)| k.clone() let:backup>
                            <li data-testid="library-backup" data-key=backup.0.clone()>
                                <code>{backup.0.clone()}</code>
                                " "
                                <button type="button" data-testid="library-backup-download"
                                    on:click={
                                        let key = backup.0.clone();
                                        move |_| p.download_backup(&key)
                                    }>
                                    {move || tr(lang.get(), "Download", "Downloaden")}
                                </button>
                            </li>
                        </For>
                    </ul>
                </section>
            </Show>
        </section>
    }
    .into_any()
}

/// One scorecard in the list.
#[component]
fn LibraryItem(p: Persistence, entry: Entry) -> impl IntoView {
    let state = p.state;
    let lang = state.lang;
    let id = entry.id.clone();
    let is_open = {
        let id = id.clone();
        move || !state.read_only.get() && state.library.with(|l| l.open_id() == Some(id.as_str()))
    };
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(entry.title.clone());
    let error = RwSignal::new(None::<String>);
    let title = entry.title.clone();
    let shown_title = if title.trim().is_empty() {
        None
    } else {
        Some(title.clone())
    };
    let status = entry.overall_status;
    let changed = entry.changed_at.clone();
    let open = {
        let id = id.clone();
        move |_| {
            p.open(&id);
            state.go(View::Scorecard);
        }
    };
    let save_rename = {
        let id = id.clone();
        move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            match p.rename(&id, &draft.get_untracked()) {
                Ok(()) => {
                    error.set(None);
                    renaming.set(false);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            p.duplicate(&id);
        }
    };
    let delete = {
        let id = id.clone();
        move |_| p.delete(&id)
    };
    let is_open_attr = is_open.clone();
    view! {
        <li class="library-item" data-testid="library-item" data-id=id.clone()
            class:open=is_open.clone()
            aria-current=move || if is_open_attr() { "true" } else { "false" }>
            <div class="library-main">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let shown_title = shown_title.clone();
                        move || {
                            let shown_title = shown_title.clone();
                            view! {
                                <h3 class="library-item-title" data-testid="library-item-title">
                                    {move || shown_title.clone().unwrap_or_else(|| untitled(lang.get()).to_string())}
                                </h3>
                            }
                        }
                    }
                >
                    <form class="library-rename" on:submit=save_rename.clone()>
                        <label class="field">
                            <span>{move || tr(lang.get(), "New title", "Nieuwe titel")}</span>
                            <input type="text" data-testid="library-rename-input" maxlength="200"
                                prop:value=move || draft.get()
                                aria-invalid=move || error.with(Option::is_some).to_string()
                                on:input=move |ev| draft.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit" data-testid="library-rename-save">
                            {move || tr(lang.get(), "Save", "Opslaan")}
                        </button>
                        <button type="button" data-testid="library-rename-cancel"
                            on:click=move |_| { renaming.set(false); error.set(None); }>
                            {move || tr(lang.get(), "Cancel", "Annuleren")}
                        </button>
                        {move || error.get().map(|e| view! {
                            <p class="field-error" data-testid="library-rename-error" role="alert">{e}</p>
                        })}
                    </form>
                </Show>
                <p class="library-meta">
                    {(!entry.organisation.trim().is_empty()).then(|| view! {
                        <span data-testid="library-item-organisation">{entry.organisation.clone()}</span>
                    })}
                    <span class="library-changed">
                        {move || tr(lang.get(), "Last changed", "Laatst gewijzigd")} " "
                        <time datetime=changed.clone() data-testid="library-item-changed">
                            {
                                let changed = changed.clone();
                                move || local_time(&changed, lang.get())
                            }
                        </time>
                    </span>
                    <span class="status" data-testid="library-item-status" data-status=status_key(status)>
                        <span class="status-icon" aria-hidden="true">{move || status_words(status, lang.get()).0}</span>
                        <span class="status-word">{move || status_words(status, lang.get()).1}</span>
                    </span>
                    <Show when=is_open.clone()>
                        <span class="open-mark" data-testid="library-item-open-mark">
                            {move || tr(lang.get(), "Open now", "Nu open")}
                        </span>
                    </Show>
                </p>
            </div>
            <div class="library-actions toolbar">
                <button type="button" class="primary" data-testid="library-open" on:click=open>
                    {move || tr(lang.get(), "Open", "Openen")}
                </button>
                <button type="button" data-testid="library-rename"
                    on:click={
                        let title = title.clone();
                        move |_| { draft.set(title.clone()); renaming.set(true); }
                    }>
                    {move || tr(lang.get(), "Rename", "Hernoemen")}
                </button>
                <button type="button" data-testid="library-duplicate" on:click=duplicate>
                    {move || tr(lang.get(), "Duplicate", "Dupliceren")}
                </button>
                <button type="button" data-testid="library-delete" on:click=delete>
                    {move || tr(lang.get(), "Delete", "Verwijderen")}
                </button>
            </div>
        </li>
    }
}
