#![cfg(not(target_arch = "wasm32"))]
//! The KPI library (`method::kpi_library`): every entry is a sound calculated KPI in both
//! languages, and picking one is a single undo step that creates the KPI, creates the missing
//! input series and reuses the ones the scorecard has.

use std::collections::{BTreeMap, BTreeSet};

use smsc::exchange::measurements::parse_pasted_rows;
use smsc::method::kpi_library::{
    self, AmecStage, LibraryEntry, PickPlan, fill_kpi_command, new_kpi_command, pick_summary,
};
use smsc::method::templates;
use smsc::model::formula::{Formula, is_valid_key};
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

/// The article's example in Dutch: its own series are keyed `interacties` and `bereik`, so
/// none of the library's (English) keys is taken yet.
fn example() -> Scorecard {
    let card = templates::example("t".into(), Lang::Nl);
    for e in kpi_library::entries() {
        for s in e.series {
            assert!(card.series_by_key(s.key).is_none(), "{} exists", s.key);
        }
    }
    card
}

/// The first sub-objective of the medium factor.
fn medium_sub(card: &Scorecard) -> KpiParent {
    let so = card
        .factor(FactorKind::Medium)
        .sub_objectives
        .first()
        .expect("the example has a medium sub-objective");
    KpiParent::SubObjective(so.id.clone())
}

fn entry(id: &str) -> &'static LibraryEntry {
    kpi_library::entry(id).expect("the entry exists")
}

/// Applies a plan and checks that its inverse gives back the exact card.
fn apply_and_check_undo(card: &mut Scorecard, plan: &PickPlan) -> Applied {
    let before = card.clone();
    let applied = card.apply(plan.command.clone()).expect("the pick applies");
    assert!(validate(card).is_empty(), "{:?}", validate(card));
    let mut undone = card.clone();
    undone
        .apply(applied.inverse.clone())
        .expect("the inverse applies");
    assert_eq!(undone, before, "undo gives back the exact card");
    applied
}

#[test]
fn every_formula_parses_and_uses_exactly_its_series() {
    for e in kpi_library::entries() {
        let formula =
            Formula::parse(e.formula).unwrap_or_else(|err| panic!("{}: {}", e.id, err.message()));
        let declared: BTreeSet<String> = e.series.iter().map(|s| s.key.to_string()).collect();
        assert_eq!(declared.len(), e.series.len(), "{}: a series twice", e.id);
        assert_eq!(formula.series_keys(), declared, "{}", e.id);
        for s in e.series {
            assert!(
                is_valid_key(s.key) && s.key.len() <= 40,
                "{}: key {}",
                e.id,
                s.key
            );
        }
    }
}

#[test]
fn a_key_means_the_same_series_in_every_entry() {
    let mut seen: BTreeMap<&str, (&str, _)> = BTreeMap::new();
    for e in kpi_library::entries() {
        for s in e.series {
            let first = seen.entry(s.key).or_insert((e.id, *s));
            assert_eq!(first.1, *s, "{} differs in {} and {}", s.key, first.0, e.id);
        }
    }
    // The common figures are shared.
    let uses = |key: &str| {
        kpi_library::entries()
            .iter()
            .filter(|e| e.series.iter().any(|s| s.key == key))
            .count()
    };
    for key in ["reach", "followers", "interactions", "impressions", "spend"] {
        assert!(uses(key) >= 2, "{key} is used by one entry only");
    }
}

#[test]
fn texts_exist_in_both_languages() {
    let mut ids = BTreeSet::new();
    let mut names = BTreeMap::new();
    for e in kpi_library::entries() {
        assert!(ids.insert(e.id), "id {} twice", e.id);
        for lang in Lang::ALL {
            assert!(!e.name.get(lang).trim().is_empty(), "{} name", e.id);
            assert!(
                e.description.get(lang).trim().len() > 40,
                "{} description",
                e.id
            );
            assert!(!e.unit.get(lang).trim().is_empty(), "{} unit", e.id);
            assert!(
                names
                    .insert((lang == Lang::Nl, e.name.get(lang)), e.id)
                    .is_none(),
                "{} name twice",
                e.id
            );
            for s in e.series {
                assert!(!s.name.get(lang).trim().is_empty(), "{} name", s.key);
                assert!(!s.unit.get(lang).trim().is_empty(), "{} unit", s.key);
            }
        }
        assert_ne!(e.description.en, e.description.nl, "{}", e.id);
        assert_ne!(e.name.en, e.name.nl, "{}", e.id);
    }
    for stage in AmecStage::ALL {
        for lang in Lang::ALL {
            assert!(!stage.name(lang).is_empty());
            assert!(!stage.meaning(lang).is_empty());
        }
        assert_ne!(stage.meaning(Lang::En), stage.meaning(Lang::Nl));
    }
}

#[test]
fn every_factor_and_stage_is_covered() {
    for factor in FactorKind::ALL {
        let of_factor = kpi_library::entries_for(Some(factor));
        assert!(of_factor.len() >= 2, "{factor:?}");
        assert!(of_factor.iter().all(|e| e.factor == factor));
    }
    assert_eq!(
        kpi_library::entries_for(None).len(),
        kpi_library::entries().len()
    );
    for stage in AmecStage::ALL {
        assert!(
            kpi_library::entries().iter().any(|e| e.stage == stage),
            "{stage:?}"
        );
    }
}

#[test]
fn the_median_response_time_says_the_median_is_worked_out_elsewhere() {
    let e = entry("median-response-time");
    assert!(e.description.en.contains("computed outside the app"));
    assert!(e.description.nl.contains("buiten de app berekend"));
    assert_eq!(e.direction, Direction::LowerIsBetter);
    assert_eq!(e.series.len(), 1);
    assert_eq!(e.series[0].aggregation, Aggregation::Last);
}

#[test]
fn search_matches_names_in_the_language_asked() {
    let ids = |found: Vec<&'static LibraryEntry>| found.iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(
        ids(kpi_library::search(None, "ENGAGEMENT reach", Lang::En)),
        ["engagement-rate-by-reach"]
    );
    assert_eq!(
        ids(kpi_library::search(None, "op bereik", Lang::Nl)),
        ["engagement-rate-by-reach"]
    );
    assert!(kpi_library::search(None, "bereik", Lang::En).is_empty());
    assert!(kpi_library::search(Some(FactorKind::Financial), "engagement", Lang::En).is_empty());
    assert_eq!(
        kpi_library::search(Some(FactorKind::Medium), "  ", Lang::En).len(),
        kpi_library::entries_for(Some(FactorKind::Medium)).len()
    );
}

#[test]
fn picking_engagement_rate_by_reach_creates_the_kpi_and_two_series() {
    let mut card = example();
    let parent = medium_sub(&card);
    let kpis_before = card.kpis().count();
    let series_before = card.series.len();
    let next = card.next_id;
    let plan = new_kpi_command(
        &card,
        entry("engagement-rate-by-reach"),
        parent.clone(),
        Lang::En,
    )
    .expect("a plan");
    assert_eq!(plan.new_series, ["interactions", "reach"]);
    assert!(plan.reused_series.is_empty());
    assert!(plan.notes.is_empty());
    assert!(plan.added);
    // One batch: the series take the next ids in order, then the KPI.
    assert!(matches!(plan.command, Command::Batch { .. }));
    assert_eq!(plan.kpi_id, ids::make_id(ids::KPI_PREFIX, next + 2));

    let applied = apply_and_check_undo(&mut card, &plan);
    assert_eq!(applied.created_id.as_deref(), Some(plan.kpi_id.as_str()));
    assert_eq!(card.kpis().count(), kpis_before + 1);
    assert_eq!(card.series.len(), series_before + 2);
    let interactions = card.series_by_key("interactions").expect("interactions");
    let reach = card.series_by_key("reach").expect("reach");
    assert_eq!(interactions.id, ids::make_id(ids::SERIES_PREFIX, next));
    assert_eq!(reach.id, ids::make_id(ids::SERIES_PREFIX, next + 1));
    assert_eq!(interactions.aggregation, Aggregation::Sum);
    assert_eq!(reach.aggregation, Aggregation::Sum);
    assert!(reach.points.is_empty());
    assert_eq!(reach.name, "Reach (people reached)");

    let kpi = card.kpi(&plan.kpi_id).expect("the KPI");
    assert_eq!(card.kpi_list(&parent).and_then(|l| l.last()), Some(kpi));
    assert_eq!(kpi.name, "Engagement rate by reach");
    assert_eq!(kpi.formula.as_deref(), Some("interactions / reach * 100"));
    assert_eq!(kpi.unit, "%");
    assert_eq!(kpi.direction, Direction::HigherIsBetter);
    assert_eq!(kpi.frequency, Frequency::Monthly);
    assert!(
        kpi.description
            .starts_with("The share of the people reached")
    );
    assert!(kpi.data_source.contains("Reach (people reached)"));
    assert!(kpi.data_source.contains("Interactions"));
    assert!(kpi.is_calculated());
    let summary = pick_summary(&plan, entry("engagement-rate-by-reach"), Lang::En);
    assert!(summary.contains("“interactions”, “reach”"), "{summary}");
    assert!(summary.contains("Data view"), "{summary}");
}

#[test]
fn texts_follow_the_language_asked() {
    let card = example();
    let plan = new_kpi_command(
        &card,
        entry("follower-growth-rate"),
        medium_sub(&card),
        Lang::Nl,
    )
    .expect("a plan");
    let mut card = card;
    card.apply(plan.command.clone()).expect("applies");
    let kpi = card.kpi(&plan.kpi_id).expect("the KPI");
    assert_eq!(kpi.name, "Groei van het aantal volgers");
    assert_eq!(
        card.series_by_key("followers").map(|s| s.name.as_str()),
        Some("Volgers")
    );
    assert_eq!(
        card.series_by_key("followers").map(|s| s.aggregation),
        Some(Aggregation::Last)
    );
    let summary = pick_summary(&plan, entry("follower-growth-rate"), Lang::Nl);
    assert!(summary.contains("Gegevens"), "{summary}");
}

#[test]
fn a_second_entry_reuses_the_shared_series() {
    let mut card = example();
    let parent = medium_sub(&card);
    let first = new_kpi_command(
        &card,
        entry("engagement-rate-by-reach"),
        parent.clone(),
        Lang::En,
    )
    .expect("a plan");
    card.apply(first.command).expect("applies");
    let reach_id = card.series_by_key("reach").map(|s| s.id.clone());

    let second = new_kpi_command(&card, entry("reach-per-post"), parent, Lang::En).expect("a plan");
    assert_eq!(second.reused_series, ["reach"]);
    assert_eq!(second.new_series, ["posts_published"]);
    assert!(second.notes.is_empty());
    let series_before = card.series.len();
    apply_and_check_undo(&mut card, &second);
    assert_eq!(card.series.len(), series_before + 1);
    assert_eq!(card.series_by_key("reach").map(|s| s.id.clone()), reach_id);
    let kpi = card.kpi(&second.kpi_id).expect("the KPI");
    assert_eq!(kpi.formula.as_deref(), Some("reach / posts_published"));
    let summary = pick_summary(&second, entry("reach-per-post"), Lang::En);
    assert!(
        summary.contains("Existing series used: “reach”"),
        "{summary}"
    );
}

#[test]
fn a_series_with_another_aggregation_is_reused_as_it_is_and_noted() {
    let mut card = example();
    card.apply(Command::AddSeries {
        series: InputSeries {
            key: "followers".into(),
            name: "Followers on Instagram".into(),
            channel: "Instagram".into(),
            aggregation: Aggregation::Sum,
            ..InputSeries::default()
        },
    })
    .expect("a series");
    let plan = new_kpi_command(
        &card,
        entry("engagement-rate-by-followers"),
        medium_sub(&card),
        Lang::En,
    )
    .expect("a plan");
    assert_eq!(plan.reused_series, ["followers"]);
    assert_eq!(plan.new_series, ["interactions"]);
    assert_eq!(plan.notes.len(), 1);
    assert!(plan.notes[0].contains("“followers”"), "{}", plan.notes[0]);
    assert!(plan.notes[0].contains("Sum"), "{}", plan.notes[0]);
    assert!(plan.notes[0].contains("Last value"), "{}", plan.notes[0]);
    apply_and_check_undo(&mut card, &plan);
    assert_eq!(
        card.series_by_key("followers").map(|s| s.aggregation),
        Some(Aggregation::Sum),
        "the existing series is left as it is"
    );
    let kpi = card.kpi(&plan.kpi_id).expect("the KPI");
    assert!(
        kpi.data_source
            .contains("Followers on Instagram (Instagram)"),
        "{}",
        kpi.data_source
    );
    let summary = pick_summary(&plan, entry("engagement-rate-by-followers"), Lang::En);
    assert!(summary.ends_with(&plan.notes[0]), "{summary}");
}

#[test]
fn every_entry_can_be_picked_and_undone_and_all_together_share_series() {
    let mut card = example();
    let parent = medium_sub(&card);
    let mut keys = BTreeSet::new();
    for e in kpi_library::entries() {
        // Alone, on the example.
        let mut alone = example();
        let plan = new_kpi_command(&alone, e, medium_sub(&alone), Lang::Nl).expect(e.id);
        assert_eq!(plan.new_series.len(), e.series.len(), "{}", e.id);
        apply_and_check_undo(&mut alone, &plan);
        let kpi = alone.kpi(&plan.kpi_id).expect("the KPI");
        let calc = alone.calculate(kpi).expect("calculated");
        assert!(calc.formula.is_ok(), "{}", e.id);
        // One after the other, on one card.
        let plan = new_kpi_command(&card, e, parent.clone(), Lang::En).expect(e.id);
        for s in e.series {
            assert_eq!(
                plan.reused_series.contains(&s.key.to_string()),
                keys.contains(s.key),
                "{}: {}",
                e.id,
                s.key
            );
            keys.insert(s.key);
        }
        apply_and_check_undo(&mut card, &plan);
    }
    let library_series = card
        .series
        .iter()
        .filter(|s| keys.contains(s.key.as_str()))
        .count();
    assert_eq!(library_series, keys.len());
}

#[test]
fn a_pick_for_an_unknown_parent_is_refused() {
    let card = example();
    let err = new_kpi_command(
        &card,
        entry("response-rate"),
        KpiParent::SubObjective("so-999".into()),
        Lang::En,
    )
    .expect_err("refused");
    assert!(err.to_string().contains("so-999"), "{err}");
}

#[test]
fn filling_an_existing_kpi_keeps_a_chosen_name() {
    let mut card = example();
    let parent = medium_sub(&card);
    let added = card
        .apply(Command::AddKpi {
            parent: parent.clone(),
            name: "Nieuwe KPI".into(),
        })
        .expect("a KPI")
        .created_id
        .expect("its id");
    let plan = fill_kpi_command(&card, entry("active-members"), &added, Lang::En).expect("a plan");
    assert!(!plan.added);
    assert_eq!(plan.kpi_id, added);
    assert_eq!(plan.new_series, ["active_members", "members"]);
    let kpis_before = card.kpis().count();
    apply_and_check_undo(&mut card, &plan);
    assert_eq!(card.kpis().count(), kpis_before, "no KPI is added");
    let kpi = card.kpi(&added).expect("the KPI");
    assert_eq!(kpi.name, "Active members");
    assert_eq!(
        kpi.formula.as_deref(),
        Some("active_members / members * 100")
    );
    assert_eq!(kpi.unit, "%");

    // A KPI with a name of its own keeps it, and its data source; its frequency stays too.
    card.apply(Command::UpdateKpi {
        id: added.clone(),
        field: KpiField::Name("Lively community".into()),
    })
    .expect("renamed");
    card.apply(Command::UpdateKpi {
        id: added.clone(),
        field: KpiField::Frequency(Frequency::Weekly),
    })
    .expect("weekly");
    let source = card.kpi(&added).map(|k| k.data_source.clone());
    let plan = fill_kpi_command(&card, entry("members-who-are-customers"), &added, Lang::En)
        .expect("a plan");
    assert_eq!(plan.reused_series, ["members"]);
    assert_eq!(plan.new_series, ["member_customers"]);
    assert_eq!(plan.notes.len(), 1, "{:?}", plan.notes);
    assert!(plan.notes[0].contains("weekly"), "{}", plan.notes[0]);
    apply_and_check_undo(&mut card, &plan);
    let kpi = card.kpi(&added).expect("the KPI");
    assert_eq!(kpi.name, "Lively community");
    assert_eq!(kpi.frequency, Frequency::Weekly);
    assert_eq!(Some(kpi.data_source.clone()), source);
    assert_eq!(
        kpi.formula.as_deref(),
        Some("member_customers / members * 100")
    );

    let err =
        fill_kpi_command(&card, entry("active-members"), "kpi-999", Lang::En).expect_err("refused");
    assert!(err.to_string().contains("kpi-999"), "{err}");
}

#[test]
fn a_pasted_month_of_daily_points_gives_the_hand_worked_ratio() {
    let mut card = example();
    let plan = new_kpi_command(
        &card,
        entry("engagement-rate-by-reach"),
        medium_sub(&card),
        Lang::En,
    )
    .expect("a plan");
    card.apply(plan.command.clone()).expect("applies");

    // March 2026, day i = 0 … 30: reach 1,000 + 10·i, interactions 30 + i, as a
    // spreadsheet copies them (tab between date and value).
    let column = |value: &dyn Fn(i64) -> i64| {
        (0..31)
            .map(|i| format!("2026-03-{:02}\t{}", i + 1, value(i)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (key, text) in [
        ("reach", column(&|i| 1000 + 10 * i)),
        ("interactions", column(&|i| 30 + i)),
    ] {
        let points: Vec<InputPoint> = parse_pasted_rows(&text, Lang::En)
            .into_iter()
            .map(|row| {
                let row = row.expect("a good row");
                InputPoint {
                    date: row.date,
                    value: row.value,
                    note: row.note,
                    ..InputPoint::default()
                }
            })
            .collect();
        assert_eq!(points.len(), 31);
        let id = card.series_by_key(key).expect("the series").id.clone();
        card.apply(Command::UpsertSeriesPoints { id, points })
            .expect("pasted");
    }

    // Σ reach = 31 × 1,000 + 10 × (0 + 1 + … + 30) = 31,000 + 4,650 = 35,650;
    // Σ interactions = 31 × 30 + 465 = 1,395; 1,395 / 35,650 × 100 = 3.9130434782608696 %.
    let kpi = card.kpi(&plan.kpi_id).expect("the KPI");
    let calc = card.calculate(kpi).expect("calculated");
    let scored = calc.scored(d("2026-04-05")).expect("March is over");
    assert_eq!(scored.period.key(), "2026-03");
    let value = *scored.value.as_ref().expect("a value");
    assert!((value - 3.9130434782608696).abs() < 1e-12, "{value}");
    let inputs: Vec<(&str, Option<f64>)> = scored
        .inputs
        .iter()
        .map(|i| (i.key.as_str(), i.value))
        .collect();
    assert_eq!(
        inputs,
        [("interactions", Some(1395.0)), ("reach", Some(35650.0))]
    );
    // Before the month is over it is only "so far", not scored.
    assert!(calc.scored(d("2026-03-20")).is_none());
    // The effective KPI shows the value as the month's measurement.
    let effective = card.effective_kpi(kpi);
    let last = effective.measurements.last().expect("a value");
    assert_eq!(last.date, d("2026-03-31"));
    assert!((last.value - 3.9130434782608696).abs() < 1e-12);
}
