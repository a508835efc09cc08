//! The questions storage asks: an import that meets a scorecard with the same id (keep
//! both / replace / cancel), another tab that changed the same scorecard (keep mine / load
//! theirs / download both), and the share link. Each is a modal dialog: `role="dialog"`,
//! `aria-modal`, focus moved in and kept in, restored on close, Escape cancels.

use std::cell::RefCell;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::tr;
use crate::library::{ConflictChoice, TabChoice};
use crate::ui::session::{Persistence, ShareOutcome, display_title};

thread_local! {
    /// The elements that had focus before each open dialog, innermost last.
    static FOCUS_BEFORE: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

fn remember_focus() {
    let active = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = active {
        FOCUS_BEFORE.with(|f| f.borrow_mut().push(el));
    }
}

fn restore_focus() {
    let el = FOCUS_BEFORE.with(|f| f.borrow_mut().pop());
    if let Some(el) = el
        && el.is_connected()
    {
        let _ = el.focus();
    }
}

/// The buttons, inputs and links that can take focus inside `root`.
fn focusables(root: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(
        "button:not([disabled]), input:not([disabled]), textarea, select, a[href]",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// `base` plus `<variant>-<suffix>` when there is a variant.
fn extra(base: &str, variant: &str, suffix: &str) -> String {
    if variant.is_empty() {
        base.to_string()
    } else {
        format!("{base} {variant}-{suffix}")
    }
}

/// A modal dialog around `children`: focus moves to its first control and returns on close,
/// Tab stays inside, Escape calls `on_escape`. Every dialog of the app uses it.
#[component]
pub(crate) fn Modal(
    testid: &'static str,
    title_id: &'static str,
    on_escape: Callback<()>,
    /// Extra classes for the backdrop and the dialog box, e.g. `import`.
    #[prop(optional)]
    variant: &'static str,
    children: Children,
) -> impl IntoView {
    let node: NodeRef<html::Div> = NodeRef::new();
    remember_focus();
    Effect::new(move |_| {
        if let Some(root) = node.get() {
            let root: web_sys::HtmlElement = root.into();
            if let Some(first) = focusables(&root).first() {
                let _ = first.focus();
            }
        }
    });
    on_cleanup(restore_focus);
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_escape.run(());
        }
        "Tab" => {
            let Some(root) = node.get_untracked() else {
                return;
            };
            let root: web_sys::HtmlElement = root.into();
            let items = focusables(&root);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = document().active_element();
            let at = |el: &web_sys::HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a.is_same_node(Some(el.as_ref())))
            };
            if ev.shift_key() && at(first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && at(last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    view! {
        <div class=extra("overlay dialog-backdrop", variant, "overlay")>
            <div class=extra("dialog", variant, "dialog") role="dialog" aria-modal="true" aria-labelledby=title_id
                data-testid=testid node_ref=node on:keydown=on_keydown>
                {children()}
            </div>
        </div>
    }
}

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
            if c.existing.title.trim().is_empty() {
                tr(
                    lang.get_untracked(),
                    "Untitled scorecard",
                    "Naamloze scorecard",
                )
                .to_string()
            } else {
                c.existing.title.clone()
            },
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
