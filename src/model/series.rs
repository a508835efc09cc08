//! Input series: the raw counts a calculated KPI is computed from (interactions, reach,
//! followers, …), owned by the scorecard so that one series can feed several KPIs.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Extra;
use super::date::Date;
use super::formula::is_valid_key;

/// How a series' points within one period become the period's value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The total of the period's points: counts such as interactions, reach, clicks.
    #[default]
    Sum,
    /// The point with the latest date in the period: stocks such as followers or members.
    Last,
    /// The mean of the period's points: levels such as a daily satisfaction score.
    Average,
    /// The smallest point of the period.
    Min,
    /// The largest point of the period.
    Max,
}

impl Aggregation {
    /// All aggregations, in the order the form offers them.
    pub const ALL: [Aggregation; 5] = [
        Aggregation::Sum,
        Aggregation::Last,
        Aggregation::Average,
        Aggregation::Min,
        Aggregation::Max,
    ];

    /// The name used in files, e.g. `sum`.
    pub fn key(self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::Last => "last",
            Aggregation::Average => "average",
            Aggregation::Min => "min",
            Aggregation::Max => "max",
        }
    }
}

/// An input series: a named, dated list of raw values.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct InputSeries {
    /// Stable id, e.g. `ser-12`.
    pub id: String,
    /// The short name formulas use, e.g. `interactions` (see `formula::is_valid_key`).
    pub key: String,
    /// Readable name, e.g. "Interactions on Instagram posts".
    pub name: String,
    /// Unit of the values, e.g. "interactions" or "€".
    pub unit: String,
    /// Where the figures come from, e.g. "Instagram" or "LinkedIn page".
    pub channel: String,
    /// How the points of one period become the period's value.
    pub aggregation: Aggregation,
    /// The values, at most one per date, kept in date order.
    pub points: Vec<InputPoint>,
    /// The columns of platform exports that fill this series, remembered by the import so
    /// that next month's file maps itself (at most one series per column). Optional in
    /// files (absent means none).
    pub sources: Vec<SeriesSource>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

impl Default for InputSeries {
    fn default() -> Self {
        InputSeries {
            id: String::new(),
            key: String::new(),
            name: String::new(),
            unit: String::new(),
            channel: String::new(),
            aggregation: Aggregation::Sum,
            points: Vec::new(),
            sources: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl InputSeries {
    /// The point on `date`, if any.
    pub fn point(&self, date: Date) -> Option<&InputPoint> {
        self.points.iter().find(|p| p.date == date)
    }

    /// Puts the points in date order, and of two on one date keeps the one listed last
    /// (what a file written by hand with a repeated date most likely means).
    pub fn normalise_points(&mut self) {
        let mut points = std::mem::take(&mut self.points);
        // Stable sort: of equal dates the later one in the list stays later.
        points.sort_by_key(|p| p.date);
        let mut kept: Vec<InputPoint> = Vec::with_capacity(points.len());
        for p in points {
            match kept.last_mut() {
                Some(last) if last.date == p.date => *last = p,
                _ => kept.push(p),
            }
        }
        self.points = kept;
    }
}

/// One column of a platform export that fills a series, e.g. the column "Impressions" of
/// LinkedIn's content export.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct SeriesSource {
    /// Which platform made the export, e.g. `linkedin`, `facebook`, `instagram`, `tiktok`,
    /// `x`, `youtube`, `google_analytics` or `other`.
    pub platform: String,
    /// The column's header (or a one-metric file's title) as the file writes it; the import
    /// compares it without case and with runs of spaces as one.
    pub column: String,
}

/// One value of an input series: for a day, or for a longer stretch dated by its first day.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct InputPoint {
    /// The date the value belongs to.
    pub date: Date,
    /// The value.
    pub value: f64,
    /// Optional remark, e.g. "campaign day".
    #[serde(default)]
    pub note: String,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten, skip_deserializing)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// Checks a series key: valid in formulas.
pub fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() {
        Err("must not be empty".to_string())
    } else if key.chars().count() > 40 {
        Err("too long: at most 40 characters allowed".to_string())
    } else if !is_valid_key(key) {
        Err(format!(
            "'{key}' cannot be used in formulas: start with a letter (a–z), then letters, digits or _, and not 'prev'"
        ))
    } else {
        Ok(())
    }
}
