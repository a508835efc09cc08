#![cfg(not(target_arch = "wasm32"))]
//! Importing real platform exports into input series (`src/exchange/platform_import/`): the
//! proposed series, the new / updated / unchanged counts, one undo step, idempotent
//! re-import, remembered columns, notes kept, files of the wrong metric, limits. Figures are
//! those read off the fixtures by hand in `tests/platform_meta_tiktok_linkedin.rs`.

use smsc::exchange::platform_import::{
    Blocker, Reason, Target, messages, plan, platform_key, propose, remembered,
};
use smsc::exchange::platforms::{ExportFile, read_export};
use smsc::model::command::{Command, SeriesField};
use smsc::model::{Aggregation, Date, InputPoint, InputSeries, Lang, Scorecard, SeriesSource};

const REACH: &str = "meta/fb_daily_reach_utf16_oigetit.csv";
const LINKEDIN: &str = "linkedin/doorly_content_1774355108388.xls";

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("iso date")
}

fn read(path: &str) -> ExportFile {
    let bytes = std::fs::read(format!("tests/fixtures/platforms/{path}")).expect("fixture");
    let name = path.rsplit('/').next().unwrap_or(path);
    read_export(name, &bytes, d("2026-04-01")).expect("reads")
}

fn card() -> Scorecard {
    smsc::method::templates::blank("card-1".into(), Lang::En)
}

/// Proposes targets for `files` and plans them unchanged.
fn targets(card: &Scorecard, files: &[&ExportFile], chosen: Option<&str>) -> Vec<Vec<Target>> {
    let (proposals, _) = propose(card, files, chosen);
    proposals
        .into_iter()
        .map(|row| row.into_iter().map(|p| p.target).collect())
        .collect()
}

fn value(card: &Scorecard, key: &str, date: &str) -> Option<f64> {
    card.series_by_key(key)
        .and_then(|s| s.point(d(date)))
        .map(|p| p.value)
}

#[test]
fn a_meta_file_into_an_empty_scorecard_makes_one_series_with_every_day() {
    let reach = read(REACH);
    let mut card = card();
    let (proposals, warnings) = propose(&card, &[&reach], None);
    assert_eq!(proposals[0].len(), 1);
    assert_eq!(proposals[0][0].reason, Reason::NewSeries);
    assert_eq!(
        proposals[0][0].target,
        Target::New {
            key: "facebook_reach".into(),
            name: "Facebook reach".into(),
            aggregation: Aggregation::Sum
        }
    );
    assert_eq!(warnings, vec![None]);
    let t = targets(&card, &[&reach], None);
    let p = plan(&card, &[&reach], &t);
    assert!(p.blockers.is_empty(), "{:?}", p.blockers);
    assert_eq!(
        (p.total.new, p.total.updated, p.total.unchanged),
        (105, 0, 0)
    );
    assert_eq!(p.columns[0].counts.new, 105);
    assert_eq!(p.columns[0].range, Some((d("2025-01-01"), d("2025-04-15"))));
    assert_eq!(p.new_series, 1);
    let before = card.clone();
    let cmd = p.command.clone().expect("something to apply");
    assert!(matches!(cmd, Command::Batch { .. }), "one undo step");
    let applied = card.apply(cmd).expect("applies");
    let s = card.series_by_key("facebook_reach").expect("new series");
    assert_eq!(s.points.len(), 105);
    assert_eq!(s.aggregation, Aggregation::Sum);
    assert_eq!(s.channel, "Facebook");
    assert_eq!(value(&card, "facebook_reach", "2025-03-09"), Some(114.0));
    assert_eq!(value(&card, "facebook_reach", "2025-03-10"), Some(177.0));
    let total: f64 = s.points.iter().map(|p| p.value).sum();
    assert_eq!(total, 10734.0);
    assert_eq!(
        s.sources,
        vec![SeriesSource {
            platform: "facebook".into(),
            column: "Facebook reach".into()
        }]
    );
    // One undo step puts everything back, the id counter included.
    card.apply(applied.inverse).expect("undo");
    assert_eq!(card, before);
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let reach = read(REACH);
    let mut card = card();
    let t = targets(&card, &[&reach], None);
    card.apply(plan(&card, &[&reach], &t).command.expect("cmd"))
        .expect("applies");
    let after_first = card.clone();
    let (proposals, _) = propose(&card, &[&reach], None);
    assert_eq!(proposals[0][0].reason, Reason::Remembered);
    let t = targets(&card, &[&reach], None);
    let p = plan(&card, &[&reach], &t);
    assert_eq!(
        (p.total.new, p.total.updated, p.total.unchanged),
        (0, 0, 105)
    );
    assert!(p.command.is_none(), "nothing to do: {:?}", p.command);
    assert_eq!(card, after_first);
}

#[test]
fn an_overlapping_file_updates_only_changed_days_and_keeps_their_notes() {
    let reach = read(REACH);
    let mut card = card();
    card.apply(Command::AddSeries {
        series: InputSeries {
            key: "facebook_reach".into(),
            name: "Reach".into(),
            points: vec![
                InputPoint {
                    date: d("2025-03-09"),
                    value: 114.0,
                    note: "same value".into(),
                    ..InputPoint::default()
                },
                InputPoint {
                    date: d("2025-03-10"),
                    value: 1.0,
                    note: "campaign day".into(),
                    ..InputPoint::default()
                },
                InputPoint {
                    date: d("2024-12-31"),
                    value: 7.0,
                    ..InputPoint::default()
                },
            ],
            ..InputSeries::default()
        },
    })
    .expect("adds");
    let (proposals, _) = propose(&card, &[&reach], None);
    assert_eq!(proposals[0][0].reason, Reason::SameKey);
    let t = targets(&card, &[&reach], None);
    let p = plan(&card, &[&reach], &t);
    assert_eq!(
        (p.total.new, p.total.updated, p.total.unchanged),
        (103, 1, 1)
    );
    card.apply(p.command.expect("cmd")).expect("applies");
    let s = card.series_by_key("facebook_reach").expect("series");
    assert_eq!(s.points.len(), 106, "the day before the file stays");
    assert_eq!(value(&card, "facebook_reach", "2024-12-31"), Some(7.0));
    let updated = s.point(d("2025-03-10")).expect("point");
    assert_eq!(
        (updated.value, updated.note.as_str()),
        (177.0, "campaign day")
    );
    assert_eq!(
        s.point(d("2025-03-09")).map(|p| p.note.as_str()),
        Some("same value")
    );
    // The column is remembered on the series it went into.
    assert_eq!(
        remembered(&card, reach.platform, "Facebook reach").map(|s| s.key.as_str()),
        Some("facebook_reach")
    );
}

#[test]
fn a_changed_mapping_is_remembered_and_forgotten_by_the_old_series() {
    let reach = read(REACH);
    let mut card = card();
    let t = targets(&card, &[&reach], None);
    card.apply(plan(&card, &[&reach], &t).command.expect("cmd"))
        .expect("applies");
    // The user renames nothing, but sends next month's file into another series.
    card.apply(Command::AddSeries {
        series: InputSeries {
            key: "reach_all".into(),
            ..InputSeries::default()
        },
    })
    .expect("adds");
    let other = card.series_by_key("reach_all").expect("series").id.clone();
    let p = plan(&card, &[&reach], &[vec![Target::Series(other.clone())]]);
    card.apply(p.command.expect("cmd")).expect("applies");
    assert_eq!(
        remembered(&card, reach.platform, "FACEBOOK  reach").map(|s| s.id.clone()),
        Some(other.clone())
    );
    assert!(
        card.series_by_key("facebook_reach")
            .expect("old")
            .sources
            .is_empty()
    );
    // Skipping a remembered column forgets it.
    let p = plan(&card, &[&reach], &[vec![Target::Skip]]);
    let cmd = p.command.expect("forgetting is a change");
    card.apply(cmd).expect("applies");
    assert!(remembered(&card, reach.platform, "Facebook reach").is_none());
}

#[test]
fn meta_and_linkedin_together_fill_their_series_in_one_step() {
    let reach = read(REACH);
    let linkedin = read(LINKEDIN);
    let mut card = card();
    let t = targets(&card, &[&reach, &linkedin], None);
    let p = plan(&card, &[&reach, &linkedin], &t);
    assert_eq!(p.new_series, 1 + linkedin.metrics.len());
    let batch = p.command.expect("cmd");
    card.apply(batch).expect("applies");
    assert_eq!(
        value(&card, "linkedin_impressions", "2026-01-20"),
        Some(97.0)
    );
    let imp: f64 = card
        .series_by_key("linkedin_impressions")
        .expect("series")
        .points
        .iter()
        .map(|p| p.value)
        .sum();
    assert_eq!(imp, 474.0);
    let rate = card
        .series_by_key("linkedin_engagement_rate")
        .expect("rate series");
    assert_eq!(rate.aggregation, Aggregation::Average);
    assert_eq!(rate.channel, "LinkedIn");
    // Next month: the LinkedIn file's columns are known; a column the user skipped is
    // proposed as skipped, not as a new series.
    let engagement_header = linkedin
        .metrics
        .iter()
        .find(|m| m.key == "linkedin_engagement_rate")
        .expect("column")
        .header
        .clone();
    let id = rate.id.clone();
    card.apply(
        plan(
            &card,
            &[&linkedin],
            &[linkedin
                .metrics
                .iter()
                .map(|m| {
                    if m.header == engagement_header {
                        Target::Skip
                    } else {
                        Target::Series(card.series_by_key(&m.key).expect("s").id.clone())
                    }
                })
                .collect()],
        )
        .command
        .expect("forgets one column"),
    )
    .expect("applies");
    card.apply(Command::RemoveSeries { id }).expect("removes");
    let (proposals, _) = propose(&card, &[&linkedin], None);
    for (m, p) in linkedin.metrics.iter().zip(&proposals[0]) {
        if m.header == engagement_header {
            assert_eq!(
                (p.reason, &p.target),
                (Reason::NotChosenBefore, &Target::Skip)
            );
        } else {
            assert_eq!(p.reason, Reason::Remembered, "{}", m.header);
        }
    }
}

#[test]
fn two_files_with_the_same_new_metric_go_into_one_new_series() {
    let a = read("meta/daily_content_interactions_a_utf16_oigetit.csv");
    let b = read("meta/daily_content_interactions_b_utf16_oigetit.csv");
    assert_eq!(a.metrics[0].key, b.metrics[0].key);
    let card = card();
    let t = targets(&card, &[&a, &b], None);
    assert_eq!(t[0], t[1]);
    let p = plan(&card, &[&a, &b], &t);
    assert_eq!(p.new_series, 1);
    let mut dates: Vec<Date> = a.metrics[0]
        .points
        .iter()
        .chain(&b.metrics[0].points)
        .map(|p| p.0)
        .collect();
    dates.sort();
    dates.dedup();
    assert_eq!(p.total.new, dates.len());
    // A date in both files with different values: the later file's value, reported.
    let differing = a.metrics[0]
        .points
        .iter()
        .filter(|(date, v)| {
            b.metrics[0]
                .points
                .iter()
                .any(|(d2, v2)| d2 == date && v2 != v)
        })
        .count();
    assert_eq!(p.overlaps.iter().map(|o| o.dates).sum::<usize>(), differing);
}

#[test]
fn a_file_of_another_metric_is_not_put_into_the_chosen_series() {
    let reach = read(REACH);
    let follows = read("meta/fb_daily_follows_title_follows_utf16_oigetit.csv");
    let mut card = card();
    let t = targets(&card, &[&reach], None);
    card.apply(plan(&card, &[&reach], &t).command.expect("cmd"))
        .expect("applies");
    let id = card.series_by_key("facebook_reach").expect("s").id.clone();
    // Started from the reach series, the user drops next month's reach file: it goes there.
    let (p, w) = propose(&card, &[&reach], Some(&id));
    assert_eq!(p[0][0].target, Target::Series(id.clone()));
    assert_eq!(w, vec![None]);
    // …but a follows file is not put into the reach series, and the preview says why.
    let (p, w) = propose(&card, &[&follows], Some(&id));
    assert_ne!(p[0][0].target, Target::Series(id.clone()));
    let warning = w[0].as_ref().expect("a warning");
    assert_eq!(warning.found, vec![follows.metrics[0].header.clone()]);
    let en = messages::wrong_metric_text(warning, Lang::En);
    let nl = messages::wrong_metric_text(warning, Lang::Nl);
    assert!(
        en.contains("Facebook reach") && en.contains("Facebook: Facebook reach"),
        "{en}"
    );
    assert!(nl.contains("niets"), "{nl}");
    // A series without remembered columns takes a one-metric file.
    card.apply(Command::AddSeries {
        series: InputSeries {
            key: "fans".into(),
            ..InputSeries::default()
        },
    })
    .expect("adds");
    let fans = card.series_by_key("fans").expect("s").id.clone();
    let (p, w) = propose(&card, &[&follows], Some(&fans));
    assert_eq!(
        (p[0][0].reason, &p[0][0].target),
        (Reason::Chosen, &Target::Series(fans))
    );
    assert_eq!(w, vec![None]);
}

#[test]
fn blockers_change_nothing_and_say_why() {
    let reach = read(REACH);
    let card = card();
    let bad = Target::New {
        key: "1reach".into(),
        name: "x".into(),
        aggregation: Aggregation::Sum,
    };
    let p = plan(&card, &[&reach], &[vec![bad]]);
    assert!(p.command.is_none());
    assert!(matches!(&p.blockers[..], [Blocker::BadKey { key, .. }] if key == "1reach"));
    let gone = plan(&card, &[&reach], &[vec![Target::Series("ser-99".into())]]);
    assert!(gone.command.is_none());
    let text = messages::blocker_text(&gone.blockers[0], Lang::Nl);
    assert!(
        text.contains("ser-99") && text.contains("bestaat niet meer"),
        "{text}"
    );
    // A series near the point limit.
    let mut full = card.clone();
    full.apply(Command::AddSeries {
        series: InputSeries {
            key: "facebook_reach".into(),
            points: (0..smsc::model::limits::MAX_SERIES_POINTS as i64 - 50)
                .map(|i| InputPoint {
                    date: d("1990-01-01").add_days(i),
                    value: 1.0,
                    ..InputPoint::default()
                })
                .collect(),
            ..InputSeries::default()
        },
    })
    .expect("adds");
    let t = targets(&full, &[&reach], None);
    let p = plan(&full, &[&reach], &t);
    assert!(p.command.is_none());
    assert!(
        matches!(&p.blockers[..], [Blocker::TooManyPoints { points, .. }] if *points == 10_000 - 50 + 105)
    );
}

#[test]
fn the_remembered_platform_keys_are_stable() {
    use smsc::exchange::platform_import::platform_of_key;
    // Stored in files: changing one would forget every user's mapping.
    use smsc::exchange::platforms::Platform;
    let all = [
        (Platform::Facebook, "facebook"),
        (Platform::Instagram, "instagram"),
        (Platform::LinkedIn, "linkedin"),
        (Platform::TikTok, "tiktok"),
        (Platform::X, "x"),
        (Platform::YouTube, "youtube"),
        (Platform::GoogleAnalytics, "google_analytics"),
        (Platform::SearchConsole, "search_console"),
        (Platform::SproutSocial, "sprout_social"),
        (Platform::Other, "other"),
    ];
    for (p, key) in all {
        assert_eq!(platform_key(p), key);
        assert_eq!(platform_of_key(key), Some(p));
    }
}

#[test]
fn sources_survive_the_file() {
    let reach = read(REACH);
    let mut card = card();
    let t = targets(&card, &[&reach], None);
    card.apply(plan(&card, &[&reach], &t).command.expect("cmd"))
        .expect("applies");
    let text = smsc::model::export_json(&card, "2026-01-01T00:00:00Z", "test");
    let back = smsc::model::import_json(&text).expect("imports");
    assert_eq!(back.series, card.series);
    // A bad source is refused by the command and reported by validation.
    let id = card.series[0].id.clone();
    let refused = card.clone().apply(Command::UpdateSeries {
        id,
        field: SeriesField::Sources(vec![SeriesSource {
            platform: String::new(),
            column: "x".into(),
        }]),
    });
    assert!(refused.is_err());
}
