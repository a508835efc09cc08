//! What importing the chosen columns would do: per column the new, updated and unchanged
//! points against the series as they are, what blocks it, and the one command (a batch:
//! one undo step) that does it. Nothing changes until the caller applies the command.

use std::collections::{BTreeMap, HashMap};

use super::propose::{Target, platform_channel, platform_key};
use crate::exchange::platforms::text::normalise_header;
use crate::exchange::platforms::{ExportFile, Platform};
use crate::model::command::{Command, SeriesField};
use crate::model::limits::{MAX_SERIES, MAX_SERIES_POINTS, MAX_SERIES_SOURCES};
use crate::model::{Date, InputPoint, InputSeries, Scorecard, SeriesSource};

/// New, updated and unchanged points, counted against the series as it is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Counts {
    /// Dates the series has no point for.
    pub new: usize,
    /// Dates whose value changes.
    pub updated: usize,
    /// Dates that already have this value.
    pub unchanged: usize,
}

impl Counts {
    /// Whether importing changes any point.
    pub fn changes(&self) -> bool {
        self.new + self.updated > 0
    }

    fn add(&mut self, other: Counts) {
        self.new += other.new;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
    }
}

/// One metric column with where it goes and what it does there.
#[derive(Clone, PartialEq, Debug)]
pub struct ColumnPlan {
    /// Index of the file.
    pub file: usize,
    /// Index of the metric in the file.
    pub metric: usize,
    /// Where it goes.
    pub target: Target,
    /// What it does there (zero for a skipped column).
    pub counts: Counts,
    /// Its first and last date, if it has points.
    pub range: Option<(Date, Date)>,
}

/// Why the plan cannot be applied.
#[derive(Clone, PartialEq, Debug)]
pub enum Blocker {
    /// A series would get more than [`MAX_SERIES_POINTS`] points.
    TooManyPoints {
        /// The series' key.
        key: String,
        /// How many it would have.
        points: usize,
    },
    /// The scorecard would have more than [`MAX_SERIES`] series.
    TooManySeries {
        /// How many it would have.
        series: usize,
    },
    /// A series would remember more than [`MAX_SERIES_SOURCES`] columns.
    TooManySources {
        /// The series' key.
        key: String,
    },
    /// A new series' key is not valid in formulas or is taken (the message says why).
    BadKey {
        /// The key.
        key: String,
        /// Why (English, from the model's check).
        reason: String,
    },
    /// A chosen series does not exist (the scorecard changed under the preview).
    UnknownSeries {
        /// The id.
        id: String,
    },
}

/// Two files (or two columns) give one series different values for one date: the later
/// file's value is used.
#[derive(Clone, PartialEq, Debug)]
pub struct Overlap {
    /// The series' key.
    pub key: String,
    /// How many dates.
    pub dates: usize,
    /// The first such date.
    pub first: Date,
}

/// The whole import of several files.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct ImportPlan {
    /// Every metric of every file, in file order.
    pub columns: Vec<ColumnPlan>,
    /// The total over all series, each date counted once.
    pub total: Counts,
    /// How many new series it makes.
    pub new_series: usize,
    /// How many series get points or a remembered column.
    pub series_touched: usize,
    /// What blocks applying (empty: it can be applied).
    pub blockers: Vec<Blocker>,
    /// Dates given different values by two columns going into one series.
    pub overlaps: Vec<Overlap>,
    /// The batch that applies it, when there is something to do and nothing blocks it.
    pub command: Option<Command>,
}

impl ImportPlan {
    /// Whether applying changes anything (points or remembered columns) and nothing blocks it.
    pub fn can_apply(&self) -> bool {
        self.command.is_some()
    }
}

/// A series the plan writes into: an existing one (by index) or a new one.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
enum Slot {
    Existing(usize),
    New(String),
}

#[derive(Default)]
struct Gathered {
    /// date → (value, file index) of the column that counts (the later file).
    points: BTreeMap<Date, (f64, usize)>,
    sources: Vec<SeriesSource>,
    overlap_dates: usize,
    first_overlap: Option<Date>,
    new: Option<(String, Platform, crate::model::Aggregation)>,
}

/// Plans the import of `files` with one target per metric (`targets[file][metric]`; a
/// missing entry is a skip). The same date given twice to one series: the later file wins
/// (counted in `overlaps` when the values differ). A point that updates a date keeps the
/// note the series has there. Every column imported is remembered on its series, and
/// forgotten by any other series that remembered it; a skipped column is forgotten too.
pub fn plan(card: &Scorecard, files: &[&ExportFile], targets: &[Vec<Target>]) -> ImportPlan {
    let mut out = ImportPlan::default();
    let index_of: HashMap<&str, usize> = card
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut gathered: BTreeMap<Slot, Gathered> = BTreeMap::new();
    // Columns taken by a series other than the one remembering them: (platform, column).
    let mut moved: Vec<(String, String)> = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        let pkey = platform_key(file.platform);
        for (mi, metric) in file.metrics.iter().enumerate() {
            let target = targets
                .get(fi)
                .and_then(|row| row.get(mi))
                .cloned()
                .unwrap_or(Target::Skip);
            let column = normalise_header(&metric.header);
            let slot = match &target {
                Target::Skip => None,
                Target::Series(id) => match index_of.get(id.as_str()) {
                    Some(&i) => Some(Slot::Existing(i)),
                    None => {
                        push_unique(&mut out.blockers, Blocker::UnknownSeries { id: id.clone() });
                        None
                    }
                },
                Target::New { key, .. } => Some(Slot::New(key.clone())),
            };
            moved.push((pkey.to_string(), column));
            let range = metric
                .points
                .first()
                .zip(metric.points.last())
                .map(|(a, b)| (a.0, b.0));
            out.columns.push(ColumnPlan {
                file: fi,
                metric: mi,
                target: target.clone(),
                counts: Counts::default(),
                range,
            });
            let Some(slot) = slot else { continue };
            let g = gathered.entry(slot).or_default();
            if let Target::New {
                name, aggregation, ..
            } = &target
                && g.new.is_none()
            {
                g.new = Some((name.clone(), file.platform, *aggregation));
            }
            let source = SeriesSource {
                platform: pkey.to_string(),
                column: metric.header.trim().to_string(),
            };
            if !g.sources.iter().any(|s| same_source(s, &source)) {
                g.sources.push(source);
            }
            for &(date, value) in &metric.points {
                if let Some((old, _)) = g.points.insert(date, (value, fi))
                    && !same(old, value)
                {
                    g.overlap_dates += 1;
                    g.first_overlap = Some(g.first_overlap.map_or(date, |d| d.min(date)));
                }
            }
        }
    }
    // Count per column against the series as it is; a date given by two columns is counted
    // for the one whose value is used.
    let mut commands = Vec::new();
    let mut new_count = 0usize;
    for (slot, g) in &gathered {
        let existing = match slot {
            Slot::Existing(i) => card.series.get(*i),
            Slot::New(_) => None,
        };
        let key = match (slot, existing) {
            (Slot::New(k), _) => k.clone(),
            (_, Some(s)) => s.key.clone(),
            _ => String::new(),
        };
        if g.overlap_dates > 0
            && let Some(first) = g.first_overlap
        {
            out.overlaps.push(Overlap {
                key: key.clone(),
                dates: g.overlap_dates,
                first,
            });
        }
        let mut changed: Vec<InputPoint> = Vec::new();
        let mut series_counts = Counts::default();
        for (&date, &(value, fi)) in &g.points {
            let old = existing.and_then(|s| find_point(&s.points, date));
            let mut c = Counts::default();
            match old {
                None => {
                    c.new = 1;
                    changed.push(InputPoint {
                        date,
                        value,
                        ..InputPoint::default()
                    });
                }
                Some(p) if same(p.value, value) => c.unchanged = 1,
                Some(p) => {
                    c.updated = 1;
                    changed.push(InputPoint {
                        date,
                        value,
                        note: p.note.clone(),
                        ..InputPoint::default()
                    });
                }
            }
            series_counts.add(c);
            // The column of file `fi` that gives this date to this slot.
            if let Some(col) = out.columns.iter_mut().rev().find(|col| {
                col.file == fi
                    && slot_of(&col.target, &index_of).as_ref() == Some(slot)
                    && files
                        .get(col.file)
                        .and_then(|f| f.metrics.get(col.metric))
                        .is_some_and(|m| find_pair(&m.points, date).is_some())
            }) {
                col.counts.add(c);
            }
        }
        out.total.add(series_counts);
        let after = existing.map_or(0, |s| s.points.len()) + series_counts.new;
        if after > MAX_SERIES_POINTS {
            out.blockers.push(Blocker::TooManyPoints {
                key: key.clone(),
                points: after,
            });
        }
        match (slot, existing) {
            (Slot::New(key), _) => {
                if let Err(reason) = crate::model::check_series_key(key) {
                    out.blockers.push(Blocker::BadKey {
                        key: key.clone(),
                        reason,
                    });
                } else if card.series_by_key(key).is_some() {
                    out.blockers.push(Blocker::BadKey {
                        key: key.clone(),
                        reason: format!("another series already has the key '{key}'"),
                    });
                }
                if g.sources.len() > MAX_SERIES_SOURCES {
                    out.blockers
                        .push(Blocker::TooManySources { key: key.clone() });
                }
                let (name, platform, aggregation) =
                    g.new
                        .clone()
                        .unwrap_or((key.clone(), Platform::Other, Default::default()));
                new_count += 1;
                commands.push(Command::AddSeries {
                    series: InputSeries {
                        id: String::new(),
                        key: key.clone(),
                        name,
                        channel: platform_channel(platform).to_string(),
                        aggregation,
                        points: changed,
                        sources: g.sources.clone(),
                        ..InputSeries::default()
                    },
                });
            }
            (Slot::Existing(_), Some(s)) if !changed.is_empty() => {
                commands.push(Command::UpsertSeriesPoints {
                    id: s.id.clone(),
                    points: changed,
                });
            }
            _ => {}
        }
    }
    // Remembered columns: each imported column on its series, forgotten elsewhere.
    for (i, s) in card.series.iter().enumerate() {
        let mine = gathered.get(&Slot::Existing(i));
        let mut sources: Vec<SeriesSource> = s
            .sources
            .iter()
            .filter(|src| {
                let taken = moved
                    .iter()
                    .any(|(p, c)| *p == src.platform && *c == normalise_header(&src.column));
                !taken || mine.is_some_and(|g| g.sources.iter().any(|m| same_source(m, src)))
            })
            .cloned()
            .collect();
        if let Some(g) = mine {
            for m in &g.sources {
                if !sources.iter().any(|x| same_source(x, m)) {
                    sources.push(m.clone());
                }
            }
        }
        if sources.len() > MAX_SERIES_SOURCES {
            out.blockers
                .push(Blocker::TooManySources { key: s.key.clone() });
        }
        if sources != s.sources {
            commands.push(Command::UpdateSeries {
                id: s.id.clone(),
                field: SeriesField::Sources(sources),
            });
        }
    }
    let touched: std::collections::HashSet<&str> = commands
        .iter()
        .filter_map(|c| match c {
            Command::UpsertSeriesPoints { id, .. } | Command::UpdateSeries { id, .. } => {
                Some(id.as_str())
            }
            _ => None,
        })
        .collect();
    out.new_series = new_count;
    out.series_touched = touched.len() + new_count;
    if card.series.len() + new_count > MAX_SERIES {
        out.blockers.push(Blocker::TooManySeries {
            series: card.series.len() + new_count,
        });
    }
    if out.blockers.is_empty() && !commands.is_empty() {
        out.command = Some(Command::Batch { commands });
    }
    out
}

fn slot_of(target: &Target, index_of: &HashMap<&str, usize>) -> Option<Slot> {
    match target {
        Target::Skip => None,
        Target::Series(id) => index_of.get(id.as_str()).map(|&i| Slot::Existing(i)),
        Target::New { key, .. } => Some(Slot::New(key.clone())),
    }
}

fn same_source(a: &SeriesSource, b: &SeriesSource) -> bool {
    a.platform == b.platform && normalise_header(&a.column) == normalise_header(&b.column)
}

/// Two values that are the same figure (exports round-trip through text: allow the last
/// bits of a double to differ).
fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn find_point(points: &[InputPoint], date: Date) -> Option<&InputPoint> {
    points
        .binary_search_by_key(&date, |p| p.date)
        .ok()
        .and_then(|i| points.get(i))
}

fn find_pair(points: &[(Date, f64)], date: Date) -> Option<f64> {
    points
        .binary_search_by_key(&date, |p| p.0)
        .ok()
        .and_then(|i| points.get(i))
        .map(|p| p.1)
}

fn push_unique(list: &mut Vec<Blocker>, b: Blocker) {
    if !list.contains(&b) {
        list.push(b);
    }
}
