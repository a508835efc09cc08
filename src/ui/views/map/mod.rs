//! The Social Media Strategy Map (`#map`) and its connectors.

pub mod connectors;
pub mod strategy_map;
