//! The group's optional countdown: 5, 10, 15 or a custom number of minutes; start, pause,
//! reset; shown large; "time is up" is announced politely and never blocks anything. The
//! countdown lives in the workshop state, so it keeps running while the view is left.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::tr;
use crate::method::workshop::{CountdownPhase, format_clock, parse_minutes};
use crate::model::Lang;
use crate::ui::session::state::AppState;

/// The minutes offered before "custom".
const PRESETS: [u32; 3] = [5, 10, 15];

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The countdown card.
#[component]
pub fn StepTimer() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let ws = state.workshop;
    let timer = ws.timer;
    let now = RwSignal::new(now_ms());
    // Refresh the clock while the timer runs; the time left is computed from the end time,
    // so a late tick never makes it drift.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let running =
                timer.with_untracked(|t| t.phase(now.get_untracked())) == CountdownPhase::Running;
            if running {
                now.set(now_ms());
            }
        },
        Duration::from_millis(200),
    ) {
        on_cleanup(move || handle.clear());
    }
    let phase = move || timer.with(|t| t.phase(now.get()));
    let clock = move || timer.with(|t| format_clock(t.left_ms(now.get())));
    let start = move |_| {
        let at = now_ms();
        now.set(at);
        timer.update(|t| t.start(at));
    };
    let pause = move |_| {
        let at = now_ms();
        now.set(at);
        timer.update(|t| t.pause(at));
    };
    let reset = move |_| {
        now.set(now_ms());
        timer.update(|t| t.reset());
    };
    let preset_value = move || {
        if ws.custom_minutes.get() {
            "custom".to_string()
        } else {
            let minutes = timer.with(|t| t.duration_ms / 60_000.0);
            PRESETS
                .iter()
                .find(|p| f64::from(**p) == minutes)
                .map(|p| p.to_string())
                .unwrap_or_else(|| "custom".into())
        }
    };
    let pick = move |value: String| {
        now.set(now_ms());
        match value.parse::<u32>() {
            Ok(m) => {
                ws.custom_minutes.set(false);
                timer.update(|t| t.set_minutes(f64::from(m)));
            }
            Err(_) => ws.custom_minutes.set(true),
        }
    };
    let custom_error = RwSignal::new(None::<String>);
    let custom_draft = RwSignal::new(None::<String>);
    let custom_shown = move || {
        custom_draft.get().unwrap_or_else(|| {
            crate::i18n::format::format_number(timer.with(|t| t.duration_ms / 60_000.0), lang.get())
        })
    };
    let set_custom = move |text: String| {
        match parse_minutes(&text, lang.get_untracked()) {
            Ok(m) => {
                now.set(now_ms());
                timer.update(|t| t.set_minutes(m));
                custom_error.set(None);
            }
            Err(why) => custom_error.set(Some(why)),
        }
        custom_draft.set(Some(text));
    };
    let running = move || phase() == CountdownPhase::Running;
    let time_up = move || phase() == CountdownPhase::TimeUp;
    view! {
        <section class="ws-timer" class:ws-timer-up=time_up class:ws-timer-running=running
            data-testid="ws-timer" data-phase=move || phase_key(phase())
            aria-labelledby="ws-timer-heading">
            <h3 class="ws-timer-heading" id="ws-timer-heading">
                {move || tr(lang.get(), "Timer for the group", "Timer voor de groep")}
            </h3>
            <p class="ws-clock" role="timer" data-testid="ws-timer-clock">{clock}</p>
            // Polite: read out when the reader is idle, never taking the focus.
            <p class="ws-timer-status" aria-live="polite" data-testid="ws-timer-status">
                {move || time_up().then(|| tr(lang.get(), "Time is up", "De tijd is om"))}
            </p>
            <div class="ws-timer-controls">
                <label class="ws-cell">
                    <span class="visually-hidden">{move || tr(lang.get(), "Minutes", "Minuten")}</span>
                    <select data-testid="ws-timer-minutes" prop:value=preset_value
                        on:change=move |ev| pick(event_target_value(&ev))>
                        {move || {
                            let current = preset_value();
                            let l = lang.get();
                            PRESETS
                                .iter()
                                .map(|p| (p.to_string(), format!("{p} {}", minutes_word(l))))
                                .chain([("custom".to_string(), tr(l, "Custom…", "Zelf kiezen…").to_string())])
                                .map(|(v, text)| {
                                    let selected = v == current;
                                    view! { <option value=v selected=selected>{text}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <Show when=move || ws.custom_minutes.get()>
                    <label class="ws-cell ws-timer-custom">
                        <input type="text" inputmode="decimal" data-testid="ws-timer-custom"
                            aria-label=move || tr(lang.get(), "Minutes", "Minuten")
                            aria-invalid=move || if custom_error.with(Option::is_some) { "true" } else { "false" }
                            prop:value=custom_shown
                            on:input=move |ev| set_custom(event_target_value(&ev))
                            on:blur=move |_| if custom_error.get_untracked().is_none() { custom_draft.set(None) } />
                        <span aria-hidden="true">{move || minutes_word(lang.get())}</span>
                    </label>
                </Show>
                <Show
                    when=running
                    fallback=move || view! {
                        <button type="button" class="ws-timer-start" data-testid="ws-timer-start"
                            prop:disabled=time_up on:click=start>
                            {move || if phase() == CountdownPhase::Paused {
                                tr(lang.get(), "▶ Resume", "▶ Verder")
                            } else {
                                tr(lang.get(), "▶ Start", "▶ Start")
                            }}
                        </button>
                    }
                >
                    <button type="button" data-testid="ws-timer-pause" on:click=pause>
                        {move || tr(lang.get(), "❚❚ Pause", "❚❚ Pauze")}
                    </button>
                </Show>
                <button type="button" data-testid="ws-timer-reset" on:click=reset>
                    {move || tr(lang.get(), "↺ Reset", "↺ Opnieuw")}
                </button>
            </div>
            <Show when=move || custom_error.with(Option::is_some)>
                <p class="field-error" role="alert">{move || custom_error.get().unwrap_or_default()}</p>
            </Show>
        </section>
    }
}

fn minutes_word(lang: Lang) -> &'static str {
    tr(lang, "min", "min")
}

fn phase_key(phase: CountdownPhase) -> &'static str {
    match phase {
        CountdownPhase::Ready => "ready",
        CountdownPhase::Running => "running",
        CountdownPhase::Paused => "paused",
        CountdownPhase::TimeUp => "time-up",
    }
}
