//! Review mode's sentences (`#review`, docs/review.md): the agenda's counts, the step
//! counter, and the lines of "since the last review" (status changes, target changes,
//! actions done or overdue). Plain values in, so any layer above can word its own data.

use crate::model::{Date, Lang, Period, Status};

use super::dates::long_date;
use super::format::format_number;
use super::tr;
use super::words::status_word_lower;

/// A value with its unit, `–` when there is none: `1,200`, `24 %`, `3.5 hours`.
fn with_unit(value: Option<f64>, unit: &str, lang: Lang) -> String {
    let Some(value) = value else {
        return tr(lang, "none", "geen").to_string();
    };
    let number = format_number(value, lang);
    match unit.trim() {
        "" => number,
        "%" => format!("{number} %"),
        unit => format!("{number} {unit}"),
    }
}

/// "1 KPI" / "3 KPIs" (the same in Dutch: "1 KPI" / "3 KPI's").
fn kpis(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (1, _) => "1 KPI".to_string(),
        (n, Lang::En) => format!("{n} KPIs"),
        (n, Lang::Nl) => format!("{n} KPI's"),
    }
}

/// "2 off target, 3 at risk, 1 without data" (the statuses as the badges word them).
pub fn counts_text(red: usize, amber: usize, grey: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{red} off target, {amber} at risk, {grey} without data"),
        Lang::Nl => format!("{red} uit koers, {amber} met risico, {grey} zonder data"),
    }
}

/// "6 KPIs need attention" / "Nothing needs attention: every KPI is on target."
pub fn attention_text(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (0, _) => tr(
            lang,
            "Nothing needs attention: every KPI is on target.",
            "Niets vraagt aandacht: elke KPI ligt op koers.",
        )
        .to_string(),
        (1, Lang::En) => "1 KPI needs attention.".to_string(),
        (1, Lang::Nl) => "1 KPI vraagt aandacht.".to_string(),
        (n, Lang::En) => format!("{} need attention.", kpis(n, lang)),
        (n, Lang::Nl) => format!("{} vragen aandacht.", kpis(n, lang)),
    }
}

/// "3 of 7" / "3 van 7".
pub fn progress_text(step: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{step} of {total}"),
        Lang::Nl => format!("{step} van {total}"),
    }
}

/// "Also review the 3 KPIs on target" / "Ook de 3 KPI's op koers bespreken".
pub fn show_rest_text(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Also review the {} on target", kpis(n, lang)),
        Lang::Nl => format!("Ook de {} op koers bespreken", kpis(n, lang)),
    }
}

/// "Since the last review (March 2026, held on 10 April 2026)".
pub fn since_heading(period: Date, held_on: Date, lang: Lang) -> String {
    let month = Period::containing(period, crate::model::Frequency::Monthly).label(lang);
    let day = long_date(held_on, lang);
    match lang {
        Lang::En => format!("Since the last review ({month}, held on {day})"),
        Lang::Nl => format!("Sinds de vorige bespreking ({month}, gehouden op {day})"),
    }
}

/// "Reach: at risk → off target".
pub fn status_change_text(name: &str, from: Status, to: Status, lang: Lang) -> String {
    format!(
        "{name}: {} → {}",
        status_word_lower(from, lang),
        status_word_lower(to, lang)
    )
}

/// "Members: target 1,000 → 1,200 from 2 May 2026 (new campaign)".
pub fn target_change_text(
    name: &str,
    unit: &str,
    old: Option<f64>,
    new: Option<f64>,
    date: Date,
    reason: &str,
    lang: Lang,
) -> String {
    let (old, new) = (with_unit(old, unit, lang), with_unit(new, unit, lang));
    let day = long_date(date, lang);
    let line = match lang {
        Lang::En => format!("{name}: target {old} → {new} from {day}"),
        Lang::Nl => format!("{name}: streefwaarde {old} → {new} vanaf {day}"),
    };
    match reason.trim() {
        "" => line,
        reason => format!("{line} ({reason})"),
    }
}

/// "Launch the FAQ (Sanne) — due 15 April 2026" (owner and due date when known).
pub fn action_text(title: &str, owner: &str, due: Option<Date>, lang: Lang) -> String {
    let mut line = title.to_string();
    if !owner.trim().is_empty() {
        line.push_str(&format!(" ({})", owner.trim()));
    }
    if let Some(due) = due {
        line.push_str(&match lang {
            Lang::En => format!(" — due {}", long_date(due, lang)),
            Lang::Nl => format!(" — deadline {}", long_date(due, lang)),
        });
    }
    line
}

/// The recorded-review line: "March 2026 — held on 10 April 2026".
pub fn review_line(period: Date, held_on: Date, lang: Lang) -> String {
    let month = Period::containing(period, crate::model::Frequency::Monthly).label(lang);
    let day = long_date(held_on, lang);
    match lang {
        Lang::En => format!("{month} — held on {day}"),
        Lang::Nl => format!("{month} — gehouden op {day}"),
    }
}
