//! Writing a [`Tree`] back to XML text the way 4D's DOM export does: the
//! declaration `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>`, then,
//! with indentation (the default), each element on its own line indented by two
//! spaces per level, an element holding text (or CDATA) written on one line with
//! its content as is, an empty element as `<name/>`, and a final line end.
//! Without indentation everything is on one line. Line ends are LF unless the
//! `XML line ending` option says CR or CRLF.

use super::tree::{Kind, Tree, DOC};

/// How to write: indentation, line ending (`"\n"`, `"\r"`, `"\r\n"`).
pub struct Style {
    pub indent: bool,
    pub eol: &'static str,
}

/// Escapes element text: `&`, `<`, `>` and carriage returns.
pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

/// Escapes an attribute value (double-quoted): also `"` and whitespace controls.
pub fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#xD;"),
            '\n' => out.push_str("&#xA;"),
            '\t' => out.push_str("&#x9;"),
            c => out.push(c),
        }
    }
}

/// The whole document (node `DOC`), or one element and its subtree, as text
/// preceded by the declaration.
pub fn to_text(tree: &Tree, id: usize, style: &Style) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<?xml version=\"{}\" encoding=\"{}\" standalone=\"{}\" ?>",
        tree.version,
        tree.encoding,
        if tree.standalone { "yes" } else { "no" }
    ));
    let nl = |out: &mut String| {
        if style.indent {
            out.push('\n');
        }
    };
    nl(&mut out);
    if id == DOC {
        for &c in &tree.node(DOC).children {
            node(tree, c, 0, style.indent, &mut out);
            nl(&mut out);
        }
    } else {
        node(tree, id, 0, style.indent, &mut out);
        nl(&mut out);
    }
    if style.eol != "\n" {
        out = out.replace('\n', style.eol);
    }
    out
}

fn pad(level: usize, out: &mut String) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// Writes one node; `indent`: lay its element children out on indented lines.
fn node(tree: &Tree, id: usize, level: usize, indent: bool, out: &mut String) {
    let n = tree.node(id);
    match n.kind {
        Kind::Text => escape_text(&n.value, out),
        Kind::CData => {
            out.push_str("<![CDATA[");
            out.push_str(&n.value.replace("]]>", "]]]]><![CDATA[>"));
            out.push_str("]]>");
        }
        Kind::Comment => {
            out.push_str("<!--");
            out.push_str(&n.value);
            out.push_str("-->");
        }
        Kind::Pi => {
            out.push_str("<?");
            out.push_str(&n.name);
            if !n.value.is_empty() {
                out.push(' ');
                out.push_str(&n.value);
            }
            out.push_str("?>");
        }
        Kind::DocType => {
            out.push_str("<!DOCTYPE ");
            out.push_str(&n.value);
            out.push('>');
        }
        Kind::Document => {
            for &c in &n.children {
                node(tree, c, level, indent, out);
            }
        }
        Kind::Element => {
            out.push('<');
            out.push_str(&n.name);
            for (k, v) in &n.attrs {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape_attr(v, out);
                out.push('"');
            }
            if n.children.is_empty() {
                out.push_str("/>");
                return;
            }
            out.push('>');
            let mixed = n
                .children
                .iter()
                .any(|&c| matches!(tree.node(c).kind, Kind::Text | Kind::CData));
            if indent && !mixed {
                for &c in &n.children {
                    out.push('\n');
                    pad(level + 1, out);
                    node(tree, c, level + 1, true, out);
                }
                out.push('\n');
                pad(level, out);
            } else {
                for &c in &n.children {
                    node(tree, c, level + 1, false, out);
                }
            }
            out.push_str("</");
            out.push_str(&n.name);
            out.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::xml_dom::parse::parse;

    #[test]
    fn exports_indented_and_flat() {
        let t = parse("<r><a x=\"1&quot;\">t &amp; u</a><b/><c><d/></c></r>").expect("valid");
        let s = to_text(
            &t,
            DOC,
            &Style {
                indent: true,
                eol: "\n",
            },
        );
        assert_eq!(
            s,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n<r>\n  <a x=\"1&quot;\">t &amp; u</a>\n  <b/>\n  <c>\n    <d/>\n  </c>\n</r>\n"
        );
        let flat = to_text(
            &t,
            DOC,
            &Style {
                indent: false,
                eol: "\n",
            },
        );
        assert_eq!(
            flat,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?><r><a x=\"1&quot;\">t &amp; u</a><b/><c><d/></c></r>"
        );
    }
}
