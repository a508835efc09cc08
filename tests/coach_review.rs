#![cfg(not(target_arch = "wasm32"))]
//! The coach's review hint: a KPI red in its scored period without commentary
//! (`method::coach::review_hints`), on the article's example as of 10 April 2026.

use smsc::method::coach::{Hint, red_periods, red_without_commentary, review_hints};
use smsc::method::templates;
use smsc::model::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn red_kpis_without_commentary_are_listed_until_someone_comments() {
    let mut card = templates::example("sc-1".into(), Lang::En);
    let as_of = d("2026-04-10");
    let eval = card.evaluate(as_of);
    let red: Vec<String> = card
        .kpis()
        .filter(|(_, k)| eval.kpi(&k.id).is_some_and(|s| s.status == Status::Red))
        .map(|(_, k)| k.id.clone())
        .collect();
    assert!(!red.is_empty(), "the example has red KPIs on 10 April 2026");
    let hints = review_hints(&card, &eval, as_of);
    let listed: Vec<String> = hints
        .iter()
        .map(|h| match h {
            Hint::RedWithoutCommentary { id, .. } => id.clone(),
            other => panic!("not a review hint: {other:?}"),
        })
        .collect();
    assert_eq!(listed, red, "every red KPI, and only those");
    let Hint::RedWithoutCommentary { id, name, period } = &hints[0] else {
        unreachable!()
    };
    // The scored period on 10 April: the last one that is over (March, or Q1 2026 for a
    // quarterly KPI).
    assert_eq!(period.end, d("2026-03-31"));
    let when = period.label(Lang::En);
    assert_eq!(
        hints[0].message(Lang::En),
        format!(
            "KPI “{name}” is red in {when} and has no commentary yet: write in its panel what happened and what we do about it."
        )
    );
    assert!(
        hints[0]
            .message(Lang::Nl)
            .contains(&format!("staat rood in {}", period.label(Lang::Nl)))
    );
    assert_eq!(hints[0].key(), format!("red-without-commentary:{id}"));

    // Commentary on the period before does not count; on the scored period it does.
    let before = period.previous().unwrap().start;
    for start in [before, period.start] {
        card.apply(Command::SetCommentary {
            kpi: id.clone(),
            period: start,
            analysis: "Fewer answers".into(),
            action: String::new(),
            at: None,
        })
        .unwrap();
        let still = review_hints(&card, &card.evaluate(as_of), as_of)
            .iter()
            .any(|h| h.key() == hints[0].key());
        assert_eq!(still, start == before, "commentary on {start}");
    }
}

/// The coach keeps the red KPIs' periods (`red_periods`, worked out from scores only) across
/// edits that cannot move a score, and puts in names and commentary as they are now: after a
/// rename and a commentary, the kept periods give exactly the hints worked out afresh.
#[test]
fn red_periods_kept_across_a_rename_and_a_commentary_give_the_fresh_hints() {
    let mut card = templates::example("sc-1".into(), Lang::En);
    let as_of = d("2026-04-10");
    let red = red_periods(&card, &card.evaluate(as_of), as_of);
    assert!(red.len() >= 2, "the example has red KPIs on 10 April 2026");
    let (renamed, _) = &red[0];
    let (commented, period) = &red[1];
    for cmd in [
        Command::UpdateKpi {
            id: renamed.clone(),
            field: KpiField::Name("Answered within the hour".into()),
        },
        Command::SetCommentary {
            kpi: commented.clone(),
            period: period.start,
            analysis: "Fewer answers".into(),
            action: String::new(),
            at: None,
        },
    ] {
        assert!(cmd.keeps_scores(), "{cmd:?} cannot move a score");
        card.apply(cmd).unwrap();
    }
    let kept = red_without_commentary(&card, &red);
    assert_eq!(kept, review_hints(&card, &card.evaluate(as_of), as_of));
    assert!(kept.iter().any(|h| matches!(h,
        Hint::RedWithoutCommentary { id, name, .. } if id == renamed && name == "Answered within the hour")));
    assert!(
        !kept
            .iter()
            .any(|h| h.key() == format!("red-without-commentary:{commented}"))
    );
}
