//! Writes a generated stress scorecard file (see `smsc::method::stress`) for the benchmarks.
//!
//! ```text
//! cargo run --release --example stress_scorecard -- [--smoke] [--no-series] OUT.json
//! ```
//!
//! `--no-series` leaves out the input series and calculated KPIs (to compare with the
//! scorecard as it was before them).
//!
//! The last measurement is in the current month (UTC), so the app, which scores as of
//! today, shows real statuses rather than "no recent data"; the daily input series of the
//! calculated KPIs end on the first of that month too, so the month before is the one scored.

use smsc::method::stress::{StressSize, stress_scorecard};
use smsc::model::export_json;

fn main() {
    let mut size = StressSize::FULL;
    let mut no_series = false;
    let mut out = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--smoke" => size = StressSize::SMOKE,
            "--full" => size = StressSize::FULL,
            "--no-series" => no_series = true,
            _ if arg.starts_with("--") => fail(&format!("unknown option {arg}")),
            _ => out = Some(arg),
        }
    }
    let Some(out) = out else {
        fail("usage: stress_scorecard [--smoke|--full] [--no-series] OUT.json");
    };
    if no_series {
        size = StressSize {
            series: 0,
            calculated_kpis: 0,
            ..size
        };
    }
    let today = time::OffsetDateTime::now_utc().date();
    let card = stress_scorecard(size.ending(today.year(), u8::from(today.month())));
    let text = export_json(&card, "2026-11-01T12:00:00Z", env!("CARGO_PKG_VERSION"));
    if let Err(e) = std::fs::write(&out, &text) {
        fail(&format!("cannot write {out}: {e}"));
    }
    println!("{out}: {} bytes, {size:?}", text.len());
}

fn fail(message: &str) -> ! {
    eprintln!("stress_scorecard: {message}");
    std::process::exit(2);
}
