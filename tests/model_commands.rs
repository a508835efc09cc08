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

/// A KPI field for each of the 17 `KpiField` variants (`i % 17`), from the random numbers.
fn kpi_field(i: usize, b: usize, v: f64, text: &str) -> KpiField {
    let opt = |v: f64| if b.is_multiple_of(7) { None } else { Some(v) };
    let directions = [
        Direction::HigherIsBetter,
        Direction::LowerIsBetter,
        Direction::WithinBand,
    ];
    let formulas = [None, Some(text.to_string()), Some("1 + 2 * 3".to_string())];
    let day = |k: usize| ymd((2000 + (b % 30) as i32, 1 + ((b + k) % 12) as u8, 1));
    match i % 17 {
        0 => KpiField::Name(text.into()),
        1 => KpiField::Description(text.into()),
        2 => KpiField::Unit(text.into()),
        3 => KpiField::Direction(directions[b % 3]),
        4 => KpiField::Baseline(opt(v)),
        5 => KpiField::Target(opt(v)),
        6 => KpiField::BandLow(opt(v)),
        7 => KpiField::BandHigh(opt(v)),
        8 => KpiField::AmberThreshold(v),
        9 => KpiField::Frequency(Frequency::ALL[b % 5]),
        10 => KpiField::DataSource(text.into()),
        11 => KpiField::Owner(text.into()),
        12 => KpiField::Weight(v),
        13 => KpiField::Formula(formulas[b % 3].clone()),
        14 => KpiField::BaselineDate(opt(v).map(|_| day(0))),
        15 => KpiField::TargetDate(opt(v).map(|_| day(b % 3))),
        _ => KpiField::ExpectedPath(
            (0..b % 4)
                .map(|k| ExpectedPoint {
                    date: ymd((2026, 1, 1))
                        .add_days(31 * k as i64 * if b.is_multiple_of(5) { -1 } else { 1 }),
                    value: v + k as f64,
                    ..ExpectedPoint::default()
                })
                .collect(),
        ),
    }
}

/// The place of a `KpiField` variant in `kpi_field`. No wildcard: a new variant does not
/// compile until the generator makes it too.
fn kpi_field_index(field: &KpiField) -> usize {
    match field {
        KpiField::Name(_) => 0,
        KpiField::Description(_) => 1,
        KpiField::Unit(_) => 2,
        KpiField::Direction(_) => 3,
        KpiField::Baseline(_) => 4,
        KpiField::Target(_) => 5,
        KpiField::BandLow(_) => 6,
        KpiField::BandHigh(_) => 7,
        KpiField::AmberThreshold(_) => 8,
        KpiField::Frequency(_) => 9,
        KpiField::DataSource(_) => 10,
        KpiField::Owner(_) => 11,
        KpiField::Weight(_) => 12,
        KpiField::Formula(_) => 13,
        KpiField::BaselineDate(_) => 14,
        KpiField::TargetDate(_) => 15,
        KpiField::ExpectedPath(_) => 16,
    }
}

/// How many kinds of command `build` makes (`op % OPS`).
const OPS: u8 = 59;

/// A command built from random numbers against the current document, so most refer to
/// existing items.
fn build(card: &Scorecard, op: u8, a: usize, b: usize, v: f64, text: &str, date: Date) -> Command {
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
    let maybe_date = if b.is_multiple_of(5) {
        None
    } else {
        Some(date)
    };
    match op % OPS {
        0 => Command::AddObjective { title: text.into() },
        1 => Command::UpdateObjective {
            id: pick(&objs, a),
            field: ObjectiveField::Description(text.into()),
        },
        2 => Command::UpdateObjective {
            id: pick(&objs, a),
            field: ObjectiveField::Title(text.into()),
        },
        3 => Command::UpdateObjective {
            id: pick(&objs, a),
            field: ObjectiveField::Owner(text.into()),
        },
        4 => Command::RemoveObjective { id: pick(&objs, a) },
        5 => Command::MoveObjective {
            id: pick(&objs, a),
            to_index: b,
        },
        6 => Command::AddSubObjective {
            factor,
            title: text.into(),
        },
        7 => Command::UpdateSubObjective {
            id: pick(&subs, a),
            field: SubObjectiveField::Weight(v),
        },
        8 => Command::UpdateSubObjective {
            id: pick(&subs, a),
            field: match b % 3 {
                0 => SubObjectiveField::Title(text.into()),
                1 => SubObjectiveField::Description(text.into()),
                _ => SubObjectiveField::Owner(text.into()),
            },
        },
        9 => Command::RemoveSubObjective { id: pick(&subs, a) },
        10 => Command::MoveSubObjective {
            id: pick(&subs, a),
            factor: FactorKind::ALL[b % 4],
            to_index: b,
        },
        11 => Command::LinkContribution {
            sub_objective: pick(&subs, a),
            objective: pick(&objs, b),
            at: None,
        },
        12 => Command::UnlinkContribution {
            sub_objective: pick(&subs, a),
            objective: pick(&objs, b),
        },
        13 => Command::LinkCause {
            cause: pick(&subs, a),
            effect: pick(&subs, b),
            at: Some(b % 3),
        },
        14 => Command::UnlinkCause {
            cause: pick(&subs, a),
            effect: pick(&subs, b),
        },
        15 => Command::AddKpi {
            parent,
            name: text.into(),
        },
        // 16 to 28: every KPI field.
        n @ 16..=28 => Command::UpdateKpi {
            id: pick(&kpis, a),
            field: kpi_field(usize::from(n - 16), b, v, text),
        },
        29 => Command::RemoveKpi { id: pick(&kpis, a) },
        30 => Command::MoveKpi {
            id: pick(&kpis, a),
            parent,
            to_index: b,
        },
        31 => Command::RecordMeasurement {
            kpi: pick(&kpis, a),
            date,
            value: v,
            note: text.into(),
        },
        32 => Command::UpdateMeasurement {
            id: pick(&meas, a),
            field: MeasurementField::Date(date),
        },
        33 => Command::UpdateMeasurement {
            id: pick(&meas, a),
            field: MeasurementField::Value(v),
        },
        34 => Command::UpdateMeasurement {
            id: pick(&meas, a),
            field: MeasurementField::Note(text.into()),
        },
        35 => Command::RemoveMeasurement { id: pick(&meas, a) },
        36 => Command::ChangeTarget {
            kpi: pick(&kpis, a),
            date,
            new: if b.is_multiple_of(7) { None } else { Some(v) },
            reason: text.into(),
        },
        37 => Command::PopTargetChange {
            kpi: pick(&kpis, a),
        },
        38 => Command::AddAction {
            sub_objective: pick(&subs, a),
            title: text.into(),
        },
        39 => Command::UpdateAction {
            id: pick(&acts, a),
            field: ActionField::Status(ActionStatus::ALL[b % 4]),
        },
        40 => Command::UpdateAction {
            id: pick(&acts, a),
            field: ActionField::Due(maybe_date),
        },
        41 => Command::UpdateAction {
            id: pick(&acts, a),
            field: match b % 3 {
                0 => ActionField::Title(text.into()),
                1 => ActionField::Owner(text.into()),
                _ => ActionField::Note(text.into()),
            },
        },
        42 => Command::RemoveAction { id: pick(&acts, a) },
        43 => Command::MoveAction {
            id: pick(&acts, a),
            sub_objective: pick(&subs, b),
            to_index: b,
        },
        44 => Command::SetFactorText {
            factor,
            label: text.into(),
            key_question: text.into(),
        },
        45 => Command::SetScorecardField {
            field: ScorecardField::AmberThreshold(v),
        },
        46 => Command::SetScorecardField {
            field: ScorecardField::PeriodStart(maybe_date),
        },
        47 => Command::SetScorecardField {
            field: ScorecardField::PeriodEnd(maybe_date),
        },
        48 => Command::SetScorecardField {
            field: match b % 5 {
                0 => ScorecardField::Title(text.into()),
                1 => ScorecardField::Organisation(text.into()),
                2 => ScorecardField::MediumName(text.into()),
                3 => ScorecardField::MediumKind(text.into()),
                _ => ScorecardField::Mission(text.into()),
            },
        },
        49 => Command::SetScorecardField {
            field: ScorecardField::Lang(Lang::ALL[b % 2]),
        },
        50 => Command::SetNextId { next_id: b as u64 },
        // The 14th KPI field: a formula (or none).
        51 => Command::UpdateKpi {
            id: pick(&kpis, a),
            field: kpi_field(13, b, v, text),
        },
        // The review's KPI fields: baseline date, target date, expected path.
        52..=54 => Command::UpdateKpi {
            id: pick(&kpis, a),
            field: kpi_field(14 + (op - 52) as usize, b, v, text),
        },
        55 => Command::SetCommentary {
            kpi: pick(&kpis, a),
            period: date,
            analysis: if b.is_multiple_of(3) {
                String::new()
            } else {
                text.into()
            },
            action: if b.is_multiple_of(2) {
                String::new()
            } else {
                text.into()
            },
            at: None,
        },
        56 => Command::AddReview {
            review: Review {
                period: date,
                held_on: date,
                participants: text.into(),
                summary: text.into(),
                ..Review::default()
            },
            at: None,
        },
        57 => Command::RemoveReview { index: a % 3 },
        // Two commands as one: both apply or neither.
        _ => Command::Batch {
            commands: vec![
                build(card, (a % 58) as u8, b, a, v, text, date),
                build(card, (b % 58) as u8, a, b, v, text, date),
            ],
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

/// The first and the last day the generator uses: 1 January 1990 and 31 December 2100,
/// 40,541 days apart (111 years of 365 days, plus 27 leap days: 1992, 1996, …, 2096; 2000
/// is a leap year, 2100 is not).
const FIRST_DAY: (i32, u8, u8) = (1990, 1, 1);
const DAYS: i64 = 111 * 365 + 27 - 1;

fn ymd((y, m, day): (i32, u8, u8)) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

/// Dates from 1990 to 2100: any day, 29 February of every leap year, the first and the last
/// day of every year, and 28 February 2100 (that year has no 29th).
fn date() -> impl Strategy<Value = Date> {
    prop_oneof![
        (0..=DAYS).prop_map(|n| ymd(FIRST_DAY).add_days(n)),
        (0i32..27).prop_map(|i| ymd((1992 + 4 * i, 2, 29))),
        (1990i32..=2100).prop_map(|y| ymd((y, 12, 31))),
        (1990i32..=2100).prop_map(|y| ymd((y, 1, 1))),
        Just(ymd((2100, 2, 28))),
    ]
}

#[test]
fn the_generators_range_is_1990_to_2100_and_it_makes_every_kpi_field() {
    assert_eq!(ymd(FIRST_DAY).add_days(DAYS), d("2100-12-31"));
    assert_eq!(ymd((2096, 2, 29)).year(), 2096);
    assert!(Date::from_ymd(2100, 2, 29).is_err());
    let card = example();
    let mut seen = [false; 17];
    for op in 0..OPS {
        if let Command::UpdateKpi { field, .. } = build(&card, op, 0, 1, 1.0, "t", d("2000-02-29"))
        {
            seen[kpi_field_index(&field)] = true;
        }
    }
    assert_eq!(seen, [true; 17]);
}

type Step = (u8, usize, usize, f64, String, Date);

fn step() -> impl Strategy<Value = Step> {
    (
        any::<u8>(),
        0usize..64,
        0usize..64,
        value(),
        "[a-z ]{0,8}|x{201}",
        date(),
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
        for (op, a, b, v, text, date) in steps {
            let cmd = build(&card, op, a, b, v, &text, date);
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
        // undo everything, then redo everything: back at the start, then at the end again
        let end = card.clone();
        let mut redo = Vec::new();
        while let Some(inv) = undo.pop() {
            redo.push(card.apply(inv).unwrap().inverse);
            prop_assert!(validate(&card).is_empty());
        }
        prop_assert_eq!(&card, &start);
        while let Some(cmd) = redo.pop() {
            card.apply(cmd).unwrap();
            prop_assert!(validate(&card).is_empty());
        }
        prop_assert_eq!(&card, &end);
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
