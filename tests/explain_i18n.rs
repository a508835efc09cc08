#![cfg(not(target_arch = "wasm32"))]
//! "Why this score?" in words (`src/i18n/explain.rs`): the model's explanations of the
//! article's example written out in English and Dutch, with the real numbers in each
//! language's notation — a measured KPI, a calculated KPI, a sub-objective's roll-up, a
//! factor, the whole scorecard and grey scores saying why.

use smsc::i18n::explain::{
    explain_number, explain_percent, explanation_lines, explanation_text, input_label, input_note,
    input_value, input_weight, item_kind, item_name, score_phrase,
};
use smsc::method::templates;
use smsc::model::explain::{ExplainStep, InputKind, InputNote};
use smsc::model::{Date, FactorKind, Lang, ScoreRef, Scorecard, Status, explain};

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

fn example(lang: Lang) -> Scorecard {
    templates::example("why".into(), lang)
}

/// The article's response time KPI (Organisation, first sub-objective, first KPI).
fn response_time(card: &Scorecard) -> ScoreRef {
    ScoreRef::Kpi(
        card.factors.organisation.sub_objectives[0].kpis[0]
            .id
            .clone(),
    )
}

/// The example's calculated engagement rate.
fn engagement_rate(card: &Scorecard) -> ScoreRef {
    let (_, kpi) = card
        .kpis()
        .find(|(_, k)| k.formula.is_some() && k.name.contains("ngagement"))
        .expect("the example has a calculated engagement rate");
    ScoreRef::Kpi(kpi.id.clone())
}

#[test]
fn numbers_follow_the_language() {
    assert_eq!(explain_number(3.5, Lang::En), "3.5");
    assert_eq!(explain_number(3.5, Lang::Nl), "3,5");
    assert_eq!(explain_number(71740.0, Lang::En), "71,740");
    assert_eq!(explain_number(71740.0, Lang::Nl), "71.740");
    assert_eq!(explain_number(4.461_946, Lang::Nl), "4,4619");
    assert_eq!(explain_number(-2.0, Lang::En), "−2");
    assert_eq!(explain_number(f64::NAN, Lang::En), "–");
    assert_eq!(explain_percent(0.75, Lang::En), "75.0 %");
    assert_eq!(explain_percent(0.75, Lang::Nl), "75,0 %");
    assert_eq!(explain_percent(-0.5, Lang::En), "−50.0 %");
    assert_eq!(explain_percent(-0.000_01, Lang::En), "0.0 %");
}

#[test]
fn a_measured_kpi_in_both_languages() {
    let card = example(Lang::En);
    let kpi = response_time(&card);
    let ex = explain(&card, d("2026-03-15"), kpi.clone());
    assert_eq!(
        explanation_lines(&ex, Lang::En),
        [
            "progress = (actual − baseline) / (target − baseline) = (3.5 − 8) / (2 − 8) = 75.0 %.",
            "Below 100 % but at least the amber threshold 70.0 %: amber.",
        ]
    );
    assert_eq!(
        explanation_lines(&ex, Lang::Nl),
        [
            "voortgang = (actueel − nulmeting) / (doelwaarde − nulmeting) = (3,5 − 8) / (2 − 8) = 75,0 %.",
            "Onder 100 % maar minstens de oranjegrens 70,0 %: oranje.",
        ]
    );
    // The English of the steps is the model's own formula.
    assert_eq!(explanation_text(&ex, Lang::En), ex.formula);
    let labels: Vec<(String, String)> = ex
        .inputs
        .iter()
        .map(|i| (input_label(&card, i, Lang::Nl), input_value(i, Lang::Nl)))
        .collect();
    assert_eq!(
        labels,
        [
            ("Actueel (28 februari 2026)".to_string(), "3,5".to_string()),
            ("Nulmeting".to_string(), "8".to_string()),
            ("Doelwaarde".to_string(), "2".to_string()),
        ]
    );
    assert!(
        ex.inputs
            .iter()
            .all(|i| input_weight(i, Lang::En).is_none())
    );
    assert_eq!(score_phrase(&ex.result, Lang::En), "75.0 %, amber");
    assert_eq!(score_phrase(&ex.result, Lang::Nl), "75,0 %, oranje");
    assert_eq!(item_kind(&kpi, Lang::En), "KPI");
    let dutch = example(Lang::Nl);
    assert_eq!(
        item_name(&dutch, &response_time(&dutch), Lang::Nl),
        "Responsetijd van het productmanagement"
    );
}

#[test]
fn a_calculated_kpi_in_both_languages() {
    let card = example(Lang::En);
    let ex = explain(&card, d("2026-04-30"), engagement_rate(&card));
    let en = explanation_text(&ex, Lang::En);
    assert!(
        en.contains("March 2026 = interactions 3,201 ÷ reach 71,740 × 100 = 4.4619."),
        "{en}"
    );
    assert!(en.contains("(4.4619 − 3) / (5 − 3) = 73.1 %."), "{en}");
    let nl = explanation_text(&ex, Lang::Nl);
    assert!(
        nl.contains("maart 2026 = interactions 3.201 ÷ reach 71.740 × 100 = 4,4619."),
        "{nl}"
    );
    assert!(nl.contains("(4,4619 − 3) / (5 − 3) = 73,1 %."), "{nl}");
    assert!(nl.contains("oranje"), "{nl}");
    let series: Vec<String> = ex
        .inputs
        .iter()
        .filter(|i| matches!(i.kind, InputKind::Series(_)))
        .map(|i| input_label(&card, i, Lang::Nl))
        .collect();
    assert_eq!(
        series,
        [
            "interactions: som van 31 punten in maart 2026",
            "reach: som van 31 punten in maart 2026",
        ]
    );
    let actual = ex
        .inputs
        .iter()
        .find(|i| matches!(i.kind, InputKind::ActualOfPeriod(_)))
        .expect("the period's value is an input");
    assert_eq!(input_label(&card, actual, Lang::En), "Actual (March 2026)");
    assert_eq!(input_value(actual, Lang::Nl), "4,4619");
    // Before March is over, February counts and March is shown as so far.
    let ex = explain(&card, d("2026-03-15"), engagement_rate(&card));
    let so_far = explanation_lines(&ex, Lang::Nl);
    assert!(
        so_far
            .last()
            .is_some_and(|l| l.starts_with("Tot nu toe in maart 2026: ")),
        "{so_far:?}"
    );
}

#[test]
fn a_sub_objective_rolls_up_its_kpis() {
    let card = example(Lang::En);
    let sub = &card.factors.organisation.sub_objectives[0];
    let target = ScoreRef::SubObjective(sub.id.clone());
    let ex = explain(&card, d("2026-03-15"), target.clone());
    let en = explanation_lines(&ex, Lang::En);
    assert!(
        en[0].starts_with("score = Σ(weight × score capped to 0–100 %) / Σ weight = (1 × 75.0 %"),
        "{en:?}"
    );
    let nl = explanation_lines(&ex, Lang::Nl);
    assert!(
        nl[0].starts_with(
            "score = Σ(gewicht × score begrensd op 0–100 %) / Σ gewicht = (1 × 75,0 %"
        ),
        "{nl:?}"
    );
    assert_eq!(explanation_text(&ex, Lang::En), ex.formula);
    let first = &ex.inputs[0];
    assert_eq!(first.item, Some(response_time(&card)));
    assert_eq!(
        input_label(&card, first, Lang::En),
        "KPI “Response time of product management”"
    );
    assert_eq!(input_value(first, Lang::En), "75.0 %");
    assert_eq!(input_weight(first, Lang::Nl).as_deref(), Some("gewicht 1"));
    assert_eq!(item_kind(&target, Lang::Nl), "Subdoelstelling");
    // Overshoot is capped in the roll-up, and says so.
    let mut over = card.clone();
    over.factors.organisation.sub_objectives[0].kpis[0]
        .measurements
        .iter_mut()
        .for_each(|m| m.value = 1.0);
    let ex = explain(&over, d("2026-03-15"), target);
    assert_eq!(ex.inputs[0].why, InputNote::Capped);
    assert_eq!(
        input_note(&ex.inputs[0], Lang::En),
        "counted as 100 % (capped)"
    );
    assert_eq!(
        input_note(&ex.inputs[0], Lang::Nl),
        "telt als 100 % (begrensd)"
    );
}

#[test]
fn factors_and_the_whole_scorecard() {
    let card = example(Lang::Nl);
    let ex = explain(&card, d("2026-04-10"), ScoreRef::Overall);
    assert_eq!(ex.inputs.len(), 4);
    assert_eq!(
        input_label(&card, &ex.inputs[0], Lang::Nl),
        format!("Factor “{}”", card.factors.customers.label)
    );
    assert_eq!(item_kind(&ScoreRef::Overall, Lang::En), "Whole scorecard");
    let factor = explain(
        &card,
        d("2026-04-10"),
        ScoreRef::Factor(FactorKind::Customers),
    );
    assert!(
        factor
            .inputs
            .iter()
            .all(|i| matches!(i.item, Some(ScoreRef::SubObjective(_)))),
        "{factor:?}"
    );
}

#[test]
fn grey_scores_say_why() {
    let card = example(Lang::En);
    let kpi = response_time(&card);
    // No measurement yet.
    let ex = explain(&card, d("2025-01-01"), kpi.clone());
    assert_eq!(ex.result.status, Status::Grey);
    assert_eq!(
        explanation_text(&ex, Lang::En),
        "No measurement on or before 1 January 2025: no score (grey)."
    );
    assert_eq!(
        explanation_text(&ex, Lang::Nl),
        "Geen meting op of vóór 1 januari 2025: geen score (grijs)."
    );
    assert_eq!(score_phrase(&ex.result, Lang::En), "no score (grey)");
    assert_eq!(score_phrase(&ex.result, Lang::Nl), "geen score (grijs)");
    // Too old: 31 March 2026 is 245 days before 1 December 2026, a monthly KPI allows 45.
    let ex = explain(&card, d("2026-12-01"), kpi.clone());
    assert!(matches!(ex.steps.last(), Some(ExplainStep::TooOld { .. })));
    let nl = explanation_text(&ex, Lang::Nl);
    assert!(
        nl.ends_with(
            "De laatste meting (31 maart 2026) is op 1 december 2026 245 dagen oud, meer dan de 45 dagen die bij de frequentie ‘maandelijks’ horen: grijs."
        ),
        "{nl}"
    );
    let en = explanation_text(&ex, Lang::En);
    assert!(
        en.ends_with("more than the 45 days allowed for a monthly KPI: grey."),
        "{en}"
    );
    // A sub-objective whose KPIs are all grey, and an empty one.
    let sub = ScoreRef::SubObjective(card.factors.organisation.sub_objectives[0].id.clone());
    let ex = explain(&card, d("2025-01-01"), sub);
    assert_eq!(
        explanation_text(&ex, Lang::Nl),
        "Geen score (grijs): geen van de onderdelen heeft een actuele score met een gewicht boven 0."
    );
    assert!(ex.inputs.iter().all(|i| i.why == InputNote::Grey));
    assert_eq!(input_note(&ex.inputs[0], Lang::Nl), "grijs: telt niet mee");
    assert_eq!(input_value(&ex.inputs[0], Lang::En), "no score");
    // A KPI without a target.
    let mut no_target = card.clone();
    no_target.factors.organisation.sub_objectives[0].kpis[0].target = None;
    let ex = explain(&no_target, d("2026-03-15"), kpi);
    assert_eq!(
        explanation_text(&ex, Lang::Nl),
        "Geen doelwaarde (of geen grenzen van de band) ingesteld: geen score (grijs)."
    );
    // Something that does not exist.
    let ex = explain(&card, d("2026-03-15"), ScoreRef::Kpi("nope".into()));
    assert_eq!(
        explanation_text(&ex, Lang::Nl),
        "Dit onderdeel bestaat niet."
    );
}
