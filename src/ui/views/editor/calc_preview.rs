//! The live preview of a formula as typed: the last three periods of the KPI's frequency up
//! to the "as of" date, each with its value in the KPI's unit (or why there is none) and the
//! inputs it was worked out from. It works on a scratch copy of the KPI, so it shows a
//! formula before it is committed (and changes nothing).

use leptos::prelude::*;

use crate::charts::data::{PeriodRow, input_text, recent_period_rows};
use crate::charts::labels::value_with_unit;
use crate::i18n::tr;
use crate::model::{Date, Lang, Scorecard};
use crate::ui::session::state::AppState;

/// How many periods the preview shows.
pub const PREVIEW_PERIODS: usize = 3;

/// One period of the preview, as text.
#[derive(Clone, PartialEq, Debug)]
struct PreviewRow {
    key: String,
    label: String,
    so_far: bool,
    /// The value with its unit, or why there is none.
    value: Result<String, String>,
    inputs: Vec<String>,
}

/// What the preview shows.
#[derive(Clone, PartialEq, Debug)]
enum Preview {
    /// Nothing typed yet.
    Empty,
    /// The formula cannot be read (the field says why).
    Unreadable,
    /// The periods, oldest first.
    Rows(Vec<PreviewRow>),
}

/// The preview's periods as worked out, before they are put in words.
#[derive(Clone, PartialEq, Debug)]
enum Worked {
    /// Nothing typed yet (or the KPI is gone).
    Empty,
    /// The formula cannot be read.
    Unreadable,
    /// The periods, oldest first.
    Rows(Vec<PeriodRow>),
}

/// The periods of KPI `kpi` of `card` with the formula `text`, as of `as_of`.
fn worked(card: &Scorecard, kpi: &str, text: &str, as_of: Date) -> Worked {
    if text.trim().is_empty() {
        return Worked::Empty;
    }
    let Some(k) = card.kpi(kpi) else {
        return Worked::Empty;
    };
    let mut scratch = k.clone();
    scratch.formula = Some(text.to_string());
    let Some(calc) = card.calculate_as_of(&scratch, as_of) else {
        return Worked::Empty;
    };
    if calc.formula.is_err() {
        return Worked::Unreadable;
    }
    Worked::Rows(recent_period_rows(
        card,
        &scratch,
        &calc,
        as_of,
        PREVIEW_PERIODS,
    ))
}

/// The preview of `worked`, with values in `unit`.
fn preview(worked: &Worked, unit: &str, lang: Lang) -> Preview {
    match worked {
        Worked::Empty => Preview::Empty,
        Worked::Unreadable => Preview::Unreadable,
        Worked::Rows(rows) => Preview::Rows(
            rows.iter()
                .map(|r| PreviewRow {
                    key: r.period.key(),
                    label: r.period.label(lang),
                    so_far: r.so_far,
                    value: r
                        .value
                        .as_ref()
                        .map(|v| value_with_unit(*v, unit, lang))
                        .map_err(|p| p.message_in(lang)),
                    inputs: r.inputs.iter().map(|i| input_text(i, lang)).collect(),
                })
                .collect(),
        ),
    }
}

/// The preview of the formula `text` for KPI `kpi`.
#[component]
pub fn CalcPreview(kpi: String, #[prop(into)] text: Signal<String>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    // The formula is worked out again when its text changes or after an edit that can move
    // a score (new figures in a series, say), not on a keystroke in the KPI's name; the unit
    // its values are shown in follows every edit.
    let text = Memo::new(move |_| text.get());
    let worked_kpi = kpi.clone();
    let worked = Memo::new(move |_| {
        let as_of = state.as_of.get();
        text.with(|text| state.with_scored_doc(|d| worked(d, &worked_kpi, text, as_of)))
    });
    let unit = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.kpi(&kpi).map(|k| k.unit.clone()).unwrap_or_default())
    });
    let shown = Memo::new(move |_| {
        let l = lang.get();
        unit.with(|unit| worked.with(|w| preview(w, unit, l)))
    });
    let body = move || {
        let l = lang.get();
        match shown.get() {
            Preview::Empty => view! {
                <p class="empty-note">{tr(
                    l,
                    "Type a formula to see its values for the last three periods.",
                    "Typ een formule om de waarden van de laatste drie perioden te zien.",
                )}</p>
            }
            .into_any(),
            Preview::Unreadable => view! {
                <p class="empty-note">{tr(
                    l,
                    "The preview appears once the formula can be used.",
                    "Het voorbeeld verschijnt zodra de formule bruikbaar is.",
                )}</p>
            }
            .into_any(),
            Preview::Rows(rows) => {
                let so_far = tr(l, "so far", "tot nu toe");
                let items = rows
                    .into_iter()
                    .map(|r| {
                        let value = match r.value {
                            Ok(v) => view! { <span class="calc-value">{v}</span> }.into_any(),
                            Err(why) => view! { <span class="calc-problem">{why}</span> }.into_any(),
                        };
                        let inputs = r
                            .inputs
                            .into_iter()
                            .map(|i| view! { <li>{i}</li> })
                            .collect_view();
                        view! {
                            <li class="calc-preview-row" data-testid="calc-preview-row" data-period=r.key
                                data-so-far=r.so_far.to_string()>
                                <div class="calc-preview-head">
                                    <span class="calc-period">{r.label}</span>
                                    {r.so_far.then(|| view! { <span class="calc-so-far">{so_far}</span> })}
                                    {value}
                                </div>
                                <ul class="calc-inputs">{inputs}</ul>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ol class="calc-preview-list">{items}</ol> }.into_any()
            }
        }
    };
    view! {
        <section class="calc-preview" data-testid="calc-preview"
            aria-label=move || tr(lang.get(), "Preview of the formula", "Voorbeeld van de formule")>
            <h4 class="calc-preview-title">{move || tr(lang.get(), "Preview", "Voorbeeld")}</h4>
            {body}
        </section>
    }
}
