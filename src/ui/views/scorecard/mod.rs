//! The scorecard view (`#scorecard`): the mission and objectives band over the four factor
//! quadrants.

pub mod card_store;
pub mod quadrant;
pub mod strategy_band;
