//! Native benchmarks (criterion) of the pure model on the stress scorecard
//! (`smsc::method::stress`, 4 factors, 100 sub-objectives, 400 KPIs, 120 monthly measurements each,
//! and 40 calculated KPIs over 20 daily input series of three years):
//! scoring and roll-up (budget: 5 ms, printed by `tests/perf/bench.mjs`), the calculated KPIs
//! alone, the dashboard's score history, the coach, validation, the file import and
//! export, and the platform-export import of a three-year daily export of five metrics (read,
//! propose and plan, and applying its command). `cargo bench --bench scoring`;
//! `SMSC_BENCH_SMOKE=1` uses the small scorecard.
//! Figures and budgets: docs/performance.md.

// The benchmarks are native only; for wasm32 (`clippy --all-targets`) this is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{BatchSize, Criterion, criterion_group};
    use smsc::charts::score_history;
    use smsc::exchange::platform_import::{Target, plan, propose};
    use smsc::exchange::platforms::{ReadOptions, read_export_with};
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

    /// The browser benchmark's export (`dailyExport` in tests/perf/bench.mjs): the generic
    /// "date + numbers" kind, `Date,Impressions,Reach,Clicks,Reactions,Followers`, one row a
    /// day from 2023-01-01 to 2025-12-31 (1,096 rows), with a weekly rhythm, growth and noise.
    fn daily_export() -> String {
        let first = Date::from_ymd(2023, 1, 1).unwrap_or(Date::MIN);
        let last = Date::from_ymd(2025, 12, 31).unwrap_or(Date::MIN);
        let days = first.days_until(last) + 1;
        let mut seed: u64 = 20_230_101;
        let mut random = move || {
            seed = seed * 48_271 % 2_147_483_647;
            seed as f64 / 2_147_483_647.0
        };
        // Sunday … Saturday; 2023-01-01 was a Sunday.
        let weekly = [0.8, 1.0, 1.05, 1.1, 1.05, 0.95, 0.85];
        let mut text = String::from("Date,Impressions,Reach,Clicks,Reactions,Followers\n");
        let mut followers = 2000.0;
        for i in 0..days {
            let grow = 1.0 + 0.5 * i as f64 / days as f64;
            let impressions =
                (4000.0 * grow * weekly[i as usize % 7] * (0.8 + 0.4 * random())).round();
            let reach = (impressions * (0.55 + 0.1 * random())).round();
            let clicks = (impressions * (0.01 + 0.01 * random())).round();
            let reactions = (impressions * (0.02 + 0.02 * random())).round();
            followers += (4.0 * random()).round() - if random() < 0.1 { 3.0 } else { 0.0 };
            let day = first.add_days(i);
            text.push_str(&format!(
                "{day},{impressions},{reach},{clicks},{reactions},{followers}\n"
            ));
        }
        text
    }

    /// The platform-export import of [`daily_export`] into the stress scorecard: what the
    /// dialog works out when the file is chosen, what Apply does to the scorecard, and the
    /// plan of the same file once imported (every point unchanged).
    fn platform_import(c: &mut Criterion) {
        let card = stress_scorecard(size());
        let bytes = daily_export().into_bytes();
        let options = ReadOptions::on(Date::from_ymd(2026, 1, 2).unwrap_or(Date::MIN));
        let read = |bytes: &[u8]| read_export_with("daily-2023-2025.csv", bytes, &options);
        let Ok(export) = read(&bytes) else {
            panic!("the generated daily export was not read");
        };
        assert_eq!(
            export.metrics.len(),
            5,
            "five metrics in the generated export"
        );
        let targets_of = |card: &smsc::model::Scorecard| {
            let (proposals, _) = propose(card, &[&export], None);
            let targets: Vec<Vec<Target>> = proposals
                .iter()
                .map(|row| row.iter().map(|p| p.target.clone()).collect())
                .collect();
            targets
        };
        let title = "platform import (1,096 days × 5 metrics)";
        c.bench_function(&format!("{title}: read, propose and plan"), |b| {
            b.iter(|| {
                let Ok(export) = read(black_box(&bytes)) else {
                    return None;
                };
                let (proposals, _) = propose(black_box(&card), &[&export], None);
                let targets: Vec<Vec<Target>> = proposals
                    .iter()
                    .map(|row| row.iter().map(|p| p.target.clone()).collect())
                    .collect();
                Some(plan(&card, &[&export], &targets))
            })
        });
        c.bench_function(&format!("{title}: read the file"), |b| {
            b.iter(|| read(black_box(&bytes)))
        });
        c.bench_function(&format!("{title}: propose and plan"), |b| {
            b.iter(|| plan(black_box(&card), &[&export], &targets_of(&card)))
        });
        let Some(command) = plan(&card, &[&export], &targets_of(&card)).command else {
            panic!("the import of the generated export has nothing to apply");
        };
        // The command on a copy of the scorecard (the copy is made outside the timing).
        c.bench_function(&format!("{title}: apply the command (new series)"), |b| {
            b.iter_batched(
                || (card.clone(), command.clone()),
                |(mut card, command)| card.apply(command).map(|a| (card, a)),
                BatchSize::LargeInput,
            )
        });
        // What Apply makes the app work out again: the scores, with the new series in place.
        let mut imported = card.clone();
        if imported.apply(command.clone()).is_err() {
            panic!("the import's command was refused");
        }
        let as_of = Date::from_ymd(2026, 11, 1).unwrap_or(Date::MIN);
        c.bench_function(&format!("{title}: evaluate after it"), |b| {
            b.iter(|| black_box(&imported).evaluate(black_box(as_of)))
        });
        let (proposals, _) = propose(&imported, &[&export], None);
        let again: Vec<Vec<Target>> = proposals
            .iter()
            .map(|row| row.iter().map(|p| p.target.clone()).collect())
            .collect();
        c.bench_function(&format!("{title}: plan again (all unchanged)"), |b| {
            b.iter(|| plan(black_box(&imported), &[&export], &again))
        });
    }

    /// A copy of `base` as a workshop group returns it: its own id range, a new sub-objective
    /// with a KPI, another mission and a few new measurements of existing KPIs.
    fn edited_copy(base: &smsc::model::Scorecard, k: u64) -> smsc::model::Scorecard {
        use smsc::model::{Command, FactorKind, KpiParent, ScorecardField};
        let mut card = base.clone();
        card.next_id = base.next_id + 1_000_000 * k;
        let run = |card: &mut smsc::model::Scorecard, command: Command| match card.apply(command) {
            Ok(applied) => applied.created_id.unwrap_or_default(),
            Err(e) => panic!("a bench edit was refused: {e}"),
        };
        let so = run(
            &mut card,
            Command::AddSubObjective {
                factor: FactorKind::ALL[k as usize % FactorKind::ALL.len()],
                title: format!("Group {k}'s sub-objective"),
            },
        );
        run(
            &mut card,
            Command::AddKpi {
                parent: KpiParent::SubObjective(so),
                name: format!("Group {k}'s KPI"),
            },
        );
        run(
            &mut card,
            Command::SetScorecardField {
                field: ScorecardField::Mission(format!("The mission as group {k} sees it")),
            },
        );
        let kpis: Vec<String> = base
            .kpis()
            .filter(|(_, kpi)| !kpi.is_calculated())
            .map(|(_, kpi)| kpi.id.clone())
            .skip(k as usize * 7)
            .take(5)
            .collect();
        for (i, kpi) in kpis.into_iter().enumerate() {
            let date = Date::from_ymd(2027, 1 + i as u8, 1).unwrap_or(Date::MIN);
            run(
                &mut card,
                Command::RecordMeasurement {
                    kpi,
                    date,
                    value: 10.0 * k as f64 + i as f64,
                    note: String::new(),
                },
            );
        }
        card
    }

    /// The merge of workshop copies (`smsc::model::merge`, docs/merge.md) on the stress
    /// scorecard: base + ours + two lightly edited copies, and the two-way comparison.
    fn merge(c: &mut Criterion) {
        use smsc::model::merge::{Side, compare, merge};
        let base = stress_scorecard(size());
        let (one, two) = (edited_copy(&base, 1), edited_copy(&base, 2));
        let sides = [
            Side {
                name: "Group 1",
                card: &one,
            },
            Side {
                name: "Group 2",
                card: &two,
            },
        ];
        c.bench_function("merge: two copies of the stress scorecard", |b| {
            b.iter(|| merge(black_box(&base), black_box(&base), black_box(&sides)))
        });
        c.bench_function("compare: the stress scorecard with an edited copy", |b| {
            b.iter(|| compare(black_box(&base), black_box(&one)))
        });
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(20);
        targets = model, platform_import, merge
    }
}
