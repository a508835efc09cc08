//! The welcome screen: the first screen of a new browser. It says in one line what the app
//! is and offers three ways in (the article's example, the guided workshop, a file) and a
//! quiet fourth (an empty scorecard).
//!
//! It is shown when [`crate::ui::session::boot`] finds a new browser: storage usable and
//! holding no scorecard (nothing set aside as unreadable either), no share link, and an
//! address that asks for no view by name (a link to `#workshop` or `#print` opens that view,
//! over a new blank scorecard, as before). Where storage cannot be used every visit would
//! be a "new browser", so the welcome is not shown there: the banner explains why nothing
//! is kept and the app starts on a blank scorecard. Until the user picks, nothing is stored
//! and the open scorecard is a blank placeholder outside the library. The screen goes as
//! soon as the library holds a scorecard — the user's pick, a file opened from here or
//! dropped on the page, or one made in another tab — and so never comes back. Later the
//! library's "New scorecard" offers the example and a blank scorecard again.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{APP_NAME, Text, t, tr};
use crate::ui::app::file_buttons::read_file;
use crate::ui::app::language_switch::LanguageSwitch;
use crate::ui::session::Persistence;
use crate::ui::session::state::{AppState, View};

/// Whether the welcome screen is up, provided as context by [`install`].
#[derive(Clone, Copy)]
pub struct WelcomeState {
    /// Set at start for a new browser; cleared for good once the library holds a scorecard.
    pending: RwSignal<bool>,
}

/// Provides the welcome state (`show`: the start found a new browser) and ends the welcome
/// once the library holds a scorecard. If the open scorecard is then still the placeholder
/// (a library file was opened, another tab made one), the library's scorecard opens.
pub fn install(p: Persistence, show: bool) {
    let pending = RwSignal::new(show);
    provide_context(WelcomeState { pending });
    if !show {
        return;
    }
    let state = p.state;
    Effect::new(move |_| {
        if !pending.get() || state.library.with(|l| l.is_empty()) {
            return;
        }
        pending.set(false);
        let next = state.library.with_untracked(|l| {
            let open = state.doc.with_untracked(|d| d.id.clone());
            if l.card(&open).is_some() {
                return None;
            }
            l.open_card()
                .or_else(|| l.cards().next())
                .map(|c| c.id.clone())
        });
        if let Some(id) = next {
            p.open(&id);
        }
    });
}

/// Whether the welcome screen is shown now (reactive); never where it was not installed.
pub fn showing() -> Signal<bool> {
    let welcome = use_context::<WelcomeState>();
    let state = Persistence::get().map(|p| p.state);
    Signal::derive(move || match (welcome, state) {
        (Some(w), Some(state)) => w.pending.get() && state.library.with(|l| l.is_empty()),
        _ => false,
    })
}

/// The welcome screen.
#[component]
pub fn Welcome() -> impl IntoView {
    let Some(p) = Persistence::get() else {
        return ().into_any();
    };
    let state = p.state;
    let lang = state.lang;
    let input: NodeRef<html::Input> = NodeRef::new();
    let start = move |template: &'static str, view: View| {
        if p.create(template).is_some() {
            state.go(view);
        }
    };
    let on_file = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        if let Some(file) = el.files().and_then(|files| files.get(0)) {
            read_file(p, file);
        }
        // The same file can be chosen again (after a message about it, say).
        el.set_value("");
    };
    view! {
        <main class="welcome" data-testid="welcome" aria-labelledby="welcome-title">
            <div class="welcome-top">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">{APP_NAME}</span>
                </div>
                <LanguageSwitch />
            </div>
            <h1 id="welcome-title" class="welcome-title">
                {move || tr(lang.get(), "Welcome", "Welkom")}
            </h1>
            <p class="welcome-tagline" data-testid="welcome-tagline">
                {move || tr(lang.get(),
                    "Steer your organisation's social media from strategy to measured results with the Social Media Scorecard: a strategy map, four factors and KPIs, all in your browser.",
                    "Stuur de sociale media van je organisatie van strategie tot gemeten resultaat met de Social Media Scorecard: een strategiekaart, vier factoren en KPI's, helemaal in je browser.")}
            </p>
            <div class="welcome-choices" role="group"
                aria-label=move || tr(lang.get(), "How do you want to start?", "Hoe wil je beginnen?")>
                <Choice testid="welcome-example" mark="★" primary=true
                    title=t("Start from the article's example", "Begin met het voorbeeld uit het artikel")
                    note=t("A filled-in scorecard with objectives, KPIs and recent figures: look around, then make it your own.",
                        "Een ingevulde scorecard met doelen, KPI's en recente cijfers: kijk rond en maak hem daarna de jouwe.")
                    on_pick=Callback::new(move |()| start("example", View::Scorecard)) />
                <Choice testid="welcome-workshop" mark="▶"
                    title=t("Start the guided workshop", "Start de begeleide workshop")
                    note=t("The method's seven steps, one at a time, for a team around one screen.",
                        "De zeven stappen van de methode, een voor een, voor een team rond één scherm.")
                    on_pick=Callback::new(move |()| start("blank", View::Workshop)) />
                <Choice testid="welcome-open-file" mark="⇪"
                    title=t("Open a file", "Een bestand openen")
                    note=t("A scorecard or library file (.json) exported from this app. You can also drop it on this page.",
                        "Een scorecard- of bibliotheekbestand (.json) uit deze app. Je kunt het ook op deze pagina neerzetten.")
                    on_pick=Callback::new(move |()| {
                        if let Some(el) = input.get_untracked() {
                            el.click();
                        }
                    }) />
            </div>
            <input type="file" class="visually-hidden" node_ref=input data-testid="welcome-file-input"
                tabindex="-1" aria-hidden="true" accept=".json,application/json"
                on:change=on_file />
            <button type="button" class="welcome-empty" data-testid="welcome-empty"
                on:click=move |_| start("blank", View::Scorecard)>
                {move || tr(lang.get(), "Start with an empty scorecard", "Begin met een lege scorecard")}
            </button>
        </main>
    }
    .into_any()
}

/// One way in: a card with a mark, its name as a button (the whole card answers a click) and
/// a line about it that describes the button.
#[component]
fn Choice(
    testid: &'static str,
    mark: &'static str,
    title: Text,
    note: Text,
    #[prop(optional)] primary: bool,
    on_pick: Callback<()>,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let note_id = format!("{testid}-note");
    view! {
        <div class="welcome-choice" class:primary=primary>
            <span class="welcome-choice-mark" aria-hidden="true">{mark}</span>
            <button type="button" class="welcome-choice-button" data-testid=testid
                aria-describedby=note_id.clone() on:click=move |_| on_pick.run(())>
                {move || title.get(lang.get())}
            </button>
            <p class="welcome-choice-note" id=note_id>{move || note.get(lang.get())}</p>
        </div>
    }
}
