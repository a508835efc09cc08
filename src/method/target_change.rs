//! Changing a KPI's target: whether the KPI form asks "a correction or a new target?", the
//! date a new target applies from unless the user picks another, and the one command each
//! answer makes. Pure: tested natively (`tests/target_change.rs`).
//!
//! A **correction** says the old target was wrong: it is replaced (`KpiField::Target`), also
//! for the periods already scored, and no history is kept. A **new target** applies from a
//! date on (`Command::ChangeTarget`): the periods before keep the target they had, the
//! change is listed with its reason. Its default date is the first day of the period of the
//! KPI's frequency that "today" falls in, so the current period — its value so far and its
//! value once it is over — is judged against one target, never two (`docs/scoring.md`,
//! section 4).

use crate::i18n::dates::short_date;
use crate::i18n::tr;
use crate::model::{Command, Date, Frequency, Kpi, KpiField, Lang, Period, Scorecard};

/// What committing a value into a KPI's target field does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TargetEdit {
    /// The value is the target already: nothing happens.
    Unchanged,
    /// The target is set at once, without a question: the KPI has no target yet and no
    /// values (no measurements; for a calculated KPI, no period with figures), so nothing
    /// was ever judged against a target.
    Set,
    /// The form asks whether it is a correction or a new target from a date.
    Ask,
}

/// Whether `kpi` of `card` has any value: a measurement, or for a calculated KPI a period
/// with figures in the series its formula reads.
pub fn has_values(card: &Scorecard, kpi: &Kpi) -> bool {
    if kpi.is_calculated() {
        card.calculate(kpi).is_some_and(|c| !c.periods.is_empty())
    } else {
        !kpi.measurements.is_empty()
    }
}

/// What committing `new` into the target field of `kpi` (of `card`) does.
pub fn target_edit(card: &Scorecard, kpi: &Kpi, new: Option<f64>) -> TargetEdit {
    if same_target(kpi.target, new) {
        TargetEdit::Unchanged
    } else if kpi.target.is_none() && !has_values(card, kpi) {
        TargetEdit::Set
    } else {
        TargetEdit::Ask
    }
}

fn same_target(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        (None, None) => true,
        _ => false,
    }
}

/// The date of the KPI's latest recorded target change, if any.
pub fn last_change_date(kpi: &Kpi) -> Option<Date> {
    kpi.target_history.iter().map(|c| c.date).max()
}

/// The date a new target applies from unless the user picks another: the first day of the
/// period of the KPI's frequency that `today` falls in (the day itself for a daily KPI, the
/// Monday of an ISO week, the first of the month, quarter or year), but never before the
/// KPI's latest recorded change.
pub fn default_change_date(kpi: &Kpi, today: Date) -> Date {
    let start = Period::containing(today, kpi.frequency).start;
    match last_change_date(kpi) {
        Some(last) if last > start && last <= today => last,
        _ => start,
    }
}

/// Why the suggested date is what it is, for under the date field: e.g. "1 Apr 2026, the
/// first day of April 2026: the whole month is judged against one target. Periods already
/// over keep their target."
pub fn default_date_hint(kpi: &Kpi, today: Date, lang: Lang) -> String {
    let period = Period::containing(today, kpi.frequency);
    let date = short_date(period.start, lang);
    let label = period.label(lang);
    let keep = tr(
        lang,
        "Periods already over keep the target they had.",
        "Perioden die al voorbij zijn houden hun doelwaarde.",
    );
    let whole = match (kpi.frequency, lang) {
        (Frequency::Daily, Lang::En) => {
            return format!("Suggested: today, {date}. {keep}");
        }
        (Frequency::Daily, Lang::Nl) => {
            return format!("Voorgesteld: vandaag, {date}. {keep}");
        }
        (Frequency::Weekly, Lang::En) => "the whole week",
        (Frequency::Weekly, Lang::Nl) => "de hele week",
        (Frequency::Monthly, Lang::En) => "the whole month",
        (Frequency::Monthly, Lang::Nl) => "de hele maand",
        (Frequency::Quarterly, Lang::En) => "the whole quarter",
        (Frequency::Quarterly, Lang::Nl) => "het hele kwartaal",
        (Frequency::Yearly, Lang::En) => "the whole year",
        (Frequency::Yearly, Lang::Nl) => "het hele jaar",
    };
    match lang {
        Lang::En => format!(
            "Suggested: {date}, the first day of {label}, so {whole} is judged against one target. {keep}"
        ),
        Lang::Nl => format!(
            "Voorgesteld: {date}, de eerste dag van {label}, zodat {whole} aan één doelwaarde wordt gemeten. {keep}"
        ),
    }
}

/// The user's answer to "a correction or a new target?".
#[derive(Clone, PartialEq, Debug)]
pub enum TargetAnswer {
    /// The old target was wrong: replace it, keep no history.
    Correction,
    /// A new target from `date` on, for `reason`.
    NewTarget {
        /// From when the new target applies.
        date: Date,
        /// Why the target changes (required).
        reason: String,
    },
}

/// Why a new target cannot be recorded as given.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum TargetProblem {
    /// No reason given.
    NoReason,
    /// The date is before the KPI's latest recorded change (that date).
    BeforeLastChange(Date),
    /// The date is after "today" (that date): the scores use the new target at once.
    AfterToday(Date),
}

impl TargetProblem {
    /// The problem in words, for the dialog.
    pub fn message_in(&self, lang: Lang) -> String {
        match (self, lang) {
            (TargetProblem::NoReason, _) => tr(
                lang,
                "Give the reason for the new target: it is kept with the change.",
                "Geef de reden van de nieuwe doelwaarde: die wordt bij de wijziging bewaard.",
            )
            .to_string(),
            (TargetProblem::BeforeLastChange(d), Lang::En) => format!(
                "The date can't be before the last target change, {}.",
                short_date(*d, lang)
            ),
            (TargetProblem::BeforeLastChange(d), Lang::Nl) => format!(
                "De datum kan niet vóór de laatste wijziging van de doelwaarde liggen, {}.",
                short_date(*d, lang)
            ),
            (TargetProblem::AfterToday(d), Lang::En) => format!(
                "The date can't be after {}: the scores use the new target from now on.",
                short_date(*d, lang)
            ),
            (TargetProblem::AfterToday(d), Lang::Nl) => format!(
                "De datum kan niet na {} liggen: de scores gebruiken de nieuwe doelwaarde vanaf nu.",
                short_date(*d, lang)
            ),
        }
    }
}

/// A correction of the target of `kpi` to `new`. Without recorded changes it just sets the
/// target (`KpiField::Target`). When the latest recorded change is the one in force now, the
/// wrong value is that change's new target: it is corrected there too (the change taken off
/// and put back with `new`, one batch), so the charts and the periods after that date use
/// the corrected target and the history gets no new row.
fn correction(kpi: &Kpi, new: Option<f64>) -> Command {
    let set = Command::UpdateKpi {
        id: kpi.id.clone(),
        field: KpiField::Target(new),
    };
    let Some(last) = kpi.target_history.last() else {
        return set;
    };
    if last_change_date(kpi) != Some(last.date) {
        return set;
    }
    let mut corrected = last.clone();
    corrected.new = new;
    Command::Batch {
        commands: vec![
            Command::PopTargetChange {
                kpi: kpi.id.clone(),
            },
            Command::PushTargetChange {
                kpi: kpi.id.clone(),
                change: corrected,
            },
        ],
    }
}

/// The one command (one undo step) that sets the target of `kpi` to `new` as `answer` says,
/// with `today` the latest date a new target may start; or why it cannot.
pub fn target_command(
    kpi: &Kpi,
    new: Option<f64>,
    answer: TargetAnswer,
    today: Date,
) -> Result<Command, TargetProblem> {
    match answer {
        TargetAnswer::Correction => Ok(correction(kpi, new)),
        TargetAnswer::NewTarget { date, reason } => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(TargetProblem::NoReason);
            }
            if let Some(last) = last_change_date(kpi).filter(|last| date < *last) {
                return Err(TargetProblem::BeforeLastChange(last));
            }
            if date > today {
                return Err(TargetProblem::AfterToday(today));
            }
            Ok(Command::ChangeTarget {
                kpi: kpi.id.clone(),
                date,
                new,
                reason: reason.to_string(),
            })
        }
    }
}
