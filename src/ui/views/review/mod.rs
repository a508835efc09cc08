//! Review mode (`#review`): steps through the KPIs that need attention in a period and
//! records the review. (Being built.)

use leptos::prelude::*;

/// The review mode view.
#[component]
pub fn ReviewView() -> impl IntoView {
    view! { <section class="review-view" data-testid="review-view"></section> }
}
