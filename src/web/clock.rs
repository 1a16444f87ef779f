//! The session clock, injectable so that timeouts can be tested without waiting.
//!
//! Times are milliseconds since the Unix epoch *on the session clock*. The real clock
//! can run `scale` times faster than real time (`fourd serve --clock-scale K`): a
//! one-minute timeout then takes `60/K` real seconds. Cookie expiry dates are written
//! from this clock too (with K = 1 they are real dates).

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub trait Clock: Send + Sync {
    /// Now, in session-clock milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
    /// The real time to wait for `ms` session-clock milliseconds to pass.
    fn real_wait(&self, ms: i64) -> Duration {
        Duration::from_millis(ms.max(0) as u64)
    }
}

/// Real time, optionally accelerated.
pub struct ScaledClock {
    start_wall_ms: i64,
    start: Instant,
    scale: f64,
}

impl ScaledClock {
    pub fn new(scale: f64) -> ScaledClock {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        ScaledClock {
            start_wall_ms: wall,
            start: Instant::now(),
            scale: if scale > 0.0 { scale } else { 1.0 },
        }
    }
}

impl Clock for ScaledClock {
    fn now_ms(&self) -> i64 {
        self.start_wall_ms + (self.start.elapsed().as_secs_f64() * 1000.0 * self.scale) as i64
    }
    fn real_wait(&self, ms: i64) -> Duration {
        Duration::from_secs_f64((ms.max(0) as f64 / 1000.0) / self.scale)
    }
}

/// A clock that moves only when told (unit tests).
#[derive(Default)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn new(start_ms: i64) -> ManualClock {
        ManualClock(AtomicI64::new(start_ms))
    }
    pub fn advance(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// `Expires` format of a cookie (RFC 7231 IMF-fixdate) for a time in ms.
pub fn http_date(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
    let mon = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(m - 1) as usize];
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        wd,
        d,
        mon,
        y,
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

/// (year, month, day) of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn dates() {
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(
            http_date(1_700_000_000_000),
            "Tue, 14 Nov 2023 22:13:20 GMT"
        );
    }
    #[test]
    fn scaled() {
        let c = ScaledClock::new(60.0);
        assert_eq!(c.real_wait(60_000), Duration::from_secs(1));
        let m = ManualClock::new(5);
        m.advance(10);
        assert_eq!(m.now_ms(), 15);
    }
}
