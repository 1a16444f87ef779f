//! Reading XML text into a [`Tree`] with quick-xml's pull parser: well-formedness
//! (matching end tags, one root element, no text outside it, known entities) is
//! checked here, and a failure is a [`ParseError`] with the line and column.
//!
//! Choices where the docs are silent: whitespace-only text between elements (the
//! indentation of the source) is dropped, so that child node lists, element
//! values and re-exported indentation are those a reader of the document sees; a
//! whitespace-only text that is an element's only content is kept. General
//! entities declared in the DOCTYPE's internal subset are expanded; DTD and XML
//! schema validation is not done (the `validation` parameter is accepted and
//! ignored).

use super::tree::{Kind, Node, Tree, DOC};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// The deepest nesting of elements accepted (the tree is walked recursively when
/// exported; libxml2's default limit is 256, fourd's is more generous).
pub const MAX_DEPTH: usize = 10_000;

/// A malformed document: the parser's message and where (1-based).
#[derive(Debug, Clone)]
pub struct ParseError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Decodes the bytes of a document: a UTF-8 or UTF-16 byte order mark, else
/// UTF-8, else (invalid UTF-8) ISO-8859-1.
pub fn decode_bytes(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], be: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true);
    }
    if let Some(rest) = b.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(b) {
        Ok(s) => s.to_string(),
        Err(_) => b.iter().map(|&c| c as char).collect(),
    }
}

fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(text.len());
    let before = &text.as_bytes()[..pos];
    let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
    let col = pos
        - before
            .iter()
            .rposition(|&c| c == b'\n')
            .map(|p| p + 1)
            .unwrap_or(0)
        + 1;
    (line, col)
}

fn fail(text: &str, pos: u64, message: impl Into<String>) -> ParseError {
    let (line, column) = line_col(text, pos as usize);
    ParseError {
        message: message.into(),
        line,
        column,
    }
}

/// Parses a whole document.
pub fn parse(text: &str) -> Result<Tree, ParseError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut tree = Tree::new();
    let mut stack: Vec<usize> = vec![DOC];
    parse_into(text, &mut tree, &mut stack, true)?;
    if tree.root().is_none() {
        return Err(fail(text, text.len() as u64, "no root element"));
    }
    Ok(tree)
}

/// Parses a fragment (elements, text...) as children of `parent`
/// (`DOM Append XML child node` with `XML ELEMENT`).
pub fn parse_fragment(text: &str, tree: &mut Tree, parent: usize) -> Result<(), ParseError> {
    let mut stack = vec![parent];
    parse_into(text, tree, &mut stack, false)
}

fn parse_into(
    text: &str,
    tree: &mut Tree,
    stack: &mut Vec<usize>,
    document: bool,
) -> Result<(), ParseError> {
    let base = stack.len();
    let mut r = Reader::from_str(text);
    // a text node being built from text and entity reference events
    let mut pending: Option<usize> = None;
    let mut entities: Vec<(String, String)> = Vec::new();
    loop {
        let ev = match r.read_event() {
            Ok(ev) => ev,
            Err(e) => return Err(fail(text, r.error_position(), e.to_string())),
        };
        let pos = r.buffer_position();
        let top = *stack.last().unwrap_or(&DOC);
        let at_doc_level = document && stack.len() == base;
        match ev {
            Event::Text(t) => {
                let s = t.xml10_content();
                if at_doc_level {
                    if !s.trim().is_empty() {
                        return Err(fail(text, pos, "text outside the root element"));
                    }
                    continue;
                }
                push_text(tree, top, &mut pending, &s);
            }
            Event::GeneralRef(g) => {
                if at_doc_level {
                    return Err(fail(text, pos, "reference outside the root element"));
                }
                let s = if g.is_char_ref() {
                    match g.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => return Err(fail(text, pos, "invalid character reference")),
                    }
                } else {
                    let name = g.xml10_content();
                    let declared = entities.iter().find(|(k, _)| *k == *name);
                    match resolve_predefined_entity(&name).or(declared.map(|(_, v)| v.as_str())) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(fail(text, pos, format!("undefined entity &{};", name)))
                        }
                    }
                };
                push_text(tree, top, &mut pending, &s);
            }
            Event::Start(e) | Event::Empty(e) if at_doc_level && tree.root().is_some() => {
                let _ = e;
                return Err(fail(text, pos, "more than one root element"));
            }
            Event::Start(e) => {
                pending = None;
                if stack.len() - base >= MAX_DEPTH {
                    return Err(fail(text, pos, "elements nested too deeply"));
                }
                let id = element(text, pos, tree, top, &e)?;
                stack.push(id);
            }
            Event::Empty(e) => {
                pending = None;
                element(text, pos, tree, top, &e)?;
            }
            Event::End(_) => {
                pending = None;
                if stack.len() <= base {
                    return Err(fail(text, pos, "unexpected end tag"));
                }
                if let Some(id) = stack.pop() {
                    drop_indentation(tree, id);
                }
            }
            Event::CData(c) => {
                pending = None;
                if at_doc_level {
                    return Err(fail(text, pos, "CDATA outside the root element"));
                }
                let v = c.into_inner().into_owned();
                tree.append(top, Node::new(Kind::CData, "", &v));
            }
            Event::Comment(c) => {
                pending = None;
                let v = c.into_inner();
                tree.append(top, Node::new(Kind::Comment, "", &v));
            }
            Event::PI(p) => {
                pending = None;
                let target = p.target().to_string();
                let data = p.content().trim_start().to_string();
                tree.append(top, Node::new(Kind::Pi, &target, &data));
            }
            Event::Decl(d) => {
                if let Ok(v) = d.version() {
                    tree.version = v.into_owned();
                }
                if let Some(Ok(e)) = d.encoding() {
                    tree.encoding = e.into_owned();
                }
                if let Some(Ok(s)) = d.standalone() {
                    tree.standalone = s == "yes";
                }
            }
            Event::DocType(d) => {
                let v = d.into_inner().trim().to_string();
                entities = internal_entities(&v);
                tree.append(DOC, Node::new(Kind::DocType, "", &v));
            }
            Event::Eof => break,
        }
    }
    if stack.len() > base {
        let name = tree.node(*stack.last().unwrap_or(&DOC)).name.clone();
        return Err(fail(
            text,
            text.len() as u64,
            format!("end of document inside <{}>", name),
        ));
    }
    Ok(())
}

/// The general entities declared in a DOCTYPE's internal subset
/// (`<!ENTITY nbsp "&#160;">`), their values with character references resolved.
fn internal_entities(doctype: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = doctype;
    while let Some(i) = rest.find("<!ENTITY") {
        rest = &rest[i + 8..];
        let body = rest.trim_start();
        if body.starts_with('%') {
            continue;
        }
        let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
        let name = &body[..name_end];
        let after = body[name_end..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some(end) = after[1..].find(q) else {
            break;
        };
        let raw = &after[1..end + 1];
        let value = quick_xml::escape::unescape(raw)
            .map(|c| c.into_owned())
            .unwrap_or_else(|_| raw.to_string());
        out.push((name.to_string(), value));
    }
    out
}

fn push_text(tree: &mut Tree, parent: usize, pending: &mut Option<usize>, s: &str) {
    match *pending {
        Some(id) => tree.nodes[id].value.push_str(s),
        None => *pending = Some(tree.append(parent, Node::new(Kind::Text, "", s))),
    }
}

fn element(
    text: &str,
    pos: u64,
    tree: &mut Tree,
    parent: usize,
    e: &quick_xml::events::BytesStart,
) -> Result<usize, ParseError> {
    let name = e.name().as_ref().to_string();
    let mut n = Node::new(Kind::Element, &name, "");
    for a in e.attributes() {
        let a = a.map_err(|err| fail(text, pos, err.to_string()))?;
        let key = a.key.as_ref().to_string();
        let v = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| fail(text, pos, err.to_string()))?;
        if n.attrs.iter().any(|(k, _)| *k == key) {
            return Err(fail(text, pos, format!("duplicate attribute {}", key)));
        }
        n.attrs.push((key, v.into_owned()));
    }
    Ok(tree.append(parent, n))
}

/// Drops the whitespace-only text children of an element that has element
/// children (the indentation of the source).
fn drop_indentation(tree: &mut Tree, id: usize) {
    let n = &tree.nodes[id];
    if !n
        .children
        .iter()
        .any(|&c| tree.nodes[c].kind == Kind::Element)
    {
        return;
    }
    let blank: Vec<usize> = n
        .children
        .iter()
        .copied()
        .filter(|&c| tree.nodes[c].kind == Kind::Text && tree.nodes[c].value.trim().is_empty())
        .collect();
    for c in blank {
        tree.remove(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_document() {
        let t = parse(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE r SYSTEM \"r.dtd\">\n<r a=\"1 &amp; 2\">\n  <b>x &lt; y&#65;</b>\n  <![CDATA[<raw>]]><!--c--><?pi data?>\n</r>",
        )
        .expect("valid");
        let r = t.root().expect("root");
        assert_eq!(t.attr(r, "a"), Some("1 & 2"));
        assert_eq!(t.encoding, "ISO-8859-1");
        let b = t.elements(r).next().expect("b");
        assert_eq!(t.value(b), "x < yA");
        assert_eq!(t.cdata(r), "<raw>");
        let kinds: Vec<Kind> = t.node(r).children.iter().map(|&c| t.node(c).kind).collect();
        assert_eq!(
            kinds,
            vec![Kind::Element, Kind::CData, Kind::Comment, Kind::Pi]
        );
    }

    #[test]
    fn malformed_documents_fail() {
        for bad in [
            "",
            "<a>",
            "<a></b>",
            "<a/><b/>",
            "text<a/>",
            "<a>&nope;</a>",
            "<a x='1' x='2'/>",
            "</a>",
        ] {
            assert!(parse(bad).is_err(), "{:?} should fail", bad);
        }
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).is_err());
        let ok = format!("{}{}", "<a>".repeat(1000), "</a>".repeat(1000));
        assert!(parse(&ok).is_ok());
        let t =
            parse("<!DOCTYPE a [<!ENTITY nbsp \"&#160;\"><!ENTITY me 'fourd'>]><a>&me;&nbsp;</a>")
                .expect("declared entities");
        assert_eq!(t.value(t.root().expect("root")), "fourd\u{A0}");
        let e = parse("<a>\n<b></c></a>").expect_err("mismatch");
        assert_eq!(e.line, 2);
    }
}
