//! Changing a KPI's target (`method::target_change`): when the form asks "correction or new
//! target?", the default date per frequency, and the one command each answer makes — applied
//! to a scorecard and undone as one step.
#![cfg(not(target_arch = "wasm32"))]

use smsc::method::target_change::{
    TargetAnswer, TargetEdit, TargetProblem, default_change_date, default_date_hint,
    last_change_date, target_command, target_edit,
};
use smsc::model::history::History;
use smsc::model::score::target_on;
use smsc::model::{
    Command, Date, Frequency, Kpi, KpiField, Lang, Measurement, Scorecard, TargetChange,
};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).expect("a date")
}

fn kpi(target: Option<f64>, measured: bool) -> Kpi {
    let mut k = Kpi::new("kpi-1".into(), "Response time".into());
    k.target = target;
    k.frequency = Frequency::Monthly;
    if measured {
        k.measurements.push(Measurement {
            id: "m-1".into(),
            date: d(2026, 3, 31),
            value: 3.0,
            ..Measurement::default()
        });
    }
    k
}

#[test]
fn a_kpi_without_target_and_values_just_sets_it_anything_else_asks() {
    let blank = Scorecard::new_blank("sc-1".into(), Lang::En);
    let edit = |k: &Kpi, new| target_edit(&blank, k, new);
    assert_eq!(edit(&kpi(None, false), Some(5.0)), TargetEdit::Set);
    assert_eq!(edit(&kpi(None, true), Some(5.0)), TargetEdit::Ask);
    assert_eq!(edit(&kpi(Some(2.0), false), Some(5.0)), TargetEdit::Ask);
    assert_eq!(edit(&kpi(Some(2.0), true), None), TargetEdit::Ask);
    assert_eq!(
        edit(&kpi(Some(2.0), true), Some(2.0)),
        TargetEdit::Unchanged
    );
    assert_eq!(edit(&kpi(None, true), None), TargetEdit::Unchanged);
    // A calculated KPI: asked once its series have figures, not before.
    let mut calculated = kpi(None, false);
    calculated.formula = Some("interactions / reach * 100".into());
    assert_eq!(edit(&calculated, Some(5.0)), TargetEdit::Set);
    let (example, _) = example_card();
    assert_eq!(
        target_edit(&example, &calculated, Some(5.0)),
        TargetEdit::Ask
    );
}

#[test]
fn the_default_date_is_the_first_day_of_the_current_period() {
    let today = d(2026, 4, 10); // a Friday
    let cases = [
        (Frequency::Daily, d(2026, 4, 10)),
        (Frequency::Weekly, d(2026, 4, 6)),
        (Frequency::Monthly, d(2026, 4, 1)),
        (Frequency::Quarterly, d(2026, 4, 1)),
        (Frequency::Yearly, d(2026, 1, 1)),
    ];
    for (frequency, want) in cases {
        let mut k = kpi(Some(2.0), true);
        k.frequency = frequency;
        assert_eq!(default_change_date(&k, today), want, "{frequency:?}");
    }
    let mut k = kpi(Some(2.0), true);
    k.frequency = Frequency::Quarterly;
    assert_eq!(default_change_date(&k, d(2026, 12, 31)), d(2026, 10, 1));
}

#[test]
fn the_default_date_is_never_before_the_last_change() {
    let mut k = kpi(Some(30.0), true);
    k.frequency = Frequency::Yearly;
    k.target_history.push(TargetChange {
        date: d(2026, 2, 1),
        old: Some(25.0),
        new: Some(30.0),
        reason: "Raised".into(),
        ..TargetChange::default()
    });
    assert_eq!(last_change_date(&k), Some(d(2026, 2, 1)));
    assert_eq!(default_change_date(&k, d(2026, 4, 10)), d(2026, 2, 1));
}

#[test]
fn the_hint_says_why_in_both_languages() {
    let k = kpi(Some(2.0), true);
    let today = d(2026, 4, 10);
    assert_eq!(
        default_date_hint(&k, today, Lang::En),
        "Suggested: 1 Apr 2026, the first day of April 2026, so the whole month is judged against one target. Periods already over keep the target they had."
    );
    assert_eq!(
        default_date_hint(&k, today, Lang::Nl),
        "Voorgesteld: 1 apr 2026, de eerste dag van april 2026, zodat de hele maand aan één doelwaarde wordt gemeten. Perioden die al voorbij zijn houden hun doelwaarde."
    );
    let mut daily = k.clone();
    daily.frequency = Frequency::Daily;
    assert!(
        default_date_hint(&daily, today, Lang::En).starts_with("Suggested: today, 10 Apr 2026.")
    );
}

#[test]
fn a_correction_just_sets_the_target() {
    let k = kpi(Some(2.0), true);
    let cmd = target_command(&k, Some(1.5), TargetAnswer::Correction, d(2026, 4, 10));
    assert_eq!(
        cmd,
        Ok(Command::UpdateKpi {
            id: "kpi-1".into(),
            field: KpiField::Target(Some(1.5)),
        })
    );
}

#[test]
fn a_new_target_needs_a_reason_and_a_date_between_the_last_change_and_today() {
    let mut k = kpi(Some(30.0), true);
    let today = d(2026, 4, 10);
    let answer = |date, reason: &str| TargetAnswer::NewTarget {
        date,
        reason: reason.into(),
    };
    assert_eq!(
        target_command(&k, Some(35.0), answer(d(2026, 4, 1), "  "), today),
        Err(TargetProblem::NoReason)
    );
    assert_eq!(
        target_command(&k, Some(35.0), answer(d(2026, 4, 11), "Why"), today),
        Err(TargetProblem::AfterToday(today))
    );
    k.target_history.push(TargetChange {
        date: d(2026, 2, 1),
        old: Some(25.0),
        new: Some(30.0),
        reason: "Raised".into(),
        ..TargetChange::default()
    });
    assert_eq!(
        target_command(&k, Some(35.0), answer(d(2026, 1, 31), "Why"), today),
        Err(TargetProblem::BeforeLastChange(d(2026, 2, 1)))
    );
    assert_eq!(
        target_command(&k, Some(35.0), answer(d(2026, 4, 1), " Campaign "), today),
        Ok(Command::ChangeTarget {
            kpi: "kpi-1".into(),
            date: d(2026, 4, 1),
            new: Some(35.0),
            reason: "Campaign".into(),
        })
    );
    for lang in [Lang::En, Lang::Nl] {
        for p in [
            TargetProblem::NoReason,
            TargetProblem::AfterToday(today),
            TargetProblem::BeforeLastChange(d(2026, 2, 1)),
        ] {
            assert!(!p.message_in(lang).is_empty());
        }
    }
    assert!(
        TargetProblem::BeforeLastChange(d(2026, 2, 1))
            .message_in(Lang::Nl)
            .contains("1 feb 2026")
    );
}

/// The example's "active members" KPI, as the template has it: 25 → 30 from 1 February.
fn example_card() -> (smsc::model::Scorecard, String) {
    let card =
        smsc::method::templates::by_name("example", "sc-t".into(), Lang::En).expect("the example");
    let id = card
        .factors
        .medium
        .sub_objectives
        .iter()
        .flat_map(|s| s.kpis.iter())
        .find(|k| !k.target_history.is_empty())
        .map(|k| k.id.clone())
        .expect("a KPI with a target change");
    (card, id)
}

#[test]
fn each_answer_is_one_undo_step_and_moves_the_targets_in_force() {
    let (mut card, id) = example_card();
    let today = d(2026, 4, 10);
    let mut history = History::new();
    let k = card.kpi(&id).expect("the KPI").clone();
    assert_eq!(k.target, Some(30.0));

    // A new target from 1 April: March keeps 30, April has 35; one row more.
    let cmd = target_command(
        &k,
        Some(35.0),
        TargetAnswer::NewTarget {
            date: default_change_date(&k, today),
            reason: "Campaign".into(),
        },
        today,
    )
    .expect("a command");
    history.apply(&mut card, cmd, None).expect("applied");
    let k = card.kpi(&id).expect("the KPI");
    assert_eq!(k.target, Some(35.0));
    assert_eq!(k.target_history.len(), 2);
    assert_eq!(target_on(k, d(2026, 3, 31)), Some(30.0));
    assert_eq!(target_on(k, d(2026, 4, 30)), Some(35.0));
    history.undo(&mut card).expect("undone");
    let k = card.kpi(&id).expect("the KPI");
    assert_eq!((k.target, k.target_history.len()), (Some(30.0), 1));

    // A correction of a KPI with history corrects the change in force: no new row, the
    // periods since 1 February use the corrected target, the earlier ones keep 25.
    let cmd = target_command(k, Some(32.0), TargetAnswer::Correction, today).expect("a command");
    history.apply(&mut card, cmd, None).expect("applied");
    let k = card.kpi(&id).expect("the KPI");
    assert_eq!(k.target, Some(32.0));
    assert_eq!(k.target_history.len(), 1);
    assert_eq!(k.target_history[0].new, Some(32.0));
    assert_eq!(
        k.target_history[0].reason,
        "Raised after a strong start in January."
    );
    assert_eq!(target_on(k, d(2026, 1, 31)), Some(25.0));
    assert_eq!(target_on(k, d(2026, 3, 31)), Some(32.0));
    history.undo(&mut card).expect("undone");
    let k = card.kpi(&id).expect("the KPI");
    assert_eq!(k.target, Some(30.0));
    assert_eq!(k.target_history[0].new, Some(30.0));
}

#[test]
fn the_chart_says_a_new_target_that_starts_after_its_last_point() {
    use smsc::charts::ChartSpec;
    use smsc::charts::data::kpi_chart_data;
    let today = d(2026, 4, 10);
    let mut card =
        smsc::method::templates::by_name("example", "sc-c".into(), Lang::En).expect("the example");
    let id = card
        .factors
        .organisation
        .sub_objectives
        .iter()
        .flat_map(|s| s.kpis.iter())
        .find(|k| k.unit == "hours")
        .map(|k| k.id.clone())
        .expect("the response-time KPI");
    let summary = |card: &smsc::model::Scorecard, lang| {
        let k = card.kpi(&id).expect("the KPI");
        ChartSpec::Kpi(kpi_chart_data(k, today, lang)).summary()
    };
    assert!(!summary(&card, Lang::En).contains("New target"));
    let k = card.kpi(&id).expect("the KPI").clone();
    let cmd = target_command(
        &k,
        Some(1.5),
        TargetAnswer::NewTarget {
            date: default_change_date(&k, today),
            reason: "Faster answers".into(),
        },
        today,
    )
    .expect("a command");
    card.apply(cmd).expect("applied");
    assert!(
        summary(&card, Lang::En)
            .ends_with("latest 2 hours, target 2 hours. New target 1.5 hours from 1 Apr 2026."),
        "{}",
        summary(&card, Lang::En)
    );
    assert!(summary(&card, Lang::Nl).ends_with("Nieuw doel 1,5 hours vanaf 1 apr 2026."));
    // A measurement after the date is charted against the new target.
    card.apply(Command::RecordMeasurement {
        kpi: id.clone(),
        date: today,
        value: 1.8,
        note: String::new(),
    })
    .expect("recorded");
    let k = card.kpi(&id).expect("the KPI");
    let table = ChartSpec::Kpi(kpi_chart_data(k, today, Lang::En)).table();
    let rows: Vec<_> = table
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        rows[rows.len() - 2..],
        [("31 Mar 2026", "2"), ("10 Apr 2026", "1.5")]
    );
    assert!(!summary(&card, Lang::En).contains("New target"));
}
