//! What the dialog shows, worked out from the files and the open scorecard: the proposal per
//! metric, the user's choices over it, and the plan (counts, blockers, the one command).

use std::collections::{HashMap, HashSet};

use crate::exchange::platform_import::{
    ImportPlan, Proposal, Target, WrongMetric, plan, propose, unique_key,
};
use crate::exchange::platforms::ExportFile;
use crate::model::Scorecard;
use crate::ui::session::platform_import::LoadedExport;

/// The dialog's preview.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Preview {
    /// The ids of the files that were read, in order (the plan's file indexes).
    pub read: Vec<u64>,
    /// Per read file: the proposal per metric.
    pub proposals: HashMap<u64, Vec<Proposal>>,
    /// Per read file: the target per metric (the user's choice, else the proposal).
    pub targets: HashMap<u64, Vec<Target>>,
    /// Per read file and metric: the "new series" choice offered (a key not in use).
    pub new_options: HashMap<(u64, usize), Target>,
    /// Per read file: the warning that it does not hold the chosen series' metric.
    pub warnings: HashMap<u64, WrongMetric>,
    /// What applying would do.
    pub plan: ImportPlan,
}

impl Preview {
    /// The plan's column for metric `metric` of file `id`.
    pub fn column(
        &self,
        id: u64,
        metric: usize,
    ) -> Option<&crate::exchange::platform_import::ColumnPlan> {
        let file = self.read.iter().position(|f| *f == id)?;
        self.plan
            .columns
            .iter()
            .find(|c| c.file == file && c.metric == metric)
    }
}

/// Works out the preview of `files` against `card`, started from the series `chosen`.
pub fn preview(card: &Scorecard, files: &[LoadedExport], chosen: Option<&str>) -> Preview {
    let read: Vec<(&LoadedExport, &ExportFile)> = files
        .iter()
        .filter_map(|f| f.result.as_ref().ok().map(|r| (f, r)))
        .collect();
    let exports: Vec<&ExportFile> = read.iter().map(|(_, r)| *r).collect();
    let (proposals, warnings) = propose(card, &exports, chosen);
    let mut out = Preview {
        read: read.iter().map(|(f, _)| f.id).collect(),
        ..Preview::default()
    };
    let mut used: HashSet<String> = card.series.iter().map(|s| s.key.clone()).collect();
    for row in &proposals {
        for p in row {
            if let Target::New { key, .. } = &p.target {
                used.insert(key.clone());
            }
        }
    }
    let mut targets = Vec::with_capacity(read.len());
    for (((loaded, export), row), warning) in read.iter().zip(proposals).zip(warnings) {
        let id = loaded.id;
        let chosen_targets: Vec<Target> = row
            .iter()
            .enumerate()
            .map(|(i, p)| {
                loaded
                    .edits
                    .get(i)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| p.target.clone())
            })
            .collect();
        for (i, (metric, p)) in export.metrics.iter().zip(&row).enumerate() {
            let option = match &p.target {
                Target::New { .. } => p.target.clone(),
                _ => {
                    let key = unique_key(&metric.key, &used);
                    used.insert(key.clone());
                    Target::New {
                        key,
                        name: metric.name.clone(),
                        aggregation: metric.aggregation,
                    }
                }
            };
            out.new_options.insert((id, i), option);
        }
        if let Some(w) = warning {
            out.warnings.insert(id, w);
        }
        out.proposals.insert(id, row);
        targets.push(chosen_targets.clone());
        out.targets.insert(id, chosen_targets);
    }
    out.plan = plan(card, &exports, &targets);
    out
}
