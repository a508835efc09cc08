//! The report as plain text for an e-mail ("Copy as text"): headings underlined, one KPI per
//! paragraph, every KPI listed (the page itself stops at a few).

use crate::i18n::words::status_icon;
use crate::model::Lang;

use super::{Report, ReportKpi, ScoreLine, words};

impl Report {
    /// The whole report as plain text, in the report's language.
    pub fn to_text(&self) -> String {
        let lang = self.lang;
        let mut out = String::new();
        let title = match (self.title.is_empty(), self.organisation.is_empty()) {
            (false, false) => format!("{} — {}", self.title, self.organisation),
            (false, true) => self.title.clone(),
            (true, false) => self.organisation.clone(),
            (true, true) => words::report_kind(lang).to_string(),
        };
        out.push_str(&title);
        out.push('\n');
        out.push_str(&format!(
            "{}: {} ({})\n",
            words::report_kind(lang),
            self.period_label,
            self.made_on_label
        ));
        let month = self.month();
        let previous = month.previous().unwrap_or(month);
        heading(&mut out, &words::scores_heading(month, previous, lang));
        if !self.has_data {
            out.push_str(&words::no_data(month, lang));
            out.push('\n');
        }
        out.push_str(&score_text(&self.overall));
        for line in &self.factors {
            out.push_str(&score_text(line));
        }
        heading(&mut out, words::kpis_heading(lang));
        if self.kpis.is_empty() {
            out.push_str(&words::no_kpis(month, lang));
            out.push('\n');
        }
        for (i, kpi) in self.kpis.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&kpi_text(kpi, lang));
        }
        heading(&mut out, &words::review_heading(month, lang));
        match &self.review {
            Some(review) => {
                out.push_str(&review.held_on_label);
                if !review.participants.is_empty() {
                    out.push_str(&format!(
                        " — {}: {}",
                        words::participants(lang),
                        review.participants
                    ));
                }
                out.push('\n');
                if !review.summary.is_empty() {
                    out.push_str(&format!("{}: {}\n", words::summary(lang), review.summary));
                }
            }
            None => {
                out.push_str(&words::no_review(month, lang));
                out.push('\n');
            }
        }
        out
    }
}

/// A heading after a blank line, underlined.
fn heading(out: &mut String, text: &str) {
    out.push('\n');
    out.push_str(text);
    out.push('\n');
    out.push_str(&"=".repeat(text.chars().count()));
    out.push('\n');
}

/// "Customers: 43.8 % — Off target (▲ +17.5 points)".
fn score_text(line: &ScoreLine) -> String {
    if line.score_text == line.status_word {
        format!(
            "{}: {} ({})\n",
            line.label, line.score_text, line.change_text
        )
    } else {
        format!(
            "{}: {} — {} ({})\n",
            line.label, line.score_text, line.status_word, line.change_text
        )
    }
}

/// One KPI's paragraph.
fn kpi_text(kpi: &ReportKpi, lang: Lang) -> String {
    let mut out = format!(
        "{} {} — {}\n",
        status_icon(kpi.status),
        kpi.name,
        kpi.status_word
    );
    if !kpi.context.is_empty() {
        out.push_str(&format!("{}\n", kpi.context));
    }
    out.push_str(&format!(
        "{}: {}; {}: {}\n",
        words::value(lang),
        kpi.value_text,
        words::target(lang),
        kpi.target_text
    ));
    for line in [&kpi.change_text, &kpi.pace_text].into_iter().flatten() {
        out.push_str(line);
        out.push('\n');
    }
    match &kpi.commentary {
        Some(c) => {
            if !c.analysis.is_empty() {
                out.push_str(&format!("{}: {}\n", words::analysis(lang), c.analysis));
            }
            if !c.action.is_empty() {
                out.push_str(&format!("{}: {}\n", words::intended(lang), c.action));
            }
        }
        None => {
            out.push_str(&kpi.no_commentary_text);
            out.push('\n');
        }
    }
    if !kpi.actions.is_empty() {
        out.push_str(&format!("{}:\n", words::open_actions(lang)));
        for a in &kpi.actions {
            let mut details: Vec<String> = Vec::new();
            if !a.owner.is_empty() {
                details.push(a.owner.clone());
            }
            if !a.due_text.is_empty() {
                details.push(a.due_text.clone());
            }
            details.push(a.status_word.clone());
            if a.overdue {
                details.push(words::overdue(lang).to_uppercase());
            }
            out.push_str(&format!("- {} ({})\n", a.title, details.join(", ")));
        }
    }
    out
}
