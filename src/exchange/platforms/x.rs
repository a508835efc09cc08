//! X (Twitter) analytics exports:
//! - the account overview (`account_overview_analytics.csv`): `Date` like
//!   `"Tue, Feb 18, 2025"`, newest first, one row per day;
//! - the legacy daily tweet activity (`daily_tweet_activity_metrics_….csv`): `Date` ISO, one
//!   row per day;
//! - the legacy per-tweet activity (`tweet_activity_metrics_….csv`): `time` like
//!   `2021-12-28 16:45 +0000`, one row per tweet, summed by the tweet's date;
//! - the per-post content export (`account_analytics_content_….csv`): `Date` like
//!   `Mon Feb 17 2025`, one row per post, summed by the post's date.
//!
//! The `promoted …` columns (all `-` for unpaid posts) give no points.

use super::generic::{file, number_specs, read_dated};
use super::options::ReadOptions;
use super::text::Table;
use super::{ExportFile, ExportMessage, Platform};

/// Reads an X export; `None` when the tables are not one.
pub fn read(_file_name: &str, tables: &[Table], options: &ReadOptions) -> Option<ExportFile> {
    tables.iter().find_map(|t| read_table(t, options))
}

fn read_table(table: &Table, options: &ReadOptions) -> Option<ExportFile> {
    let header = table.normalised_header();
    let has = |n: &str| header.iter().any(|h| h == n);
    let (date_name, kind, per_post) = if has("tweet id") && has("time") && has("impressions") {
        ("time", "tweets", true)
    } else if has("post id") && has("date") && has("post text") && has("impressions") {
        ("date", "posts", true)
    } else if has("date") && has("tweets published") && has("impressions") {
        ("date", "daily tweet activity", false)
    } else if has("date")
        && has("impressions")
        && has("new follows")
        && (has("unfollows") || has("create post") || has("profile visits"))
    {
        ("date", "account overview", false)
    } else {
        return None;
    };
    let date_index = table.column(&[date_name])?;
    let skip: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            h.starts_with("promoted ") || matches!(h.as_str(), "tweet permalink" | "link")
        })
        .map(|(i, _)| i)
        .collect();
    let specs = number_specs(table, date_index, &skip, "x", "X");
    let rows: Vec<_> = table.rows.iter().collect();
    let hint = options.hint(true);
    let mut collected = read_dated(&rows, date_index, &specs, hint);
    if per_post {
        collected.notes.push(ExportMessage::PostsSummed {
            count: collected.rows,
        });
    }
    file(Platform::X, kind, collected)
}
