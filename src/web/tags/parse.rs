//! Parsing a template into a tree of nodes (done once per file or text, cached by
//! [`super`]): 4D's comment tags `<!--#4DTAG arg-->` (also the legacy form without
//! `#`, `<!--4DVAR x-->`), and the `$4DTEXT(...)`, `$4DHTML(...)`, `$4DEVAL(...)`
//! forms. Every piece of 4D code a node runs is a *snippet*: its text is made here,
//! in document order, so that the compiler can chain them (see `run`).
//!
//! Malformed input never fails: an unterminated tag, an unknown `4D` tag, a block
//! tag without its opener become a [`Node::Marker`] whose text says what is wrong.

use std::rc::Rc;

/// Slot names of the template frame (the root method's slots, in this order).
pub const R: &str = "$_4dtag_r";
pub const I: &str = "$_4dtag_i";
pub const P: &str = "$_4dtag_p";
pub const ROOT_SLOTS: [&str; 3] = [R, I, P];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Out {
    /// `4DTEXT` (legacy `4DVAR`): the value, HTML-escaped.
    Text,
    /// `4DHTML` (legacy `4DHTMLVAR`): the value as is.
    Html,
    /// `4DEVAL`: any statement; an expression's value as is.
    Eval,
}

#[derive(Debug)]
pub enum Node {
    Text(Rc<str>),
    /// `snip`: `$_4dtag_r:=(expr)`; for `4DEVAL`, `snip + 1` is the text as statements.
    Out {
        kind: Out,
        raw: String,
        dollar: bool,
        snip: usize,
    },
    /// Arms: (raw tag, condition snippet `$_4dtag_r:=(cond)`, body).
    If {
        arms: Vec<(String, usize, Vec<Node>)>,
        otherwise: Vec<Node>,
        unclosed: bool,
    },
    Loop {
        raw: String,
        kind: LoopKind,
        snip: usize,
        body: Vec<Node>,
        unclosed: bool,
    },
    /// `snip`: `$_4dtag_p:=(expr)`, `snip+1`: `var:=$_4dtag_p[$_4dtag_i]`,
    /// `snip+2`: `$_4dtag_p:=OB Keys($_4dtag_p)`.
    Each {
        raw: String,
        snip: usize,
        body: Vec<Node>,
        unclosed: bool,
    },
    Include {
        raw: String,
        path: String,
    },
    Base(String),
    /// `snip`: `$_4dtag_r:=Method($_4dtag_p)`.
    Script {
        raw: String,
        param: String,
        snip: usize,
    },
    Code {
        snip: usize,
    },
    Marker(String),
}

/// How a `4DLOOP` iterates, decided from its argument's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    /// `[Table]`: snippets `FIRST RECORD`, `$r:=Not(End selection)`, `NEXT RECORD`.
    Table,
    /// A project method: snippet `$r:=M($_4dtag_i)`.
    Method,
    /// Anything else: snippets `$p:=->X` (an array, or a pointer to one: `Type`
    /// tells), `$r:=Type($p->)`, `$p:=$p->`, `$r:=Size of array($p->)`,
    /// `$p->:=$i`, and `$r:=(X)` for a Boolean expression.
    Other,
}

/// A parsed template: its nodes and the snippet texts they refer to.
#[derive(Debug, Default)]
pub struct Parsed {
    pub nodes: Vec<Node>,
    pub snippets: Vec<String>,
}

#[derive(Debug)]
enum Tok {
    Text(String),
    /// Name upper-cased without `4D`; arg trimmed; raw is the whole tag.
    Tag {
        name: String,
        arg: String,
        raw: String,
    },
    Dollar {
        kind: Out,
        expr: String,
        raw: String,
    },
    Bad(String),
}

/// Whether `s` (at a `<!--`) opens a 4D tag: the length of `<!--` + optional `#`.
fn tag_open(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("<!--")?;
    let (hash, rest) = match rest.strip_prefix('#') {
        Some(r) => (1, r),
        None => (0, rest),
    };
    let b = rest.as_bytes();
    (b.len() >= 2 && b[0] == b'4' && (b[1] == b'D' || b[1] == b'd')).then_some(4 + hash)
}

fn dollar_open(s: &str) -> Option<(Out, usize)> {
    let b = s.as_bytes();
    if b.len() < 8 || b[0] != b'$' || b[1] != b'4' || !b[2].eq_ignore_ascii_case(&b'D') {
        return None;
    }
    for (name, kind) in [
        ("TEXT(", Out::Text),
        ("HTML(", Out::Html),
        ("EVAL(", Out::Eval),
    ] {
        if s.len() >= 3 + name.len() && s[3..3 + name.len()].eq_ignore_ascii_case(name) {
            return Some((kind, 3 + name.len()));
        }
    }
    None
}

/// The end (index after the closing parenthesis) of a `$4DTAG(` whose content
/// starts at `from`: parentheses balanced outside 4D strings (`"..."`, `\` escapes).
fn balanced_end(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let (mut depth, mut i, mut in_str) = (1usize, from, false);
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                in_str = false;
            }
        } else {
            match c {
                b'"' => in_str = true,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

fn lex(src: &str, dollar: bool) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        let Some(k) = rest.find(['<', '$']) else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..k]);
        i += k;
        let rest = &src[i..];
        if let Some(skip) = tag_open(rest) {
            let body = &rest[skip + 2..];
            let Some(end) = body.find("-->") else {
                flush(&mut text, &mut toks);
                let shown: String = rest.chars().take(60).collect();
                toks.push(Tok::Bad(format!("{}: --> expected", shown.trim_end())));
                break;
            };
            let inner = &body[..end];
            let raw = &rest[..skip + 2 + end + 3];
            let name_len = inner
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(inner.len());
            flush(&mut text, &mut toks);
            toks.push(Tok::Tag {
                name: inner[..name_len].to_ascii_uppercase(),
                arg: inner[name_len..].trim().to_string(),
                raw: raw.to_string(),
            });
            i += raw.len();
            continue;
        }
        if dollar {
            if let Some((kind, open)) = dollar_open(rest) {
                flush(&mut text, &mut toks);
                match balanced_end(rest, open) {
                    Some(end) => {
                        toks.push(Tok::Dollar {
                            kind,
                            expr: rest[open..end - 1].to_string(),
                            raw: rest[..end].to_string(),
                        });
                        i += end;
                    }
                    None => {
                        let shown: String = rest.chars().take(60).collect();
                        toks.push(Tok::Bad(format!("{}: ) expected", shown.trim_end())));
                        break;
                    }
                }
                continue;
            }
        }
        let c = rest.chars().next().map_or(1, char::len_utf8);
        text.push_str(&rest[..c]);
        i += c;
    }
    flush(&mut text, &mut toks);
    toks
}

fn flush(text: &mut String, toks: &mut Vec<Tok>) {
    if !text.is_empty() {
        toks.push(Tok::Text(std::mem::take(text)));
    }
}

struct Parser<'m> {
    toks: std::vec::IntoIter<Tok>,
    snippets: Vec<String>,
    is_method: &'m dyn Fn(&str) -> bool,
}

/// Where a block stopped: the closing or separating tag (name, arg, raw).
type Stop = Option<(String, String, String)>;

impl Parser<'_> {
    fn snip(&mut self, code: String) -> usize {
        self.snippets.push(code);
        self.snippets.len() - 1
    }

    fn value_snip(&mut self, expr: &str) -> usize {
        self.snip(format!("{}:=({})", R, expr))
    }

    /// Nodes up to one of `stops` (or the end).
    fn block(&mut self, stops: &[&str]) -> (Vec<Node>, Stop) {
        let mut nodes = Vec::new();
        while let Some(t) = self.toks.next() {
            match t {
                Tok::Text(s) => nodes.push(Node::Text(Rc::from(s))),
                Tok::Bad(m) => nodes.push(Node::Marker(m)),
                Tok::Dollar { kind, expr, raw } => {
                    let snip = self.value_snip(&expr);
                    if kind == Out::Eval {
                        self.snip(expr.clone());
                    }
                    nodes.push(Node::Out {
                        kind,
                        raw,
                        dollar: true,
                        snip,
                    });
                }
                Tok::Tag { name, arg, raw } => {
                    if stops.contains(&name.as_str()) {
                        return (nodes, Some((name, arg, raw)));
                    }
                    nodes.push(self.tag(name, arg, raw));
                }
            }
        }
        (nodes, None)
    }

    fn tag(&mut self, name: String, arg: String, raw: String) -> Node {
        let out = |kind| (kind, false);
        let kind = match name.as_str() {
            "TEXT" | "VAR" => Some(out(Out::Text)),
            "HTML" | "HTMLVAR" => Some(out(Out::Html)),
            "EVAL" => Some(out(Out::Eval)),
            _ => None,
        };
        if let Some((kind, dollar)) = kind {
            let snip = self.value_snip(&arg);
            if kind == Out::Eval {
                self.snip(arg.clone());
            }
            return Node::Out {
                kind,
                raw,
                dollar,
                snip,
            };
        }
        match name.as_str() {
            "IF" => {
                let mut arms = Vec::new();
                let mut cond = (raw, arg);
                loop {
                    let snip = self.value_snip(&cond.1);
                    let (body, stop) = self.block(&["ELSEIF", "ELSE", "ENDIF"]);
                    arms.push((cond.0.clone(), snip, body));
                    match stop {
                        Some((n, a, r)) if n == "ELSEIF" => cond = (r, a),
                        Some((n, _, _)) if n == "ELSE" => {
                            let (otherwise, stop) = self.block(&["ENDIF"]);
                            return Node::If {
                                arms,
                                otherwise,
                                unclosed: stop.is_none(),
                            };
                        }
                        Some(_) => {
                            return Node::If {
                                arms,
                                otherwise: Vec::new(),
                                unclosed: false,
                            }
                        }
                        None => {
                            return Node::If {
                                arms,
                                otherwise: Vec::new(),
                                unclosed: true,
                            }
                        }
                    }
                }
            }
            "LOOP" => {
                let a = arg.trim();
                let is_table =
                    a.starts_with('[') && a.ends_with(']') && a[1..].find(']') == Some(a.len() - 2);
                let ident = !a.is_empty()
                    && a.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == ' ' || c == ':');
                let (kind, snip) = if is_table {
                    let s = self.snip(format!("FIRST RECORD({})", a));
                    self.snip(format!("{}:=Not(End selection({}))", R, a));
                    self.snip(format!("NEXT RECORD({})", a));
                    (LoopKind::Table, s)
                } else if ident && (self.is_method)(a) {
                    (LoopKind::Method, self.snip(format!("{}:={}({})", R, a, I)))
                } else {
                    let s = self.snip(format!("{}:=->{}", P, a));
                    self.snip(format!("{}:=Type({}->)", R, P));
                    self.snip(format!("{}:={}->", P, P));
                    self.snip(format!("{}:=Size of array({}->)", R, P));
                    self.snip(format!("{}->:={}", P, I));
                    self.value_snip(a);
                    (LoopKind::Other, s)
                };
                let (body, stop) = self.block(&["ENDLOOP"]);
                Node::Loop {
                    raw,
                    kind,
                    snip,
                    body,
                    unclosed: stop.is_none(),
                }
            }
            "EACH" => {
                let lower = arg.to_lowercase();
                let Some(k) = lower.find(" in ") else {
                    let (_, _) = self.block(&["ENDEACH"]);
                    return Node::Marker(format!(
                        "{}: syntax error (variable in expression expected)",
                        raw
                    ));
                };
                let (var, expr) = (arg[..k].trim().to_string(), arg[k + 4..].trim().to_string());
                let snip = self.snip(format!("{}:=({})", P, expr));
                self.snip(format!("{}:={}[{}]", var, P, I));
                self.snip(format!("{}:=OB Keys({})", P, P));
                let (body, stop) = self.block(&["ENDEACH"]);
                Node::Each {
                    raw,
                    snip,
                    body,
                    unclosed: stop.is_none(),
                }
            }
            "INCLUDE" => Node::Include { raw, path: arg },
            "BASE" => Node::Base(arg),
            "SCRIPT" | "ACTION" => {
                // <!--#4DSCRIPT/Method/param-->: the method gets "/param"
                let a = arg.strip_prefix('/').unwrap_or(&arg);
                let (method, param) = match a.find('/') {
                    Some(k) => (&a[..k], &a[k..]),
                    None => (a, ""),
                };
                let method = method.trim();
                if method.is_empty() {
                    return Node::Marker(format!("{}: a method name was expected", raw));
                }
                let snip = self.snip(format!("{}:={}({})", R, method, P));
                Node::Script {
                    raw,
                    param: param.to_string(),
                    snip,
                }
            }
            "CODE" => Node::Code {
                snip: self.snip(arg),
            },
            "ELSEIF" | "ELSE" | "ENDIF" => Node::Marker(format!("{}: 4DIF expected", raw)),
            "ENDLOOP" => Node::Marker(format!("{}: 4DLOOP expected", raw)),
            "ENDEACH" => Node::Marker(format!("{}: 4DEACH expected", raw)),
            _ => Node::Marker(format!("{}: unknown 4D tag", raw)),
        }
    }
}

/// Parses a template. `dollar`: whether `$4DTEXT(...)` forms are recognized (not
/// in the result of a tag being processed again). `is_method`: whether a name is
/// a project method (decides how `4DLOOP name` iterates).
pub fn parse(src: &str, dollar: bool, is_method: &dyn Fn(&str) -> bool) -> Parsed {
    let mut p = Parser {
        toks: lex(src, dollar).into_iter(),
        snippets: Vec::new(),
        is_method,
    };
    let (nodes, _) = p.block(&[]);
    Parsed {
        nodes,
        snippets: p.snippets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_methods(_: &str) -> bool {
        false
    }

    #[test]
    fn tags_text_and_markers() {
        let p = parse(
            "a<!--#4DTEXT x-->b<!-- plain -->$4DHTML(f(\")\"))<!--#4DIF c-->y<!--#4DELSE-->n<!--#4DENDIF--><!--#4DNOPE-->",
            true,
            &no_methods,
        );
        assert!(matches!(&p.nodes[0], Node::Text(t) if &**t == "a"));
        assert!(matches!(
            &p.nodes[1],
            Node::Out {
                kind: Out::Text,
                dollar: false,
                ..
            }
        ));
        assert!(matches!(&p.nodes[2], Node::Text(t) if &**t == "b<!-- plain -->"));
        assert!(matches!(
            &p.nodes[3],
            Node::Out {
                kind: Out::Html,
                dollar: true,
                ..
            }
        ));
        assert_eq!(p.snippets[1], "$_4dtag_r:=(f(\")\"))");
        assert!(
            matches!(&p.nodes[4], Node::If { arms, otherwise, unclosed: false } if arms.len() == 1 && otherwise.len() == 1)
        );
        assert!(matches!(&p.nodes[5], Node::Marker(m) if m.contains("unknown 4D tag")));
    }

    #[test]
    fn malformed_input_never_panics() {
        for s in [
            "<!--#4DTEXT x",
            "<!--#4D",
            "<!--4",
            "$4DTEXT(a",
            "$4D",
            "<!--#4DIF x-->",
            "<!--#4DENDIF-->",
            "<!--#4DEACH $x-->",
            "<!--#4DSCRIPT/-->",
            "é<!--#4DLOOP-->ü",
        ] {
            let p = parse(s, true, &no_methods);
            assert!(!p.nodes.is_empty(), "{s}");
        }
    }
}
