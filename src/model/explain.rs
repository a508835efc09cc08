//! "Explain": for any score, the formula with the real numbers and the items it came from.

use super::calculate::{Calculation, PeriodInput, PeriodValue, with_period_values};
use super::date::Date;
use super::enums::{Frequency, Lang};
use super::evaluate::{RollupInput, Score, ScoreRef, usable_weight};
use super::formula::{Formula, FormulaError};
use super::kpi::Kpi;
use super::period::Period;
use super::scorecard::Scorecard;
use super::scoring::{EPSILON, ProgressCase, Status, kpi_state, progress_case};
use super::series::Aggregation;

/// What an input of an explanation is, so that a higher layer can word it in any language
/// (`ExplainInput::label` is the English).
#[derive(Clone, PartialEq, Debug)]
pub enum InputKind {
    /// A score it is rolled up from (`ExplainInput::item` says which).
    Item,
    /// The KPI's latest measurement, of this date.
    Actual(Date),
    /// A calculated KPI's value of this period.
    ActualOfPeriod(Period),
    /// The KPI's baseline.
    Baseline,
    /// The KPI's target.
    Target,
    /// The lower limit of a band KPI.
    BandLow,
    /// The upper limit of a band KPI.
    BandHigh,
    /// An input series of a calculated KPI's formula, aggregated over a period.
    Series(PeriodInput),
}

/// Why an input of a roll-up does or does not count, when that needs saying.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InputNote {
    /// Nothing to say: it counts as it is.
    None,
    /// Grey (no score, or out of date): not counted.
    Grey,
    /// Weight 0: shown, not counted.
    WeightZero,
    /// Above 100 %: counted as 100 %.
    Capped,
    /// Below 0 %: counted as 0 %.
    Floored,
}

/// One sentence of an explanation, with its numbers, for wording in any language. The
/// English of all steps together is `Explanation::formula`.
#[derive(Clone, PartialEq, Debug)]
pub enum ExplainStep {
    /// The item does not exist.
    Unknown,
    /// A KPI without a measurement on or before `as_of`: no score.
    NoMeasurement {
        /// The date scored.
        as_of: Date,
    },
    /// A KPI without a target (or a band KPI without limits): no score.
    NoTarget,
    /// `(actual − baseline) / (target − baseline) = progress`.
    Linear {
        /// The latest value.
        actual: f64,
        /// The baseline.
        baseline: f64,
        /// The target.
        target: f64,
        /// The progress (a fraction).
        progress: Option<f64>,
    },
    /// No baseline, or baseline equals target: met (100 %) or not (0 %).
    MetOrNot {
        /// The latest value.
        actual: f64,
        /// The target.
        target: f64,
        /// Lower is better (else higher is better).
        lower_is_better: bool,
        /// A baseline is given (and equals the target); else there is none.
        has_baseline: bool,
        /// The progress (a fraction).
        progress: Option<f64>,
    },
    /// A band KPI: 100 % within the band, falling off outside it.
    Band {
        /// The latest value.
        actual: f64,
        /// The lower limit, if any.
        low: Option<f64>,
        /// The upper limit, if any.
        high: Option<f64>,
        /// The distance at which the score reaches 0.
        width: f64,
        /// The progress (a fraction).
        progress: Option<f64>,
    },
    /// How the score gives the status.
    Status {
        /// The status.
        status: Status,
        /// The amber threshold used (a fraction).
        threshold: f64,
    },
    /// The latest measurement is too old: grey.
    TooOld {
        /// The measurement's date.
        date: Date,
        /// Its age in days on `as_of`.
        days: i64,
        /// The age the frequency allows.
        allowed: i64,
        /// The KPI's frequency.
        frequency: Frequency,
        /// The date scored.
        as_of: Date,
    },
    /// A roll-up with nothing to roll up from: grey.
    NothingToRollUp,
    /// A roll-up none of whose inputs counts: grey.
    NothingCounts,
    /// `Σ(weight × capped score) / Σ weight = result`.
    Rollup {
        /// The counted inputs' (weight, capped score) pairs.
        terms: Vec<(f64, f64)>,
        /// The result (a fraction).
        result: Option<f64>,
    },
    /// A calculated KPI's value of one period: the formula over the period's inputs.
    Calculated {
        /// The KPI's name (may be empty).
        name: String,
        /// The formula.
        formula: Formula,
        /// The period, its inputs and its value (or why it has none).
        period: PeriodValue,
    },
    /// A calculated KPI whose formula cannot be worked out: grey.
    FormulaError(FormulaError),
    /// A calculated KPI with no period over yet on `as_of`: grey.
    NoPeriodOver {
        /// The date scored.
        as_of: Date,
    },
    /// No score (grey), after a step that says why.
    NoScore,
    /// The unfinished period's value, shown but not scored.
    SoFar(PeriodValue),
}

/// One input of an explanation.
#[derive(Clone, PartialEq, Debug)]
pub struct ExplainInput {
    /// What it is, e.g. `KPI "Response time"` or `actual (2026-03-01)`.
    pub label: String,
    /// What it is, for wording in any language.
    pub kind: InputKind,
    /// The item, when the input is itself a score.
    pub item: Option<ScoreRef>,
    /// Its value (a fraction for scores, the raw number for KPI inputs).
    pub value: Option<f64>,
    /// Its weight in the roll-up (1 for KPI inputs).
    pub weight: f64,
    /// Why it does or does not count, if that needs saying.
    pub note: String,
    /// The same, for wording in any language.
    pub why: InputNote,
}

/// The explanation of one score.
#[derive(Clone, PartialEq, Debug)]
pub struct Explanation {
    /// The score explained.
    pub target: ScoreRef,
    /// The formula with the real numbers, in English.
    pub formula: String,
    /// The same sentences with their numbers, for wording in any language.
    pub steps: Vec<ExplainStep>,
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
    let (formula, steps) = rollup_formula(&inputs, result, card.amber_threshold);
    let inputs = inputs
        .iter()
        .map(|i| {
            let why = input_note(i);
            ExplainInput {
                label: label_of(card, &i.item),
                kind: InputKind::Item,
                item: Some(i.item.clone()),
                value: i.shown,
                weight: i.weight,
                note: note_text(why).to_string(),
                why,
            }
        })
        .collect();
    Explanation {
        target,
        formula,
        steps,
        inputs,
        result,
    }
}

fn unknown(target: ScoreRef, result: Score) -> Explanation {
    Explanation {
        target,
        formula: "This item does not exist.".to_string(),
        steps: vec![ExplainStep::Unknown],
        inputs: Vec::new(),
        result,
    }
}

fn input_note(i: &RollupInput) -> InputNote {
    if i.counted.is_none() {
        InputNote::Grey
    } else if usable_weight(i.weight) == 0.0 {
        InputNote::WeightZero
    } else if i.shown.is_some_and(|v| v > 1.0 + EPSILON) {
        InputNote::Capped
    } else if i.shown.is_some_and(|v| v < 0.0) {
        InputNote::Floored
    } else {
        InputNote::None
    }
}

fn note_text(note: InputNote) -> &'static str {
    match note {
        InputNote::None => "",
        InputNote::Grey => "grey: not counted",
        InputNote::WeightZero => "weight 0: not counted",
        InputNote::Capped => "counted as 100 % (capped)",
        InputNote::Floored => "counted as 0 % (floored)",
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

fn rollup_formula(
    inputs: &[RollupInput],
    result: Score,
    threshold: f64,
) -> (String, Vec<ExplainStep>) {
    let counting: Vec<_> = inputs.iter().filter(|i| i.counts()).collect();
    if counting.is_empty() {
        let (why, step) = if inputs.is_empty() {
            ("nothing to roll up from", ExplainStep::NothingToRollUp)
        } else {
            (
                "none of its inputs has a current score with a weight above 0",
                ExplainStep::NothingCounts,
            )
        };
        return (format!("No score (grey): {why}."), vec![step]);
    }
    let pairs: Vec<(f64, f64)> = counting
        .iter()
        .map(|i| (usable_weight(i.weight), i.counted.unwrap_or(0.0)))
        .collect();
    let terms: Vec<_> = pairs
        .iter()
        .map(|(w, v)| format!("{} × {}", fmt_num(*w), fmt_pct(*v)))
        .collect();
    let weights: Vec<_> = pairs.iter().map(|(w, _)| fmt_num(*w)).collect();
    let text = format!(
        "score = Σ(weight × score capped to 0–100 %) / Σ weight = ({}) / ({}) = {}. {}",
        terms.join(" + "),
        weights.join(" + "),
        opt_pct(result.value),
        status_sentence(result, threshold)
    );
    let steps = vec![
        ExplainStep::Rollup {
            terms: pairs,
            result: result.value,
        },
        ExplainStep::Status {
            status: result.status,
            threshold,
        },
    ];
    (text, steps)
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
    let input = |label: &str, kind: InputKind, value: Option<f64>| ExplainInput {
        label: label.to_string(),
        kind,
        item: None,
        value,
        weight: 1.0,
        note: String::new(),
        why: InputNote::None,
    };
    let mut inputs = Vec::new();
    let Some(latest) = state.latest else {
        return Explanation {
            target,
            formula: format!("No measurement on or before {as_of}: no score (grey)."),
            steps: vec![ExplainStep::NoMeasurement { as_of }],
            inputs,
            result,
        };
    };
    let actual = latest.value;
    inputs.push(input(
        &format!("actual ({})", latest.date),
        InputKind::Actual(latest.date),
        Some(actual),
    ));
    let case = progress_case(kpi, kpi.target);
    let a = fmt_num(actual);
    let progress = state.progress;
    let (body, step) = match case {
        ProgressCase::NoTarget => {
            inputs.push(input("target", InputKind::Target, kpi.target));
            (
                "No target (or no band limits) set: no score (grey).".to_string(),
                ExplainStep::NoTarget,
            )
        }
        ProgressCase::Linear { baseline, target } => {
            inputs.push(input("baseline", InputKind::Baseline, Some(baseline)));
            inputs.push(input("target", InputKind::Target, Some(target)));
            (
                format!(
                    "progress = (actual − baseline) / (target − baseline) = ({a} − {b}) / ({t} − {b}) = {p}.",
                    b = fmt_num(baseline),
                    t = fmt_num(target),
                    p = opt_pct(progress)
                ),
                ExplainStep::Linear {
                    actual,
                    baseline,
                    target,
                    progress,
                },
            )
        }
        ProgressCase::MetOrNot {
            target,
            lower_is_better,
        } => {
            inputs.push(input("baseline", InputKind::Baseline, kpi.baseline));
            inputs.push(input("target", InputKind::Target, Some(target)));
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
            (
                format!(
                    "With {reason} the KPI is met or not: 100 % when actual {op} target ({why}), else 0 %. Actual {a}, target {t}: {p}.",
                    t = fmt_num(target),
                    p = opt_pct(progress)
                ),
                ExplainStep::MetOrNot {
                    actual,
                    target,
                    lower_is_better,
                    has_baseline: kpi.baseline.is_some(),
                    progress,
                },
            )
        }
        ProgressCase::Band { low, high, width } => {
            inputs.push(input("band low", InputKind::BandLow, low));
            inputs.push(input("band high", InputKind::BandHigh, high));
            let range = format!(
                "{} – {}",
                low.map_or("−∞".to_string(), fmt_num),
                high.map_or("+∞".to_string(), fmt_num)
            );
            (
                format!(
                    "Within the band {range}: 100 %; outside it progress = 1 − distance / {w}. Actual {a}: {p}.",
                    w = fmt_num(width),
                    p = opt_pct(progress)
                ),
                ExplainStep::Band {
                    actual,
                    low,
                    high,
                    width,
                    progress,
                },
            )
        }
    };
    let mut steps = vec![step];
    let status = if state.stale {
        let days = latest.date.days_until(as_of);
        let allowed = kpi.frequency.max_age_days();
        steps.push(ExplainStep::TooOld {
            date: latest.date,
            days,
            allowed,
            frequency: kpi.frequency,
            as_of,
        });
        format!(
            " The latest measurement ({}) is {days} days old on {as_of}, more than the {allowed} days allowed for a {} KPI: grey.",
            latest.date,
            kpi.frequency.name()
        )
    } else if progress.is_some() {
        steps.push(ExplainStep::Status {
            status: result.status,
            threshold: kpi.amber_threshold,
        });
        format!(" {}", status_sentence(result, kpi.amber_threshold))
    } else {
        String::new()
    };
    Explanation {
        target,
        formula: format!("{body}{status}"),
        steps,
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
    let grey = |formula: String, steps: Vec<ExplainStep>, inputs: Vec<ExplainInput>| Explanation {
        target: target.clone(),
        formula,
        steps,
        inputs,
        result,
    };
    let formula_used = match &calc.formula {
        Ok(f) => f.clone(),
        Err(e) => {
            return grey(
                format!("The formula cannot be worked out: {e}. No score (grey)."),
                vec![ExplainStep::FormulaError(e.clone())],
                Vec::new(),
            );
        }
    };
    let so_far_period = calc.so_far(as_of);
    let so_far = so_far_period.map(|p| match &p.value {
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
    let so_far_step = so_far_period.map(|p| ExplainStep::SoFar(p.clone()));
    let Some(p) = calc.scored(as_of) else {
        let mut steps = vec![ExplainStep::NoPeriodOver { as_of }];
        steps.extend(so_far_step);
        return grey(
            format!(
                "Calculated KPI: no period of its inputs is over on {as_of}: no score (grey).{so_far}"
            ),
            steps,
            Vec::new(),
        );
    };
    let line = period_line(kpi, calc, p);
    let calculated = ExplainStep::Calculated {
        name: kpi.name.trim().to_string(),
        formula: formula_used,
        period: p.clone(),
    };
    let inputs: Vec<ExplainInput> = p
        .inputs
        .iter()
        .map(|i| ExplainInput {
            label: input_text(i),
            kind: InputKind::Series(i.clone()),
            item: None,
            value: i.value,
            weight: 1.0,
            note: String::new(),
            why: InputNote::None,
        })
        .collect();
    let Ok(_) = p.value else {
        let mut steps = vec![calculated, ExplainStep::NoScore];
        steps.extend(so_far_step);
        return grey(format!("{line}. No score (grey).{so_far}"), steps, inputs);
    };
    let single = Calculation {
        formula: calc.formula.clone(),
        periods: vec![p.clone()],
    };
    let scored = with_period_values(kpi, &single);
    let mut rest = explain_kpi(&scored, as_of, target, result);
    if let Some(first) = rest.inputs.first_mut() {
        first.label = format!("actual ({})", p.period.label(Lang::En));
        first.kind = InputKind::ActualOfPeriod(p.period);
    }
    let mut all = inputs;
    all.append(&mut rest.inputs);
    rest.inputs = all;
    rest.formula = format!("{line}. {}{so_far}", rest.formula);
    let mut steps = vec![calculated];
    steps.append(&mut rest.steps);
    steps.extend(so_far_step);
    rest.steps = steps;
    rest
}
