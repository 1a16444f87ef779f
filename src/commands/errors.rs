//! Error commands: `ON ERR CALL`, `Method called on error`, `ABORT`, `throw`,
//! `Last errors`, `ASSERT`, `Asserted`, `SET ASSERT ENABLED`, `Get assert enabled`,
//! `Call chain` (old name `Get call chain`) (LANGUAGE.md §7.1, §11). The handling itself is in
//! `runtime::handling`.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, rt_error, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Value};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("ON ERR CALL", on_err_call),
    cmd!("Method called on error", method_called_on_error),
    cmd!("ABORT", abort),
    cmd!("throw", throw),
    // `throw` under the name it had before 4D v20 R2 (`_4D THROW ERROR:C1520`)
    cmd!("_4D THROW ERROR", throw),
    cmd!("Last errors", last_errors),
    cmd!("ASSERT", assert),
    cmd!("Asserted", asserted),
    cmd!("SET ASSERT ENABLED", set_assert_enabled),
    cmd!("Get assert enabled", get_assert_enabled),
    cmd!("Call chain", call_chain),
    cmd!("Get call chain", call_chain),
];

/// `ON ERR CALL(method{; scope})`: every scope installs the process handler
/// (fourd runs one process); `""` removes it.
fn on_err_call(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "ON ERR CALL")?;
    if name.is_empty() {
        it.oo.handler = None;
        return Ok(Value::Undefined);
    }
    match it.prog.method_names.get(&name.to_lowercase()) {
        Some(&id) => {
            it.oo.gen_counter += 1;
            it.oo.handler_gen = it.oo.gen_counter;
            it.oo.handler = Some((Rc::from(name.as_str()), id));
            Ok(Value::Undefined)
        }
        None => err(
            codes::UNKNOWN_METHOD_TEXT,
            format!("ON ERR CALL: unknown method {}", name),
        ),
    }
}

fn method_called_on_error(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text(
        it.oo
            .handler
            .as_ref()
            .map(|h| h.0.to_string())
            .unwrap_or_default(),
    ))
}

/// `ABORT`: stops the run silently (exit code 0).
fn abort(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let mut e = rt_error(1006, "Aborted");
    e.abort = true;
    Err(e)
}

/// `throw(code{; description})`, `throw(object)`, `throw` (re-throw deferred).
fn throw(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    if a.is_empty() {
        // re-throw the current errors in deferred mode: they are raised again when
        // the interrupted method (the handler's caller) returns
        if let Some(e) = it.oo.last_error.clone() {
            let n = it.frames.len();
            let idx = if it.oo.in_handler > 0 && n >= 2 {
                n - 2
            } else {
                n.saturating_sub(1)
            };
            if let Some(f) = it.frames.get_mut(idx) {
                let mut e = e;
                e.fatal = false;
                f.deferred.push(e);
            }
        }
        return Ok(Value::Undefined);
    }
    match a.get(0).clone() {
        Value::Object(o) => {
            let (code, message, sig, deferred) = {
                let b = o.borrow();
                let code = b.get("errCode").and_then(|v| v.as_num()).unwrap_or(-1.0) as i32;
                let sig = match b.get("componentSignature") {
                    Some(Value::Text(t)) if !t.is_empty() => t.to_string(),
                    _ => "host".to_string(),
                };
                let msg = match b.get("message") {
                    Some(Value::Text(t)) if !t.is_empty() => placeholders(t, &b),
                    // throw.md example 3: "Error code: 1 (host)"
                    _ => format!("Error code: {} ({})", code, sig),
                };
                let deferred = matches!(b.get("deferred"), Some(Value::Bool(true)));
                (code, msg, sig, deferred)
            };
            let mut e = rt_error(code, message);
            e.signature = Rc::from(sig);
            e.object = Some(o);
            if deferred {
                // located where it was thrown
                e.loc = it.frames.last().map(|f| crate::runtime::error::Loc {
                    method: f.method,
                    offset: it.cur_pos,
                });
                if let Some(f) = it.frames.last_mut() {
                    f.deferred.push(e);
                }
                return Ok(Value::Undefined);
            }
            Err(e)
        }
        _ => {
            let code = a.num(0, "throw")? as i32;
            let message = match a.get(1) {
                Value::Text(t) if !t.is_empty() => t.to_string(),
                // throw.md: "Error code errorCode: (host)"
                _ => format!("Error code {}: (host)", code),
            };
            let mut e = rt_error(code, message);
            e.signature = Rc::from("host");
            Err(e)
        }
    }
}

/// `{prop}` in a thrown message: the text of the object's property (unknown
/// properties are left as written).
fn placeholders(msg: &str, o: &crate::runtime::value::ObjMap) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}').and_then(|j| Some((j, o.get(&after[..j])?))) {
            Some((j, v)) => {
                out.push_str(&crate::runtime::format::to_text(v));
                rest = &after[j + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn last_errors(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(it.last_errors())
}

fn assert_error(a: &Args) -> Box<crate::runtime::error::RtError> {
    let msg = match a.get(1) {
        Value::Text(t) if !t.is_empty() => format!("Assert failed: {}", t),
        _ => "Assert failed".to_string(),
    };
    rt_error(codes::ASSERT_FAILED, msg)
}

fn cond(a: &Args, cmd: &str) -> RtResult<bool> {
    match a.get(0) {
        Value::Bool(b) => Ok(*b),
        v => err(
            codes::TYPE_MISMATCH,
            format!("{}: Boolean expected, got {}", cmd, v.type_name()),
        ),
    }
}

fn assert(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    if it.oo.assert_enabled && !cond(a, "ASSERT")? {
        return Err(assert_error(a));
    }
    Ok(Value::Undefined)
}

/// `Asserted(bool{; msg})`: like `ASSERT`, and returns the boolean.
fn asserted(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let b = cond(a, "Asserted")?;
    if it.oo.assert_enabled && !b {
        return Err(assert_error(a));
    }
    Ok(Value::Bool(b))
}

fn set_assert_enabled(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    it.oo.assert_enabled = cond(a, "SET ASSERT ENABLED")?;
    Ok(Value::Undefined)
}

fn get_assert_enabled(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(it.oo.assert_enabled))
}

/// `Call chain`: one object per running method, innermost first, with `name`,
/// `type` (`projectMethod`, `classFunction`, `formula`), `line` and `database`.
fn call_chain(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let prog = it.prog;
    let n = it.frames.len();
    let mut items = Vec::with_capacity(n);
    for i in (0..n).rev() {
        let f = &it.frames[i];
        let Some(m) = prog.method(f.method) else {
            continue;
        };
        let pos = if i + 1 < n {
            it.frames[i + 1].call_pos
        } else {
            it.cur_pos
        };
        let (line, _) = crate::project::line_col(&m.source, pos as usize);
        let ty = if m.formula.is_some() {
            "formula"
        } else if m.class.is_some() {
            "classFunction"
        } else {
            "projectMethod"
        };
        let o = new_object();
        {
            let mut b = o.borrow_mut();
            b.insert(Rc::from("database"), text("host"));
            b.insert(Rc::from("line"), Value::Real(line as f64));
            b.insert(Rc::from("name"), text(m.name.as_str()));
            b.insert(Rc::from("type"), text(ty));
        }
        items.push(Value::Object(o));
    }
    Ok(Value::Collection(new_collection(items)))
}
