//! Date and time commands. fourd has no time-zone database: `Current date` and
//! `Current time` use UTC.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::RtResult;
use crate::runtime::format;
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Date, Value};

pub const COMMANDS: &[CommandDef] = &[
    cmd!("Current date", current_date),
    cmd!("Current time", current_time),
    cmd!("Day of", day_of),
    cmd!("Month of", month_of),
    cmd!("Year of", year_of),
    cmd!("Add to date", add_to_date),
    cmd!("Time string", time_string),
    cmd!("Milliseconds", milliseconds),
    cmd!("Tickcount", tickcount),
    cmd!("Day number", day_number),
    cmd!("Date", date_cmd),
    cmd!("Time", time_cmd),
    cmd!("Timestamp", timestamp),
];

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn current_date(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Date(format::days_to_date(
        now_secs().div_euclid(86400),
    )))
}

fn current_time(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Time(now_secs().rem_euclid(86400)))
}

fn date_arg(a: &Args, i: usize) -> Date {
    match a.get(i) {
        Value::Date(d) => *d,
        _ => Date::default(),
    }
}

fn day_of(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(date_arg(a, 0).day as i32))
}
fn month_of(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(date_arg(a, 0).month as i32))
}
fn year_of(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(date_arg(a, 0).year as i32))
}

fn add_to_date(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let d = date_arg(a, 0);
    if d == Date::default() {
        return Ok(Value::Date(d));
    }
    let (y, m, dd) = (
        a.num(1, "Add to date")? as i64,
        a.num(2, "Add to date")? as i64,
        a.num(3, "Add to date")? as i64,
    );
    let months = d.year as i64 * 12 + (d.month as i64 - 1) + y * 12 + m;
    let (ny, nm) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    // day overflow rolls into the next month
    let base = format::days_from_civil(ny, nm, 1) + d.day as i64 - 1 + dd;
    Ok(Value::Date(format::days_to_date(base)))
}

fn time_string(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(text(format::time(a.num(0, "Time string")? as i64)))
}

fn milliseconds(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Ok(Value::Int(ms as i32))
}

fn tickcount(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Ok(Value::Int((ms * 60 / 1000) as i32))
}

// docs/commands-legacy/day-number.md: 1 = Sunday .. 7 = Saturday; the null date gives 2.
fn day_number(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let d = date_arg(a, 0);
    if d == Date::default() {
        return Ok(Value::Int(2));
    }
    Ok(Value::Int(super::formats::weekday(d) as i32 + 1))
}

fn valid(y: i64, m: i64, d: i64) -> Option<Date> {
    if !(1..=12).contains(&m) || d < 1 || !(1..=32767).contains(&y) {
        return None;
    }
    let dd = format::days_to_date(format::days_from_civil(y, m, d));
    (dd.day as i64 == d && dd.month as i64 == m).then_some(dd)
}

/// Parses a date text: ISO `YYYY-MM-DD(THH:MM:SS...)` first, otherwise the US
/// short system format `MM/DD/YY(YY)` (separators `/ . , -` and space; a 2-digit
/// year below 30 is 20xx, otherwise 19xx). Invalid texts give the null date.
pub fn parse_date_text(t: &str) -> Date {
    let t = t.trim();
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let n = |r: std::ops::Range<usize>| t.get(r).and_then(|x| x.parse::<i64>().ok());
        if let (Some(y), Some(m), Some(d)) = (n(0..4), n(5..7), n(8..10)) {
            return valid(y, m, d).unwrap_or_default();
        }
    }
    let parts: Vec<&str> = t
        .split(['/', '.', ',', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 3 {
        return Date::default();
    }
    let nums: Option<Vec<i64>> = parts[..3].iter().map(|p| p.parse::<i64>().ok()).collect();
    let Some(n) = nums else {
        return Date::default();
    };
    let mut y = n[2];
    if parts[2].len() <= 2 {
        y += if y < 30 { 2000 } else { 1900 };
    }
    valid(y, n[0], n[1]).unwrap_or_default()
}

// docs/commands-legacy/date.md: a date is returned as is; a text is parsed (ISO
// or system short format); other values and invalid texts give the null date.
fn date_cmd(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Date(match a.get(0) {
        Value::Date(d) => *d,
        Value::Text(t) => parse_date_text(t),
        _ => Date::default(),
    }))
}

// docs/commands-legacy/time.md: "HH:MM:SS" (missing parts are 0, ISO date-time
// texts keep their time part) or a number of seconds.
fn time_cmd(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(time_of(a))
}

/// `Time(x)` of the first argument.
pub fn time_of(a: &mut Args) -> Value {
    Value::Time(match a.get(0) {
        Value::Text(t) => {
            let t = t.trim();
            let t = match t.find('T') {
                Some(i) if t.len() > 10 => &t[i + 1..],
                _ => t,
            };
            let mut secs = 0i64;
            let mut mult = 3600;
            let neg = t.starts_with('-');
            for p in t.trim_start_matches('-').split(':').take(3) {
                let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
                secs += digits.parse::<i64>().unwrap_or(0) * mult;
                mult /= 60;
            }
            let pm = t.to_ascii_uppercase().ends_with("PM");
            if pm && secs < 12 * 3600 {
                secs += 12 * 3600;
            }
            if neg {
                -secs
            } else {
                secs
            }
        }
        Value::Time(t) => *t,
        v => v.as_num().map(|n| n.round() as i64).unwrap_or(0),
    })
}

// docs/commands-legacy/timestamp.md: current UTC time, `yyyy-MM-ddTHH:mm:ss.SSSZ`.
fn timestamp(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let d = format::days_to_date(ms.div_euclid(86_400_000));
    let t = ms.rem_euclid(86_400_000);
    Ok(text(format!(
        "{}T{}.{:03}Z",
        format::date_iso(d),
        format::time(t / 1000),
        t % 1000
    )))
}
