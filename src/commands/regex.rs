//! `Match regex` (docs/commands-legacy/match-regex.md). 4D uses ICU regular
//! expressions; fourd uses the `fancy-regex` crate, whose syntax covers what ICU
//! patterns commonly use (classes, `\d \w \s \b`, Unicode `\p{..}`, lazy and
//! possessive quantifiers, flags `(?i)` `(?m)` `(?s)` `(?x)`, named groups, and —
//! unlike the `regex` crate — look-ahead/look-behind and back-references).
//! Positions and lengths are in UTF-16 units, 1-based, as everywhere in 4D texts.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::{as_array, Interp};
use crate::runtime::value::{Ptr, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[cmd!("Match regex", match_regex, refs = 1 << 3 | 1 << 4)];

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<fancy_regex::Regex>>> = RefCell::new(HashMap::new());
}

fn compile(pattern: &str, anchored: bool) -> RtResult<Rc<fancy_regex::Regex>> {
    let key = if anchored {
        format!("\u{0}{}", pattern)
    } else {
        pattern.to_string()
    };
    if let Some(r) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(r);
    }
    let src = if anchored {
        format!("^(?:{})$", pattern)
    } else {
        pattern.to_string()
    };
    match fancy_regex::Regex::new(&src) {
        Ok(r) => {
            let r = Rc::new(r);
            CACHE.with(|c| {
                let mut c = c.borrow_mut();
                if c.len() > 256 {
                    c.clear();
                }
                c.insert(key, r.clone())
            });
            Ok(r)
        }
        Err(e) => err(
            codes::BAD_ARG,
            format!("Match regex: invalid regular expression: {}", e),
        ),
    }
}

fn u16_at(s: &str, byte: usize) -> usize {
    super::text::u16_len(&s[..byte])
}

/// The byte offset of UTF-16 unit `u` (clamped).
fn byte_of_u16(s: &str, u: usize) -> usize {
    let mut units = 0;
    for (b, c) in s.char_indices() {
        if units >= u {
            return b;
        }
        units += c.len_utf16();
    }
    s.len()
}

fn store(it: &mut Interp, p: &Value, vals: &[(i32, i32)], len: bool) -> RtResult<()> {
    let Value::Pointer(p) = p else {
        return Ok(());
    };
    let raw = it.deref_raw(p)?;
    if let Value::Array(_) = raw {
        let arr = as_array(&raw)?;
        let mut a = arr.borrow_mut();
        let ty = a.elem;
        a.elems.truncate(1);
        for (i, (pos, l)) in vals.iter().enumerate() {
            let v = Value::Int(if len { *l } else { *pos });
            let v = ty.coerce(v).unwrap_or_else(|_| ty.default_value());
            if i == 0 {
                a.elems[0] = v;
            } else {
                a.elems.push(v);
            }
        }
        return Ok(());
    }
    if **p == Ptr::Nil {
        return Ok(());
    }
    let (pos, l) = vals.first().copied().unwrap_or((0, 0));
    it.store_ptr(p, Value::Int(if len { l } else { pos }))
}

fn match_regex(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = "Match regex";
    a.require(2, name)?;
    let pattern = a.text(0, name)?;
    let t = a.text(1, name)?;
    if a.len() == 2 && !a.star {
        let r = compile(&pattern, true)?;
        return match r.is_match(&t) {
            Ok(b) => Ok(Value::Bool(b)),
            Err(e) => err(codes::BAD_ARG, format!("{}: {}", name, e)),
        };
    }
    let start = a.num(2, name)?.trunc().max(1.0) as usize;
    let r = compile(&pattern, false)?;
    let from = byte_of_u16(&t, start - 1);
    let caps = match r.captures_from_pos(&t, from) {
        Ok(c) => c,
        Err(e) => return err(codes::BAD_ARG, format!("{}: {}", name, e)),
    };
    let caps = caps.filter(|c| !a.star || c.get(0).map(|m| m.start()) == Some(from));
    let mut vals = Vec::new();
    let found = caps.is_some();
    if let Some(c) = caps {
        for i in 0..c.len() {
            vals.push(match c.get(i) {
                Some(m) => {
                    let p = u16_at(&t, m.start());
                    (p as i32 + 1, (u16_at(&t, m.end()) - p) as i32)
                }
                None => (0, 0),
            });
        }
    } else {
        vals.push((0, 0));
    }
    let (pp, lp) = (a.get(3).clone(), a.get(4).clone());
    store(it, &pp, &vals, false)?;
    store(it, &lp, &vals, true)?;
    Ok(Value::Bool(found))
}
