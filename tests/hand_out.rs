//! Handing a scorecard out to workshop groups, as a pure plan (`library::hand_out`): the
//! files' names, the base kept (read back equal to the scorecard at its new revision), each
//! copy's base revision, group and own copy tag, the default groups, and every refusal.
#![cfg(not(target_arch = "wasm32"))]

use smsc::library::hand_out::{MAX_GROUPS, group_slug, hand_out_file_name};
use smsc::library::layout::base_key;
use smsc::library::*;
use smsc::method::templates;
use smsc::model::{Date, FactorKind, Group, Lang, Scorecard, import_json};

fn now() -> Now {
    Now {
        timestamp: "2026-04-01T12:00:00Z".to_string(),
        today: Date::from_ymd(2026, 4, 1).expect("a date"),
        copy_tag: "t1now".to_string(),
    }
}

fn tags(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("tag{i}")).collect()
}

fn example() -> Scorecard {
    templates::example("sc-ex".into(), Lang::En)
}

fn group(name: &str, factors: &[FactorKind], map: bool) -> Group {
    Group {
        name: name.to_string(),
        factors: factors.to_vec(),
        strategy_map: map,
        ..Group::default()
    }
}

#[test]
fn default_groups_are_customers_financial_organisation_and_medium() {
    let en = default_groups(Lang::En);
    let names: Vec<&str> = en.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Group 1", "Group 2", "Group 3"]);
    assert_eq!(
        en[0].factors,
        [FactorKind::Customers, FactorKind::Financial]
    );
    assert_eq!(en[1].factors, [FactorKind::Organisation]);
    assert_eq!(en[2].factors, [FactorKind::Medium]);
    assert!(en.iter().all(|g| !g.strategy_map));
    let nl = default_groups(Lang::Nl);
    let names: Vec<&str> = nl.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Groep 1", "Groep 2", "Groep 3"]);
    assert_eq!(check_groups(&en), Ok(()));
    assert_eq!(check_groups(&nl), Ok(()));
}

#[test]
fn the_files_are_named_after_the_title_the_group_and_the_date() {
    let card = example();
    let plan = plan_hand_out(&card, &default_groups(Lang::En), &tags(3), &now()).expect("plan");
    let names: Vec<&str> = plan.files.iter().map(|f| f.file.name.as_str()).collect();
    let title = slug(&card.title);
    assert_eq!(
        names,
        [
            format!("{title}-group-1-2026-04-01.scorecard.json"),
            format!("{title}-group-2-2026-04-01.scorecard.json"),
            format!("{title}-group-3-2026-04-01.scorecard.json"),
        ]
    );
    let groups: Vec<&str> = plan.files.iter().map(|f| f.group.as_str()).collect();
    assert_eq!(groups, ["Group 1", "Group 2", "Group 3"]);
    assert_eq!(
        hand_out_file_name("Community 2026", "Équipe Médium", 0, now().today),
        "community-2026-equipe-medium-2026-04-01.scorecard.json"
    );
    // A name with nothing a file name can hold gets the row's number.
    assert_eq!(group_slug("???", 4), "group-5");
    assert_eq!(group_slug("Scorecard", 4), "scorecard");
}

#[test]
fn the_base_reads_back_as_the_scorecard_at_its_new_revision() {
    let card = example();
    let before = card.lineage.revision;
    let plan = plan_hand_out(&card, &default_groups(Lang::En), &tags(3), &now()).expect("plan");
    assert_eq!(plan.revision, before + 1);
    assert_eq!(plan.scorecard.lineage.revision, before + 1);
    let mut expected = card.clone();
    expected.lineage.revision = before + 1;
    assert_eq!(plan.scorecard, expected, "only the revision changes");
    assert_eq!(plan.base.key, base_key(&card.lineage.id, before + 1));
    assert!(plan.base.key.starts_with("smsc.v1.base."));
    assert!(
        smsc::library::packing::is_packed(&plan.base.text),
        "kept packed"
    );
    let base = import_json(&smsc::library::packing::unpack(&plan.base.text).expect("unpacks"))
        .expect("the base reads back");
    assert_eq!(base, plan.scorecard);
    // The open scorecard given is not changed by planning.
    assert_eq!(card.lineage.revision, before);
}

#[test]
fn every_copy_is_based_on_the_new_revision_with_its_group_and_own_tag() {
    let card = example();
    let groups = vec![
        group(
            "  Marketing ",
            &[
                FactorKind::Medium,
                FactorKind::Customers,
                FactorKind::Medium,
            ],
            false,
        ),
        group("Board", &[], true),
    ];
    let plan = plan_hand_out(&card, &groups, &tags(2), &now()).expect("plan");
    assert_eq!(plan.files.len(), 2);
    let copies: Vec<Scorecard> = plan
        .files
        .iter()
        .map(|f| import_json(&f.file.text).expect("a copy reads back"))
        .collect();
    for copy in &copies {
        assert_eq!(copy.lineage.based_on, Some(plan.revision));
        assert_eq!(copy.lineage.id, card.lineage.id);
        assert_eq!(copy.id, card.id);
        assert_ne!(copy.lineage.copy, card.lineage.copy);
    }
    assert_ne!(copies[0].lineage.copy, copies[1].lineage.copy);
    assert_eq!(
        copies[0].lineage.group,
        Some(group(
            "Marketing",
            &[FactorKind::Customers, FactorKind::Medium],
            false
        )),
        "the name trimmed, the factors once each in their order"
    );
    assert_eq!(copies[1].lineage.group, Some(group("Board", &[], true)));
    assert_eq!(plan.files[0].group, "Marketing");
    assert!(plan.files[0].file.name.contains("-marketing-"));
    // Apart from the lineage, a copy is the scorecard as handed out.
    let mut copy = copies[0].clone();
    copy.lineage = plan.scorecard.lineage.clone();
    assert_eq!(copy, plan.scorecard);
}

#[test]
fn a_scorecard_without_a_lineage_id_takes_its_own_id() {
    let mut card = Scorecard::new_blank("sc-blank".into(), Lang::Nl);
    card.lineage.id.clear();
    let plan = plan_hand_out(&card, &default_groups(Lang::Nl), &tags(3), &now()).expect("plan");
    assert_eq!(plan.scorecard.lineage.id, "sc-blank");
    assert_eq!(plan.base.key, base_key("sc-blank", 1));
    assert!(plan.files[1].file.name.contains("-groep-2-"));
}

#[test]
fn each_refusal() {
    let card = example();
    let plan = |groups: &[Group]| plan_hand_out(&card, groups, &tags(groups.len()), &now());
    assert_eq!(plan(&[]), Err(HandOutError::NoGroups));
    let many: Vec<Group> = (0..=MAX_GROUPS)
        .map(|i| group(&format!("G{i}"), &[FactorKind::Medium], false))
        .collect();
    assert_eq!(
        plan(&many),
        Err(HandOutError::TooManyGroups {
            count: MAX_GROUPS + 1
        })
    );
    assert!(plan(&many[..MAX_GROUPS]).is_ok(), "twelve is allowed");
    let medium = [FactorKind::Medium];
    assert_eq!(
        plan(&[group("A", &medium, false), group("  ", &medium, false)]),
        Err(HandOutError::EmptyName { index: 1 })
    );
    assert_eq!(
        plan(&[group(&"x".repeat(201), &medium, false)]),
        Err(HandOutError::NameTooLong { index: 0 })
    );
    assert_eq!(
        plan(&[
            group("Team", &medium, false),
            group("B", &medium, false),
            group(" team ", &medium, true)
        ]),
        Err(HandOutError::SameName {
            first: 0,
            second: 2,
            name: "team".into()
        })
    );
    assert_eq!(
        plan(&[
            group("Team A", &medium, false),
            group("team-a!", &medium, false)
        ]),
        Err(HandOutError::SameFileName {
            first: 0,
            second: 1
        })
    );
    assert_eq!(
        plan(&[group("A", &medium, false), group("B", &[], false)]),
        Err(HandOutError::NothingAssigned {
            index: 1,
            name: "B".into()
        })
    );
    // The caller's tags: one per group, valid and distinct.
    let groups = default_groups(Lang::En);
    assert_eq!(
        plan_hand_out(&card, &groups, &tags(2), &now()),
        Err(HandOutError::Tags)
    );
    let same = vec!["aaaaa".to_string(); 3];
    assert_eq!(
        plan_hand_out(&card, &groups, &same, &now()),
        Err(HandOutError::Tags)
    );
}

#[test]
fn the_refusals_read_in_both_languages() {
    let errors = [
        HandOutError::NoGroups,
        HandOutError::TooManyGroups { count: 13 },
        HandOutError::EmptyName { index: 1 },
        HandOutError::NameTooLong { index: 1 },
        HandOutError::SameName {
            first: 0,
            second: 1,
            name: "A".into(),
        },
        HandOutError::SameFileName {
            first: 0,
            second: 1,
        },
        HandOutError::NothingAssigned {
            index: 1,
            name: "B".into(),
        },
        HandOutError::Tags,
    ];
    for e in &errors {
        let (en, nl) = (e.message(Lang::En), e.message(Lang::Nl));
        assert!(!en.is_empty() && !nl.is_empty());
        assert_ne!(en, nl, "{e:?}");
        assert_eq!(e.to_string(), en);
    }
    assert_eq!(
        HandOutError::EmptyName { index: 1 }.message(Lang::En),
        "Row 2: give the group a name."
    );
    assert_eq!(HandOutError::EmptyName { index: 1 }.index(), Some(1));
    assert_eq!(HandOutError::NoGroups.index(), None);
}
