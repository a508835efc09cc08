//! The KPI panel's review section: how the KPI does against its expected path (on track or
//! behind, explained), the change against the previous period, the forecast, the baseline
//! and target dates, the expected path per period as a short table, and the commentary of
//! the current period (analysis and intended action) with the earlier ones.

use leptos::prelude::*;

use crate::i18n::dates::long_date;
use crate::i18n::format::{format_number, parse_number};
use crate::i18n::review_words::{change_text, forecast_text, pace_text};
use crate::i18n::tr;
use crate::model::expected::Pace;
use crate::model::{Command, Date, ExpectedPoint, KpiField, Lang, Period};
use crate::ui::session::state::AppState;
use crate::ui::widgets::fields::{DateField, TextField};

/// The review section of the KPI `id`.
#[component]
pub fn KpiReview(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let id = StoredValue::new(id);
    // The figures (a calculated KPI's periods among them) are worked out again only after an
    // edit that can move a score, not on a keystroke in the KPI's name; the unit they are
    // shown in follows every edit.
    let figures = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.with_scored_doc(|d| {
            d.kpi(&id.get_value())
                .map(|k| (d.kpi_figures(k, as_of), k.target_date))
        })
    });
    let unit = Memo::new(move |_| {
        doc.with(|d| {
            d.kpi(&id.get_value())
                .map(|k| k.unit.clone())
                .unwrap_or_default()
        })
    });
    let pace = move || {
        figures.with(|f| {
            f.as_ref().and_then(|(f, _)| {
                Some((f.pace?, unit.with(|unit| pace_text(f, unit, lang.get()))?))
            })
        })
    };
    let change = move || {
        figures.with(|f| {
            f.as_ref()
                .and_then(|(f, _)| unit.with(|unit| change_text(f, unit, lang.get())))
        })
    };
    let forecast = move || {
        figures.with(|f| {
            f.as_ref()
                .map(|(f, date)| forecast_text(f.forecast.as_ref(), *date, lang.get()))
                .unwrap_or_default()
        })
    };
    let date_of = move |get: fn(&crate::model::Kpi) -> Option<Date>| {
        Signal::derive(move || doc.with(|d| d.kpi(&id.get_value()).and_then(get)))
    };
    let set_date = move |make: fn(Option<Date>) -> KpiField| {
        Callback::new(move |v: Option<Date>| Command::UpdateKpi {
            id: id.get_value(),
            field: make(v),
        })
    };
    view! {
        <section class="kpi-review" data-testid="kpi-review"
            aria-labelledby="kpi-review-heading">
            <h3 id="kpi-review-heading">{move || tr(lang.get(), "On track?", "Op koers?")}</h3>
            {move || match pace() {
                Some((p, text)) => view! {
                    <p class="kpi-pace" data-testid="kpi-pace"
                        data-pace=match p { Pace::OnTrack => "on-track", Pace::Behind => "behind" }>
                        {text}
                    </p>
                }.into_any(),
                None => view! {
                    <p class="kpi-pace muted" data-testid="kpi-pace" data-pace="none">
                        {move || tr(lang.get(),
                            "Give a target date (and a baseline) to see whether the KPI is on track on its way to the target.",
                            "Geef een streefdatum (en een nulmeting) om te zien of de KPI op koers ligt naar de streefwaarde.")}
                    </p>
                }.into_any(),
            }}
            {move || change().map(|text| view! { <p class="kpi-change" data-testid="kpi-change">{text}</p> })}
            <p class="kpi-forecast" data-testid="kpi-forecast">{forecast}</p>
            <div class="field-row">
                <DateField
                    label=Signal::derive(move || tr(lang.get(), "Baseline date", "Datum nulmeting").to_string())
                    testid="kpi-baseline-date-input"
                    value=date_of(|k| k.baseline_date)
                    to_command=set_date(KpiField::BaselineDate)
                    key=format!("{}:baseline_date", id.get_value())
                />
                <DateField
                    label=Signal::derive(move || tr(lang.get(), "Target date", "Streefdatum").to_string())
                    testid="kpi-target-date-input"
                    value=date_of(|k| k.target_date)
                    to_command=set_date(KpiField::TargetDate)
                    key=format!("{}:target_date", id.get_value())
                />
            </div>
            <ExpectedPathTable id=id.get_value() />
            <CommentaryFields id=id.get_value() as_of=state.as_of />
        </section>
    }
}

/// The expected path per period: one row per step (from date, value), add and remove.
#[component]
fn ExpectedPathTable(id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let id = StoredValue::new(id);
    let steps = Memo::new(move |_| {
        doc.with(|d| {
            d.kpi(&id.get_value())
                .map(|k| k.expected_path.clone())
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(None::<String>);
    let apply = move |mut path: Vec<ExpectedPoint>| {
        path.sort_by_key(|p| p.date);
        let cmd = Command::UpdateKpi {
            id: id.get_value(),
            field: KpiField::ExpectedPath(path),
        };
        error.set(state.try_dispatch_keyed(cmd, None).err());
    };
    let add = move |_| {
        let mut path = steps.get_untracked();
        let date = path
            .last()
            .map(|p| p.date.add_days(31))
            .map(|d| Period::containing(d, crate::model::Frequency::Monthly).start)
            .unwrap_or_else(|| {
                Period::containing(
                    state.as_of.get_untracked(),
                    crate::model::Frequency::Monthly,
                )
                .start
            });
        let value = path
            .last()
            .map(|p| p.value)
            .or_else(|| doc.with_untracked(|d| d.kpi(&id.get_value()).and_then(|k| k.baseline)))
            .unwrap_or(0.0);
        path.push(ExpectedPoint {
            date,
            value,
            ..ExpectedPoint::default()
        });
        apply(path);
    };
    let rows = move || {
        steps
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, step)| {
                let set_date = move |ev| {
                    let text = event_target_value(&ev);
                    match Date::parse_iso(&text) {
                        Ok(date) => {
                            let mut path = steps.get_untracked();
                            if let Some(p) = path.get_mut(i) {
                                p.date = date;
                            }
                            apply(path);
                        }
                        Err(_) => error.set(Some(
                            tr(lang.get_untracked(), "Enter a date.", "Vul een datum in.").to_string(),
                        )),
                    }
                };
                let set_value = move |ev| {
                    let text = event_target_value(&ev);
                    match parse_number(&text, lang.get_untracked()) {
                        Ok(value) => {
                            let mut path = steps.get_untracked();
                            if let Some(p) = path.get_mut(i) {
                                p.value = value;
                            }
                            apply(path);
                        }
                        Err(e) => error.set(Some(e)),
                    }
                };
                let remove = move |_| {
                    let mut path = steps.get_untracked();
                    if i < path.len() {
                        path.remove(i);
                    }
                    apply(path);
                };
                let n = i + 1;
                view! {
                    <tr data-testid="kpi-path-row">
                        <td>
                            <input type="date" data-testid=format!("kpi-path-date-{i}")
                                aria-label=move || match lang.get() {
                                    Lang::En => format!("Step {n}: from"),
                                    Lang::Nl => format!("Stap {n}: vanaf"),
                                }
                                prop:value=step.date.to_string() on:change=set_date />
                        </td>
                        <td>
                            <input type="text" inputmode="decimal" data-testid=format!("kpi-path-value-{i}")
                                aria-label=move || match lang.get() {
                                    Lang::En => format!("Step {n}: expected value"),
                                    Lang::Nl => format!("Stap {n}: verwachte waarde"),
                                }
                                prop:value=move || format_number(step.value, lang.get()) on:change=set_value />
                        </td>
                        <td>
                            <button type="button" class="icon-button" data-testid=format!("kpi-path-remove-{i}")
                                aria-label=move || match lang.get() {
                                    Lang::En => format!("Remove step {n}"),
                                    Lang::Nl => format!("Stap {n} verwijderen"),
                                }
                                on:click=remove>"✕"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <details class="kpi-path" data-testid="kpi-path" prop:open=move || steps.with(|s| !s.is_empty())>
            <summary>{move || tr(lang.get(), "Expected path per period (instead of a straight line)", "Verwacht pad per periode (in plaats van een rechte lijn)")}</summary>
            <p class="hint">{move || tr(lang.get(),
                "Each step's value is expected from its date until the next step.",
                "De waarde van elke stap wordt verwacht vanaf haar datum tot de volgende stap.")}</p>
            <table class="kpi-path-table" hidden=move || steps.with(Vec::is_empty)>
                <thead><tr>
                    <th scope="col">{move || tr(lang.get(), "From", "Vanaf")}</th>
                    <th scope="col">{move || tr(lang.get(), "Expected", "Verwacht")}</th>
                    <th scope="col"><span class="visually-hidden">{move || tr(lang.get(), "Remove", "Verwijderen")}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="field-error" role="alert" data-testid="kpi-path-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
            <button type="button" class="add-button" data-testid="kpi-path-add" on:click=add>
                {move || tr(lang.get(), "+ Add a step", "+ Stap toevoegen")}
            </button>
        </details>
    }
}

/// The commentary of the KPI's current period as of `as_of` (the period that is scored, else
/// the one `as_of` falls in), and the earlier entries, newest first. The KPI panel shows it
/// as of the app's date; review mode as of the reviewed month's last day, with its own
/// `testids` (analysis, action) so both can be on the page at once.
#[component]
pub fn CommentaryFields(
    id: String,
    #[prop(into)] as_of: Signal<Date>,
    #[prop(optional)] testids: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let id = StoredValue::new(id);
    let (analysis_testid, action_testid) =
        testids.unwrap_or(("kpi-analysis-input", "kpi-action-input"));
    // The period of the current figures: worked out again only after an edit that can move
    // a score (typing the commentary or the KPI's name does not move it).
    let period = Memo::new(move |_| {
        let as_of = as_of.get();
        state.with_scored_doc(|d| {
            d.kpi(&id.get_value()).map(|k| {
                d.kpi_figures(k, as_of)
                    .current
                    .map(|c| c.period)
                    .unwrap_or_else(|| Period::containing(as_of, k.frequency))
            })
        })
    });
    let entry = move |get: fn(&crate::model::Commentary) -> String| {
        Signal::derive(move || {
            let Some(p) = period.get() else {
                return String::new();
            };
            doc.with(|d| {
                d.kpi(&id.get_value())
                    .and_then(|k| k.commentary.iter().find(|c| c.period == p.start).map(get))
                    .unwrap_or_default()
            })
        })
    };
    let analysis = entry(|c| c.analysis.clone());
    let action = entry(|c| c.action.clone());
    let set = move |is_analysis: bool| {
        Callback::new(move |text: String| {
            let start = period
                .get_untracked()
                .map(|p| p.start)
                .unwrap_or_else(|| as_of.get_untracked());
            let (analysis, action) = if is_analysis {
                (text, action.get_untracked())
            } else {
                (analysis.get_untracked(), text)
            };
            Command::SetCommentary {
                kpi: id.get_value(),
                period: start,
                analysis,
                action,
                at: None,
            }
        })
    };
    let label = move |en: &'static str, nl: &'static str| {
        Signal::derive(move || {
            let p = period
                .get()
                .map(|p| p.label(lang.get()))
                .unwrap_or_default();
            format!("{} ({p})", tr(lang.get(), en, nl))
        })
    };
    let earlier = move || {
        let current = period.get().map(|p| p.start);
        doc.with(|d| {
            d.kpi(&id.get_value())
                .map(|k| {
                    let mut list: Vec<_> = k
                        .commentary
                        .iter()
                        .filter(|c| Some(c.period) != current)
                        .cloned()
                        .collect();
                    list.sort_by_key(|c| std::cmp::Reverse(c.period));
                    (k.frequency, list)
                })
                .unwrap_or_default()
        })
    };
    let key = id.get_value();
    view! {
        <div class="kpi-commentary" data-testid="kpi-commentary">
            <TextField
                label=label("Analysis: what happened and why", "Analyse: wat gebeurde er en waarom")
                testid=analysis_testid
                value=analysis
                to_command=set(true)
                key=format!("{key}:analysis")
                multiline=true
            />
            <TextField
                label=label("What we do about it", "Wat we eraan doen")
                testid=action_testid
                value=action
                to_command=set(false)
                key=format!("{key}:action")
                multiline=true
            />
            {move || {
                let (frequency, list) = earlier();
                (!list.is_empty()).then(|| {
                    let items = list
                        .into_iter()
                        .map(|c| {
                            let when = Period::containing(c.period, frequency).label(lang.get());
                            view! {
                                <li data-testid="kpi-commentary-earlier">
                                    <strong>{when}</strong>
                                    {(!c.analysis.is_empty()).then(|| view! { <span>{c.analysis.clone()}</span> })}
                                    {(!c.action.is_empty()).then(|| view! { <span class="kpi-commentary-action">"→ " {c.action.clone()}</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <details class="kpi-commentary-earlier">
                            <summary>{move || tr(lang.get(), "Earlier commentary", "Eerder commentaar")}</summary>
                            <ul>{items}</ul>
                        </details>
                    }
                })
            }}
            <p class="hint">{move || {
                let l = lang.get();
                period.get().map(|p| match l {
                    Lang::En => format!("Commentary belongs to a period; this is {}, the period that is scored on {}.", p.label(l), long_date(as_of.get(), l)),
                    Lang::Nl => format!("Commentaar hoort bij een periode; dit is {}, de periode die op {} telt.", p.label(l), long_date(as_of.get(), l)),
                })
            }}</p>
        </div>
    }
}
