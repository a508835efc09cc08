//! What the method asks of a scorecard: the coach's hints, the guided workshop's steps, the
//! one rule for what a KPI still lacks (`kpi_rules`, shared by both), the library of common
//! social media KPIs to pick from (`kpi_library`), and the scorecards to start from (the
//! article's example, a blank one, the stress scorecard for benchmarks).
//! Pure: tested natively.

pub mod coach;
pub mod example_dates;
pub mod kpi_library;
pub mod kpi_rules;
pub mod report;
pub mod review_agenda;
pub mod stress;
pub mod target_change;
pub mod templates;
pub mod workshop;
