//! Native benchmarks (criterion) of the pure model on the stress scorecard
//! (`smsc::method::stress`, 4 factors, 100 sub-objectives, 400 KPIs, 120 monthly measurements each,
//! and 40 calculated KPIs over 20 daily input series of three years):
//! scoring and roll-up (budget: 5 ms, printed by `tests/perf/bench.mjs`), the calculated KPIs
//! alone, the dashboard's score history, the coach, validation, and the file import and
//! export. `cargo bench --bench scoring`; `SMSC_BENCH_SMOKE=1` uses the small scorecard.
//! Figures and budgets: docs/performance.md.

// The benchmarks are native only; for wasm32 (`clippy --all-targets`) this is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, criterion_group};
    use smsc::charts::score_history;
    use smsc::method::stress::{StressSize, stress_scorecard};
    use smsc::model::calculate::SeriesTable;
    use smsc::model::{Date, Kpi, Lang, export_json, import_file, validate::validate};
    use std::hint::black_box;

    /// Only to time a direct typed parse (what the import would cost without the Value tree).
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Envelope {
        scorecard: smsc::model::Scorecard,
    }

    fn size() -> StressSize {
        if std::env::var_os("SMSC_BENCH_SMOKE").is_some() {
            StressSize::SMOKE
        } else {
            StressSize::FULL
        }
    }

    fn model(c: &mut Criterion) {
        let card = stress_scorecard(size());
        let as_of = Date::from_ymd(2026, 11, 1).unwrap_or(Date::MIN);
        let text = export_json(&card, "2026-11-01T12:00:00Z", "bench");

        c.bench_function("evaluate (score and roll up every KPI)", |b| {
            b.iter(|| black_box(&card).evaluate(black_box(as_of)))
        });
        // What the calculated KPIs cost: the period each is scored on (part of evaluate), and
        // every period of each (what the charts and the Data view work out).
        let calculated: Vec<Kpi> = card
            .kpis()
            .filter(|(_, k)| k.is_calculated())
            .map(|(_, k)| k.clone())
            .collect();
        c.bench_function("calculated KPIs: the period each is scored on", |b| {
            b.iter(|| {
                let mut table = SeriesTable::as_of(black_box(&card), as_of);
                for k in &calculated {
                    black_box(table.calculate_scored(k, as_of));
                }
            })
        });
        c.bench_function("calculated KPIs: every period of each", |b| {
            b.iter(|| {
                let mut table = SeriesTable::as_of(black_box(&card), as_of);
                for k in &calculated {
                    black_box(table.calculate(k));
                }
            })
        });
        c.bench_function("score history (dashboard trend, every month)", |b| {
            b.iter(|| score_history(black_box(&card), as_of, Lang::En))
        });
        c.bench_function("coach hints", |b| {
            b.iter(|| smsc::method::coach::hints(black_box(&card), 6))
        });
        c.bench_function("validate", |b| b.iter(|| validate(black_box(&card))));
        c.bench_function("import file (parse, migrate, validate)", |b| {
            b.iter(|| import_file(black_box(&text)))
        });
        // The import's stages, to see what dominates it (docs/performance.md).
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        c.bench_function("import stage: JSON text to serde_json::Value", |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)))
        });
        let card_value = value.get("scorecard").cloned().unwrap_or_default();
        c.bench_function("import stage: Value to typed scorecard", |b| {
            b.iter(|| {
                serde_json::from_value::<smsc::model::Scorecard>(black_box(card_value.clone()))
            })
        });
        c.bench_function("import stage: JSON text to typed scorecard directly", |b| {
            b.iter(|| serde_json::from_str::<Envelope>(black_box(&text)))
        });
        c.bench_function("export file", |b| {
            b.iter(|| export_json(black_box(&card), "2026-11-01T12:00:00Z", "bench"))
        });
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(20);
        targets = model
    }
}
