//! The one-page report of a period (`#report`). (Being built.)

use leptos::prelude::*;

/// The report view.
#[component]
pub fn ReportView() -> impl IntoView {
    view! { <section class="report-view" data-testid="report-view"></section> }
}
