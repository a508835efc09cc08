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

use std::process::ExitCode;

use smsc::method::report::{Report, default_period};
use smsc::model::period_scores::month_of;
use smsc::model::{Date, Lang, import_file};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
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
                let value = args
                    .next()
                    .ok_or(format!("--period needs a month\n{USAGE}"))?;
                let first = Date::parse_iso(&format!("{value}-01")).map_err(|_| {
                    format!("--period {value}: not a month (write YYYY-MM, e.g. 2026-03)")
                })?;
                period = Some(month_of(first));
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
            "--today" => {
                let value = args
                    .next()
                    .ok_or(format!("--today needs a date\n{USAGE}"))?;
                today = Some(
                    Date::parse_iso(&value)
                        .map_err(|e| format!("--today {value}: {e} (write YYYY-MM-DD)"))?,
                );
            }
            "--text" => text = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("unexpected argument: {arg}\n{USAGE}")),
        }
    }
    let path = file.ok_or(USAGE.to_string())?;
    let content = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let card = import_file(&content)
        .map_err(|e| format!("{path}: {e}"))?
        .scorecard;
    let today = match today {
        Some(date) => date,
        None => system_today()?,
    };
    let period = period.unwrap_or_else(|| default_period(&card, today));
    let report = Report::build(&card, period, today, lang.unwrap_or(card.lang));
    if text {
        Ok(report.to_text().trim_end().to_string())
    } else {
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())
    }
}

/// Today's date (UTC).
fn system_today() -> Result<Date, String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?;
    let days = i64::try_from(now.as_secs() / 86_400).map_err(|e| e.to_string())?;
    let epoch = Date::from_ymd(1970, 1, 1).map_err(|e| e.to_string())?;
    Ok(epoch.add_days(days))
}
