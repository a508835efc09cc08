#![cfg(not(target_arch = "wasm32"))]
//! Collecting returned group files (`exchange::collect`): which merge, which are refused
//! with which reason, which are compared two-way, and the merge with the facilitator's pick.

use smsc::exchange::collect::{Outcome, Refusal, Returned, collect};
use smsc::method::templates;
use smsc::model::merge::Choice;
use smsc::model::*;

fn run(card: &mut Scorecard, cmd: Command) -> String {
    card.apply(cmd.clone())
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"))
        .created_id
        .unwrap_or_default()
}

fn group(name: &str, factors: &[FactorKind]) -> Group {
    Group {
        name: name.into(),
        factors: factors.to_vec(),
        ..Group::default()
    }
}

/// The example handed out to three groups: the facilitator's scorecard and the copies.
fn handed_out() -> (Scorecard, Scorecard, Vec<Scorecard>) {
    let mut open = templates::example("sc-1".into(), Lang::En);
    open.lineage.id = "sc-1".into();
    let groups = [
        group(
            "Customers + Financial",
            &[FactorKind::Customers, FactorKind::Financial],
        ),
        group("Organisation", &[FactorKind::Organisation]),
        group("Medium", &[FactorKind::Medium]),
    ];
    let tags: Vec<String> = ["ga", "gb", "gc"].iter().map(|t| t.to_string()).collect();
    let copies = open.hand_out(&groups, &tags).expect("hand out");
    let base = open.clone();
    (open, base, copies)
}

fn file(name: &str, card: &Scorecard) -> Returned {
    Returned {
        name: name.into(),
        card: Ok(card.clone()),
    }
}

fn add_sub(card: &mut Scorecard, factor: FactorKind, title: &str) -> String {
    let so = run(
        card,
        Command::AddSubObjective {
            factor,
            title: title.into(),
        },
    );
    run(
        card,
        Command::AddKpi {
            parent: KpiParent::SubObjective(so.clone()),
            name: format!("KPI of {title}"),
        },
    );
    so
}

fn mission(card: &mut Scorecard, text: &str) {
    run(
        card,
        Command::SetScorecardField {
            field: ScorecardField::Mission(text.into()),
        },
    );
}

#[test]
fn three_groups_merge_against_the_kept_base_and_the_mission_conflict_is_picked() {
    let (open, base, mut copies) = handed_out();
    let a = add_sub(
        &mut copies[0],
        FactorKind::Customers,
        "Resellers recommend us",
    );
    let b = add_sub(
        &mut copies[1],
        FactorKind::Organisation,
        "An expert on duty",
    );
    let c = add_sub(&mut copies[2], FactorKind::Medium, "Members come back");
    mission(&mut copies[1], "Answer every question within a day.");
    mission(&mut copies[2], "Customers help each other.");
    let revision = open.lineage.revision;
    let kept = base.clone();
    let collection = collect(
        &open,
        |r| (r == revision).then(|| kept.clone()),
        vec![
            file("cf.json", &copies[0]),
            file("org.json", &copies[1]),
            file("med.json", &copies[2]),
        ],
    );
    assert_eq!(collection.revision, Some(revision));
    assert_eq!(
        collection.side_names(),
        ["Customers + Financial", "Organisation", "Medium"]
    );
    let merge = collection.merge.as_ref().expect("merged");
    assert_eq!(merge.conflicts.len(), 1, "{:?}", merge.conflicts);
    assert_eq!(merge.conflicts[0].field.as_deref(), Some("mission"));
    for id in [&a, &b, &c] {
        assert!(merge.result.sub_objective(id).is_some(), "{id} kept");
    }
    let medium = merge.take_all("Medium");
    let merged = collection.resolve(&medium).unwrap().unwrap();
    assert_eq!(merged.mission, "Customers help each other.");
    let org = vec![Choice {
        conflict: 0,
        side: "Organisation".into(),
    }];
    let merged = collection.resolve(&org).unwrap().unwrap();
    assert_eq!(merged.mission, "Answer every question within a day.");
    assert!(validate(&merged).is_empty());
    assert_eq!(merged.id, open.id);
}

#[test]
fn bad_files_are_named_with_their_reason_and_the_good_ones_still_merge() {
    let (open, base, mut copies) = handed_out();
    let so = add_sub(&mut copies[0], FactorKind::Financial, "Cheaper answers");
    let mut other = templates::example("sc-9".into(), Lang::En);
    other.lineage.id = "sc-9".into();
    other.title = "Another scorecard".into();
    let newer = r#"{"format":"social-media-scorecard","version":99,"scorecard":{}}"#;
    let revision = open.lineage.revision;
    let collection = collect(
        &open,
        |r| (r == revision).then(|| base.clone()),
        vec![
            Returned {
                name: "damaged.json".into(),
                card: import_json("{\"format\": \"social-media-sc"),
            },
            file("cf.json", &copies[0]),
            file("cf-again.json", &copies[0]),
            file("base.json", &open),
            file("other.json", &other),
            Returned {
                name: "newer.json".into(),
                card: import_json(newer),
            },
        ],
    );
    let kinds: Vec<(&str, String)> = collection
        .files
        .iter()
        .map(|(name, o)| {
            let kind = match o {
                Outcome::Merged { side } => format!("merged:{side}"),
                Outcome::CompareOnly { .. } => "compare".into(),
                Outcome::Refused(r) => r.kind().into(),
            };
            (name.as_str(), kind)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("damaged.json", "not-json".to_string()),
            ("cf.json", "merged:Customers + Financial".into()),
            ("cf-again.json", "twice".into()),
            ("base.json", "the-base".into()),
            ("other.json", "other-scorecard".into()),
            ("newer.json", "newer-version".into()),
        ]
    );
    let text = |i: usize| collection.files[i].1.text(Lang::En);
    assert!(text(2).contains("cf.json"), "{}", text(2));
    assert!(text(4).contains("Another scorecard"), "{}", text(4));
    assert!(text(5).contains("newer version"), "{}", text(5));
    assert!(
        collection.files[4]
            .1
            .text(Lang::Nl)
            .contains("andere scorecard")
    );
    let merge = collection.merge.as_ref().expect("the good file merges");
    assert!(merge.result.sub_objective(&so).is_some());
}

#[test]
fn a_copy_without_a_kept_base_is_compared_two_way() {
    let (open, _base, mut copies) = handed_out();
    add_sub(&mut copies[1], FactorKind::Organisation, "Duty roster");
    let collection = collect(&open, |_| None, vec![file("org.json", &copies[1])]);
    assert_eq!(
        collection.files[0].1,
        Outcome::CompareOnly { handed_out: true }
    );
    assert!(collection.merge.is_none());
    assert_eq!(collection.compare_only().len(), 1);
    // A colleague's copy that was never handed out: also two-way.
    let mut colleague = open.clone();
    colleague.lineage.copy = "col".into();
    colleague.lineage.based_on = None;
    let collection = collect(&open, |_| None, vec![file("mail.json", &colleague)]);
    assert_eq!(
        collection.files[0].1,
        Outcome::CompareOnly { handed_out: false }
    );
    assert!(collection.files[0].1.text(Lang::En).contains("Compare"));
}

#[test]
fn files_of_another_hand_out_are_refused_and_two_groups_of_one_name_both_count() {
    let (mut open, base1, copies1) = handed_out();
    let r1 = open.lineage.revision;
    let tags: Vec<String> = vec!["gd".into()];
    let copies2 = open
        .hand_out(&[group("Organisation", &[FactorKind::Organisation])], &tags)
        .unwrap();
    let r2 = open.lineage.revision;
    assert_eq!(r2, r1 + 1);
    let collection = collect(
        &open,
        |r| (r == r1).then(|| base1.clone()),
        vec![
            file("org1.json", &copies1[1]),
            file("org2.json", &copies2[0]),
        ],
    );
    assert_eq!(
        collection.files[1].1,
        Outcome::Refused(Refusal::OtherHandOut {
            revision: r2,
            merging: r1
        })
    );
    // Two copies named alike (a group re-opened its file elsewhere): both merge, named apart.
    let mut again = copies1[1].clone();
    again.lineage.copy = "gz".into();
    let collection = collect(
        &open,
        |r| (r == r1).then(|| base1.clone()),
        vec![file("a.json", &copies1[1]), file("b.json", &again)],
    );
    assert_eq!(
        collection.side_names(),
        ["Organisation", "Organisation (2)"]
    );
}
