//! Merges scorecard files returned by workshop groups into the file they were handed out
//! from, with the app's own model code, and prints a summary as JSON:
//!
//! ```sh
//! cargo run --example merge -- BASE FILE…
//! ```
//!
//! BASE is both the base of the three-way merge and ours (the facilitator's scorecard). Per
//! FILE: how many items it added, fields it changed and items it deleted; then what the merge
//! adjusted itself (`merge`), every conflict with its path, the base's value and each file's
//! value (`null` with `"deleted": true` when that file deleted the item), and the size of the
//! merged scorecard (conflicts keep the base's value). The rules are in `docs/merge.md`. A
//! file that cannot be read, is not a scorecard or is named twice is refused with the reason
//! on standard error, and exit code 2.

mod common;

use std::process::ExitCode;

use serde_json::{Value, json};
use smsc::model::merge::{ChangeKind, MERGE, Merge, Side, merge};

fn main() -> ExitCode {
    common::finish(run(std::env::args().skip(1).collect()))
}

fn run(args: Vec<String>) -> Result<String, String> {
    const USAGE: &str = "usage: cargo run --example merge -- BASE FILE…";
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Err(USAGE.to_string());
    }
    if let Some(flag) = args.iter().find(|a| a.starts_with("--")) {
        return Err(format!("unexpected argument: {flag}\n{USAGE}"));
    }
    let [base_path, files @ ..] = args.as_slice() else {
        return Err(USAGE.to_string());
    };
    if files.is_empty() {
        return Err(format!(
            "name at least one file to merge into {base_path}\n{USAGE}"
        ));
    }
    for (i, file) in files.iter().enumerate() {
        if files[..i].contains(file) {
            return Err(format!(
                "{file}: named twice; each returned file is merged once"
            ));
        }
    }
    let base = common::read_scorecard(base_path)?;
    let cards = files
        .iter()
        .map(|f| common::read_scorecard(f))
        .collect::<Result<Vec<_>, _>>()?;
    let sides: Vec<Side> = files
        .iter()
        .zip(&cards)
        .map(|(name, card)| Side { name, card })
        .collect();
    let merged = merge(&base, &base, &sides);
    serde_json::to_string_pretty(&summary(base_path, files, &merged)).map_err(|e| e.to_string())
}

fn summary(base: &str, files: &[String], m: &Merge) -> Value {
    let counts = |side: &str| {
        json!({
            "added": m.count(side, ChangeKind::Added),
            "changed": m.count(side, ChangeKind::Changed),
            "deleted": m.count(side, ChangeKind::Deleted),
        })
    };
    let per_file: Vec<Value> = files
        .iter()
        .map(|f| {
            let mut v = counts(f);
            v["file"] = json!(f);
            v
        })
        .collect();
    let adjusted: Vec<Value> = m
        .changes
        .iter()
        .filter(|c| c.side == MERGE)
        .map(|c| json!({ "kind": c.kind, "path": c.path, "old": c.old, "new": c.new }))
        .collect();
    let conflicts: Vec<Value> = m
        .conflicts
        .iter()
        .map(|c| {
            let values: Vec<Value> = c
                .values
                .iter()
                .map(|(file, value)| json!({ "file": file, "value": value, "deleted": value.is_none() }))
                .collect();
            json!({
                "path": c.path,
                "item": c.item,
                "field": c.field,
                "base": c.base,
                "values": values,
            })
        })
        .collect();
    let card = &m.result;
    json!({
        "base": base,
        "files": per_file,
        "merge": adjusted,
        "conflicts": conflicts,
        "result": {
            "objectives": card.objectives.len(),
            "sub_objectives": card.sub_objectives().count(),
            "kpis": card.kpis().count(),
            "series": card.series.len(),
            "next_id": card.next_id,
        },
    })
}
