//! "Why this score?": the one dialog that explains a score — the item's name and status, the
//! formula with the real numbers and the inputs it came from, with their weights and notes —
//! in the interface's language (`i18n::explain` words `model::explain`). An input that is an
//! item opens it in the side panel; a factor (which has no panel), or any item in projector
//! mode (where the panel is hidden), is explained here instead, with a Back button. Opened by
//! the `WhyButton` beside every score (`why_button.rs`); Escape closes it and the focus
//! returns to that button (`widgets::modal`).

use leptos::prelude::*;

use crate::i18n::dates::long_date;
use crate::i18n::explain::{
    explanation_lines, input_label, input_note, input_value, input_weight, item_kind, item_name,
    score_phrase,
};
use crate::i18n::tr;
use crate::model::{ExplainInput, Explanation, Lang, ScoreRef, Scorecard, explain};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::status_badge::StatusBadge;

/// Which score the dialog explains, and the ones explained before it (for Back). Provided
/// once by the app's shell ([`WhyScoreState::provide`]).
#[derive(Clone, Copy)]
pub struct WhyScoreState {
    /// The score explained; `None` while the dialog is closed.
    pub open: RwSignal<Option<ScoreRef>>,
    /// The scores explained before, followed from their inputs, latest last.
    pub back: RwSignal<Vec<ScoreRef>>,
}

impl WhyScoreState {
    /// Creates the state and provides it to every component below.
    pub fn provide() -> WhyScoreState {
        let state = WhyScoreState {
            open: RwSignal::new(None),
            back: RwSignal::new(Vec::new()),
        };
        provide_context(state);
        state
    }

    /// Opens the dialog on `target`.
    pub fn show(&self, target: ScoreRef) {
        self.back.set(Vec::new());
        self.open.set(Some(target));
    }

    /// Explains `target` inside the open dialog, keeping the current one for Back.
    pub fn follow(&self, target: ScoreRef) {
        if let Some(current) = self.open.get_untracked() {
            self.back.update(|b| b.push(current));
        }
        self.open.set(Some(target));
    }

    /// Back to the score explained before, if any.
    pub fn go_back(&self) {
        let mut previous = None;
        self.back.update(|b| previous = b.pop());
        if previous.is_some() {
            self.open.set(previous);
        }
    }

    /// Closes the dialog.
    pub fn close(&self) {
        self.back.set(Vec::new());
        self.open.set(None);
    }
}

/// The `data-testid` of the button for a score: `why-kpi-<id>`, `why-sub-objective-<id>`,
/// `why-objective-<id>`, `why-factor-<key>` or `why-overall`.
pub fn why_testid(target: &ScoreRef) -> String {
    match target {
        ScoreRef::Kpi(id) => format!("why-kpi-{id}"),
        ScoreRef::SubObjective(id) => format!("why-sub-objective-{id}"),
        ScoreRef::Objective(id) => format!("why-objective-{id}"),
        ScoreRef::Factor(kind) => format!("why-factor-{}", kind.key()),
        ScoreRef::Overall => "why-overall".to_string(),
    }
}

/// "Why this score?" / "Waarom deze score?": the button's accessible name.
pub fn why_label(lang: Lang) -> &'static str {
    tr(lang, "Why this score?", "Waarom deze score?")
}

/// The side panel's selection for an item, when it has a form there.
fn selection_of(item: &ScoreRef) -> Option<Selection> {
    match item {
        ScoreRef::Kpi(id) => Some(Selection::Kpi(id.clone())),
        ScoreRef::SubObjective(id) => Some(Selection::SubObjective(id.clone())),
        ScoreRef::Objective(id) => Some(Selection::Objective(id.clone())),
        ScoreRef::Factor(_) | ScoreRef::Overall => None,
    }
}

/// What the dialog shows for one input, worked out once per explanation.
#[derive(Clone, PartialEq)]
struct InputRow {
    label: String,
    item: Option<ScoreRef>,
    value: String,
    weight: Option<String>,
    note: &'static str,
}

fn input_row(card: &Scorecard, input: &ExplainInput, lang: Lang) -> InputRow {
    InputRow {
        label: input_label(card, input, lang),
        item: input.item.clone(),
        value: input_value(input, lang),
        weight: input_weight(input, lang),
        note: input_note(input, lang),
    }
}

/// Everything the dialog shows for one score, in one language.
#[derive(Clone, PartialEq)]
struct Shown {
    kind: &'static str,
    name: String,
    explanation: Explanation,
    score: String,
    lines: Vec<String>,
    inputs: Vec<InputRow>,
}

fn shown(card: &Scorecard, target: &ScoreRef, as_of: crate::model::Date, lang: Lang) -> Shown {
    let explanation = explain(card, as_of, target.clone());
    Shown {
        kind: item_kind(target, lang),
        name: item_name(card, target, lang),
        score: score_phrase(&explanation.result, lang),
        lines: explanation_lines(&explanation, lang),
        inputs: explanation
            .inputs
            .iter()
            .map(|i| input_row(card, i, lang))
            .collect(),
        explanation,
    }
}

/// The dialog, shown while a score is open. Mounted once by the app's shell.
#[component]
pub fn WhyScore() -> impl IntoView {
    let why = expect_context::<WhyScoreState>();
    view! {
        <Show when=move || why.open.with(Option::is_some)>
            <WhyScoreDialog why=why />
        </Show>
    }
}

/// The dialog's box: it stays mounted while the user follows inputs, so the focus returns
/// to the button that opened it only when it closes.
#[component]
fn WhyScoreDialog(why: WhyScoreState) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let data = Memo::new(move |_| {
        let target = why.open.get()?;
        let (as_of, l) = (state.as_of.get(), lang.get());
        Some(state.doc.with(|d| shown(d, &target, as_of, l)))
    });
    let close = Callback::new(move |()| why.close());
    let follow = move |item: ScoreRef| match selection_of(&item) {
        Some(selection) if !state.projector.get_untracked() => {
            why.close();
            state.selection.set(Some(selection));
        }
        _ => why.follow(item),
    };
    let score = Signal::derive(move || {
        data.with(|d| {
            d.as_ref()
                .map_or(crate::model::Score::GREY, |d| d.explanation.result)
        })
    });
    // The arrow keys stay in the dialog: in projector mode they would change the view below.
    let keep_arrows = |ev: web_sys::KeyboardEvent| {
        if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
            ev.stop_propagation();
        }
    };
    let has_back = move || why.back.with(|b| !b.is_empty());
    let target_key = move || why.open.with(|o| o.as_ref().map(why_testid));
    let inputs = move || {
        let rows = data.with(|d| d.as_ref().map(|d| d.inputs.clone()).unwrap_or_default());
        let l = lang.get();
        if rows.is_empty() {
            return None;
        }
        let heading = match why.open.get() {
            Some(ScoreRef::Kpi(_)) => tr(l, "Worked out from", "Berekend uit"),
            _ => tr(l, "Rolled up from", "Samengesteld uit"),
        };
        let items = rows
            .into_iter()
            .map(|row| {
                let label = row.label.clone();
                let name = match row.item.clone() {
                    Some(item) => {
                        let open_item = item.clone();
                        let title = match selection_of(&item) {
                            Some(_) if !state.projector.get_untracked() => {
                                tr(l, "Open in the side panel", "Openen in het zijpaneel")
                            }
                            _ => tr(l, "Explain this score", "Deze score uitleggen"),
                        };
                        view! {
                            <button type="button" class="why-input-open link-button"
                                data-testid="why-input-open"
                                data-item=why_testid(&item)
                                title=title
                                on:click=move |_| follow(open_item.clone())>
                                {label}
                            </button>
                        }
                        .into_any()
                    }
                    None => view! { <span class="why-input-label">{label}</span> }.into_any(),
                };
                let weight = row
                    .weight
                    .map(|w| view! { <span class="why-input-weight">{w}</span> });
                let note = (!row.note.is_empty())
                    .then(|| view! { <span class="why-input-note" data-testid="why-input-note">{row.note}</span> });
                view! {
                    <li class="why-input" data-testid="why-input">
                        <span class="why-input-name">{name}</span>
                        <span class="why-input-figures">
                            <span class="why-input-value" data-testid="why-input-value">{row.value}</span>
                            {weight}
                        </span>
                        {note}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="why-section" aria-labelledby="why-score-inputs">
                <h3 class="why-section-label" id="why-score-inputs">{heading}</h3>
                <ul class="why-inputs" data-testid="why-inputs">{items}</ul>
            </section>
        })
    };
    view! {
        <Modal testid="why-score" title_id="why-score-title" on_escape=close variant="why">
            <div class="why-body" on:keydown=keep_arrows>
            <div class="why-head" data-target=target_key>
                <div class="why-head-text">
                    <p class="why-question">{move || why_label(lang.get())}</p>
                    <h2 class="why-title" id="why-score-title">
                        <span class="why-kind" data-testid="why-kind">
                            {move || data.with(|d| d.as_ref().map(|d| d.kind).unwrap_or_default())}
                        </span>
                        <span class="visually-hidden">": "</span>
                        <span class="why-name" data-testid="why-name">
                            {move || data.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())}
                        </span>
                    </h2>
                </div>
                <button type="button" class="icon-button why-close" data-testid="why-close"
                    aria-label=move || tr(lang.get(), "Close", "Sluiten")
                    on:click=move |_| why.close()>"✕"</button>
            </div>
            <div class="why-result" data-testid="why-result">
                <StatusBadge score=score />
                <span class="why-as-of">
                    {move || tr(lang.get(), "as of", "per")}
                    " "
                    {move || long_date(state.as_of.get(), lang.get())}
                </span>
                <span class="visually-hidden">
                    {move || data.with(|d| d.as_ref().map(|d| d.score.clone()).unwrap_or_default())}
                </span>
            </div>
            <section class="why-section" aria-labelledby="why-score-how">
                <h3 class="why-section-label" id="why-score-how">
                    {move || tr(lang.get(), "How it is worked out", "Zo wordt het berekend")}
                </h3>
                <div class="why-formula" data-testid="why-formula">
                    {move || {
                        data.with(|d| d.as_ref().map(|d| d.lines.clone()).unwrap_or_default())
                            .into_iter()
                            .enumerate()
                            .map(|(i, line)| {
                                if i > 0 {
                                    return view! { <p class="why-line">{line}</p> }.into_any();
                                }
                                // The formula's parts between "=" wrap as wholes.
                                let parts = line
                                    .split(" = ")
                                    .enumerate()
                                    .map(|(k, part)| {
                                        let sep = (k > 0).then_some(" = ");
                                        view! { {sep}<span class="why-part">{part.to_string()}</span> }
                                    })
                                    .collect_view();
                                view! { <p class="why-line why-line-main">{parts}</p> }.into_any()
                            })
                            .collect_view()
                    }}
                </div>
            </section>
            {inputs}
            <div class="why-foot">
                <Show when=has_back>
                    <button type="button" class="link-button why-back" data-testid="why-back"
                        on:click=move |_| why.go_back()>
                        {move || tr(lang.get(), "← Back", "← Terug")}
                    </button>
                </Show>
                <Show when=move || why.open.with(|o| !matches!(o, Some(ScoreRef::Kpi(_))))>
                    <span class="why-foot-note">
                        {move || tr(
                            lang.get(),
                            "Roll-ups count each input between 0 % and 100 %; grey inputs do not count.",
                            "Bij het samenstellen telt elk onderdeel tussen 0 % en 100 %; grijze onderdelen tellen niet mee.",
                        )}
                    </span>
                </Show>
            </div>
            </div>
        </Modal>
    }
}
