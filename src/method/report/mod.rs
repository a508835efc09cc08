//! The one-page report of a period (a month): what the report page shows and what "Copy as
//! text" puts in an e-mail, worked out once from the scorecard. Pure, tested natively
//! (tests/report.rs); the page is `ui::views::report`, the command `examples/report.rs`.
//!
//! A period's scores are [`Scorecard::period_scores`]: the overall and factor scores as of
//! the month's last day against those of the month before (docs/scoring.md, section 7). The
//! KPIs listed are those red or amber on that day, red first, each in scorecard order; each
//! with its figures as the monthly review shows them ([`Scorecard::kpi_figures`]), the
//! commentary of its scored period, and the open actions of its sub-objective.

mod history_json;
mod text;
pub mod words;

use serde::Serialize;

use crate::charts::labels::target_text;
use crate::charts::trend::{ScoreHistory, score_history};
use crate::i18n::format::format_percent;
use crate::i18n::review_words::{change_text, pace_text};
use crate::i18n::words::{action_status_name, score_word, status_word};
use crate::model::period_scores::{ScoreChange, last_complete_month, month_of};
use crate::model::text::factor_label;
use crate::model::{
    ActionStatus, Date, FactorKind, Kpi, KpiParent, Lang, Period, Score, Scorecard, Status,
};

/// How many KPIs the printed page lists; the rest are counted ("and 3 more KPIs — see the
/// app"). The e-mail text lists them all.
pub const PAGE_KPI_LIMIT: usize = 6;

/// How many open actions the printed page lists under a KPI; the rest are counted.
pub const PAGE_ACTION_LIMIT: usize = 3;

/// The one-page report of one month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The language of every text in it.
    pub lang: Lang,
    /// The scorecard's title.
    pub title: String,
    /// The organisation it is for.
    pub organisation: String,
    /// The month reported on, e.g. `2026-03`.
    pub period: String,
    /// The month in words: "March 2026" / "maart 2026".
    pub period_label: String,
    /// The month's last day: every score is as of this day.
    pub as_of: Date,
    /// The month compared with, in words.
    pub previous_label: String,
    /// The day the report was made.
    pub made_on: Date,
    /// "Made on 10 April 2026".
    pub made_on_label: String,
    /// Whether any KPI has a value up to the month's end (otherwise the report says so).
    pub has_data: bool,
    /// The whole scorecard's score.
    pub overall: ScoreLine,
    /// The four factors' scores, in their fixed order.
    pub factors: Vec<ScoreLine>,
    /// The factor and overall scores at each month's end up to the period's end (the chart).
    #[serde(serialize_with = "history_json::history_json")]
    pub history: ScoreHistory,
    /// Every KPI red or amber at the month's end: red first, each in scorecard order.
    pub kpis: Vec<ReportKpi>,
    /// The review of the month, when one is recorded.
    pub review: Option<ReportReview>,
}

/// A score with its status and its change against the month before.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreLine {
    /// The factor, or `None` for the whole scorecard.
    pub factor: Option<FactorKind>,
    /// "Overall", or the factor's label.
    pub label: String,
    /// The score (0…1), `None` without data.
    pub score: Option<f64>,
    /// Its status.
    pub status: Status,
    /// The score as shown: "77.6 %", or "No data".
    pub score_text: String,
    /// The status in words: "At risk".
    pub status_word: String,
    /// The score minus the previous month's (fractions), when both have a value.
    pub change: Option<f64>,
    /// The change in points: "▲ +28.8 points", or "no earlier score".
    pub change_text: String,
}

/// A KPI that is red or amber at the month's end.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportKpi {
    /// The KPI's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Where it sits: "Customers — Involve customers…" or "Strategic objective — Loyalty".
    pub context: String,
    /// Its status (red or amber).
    pub status: Status,
    /// The status in words.
    pub status_word: String,
    /// The value scored, when there is one.
    pub value: Option<f64>,
    /// The value with its unit and period: "24 % (March 2026)".
    pub value_text: String,
    /// The target with its unit ("30 %", "95–105 %"), or "–".
    pub target_text: String,
    /// The unit.
    pub unit: String,
    /// The period scored (of the KPI's frequency), in words: "Q1 2026".
    pub period_label: String,
    /// "▲ +2 % against February 2026", when the previous period has a value.
    pub change_text: Option<String>,
    /// The value against the expected one, when the KPI has an expected path.
    pub pace_text: Option<String>,
    /// The commentary of the scored period, when written.
    pub commentary: Option<ReportCommentary>,
    /// What the list says when there is none: "No commentary for March 2026 yet."
    pub no_commentary_text: String,
    /// The open (not done) actions of its sub-objective.
    pub actions: Vec<ReportAction>,
}

impl ReportKpi {
    /// The open actions the printed page lists (at most [`PAGE_ACTION_LIMIT`], the overdue
    /// ones first) and how many more there are.
    pub fn page_actions(&self) -> (Vec<&ReportAction>, usize) {
        let mut list: Vec<&ReportAction> = self.actions.iter().collect();
        list.sort_by_key(|a| !a.overdue);
        let more = list.len().saturating_sub(PAGE_ACTION_LIMIT);
        list.truncate(PAGE_ACTION_LIMIT);
        (list, more)
    }
}

/// What the team wrote about a KPI's period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportCommentary {
    /// What happened and why.
    pub analysis: String,
    /// What we intend to do about it.
    pub action: String,
}

/// An action that is not done yet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportAction {
    /// What is done.
    pub title: String,
    /// Who does it.
    pub owner: String,
    /// When it should be done.
    pub due: Option<Date>,
    /// "due 30 April 2026", or empty without a date.
    pub due_text: String,
    /// Where it stands.
    pub status: ActionStatus,
    /// The status in words.
    pub status_word: String,
    /// Due before the day the report was made.
    pub overdue: bool,
}

/// The review recorded for the month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportReview {
    /// The day it was held.
    pub held_on: Date,
    /// "Held on 8 April 2026".
    pub held_on_label: String,
    /// Who took part, as written.
    pub participants: String,
    /// What was concluded and agreed.
    pub summary: String,
}

/// The month a report opens on: the month of a review recorded on `today` (the one the team
/// just finished), else the last month that is over.
pub fn default_period(card: &Scorecard, today: Date) -> Period {
    review_held_on(card, today).unwrap_or_else(|| last_complete_month(today))
}

/// The month of the latest review held on `day`, if any.
pub fn review_held_on(card: &Scorecard, day: Date) -> Option<Period> {
    card.reviews
        .iter()
        .rev()
        .find(|r| r.held_on == day)
        .map(|r| month_of(r.period))
}

impl Report {
    /// The report of the month containing `period`'s first day, made on `made_on`, in `lang`.
    pub fn build(card: &Scorecard, period: Period, made_on: Date, lang: Lang) -> Report {
        let scores = card.period_scores(period);
        let month = scores.period;
        let history = score_history(card, month.end, lang);
        let has_data = !history.dates.is_empty();
        let factors = scores
            .factors
            .iter()
            .map(|(kind, change)| {
                score_line(Some(*kind), factor_name(card, *kind, lang), change, lang)
            })
            .collect();
        let overall = score_line(
            None,
            crate::charts::labels::overall(lang).to_string(),
            &scores.overall,
            lang,
        );
        let mut kpis: Vec<(Status, ReportKpi)> = card
            .kpis()
            .filter_map(|(parent, kpi)| {
                let score = scores.evaluation.kpi(&kpi.id)?;
                matches!(score.status, Status::Red | Status::Amber).then(|| {
                    (
                        score.status,
                        report_kpi(card, &parent, kpi, score, month.end, made_on, lang),
                    )
                })
            })
            .collect();
        // Red first; the sort is stable, so each status keeps the scorecard's order.
        kpis.sort_by_key(|(status, _)| *status != Status::Red);
        let review = card
            .reviews
            .iter()
            .rev()
            .find(|r| month_of(r.period) == month)
            .map(|r| ReportReview {
                held_on: r.held_on,
                held_on_label: words::held_on(r.held_on, lang),
                participants: r.participants.trim().to_string(),
                summary: r.summary.trim().to_string(),
            });
        Report {
            lang,
            title: card.title.trim().to_string(),
            organisation: card.organisation.trim().to_string(),
            period: month.key(),
            period_label: month.label(lang),
            as_of: month.end,
            previous_label: scores.previous.label(lang),
            made_on,
            made_on_label: words::made_on(made_on, lang),
            has_data,
            overall,
            factors,
            history,
            kpis: kpis.into_iter().map(|(_, k)| k).collect(),
            review,
        }
    }

    /// The KPIs the printed page lists (at most [`PAGE_KPI_LIMIT`]) and how many more there
    /// are.
    pub fn page_kpis(&self) -> (&[ReportKpi], usize) {
        let shown = self.kpis.len().min(PAGE_KPI_LIMIT);
        (&self.kpis[..shown], self.kpis.len() - shown)
    }

    /// The month reported on as a period.
    pub fn month(&self) -> Period {
        month_of(self.as_of)
    }
}

/// A factor's label in the scorecard, or its default name.
fn factor_name(card: &Scorecard, kind: FactorKind, lang: Lang) -> String {
    let label = card.factor(kind).label.trim();
    if label.is_empty() {
        factor_label(kind, lang).to_string()
    } else {
        label.to_string()
    }
}

fn score_line(
    factor: Option<FactorKind>,
    label: String,
    change: &ScoreChange,
    lang: Lang,
) -> ScoreLine {
    let score = change.score;
    ScoreLine {
        factor,
        label,
        score: score.value,
        status: score.status,
        score_text: match score.value {
            Some(v) if score.status != Status::Grey => format_percent(v, lang),
            _ => score_word(&score, lang).to_string(),
        },
        status_word: score_word(&score, lang).to_string(),
        change: change.change,
        change_text: change.change.map_or_else(
            || words::no_change(lang).to_string(),
            |c| words::points_change(c, lang),
        ),
    }
}

fn report_kpi(
    card: &Scorecard,
    parent: &KpiParent,
    kpi: &Kpi,
    score: Score,
    as_of: Date,
    made_on: Date,
    lang: Lang,
) -> ReportKpi {
    let figures = card.kpi_figures(kpi, as_of);
    // The period the KPI panel writes commentary for: the scored one, else the one the day
    // falls in.
    let period = figures
        .current
        .map(|c| c.period)
        .unwrap_or_else(|| Period::containing(as_of, kpi.frequency));
    let unit = kpi.unit.trim().to_string();
    let value = figures.current.map(|c| c.value);
    let value_text = match value {
        Some(v) => format!(
            "{} ({})",
            crate::charts::labels::value_with_unit(v, &unit, lang),
            period.label(lang)
        ),
        None => crate::i18n::words::no_data(lang).to_string(),
    };
    let commentary = kpi
        .commentary
        .iter()
        .rev()
        .find(|c| c.period == period.start)
        .filter(|c| !c.analysis.trim().is_empty() || !c.action.trim().is_empty())
        .map(|c| ReportCommentary {
            analysis: c.analysis.trim().to_string(),
            action: c.action.trim().to_string(),
        });
    let (context, actions) = match parent {
        KpiParent::SubObjective(id) => match card.sub_objective(id) {
            Some((kind, sub)) => (
                format!("{} — {}", factor_name(card, kind, lang), sub.title.trim()),
                sub.actions
                    .iter()
                    .filter(|a| a.status != ActionStatus::Done)
                    .map(|a| ReportAction {
                        title: a.title.trim().to_string(),
                        owner: a.owner.trim().to_string(),
                        due: a.due,
                        due_text: a.due.map(|d| words::due(d, lang)).unwrap_or_default(),
                        status: a.status,
                        status_word: action_status_name(a.status, lang).to_string(),
                        overdue: a.due.is_some_and(|d| d < made_on),
                    })
                    .collect(),
            ),
            None => (String::new(), Vec::new()),
        },
        KpiParent::Objective(id) => (
            card.objective(id)
                .map(|o| format!("{} — {}", words::objective(lang), o.title.trim()))
                .unwrap_or_default(),
            Vec::new(),
        ),
    };
    ReportKpi {
        id: kpi.id.clone(),
        name: kpi.name.trim().to_string(),
        context,
        status: score.status,
        status_word: status_word(score.status, lang).to_string(),
        value,
        value_text,
        target_text: target_text(
            kpi.direction,
            kpi.band_low,
            kpi.band_high,
            kpi.target,
            &unit,
            lang,
        )
        .unwrap_or_else(|| "–".to_string()),
        unit: unit.clone(),
        period_label: period.label(lang),
        change_text: change_text(&figures, &unit, lang),
        pace_text: pace_text(&figures, &unit, lang),
        commentary,
        no_commentary_text: words::no_commentary(period, lang),
        actions,
    }
}
