//! Prints every score of a scorecard file as JSON, worked out by the app's own model code:
//!
//! ```sh
//! cargo run --example evaluate -- FILE [--as-of YYYY-MM-DD]
//! ```
//!
//! Per KPI its value per period, progress and status; per sub-objective, factor, objective
//! and the whole scorecard the score and status (see `docs/scoring.md`). Without `--as-of`
//! the scores are as of today (UTC). A file that cannot be read is refused with the same
//! message the app gives, on standard error, and exit code 2.

use std::process::ExitCode;

use smsc::exchange::scores::score_report;
use smsc::model::{Date, import_file};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    const USAGE: &str = "usage: cargo run --example evaluate -- FILE [--as-of YYYY-MM-DD]";
    let mut file = None;
    let mut as_of = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--as-of" => {
                let text = args
                    .next()
                    .ok_or(format!("--as-of needs a date\n{USAGE}"))?;
                let date = Date::parse_iso(&text)
                    .map_err(|e| format!("--as-of {text}: {e} (write YYYY-MM-DD)"))?;
                as_of = Some(date);
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("unexpected argument: {arg}\n{USAGE}")),
        }
    }
    let path = file.ok_or(USAGE.to_string())?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let card = import_file(&text)
        .map_err(|e| format!("{path}: {e}"))?
        .scorecard;
    let as_of = match as_of {
        Some(date) => date,
        None => today()?,
    };
    serde_json::to_string_pretty(&score_report(&card, as_of)).map_err(|e| e.to_string())
}

/// Today's date (UTC).
fn today() -> Result<Date, String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?;
    let days = i64::try_from(now.as_secs() / 86_400).map_err(|e| e.to_string())?;
    let epoch = Date::from_ymd(1970, 1, 1).map_err(|e| e.to_string())?;
    Ok(epoch.add_days(days))
}
