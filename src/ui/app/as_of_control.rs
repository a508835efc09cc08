//! The "as of" date: a date input in the header that drives every status and score, with a
//! "Today" reset, and a banner whenever the scorecard is shown as it stood on another day.

use leptos::prelude::*;

use crate::i18n::dates::long_date;
use crate::i18n::tr;
use crate::model::Date;
use crate::ui::session::state::AppState;
use crate::web::browser;

/// The header's date input for the "as of" date, with a button back to today.
#[component]
pub fn AsOfControl() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let as_of = state.as_of;
    let is_today = move || as_of.get() == browser::today();
    let on_change = move |ev| {
        // An emptied or half-typed date keeps the current one.
        if let Ok(date) = Date::parse_iso(&event_target_value(&ev)) {
            as_of.set(date);
        }
    };
    view! {
        <div class="as-of toolbar" role="group" data-today=move || is_today().to_string()
            aria-label=move || tr(lang.get(), "Scores as of", "Scores per")>
            <label class="as-of-label">
                <span>{move || tr(lang.get(), "As of", "Per")}</span>
                <input type="date" data-testid="as-of" required
                    title=move || tr(lang.get(),
                        "Every status and score is computed for this date. Choose an earlier date to show the scorecard as it stood then.",
                        "Elke status en score wordt berekend voor deze datum. Kies een eerdere datum om de scorecard te tonen zoals die toen was.")
                    prop:value=move || as_of.get().to_string()
                    on:change=on_change />
            </label>
            <button type="button" class="as-of-today" data-testid="as-of-today"
                prop:disabled=is_today
                on:click=move |_| as_of.set(browser::today())>
                {move || tr(lang.get(), "Today", "Vandaag")}
            </button>
        </div>
    }
}

/// "Showing the scorecard as of 31 March 2026", while the "as of" date is not today.
#[component]
pub fn AsOfBanner() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let as_of = state.as_of;
    view! {
        <Show when=move || as_of.get() != browser::today()>
            <div class="as-of-banner" role="status" data-testid="as-of-banner">
                <svg class="as-of-banner-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                    <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"></circle>
                    <path d="M12 7v5l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path>
                </svg>
                <p>
                    {move || tr(lang.get(), "Showing the scorecard as of", "Je ziet de scorecard zoals op")}
                    " "
                    <strong data-testid="as-of-banner-date">{move || long_date(as_of.get(), lang.get())}</strong>
                    "."
                    " "
                    {move || tr(lang.get(),
                        "Measurements after this date are left out.",
                        "Metingen na deze datum tellen niet mee.")}
                </p>
                <button type="button" data-testid="as-of-banner-today"
                    on:click=move |_| as_of.set(browser::today())>
                    {move || tr(lang.get(), "Back to today", "Terug naar vandaag")}
                </button>
            </div>
        </Show>
    }
}
