#![cfg(not(target_arch = "wasm32"))]
//! The file format: envelope, import errors, unknown fields, migrations, schema, fixtures.

use std::path::Path;

use proptest::prelude::*;
use serde_json::{Value, json};
use smsc::method::templates;
use smsc::model::file::FORMAT;
use smsc::model::migrate::{CURRENT_VERSION, MIGRATIONS, Migration, migrate_with};
use smsc::model::*;

const SAVED_AT: &str = "2026-04-01T12:00:00Z";
const APP: &str = "fixture";

/// Compares `expected` (made by the code under test) with the committed file `rel`, as read
/// before anything is written. With `UPDATE_FIXTURES` set a stale file is rewritten, but the
/// test fails all the same: a run can pass only when the committed file already holds the
/// expected text, so the variable can never make a run compare a file with itself.
fn check_file(rel: &str, expected: &str) {
    assert!(
        !rel.starts_with("tests/fixtures/frozen/"),
        "{rel}: frozen files are never regenerated"
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == expected {
        return;
    }
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, expected).unwrap();
        panic!(
            "{rel} was stale and has been rewritten: review the diff, commit it, and run the tests again without UPDATE_FIXTURES"
        );
    }
    panic!(
        "{rel} is stale: run `UPDATE_FIXTURES=1 cargo test --test model_file`, review the diff and commit it"
    );
}

fn templates() -> Vec<(String, Scorecard)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let code = lang.code();
        out.push((
            format!("blank-{code}"),
            templates::blank(format!("blank-{code}"), lang),
        ));
        out.push((
            format!("example-{code}"),
            templates::example(format!("example-{code}"), lang),
        ));
    }
    out
}

#[test]
fn fixtures_match_templates_and_round_trip() {
    for (name, card) in templates() {
        assert!(validate(&card).is_empty(), "{name}: {:?}", validate(&card));
        let text = export_json(&card, SAVED_AT, APP);
        check_file(&format!("tests/fixtures/{name}.scorecard.json"), &text);
        let back = import_json(&text).unwrap();
        assert_eq!(back, card, "{name}");
        assert_eq!(export_json(&back, SAVED_AT, APP), text, "{name}");
    }
}

#[test]
fn schema_is_current() {
    check_file(
        "docs/scorecard.schema.json",
        &schema::scorecard_schema_json(),
    );
}

#[test]
fn example_holds_the_article() {
    for lang in Lang::ALL {
        let card = templates::example("x".into(), lang);
        assert_eq!(card.objectives.len(), 4);
        for kind in FactorKind::ALL {
            assert!(!card.factor(kind).sub_objectives.is_empty());
        }
        let so = &card.factors.organisation.sub_objectives[0];
        assert_eq!(so.actions.len(), 2);
        let k = &so.kpis[0];
        assert_eq!((k.baseline, k.target), (Some(8.0), Some(2.0)));
        assert_eq!(k.direction, Direction::LowerIsBetter);
        let values: Vec<f64> = k.measurements.iter().map(|m| m.value).collect();
        assert_eq!(values, vec![6.0, 3.5, 2.0]);
        assert!(!k.data_source.is_empty());
    }
    let nl = templates::example("x".into(), Lang::Nl);
    assert_eq!(nl.objectives[0].title, "Loyaliteit");
    assert_eq!(
        nl.factors.organisation.sub_objectives[0].title,
        "Leden krijgen snel antwoord op inhoudelijke vragen"
    );
}

// ---------------------------------------------------------------------------------------
// Frozen files: every file-format version as an earlier build wrote it
// (tests/fixtures/frozen/README.md). Nothing here is computed by the code under test: the
// expectations are read off the files and the scores are worked out by hand.
// ---------------------------------------------------------------------------------------

const FROZEN_DIR: &str = "tests/fixtures/frozen";

/// Every frozen file with its byte length and FNV-1a 64 hash, so a frozen file that is
/// rewritten, reformatted or regenerated fails here. A new version's files are added to this
/// list (and get hand-written expectations below); none is ever removed.
const FROZEN: [(&str, u64, usize, u64); 18] = [
    ("v1-example-en.json", 1, 12_716, 0xafdd_95bd_8fd1_0bb3),
    ("v1-example-nl.json", 1, 12_827, 0x8ff1_a594_0e29_69aa),
    ("v1-blank-en.json", 1, 1_121, 0xa29a_6ba3_7b96_f00c),
    ("v1-blank-nl.json", 1, 1_132, 0xa28a_9806_aba6_550a),
    ("v2-example-en.json", 2, 34_183, 0x4fa1_f9ab_7b68_fc8f),
    ("v2-example-nl.json", 2, 34_321, 0x5555_6a28_2657_e9a9),
    ("v2-blank-en.json", 2, 1_139, 0x648a_4c0b_c900_b31a),
    ("v2-blank-nl.json", 2, 1_150, 0x19cf_1893_ece3_896e),
    ("v3-example-en.json", 3, 34_362, 0xc558_829e_221f_5e42),
    ("v3-example-nl.json", 3, 34_500, 0xc78e_8791_6027_d5ff),
    ("v3-blank-en.json", 3, 1_270, 0x2028_2009_28a0_2db7),
    ("v3-blank-nl.json", 3, 1_281, 0x4e24_f39d_f35a_7c80),
    ("v3-handed-out-en.json", 3, 35_450, 0xce99_063e_7d95_fbf7),
    ("v4-example-en.json", 4, 35_640, 0xee3d_2c98_d5e6_2273),
    ("v4-example-nl.json", 4, 35_778, 0x6ea5_92b7_f6ed_dff0),
    ("v4-blank-en.json", 4, 1_289, 0x9347_768a_fb97_ef6f),
    ("v4-blank-nl.json", 4, 1_300, 0x723b_b0dc_1bb5_f578),
    ("v4-review-en.json", 4, 36_404, 0x1f9d_b5a7_d086_a9b0),
];

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn frozen_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FROZEN_DIR)
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The file as found, and the same file with an unknown envelope field, which sends it the
/// general way in (JSON tree, migrations) instead of the fast way: both must read the same.
fn open_frozen(name: &str, version: u64) -> Scorecard {
    let text = frozen_text(name);
    let file = import_file(&text).unwrap_or_else(|e| panic!("{name} no longer opens: {e}"));
    assert_eq!(file.file_version, version, "{name}");
    assert_eq!(file.saved_at, "2026-04-01T12:00:00Z", "{name}");
    assert_eq!(file.app_version, "fixture", "{name}");
    assert!(file.scorecard.file_extra.is_empty(), "{name}");
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["x-frozen-test"] = json!(true);
    let general = import_file(&v.to_string())
        .unwrap_or_else(|e| panic!("{name} no longer opens the general way: {e}"));
    let mut general_card = general.scorecard;
    assert_eq!(
        general_card.file_extra.remove("x-frozen-test"),
        Some(json!(true))
    );
    assert_eq!(general_card, file.scorecard, "{name}: fast and general way");
    file.scorecard
}

#[test]
fn frozen_files_are_never_changed_and_cover_every_version() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(FROZEN_DIR);
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FROZEN.iter().map(|f| f.0.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every frozen file is listed in FROZEN");
    for (name, version, len, hash) in FROZEN {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(
            (bytes.len(), fnv1a(&bytes)),
            (len, hash),
            "{name} has changed: frozen files are never rewritten (add a new file instead)"
        );
        assert!(name.starts_with(&format!("v{version}-")), "{name}");
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["version"], json!(version), "{name}");
        assert_eq!(v["format"], json!("social-media-scorecard"), "{name}");
    }
    // Every version this app has ever written has a frozen file: writing version N + 1
    // means freezing a file of it here.
    for version in 1..=CURRENT_VERSION {
        assert!(
            FROZEN.iter().any(|f| f.1 == version),
            "no frozen file of format version {version}"
        );
    }
}

/// The texts in which the English and the Dutch example differ.
struct ExampleTexts {
    name: &'static str,
    id: &'static str,
    lang: Lang,
    title: &'static str,
    organisation: &'static str,
    objectives: [&'static str; 4],
    labels: [&'static str; 4],
    response_time: &'static str,
    response_sub_objective: &'static str,
}

const EXAMPLES: [ExampleTexts; 2] = [
    ExampleTexts {
        name: "v1-example-en.json",
        id: "example-en",
        lang: Lang::En,
        title: "Community scorecard 2026",
        organisation: "Food-supplements company (example)",
        objectives: ["Loyalty", "Interaction", "Data", "Satisfaction"],
        labels: ["Customers", "Financial", "Organisation", "Community"],
        response_time: "Response time of product management",
        response_sub_objective: "Members get answers to content questions quickly",
    },
    ExampleTexts {
        name: "v1-example-nl.json",
        id: "example-nl",
        lang: Lang::Nl,
        title: "Community-scorecard 2026",
        organisation: "Bedrijf in voedingssupplementen (voorbeeld)",
        objectives: ["Loyaliteit", "Interactie", "Data", "Tevredenheid"],
        labels: ["Klanten", "Financieel", "Organisatie", "Community"],
        response_time: "Responsetijd van het productmanagement",
        response_sub_objective: "Leden krijgen snel antwoord op inhoudelijke vragen",
    },
];

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn close(found: Option<f64>, want: f64, what: &str) {
    let found = found.unwrap_or_else(|| panic!("{what}: no score"));
    assert!((found - want).abs() < 1e-12, "{what}: {found} ≠ {want}");
}

#[test]
fn frozen_v1_examples_open_with_the_same_content() {
    for x in EXAMPLES {
        let card = open_frozen(x.name, 1);
        let name = x.name;
        assert_eq!(card.id, x.id, "{name}");
        assert_eq!(card.lang, x.lang, "{name}");
        assert_eq!(card.title, x.title, "{name}");
        assert_eq!(card.organisation, x.organisation, "{name}");
        assert_eq!(card.period_start, Some(d("2026-01-01")), "{name}");
        assert_eq!(card.period_end, Some(d("2026-12-31")), "{name}");
        assert_eq!(card.amber_threshold, 0.7, "{name}");
        assert_eq!(card.next_id, 32, "{name}");
        assert!(validate(&card).is_empty(), "{name}: {:?}", validate(&card));

        // Counts: 4 objectives with one KPI each, one sub-objective per factor with one KPI
        // each: 8 KPIs; measurements 1 + 1 + 1 + 0 (objectives) + 3 + 1 + 3 + 3 = 13;
        // 2 actions; 1 target change.
        let titles: Vec<&str> = card.objectives.iter().map(|o| o.title.as_str()).collect();
        assert_eq!(titles, x.objectives, "{name}");
        let ids: Vec<&str> = card.objectives.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["obj-3", "obj-6", "obj-9", "obj-11"], "{name}");
        let labels: Vec<&str> = FactorKind::ALL
            .iter()
            .map(|k| card.factor(*k).label.as_str())
            .collect();
        assert_eq!(labels, x.labels, "{name}");
        let subs: Vec<&str> = card.sub_objectives().map(|(_, s)| s.id.as_str()).collect();
        assert_eq!(subs, ["so-12", "so-17", "so-20", "so-27"], "{name}");
        let kpis: Vec<&str> = card.kpis().map(|(_, k)| k.id.as_str()).collect();
        assert_eq!(
            kpis,
            [
                "kpi-1", "kpi-4", "kpi-7", "kpi-10", "kpi-13", "kpi-18", "kpi-21", "kpi-28"
            ],
            "{name}"
        );
        let measurements: usize = card.kpis().map(|(_, k)| k.measurements.len()).sum();
        assert_eq!(measurements, 13, "{name}");
        let actions: usize = card.sub_objectives().map(|(_, s)| s.actions.len()).sum();
        assert_eq!(actions, 2, "{name}");
        let changes: usize = card.kpis().map(|(_, k)| k.target_history.len()).sum();
        assert_eq!(changes, 1, "{name}");

        // The article's KPI: response time in hours, lower is better, baseline 8, target 2,
        // measured monthly: 6, 3.5 and 2 hours at the ends of January, February and March.
        let (_, so) = card.sub_objective("so-20").unwrap();
        assert_eq!(so.title, x.response_sub_objective, "{name}");
        assert_eq!(so.contributes_to, ["obj-6", "obj-11"], "{name}");
        assert_eq!(so.leads_to, ["so-27", "so-12"], "{name}");
        let k = card.kpi("kpi-21").unwrap();
        assert_eq!(k.name, x.response_time, "{name}");
        assert_eq!(k.direction, Direction::LowerIsBetter, "{name}");
        assert_eq!((k.baseline, k.target), (Some(8.0), Some(2.0)), "{name}");
        assert_eq!(k.frequency, Frequency::Monthly, "{name}");
        assert_eq!(k.weight, 1.0, "{name}");
        let points: Vec<(Date, f64)> = k.measurements.iter().map(|m| (m.date, m.value)).collect();
        assert_eq!(
            points,
            [
                (d("2026-01-31"), 6.0),
                (d("2026-02-28"), 3.5),
                (d("2026-03-31"), 2.0)
            ],
            "{name}"
        );
        // The band KPI: budget spent 95–105 %, 98 at the end of March.
        let band = card.kpi("kpi-18").unwrap();
        assert_eq!(band.direction, Direction::WithinBand, "{name}");
        assert_eq!((band.band_low, band.band_high), (Some(95.0), Some(105.0)));
        assert_eq!((band.baseline, band.target), (None, None), "{name}");
        // The target change: 25 → 30 from 1 February.
        let grow = card.kpi("kpi-28").unwrap();
        assert_eq!((grow.baseline, grow.target), (Some(15.0), Some(30.0)));
        let change = &grow.target_history[0];
        assert_eq!(
            (change.date, change.old, change.new),
            (d("2026-02-01"), Some(25.0), Some(30.0)),
            "{name}"
        );
    }
}

/// The examples' scores as of 30 April 2026, worked out by hand (docs/scoring.md). All the
/// latest measurements are of 31 March: 30 days old, within the 45 days a monthly and the
/// 106 days a quarterly KPI allows, so none is grey for age. Amber threshold 70 % throughout.
///
/// | KPI | case | progress | status |
/// |---|---|---|---|
/// | kpi-21 response time | (2 − 8) / (2 − 8) = −6 / −6 | 100 % | green |
/// | kpi-1 active after 12 months | (46 − 40) / (60 − 40) = 6 / 20 | 30 % | red |
/// | kpi-4 posts per member | (2.4 − 1.5) / (3 − 1.5) = 0.9 / 1.5 | 60 % | red |
/// | kpi-7 complete profiles | (52 − 35) / (70 − 35) = 17 / 35 | 48.57 % | red |
/// | kpi-10 satisfaction | no measurement | – | grey |
/// | kpi-13 recommending | (55 − 20) / (100 − 20) = 35 / 80 | 43.75 % | red |
/// | kpi-18 budget (band 95–105) | 98 inside the band | 100 % | green |
/// | kpi-28 active members | (24 − 15) / (30 − 15) = 9 / 15 (current target 30) | 60 % | red |
///
/// Each sub-objective has one KPI (weight 1), each factor one sub-objective: customers
/// 43.75 % red, financial 100 % green, organisation 100 % green, medium 60 % red; overall
/// (0.4375 + 1 + 1 + 0.6) / 4 = 3.0375 / 4 = 75.9375 %, amber.
///
/// Objectives: own KPI plus the sub-objectives contributing to it (grey inputs left out):
/// obj-3 kpi-1, so-12, so-17, so-27: (0.3 + 0.4375 + 1 + 0.6) / 4 = 2.3375 / 4 = 58.4375 % red;
/// obj-6 kpi-4, so-20, so-27: (0.6 + 1 + 0.6) / 3 = 2.2 / 3 = 73.33 % amber;
/// obj-9 kpi-7, so-12: (17/35 + 7/16) / 2 = (272 + 245) / 560 / 2 = 517 / 1120 = 46.16 % red;
/// obj-11 kpi-10 (grey), so-12, so-20: (0.4375 + 1) / 2 = 71.875 % amber.
#[test]
fn frozen_v1_examples_score_as_worked_out_by_hand() {
    use Status::{Amber, Green, Grey, Red};
    for x in EXAMPLES {
        let card = open_frozen(x.name, 1);
        let e = card.evaluate(d("2026-04-30"));
        let name = x.name;
        for (id, want, status) in [
            ("kpi-21", Some(1.0), Green),
            ("kpi-1", Some(0.3), Red),
            ("kpi-4", Some(0.6), Red),
            ("kpi-7", Some(17.0 / 35.0), Red),
            ("kpi-10", None, Grey),
            ("kpi-13", Some(0.4375), Red),
            ("kpi-18", Some(1.0), Green),
            ("kpi-28", Some(0.6), Red),
        ] {
            let score = e.kpi(id).unwrap();
            assert_eq!(score.status, status, "{name} {id}");
            match want {
                Some(w) => close(score.value, w, &format!("{name} {id}")),
                None => assert_eq!(score.value, None, "{name} {id}"),
            }
        }
        for (id, want, status) in [
            ("so-12", 0.4375, Red),
            ("so-17", 1.0, Green),
            ("so-20", 1.0, Green),
            ("so-27", 0.6, Red),
        ] {
            let score = e.sub_objective(id).unwrap();
            assert_eq!(score.status, status, "{name} {id}");
            close(score.value, want, &format!("{name} {id}"));
        }
        for (kind, want, status) in [
            (FactorKind::Customers, 0.4375, Red),
            (FactorKind::Financial, 1.0, Green),
            (FactorKind::Organisation, 1.0, Green),
            (FactorKind::Medium, 0.6, Red),
        ] {
            assert_eq!(e.factor(kind).status, status, "{name} {kind:?}");
            close(e.factor(kind).value, want, &format!("{name} {kind:?}"));
        }
        for (id, want, status) in [
            ("obj-3", 2.3375 / 4.0, Red),
            ("obj-6", 2.2 / 3.0, Amber),
            ("obj-9", 517.0 / 1120.0, Red),
            ("obj-11", 0.71875, Amber),
        ] {
            let score = e.objective(id).unwrap();
            assert_eq!(score.status, status, "{name} {id}");
            close(score.value, want, &format!("{name} {id}"));
        }
        assert_eq!(e.overall().status, Amber, "{name}");
        close(e.overall().value, 0.759375, &format!("{name} overall"));

        // The article's KPI over time: 6 hours on 31 January is (6 − 8) / (2 − 8) = 33.3 %
        // red; 3.5 hours on 28 February is 75 % amber; from 16 May (31 March + 46 days,
        // more than the 45 a monthly KPI allows) the 2 hours are too old: grey.
        let at = |date: &str| card.evaluate(d(date)).kpi("kpi-21").unwrap();
        assert_eq!(at("2026-01-31").status, Red, "{name}");
        close(at("2026-01-31").value, 1.0 / 3.0, name);
        assert_eq!(at("2026-02-28").status, Amber, "{name}");
        close(at("2026-02-28").value, 0.75, name);
        assert_eq!(at("2026-05-15").status, Green, "{name}: 45 days old");
        assert_eq!(at("2026-05-16").status, Grey, "{name}: 46 days old");
    }
}

/// Version 2 added input series and calculated KPIs. Its example is version 1's plus the
/// engagement rate of community posts (kpi-32, under so-27 "Grow an active community"):
/// `interactions / reach * 100` over two daily series, 1 January – 31 March 2026 (90 points
/// each). The monthly sums, added up by hand from the file's points: January 1,754 / 53,450,
/// February 2,185 / 56,460, March 3,201 / 71,740; 1–15 March 1,457 / 33,900.
#[test]
fn frozen_v2_examples_calculate_as_worked_out_by_hand() {
    use Status::{Amber, Red};
    for (name, version, keys) in [
        ("v2-example-en.json", 2, ("interactions", "reach")),
        ("v2-example-nl.json", 2, ("interacties", "bereik")),
        ("v3-example-en.json", 3, ("interactions", "reach")),
        ("v3-example-nl.json", 3, ("interacties", "bereik")),
    ] {
        let card = open_frozen(name, version);
        assert_eq!(card.series.len(), 2, "{name}");
        assert_eq!(card.series[0].key, keys.0, "{name}");
        assert_eq!(card.series[1].key, keys.1, "{name}");
        assert!(card.series.iter().all(|s| s.points.len() == 90), "{name}");
        let kpi = card.kpi("kpi-32").unwrap();
        assert_eq!(
            kpi.formula.as_deref(),
            Some(format!("{} / {} * 100", keys.0, keys.1).as_str()),
            "{name}"
        );
        // Every other KPI is measured, as in version 1.
        assert_eq!(card.kpis().filter(|(_, k)| k.formula.is_some()).count(), 1);

        let calc = card.calculate(kpi).unwrap();
        let values: Vec<(String, f64)> = calc
            .periods
            .iter()
            .map(|p| (p.period.key(), *p.value.as_ref().unwrap()))
            .collect();
        let want = [
            ("2026-01", 1754.0 / 53450.0 * 100.0),
            ("2026-02", 2185.0 / 56460.0 * 100.0),
            ("2026-03", 3201.0 / 71740.0 * 100.0),
        ];
        assert_eq!(values.len(), 3, "{name}");
        for ((key, value), (want_key, want_value)) in values.iter().zip(want) {
            assert_eq!(key, want_key, "{name}");
            close(Some(*value), want_value, &format!("{name} {key}"));
        }

        // As of 30 April: March counts, (4.4619… − 3) / (5 − 3) = 0.73097… amber.
        let e = card.evaluate(d("2026-04-30"));
        let march = (3201.0 / 71740.0 * 100.0 - 3.0) / 2.0;
        assert_eq!(e.kpi("kpi-32").unwrap().status, Amber, "{name}");
        close(e.kpi("kpi-32").unwrap().value, march, name);
        // so-27 = (0.6 + 0.73097…) / 2 = 0.66549 red; the medium factor the same.
        let so27 = (0.6 + march) / 2.0;
        assert_eq!(e.sub_objective("so-27").unwrap().status, Red, "{name}");
        close(e.sub_objective("so-27").unwrap().value, so27, name);
        close(e.factor(FactorKind::Medium).value, so27, name);
        // Loyalty (kpi-1 0.3, so-12 0.4375, so-17 1, so-27) and interaction (kpi-4 0.6,
        // so-20 1, so-27) take so-27 in; overall (0.4375 + 1 + 1 + so-27) / 4.
        close(
            e.objective("obj-3").unwrap().value,
            (0.3 + 0.4375 + 1.0 + so27) / 4.0,
            name,
        );
        close(
            e.objective("obj-6").unwrap().value,
            (0.6 + 1.0 + so27) / 3.0,
            name,
        );
        close(e.overall().value, (0.4375 + 1.0 + 1.0 + so27) / 4.0, name);
        assert_eq!(e.overall().status, Amber, "{name}");

        // On 15 March, March is not over: February counts, (3.86999… − 3) / 2 = 0.43500 red,
        // and March so far is 1,457 / 33,900 = 4.2979… %.
        let mid = card.evaluate(d("2026-03-15"));
        close(
            mid.kpi("kpi-32").unwrap().value,
            (2185.0 / 56460.0 * 100.0 - 3.0) / 2.0,
            name,
        );
        assert_eq!(mid.kpi("kpi-32").unwrap().status, Red, "{name}");
        // Points after the as-of date are left out.
        let known = card.calculate_as_of(kpi, d("2026-03-15")).unwrap();
        let so_far = known.so_far(d("2026-03-15")).unwrap();
        assert_eq!(so_far.period.key(), "2026-03");
        close(
            so_far.value.as_ref().ok().copied(),
            1457.0 / 33900.0 * 100.0,
            name,
        );
        assert!(
            known
                .scored(d("2026-03-15"))
                .is_some_and(|p| p.period.key() == "2026-02")
        );
    }
}

/// Version 3 adds the lineage. Files of versions 1 and 2 become the original of their own
/// lineage (its id is the scorecard's id, no copy tag, revision 0), so their ids stay and new
/// ones continue as before; the handed-out copy (the English example handed out to
/// "Group 2" for Organisation, based on revision 1, with the copy tag `g2k7q`, where the
/// group added so-g2k7q-35 with kpi-g2k7q-36) keeps all of it, and makes tagged ids.
#[test]
fn frozen_files_have_their_lineage_and_copies_make_their_own_ids() {
    for (name, version, id) in [
        ("v1-example-en.json", 1, "example-en"),
        ("v1-blank-nl.json", 1, "blank-nl"),
        ("v2-example-nl.json", 2, "example-nl"),
        ("v2-blank-en.json", 2, "blank-en"),
        ("v3-example-en.json", 3, "example-en"),
        ("v3-blank-nl.json", 3, "blank-nl"),
    ] {
        let mut card = open_frozen(name, version);
        assert_eq!(
            card.lineage,
            smsc::model::Lineage {
                id: id.to_string(),
                copy: String::new(),
                revision: 0,
                based_on: None,
                group: None,
                ..smsc::model::Lineage::default()
            },
            "{name}"
        );
        let next = card.next_id;
        let made = card
            .apply(smsc::model::command::Command::AddSubObjective {
                factor: FactorKind::Medium,
                title: "New".into(),
            })
            .unwrap()
            .created_id
            .unwrap();
        assert_eq!(made, format!("so-{next}"), "{name}");
    }
    let mut copy = open_frozen("v3-handed-out-en.json", 3);
    assert_eq!(copy.lineage.id, "example-en");
    assert_eq!(copy.lineage.copy, "g2k7q");
    assert_eq!(copy.lineage.based_on, Some(1));
    let group = copy.lineage.group.clone().unwrap();
    assert_eq!(group.name, "Group 2");
    assert_eq!(group.factors, vec![FactorKind::Organisation]);
    assert!(!group.strategy_map);
    let so = copy
        .factor(FactorKind::Organisation)
        .sub_objectives
        .iter()
        .find(|s| s.id == "so-g2k7q-35")
        .unwrap();
    assert_eq!(so.title, "Train every colleague in webcare");
    assert_eq!(so.kpis[0].id, "kpi-g2k7q-36");
    assert_eq!(copy.next_id, 37);
    let made = copy
        .apply(smsc::model::command::Command::AddSubObjective {
            factor: FactorKind::Organisation,
            title: "Another".into(),
        })
        .unwrap()
        .created_id
        .unwrap();
    assert_eq!(made, "so-g2k7q-37");
    // The copy's items are the example's plus its own: the example's ids are unchanged.
    let original = open_frozen("v3-example-en.json", 3);
    let ids =
        |c: &Scorecard| -> Vec<String> { c.sub_objectives().map(|(_, s)| s.id.clone()).collect() };
    let theirs = ids(&copy);
    assert!(ids(&original).iter().all(|i| theirs.contains(i)));
}

/// Version 4 adds the monthly review's fields. Files of versions 1–3 open with none of them
/// (no KPI has an expected value); the frozen review file holds them, worked out by hand:
/// "Active members" (kpi-28) runs from 15 on 1 January to 30 on 31 December 2026 (364
/// days), so on 31 March (89 days) 15 + 15 × 89 / 364 = 18.667 is expected and March's 24 is
/// on track; "Response time" (kpi-21, lower is better) has a table: 6 hours from January,
/// 4 from April.
#[test]
fn frozen_v4_review_fields_and_older_versions_without_them() {
    for (name, version) in [
        ("v1-example-en.json", 1),
        ("v2-example-nl.json", 2),
        ("v3-example-en.json", 3),
        ("v4-example-en.json", 4),
    ] {
        let card = open_frozen(name, version);
        assert!(card.reviews.is_empty(), "{name}");
        for (_, k) in card.kpis() {
            assert!(
                k.target_date.is_none() && k.baseline_date.is_none(),
                "{name}"
            );
            assert!(
                k.expected_path.is_empty() && k.commentary.is_empty(),
                "{name}"
            );
            assert_eq!(k.expected_on(d("2026-03-31")), None, "{name}");
        }
    }
    let card = open_frozen("v4-review-en.json", 4);
    let active = card.kpi("kpi-28").unwrap();
    let expected = active.expected_on(d("2026-03-31")).unwrap().value;
    close(
        Some(expected),
        15.0 + 15.0 * 89.0 / 364.0,
        "kpi-28 expected on 31 March",
    );
    assert_eq!(
        active.pace(24.0, expected),
        Some(smsc::model::expected::Pace::OnTrack)
    );
    assert_eq!(active.commentary.len(), 1);
    assert_eq!(active.commentary[0].period, d("2026-03-01"));
    assert!(active.commentary[0].action.starts_with("Invite the 40"));
    let response = card.kpi("kpi-21").unwrap();
    close(
        response.expected_on(d("2026-03-31")).map(|e| e.value),
        6.0,
        "kpi-21 in March",
    );
    close(
        response.expected_on(d("2026-04-15")).map(|e| e.value),
        4.0,
        "kpi-21 in April",
    );
    assert_eq!(card.reviews.len(), 1);
    assert_eq!(card.reviews[0].held_on, d("2026-04-08"));
    assert_eq!(card.reviews[0].participants, "Marketing, Webcare, Finance");
}

#[test]
fn frozen_v1_blanks_open_empty() {
    for (name, id, lang, title, labels) in [
        (
            "v1-blank-en.json",
            "blank-en",
            Lang::En,
            "New social media scorecard",
            ["Customers", "Financial", "Organisation", "Medium"],
        ),
        (
            "v1-blank-nl.json",
            "blank-nl",
            Lang::Nl,
            "Nieuwe social media scorecard",
            ["Klanten", "Financieel", "Organisatie", "Medium"],
        ),
    ] {
        let card = open_frozen(name, 1);
        assert_eq!((card.id.as_str(), card.lang), (id, lang), "{name}");
        assert_eq!(card.title, title, "{name}");
        assert_eq!(card.organisation, "", "{name}");
        assert_eq!((card.period_start, card.period_end), (None, None), "{name}");
        assert_eq!(card.amber_threshold, 0.7, "{name}");
        assert_eq!(card.next_id, 1, "{name}");
        assert!(card.objectives.is_empty(), "{name}");
        assert_eq!(card.sub_objectives().count(), 0, "{name}");
        assert_eq!(card.kpis().count(), 0, "{name}");
        let found: Vec<&str> = FactorKind::ALL
            .iter()
            .map(|k| card.factor(*k).label.as_str())
            .collect();
        assert_eq!(found, labels, "{name}");
        // Nothing to score: every factor and the whole scorecard grey, without a value.
        let e = card.evaluate(d("2026-04-30"));
        assert_eq!(e.overall(), Score::GREY, "{name}");
        for kind in FactorKind::ALL {
            assert_eq!(e.factor(kind), Score::GREY, "{name} {kind:?}");
        }
    }
}

fn envelope(card: Value) -> String {
    json!({"format": FORMAT, "version": CURRENT_VERSION, "saved_at": SAVED_AT, "app_version": APP, "scorecard": card})
        .to_string()
}

fn blank_value() -> Value {
    serde_json::to_value(Scorecard::new_blank("b".into(), Lang::En)).unwrap()
}

#[test]
fn import_errors_are_distinct_and_readable() {
    assert_eq!(import_json("  \n"), Err(ImportError::Empty));
    match import_json("{\n  \"format\": oops }") {
        Err(ImportError::NotJson { line, column, .. }) => assert_eq!((line, column), (2, 13)),
        other => panic!("{other:?}"),
    }
    let e = import_json("[1, 2]").unwrap_err();
    assert!(matches!(e, ImportError::NotScorecardFile { .. }));
    assert!(e.to_string().contains("a list"), "{e}");
    let e = import_json(r#"{"format": "something-else", "version": 1}"#).unwrap_err();
    assert!(e.to_string().contains("\"something-else\""), "{e}");
    assert!(e.to_string().contains(FORMAT), "{e}");
    let e = import_json(&blank_value().to_string()).unwrap_err();
    assert!(e.to_string().contains("bare scorecard"), "{e}");
    let e = import_json(r#"{"format": "social-media-scorecard", "version": 7, "scorecard": {}}"#)
        .unwrap_err();
    assert_eq!(
        e,
        ImportError::NewerVersion {
            found: 7,
            supported: CURRENT_VERSION
        }
    );
    assert!(e.to_string().contains("version 7"), "{e}");
    let e = import_json(r#"{"format": "social-media-scorecard", "version": "1"}"#).unwrap_err();
    assert!(matches!(e, ImportError::NotScorecardFile { .. }));
    let big = " ".repeat(limits::MAX_FILE_BYTES + 1);
    assert!(matches!(
        import_json(&big),
        Err(ImportError::TooLarge { .. })
    ));
    let e = import_json(r#"{"format": "social-media-scorecard", "version": 1}"#).unwrap_err();
    assert!(e.to_string().contains("scorecard: missing"), "{e}");
}

#[test]
fn invalid_content_reports_paths() {
    let mut card = serde_json::to_value(templates::example("x".into(), Lang::En)).unwrap();
    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["direction"] = json!("sideways");
    let e = import_json(&envelope(card.clone())).unwrap_err();
    let ImportError::Invalid { problems } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        problems[0].path,
        "factors.medium.sub_objectives[0].kpis[0].direction"
    );
    assert!(e.to_string().contains("sideways"), "{e}");

    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["direction"] = json!("within_band");
    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["measurements"][1]["date"] =
        json!("2026-02-30");
    let e = import_json(&envelope(card.clone())).unwrap_err();
    let ImportError::Invalid { problems } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        problems[0].path,
        "factors.medium.sub_objectives[0].kpis[0].measurements[1].date"
    );

    card["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["measurements"][1]["date"] =
        json!("2026-02-28");
    card["factors"]["medium"]["sub_objectives"][0]["contributes_to"] = json!(["obj-404"]);
    card["objectives"][1]["id"] = card["objectives"][0]["id"].clone();
    card["title"] = json!("x".repeat(300));
    let e = import_json(&envelope(card)).unwrap_err();
    let ImportError::Invalid { problems } = &e else {
        panic!("{e:?}")
    };
    let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"title"), "{paths:?}");
    assert!(paths.contains(&"objectives[1].id"), "{paths:?}");
    assert!(
        paths.contains(&"factors.medium.sub_objectives[0].contributes_to[0]"),
        "{paths:?}"
    );
}

#[test]
fn unknown_fields_are_kept_on_round_trip() {
    let card = templates::example("x".into(), Lang::En);
    let mut v: Value = serde_json::from_str(&export_json(&card, SAVED_AT, APP)).unwrap();
    v["x-tool"] = json!({"a": 1});
    v["scorecard"]["x-top"] = json!(true);
    v["scorecard"]["factors"]["x-f"] = json!(1);
    v["scorecard"]["factors"]["customers"]["x-c"] = json!([1, 2]);
    v["scorecard"]["objectives"][0]["x-o"] = json!("o");
    let so = &mut v["scorecard"]["factors"]["organisation"]["sub_objectives"][0];
    so["x-so"] = json!(null);
    so["actions"][1]["x-a"] = json!(2.5);
    so["kpis"][0]["x-k"] = json!({"deep": [1]});
    so["kpis"][0]["measurements"][2]["x-m"] = json!("m");
    v["scorecard"]["factors"]["medium"]["sub_objectives"][0]["kpis"][0]["target_history"][0]["x-t"] =
        json!(0);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let back = import_json(&text).unwrap();
    assert_eq!(back.file_extra["x-tool"], json!({"a": 1}));
    assert_eq!(
        back.factors.organisation.sub_objectives[0].actions[1].extra["x-a"],
        json!(2.5)
    );
    let again: Value = serde_json::from_str(&export_json(&back, SAVED_AT, APP)).unwrap();
    assert_eq!(again, v);
}

/// The import reads the usual file (current version, all fields known) straight into the
/// types and any other through a JSON tree; both ways must give the same scorecard. An
/// unknown field sends a file the general way; it must differ only by that field.
#[test]
fn the_fast_and_the_general_import_read_the_same_scorecard() {
    let cards = [
        templates::example("ex".into(), Lang::En),
        templates::example("vb".into(), Lang::Nl),
        smsc::method::stress::stress_scorecard(smsc::method::stress::StressSize::SMOKE),
    ];
    for card in cards {
        let text = export_json(&card, SAVED_AT, APP);
        let fast = import_file(&text).unwrap();
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["scorecard"]["x-general"] = json!(1);
        let general = import_file(&serde_json::to_string(&v).unwrap()).unwrap();
        let mut general_card = general.scorecard.clone();
        assert_eq!(general_card.extra.remove("x-general"), Some(json!(1)));
        assert_eq!(general_card, fast.scorecard);
        assert_eq!(fast.scorecard, card);
        assert_eq!(
            (&fast.saved_at, &fast.app_version, fast.file_version),
            (
                &general.saved_at,
                &general.app_version,
                general.file_version
            )
        );
        // Invalid content: the same problems either way.
        let mut bad = v.clone();
        bad["scorecard"]["amber_threshold"] = json!(7);
        let general_err = import_file(&serde_json::to_string(&bad).unwrap()).unwrap_err();
        bad["scorecard"]
            .as_object_mut()
            .unwrap()
            .remove("x-general");
        let fast_err = import_file(&serde_json::to_string(&bad).unwrap()).unwrap_err();
        assert_eq!(fast_err, general_err);
    }
}

fn bump_title(mut v: Value) -> Result<Value, String> {
    let title = v["scorecard"]["title"]
        .as_str()
        .ok_or("no title")?
        .to_string();
    v["scorecard"]["title"] = json!(format!("{title} (v2)"));
    Ok(v)
}

#[test]
fn migration_registry_runs_each_step() {
    // The registry covers every version below the current one, exactly once.
    let current = CURRENT_VERSION;
    for from in 1..current.max(1) {
        assert_eq!(MIGRATIONS.iter().filter(|(v, _)| *v == from).count(), 1);
    }
    assert!(MIGRATIONS.iter().all(|(v, _)| *v < CURRENT_VERSION));
    // The runner applies a (test) step 1 → 2 and sets the version.
    let registry: &[(u64, Migration)] = &[(1, bump_title)];
    let v = json!({"format": FORMAT, "version": 1, "scorecard": {"title": "T"}});
    let out = migrate_with(registry, v.clone(), 1, 2).unwrap();
    assert_eq!(out["version"], json!(2));
    assert_eq!(out["scorecard"]["title"], json!("T (v2)"));
    assert!(migrate_with(registry, v.clone(), 1, 3).is_err());
    assert!(migrate_with(registry, json!([]), 1, 2).is_err());
    assert_eq!(migrate_with(registry, v.clone(), 1, 1).unwrap(), v);
}

fn mutate(text: &str, cut: usize, insert: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = cut % (chars.len() + 1);
    chars.splice(at..at, insert.chars());
    chars.into_iter().collect()
}

/// What every answer of the import must satisfy, whatever the text: an accepted file holds
/// a valid scorecard that exports and imports again to itself; a non-empty text that is not
/// JSON (serde_json as the judge) is refused as `NotJson` at the place serde_json names, and
/// JSON is never refused as `NotJson`.
fn import_answer_is_sound(text: &str) -> Result<Result<Scorecard, ImportError>, TestCaseError> {
    let result = import_file(text).map(|f| f.scorecard);
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    match &result {
        Ok(card) => {
            prop_assert!(validate(card).is_empty(), "{:?}", validate(card));
            let again = export_json(card, SAVED_AT, APP);
            prop_assert_eq!(import_json(&again), Ok(card.clone()));
        }
        Err(e) => {
            prop_assert!(!e.to_string().is_empty());
            if body.trim().is_empty() {
                prop_assert_eq!(e, &ImportError::Empty);
            } else {
                match serde_json::from_str::<Value>(body) {
                    Err(json) => match e {
                        ImportError::NotJson {
                            line,
                            column,
                            message,
                        } => {
                            prop_assert_eq!((*line, *column), (json.line(), json.column()));
                            prop_assert!(!message.is_empty());
                        }
                        other => prop_assert!(false, "not JSON, yet {:?}", other),
                    },
                    Ok(_) => prop_assert!(
                        !matches!(e, ImportError::NotJson { .. } | ImportError::Empty),
                        "JSON refused as {:?}",
                        e
                    ),
                }
            }
        }
    }
    Ok(result)
}

/// The JSON pointers of every node of `v` below the root.
fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(map) => map.iter().map(|(k, c)| (k.clone(), c)).collect(),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, c)| (i.to_string(), c))
            .collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        let here = format!("{at}/{key}");
        out.push(here.clone());
        pointers(child, &here, out);
    }
}

/// One structural change of a file: the JSON stays valid, its content does not.
#[derive(Clone, Debug)]
enum Change {
    /// Replace the node with one of `replacements()`.
    Replace(usize, usize),
    /// Remove the node from its object or list.
    Remove(usize),
    /// Add an unknown field to the object node (or the nearest object above it).
    AddUnknown(usize),
    /// Append a copy of the first element of a (non-empty) list to it.
    Repeat(usize),
    /// Replace an envelope field with one of `replacements()`, or remove it (`None`).
    Envelope(usize, Option<usize>),
}

fn replacements() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(1),
        json!(-1),
        json!(2),
        json!(7),
        json!(1.5),
        json!(0.7),
        json!(1e308),
        json!(-1e308),
        json!(u64::MAX),
        json!(""),
        json!(" "),
        json!("x"),
        json!("2026-02-29"),
        json!("2024-02-29"),
        json!("2026-13-01"),
        json!("kpi-21"),
        json!("obj-3"),
        json!("so-12"),
        json!("m-22"),
        json!("act-25"),
        json!("higher_is_better"),
        json!("within_band"),
        json!("monthly"),
        json!("done"),
        json!("nl"),
        json!([]),
        json!({}),
        json!(["obj-3"]),
        json!(["so-12", "so-12"]),
        json!({"x": 1}),
        json!("x".repeat(201)),
        json!(FORMAT),
    ]
}

/// Applies `change` to the file `v`; returns the pointer of the node it changed (for
/// `AddUnknown` the object, for `Repeat` the list).
fn apply_change(v: &mut Value, change: &Change, all: &[String]) -> String {
    match *change {
        Change::Replace(i, r) => {
            let p = all[i % all.len()].clone();
            let list = replacements();
            *v.pointer_mut(&p).unwrap() = list[r % list.len()].clone();
            p
        }
        Change::Remove(i) => {
            let p = all[i % all.len()].clone();
            let (parent, key) = p.rsplit_once('/').unwrap();
            match v.pointer_mut(parent).unwrap() {
                Value::Object(map) => {
                    map.remove(key);
                }
                Value::Array(list) => {
                    list.remove(key.parse::<usize>().unwrap());
                }
                _ => unreachable!(),
            }
            p
        }
        Change::AddUnknown(i) => {
            let objects: Vec<&String> = all
                .iter()
                .filter(|p| v.pointer(p).unwrap().is_object())
                .collect();
            let p = objects[i % objects.len()].clone();
            v.pointer_mut(&p).unwrap()["x-fuzz"] = json!({"kept": [1, "two"]});
            p
        }
        Change::Repeat(i) => {
            let lists: Vec<&String> = all
                .iter()
                .filter(|p| {
                    v.pointer(p)
                        .unwrap()
                        .as_array()
                        .is_some_and(|l| !l.is_empty())
                })
                .collect();
            let p = lists[i % lists.len()].clone();
            let Some(Value::Array(list)) = v.pointer_mut(&p) else {
                unreachable!()
            };
            list.push(list[0].clone());
            p
        }
        Change::Envelope(i, r) => {
            let field = smsc::model::file::ENVELOPE_FIELDS[i % 5];
            let map = v.as_object_mut().unwrap();
            match r {
                Some(r) => {
                    let list = replacements();
                    map.insert(field.to_string(), list[r % list.len()].clone());
                }
                None => {
                    map.remove(field);
                }
            }
            format!("/{field}")
        }
    }
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(i, r)| Change::Replace(i, r)),
        any::<usize>().prop_map(Change::Remove),
        any::<usize>().prop_map(Change::AddUnknown),
        any::<usize>().prop_map(Change::Repeat),
        (any::<usize>(), prop::option::of(any::<usize>()))
            .prop_map(|(i, r)| Change::Envelope(i, r)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any text: never a panic, and the answer for what the text is (`import_answer_is_sound`);
    /// a text that is JSON but not a scorecard file is refused.
    #[test]
    fn any_text_gets_the_answer_for_what_it_is(
        s in prop_oneof!["\\PC*", "[ \\[\\]{}\",:0-9a-z.\\-]{0,40}", "\u{feff}[ \\t\\n]{0,3}"],
    ) {
        let result = import_answer_is_sound(&s)?;
        prop_assert!(result.is_err(), "{:?} read as a scorecard", s);
    }

    /// A real file with characters inserted and removed anywhere.
    #[test]
    fn mutated_files_get_a_sound_answer(
        cut in 0usize..20_000,
        insert in prop::sample::select(vec!["", "\"", "}", "]", "{", ",", "null", "-1e400", "1e308", "\"x\":", "[[[[", "\"2026-13-01\"", "NaN", "\u{0}", "9999999999999999999999"]),
        drop in 0usize..200,
    ) {
        let base = export_json(&templates::example("x".into(), Lang::En), SAVED_AT, APP);
        let mut text = mutate(&base, cut, insert);
        let at = cut % (text.len() + 1);
        if text.is_char_boundary(at) && text.is_char_boundary((at + drop).min(text.len())) {
            text.replace_range(at..(at + drop).min(text.len()), "");
        }
        let result = import_answer_is_sound(&text)?;
        if text == base {
            prop_assert!(result.is_ok());
        }
    }

    /// A real file with one structural change (valid JSON throughout): an accepted file is
    /// sound; a change inside the scorecard is refused only as `Invalid` with the problems
    /// listed; the envelope's fields get their own errors; unknown fields are always accepted
    /// and kept exactly; a repeated item with an id is always refused.
    #[test]
    fn structurally_changed_files_are_accepted_soundly_or_refused_with_the_right_error(
        change in change(),
    ) {
        let card = templates::example("x".into(), Lang::En);
        let base: Value = serde_json::from_str(&export_json(&card, SAVED_AT, APP)).unwrap();
        let mut all = Vec::new();
        pointers(&base, "", &mut all);
        let mut v = base.clone();
        let at = apply_change(&mut v, &change, &all);
        let text = serde_json::to_string_pretty(&v).unwrap();
        let result = import_answer_is_sound(&text)?;
        let field = at.split('/').nth(1).unwrap_or("");
        match (&change, &result) {
            (Change::AddUnknown(_), Ok(read)) => {
                // Kept exactly where it was put.
                let again: Value = serde_json::from_str(&export_json(read, SAVED_AT, APP)).unwrap();
                prop_assert_eq!(again, v);
            }
            (Change::AddUnknown(_), Err(e)) => prop_assert!(false, "unknown field at {} refused: {}", at, e),
            (Change::Repeat(_), _) if ["objectives", "sub_objectives", "kpis", "measurements", "actions"]
                .iter().any(|list| at.ends_with(&format!("/{list}"))) && v.pointer(&at).and_then(Value::as_array).is_some_and(|l| l.len() > 1) =>
            {
                let Err(ImportError::Invalid { problems }) = &result else {
                    return Err(TestCaseError::fail(format!("a repeated item in {at} accepted: {result:?}")));
                };
                prop_assert!(problems.iter().any(|p| p.message.contains("id")), "{:?}", problems);
            }
            (_, Ok(_)) => {}
            (_, Err(e)) => match field {
                "scorecard" => {
                    let ImportError::Invalid { problems } = e else {
                        return Err(TestCaseError::fail(format!("{at}: {e:?}")));
                    };
                    prop_assert!(!problems.is_empty());
                    prop_assert!(problems.iter().all(|p| !p.message.is_empty()));
                    let first = problems[0].to_string();
                    prop_assert!(e.to_string().contains(&first), "{} lacks {}", e, first);
                }
                "format" => {
                    prop_assert_ne!(&v["format"], &json!(FORMAT), "{:?}", e);
                    prop_assert!(matches!(e, ImportError::NotScorecardFile { .. }), "{:?}", e);
                }
                "version" => match v.get("version").and_then(Value::as_u64) {
                    Some(1) => prop_assert!(false, "version 1 refused: {:?}", e),
                    Some(n) if n > 1 => prop_assert_eq!(e, &ImportError::NewerVersion { found: n, supported: CURRENT_VERSION }),
                    Some(_) | None => prop_assert!(matches!(e, ImportError::NotScorecardFile { .. }), "{:?}", e),
                },
                "saved_at" | "app_version" => {
                    prop_assert!(!v[field].is_string() && !v[field].is_null(), "{:?}", e);
                    let ImportError::Invalid { problems } = e else {
                        return Err(TestCaseError::fail(format!("{at}: {e:?}")));
                    };
                    prop_assert_eq!(problems[0].path.as_str(), field);
                }
                other => prop_assert!(false, "{} refused: {:?} (changed {})", other, e, at),
            },
        }
    }

    #[test]
    fn numbers_round_trip_exactly(values in prop::collection::vec(-1e15f64..1e15, 1..20)) {
        let mut card = templates::blank("x".into(), Lang::En);
        card.apply(Command::AddObjective { title: "o".into() }).unwrap();
        let kpi = card.apply(Command::AddKpi { parent: KpiParent::Objective("obj-1".into()), name: "k".into() }).unwrap().created_id.unwrap();
        for (i, v) in values.iter().enumerate() {
            let date = Date::MIN.add_days(i as i64);
            card.apply(Command::RecordMeasurement { kpi: kpi.clone(), date, value: *v, note: String::new() }).unwrap();
        }
        let text = export_json(&card, SAVED_AT, APP);
        prop_assert_eq!(import_json(&text), Ok(card));
    }
}

/// The format's items are JSON objects (docs/file-format.md, docs/scorecard.schema.json). A
/// scorecard, objective or KPI written as a JSON list is read field by field in order
/// (serde's default for structs) and opens, e.g. `"scorecard": ["obj-3"]` as a blank
/// scorecard with id "obj-3". Found by the structural test above; reported, not fixed here.
#[test]
#[ignore = "known bug in src/model: items written as JSON lists are read positionally"]
fn items_written_as_lists_are_refused() {
    let card = templates::example("x".into(), Lang::En);
    let base: Value = serde_json::from_str(&export_json(&card, SAVED_AT, APP)).unwrap();
    for at in ["/scorecard", "/scorecard/objectives/0/kpis/0"] {
        let mut v = base.clone();
        *v.pointer_mut(at).unwrap() = json!(["zz-1"]);
        assert!(
            matches!(
                import_json(&v.to_string()),
                Err(ImportError::Invalid { .. })
            ),
            "{at} as a list was read"
        );
    }
}
