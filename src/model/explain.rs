//! "Explain": for any score, the formula with the real numbers and the items it came from.

use super::calculate::{Calculation, PeriodInput, PeriodValue, with_period_values};
use super::date::Date;
use super::enums::Lang;
use super::evaluate::{RollupInput, Score, ScoreRef, usable_weight};
use super::kpi::Kpi;
use super::scorecard::Scorecard;
use super::scoring::{EPSILON, ProgressCase, Status, kpi_state, progress_case};
use super::series::Aggregation;

/// One input of an explanation.
#[derive(Clone, PartialEq, Debug)]
pub struct ExplainInput {
    /// What it is, e.g. `KPI "Response time"` or `actual (2026-03-01)`.
    pub label: String,
    /// The item, when the input is itself a score.
    pub item: Option<ScoreRef>,
    /// Its value (a fraction for scores, the raw number for KPI inputs).
    pub value: Option<f64>,
    /// Its weight in the roll-up (1 for KPI inputs).
    pub weight: f64,
    /// Why it does or does not count, if that needs saying.
    pub note: String,
}

/// The explanation of one score.
#[derive(Clone, PartialEq, Debug)]
pub struct Explanation {
    /// The score explained.
    pub target: ScoreRef,
    /// The formula with the real numbers, in English.
    pub formula: String,
    /// The inputs it was computed from.
    pub inputs: Vec<ExplainInput>,
    /// The resulting score (fraction) and status.
    pub result: Score,
}

/// Formats a number compactly: at most 4 decimals, no trailing zeros.
pub fn fmt_num(value: f64) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Formats a fraction as a percentage with one decimal, e.g. `33.3 %`.
pub fn fmt_pct(fraction: f64) -> String {
    format!("{:.1} %", fraction * 100.0)
}

fn opt_pct(value: Option<f64>) -> String {
    value.map_or("no score".to_string(), fmt_pct)
}

/// Explains a score of the scorecard as of a date.
pub fn explain(card: &Scorecard, as_of: Date, target: ScoreRef) -> Explanation {
    let eval = card.evaluate(as_of);
    let result = eval.get(&target).unwrap_or(Score::GREY);
    if let ScoreRef::Kpi(id) = &target {
        return match card.kpi(id) {
            Some(kpi) => match card.calculate_as_of(kpi, as_of) {
                Some(calc) => explain_calculated(kpi, &calc, as_of, target.clone(), result),
                None => explain_kpi(kpi, as_of, target.clone(), result),
            },
            None => unknown(target, result),
        };
    }
    if eval.get(&target).is_none() {
        return unknown(target, result);
    }
    let inputs = card.rollup_inputs(&eval, &target);
    let formula = rollup_formula(&inputs, result, card.amber_threshold);
    let inputs = inputs
        .iter()
        .map(|i| ExplainInput {
            label: label_of(card, &i.item),
            item: Some(i.item.clone()),
            value: i.shown,
            weight: i.weight,
            note: input_note(i),
        })
        .collect();
    Explanation {
        target,
        formula,
        inputs,
        result,
    }
}

fn unknown(target: ScoreRef, result: Score) -> Explanation {
    Explanation {
        target,
        formula: "This item does not exist.".to_string(),
        inputs: Vec::new(),
        result,
    }
}

fn input_note(i: &RollupInput) -> String {
    if i.counted.is_none() {
        "grey: not counted".to_string()
    } else if usable_weight(i.weight) == 0.0 {
        "weight 0: not counted".to_string()
    } else if i.shown.is_some_and(|v| v > 1.0 + EPSILON) {
        "counted as 100 % (capped)".to_string()
    } else if i.shown.is_some_and(|v| v < 0.0) {
        "counted as 0 % (floored)".to_string()
    } else {
        String::new()
    }
}

fn label_of(card: &Scorecard, item: &ScoreRef) -> String {
    match item {
        ScoreRef::Kpi(id) => format!(
            "KPI \"{}\"",
            card.kpi(id).map_or(id.as_str(), |k| k.name.as_str())
        ),
        ScoreRef::SubObjective(id) => format!(
            "sub-objective \"{}\"",
            card.sub_objective(id)
                .map_or(id.as_str(), |(_, s)| s.title.as_str())
        ),
        ScoreRef::Objective(id) => format!(
            "objective \"{}\"",
            card.objective(id).map_or(id.as_str(), |o| o.title.as_str())
        ),
        ScoreRef::Factor(kind) => format!("factor \"{}\"", card.factor(*kind).label),
        ScoreRef::Overall => "the whole scorecard".to_string(),
    }
}

fn rollup_formula(inputs: &[RollupInput], result: Score, threshold: f64) -> String {
    let counting: Vec<_> = inputs.iter().filter(|i| i.counts()).collect();
    if counting.is_empty() {
        let why = if inputs.is_empty() {
            "nothing to roll up from"
        } else {
            "none of its inputs has a current score with a weight above 0"
        };
        return format!("No score (grey): {why}.");
    }
    let terms: Vec<_> = counting
        .iter()
        .map(|i| {
            format!(
                "{} × {}",
                fmt_num(usable_weight(i.weight)),
                fmt_pct(i.counted.unwrap_or(0.0))
            )
        })
        .collect();
    let weights: Vec<_> = counting
        .iter()
        .map(|i| fmt_num(usable_weight(i.weight)))
        .collect();
    format!(
        "score = Σ(weight × score capped to 0–100 %) / Σ weight = ({}) / ({}) = {}. {}",
        terms.join(" + "),
        weights.join(" + "),
        opt_pct(result.value),
        status_sentence(result, threshold)
    )
}

fn status_sentence(result: Score, threshold: f64) -> String {
    let t = fmt_pct(threshold);
    match result.status {
        Status::Green => "At least 100 %: green.".to_string(),
        Status::Amber => format!("Below 100 % but at least the amber threshold {t}: amber."),
        Status::Red => format!("Below the amber threshold {t}: red."),
        Status::Grey => "Grey.".to_string(),
    }
}

fn explain_kpi(kpi: &Kpi, as_of: Date, target: ScoreRef, result: Score) -> Explanation {
    let state = kpi_state(kpi, as_of);
    let input = |label: String, value: Option<f64>| ExplainInput {
        label,
        item: None,
        value,
        weight: 1.0,
        note: String::new(),
    };
    let mut inputs = Vec::new();
    let Some(latest) = state.latest else {
        return Explanation {
            target,
            formula: format!("No measurement on or before {as_of}: no score (grey)."),
            inputs,
            result,
        };
    };
    let actual = latest.value;
    inputs.push(input(format!("actual ({})", latest.date), Some(actual)));
    let case = progress_case(kpi, kpi.target);
    let a = fmt_num(actual);
    let body = match case {
        ProgressCase::NoTarget => {
            inputs.push(input("target".to_string(), kpi.target));
            "No target (or no band limits) set: no score (grey).".to_string()
        }
        ProgressCase::Linear { baseline, target } => {
            inputs.push(input("baseline".to_string(), Some(baseline)));
            inputs.push(input("target".to_string(), Some(target)));
            format!(
                "progress = (actual − baseline) / (target − baseline) = ({a} − {b}) / ({t} − {b}) = {p}.",
                b = fmt_num(baseline),
                t = fmt_num(target),
                p = opt_pct(state.progress)
            )
        }
        ProgressCase::MetOrNot {
            target,
            lower_is_better,
        } => {
            inputs.push(input("baseline".to_string(), kpi.baseline));
            inputs.push(input("target".to_string(), Some(target)));
            let (op, why) = if lower_is_better {
                ("≤", "lower is better")
            } else {
                ("≥", "higher is better")
            };
            let reason = if kpi.baseline.is_some() {
                "baseline equals target"
            } else {
                "no baseline"
            };
            format!(
                "With {reason} the KPI is met or not: 100 % when actual {op} target ({why}), else 0 %. Actual {a}, target {t}: {p}.",
                t = fmt_num(target),
                p = opt_pct(state.progress)
            )
        }
        ProgressCase::Band { low, high, width } => {
            inputs.push(input("band low".to_string(), low));
            inputs.push(input("band high".to_string(), high));
            let range = format!(
                "{} – {}",
                low.map_or("−∞".to_string(), fmt_num),
                high.map_or("+∞".to_string(), fmt_num)
            );
            format!(
                "Within the band {range}: 100 %; outside it progress = 1 − distance / {w}. Actual {a}: {p}.",
                w = fmt_num(width),
                p = opt_pct(state.progress)
            )
        }
    };
    let status = if state.stale {
        format!(
            " The latest measurement ({}) is {} days old on {as_of}, more than the {} days allowed for a {} KPI: grey.",
            latest.date,
            latest.date.days_until(as_of),
            kpi.frequency.max_age_days(),
            kpi.frequency.name()
        )
    } else if state.progress.is_some() {
        format!(" {}", status_sentence(result, kpi.amber_threshold))
    } else {
        String::new()
    };
    Explanation {
        target,
        formula: format!("{body}{status}"),
        inputs,
        result,
    }
}

/// Formats a number with thousands separators and at most 4 decimals, e.g. `45,600` or
/// `2.7061`.
pub fn fmt_grouped(value: f64) -> String {
    let text = fmt_num(value);
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn aggregation_words(a: Aggregation) -> &'static str {
    match a {
        Aggregation::Sum => "sum",
        Aggregation::Last => "last value",
        Aggregation::Average => "average",
        Aggregation::Min => "lowest value",
        Aggregation::Max => "highest value",
    }
}

fn input_text(i: &PeriodInput) -> String {
    let name = if i.prev {
        format!("prev({})", i.key)
    } else {
        i.key.clone()
    };
    let period = i.period.label(Lang::En);
    match i.value {
        None if i.series_id.is_none() => format!("{name}: no series has this key"),
        None => format!("{name}: no value in {period}"),
        Some(_) => {
            let of = if i.points == 1 {
                "1 point".to_string()
            } else {
                format!("{} points", i.points)
            };
            format!(
                "{name}: {} of {of} in {period}",
                aggregation_words(i.aggregation)
            )
        }
    }
}

/// "Engagement rate, March 2026 = interactions 1,234 ÷ reach 45,600 × 100 = 2.7061".
fn period_line(kpi: &Kpi, calc: &Calculation, p: &PeriodValue) -> String {
    let Ok(formula) = &calc.formula else {
        return String::new();
    };
    let body = formula.render(|key, prev| {
        let found = p.inputs.iter().find(|i| i.key == key && i.prev == prev);
        let name = if prev {
            format!("prev({key})")
        } else {
            key.to_string()
        };
        match found.and_then(|i| i.value) {
            Some(v) => format!("{name} {}", fmt_grouped(v)),
            None => format!("{name} (no value)"),
        }
    });
    let name = if kpi.name.trim().is_empty() {
        "The KPI"
    } else {
        kpi.name.trim()
    };
    let label = p.period.label(Lang::En);
    match &p.value {
        Ok(v) => format!("{name}, {label} = {body} = {}", fmt_grouped(*v)),
        Err(problem) => format!("{name}, {label} = {body}: no value, {problem}"),
    }
}

fn explain_calculated(
    kpi: &Kpi,
    calc: &Calculation,
    as_of: Date,
    target: ScoreRef,
    result: Score,
) -> Explanation {
    let grey = |formula: String, inputs: Vec<ExplainInput>| Explanation {
        target: target.clone(),
        formula,
        inputs,
        result,
    };
    if let Err(e) = &calc.formula {
        return grey(
            format!("The formula cannot be worked out: {e}. No score (grey)."),
            Vec::new(),
        );
    }
    let so_far = calc.so_far(as_of).map(|p| match &p.value {
        Ok(v) => format!(
            " So far in {}: {} (shown, not scored until the period is over).",
            p.period.label(Lang::En),
            fmt_grouped(*v)
        ),
        Err(problem) => format!(
            " So far in {}: no value, {problem}.",
            p.period.label(Lang::En)
        ),
    });
    let so_far = so_far.unwrap_or_default();
    let Some(p) = calc.scored(as_of) else {
        return grey(
            format!(
                "Calculated KPI: no period of its inputs is over on {as_of}: no score (grey).{so_far}"
            ),
            Vec::new(),
        );
    };
    let line = period_line(kpi, calc, p);
    let inputs: Vec<ExplainInput> = p
        .inputs
        .iter()
        .map(|i| ExplainInput {
            label: input_text(i),
            item: None,
            value: i.value,
            weight: 1.0,
            note: String::new(),
        })
        .collect();
    let Ok(_) = p.value else {
        return grey(format!("{line}. No score (grey).{so_far}"), inputs);
    };
    let single = Calculation {
        formula: calc.formula.clone(),
        periods: vec![p.clone()],
    };
    let scored = with_period_values(kpi, &single);
    let mut rest = explain_kpi(&scored, as_of, target, result);
    if let Some(first) = rest.inputs.first_mut() {
        first.label = format!("actual ({})", p.period.label(Lang::En));
    }
    let mut all = inputs;
    all.append(&mut rest.inputs);
    rest.inputs = all;
    rest.formula = format!("{line}. {}{so_far}", rest.formula);
    rest
}
