//! Math commands: Abs, Int, Dec, Round, Trunc, Mod, Square root, Exp, Log,
//! trigonometry, Random.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::Value;

pub use crate::runtime::numeric::{mod_reals, Math1};

pub const COMMANDS: &[CommandDef] = &[
    cmd!("Abs", abs),
    cmd!("Int", int),
    cmd!("Dec", dec),
    cmd!("Round", round),
    cmd!("Trunc", trunc),
    cmd!("Mod", mod_),
    cmd!("Square root", sqrt),
    cmd!("Exp", exp),
    cmd!("Log", log),
    cmd!("Sin", sin),
    cmd!("Cos", cos),
    cmd!("Tan", tan),
    cmd!("Arctan", arctan),
    cmd!("Random", random),
];

fn abs(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Abs.apply(a.num(0, "Abs")?)))
}
fn int(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Int.apply(a.num(0, "Int")?)))
}
fn dec(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Dec.apply(a.num(0, "Dec")?)))
}
fn scale(places: f64) -> f64 {
    10f64.powi(places as i32)
}
fn round(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let x = a.num(0, "Round")?;
    let s = scale(a.num(1, "Round")?);
    Ok(Value::Real((x * s).round() / s))
}
fn trunc(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let x = a.num(0, "Trunc")?;
    let s = scale(a.num(1, "Trunc")?);
    Ok(Value::Real((x * s).floor() / s))
}
fn mod_(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let x = a.num(0, "Mod")?;
    let y = a.num(1, "Mod")?;
    match mod_reals(x, y) {
        Some(r) => Ok(Value::Real(r)),
        None => err(codes::DIV_ZERO, "Division by zero"),
    }
}

fn sqrt(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Sqrt.apply(a.num(0, "Square root")?)))
}
fn exp(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Exp.apply(a.num(0, "Exp")?)))
}
fn log(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Log.apply(a.num(0, "Log")?)))
}
fn sin(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Sin.apply(a.num(0, "Sin")?)))
}
fn cos(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Cos.apply(a.num(0, "Cos")?)))
}
fn tan(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Tan.apply(a.num(0, "Tan")?)))
}
fn arctan(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(Math1::Arctan.apply(a.num(0, "Arctan")?)))
}

/// The commands the fast path (`runtime::fast`) computes itself, with their number
/// of arguments: `Mod` and the one-number math commands.
pub fn pure_numeric(name: &str, nargs: usize) -> bool {
    match nargs {
        1 => Math1::by_name(name).is_some(),
        2 => name == "Mod",
        _ => false,
    }
}

/// 0..32767, from a small xorshift generator seeded by the clock.
fn random(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64 | 1)
                .unwrap_or(0x9E3779B97F4A7C15),
        );
    }
    let r = STATE.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        x
    });
    Ok(Value::Int((r % 32768) as i32))
}
