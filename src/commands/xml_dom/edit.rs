//! Building and changing a DOM tree: `DOM Create XML Ref`, `DOM Create XML
//! element` (and its arrays form), element values and names, attributes,
//! removing, inserting and appending elements and child nodes, and `DOM SET XML
//! DECLARATION`.

use super::tree::{valid_name, Kind, Node, Tree, DOC};
use super::values::{to_xml, Target};
use super::{copy_subtree, finish, make_ref, on_node, ref_arg, text_value, xerr, Doc, X};
use super::{ERR_INVALID, ERR_NOT_FOUND};
use crate::runtime::error::RtResult;
use crate::runtime::interp::{as_array, Interp};
use crate::runtime::registry::Args;
use crate::runtime::value::Value;

fn check_name(n: &str) -> X<()> {
    if valid_name(n) {
        Ok(())
    } else {
        xerr(ERR_INVALID, format!("invalid XML name \"{}\"", n))
    }
}

// docs/commands-legacy/dom-create-xml-ref.md: a root element with an optional
// namespace (`xmlns:prefix` when the root name has a prefix, which then needs
// it; else `xmlns`) and further namespace name/value pairs (a name without
// `xmlns` gets `xmlns:` before it).
pub fn create_ref(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Create XML Ref";
    a.require(1, C)?;
    let root = a.text(0, C)?.to_string();
    let ns = if a.len() > 1 {
        Some(a.text(1, C)?.to_string())
    } else {
        None
    };
    let mut pairs = Vec::new();
    let mut i = 2;
    while i + 1 < a.len() {
        pairs.push((a.text(i, C)?.to_string(), a.text(i + 1, C)?.to_string()));
        i += 2;
    }
    let res = (|| {
        check_name(&root)?;
        let mut n = Node::new(Kind::Element, &root, "");
        let prefix = root.split_once(':').map(|(p, _)| p.to_string());
        match (&prefix, &ns) {
            (Some(p), Some(ns)) if !ns.is_empty() => {
                n.attrs.push((format!("xmlns:{}", p), ns.clone()))
            }
            (Some(p), _) => {
                return xerr(
                    ERR_INVALID,
                    format!("the prefix \"{}\" needs a namespace", p),
                )
            }
            (None, Some(ns)) if !ns.is_empty() => n.attrs.push(("xmlns".into(), ns.clone())),
            _ => {}
        }
        for (k, v) in pairs {
            let k = if k.starts_with("xmlns") {
                k
            } else {
                format!("xmlns:{}", k)
            };
            check_name(&k)?;
            n.attrs.push((k, v));
        }
        let mut tree = Tree::new();
        let r = tree.append(DOC, n);
        let d = super::add_doc(Doc {
            tree,
            opts: Default::default(),
            uri: String::new(),
        });
        Ok(make_ref(d, r))
    })();
    finish(it, C, res.map(text_value))
}

/// One step of a creation path: a name and an optional position (`0`:
/// `last()`).
fn steps(path: &str) -> X<Vec<(String, Option<usize>)>> {
    let bad = || (ERR_INVALID, format!("invalid XPath \"{}\"", path));
    let mut out = Vec::new();
    for s in path.split('/').filter(|s| !s.is_empty()) {
        let (name, idx) = match s.split_once('[') {
            Some((n, rest)) => {
                let inner = rest.strip_suffix(']').ok_or_else(bad)?.trim();
                let idx = if inner == "last()" {
                    0
                } else {
                    inner
                        .parse::<usize>()
                        .ok()
                        .filter(|&i| i > 0)
                        .ok_or_else(bad)?
                };
                (n.trim(), Some(idx))
            }
            None => (s.trim(), None),
        };
        check_name(name)?;
        out.push((name.to_string(), idx));
    }
    if out.is_empty() {
        return Err(bad());
    }
    Ok(out)
}

/// Creates the element a path designates below `ctx` (missing path elements are
/// created; the last step always adds a new element: `a[2]` inserts it as the
/// second `a`, creating a first one when there is none, as the docs' example 1
/// shows).
fn create_path(t: &mut Tree, ctx: usize, path: &str) -> X<usize> {
    let mut st = steps(path)?;
    let mut cur = ctx;
    if path.trim_start().starts_with('/') {
        let root = t
            .root()
            .ok_or((ERR_NOT_FOUND, "no root element".to_string()))?;
        let (first, idx) = st.remove(0);
        if t.node(root).name != first || idx.unwrap_or(1) > 1 {
            return xerr(
                ERR_NOT_FOUND,
                format!("the root element is not \"{}\"", first),
            );
        }
        cur = root;
        if st.is_empty() {
            return xerr(
                ERR_INVALID,
                format!("\"{}\" designates the root element", path),
            );
        }
    }
    let last = st.len() - 1;
    for (k, (name, idx)) in st.into_iter().enumerate() {
        let same: Vec<usize> = t
            .elements(cur)
            .filter(|&c| t.node(c).name == name)
            .collect();
        if k < last {
            let want = match idx {
                Some(0) => same.len().max(1),
                Some(i) => i,
                None => 1,
            };
            for _ in same.len()..want {
                t.append(cur, Node::new(Kind::Element, &name, ""));
            }
            let same: Vec<usize> = t
                .elements(cur)
                .filter(|&c| t.node(c).name == name)
                .collect();
            cur = same[want - 1];
        } else {
            let want = match idx {
                Some(i) if i > 0 => i,
                _ => same.len() + 1,
            };
            for _ in same.len() + 1..want {
                t.append(cur, Node::new(Kind::Element, &name, ""));
            }
            let n = Node::new(Kind::Element, &name, "");
            cur = match same.get(want - 1) {
                Some(&before) => {
                    let pos = t
                        .node(cur)
                        .children
                        .iter()
                        .position(|&c| c == before)
                        .unwrap_or(0);
                    t.insert(cur, pos, n)
                }
                None => t.append(cur, n),
            };
        }
    }
    Ok(cur)
}

fn element_of(doc: &Doc, n: usize) -> X<()> {
    if doc.tree.node(n).kind == Kind::Element {
        Ok(())
    } else {
        xerr(ERR_INVALID, "the reference is not an element")
    }
}

fn create_with(
    it: &mut Interp,
    cmd: &str,
    r: &str,
    path: &str,
    attrs: Vec<(String, Value)>,
) -> RtResult<Value> {
    let res = on_node(r, |doc, d, n| {
        let ctx = if doc.tree.node(n).kind == Kind::Document {
            doc.tree.root().unwrap_or(n)
        } else {
            n
        };
        for (k, _) in &attrs {
            check_name(k)?;
        }
        let e = create_path(&mut doc.tree, ctx, path)?;
        for (k, v) in &attrs {
            let s = to_xml(v, &doc.opts, Target::Attribute);
            doc.tree.set_attr(e, k, s);
        }
        Ok(make_ref(d, e))
    });
    finish(it, cmd, res.map(text_value))
}

// docs/commands-legacy/dom-create-xml-element.md
pub fn create_element(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Create XML element";
    let r = ref_arg(a, 0, C)?;
    a.require(2, C)?;
    let path = a.text(1, C)?.to_string();
    let mut attrs = Vec::new();
    let mut i = 2;
    while i + 1 < a.len() {
        attrs.push((a.text(i, C)?.to_string(), a.get(i + 1).clone()));
        i += 2;
    }
    create_with(it, C, &r, &path, attrs)
}

// docs/commands-legacy/dom-create-xml-element-arrays.md: attribute names and
// values in pairs of arrays.
pub fn create_element_arrays(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Create XML element arrays";
    let r = ref_arg(a, 0, C)?;
    a.require(2, C)?;
    let path = match a.get(1) {
        Value::Pointer(p) => crate::runtime::format::to_text(&it.deref_raw(p)?),
        _ => a.text(1, C)?.to_string(),
    };
    let mut attrs = Vec::new();
    let mut i = 2;
    while i + 1 < a.len() {
        let names = as_array(&it.deref_raw(&*a.ptr(i, C)?)?)?;
        let vals = as_array(&it.deref_raw(&*a.ptr(i + 1, C)?)?)?;
        let names = names.borrow();
        let vals = vals.borrow();
        for (k, v) in names.elems.iter().skip(1).zip(vals.elems.iter().skip(1)) {
            attrs.push((crate::runtime::format::to_text(k), v.clone()));
        }
        i += 2;
    }
    create_with(it, C, &r, &path, attrs)
}

/// Normalises line ends to LF (docs of `DOM SET XML ELEMENT VALUE`).
fn lf(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

// docs/commands-legacy/dom-set-xml-element-value.md: `(ref; value)` or `(ref;
// xPath; value)`; `*`: as CDATA; under `XML raw data` a text that is an XML
// fragment becomes child nodes (else a CDATA section).
pub fn set_value(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM SET XML ELEMENT VALUE";
    let r = ref_arg(a, 0, C)?;
    a.require(2, C)?;
    let (xpath, v) = if a.len() >= 3 {
        (Some(a.text(1, C)?.to_string()), a.get(2).clone())
    } else {
        (None, a.get(1).clone())
    };
    let cdata = a.star;
    let res = on_node(&r, |doc, _, n| {
        let target = match &xpath {
            Some(p) => {
                let x = super::path::XPath::parse(p)
                    .map_err(|e| (ERR_INVALID, format!("invalid XPath \"{}\": {}", p, e)))?;
                let hits = x
                    .select(&doc.tree, n)
                    .map_err(|e| (ERR_INVALID, format!("invalid XPath \"{}\": {}", p, e)))?;
                match hits.first() {
                    Some(i) => i.node(),
                    None => return xerr(ERR_NOT_FOUND, format!("no element at \"{}\"", p)),
                }
            }
            None => n,
        };
        let s = lf(&to_xml(&v, &doc.opts, Target::Element));
        let t = &mut doc.tree;
        match t.node(target).kind {
            Kind::Element => {}
            Kind::Text | Kind::CData | Kind::Comment | Kind::Pi => {
                t.nodes[target].value = s;
                return Ok(Value::Undefined);
            }
            _ => return xerr(ERR_INVALID, "the reference is not an element"),
        }
        if cdata {
            t.set_value(target, &s, Kind::CData);
        } else if doc.opts.raw && matches!(v, Value::Text(_)) {
            t.set_value(target, "", Kind::Text);
            let mut scratch = t.clone();
            if super::parse::parse_fragment(&s, &mut scratch, target).is_ok() {
                *t = scratch;
            } else {
                t.set_value(target, &s, Kind::CData);
            }
        } else {
            t.set_value(target, &s, Kind::Text);
        }
        Ok(Value::Undefined)
    });
    finish(it, C, res)
}

// docs/commands-legacy/dom-set-xml-element-name.md
pub fn set_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM SET XML ELEMENT NAME";
    let r = ref_arg(a, 0, C)?;
    let name = a.text(1, C)?.to_string();
    let res = on_node(&r, |doc, _, n| {
        element_of(doc, n)?;
        check_name(&name)?;
        doc.tree.nodes[n].name = name.clone();
        Ok(Value::Undefined)
    });
    finish(it, C, res)
}

// docs/commands-legacy/dom-set-xml-attribute.md: name/value pairs; a value
// that is not a text is converted (`true`, `12.34`, dates, times...).
pub fn set_attribute(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM SET XML ATTRIBUTE";
    let r = ref_arg(a, 0, C)?;
    a.require(3, C)?;
    let mut pairs = Vec::new();
    let mut i = 1;
    while i + 1 < a.len() {
        pairs.push((a.text(i, C)?.to_string(), a.get(i + 1).clone()));
        i += 2;
    }
    let res = on_node(&r, |doc, _, n| {
        element_of(doc, n)?;
        for (k, v) in &pairs {
            check_name(k)?;
            let s = to_xml(v, &doc.opts, Target::Attribute);
            doc.tree.set_attr(n, k, s);
        }
        Ok(Value::Undefined)
    });
    finish(it, C, res)
}

// docs/commands-legacy/dom-remove-xml-attribute.md: no such attribute: error.
pub fn remove_attribute(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM REMOVE XML ATTRIBUTE";
    let r = ref_arg(a, 0, C)?;
    let name = a.text(1, C)?.to_string();
    let res = on_node(&r, |doc, _, n| {
        let attrs = &mut doc.tree.nodes[n].attrs;
        match attrs.iter().position(|(k, _)| *k == name) {
            Some(i) => {
                attrs.remove(i);
                Ok(Value::Undefined)
            }
            None => xerr(ERR_NOT_FOUND, format!("no attribute \"{}\"", name)),
        }
    });
    finish(it, C, res)
}

// docs/commands-legacy/dom-remove-xml-element.md: the element and its subtree
// (references to them become invalid).
pub fn remove_element(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM REMOVE XML ELEMENT";
    let r = ref_arg(a, 0, C)?;
    let res = on_node(&r, |doc, _, n| {
        if n == DOC {
            return xerr(ERR_INVALID, "the document node cannot be removed");
        }
        doc.tree.remove(n);
        Ok(Value::Undefined)
    });
    finish(it, C, res)
}

/// Copies the element `src` into `target` before its element child `before`
/// (1-based; `None` or invalid: see the callers).
fn place(
    it: &mut Interp,
    cmd: &str,
    target: &str,
    src: &str,
    before: Option<i64>,
) -> RtResult<Value> {
    let res = copy_subtree(src).and_then(|copy| {
        on_node(target, |doc, d, n| {
            element_of(doc, n)?;
            let t = &mut doc.tree;
            let kids = t.node(n).children.clone();
            let els: Vec<usize> = t.elements(n).collect();
            let pos = match before {
                None => kids.len(),
                Some(i) => match usize::try_from(i - 1).ok().and_then(|i| els.get(i)) {
                    Some(c) => kids.iter().position(|k| k == c).unwrap_or(0),
                    // docs: an invalid index inserts before the first child
                    None => 0,
                },
            };
            let Some(top) = copy.root() else {
                return xerr(ERR_INVALID, "nothing to insert");
            };
            Ok(make_ref(d, t.import(&copy, top, n, pos)))
        })
    });
    finish(it, cmd, res.map(text_value))
}

// docs/commands-legacy/dom-insert-xml-element.md: a copy of the source element
// (of any open tree) before the target's child element `childIndex`.
pub fn insert_element(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Insert XML element";
    let target = ref_arg(a, 0, C)?;
    let src = ref_arg(a, 1, C)?;
    let index = a.int(2, C)?;
    place(it, C, &target, &src, Some(index))
}

// docs/commands-legacy/dom-append-xml-element.md: a copy after the last child.
pub fn append_element(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Append XML element";
    let target = ref_arg(a, 0, C)?;
    let src = ref_arg(a, 1, C)?;
    place(it, C, &target, &src, None)
}

// docs/commands-legacy/dom-append-xml-child-node.md: XML DATA 6, XML CDATA 7,
// XML comment 2, XML processing instruction 3, XML DOCTYPE 10 (added or
// replaced, on the document), XML ELEMENT 11 (an XML fragment becomes child
// nodes, else a name gives an empty element). On the document node comments and
// processing instructions go before the root element.
pub fn append_child_node(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM Append XML child node";
    let r = ref_arg(a, 0, C)?;
    let kind = a.int(1, C)?;
    a.require(3, C)?;
    let value = match a.get(2) {
        Value::Blob(b) => super::parse::decode_bytes(b),
        v => crate::runtime::format::to_text(v),
    };
    let res = on_node(&r, |doc, d, n| {
        let t = &mut doc.tree;
        let at_doc = n == DOC;
        let before_root = |t: &Tree| {
            t.node(DOC)
                .children
                .iter()
                .position(|&c| t.node(c).kind == Kind::Element)
                .unwrap_or(t.node(DOC).children.len())
        };
        let add = |t: &mut Tree, node: Node| {
            if at_doc {
                let p = before_root(t);
                t.insert(DOC, p, node)
            } else {
                t.append(n, node)
            }
        };
        let id = match kind {
            6 | 7 if at_doc => return xerr(ERR_INVALID, "no text at the document level"),
            6 => add(t, Node::new(Kind::Text, "", &lf(&value))),
            7 => add(t, Node::new(Kind::CData, "", &value)),
            2 => add(t, Node::new(Kind::Comment, "", &value)),
            3 => {
                let v = value.trim();
                let (target, data) = v.split_once(char::is_whitespace).unwrap_or((v, ""));
                check_name(target)?;
                add(t, Node::new(Kind::Pi, target, data.trim()))
            }
            10 => {
                let old = t
                    .node(DOC)
                    .children
                    .iter()
                    .copied()
                    .find(|&c| t.node(c).kind == Kind::DocType);
                match old {
                    Some(o) => {
                        t.nodes[o].value = value.trim().to_string();
                        o
                    }
                    None => t.insert(DOC, 0, Node::new(Kind::DocType, "", value.trim())),
                }
            }
            11 => {
                if at_doc {
                    return xerr(ERR_INVALID, "the document already has a root element");
                }
                let v = value.trim();
                if v.starts_with('<') {
                    let mut scratch = t.clone();
                    let count = scratch.node(n).children.len();
                    super::parse::parse_fragment(v, &mut scratch, n).map_err(|e| {
                        (ERR_INVALID, format!("invalid XML fragment: {}", e.message))
                    })?;
                    let first = scratch.node(n).children.get(count).copied();
                    *t = scratch;
                    first.unwrap_or(n)
                } else {
                    check_name(v)?;
                    t.append(n, Node::new(Kind::Element, v, ""))
                }
            }
            k => return xerr(ERR_INVALID, format!("unknown child node type {}", k)),
        };
        Ok(make_ref(d, id))
    });
    finish(it, C, res.map(text_value))
}

// docs/commands-legacy/dom-set-xml-declaration.md: encoding, standalone and the
// obsolete indentation flag (still honoured).
pub fn set_declaration(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const C: &str = "DOM SET XML DECLARATION";
    let r = ref_arg(a, 0, C)?;
    let enc = a.text(1, C)?.to_string();
    let standalone = matches!(a.get(2), Value::Bool(true));
    let indent = match a.get(3) {
        Value::Bool(b) => Some(*b),
        _ => None,
    };
    let res = on_node(&r, |doc, _, _| {
        if !enc.is_empty() {
            doc.tree.encoding = enc.clone();
        }
        doc.tree.standalone = standalone;
        if let Some(i) = indent {
            doc.opts.indent = i;
        }
        Ok(Value::Undefined)
    });
    finish(it, C, res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_paths_follow_the_docs_examples() {
        let mut t = Tree::new();
        let root = t.append(DOC, Node::new(Kind::Element, "RootElement", ""));
        let e = create_path(&mut t, root, "/RootElement/Elem1/Elem2/Elem3[2]").expect("created");
        let elem2 = t.node(e).parent.expect("parent");
        assert_eq!(t.elements(elem2).count(), 2);
        assert_eq!(t.elements(elem2).nth(1), Some(e));
        let x = create_path(&mut t, root, "/RootElement/Elem1/Elem2/Elem3[2]").expect("created");
        assert_eq!(t.elements(elem2).count(), 3);
        assert_eq!(t.elements(elem2).nth(1), Some(x));
        assert!(create_path(&mut t, root, "/Other/x").is_err());
        assert!(create_path(&mut t, root, "1bad").is_err());
        assert!(create_path(&mut t, root, "a[0]").is_err());
        let c = create_path(&mut t, root, "Elem9").expect("relative");
        assert_eq!(t.node(c).parent, Some(root));
    }
}
