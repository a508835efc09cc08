//! Which series each metric of an export should go into, before the user changes anything:
//! the series that remembers the column, else the series the import was started from, else
//! an existing series with the same key, else a new series (or, for a file whose other
//! columns are already mapped, nothing).

use std::collections::HashSet;

use crate::exchange::platforms::text::normalise_header;
use crate::exchange::platforms::{ExportFile, MetricColumn, Platform};
use crate::model::{Aggregation, InputSeries, Scorecard, SeriesSource};

/// Where one metric column of an export goes.
#[derive(Clone, PartialEq, Debug)]
pub enum Target {
    /// Into the existing series with this id.
    Series(String),
    /// Into a new series.
    New {
        /// Its key (valid in formulas, unique in the scorecard and in the plan).
        key: String,
        /// Its readable name.
        name: String,
        /// How its points become a period's value.
        aggregation: Aggregation,
    },
    /// Not imported.
    Skip,
}

/// Why a target was proposed (the preview says it).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reason {
    /// The series remembers this column from an earlier import.
    Remembered,
    /// The import was started from this series.
    Chosen,
    /// An existing series has the key proposed for the column.
    SameKey,
    /// No series fits: a new one.
    NewSeries,
    /// Other columns of this file are mapped already and this one was not chosen before.
    NotChosenBefore,
}

/// The proposed target of one metric, with the reason.
#[derive(Clone, PartialEq, Debug)]
pub struct Proposal {
    /// Where it goes.
    pub target: Target,
    /// Why.
    pub reason: Reason,
}

/// A warning about the series the import was started from: the file does not hold the
/// metric that series was filled from before, so nothing was put into it.
#[derive(Clone, PartialEq, Debug)]
pub struct WrongMetric {
    /// The series' name (or key).
    pub series: String,
    /// The columns that filled it before, e.g. `["linkedin: impressions"]`.
    pub expected: Vec<String>,
    /// The metrics the file holds (headers as in the file).
    pub found: Vec<String>,
}

/// Every platform, for looking one up by its key.
const PLATFORMS: [Platform; 10] = [
    Platform::Facebook,
    Platform::Instagram,
    Platform::LinkedIn,
    Platform::TikTok,
    Platform::X,
    Platform::YouTube,
    Platform::GoogleAnalytics,
    Platform::SearchConsole,
    Platform::SproutSocial,
    Platform::Other,
];

/// The platform remembered under `key` (see [`platform_key`]), if it is one.
pub fn platform_of_key(key: &str) -> Option<Platform> {
    PLATFORMS.into_iter().find(|p| platform_key(*p) == key)
}

/// The platform of a remembered column as people call it: "Facebook", "LinkedIn", … (the
/// stored key when it is not one this version knows).
pub fn source_platform(src: &SeriesSource) -> String {
    match platform_of_key(&src.platform) {
        Some(Platform::Other) => "Other".to_string(),
        Some(p) => platform_channel(p).to_string(),
        None => src.platform.clone(),
    }
}

/// The key under which a platform's columns are remembered (`SeriesSource::platform`).
pub fn platform_key(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook => "facebook",
        Platform::Instagram => "instagram",
        Platform::LinkedIn => "linkedin",
        Platform::TikTok => "tiktok",
        Platform::X => "x",
        Platform::YouTube => "youtube",
        Platform::GoogleAnalytics => "google_analytics",
        Platform::SearchConsole => "search_console",
        Platform::SproutSocial => "sprout_social",
        Platform::Other => "other",
    }
}

/// The channel a new series gets, e.g. "Instagram".
pub fn platform_channel(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook => "Facebook",
        Platform::Instagram => "Instagram",
        Platform::LinkedIn => "LinkedIn",
        Platform::TikTok => "TikTok",
        Platform::X => "X",
        Platform::YouTube => "YouTube",
        Platform::GoogleAnalytics => "Google Analytics",
        Platform::SearchConsole => "Google Search Console",
        Platform::SproutSocial => "Sprout Social",
        Platform::Other => "",
    }
}

/// The series that remembers column `header` of a `platform` export, if any.
pub fn remembered<'a>(
    card: &'a Scorecard,
    platform: Platform,
    header: &str,
) -> Option<&'a InputSeries> {
    let key = platform_key(platform);
    let column = normalise_header(header);
    card.series.iter().find(|s| {
        s.sources
            .iter()
            .any(|src| src.platform == key && normalise_header(&src.column) == column)
    })
}

/// Proposes a target for every metric of every file (outer: files, inner: metrics), with
/// one warning per file whose metrics do not fit the series `chosen` (the series the import
/// was started from, if any). New series get keys unique across the scorecard and the
/// proposal, so two files with the same new metric go into one new series.
pub fn propose(
    card: &Scorecard,
    files: &[&ExportFile],
    chosen: Option<&str>,
) -> (Vec<Vec<Proposal>>, Vec<Option<WrongMetric>>) {
    let chosen = chosen.and_then(|id| card.series_by_id(id));
    let mut new_keys: Vec<(String, String)> = Vec::new(); // (metric key, new key)
    let mut used: HashSet<String> = card.series.iter().map(|s| s.key.clone()).collect();
    let mut proposals = Vec::with_capacity(files.len());
    let mut warnings = Vec::with_capacity(files.len());
    for file in files {
        let remembered_any = file
            .metrics
            .iter()
            .any(|m| remembered(card, file.platform, &m.header).is_some());
        let chosen_index = chosen.and_then(|s| chosen_metric(s, file));
        let mut row = Vec::with_capacity(file.metrics.len());
        for (i, metric) in file.metrics.iter().enumerate() {
            let proposal = if let Some(s) = remembered(card, file.platform, &metric.header) {
                Proposal {
                    target: Target::Series(s.id.clone()),
                    reason: Reason::Remembered,
                }
            } else if let (Some(s), Some(index)) = (chosen, chosen_index)
                && index == i
            {
                Proposal {
                    target: Target::Series(s.id.clone()),
                    reason: Reason::Chosen,
                }
            } else if let Some(s) = card.series_by_key(&metric.key) {
                Proposal {
                    target: Target::Series(s.id.clone()),
                    reason: Reason::SameKey,
                }
            } else if remembered_any || chosen.is_some() {
                Proposal {
                    target: Target::Skip,
                    reason: Reason::NotChosenBefore,
                }
            } else {
                Proposal {
                    target: new_target(metric, &mut new_keys, &mut used),
                    reason: Reason::NewSeries,
                }
            };
            row.push(proposal);
        }
        let warning = match (chosen, chosen_index) {
            (Some(s), None) => Some(WrongMetric {
                series: if s.name.trim().is_empty() {
                    s.key.clone()
                } else {
                    s.name.clone()
                },
                expected: s
                    .sources
                    .iter()
                    .map(|src| format!("{}: {}", source_platform(src), src.column))
                    .collect(),
                found: file.metrics.iter().map(|m| m.header.clone()).collect(),
            }),
            _ => None,
        };
        proposals.push(row);
        warnings.push(warning);
    }
    (proposals, warnings)
}

/// Which metric of `file` goes into the chosen series `s`: the one it remembers or with its
/// key; else, for a file of one metric, that one unless `s` was filled from other columns
/// before (a file of the wrong metric is not put into it).
fn chosen_metric(s: &InputSeries, file: &ExportFile) -> Option<usize> {
    let key = platform_key(file.platform);
    if let Some(i) = file.metrics.iter().position(|m| {
        m.key == s.key
            || s.sources.iter().any(|src| {
                src.platform == key && normalise_header(&src.column) == normalise_header(&m.header)
            })
    }) {
        return Some(i);
    }
    (file.metrics.len() == 1 && s.sources.is_empty()).then_some(0)
}

/// A new series for `metric`: the metric's key, or `key_2`, `key_3`… when taken; the same
/// metric key seen again in this proposal gets the same new series.
fn new_target(
    metric: &MetricColumn,
    new_keys: &mut Vec<(String, String)>,
    used: &mut HashSet<String>,
) -> Target {
    let key = match new_keys.iter().find(|(m, _)| *m == metric.key) {
        Some((_, k)) => k.clone(),
        None => {
            let key = unique_key(&metric.key, used);
            used.insert(key.clone());
            new_keys.push((metric.key.clone(), key.clone()));
            key
        }
    };
    Target::New {
        key,
        name: metric.name.clone(),
        aggregation: metric.aggregation,
    }
}

/// `base`, or `base_2`, `base_3`… (kept within 40 characters) when taken.
pub fn unique_key(base: &str, used: &HashSet<String>) -> String {
    if !used.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("_{n}");
            let keep = 40usize.saturating_sub(suffix.len());
            let stem: String = base.chars().take(keep).collect();
            format!("{stem}{suffix}")
        })
        .find(|k| !used.contains(k))
        .unwrap_or_else(|| base.to_string())
}
