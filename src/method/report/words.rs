//! The one-page report's headings and small sentences in English and Dutch: one place for the
//! page in the app and for the text copied into an e-mail.

use crate::i18n::dates::long_date;
use crate::i18n::format::format_number;
use crate::i18n::tr;
use crate::model::{Date, Lang, Period};

/// "One-page report" / "Rapport op één pagina".
pub fn report_kind(lang: Lang) -> &'static str {
    tr(lang, "One-page report", "Rapport op één pagina")
}

/// "Made on 10 April 2026" / "Gemaakt op 10 april 2026".
pub fn made_on(date: Date, lang: Lang) -> String {
    let day = long_date(date, lang);
    match lang {
        Lang::En => format!("Made on {day}"),
        Lang::Nl => format!("Gemaakt op {day}"),
    }
}

/// "Scores at the end of March 2026, against February 2026".
pub fn scores_heading(period: Period, previous: Period, lang: Lang) -> String {
    let (now, before) = (period.label(lang), previous.label(lang));
    match lang {
        Lang::En => format!("Scores at the end of {now}, against {before}"),
        Lang::Nl => format!("Scores eind {now}, ten opzichte van {before}"),
    }
}

/// "Scores over time" / "Scores in de tijd".
pub fn history_heading(lang: Lang) -> &'static str {
    tr(lang, "Scores over time", "Scores in de tijd")
}

/// "KPIs off target or at risk" / "KPI's uit koers of met risico".
pub fn kpis_heading(lang: Lang) -> &'static str {
    tr(
        lang,
        "KPIs off target or at risk",
        "KPI's uit koers of met risico",
    )
}

/// What the KPI list says when it is empty.
pub fn no_kpis(period: Period, lang: Lang) -> String {
    let label = period.label(lang);
    match lang {
        Lang::En => format!("No KPI is off target or at risk at the end of {label}."),
        Lang::Nl => format!("Geen enkele KPI staat eind {label} uit koers of op risico."),
    }
}

/// What the report says when no KPI has a value up to the period's end.
pub fn no_data(period: Period, lang: Lang) -> String {
    let end = long_date(period.end, lang);
    match lang {
        Lang::En => format!(
            "No KPI has a value up to {end} yet: enter measurements and this report fills itself."
        ),
        Lang::Nl => format!(
            "Nog geen enkele KPI heeft een waarde tot en met {end}: vul metingen in en dit rapport vult zich vanzelf."
        ),
    }
}

/// "Review of March 2026" / "Review van maart 2026".
pub fn review_heading(period: Period, lang: Lang) -> String {
    let label = period.label(lang);
    match lang {
        Lang::En => format!("Review of {label}"),
        Lang::Nl => format!("Review van {label}"),
    }
}

/// What the review part says when no review of the period is recorded.
pub fn no_review(period: Period, lang: Lang) -> String {
    let label = period.label(lang);
    match lang {
        Lang::En => format!("No review of {label} recorded yet."),
        Lang::Nl => format!("Nog geen review van {label} vastgelegd."),
    }
}

/// "Held on 8 April 2026" / "Gehouden op 8 april 2026".
pub fn held_on(date: Date, lang: Lang) -> String {
    let day = long_date(date, lang);
    match lang {
        Lang::En => format!("Held on {day}"),
        Lang::Nl => format!("Gehouden op {day}"),
    }
}

/// "Participants" / "Deelnemers".
pub fn participants(lang: Lang) -> &'static str {
    tr(lang, "Participants", "Deelnemers")
}

/// "Summary" / "Samenvatting".
pub fn summary(lang: Lang) -> &'static str {
    tr(lang, "Summary", "Samenvatting")
}

/// "Value" / "Waarde".
pub fn value(lang: Lang) -> &'static str {
    tr(lang, "Value", "Waarde")
}

/// "Target" / "Streefwaarde".
pub fn target(lang: Lang) -> &'static str {
    tr(lang, "Target", "Streefwaarde")
}

/// "Analysis" / "Analyse".
pub fn analysis(lang: Lang) -> &'static str {
    tr(lang, "Analysis", "Analyse")
}

/// "What we do" / "Wat we doen": the commentary's action.
pub fn intended(lang: Lang) -> &'static str {
    tr(lang, "What we do", "Wat we doen")
}

/// What a KPI without commentary for its period says.
pub fn no_commentary(period: Period, lang: Lang) -> String {
    let label = period.label(lang);
    match lang {
        Lang::En => format!("No commentary for {label} yet."),
        Lang::Nl => format!("Nog geen commentaar voor {label}."),
    }
}

/// "Open actions" / "Openstaande acties".
pub fn open_actions(lang: Lang) -> &'static str {
    tr(lang, "Open actions", "Openstaande acties")
}

/// "overdue" / "te laat".
pub fn overdue(lang: Lang) -> &'static str {
    tr(lang, "overdue", "te laat")
}

/// "due 30 April 2026" / "deadline 30 april 2026".
pub fn due(date: Date, lang: Lang) -> String {
    let day = long_date(date, lang);
    match lang {
        Lang::En => format!("due {day}"),
        Lang::Nl => format!("deadline {day}"),
    }
}

/// "Strategic objective" / "Strategische doelstelling": where an objective's own KPI sits.
pub fn objective(lang: Lang) -> &'static str {
    tr(lang, "Strategic objective", "Strategische doelstelling")
}

/// "and 3 more KPIs — see the app" / "en nog 3 KPI's — zie de app".
pub fn more_kpis(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::En, 1) => "and 1 more KPI — see the app".to_string(),
        (Lang::En, n) => format!("and {n} more KPIs — see the app"),
        (Lang::Nl, 1) => "en nog 1 KPI — zie de app".to_string(),
        (Lang::Nl, n) => format!("en nog {n} KPI's — zie de app"),
    }
}

/// "and 2 more actions" / "en nog 2 acties".
pub fn more_actions(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::En, 1) => "and 1 more action".to_string(),
        (Lang::En, n) => format!("and {n} more actions"),
        (Lang::Nl, 1) => "en nog 1 actie".to_string(),
        (Lang::Nl, n) => format!("en nog {n} acties"),
    }
}

/// A change of a score (difference of two fractions) in points: "▲ +28.8 points",
/// "▼ −3 points", "= 0 points".
pub fn points_change(change: f64, lang: Lang) -> String {
    let points = (change * 1000.0).round() / 10.0;
    let (arrow, sign) = if points > 0.0 {
        ("▲", "+")
    } else if points < 0.0 {
        ("▼", "−")
    } else {
        ("=", "")
    };
    let amount = format_number(points.abs(), lang);
    let unit = match (lang, points.abs() == 1.0) {
        (Lang::En, true) => "point",
        (Lang::En, false) => "points",
        (Lang::Nl, true) => "punt",
        (Lang::Nl, false) => "punten",
    };
    format!("{arrow} {sign}{amount} {unit}")
}

/// What a score without a previous value to compare with shows instead of a change.
pub fn no_change(lang: Lang) -> &'static str {
    tr(lang, "no earlier score", "geen eerdere score")
}
