//! The questions storage asks: an import that meets a scorecard with the same id (keep
//! both / replace / cancel), another tab that changed the same scorecard (keep mine / load
//! theirs / download both), and the share link. Each is a [`Modal`].

use leptos::html;
use leptos::prelude::*;

use crate::i18n::messages::{display_title, shown_title};
use crate::i18n::tr;
use crate::library::{ConflictChoice, TabChoice};
use crate::ui::session::{Persistence, ShareOutcome};
use crate::ui::widgets::modal::Modal;

/// Every storage dialog that is due.
#[component]
pub fn StorageDialogs() -> impl IntoView {
    let Some(p) = Persistence::get() else {
        return ().into_any();
    };
    view! {
        <Show when=move || p.import_conflict.with(Option::is_some)>
            <ImportConflictDialog p=p />
        </Show>
        <Show when=move || p.tab_conflict.with(Option::is_some) && p.tab_dialog_open.get()>
            <TabConflictDialog p=p />
        </Show>
        <Show when=move || p.share_dialog.with(Option::is_some)>
            <ShareDialog p=p />
        </Show>
    }
    .into_any()
}

/// Keep both / replace / cancel.
#[component]
fn ImportConflictDialog(p: Persistence) -> impl IntoView {
    let lang = p.state.lang;
    let conflict = p.import_conflict.get_untracked();
    let (incoming, existing) = match conflict {
        Some(c) => (
            display_title(&c.incoming, lang.get_untracked()),
            shown_title(&c.existing.title, lang.get_untracked()),
        ),
        None => (String::new(), String::new()),
    };
    let cancel = Callback::new(move |_| p.resolve_import(ConflictChoice::Cancel));
    view! {
        <Modal testid="import-conflict-dialog" title_id="import-conflict-title" on_escape=cancel>
            <h2 id="import-conflict-title">
                {move || tr(lang.get(), "This scorecard is already in your library", "Deze scorecard staat al in je bibliotheek")}
            </h2>
            <p>
                {move || tr(lang.get(),
                    "The file holds a different version of a scorecard you already have (the same id). Nothing is replaced unless you choose so.",
                    "Het bestand bevat een andere versie van een scorecard die je al hebt (hetzelfde id). Er wordt niets vervangen tenzij je daarvoor kiest.")}
            </p>
            <dl class="dialog-facts">
                <dt>{move || tr(lang.get(), "In your library", "In je bibliotheek")}</dt>
                <dd data-testid="conflict-existing">{existing}</dd>
                <dt>{move || tr(lang.get(), "In the file", "In het bestand")}</dt>
                <dd data-testid="conflict-incoming">{incoming}</dd>
            </dl>
            <div class="dialog-actions">
                <button type="button" data-testid="conflict-keep-both"
                    on:click=move |_| p.resolve_import(ConflictChoice::KeepBoth)>
                    {move || tr(lang.get(), "Keep both", "Beide houden")}
                </button>
                <button type="button" data-testid="conflict-replace"
                    on:click=move |_| p.resolve_import(ConflictChoice::Replace)>
                    {move || tr(lang.get(), "Replace mine", "De mijne vervangen")}
                </button>
                <button type="button" data-testid="conflict-cancel"
                    on:click=move |_| p.resolve_import(ConflictChoice::Cancel)>
                    {move || tr(lang.get(), "Cancel", "Annuleren")}
                </button>
            </div>
        </Modal>
    }
}

/// Keep mine / load theirs / download both.
#[component]
fn TabConflictDialog(p: Persistence) -> impl IntoView {
    let lang = p.state.lang;
    let later = Callback::new(move |_| p.tab_dialog_open.set(false));
    view! {
        <Modal testid="tab-conflict-dialog" title_id="tab-conflict-title" on_escape=later>
            <h2 id="tab-conflict-title">
                {move || tr(lang.get(), "This scorecard was changed in another tab", "Deze scorecard is in een ander tabblad gewijzigd")}
            </h2>
            <p>
                {move || tr(lang.get(),
                    "You have changes here that are not saved yet, and another tab saved its own changes. Nothing is overwritten until you choose.",
                    "Je hebt hier wijzigingen die nog niet zijn bewaard, en een ander tabblad heeft zijn eigen wijzigingen bewaard. Er wordt niets overschreven tot je kiest.")}
            </p>
            <div class="dialog-actions">
                <button type="button" data-testid="tab-keep-mine"
                    on:click=move |_| p.resolve_tab(TabChoice::KeepMine)>
                    {move || tr(lang.get(), "Keep mine", "De mijne houden")}
                </button>
                <button type="button" data-testid="tab-load-theirs"
                    on:click=move |_| p.resolve_tab(TabChoice::LoadTheirs)>
                    {move || tr(lang.get(), "Load theirs", "Die van het andere tabblad laden")}
                </button>
                <button type="button" data-testid="tab-download-both"
                    on:click=move |_| p.resolve_tab(TabChoice::DownloadBoth)>
                    {move || tr(lang.get(), "Download both", "Beide downloaden")}
                </button>
                <button type="button" data-testid="tab-decide-later"
                    on:click=move |_| p.tab_dialog_open.set(false)>
                    {move || tr(lang.get(), "Decide later", "Later beslissen")}
                </button>
            </div>
        </Modal>
    }
}

/// The share link, or why there is none.
#[component]
fn ShareDialog(p: Persistence) -> impl IntoView {
    let lang = p.state.lang;
    let close = Callback::new(move |_| p.share_dialog.set(None));
    let outcome = p.share_dialog.get_untracked();
    let copied = RwSignal::new(false);
    let body = match outcome {
        Some(ShareOutcome::Link(url)) => {
            let input: NodeRef<html::Input> = NodeRef::new();
            let copy_url = url.clone();
            let copy = move |_| {
                if let Some(el) = input.get_untracked() {
                    el.select();
                }
                let promise = window().navigator().clipboard().write_text(&copy_url);
                let ok = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
                    move |_| copied.set(true),
                );
                let err = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
                    |_| {},
                );
                let _ = promise.then2(&ok, &err);
                ok.forget();
                err.forget();
            };
            view! {
                <p>
                    {move || tr(lang.get(),
                        "Anyone with this link sees this scorecard as it is now, read-only. The scorecard travels inside the link itself: nothing is sent anywhere.",
                        "Wie deze link heeft, ziet deze scorecard zoals hij nu is, alleen-lezen. De scorecard zit in de link zelf: er wordt niets verstuurd.")}
                </p>
                <label class="field">
                    <span>{move || tr(lang.get(), "Link to share", "Link om te delen")}</span>
                    <input type="text" readonly data-testid="share-url" node_ref=input prop:value=url />
                </label>
                <p class="dialog-status" role="status">
                    {move || copied.get().then(|| tr(lang.get(), "Copied.", "Gekopieerd."))}
                </p>
                <div class="dialog-actions">
                    <button type="button" data-testid="share-copy" on:click=copy>
                        {move || tr(lang.get(), "Copy link", "Link kopiëren")}
                    </button>
                    <button type="button" data-testid="share-dialog-close" on:click=move |_| close.run(())>
                        {move || tr(lang.get(), "Close", "Sluiten")}
                    </button>
                </div>
            }
            .into_any()
        }
        Some(ShareOutcome::Refused(text)) => view! {
            <p class="dialog-error" data-testid="share-too-large" role="alert">{text}</p>
            <div class="dialog-actions">
                <button type="button" data-testid="share-export"
                    on:click=move |_| { p.export_open(); close.run(()); }>
                    {move || tr(lang.get(), "Export as a file", "Exporteren als bestand")}
                </button>
                <button type="button" data-testid="share-dialog-close" on:click=move |_| close.run(())>
                    {move || tr(lang.get(), "Close", "Sluiten")}
                </button>
            </div>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! {
        <Modal testid="share-dialog" title_id="share-title" on_escape=close>
            <h2 id="share-title">{move || tr(lang.get(), "Share a read-only link", "Een alleen-lezen link delen")}</h2>
            {body}
        </Modal>
    }
}
