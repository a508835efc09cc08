//! Documented limits and the single-value checks shared by commands and validation.

/// Longest id, in characters.
pub const MAX_ID: usize = 64;
/// Longest short text (titles, names, labels, owners, units, data sources), in characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest long text (mission, descriptions, key questions, notes, reasons), in characters.
pub const MAX_LONG_TEXT: usize = 2000;
/// Most strategic objectives in a scorecard.
pub const MAX_OBJECTIVES: usize = 50;
/// Most sub-objectives in one factor.
pub const MAX_SUB_OBJECTIVES: usize = 50;
/// Most KPIs under one objective or sub-objective.
pub const MAX_KPIS: usize = 50;
/// Most actions under one sub-objective.
pub const MAX_ACTIONS: usize = 100;
/// Most measurements of one KPI.
pub const MAX_MEASUREMENTS: usize = 2000;
/// Most input series of one scorecard.
pub const MAX_SERIES: usize = 200;
/// Most points of one input series (more than 27 years of daily values).
pub const MAX_SERIES_POINTS: usize = 10_000;
/// Most remembered export columns per input series.
pub const MAX_SERIES_SOURCES: usize = 50;
/// Most target changes recorded for one KPI.
pub const MAX_TARGET_CHANGES: usize = 200;
/// Most links in one `contributes_to` or `leads_to` list.
pub const MAX_LINKS: usize = 200;
/// Most steps in a KPI's expected path.
pub const MAX_EXPECTED_PATH: usize = 120;
/// Most commentary entries of one KPI (one per period).
pub const MAX_COMMENTARY: usize = 500;
/// Most reviews kept in a scorecard.
pub const MAX_REVIEWS: usize = 500;
/// Largest weight.
pub const MAX_WEIGHT: f64 = 1000.0;
/// Largest magnitude of any KPI number (baseline, target, band limits, measurements).
pub const MAX_ABS_VALUE: f64 = 1e15;
/// Largest file accepted by the import, in bytes (16 MiB: a scorecard of 400 KPIs with ten
/// years of monthly measurements exports to about 9.4 MB of indented JSON).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Checks a short text (at most [`MAX_SHORT_TEXT`] characters).
pub fn check_short_text(text: &str) -> Result<(), String> {
    check_text(text, MAX_SHORT_TEXT)
}

/// Checks a long text (at most [`MAX_LONG_TEXT`] characters).
pub fn check_long_text(text: &str) -> Result<(), String> {
    check_text(text, MAX_LONG_TEXT)
}

fn check_text(text: &str, max: usize) -> Result<(), String> {
    // A text has at most as many characters as bytes: most need no counting.
    if text.len() <= max {
        return Ok(());
    }
    let n = text.chars().count();
    if n > max {
        Err(format!("too long: {n} characters, at most {max} allowed"))
    } else {
        Ok(())
    }
}

/// Checks an id: not empty, at most [`MAX_ID`] characters.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.chars().all(char::is_whitespace) {
        Err("must not be empty".to_string())
    } else if id.len() > MAX_ID && id.chars().count() > MAX_ID {
        Err(format!("too long: at most {MAX_ID} characters allowed"))
    } else {
        Ok(())
    }
}

/// Checks a KPI number: finite and within ±[`MAX_ABS_VALUE`].
pub fn check_value(value: f64) -> Result<(), String> {
    if !value.is_finite() {
        Err("expected a finite number".to_string())
    } else if value.abs() > MAX_ABS_VALUE {
        Err(format!("too large: at most {MAX_ABS_VALUE:e} in size"))
    } else {
        Ok(())
    }
}

/// Checks an optional KPI number.
pub fn check_opt_value(value: Option<f64>) -> Result<(), String> {
    value.map_or(Ok(()), check_value)
}

/// Checks a weight: a finite number from 0 to [`MAX_WEIGHT`].
pub fn check_weight(weight: f64) -> Result<(), String> {
    if !weight.is_finite() {
        Err("expected a finite number".to_string())
    } else if !(0.0..=MAX_WEIGHT).contains(&weight) {
        Err(format!("expected a weight from 0 to {MAX_WEIGHT}"))
    } else {
        Ok(())
    }
}

/// Checks an amber threshold: a fraction from 0 to 1 (0 % to 100 %).
pub fn check_threshold(threshold: f64) -> Result<(), String> {
    if !threshold.is_finite() {
        Err("expected a finite number".to_string())
    } else if !(0.0..=1.0).contains(&threshold) {
        Err("expected a fraction from 0 to 1 (0 % to 100 %)".to_string())
    } else {
        Ok(())
    }
}

/// Checks that a list with `len` items may grow by one.
pub fn check_room(len: usize, max: usize, what: &str) -> Result<(), String> {
    if len >= max {
        Err(format!("at most {max} {what} allowed"))
    } else {
        Ok(())
    }
}
