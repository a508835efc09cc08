//! Prints the one-page report of a month of a scorecard file, worked out by the app's own
//! model code (`smsc::method::report`):
//!
//! ```sh
//! cargo run --example report -- FILE [--period YYYY-MM] [--lang en|nl] [--text] [--today YYYY-MM-DD]
//! ```
//!
//! As JSON by default, or with `--text` as the plain text the app's "Copy as text" gives.
//! Without `--period` the report is of the month the app opens it on: the month of a review
//! held today, else the last month that is over. `--lang` picks the language of the texts
//! (default: the scorecard's own); `--today` the day it is made on (default: today, UTC). A
//! file that cannot be read, or a bad option, is refused with a message on standard error and
//! exit code 2.

mod common;

use std::process::ExitCode;

use smsc::method::report::{Report, default_period};
use smsc::model::Lang;
use smsc::model::period_scores::month_of;

fn main() -> ExitCode {
    common::finish(run(std::env::args().skip(1).collect()))
}

const USAGE: &str = "usage: cargo run --example report -- FILE [--period YYYY-MM] [--lang en|nl] [--text] [--today YYYY-MM-DD]";

/// What the command prints for its arguments, or the message it refuses them with.
pub fn run(args: Vec<String>) -> Result<String, String> {
    let mut file = None;
    let (mut period, mut lang, mut text, mut today) = (None, None, false, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--period" => {
                period = Some(month_of(common::month_option(&arg, args.next(), USAGE)?));
            }
            "--lang" => {
                let value = args
                    .next()
                    .ok_or(format!("--lang needs en or nl\n{USAGE}"))?;
                lang = Some(match value.to_ascii_lowercase().as_str() {
                    "en" => Lang::En,
                    "nl" => Lang::Nl,
                    _ => return Err(format!("--lang {value}: write en or nl")),
                });
            }
            "--today" => today = Some(common::date_option(&arg, args.next(), USAGE)?),
            "--text" => text = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("unexpected argument: {arg}\n{USAGE}")),
        }
    }
    let path = file.ok_or(USAGE.to_string())?;
    let card = common::read_scorecard(&path)?;
    let today = match today {
        Some(date) => date,
        None => common::today()?,
    };
    let period = period.unwrap_or_else(|| default_period(&card, today));
    let report = Report::build(&card, period, today, lang.unwrap_or(card.lang));
    if text {
        Ok(report.to_text().trim_end().to_string())
    } else {
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())
    }
}
