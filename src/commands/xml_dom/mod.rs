//! The XML DOM commands (`DOM Parse XML source`, `DOM Find XML element`, `DOM
//! Create XML element`, `DOM EXPORT TO VAR`...) and the XML theme's `XML SET
//! OPTIONS`, `XML GET OPTIONS`, `XML DECODE`, `XML GET ERROR`
//! (docs/commands/theme/XML_DOM.md, XML.md).
//!
//! Documents are parsed with quick-xml ([`parse`]) into a mutable arena tree
//! ([`tree`]), searched with an XPath subset ([`path`]) and written back by
//! [`export`]. This module owns the table of open documents: like 4D, a
//! reference is valid in every process of the application until `DOM CLOSE
//! XML` frees its document (the interpreter runs every process on one thread, so
//! the table is thread-local, as the table of open documents of `files.rs`).
//!
//! A reference is 16 hexadecimal digits (`DOM Get XML element`: "XML reference
//! (16 characters)"): the document number then the node number, so a reference
//! to a closed document or a removed element is recognised as invalid; the null
//! reference is `"0000000000000000"` (docs of `DOM Get parent XML element`).
//!
//! Errors (fourd's numbers, as the rest of fourd's table in runtime/error.rs):
//! 60 invalid XML reference; 61 malformed XML (the parser's message, also given
//! by `XML GET ERROR` with its line and column); 62 element or attribute not
//! found where the docs say it is an error; 63 invalid name, XPath or argument;
//! 64 file cannot be read or written. Each sets OK to 0. Walking past the last
//! sibling or child (`While(OK=1)` loops) and a search that finds nothing set OK
//! to 0 and return the null reference without an error.

mod edit;
pub mod export;
mod io;
mod nav;
pub mod parse;
pub mod path;
mod path_lex;
pub mod tree;
pub mod values;

use crate::cmd;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::registry::{set_ok, Args, CommandDef};
use crate::runtime::value::{text, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use tree::Tree;

pub const ERR_REF: i32 = 60;
pub const ERR_PARSE: i32 = 61;
pub const ERR_NOT_FOUND: i32 = 62;
pub const ERR_INVALID: i32 = 63;
pub const ERR_FILE: i32 = 64;

/// The null reference.
pub const NULL_REF: &str = "0000000000000000";

pub const COMMANDS: &[CommandDef] = &[
    cmd!("DOM Parse XML source", io::parse_source),
    cmd!("DOM Parse XML variable", io::parse_variable),
    cmd!("DOM CLOSE XML", io::close),
    cmd!("DOM EXPORT TO VAR", io::export_to_var, refs = 1 << 1),
    cmd!("DOM EXPORT TO FILE", io::export_to_file),
    cmd!("XML SET OPTIONS", io::set_options),
    cmd!("XML GET OPTIONS", io::get_options, refs = 0x5555_5554),
    cmd!("XML DECODE", io::decode, refs = 1 << 1),
    cmd!("XML GET ERROR", io::get_error, refs = 0b1110),
    cmd!("DOM Get root XML element", nav::root),
    cmd!("DOM Get XML document ref", nav::document_ref),
    cmd!("DOM Get parent XML element", nav::parent, refs = 0b110),
    cmd!(
        "DOM Get first child XML element",
        nav::first_child,
        refs = 0b110
    ),
    cmd!(
        "DOM Get last child XML element",
        nav::last_child,
        refs = 0b110
    ),
    cmd!(
        "DOM Get next sibling XML element",
        nav::next_sibling,
        refs = 0b110
    ),
    cmd!(
        "DOM Get previous sibling XML element",
        nav::previous_sibling,
        refs = 0b110
    ),
    cmd!("DOM Get XML element", nav::get_element, refs = 1 << 3),
    cmd!("DOM Count XML elements", nav::count_elements),
    cmd!("DOM Find XML element", nav::find, refs = 1 << 2),
    cmd!("DOM Find XML element by ID", nav::find_by_id),
    cmd!("DOM GET XML ELEMENT VALUE", nav::get_value, refs = 0b110),
    cmd!("DOM GET XML ELEMENT NAME", nav::get_name, refs = 1 << 1),
    cmd!("DOM Count XML attributes", nav::count_attributes),
    cmd!(
        "DOM GET XML ATTRIBUTE BY INDEX",
        nav::attribute_by_index,
        refs = 0b1100
    ),
    cmd!(
        "DOM GET XML ATTRIBUTE BY NAME",
        nav::attribute_by_name,
        refs = 1 << 2
    ),
    cmd!("DOM GET XML CHILD NODES", nav::child_nodes, refs = 0b110),
    cmd!("DOM Get XML information", nav::information),
    cmd!("DOM Create XML Ref", edit::create_ref),
    cmd!("DOM Create XML element", edit::create_element),
    cmd!(
        "DOM Create XML element arrays",
        edit::create_element_arrays,
        refs = 0xFFFF_FFFC
    ),
    cmd!("DOM SET XML ELEMENT VALUE", edit::set_value),
    cmd!("DOM SET XML ELEMENT NAME", edit::set_name),
    cmd!("DOM SET XML ATTRIBUTE", edit::set_attribute),
    cmd!("DOM REMOVE XML ATTRIBUTE", edit::remove_attribute),
    cmd!("DOM REMOVE XML ELEMENT", edit::remove_element),
    cmd!("DOM Insert XML element", edit::insert_element),
    cmd!("DOM Append XML element", edit::append_element),
    cmd!("DOM Append XML child node", edit::append_child_node),
    cmd!("DOM SET XML DECLARATION", edit::set_declaration),
];

/// The values of the XML theme's option constants that the front end's table
/// leaves unknown (the docs name them without values; these are fourd's, used
/// consistently by `XML SET OPTIONS` / `XML GET OPTIONS`).
pub fn constant(name: &str) -> Option<Value> {
    const TABLE: &[(&str, i32)] = &[
        ("XML with escaping", 1),
        ("XML raw data", 2),
        ("XML ISO", values::DATE_ISO),
        ("XML local", values::DATE_LOCAL),
        ("XML datetime local", values::DATE_DATETIME_LOCAL),
        ("XML UTC", values::DATE_UTC),
        ("XML datetime UTC", values::DATE_DATETIME_UTC),
        ("XML datetime local absolute", values::TIME_LOCAL_ABSOLUTE),
        ("XML seconds", values::TIME_SECONDS),
        ("XML duration", values::TIME_DURATION),
        ("XML with indentation", 1),
        ("XML no indentation", 2),
        ("XML base64", values::BINARY_BASE64),
        ("XML data URI scheme", values::BINARY_DATA_URI),
        ("XML convert to PNG", 1),
        ("XML native codec", 2),
        ("XML case sensitive", 1),
        ("XML case insensitive", 2),
        ("XML default", 0),
        ("XML enabled", 1),
        ("XML disabled", 2),
        ("XML LF", 1),
        ("XML CR", 2),
        ("XML CRLF", 3),
    ];
    TABLE
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, v)| Value::Int(v))
}

/// The `XML SET OPTIONS` of one document.
#[derive(Debug, Clone)]
pub struct Options {
    pub indent: bool,
    /// `XML line ending`: 0 default (LF), 1 LF, 2 CR, 3 CRLF.
    pub eol: i32,
    /// `XML BOM`: 0 default (none), 1 enabled, 2 disabled.
    pub bom: i32,
    pub case_insensitive: bool,
    /// `XML string encoding` = `XML raw data`.
    pub raw: bool,
    /// `XML date encoding` / `XML time encoding`, when set.
    pub date: Option<i32>,
    pub time: Option<i32>,
    pub binary: i32,
    pub picture: i32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            indent: true,
            eol: 0,
            bom: 0,
            case_insensitive: false,
            raw: false,
            date: None,
            time: None,
            binary: values::BINARY_BASE64,
            picture: 1,
        }
    }
}

/// One open document.
pub struct Doc {
    pub tree: Tree,
    pub opts: Options,
    /// Where it was read from (`Document URI`).
    pub uri: String,
}

#[derive(Default)]
struct Store {
    next: u32,
    docs: HashMap<u32, Doc>,
    last_error: Option<parse::ParseError>,
    external_entities: i32,
}

thread_local! {
    static DOCS: RefCell<Store> = RefCell::new(Store::default());
}

/// A command's failure: error number and message.
pub type X<T> = Result<T, (i32, String)>;

pub fn xerr<T>(code: i32, msg: impl Into<String>) -> X<T> {
    Err((code, msg.into()))
}

pub fn make_ref(doc: u32, node: usize) -> String {
    format!("{:08X}{:08X}", doc, node + 1)
}

fn parse_ref(r: &str) -> Option<(u32, usize)> {
    let r = r.trim();
    if r.len() != 16 || !r.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let doc = u32::from_str_radix(&r[..8], 16).ok()?;
    let node = usize::from_str_radix(&r[8..], 16).ok()?;
    Some((doc, node.checked_sub(1)?))
}

/// Registers a new document; returns its number.
pub fn add_doc(doc: Doc) -> u32 {
    DOCS.with(|s| {
        let mut s = s.borrow_mut();
        s.next += 1;
        let id = s.next;
        s.docs.insert(id, doc);
        id
    })
}

fn bad_ref<T>(r: &str) -> X<T> {
    xerr(ERR_REF, format!("invalid XML reference \"{}\"", r))
}

/// Runs `f` on the document and the live node a reference designates (the
/// document number is passed along).
pub fn on_node<T>(r: &str, f: impl FnOnce(&mut Doc, u32, usize) -> X<T>) -> X<T> {
    let Some((d, n)) = parse_ref(r) else {
        return bad_ref(r);
    };
    DOCS.with(|s| {
        let mut s = s.borrow_mut();
        match s.docs.get_mut(&d) {
            Some(doc) if doc.tree.is_alive(n) => f(doc, d, n),
            _ => bad_ref(r),
        }
    })
}

/// A copy of the subtree a reference designates, as the root of a new tree.
pub fn copy_subtree(r: &str) -> X<Tree> {
    on_node(r, |doc, _, n| {
        if doc.tree.node(n).kind == tree::Kind::Document {
            return xerr(ERR_INVALID, "the document node cannot be copied");
        }
        let mut t = Tree::new();
        t.import(&doc.tree, n, tree::DOC, usize::MAX);
        Ok(t)
    })
}

/// Frees a document.
fn remove_doc(d: u32) {
    DOCS.with(|s| s.borrow_mut().docs.remove(&d));
}

fn set_last_error(e: Option<parse::ParseError>) {
    DOCS.with(|s| s.borrow_mut().last_error = e);
}

fn last_error() -> Option<parse::ParseError> {
    DOCS.with(|s| s.borrow().last_error.clone())
}

/// Ends a command: OK 1 and the result, or OK 0 and the error.
pub fn finish(it: &mut Interp, cmd: &str, r: X<Value>) -> RtResult<Value> {
    match r {
        Ok(v) => {
            set_ok(it, 1);
            Ok(v)
        }
        Err((code, msg)) => {
            set_ok(it, 0);
            err(code, format!("{}: {}", cmd, msg))
        }
    }
}

/// Stores XML text in output parameter `i` (when passed), converted to the
/// variable's type.
pub fn put(it: &mut Interp, a: &Args, i: usize, cmd: &str, s: &str) -> RtResult<()> {
    if i >= a.len() {
        return Ok(());
    }
    let p = a.ptr(i, cmd)?;
    let cur = it.deref_raw(&p)?;
    let ty = values::target_type(it.ptr_type(&p), &cur);
    it.store_ptr(&p, values::from_xml(s, ty))
}

/// The text of a reference parameter.
pub fn ref_arg(a: &Args, i: usize, cmd: &str) -> RtResult<String> {
    a.require(i + 1, cmd)?;
    Ok(a.text(i, cmd)?.to_string())
}

pub fn text_value(s: String) -> Value {
    text(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_round_trip() {
        let r = make_ref(3, 0);
        assert_eq!(r.len(), 16);
        assert_eq!(parse_ref(&r), Some((3, 0)));
        assert_eq!(parse_ref(NULL_REF), None);
        assert_eq!(parse_ref("xyz"), None);
        assert_eq!(parse_ref("000000010000000G"), None);
        assert!(on_node(NULL_REF, |_, _, _| Ok(())).is_err());
    }
}
