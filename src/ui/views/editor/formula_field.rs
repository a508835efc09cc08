//! A calculated KPI's formula field: checked as the user types against the scorecard's
//! series keys, the error shown in the interface language and marked at its place, the
//! formula committed only when it can be used; with the keys to insert and the help text.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::i18n::words::aggregation_name;
use crate::model::formula::{Formula, FormulaError, FormulaErrorKind};
use crate::model::{Command, KpiField, Lang, Scorecard};
use crate::ui::session::state::{AppState, View};

/// What the field holds while it differs from the KPI's formula: the text typed (invalid,
/// or valid but not yet left). `None`: the field shows the KPI's formula.
pub type FormulaDraft = RwSignal<Option<String>>;

/// The text the formula field shows: the draft, else the KPI's formula, else nothing. A memo:
/// what follows it is not woken by an edit that leaves the text as it is (a keystroke in the
/// KPI's name).
pub fn formula_text(
    doc: ReadSignal<Scorecard>,
    kpi: String,
    draft: FormulaDraft,
) -> Signal<String> {
    Memo::new(move |_| match draft.get() {
        Some(text) => text,
        None => doc.with(|d| {
            d.kpi(&kpi)
                .and_then(|k| k.formula.clone())
                .unwrap_or_default()
        }),
    })
    .into()
}

/// Reads `text` as a formula over the series keys of `card`.
pub fn check_formula(card: &Scorecard, text: &str) -> Result<Formula, FormulaError> {
    let keys: Vec<&str> = card.series.iter().map(|s| s.key.as_str()).collect();
    Formula::parse(text).and_then(|f| f.check(&keys).map(|()| f))
}

/// The marker line under a formula: spaces up to the error's column, then `^` under the
/// characters it spans (one `^` for an error at a place without characters).
pub fn caret_line(error: &FormulaError) -> String {
    let mut line = " ".repeat(error.offset);
    line.push_str(&"^".repeat(error.len.max(1)));
    line
}

/// `text` for the marker's first line: each whitespace character as one space, so the
/// marker's columns line up under it.
fn shown_for_caret(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// The UTF-16 index (what the browser's selection uses) of the character index `chars`.
fn utf16_index(text: &str, chars: usize) -> u32 {
    let units: usize = text.chars().take(chars).map(char::len_utf16).sum();
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// `text` with `insert` in place of the UTF-16 range `start..end` (clamped to the text).
fn splice_utf16(text: &str, start: u32, end: u32, insert: &str) -> (String, u32) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    let start = (start as usize).min(len);
    let end = (end as usize).clamp(start, len);
    let mut out: Vec<u16> = units[..start].to_vec();
    out.extend(insert.encode_utf16());
    let caret = out.len();
    out.extend_from_slice(&units[end..]);
    (
        String::from_utf16_lossy(&out),
        u32::try_from(caret).unwrap_or(u32::MAX),
    )
}

/// The formula field of KPI `kpi`. `draft` is shared with the preview, which works out the
/// formula as typed.
#[component]
pub fn FormulaField(kpi: String, draft: FormulaDraft) -> impl IntoView {
    let state = AppState::expect();
    let (lang, doc) = (state.lang, state.doc);
    let input_ref = NodeRef::<html::Input>::new();
    let model_formula = {
        let kpi = kpi.clone();
        Memo::new(move |_| doc.with(|d| d.kpi(&kpi).and_then(|k| k.formula.clone())))
    };
    let text = formula_text(doc, kpi.clone(), draft);
    // The formula's problem, if any. An empty field of a KPI that is not calculated yet is
    // not an error: the KPI simply stays measured. The series keys it is checked against
    // change only by edits that can move a score, so a keystroke in the KPI's name does not
    // read the formula again.
    let problem = Memo::new(move |_| {
        let text = text.get();
        if text.trim().is_empty() && model_formula.with(Option::is_none) {
            return None;
        }
        state.with_scored_doc(|d| check_formula(d, &text).err())
    });
    // A refusal by the model (a shared scorecard shown read-only, say).
    let refused = RwSignal::new(None::<String>);
    // The formula this field last sent: a different formula in the scorecard comes from
    // elsewhere (undo, a renamed series), and then the field shows it.
    let sent = StoredValue::new(model_formula.get_untracked());
    Effect::new(move |_| {
        let now = model_formula.get();
        if sent.with_value(|s| *s != now) {
            sent.set_value(now);
            draft.set(None);
            refused.set(None);
        }
    });
    let key = format!("{kpi}:formula");
    let input_kpi = kpi.clone();
    let on_input = Callback::new(move |typed: String| {
        draft.set(Some(typed.clone()));
        refused.set(None);
        let usable = doc.with_untracked(|d| check_formula(d, &typed).is_ok());
        if !usable || model_formula.with_untracked(|f| f.as_deref() == Some(typed.as_str())) {
            return;
        }
        let before = sent.get_value();
        sent.set_value(Some(typed.clone()));
        let cmd = Command::UpdateKpi {
            id: input_kpi.clone(),
            field: KpiField::Formula(Some(typed)),
        };
        if let Err(why) = state.try_dispatch_keyed(cmd, Some(&key)) {
            sent.set_value(before);
            refused.set(Some(why));
        }
    });
    let on_blur = move |_| {
        state.seal_history();
        if problem.with_untracked(Option::is_none) && refused.with_untracked(Option::is_none) {
            draft.set(None);
        }
    };
    // Selects the characters the error is about in the field.
    let show_where = move |_| {
        let (Some(input), Some(error)) = (input_ref.get_untracked(), problem.get_untracked())
        else {
            return;
        };
        let typed = text.get_untracked();
        let start = utf16_index(&typed, error.offset);
        let end = utf16_index(&typed, error.offset + error.len);
        // Focus and selection are a convenience: nothing to tell when the browser refuses.
        let _ = input.focus();
        let _ = input.set_selection_range(start, end);
    };
    // Puts `insert` at the cursor (in place of the selection), as if typed.
    let insert = move |insert: String| {
        let Some(input) = input_ref.get_untracked() else {
            return;
        };
        let typed = text.get_untracked();
        let end_of_text = utf16_index(&typed, typed.chars().count());
        let start = input
            .selection_start()
            .ok()
            .flatten()
            .unwrap_or(end_of_text);
        let end = input.selection_end().ok().flatten().unwrap_or(start);
        let (new_text, caret) = splice_utf16(&typed, start, end, &insert);
        // The element first, so the cursor can be placed now; the model follows.
        input.set_value(&new_text);
        let _ = input.focus();
        let _ = input.set_selection_range(caret, caret);
        on_input.run(new_text);
    };
    let keys = Memo::new(move |_| {
        doc.with(|d| {
            d.series
                .iter()
                .map(|s| (s.key.clone(), s.name.clone(), s.aggregation))
                .collect::<Vec<_>>()
        })
    });
    let field_id = format!("field-kpi-formula-{kpi}");
    let (help_id, error_id) = (format!("{field_id}-help"), format!("{field_id}-error"));
    let described = format!("{help_id} {error_id}");
    let message = move || {
        let l = lang.get();
        refused
            .get()
            .or_else(|| problem.with(|p| p.as_ref().map(|e| e.message_in(l))))
    };
    let has_message = move || message().is_some();
    let caret = move || {
        problem.get().map(|e| {
            let first = shown_for_caret(&text.get());
            let second = caret_line(&e);
            view! {
                <pre class="formula-caret" aria-hidden="true" data-testid="kpi-formula-caret">{first}"\n"{second}</pre>
            }
        })
    };
    let unknown = move || {
        problem.get().and_then(|e| match e.kind {
            FormulaErrorKind::UnknownSeries { key, suggestion } => {
                Some((e.offset, e.len, key, suggestion))
            }
            _ => None,
        })
    };
    let fixes = move || {
        unknown().map(|(offset, len, key, suggestion)| {
            let l = lang.get();
            let replace = suggestion.map(|s| {
                let label = match l {
                    Lang::En => format!("Use '{s}'"),
                    Lang::Nl => format!("Gebruik '{s}'"),
                };
                let on_click = move |_| {
                    let typed = text.get_untracked();
                    let (start, end) = (utf16_index(&typed, offset), utf16_index(&typed, offset + len));
                    let (new_text, _) = splice_utf16(&typed, start, end, &s);
                    on_input.run(new_text);
                };
                view! {
                    <button type="button" class="link-button" data-testid="kpi-formula-suggestion" on:click=on_click>{label}</button>
                }
            });
            let add = match l {
                Lang::En => format!("Add a series '{key}' in the Data view"),
                Lang::Nl => format!("Voeg een reeks '{key}' toe onder Gegevens"),
            };
            view! {
                <p class="formula-fixes">
                    {replace}
                    <button type="button" class="link-button" data-testid="kpi-formula-to-data"
                        on:click=move |_| state.go(View::Data)>{add}</button>
                </p>
            }
        })
    };
    let key_list = move || {
        let list = keys.get();
        if list.is_empty() {
            let l = lang.get();
            return view! {
                <li class="empty-note">
                    {tr(l, "No input series yet. ", "Nog geen invoerreeksen. ")}
                    <button type="button" class="link-button" on:click=move |_| state.go(View::Data)>
                        {tr(l, "Add them in the Data view", "Voeg ze toe onder Gegevens")}
                    </button>
                </li>
            }
            .into_any();
        }
        list.into_iter()
            .map(|(key, name, aggregation)| {
                let title = format!("{name} · {}", aggregation_name(aggregation, lang.get()));
                let data_key = key.clone();
                let inserted = key.clone();
                view! {
                    <li>
                        <button type="button" class="formula-key" data-key=data_key title=title
                            on:click=move |_| insert(inserted.clone())>{key}</button>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="field formula-field">
            <label for=field_id.clone()>{move || tr(lang.get(), "Formula", "Formule")}</label>
            <input type="text" id=field_id class="formula-input" data-testid="kpi-formula"
                node_ref=input_ref spellcheck="false" autocomplete="off" autocapitalize="off"
                placeholder="interactions / reach * 100"
                aria-describedby=described
                aria-invalid=move || if has_message() { "true" } else { "false" }
                prop:value=move || text.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:blur=on_blur />
            <Show when=has_message>
                <div class="formula-problem">
                    <p class="field-error" id=error_id.clone() aria-live="polite" data-testid="kpi-formula-error">
                        {message}
                    </p>
                    {caret}
                    <Show when=move || problem.with(Option::is_some)>
                        <button type="button" class="link-button" data-testid="kpi-formula-show-error"
                            on:click=show_where>
                            {move || tr(lang.get(), "Select it in the formula", "Selecteer het in de formule")}
                        </button>
                    </Show>
                    {fixes}
                </div>
            </Show>
            <p class="field-hint" id=help_id>
                {move || tr(
                    lang.get(),
                    "Calculate the KPI from input series: + − × ÷ (or * /), parentheses, and prev(x) for x in the previous period. Decimals with a dot. Example: ",
                    "Bereken de KPI uit invoerreeksen: + − × ÷ (of * /), haakjes, en prev(x) voor x in de vorige periode. Decimalen met een punt. Voorbeeld: ",
                )}
                <code>"interactions / reach * 100"</code>
            </p>
            <div class="formula-keys-block">
                <p class="formula-keys-label">
                    {move || tr(lang.get(), "Series you can use (click to insert):", "Reeksen die je kunt gebruiken (klik om in te voegen):")}
                </p>
                <ul class="formula-keys" data-testid="kpi-formula-keys">{key_list}</ul>
                <button type="button" class="link-button" data-testid="kpi-formula-data-link"
                    on:click=move |_| state.go(View::Data)>
                    {move || tr(lang.get(), "Manage the series in the Data view", "Beheer de reeksen onder Gegevens")}
                </button>
            </div>
        </div>
    }
}
