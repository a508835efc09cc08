//! The workshop view: the stepper, the current step's title, the method's question and the
//! article's example, the group's timer, the step's working area on the real scorecard, what
//! the step still lacks, and Previous / Next; and "Hand out to groups…" (see `super::hand_out`).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::method::workshop::{STEP_COUNT, StepKind, gaps, step};
use crate::model::ScorecardField;
use crate::ui::session::hand_out::unavailable_reason;
use crate::ui::session::state::AppState;
use crate::ui::views::scorecard::quadrant::FourQuadrants;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::scorecard_binding::ScorecardBinding;

use super::hand_out::HandOutDialog;
use super::progress::Stepper;
use super::step_actions::ActionsStep;
use super::step_factors::FactorsStep;
use super::step_kpis::KpisStep;
use super::step_monitoring::MonitoringStep;
use super::step_objectives::ObjectivesStep;
use super::step_timer::StepTimer;

/// The guided workshop (`#workshop`).
#[component]
pub fn WorkshopView() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let workshop = state.workshop;
    let current = move || step(workshop.step.get()).unwrap_or(&crate::method::workshop::STEPS[0]);
    let number = move || workshop.step.get();
    let kind = Memo::new(move |_| current().kind);
    let open = Memo::new(move |_| state.doc.with(|d| gaps(kind.get(), d)));
    let work = move || match kind.get() {
        StepKind::Mission => view! { <MissionStep /> }.into_any(),
        StepKind::Objectives => view! { <ObjectivesStep /> }.into_any(),
        StepKind::Factors => view! { <FactorsStep /> }.into_any(),
        StepKind::SubObjectives => view! { <SubObjectivesStep /> }.into_any(),
        StepKind::Kpis => view! { <KpisStep /> }.into_any(),
        StepKind::Actions => view! { <ActionsStep /> }.into_any(),
        StepKind::Monitoring => view! { <MonitoringStep /> }.into_any(),
    };
    let at_first = move || workshop.step.get() <= 1;
    let at_last = move || workshop.step.get() >= STEP_COUNT;
    let neighbour = move |n: usize| step(n).map(|s| s.short.get(lang.get())).unwrap_or_default();
    let handout = RwSignal::new(false);
    let handout_blocked =
        move || unavailable_reason(state.read_only.get(), state.projector.get(), lang.get());
    view! {
        <section class="workshop" data-testid="workshop" data-step=number
            aria-label=move || tr(lang.get(), "Guided workshop", "Begeleide workshop")>
            <Stepper />
            <div class="ws-stage">
                <div class="ws-head">
                    <div class="ws-head-row">
                        <p class="ws-step-count" data-testid="ws-step-count">
                            {move || match lang.get() {
                                crate::model::Lang::En => format!("Step {} of {STEP_COUNT}", number()),
                                crate::model::Lang::Nl => format!("Stap {} van {STEP_COUNT}", number()),
                            }}
                        </p>
                        <div class="ws-group-tools">
                            <button type="button" class="handout-open" data-testid="handout-open"
                                aria-haspopup="dialog"
                                aria-describedby=move || handout_blocked().map(|_| "handout-unavailable")
                                prop:disabled=move || handout_blocked().is_some()
                                on:click=move |_| handout.set(true)>
                                {move || tr(lang.get(), "Hand out to groups…", "Uitdelen aan groepen…")}
                            </button>
                            <button type="button" class="collect-open" data-testid="collect-open"
                                aria-haspopup="dialog"
                                prop:disabled=move || handout_blocked().is_some()
                                on:click=move |_| state.merge.open(crate::ui::session::merge::MergeMode::Collect)>
                                {move || tr(lang.get(), "Collect returned files…", "Teruggestuurde bestanden verzamelen…")}
                            </button>
                            {move || handout_blocked().map(|why| view! {
                                <p class="ws-group-tools-note" id="handout-unavailable" data-testid="handout-unavailable">{why}</p>
                            })}
                        </div>
                    </div>
                    <h2 class="ws-title" data-testid="ws-step-title" tabindex="-1">
                        {move || current().title.get(lang.get())}
                    </h2>
                    <p class="ws-question" data-testid="ws-question">
                        {move || current().question.get(lang.get())}
                    </p>
                    <p class="ws-tip" data-testid="ws-tip">{move || current().tip.get(lang.get())}</p>
                </div>
                <div class="ws-aside">
                    <aside class="ws-example" data-testid="ws-example" aria-labelledby="ws-example-heading">
                        <h3 id="ws-example-heading">
                            {move || tr(lang.get(), "The article's example", "Het voorbeeld uit het artikel")}
                        </h3>
                        <p data-testid="ws-example-text">{move || current().example.get(lang.get())}</p>
                    </aside>
                    <StepTimer />
                </div>
            </div>
            <div class="ws-work" data-testid=move || format!("ws-work-{}", kind.get().key())>
                {work}
            </div>
            <div class="ws-footer">
                <p class="ws-status" data-testid="ws-step-status" data-done=move || open.with(Vec::is_empty).to_string()>
                    {move || {
                        let l = lang.get();
                        open.with(|gaps| {
                            if gaps.is_empty() {
                                format!("✓ {}", tr(l, "This step is done.", "Deze stap is klaar."))
                            } else {
                                let lines: Vec<String> = gaps.iter().map(|g| g.message(l)).collect();
                                format!("{} {}", tr(l, "Still open:", "Nog open:"), lines.join(" "))
                            }
                        })
                    }}
                </p>
                <nav class="ws-nav" aria-label=move || tr(lang.get(), "Previous and next step", "Vorige en volgende stap")>
                    <button type="button" class="ws-prev" data-testid="ws-prev"
                        prop:disabled=at_first
                        on:click=move |_| super::go_and_focus(workshop, number().saturating_sub(1))>
                        {move || if number() > 1 {
                            format!("← {} {}", tr(lang.get(), "Previous:", "Vorige:"), neighbour(number() - 1))
                        } else {
                            format!("← {}", tr(lang.get(), "Previous", "Vorige"))
                        }}
                    </button>
                    <button type="button" class="ws-next" data-testid="ws-next"
                        prop:disabled=at_last
                        on:click=move |_| super::go_and_focus(workshop, number() + 1)>
                        {move || if number() < STEP_COUNT {
                            format!("{} {} →", tr(lang.get(), "Next:", "Volgende:"), neighbour(number() + 1))
                        } else {
                            format!("{} →", tr(lang.get(), "Next", "Volgende"))
                        }}
                    </button>
                </nav>
            </div>
            <Show when=move || handout.get()>
                <HandOutDialog open=handout />
            </Show>
        </section>
    }
}

/// Step 1: the mission, large.
#[component]
fn MissionStep() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let sc = ScorecardBinding::new(state.doc);
    view! {
        <div class="ws-mission">
            <TextField
                label=Signal::derive(move || tr(lang.get(), "Our social media mission", "Onze social media missie").to_string())
                testid="ws-mission-input"
                value=sc.text(|d| d.mission.clone())
                to_command=sc.set(ScorecardField::Mission)
                key=sc.key("mission")
                multiline=true
                placeholder=Signal::derive(move || tr(lang.get(), "We stand for …", "Wij staan voor …").to_string())
            />
        </div>
    }
}

/// Step 4: the four quadrants, each with "add sub-objective"; a card opens in the side panel.
#[component]
fn SubObjectivesStep() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    view! {
        <section class="quadrants ws-quadrants" data-testid="quadrants"
            aria-label=move || tr(lang.get(), "The four factors", "De vier factoren")>
            <FourQuadrants />
        </section>
    }
}
