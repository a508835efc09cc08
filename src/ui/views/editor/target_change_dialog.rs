//! "Correction or new target?": asked when a KPI's target is changed in its panel. A
//! correction replaces the wrong target; a new target applies from a date on (by default
//! the first day of the KPI's current period, see `method::target_change`) and is recorded
//! with its required reason. Either way it is one undo step; projector mode and a read-only
//! scorecard refuse it as every edit.

use leptos::prelude::*;

use crate::charts::labels::value_with_unit;
use crate::i18n::tr;
use crate::method::target_change::{
    TargetAnswer, default_change_date, default_date_hint, target_command,
};
use crate::model::{Date, Lang};
use crate::ui::session::state::AppState;
use crate::ui::widgets::modal::Modal;

/// The user's choice in the dialog.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Choice {
    Correction,
    NewTarget,
}

/// A target (or "none") with the KPI's unit.
fn target_words(target: Option<f64>, unit: &str, lang: Lang) -> String {
    target.map_or_else(
        || tr(lang, "no target", "geen doelwaarde").to_string(),
        |t| value_with_unit(t, unit, lang),
    )
}

/// The dialog for changing the target of KPI `kpi` to `new`; `on_close` runs once it is
/// applied or cancelled.
#[component]
pub fn TargetChangeDialog(kpi: String, new: Option<f64>, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let today: Date = state.as_of.get_untracked();
    let Some(snapshot) = state.doc.with_untracked(|d| d.kpi(&kpi).cloned()) else {
        return ().into_any();
    };
    let snapshot = StoredValue::new(snapshot);
    let (old, unit, name) = snapshot.with_value(|k| (k.target, k.unit.clone(), k.name.clone()));
    let choice = RwSignal::new(None::<Choice>);
    let date = RwSignal::new(
        snapshot
            .with_value(|k| default_change_date(k, today))
            .to_string(),
    );
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let cancel = Callback::new(move |()| on_close.run(()));
    let apply = {
        let kpi = kpi.clone();
        move |_| {
            let l = lang.get_untracked();
            let answer = match choice.get_untracked() {
                None => {
                    error.set(Some(
                        tr(
                            l,
                            "Choose: a correction, or a new target from a date.",
                            "Kies: een correctie, of een nieuwe doelwaarde vanaf een datum.",
                        )
                        .to_string(),
                    ));
                    return;
                }
                Some(Choice::Correction) => TargetAnswer::Correction,
                Some(Choice::NewTarget) => match Date::parse_iso(&date.get_untracked()) {
                    Ok(date) => TargetAnswer::NewTarget {
                        date,
                        reason: reason.get_untracked(),
                    },
                    Err(_) => {
                        error.set(Some(
                            tr(
                                l,
                                "Choose the date from which the new target applies.",
                                "Kies de datum vanaf wanneer de nieuwe doelwaarde geldt.",
                            )
                            .to_string(),
                        ));
                        return;
                    }
                },
            };
            // Worked out from the KPI as it is now (the snapshot only labels the dialog).
            let made = state
                .doc
                .with_untracked(|d| d.kpi(&kpi).map(|k| target_command(k, new, answer, today)));
            let result = match made {
                None => Err(tr(
                    l,
                    "This KPI no longer exists.",
                    "Deze KPI bestaat niet meer.",
                )
                .to_string()),
                Some(Err(problem)) => Err(problem.message_in(l)),
                Some(Ok(cmd)) => state.try_dispatch_keyed(cmd, None).map(|_| ()),
            };
            match result {
                Ok(()) => {
                    state.seal_history();
                    on_close.run(());
                }
                Err(why) => error.set(Some(why)),
            }
        }
    };
    let pick = move |c: Choice| {
        move |_| {
            choice.set(Some(c));
            error.set(None);
        }
    };
    let radio_name = format!("target-change-{kpi}");
    let old_text = {
        let unit = unit.clone();
        move || target_words(old, &unit, lang.get())
    };
    let new_text = move || target_words(new, &unit, lang.get());
    let hint = move || snapshot.with_value(|k| default_date_hint(k, today, lang.get()));
    view! {
        <Modal testid="target-change-dialog" title_id="target-change-title" on_escape=cancel variant="target-change">
            <h2 id="target-change-title">
                {move || tr(lang.get(), "Change the target", "Doelwaarde wijzigen")}
            </h2>
            <p class="target-change-kpi">{name}</p>
            <p class="target-change-values" data-testid="target-change-values">
                <span class="target-change-old" data-testid="target-change-old">{old_text}</span>
                <span class="target-change-arrow" aria-hidden="true">"→"</span>
                <span class="visually-hidden">{move || tr(lang.get(), " becomes ", " wordt ")}</span>
                <span class="target-change-new-value" data-testid="target-change-new-value">{new_text}</span>
            </p>
            <fieldset class="target-change-choice">
                <legend>{move || tr(lang.get(), "Is this a correction or a new target?", "Is dit een correctie of een nieuwe doelwaarde?")}</legend>
                <label class="target-change-option" data-chosen=move || (choice.get() == Some(Choice::Correction)).to_string()>
                    <input type="radio" name=radio_name.clone() value="correction" data-testid="target-change-correction"
                        prop:checked=move || choice.get() == Some(Choice::Correction)
                        on:change=pick(Choice::Correction) />
                    <span class="target-change-option-text">
                        <strong>{move || tr(lang.get(), "Correction", "Correctie")}</strong>
                        <span>{move || tr(
                            lang.get(),
                            "The old target was wrong. It is replaced everywhere, also in the periods already scored; no change is recorded.",
                            "De oude doelwaarde was fout. Die wordt overal vervangen, ook in perioden die al gescoord zijn; er wordt geen wijziging vastgelegd.",
                        )}</span>
                    </span>
                </label>
                <label class="target-change-option" data-chosen=move || (choice.get() == Some(Choice::NewTarget)).to_string()>
                    <input type="radio" name=radio_name value="new" data-testid="target-change-new"
                        prop:checked=move || choice.get() == Some(Choice::NewTarget)
                        on:change=pick(Choice::NewTarget) />
                    <span class="target-change-option-text">
                        <strong>{move || tr(lang.get(), "New target from a date", "Nieuwe doelwaarde vanaf een datum")}</strong>
                        <span>{move || tr(
                            lang.get(),
                            "The ambition changes. Periods before the date keep the old target in charts and reports; the change is listed with its reason.",
                            "De ambitie verandert. Perioden vóór de datum houden de oude doelwaarde in grafieken en rapporten; de wijziging wordt met de reden vermeld.",
                        )}</span>
                    </span>
                </label>
            </fieldset>
            <Show when=move || choice.get() == Some(Choice::NewTarget)>
                <div class="target-change-details">
                    <div class="field">
                        <label for="target-change-date">{move || tr(lang.get(), "Applies from", "Geldt vanaf")}</label>
                        <input type="date" id="target-change-date" data-testid="target-change-date"
                            aria-describedby="target-change-date-hint"
                            max=today.to_string()
                            prop:value=move || date.get()
                            on:input=move |ev| {
                                date.set(event_target_value(&ev));
                                error.set(None);
                            } />
                        <p class="field-hint" id="target-change-date-hint" data-testid="target-change-date-hint">{hint}</p>
                    </div>
                    <div class="field">
                        <label for="target-change-reason">{move || tr(lang.get(), "Reason (required)", "Reden (verplicht)")}</label>
                        <textarea id="target-change-reason" data-testid="target-change-reason" rows="2" required=true
                            aria-required="true"
                            placeholder=move || tr(lang.get(), "e.g. raised after a strong first quarter", "bijv. verhoogd na een sterk eerste kwartaal")
                            prop:value=move || reason.get()
                            on:input=move |ev| {
                                reason.set(event_target_value(&ev));
                                error.set(None);
                            }></textarea>
                    </div>
                </div>
            </Show>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="target-change-error">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" data-testid="target-change-cancel" on:click=move |_| cancel.run(())>
                    {move || tr(lang.get(), "Cancel", "Annuleren")}
                </button>
                <button type="button" class="primary" data-testid="target-change-apply" on:click=apply>
                    {move || tr(lang.get(), "Change the target", "Doelwaarde wijzigen")}
                </button>
            </div>
        </Modal>
    }
    .into_any()
}
