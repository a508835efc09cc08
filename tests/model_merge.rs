#![cfg(not(target_arch = "wasm32"))]
//! The three-way merge of scorecard copies (`model::merge`): one test per rule, the
//! two-way comparison, resolving conflicts, and property tests on random edits of copies.

use proptest::prelude::*;
use serde_json::{Value, json};
use smsc::method::templates;
use smsc::model::merge::{
    Change, ChangeKind, Choice, ItemKind, MERGE, Merge, OURS, ResolveError, Side, compare, merge,
    resolve,
};
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn example() -> Scorecard {
    templates::example("sc-1".into(), Lang::En)
}

/// A copy handed out to group `k` (from 1): the base's id counter, so every copy makes the
/// same numbers, but its own copy tag in the ids it makes (as `Scorecard::hand_out` gives):
/// its ids never equal another copy's.
fn copy(base: &Scorecard, k: u64) -> Scorecard {
    let mut card = base.clone();
    card.lineage.copy = format!("g{k}");
    card
}

/// Applies a command that must succeed and returns the id it created, if any.
fn run(card: &mut Scorecard, cmd: Command) -> String {
    let applied = card
        .apply(cmd.clone())
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    applied.created_id.unwrap_or_default()
}

fn side<'a>(name: &'a str, card: &'a Scorecard) -> Side<'a> {
    Side { name, card }
}

/// Merges the copies into the unchanged base (the facilitator's open file).
fn merge_into_base(base: &Scorecard, copies: &[(&str, &Scorecard)]) -> Merge {
    let sides: Vec<Side> = copies.iter().map(|(n, c)| side(n, c)).collect();
    let m = merge(base, base, &sides);
    assert!(validate(&m.result).is_empty(), "{:?}", validate(&m.result));
    m
}

fn set_mission(card: &mut Scorecard, text: &str) {
    run(
        card,
        Command::SetScorecardField {
            field: ScorecardField::Mission(text.into()),
        },
    );
}

fn add_sub(card: &mut Scorecard, factor: FactorKind, title: &str, kpis: &[&str]) -> String {
    let so = run(
        card,
        Command::AddSubObjective {
            factor,
            title: title.into(),
        },
    );
    for name in kpis {
        run(
            card,
            Command::AddKpi {
                parent: KpiParent::SubObjective(so.clone()),
                name: (*name).into(),
            },
        );
    }
    so
}

fn record(card: &mut Scorecard, kpi: &str, date: &str, value: f64) -> String {
    run(
        card,
        Command::RecordMeasurement {
            kpi: kpi.into(),
            date: d(date),
            value,
            note: String::new(),
        },
    )
}

fn set_target(card: &mut Scorecard, kpi: &str, target: f64) {
    run(
        card,
        Command::UpdateKpi {
            id: kpi.into(),
            field: KpiField::Target(Some(target)),
        },
    );
}

#[test]
fn two_groups_each_add_a_sub_objective_with_kpis_in_their_factor() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    let so_a = add_sub(
        &mut a,
        FactorKind::Customers,
        "Reviews",
        &["Stars", "Reviews"],
    );
    let so_b = add_sub(&mut b, FactorKind::Medium, "Fast answers", &["Answer time"]);
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let (factor, so) = m.result.sub_objective(&so_a).unwrap();
    assert_eq!(factor, FactorKind::Customers);
    assert_eq!(so.kpis.len(), 2);
    assert_eq!(so.kpis[0].name, "Stars");
    let (factor, so) = m.result.sub_objective(&so_b).unwrap();
    assert_eq!(factor, FactorKind::Medium);
    assert_eq!(so.kpis[0].name, "Answer time");
    // Additions come after ours' items, in their side's order.
    let customers = &m.result.factors.customers.sub_objectives;
    assert_eq!(customers.last().unwrap().id, so_a);
    assert_eq!(m.count("A", ChangeKind::Added), 3);
    assert_eq!(m.count("B", ChangeKind::Added), 2);
    assert_eq!(m.count(OURS, ChangeKind::Added), 0);
    // Both copies counted from the same number; their ids differ by tag.
    assert!(so_a.starts_with("so-g1-") && so_b.starts_with("so-g2-"));
    assert_eq!(m.result.next_id, a.next_id.max(b.next_id));
}

#[test]
fn two_different_missions_are_exactly_one_conflict_with_both_values_and_groups() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    set_mission(&mut a, "Mission of A");
    set_mission(&mut b, "Mission of B");
    let m = merge_into_base(&base, &[("Organisation", &a), ("Medium", &b)]);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.item.kind, ItemKind::Scorecard);
    assert_eq!(c.field.as_deref(), Some("mission"));
    assert_eq!(c.path, "mission");
    assert_eq!(c.base, Some(json!(base.mission)));
    assert_eq!(
        c.values,
        vec![
            ("Organisation".to_string(), Some(json!("Mission of A"))),
            ("Medium".to_string(), Some(json!("Mission of B"))),
        ]
    );
    // Until resolved: ours' value (here the base's).
    assert_eq!(m.result.mission, base.mission);
    let sides = [side("Organisation", &a), side("Medium", &b)];
    let choice = Choice {
        conflict: 0,
        side: "Medium".into(),
    };
    let resolved = resolve(&m, &base, &base, &sides, &[choice]).unwrap();
    assert_eq!(resolved.mission, "Mission of B");
    assert!(validate(&resolved).is_empty());
    let all_a = resolve(&m, &base, &base, &sides, &m.take_all("Organisation")).unwrap();
    assert_eq!(all_a.mission, "Mission of A");
}

#[test]
fn the_same_change_on_two_sides_is_no_conflict() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    set_mission(&mut a, "One mission");
    set_mission(&mut b, "One mission");
    set_target(&mut a, "kpi-21", 4.0);
    set_target(&mut b, "kpi-21", 4.0);
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.result.mission, "One mission");
    assert_eq!(m.result.kpi("kpi-21").unwrap().target, Some(4.0));
}

#[test]
fn a_field_changed_by_one_side_takes_that_change_and_ours_counts_too() {
    let base = example();
    let mut ours = base.clone();
    let mut a = copy(&base, 1);
    run(
        &mut ours,
        Command::SetScorecardField {
            field: ScorecardField::Title("Ours".into()),
        },
    );
    set_target(&mut a, "kpi-13", 99.0);
    run(
        &mut a,
        Command::SetFactorText {
            factor: FactorKind::Medium,
            label: "The community".into(),
            key_question: "How is the community?".into(),
        },
    );
    run(
        &mut a,
        Command::SetScorecardField {
            field: ScorecardField::AmberThreshold(0.5),
        },
    );
    let m = merge(&base, &ours, &[side("A", &a)]);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.result.title, "Ours");
    assert_eq!(m.result.amber_threshold, 0.5);
    assert_eq!(m.result.kpi("kpi-13").unwrap().target, Some(99.0));
    assert_eq!(m.result.factors.medium.label, "The community");
    assert_eq!(
        m.result.factors.medium.key_question,
        "How is the community?"
    );
    assert_eq!(m.count(OURS, ChangeKind::Changed), 1);
    assert_eq!(m.count("A", ChangeKind::Changed), 4);
    let label = m
        .changes
        .iter()
        .find(|c| c.field.as_deref() == Some("label"))
        .unwrap();
    assert_eq!(label.path, "factors.medium.label");
    assert_eq!(label.old, Some(json!("Community")));
}

#[test]
fn a_deleted_item_stays_deleted_unless_another_side_changed_it() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    run(
        &mut a,
        Command::RemoveKpi {
            id: "kpi-13".into(),
        },
    );
    run(
        &mut a,
        Command::RemoveKpi {
            id: "kpi-18".into(),
        },
    );
    set_target(&mut b, "kpi-18", 1234.0);
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(
        m.result.kpi("kpi-13").is_none(),
        "untouched elsewhere: deleted"
    );
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.field, None);
    assert_eq!(c.item.id, "kpi-18");
    assert_eq!(
        c.path,
        "factors.financial.sub_objectives[so-17].kpis[kpi-18]"
    );
    assert_eq!(c.values[0], ("A".to_string(), None));
    assert_eq!(c.values[1].0, "B");
    assert_eq!(c.values[1].1.as_ref().unwrap()["target"], json!(1234.0));
    // Ours (the base) still has it: kept, with B's change, until resolved.
    assert_eq!(m.result.kpi("kpi-18").unwrap().target, Some(1234.0));
    let sides = [side("A", &a), side("B", &b)];
    let take_a = Choice {
        conflict: 0,
        side: "A".into(),
    };
    let resolved = resolve(&m, &base, &base, &sides, &[take_a]).unwrap();
    assert!(resolved.kpi("kpi-18").is_none());
    assert!(validate(&resolved).is_empty());
}

#[test]
fn work_inside_a_deleted_sub_objective_is_a_conflict_on_the_sub_objective() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    run(&mut a, Command::RemoveSubObjective { id: "so-20".into() });
    let kpi = run(
        &mut b,
        Command::AddKpi {
            parent: KpiParent::SubObjective("so-20".into()),
            name: "New".into(),
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].item.id, "so-20");
    assert!(m.result.kpi(&kpi).is_some());
    let sides = [side("A", &a), side("B", &b)];
    let gone = resolve(&m, &base, &base, &sides, &m.take_all("A")).unwrap();
    assert!(gone.sub_objective("so-20").is_none());
    assert!(gone.kpi(&kpi).is_none() && gone.kpi("kpi-21").is_none());
    assert!(validate(&gone).is_empty(), "{:?}", validate(&gone));
    // The links to the deleted sub-objective went with it.
    assert!(
        gone.sub_objectives()
            .all(|(_, s)| !s.leads_to.contains(&"so-20".to_string()))
    );
    // When ours deleted it, ours' choice holds and the new KPI is reported as dropped.
    let m = merge(&base, &a, &[side("B", &b)]);
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.result.sub_objective("so-20").is_none());
    assert!(validate(&m.result).is_empty());
    assert!(
        m.changes
            .iter()
            .any(|c| c.side == MERGE && c.item.id == kpi && c.kind == ChangeKind::Deleted)
    );
}

#[test]
fn the_same_measurement_entered_by_two_groups_is_counted_once() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    let ma = record(&mut a, "kpi-21", "2026-04-30", 3.5);
    let mb = record(&mut b, "kpi-21", "2026-04-30", 3.5);
    let other = record(&mut b, "kpi-21", "2026-04-30", 4.0);
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    let kpi = m.result.kpi("kpi-21").unwrap();
    assert!(kpi.measurement(&ma).is_some());
    assert!(kpi.measurement(&mb).is_none(), "counted once");
    assert!(
        kpi.measurement(&other).is_some(),
        "another value is another figure"
    );
    assert_eq!(
        kpi.measurements.len(),
        base.kpi("kpi-21").unwrap().measurements.len() + 2
    );
    assert!(m.changes.iter().any(|c| c.side == MERGE && c.item.id == mb));
    // One group entering a figure twice means it.
    let mut c = copy(&base, 3);
    record(&mut c, "kpi-21", "2026-05-31", 1.0);
    record(&mut c, "kpi-21", "2026-05-31", 1.0);
    let m = merge_into_base(&base, &[("C", &c)]);
    c.lineage = base.lineage.clone(); // the lineage is ours', never merged
    assert_eq!(m.result, c);
}

#[test]
fn measurements_merge_by_id_field_by_field() {
    let base = example();
    let m_id = base.kpi("kpi-21").unwrap().measurements[0].id.clone();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    run(
        &mut a,
        Command::UpdateMeasurement {
            id: m_id.clone(),
            field: MeasurementField::Value(7.0),
        },
    );
    run(
        &mut b,
        Command::UpdateMeasurement {
            id: m_id.clone(),
            field: MeasurementField::Note("checked".into()),
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    let kpi = m.result.kpi("kpi-21").unwrap();
    let got = kpi.measurement(&m_id).unwrap();
    assert_eq!((got.value, got.note.as_str()), (7.0, "checked"));
}

#[test]
fn links_added_by_two_groups_are_both_kept_and_a_removed_link_stays_removed() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    run(
        &mut a,
        Command::LinkContribution {
            sub_objective: "so-17".into(),
            objective: "obj-6".into(),
            at: None,
        },
    );
    run(
        &mut b,
        Command::LinkContribution {
            sub_objective: "so-17".into(),
            objective: "obj-9".into(),
            at: Some(0),
        },
    );
    run(
        &mut b,
        Command::UnlinkCause {
            cause: "so-20".into(),
            effect: "so-12".into(),
        },
    );
    run(
        &mut a,
        Command::LinkCause {
            cause: "so-17".into(),
            effect: "so-12".into(),
            at: None,
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    let (_, so) = m.result.sub_objective("so-17").unwrap();
    // The order of the first side that changed the list, then the other side's additions.
    assert_eq!(so.contributes_to, ["obj-3", "obj-6", "obj-9"]);
    assert_eq!(so.leads_to, ["so-12"]);
    let (_, so) = m.result.sub_objective("so-20").unwrap();
    assert_eq!(so.leads_to, ["so-27"]);
}

#[test]
fn a_link_to_an_item_another_side_deleted_is_dropped_and_reported() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    run(&mut a, Command::RemoveObjective { id: "obj-9".into() });
    run(
        &mut b,
        Command::LinkContribution {
            sub_objective: "so-17".into(),
            objective: "obj-9".into(),
            at: None,
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert!(m.result.objective("obj-9").is_none());
    let (_, so) = m.result.sub_objective("so-17").unwrap();
    assert_eq!(so.contributes_to, ["obj-3"]);
    let dropped: Vec<&Change> = m.changes.iter().filter(|c| c.side == MERGE).collect();
    assert_eq!(dropped.len(), 1);
    assert_eq!(dropped[0].field.as_deref(), Some("contributes_to"));
    assert_eq!(dropped[0].new, Some(json!(["obj-3"])));
}

#[test]
fn a_moved_item_is_a_change_of_its_parent() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    run(
        &mut a,
        Command::MoveKpi {
            id: "kpi-21".into(),
            parent: KpiParent::SubObjective("so-27".into()),
            to_index: 0,
        },
    );
    run(
        &mut b,
        Command::MoveSubObjective {
            id: "so-17".into(),
            factor: FactorKind::Customers,
            to_index: 0,
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    assert_eq!(
        m.result.locate_kpi("kpi-21").unwrap().0,
        KpiParent::SubObjective("so-27".into())
    );
    assert_eq!(
        m.result.sub_objective("so-17").unwrap().0,
        FactorKind::Customers
    );
    let moved = m
        .changes
        .iter()
        .find(|c| c.side == "A" && c.field.as_deref() == Some("parent"))
        .unwrap();
    assert_eq!(
        moved.old,
        Some(json!({"kind": "sub_objective", "id": "so-20"}))
    );
    assert_eq!(
        moved.new,
        Some(json!({"kind": "sub_objective", "id": "so-27"}))
    );
    // Two groups moving it to two places: a conflict.
    run(
        &mut b,
        Command::MoveKpi {
            id: "kpi-21".into(),
            parent: KpiParent::Objective("obj-3".into()),
            to_index: 0,
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].field.as_deref(), Some("parent"));
    assert_eq!(
        m.result.locate_kpi("kpi-21").unwrap().0,
        KpiParent::SubObjective("so-20".into())
    );
}

fn series(key: &str, points: &[(&str, f64)]) -> InputSeries {
    InputSeries {
        key: key.into(),
        name: key.into(),
        points: points
            .iter()
            .map(|(date, value)| InputPoint {
                date: d(date),
                value: *value,
                ..InputPoint::default()
            })
            .collect(),
        ..InputSeries::default()
    }
}

fn upsert(card: &mut Scorecard, id: &str, date: &str, value: f64) {
    let point = InputPoint {
        date: d(date),
        value,
        ..InputPoint::default()
    };
    run(
        card,
        Command::UpsertSeriesPoints {
            id: id.into(),
            points: vec![point],
        },
    );
}

#[test]
fn series_merge_by_id_and_their_points_by_date() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    upsert(&mut a, "ser-33", "2027-01-01", 10.0);
    upsert(&mut b, "ser-33", "2027-01-02", 20.0);
    upsert(&mut a, "ser-34", "2027-01-01", 5.0);
    upsert(&mut b, "ser-34", "2027-01-01", 5.0);
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.result.series_by_id("ser-33").unwrap();
    assert_eq!(s.points.len(), 92);
    assert!(s.points.windows(2).all(|w| w[0].date < w[1].date));
    // One date, two values: a conflict.
    upsert(&mut b, "ser-34", "2027-01-01", 6.0);
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.item.kind, ItemKind::Point);
    assert_eq!(c.path, "series[ser-34].points[2027-01-01].value");
    assert_eq!(c.base, None);
    // Two groups adding a series with one key: both kept, the second key made unique.
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    let sa = run(
        &mut a,
        Command::AddSeries {
            series: series("likes", &[("2026-01-01", 1.0)]),
        },
    );
    let sb = run(
        &mut b,
        Command::AddSeries {
            series: series("likes", &[("2026-01-01", 2.0)]),
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert_eq!(m.result.series_by_id(&sa).unwrap().key, "likes");
    assert_eq!(m.result.series_by_id(&sb).unwrap().key, "likes_2");
    assert!(
        m.changes
            .iter()
            .any(|c| c.side == MERGE && c.new == Some(json!("likes_2")))
    );
}

#[test]
fn actions_merge_like_items() {
    let base = example();
    let acts: Vec<String> = base
        .sub_objective("so-20")
        .unwrap()
        .1
        .actions
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    let new = run(
        &mut a,
        Command::AddAction {
            sub_objective: "so-27".into(),
            title: "Welcome mail".into(),
        },
    );
    run(
        &mut b,
        Command::UpdateAction {
            id: acts[0].clone(),
            field: ActionField::Status(ActionStatus::Done),
        },
    );
    run(
        &mut b,
        Command::RemoveAction {
            id: acts[1].clone(),
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    let so27 = m.result.sub_objective("so-27").unwrap().1;
    assert_eq!(so27.actions[0].id, new);
    let so20 = m.result.sub_objective("so-20").unwrap().1;
    assert_eq!(so20.actions.len(), 1);
    assert_eq!(so20.actions[0].status, ActionStatus::Done);
}

#[test]
fn target_changes_merge_as_a_set_and_two_new_targets_conflict() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    let change = |new: f64, reason: &str| Command::ChangeTarget {
        kpi: "kpi-21".into(),
        date: d("2026-06-01"),
        new: Some(new),
        reason: reason.into(),
    };
    run(&mut a, change(3.0, "A"));
    run(&mut b, change(1.5, "B"));
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].field.as_deref(), Some("target"));
    let kpi = m.result.kpi("kpi-21").unwrap();
    let reasons: Vec<&str> = kpi
        .target_history
        .iter()
        .map(|t| t.reason.as_str())
        .collect();
    assert_eq!(reasons, ["A", "B"]);
    // The same change on both sides is one entry.
    let mut b = copy(&base, 2);
    run(&mut b, change(3.0, "A"));
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.result.kpi("kpi-21").unwrap().target_history.len(), 1);
}

#[test]
fn unknown_fields_are_kept_from_the_side_that_changed_them() {
    let base = example();
    let mut ours = base.clone();
    let mut a = copy(&base, 1);
    ours.extra.insert("ours_note".into(), json!("kept"));
    a.kpi_mut("kpi-13")
        .unwrap()
        .extra
        .insert("x_color".into(), json!("teal"));
    a.factors.medium.extra.insert("x_icon".into(), json!(1));
    let m = merge(&base, &ours, &[side("A", &a)]);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.result.extra.get("ours_note"), Some(&json!("kept")));
    assert_eq!(
        m.result.kpi("kpi-13").unwrap().extra.get("x_color"),
        Some(&json!("teal"))
    );
    assert_eq!(m.result.factors.medium.extra.get("x_icon"), Some(&json!(1)));
    assert!(validate(&m.result).is_empty());
    let text = export_json(&m.result, "2026-01-01T00:00:00Z", "t");
    assert_eq!(import_json(&text).unwrap(), m.result);
}

#[test]
fn the_result_keeps_ours_id_and_the_highest_id_counter() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 5);
    b.next_id += 7;
    a.id = "another".into();
    let m = merge(&base, &base, &[side("A", &a), side("B", &b)]);
    assert_eq!(m.result.id, base.id);
    assert_eq!(m.result.next_id, b.next_id);
}

#[test]
fn merging_copies_of_a_blank_scorecard() {
    let base = templates::blank("b".into(), Lang::Nl);
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    let obj = run(
        &mut a,
        Command::AddObjective {
            title: "Loyaliteit".into(),
        },
    );
    let so = add_sub(
        &mut b,
        FactorKind::Organisation,
        "Snel antwoord",
        &["Responstijd"],
    );
    run(
        &mut b,
        Command::SetScorecardField {
            field: ScorecardField::Organisation("Zuivel BV".into()),
        },
    );
    let m = merge_into_base(&base, &[("A", &a), ("B", &b)]);
    assert!(m.conflicts.is_empty());
    assert!(m.result.objective(&obj).is_some());
    assert!(m.result.sub_objective(&so).is_some());
    assert_eq!(m.result.organisation, "Zuivel BV");
}

#[test]
fn compare_lists_added_removed_and_changed_with_old_and_new_values() {
    let old = example();
    let mut new = old.clone();
    let kpi = run(
        &mut new,
        Command::AddKpi {
            parent: KpiParent::Objective("obj-3".into()),
            name: "Repeat orders".into(),
        },
    );
    run(&mut new, Command::RemoveSubObjective { id: "so-17".into() });
    set_target(&mut new, "kpi-28", 500.0);
    let changes = compare(&old, &new);
    let added: Vec<&Change> = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Added)
        .collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].item.id, kpi);
    assert_eq!(added[0].item.label, "Repeat orders");
    assert_eq!(added[0].path, format!("objectives[obj-3].kpis[{kpi}]"));
    assert_eq!(
        added[0].new.as_ref().unwrap()["name"],
        json!("Repeat orders")
    );
    let deleted: Vec<&Change> = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Deleted)
        .collect();
    assert_eq!(deleted.len(), 1, "only the outermost: {deleted:?}");
    assert_eq!(deleted[0].item.id, "so-17");
    assert_eq!(
        deleted[0].old.as_ref().unwrap()["title"],
        json!("Run the community within budget")
    );
    let target = changes
        .iter()
        .find(|c| c.field.as_deref() == Some("target"))
        .unwrap();
    assert_eq!(target.kind, ChangeKind::Changed);
    assert_eq!(
        target.old,
        old.kpi("kpi-28").unwrap().target.map(|t| json!(t))
    );
    assert_eq!(target.new, Some(json!(500.0)));
    assert_eq!(
        target.path,
        "factors.medium.sub_objectives[so-27].kpis[kpi-28].target"
    );
    // The removed sub-objective's links from so-20? None pointed to so-17: 3 changes in all.
    assert_eq!(changes.len(), 3, "{changes:?}");
    assert!(compare(&old, &old).is_empty());
}

#[test]
fn resolve_refuses_an_unknown_conflict_or_side() {
    let base = example();
    let mut a = copy(&base, 1);
    let mut b = copy(&base, 2);
    set_mission(&mut a, "A");
    set_mission(&mut b, "B");
    let sides = [side("A", &a), side("B", &b)];
    let m = merge(&base, &base, &sides);
    let pick = |conflict, side: &str| Choice {
        conflict,
        side: side.into(),
    };
    assert_eq!(
        resolve(&m, &base, &base, &sides, &[pick(3, "A")]),
        Err(ResolveError::UnknownConflict(3))
    );
    assert!(matches!(
        resolve(&m, &base, &base, &sides, &[pick(0, "C")]),
        Err(ResolveError::UnknownSide { .. })
    ));
    let ours = resolve(&m, &base, &base, &sides, &[pick(0, OURS)]).unwrap();
    assert_eq!(ours.mission, base.mission);
    // A later choice for the same conflict wins.
    let last = resolve(&m, &base, &base, &sides, &[pick(0, "A"), pick(0, "B")]).unwrap();
    assert_eq!(last.mission, "B");
}

/// The workshop of the issue: the example handed out to three groups, each adding in its
/// factors; two change the mission. The facilitator merges, takes one mission, and the
/// merged scorecard holds every group's items.
#[test]
fn three_workshop_groups_merge_and_the_mission_conflict_is_resolved() {
    let base = example();
    let mut cf = copy(&base, 1);
    let mut org = copy(&base, 2);
    let mut med = copy(&base, 3);
    let added = vec![
        add_sub(
            &mut cf,
            FactorKind::Customers,
            "Resellers recommend us",
            &["NPS of resellers"],
        ),
        add_sub(
            &mut cf,
            FactorKind::Financial,
            "Lower cost per answer",
            &["Cost per answer"],
        ),
        add_sub(
            &mut org,
            FactorKind::Organisation,
            "Experts on duty",
            &["Hours covered"],
        ),
        add_sub(
            &mut med,
            FactorKind::Medium,
            "Members return",
            &["Returning members", "Posts per member"],
        ),
    ];
    set_mission(&mut org, "We answer every member within a day.");
    set_mission(&mut med, "Our members help each other stay healthy.");
    let groups = [
        ("Customers + Financial", &cf),
        ("Organisation", &org),
        ("Medium", &med),
    ];
    let m = merge_into_base(&base, &groups);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let sides: Vec<Side> = groups.iter().map(|(n, c)| side(n, c)).collect();
    let choice = Choice {
        conflict: 0,
        side: "Medium".into(),
    };
    let done = resolve(&m, &base, &base, &sides, &[choice]).unwrap();
    assert!(validate(&done).is_empty());
    assert_eq!(done.mission, "Our members help each other stay healthy.");
    for so in &added {
        assert!(done.sub_objective(so).is_some(), "{so} kept");
    }
    let kpis = |c: &Scorecard| c.kpis().count();
    assert_eq!(kpis(&done), kpis(&base) + 5);
    // Every group's own items are in, as the group wrote them.
    for (_, card) in groups {
        for (_, kpi) in card.kpis() {
            assert_eq!(done.kpi(&kpi.id), Some(kpi));
        }
    }
}

// ---- property tests -------------------------------------------------------------------

/// One random edit: an operation and a few numbers to pick items and values with.
type Step = (u8, usize, usize, f64, String, Date);

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..32,
        0usize..16,
        0usize..16,
        prop_oneof![0.0f64..100.0, Just(1.0), Just(2.0)],
        "[a-d]{1,3}",
        (0i64..60).prop_map(|n| d("2026-01-01").add_days(n)),
    )
}

fn pick(ids: &[String], n: usize) -> String {
    if ids.is_empty() {
        "none".into()
    } else {
        ids[n % ids.len()].clone()
    }
}

/// A command made from a step on `card` (it may be refused: then it changes nothing).
fn build(card: &Scorecard, (op, a, b, v, text, date): &Step) -> Command {
    let objs: Vec<String> = card.objectives.iter().map(|o| o.id.clone()).collect();
    let subs: Vec<String> = card.sub_objectives().map(|(_, s)| s.id.clone()).collect();
    let kpis: Vec<String> = card.kpis().map(|(_, k)| k.id.clone()).collect();
    let meas: Vec<String> = card
        .kpis()
        .flat_map(|(_, k)| k.measurements.iter().map(|m| m.id.clone()))
        .collect();
    let acts: Vec<String> = card
        .sub_objectives()
        .flat_map(|(_, s)| s.actions.iter().map(|a| a.id.clone()))
        .collect();
    let sers: Vec<String> = card.series.iter().map(|s| s.id.clone()).collect();
    let (a, b, v) = (*a, *b, *v);
    let text = text.clone();
    let factor = FactorKind::ALL[b % 4];
    let parent = if a % 3 == 0 {
        KpiParent::Objective(pick(&objs, b))
    } else {
        KpiParent::SubObjective(pick(&subs, b))
    };
    match op {
        0 => Command::SetScorecardField {
            field: match b % 4 {
                0 => ScorecardField::Title(text),
                1 => ScorecardField::Mission(text),
                2 => ScorecardField::Organisation(text),
                _ => ScorecardField::AmberThreshold((v / 100.0).clamp(0.0, 1.0)),
            },
        },
        1 => Command::SetFactorText {
            factor,
            label: text.clone(),
            key_question: text,
        },
        2 => Command::AddObjective { title: text },
        3 => Command::UpdateObjective {
            id: pick(&objs, a),
            field: ObjectiveField::Title(text),
        },
        4 => Command::RemoveObjective { id: pick(&objs, a) },
        5 => Command::AddSubObjective {
            factor,
            title: text,
        },
        6 => Command::UpdateSubObjective {
            id: pick(&subs, a),
            field: SubObjectiveField::Owner(text),
        },
        7 => Command::RemoveSubObjective { id: pick(&subs, a) },
        8 => Command::MoveSubObjective {
            id: pick(&subs, a),
            factor,
            to_index: b,
        },
        9 => Command::LinkContribution {
            sub_objective: pick(&subs, a),
            objective: pick(&objs, b),
            at: Some(b % 3),
        },
        10 => Command::UnlinkContribution {
            sub_objective: pick(&subs, a),
            objective: pick(&objs, b),
        },
        11 => Command::LinkCause {
            cause: pick(&subs, a),
            effect: pick(&subs, b),
            at: None,
        },
        12 => Command::AddKpi { parent, name: text },
        13 => Command::UpdateKpi {
            id: pick(&kpis, a),
            field: match b % 3 {
                0 => KpiField::Name(text),
                1 => KpiField::Target(Some(v)),
                _ => KpiField::Unit(text),
            },
        },
        14 => Command::RemoveKpi { id: pick(&kpis, a) },
        15 => Command::MoveKpi {
            id: pick(&kpis, a),
            parent,
            to_index: b,
        },
        16 | 17 => Command::RecordMeasurement {
            kpi: pick(&kpis, a),
            date: *date,
            value: v,
            note: text,
        },
        18 => Command::UpdateMeasurement {
            id: pick(&meas, a),
            field: MeasurementField::Value(v),
        },
        19 => Command::RemoveMeasurement { id: pick(&meas, a) },
        20 => Command::ChangeTarget {
            kpi: pick(&kpis, a),
            date: *date,
            new: Some(v),
            reason: text,
        },
        21 => Command::PopTargetChange {
            kpi: pick(&kpis, a),
        },
        22 => Command::AddAction {
            sub_objective: pick(&subs, a),
            title: text,
        },
        23 => Command::UpdateAction {
            id: pick(&acts, a),
            field: ActionField::Status(ActionStatus::ALL[b % 4]),
        },
        24 => Command::RemoveAction { id: pick(&acts, a) },
        25 => Command::MoveAction {
            id: pick(&acts, a),
            sub_objective: pick(&subs, b),
            to_index: b,
        },
        26 => Command::UpsertSeriesPoints {
            id: pick(&sers, a),
            points: vec![InputPoint {
                date: *date,
                value: v,
                ..InputPoint::default()
            }],
        },
        27 => Command::RemoveSeriesPoints {
            id: pick(&sers, a),
            dates: vec![*date],
        },
        28 => Command::AddSeries {
            series: series(&format!("s{text}{a}"), &[]),
        },
        29 => Command::UpdateSeries {
            id: pick(&sers, a),
            field: SeriesField::Name(text),
        },
        30 => Command::RemoveSeries { id: pick(&sers, a) },
        _ => Command::MoveObjective {
            id: pick(&objs, a),
            to_index: b,
        },
    }
}

/// A copy of `base` for group `k` with these edits applied (refused ones change nothing).
fn edited(base: &Scorecard, k: u64, steps: &[Step]) -> Scorecard {
    let mut card = copy(base, k);
    for s in steps {
        let cmd = build(&card, s);
        let _ = card.apply(cmd);
    }
    card
}

fn base_card(blank: bool) -> Scorecard {
    if blank {
        templates::blank("sc-1".into(), Lang::En)
    } else {
        example()
    }
}

/// A scorecard as JSON with every list of items sorted by id and every set sorted: equal
/// when two scorecards hold the same items and fields in any order.
fn normalised(card: &Scorecard) -> Value {
    fn sort(value: &mut Value) {
        match value {
            Value::Array(items) => {
                items.iter_mut().for_each(sort);
                items.sort_by_key(|v| match v.get("id").or(v.get("date")) {
                    Some(id) => id.to_string(),
                    None => v.to_string(),
                });
            }
            Value::Object(map) => map.values_mut().for_each(sort),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(card).unwrap();
    sort(&mut value);
    value
}

/// Every (kind, id, field) a side changed to which value, from the two-way comparison.
fn field_changes(
    base: &Scorecard,
    card: &Scorecard,
) -> Vec<((ItemKind, String, String), Option<Value>)> {
    compare(base, card)
        .into_iter()
        .filter(|c| c.kind == ChangeKind::Changed)
        .filter_map(|c| {
            let field = c.field?;
            let set = matches!(
                field.as_str(),
                "contributes_to" | "leads_to" | "target_history"
            );
            (!set).then_some(((c.item.kind, c.item.id, field), c.new))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Merging a copy into the unchanged base gives the copy.
    #[test]
    fn merging_a_copy_into_the_unchanged_base_gives_the_copy(
        blank in any::<bool>(),
        steps in prop::collection::vec(step(), 0..30),
    ) {
        let base = base_card(blank);
        let a = edited(&base, 1, &steps);
        let m = merge(&base, &base, &[side("A", &a)]);
        prop_assert!(m.conflicts.is_empty());
        prop_assert!(validate(&m.result).is_empty(), "{:?}", validate(&m.result));
        // The copy's content; the lineage is ours' (it is never merged).
        let mut want = a.clone();
        want.lineage = base.lineage.clone();
        prop_assert_eq!(&m.result, &want);
        // and merging the unchanged base into the copy (ours) too
        let m = merge(&base, &a, &[side("base", &base)]);
        prop_assert_eq!(&m.result, &a);
    }

    /// Two copies without conflicts merge to the same scorecard in either order; no item a
    /// copy added is lost; a field conflict is reported exactly when both copies changed the
    /// field to different values.
    #[test]
    fn two_copies_merge_in_either_order_lose_nothing_and_conflict_exactly(
        blank in any::<bool>(),
        steps_a in prop::collection::vec(step(), 0..12),
        steps_b in prop::collection::vec(step(), 0..12),
    ) {
        let base = base_card(blank);
        let a = edited(&base, 1, &steps_a);
        let b = edited(&base, 2, &steps_b);
        let ab = merge(&base, &base, &[side("A", &a), side("B", &b)]);
        let ba = merge(&base, &base, &[side("B", &b), side("A", &a)]);
        prop_assert!(validate(&ab.result).is_empty(), "{:?}", validate(&ab.result));
        prop_assert!(validate(&ba.result).is_empty(), "{:?}", validate(&ba.result));
        prop_assert_eq!(ab.conflicts.len(), ba.conflicts.len());

        // no item added by a copy is lost (a measurement entered by both is kept once)
        for (card, m) in [(&a, &ab), (&b, &ab), (&a, &ba), (&b, &ba)] {
            let had = Items::new(&base);
            let got = Items::new(&m.result);
            for id in Items::new(card).ids.difference(&had.ids) {
                let twin = m.changes.iter().any(|c| c.side == MERGE && &c.item.id == id);
                prop_assert!(got.ids.contains(id) || twin, "{} lost", id);
            }
        }

        // a field conflict exactly where both changed one field to different values
        let (ca, cb) = (field_changes(&base, &a), field_changes(&base, &b));
        let mut want: Vec<(ItemKind, String, String)> = ca
            .iter()
            .filter(|(k, v)| cb.iter().any(|(k2, v2)| k2 == k && v2 != v))
            .map(|(k, _)| k.clone())
            .collect();
        let mut got: Vec<(ItemKind, String, String)> = ab
            .conflicts
            .iter()
            .filter_map(|c| Some((c.item.kind, c.item.id.clone(), c.field.clone()?)))
            .collect();
        want.sort();
        got.sort();
        prop_assert_eq!(got, want);
        // and an existence conflict only where one deleted what the other kept
        for c in ab.conflicts.iter().filter(|c| c.field.is_none()) {
            prop_assert!(c.values.iter().any(|(_, v)| v.is_none()));
            prop_assert!(c.values.iter().any(|(_, v)| v.is_some()));
        }

        // without conflicts (and nothing the merge adjusted) the order of the copies does
        // not matter beyond the order of additions
        if ab.conflicts.is_empty() && !ab.changes.iter().any(|c| c.side == MERGE) {
            prop_assert_eq!(normalised(&ab.result), normalised(&ba.result));
        }
    }
}

/// The ids of every item of a scorecard.
struct Items {
    ids: std::collections::BTreeSet<String>,
}

impl Items {
    fn new(card: &Scorecard) -> Items {
        let mut ids = std::collections::BTreeSet::new();
        ids.extend(card.objectives.iter().map(|o| o.id.clone()));
        ids.extend(card.sub_objectives().map(|(_, s)| s.id.clone()));
        for (_, k) in card.kpis() {
            ids.insert(k.id.clone());
            ids.extend(k.measurements.iter().map(|m| m.id.clone()));
        }
        for (_, s) in card.sub_objectives() {
            ids.extend(s.actions.iter().map(|a| a.id.clone()));
        }
        for s in &card.series {
            ids.insert(s.id.clone());
            ids.extend(s.points.iter().map(|p| format!("{}@{}", s.id, p.date)));
        }
        Items { ids }
    }
}

/// The generator makes real work: most commands are accepted, and two copies sometimes
/// conflict and sometimes do not (so both halves of the property above are exercised).
#[test]
fn the_generator_makes_accepted_edits_conflicts_and_conflict_free_merges() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let steps = prop::collection::vec(step(), 3..12);
    let (mut accepted, mut total, mut with, mut without) = (0, 0, 0, 0);
    let base = example();
    for _ in 0..60 {
        let sa = steps.new_tree(&mut runner).unwrap().current();
        let sb = steps.new_tree(&mut runner).unwrap().current();
        let mut card = copy(&base, 1);
        for s in &sa {
            total += 1;
            accepted += usize::from(card.apply(build(&card, s)).is_ok());
        }
        let b = edited(&base, 2, &sb);
        let m = merge(&base, &base, &[side("A", &card), side("B", &b)]);
        if m.conflicts.is_empty() {
            without += 1
        } else {
            with += 1
        }
    }
    assert!(accepted * 2 > total, "{accepted} of {total} accepted");
    assert!(
        with >= 5 && without >= 5,
        "{with} with conflicts, {without} without"
    );
}

#[test]
fn ours_and_a_group_changing_one_field_differently_conflict_and_ours_holds() {
    let base = example();
    let mut ours = base.clone();
    let mut a = copy(&base, 1);
    let title = |text: &str| Command::SetScorecardField {
        field: ScorecardField::Title(text.into()),
    };
    run(&mut ours, title("Facilitator's title"));
    run(&mut a, title("Group title"));
    let sides = [side("A", &a)];
    let m = merge(&base, &ours, &sides);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].values,
        vec![
            (OURS.to_string(), Some(json!("Facilitator's title"))),
            ("A".to_string(), Some(json!("Group title"))),
        ]
    );
    assert_eq!(m.result.title, "Facilitator's title");
    let taken = resolve(&m, &base, &ours, &sides, &m.take_all("A")).unwrap();
    assert_eq!(taken.title, "Group title");
}

#[test]
fn the_lineage_is_ours_and_is_not_merged() {
    let base = example();
    let mut a = copy(&base, 1);
    a.lineage.copy = "grpa".into();
    a.lineage.based_on = Some(base.lineage.revision);
    a.lineage.group = Some(Group {
        name: "Medium".into(),
        factors: vec![FactorKind::Medium],
        ..Group::default()
    });
    let so = add_sub(&mut a, FactorKind::Medium, "Members return", &["Returning"]);
    assert!(so.contains("-grpa-"), "{so}");
    let m = merge_into_base(&base, &[("Medium", &a)]);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.result.lineage, base.lineage);
    assert!(m.result.sub_objective(&so).is_some());
    assert!(!m.changes.iter().any(|c| c.path.starts_with("lineage")));
}
