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

mod common;

use std::process::ExitCode;

use smsc::exchange::scores::score_report;

fn main() -> ExitCode {
    common::finish(run(std::env::args().skip(1).collect()))
}

fn run(args: Vec<String>) -> Result<String, String> {
    const USAGE: &str = "usage: cargo run --example evaluate -- FILE [--as-of YYYY-MM-DD]";
    let mut file = None;
    let mut as_of = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--as-of" => as_of = Some(common::date_option(&arg, args.next(), USAGE)?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("unexpected argument: {arg}\n{USAGE}")),
        }
    }
    let path = file.ok_or(USAGE.to_string())?;
    let card = common::read_scorecard(&path)?;
    let as_of = match as_of {
        Some(date) => date,
        None => common::today()?,
    };
    serde_json::to_string_pretty(&score_report(&card, as_of)).map_err(|e| e.to_string())
}
