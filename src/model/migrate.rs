//! Migrations of older file versions: pure functions from version N to N + 1 on the JSON
//! envelope, run one after the other on import until the current version is reached.

use serde_json::Value;

/// The file format version this app writes.
pub const CURRENT_VERSION: u64 = 4;

/// A migration from one version to the next, on the whole envelope.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The registry: `(from_version, migration to from_version + 1)`, in order.
pub const MIGRATIONS: &[(u64, Migration)] = &[(1, v1_to_v2), (2, v2_to_v3), (3, v3_to_v4)];

/// Version 1 → 2: version 2 adds input series (`scorecard.series`) and calculated KPIs
/// (`formula` on a KPI). A version-1 scorecard has neither: it gets an empty `series` list
/// and every KPI `"formula": null` (measured), so it keeps exactly its meaning and scores.
/// A field a version-1 file should not have (written by hand) is left as it is and read as
/// version 2 reads it; an envelope without a scorecard object is left for the import to
/// report.
pub fn v1_to_v2(mut envelope: Value) -> Result<Value, String> {
    let Some(card) = envelope.get_mut("scorecard").and_then(Value::as_object_mut) else {
        return Ok(envelope);
    };
    card.entry("series")
        .or_insert_with(|| Value::Array(Vec::new()));
    for_each_kpi(card, &mut |kpi| {
        kpi.entry("formula").or_insert(Value::Null);
    });
    Ok(envelope)
}

/// Version 2 → 3: version 3 adds the scorecard's lineage (`scorecard.lineage`: which
/// scorecard a copy is a copy of, the copy's tag in the ids it makes, and what a handed-out
/// copy was handed out from). A version-2 scorecard is the original of its own lineage: it
/// gets `{"id": <its id>, "copy": "", "revision": 0, "based_on": null, "group": null}`, so
/// its ids stay as they are and new ones continue `kpi-41`, `kpi-42`. A lineage already
/// present (written by hand) is left for validation; an envelope without a scorecard object
/// is left for the import to report.
pub fn v2_to_v3(mut envelope: Value) -> Result<Value, String> {
    let Some(card) = envelope.get_mut("scorecard").and_then(Value::as_object_mut) else {
        return Ok(envelope);
    };
    let id = card
        .get("id")
        .cloned()
        .unwrap_or(Value::String(String::new()));
    card.entry("lineage").or_insert_with(|| {
        serde_json::json!({
            "id": id,
            "copy": "",
            "revision": 0,
            "based_on": null,
            "group": null
        })
    });
    Ok(envelope)
}

/// Version 3 → 4: version 4 adds what the monthly review needs: per KPI the baseline date,
/// the target date, the expected path per period and the commentary per period, and the
/// scorecard's reviews. A version-3 scorecard has none: every KPI gets
/// `"baseline_date": null, "target_date": null, "expected_path": [], "commentary": []` and
/// the scorecard `"reviews": []`, so it keeps its meaning and scores (no KPI has an expected
/// value without a target date). Fields already present (written by hand) are left for
/// validation; an envelope without a scorecard object is left for the import to report.
pub fn v3_to_v4(mut envelope: Value) -> Result<Value, String> {
    let Some(card) = envelope.get_mut("scorecard").and_then(Value::as_object_mut) else {
        return Ok(envelope);
    };
    card.entry("reviews")
        .or_insert_with(|| Value::Array(Vec::new()));
    for_each_kpi(card, &mut |kpi| {
        kpi.entry("baseline_date").or_insert(Value::Null);
        kpi.entry("target_date").or_insert(Value::Null);
        kpi.entry("expected_path")
            .or_insert_with(|| Value::Array(Vec::new()));
        kpi.entry("commentary")
            .or_insert_with(|| Value::Array(Vec::new()));
    });
    Ok(envelope)
}

type KpiVisit<'a> = dyn FnMut(&mut serde_json::Map<String, Value>) + 'a;

/// Calls `visit` on every KPI object of a scorecard object (under objectives and under the
/// factors' sub-objectives); anything that is not an object is left for validation.
fn for_each_kpi(card: &mut serde_json::Map<String, Value>, visit: &mut KpiVisit<'_>) {
    fn list(parent: &mut Value, visit: &mut KpiVisit<'_>) {
        if let Some(kpis) = parent.get_mut("kpis").and_then(Value::as_array_mut) {
            for kpi in kpis.iter_mut().filter_map(Value::as_object_mut) {
                visit(kpi);
            }
        }
    }
    if let Some(objectives) = card.get_mut("objectives").and_then(Value::as_array_mut) {
        for o in objectives {
            list(o, visit);
        }
    }
    if let Some(factors) = card.get_mut("factors").and_then(Value::as_object_mut) {
        for factor in factors.values_mut() {
            if let Some(subs) = factor
                .get_mut("sub_objectives")
                .and_then(Value::as_array_mut)
            {
                for so in subs {
                    list(so, visit);
                }
            }
        }
    }
}

/// Migrates an envelope of version `from` to [`CURRENT_VERSION`] with [`MIGRATIONS`].
pub fn migrate(envelope: Value, from: u64) -> Result<Value, String> {
    migrate_with(MIGRATIONS, envelope, from, CURRENT_VERSION)
}

/// Migrates an envelope from version `from` to `to` with a given registry, setting its
/// `version` field after every step.
pub fn migrate_with(
    registry: &[(u64, Migration)],
    mut envelope: Value,
    from: u64,
    to: u64,
) -> Result<Value, String> {
    let mut version = from;
    while version < to {
        let step = registry
            .iter()
            .find(|(v, _)| *v == version)
            .map(|(_, m)| m)
            .ok_or_else(|| format!("no migration from file version {version} is known"))?;
        envelope =
            step(envelope).map_err(|e| format!("migration from version {version} failed: {e}"))?;
        version += 1;
        if let Value::Object(map) = &mut envelope {
            map.insert("version".to_string(), Value::from(version));
        }
    }
    Ok(envelope)
}
