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
