//! Showing a part of the app whose code loads on first use (the views after the first screen,
//! the editor panel, the merge and platform-import dialogs): [`PartView`] fetches the part's
//! wasm chunk when needed, says "Loading…" meanwhile, and when the chunk cannot be fetched
//! (offline before it was ever kept, a host that went away) shows a message with "Try
//! again", never a blank view. The parts' code itself is registered by `ui::app::parts`
//! (which may use every view); without the split build it shows at once.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::AppState;

/// How the parts' code is fetched and built: registered once by `ui::app::parts`.
#[derive(Clone, Copy)]
pub struct PartCode {
    /// Fetches a part's chunk; whether it is ready.
    pub preload: fn(Part) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>,
    /// A part's view, once its chunk is there.
    pub build: fn(Part) -> Option<AnyView>,
}

thread_local! {
    static CODE: std::cell::Cell<Option<PartCode>> = const { std::cell::Cell::new(None) };
}

/// Registers how parts are fetched and built (called by the app's root component).
pub fn register(code: PartCode) {
    CODE.with(|c| c.set(Some(code)));
}

async fn preload(part: Part) -> bool {
    match CODE.with(std::cell::Cell::get) {
        Some(code) => (code.preload)(part).await,
        None => false,
    }
}

fn build(part: Part) -> Option<AnyView> {
    CODE.with(std::cell::Cell::get)
        .and_then(|code| (code.build)(part))
}

/// A part of the app with its own chunk.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Part {
    /// The strategy map.
    Map,
    /// The dashboard.
    Dashboard,
    /// The input series (Data view).
    Data,
    /// The guided workshop.
    Workshop,
    /// The library.
    Library,
    /// Review mode.
    Review,
    /// The one-page report.
    Report,
    /// The print view.
    Print,
    /// The side panel's forms (the editor).
    Editor,
    /// The collect and compare dialogs of a merge.
    Merge,
    /// The platform-export import dialog.
    PlatformImport,
}

impl Part {
    /// Every part, in the order they are fetched in the background.
    pub const ALL: [Part; 11] = [
        Part::Editor,
        Part::Dashboard,
        Part::Map,
        Part::Library,
        Part::Workshop,
        Part::Data,
        Part::Review,
        Part::Report,
        Part::Print,
        Part::Merge,
        Part::PlatformImport,
    ];

    /// The part's name in test ids (`data-part`).
    pub fn key(self) -> &'static str {
        match self {
            Part::Map => "map",
            Part::Dashboard => "dashboard",
            Part::Data => "data",
            Part::Workshop => "workshop",
            Part::Library => "library",
            Part::Review => "review",
            Part::Report => "report",
            Part::Print => "print",
            Part::Editor => "editor",
            Part::Merge => "merge",
            Part::PlatformImport => "platform-import",
        }
    }
}

/// Where a part's code is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Loaded {
    /// Not asked for yet.
    No,
    /// Being fetched.
    Loading,
    /// Ready to show.
    Yes,
    /// The fetch failed; it may be tried again.
    Failed,
}

thread_local! {
    /// Reference-counted signals: owned by no component, so they live as long as the page.
    static STATUS: RefCell<HashMap<Part, ArcRwSignal<Loaded>>> = RefCell::new(HashMap::new());
}

/// The loading status of `part`, one signal per part for the page's life.
pub fn status(part: Part) -> ArcRwSignal<Loaded> {
    STATUS.with(|s| {
        s.borrow_mut()
            .entry(part)
            .or_insert_with(|| {
                ArcRwSignal::new(if cfg!(feature = "split") {
                    Loaded::No
                } else {
                    Loaded::Yes
                })
            })
            .clone()
    })
}

/// Fetches `part`'s chunk unless it is there or on its way.
pub fn load(part: Part) {
    let status = status(part);
    if matches!(status.get_untracked(), Loaded::Yes | Loaded::Loading) {
        return;
    }
    status.set(Loaded::Loading);
    leptos::task::spawn_local(async move {
        let done = preload(part).await;
        status.set(if done { Loaded::Yes } else { Loaded::Failed });
    });
}

/// Fetches every part's chunk, one after the other: so views open at once later in this
/// visit. Used once the first screen is up when there is no service worker to store the
/// parts (src/ui/app/offline.rs).
pub fn load_all_in_background() {
    if !cfg!(feature = "split") {
        return;
    }
    leptos::task::spawn_local(async move {
        for part in Part::ALL {
            let status = status(part);
            if status.get_untracked() == Loaded::No {
                status.set(Loaded::Loading);
                let done = preload(part).await;
                status.set(if done { Loaded::Yes } else { Loaded::Failed });
            }
        }
    });
}

/// Shows `part`: loading it first when needed; a failed load with a way to try again.
#[component]
pub fn PartView(part: Part) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let status = status(part);
    load(part);
    move || match status.get() {
        Loaded::Yes => match build(part) {
            Some(view) => view,
            None => failed(part, lang),
        },
        Loaded::No | Loaded::Loading => view! {
            <p class="part-loading" role="status" data-testid="part-loading"
                data-part=part.key()>
                {move || tr(lang.get(), "Loading…", "Laden…")}
            </p>
        }
        .into_any(),
        Loaded::Failed => failed(part, lang),
    }
}

fn failed(part: Part, lang: RwSignal<crate::model::Lang>) -> AnyView {
    view! {
        <div class="part-failed" role="alert" data-testid="part-failed" data-part=part.key()>
            <p>{move || tr(
                lang.get(),
                "This part of the app could not be loaded. Check the connection and try again; your work is kept.",
                "Dit deel van de app kon niet worden geladen. Controleer de verbinding en probeer het opnieuw; je werk blijft bewaard.",
            )}</p>
            <button type="button" data-testid="part-retry" on:click=move |_| {
                status(part).set(Loaded::No);
                load(part);
            }>{move || tr(lang.get(), "Try again", "Opnieuw proberen")}</button>
        </div>
    }
    .into_any()
}
