//! Small facts read from the browser: today's date, the preferred language, a random id.

use crate::model::{Date, Lang};

/// Today's date in the user's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    let year = i32::try_from(now.get_full_year()).unwrap_or(2026);
    Date::from_ymd(year, month, day)
        .unwrap_or_else(|_| Date::from_ymd(2026, 1, 1).unwrap_or_default())
}

/// Dutch when the browser prefers Dutch, English otherwise.
pub fn preferred_lang() -> Lang {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if language.starts_with("nl") {
        Lang::Nl
    } else {
        Lang::En
    }
}

/// A random id for a new scorecard, e.g. `sc-3f9a0c1b7d2e`.
pub fn random_scorecard_id() -> String {
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 65_536.0) as u64;
    format!("sc-{:08x}{:04x}", a, b)
}

/// A random copy tag for a scorecard that comes into this browser (see `model::lineage`).
pub fn random_copy_tag() -> String {
    let bits = (js_sys::Math::random() * 4_294_967_296.0) as u64
        ^ (((js_sys::Math::random() * 4_294_967_296.0) as u64) << 32);
    crate::model::lineage::copy_tag_from(bits)
}

/// The current moment as an ISO 8601 timestamp in UTC, to the second, e.g.
/// `2026-04-01T12:00:00Z` (written as `saved_at` and `changed_at`).
pub fn now_iso() -> String {
    let text = String::from(js_sys::Date::new_0().to_iso_string());
    // `toISOString` gives milliseconds (`…:00.000Z`); the files keep whole seconds.
    match text.get(..19) {
        Some(seconds) if text.ends_with('Z') => format!("{seconds}Z"),
        _ => text,
    }
}

/// The moment a library operation happens: [`now_iso`] and [`today`].
pub fn now() -> crate::library::Now {
    crate::library::Now {
        timestamp: now_iso(),
        today: today(),
        copy_tag: random_copy_tag(),
    }
}
