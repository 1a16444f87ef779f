//! Documents in and out: `DOM Parse XML source` / `variable`, `DOM EXPORT TO
//! VAR` / `FILE`, `DOM CLOSE XML`, and the XML theme's `XML SET OPTIONS`, `XML
//! GET OPTIONS`, `XML DECODE` and `XML GET ERROR`.
//!
//! Headless choices: an empty path (4D's file dialog) sets OK to 0 without an
//! error, as a cancelled dialog; a URL (`http://...`) is not fetched (error 64).

use super::export::{to_text, Style};
use super::parse::{decode_bytes, parse, ParseError};
use super::tree::{Kind, DOC};
use super::{add_doc, finish, make_ref, on_node, put, ref_arg, text_value, xerr, Doc, X};
use super::{ERR_FILE, ERR_INVALID, ERR_PARSE};
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::registry::{set_ok, Args};
use crate::runtime::value::{text, Value, VarType};
use std::rc::Rc;

/// Parses text into a new document; returns its root element's reference.
fn open(text: &str, uri: String) -> X<String> {
    match parse(text) {
        Ok(tree) => {
            super::set_last_error(None);
            let root = tree.root().unwrap_or(DOC);
            let d = add_doc(Doc {
                tree,
                opts: Default::default(),
                uri,
            });
            Ok(make_ref(d, root))
        }
        Err(e) => {
            let msg = format!("{} (line {}, column {})", e.message, e.line, e.column);
            super::set_last_error(Some(e));
            xerr(ERR_PARSE, format!("malformed XML: {}", msg))
        }
    }
}

fn file_error(msg: String) -> ParseError {
    ParseError {
        message: msg,
        line: 0,
        column: 0,
    }
}

// docs/commands-legacy/dom-parse-xml-source.md: a file (relative paths from the
// structure folder); validation is not done.
pub fn parse_source(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Parse XML source";
    a.require(1, C)?;
    let path = a.text(0, C)?.to_string();
    if path.is_empty() {
        set_ok(it, 0);
        return Ok(text(""));
    }
    let res = if path.contains("://") {
        let m = format!("cannot read \"{}\": URLs are not fetched", path);
        super::set_last_error(Some(file_error(m.clone())));
        xerr(ERR_FILE, m)
    } else {
        let p = crate::commands::files::resolve(it, &path);
        match std::fs::read(&p) {
            Ok(bytes) => open(&decode_bytes(&bytes), p.to_string_lossy().into_owned()),
            Err(e) => {
                let m = format!("cannot read \"{}\": {}", path, e);
                super::set_last_error(Some(file_error(m.clone())));
                xerr(ERR_FILE, m)
            }
        }
    };
    finish(it, C, res.map(text_value))
}

// docs/commands-legacy/dom-parse-xml-variable.md: a Text or a BLOB (UTF-8,
// UTF-16 with a byte order mark, or ISO-8859-1).
pub fn parse_variable(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Parse XML variable";
    a.require(1, C)?;
    let src = match a.get(0) {
        Value::Blob(b) => decode_bytes(b),
        Value::Text(t) => t.to_string(),
        Value::Undefined => String::new(),
        v => crate::runtime::format::to_text(v),
    };
    let res = open(&src, String::new());
    finish(it, C, res.map(text_value))
}

// docs/commands-legacy/dom-close-xml.md: only a root element (or the document
// node) closes its document.
pub fn close(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM CLOSE XML";
    let r = ref_arg(a, 0, C)?;
    let res = on_node(&r, |doc, d, n| {
        if n == DOC || Some(n) == doc.tree.root() {
            Ok(d)
        } else {
            xerr(ERR_INVALID, "the reference is not a root element")
        }
    });
    let res = res.map(|d| {
        super::remove_doc(d);
        Value::Undefined
    });
    finish(it, C, res)
}

/// The exported text of the tree a reference designates (its document when it
/// is the root element or the document node, else that element), and whether
/// to write a byte order mark.
fn exported(r: &str) -> X<(String, bool, String)> {
    on_node(r, |doc, _, n| {
        let kind = doc.tree.node(n).kind;
        if kind != Kind::Element && kind != Kind::Document {
            return xerr(ERR_INVALID, "the reference is not an element");
        }
        let id = if Some(n) == doc.tree.root() { DOC } else { n };
        let style = Style {
            indent: doc.opts.indent,
            eol: match doc.opts.eol {
                2 => "\r",
                3 => "\r\n",
                _ => "\n",
            },
        };
        Ok((
            to_text(&doc.tree, id, &style),
            doc.opts.bom == 1,
            doc.tree.encoding.clone(),
        ))
    })
}

/// The bytes of exported text in the declared encoding: UTF-8 (default),
/// UTF-16 (big-endian, always with its byte order mark), or a single-byte
/// ISO-8859-1 / Windows-1252 / US-ASCII, where a character outside it is written
/// as a character reference (`&#8364;`); with a UTF-8 byte order mark when asked.
fn bytes_of(s: String, bom: bool, encoding: &str) -> Vec<u8> {
    let enc = encoding.to_ascii_uppercase();
    let mut b = Vec::with_capacity(s.len() + 3);
    match enc.as_str() {
        "UTF-16" | "UTF-16BE" => {
            b.extend_from_slice(&[0xFE, 0xFF]);
            for u in s.encode_utf16() {
                b.extend_from_slice(&u.to_be_bytes());
            }
        }
        "ISO-8859-1" | "LATIN1" | "WINDOWS-1252" | "US-ASCII" | "ASCII" => {
            let max = if enc.contains("ASCII") { 0x7F } else { 0xFF };
            for c in s.chars() {
                if (c as u32) <= max {
                    b.push(c as u8);
                } else {
                    b.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        _ => {
            if bom {
                b.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            b.extend_from_slice(s.as_bytes());
        }
    }
    b
}

// docs/commands-legacy/dom-export-to-var.md: into a Text or a BLOB variable
// (UTF-8; an untyped variable becomes a Text).
pub fn export_to_var(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM EXPORT TO VAR";
    let r = ref_arg(a, 0, C)?;
    a.require(2, C)?;
    let p = a.ptr(1, C)?;
    match exported(&r) {
        Ok((s, bom, enc)) => {
            let cur = it.deref_raw(&p)?;
            let is_blob = matches!(cur, Value::Blob(_)) || it.ptr_type(&p) == VarType::Blob;
            let v = if is_blob {
                Value::Blob(Rc::new(bytes_of(s, bom, &enc)))
            } else {
                text(s)
            };
            it.store_ptr(&p, v)?;
            finish(it, C, Ok(Value::Undefined))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/dom-export-to-file.md: created or replaced; a bare name
// is next to the structure file.
pub fn export_to_file(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM EXPORT TO FILE";
    let r = ref_arg(a, 0, C)?;
    let path = a.text(1, C)?.to_string();
    let res = exported(&r).and_then(|(s, bom, enc)| {
        if path.is_empty() {
            return Ok(false);
        }
        let p = crate::commands::files::resolve(it, &path);
        std::fs::write(&p, bytes_of(s, bom, &enc))
            .map(|_| true)
            .map_err(|e| (ERR_FILE, format!("cannot write \"{}\": {}", path, e)))
    });
    match res {
        Ok(false) => {
            set_ok(it, 0);
            Ok(Value::Undefined)
        }
        r => finish(it, C, r.map(|_| Value::Undefined)),
    }
}

/// Applies one `XML SET OPTIONS` selector.
fn set_option(o: &mut super::Options, sel: i64, v: i32) -> X<()> {
    match sel {
        1 => o.raw = v == 2,
        2 => o.date = Some(v),
        3 => o.time = Some(v),
        4 => o.indent = v != 2,
        5 => o.binary = v,
        6 => o.picture = v,
        8 => o.case_insensitive = v == 2,
        9 => o.bom = v,
        10 => o.eol = v,
        s => return xerr(ERR_INVALID, format!("unknown XML option {}", s)),
    }
    Ok(())
}

fn get_option(o: &super::Options, sel: i64, ext: i32) -> X<i32> {
    Ok(match sel {
        1 => 1 + o.raw as i32,
        2 => o.date.unwrap_or(super::values::DATE_ISO),
        3 => o.time.unwrap_or(super::values::TIME_LOCAL_ABSOLUTE),
        4 => 1 + !o.indent as i32,
        5 => o.binary,
        6 => o.picture,
        7 => ext,
        8 => 1 + o.case_insensitive as i32,
        9 => o.bom,
        10 => o.eol,
        s => return xerr(ERR_INVALID, format!("unknown XML option {}", s)),
    })
}

fn external_entities() -> i32 {
    super::DOCS.with(|s| match s.borrow().external_entities {
        0 => 2,
        v => v,
    })
}

// docs/commands-legacy/xml-set-options.md: selector/value pairs for one tree;
// `XML external entity resolution` (7) is global (fourd never resolves external
// entities: the setting is only remembered).
pub fn set_options(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "XML SET OPTIONS";
    let r = ref_arg(a, 0, C)?;
    let mut pairs = Vec::new();
    let mut i = 1;
    while i + 1 < a.len() {
        pairs.push((a.int(i, C)?, a.int(i + 1, C)? as i32));
        i += 2;
    }
    let (global, local): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(s, _)| *s == 7);
    for (_, v) in &global {
        super::DOCS.with(|s| s.borrow_mut().external_entities = *v);
    }
    let res = if local.is_empty() {
        Ok(Value::Undefined)
    } else {
        on_node(&r, |doc, _, _| {
            for (s, v) in &local {
                set_option(&mut doc.opts, *s, *v)?;
            }
            Ok(Value::Undefined)
        })
    };
    finish(it, C, res)
}

// docs/commands-legacy/xml-get-options.md
pub fn get_options(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "XML GET OPTIONS";
    let r = ref_arg(a, 0, C)?;
    let ext = external_entities();
    let mut sels = Vec::new();
    let mut i = 1;
    while i + 1 < a.len() {
        sels.push((i + 1, a.int(i, C)?));
        i += 2;
    }
    let res = if sels.iter().all(|(_, s)| *s == 7) {
        Ok(sels.iter().map(|&(at, _)| (at, ext)).collect::<Vec<_>>())
    } else {
        on_node(&r, |doc, _, _| {
            sels.iter()
                .map(|&(at, s)| get_option(&doc.opts, s, ext).map(|v| (at, v)))
                .collect::<X<Vec<_>>>()
        })
    };
    match res {
        Ok(vals) => {
            for (at, v) in vals {
                let p = a.ptr(at, C)?;
                it.store_ptr(&p, Value::Int(v))?;
            }
            finish(it, C, Ok(Value::Undefined))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/xml-decode.md: the XML text converted to the type of
// the variable (text when untyped).
pub fn decode(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "XML DECODE";
    a.require(2, C)?;
    let s = a.text(0, C)?.to_string();
    put(it, a, 1, C, &s)?;
    Ok(Value::Undefined)
}

// docs/commands-legacy/xml-get-error.md: the last parse error (message, line,
// column); none: "" and 0.
pub fn get_error(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "XML GET ERROR";
    a.require(2, C)?;
    let e = super::last_error();
    let (msg, line, col) = match e {
        Some(e) => (e.message, e.line as i32, e.column as i32),
        None => (String::new(), 0, 0),
    };
    it.store_ptr(&*a.ptr(1, C)?, text(msg))?;
    if a.len() > 2 {
        it.store_ptr(&*a.ptr(2, C)?, Value::Int(line))?;
    }
    if a.len() > 3 {
        it.store_ptr(&*a.ptr(3, C)?, Value::Int(col))?;
    }
    set_ok(it, 1);
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    #[test]
    fn exported_bytes_follow_the_declared_encoding() {
        assert_eq!(
            super::bytes_of("é€".into(), false, "ISO-8859-1"),
            b"\xE9&#8364;".to_vec()
        );
        assert_eq!(
            super::bytes_of("a".into(), true, "UTF-8"),
            b"\xEF\xBB\xBFa".to_vec()
        );
        assert_eq!(
            super::bytes_of("a".into(), false, "utf-16"),
            vec![0xFE, 0xFF, 0, b'a']
        );
    }
}
