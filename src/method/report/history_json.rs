//! The report's chart data in its JSON (`examples/report.rs`): the month ends and one line
//! per factor and the overall score.

use serde::{Serialize, Serializer};

use crate::charts::trend::ScoreHistory;
use crate::model::{Date, FactorKind};

/// The chart's data in JSON: the month ends and one line per factor and the overall score.
pub(super) fn history_json<S: Serializer>(
    history: &ScoreHistory,
    out: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Line<'a> {
        factor: Option<FactorKind>,
        label: &'a str,
        values: &'a [Option<f64>],
    }
    #[derive(Serialize)]
    struct History<'a> {
        dates: &'a [Date],
        series: Vec<Line<'a>>,
    }
    History {
        dates: &history.dates,
        series: history
            .series
            .iter()
            .map(|s| Line {
                factor: s.factor,
                label: &s.label,
                values: &s.values,
            })
            .collect(),
    }
    .serialize(out)
}
