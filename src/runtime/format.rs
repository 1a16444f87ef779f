//! Default conversions of values to text (what `String(x)` gives without a format):
//! reals with 13 significant digits, dates as `MM/DD/YYYY`, times `HH:MM:SS`,
//! booleans `True`/`False`. Also the date arithmetic helpers (day numbers).

use super::error::RtResult;
use super::value::{Date, Value};

/// Formats a real like `String(r)`: 13 significant digits (C `%.13g` rules: the
/// exponent form is used below 1e-4 and from 1e13 up), `INF`, `-INF`, NaN as "".
pub fn real(x: f64) -> String {
    if x.is_nan() {
        return String::new();
    }
    if x.is_infinite() {
        return if x > 0.0 { "INF".into() } else { "-INF".into() };
    }
    if x == 0.0 {
        return "0".into();
    }
    if x.fract() == 0.0 && x.abs() < 1e13 {
        return format!("{}", x as i64);
    }
    let sci = format!("{:.12e}", x);
    let (mant, exp) = match sci.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (sci.as_str(), 0),
    };
    if !(-5..13).contains(&exp) {
        let m = strip_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{}e{}{:02}", m, sign, exp.abs());
    }
    let decimals = (12 - exp).max(0) as usize;
    strip_zeros(&format!("{:.*}", decimals, x)).to_string()
}

fn strip_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// `MM/DD/YYYY` (US short system format, 4-digit year); the null date gives
/// `00/00/0000`.
pub fn date(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.month, d.day, d.year)
}

/// `YYYY-MM-DD`.
pub fn date_iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// `HH:MM:SS`; hours may exceed 23.
pub fn time(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let t = t.abs();
    format!("{}{:02}:{:02}:{:02}", sign, t / 3600, (t / 60) % 60, t % 60)
}

/// The text form of a value as `String(v)` gives it (objects and collections as
/// JSON, Null as "null", undefined as ""); an object or collection that contains
/// itself is error 48 (see [`crate::runtime::graph`]).
pub fn try_to_text(v: &Value) -> RtResult<String> {
    match v {
        Value::Object(_) | Value::Collection(_) => super::json::stringify(v, false),
        v => Ok(to_text(v)),
    }
}

/// [`try_to_text`] where no error can be reported (a display of a value): a
/// circular object or collection shows as the error's message.
pub fn to_text(v: &Value) -> String {
    match v {
        Value::Undefined => String::new(),
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Real(r) => real(*r),
        Value::Text(t) => t.to_string(),
        Value::Date(d) => date(*d),
        Value::Time(t) => time(*t),
        Value::Object(_) | Value::Collection(_) => {
            super::json::stringify(v, false).unwrap_or_else(|e| e.message)
        }
        Value::Pointer(_) => String::new(),
        Value::Blob(_) | Value::Picture(_) => String::new(),
        Value::Array(a) => a.borrow().selected.to_string(),
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn date_to_days(d: Date) -> i64 {
    days_from_civil(d.year as i64, d.month as i64, d.day as i64)
}

/// A date from a day number; out of the 4D range (years 1..32767) gives the null date.
pub fn days_to_date(n: i64) -> Date {
    let (y, m, d) = civil_from_days(n);
    if !(1..=32767).contains(&y) {
        return Date::default();
    }
    Date {
        year: y as u16,
        month: m as u8,
        day: d as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reals() {
        assert_eq!(real(1.0 / 3.0), "0.3333333333333");
        assert_eq!(real(std::f64::consts::PI), "3.14159265359");
        assert_eq!(real(1.0 / 0.0), "INF");
        assert_eq!(real(-1.0 / 0.0), "-INF");
        assert_eq!(real(f64::NAN), "");
        assert_eq!(real(42.0), "42");
        assert_eq!(real(-2.5), "-2.5");
        assert_eq!(real(0.1 + 0.2), "0.3");
        assert_eq!(real(1e20), "1e+20");
        assert_eq!(real(123456789012.5), "123456789012.5");
        assert_eq!(real(2.0 / 3.0), "0.6666666666667");
        assert_eq!(real(-0.0), "0");
    }

    #[test]
    fn dates() {
        assert_eq!(
            date(Date {
                year: 2024,
                month: 1,
                day: 31
            }),
            "01/31/2024"
        );
        assert_eq!(date(Date::default()), "00/00/0000");
        assert_eq!(time(45000), "12:30:00");
        assert_eq!(time(86401), "24:00:01");
        let d = Date {
            year: 2024,
            month: 2,
            day: 28,
        };
        assert_eq!(
            days_to_date(date_to_days(d) + 1),
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            days_to_date(date_to_days(d) + 2),
            Date {
                year: 2024,
                month: 3,
                day: 1
            }
        );
    }
}
