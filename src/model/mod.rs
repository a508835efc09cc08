//! The pure scorecard model: types, edit commands and their undo history, scoring,
//! validation, file format and migrations. No web dependency; compiles natively and for `wasm32-unknown-unknown`.

pub mod date;
pub mod enums;
pub mod hand_out;
pub mod ids;
pub mod kpi;
pub mod lineage;
pub mod period;
pub mod period_scores;
pub mod review;
pub mod review_figures;
pub mod scorecard;
pub mod series;
pub mod sub_objective;
pub mod text;

/// Fields a version of the app does not know, kept as they were (see `docs/file-format.md`).
pub type Extra = serde_json::Map<String, serde_json::Value>;

pub use date::{Date, DateError};
pub use enums::{ActionStatus, Direction, FactorKind, Frequency, Lang};
pub use kpi::{DEFAULT_AMBER_THRESHOLD, Kpi, Measurement, TargetChange};
pub use lineage::{Group, Lineage};
pub use period::Period;
pub use review::{Commentary, ExpectedPoint, Review};
pub use scorecard::{Factor, Factors, KpiParent, Objective, Scorecard, SubObjectiveAt};
pub use series::{Aggregation, InputPoint, InputSeries, SeriesSource};
pub use sub_objective::{Action, SubObjective};

pub mod apply;
pub use series::check_key as check_series_key;
pub mod calculate;
pub mod command;
pub mod evaluate;
pub mod expected;
pub mod explain;
pub mod extras;
pub mod file;
pub mod formula;
pub mod history;
pub mod json_path;
pub mod limits;
pub mod merge;
pub mod migrate;
pub mod pretty_json;
pub mod schema;
pub mod scoring;
pub mod validate;

/// Short name for the KPI-level scoring functions, e.g. `score::kpi_progress`.
pub use scoring as score;

pub use command::{
    ActionField, Applied, Command, CommandError, KpiField, LinkPos, MeasurementField,
    ObjectiveField, ScorecardField, SeriesField, SubObjectiveField,
};
pub use evaluate::{Evaluation, Score, ScoreRef};
pub use explain::{ExplainInput, Explanation, explain};
pub use file::{
    ImportError, ImportedFile, export_json, export_json_compact, import_file, import_json,
};
pub use scoring::{SeriesPoint, Status, kpi_progress, kpi_series, latest_measurement};
pub use validate::{Problem, validate};
