#![cfg(not(target_arch = "wasm32"))]
//! Taking chosen changes over from a compared file (`model::merge::take_changes`) and
//! replacing a scorecard's content as one undo step (`Command::ReplaceContent`).

use proptest::prelude::*;
use smsc::method::templates;
use smsc::model::history::History;
use smsc::model::merge::{ChangeKind, compare, take_changes};
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn example() -> Scorecard {
    templates::example("sc-1".into(), Lang::En)
}

fn run(card: &mut Scorecard, cmd: Command) -> String {
    let applied = card
        .apply(cmd.clone())
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    applied.created_id.unwrap_or_default()
}

/// A colleague's edited copy of the example: a new sub-objective with a KPI, a removed
/// sub-objective, a new target, a new mission, a recorded measurement, a new link.
fn edited(old: &Scorecard) -> Scorecard {
    let mut new = old.clone();
    new.lineage.copy = "col1".into();
    let so = run(
        &mut new,
        Command::AddSubObjective {
            factor: FactorKind::Customers,
            title: "Resellers recommend us".into(),
        },
    );
    run(
        &mut new,
        Command::AddKpi {
            parent: KpiParent::SubObjective(so.clone()),
            name: "Recommendations".into(),
        },
    );
    run(&mut new, Command::RemoveSubObjective { id: "so-17".into() });
    run(
        &mut new,
        Command::UpdateKpi {
            id: "kpi-28".into(),
            field: KpiField::Target(Some(500.0)),
        },
    );
    run(
        &mut new,
        Command::SetScorecardField {
            field: ScorecardField::Mission("Members help members.".into()),
        },
    );
    run(
        &mut new,
        Command::RecordMeasurement {
            kpi: "kpi-28".into(),
            date: d("2026-04-30"),
            value: 410.0,
            note: String::new(),
        },
    );
    run(
        &mut new,
        Command::LinkContribution {
            sub_objective: so,
            objective: "obj-3".into(),
            at: None,
        },
    );
    new
}

fn all(n: usize) -> Vec<usize> {
    (0..n).collect()
}

#[test]
fn taking_every_change_gives_the_file_and_taking_none_gives_the_open_scorecard() {
    let old = example();
    let new = edited(&old);
    let changes = compare(&old, &new);
    assert_eq!(changes.len(), 6, "{changes:?}");
    let every = take_changes(&old, &new, &all(changes.len()));
    assert!(
        compare(&every, &new).is_empty(),
        "{:?}",
        compare(&every, &new)
    );
    assert_eq!(every.id, old.id);
    assert_eq!(every.lineage, old.lineage);
    let none = take_changes(&old, &new, &[]);
    assert!(
        compare(&old, &none).is_empty(),
        "{:?}",
        compare(&old, &none)
    );
}

#[test]
fn one_chosen_field_is_taken_and_the_rest_left_out() {
    let old = example();
    let new = edited(&old);
    let changes = compare(&old, &new);
    let target = changes
        .iter()
        .position(|c| c.field.as_deref() == Some("target"))
        .unwrap();
    let card = take_changes(&old, &new, &[target]);
    assert_eq!(card.kpi("kpi-28").unwrap().target, Some(500.0));
    assert_eq!(card.mission, old.mission);
    assert!(
        card.sub_objective("so-17").is_some(),
        "the removal is not taken"
    );
    let left = compare(&old, &card);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].field.as_deref(), Some("target"));
}

#[test]
fn a_removal_and_an_addition_are_taken_on_their_own() {
    let old = example();
    let new = edited(&old);
    let changes = compare(&old, &new);
    let removed = changes
        .iter()
        .position(|c| c.kind == ChangeKind::Deleted)
        .unwrap();
    let card = take_changes(&old, &new, &[removed]);
    assert!(card.sub_objective("so-17").is_none());
    assert_eq!(card.mission, old.mission);
    assert!(validate(&card).is_empty());

    // The new sub-objective and its KPI, without the link to obj-3.
    let added: Vec<usize> = changes
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.kind == ChangeKind::Added && c.item.kind != smsc::model::merge::ItemKind::Measurement
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(added.len(), 2, "{changes:?}");
    let card = take_changes(&old, &new, &added);
    let (_, so) = card
        .sub_objectives()
        .find(|(_, so)| so.title == "Resellers recommend us")
        .unwrap();
    assert_eq!(so.kpis.len(), 1);
    assert!(validate(&card).is_empty());
}

#[test]
fn a_kpi_taken_without_its_new_sub_objective_goes_with_it() {
    let old = example();
    let new = edited(&old);
    let changes = compare(&old, &new);
    let kpi = changes
        .iter()
        .position(|c| c.kind == ChangeKind::Added && c.item.label == "Recommendations")
        .unwrap();
    let card = take_changes(&old, &new, &[kpi]);
    assert!(card.kpis().all(|(_, k)| k.name != "Recommendations"));
    assert!(validate(&card).is_empty());
}

#[test]
fn replacing_the_content_is_one_undo_step_and_keeps_id_and_lineage() {
    let mut doc = example();
    doc.lineage.copy = "mine".into();
    let before = doc.clone();
    let mut other = edited(&doc);
    other.id = "sc-other".into();
    let mut history = History::new();
    history
        .apply(
            &mut doc,
            Command::ReplaceContent {
                card: Box::new(other.clone()),
            },
            None,
        )
        .unwrap();
    assert_eq!(doc.mission, "Members help members.");
    assert_eq!(doc.id, before.id);
    assert_eq!(doc.lineage, before.lineage);
    assert!(history.undo(&mut doc).unwrap());
    assert_eq!(doc, before);
    assert!(history.redo(&mut doc).unwrap());
    assert_eq!(doc.mission, "Members help members.");
}

#[test]
fn replacing_with_an_invalid_scorecard_is_refused_and_changes_nothing() {
    let mut doc = example();
    let before = doc.clone();
    let mut bad = doc.clone();
    bad.amber_threshold = f64::NAN;
    let err = doc
        .apply(Command::ReplaceContent {
            card: Box::new(bad),
        })
        .unwrap_err();
    assert!(err.to_string().contains("amber"), "{err}");
    assert_eq!(doc, before);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any subset of the changes gives a valid scorecard whose differences from the open one
    /// are among the file's, and every chosen field change of an item both have is taken.
    #[test]
    fn any_subset_of_changes_gives_a_valid_scorecard(mask in proptest::collection::vec(any::<bool>(), 16)) {
        let old = example();
        let new = edited(&old);
        let changes = compare(&old, &new);
        let chosen: Vec<usize> = (0..changes.len()).filter(|&i| mask[i % mask.len()]).collect();
        let card = take_changes(&old, &new, &chosen);
        prop_assert!(validate(&card).is_empty(), "{:?}", validate(&card));
        let file_paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        for change in compare(&old, &card) {
            prop_assert!(file_paths.contains(&change.path.as_str()), "not in the file: {change:?}");
        }
        for &i in &chosen {
            let c = &changes[i];
            if c.kind == ChangeKind::Changed && c.field.as_deref() == Some("mission") {
                prop_assert_eq!(&card.mission, &new.mission);
            }
            if c.kind == ChangeKind::Changed && c.field.as_deref() == Some("target") {
                prop_assert_eq!(card.kpi("kpi-28").and_then(|k| k.target), Some(500.0));
            }
        }
    }
}
