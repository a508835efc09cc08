//! Migrations of older file versions: pure functions from version N to N + 1 on the JSON
//! envelope, run one after the other on import until the current version is reached.

use serde_json::Value;

/// The file format version this app writes.
pub const CURRENT_VERSION: u64 = 1;

/// A migration from one version to the next, on the whole envelope.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The registry: `(from_version, migration to from_version + 1)`, in order.
/// Empty while version 1 is the only version; version 2 adds `(1, v1_to_v2)` here.
pub const MIGRATIONS: &[(u64, Migration)] = &[];

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
