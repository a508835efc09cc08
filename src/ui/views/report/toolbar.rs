//! The report's toolbar (on screen only): the month, the orientation, Print (also "Save as
//! PDF" in the browser's dialog), Copy as text and Back.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::{Lang, Period};
use crate::ui::session::state::View;

use super::copy_text::CopyText;
use super::layout::Orientation;

/// The toolbar above the report page.
#[component]
pub fn ReportToolbar(
    /// The months to choose from, newest first.
    #[prop(into)]
    months: Signal<Vec<Period>>,
    /// The month shown.
    period: RwSignal<Period>,
    /// The page's orientation.
    orientation: RwSignal<Orientation>,
    /// The interface language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Prints the page.
    print: Callback<()>,
    /// The report as text.
    text: Callback<(), String>,
) -> impl IntoView {
    let options = move || {
        let lang = lang.get();
        let chosen = period.get();
        months
            .get()
            .into_iter()
            .map(|m| {
                view! {
                    <option value=m.key() selected=m == chosen>{m.label(lang)}</option>
                }
            })
            .collect::<Vec<_>>()
    };
    let months_for_change = months;
    let on_period = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some(m) = months_for_change
            .get_untracked()
            .into_iter()
            .find(|m| m.key() == key)
        {
            period.set(m);
        }
    };
    let on_orientation = move |ev: leptos::ev::Event| {
        let chosen = Orientation::of(&event_target_value(&ev));
        chosen.remember();
        orientation.set(chosen);
    };
    let orientation_option = move |o: Orientation, en: &'static str, nl: &'static str| {
        view! {
            <option value=o.key() selected=move || orientation.get() == o>
                {move || tr(lang.get(), en, nl)}
            </option>
        }
    };
    view! {
        <div class="report-toolbar" data-testid="report-toolbar">
            <label class="report-field">
                <span>{move || tr(lang.get(), "Month", "Maand")}</span>
                <select data-testid="report-period" on:change=on_period>{options}</select>
            </label>
            <label class="report-field">
                <span>{move || tr(lang.get(), "Paper", "Papier")}</span>
                <select data-testid="report-orientation" on:change=on_orientation>
                    {orientation_option(Orientation::Portrait, "A4 portrait", "A4 staand")}
                    {orientation_option(Orientation::Landscape, "A4 landscape", "A4 liggend")}
                </select>
            </label>
            <button type="button" class="primary" data-testid="report-print"
                title=move || tr(lang.get(), "Print, or choose “Save as PDF” as the printer", "Afdrukken, of kies „Opslaan als pdf” als printer")
                on:click=move |_| print.run(())>
                {move || tr(lang.get(), "Print or save as PDF", "Afdrukken of opslaan als pdf")}
            </button>
            <CopyText text=text lang=lang />
            <a class="link-button" href=format!("#{}", View::Scorecard.fragment()) data-testid="report-back">
                {move || tr(lang.get(), "Back to the scorecard", "Terug naar de scorecard")}
            </a>
        </div>
    }
}
