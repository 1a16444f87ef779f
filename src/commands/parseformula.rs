//! `Parse formula(formula {; options {; errorMessage}})`: a formula with its
//! tokens resolved to today's names (developer.4d.com/docs/commands/parse-formula).
//!
//! A token names its object by number, whatever name is written before it, so
//! `"x:C10"` gives `String`, `Pi:K30:1` gives `Pi`, `[x:2]` the name of table 2
//! and `[x:2]y:3` that of its field 3 (real code uses this to get a command's,
//! constant's or table's name from its number). Without `Formula out with
//! tokens` (4) the tokens are left out; with it they are kept after the names
//! (plain names the formula has are not tokenized: fourd keeps them as written).
//! fourd has no virtual structure (`SET TABLE TITLES`), so `Formula in with
//! virtual structure` (1) and `Formula out with virtual structure` (2) change
//! nothing. `errorMessage` gets "" when the formula is valid, else the syntax
//! error; the result is then "" (as in 4D).

use super::Args;
use crate::cmd;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};

pub static COMMANDS: &[super::CommandDef] = &[cmd!("Parse formula", parse_formula, refs = 1 << 2)];

/// Characters a name written before a token can hold.
fn name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == ' ' || c == '$' || c == '<' || c == '>'
}

/// Splits `s` at its trailing `:digits` (`"x:12"` → `("x", 12)`).
fn trailing_number(s: &str) -> Option<(&str, u32)> {
    let (name, num) = s.rsplit_once(':')?;
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((name, num.parse().ok()?))
}

/// The digits at the start of `s`, as a number, and their length.
fn leading_number(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 {
        return None;
    }
    Some((s[..n].parse().ok()?, n))
}

/// The formula with tokens resolved (see the module doc); `keep` keeps them.
fn resolve_tokens(it: &Interp, f: &str, keep: bool) -> String {
    let mut out = String::with_capacity(f.len());
    let mut rest = f;
    // the table of the last `[Table:n]`, for a field token right after it
    let mut table: Option<u32> = None;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            // a string literal, copied as is
            let mut end = 1;
            let b = rest.as_bytes();
            while end < b.len() && b[end] != b'"' {
                end += if b[end] == b'\\' { 2 } else { 1 };
            }
            let end = (end + 1).min(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            table = None;
            continue;
        }
        if c == '[' {
            if let Some(close) = rest.find(']') {
                let inner = &rest[1..close];
                if let Some((name, n)) = trailing_number(inner) {
                    let tname = it
                        .db
                        .structure()
                        .and_then(|s| s.table(n))
                        .map(|t| t.name.clone())
                        .unwrap_or_else(|| name.to_string());
                    out.push('[');
                    out.push_str(&tname);
                    if keep {
                        out.push_str(&format!(":{n}"));
                    }
                    out.push(']');
                    rest = &rest[close + 1..];
                    table = Some(n);
                    continue;
                }
            }
        }
        if c == ':' {
            let after = &rest[1..];
            let name_start = out
                .char_indices()
                .rev()
                .take_while(|(_, ch)| name_char(*ch))
                .last()
                .map(|(i, _)| i)
                .unwrap_or(out.len());
            let written = out[name_start..].trim_start().to_string();
            let lead = out[name_start..].len() - written.len();
            if let Some(num) = after.strip_prefix('C').and_then(leading_number) {
                if !written.is_empty() {
                    if let Some(info) = crate::syntax::data::command_by_number(num.0) {
                        out.truncate(name_start + lead);
                        out.push_str(info.name);
                        if keep {
                            out.push_str(&format!(":C{}", num.0));
                        }
                        rest = &after[1 + num.1..];
                        table = None;
                        continue;
                    }
                }
            }
            if let Some((g, gl)) = after.strip_prefix('K').and_then(leading_number) {
                let tail = &after[1 + gl..];
                if let Some((i, il)) = tail.strip_prefix(':').and_then(leading_number) {
                    if let Some(info) = crate::syntax::data::constant_by_token(g, i) {
                        out.truncate(name_start + lead);
                        out.push_str(info.name);
                        if keep {
                            out.push_str(&format!(":K{g}:{i}"));
                        }
                        rest = &tail[1 + il..];
                        table = None;
                        continue;
                    }
                }
            }
            if let (Some(t), Some((num, nl))) = (table, leading_number(after)) {
                // `[Table:n]Field:m`: the field's name
                let fname = it
                    .db
                    .structure()
                    .and_then(|s| s.field(t, num))
                    .map(|f| f.name.clone());
                if let Some(fname) = fname {
                    out.truncate(name_start + lead);
                    out.push_str(&fname);
                    if keep {
                        out.push_str(&format!(":{num}"));
                    }
                    rest = &after[nl..];
                    table = None;
                    continue;
                }
            }
        }
        if !name_char(c) {
            table = table.filter(|_| c == ']');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn parse_formula(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let f = a.text(0, "Parse formula")?;
    let options = a.opt_num(1, "Parse formula")?.unwrap_or(0.0) as i64;
    let (result, message) = match it.formula_from_text(&f) {
        Ok(_) => (resolve_tokens(it, &f, options & 4 != 0), String::new()),
        Err(e) => (String::new(), e.message.to_string()),
    };
    if let Value::Pointer(p) = a.get(2) {
        let p = p.clone();
        it.store_ptr(&p, text(message))?;
    }
    Ok(text(result))
}
