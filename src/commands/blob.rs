//! Blobs and encodings: `BLOB size`, `SET BLOB SIZE`, `TEXT TO BLOB`,
//! `BLOB to text`, `VARIABLE TO BLOB` / `BLOB TO VARIABLE`, `BASE64 ENCODE` /
//! `BASE64 DECODE`, `Generate digest`, `Convert to text` / `CONVERT FROM TEXT`.
//! Blob parameters that the command writes are received as pointers.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Ptr, Value};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("BLOB size", blob_size),
    cmd!("SET BLOB SIZE", set_blob_size, refs = 1),
    cmd!("TEXT TO BLOB", text_to_blob, refs = 1 << 1 | 1 << 3),
    cmd!("BLOB to text", blob_to_text, refs = 1 << 2),
    cmd!("VARIABLE TO BLOB", variable_to_blob, refs = 0b111),
    cmd!("BLOB TO VARIABLE", blob_to_variable, refs = 0b111),
    cmd!("BASE64 ENCODE", base64_encode, refs = 0b11),
    cmd!("BASE64 DECODE", base64_decode, refs = 0b11),
    cmd!("Generate digest", generate_digest),
    cmd!("Convert to text", convert_to_text),
    cmd!("CONVERT FROM TEXT", convert_from_text, refs = 1 << 2),
];

fn bytes_of(v: &Value) -> Vec<u8> {
    match v {
        Value::Blob(b) | Value::Picture(b) => b.to_vec(),
        Value::Text(t) => t.as_bytes().to_vec(),
        _ => Vec::new(),
    }
}

fn ptr_of(a: &Args, i: usize) -> Option<Rc<Ptr>> {
    match a.get(i) {
        Value::Pointer(p) => Some(p.clone()),
        _ => None,
    }
}

/// The blob a by-reference parameter designates.
fn read_blob(it: &Interp, a: &Args, i: usize) -> RtResult<Vec<u8>> {
    match ptr_of(a, i) {
        Some(p) => Ok(bytes_of(&it.deref_raw(&p)?)),
        None => Ok(bytes_of(a.get(i))),
    }
}

fn write_blob(it: &mut Interp, a: &Args, i: usize, b: Vec<u8>, cmd: &str) -> RtResult<()> {
    match ptr_of(a, i) {
        Some(p) => it.store_ptr(&p, Value::Blob(Rc::new(b))),
        None => err(
            codes::BAD_ARG,
            format!("{}: parameter {} must be a variable", cmd, i + 1),
        ),
    }
}

fn blob_size(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(bytes_of(a.get(0)).len() as i32))
}

// docs/commands-legacy/set-blob-size.md: new bytes are 0 unless a filler is given.
fn set_blob_size(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut b = read_blob(it, a, 0)?;
    let n = a.num(1, "SET BLOB SIZE")?.max(0.0) as usize;
    if n >= codes::MAX_SIZE {
        return err(codes::NO_MEMORY, "SET BLOB SIZE: not enough memory");
    }
    crate::runtime::memory::reserve(n.saturating_sub(b.len()))?;
    let fill = a.opt_num(2, "SET BLOB SIZE")?.unwrap_or(0.0) as u8;
    b.resize(n, fill);
    write_blob(it, a, 0, b, "SET BLOB SIZE")?;
    Ok(Value::Undefined)
}

/// Encodes a text in one of the `TEXT TO BLOB` formats (Mac formats are 8-bit:
/// characters above U+00FF become `?`).
fn encode_text(t: &str, format: i64) -> Vec<u8> {
    let eight = |t: &str| -> Vec<u8> {
        t.chars()
            .map(|c| {
                if (c as u32) < 256 {
                    c as u32 as u8
                } else {
                    b'?'
                }
            })
            .collect()
    };
    match format {
        0 => {
            let mut v = eight(t);
            v.push(0);
            v
        }
        1 => {
            let mut v = eight(t);
            v.truncate(255);
            v.insert(0, v.len() as u8);
            v
        }
        2 => {
            let v = eight(t);
            let mut out = (v.len() as u16).to_le_bytes().to_vec();
            out.extend(v);
            out
        }
        3 => eight(t),
        4 => {
            let mut v = t.as_bytes().to_vec();
            v.push(0);
            v
        }
        5 => {
            let mut out = (t.len() as u32).to_le_bytes().to_vec();
            out.extend(t.as_bytes());
            out
        }
        _ => t.as_bytes().to_vec(),
    }
}

// docs/commands-legacy/text-to-blob.md: default format Mac C string; with an
// offset variable the text is written there and the variable advanced; with `*`
// it is appended; otherwise the blob is replaced.
fn text_to_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "TEXT TO BLOB")?;
    let format = a.opt_num(2, "TEXT TO BLOB")?.unwrap_or(0.0) as i64;
    let data = encode_text(&t, format);
    put_in_blob(it, a, 3, data, "TEXT TO BLOB")?;
    Ok(Value::Undefined)
}

/// Writes `data` into the blob given as argument 1 (TEXT TO BLOB, VARIABLE TO
/// BLOB): appended with `*`; at the offset held by the variable of argument
/// `offset_arg` (then advanced past the data); otherwise the blob is replaced.
pub(super) fn put_in_blob(
    it: &mut Interp,
    a: &mut Args,
    offset_arg: usize,
    data: Vec<u8>,
    command: &str,
) -> RtResult<()> {
    let mut b = read_blob(it, a, 1)?;
    if a.star {
        b.extend(data);
    } else if let Some(p) = ptr_of(a, offset_arg) {
        let off = it.deref_raw(&p)?.as_num().unwrap_or(0.0).max(0.0) as usize;
        if b.len() < off + data.len() {
            b.resize(off + data.len(), 0);
        }
        b[off..off + data.len()].copy_from_slice(&data);
        it.store_ptr(&p, Value::Int((off + data.len()) as i32))?;
    } else {
        b = data;
    }
    write_blob(it, a, 1, b, command)
}

// docs/commands-legacy/blob-to-text.md
fn blob_to_text(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let b = bytes_of(a.get(0));
    let format = a.num(1, "BLOB to text")? as i64;
    let off_ptr = ptr_of(a, 2);
    let mut off = match &off_ptr {
        Some(p) => it.deref_raw(p)?.as_num().unwrap_or(0.0).max(0.0) as usize,
        None => 0,
    };
    off = off.min(b.len());
    let rest = &b[off..];
    let latin = |s: &[u8]| -> String { s.iter().map(|&c| c as char).collect() };
    let (t, used) = match format {
        0 | 4 => {
            let end = rest.iter().position(|&c| c == 0).unwrap_or(rest.len());
            let s = if format == 0 {
                latin(&rest[..end])
            } else {
                String::from_utf8_lossy(&rest[..end]).into_owned()
            };
            (s, (end + 1).min(rest.len()))
        }
        // a length prefix the blob is too short to hold: no text
        1 | 2 | 5 if rest.len() < [0, 1, 2, 0, 0, 4][format as usize] => {
            (String::new(), rest.len())
        }
        1 => {
            let n = (*rest.first().unwrap_or(&0) as usize).min(rest.len().saturating_sub(1));
            (latin(&rest[1..1 + n]), 1 + n)
        }
        2 if rest.len() >= 2 => {
            let n = (u16::from_le_bytes([rest[0], rest[1]]) as usize).min(rest.len() - 2);
            (latin(&rest[2..2 + n]), 2 + n)
        }
        5 if rest.len() >= 4 => {
            let n = (u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize)
                .min(rest.len() - 4);
            (String::from_utf8_lossy(&rest[4..4 + n]).into_owned(), 4 + n)
        }
        3 => {
            let n = a
                .opt_num(3, "BLOB to text")?
                .map(|n| n as usize)
                .unwrap_or(rest.len());
            let n = n.min(rest.len());
            (latin(&rest[..n]), n)
        }
        _ => {
            let n = a
                .opt_num(3, "BLOB to text")?
                .map(|n| n as usize)
                .unwrap_or(rest.len());
            let n = n.min(rest.len());
            (String::from_utf8_lossy(&rest[..n]).into_owned(), n)
        }
    };
    if let Some(p) = off_ptr {
        it.store_ptr(&p, Value::Int((off + used) as i32))?;
    }
    Ok(text(t))
}

// docs/commands-legacy/base64-encode.md: a text is encoded as UTF-8; without a
// second parameter the first one is replaced; `*` = base64url.
fn base64_encode(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = read_blob(it, a, 0)?;
    let out = crate::runtime::base64::encode(&src, a.star);
    let target = if a.len() > 1 { 1 } else { 0 };
    store_text_or_blob(it, a, target, out.into_bytes(), true, "BASE64 ENCODE")
}

/// Stores bytes in a Text variable (as UTF-8) or a Blob variable; an undefined
/// variable becomes a Text when `default_text`.
fn store_text_or_blob(
    it: &mut Interp,
    a: &Args,
    i: usize,
    bytes: Vec<u8>,
    default_text: bool,
    cmd: &str,
) -> RtResult<Value> {
    let Some(p) = ptr_of(a, i) else {
        return err(
            codes::BAD_ARG,
            format!("{}: parameter {} must be a variable", cmd, i + 1),
        );
    };
    let cur = it.deref_raw(&p)?;
    let is_text = matches!(cur, Value::Text(_))
        || it.ptr_type(&p) == crate::runtime::value::VarType::Text
        || (default_text && matches!(cur, Value::Undefined));
    if is_text {
        it.store_ptr(&p, text(String::from_utf8_lossy(&bytes).into_owned()))?;
    } else {
        it.store_ptr(&p, Value::Blob(Rc::new(bytes)))?;
    }
    Ok(Value::Undefined)
}

// docs/commands-legacy/base64-decode.md: a Text target receives the decoded
// bytes as UTF-8; `*` = base64url.
fn base64_decode(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = read_blob(it, a, 0)?;
    let out = crate::runtime::base64::decode(&src);
    let target = if a.len() > 1 { 1 } else { 0 };
    store_text_or_blob(it, a, target, out, false, "BASE64 DECODE")
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{:02x}", x)).collect()
}

// docs/commands-legacy/generate-digest.md: MD5 digest 0, SHA1 digest 1,
// 4D digest 2 (fourd: SHA1), SHA256 digest 3, SHA512 digest 4; a text is hashed
// as UTF-8; lowercase hex, or base64url with `*`.
fn generate_digest(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    use sha2::Digest;
    let data = bytes_of(a.get(0));
    let algo = a.num(1, "Generate digest")? as i64;
    let d: Vec<u8> = match algo {
        0 => md5::Md5::digest(&data).to_vec(),
        1 | 2 => sha1::Sha1::digest(&data).to_vec(),
        3 => sha2::Sha256::digest(&data).to_vec(),
        4 => sha2::Sha512::digest(&data).to_vec(),
        n => {
            return err(
                codes::BAD_ARG,
                format!("Generate digest: unknown algorithm {}", n),
            )
        }
    };
    Ok(text(if a.star {
        crate::runtime::base64::encode(&d, true)
    } else {
        hex(&d)
    }))
}

fn charset_decode(b: &[u8], cs: &str) -> RtResult<String> {
    Ok(match cs.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => String::from_utf8_lossy(b).into_owned(),
        "iso-8859-1" | "latin1" | "windows-1252" | "us-ascii" | "ascii" => {
            b.iter().map(|&c| c as char).collect()
        }
        "utf-16" | "utf-16le" => {
            let u: Vec<u16> = b
                .chunks(2)
                .map(|c| u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&u)
        }
        "utf-16be" => {
            let u: Vec<u16> = b
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&u)
        }
        _ => return err(codes::BAD_ARG, format!("Unsupported character set: {}", cs)),
    })
}

fn charset_encode(t: &str, cs: &str) -> RtResult<Vec<u8>> {
    Ok(match cs.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => t.as_bytes().to_vec(),
        "iso-8859-1" | "latin1" | "windows-1252" => t
            .chars()
            .map(|c| {
                if (c as u32) < 256 {
                    c as u32 as u8
                } else {
                    b'?'
                }
            })
            .collect(),
        "us-ascii" | "ascii" => t
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
            .collect(),
        "utf-16" | "utf-16le" => t.encode_utf16().flat_map(|u| u.to_le_bytes()).collect(),
        "utf-16be" => t.encode_utf16().flat_map(|u| u.to_be_bytes()).collect(),
        _ => return err(codes::BAD_ARG, format!("Unsupported character set: {}", cs)),
    })
}

// docs/commands-legacy/convert-to-text.md
fn convert_to_text(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let b = bytes_of(a.get(0));
    let cs = a.text(1, "Convert to text")?;
    Ok(text(charset_decode(&b, &cs)?))
}

// docs/commands-legacy/convert-from-text.md
fn convert_from_text(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "CONVERT FROM TEXT")?;
    let cs = a.text(1, "CONVERT FROM TEXT")?;
    let b = charset_encode(&t, &cs)?;
    write_blob(it, a, 2, b, "CONVERT FROM TEXT")?;
    Ok(Value::Undefined)
}

// ---------------------------------------------------------------- VARIABLE TO BLOB

/// fourd's own serialization (4D's format is not documented): a tag byte then
/// the value; objects and collections as JSON text. Only round trips through
/// `BLOB TO VARIABLE` are meaningful.
fn ser(v: &Value, out: &mut Vec<u8>) -> RtResult<()> {
    let put_str = |out: &mut Vec<u8>, s: &str| {
        out.extend((s.len() as u32).to_le_bytes());
        out.extend(s.as_bytes());
    };
    match v {
        Value::Undefined | Value::Null => out.push(0),
        Value::Bool(b) => {
            out.push(1);
            out.push(*b as u8);
        }
        Value::Int(i) => {
            out.push(2);
            out.extend(i.to_le_bytes());
        }
        Value::Real(r) => {
            out.push(3);
            out.extend(r.to_le_bytes());
        }
        Value::Text(t) => {
            out.push(4);
            put_str(out, t);
        }
        Value::Date(d) => {
            out.push(5);
            out.extend(d.year.to_le_bytes());
            out.push(d.month);
            out.push(d.day);
        }
        Value::Time(t) => {
            out.push(6);
            out.extend(t.to_le_bytes());
        }
        Value::Object(_) | Value::Collection(_) => {
            out.push(if matches!(v, Value::Object(_)) { 7 } else { 8 });
            put_str(out, &super::json::stringify(v, false)?);
        }
        Value::Blob(b) | Value::Picture(b) => {
            out.push(if matches!(v, Value::Blob(_)) { 9 } else { 10 });
            out.extend((b.len() as u32).to_le_bytes());
            out.extend(b.iter());
        }
        Value::Pointer(_) => out.push(0),
        Value::Array(arr) => {
            let a = arr.borrow();
            out.push(11);
            out.push(a.elem.type_code() as u8);
            out.push(a.int16 as u8);
            out.extend((a.elems.len() as u32).to_le_bytes());
            for e in &a.elems {
                ser(e, out)?;
            }
        }
    }
    Ok(())
}

fn de(b: &[u8], pos: &mut usize) -> Option<Value> {
    use crate::runtime::value::{Array, Date, VarType};
    let take = |pos: &mut usize, n: usize| -> Option<&[u8]> {
        let s = b.get(*pos..*pos + n)?;
        *pos += n;
        Some(s)
    };
    let tag = *take(pos, 1)?.first()?;
    let u32_at = |pos: &mut usize| -> Option<usize> {
        let s = take(pos, 4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
    };
    Some(match tag {
        0 => Value::Undefined,
        1 => Value::Bool(take(pos, 1)?[0] != 0),
        2 => Value::Int(i32::from_le_bytes(take(pos, 4)?.try_into().ok()?)),
        3 => Value::Real(f64::from_le_bytes(take(pos, 8)?.try_into().ok()?)),
        4 | 7 | 8 => {
            let n = u32_at(pos)?;
            let s = String::from_utf8_lossy(take(pos, n)?).into_owned();
            if tag == 4 {
                text(s)
            } else {
                super::json::from_json(serde_json::from_str(&s).ok()?)
            }
        }
        5 => {
            let s = take(pos, 4)?;
            Value::Date(Date {
                year: u16::from_le_bytes([s[0], s[1]]),
                month: s[2],
                day: s[3],
            })
        }
        6 => Value::Time(i64::from_le_bytes(take(pos, 8)?.try_into().ok()?)),
        9 | 10 => {
            let n = u32_at(pos)?;
            let d = Rc::new(take(pos, n)?.to_vec());
            if tag == 9 {
                Value::Blob(d)
            } else {
                Value::Picture(d)
            }
        }
        11 => {
            let code = take(pos, 1)?[0] as i32;
            let int16 = take(pos, 1)?[0] != 0;
            let n = u32_at(pos)?;
            let elem = [
                VarType::Text,
                VarType::Integer,
                VarType::Real,
                VarType::Boolean,
                VarType::Date,
                VarType::Time,
                VarType::Object,
                VarType::Collection,
                VarType::Pointer,
                VarType::Picture,
                VarType::Blob,
            ]
            .into_iter()
            .find(|t| t.type_code() == code)
            .unwrap_or(VarType::Text);
            let mut arr = Array::new(elem, 0);
            arr.int16 = int16;
            arr.elems.clear();
            for _ in 0..n {
                arr.elems.push(de(b, pos)?);
            }
            if arr.elems.is_empty() {
                arr.elems.push(elem.default_value());
            }
            Value::Array(Rc::new(std::cell::RefCell::new(arr)))
        }
        _ => return None,
    })
}

// docs/commands-legacy/variable-to-blob.md: with an offset variable the data is
// written there (the variable advanced); with `*` appended; otherwise the blob
// is replaced.
fn variable_to_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let v = match ptr_of(a, 0) {
        Some(p) => it.deref_raw(&p)?,
        None => a.get(0).clone(),
    };
    let mut data = Vec::new();
    ser(&v, &mut data)?;
    put_in_blob(it, a, 2, data, "VARIABLE TO BLOB")?;
    Ok(Value::Undefined)
}

// docs/commands-legacy/blob-to-variable.md: sets OK to 1 on success, 0 otherwise.
fn blob_to_variable(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let b = read_blob(it, a, 0)?;
    let off_ptr = ptr_of(a, 2);
    let mut pos = match &off_ptr {
        Some(p) => it.deref_raw(p)?.as_num().unwrap_or(0.0).max(0.0) as usize,
        None => 0,
    };
    let ok = match de(&b, &mut pos) {
        Some(v) => {
            let Some(target) = ptr_of(a, 1) else {
                return err(
                    codes::BAD_ARG,
                    "BLOB TO VARIABLE: parameter 2 must be a variable",
                );
            };
            if let Value::Array(_) = v {
                it.set_raw(&target, v)?;
            } else {
                it.store_ptr(&target, v)?;
            }
            if let Some(p) = off_ptr {
                it.store_ptr(&p, Value::Int(pos as i32))?;
            }
            1
        }
        None => 0,
    };
    super::set_ok(it, ok);
    Ok(Value::Undefined)
}
