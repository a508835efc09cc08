//! The parts of the app whose code loads on first use, and their split points: in the
//! release build (feature `split`, scripts/split-wasm.mjs) each part's function below is a wasm
//! chunk of its own, fetched the first time the part is shown (`ui::widgets::part_view`) or
//! earlier in the background once the first screen is up; the service worker keeps every chunk
//! for offline use. Without the feature (`trunk serve`, wasm-bindgen-test) they are ordinary
//! calls.

use crate::ui::widgets::part_view::PartCode;

/// Registers the parts' code with `ui::widgets::part_view` (the root component calls it).
pub fn register() {
    crate::ui::widgets::part_view::register(PartCode {
        preload: |part| Box::pin(chunks::preload(part)),
        build: chunks::build,
    });
}

/// Each part's code behind its split point: a function that builds the part's view. In a
/// split build it is a chunk of its own; `preload` fetches it, `build` calls it once fetched.
mod chunks {
    use leptos::prelude::*;

    use crate::ui::widgets::part_view::Part;

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
