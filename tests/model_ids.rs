#![cfg(not(target_arch = "wasm32"))]
//! Ids on import: an item without an id (left out or blank, as in a file written by hand)
//! gets a new one above every id number in use; the scorecard's own id is required.

use smsc::model::{ImportError, import_json};

fn file(scorecard: &str) -> String {
    format!(
        r#"{{"format": "social-media-scorecard", "version": 1, "saved_at": "2026-04-01T12:00:00Z",
            "app_version": "hand", "scorecard": {scorecard}}}"#
    )
}

#[test]
fn items_without_ids_get_new_ones_above_every_id_in_use() {
    let text = file(
        r#"{
        "id": "by-hand", "title": "Written by hand", "next_id": 3,
        "objectives": [
            {"id": "obj-7", "title": "Loyalty"},
            {"title": "Interaction", "kpis": [{"name": "Posts", "measurements": [{"date": "2026-03-01", "value": 4}]}]}
        ],
        "factors": {
            "customers": {"sub_objectives": [
                {"title": "Quick answers", "contributes_to": ["obj-7"],
                 "kpis": [{"name": "Response time", "measurements": [
                    {"id": "", "date": "2026-02-01", "value": 3.5},
                    {"id": "m-2", "date": "2026-03-01", "value": 2}]}],
                 "actions": [{"title": "Train product management"}]}
            ]}
        }
    }"#,
    );
    let card = import_json(&text).expect("a file without item ids opens");
    // In use: obj-7 and m-2, so the highest number is 7 and new ids start at 8, in file order:
    // the second objective (8), its KPI (9) and measurement (10), the sub-objective (11), its
    // KPI (12), the blank measurement (13), the action (14); next_id is then 15.
    assert_eq!(card.objectives[0].id, "obj-7");
    assert_eq!(card.objectives[1].id, "obj-8");
    assert_eq!(card.objectives[1].kpis[0].id, "kpi-9");
    assert_eq!(card.objectives[1].kpis[0].measurements[0].id, "m-10");
    let sub = &card.factors.customers.sub_objectives[0];
    assert_eq!(sub.id, "so-11");
    assert_eq!(sub.contributes_to, ["obj-7"]);
    assert_eq!(sub.kpis[0].id, "kpi-12");
    assert_eq!(sub.kpis[0].measurements[0].id, "m-13");
    assert_eq!(sub.kpis[0].measurements[1].id, "m-2");
    assert_eq!(sub.actions[0].id, "act-14");
    assert_eq!(card.next_id, 15);
    assert!(smsc::model::validate(&card).is_empty());
}

#[test]
fn a_file_with_every_id_is_read_as_it_is() {
    let text = file(
        r#"{"id": "all-ids", "next_id": 5, "objectives": [{"id": "obj-1", "title": "Loyalty"}]}"#,
    );
    let card = import_json(&text).expect("opens");
    assert_eq!(card.objectives[0].id, "obj-1");
    assert_eq!(card.next_id, 5);
}

#[test]
fn the_scorecard_itself_must_have_an_id() {
    let text = file(r#"{"title": "No id", "objectives": [{"title": "Loyalty"}]}"#);
    match import_json(&text) {
        Err(ImportError::Invalid { problems }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].path, "id");
            assert_eq!(problems[0].message, "must not be empty");
        }
        other => panic!("expected the missing scorecard id to be refused, got {other:?}"),
    }
}

/// Copy tags: five characters of a–z and 0–9 from any random bits, always valid; ids made
/// with a tag keep their number after the last `-`.
#[test]
fn copy_tags_are_valid_and_tagged_ids_keep_their_number() {
    use smsc::model::ids::{id_number, make_tagged_id};
    use smsc::model::lineage::{check_copy_tag, copy_tag_from};
    for bits in [0, 1, 35, 36, u64::MAX, 0x1234_5678_9abc_def0] {
        let tag = copy_tag_from(bits);
        assert_eq!(tag.len(), 5, "{tag}");
        assert_eq!(check_copy_tag(&tag), Ok(()), "{tag}");
        let id = make_tagged_id("kpi", &tag, 41);
        assert_eq!(id, format!("kpi-{tag}-41"));
        assert_eq!(id_number(&id), Some(41));
    }
    assert_ne!(copy_tag_from(1), copy_tag_from(2));
    assert_eq!(make_tagged_id("kpi", "", 41), "kpi-41");
    assert!(check_copy_tag("Upper").is_err());
    assert!(check_copy_tag("a-b").is_err());
    assert!(check_copy_tag("abcdefghijklm").is_err());
    assert_eq!(check_copy_tag(""), Ok(()));
}

/// Handing out: the revision goes up, each group's copy knows its group, its base revision
/// and its own tag, and what two groups add never shares an id.
#[test]
fn handed_out_copies_know_their_base_and_never_make_the_same_id() {
    use smsc::method::templates;
    use smsc::model::command::Command;
    use smsc::model::{FactorKind, Group, Lang};
    let mut card = templates::example("sc-1".into(), Lang::En);
    let before = card.clone();
    let groups = [
        Group {
            name: "Customers + Financial".into(),
            factors: vec![FactorKind::Customers, FactorKind::Financial],
            ..Group::default()
        },
        Group {
            name: "Medium".into(),
            factors: vec![FactorKind::Medium],
            strategy_map: true,
            ..Group::default()
        },
    ];
    // Bad tags change nothing.
    assert!(card.hand_out(&groups, &["aaaaa".into()]).is_none());
    assert!(
        card.hand_out(&groups, &["aaaaa".into(), "aaaaa".into()])
            .is_none()
    );
    assert!(
        card.hand_out(&groups, &["aaaaa".into(), "B-1".into()])
            .is_none()
    );
    assert_eq!(card, before);
    let copies = card
        .hand_out(&groups, &["aaaaa".into(), "bbbbb".into()])
        .expect("handed out");
    assert_eq!(card.lineage.revision, 1);
    assert_eq!(copies.len(), 2);
    let mut made = Vec::new();
    for (copy, group) in copies.into_iter().zip(&groups) {
        assert!(copy.same_lineage(&card));
        assert_eq!(copy.lineage.based_on, Some(1));
        assert_eq!(copy.lineage.group.as_ref(), Some(group));
        assert_eq!(copy.id, card.id);
        let mut copy = copy;
        made.push(
            copy.apply(Command::AddSubObjective {
                factor: FactorKind::Medium,
                title: "New".into(),
            })
            .expect("adds")
            .created_id
            .expect("id"),
        );
    }
    assert_ne!(made[0], made[1]);
    assert!(made[0].starts_with("so-aaaaa-") && made[1].starts_with("so-bbbbb-"));
    assert!(!card.same_lineage(&templates::example("sc-2".into(), Lang::En)));
}
