#![cfg(not(target_arch = "wasm32"))]
//! The Meta, TikTok and LinkedIn readers against the real fixtures in
//! `tests/fixtures/platforms/{meta,tiktok,linkedin}/` (figures read off the files with
//! python3 / xlrd / openpyxl, never computed by the code under test).

use smsc::exchange::platforms::{
    ExportError, ExportFile, MetricColumn, Platform, ReadOptions, meta, read_spreadsheet,
    read_spreadsheet_on, text, tiktok,
};
use smsc::model::formula::is_valid_key;
use smsc::model::{Aggregation, Date, Lang};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/platforms/{path}")).expect("fixture exists")
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).expect("iso date")
}

fn tables_of(path: &str) -> Vec<text::Table> {
    let text = text::decode(&fixture(path)).expect("decodes");
    text::tables(&text)
}

fn read_meta(path: &str, export: &str) -> Option<ExportFile> {
    let name = path.rsplit('/').next().unwrap_or(path);
    meta::read(name, &tables_of(path), &ReadOptions::on(d(export)))
}

fn read_tiktok(path: &str, export: &str) -> Option<ExportFile> {
    let name = path.rsplit('/').next().unwrap_or(path);
    tiktok::read(name, &tables_of(path), &ReadOptions::on(d(export)))
}

fn read_sheet(path: &str) -> Result<ExportFile, ExportError> {
    let name = path.rsplit('/').next().unwrap_or(path);
    read_spreadsheet(name, &fixture(path)).expect("a spreadsheet")
}

fn metric<'a>(file: &'a ExportFile, key: &str) -> &'a MetricColumn {
    file.metrics
        .iter()
        .find(|m| m.key == key)
        .unwrap_or_else(|| panic!("no metric {key} in {:?}", keys(file)))
}

fn keys(file: &ExportFile) -> Vec<&str> {
    file.metrics.iter().map(|m| m.key.as_str()).collect()
}

fn value(m: &MetricColumn, date: &str) -> Option<f64> {
    let date = d(date);
    m.points.iter().find(|(p, _)| *p == date).map(|(_, v)| *v)
}

fn total(m: &MetricColumn) -> f64 {
    m.points.iter().map(|(_, v)| v).sum()
}

/// Count, first and last date of a metric's points.
fn span(m: &MetricColumn) -> (usize, String, String) {
    let first = m
        .points
        .first()
        .map(|(d, _)| d.to_string())
        .unwrap_or_default();
    let last = m
        .points
        .last()
        .map(|(d, _)| d.to_string())
        .unwrap_or_default();
    (m.points.len(), first, last)
}

fn span_of(n: usize, first: &str, last: &str) -> (usize, String, String) {
    (n, first.to_string(), last.to_string())
}

fn assert_sorted_unique(file: &ExportFile) {
    for m in &file.metrics {
        assert!(
            m.points.windows(2).all(|w| w[0].0 < w[1].0),
            "{} points in date order, one per date",
            m.key
        );
        assert!(is_valid_key(&m.key), "valid key {}", m.key);
    }
}

// ---------------------------------------------------------------- Meta: daily metric files

#[test]
fn meta_daily_facebook_reach_utf16_dst_shift() {
    let f = read_meta("meta/fb_daily_reach_utf16_oigetit.csv", "2025-04-16").expect("meta");
    assert_eq!(f.platform, Platform::Facebook);
    assert_eq!(f.kind, "daily metric");
    assert_eq!(keys(&f), ["facebook_reach"]);
    let m = metric(&f, "facebook_reach");
    assert_eq!(m.name, "Facebook reach");
    assert_eq!(m.header, "Facebook reach");
    assert_eq!(m.aggregation, Aggregation::Sum);
    assert_eq!(span(m), span_of(105, "2025-01-01", "2025-04-15"));
    // T01:00:00 up to 03-09, T00:00:00 from 03-10: the date part only.
    assert_eq!(value(m, "2025-03-09"), Some(114.0));
    assert_eq!(value(m, "2025-03-10"), Some(177.0));
    assert_eq!(total(m), 10734.0);
    assert_eq!(f.rows, 105);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    assert!(f.notes.is_empty(), "{:?}", f.notes);
    assert_sorted_unique(&f);
}

#[test]
fn meta_daily_titles_with_platform() {
    for (path, key, name, n, first, last, sum) in [
        (
            "meta/fb_daily_visits_utf16_oigetit.csv",
            "facebook_visits",
            "Facebook visits",
            105,
            "2025-01-01",
            "2025-04-15",
            976.0,
        ),
        (
            "meta/ig_daily_profile_visits_utf16_oigetit.csv",
            "instagram_profile_visits",
            "Instagram profile visits",
            105,
            "2025-01-01",
            "2025-04-15",
            449.0,
        ),
        (
            "meta/ig_daily_follows_trailing_blank_utf16_fts.csv",
            "instagram_follows",
            "Instagram follows",
            20,
            "2026-05-25",
            "2026-06-13",
            2736.0,
        ),
        (
            "meta/ig_daily_link_clicks_utf16_fts.csv",
            "instagram_link_clicks",
            "Instagram link clicks",
            28,
            "2026-05-25",
            "2026-06-21",
            9838.0,
        ),
        (
            "meta/ig_daily_follows_sparse_utf16_vintage.csv",
            "instagram_follows",
            "Instagram follows",
            40,
            "2025-10-31",
            "2025-12-31",
            146.0,
        ),
    ] {
        let f = read_meta(path, "2026-07-01").expect(path);
        assert_eq!(keys(&f), [key], "{path}");
        let m = metric(&f, key);
        assert_eq!(m.name, name, "{path}");
        assert_eq!(span(m), span_of(n, first, last), "{path}");
        assert_eq!(total(m), sum, "{path}");
        assert!(f.problems.is_empty(), "{path}: {:?}", f.problems);
        assert_sorted_unique(&f);
        let expected = if key.starts_with("instagram") {
            Platform::Instagram
        } else {
            Platform::Facebook
        };
        assert_eq!(f.platform, expected, "{path}");
    }
    let f = read_meta("meta/fb_daily_visits_utf16_oigetit.csv", "2025-04-16").expect("meta");
    assert_eq!(
        value(metric(&f, "facebook_visits"), "2025-03-09"),
        Some(8.0)
    );
    let f = read_meta("meta/ig_daily_link_clicks_utf16_fts.csv", "2026-07-01").expect("meta");
    assert_eq!(
        value(metric(&f, "instagram_link_clicks"), "2026-06-01"),
        Some(410.0)
    );
    // Sparse: days with 0 follows are missing, not invented.
    let f = read_meta(
        "meta/ig_daily_follows_sparse_utf16_vintage.csv",
        "2026-01-01",
    )
    .expect("meta");
    assert_eq!(
        value(metric(&f, "instagram_follows"), "2025-11-03"),
        Some(1.0)
    );
}

#[test]
fn meta_daily_bare_titles_ask_to_check_or_use_the_file_name() {
    // Bare "Views": no platform in the title nor in the file name → Facebook, with a note.
    let f = read_meta(
        "meta/daily_views_title_views_utf16_oigetit.csv",
        "2025-04-16",
    )
    .expect("meta");
    assert_eq!(keys(&f), ["facebook_views"]);
    let m = metric(&f, "facebook_views");
    assert_eq!(m.header, "Views");
    assert_eq!(span(m), span_of(105, "2025-01-01", "2025-04-15"));
    assert_eq!(value(m, "2025-03-10"), Some(494.0));
    assert_eq!(total(m), 29981.0);
    assert!(
        f.notes.iter().any(|n| n
            .text(Lang::En)
            .contains("\"Views\" does not say Facebook or Instagram")
            && n.text(Lang::En).contains("check")),
        "{:?}",
        f.notes
    );
    // Both "Content interactions" files (FB and IG, identical titles): same key, a note.
    let a = read_meta(
        "meta/daily_content_interactions_a_utf16_oigetit.csv",
        "2025-04-16",
    )
    .expect("a");
    let b = read_meta(
        "meta/daily_content_interactions_b_utf16_oigetit.csv",
        "2025-04-16",
    )
    .expect("b");
    assert_eq!(total(metric(&a, "facebook_content_interactions")), 208.0);
    assert_eq!(total(metric(&b, "facebook_content_interactions")), 749.0);
    assert_eq!(
        value(metric(&b, "facebook_content_interactions"), "2025-03-09"),
        Some(9.0)
    );
    assert!(!a.notes.is_empty() && !b.notes.is_empty());
    // "Follows" in a file named ..._fb_daily_follows_... → Facebook from the file name.
    let f = read_meta(
        "meta/fb_daily_follows_title_follows_utf16_oigetit.csv",
        "2025-04-16",
    )
    .expect("follows");
    let m = metric(&f, "facebook_follows");
    assert_eq!(span(m), span_of(105, "2025-01-01", "2025-04-15"));
    assert_eq!(total(m), 66.0);
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("from the file name")),
        "{:?}",
        f.notes
    );
    // "Reach" in ig_daily_reach_… → Instagram from the file name.
    let f = read_meta(
        "meta/ig_daily_reach_title_reach_utf16_fts.csv",
        "2026-07-01",
    )
    .expect("reach");
    assert_eq!(f.platform, Platform::Instagram);
    let m = metric(&f, "instagram_reach");
    assert_eq!(span(m), span_of(28, "2026-05-25", "2026-06-21"));
    assert_eq!(value(m, "2026-06-01"), Some(14807.0));
    assert_eq!(total(m), 808076.0);
}

#[test]
fn meta_daily_stacked_facebook_and_instagram() {
    // Tab-separated, CRLF, no quotes, re-saved by a spreadsheet.
    let f = read_meta(
        "meta/fb_ig_stacked_reach_tab_crlf_utf16_mh4u_cut.csv",
        "2024-01-01",
    )
    .expect("meta");
    assert_eq!(keys(&f), ["facebook_reach", "instagram_reach"]);
    let fb = metric(&f, "facebook_reach");
    let ig = metric(&f, "instagram_reach");
    assert_eq!(span(fb), span_of(40, "2023-07-08", "2023-08-16"));
    assert_eq!(span(ig), span_of(40, "2023-07-08", "2023-08-16"));
    assert_eq!(value(fb, "2023-07-20"), Some(22947.0));
    assert_eq!(value(ig, "2023-07-20"), Some(1765.0));
    assert_eq!(total(fb), 548173.0);
    assert_eq!(total(ig), 34053.0);
    assert_eq!(f.rows, 80);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    // Bare "Follows" above "Instagram follows": the first is Facebook; IG table sparse.
    let f = read_meta(
        "meta/fb_ig_stacked_follows_utf16_mh4u_cut.csv",
        "2024-01-01",
    )
    .expect("meta");
    assert_eq!(keys(&f), ["facebook_follows", "instagram_follows"]);
    let fb = metric(&f, "facebook_follows");
    let ig = metric(&f, "instagram_follows");
    assert_eq!(span(fb), span_of(40, "2023-07-08", "2023-08-16"));
    assert_eq!(span(ig), span_of(40, "2023-07-08", "2023-08-19"));
    assert_eq!(value(fb, "2023-07-20"), Some(13.0));
    assert_eq!(value(ig, "2023-07-20"), Some(6.0));
    assert_eq!(total(fb), 464.0);
    assert_eq!(total(ig), 172.0);
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("Instagram table beside it")),
        "{:?}",
        f.notes
    );
}

#[test]
fn meta_daily_semicolon_resave_without_sep_line() {
    let f = read_meta(
        "meta/fb_daily_follows_semicolon_resaved_vintage.csv",
        "2026-01-01",
    )
    .expect("meta");
    assert_eq!(keys(&f), ["facebook_follows"]);
    let m = metric(&f, "facebook_follows");
    assert_eq!(span(m), span_of(62, "2025-10-31", "2025-12-31"));
    // T00:00:00 for three days, then T01:00:00 from 2025-11-03.
    assert_eq!(value(m, "2025-11-03"), Some(0.0));
    assert_eq!(total(m), 401.0);
    assert!(f.problems.is_empty());
}

#[test]
fn meta_dutch_titles_hand_written_strings() {
    // No Dutch Meta export was found (see the fixtures README): these are hand-written
    // titles in the shape Meta Business Suite uses, not real files.
    for (title, platform, metric) in [
        ("Bereik op Facebook", Some(Platform::Facebook), "reach"),
        ("Bereik op Instagram", Some(Platform::Instagram), "reach"),
        ("\"Bereik\"", None, "reach"),
        ("Volgers", None, "follows"),
        ("Instagram-volgers", Some(Platform::Instagram), "follows"),
        ("Weergaven", None, "views"),
        ("Interacties met content", None, "content interactions"),
        ("Bezoeken op Facebook", Some(Platform::Facebook), "visits"),
        ("Facebook reach", Some(Platform::Facebook), "reach"),
        (
            "Instagram profile visits",
            Some(Platform::Instagram),
            "profile visits",
        ),
        ("Follows", None, "follows"),
    ] {
        assert_eq!(
            meta::title_metric(title),
            (platform, metric.to_string()),
            "{title}"
        );
    }
    // A hand-written Dutch daily file (UTF-8, the layout of the English ones).
    let text = "sep=,\n\"Bereik op Instagram\"\n\"Datum\",\"Primair\"\n\"2025-01-01T01:00:00\",\"5\"\n\"2025-01-02T01:00:00\",\"7\"\n";
    let f = meta::read(
        "Bereik.csv",
        &text::tables(text),
        &ReadOptions::on(d("2025-02-01")),
    )
    .expect("meta");
    assert_eq!(keys(&f), ["instagram_reach"]);
    assert_eq!(
        metric(&f, "instagram_reach").points,
        vec![(d("2025-01-01"), 5.0), (d("2025-01-02"), 7.0)]
    );
}

// ---------------------------------------------------------------- Meta: per-post exports

#[test]
fn meta_posts_facebook_duplicated_views_summed_by_publish_date() {
    let f = read_meta(
        "meta/fb_posts_dup_views_header_oigetit_rows1-15.csv",
        "2025-04-15",
    )
    .expect("meta");
    assert_eq!(f.platform, Platform::Facebook);
    assert_eq!(f.kind, "posts");
    assert_eq!(f.rows, 15);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let reach = metric(&f, "facebook_post_reach");
    assert_eq!(reach.aggregation, Aggregation::Sum);
    assert_eq!(reach.name, "Facebook post reach (posts by publish date)");
    assert_eq!(
        reach.points,
        vec![
            (d("2025-03-18"), 37.0),
            (d("2025-04-07"), 21.0),
            (d("2025-04-09"), 36.0),
            (d("2025-04-10"), 90.0),
            (d("2025-04-12"), 41.0),
            (d("2025-04-14"), 69.0),
        ]
    );
    // `Views` twice: one metric, a note.
    assert_eq!(f.metrics.iter().filter(|m| m.header == "Views").count(), 1);
    assert!(
        f.notes.iter().any(|n| n
            .text(Lang::En)
            .contains("\"Views\" appears more than once")),
        "{:?}",
        f.notes
    );
    assert_eq!(total(metric(&f, "facebook_post_views")), 0.0);
    // Text and id columns and the `Date` = `Lifetime` column are not metrics.
    for text_col in [
        "Post ID",
        "Page ID",
        "Title",
        "Permalink",
        "Date",
        "Duration (sec)",
        "Caption type",
    ] {
        assert!(
            !f.metrics.iter().any(|m| m.header == text_col),
            "{text_col}"
        );
    }
    assert_sorted_unique(&f);
}

#[test]
fn meta_posts_other_column_sets() {
    let f = read_meta(
        "meta/fb_posts_earnings_cols_oigetit_rows1-10.csv",
        "2025-04-15",
    )
    .expect("meta");
    assert_eq!(f.rows, 10);
    assert_eq!(
        metric(&f, "facebook_post_reach").points,
        vec![
            (d("2025-02-16"), 15.0),
            (d("2025-02-17"), 201.0),
            (d("2025-02-18"), 36.0)
        ]
    );
    // `Average Seconds viewed` is not summed.
    assert!(
        !f.metrics
            .iter()
            .any(|m| m.header == "Average Seconds viewed")
    );
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("Average Seconds viewed")),
        "{:?}",
        f.notes
    );

    // 2023: raw metric key header (empty), one record without a publish time.
    let f = read_meta(
        "meta/fb_posts_2023_raw_metric_key_header_mh4u_rows1-10.csv",
        "2024-03-06",
    )
    .expect("meta");
    assert_eq!(f.rows, 9);
    assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
    assert!(
        f.problems[0].message.text(Lang::En).contains("empty"),
        "{:?}",
        f.problems
    );
    let reach = metric(&f, "facebook_post_reach");
    assert_eq!(span(reach), span_of(7, "2023-12-12", "2024-03-04"));
    assert_eq!(value(reach, "2024-02-28"), Some(316899.0));
    assert_eq!(
        value(metric(&f, "facebook_post_impressions"), "2024-02-28"),
        Some(425581.0)
    );
    assert!(
        !f.metrics
            .iter()
            .any(|m| m.header == "IMPRESSION:UNIQUE_USERS")
    );

    // Instagram per-post exports.
    let f = read_meta("meta/ig_posts_oigetit_rows1-15.csv", "2025-04-15").expect("meta");
    assert_eq!(f.platform, Platform::Instagram);
    assert_eq!(f.rows, 15);
    assert_eq!(
        metric(&f, "instagram_post_reach").points,
        vec![
            (d("2025-03-18"), 189.0),
            (d("2025-03-19"), 420.0),
            (d("2025-03-20"), 473.0),
            (d("2025-03-21"), 1091.0),
            (d("2025-03-22"), 48.0),
        ]
    );
    // `Follows` mostly empty: only the filled cell counts.
    assert_eq!(
        metric(&f, "instagram_post_follows").points,
        vec![(d("2025-03-19"), 2.0)]
    );

    let f = read_meta(
        "meta/ig_posts_minimal_quoting_fts_rows1-8.csv",
        "2026-06-22",
    )
    .expect("meta");
    assert_eq!(f.platform, Platform::Instagram);
    let views = metric(&f, "instagram_post_views");
    assert_eq!(span(views), span_of(7, "2026-05-26", "2026-06-21"));
    assert_eq!(value(views, "2026-06-17"), Some(407599.0));
    assert_eq!(total(views), 448865.0);
}

#[test]
fn meta_posts_broken_resave_is_explained() {
    let tables = tables_of("meta/ig_posts_row_wrapped_in_quotes_resaved_vintage_rows1-3.csv");
    let name = "ig_posts_row_wrapped_in_quotes_resaved_vintage_rows1-3.csv";
    match meta::read(name, &tables, &ReadOptions::on(d("2026-01-01"))) {
        None => {
            let err = meta::explain(&tables).expect("explained");
            let ExportError::Unrecognised { found } = err else {
                panic!("{err:?}")
            };
            assert!(found.text(Lang::En).contains("per-post export"), "{found}");
        }
        // If the core learns to unwrap these rows, the posts must be dated.
        Some(f) => assert!(f.rows > 0 && !f.metrics.is_empty(), "{f:?}"),
    }
}

// ---------------------------------------------------------------- Meta: legacy and audience

#[test]
fn meta_legacy_insights_page_level_2014() {
    let f = read_meta(
        "meta/legacy_fb_insights_page_level_2014_cp1252.csv",
        "2014-02-28",
    )
    .expect("meta");
    assert_eq!(f.kind, "legacy insights (page level)");
    // The description row is not a data row and not a problem.
    assert_eq!(f.rows, 58);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let reach = metric(&f, "facebook_total_reach");
    assert_eq!(reach.header, "Daily Total Reach");
    assert_eq!(span(reach), span_of(58, "2014-01-01", "2014-02-27"));
    assert_eq!(total(reach), 492.0);
    assert_eq!(value(reach, "2014-02-27"), Some(4.0));
    let engaged = metric(&f, "facebook_page_engaged_users");
    assert_eq!(total(engaged), 70.0);
    let likes = metric(&f, "facebook_total_likes");
    assert_eq!(likes.aggregation, Aggregation::Last);
    assert_eq!(value(likes, "2014-02-27"), Some(128.0));
    assert_eq!(value(likes, "2014-01-01"), Some(0.0));
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("Daily Logged-in Page Views")),
        "{:?}",
        f.notes
    );
    assert_sorted_unique(&f);
}

#[test]
fn meta_legacy_insights_post_level_2014() {
    let f = read_meta("meta/legacy_fb_insights_post_level_2014.csv", "2014-08-23").expect("meta");
    assert_eq!(f.kind, "legacy insights (post level)");
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let reach = metric(&f, "facebook_post_total_reach");
    assert_eq!(span(reach), span_of(14, "2014-03-06", "2014-06-04"));
    // 12-hour clock "06/04/2014 04:03:05 PM" → 2014-06-04.
    assert_eq!(value(reach, "2014-06-04"), Some(53.0));
    assert_eq!(value(reach, "2014-03-26"), Some(297.0));
    assert_eq!(total(reach), 1126.0);
}

#[test]
fn meta_audience_files_are_refused_clearly() {
    let tables = tables_of("meta/audience_blocks_utf16_oigetit.csv");
    assert_eq!(
        meta::read("Audience.csv", &tables, &ReadOptions::on(d("2025-04-15"))),
        None
    );
    let Some(ExportError::Unrecognised { found }) = meta::explain(&tables) else {
        panic!("explained")
    };
    assert!(
        found.text(Lang::En).contains("not a daily export"),
        "{found}"
    );
}

#[test]
fn meta_cp1251_excel_mangled_audience_does_not_panic() {
    let bytes = fixture("meta/audience_semicolon_cp1251_excel_mangled_vintage.csv");
    let Ok(text) = text::decode(&bytes) else {
        return;
    };
    let tables = text::tables(&text);
    // The embedded daily "Follows" block is the only daily figure; the rest is left out.
    if let Some(f) = meta::read("Audience.csv", &tables, &ReadOptions::on(d("2026-01-01"))) {
        let m = metric(&f, "facebook_follows");
        assert_eq!(span(m), span_of(62, "2025-10-31", "2025-12-31"));
        assert_eq!(total(m), 401.0);
        assert!(
            f.notes
                .iter()
                .any(|n| n.text(Lang::En).contains("not daily figures")),
            "{:?}",
            f.notes
        );
    }
}

// ---------------------------------------------------------------- TikTok

#[test]
fn tiktok_overview_365_days_across_new_year() {
    // Export date: the day after the last row (2026-02-27 ≤ export date → year 2026).
    let f = read_tiktok("tiktok/overview_en_365d_newyear_htupy.csv", "2026-02-28").expect("tiktok");
    assert_eq!(f.platform, Platform::TikTok);
    assert_eq!(f.kind, "overview");
    assert_eq!(
        keys(&f),
        [
            "tiktok_video_views",
            "tiktok_profile_views",
            "tiktok_likes",
            "tiktok_comments",
            "tiktok_shares"
        ]
    );
    let views = metric(&f, "tiktok_video_views");
    assert_eq!(views.name, "TikTok video views");
    assert_eq!(span(views), span_of(365, "2025-02-28", "2026-02-27"));
    assert_eq!(value(views, "2025-12-31"), Some(9768.0));
    assert_eq!(value(views, "2026-01-01"), Some(28710.0));
    assert_eq!(value(views, "2025-03-25"), Some(6.0));
    assert_eq!(total(views), 2946198.0);
    // Negative comments are kept.
    assert_eq!(total(metric(&f, "tiktok_comments")), 3171.0);
    assert_eq!(f.rows, 365);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    assert!(
        f.notes.iter().any(|n| n.text(Lang::En).contains("no year")
            && n.text(Lang::En).contains("28 February 2026")),
        "{:?}",
        f.notes
    );
    assert_sorted_unique(&f);
    // Exported later in 2026: the same rows still end on 2026-02-27.
    let f = read_tiktok("tiktok/overview_en_365d_newyear_htupy.csv", "2026-06-30").expect("tiktok");
    assert_eq!(
        span(metric(&f, "tiktok_video_views")),
        span_of(365, "2025-02-28", "2026-02-27")
    );
    // Exported on 2026-02-20 (before Feb 27): the last row is 2025-02-27.
    let f = read_tiktok("tiktok/overview_en_365d_newyear_htupy.csv", "2026-02-20").expect("tiktok");
    assert_eq!(
        span(metric(&f, "tiktok_video_views")),
        span_of(365, "2024-02-28", "2025-02-27")
    );
}

#[test]
fn tiktok_follower_history_undefined_and_last() {
    let f = read_tiktok(
        "tiktok/follower_history_en_undefined_htupy.csv",
        "2026-02-28",
    )
    .expect("tiktok");
    assert_eq!(f.kind, "follower history");
    let followers = metric(&f, "tiktok_followers");
    assert_eq!(followers.aggregation, Aggregation::Last);
    // 25 days of "undefined" are no value, not a problem.
    assert_eq!(span(followers), span_of(340, "2025-03-25", "2026-02-27"));
    assert_eq!(value(followers, "2025-03-25"), Some(37.0));
    assert_eq!(value(followers, "2025-12-31"), Some(4996.0));
    assert_eq!(value(followers, "2026-02-27"), Some(5013.0));
    let change = metric(&f, "tiktok_follower_change");
    assert_eq!(change.header, "Difference in followers from previous day");
    assert_eq!(change.aggregation, Aggregation::Sum);
    assert_eq!(span(change), span_of(365, "2025-02-28", "2026-02-27"));
    assert_eq!(value(change, "2026-01-01"), Some(-3.0));
    assert_eq!(total(change), 4976.0);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
}

#[test]
fn tiktok_viewers_spanish_and_short_overviews() {
    let f = read_tiktok("tiktok/viewers_en_undefined_htupy.csv", "2026-02-28").expect("tiktok");
    assert_eq!(f.kind, "viewers");
    let total_viewers = metric(&f, "tiktok_total_viewers");
    assert_eq!(
        span(total_viewers),
        span_of(340, "2025-03-25", "2026-02-27")
    );
    assert_eq!(total(total_viewers), 2550981.0);
    assert_eq!(
        value(metric(&f, "tiktok_new_viewers"), "2025-12-31"),
        Some(13340.0)
    );
    assert_eq!(total(metric(&f, "tiktok_returning_viewers")), 653581.0);

    let f = read_tiktok("tiktok/overview_es_de_marzo_franco.csv", "2025-03-20").expect("tiktok");
    let views = metric(&f, "tiktok_video_views");
    assert_eq!(span(views), span_of(7, "2025-03-08", "2025-03-14"));
    assert_eq!(value(views, "2025-03-10"), Some(1.0));
    assert_eq!(total(views), 9.0);

    let f = read_tiktok("tiktok/overview_en_bosszy.csv", "2025-04-19").expect("tiktok");
    let views = metric(&f, "tiktok_video_views");
    assert_eq!(span(views), span_of(7, "2025-04-12", "2025-04-18"));
    assert_eq!(total(views), 7919.0);
    assert_eq!(total(metric(&f, "tiktok_profile_views")), 35.0);
}

#[test]
fn tiktok_business_overview_and_audience() {
    let f = read_tiktok(
        "tiktok/business_overview_slash_dates_nan_vintage.csv",
        "2026-01-01",
    )
    .expect("tiktok");
    assert_eq!(f.rows, 62);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let views = metric(&f, "tiktok_video_views");
    assert_eq!(span(views), span_of(62, "2025-10-31", "2025-12-31"));
    assert_eq!(total(views), 521491.0);
    assert_eq!(value(views, "2025-11-15"), Some(294.0));
    // NAN on the first day: no value.
    let reached = metric(&f, "tiktok_reached_audience");
    assert_eq!(span(reached), span_of(61, "2025-11-01", "2025-12-31"));
    assert_eq!(total(reached), 505414.0);
    // Trailing space in "Phone number clicks ".
    assert_eq!(
        metric(&f, "tiktok_phone_number_clicks").header,
        "Phone number clicks"
    );
    assert_eq!(total(metric(&f, "tiktok_new_followers")), 409.0);
    assert_eq!(total(metric(&f, "tiktok_lost_followers")), 7.0);

    let f = read_tiktok(
        "tiktok/business_audience_dashdash_nan_vintage.csv",
        "2026-01-01",
    )
    .expect("tiktok");
    assert_eq!(f.kind, "audience");
    // "Total followers" is "--" on every row: left out, with a note.
    assert!(!keys(&f).contains(&"tiktok_total_followers"));
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("Total followers")),
        "{:?}",
        f.notes
    );
    assert_eq!(total(metric(&f, "tiktok_engaged_audience")), 13643.0);
    assert_eq!(
        value(metric(&f, "tiktok_engaged_audience"), "2025-11-15"),
        Some(12.0)
    );
    assert!(f.problems.is_empty(), "{:?}", f.problems);
}

#[test]
fn tiktok_videos_summed_by_post_date() {
    let f = read_tiktok(
        "tiktok/business_video_list_vintage_rows1-8.csv",
        "2026-01-01",
    )
    .expect("tiktok");
    assert_eq!(f.kind, "videos");
    assert_eq!(f.rows, 8);
    let views = metric(&f, "tiktok_video_views");
    assert_eq!(views.name, "TikTok video views (videos by post date)");
    assert_eq!(value(views, "2025-10-31"), Some(172353.0));
    assert_eq!(value(views, "2025-12-31"), Some(3382.0));
    let f = read_tiktok("tiktok/content_htupy.csv", "2026-02-28").expect("tiktok");
    assert_eq!(f.rows, 13);
    assert_eq!(total(metric(&f, "tiktok_video_views")), 537161.0);
}

#[test]
fn tiktok_shares_and_hourly_files_are_refused_clearly() {
    for (path, word) in [
        ("tiktok/follower_activity_htupy.csv", "per hour"),
        ("tiktok/follower_gender_htupy.csv", "gender"),
        ("tiktok/follower_top_territories_htupy.csv", "territories"),
    ] {
        let tables = tables_of(path);
        assert_eq!(
            tiktok::read(path, &tables, &ReadOptions::on(d("2026-02-28"))),
            None,
            "{path}"
        );
        let Some(ExportError::Unrecognised { found }) = tiktok::explain(&tables) else {
            panic!("{path}")
        };
        assert!(found.text(Lang::En).contains(word), "{path}: {found}");
    }
}

// ---------------------------------------------------------------- LinkedIn and spreadsheets

#[test]
fn linkedin_content_xls_with_note_row() {
    let f = read_sheet("linkedin/doorly_content_1774355108388.xls").expect("read");
    assert_eq!(f.platform, Platform::LinkedIn);
    assert_eq!(f.kind, "content");
    assert_eq!(f.rows, 90);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let imp = metric(&f, "linkedin_impressions");
    assert_eq!(imp.header, "Impressions (total)");
    assert_eq!(imp.aggregation, Aggregation::Sum);
    // Text dates MM/DD/YYYY, across New Year.
    assert_eq!(span(imp), span_of(90, "2025-12-23", "2026-03-22"));
    assert_eq!(total(imp), 474.0);
    assert_eq!(value(imp, "2026-01-20"), Some(97.0));
    assert_eq!(total(metric(&f, "linkedin_clicks")), 36.0);
    assert_eq!(total(metric(&f, "linkedin_reactions")), 6.0);
    let rate = metric(&f, "linkedin_engagement_rate");
    assert_eq!(rate.aggregation, Aggregation::Average);
    assert!(rate.name.contains("average"), "{}", rate.name);
    assert_eq!(value(rate, "2026-02-21"), Some(0.5));
    assert_eq!(value(rate, "2026-01-04"), Some(0.15384615384615385));
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("All posts")),
        "{:?}",
        f.notes
    );
    assert_sorted_unique(&f);
}

#[test]
fn linkedin_content_resaved_xls_and_xlsx_agree() {
    let xls = read_sheet("linkedin/resaved_pro-efficient-data-entry_content_1742193384396.xls")
        .expect("xls");
    let xlsx = read_sheet("linkedin/resaved_pro-efficient-data-entry_content_1742193384396.xlsx")
        .expect("xlsx");
    for f in [&xls, &xlsx] {
        let imp = metric(f, "linkedin_impressions");
        assert_eq!(span(imp), span_of(30, "2025-02-14", "2025-03-15"));
        assert_eq!(total(imp), 306.0);
        assert_eq!(value(imp, "2025-02-21"), Some(77.0));
        assert_eq!(total(metric(f, "linkedin_clicks")), 5.0);
        assert_eq!(total(metric(f, "linkedin_reactions")), 8.0);
        assert_eq!(
            value(metric(f, "linkedin_engagement_rate"), "2025-03-05"),
            Some(0.16666666666666666)
        );
    }
    assert_eq!(xls.metrics, xlsx.metrics);
}

#[test]
fn linkedin_followers_and_visitors() {
    let f = read_sheet("linkedin/doorly_followers_1774355119598.xls").expect("read");
    assert_eq!(f.kind, "followers");
    // "Total followers" in the New followers sheet is the day's new followers (the sum of
    // the sources), so it is summed.
    let new = metric(&f, "linkedin_new_followers");
    assert_eq!(new.header, "Total followers");
    assert_eq!(new.aggregation, Aggregation::Sum);
    assert_eq!(span(new), span_of(90, "2025-12-23", "2026-03-22"));
    assert_eq!(total(new), 16.0);
    assert_eq!(value(new, "2026-01-20"), Some(14.0));
    assert_eq!(total(metric(&f, "linkedin_new_followers_organic")), 16.0);
    assert!(
        f.notes
            .iter()
            .any(|n| n.text(Lang::En).contains("Location")),
        "{:?}",
        f.notes
    );

    let f = read_sheet("linkedin/shorthills-ai_followers_1766385928211.xls").expect("read");
    let new = metric(&f, "linkedin_new_followers");
    assert_eq!(span(new), span_of(365, "2024-12-21", "2025-12-20"));
    assert_eq!(total(new), 2597.0);
    assert_eq!(value(new, "2025-02-06"), Some(55.0));

    let f = read_sheet("linkedin/doorly_visitors_1774355114381.xls").expect("read");
    assert_eq!(f.kind, "visitors");
    let views = metric(&f, "linkedin_page_views");
    assert_eq!(views.header, "Total page views (total)");
    assert_eq!(span(views), span_of(90, "2025-12-23", "2026-03-22"));
    assert_eq!(total(views), 122.0);
    assert_eq!(value(views, "2026-01-20"), Some(49.0));
    assert_eq!(total(metric(&f, "linkedin_unique_visitors")), 45.0);
    assert_eq!(f.metrics.len(), 24);
}

#[test]
fn linkedin_competitor_export_is_refused_clearly() {
    let err =
        read_sheet("linkedin/doorly_competitor_analytics_1767085167105.xlsx").expect_err("refused");
    let ExportError::Unrecognised { found } = err else {
        panic!("{err:?}")
    };
    assert!(found.text(Lang::En).contains("competitor"), "{found}");
}

#[test]
fn tiktok_overview_xlsx_through_the_spreadsheet_reader() {
    let bytes = fixture("tiktok/overview_en_bosszy.xlsx");
    let f = read_spreadsheet_on("Overview.xlsx", &bytes, d("2025-04-19"))
        .expect("a spreadsheet")
        .expect("read");
    assert_eq!(f.platform, Platform::TikTok);
    let views = metric(&f, "tiktok_video_views");
    assert_eq!(span(views), span_of(7, "2025-04-12", "2025-04-18"));
    assert_eq!(total(views), 7919.0);
}

#[test]
fn spreadsheet_reader_refuses_what_is_not_a_spreadsheet() {
    assert!(read_spreadsheet("a.csv", b"Date,Views\n2025-01-01,3\n").is_none());
    assert!(read_spreadsheet("a.xls", b"").is_none());
    // A zip or OLE signature followed by garbage: an error, no panic.
    for bytes in [
        b"PK\x03\x04garbage garbage garbage".to_vec(),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3].to_vec(),
    ] {
        assert!(matches!(read_spreadsheet("x.xlsx", &bytes), Some(Err(_))));
    }
}

// ---------------------------------------------------------------- never panic

/// Every fixture of the three folders, cut at every 97th byte and with bytes flipped: the
/// readers never panic.
#[test]
fn readers_never_panic_on_cut_or_damaged_fixtures() {
    for dir in ["meta", "tiktok", "linkedin"] {
        let Ok(entries) = std::fs::read_dir(format!("tests/fixtures/platforms/{dir}")) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let name = entry.file_name().to_string_lossy().to_string();
            let step = (bytes.len() / 40).max(97);
            let mut cuts: Vec<Vec<u8>> = (0..bytes.len())
                .step_by(step)
                .map(|n| bytes[..n].to_vec())
                .collect();
            for k in [3usize, 17, 101] {
                let mut damaged = bytes.clone();
                for i in (k..damaged.len()).step_by(k * 13) {
                    damaged[i] = damaged[i].wrapping_add(0x5b);
                }
                cuts.push(damaged);
            }
            for b in cuts {
                let _ = read_spreadsheet_on(&name, &b, d("2026-01-01"));
                if let Ok(t) = text::decode(&b) {
                    let tables = text::tables(&t);
                    let _ = meta::read(&name, &tables, &ReadOptions::on(d("2026-01-01")));
                    let _ = meta::explain(&tables);
                    let _ = tiktok::read(&name, &tables, &ReadOptions::on(d("2026-01-01")));
                    let _ = tiktok::explain(&tables);
                }
            }
        }
    }
}

/// A three-year daily file of five metrics reads whole. How fast is measured by the benchmark
/// (`scripts/bench.sh`, docs/performance.md), never asserted here: a timed test fails on a
/// busy machine.
#[test]
fn a_three_year_five_metric_file_reads_whole() {
    let mut text = String::from(
        "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n",
    );
    let mut day = d("2023-01-01");
    for i in 0..1100 {
        text.push_str(&format!(
            "\"{day}\",\"{i}\",\"{}\",\"3\",\"4\",\"5\"\n",
            i % 7
        ));
        day = day.add_days(1);
    }
    let tables = text::tables(&text);
    let f =
        tiktok::read("Overview.csv", &tables, &ReadOptions::on(d("2026-12-01"))).expect("tiktok");
    assert_eq!(f.metrics.len(), 5);
    let views = metric(&f, "tiktok_video_views");
    assert_eq!(views.points.len(), 1100);
    assert_eq!(views.points[0], (d("2023-01-01"), 0.0));
    assert_eq!(views.points[1099], (d("2023-01-01").add_days(1099), 1099.0));
    assert_eq!(
        metric(&f, "tiktok_likes")
            .points
            .iter()
            .map(|p| p.1)
            .sum::<f64>(),
        3300.0
    );
}

// ---------------------------------------------------------------- through read_export

/// Every Meta, TikTok and LinkedIn fixture through the app's entry point: each lands with
/// its own reader (or its own refusal), not with another format's.
#[test]
fn read_export_sends_each_fixture_to_its_reader() {
    use smsc::exchange::platforms::read_export;
    let export = d("2026-03-24");
    for (path, platform, key) in [
        (
            "meta/fb_daily_reach_utf16_oigetit.csv",
            Platform::Facebook,
            "facebook_reach",
        ),
        (
            "meta/fb_ig_stacked_reach_tab_crlf_utf16_mh4u_cut.csv",
            Platform::Facebook,
            "instagram_reach",
        ),
        (
            "meta/fb_daily_follows_semicolon_resaved_vintage.csv",
            Platform::Facebook,
            "facebook_follows",
        ),
        (
            "meta/fb_posts_dup_views_header_oigetit_rows1-15.csv",
            Platform::Facebook,
            "facebook_post_reach",
        ),
        (
            "meta/ig_posts_minimal_quoting_fts_rows1-8.csv",
            Platform::Instagram,
            "instagram_post_views",
        ),
        (
            "meta/legacy_fb_insights_page_level_2014_cp1252.csv",
            Platform::Facebook,
            "facebook_total_reach",
        ),
        (
            "meta/legacy_fb_insights_post_level_2014.csv",
            Platform::Facebook,
            "facebook_post_total_reach",
        ),
        (
            "tiktok/overview_en_365d_newyear_htupy.csv",
            Platform::TikTok,
            "tiktok_video_views",
        ),
        (
            "tiktok/follower_history_en_undefined_htupy.csv",
            Platform::TikTok,
            "tiktok_followers",
        ),
        (
            "tiktok/business_overview_slash_dates_nan_vintage.csv",
            Platform::TikTok,
            "tiktok_video_views",
        ),
        (
            "tiktok/business_audience_dashdash_nan_vintage.csv",
            Platform::TikTok,
            "tiktok_engaged_audience",
        ),
        (
            "tiktok/business_video_list_vintage_rows1-8.csv",
            Platform::TikTok,
            "tiktok_video_views",
        ),
        (
            "linkedin/doorly_content_1774355108388.xls",
            Platform::LinkedIn,
            "linkedin_impressions",
        ),
        (
            "linkedin/doorly_followers_1774355119598.xls",
            Platform::LinkedIn,
            "linkedin_new_followers",
        ),
        (
            "linkedin/doorly_visitors_1774355114381.xls",
            Platform::LinkedIn,
            "linkedin_page_views",
        ),
        (
            "linkedin/resaved_pro-efficient-data-entry_content_1742193384396.xlsx",
            Platform::LinkedIn,
            "linkedin_impressions",
        ),
    ] {
        let name = path.rsplit('/').next().unwrap_or(path);
        let f =
            read_export(name, &fixture(path), export).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert_eq!(f.platform, platform, "{path}");
        assert!(keys(&f).contains(&key), "{path}: {:?}", keys(&f));
    }
    for path in [
        "meta/audience_blocks_utf16_oigetit.csv",
        "tiktok/follower_activity_htupy.csv",
        "tiktok/follower_gender_htupy.csv",
        "tiktok/follower_top_territories_htupy.csv",
        "linkedin/doorly_competitor_analytics_1767085167105.xlsx",
    ] {
        let name = path.rsplit('/').next().unwrap_or(path);
        let result = read_export(name, &fixture(path), export);
        assert!(
            matches!(result, Err(ExportError::Unrecognised { .. })),
            "{path}: {result:?}"
        );
    }
}

// ---------------------------------------------------------------- keys

#[test]
fn each_proposed_key_is_made_unique_in_the_order_of_the_columns() {
    use smsc::exchange::platforms::keys::TakenKeys;
    let mut taken = TakenKeys::default();
    let got: Vec<String> = [
        "views", "views", "views_2", "views", "reach", "views_3", "views",
    ]
    .iter()
    .map(|k| taken.claim(k))
    .collect();
    assert_eq!(
        got,
        [
            "views",
            "views_2",
            "views_2_2",
            "views_3",
            "reach",
            "views_3_2",
            "views_4"
        ]
    );
    // Thousands of equal headers (the fuzzer made such a file): every key different.
    let mut taken = TakenKeys::default();
    let keys: std::collections::HashSet<String> = (0..3000)
        .map(|_| taken.claim("facebook_daily_total_reach"))
        .collect();
    assert_eq!(keys.len(), 3000);
    assert!(
        keys.iter().all(|k| is_valid_key(k) && k.len() <= 40),
        "{keys:?}"
    );
}
