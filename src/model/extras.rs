//! Keeping unknown fields: after a file is read, every field the types do not know is copied
//! into the `extra` map of the item it was found in, so saving writes it back unchanged.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::Extra;
use super::enums::FactorKind;
use super::kpi::{Kpi, Measurement, TargetChange};
use super::lineage::{Group, Lineage};
use super::scorecard::{Factor, Factors, Objective, Scorecard};
use super::series::{InputPoint, InputSeries};
use super::sub_objective::{Action, SubObjective};

struct Known {
    scorecard: HashSet<String>,
    objective: HashSet<String>,
    factors: HashSet<String>,
    factor: HashSet<String>,
    sub_objective: HashSet<String>,
    kpi: HashSet<String>,
    measurement: HashSet<String>,
    target_change: HashSet<String>,
    action: HashSet<String>,
    series: HashSet<String>,
    point: HashSet<String>,
    lineage: HashSet<String>,
    group: HashSet<String>,
}

/// The field names a type writes (all fields are always written).
fn keys<T: Serialize + Default>() -> HashSet<String> {
    // Through the compact writer that browser storage uses, so no second `Serialize`
    // instantiation (for `serde_json::value::Serializer`) of every model type is linked.
    let text = serde_json::to_string(&T::default()).unwrap_or_default();
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(map)) => map.into_iter().map(|(k, _)| k).collect(),
        _ => HashSet::new(),
    }
}

fn unknown(value: Option<&Value>, known: &HashSet<String>) -> Extra {
    match value {
        Some(Value::Object(map)) => map
            .iter()
            .filter(|(k, _)| !known.contains(*k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Extra::new(),
    }
}

fn items<'a>(value: Option<&'a Value>, field: &str) -> impl Iterator<Item = Option<&'a Value>> {
    let list = value
        .and_then(|v| v.get(field))
        .and_then(Value::as_array)
        .map(|a| a.as_slice())
        .unwrap_or(&[]);
    list.iter().map(Some).chain(std::iter::repeat(None))
}

/// Fills every `extra` map of `card` from the JSON it was read from.
pub fn collect_extras(card: &mut Scorecard, value: &Value) {
    let known = Known {
        scorecard: keys::<Scorecard>(),
        objective: keys::<Objective>(),
        factors: keys::<Factors>(),
        factor: keys::<Factor>(),
        sub_objective: keys::<SubObjective>(),
        kpi: keys::<Kpi>(),
        measurement: keys::<Measurement>(),
        target_change: keys::<TargetChange>(),
        action: keys::<Action>(),
        series: keys::<InputSeries>(),
        point: keys::<InputPoint>(),
        lineage: keys::<Lineage>(),
        group: keys::<Group>(),
    };
    let value = Some(value);
    card.extra = unknown(value, &known.scorecard);
    let lv = value.and_then(|v| v.get("lineage"));
    card.lineage.extra = unknown(lv, &known.lineage);
    if let Some(group) = card.lineage.group.as_mut() {
        group.extra = unknown(lv.and_then(|l| l.get("group")), &known.group);
    }
    for (o, ov) in card.objectives.iter_mut().zip(items(value, "objectives")) {
        o.extra = unknown(ov, &known.objective);
        kpis(&mut o.kpis, ov, &known);
    }
    for (s, sv) in card.series.iter_mut().zip(items(value, "series")) {
        s.extra = unknown(sv, &known.series);
        for (p, pv) in s.points.iter_mut().zip(items(sv, "points")) {
            p.extra = unknown(pv, &known.point);
        }
    }
    let fv = value.and_then(|v| v.get("factors"));
    card.factors.extra = unknown(fv, &known.factors);
    for kind in FactorKind::ALL {
        let kv = fv.and_then(|f| f.get(kind.key()));
        let factor = card.factors.get_mut(kind);
        factor.extra = unknown(kv, &known.factor);
        for (so, sv) in factor
            .sub_objectives
            .iter_mut()
            .zip(items(kv, "sub_objectives"))
        {
            so.extra = unknown(sv, &known.sub_objective);
            kpis(&mut so.kpis, sv, &known);
            for (a, av) in so.actions.iter_mut().zip(items(sv, "actions")) {
                a.extra = unknown(av, &known.action);
            }
        }
    }
}

fn kpis(list: &mut [Kpi], parent: Option<&Value>, known: &Known) {
    for (k, kv) in list.iter_mut().zip(items(parent, "kpis")) {
        k.extra = unknown(kv, &known.kpi);
        for (m, mv) in k.measurements.iter_mut().zip(items(kv, "measurements")) {
            m.extra = unknown(mv, &known.measurement);
        }
        for (t, tv) in k.target_history.iter_mut().zip(items(kv, "target_history")) {
            t.extra = unknown(tv, &known.target_change);
        }
    }
}
