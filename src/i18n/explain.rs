//! "Why this score?" in words: an [`Explanation`] of the model (`model::explain`) written out
//! in English or Dutch, with the numbers in the language's notation (`3,5` in Dutch). The
//! model gives the steps and their numbers; this module only words them. Pure, tested
//! natively (`tests/explain_i18n.rs`).

use crate::i18n::dates::long_date;
use crate::i18n::tr;
use crate::i18n::words::{aggregation_name, frequency_name};
use crate::model::calculate::{PeriodInput, PeriodValue};
use crate::model::explain::{
    ExplainInput, ExplainStep, Explanation, InputKind, InputNote, fmt_grouped,
};
use crate::model::{Lang, Score, ScoreRef, Scorecard, Status};

/// A number as an explanation shows it: at most four decimals, thousands grouped, in the
/// language's notation: `3,201` and `4.4619` in English, `3.201` and `4,4619` in Dutch.
pub fn explain_number(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = fmt_grouped(value);
    let text = match lang {
        Lang::En => text,
        Lang::Nl => text
            .chars()
            .map(|c| match c {
                ',' => '.',
                '.' => ',',
                other => other,
            })
            .collect(),
    };
    match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

/// A score (1.0 = 100 %) with one decimal, always shown: `75.0 %`, Dutch `75,0 %`.
pub fn explain_percent(fraction: f64, lang: Lang) -> String {
    if !fraction.is_finite() {
        return "–".into();
    }
    let text = format!("{:.1}", fraction * 100.0);
    let text = if text == "-0.0" { "0.0".into() } else { text };
    let text = match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    };
    let text = match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', ","),
    };
    format!("{text} %")
}

fn opt_percent(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(
        || tr(lang, "no score", "geen score").to_string(),
        |v| explain_percent(v, lang),
    )
}

/// What kind of item a score is about: `KPI`, `Sub-objective`, `Factor`, `Objective`,
/// `Whole scorecard`.
pub fn item_kind(item: &ScoreRef, lang: Lang) -> &'static str {
    match item {
        ScoreRef::Kpi(_) => "KPI",
        ScoreRef::SubObjective(_) => tr(lang, "Sub-objective", "Subdoelstelling"),
        ScoreRef::Factor(_) => "Factor",
        ScoreRef::Objective(_) => tr(lang, "Objective", "Doelstelling"),
        ScoreRef::Overall => tr(lang, "Whole scorecard", "Hele scorecard"),
    }
}

/// The name of the item a score is about (its title or label), or "(no name)".
pub fn item_name(card: &Scorecard, item: &ScoreRef, lang: Lang) -> String {
    let name = match item {
        ScoreRef::Kpi(id) => card.kpi(id).map(|k| k.name.clone()),
        ScoreRef::SubObjective(id) => card.sub_objective(id).map(|(_, s)| s.title.clone()),
        ScoreRef::Objective(id) => card.objective(id).map(|o| o.title.clone()),
        ScoreRef::Factor(kind) => Some(card.factor(*kind).label.clone()),
        ScoreRef::Overall => Some(card.title.clone()),
    };
    match name {
        Some(n) if !n.trim().is_empty() => n.trim().to_string(),
        _ => tr(lang, "(no name)", "(zonder naam)").to_string(),
    }
}

/// The score in one phrase: `75.0 %, amber` / `75,0 %, oranje`, or `no score (grey)`.
pub fn score_phrase(score: &Score, lang: Lang) -> String {
    let colour = colour_word(score.status, lang);
    match score.value {
        Some(v) => format!("{}, {colour}", explain_percent(v, lang)),
        None => format!("{} ({colour})", tr(lang, "no score", "geen score")),
    }
}

/// The colour of a status in words: green, amber, red, grey (groen, oranje, rood, grijs).
pub fn colour_word(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Green => tr(lang, "green", "groen"),
        Status::Amber => tr(lang, "amber", "oranje"),
        Status::Red => tr(lang, "red", "rood"),
        Status::Grey => tr(lang, "grey", "grijs"),
    }
}

/// The explanation's sentences, one per step, in `lang`: the formula with its numbers first,
/// then the status (or why there is none).
pub fn explanation_lines(ex: &Explanation, lang: Lang) -> Vec<String> {
    ex.steps.iter().map(|s| step_text(s, lang)).collect()
}

/// The whole explanation as one text in `lang` (the sentences joined).
pub fn explanation_text(ex: &Explanation, lang: Lang) -> String {
    explanation_lines(ex, lang).join(" ")
}

fn grey_end(lang: Lang) -> &'static str {
    tr(lang, "no score (grey)", "geen score (grijs)")
}

/// One step in words.
pub fn step_text(step: &ExplainStep, lang: Lang) -> String {
    let n = |v: f64| explain_number(v, lang);
    match step {
        ExplainStep::Unknown => tr(
            lang,
            "This item does not exist.",
            "Dit onderdeel bestaat niet.",
        )
        .to_string(),
        ExplainStep::NoMeasurement { as_of } => format!(
            "{} {}: {}.",
            tr(
                lang,
                "No measurement on or before",
                "Geen meting op of vóór"
            ),
            long_date(*as_of, lang),
            grey_end(lang)
        ),
        ExplainStep::NoTarget => format!(
            "{}: {}.",
            tr(
                lang,
                "No target (or no band limits) set",
                "Geen doelwaarde (of geen grenzen van de band) ingesteld"
            ),
            grey_end(lang)
        ),
        ExplainStep::Linear {
            actual,
            baseline,
            target,
            progress,
        } => {
            let (a, b, t) = (n(*actual), n(*baseline), n(*target));
            format!(
                "{} = ({a} − {b}) / ({t} − {b}) = {}.",
                tr(
                    lang,
                    "progress = (actual − baseline) / (target − baseline)",
                    "voortgang = (actueel − nulmeting) / (doelwaarde − nulmeting)"
                ),
                opt_percent(*progress, lang)
            )
        }
        ExplainStep::MetOrNot {
            actual,
            target,
            lower_is_better,
            has_baseline,
            progress,
        } => {
            let reason = if *has_baseline {
                tr(
                    lang,
                    "With the baseline equal to the target",
                    "Met een nulmeting gelijk aan de doelwaarde",
                )
            } else {
                tr(lang, "Without a baseline", "Zonder nulmeting")
            };
            let rule = if *lower_is_better {
                tr(
                    lang,
                    "the KPI is met or not: 100 % when actual ≤ target (lower is better), else 0 %.",
                    "is de KPI gehaald of niet: 100 % als actueel ≤ doelwaarde (lager is beter), anders 0 %.",
                )
            } else {
                tr(
                    lang,
                    "the KPI is met or not: 100 % when actual ≥ target (higher is better), else 0 %.",
                    "is de KPI gehaald of niet: 100 % als actueel ≥ doelwaarde (hoger is beter), anders 0 %.",
                )
            };
            format!(
                "{reason} {rule} {} {}, {} {}: {}.",
                tr(lang, "Actual", "Actueel"),
                n(*actual),
                tr(lang, "target", "doelwaarde"),
                n(*target),
                opt_percent(*progress, lang)
            )
        }
        ExplainStep::Band {
            actual,
            low,
            high,
            width,
            progress,
        } => {
            let range = format!(
                "{} – {}",
                low.map_or("−∞".to_string(), n),
                high.map_or("+∞".to_string(), n)
            );
            format!(
                "{} {range}: 100 %; {} / {}. {} {}: {}.",
                tr(lang, "Within the band", "Binnen de band"),
                tr(
                    lang,
                    "outside it progress = 1 − distance",
                    "daarbuiten voortgang = 1 − afstand"
                ),
                n(*width),
                tr(lang, "Actual", "Actueel"),
                n(*actual),
                opt_percent(*progress, lang)
            )
        }
        ExplainStep::Status { status, threshold } => {
            let t = explain_percent(*threshold, lang);
            match status {
                Status::Green => {
                    tr(lang, "At least 100 %: green.", "Minstens 100 %: groen.").to_string()
                }
                Status::Amber => format!(
                    "{} {t}: {}.",
                    tr(
                        lang,
                        "Below 100 % but at least the amber threshold",
                        "Onder 100 % maar minstens de oranjegrens"
                    ),
                    colour_word(Status::Amber, lang)
                ),
                Status::Red => format!(
                    "{} {t}: {}.",
                    tr(lang, "Below the amber threshold", "Onder de oranjegrens"),
                    colour_word(Status::Red, lang)
                ),
                Status::Grey => tr(lang, "Grey.", "Grijs.").to_string(),
            }
        }
        ExplainStep::TooOld {
            date,
            days,
            allowed,
            frequency,
            as_of,
        } => match lang {
            Lang::En => format!(
                "The latest measurement ({}) is {days} days old on {}, more than the {allowed} days allowed for a {} KPI: grey.",
                long_date(*date, lang),
                long_date(*as_of, lang),
                frequency_name(*frequency, lang).to_lowercase()
            ),
            Lang::Nl => format!(
                "De laatste meting ({}) is op {} {days} dagen oud, meer dan de {allowed} dagen die bij de frequentie ‘{}’ horen: grijs.",
                long_date(*date, lang),
                long_date(*as_of, lang),
                frequency_name(*frequency, lang).to_lowercase()
            ),
        },
        ExplainStep::NothingToRollUp => format!(
            "{}: {}.",
            tr(lang, "No score (grey)", "Geen score (grijs)"),
            tr(
                lang,
                "nothing to roll up from",
                "er is niets om de score uit te berekenen"
            )
        ),
        ExplainStep::NothingCounts => format!(
            "{}: {}.",
            tr(lang, "No score (grey)", "Geen score (grijs)"),
            tr(
                lang,
                "none of its inputs has a current score with a weight above 0",
                "geen van de onderdelen heeft een actuele score met een gewicht boven 0"
            )
        ),
        ExplainStep::Rollup { terms, result } => {
            let parts: Vec<String> = terms
                .iter()
                .map(|(w, v)| format!("{} × {}", n(*w), explain_percent(*v, lang)))
                .collect();
            let weights: Vec<String> = terms.iter().map(|(w, _)| n(*w)).collect();
            format!(
                "{} = ({}) / ({}) = {}.",
                tr(
                    lang,
                    "score = Σ(weight × score capped to 0–100 %) / Σ weight",
                    "score = Σ(gewicht × score begrensd op 0–100 %) / Σ gewicht"
                ),
                parts.join(" + "),
                weights.join(" + "),
                opt_percent(*result, lang)
            )
        }
        ExplainStep::Calculated {
            name,
            formula,
            period,
        } => calculated_text(name, formula, period, lang),
        ExplainStep::FormulaError(e) => format!(
            "{}: {}. {}.",
            tr(
                lang,
                "The formula cannot be worked out",
                "De formule kan niet worden uitgerekend"
            ),
            e.message_in(lang),
            tr(lang, "No score (grey)", "Geen score (grijs)")
        ),
        ExplainStep::NoPeriodOver { as_of } => format!(
            "{} {}: {}.",
            tr(
                lang,
                "Calculated KPI: no period of its inputs is over on",
                "Berekende KPI: nog geen periode van de invoer is voorbij op"
            ),
            long_date(*as_of, lang),
            grey_end(lang)
        ),
        ExplainStep::NoScore => tr(lang, "No score (grey).", "Geen score (grijs).").to_string(),
        ExplainStep::SoFar(p) => {
            let head = format!(
                "{} {}",
                tr(lang, "So far in", "Tot nu toe in"),
                p.period.label(lang)
            );
            match &p.value {
                Ok(v) => format!(
                    "{head}: {} {}.",
                    n(*v),
                    tr(
                        lang,
                        "(shown, not scored until the period is over)",
                        "(getoond, pas gescoord als de periode voorbij is)"
                    )
                ),
                Err(problem) => format!(
                    "{head}: {}, {}.",
                    tr(lang, "no value", "geen waarde"),
                    problem.message_in(lang)
                ),
            }
        }
    }
}

/// "Engagement rate, March 2026 = interactions 3,201 ÷ reach 71,740 × 100 = 4.4619."
fn calculated_text(
    name: &str,
    formula: &crate::model::formula::Formula,
    p: &PeriodValue,
    lang: Lang,
) -> String {
    let body = formula.render(|key, prev| {
        let found = p.inputs.iter().find(|i| i.key == key && i.prev == prev);
        let shown = series_name(key, prev);
        match found.and_then(|i| i.value) {
            Some(v) => format!("{shown} {}", explain_number(v, lang)),
            None => format!("{shown} ({})", tr(lang, "no value", "geen waarde")),
        }
    });
    let name = if name.trim().is_empty() {
        tr(lang, "The KPI", "De KPI")
    } else {
        name.trim()
    };
    let label = p.period.label(lang);
    match &p.value {
        Ok(v) => format!("{name}, {label} = {body} = {}.", explain_number(*v, lang)),
        Err(problem) => format!(
            "{name}, {label} = {body}: {}, {}.",
            tr(lang, "no value", "geen waarde"),
            problem.message_in(lang)
        ),
    }
}

fn series_name(key: &str, prev: bool) -> String {
    if prev {
        format!("prev({key})")
    } else {
        key.to_string()
    }
}

fn series_text(i: &PeriodInput, lang: Lang) -> String {
    let name = series_name(&i.key, i.prev);
    let period = i.period.label(lang);
    match i.value {
        None if i.series_id.is_none() => format!(
            "{name}: {}",
            tr(
                lang,
                "no series has this key",
                "geen reeks heeft deze sleutel"
            )
        ),
        None => format!(
            "{name}: {} {period}",
            tr(lang, "no value in", "geen waarde in")
        ),
        Some(_) => {
            let points = match (i.points, lang) {
                (1, Lang::En) => "1 point".to_string(),
                (1, Lang::Nl) => "1 punt".to_string(),
                (k, Lang::En) => format!("{k} points"),
                (k, Lang::Nl) => format!("{k} punten"),
            };
            format!(
                "{name}: {} {} {points} in {period}",
                aggregation_name(i.aggregation, lang).to_lowercase(),
                tr(lang, "of", "van")
            )
        }
    }
}

/// What an input is, in words: `Actual (28 February 2026)`, `Baseline`, `reach: sum of 31
/// points in March 2026`, or for an item its kind and name, `KPI “Response time”`.
pub fn input_label(card: &Scorecard, input: &ExplainInput, lang: Lang) -> String {
    match &input.kind {
        InputKind::Item => match &input.item {
            Some(item) => format!(
                "{} “{}”",
                item_kind(item, lang),
                item_name(card, item, lang)
            ),
            None => input.label.clone(),
        },
        InputKind::Actual(date) => format!(
            "{} ({})",
            tr(lang, "Actual", "Actueel"),
            long_date(*date, lang)
        ),
        InputKind::ActualOfPeriod(period) => {
            format!("{} ({})", tr(lang, "Actual", "Actueel"), period.label(lang))
        }
        InputKind::Baseline => tr(lang, "Baseline", "Nulmeting").to_string(),
        InputKind::Target => tr(lang, "Target", "Doelwaarde").to_string(),
        InputKind::BandLow => tr(lang, "Band from", "Band van").to_string(),
        InputKind::BandHigh => tr(lang, "Band to", "Band tot en met").to_string(),
        InputKind::Series(i) => series_text(i, lang),
    }
}

/// An input's value in words: a score as a percentage, a KPI figure as a number, or "–"
/// when it has none.
pub fn input_value(input: &ExplainInput, lang: Lang) -> String {
    match (&input.kind, input.value) {
        (InputKind::Item, Some(v)) => explain_percent(v, lang),
        (InputKind::Item, None) => tr(lang, "no score", "geen score").to_string(),
        (_, Some(v)) => explain_number(v, lang),
        (_, None) => "–".to_string(),
    }
}

/// Why an input does or does not count, in words; empty when it counts as it is.
pub fn input_note(input: &ExplainInput, lang: Lang) -> &'static str {
    match input.why {
        InputNote::None => "",
        InputNote::Grey => tr(lang, "grey: not counted", "grijs: telt niet mee"),
        InputNote::WeightZero => tr(lang, "weight 0: not counted", "gewicht 0: telt niet mee"),
        InputNote::Capped => tr(
            lang,
            "counted as 100 % (capped)",
            "telt als 100 % (begrensd)",
        ),
        InputNote::Floored => tr(lang, "counted as 0 % (floored)", "telt als 0 % (begrensd)"),
    }
}

/// An input's weight in words, for roll-ups only (`weight 2` / `gewicht 2`); `None` for a
/// KPI's own figures.
pub fn input_weight(input: &ExplainInput, lang: Lang) -> Option<String> {
    (input.kind == InputKind::Item).then(|| {
        format!(
            "{} {}",
            tr(lang, "weight", "gewicht"),
            explain_number(input.weight, lang)
        )
    })
}
