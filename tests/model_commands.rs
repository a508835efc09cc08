#![cfg(not(target_arch = "wasm32"))]
//! Edit commands: effects, errors, exact inverses (proptest) and validity after every command.

use proptest::prelude::*;
use smsc::method::templates;
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn example() -> Scorecard {
    templates::example("t".into(), Lang::En)
}

fn undo_restores(card: &mut Scorecard, cmd: Command) -> Applied {
    let before = card.clone();
    let applied = card.apply(cmd).unwrap();
    assert!(validate(card).is_empty(), "{:?}", validate(card));
    let mut undone = card.clone();
    undone.apply(applied.inverse.clone()).unwrap();
    assert_eq!(undone, before);
    applied
}

#[test]
fn add_update_and_undo() {
    let mut card = Scorecard::new_blank("t".into(), Lang::Nl);
    assert_eq!(card.factor(FactorKind::Customers).label, "Klanten");
    let a = undo_restores(
        &mut card,
        Command::AddObjective {
            title: "Loyaliteit".into(),
        },
    );
    assert_eq!(a.created_id.as_deref(), Some("obj-1"));
    let a = undo_restores(
        &mut card,
        Command::AddSubObjective {
            factor: FactorKind::Medium,
            title: "Snel antwoord".into(),
        },
    );
    let so = a.created_id.unwrap();
    let kpi = undo_restores(
        &mut card,
        Command::AddKpi {
            parent: KpiParent::SubObjective(so.clone()),
            name: "Responstijd".into(),
        },
    )
    .created_id
    .unwrap();
    undo_restores(
        &mut card,
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::Baseline(Some(8.0)),
        },
    );
    let m = undo_restores(
        &mut card,
        Command::RecordMeasurement {
            kpi: kpi.clone(),
            date: d("2026-02-01"),
            value: 3.5,
            note: String::new(),
        },
    );
    undo_restores(
        &mut card,
        Command::RecordMeasurement {
            kpi: kpi.clone(),
            date: d("2026-01-01"),
            value: 6.0,
            note: String::new(),
        },
    );
    // measurements are kept in date order
    let k = card.kpi(&kpi).unwrap();
    assert_eq!(k.measurements[1].id, m.created_id.unwrap());
    assert_eq!(card.next_id, 6);
}

#[test]
fn removing_an_objective_drops_links_and_undo_restores_them() {
    let mut card = example();
    let loyalty = card.objectives[0].id.clone();
    let before_links: usize = card
        .sub_objectives()
        .filter(|(_, s)| s.contributes_to.contains(&loyalty))
        .count();
    assert!(before_links >= 2);
    let applied = undo_restores(
        &mut card,
        Command::RemoveObjective {
            id: loyalty.clone(),
        },
    );
    assert!(
        card.sub_objectives()
            .all(|(_, s)| !s.contributes_to.contains(&loyalty))
    );
    let Command::RestoreObjective { contributions, .. } = &applied.inverse else {
        panic!()
    };
    assert_eq!(contributions.len(), before_links);
}

#[test]
fn removing_a_sub_objective_drops_cause_links_and_undo_restores_them() {
    let mut card = example();
    let customers = card.factors.customers.sub_objectives[0].id.clone();
    undo_restores(
        &mut card,
        Command::RemoveSubObjective {
            id: customers.clone(),
        },
    );
    assert!(
        card.sub_objectives()
            .all(|(_, s)| !s.leads_to.contains(&customers))
    );
}

#[test]
fn links_refuse_self_duplicates_and_unknown_ids() {
    let mut card = example();
    let a = card.factors.organisation.sub_objectives[0].id.clone();
    let b = card.factors.medium.sub_objectives[0].id.clone();
    let before = card.clone();
    let err = card.apply(Command::LinkCause {
        cause: a.clone(),
        effect: a.clone(),
        at: None,
    });
    assert_eq!(err, Err(CommandError::SelfLink));
    let err = card
        .apply(Command::LinkCause {
            cause: a.clone(),
            effect: b.clone(),
            at: None,
        })
        .unwrap_err();
    assert!(matches!(err, CommandError::AlreadyLinked { .. }));
    let err = card
        .apply(Command::LinkContribution {
            sub_objective: a.clone(),
            objective: "obj-999".into(),
            at: None,
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "there is no objective with id \"obj-999\"");
    assert_eq!(card, before);
    undo_restores(
        &mut card,
        Command::UnlinkCause {
            cause: a.clone(),
            effect: b.clone(),
        },
    );
    undo_restores(
        &mut card,
        Command::LinkCause {
            cause: b,
            effect: a,
            at: None,
        },
    );
}

#[test]
fn invalid_values_are_refused_and_leave_the_document_unchanged() {
    let mut card = example();
    let kpi = card.factors.organisation.sub_objectives[0].kpis[0]
        .id
        .clone();
    let before = card.clone();
    for field in [
        KpiField::Target(Some(f64::NAN)),
        KpiField::Weight(-1.0),
        KpiField::AmberThreshold(1.5),
        KpiField::Name("x".repeat(limits::MAX_SHORT_TEXT + 1)),
    ] {
        let err = card
            .apply(Command::UpdateKpi {
                id: kpi.clone(),
                field,
            })
            .unwrap_err();
        assert!(matches!(err, CommandError::InvalidValue { .. }), "{err}");
    }
    let err = card
        .apply(Command::Batch {
            commands: vec![
                Command::SetScorecardField {
                    field: ScorecardField::Title("ok".into()),
                },
                Command::RemoveKpi {
                    id: "kpi-nope".into(),
                },
            ],
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "there is no KPI with id \"kpi-nope\"");
    assert_eq!(card, before);
}

#[test]
fn change_target_records_history_and_undoes() {
    let mut card = example();
    let kpi = card.factors.organisation.sub_objectives[0].kpis[0]
        .id
        .clone();
    undo_restores(
        &mut card,
        Command::ChangeTarget {
            kpi: kpi.clone(),
            date: d("2026-04-01"),
            new: Some(1.5),
            reason: "Better tooling".into(),
        },
    );
    let k = card.kpi(&kpi).unwrap();
    assert_eq!(k.target, Some(1.5));
    let last = k.target_history.last().unwrap();
    assert_eq!((last.old, last.new), (Some(2.0), Some(1.5)));
    undo_restores(
        &mut card,
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::Target(Some(3.0)),
        },
    );
    undo_restores(&mut card, Command::PopTargetChange { kpi });
}

#[test]
fn moves_between_parents() {
    let mut card = example();
    let so = card.factors.organisation.sub_objectives[0].id.clone();
    undo_restores(
        &mut card,
        Command::MoveSubObjective {
            id: so.clone(),
            factor: FactorKind::Medium,
            to_index: 0,
        },
    );
    assert_eq!(card.factors.medium.sub_objectives[0].id, so);
    let kpi = card.objectives[0].kpis[0].id.clone();
    undo_restores(
        &mut card,
        Command::MoveKpi {
            id: kpi.clone(),
            parent: KpiParent::SubObjective(so.clone()),
            to_index: 99,
        },
    );
    assert_eq!(
        card.kpi_list(&KpiParent::SubObjective(so.clone()))
            .unwrap()
            .last()
            .unwrap()
            .id,
        kpi
    );
    let act = card.sub_objective(&so).unwrap().1.actions[0].id.clone();
    let other = card.factors.customers.sub_objectives[0].id.clone();
    undo_restores(
        &mut card,
        Command::MoveAction {
            id: act,
            sub_objective: other,
            to_index: 0,
        },
    );
    let first = card.objectives[0].id.clone();
    undo_restores(
        &mut card,
        Command::MoveObjective {
            id: first,
            to_index: 3,
        },
    );
}

#[test]
fn commands_serialize() {
    let cmd = Command::UpdateKpi {
        id: "kpi-1".into(),
        field: KpiField::Baseline(Some(8.0)),
    };
    let text = serde_json::to_string(&cmd).unwrap();
    assert_eq!(
        text,
        r#"{"op":"update_kpi","id":"kpi-1","field":{"baseline":8.0}}"#
    );
    assert_eq!(serde_json::from_str::<Command>(&text).unwrap(), cmd);
}

/// A command built from random numbers against the current document, so most refer to
/// existing items.
fn build(card: &Scorecard, op: u8, a: usize, b: usize, v: f64, text: &str) -> Command {
    let subs: Vec<String> = card.sub_objectives().map(|(_, s)| s.id.clone()).collect();
    let objs: Vec<String> = card.objectives.iter().map(|o| o.id.clone()).collect();
    let kpis: Vec<String> = card.kpis().map(|(_, k)| k.id.clone()).collect();
    let acts: Vec<String> = card
        .sub_objectives()
        .flat_map(|(_, s)| s.actions.iter().map(|a| a.id.clone()))
        .collect();
    let meas: Vec<String> = card
        .kpis()
        .flat_map(|(_, k)| k.measurements.iter().map(|m| m.id.clone()))
        .collect();
    let pick = |list: &[String], i: usize| {
        list.get(i % list.len().max(1))
            .cloned()
            .unwrap_or_else(|| "none-1".into())
    };
    let factor = FactorKind::ALL[a % 4];
    let parent = if b.is_multiple_of(2) {
        KpiParent::Objective(pick(&objs, a))
    } else {
        KpiParent::SubObjective(pick(&subs, a))
    };
    let date = Date::MIN.add_days(730_000 + (a as i64 % 3000));
    match op % 30 {
        0 => Command::AddObjective { title: text.into() },
        1 => Command::UpdateObjective {
            id: pick(&objs, a),
            field: ObjectiveField::Description(text.into()),
        },
        2 => Command::RemoveObjective { id: pick(&objs, a) },
        3 => Command::MoveObjective {
            id: pick(&objs, a),
            to_index: b,
        },
        4 => Command::AddSubObjective {
            factor,
            title: text.into(),
        },
        5 => Command::UpdateSubObjective {
            id: pick(&subs, a),
            field: SubObjectiveField::Weight(v),
        },
        6 => Command::RemoveSubObjective { id: pick(&subs, a) },
        7 => Command::MoveSubObjective {
            id: pick(&subs, a),
            factor: FactorKind::ALL[b % 4],
            to_index: b,
        },
        8 => Command::LinkContribution {
            sub_objective: pick(&subs, a),
            objective: pick(&objs, b),
            at: None,
        },
        9 => Command::UnlinkContribution {
            sub_objective: pick(&subs, a),
            objective: pick(&objs, b),
        },
        10 => Command::LinkCause {
            cause: pick(&subs, a),
            effect: pick(&subs, b),
            at: Some(b % 3),
        },
        11 => Command::UnlinkCause {
            cause: pick(&subs, a),
            effect: pick(&subs, b),
        },
        12 => Command::AddKpi {
            parent,
            name: text.into(),
        },
        13 => Command::UpdateKpi {
            id: pick(&kpis, a),
            field: KpiField::Target(Some(v)),
        },
        14 => Command::UpdateKpi {
            id: pick(&kpis, a),
            field: KpiField::Direction(Direction::WithinBand),
        },
        15 => Command::RemoveKpi { id: pick(&kpis, a) },
        16 => Command::MoveKpi {
            id: pick(&kpis, a),
            parent,
            to_index: b,
        },
        17 => Command::RecordMeasurement {
            kpi: pick(&kpis, a),
            date,
            value: v,
            note: text.into(),
        },
        18 => Command::UpdateMeasurement {
            id: pick(&meas, a),
            field: MeasurementField::Date(date),
        },
        19 => Command::RemoveMeasurement { id: pick(&meas, a) },
        20 => Command::ChangeTarget {
            kpi: pick(&kpis, a),
            date,
            new: Some(v),
            reason: text.into(),
        },
        21 => Command::PopTargetChange {
            kpi: pick(&kpis, a),
        },
        22 => Command::AddAction {
            sub_objective: pick(&subs, a),
            title: text.into(),
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
        26 => Command::SetFactorText {
            factor,
            label: text.into(),
            key_question: text.into(),
        },
        27 => Command::SetScorecardField {
            field: ScorecardField::AmberThreshold(v),
        },
        28 => Command::SetNextId { next_id: b as u64 },
        _ => Command::UpdateKpi {
            id: pick(&kpis, a),
            field: KpiField::BandLow(Some(v)),
        },
    }
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        -10.0f64..110.0,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        Just(0.0),
        Just(0.5),
        Just(1e16),
    ]
}

fn step() -> impl Strategy<Value = (u8, usize, usize, f64, String)> {
    (
        any::<u8>(),
        0usize..64,
        0usize..64,
        value(),
        "[a-z ]{0,8}|x{201}",
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_command_has_an_exact_inverse_and_keeps_the_document_valid(
        blank in any::<bool>(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let start = if blank { Scorecard::new_blank("t".into(), Lang::En) } else { example() };
        let mut card = start.clone();
        let mut undo = Vec::new();
        for (op, a, b, v, text) in steps {
            let cmd = build(&card, op, a, b, v, &text);
            let before = card.clone();
            let keeps_scores = cmd.keeps_scores();
            match card.apply(cmd.clone()) {
                Ok(applied) => {
                    prop_assert!(validate(&card).is_empty(), "{:?} after {:?}", validate(&card), cmd);
                    if keeps_scores {
                        let as_of = Date::parse_iso("2026-03-31").unwrap();
                        prop_assert_eq!(card.evaluate(as_of), before.evaluate(as_of), "{:?} changed a score", cmd);
                    }
                    let mut back = card.clone();
                    back.apply(applied.inverse.clone()).unwrap();
                    prop_assert_eq!(&back, &before, "inverse of {:?}", cmd);
                    undo.push(applied.inverse);
                }
                Err(_) => prop_assert_eq!(&card, &before, "failed {:?} changed the document", cmd),
            }
        }
        // undo everything, then redo everything
        let mut redo = Vec::new();
        while let Some(inv) = undo.pop() {
            redo.push(card.apply(inv).unwrap().inverse);
        }
        prop_assert_eq!(&card, &start);
        while let Some(cmd) = redo.pop() {
            card.apply(cmd).unwrap();
        }
        prop_assert!(validate(&card).is_empty());
    }
}

/// Edits of texts and actions keep every score (the interface then skips re-scoring);
/// every edit that can move a score says so.
#[test]
fn text_edits_keep_scores_and_score_edits_do_not_claim_to() {
    let card = example();
    let kpi = card.kpis().map(|(_, k)| k.id.clone()).next().unwrap();
    let measurement = card
        .kpis()
        .flat_map(|(_, k)| k.measurements.iter().map(|m| m.id.clone()))
        .next()
        .unwrap();
    let (_, sub) = card.sub_objectives().next().unwrap();
    let sub = sub.id.clone();
    let objective = card.objectives[0].id.clone();
    let text = || "Another text".to_string();
    let keeping = vec![
        Command::SetScorecardField {
            field: ScorecardField::Title(text()),
        },
        Command::SetScorecardField {
            field: ScorecardField::Mission(text()),
        },
        Command::SetScorecardField {
            field: ScorecardField::MediumName(text()),
        },
        Command::SetFactorText {
            factor: FactorKind::Customers,
            label: text(),
            key_question: text(),
        },
        Command::UpdateObjective {
            id: objective.clone(),
            field: ObjectiveField::Title(text()),
        },
        Command::UpdateObjective {
            id: objective.clone(),
            field: ObjectiveField::Owner(text()),
        },
        Command::UpdateSubObjective {
            id: sub.clone(),
            field: SubObjectiveField::Title(text()),
        },
        Command::UpdateSubObjective {
            id: sub.clone(),
            field: SubObjectiveField::Description(text()),
        },
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::Name(text()),
        },
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::Unit(text()),
        },
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::DataSource(text()),
        },
        Command::UpdateMeasurement {
            id: measurement.clone(),
            field: MeasurementField::Note(text()),
        },
        Command::AddAction {
            sub_objective: sub.clone(),
            title: text(),
        },
    ];
    let as_of = Date::parse_iso("2026-03-31").unwrap();
    let scores = card.evaluate(as_of);
    for cmd in keeping {
        assert!(cmd.keeps_scores(), "{cmd:?}");
        let mut edited = card.clone();
        edited.apply(cmd.clone()).unwrap();
        assert_ne!(edited, card, "{cmd:?} changed nothing: not a test");
        assert_eq!(edited.evaluate(as_of), scores, "{cmd:?}");
    }
    let moving = vec![
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::Target(Some(1.0)),
        },
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::Weight(0.0),
        },
        Command::UpdateKpi {
            id: kpi.clone(),
            field: KpiField::Frequency(Frequency::Yearly),
        },
        Command::UpdateMeasurement {
            id: measurement.clone(),
            field: MeasurementField::Value(0.0),
        },
        Command::RemoveMeasurement { id: measurement },
        Command::UpdateSubObjective {
            id: sub.clone(),
            field: SubObjectiveField::Weight(0.0),
        },
        Command::RemoveKpi { id: kpi },
        Command::UnlinkContribution {
            sub_objective: sub,
            objective,
        },
        Command::SetScorecardField {
            field: ScorecardField::AmberThreshold(0.99),
        },
    ];
    let mut moved = 0;
    for cmd in moving {
        assert!(!cmd.keeps_scores(), "{cmd:?}");
        let mut edited = card.clone();
        if edited.apply(cmd).is_ok() && edited.evaluate(as_of) != scores {
            moved += 1;
        }
    }
    // The list is of edits that can move a score; most of them do on the example.
    assert!(moved >= 5, "only {moved} edits moved a score");
    let batch = |commands| Command::Batch { commands };
    assert!(batch(vec![Command::SetNextId { next_id: 9 }]).keeps_scores());
    assert!(
        !batch(vec![
            Command::SetNextId { next_id: 9 },
            Command::SetScorecardField {
                field: ScorecardField::AmberThreshold(0.5)
            },
        ])
        .keeps_scores()
    );
}
