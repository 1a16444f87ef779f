//! Text commands: String, Num, Length, Substring, Position, Uppercase, Lowercase,
//! Char, Character code, Replace string and a few siblings. Positions and lengths
//! count UTF-16 units, as 4D does (LANGUAGE.md §3.1).

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::collate;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::format;
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};

pub const COMMANDS: &[CommandDef] = &[
    cmd!("String", string),
    cmd!("Num", num),
    cmd!("Length", length),
    cmd!("Substring", substring),
    cmd!("Position", position, refs = 1 << 3),
    cmd!("Uppercase", uppercase),
    cmd!("Lowercase", lowercase),
    cmd!("Char", char_),
    cmd!("Character code", character_code),
    cmd!("Replace string", replace_string),
    cmd!("Change string", change_string),
    cmd!("Insert string", insert_string),
    cmd!("Delete string", delete_string),
    cmd!("Split string", split_string),
    cmd!("Trim", trim),
    cmd!("Trim start", trim_start),
    cmd!("Trim end", trim_end),
    cmd!("Compare strings", compare_strings),
    cmd!("Localized string", localized_string),
    cmd!("Get localized string", localized_string),
];

/// Length in UTF-16 units.
pub fn u16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// [`u16_len`] for a text value: O(1) when the text is known to be ASCII.
fn u16_len_rc(s: &std::rc::Rc<String>) -> usize {
    if crate::runtime::textinfo::is_ascii(s) {
        s.len()
    } else {
        u16_len(s)
    }
}

/// [`byte_at`] for a text value: O(1) when the text is known to be ASCII.
fn byte_at_rc(s: &std::rc::Rc<String>, i: usize) -> usize {
    if crate::runtime::textinfo::is_ascii(s) {
        return i.min(s.len());
    }
    byte_at(s, i)
}

/// The UTF-16 index of byte offset `b` of `s` (a character boundary).
fn u16_at_byte(s: &std::rc::Rc<String>, b: usize) -> usize {
    let head = &s[..b];
    if crate::runtime::textinfo::is_ascii(s) || head.is_ascii() {
        b
    } else {
        head.encode_utf16().count()
    }
}

/// The byte offset of UTF-16 unit index `i` (clamped to the end).
fn byte_at(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    let mut units = 0;
    for (b, c) in s.char_indices() {
        if units >= i {
            return b;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// Char index → UTF-16 index.
fn char_to_u16(s: &str, ci: usize) -> usize {
    s.chars().take(ci).map(char::len_utf16).sum()
}

/// UTF-16 index → char index.
fn u16_to_char(s: &str, ui: usize) -> usize {
    let mut units = 0;
    for (n, c) in s.chars().enumerate() {
        if units >= ui {
            return n;
        }
        units += c.len_utf16();
    }
    s.chars().count()
}

// docs/commands/string.md: numbers with a format pattern, `&x`/`&$`/`&xml`, or a
// base (2..36, an Integer 2nd parameter); dates/times with a format constant or a
// pattern (dates may take an added time); texts and booleans ignore the format.
fn string(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    use super::formats;
    let v = a.get(0);
    if a.len() >= 2 {
        let fmt = a.get(1);
        let out = match (v, fmt) {
            (Value::Int(_) | Value::Real(_), Value::Text(f)) => {
                let x = v.as_num().unwrap_or(0.0);
                match f.as_str() {
                    "&x" => formats::hex(x, false),
                    "&$" => formats::hex(x, true),
                    "&xml" => format::real(x),
                    _ => format_number(x, f),
                }
            }
            (Value::Int(_) | Value::Real(_), f) if f.is_number() => {
                let base = f.as_num().unwrap_or(10.0) as i64;
                if !(2..=36).contains(&base) {
                    return err(
                        codes::BAD_ARG,
                        format!("String: the base must be between 2 and 36, got {}", base),
                    );
                }
                formats::radix(v.as_num().unwrap_or(0.0), base as u32)
            }
            (Value::Date(d), f) => {
                let add = match a.get(2) {
                    Value::Undefined => None,
                    t => t.as_num().map(|n| n as i64),
                };
                match f {
                    Value::Text(p) => formats::pattern(*d, add.unwrap_or(0), p),
                    f => formats::date_const(*d, f.as_num().unwrap_or(0.0) as i32, add),
                }
            }
            (Value::Time(t), Value::Text(p)) => formats::pattern(Default::default(), *t, p),
            (Value::Time(t), f) => formats::time_const(*t, f.as_num().unwrap_or(0.0) as i32),
            (v, _) => format::try_to_text(v)?,
        };
        return Ok(text(out));
    }
    Ok(match v {
        Value::Text(t) => Value::Text(t.clone()),
        v => text(format::try_to_text(v)?),
    })
}

/// A numeric format such as `###,##0.00` (digits placeholders `#` and `0`, `,`
/// thousands separator, `.` decimal point; prefix/suffix text kept).
fn format_number(x: f64, f: &str) -> String {
    // "positive;negative;zero": a negative part drops the sign, an empty part
    // falls back to the positive one.
    let parts: Vec<&str> = f.split(';').collect();
    let mut f = parts[0];
    let mut x = x;
    if x < 0.0 && parts.len() > 1 && !parts[1].is_empty() {
        f = parts[1];
        x = -x;
    } else if x == 0.0 && parts.len() > 2 && !parts[2].is_empty() {
        f = parts[2];
    }
    let start = f.find(['#', '0']);
    let end = f.rfind(['#', '0']);
    let (Some(start), Some(end)) = (start, end) else {
        return if parts.len() > 1 {
            f.to_string()
        } else {
            format::real(x)
        };
    };
    let (prefix, pat, suffix) = (&f[..start], &f[start..=end], &f[end + 1..]);
    let (int_pat, dec_pat) = match pat.split_once('.') {
        Some((i, d)) => (i, d),
        None => (pat, ""),
    };
    let decimals = dec_pat.chars().filter(|c| *c == '#' || *c == '0').count();
    let min_int = int_pat.chars().filter(|c| *c == '0').count();
    let grouping = int_pat.contains(',');
    // 4D rounds a displayed number half away from zero (`String(2.5; "##0")` is
    // "3"), not half to even as Rust's formatting does.
    let scale = 10f64.powi(decimals as i32);
    let rounded = (x.abs() * scale).round() / scale;
    let s = format!("{:.*}", decimals, rounded);
    let (ip, dp) = match s.split_once('.') {
        Some((i, d)) => (i.to_string(), d.to_string()),
        None => (s.clone(), String::new()),
    };
    let mut ip = ip.trim_start_matches('0').to_string();
    while ip.len() < min_int {
        ip.insert(0, '0');
    }
    let literal_seps = int_pat.chars().any(|c| !matches!(c, '#' | '0' | ','));
    if literal_seps {
        // other characters between the placeholders (`# ### ##0`) are shown where
        // they stand, when digits are shown on their left
        ip = fill_positions(&ip, int_pat);
    } else if grouping {
        let digits: Vec<char> = ip.chars().collect();
        let mut g = String::new();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                g.push(',');
            }
            g.push(*c);
        }
        ip = g;
    }
    let mut out = String::new();
    if x < 0.0
        && (ip.chars().any(|c| c.is_ascii_digit() && c != '0') || dp.chars().any(|c| c != '0'))
    {
        out.push('-');
    }
    out.push_str(prefix);
    out.push_str(&ip);
    if decimals > 0 {
        out.push('.');
        out.push_str(&dp);
    }
    out.push_str(suffix);
    out
}

/// The digits `ip` written into the integer placeholders of `pat` from the right:
/// a character that is not a placeholder is kept when a digit stands on its left;
/// digits left over go in front.
fn fill_positions(ip: &str, pat: &str) -> String {
    let mut digits: Vec<char> = ip.chars().collect();
    let mut out: Vec<char> = Vec::new();
    let mut pending: Vec<char> = Vec::new();
    for c in pat.chars().rev() {
        match c {
            '#' | '0' => match digits.pop() {
                Some(d) => {
                    out.append(&mut pending);
                    out.push(d);
                }
                None => break,
            },
            c => pending.push(c),
        }
    }
    while let Some(d) = digits.pop() {
        out.push(d);
    }
    out.iter().rev().collect()
}

/// Lenient text → number: digits are kept, other characters skipped; a `-` before
/// the first digit makes it negative; one decimal separator; `e` exponent.
pub fn parse_num(s: &str, sep: char) -> f64 {
    let mut out = String::new();
    let mut neg = false;
    let mut seen_digit = false;
    let mut seen_sep = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            out.push(c);
            seen_digit = true;
        } else if c == sep && !seen_sep {
            out.push('.');
            seen_sep = true;
        } else if c == '-' && !seen_digit {
            neg = true;
        } else if (c == 'e' || c == 'E') && seen_digit {
            let mut exp = String::new();
            if let Some(&n) = chars.peek() {
                if n == '-' || n == '+' {
                    exp.push(n);
                    chars.next();
                }
            }
            while let Some(&n) = chars.peek() {
                if n.is_ascii_digit() {
                    exp.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            if exp.chars().any(|c| c.is_ascii_digit()) {
                out.push('e');
                out.push_str(&exp);
            }
            break;
        }
    }
    let v: f64 = out.parse().unwrap_or(0.0);
    if neg {
        -v
    } else {
        v
    }
}

fn num(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(match a.get(0) {
        Value::Text(t) => {
            let sep = match a.get(1) {
                Value::Text(s) => s.chars().next().unwrap_or('.'),
                _ => '.',
            };
            if let Value::Int(_) | Value::Real(_) = a.get(1) {
                let base = a.num(1, "Num")? as u32;
                return Ok(Value::Real(parse_radix(t, base)));
            }
            parse_num(t, sep)
        }
        Value::Bool(b) => *b as i32 as f64,
        Value::Int(i) => *i as f64,
        Value::Real(r) => *r,
        Value::Time(t) => *t as f64,
        Value::Undefined | Value::Null => 0.0,
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!("Num: cannot convert a {}", v.type_name()),
            )
        }
    }))
}

fn parse_radix(t: &str, base: u32) -> f64 {
    let t = t.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (base, t) = if (base == 0 || base == 16) && (t.starts_with("0x") || t.starts_with("0X")) {
        (16, &t[2..])
    } else if base == 0 {
        (10, t)
    } else {
        (base, t)
    };
    if !(2..=36).contains(&base) {
        return f64::NAN;
    }
    let mut v = 0f64;
    let mut any = false;
    for c in t.chars() {
        match c.to_digit(base) {
            Some(d) => {
                v = v * base as f64 + d as f64;
                any = true;
            }
            None => break,
        }
    }
    if !any {
        return f64::NAN;
    }
    if neg {
        -v
    } else {
        v
    }
}

fn length(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "Length")?;
    Ok(Value::Int(u16_len_rc(&t) as i32))
}

fn substring(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "Substring")?;
    let first = a.num(1, "Substring")?.trunc() as i64;
    let ascii = crate::runtime::textinfo::is_ascii(&t);
    let len = if ascii { t.len() } else { u16_len(&t) } as i64;
    let first = first.max(1);
    if first > len {
        return Ok(text(""));
    }
    let count = match a.opt_num(2, "Substring")? {
        Some(c) => (c.trunc() as i64).min(len - first + 1),
        None => len - first + 1,
    };
    if count <= 0 {
        return Ok(text(""));
    }
    let (s, e) = ((first - 1) as usize, (first - 1 + count) as usize);
    if ascii {
        return Ok(text(&t[s..e]));
    }
    let units: Vec<u16> = t.encode_utf16().collect();
    Ok(text(String::from_utf16_lossy(&units[s..e])))
}

fn position(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let find = a.text(0, "Position")?;
    let t = a.text(1, "Position")?;
    let start = a
        .opt_num(2, "Position")?
        .map(|s| (s.trunc() as i64).max(1) as usize)
        .unwrap_or(1);
    // docs/commands-legacy/position.md: `*` = character codes; a 5th parameter
    // gives the options (then `*` is ignored).
    let opts = match a.get(4) {
        Value::Undefined if a.star => collate::Opts::from_bits(1),
        Value::Undefined => collate::Opts::DEFAULT,
        v => collate::Opts::from_bits(v.as_num().unwrap_or(0.0) as i64),
    };
    let found = if find.is_empty() {
        None
    } else if opts.char_codes && !opts.whole_word {
        let b = byte_at_rc(&t, start - 1);
        t[b..].find(find.as_str()).map(|i| {
            let ui = u16_at_byte(&t, b + i);
            (ui, u16_len(&find))
        })
    } else if opts.is_default() && !opts.whole_word {
        // linear, folding as it goes (no copy of the text per call)
        let b = byte_at_rc(&t, start - 1);
        collate::find_bytes(&t, &collate::fold_str(&find), b).map(|(mb, me)| {
            let ui = u16_at_byte(&t, mb);
            (ui, u16_len(&t[mb..me]))
        })
    } else {
        let cs = u16_to_char(&t, start - 1);
        collate::find_opts(&t, &find, cs, opts).map(|(ci, cl)| {
            let ui = char_to_u16(&t, ci);
            let ul = char_to_u16(&t, ci + cl) - ui;
            (ui, ul)
        })
    };
    let (pos, len) = match found {
        Some((p, l)) => (p as i32 + 1, l as i32),
        None => (0, 0),
    };
    if let Value::Pointer(p) = a.get(3).clone() {
        it.store_ptr(&p, Value::Int(len))?;
    }
    Ok(Value::Int(pos))
}

fn change_case(t: &str, upper: bool, keep_accents: bool) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        let c = if keep_accents {
            c
        } else {
            collate::strip_accent(c).unwrap_or(c)
        };
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn uppercase(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "Uppercase")?;
    Ok(text(change_case(&t, true, a.star)))
}

fn lowercase(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "Lowercase")?;
    Ok(text(change_case(&t, false, a.star)))
}

fn char_(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.num(0, "Char")? as i64;
    if let Some(v) = u8::try_from(n)
        .ok()
        .and_then(crate::runtime::value::ascii_text)
    {
        return Ok(v);
    }
    let s = u32::try_from(n)
        .ok()
        .and_then(char::from_u32)
        .map(String::from)
        .unwrap_or_default();
    Ok(text(s))
}

fn character_code(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "Character code")?;
    Ok(Value::Int(
        t.encode_utf16().next().map(|u| u as i32).unwrap_or(0),
    ))
}

fn replace_string(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = a.text(0, "Replace string")?;
    let old = a.text(1, "Replace string")?;
    let new = a.text(2, "Replace string")?;
    let how_many = a
        .opt_num(3, "Replace string")?
        .map(|n| n.max(0.0) as usize)
        .unwrap_or(usize::MAX);
    if old.is_empty() || how_many == 0 {
        return Ok(Value::Text(src));
    }
    // the result must stay under the size limit (error 34, not an exhausted memory)
    if new.len() > old.len() {
        let n = src.matches(old.as_str()).count().min(how_many);
        let grow = (new.len() - old.len()).saturating_mul(n);
        if src.len().saturating_add(grow) > codes::MAX_SIZE {
            return err(
                codes::NO_MEMORY,
                "Replace string: not enough memory (the text would be too long)",
            );
        }
    }
    crate::runtime::memory::reserve(src.len())?;
    if a.star {
        return Ok(text(src.replacen(old.as_str(), &new, how_many)));
    }
    let f = collate::fold_str(&old);
    let mut out = String::with_capacity(src.len());
    let mut from = 0usize;
    let mut done = 0;
    while done < how_many {
        match collate::find_bytes(&src, &f, from) {
            Some((mb, me)) => {
                out.push_str(&src[from..mb]);
                if out.len() + new.len() > codes::MAX_SIZE {
                    return err(
                        codes::NO_MEMORY,
                        "Replace string: not enough memory (the text would be too long)",
                    );
                }
                out.push_str(&new);
                // an empty match (never with a non-empty folded text) still moves on
                from = if me > mb {
                    me
                } else {
                    mb + src[mb..].chars().next().map_or(1, char::len_utf8)
                };
                done += 1;
            }
            None => break,
        }
    }
    out.push_str(src.get(from..).unwrap_or(""));
    Ok(text(out))
}

fn change_string(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = a.text(0, "Change string")?;
    let new = a.text(1, "Change string")?;
    let at = a.num(2, "Change string")?.trunc() as i64;
    let mut u: Vec<u16> = src.encode_utf16().collect();
    if at < 1 || at as usize > u.len() {
        return Ok(Value::Text(src));
    }
    for (k, c) in new.encode_utf16().enumerate() {
        let i = at as usize - 1 + k;
        if i >= u.len() {
            break;
        }
        u[i] = c;
    }
    Ok(text(String::from_utf16_lossy(&u)))
}

fn insert_string(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = a.text(0, "Insert string")?;
    let what = a.text(1, "Insert string")?;
    let at = a.num(2, "Insert string")?.trunc() as i64;
    if src.len() + what.len() > codes::MAX_SIZE {
        return err(
            codes::NO_MEMORY,
            "Insert string: not enough memory (the text would be too long)",
        );
    }
    let mut u: Vec<u16> = src.encode_utf16().collect();
    let i = (at.max(1) as usize - 1).min(u.len());
    u.splice(i..i, what.encode_utf16());
    Ok(text(String::from_utf16_lossy(&u)))
}

fn delete_string(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = a.text(0, "Delete string")?;
    let at = a.num(1, "Delete string")?.trunc() as i64;
    let n = a.num(2, "Delete string")?.trunc() as i64;
    let mut u: Vec<u16> = src.encode_utf16().collect();
    if at < 1 || at as usize > u.len() || n <= 0 {
        return Ok(Value::Text(src));
    }
    let s = at as usize - 1;
    let e = (s + n as usize).min(u.len());
    u.drain(s..e);
    Ok(text(String::from_utf16_lossy(&u)))
}

fn split_string(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "Split string")?;
    let sep = a.text(1, "Split string")?;
    let opts = a.opt_num(2, "Split string")?.unwrap_or(0.0) as i64;
    let parts: Vec<String> = if sep.is_empty() {
        t.chars().map(String::from).collect()
    } else {
        t.split(sep.as_str()).map(String::from).collect()
    };
    let items = parts
        .into_iter()
        .map(|p| {
            if opts & 2 != 0 {
                p.trim().to_string()
            } else {
                p
            }
        })
        .filter(|p| opts & 1 == 0 || !p.is_empty())
        .map(text)
        .collect();
    Ok(Value::Collection(crate::runtime::value::new_collection(
        items,
    )))
}

fn trim(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(text(a.text(0, "Trim")?.trim()))
}
fn trim_start(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(text(a.text(0, "Trim start")?.trim_start()))
}
fn trim_end(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(text(a.text(0, "Trim end")?.trim_end()))
}

// docs/commands/compare-strings.md: -1, 0 or 1; default like `<` (case- and
// accent-insensitive); options as Position (`sk char codes`...).
fn compare_strings(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let x = a.text(0, "Compare strings")?;
    let y = a.text(1, "Compare strings")?;
    let opts = match a.get(2) {
        Value::Undefined => collate::Opts::DEFAULT,
        v => collate::Opts::from_bits(v.as_num().unwrap_or(0.0) as i64),
    };
    Ok(Value::Int(match collate::compare_opts(&x, &y, opts) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

// docs/commands-legacy/localized-string.md: looks `resName` up in the project's
// XLIFF files (`Resources/*.xlf`, `Resources/*.lproj/*.xlf`): the <target> (or
// <source>) of the trans-unit whose resname (or id) matches. Not found: "" and
// OK = 0.
fn localized_string(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "Localized string")?;
    let res = super::system::database_folder(it).join("Resources");
    let mut files = Vec::new();
    let mut dirs = vec![res];
    while let Some(d) = dirs.pop() {
        if let Ok(rd) = std::fs::read_dir(&d) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().map(|x| x == "xlf").unwrap_or(false) {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    for f in files {
        let Ok(xml) = std::fs::read_to_string(&f) else {
            continue;
        };
        if let Some(t) = xliff_lookup(&xml, &name) {
            super::set_ok(it, 1);
            return Ok(text(t));
        }
    }
    super::set_ok(it, 0);
    Ok(text(""))
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn xliff_lookup(xml: &str, name: &str) -> Option<String> {
    let mut rest = xml;
    while let Some(i) = rest.find("<trans-unit") {
        rest = &rest[i..];
        let head_end = rest.find('>')?;
        let head = &rest[..head_end];
        let end = rest.find("</trans-unit>").unwrap_or(rest.len());
        let body = &rest[head_end..end];
        let attr = |k: &str| -> Option<&str> {
            let pat = format!("{}=\"", k);
            let s = head.find(&pat)? + pat.len();
            let e = head[s..].find('"')?;
            Some(&head[s..s + e])
        };
        if attr("resname") == Some(name) || (attr("resname").is_none() && attr("id") == Some(name))
        {
            let get = |tag: &str| -> Option<String> {
                let s = body.find(&format!("<{}", tag))?;
                let s = s + body[s..].find('>')? + 1;
                let e = s + body[s..].find(&format!("</{}>", tag))?;
                Some(xml_unescape(&body[s..e]))
            };
            return get("target").or_else(|| get("source"));
        }
        rest = &rest[end.min(rest.len())..];
        if end == rest.len() && rest.is_empty() {
            break;
        }
        if !rest.starts_with("</trans-unit>") {
            break;
        }
        rest = &rest["</trans-unit>".len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_num() {
        assert_eq!(parse_num("a1b2c3", '.'), 123.0);
        assert_eq!(parse_num("-12.5abc", '.'), -12.5);
        assert_eq!(parse_num("1e3", '.'), 1000.0);
        assert_eq!(parse_num("", '.'), 0.0);
        assert_eq!(parse_num("12,5", ','), 12.5);
        assert_eq!(parse_radix("ff", 16), 255.0);
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(1234.5, "###,##0.00"), "1,234.50");
        assert_eq!(format_number(-1.236, "0.00"), "-1.24");
        assert_eq!(format_number(5.0, "$###0"), "$5");
        assert_eq!(format_number(2.5, "##0"), "3");
        assert_eq!(format_number(-2.5, "##0"), "-3");
        assert_eq!(format_number(1234567.0, "# ### ##0"), "1 234 567");
        assert_eq!(format_number(4567.0, "# ### ##0"), "4 567");
        assert_eq!(format_number(7.0, "# ### ##0"), "7");
    }

    #[test]
    fn case_changes() {
        assert_eq!(change_case("hélène", true, false), "HELENE");
        assert_eq!(change_case("hélène", true, true), "HÉLÈNE");
        assert_eq!(change_case("ÉCOLE", false, false), "ecole");
    }
}
