//! Reading a DOM tree: the navigation commands (root, document node, parent,
//! first/last child, next/previous sibling, `DOM Get XML element`), searches
//! (`DOM Find XML element`, `DOM Find XML element by ID`, `DOM Count XML
//! elements`), element names and values, attributes, child nodes and `DOM Get
//! XML information`.

use super::path::XPath;
use super::tree::{Kind, DOC};
use super::{finish, make_ref, on_node, put, ref_arg, text_value, xerr, X};
use super::{ERR_INVALID, ERR_NOT_FOUND, NULL_REF};
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::registry::{set_ok, Args};
use crate::runtime::value::{text, Value};

/// A node found by navigation: its reference, name and value.
type Found = Option<(String, String, String)>;

fn found(doc: &super::Doc, d: u32, n: usize) -> Found {
    let node = doc.tree.node(n);
    let name = match node.kind {
        Kind::Document => "#document".to_string(),
        _ => node.name.clone(),
    };
    Some((make_ref(d, n), name, doc.tree.value(n)))
}

/// Ends a navigation: the found node's reference (its name and value in
/// parameters 2 and 3), or OK 0 and the null reference.
fn nav_end(it: &mut Interp, a: &Args, cmd: &str, r: X<Found>, name_at: usize) -> RtResult<Value> {
    match r {
        Ok(Some((r, name, value))) => {
            put(it, a, name_at, cmd, &name)?;
            put(it, a, name_at + 1, cmd, &value)?;
            set_ok(it, 1);
            Ok(text(r))
        }
        Ok(None) => {
            set_ok(it, 0);
            Ok(text(NULL_REF))
        }
        Err(e) => finish(it, cmd, Err(e)),
    }
}

// docs/commands-legacy/dom-get-root-xml-element.md
pub fn root(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Get Root XML element";
    let r = ref_arg(a, 0, C)?;
    let res = on_node(&r, |doc, d, _| match doc.tree.root() {
        Some(n) => Ok(make_ref(d, n)),
        None => xerr(ERR_NOT_FOUND, "the document has no root element"),
    });
    finish(it, C, res.map(text_value))
}

// docs/commands-legacy/dom-get-xml-document-ref.md: the document node, parent
// of the root element.
pub fn document_ref(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Get XML document ref";
    let r = ref_arg(a, 0, C)?;
    let res = on_node(&r, |_, d, _| Ok(make_ref(d, DOC)));
    finish(it, C, res.map(text_value))
}

// docs/commands-legacy/dom-get-parent-xml-element.md: the root's parent is the
// document node ("#document"); the document node has none (OK 0).
pub fn parent(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Get parent XML element";
    let r = ref_arg(a, 0, C)?;
    let res = on_node(&r, |doc, d, n| {
        Ok(doc.tree.node(n).parent.and_then(|p| found(doc, d, p)))
    });
    nav_end(it, a, C, res, 1)
}

fn child(it: &mut Interp, a: &Args, cmd: &str, last: bool) -> RtResult<Value> {
    let r = ref_arg(a, 0, cmd)?;
    let res = on_node(&r, |doc, d, n| {
        let mut els = doc.tree.elements(n);
        let c = if last { els.last() } else { els.next() };
        Ok(c.and_then(|c| found(doc, d, c)))
    });
    nav_end(it, a, cmd, res, 1)
}

// docs/commands-legacy/dom-get-first-child-xml-element.md
pub fn first_child(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    child(it, a, "DOM Get first child XML element", false)
}

// docs/commands-legacy/dom-get-last-child-xml-element.md
pub fn last_child(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    child(it, a, "DOM Get last child XML element", true)
}

fn sibling(it: &mut Interp, a: &Args, cmd: &str, forward: bool) -> RtResult<Value> {
    let r = ref_arg(a, 0, cmd)?;
    let res = on_node(&r, |doc, d, n| {
        Ok(doc
            .tree
            .sibling_element(n, forward)
            .and_then(|s| found(doc, d, s)))
    });
    nav_end(it, a, cmd, res, 1)
}

// docs/commands-legacy/dom-get-next-sibling-xml-element.md: after the last
// sibling, OK = 0 (no error).
pub fn next_sibling(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    sibling(it, a, "DOM Get next sibling XML element", true)
}

// docs/commands-legacy/dom-get-previous-sibling-xml-element.md
pub fn previous_sibling(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    sibling(it, a, "DOM Get previous sibling XML element", false)
}

fn same_name(a: &str, b: &str, insensitive: bool) -> bool {
    if insensitive {
        a.to_lowercase() == b.to_lowercase()
    } else {
        a == b
    }
}

// docs/commands-legacy/dom-get-xml-element.md: the index-th child element
// named elementName (case per `XML DOM case sensitivity`); its value in the
// fourth parameter; none: error.
pub fn get_element(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Get XML element";
    let r = ref_arg(a, 0, C)?;
    let name = a.text(1, C)?.to_string();
    let index = a.int(2, C)?;
    let res = on_node(&r, |doc, d, n| {
        let ci = doc.opts.case_insensitive;
        let hit = usize::try_from(index)
            .ok()
            .and_then(|k| doc.tree.nth_named(n, &name, k, ci));
        match hit {
            Some(c) => Ok((make_ref(d, c), doc.tree.value(c))),
            _ => xerr(ERR_NOT_FOUND, format!("no element {}[{}]", name, index)),
        }
    });
    match res {
        Ok((r, v)) => {
            put(it, a, 3, C, &v)?;
            finish(it, C, Ok(text(r)))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/dom-count-xml-elements.md
pub fn count_elements(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Count XML elements";
    let r = ref_arg(a, 0, C)?;
    let name = a.text(1, C)?.to_string();
    let res = on_node(&r, |doc, _, n| {
        let ci = doc.opts.case_insensitive;
        Ok(doc
            .tree
            .elements(n)
            .filter(|&c| same_name(&doc.tree.node(c).name, &name, ci))
            .count() as i32)
    });
    finish(it, C, res.map(Value::Int))
}

// docs/commands-legacy/dom-find-xml-element.md: the first node found; with an
// array, every reference found. Nothing found: OK 0 and the null reference; an
// invalid path: error.
pub fn find(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Find XML element";
    let r = ref_arg(a, 0, C)?;
    let xpath = a.text(1, C)?.to_string();
    let res = on_node(&r, |doc, d, n| {
        let x = XPath::parse(&xpath)
            .map_err(|e| (ERR_INVALID, format!("invalid XPath \"{}\": {}", xpath, e)))?;
        let items = x
            .select(&doc.tree, n)
            .map_err(|e| (ERR_INVALID, format!("invalid XPath \"{}\": {}", xpath, e)))?;
        let mut nodes: Vec<usize> = Vec::new();
        for i in items {
            if !nodes.contains(&i.node()) {
                nodes.push(i.node());
            }
        }
        Ok(nodes
            .into_iter()
            .map(|c| make_ref(d, c))
            .collect::<Vec<_>>())
    });
    match res {
        Ok(refs) => {
            if a.len() > 2 {
                let vals = refs.iter().map(|r| text(r.as_str())).collect();
                super::super::fill_array(it, a, 2, C, vals)?;
            }
            let ok = !refs.is_empty();
            let first = refs.into_iter().next().unwrap_or_else(|| NULL_REF.into());
            set_ok(it, ok as i32);
            Ok(text(first))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/dom-find-xml-element-by-id.md: the whole document is
// searched for an `id` attribute (also `ID`, `xml:id`) of that value.
pub fn find_by_id(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Find XML element by ID";
    let r = ref_arg(a, 0, C)?;
    let id = a.text(1, C)?.to_string();
    let res = on_node(&r, |doc, d, _| {
        let t = &doc.tree;
        Ok(t.descendants(DOC)
            .into_iter()
            .find(|&c| {
                t.node(c).kind == Kind::Element
                    && ["id", "ID", "xml:id"]
                        .iter()
                        .any(|k| t.attr(c, k) == Some(id.as_str()))
            })
            .map(|c| (make_ref(d, c), String::new(), String::new())))
    });
    nav_end(it, a, C, res, usize::MAX - 1)
}

// docs/commands-legacy/dom-get-xml-element-value.md: the element's text (its
// text child nodes), and in the third parameter its CDATA sections; converted
// to the variables' types (a BLOB variable receives the base64-decoded value).
pub fn get_value(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM GET XML ELEMENT VALUE";
    let r = ref_arg(a, 0, C)?;
    a.require(2, C)?;
    let res = on_node(&r, |doc, _, n| Ok((doc.tree.value(n), doc.tree.cdata(n))));
    match res {
        Ok((v, cd)) => {
            put(it, a, 1, C, &v)?;
            put(it, a, 2, C, &cd)?;
            finish(it, C, Ok(Value::Undefined))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/dom-get-xml-element-name.md
pub fn get_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM GET XML ELEMENT NAME";
    let r = ref_arg(a, 0, C)?;
    a.require(2, C)?;
    let res = on_node(&r, |doc, _, n| {
        let node = doc.tree.node(n);
        Ok(match node.kind {
            Kind::Document => "#document".to_string(),
            Kind::Text => "#text".to_string(),
            Kind::CData => "#cdata-section".to_string(),
            Kind::Comment => "#comment".to_string(),
            _ => node.name.clone(),
        })
    });
    match res {
        Ok(name) => {
            put(it, a, 1, C, &name)?;
            finish(it, C, Ok(Value::Undefined))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/dom-count-xml-attributes.md
pub fn count_attributes(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Count XML attributes";
    let r = ref_arg(a, 0, C)?;
    let res = on_node(&r, |doc, _, n| Ok(doc.tree.node(n).attrs.len() as i32));
    finish(it, C, res.map(Value::Int))
}

// docs/commands-legacy/dom-get-xml-attribute-by-index.md: the index counts the
// attributes in alphabetical order of their names; past the last: error.
pub fn attribute_by_index(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM GET XML ATTRIBUTE BY INDEX";
    let r = ref_arg(a, 0, C)?;
    let index = a.int(1, C)?;
    a.require(4, C)?;
    let res = on_node(&r, |doc, _, n| {
        let mut attrs = doc.tree.node(n).attrs.clone();
        attrs.sort_by(|x, y| x.0.cmp(&y.0));
        match usize::try_from(index - 1).ok().and_then(|i| attrs.get(i)) {
            Some(p) => Ok(p.clone()),
            None => xerr(
                ERR_NOT_FOUND,
                format!("no attribute {} (the element has {})", index, attrs.len()),
            ),
        }
    });
    match res {
        Ok((k, v)) => {
            put(it, a, 2, C, &k)?;
            put(it, a, 3, C, &v)?;
            finish(it, C, Ok(Value::Undefined))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/dom-get-xml-attribute-by-name.md: no such attribute:
// error.
pub fn attribute_by_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM GET XML ATTRIBUTE BY NAME";
    let r = ref_arg(a, 0, C)?;
    let name = a.text(1, C)?.to_string();
    a.require(3, C)?;
    let res = on_node(&r, |doc, _, n| match doc.tree.attr(n, &name) {
        Some(v) => Ok(v.to_string()),
        None => xerr(ERR_NOT_FOUND, format!("no attribute \"{}\"", name)),
    });
    match res {
        Ok(v) => {
            put(it, a, 2, C, &v)?;
            finish(it, C, Ok(Value::Undefined))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

// docs/commands-legacy/dom-get-xml-child-nodes.md: the type of each child node
// (XML DATA 6, XML ELEMENT 11...) and, for an element, its reference, else its
// value (a processing instruction: "target data").
pub fn child_nodes(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM GET XML CHILD NODES";
    let r = ref_arg(a, 0, C)?;
    a.require(3, C)?;
    let res = on_node(&r, |doc, d, n| {
        let t = &doc.tree;
        Ok(t.node(n)
            .children
            .iter()
            .map(|&c| {
                let node = t.node(c);
                let v = match node.kind {
                    Kind::Element => make_ref(d, c),
                    Kind::Pi if !node.value.is_empty() => format!("{} {}", node.name, node.value),
                    Kind::Pi => node.name.clone(),
                    _ => node.value.clone(),
                };
                (node.kind.code(), v)
            })
            .collect::<Vec<_>>())
    });
    match res {
        Ok(list) => {
            let types = list.iter().map(|(k, _)| Value::Int(*k)).collect();
            let vals = list.into_iter().map(|(_, v)| text(v)).collect();
            super::super::fill_array(it, a, 1, C, types)?;
            super::super::fill_array(it, a, 2, C, vals)?;
            finish(it, C, Ok(Value::Undefined))
        }
        Err(e) => finish(it, C, Err(e)),
    }
}

/// The parts of a DOCTYPE body: name, public id, system id.
fn doctype_parts(body: &str) -> (String, String, String) {
    let body = body.split('[').next().unwrap_or("");
    let mut words: Vec<String> = Vec::new();
    let mut rest = body.trim();
    while !rest.is_empty() {
        if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let end = rest[1..].find(q).map(|e| e + 1).unwrap_or(rest.len());
            words.push(rest[1..end].to_string());
            rest = rest.get(end + 1..).unwrap_or("").trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            words.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
    }
    let get = |i: usize| words.get(i).cloned().unwrap_or_default();
    match words.get(1).map(|s| s.as_str()) {
        Some("PUBLIC") => (get(0), get(2), get(3)),
        Some("SYSTEM") => (get(0), String::new(), get(2)),
        _ => (get(0), String::new(), String::new()),
    }
}

// docs/commands-legacy/dom-get-xml-information.md: PUBLIC ID 1, SYSTEM ID 2,
// DOCTYPE Name 3, Encoding 4, Version 5, Document URI 6 (fourd: the path the
// document was parsed from).
pub fn information(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Get XML information";
    let r = ref_arg(a, 0, C)?;
    let info = a.int(1, C)?;
    let res = on_node(&r, |doc, _, _| {
        let t = &doc.tree;
        let dt = t
            .node(DOC)
            .children
            .iter()
            .find(|&&c| t.node(c).kind == Kind::DocType)
            .map(|&c| doctype_parts(&t.node(c).value))
            .unwrap_or_default();
        Ok(match info {
            1 => dt.1,
            2 => dt.2,
            3 => dt.0,
            4 => t.encoding.clone(),
            5 => t.version.clone(),
            6 => doc.uri.clone(),
            n => return xerr(ERR_INVALID, format!("unknown information {}", n)),
        })
    });
    finish(it, C, res.map(text_value))
}

#[cfg(test)]
mod tests {
    #[test]
    fn doctype_parts() {
        assert_eq!(
            super::doctype_parts("html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" 'x.dtd'"),
            (
                "html".into(),
                "-//W3C//DTD XHTML 1.0//EN".into(),
                "x.dtd".into()
            )
        );
        assert_eq!(
            super::doctype_parts("Books SYSTEM \"Book.DTD\" [<!ENTITY a 'b'>]"),
            ("Books".into(), String::new(), "Book.DTD".into())
        );
    }
}
