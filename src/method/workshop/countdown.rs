//! The group's countdown for a workshop step: start, pause, reset, custom minutes, and the
//! time left as a clock.

use crate::i18n::format::parse_number;
use crate::model::Lang;

/// The group's countdown: a duration that can be started, paused and reset. Time is read
/// from the caller (milliseconds on any monotonic clock), so it is exact however seldom the
/// display is refreshed, and keeps running while the view is left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Countdown {
    /// The chosen duration in milliseconds.
    pub duration_ms: f64,
    /// When running: the clock time it ends.
    ends_at: Option<f64>,
    /// Milliseconds left when not running.
    left_ms: f64,
}

/// Where a countdown stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountdownPhase {
    /// Set, not started (or reset).
    Ready,
    /// Counting down.
    Running,
    /// Paused with time left.
    Paused,
    /// Reached zero.
    TimeUp,
}

impl Countdown {
    /// A countdown of `minutes`, not started.
    pub fn new(minutes: f64) -> Countdown {
        let ms = minutes_to_ms(minutes);
        Countdown {
            duration_ms: ms,
            ends_at: None,
            left_ms: ms,
        }
    }

    /// Milliseconds left at clock time `now`, never below zero.
    pub fn left_ms(&self, now: f64) -> f64 {
        match self.ends_at {
            Some(end) => (end - now).max(0.0),
            None => self.left_ms.max(0.0),
        }
    }

    /// Where the countdown stands at `now`.
    pub fn phase(&self, now: f64) -> CountdownPhase {
        if self.left_ms(now) <= 0.0 {
            CountdownPhase::TimeUp
        } else if self.ends_at.is_some() {
            CountdownPhase::Running
        } else if self.left_ms < self.duration_ms {
            CountdownPhase::Paused
        } else {
            CountdownPhase::Ready
        }
    }

    /// Starts or resumes at `now` (no effect when time is up).
    pub fn start(&mut self, now: f64) {
        if self.ends_at.is_none() && self.left_ms > 0.0 {
            self.ends_at = Some(now + self.left_ms);
        }
    }

    /// Pauses at `now`, keeping the time left.
    pub fn pause(&mut self, now: f64) {
        if self.ends_at.is_some() {
            self.left_ms = self.left_ms(now);
            self.ends_at = None;
        }
    }

    /// Back to the full duration, stopped.
    pub fn reset(&mut self) {
        self.ends_at = None;
        self.left_ms = self.duration_ms;
    }

    /// A new duration; stops and resets the countdown.
    pub fn set_minutes(&mut self, minutes: f64) {
        *self = Countdown::new(minutes);
    }
}

fn minutes_to_ms(minutes: f64) -> f64 {
    if minutes.is_finite() && minutes > 0.0 {
        (minutes * 60_000.0).round()
    } else {
        0.0
    }
}

/// The most minutes the countdown accepts (a long workshop day).
pub const MAX_MINUTES: f64 = 480.0;

/// Reads custom minutes as people write them (`0.5`, `0,5`, `12`); refuses zero, negative
/// and more than [`MAX_MINUTES`], with a message in `lang`.
pub fn parse_minutes(text: &str, lang: Lang) -> Result<f64, String> {
    let value = parse_number(text, lang)?;
    if value > 0.0 && value <= MAX_MINUTES {
        Ok(value)
    } else if lang == Lang::Nl {
        Err(format!("Kies tussen 0 en {MAX_MINUTES} minuten."))
    } else {
        Err(format!("Choose between 0 and {MAX_MINUTES} minutes."))
    }
}

/// Time left as a clock, `m:ss` (or `h:mm:ss` from an hour), rounded up to the second so
/// it reads 0:00 only when time is up.
pub fn format_clock(ms: f64) -> String {
    let total = (ms.max(0.0) / 1000.0).ceil() as u64;
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_starts_pauses_resumes_and_ends() {
        let mut c = Countdown::new(10.0);
        assert_eq!(c.phase(0.0), CountdownPhase::Ready);
        assert_eq!(c.left_ms(123.0), 600_000.0);
        c.start(1_000.0);
        assert_eq!(c.phase(1_000.0), CountdownPhase::Running);
        assert_eq!(c.left_ms(61_000.0), 540_000.0);
        c.start(61_000.0); // starting again changes nothing
        assert_eq!(c.left_ms(61_000.0), 540_000.0);
        c.pause(61_000.0);
        assert_eq!(c.phase(999_999.0), CountdownPhase::Paused);
        assert_eq!(c.left_ms(999_999.0), 540_000.0);
        c.start(1_000_000.0);
        assert_eq!(c.left_ms(1_540_000.0), 0.0);
        assert_eq!(c.phase(1_540_000.0), CountdownPhase::TimeUp);
        assert_eq!(c.left_ms(9e9), 0.0);
        c.reset();
        assert_eq!(c.phase(9e9), CountdownPhase::Ready);
        assert_eq!(c.left_ms(9e9), 600_000.0);
        c.set_minutes(0.05);
        assert_eq!(c.duration_ms, 3_000.0);
        c.start(0.0);
        c.pause(3_500.0);
        assert_eq!(c.phase(3_500.0), CountdownPhase::TimeUp);
        c.start(4_000.0); // time is up: nothing to resume
        assert_eq!(c.phase(4_000.0), CountdownPhase::TimeUp);
    }

    #[test]
    fn minutes_and_clock() {
        assert_eq!(parse_minutes("0,05", Lang::Nl), Ok(0.05));
        assert_eq!(parse_minutes("12", Lang::En), Ok(12.0));
        assert!(parse_minutes("0", Lang::En).is_err());
        assert!(parse_minutes("-3", Lang::En).is_err());
        assert!(
            parse_minutes("1000", Lang::Nl)
                .unwrap_err()
                .contains("minuten")
        );
        assert!(parse_minutes("soon", Lang::En).is_err());
        assert_eq!(format_clock(600_000.0), "10:00");
        assert_eq!(format_clock(59_001.0), "1:00");
        assert_eq!(format_clock(2_100.0), "0:03");
        assert_eq!(format_clock(0.0), "0:00");
        assert_eq!(format_clock(-5.0), "0:00");
        assert_eq!(format_clock(3_600_000.0), "1:00:00");
        assert_eq!(Countdown::new(f64::NAN).duration_ms, 0.0);
    }
}
