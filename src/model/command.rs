//! Named edit commands: the one path by which the UI, undo/redo and tests change a scorecard.
//!
//! Apply a command with [`Scorecard::apply`](super::Scorecard::apply); it returns the inverse
//! command, which restores the exact previous document.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::enums::{ActionStatus, Direction, FactorKind, Frequency, Lang};
use super::kpi::{Kpi, Measurement, TargetChange};
use super::scorecard::{KpiParent, Objective};
use super::series::{Aggregation, InputPoint, InputSeries, SeriesSource};
use super::sub_objective::{Action, SubObjective};

/// One edit of a scorecard.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    /// Sets one field of the scorecard itself.
    SetScorecardField {
        /// The field and its new value.
        field: ScorecardField,
    },
    /// Sets a factor's label and key question.
    SetFactorText {
        /// The factor.
        factor: FactorKind,
        /// New label.
        label: String,
        /// New key question.
        key_question: String,
    },
    /// Adds a strategic objective at the end.
    AddObjective {
        /// Its title.
        title: String,
    },
    /// Sets one field of an objective.
    UpdateObjective {
        /// Objective id.
        id: String,
        /// The field and its new value.
        field: ObjectiveField,
    },
    /// Removes an objective and every contribution link to it.
    RemoveObjective {
        /// Objective id.
        id: String,
    },
    /// Moves an objective to another position (clamped to the end).
    MoveObjective {
        /// Objective id.
        id: String,
        /// New index.
        to_index: usize,
    },
    /// Puts a removed objective back (used by undo).
    RestoreObjective {
        /// Its old index.
        index: usize,
        /// The whole objective.
        objective: Objective,
        /// The contribution links to restore.
        contributions: Vec<LinkPos>,
    },
    /// Adds a sub-objective at the end of a factor.
    AddSubObjective {
        /// The factor.
        factor: FactorKind,
        /// Its title.
        title: String,
    },
    /// Sets one field of a sub-objective.
    UpdateSubObjective {
        /// Sub-objective id.
        id: String,
        /// The field and its new value.
        field: SubObjectiveField,
    },
    /// Removes a sub-objective and every cause → effect link to it.
    RemoveSubObjective {
        /// Sub-objective id.
        id: String,
    },
    /// Moves a sub-objective within its factor or to another factor (index clamped to the end).
    MoveSubObjective {
        /// Sub-objective id.
        id: String,
        /// Destination factor.
        factor: FactorKind,
        /// New index.
        to_index: usize,
    },
    /// Puts a removed sub-objective back (used by undo).
    RestoreSubObjective {
        /// Its factor.
        factor: FactorKind,
        /// Its old index.
        index: usize,
        /// The whole sub-objective.
        sub_objective: SubObjective,
        /// The cause → effect links from other sub-objectives to restore.
        causes: Vec<LinkPos>,
    },
    /// Records that a sub-objective contributes to a strategic objective.
    LinkContribution {
        /// Sub-objective id.
        sub_objective: String,
        /// Objective id.
        objective: String,
        /// Position in `contributes_to` (`None` = at the end).
        #[serde(default)]
        at: Option<usize>,
    },
    /// Removes a contribution link.
    UnlinkContribution {
        /// Sub-objective id.
        sub_objective: String,
        /// Objective id.
        objective: String,
    },
    /// Records that sub-objective `cause` leads to sub-objective `effect`.
    LinkCause {
        /// The cause (its `leads_to` list gets `effect`).
        cause: String,
        /// The effect.
        effect: String,
        /// Position in `leads_to` (`None` = at the end).
        #[serde(default)]
        at: Option<usize>,
    },
    /// Removes a cause → effect link.
    UnlinkCause {
        /// The cause.
        cause: String,
        /// The effect.
        effect: String,
    },
    /// Adds a KPI at the end of an objective's or sub-objective's list.
    AddKpi {
        /// Where it goes.
        parent: KpiParent,
        /// Its name.
        name: String,
    },
    /// Sets one field of a KPI.
    UpdateKpi {
        /// KPI id.
        id: String,
        /// The field and its new value.
        field: KpiField,
    },
    /// Removes a KPI.
    RemoveKpi {
        /// KPI id.
        id: String,
    },
    /// Moves a KPI within its list or to another parent (index clamped to the end).
    MoveKpi {
        /// KPI id.
        id: String,
        /// Destination parent.
        parent: KpiParent,
        /// New index.
        to_index: usize,
    },
    /// Puts a removed KPI back (used by undo).
    RestoreKpi {
        /// Its parent.
        parent: KpiParent,
        /// Its old index.
        index: usize,
        /// The whole KPI.
        kpi: Kpi,
    },
    /// Records a measurement; it is inserted in date order.
    RecordMeasurement {
        /// KPI id.
        kpi: String,
        /// Date of the value.
        date: Date,
        /// The value.
        value: f64,
        /// Optional remark.
        #[serde(default)]
        note: String,
    },
    /// Sets one field of a measurement.
    UpdateMeasurement {
        /// Measurement id.
        id: String,
        /// The field and its new value.
        field: MeasurementField,
    },
    /// Removes a measurement.
    RemoveMeasurement {
        /// Measurement id.
        id: String,
    },
    /// Puts a removed measurement back (used by undo).
    RestoreMeasurement {
        /// KPI id.
        kpi: String,
        /// Its old index.
        index: usize,
        /// The whole measurement.
        measurement: Measurement,
    },
    /// Changes a KPI's target and appends the change to its target history.
    ChangeTarget {
        /// KPI id.
        kpi: String,
        /// From when the new target applies.
        date: Date,
        /// The new target.
        new: Option<f64>,
        /// Why.
        reason: String,
    },
    /// Appends a target change whose `old` equals the current target, and applies it.
    PushTargetChange {
        /// KPI id.
        kpi: String,
        /// The change.
        change: TargetChange,
    },
    /// Drops the last target change and sets the target back to its `old` value (used by undo).
    PopTargetChange {
        /// KPI id.
        kpi: String,
    },
    /// Adds an action at the end of a sub-objective's list.
    AddAction {
        /// Sub-objective id.
        sub_objective: String,
        /// What is done.
        title: String,
    },
    /// Sets one field of an action.
    UpdateAction {
        /// Action id.
        id: String,
        /// The field and its new value.
        field: ActionField,
    },
    /// Removes an action.
    RemoveAction {
        /// Action id.
        id: String,
    },
    /// Moves an action within its list or to another sub-objective (index clamped to the end).
    MoveAction {
        /// Action id.
        id: String,
        /// Destination sub-objective id.
        sub_objective: String,
        /// New index.
        to_index: usize,
    },
    /// Puts a removed action back (used by undo).
    RestoreAction {
        /// Sub-objective id.
        sub_objective: String,
        /// Its old index.
        index: usize,
        /// The whole action.
        action: Action,
    },
    /// Adds an input series at the end (its id is given when blank); its key must be valid and
    /// not used by another series.
    AddSeries {
        /// The series, points included.
        series: InputSeries,
    },
    /// Sets one field of an input series. Changing the key does not rewrite formulas: use
    /// [`Scorecard::rename_series`](super::Scorecard::rename_series) for that.
    UpdateSeries {
        /// Series id.
        id: String,
        /// The field and its new value.
        field: SeriesField,
    },
    /// Removes an input series (KPIs using it then have no value until it is back).
    RemoveSeries {
        /// Series id.
        id: String,
    },
    /// Puts a removed series back (used by undo).
    RestoreSeries {
        /// Its old index.
        index: usize,
        /// The whole series.
        series: InputSeries,
    },
    /// Adds points to a series, replacing the value (and note) of a date it already has.
    UpsertSeriesPoints {
        /// Series id.
        id: String,
        /// The points.
        points: Vec<InputPoint>,
    },
    /// Replaces all points of a series (used by undo).
    ReplaceSeriesPoints {
        /// Series id.
        id: String,
        /// The new points.
        points: Vec<InputPoint>,
    },
    /// Removes the points of these dates from a series.
    RemoveSeriesPoints {
        /// Series id.
        id: String,
        /// The dates.
        dates: Vec<Date>,
    },
    /// Sets the id counter (used by undo of add commands); must exceed every id number in use.
    SetNextId {
        /// The new counter value.
        next_id: u64,
    },
    /// Replaces the whole content of the scorecard (a merge of returned group files, changes
    /// taken over from a compared file), keeping its `id` and `lineage`. Refused when the
    /// new content does not pass `validate`.
    ReplaceContent {
        /// The new content.
        card: Box<super::scorecard::Scorecard>,
    },
    /// Sets the commentary of one period of a KPI (analysis and intended action); both
    /// empty removes it. A new entry goes in period order, or at `at` (used by undo).
    SetCommentary {
        /// KPI id.
        kpi: String,
        /// The first day of the period.
        period: Date,
        /// What happened and why.
        analysis: String,
        /// What we intend to do.
        action: String,
        /// Where a new entry goes (`None`: in period order).
        #[serde(default)]
        at: Option<usize>,
    },
    /// Records a review held on the scorecard, at the end (or at `at`, used by undo).
    AddReview {
        /// The review.
        review: super::review::Review,
        /// Position (`None` = at the end).
        #[serde(default)]
        at: Option<usize>,
    },
    /// Removes the review at `index`.
    RemoveReview {
        /// Its position in `reviews`.
        index: usize,
    },
    /// Several commands applied as one: all succeed or none is applied.
    Batch {
        /// The commands, in order.
        commands: Vec<Command>,
    },
}

/// A link to restore: the sub-objective whose list held it, and the position in that list.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct LinkPos {
    /// The sub-objective holding the link.
    pub from: String,
    /// The position in its list.
    pub index: usize,
}

/// A field of the scorecard itself with its new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScorecardField {
    /// Title.
    Title(String),
    /// Organisation.
    Organisation(String),
    /// Name of the medium.
    MediumName(String),
    /// Kind of medium, e.g. "Community".
    MediumKind(String),
    /// First day of the reporting period.
    PeriodStart(Option<Date>),
    /// Last day of the reporting period.
    PeriodEnd(Option<Date>),
    /// Language.
    Lang(Lang),
    /// Social media mission.
    Mission(String),
    /// Amber threshold for roll-ups (fraction).
    AmberThreshold(f64),
}

/// A field of an input series with its new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesField {
    /// The key formulas use.
    Key(String),
    /// Readable name.
    Name(String),
    /// Unit.
    Unit(String),
    /// Channel or source.
    Channel(String),
    /// Aggregation per period.
    Aggregation(Aggregation),
    /// The export columns the import remembers for this series.
    Sources(Vec<SeriesSource>),
}

/// A field of a strategic objective with its new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveField {
    /// Title.
    Title(String),
    /// Description.
    Description(String),
    /// Owner.
    Owner(String),
}

/// A field of a sub-objective with its new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubObjectiveField {
    /// Title.
    Title(String),
    /// Description.
    Description(String),
    /// Owner.
    Owner(String),
    /// Weight.
    Weight(f64),
}

/// A field of a KPI with its new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiField {
    /// Name.
    Name(String),
    /// Description.
    Description(String),
    /// Unit.
    Unit(String),
    /// Direction.
    Direction(Direction),
    /// Baseline.
    Baseline(Option<f64>),
    /// Target, without recording a target change (use `ChangeTarget` to record one).
    Target(Option<f64>),
    /// Lower band limit.
    BandLow(Option<f64>),
    /// Upper band limit.
    BandHigh(Option<f64>),
    /// Amber threshold (fraction).
    AmberThreshold(f64),
    /// Frequency.
    Frequency(Frequency),
    /// Data source.
    DataSource(String),
    /// Owner.
    Owner(String),
    /// Weight.
    Weight(f64),
    /// The formula of a calculated KPI (`None` = measured). A formula must parse; a key no
    /// series has is allowed (the KPI then has no value, with the reason).
    Formula(Option<String>),
    /// The day the baseline applies to (where the expected path starts).
    BaselineDate(Option<Date>),
    /// The day by which the target is to be reached; must come after the baseline date.
    TargetDate(Option<Date>),
    /// The expected path per period: steps in date order, one per date (empty: the line).
    ExpectedPath(Vec<super::review::ExpectedPoint>),
}

/// A field of a measurement with its new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementField {
    /// Date.
    Date(Date),
    /// Value.
    Value(f64),
    /// Note.
    Note(String),
}

/// A field of an action with its new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionField {
    /// Title.
    Title(String),
    /// Owner.
    Owner(String),
    /// Due date.
    Due(Option<Date>),
    /// Status.
    Status(ActionStatus),
    /// Note.
    Note(String),
}

/// The result of a successful command.
#[derive(Clone, PartialEq, Debug)]
pub struct Applied {
    /// The command that undoes this one exactly.
    pub inverse: Command,
    /// The id of the item the command created, if any.
    pub created_id: Option<String>,
}

/// Why a command was refused; the document is then unchanged.
#[derive(Clone, PartialEq, Debug, thiserror::Error)]
pub enum CommandError {
    /// No item of this kind has this id.
    #[error("there is no {kind} with id \"{id}\"")]
    UnknownId {
        /// Kind of item, e.g. "KPI".
        kind: &'static str,
        /// The id looked for.
        id: String,
    },
    /// A value is not allowed.
    #[error("{field}: {reason}")]
    InvalidValue {
        /// The field, e.g. "weight".
        field: String,
        /// Why, e.g. "expected a weight from 0 to 1000".
        reason: String,
    },
    /// A sub-objective cannot lead to itself.
    #[error("a sub-objective cannot be a cause of itself")]
    SelfLink,
    /// The link exists already.
    #[error("\"{from}\" is already linked to \"{to}\"")]
    AlreadyLinked {
        /// Source id.
        from: String,
        /// Target id.
        to: String,
    },
    /// The link does not exist.
    #[error("\"{from}\" is not linked to \"{to}\"")]
    NotLinked {
        /// Source id.
        from: String,
        /// Target id.
        to: String,
    },
    /// An item with this id exists already (restoring twice).
    #[error("an item with id \"{0}\" exists already")]
    DuplicateId(String),
    /// There is nothing to undo (e.g. no target change to drop).
    #[error("{0}")]
    Nothing(String),
}

impl Command {
    /// True when applying this command cannot change any score or status that
    /// [`Scorecard::evaluate`](super::Scorecard::evaluate) works out: it changes only texts
    /// (titles, names, descriptions, owners, notes, a series' name, unit or channel) or
    /// actions, which scoring does not read.
    /// The interface skips re-scoring after such an edit, so typing a name stays quick; when
    /// in doubt a command answers false.
    pub fn keeps_scores(&self) -> bool {
        match self {
            Command::SetScorecardField { field } => matches!(
                field,
                ScorecardField::Title(_)
                    | ScorecardField::Organisation(_)
                    | ScorecardField::MediumName(_)
                    | ScorecardField::MediumKind(_)
                    | ScorecardField::Mission(_)
            ),
            Command::SetFactorText { .. } | Command::SetNextId { .. } => true,
            Command::UpdateObjective { field, .. } => matches!(
                field,
                ObjectiveField::Title(_)
                    | ObjectiveField::Description(_)
                    | ObjectiveField::Owner(_)
            ),
            Command::UpdateSubObjective { field, .. } => {
                !matches!(field, SubObjectiveField::Weight(_))
            }
            Command::UpdateKpi { field, .. } => matches!(
                field,
                KpiField::Name(_)
                    | KpiField::Description(_)
                    | KpiField::Unit(_)
                    | KpiField::DataSource(_)
                    | KpiField::Owner(_)
            ),
            Command::UpdateMeasurement { field, .. } => matches!(field, MeasurementField::Note(_)),
            // Formulas read a series by its key, with its aggregation and points; its name,
            // unit and channel are only shown.
            Command::UpdateSeries { field, .. } => matches!(
                field,
                SeriesField::Name(_)
                    | SeriesField::Unit(_)
                    | SeriesField::Channel(_)
                    | SeriesField::Sources(_)
            ),
            // Commentary and reviews are read, never scored.
            Command::SetCommentary { .. }
            | Command::AddReview { .. }
            | Command::RemoveReview { .. } => true,
            Command::AddAction { .. }
            | Command::UpdateAction { .. }
            | Command::RemoveAction { .. }
            | Command::MoveAction { .. }
            | Command::RestoreAction { .. } => true,
            Command::Batch { commands } => commands.iter().all(Command::keeps_scores),
            _ => false,
        }
    }
}

impl CommandError {
    /// Shorthand for [`CommandError::InvalidValue`].
    pub fn invalid(field: &str, reason: impl Into<String>) -> CommandError {
        CommandError::InvalidValue {
            field: field.to_string(),
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Scorecard, ids};

    /// A series' name, unit and channel are only shown: editing them keeps every score of a
    /// KPI calculated from the series; its key and aggregation move scores.
    #[test]
    fn a_series_name_unit_or_channel_keeps_scores() {
        let mut card = Scorecard::new_blank("t".into(), Lang::En);
        let march = |value: f64| -> Vec<InputPoint> {
            (1..=31u8)
                .map(|day| InputPoint {
                    date: Date::from_ymd(2026, 3, day).unwrap_or_default(),
                    value: value + f64::from(day),
                    ..InputPoint::default()
                })
                .collect()
        };
        let mut series = Vec::new();
        for (key, value) in [("interactions", 10.0), ("reach", 1000.0)] {
            let applied = card
                .apply(Command::AddSeries {
                    series: InputSeries {
                        key: key.into(),
                        name: key.into(),
                        points: march(value),
                        ..InputSeries::default()
                    },
                })
                .expect("series");
            series.push(applied.created_id.expect("id"));
        }
        let so = card.alloc_id(ids::SUB_OBJECTIVE_PREFIX);
        let mut sub = SubObjective::new(so, "Engagement".into());
        let mut kpi = Kpi::new(card.alloc_id(ids::KPI_PREFIX), "Rate".into());
        kpi.formula = Some("interactions / reach * 100".into());
        kpi.target = Some(3.0);
        let kpi_id = kpi.id.clone();
        sub.kpis.push(kpi);
        card.factor_mut(FactorKind::Customers)
            .sub_objectives
            .push(sub);
        let as_of = Date::from_ymd(2026, 4, 10).unwrap_or_default();
        let scores = card.evaluate(as_of);
        assert!(
            scores.kpi(&kpi_id).and_then(|s| s.value).is_some(),
            "not a test"
        );
        let id = series[1].clone();
        let update = |field| Command::UpdateSeries {
            id: id.clone(),
            field,
        };
        for field in [
            SeriesField::Name("Reach on Instagram".into()),
            SeriesField::Unit("people".into()),
            SeriesField::Channel("Instagram".into()),
        ] {
            let cmd = update(field);
            assert!(cmd.keeps_scores(), "{cmd:?}");
            let mut edited = card.clone();
            edited.apply(cmd.clone()).expect("applies");
            assert_ne!(edited, card, "{cmd:?} changed nothing: not a test");
            assert_eq!(edited.evaluate(as_of), scores, "{cmd:?}");
        }
        for field in [
            SeriesField::Key("audience".into()),
            SeriesField::Aggregation(Aggregation::Max),
        ] {
            let cmd = update(field);
            assert!(!cmd.keeps_scores(), "{cmd:?}");
            let mut edited = card.clone();
            edited.apply(cmd).expect("applies");
            assert_ne!(edited.evaluate(as_of), scores);
        }
    }
}
