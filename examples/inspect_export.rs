//! Prints, as JSON, what the app's platform-export reader finds in each file — the same code
//! the import will use:
//!
//! ```sh
//! cargo run --example inspect_export -- FILE… [--export-date YYYY-MM-DD] [--points]
//!     [--date-order day-first|month-first]
//! ```
//!
//! Per file: the platform, the kind of export, the rows read, per metric the proposed series
//! key, name and aggregation, its number of points and first and last date (and the points
//! themselves with `--points`), every problem row with its line, and the notes (for example
//! how a year was inferred). `--export-date` is the day the files were downloaded (default
//! today, UTC); dates without a year are read against it. When nothing in a file's dates
//! decides the order of day and month, its `date_question` shows a few cells read both ways
//! (the question the app asks); `--date-order` reads the files in the order given, as the
//! app does once the question is answered. Problems and notes are printed in English. A file
//! that cannot be read is reported with the reason; the exit code is 2 when any file could
//! not be read.

mod common;

use std::process::ExitCode;

use serde_json::{Value, json};
use smsc::exchange::platforms::{DateOrder, ExportFile, ReadOptions, read_export_with};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok((json, all_read)) => {
            println!("{json}");
            if all_read {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(String, bool), String> {
    const USAGE: &str = "usage: cargo run --example inspect_export -- FILE… [--export-date \
                         YYYY-MM-DD] [--points] [--date-order day-first|month-first]";
    let mut files = Vec::new();
    let mut export_date = None;
    let mut date_order = None;
    let mut points = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--export-date" => {
                export_date = Some(common::date_option(&arg, args.next(), USAGE)?);
            }
            "--date-order" => {
                let text = args.next().ok_or(format!(
                    "--date-order needs day-first or month-first\n{USAGE}"
                ))?;
                date_order = Some(match text.as_str() {
                    "day-first" => DateOrder::DayFirst,
                    "month-first" => DateOrder::MonthFirst,
                    _ => {
                        return Err(format!(
                            "--date-order {text}: write day-first or month-first\n{USAGE}"
                        ));
                    }
                });
            }
            "--points" => points = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if !arg.starts_with("--") => files.push(arg),
            _ => return Err(format!("unexpected argument: {arg}\n{USAGE}")),
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_string());
    }
    let options = ReadOptions {
        export_date: match export_date {
            Some(date) => date,
            None => common::today()?,
        },
        date_order,
    };
    let mut all_read = true;
    let mut out = Vec::new();
    for path in files {
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        let entry = match std::fs::read(&path) {
            Err(e) => {
                all_read = false;
                json!({ "file": path, "error": e.to_string() })
            }
            Ok(bytes) => match read_export_with(&name, &bytes, &options) {
                Ok(file) => summary(&path, &file, points),
                Err(e) => {
                    all_read = false;
                    json!({ "file": path, "error": e })
                }
            },
        };
        out.push(entry);
    }
    let json = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
    Ok((json, all_read))
}

/// One file's report: everything but the points, unless asked for.
fn summary(path: &str, file: &ExportFile, points: bool) -> Value {
    let metrics: Vec<Value> = file
        .metrics
        .iter()
        .map(|m| {
            let mut v = json!({
                "header": m.header,
                "key": m.key,
                "name": m.name,
                "aggregation": m.aggregation,
                "points": m.points.len(),
                "first": m.points.first().map(|p| p.0),
                "last": m.points.last().map(|p| p.0),
            });
            if points {
                v["values"] = json!(m.points);
            }
            v
        })
        .collect();
    let mut out = json!({
        "file": path,
        "platform": file.platform,
        "platform_name": file.platform.name(),
        "kind": file.kind,
        "rows": file.rows,
        "metrics": metrics,
        "problems": file.problems,
        "notes": file.notes,
    });
    if let Some(question) = &file.date_question {
        out["date_question"] = json!(question);
    }
    out
}
