//! User text with its http, https and mailto links made live; everything else is plain text.

use leptos::prelude::*;

use crate::i18n::linkify::{Segment, linkify};

/// Renders `text` as text nodes and safe links.
#[component]
pub fn LinkedText(#[prop(into)] text: Signal<String>) -> impl IntoView {
    move || {
        linkify(&text.get())
            .into_iter()
            .map(|segment| match segment {
                Segment::Text(t) => t.into_any(),
                Segment::Link(href) => {
                    let shown = href.clone();
                    view! { <a href=href target="_blank" rel="noopener noreferrer">{shown}</a> }
                        .into_any()
                }
            })
            .collect_view()
    }
}
