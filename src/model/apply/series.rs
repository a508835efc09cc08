//! Applying the input-series commands (add, edit, remove, points), each with its exact inverse.

use std::collections::BTreeMap;
use std::mem::replace;

use crate::model::command::{Applied, Command, CommandError, KpiField, SeriesField};
use crate::model::date::Date;
use crate::model::formula::Formula;
use crate::model::ids::SERIES_PREFIX;
use crate::model::limits::{
    MAX_SERIES, MAX_SERIES_POINTS, MAX_SERIES_SOURCES, check_id, check_long_text, check_short_text,
    check_value,
};
use crate::model::scorecard::Scorecard;
use crate::model::series::{InputPoint, InputSeries, SeriesSource, check_key};

use super::{Res, done};

fn invalid(field: &str, reason: impl Into<String>) -> CommandError {
    CommandError::invalid(field, reason)
}

fn unknown(id: &str) -> CommandError {
    CommandError::UnknownId {
        kind: "series",
        id: id.to_string(),
    }
}

fn check_points(points: &[InputPoint]) -> Result<(), CommandError> {
    for p in points {
        check_value(p.value).map_err(|r| invalid("points.value", format!("{}: {r}", p.date)))?;
        check_long_text(&p.note).map_err(|r| invalid("points.note", r))?;
    }
    Ok(())
}

/// Checks the remembered export columns of a series: at most [`MAX_SERIES_SOURCES`], each
/// with a platform and a column of short text.
pub fn check_sources(sources: &[SeriesSource]) -> Result<(), CommandError> {
    if sources.len() > MAX_SERIES_SOURCES {
        return Err(invalid(
            "sources",
            format!("at most {MAX_SERIES_SOURCES} export columns per series"),
        ));
    }
    for s in sources {
        for (field, text) in [
            ("sources.platform", &s.platform),
            ("sources.column", &s.column),
        ] {
            if text.trim().is_empty() {
                return Err(invalid(field, "must not be empty"));
            }
            check_short_text(text).map_err(|r| invalid(field, r))?;
        }
    }
    Ok(())
}

/// Merges `new` points into `old` by date (a new point replaces the old one of its date),
/// in date order.
fn upserted(old: &[InputPoint], new: Vec<InputPoint>) -> Vec<InputPoint> {
    let mut by_date: BTreeMap<Date, InputPoint> = old.iter().map(|p| (p.date, p.clone())).collect();
    for p in new {
        by_date.insert(p.date, p);
    }
    by_date.into_values().collect()
}

impl Scorecard {
    fn series_index(&self, id: &str) -> Result<usize, CommandError> {
        self.series
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| unknown(id))
    }

    fn key_taken(&self, key: &str, except: Option<&str>) -> bool {
        self.series
            .iter()
            .any(|s| s.key == key && Some(s.id.as_str()) != except)
    }

    fn check_new_series(&self, series: &InputSeries) -> Result<(), CommandError> {
        if self.series.len() >= MAX_SERIES {
            return Err(invalid("series", format!("at most {MAX_SERIES} series")));
        }
        check_key(&series.key).map_err(|r| invalid("key", r))?;
        if self.key_taken(&series.key, None) {
            return Err(invalid(
                "key",
                format!("another series already has the key '{}'", series.key),
            ));
        }
        for (field, text) in [
            ("name", &series.name),
            ("unit", &series.unit),
            ("channel", &series.channel),
        ] {
            check_short_text(text).map_err(|r| invalid(field, r))?;
        }
        if series.points.len() > MAX_SERIES_POINTS {
            return Err(invalid(
                "points",
                format!("at most {MAX_SERIES_POINTS} points in one series"),
            ));
        }
        check_sources(&series.sources)?;
        check_points(&series.points)
    }

    /// Applies one input-series command.
    pub(super) fn apply_series(&mut self, cmd: Command) -> Res {
        match cmd {
            Command::AddSeries { mut series } => {
                self.check_new_series(&series)?;
                series.normalise_points();
                let old_next = self.next_id;
                let created = series.id.trim().is_empty();
                if created {
                    if old_next == u64::MAX {
                        return Err(invalid("next_id", "no more ids available"));
                    }
                    series.id = self.alloc_id(SERIES_PREFIX);
                } else {
                    check_id(&series.id).map_err(|r| invalid("id", r))?;
                    if self.series.iter().any(|s| s.id == series.id) {
                        return Err(invalid("id", format!("the id {} is in use", series.id)));
                    }
                }
                let id = series.id.clone();
                self.series.push(series);
                let remove = Command::RemoveSeries { id: id.clone() };
                Ok(Applied {
                    inverse: if created {
                        Command::Batch {
                            commands: vec![remove, Command::SetNextId { next_id: old_next }],
                        }
                    } else {
                        remove
                    },
                    created_id: Some(id),
                })
            }
            Command::UpdateSeries { id, field } => {
                let index = self.series_index(&id)?;
                let old = match field {
                    SeriesField::Key(key) => {
                        check_key(&key).map_err(|r| invalid("key", r))?;
                        if self.key_taken(&key, Some(&id)) {
                            return Err(invalid(
                                "key",
                                format!("another series already has the key '{key}'"),
                            ));
                        }
                        SeriesField::Key(replace(&mut self.series[index].key, key))
                    }
                    SeriesField::Name(v) => {
                        check_short_text(&v).map_err(|r| invalid("name", r))?;
                        SeriesField::Name(replace(&mut self.series[index].name, v))
                    }
                    SeriesField::Unit(v) => {
                        check_short_text(&v).map_err(|r| invalid("unit", r))?;
                        SeriesField::Unit(replace(&mut self.series[index].unit, v))
                    }
                    SeriesField::Channel(v) => {
                        check_short_text(&v).map_err(|r| invalid("channel", r))?;
                        SeriesField::Channel(replace(&mut self.series[index].channel, v))
                    }
                    SeriesField::Aggregation(v) => {
                        SeriesField::Aggregation(replace(&mut self.series[index].aggregation, v))
                    }
                    SeriesField::Sources(v) => {
                        check_sources(&v)?;
                        SeriesField::Sources(replace(&mut self.series[index].sources, v))
                    }
                };
                done(Command::UpdateSeries { id, field: old })
            }
            Command::RemoveSeries { id } => {
                let index = self.series_index(&id)?;
                let series = self.series.remove(index);
                done(Command::RestoreSeries { index, series })
            }
            Command::RestoreSeries { index, series } => {
                self.check_new_series(&series)?;
                if self.series.iter().any(|s| s.id == series.id) {
                    return Err(invalid("id", format!("the id {} is in use", series.id)));
                }
                check_id(&series.id).map_err(|r| invalid("id", r))?;
                let id = series.id.clone();
                let index = index.min(self.series.len());
                self.series.insert(index, series);
                done(Command::RemoveSeries { id })
            }
            Command::UpsertSeriesPoints { id, points } => {
                let index = self.series_index(&id)?;
                check_points(&points)?;
                let merged = upserted(&self.series[index].points, points);
                self.replace_points(index, merged)
            }
            Command::ReplaceSeriesPoints { id, points } => {
                let index = self.series_index(&id)?;
                check_points(&points)?;
                // In date order; of two on one date the one listed last, as everywhere else.
                self.replace_points(index, upserted(&[], points))
            }
            Command::RemoveSeriesPoints { id, dates } => {
                let index = self.series_index(&id)?;
                let kept: Vec<InputPoint> = self.series[index]
                    .points
                    .iter()
                    .filter(|p| !dates.contains(&p.date))
                    .cloned()
                    .collect();
                self.replace_points(index, kept)
            }
            other => Err(invalid("op", format!("not a series command: {other:?}"))),
        }
    }

    fn replace_points(&mut self, index: usize, points: Vec<InputPoint>) -> Res {
        if points.len() > MAX_SERIES_POINTS {
            return Err(invalid(
                "points",
                format!(
                    "at most {MAX_SERIES_POINTS} points in one series; this would make {}",
                    points.len()
                ),
            ));
        }
        let series = &mut self.series[index];
        let old = replace(&mut series.points, points);
        done(Command::ReplaceSeriesPoints {
            id: series.id.clone(),
            points: old,
        })
    }

    /// The commands that rename a series' key and rewrite every formula that uses it, as one
    /// batch (one undo step). Errors as [`Command::UpdateSeries`] would give.
    ///
    /// The formulas are cleared before the rename and set after it: a formula is accepted only
    /// over existing keys, and the batch's inverse (run in reverse order) then clears the new
    /// texts, renames back and sets the old texts, each step with the keys it needs.
    pub fn rename_series(&self, id: &str, new_key: &str) -> Result<Command, CommandError> {
        let series = self
            .series
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| unknown(id))?;
        check_key(new_key).map_err(|r| invalid("key", r))?;
        let old_key = series.key.clone();
        let mut clear = Vec::new();
        let mut commands = Vec::new();
        for (_, kpi) in self.kpis() {
            let Some(text) = kpi.formula.as_deref() else {
                continue;
            };
            let Ok(formula) = Formula::parse(text) else {
                continue;
            };
            if let Some(new_text) = renamed(text, &formula, &old_key, new_key) {
                // The formula also names `new_key`, which no series has: renaming would make
                // two different inputs one (and the old text could not be set back on undo).
                let merges = new_key != old_key
                    && formula.series_refs().iter().any(|r| r.key == new_key)
                    && !self.series.iter().any(|s| s.key == new_key);
                if merges {
                    return Err(invalid(
                        "key",
                        format!(
                            "the formula of \"{}\" already uses '{new_key}' for a series that does not exist now; renaming '{old_key}' to it would make the two one",
                            kpi.name
                        ),
                    ));
                }
                clear.push(Command::UpdateKpi {
                    id: kpi.id.clone(),
                    field: KpiField::Formula(None),
                });
                commands.push(Command::UpdateKpi {
                    id: kpi.id.clone(),
                    field: KpiField::Formula(Some(new_text)),
                });
            }
        }
        clear.push(Command::UpdateSeries {
            id: id.to_string(),
            field: SeriesField::Key(new_key.to_string()),
        });
        clear.append(&mut commands);
        Ok(Command::Batch { commands: clear })
    }
}

/// `text` with every use of `old` (also inside `prev`) replaced by `new`, keeping the rest of
/// the text as written; `None` when it does not use `old`.
fn renamed(text: &str, formula: &Formula, old: &str, new: &str) -> Option<String> {
    let spots: Vec<usize> = formula
        .series_refs()
        .iter()
        .filter(|r| r.key == old)
        .map(|r| r.offset)
        .collect();
    if spots.is_empty() {
        return None;
    }
    let old_len = old.chars().count();
    let mut out = String::with_capacity(text.len());
    let mut skip = 0;
    for (i, c) in text.chars().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if spots.contains(&i) {
            out.push_str(new);
            skip = old_len - 1;
        } else {
            out.push(c);
        }
    }
    Some(out)
}
