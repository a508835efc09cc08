#![cfg(not(target_arch = "wasm32"))]
//! Validation paths and dates.

use smsc::method::templates;
use smsc::model::*;

#[test]
fn every_problem_has_its_path() {
    let mut card = templates::example("t".into(), Lang::En);
    assert!(validate(&card).is_empty());
    let so = &mut card.factors.medium.sub_objectives[0];
    so.kpis[0].target = Some(f64::NAN);
    so.leads_to.push(so.id.clone());
    so.contributes_to.push("obj-404".into());
    so.weight = -2.0;
    let dup = card.objectives[0].id.clone();
    card.factors.customers.sub_objectives[0].id = dup;
    card.mission = "m".repeat(limits::MAX_LONG_TEXT + 1);
    card.next_id = 3;
    let problems: Vec<String> = validate(&card).iter().map(|p| p.to_string()).collect();
    let expect = [
        "factors.medium.sub_objectives[0].kpis[0].target: expected a finite number",
        "factors.medium.sub_objectives[0].weight: expected a weight from 0 to 1000",
        "factors.medium.sub_objectives[0].leads_to[1]: a sub-objective cannot be a cause of itself",
        "factors.medium.sub_objectives[0].contributes_to[2]: there is no objective with id \"obj-404\"",
        "mission: too long: 2001 characters, at most 2000 allowed",
    ];
    for e in expect {
        assert!(
            problems.iter().any(|p| p == e),
            "missing {e} in {problems:#?}"
        );
    }
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("factors.customers.sub_objectives[0].id: duplicate id"))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("next_id: must be greater than"))
    );
}

/// Measurements are checked without building their paths, until a message needs one.
#[test]
fn measurement_problems_name_the_measurement() {
    let mut card = templates::example("t".into(), Lang::En);
    let kpi = &mut card.factors.medium.sub_objectives[0].kpis[0];
    assert!(kpi.measurements.len() >= 3);
    let first_id = kpi.measurements[0].id.clone();
    kpi.measurements[2].id = first_id.clone();
    kpi.measurements[1].value = f64::INFINITY;
    kpi.measurements[1].note = "n".repeat(limits::MAX_LONG_TEXT + 1);
    let highest = kpi.measurements[0].id.clone();
    let problems: Vec<String> = validate(&card).iter().map(|p| p.to_string()).collect();
    let at = "factors.medium.sub_objectives[0].kpis[0].measurements";
    let expect = [
        format!("{at}[2].id: duplicate id \"{first_id}\", also used at {at}[0]"),
        format!("{at}[1].value: expected a finite number"),
        format!("{at}[1].note: too long: 2001 characters, at most 2000 allowed"),
    ];
    for e in &expect {
        assert!(problems.contains(e), "missing {e} in {problems:#?}");
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");

    // The highest id number in use is named by its measurement's path.
    let mut card = templates::example("t".into(), Lang::En);
    card.next_id = 1;
    let problems: Vec<String> = validate(&card).iter().map(|p| p.to_string()).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("next_id: must be greater than") && p.contains(".id)")),
        "{problems:#?} ({highest})"
    );
}

#[test]
fn dates_are_strict() {
    assert_eq!(
        Date::parse_iso("2026-03-31").unwrap().to_string(),
        "2026-03-31"
    );
    for bad in [
        "2026-3-31",
        "2026-02-30",
        "20260331",
        "",
        "0000-01-01",
        "2026-13-01",
        "２026-01-01",
    ] {
        assert!(Date::parse_iso(bad).is_err(), "{bad}");
    }
    let d = Date::parse_iso("2026-01-31").unwrap();
    assert_eq!(d.add_days(28).to_string(), "2026-02-28");
    assert_eq!(d.days_until(d.add_days(-400)), -400);
    assert_eq!(d.add_days(i64::MAX), Date::MAX);
    assert_eq!(d.add_days(i64::MIN), Date::MIN);
    assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-01-31\"");
}

/// Lengths are counted in characters, not bytes (the check skips counting when the bytes
/// already fit), and an id of only spaces is empty.
#[test]
fn lengths_count_characters_and_blank_ids_are_empty() {
    let mut card = templates::example("t".into(), Lang::En);
    // "é" is two bytes: at the limit in characters, twice the limit in bytes.
    card.title = "é".repeat(limits::MAX_SHORT_TEXT);
    let kpi = &mut card.factors.medium.sub_objectives[0].kpis[0];
    kpi.measurements[0].id = "m-ë".repeat(limits::MAX_ID / 3);
    assert!(validate(&card).is_empty(), "{:#?}", validate(&card));

    card.title.push('é');
    let kpi = &mut card.factors.medium.sub_objectives[0].kpis[0];
    kpi.measurements[0].id.push_str("ëë");
    kpi.measurements[1].id = " \t ".into();
    let problems: Vec<String> = validate(&card).iter().map(|p| p.to_string()).collect();
    let at = "factors.medium.sub_objectives[0].kpis[0].measurements";
    let expect = [
        "title: too long: 201 characters, at most 200 allowed".to_string(),
        format!("{at}[0].id: too long: at most 64 characters allowed"),
        format!("{at}[1].id: must not be empty"),
    ];
    for e in &expect {
        assert!(problems.contains(e), "missing {e} in {problems:#?}");
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");
}
