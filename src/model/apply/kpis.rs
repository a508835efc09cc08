//! Applying the commands of KPIs: the KPI itself, its measurements and its target's changes,
//! each with its exact inverse.

use std::mem::replace;

use super::{Res, check, created, done, long, short, unknown};
use crate::model::Extra;
use crate::model::command::*;
use crate::model::formula::Formula;
use crate::model::ids::{KPI_PREFIX, MEASUREMENT_PREFIX};
use crate::model::kpi::{Kpi, Measurement, TargetChange};
use crate::model::limits::*;
use crate::model::review::{check_expected_path, check_path_dates};
use crate::model::scorecard::{KpiParent, Scorecard};

impl Scorecard {
    /// Applies a command on a KPI, one of its measurements or its target.
    pub(super) fn apply_kpi_command(&mut self, cmd: Command) -> Res {
        match cmd {
            Command::AddKpi { parent, name } => {
                short("name", &name)?;
                let len = self
                    .kpi_list(&parent)
                    .ok_or_else(|| parent_unknown(&parent))?
                    .len();
                check(
                    "kpis",
                    check_room(len, MAX_KPIS, "KPIs per objective or sub-objective"),
                )?;
                let threshold = self.amber_threshold;
                let (id, old) = self.fresh_id(KPI_PREFIX)?;
                let mut kpi = Kpi::new(id.clone(), name);
                kpi.amber_threshold = threshold;
                if let Some(list) = self.kpi_list_mut(&parent) {
                    list.push(kpi);
                }
                created(Command::RemoveKpi { id: id.clone() }, id, old)
            }
            Command::UpdateKpi { id, field } => self.update_kpi(id, field),
            Command::RemoveKpi { id } => {
                let (parent, index) = self.locate_kpi(&id).ok_or_else(|| unknown("KPI", &id))?;
                let list = self
                    .kpi_list_mut(&parent)
                    .ok_or_else(|| unknown("KPI", &id))?;
                let kpi = list.remove(index);
                done(Command::RestoreKpi { parent, index, kpi })
            }
            Command::MoveKpi {
                id,
                parent,
                to_index,
            } => {
                let (from, index) = self.locate_kpi(&id).ok_or_else(|| unknown("KPI", &id))?;
                let dest_len = self
                    .kpi_list(&parent)
                    .ok_or_else(|| parent_unknown(&parent))?
                    .len();
                if from != parent {
                    check(
                        "kpis",
                        check_room(dest_len, MAX_KPIS, "KPIs per objective or sub-objective"),
                    )?;
                }
                let item = self
                    .kpi_list_mut(&from)
                    .ok_or_else(|| unknown("KPI", &id))?
                    .remove(index);
                if let Some(list) = self.kpi_list_mut(&parent) {
                    let to = to_index.min(list.len());
                    list.insert(to, item);
                }
                done(Command::MoveKpi {
                    id,
                    parent: from,
                    to_index: index,
                })
            }
            Command::RestoreKpi { parent, index, kpi } => {
                if self.locate_kpi(&kpi.id).is_some() {
                    return Err(CommandError::DuplicateId(kpi.id));
                }
                let id = kpi.id.clone();
                let list = self
                    .kpi_list_mut(&parent)
                    .ok_or_else(|| parent_unknown(&parent))?;
                let at = index.min(list.len());
                list.insert(at, kpi);
                done(Command::RemoveKpi { id })
            }
            Command::RecordMeasurement {
                kpi,
                date,
                value,
                note,
            } => {
                check("value", check_value(value))?;
                long("note", &note)?;
                let len = self
                    .kpi(&kpi)
                    .ok_or_else(|| unknown("KPI", &kpi))?
                    .measurements
                    .len();
                check(
                    "measurements",
                    check_room(len, MAX_MEASUREMENTS, "measurements per KPI"),
                )?;
                let (id, old) = self.fresh_id(MEASUREMENT_PREFIX)?;
                if let Some(k) = self.kpi_mut(&kpi) {
                    let at = k
                        .measurements
                        .iter()
                        .position(|m| m.date > date)
                        .unwrap_or(k.measurements.len());
                    k.measurements.insert(
                        at,
                        Measurement {
                            id: id.clone(),
                            date,
                            value,
                            note,
                            extra: Extra::new(),
                        },
                    );
                }
                created(Command::RemoveMeasurement { id: id.clone() }, id, old)
            }
            Command::UpdateMeasurement { id, field } => {
                let (kpi, index) = self
                    .locate_measurement(&id)
                    .ok_or_else(|| unknown("measurement", &id))?;
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let m = &mut k.measurements[index];
                let old = match field {
                    MeasurementField::Date(d) => MeasurementField::Date(replace(&mut m.date, d)),
                    MeasurementField::Value(v) => {
                        check("value", check_value(v))?;
                        MeasurementField::Value(replace(&mut m.value, v))
                    }
                    MeasurementField::Note(v) => {
                        long("note", &v)?;
                        MeasurementField::Note(replace(&mut m.note, v))
                    }
                };
                done(Command::UpdateMeasurement { id, field: old })
            }
            Command::RemoveMeasurement { id } => {
                let (kpi, index) = self
                    .locate_measurement(&id)
                    .ok_or_else(|| unknown("measurement", &id))?;
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let measurement = k.measurements.remove(index);
                done(Command::RestoreMeasurement {
                    kpi,
                    index,
                    measurement,
                })
            }
            Command::RestoreMeasurement {
                kpi,
                index,
                measurement,
            } => {
                if self.locate_measurement(&measurement.id).is_some() {
                    return Err(CommandError::DuplicateId(measurement.id));
                }
                let id = measurement.id.clone();
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let at = index.min(k.measurements.len());
                k.measurements.insert(at, measurement);
                done(Command::RemoveMeasurement { id })
            }
            Command::ChangeTarget {
                kpi,
                date,
                new,
                reason,
            } => {
                let old = self.kpi(&kpi).ok_or_else(|| unknown("KPI", &kpi))?.target;
                let change = TargetChange {
                    date,
                    old,
                    new,
                    reason,
                    extra: Extra::new(),
                };
                self.push_target_change(kpi, change)
            }
            Command::PushTargetChange { kpi, change } => self.push_target_change(kpi, change),
            Command::PopTargetChange { kpi } => {
                let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
                let change = k.target_history.pop().ok_or_else(|| {
                    CommandError::Nothing("this KPI has no target change to undo".to_string())
                })?;
                let current = replace(&mut k.target, change.old);
                done(Command::Batch {
                    commands: vec![
                        Command::PushTargetChange {
                            kpi: kpi.clone(),
                            change,
                        },
                        Command::UpdateKpi {
                            id: kpi,
                            field: KpiField::Target(current),
                        },
                    ],
                })
            }
            other => Err(CommandError::invalid(
                "op",
                format!("not a KPI command: {other:?}"),
            )),
        }
    }

    fn update_kpi(&mut self, id: String, field: KpiField) -> Res {
        use KpiField as F;
        if let F::Formula(Some(text)) = &field {
            // A formula must parse. A key no series has is not refused here: a file may hold
            // one, a series deleted while a KPI uses it leaves one, and undo must be able to
            // put such a formula back. The formula field refuses unknown keys as they are
            // typed (with the position and a suggestion), and the KPI shows no value, with
            // the reason, while a key is unknown.
            Formula::parse(text).map_err(|e| CommandError::invalid("formula", e.to_string()))?;
        }
        let k = self.kpi_mut(&id).ok_or_else(|| unknown("KPI", &id))?;
        let old = match field {
            F::Name(v) => {
                short("name", &v)?;
                F::Name(replace(&mut k.name, v))
            }
            F::Description(v) => {
                long("description", &v)?;
                F::Description(replace(&mut k.description, v))
            }
            F::Unit(v) => {
                short("unit", &v)?;
                F::Unit(replace(&mut k.unit, v))
            }
            F::Direction(v) => F::Direction(replace(&mut k.direction, v)),
            F::Baseline(v) => {
                check("baseline", check_opt_value(v))?;
                F::Baseline(replace(&mut k.baseline, v))
            }
            F::Target(v) => {
                check("target", check_opt_value(v))?;
                F::Target(replace(&mut k.target, v))
            }
            F::BandLow(v) => {
                check("band_low", check_opt_value(v))?;
                F::BandLow(replace(&mut k.band_low, v))
            }
            F::BandHigh(v) => {
                check("band_high", check_opt_value(v))?;
                F::BandHigh(replace(&mut k.band_high, v))
            }
            F::AmberThreshold(v) => {
                check("amber_threshold", check_threshold(v))?;
                F::AmberThreshold(replace(&mut k.amber_threshold, v))
            }
            F::Frequency(v) => F::Frequency(replace(&mut k.frequency, v)),
            F::DataSource(v) => {
                short("data_source", &v)?;
                F::DataSource(replace(&mut k.data_source, v))
            }
            F::Owner(v) => {
                short("owner", &v)?;
                F::Owner(replace(&mut k.owner, v))
            }
            F::Weight(v) => {
                check("weight", check_weight(v))?;
                F::Weight(replace(&mut k.weight, v))
            }
            F::Formula(v) => F::Formula(replace(&mut k.formula, v)),
            F::BaselineDate(v) => {
                check("baseline_date", check_path_dates(v, k.target_date))?;
                F::BaselineDate(replace(&mut k.baseline_date, v))
            }
            F::TargetDate(v) => {
                check("target_date", check_path_dates(k.baseline_date, v))?;
                F::TargetDate(replace(&mut k.target_date, v))
            }
            F::ExpectedPath(v) => {
                check("expected_path", check_expected_path(&v))?;
                F::ExpectedPath(replace(&mut k.expected_path, v))
            }
        };
        done(Command::UpdateKpi { id, field: old })
    }

    fn push_target_change(&mut self, kpi: String, change: TargetChange) -> Res {
        check("new", check_opt_value(change.new))?;
        check("old", check_opt_value(change.old))?;
        long("reason", &change.reason)?;
        let k = self.kpi_mut(&kpi).ok_or_else(|| unknown("KPI", &kpi))?;
        check(
            "target_history",
            check_room(
                k.target_history.len(),
                MAX_TARGET_CHANGES,
                "target changes per KPI",
            ),
        )?;
        if change.old != k.target {
            return Err(CommandError::invalid(
                "target_history",
                "the change does not start from the current target",
            ));
        }
        k.target = change.new;
        k.target_history.push(change);
        done(Command::PopTargetChange { kpi })
    }
}

fn parent_unknown(parent: &KpiParent) -> CommandError {
    match parent {
        KpiParent::Objective(id) => unknown("objective", id),
        KpiParent::SubObjective(id) => unknown("sub-objective", id),
    }
}
