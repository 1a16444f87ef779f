//! The ORDA query language, parsed (docs/API/DataClassClass.md, `.query()`):
//! `attributePath comparator value {& | AND | '|' | OR attributePath comparator
//! value} {order by attributePath {asc | desc} {, ...}}`, with `not(...)`,
//! parentheses, placeholders (`:1` indexed, `:name` named) for values and for
//! attribute paths, literal values in single or double quotes, numbers,
//! `true`/`false`/`null` and `[...]` lists for `IN`.
//!
//! Comparators: `=` and `==` (equal, `@` wildcard), `===` (strictly equal, `@` is a
//! character), `#` and `!=` (not equal), `!==`, `<`, `<=`, `>`, `>=`, `IN`, `%`
//! (keyword). [choice] `&` binds tighter than `|` (as in most query languages; the
//! docs recommend parentheses when mixing them).

use crate::runtime::error::{err, RtResult};
use crate::runtime::value::{text, Value};

pub const BAD_QUERY: i32 = 1603;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    StrictEq,
    Ne,
    StrictNe,
    Lt,
    Le,
    Gt,
    Ge,
    Keyword,
    In,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::StrictEq => "===",
            Op::Ne => "#",
            Op::StrictNe => "!==",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Keyword => "%",
            Op::In => "IN",
        }
    }
}

/// A value or attribute path as written: a literal or a placeholder.
#[derive(Debug, Clone)]
pub enum Arg {
    Lit(Value),
    Pos(usize),
    Named(String),
    List(Vec<Arg>),
}

#[derive(Debug, Clone)]
pub enum Node {
    Cmp { path: Arg, op: Op, val: Arg },
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Not(Box<Node>),
}

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub node: Option<Node>,
    /// `order by` keys: attribute path, descending.
    pub order: Vec<(String, bool)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Num(f64),
    Pos(usize),
    Named(String),
    Op(Op),
    And,
    Or,
    Not,
    LParen,
    RParen,
    LBrack,
    RBrack,
    Comma,
}

fn bad<T>(q: &str, why: &str) -> RtResult<T> {
    err(BAD_QUERY, format!("Invalid query \"{}\": {}", q, why))
}

fn lex(q: &str) -> RtResult<Vec<Tok>> {
    let c: Vec<char> = q.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
            continue;
        }
        match ch {
            '(' => {
                out.push(Tok::LParen);
                i += 1;
            }
            ')' => {
                out.push(Tok::RParen);
                i += 1;
            }
            '[' if !matches!(out.last(), Some(Tok::Word(_))) => {
                out.push(Tok::LBrack);
                i += 1;
            }
            ']' => {
                out.push(Tok::RBrack);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '&' => {
                out.push(Tok::And);
                i += if c.get(i + 1) == Some(&'&') { 2 } else { 1 };
            }
            '|' => {
                out.push(Tok::Or);
                i += if c.get(i + 1) == Some(&'|') { 2 } else { 1 };
            }
            '%' => {
                out.push(Tok::Op(Op::Keyword));
                i += 1;
            }
            '#' => {
                out.push(Tok::Op(Op::Ne));
                i += 1;
            }
            '=' => {
                let n = c[i..].iter().take_while(|&&x| x == '=').count();
                out.push(Tok::Op(if n >= 3 { Op::StrictEq } else { Op::Eq }));
                i += n.min(3);
            }
            '!' => {
                let n = c[i + 1..].iter().take_while(|&&x| x == '=').count();
                match n {
                    0 => {
                        out.push(Tok::Not);
                        i += 1;
                    }
                    1 => {
                        out.push(Tok::Op(Op::Ne));
                        i += 2;
                    }
                    _ => {
                        out.push(Tok::Op(Op::StrictNe));
                        i += 3;
                    }
                }
            }
            '<' | '>' => {
                let eq = c.get(i + 1) == Some(&'=');
                out.push(Tok::Op(match (ch, eq) {
                    ('<', true) => Op::Le,
                    ('<', false) => Op::Lt,
                    (_, true) => Op::Ge,
                    _ => Op::Gt,
                }));
                i += if eq { 2 } else { 1 };
            }
            '\'' | '"' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match c.get(i) {
                        None => return bad(q, "unterminated text"),
                        Some(&x) if x == ch => {
                            i += 1;
                            break;
                        }
                        Some('\\') if c.get(i + 1) == Some(&ch) => {
                            s.push(ch);
                            i += 2;
                        }
                        Some(&x) => {
                            s.push(x);
                            i += 1;
                        }
                    }
                }
                out.push(Tok::Str(s));
            }
            ':' => {
                let start = i + 1;
                let mut j = start;
                while j < c.len() && (c[j].is_alphanumeric() || c[j] == '_') {
                    j += 1;
                }
                let name: String = c[start..j].iter().collect();
                if name.is_empty() {
                    return bad(q, "a placeholder needs a number or a name");
                }
                match name.parse::<usize>() {
                    Ok(n) if n >= 1 => out.push(Tok::Pos(n)),
                    Ok(_) => return bad(q, "placeholders start at :1"),
                    Err(_) => out.push(Tok::Named(name)),
                }
                i = j;
            }
            x if x.is_ascii_digit()
                || (x == '-' && c.get(i + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                let start = i;
                i += 1;
                while i < c.len() && (c[i].is_ascii_digit() || c[i] == '.') {
                    i += 1;
                }
                let s: String = c[start..i].iter().collect();
                match s.parse::<f64>() {
                    Ok(n) => out.push(Tok::Num(n)),
                    Err(_) => return bad(q, "bad number"),
                }
            }
            x if x.is_alphanumeric() || x == '_' || x == '$' => {
                let start = i;
                while i < c.len()
                    && (c[i].is_alphanumeric()
                        || matches!(c[i], '_' | '.' | '$')
                        || (c[i] == '[' && c.get(i + 1) == Some(&']'))
                        || (c[i] == ']' && i > 0 && c[i - 1] == '['))
                {
                    i += 1;
                }
                let w: String = c[start..i].iter().collect();
                let lw = w.to_ascii_lowercase();
                out.push(match lw.as_str() {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "in" => Tok::Op(Op::In),
                    _ => Tok::Word(w),
                });
            }
            _ => return bad(q, &format!("unexpected character '{}'", ch)),
        }
    }
    Ok(out)
}

struct P<'a> {
    t: Vec<Tok>,
    i: usize,
    q: &'a str,
}

impl P<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.t.get(self.i)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.t.get(self.i).cloned();
        self.i += 1;
        t
    }
    fn at_order_by(&self) -> bool {
        matches!((self.t.get(self.i), self.t.get(self.i + 1)),
            (Some(Tok::Word(a)), Some(Tok::Word(b)))
                if a.eq_ignore_ascii_case("order") && b.eq_ignore_ascii_case("by"))
    }
    fn or(&mut self) -> RtResult<Node> {
        let mut n = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.i += 1;
            let r = self.and()?;
            n = Node::Or(Box::new(n), Box::new(r));
        }
        Ok(n)
    }
    fn and(&mut self) -> RtResult<Node> {
        let mut n = self.unary()?;
        while self.peek() == Some(&Tok::And) {
            self.i += 1;
            let r = self.unary()?;
            n = Node::And(Box::new(n), Box::new(r));
        }
        Ok(n)
    }
    fn unary(&mut self) -> RtResult<Node> {
        match self.peek() {
            Some(Tok::Not) => {
                self.i += 1;
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            Some(Tok::LParen) => {
                self.i += 1;
                let n = self.or()?;
                match self.next() {
                    Some(Tok::RParen) => Ok(n),
                    _ => bad(self.q, "missing )"),
                }
            }
            _ => self.cmp(),
        }
    }
    fn cmp(&mut self) -> RtResult<Node> {
        let path = match self.next() {
            Some(Tok::Word(w)) => Arg::Lit(text(w)),
            Some(Tok::Pos(n)) => Arg::Pos(n),
            Some(Tok::Named(n)) => Arg::Named(n),
            _ => return bad(self.q, "an attribute path is expected"),
        };
        let op = match self.next() {
            Some(Tok::Op(op)) => op,
            _ => return bad(self.q, "a comparator is expected"),
        };
        let val = self.value()?;
        Ok(Node::Cmp { path, op, val })
    }
    fn value(&mut self) -> RtResult<Arg> {
        Ok(match self.next() {
            Some(Tok::Str(s)) => Arg::Lit(text(s)),
            Some(Tok::Num(n)) => Arg::Lit(Value::Real(n)),
            Some(Tok::Pos(n)) => Arg::Pos(n),
            Some(Tok::Named(n)) => Arg::Named(n),
            Some(Tok::Word(w)) => match w.to_ascii_lowercase().as_str() {
                "true" => Arg::Lit(Value::Bool(true)),
                "false" => Arg::Lit(Value::Bool(false)),
                "null" => Arg::Lit(Value::Null),
                _ => Arg::Lit(text(w)),
            },
            Some(Tok::LBrack) => {
                let mut items = Vec::new();
                if self.peek() == Some(&Tok::RBrack) {
                    self.i += 1;
                    return Ok(Arg::List(items));
                }
                loop {
                    items.push(self.value()?);
                    match self.next() {
                        Some(Tok::Comma) => continue,
                        Some(Tok::RBrack) => break,
                        _ => return bad(self.q, "missing ]"),
                    }
                }
                Arg::List(items)
            }
            _ => return bad(self.q, "a value is expected"),
        })
    }
    fn order(&mut self) -> RtResult<Vec<(String, bool)>> {
        self.i += 2;
        let q = self.q;
        parse_order_keys(&mut || self.next(), q)
    }
}

fn parse_order_keys(
    next: &mut dyn FnMut() -> Option<Tok>,
    q: &str,
) -> RtResult<Vec<(String, bool)>> {
    let mut keys = Vec::new();
    let mut cur: Option<(String, bool)> = None;
    loop {
        match next() {
            None => break,
            Some(Tok::Word(w)) if cur.is_some() && w.eq_ignore_ascii_case("desc") => {
                if let Some(c) = &mut cur {
                    c.1 = true
                }
            }
            Some(Tok::Word(w)) if cur.is_some() && w.eq_ignore_ascii_case("asc") => {}
            Some(Tok::Word(w)) if cur.is_none() => cur = Some((w, false)),
            Some(Tok::Comma) if cur.is_some() => keys.extend(cur.take()),
            _ => return bad(q, "bad order by"),
        }
    }
    keys.extend(cur);
    if keys.is_empty() {
        return bad(q, "order by needs an attribute");
    }
    Ok(keys)
}

/// Parses a query string.
pub fn parse(q: &str) -> RtResult<Parsed> {
    let mut p = P {
        t: lex(q)?,
        i: 0,
        q,
    };
    let mut out = Parsed::default();
    if p.at_order_by() {
        out.order = p.order()?;
        return Ok(out);
    }
    if p.t.is_empty() {
        return bad(q, "empty query");
    }
    out.node = Some(p.or()?);
    if p.at_order_by() {
        out.order = p.order()?;
    } else if p.i < p.t.len() {
        return bad(q, "unexpected text after the query");
    }
    Ok(out)
}

/// Parses the text of `orderBy("a desc, b.c asc")`.
pub fn parse_order(s: &str) -> RtResult<Vec<(String, bool)>> {
    let mut toks = lex(s)?.into_iter();
    parse_order_keys(&mut || toks.next(), s)
}
