//! Collection queries (`versioned_docs/version-21/API/CollectionClass.md`,
//! `.query()`, `.indices()`) with the ORDA query syntax on object properties, and
//! `.multiSort()` without a formula.
//!
//! Query strings: `path op value` comparisons joined by `&`/`and`, `|`/`or`,
//! negated by `not`/`!`, grouped with parentheses (`and` binds tighter than `or`).
//! Operators: `=` `==` (with `@` wildcards on text), `===` (no wildcard), `#` `!=`
//! `!==`, `<` `>` `<=` `>=`, `in` (value is a collection), `%` (keyword). Values:
//! placeholders `:1`, `:2`... (the extra parameters), `:name` (the `parameters`
//! object of a final querySettings object), quoted texts, numbers, `true`,
//! `false`, `null`. Paths are property paths (`a.b.c`). Texts compare as 4D does
//! (case- and accent-insensitive). An element whose property is undefined matches
//! only `= null` and `#`/`!=` comparisons with a non-null value ([choice]).

use super::collection::{compare_values, path_get};
use crate::runtime::collate;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::ops;
use crate::runtime::value::{new_collection, Coll, Value};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Eq,
    Strict,
    Ne,
    StrictNe,
    Lt,
    Gt,
    Le,
    Ge,
    In,
    Keyword,
}

#[derive(Debug)]
enum Q {
    Cmp(String, Op, Value),
    And(Box<Q>, Box<Q>),
    Or(Box<Q>, Box<Q>),
    Not(Box<Q>),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Num(f64),
    Place(String),
    Op(Op),
    And,
    Or,
    Not,
    LParen,
    RParen,
}

fn bad<T>(msg: impl Into<String>) -> RtResult<T> {
    err(codes::BAD_ARG, format!(".query(): {}", msg.into()))
}

fn lex(s: &str) -> RtResult<Vec<Tok>> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < c.len() {
        let ch = c[i];
        match ch {
            ' ' | '\t' | '\r' | '\n' => i += 1,
            '(' => {
                out.push(Tok::LParen);
                i += 1
            }
            ')' => {
                out.push(Tok::RParen);
                i += 1
            }
            '&' => {
                out.push(Tok::And);
                i += if c.get(i + 1) == Some(&'&') { 2 } else { 1 }
            }
            '|' => {
                out.push(Tok::Or);
                i += if c.get(i + 1) == Some(&'|') { 2 } else { 1 }
            }
            '\'' | '"' => {
                let q = ch;
                let mut t = String::new();
                i += 1;
                while i < c.len() && c[i] != q {
                    t.push(c[i]);
                    i += 1;
                }
                if i >= c.len() {
                    return bad("unterminated text");
                }
                i += 1;
                out.push(Tok::Str(t));
            }
            ':' => {
                let mut t = String::new();
                i += 1;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    t.push(c[i]);
                    i += 1;
                }
                out.push(Tok::Place(t));
            }
            '=' => {
                let n = c[i..].iter().take_while(|&&x| x == '=').count();
                out.push(Tok::Op(if n >= 3 { Op::Strict } else { Op::Eq }));
                i += n;
            }
            '#' => {
                out.push(Tok::Op(Op::Ne));
                i += 1
            }
            '!' => {
                let n = c[i + 1..].iter().take_while(|&&x| x == '=').count();
                if n == 0 {
                    out.push(Tok::Not);
                    i += 1;
                } else {
                    out.push(Tok::Op(if n >= 2 { Op::StrictNe } else { Op::Ne }));
                    i += 1 + n;
                }
            }
            '<' | '>' => {
                let eq = c.get(i + 1) == Some(&'=');
                out.push(Tok::Op(match (ch, eq) {
                    ('<', false) => Op::Lt,
                    ('<', true) => Op::Le,
                    ('>', false) => Op::Gt,
                    _ => Op::Ge,
                }));
                i += if eq { 2 } else { 1 };
            }
            '%' => {
                out.push(Tok::Op(Op::Keyword));
                i += 1
            }
            _ if ch.is_ascii_digit()
                || (ch == '-' && c.get(i + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                let mut t = String::from(ch);
                i += 1;
                while i < c.len() && (c[i].is_ascii_digit() || c[i] == '.') {
                    t.push(c[i]);
                    i += 1;
                }
                out.push(Tok::Num(t.parse().unwrap_or(0.0)));
            }
            _ => {
                let mut t = String::new();
                while i < c.len()
                    && !matches!(
                        c[i],
                        ' ' | '\t' | '(' | ')' | '=' | '#' | '!' | '<' | '>' | '%' | '&' | '|'
                    )
                {
                    t.push(c[i]);
                    i += 1;
                }
                match t.to_lowercase().as_str() {
                    "and" => out.push(Tok::And),
                    "or" => out.push(Tok::Or),
                    "not" => out.push(Tok::Not),
                    "in" => out.push(Tok::Op(Op::In)),
                    _ => out.push(Tok::Word(t)),
                }
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    args: &'a [Value],
    named: Option<&'a Value>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn or(&mut self) -> RtResult<Q> {
        let mut q = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            q = Q::Or(Box::new(q), Box::new(self.and()?));
        }
        Ok(q)
    }
    fn and(&mut self) -> RtResult<Q> {
        let mut q = self.factor()?;
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            q = Q::And(Box::new(q), Box::new(self.factor()?));
        }
        Ok(q)
    }
    fn factor(&mut self) -> RtResult<Q> {
        match self.next() {
            Some(Tok::Not) => Ok(Q::Not(Box::new(self.factor()?))),
            Some(Tok::LParen) => {
                let q = self.or()?;
                match self.next() {
                    Some(Tok::RParen) => Ok(q),
                    _ => bad("')' expected"),
                }
            }
            Some(Tok::Word(path)) => {
                let op = match self.next() {
                    Some(Tok::Op(op)) => op,
                    _ => return bad(format!("a comparison operator expected after {}", path)),
                };
                let v = self.value()?;
                Ok(Q::Cmp(path, op, v))
            }
            t => bad(format!("a property path expected, got {:?}", t)),
        }
    }
    fn value(&mut self) -> RtResult<Value> {
        Ok(match self.next() {
            Some(Tok::Str(s)) => crate::runtime::value::text(s),
            Some(Tok::Num(n)) => Value::Real(n),
            Some(Tok::Place(p)) => match p.parse::<usize>() {
                Ok(k) if k >= 1 => self.args.get(k - 1).cloned().unwrap_or_default(),
                _ => match self.named {
                    Some(Value::Object(o)) => {
                        o.borrow().get(p.as_str()).cloned().unwrap_or_default()
                    }
                    _ => Value::Undefined,
                },
            },
            Some(Tok::Word(w)) => match w.to_lowercase().as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                _ => return bad(format!("unexpected {}", w)),
            },
            t => return bad(format!("a value expected, got {:?}", t)),
        })
    }
}

fn eq(a: &Value, b: &Value, strict: bool) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) if strict => {
            collate::compare(x, y) == Ordering::Equal && !y.contains('@') || x == y
        }
        _ => ops::equal(a, b).unwrap_or(false),
    }
}

fn matches(q: &Q, el: &Value) -> bool {
    match q {
        Q::And(a, b) => matches(a, el) && matches(b, el),
        Q::Or(a, b) => matches(a, el) || matches(b, el),
        Q::Not(a) => !matches(a, el),
        Q::Cmp(path, op, v) => {
            let x = path_get(el, path);
            let missing = matches!(x, Value::Undefined | Value::Null);
            match op {
                Op::Eq | Op::Strict if matches!(v, Value::Null) => missing,
                Op::Ne | Op::StrictNe if matches!(v, Value::Null) => !missing,
                Op::Ne | Op::StrictNe if missing => true,
                _ if missing => false,
                Op::Eq => eq(&x, v, false),
                Op::Strict => eq(&x, v, true),
                Op::Ne => !eq(&x, v, false),
                Op::StrictNe => !eq(&x, v, true),
                Op::In => match v {
                    Value::Collection(c) => c.borrow().iter().any(|y| eq(&x, y, false)),
                    _ => false,
                },
                Op::Keyword => match (&x, v) {
                    (Value::Text(t), Value::Text(w)) => collate::keyword(t, w),
                    _ => false,
                },
                Op::Lt | Op::Gt | Op::Le | Op::Ge => {
                    let comparable = matches!(
                        (&x, v),
                        (Value::Text(_), Value::Text(_))
                            | (Value::Date(_), Value::Date(_))
                            | (Value::Bool(_), Value::Bool(_))
                    ) || (x.is_number() && v.is_number());
                    if !comparable {
                        return false;
                    }
                    let o = compare_values(&x, v);
                    match op {
                        Op::Lt => o == Ordering::Less,
                        Op::Gt => o == Ordering::Greater,
                        Op::Le => o != Ordering::Greater,
                        _ => o != Ordering::Less,
                    }
                }
            }
        }
    }
}

/// The indexes of the elements of `c` matching `query{; values...}`.
fn matching(c: &Coll, args: &[Value], fname: &str) -> RtResult<Vec<usize>> {
    let Some(Value::Text(qs)) = args.first() else {
        return err(
            codes::BAD_ARG,
            format!(".{}(): a query string expected", fname),
        );
    };
    let mut rest = &args[1..];
    // a final querySettings object: {parameters: {name: value}}
    let mut named = None;
    let settings;
    if let Some(Value::Object(o)) = rest.last() {
        if o.borrow().contains_key("parameters") {
            settings = o.borrow().get("parameters").cloned().unwrap_or_default();
            named = Some(&settings);
            rest = &rest[..rest.len() - 1];
        }
    }
    let mut p = Parser {
        toks: lex(qs)?,
        pos: 0,
        args: rest,
        named,
    };
    let q = p.or()?;
    if p.pos < p.toks.len() {
        return bad(format!("unexpected {:?}", p.toks[p.pos]));
    }
    Ok(c.borrow()
        .iter()
        .enumerate()
        .filter(|(_, el)| matches(&q, el))
        .map(|(i, _)| i)
        .collect())
}

/// `.query(queryString{; value...})`: a new collection of the matching elements
/// (the same objects, not copies).
pub fn query(c: &Coll, args: &[Value]) -> RtResult<Value> {
    let idx = matching(c, args, "query")?;
    let b = c.borrow();
    Ok(Value::Collection(new_collection(
        idx.into_iter().map(|i| b[i].clone()).collect(),
    )))
}

/// `.indices(queryString{; value...})`: the indexes of the matching elements.
pub fn indices(c: &Coll, args: &[Value]) -> RtResult<Value> {
    let idx = matching(c, args, "indices")?;
    Ok(Value::Collection(new_collection(
        idx.into_iter().map(|i| Value::Int(i as i32)).collect(),
    )))
}

/// `.multiSort({colsToSort})` without a formula: sorts the collection in ascending
/// order and reorders each collection of `colsToSort` the same way; equal values
/// are ordered by the next collections (each ascending, or as its
/// `{collection; order}` object says). Returns the collection itself.
pub fn multi_sort(c: &Coll, args: &[Value]) -> RtResult<Value> {
    if matches!(args.first(), Some(Value::Object(_))) {
        return err(
            codes::UNSUPPORTED,
            ".multiSort(formula; ...) is not supported yet",
        );
    }
    let mut cols: Vec<(Coll, bool)> = Vec::new();
    if let Some(Value::Collection(list)) = args.first() {
        for v in list.borrow().iter() {
            match v {
                Value::Collection(x) => cols.push((x.clone(), false)),
                Value::Object(o) => {
                    let o = o.borrow();
                    match o.get("collection") {
                        Some(Value::Collection(x)) => {
                            let desc = o.get("order").and_then(|v| v.as_num()) == Some(1.0);
                            cols.push((x.clone(), desc))
                        }
                        _ => return bad_sort(),
                    }
                }
                _ => return bad_sort(),
            }
        }
    }
    let n = c.borrow().len();
    if cols.iter().any(|(x, _)| x.borrow().len() != n) {
        return err(
            codes::BAD_ARG,
            ".multiSort(): every collection must have the same length",
        );
    }
    let mut perm: Vec<usize> = (0..n).collect();
    {
        let main = c.borrow();
        let others: Vec<(std::cell::Ref<Vec<Value>>, bool)> =
            cols.iter().map(|(x, d)| (x.borrow(), *d)).collect();
        crate::runtime::sorting::sort_by(&mut perm, |&i, &j| {
            let mut o = compare_values(&main[i], &main[j]);
            for (col, desc) in &others {
                if o != Ordering::Equal {
                    break;
                }
                o = compare_values(&col[i], &col[j]);
                if *desc {
                    o = o.reverse();
                }
            }
            o
        });
    }
    let apply = |x: &Coll| {
        let old = x.borrow().clone();
        let mut b = x.borrow_mut();
        for (k, &i) in perm.iter().enumerate() {
            b[k] = old[i].clone();
        }
    };
    apply(c);
    for (x, _) in &cols {
        if !std::rc::Rc::ptr_eq(x, c) {
            apply(x);
        }
    }
    Ok(Value::Collection(c.clone()))
}

fn bad_sort<T>() -> RtResult<T> {
    err(
        codes::BAD_ARG,
        ".multiSort(): colsToSort must hold collections or {collection; order} objects",
    )
}
