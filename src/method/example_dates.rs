//! The article's example dated relative to the day it is made: its figures (January–March
//! 2026 in the article) are moved by whole months so the last measured month is the last
//! complete month before that day. Made in April 2026 it is the article's example exactly;
//! made in December 2026 its figures run September–November 2026.

use crate::model::{Date, Lang, Scorecard};

use super::templates::{by_name, daily_reach_and_interactions, example};

/// The article's last measured month.
const LAST_MONTH: (i32, u8) = (2026, 3);

/// Builds the template with this name (`blank` or `example`) for a scorecard made on
/// `today`: the example through [`example_on`].
pub fn by_name_on(name: &str, id: String, lang: Lang, today: Date) -> Option<Scorecard> {
    match name {
        "example" => Some(example_on(id, lang, today)),
        other => by_name(other, id, lang),
    }
}

/// The example for a scorecard made on `today` (see the module documentation).
pub fn example_on(id: String, lang: Lang, today: Date) -> Scorecard {
    let card = example(id, lang);
    let months = months_between(LAST_MONTH, previous_month(today));
    if months == 0 {
        card
    } else {
        shifted(card, months)
    }
}

fn previous_month(today: Date) -> (i32, u8) {
    if today.month() == 1 {
        (today.year() - 1, 12)
    } else {
        (today.year(), today.month() - 1)
    }
}

fn months_between((y0, m0): (i32, u8), (y1, m1): (i32, u8)) -> i64 {
    (i64::from(y1) - i64::from(y0)) * 12 + i64::from(m1) - i64::from(m0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    Date::from_ymd(ny, nm, 1)
        .map(|d| d.add_days(-1).day())
        .unwrap_or(28)
}

/// `date` moved by `months` whole months: a month's last day stays the last day, another
/// day keeps its number (cut to the month's length).
pub fn shift_months(date: Date, months: i64) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + months;
    let (year, month) = (
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
    );
    let length = days_in_month(year, month);
    let day = if date.day() == days_in_month(date.year(), date.month()) {
        length
    } else {
        date.day().min(length)
    };
    Date::from_ymd(year, month, day).unwrap_or(date)
}

fn shifted(mut card: Scorecard, months: i64) -> Scorecard {
    let shift = |d: &mut Date| *d = shift_months(*d, months);
    for d in [&mut card.period_start, &mut card.period_end]
        .into_iter()
        .flatten()
    {
        shift(d);
    }
    let kpi_ids: Vec<String> = card.kpis().map(|(_, k)| k.id.clone()).collect();
    for id in kpi_ids {
        if let Some(k) = card.kpi_mut(&id) {
            k.measurements.iter_mut().for_each(|m| shift(&mut m.date));
            k.target_history.iter_mut().for_each(|t| shift(&mut t.date));
        }
    }
    for kind in crate::model::FactorKind::ALL {
        for so in &mut card.factor_mut(kind).sub_objectives {
            for a in &mut so.actions {
                if let Some(d) = a.due.as_mut() {
                    shift(d);
                }
            }
        }
    }
    // The daily series: the same figures for every day of the three moved months.
    let first = shift_months(
        Date::from_ymd(LAST_MONTH.0, 1, 1).unwrap_or_default(),
        months,
    );
    let last = shift_months(
        Date::from_ymd(LAST_MONTH.0, LAST_MONTH.1, 31).unwrap_or_default(),
        months,
    );
    let (reach, interactions) = daily_reach_and_interactions(first, first.days_until(last) + 1);
    if let [interaction_series, reach_series] = card.series.as_mut_slice() {
        interaction_series.points = interactions;
        reach_series.points = reach;
    }
    card
}
