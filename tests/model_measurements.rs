#![cfg(not(target_arch = "wasm32"))]
//! Which measurement counts: the latest date on or before "as of"; of two on one date, the one
//! entered last (the higher id number), wherever it stands in the list and whatever dates
//! were edited since.

use smsc::model::score::{latest_measurement, measurement_on};
use smsc::model::{Command, Date, Kpi, KpiParent, Measurement, MeasurementField, Scorecard};
use smsc::model::{FactorKind, Lang};

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

fn m(id: &str, date: &str, value: f64) -> Measurement {
    Measurement {
        id: id.into(),
        date: d(date),
        value,
        note: String::new(),
        ..Measurement::default()
    }
}

#[test]
fn of_two_on_one_date_the_one_entered_last_counts_wherever_it_is_listed() {
    let mut kpi = Kpi::new("kpi-1".into(), "Response time".into());
    // m-7 was entered after m-3, but is listed before it.
    kpi.measurements = vec![
        m("m-7", "2026-03-31", 2.0),
        m("m-3", "2026-03-31", 6.0),
        m("m-2", "2026-02-28", 8.0),
    ];
    let latest = latest_measurement(&kpi, d("2026-04-30")).expect("a measurement");
    assert_eq!((latest.id.as_str(), latest.value), ("m-7", 2.0));
    assert_eq!(
        measurement_on(&kpi, d("2026-03-31")).map(|m| m.id.as_str()),
        Some("m-7")
    );
    assert_eq!(
        latest_measurement(&kpi, d("2026-03-30")).map(|m| m.id.as_str()),
        Some("m-2")
    );
    assert_eq!(measurement_on(&kpi, d("2026-03-30")), None);
}

#[test]
fn without_id_numbers_the_one_listed_last_counts() {
    let mut kpi = Kpi::new("kpi-1".into(), "Reach".into());
    kpi.measurements = vec![
        m("first", "2026-03-31", 1.0),
        m("second", "2026-03-31", 2.0),
    ];
    assert_eq!(
        latest_measurement(&kpi, d("2026-03-31")).map(|m| m.value),
        Some(2.0)
    );
}

#[test]
fn moving_an_older_measurement_onto_a_date_does_not_make_it_count() {
    let mut card = Scorecard::new_blank("sc".into(), Lang::En);
    card.apply(Command::AddSubObjective {
        factor: FactorKind::Customers,
        title: "Quick answers".into(),
    })
    .expect("added");
    let sub_id = card.factor(FactorKind::Customers).sub_objectives[0]
        .id
        .clone();
    let kpi_id = card
        .apply(Command::AddKpi {
            parent: KpiParent::SubObjective(sub_id),
            name: "Response time".into(),
        })
        .expect("added")
        .created_id
        .expect("an id");
    let record = |card: &mut Scorecard, date: &str, value: f64| {
        card.apply(Command::RecordMeasurement {
            kpi: kpi_id.clone(),
            date: d(date),
            value,
            note: String::new(),
        })
        .expect("recorded")
        .created_id
        .expect("an id")
    };
    let older = record(&mut card, "2026-02-28", 6.0);
    let newer = record(&mut card, "2026-03-31", 2.0);
    // The older one is moved onto the newer one's date: the newer one still counts.
    card.apply(Command::UpdateMeasurement {
        id: older.clone(),
        field: MeasurementField::Date(d("2026-03-31")),
    })
    .expect("date changed");
    let kpi = card.kpi(&kpi_id).expect("the KPI");
    let counts = latest_measurement(kpi, d("2026-04-30")).expect("a measurement");
    assert_eq!((counts.id.as_str(), counts.value), (newer.as_str(), 2.0));
}
