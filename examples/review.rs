//! Prints the monthly review of a scorecard file as JSON, worked out by the app's own code
//! (`method::review_agenda`, docs/review.md):
//!
//! ```sh
//! cargo run --example review -- FILE [--period YYYY-MM] [--as-of YYYY-MM-DD]
//! ```
//!
//! `agenda`: the KPIs that need attention (red, then amber, then grey) and the rest, each
//! with its status as of the month's last day; `since_last_review`: what moved since the
//! latest review recorded for an earlier month (`null` when there is none). `--as-of` is the
//! day of the review (default today, UTC); `--period` the month reviewed (default the last
//! complete month before the as-of date). A file that cannot be read, or a bad argument, is
//! refused with a message on standard error and exit code 2.

mod common;

use std::process::ExitCode;

use smsc::method::review_agenda::{review_agenda, since_last_review};
use smsc::model::period_scores::last_complete_month;

fn main() -> ExitCode {
    common::finish(run(std::env::args().skip(1).collect()))
}

const USAGE: &str =
    "usage: cargo run --example review -- FILE [--period YYYY-MM] [--as-of YYYY-MM-DD]";

/// The JSON for `args` (the command line without the program), or the message to print.
pub fn run(args: Vec<String>) -> Result<String, String> {
    let mut file = None;
    let mut as_of = None;
    let mut period = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--as-of" => as_of = Some(common::date_option(&arg, args.next(), USAGE)?),
            "--period" => period = Some(common::month_option(&arg, args.next(), USAGE)?),
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
    let period = period.unwrap_or_else(|| last_complete_month(as_of).start);
    let report = serde_json::json!({
        "as_of": as_of,
        "agenda": review_agenda(&card, period),
        "since_last_review": since_last_review(&card, period, as_of),
    });
    serde_json::to_string_pretty(&report).map_err(|e| e.to_string())
}
