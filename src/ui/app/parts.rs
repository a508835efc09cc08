//! The parts of the app whose code loads on first use: the views after the first screen and
//! the dialogs that import platform exports or merge files. In the release build (feature
//! `split`, scripts/split-wasm.mjs) each part is a wasm chunk fetched the first time it is
//! shown, or earlier in the background once the first screen is up; the service worker keeps
//! every chunk for offline use. Without the feature (`trunk serve`, wasm-bindgen-test) a part
//! is an ordinary call and shows at once.
//!
//! While a chunk loads the part says so; a chunk that cannot be loaded (offline before it was
//! ever kept, a host that went away) shows a message with "Try again", never a blank view.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::session::state::AppState;

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

    fn key(self) -> &'static str {
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
        let done = chunks::preload(part).await;
        status.set(if done { Loaded::Yes } else { Loaded::Failed });
    });
}

/// Fetches every part's chunk, one after the other, once the first screen is up: so views
/// open at once later, and (with the service worker's copy) offline.
pub fn load_all_in_background() {
    if !cfg!(feature = "split") {
        return;
    }
    leptos::task::spawn_local(async move {
        for part in Part::ALL {
            let status = status(part);
            if status.get_untracked() == Loaded::No {
                status.set(Loaded::Loading);
                let done = chunks::preload(part).await;
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
        Loaded::Yes => match chunks::build(part) {
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

/// Each part's code behind its split point: a function that builds the part's view. In a
/// split build it is a chunk of its own; `preload` fetches it, `build` calls it once fetched.
mod chunks {
    use leptos::prelude::*;

    use super::Part;

    /// One function per part; with `split` each is a split point of its own chunk.
    macro_rules! parts {
        ($( $part:ident => $name:ident, $preload:ident, $chunk:ident, $view:expr; )*) => {
            $(
                #[cfg(feature = "split")]
                #[leptos::wasm_split::wasm_split(
                    $chunk,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload($preload)
                )]
                fn $name() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                    Ok($view.into_any())
                }
                #[cfg(not(feature = "split"))]
                fn $name() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                    Ok($view.into_any())
                }
            )*

            /// Fetches `part`'s chunk; whether it is ready.
            pub async fn preload(part: Part) -> bool {
                #[cfg(feature = "split")]
                {
                    match part {
                        $( Part::$part => $preload().await.is_ok(), )*
                    }
                }
                #[cfg(not(feature = "split"))]
                {
                    let _ = part;
                    true
                }
            }

            /// `part`'s view, when its chunk is there.
            pub fn build(part: Part) -> Option<AnyView> {
                #[cfg(feature = "split")]
                {
                    // The chunk is loaded: the call finishes in its first poll.
                    super::poll_once(async move {
                        match part {
                            $( Part::$part => $name().await, )*
                        }
                    })
                    .and_then(Result::ok)
                }
                #[cfg(not(feature = "split"))]
                {
                    match part {
                        $( Part::$part => $name().ok(), )*
                    }
                }
            }
        };
    }

    parts! {
        Map => map_view, preload_map, part_map,
            view! { <crate::ui::StrategyMap /> };
        Dashboard => dashboard_view, preload_dashboard, part_dashboard,
            view! { <crate::ui::views::dashboard::Dashboard /> };
        Data => data_view, preload_data, part_data,
            view! { <crate::ui::views::series::DataView /> };
        Workshop => workshop_view, preload_workshop, part_workshop,
            view! { <crate::ui::views::workshop::WorkshopView /> };
        Library => library_view, preload_library, part_library,
            view! { <crate::ui::views::library::LibraryView /> };
        Review => review_view, preload_review, part_review,
            view! { <crate::ui::views::review::ReviewView /> };
        Report => report_view, preload_report, part_report,
            view! { <crate::ui::views::report::ReportView /> };
        Print => print_view, preload_print, part_print,
            view! { <crate::ui::views::print::PrintView /> };
        Editor => editor_view, preload_editor, part_editor,
            view! { <crate::ui::views::editor::side_panel::SelectedForm /> };
        Merge => merge_view, preload_merge, part_merge,
            view! { <crate::ui::views::merge::OpenMergeDialog /> };
        PlatformImport => platform_import_view, preload_platform_import, part_platform_import,
            view! { <crate::ui::views::platform_import::ImportDialog /> };
    }
}

/// Polls a future once; its output when it was ready at once.
#[cfg(feature = "split")]
fn poll_once<T>(future: impl std::future::Future<Output = T>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}
