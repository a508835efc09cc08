//! The small closed vocabularies of the method: language, factor kind, KPI direction,
//! measurement frequency and action status.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language of a scorecard's default texts.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The language code, `en` or `nl`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}

/// The four fixed factors (quadrants) of the scorecard.
#[derive(
    Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// What are we going to do with customers?
    Customers,
    /// What are the financial aspects?
    Financial,
    /// What must we do organisationally?
    Organisation,
    /// What must happen to the medium itself?
    Medium,
}

impl FactorKind {
    /// The four factors in their fixed order.
    pub const ALL: [FactorKind; 4] = [
        FactorKind::Customers,
        FactorKind::Financial,
        FactorKind::Organisation,
        FactorKind::Medium,
    ];

    /// The field name used in files and paths, e.g. `medium`.
    pub fn key(self) -> &'static str {
        match self {
            FactorKind::Customers => "customers",
            FactorKind::Financial => "financial",
            FactorKind::Organisation => "organisation",
            FactorKind::Medium => "medium",
        }
    }
}

/// Which way a KPI should move.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher values are better (e.g. members).
    #[default]
    HigherIsBetter,
    /// Lower values are better (e.g. response time).
    LowerIsBetter,
    /// The value should stay between the band limits (e.g. budget 95–105 %).
    WithinBand,
}

/// How often a KPI is measured; decides when its latest measurement is too old.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    #[default]
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every year.
    Yearly,
}

impl Frequency {
    /// All frequencies, shortest first.
    pub const ALL: [Frequency; 5] = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Yearly,
    ];

    /// The lower-case English name, e.g. `monthly`.
    pub fn name(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
        }
    }

    /// The longest period in days, without grace.
    pub fn period_days(self) -> i64 {
        match self {
            Frequency::Daily => 1,
            Frequency::Weekly => 7,
            Frequency::Monthly => 31,
            Frequency::Quarterly => 92,
            Frequency::Yearly => 366,
        }
    }

    /// The grace in days allowed on top of the period before data counts as stale.
    pub fn grace_days(self) -> i64 {
        match self {
            Frequency::Daily => 1,
            Frequency::Weekly => 3,
            Frequency::Monthly | Frequency::Quarterly | Frequency::Yearly => 14,
        }
    }

    /// The oldest a latest measurement may be (in days before "as of") and still count:
    /// period plus grace (2, 10, 45, 106 and 380 days).
    pub fn max_age_days(self) -> i64 {
        self.period_days() + self.grace_days()
    }
}

/// Where an action stands.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started yet.
    #[default]
    NotStarted,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Cannot proceed.
    Blocked,
}

impl ActionStatus {
    /// All statuses in workflow order.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Blocked,
    ];
}
