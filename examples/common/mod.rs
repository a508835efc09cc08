//! What the native commands share: how they end (the JSON on standard output, or the message
//! on standard error and exit code 2), their date and month options, today's date and reading
//! a scorecard file with the app's own messages. Each command uses only some of it.
#![allow(dead_code)]

use std::process::ExitCode;

use smsc::model::{Date, Scorecard, import_json};

/// Prints `result`'s text on standard output (success) or its message on standard error
/// (exit code 2).
pub fn finish(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// The date given to `flag` (`--as-of 2026-03-31`), or why it cannot be used.
pub fn date_option(flag: &str, value: Option<String>, usage: &str) -> Result<Date, String> {
    let text = value.ok_or(format!("{flag} needs a date\n{usage}"))?;
    Date::parse_iso(&text).map_err(|e| format!("{flag} {text}: {e} (write YYYY-MM-DD)"))
}

/// The first day of the month given to `flag` (`--period 2026-03`), or why it cannot be used.
pub fn month_option(flag: &str, value: Option<String>, usage: &str) -> Result<Date, String> {
    let text = value.ok_or(format!("{flag} needs a month\n{usage}"))?;
    Date::parse_iso(&format!("{text}-01"))
        .map_err(|_| format!("{flag} {text}: not a month (write YYYY-MM, e.g. 2026-03)"))
}

/// Today's date (UTC).
pub fn today() -> Result<Date, String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?;
    let days = i64::try_from(now.as_secs() / 86_400).map_err(|e| e.to_string())?;
    let epoch = Date::from_ymd(1970, 1, 1).map_err(|e| e.to_string())?;
    Ok(epoch.add_days(days))
}

/// Reads the scorecard file at `path`, with the app's message (after the path) when it cannot.
pub fn read_scorecard(path: &str) -> Result<Scorecard, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    import_json(&text).map_err(|e| format!("{path}: {e}"))
}
