//! The XPath of `DOM Find XML element`: the XPath 1.0 subset the docs list —
//! absolute (`/a/b`) and relative (`b[2]/c`) location paths, `//`, `.`, `..`,
//! `*`, `@name`, `@*`, `text()`, `node()`, axes written out (`child::`,
//! `descendant::`, `parent::`, `self::`, `attribute::`,
//! `descendant-or-self::`), predicates (`[1]`, `[last()]`, `[@type="warning"]`,
//! `[title]`, `[title="Introduction"]`, `[contains(@class,'bg')]`, chained
//! `[..][..]`), `and`/`or`, comparisons, the functions `last`, `position`,
//! `count`, `contains`, `starts-with`, `not`, `string`, `string-length`,
//! `normalize-space`, `local-name`, `name`, `true`, `false`, and unions `a | b`.
//! Searches are case sensitive. The result is a node set in document order;
//! an attribute in it stands for its element (4D references designate nodes).

use super::path_lex::{lex, Tok};
use super::tree::{Kind, Tree, DOC};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Axis {
    Child,
    Descendant,
    DescendantOrSelf,
    Parent,
    Itself,
    Attribute,
}

#[derive(Debug, Clone, PartialEq)]
enum Test {
    Name(String),
    Any,
    Text,
    Node,
    Comment,
}

#[derive(Debug, Clone)]
struct Step {
    axis: Axis,
    test: Test,
    preds: Vec<Expr>,
}

#[derive(Debug, Clone)]
struct Path {
    absolute: bool,
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
enum Expr {
    Path(Path),
    Str(String),
    Num(f64),
    Call(String, Vec<Expr>),
    Bin(&'static str, Box<Expr>, Box<Expr>),
    Union(Vec<Expr>),
}

struct Parser {
    toks: Vec<Tok>,
    i: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i)
    }
    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, t: &Tok) -> Result<(), String> {
        if self.eat(t) {
            Ok(())
        } else {
            Err(format!("expected {:?}", t))
        }
    }

    fn or(&mut self) -> Result<Expr, String> {
        self.depth += 1;
        if self.depth > 200 {
            return Err("expression nested too deeply".into());
        }
        let r = self.or_inner();
        self.depth -= 1;
        r
    }
    fn or_inner(&mut self) -> Result<Expr, String> {
        let mut l = self.and()?;
        while self.peek() == Some(&Tok::Name("or".into())) {
            self.i += 1;
            l = Expr::Bin("or", Box::new(l), Box::new(self.and()?));
        }
        Ok(l)
    }
    fn and(&mut self) -> Result<Expr, String> {
        let mut l = self.cmp()?;
        while self.peek() == Some(&Tok::Name("and".into())) {
            self.i += 1;
            l = Expr::Bin("and", Box::new(l), Box::new(self.cmp()?));
        }
        Ok(l)
    }
    fn cmp(&mut self) -> Result<Expr, String> {
        let l = self.union()?;
        if let Some(Tok::Op(op)) = self.peek() {
            let op = *op;
            self.i += 1;
            let r = self.union()?;
            return Ok(Expr::Bin(op, Box::new(l), Box::new(r)));
        }
        Ok(l)
    }
    fn union(&mut self) -> Result<Expr, String> {
        let first = self.primary()?;
        if self.peek() != Some(&Tok::Bar) {
            return Ok(first);
        }
        let mut all = vec![first];
        while self.eat(&Tok::Bar) {
            all.push(self.primary()?);
        }
        Ok(Expr::Union(all))
    }
    fn primary(&mut self) -> Result<Expr, String> {
        match self.peek().cloned() {
            Some(Tok::Str(s)) => {
                self.i += 1;
                Ok(Expr::Str(s))
            }
            Some(Tok::Num(n)) => {
                self.i += 1;
                Ok(Expr::Num(n))
            }
            Some(Tok::LPar) => {
                self.i += 1;
                let e = self.or()?;
                self.expect(&Tok::RPar)?;
                Ok(e)
            }
            Some(Tok::Name(n))
                if self.toks.get(self.i + 1) == Some(&Tok::LPar) && !is_node_test(&n) =>
            {
                self.i += 2;
                let mut args = Vec::new();
                if !self.eat(&Tok::RPar) {
                    loop {
                        args.push(self.or()?);
                        if self.eat(&Tok::RPar) {
                            break;
                        }
                        self.expect(&Tok::Comma)?;
                    }
                }
                Ok(Expr::Call(n, args))
            }
            _ => Ok(Expr::Path(self.path()?)),
        }
    }

    fn path(&mut self) -> Result<Path, String> {
        let mut steps = Vec::new();
        let mut absolute = false;
        if self.eat(&Tok::Slash) {
            absolute = true;
            // "/" alone: the document node
            if !self.starts_step() {
                return Ok(Path { absolute, steps });
            }
        } else if self.eat(&Tok::DSlash) {
            absolute = true;
            steps.push(descendant_or_self());
        }
        loop {
            steps.push(self.step()?);
            if self.eat(&Tok::Slash) {
                continue;
            }
            if self.eat(&Tok::DSlash) {
                steps.push(descendant_or_self());
                continue;
            }
            break;
        }
        Ok(Path { absolute, steps })
    }

    fn starts_step(&self) -> bool {
        matches!(
            self.peek(),
            Some(Tok::Name(_) | Tok::At | Tok::Star | Tok::Dot | Tok::DDot | Tok::Axis(_))
        )
    }

    fn step(&mut self) -> Result<Step, String> {
        let mut axis = Axis::Child;
        match self.peek().cloned() {
            Some(Tok::Dot) => {
                self.i += 1;
                return Ok(Step {
                    axis: Axis::Itself,
                    test: Test::Node,
                    preds: self.preds()?,
                });
            }
            Some(Tok::DDot) => {
                self.i += 1;
                return Ok(Step {
                    axis: Axis::Parent,
                    test: Test::Node,
                    preds: self.preds()?,
                });
            }
            Some(Tok::At) => {
                self.i += 1;
                axis = Axis::Attribute;
            }
            Some(Tok::Axis(a)) => {
                self.i += 1;
                axis = match a.as_str() {
                    "child" => Axis::Child,
                    "descendant" => Axis::Descendant,
                    "descendant-or-self" => Axis::DescendantOrSelf,
                    "parent" => Axis::Parent,
                    "self" => Axis::Itself,
                    "attribute" => Axis::Attribute,
                    other => return Err(format!("unsupported axis {}", other)),
                };
            }
            _ => {}
        }
        let test = match self.peek().cloned() {
            Some(Tok::Star) => {
                self.i += 1;
                Test::Any
            }
            Some(Tok::Name(n)) => {
                self.i += 1;
                if is_node_test(&n) && self.eat(&Tok::LPar) {
                    self.expect(&Tok::RPar)?;
                    match n.as_str() {
                        "text" => Test::Text,
                        "comment" => Test::Comment,
                        _ => Test::Node,
                    }
                } else {
                    Test::Name(n)
                }
            }
            t => return Err(format!("expected a step, got {:?}", t)),
        };
        Ok(Step {
            axis,
            test,
            preds: self.preds()?,
        })
    }

    fn preds(&mut self) -> Result<Vec<Expr>, String> {
        let mut out = Vec::new();
        while self.eat(&Tok::LBr) {
            out.push(self.or()?);
            self.expect(&Tok::RBr)?;
        }
        Ok(out)
    }
}

fn is_node_test(n: &str) -> bool {
    matches!(n, "text" | "node" | "comment")
}

fn descendant_or_self() -> Step {
    Step {
        axis: Axis::DescendantOrSelf,
        test: Test::Node,
        preds: Vec::new(),
    }
}

/// A member of a node set: a node, or attribute `i` of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Node(usize),
    Attr(usize, usize),
}

impl Item {
    /// The node a reference to this item designates (an attribute's element).
    pub fn node(self) -> usize {
        match self {
            Item::Node(n) | Item::Attr(n, _) => n,
        }
    }
}

#[derive(Debug, Clone)]
enum Val {
    Nodes(Vec<Item>),
    Str(String),
    Num(f64),
    Bool(bool),
}

/// A compiled XPath expression.
#[derive(Debug, Clone)]
pub struct XPath(Expr);

impl XPath {
    pub fn parse(s: &str) -> Result<XPath, String> {
        let toks = lex(s)?;
        if toks.is_empty() {
            return Err("empty path".into());
        }
        let mut p = Parser {
            toks,
            i: 0,
            depth: 0,
        };
        let e = p.or()?;
        if p.i != p.toks.len() {
            return Err(format!("unexpected {:?}", p.toks[p.i]));
        }
        Ok(XPath(e))
    }

    /// Is this a plain relative location path whose first step is a child
    /// element name (`root/child`)? Returns that name.
    fn first_child_name(&self) -> Option<&str> {
        match &self.0 {
            Expr::Path(Path {
                absolute: false,
                steps,
            }) => match steps.first() {
                Some(Step {
                    axis: Axis::Child,
                    test: Test::Name(n),
                    ..
                }) => Some(n),
                _ => None,
            },
            _ => None,
        }
    }

    /// The items this path selects from the context node, in document order.
    ///
    /// Like 4D's non-standard XPath of converted databases, a relative path whose
    /// first step names the context element itself and none of its children
    /// (`DOM Find XML element($root; "root/child")`) starts at the context.
    pub fn select(&self, tree: &Tree, ctx: usize) -> Result<Vec<Item>, String> {
        let mut ev = Eval { tree, order: None };
        if let Some(first) = self.first_child_name() {
            let n = tree.node(ctx);
            if n.kind == Kind::Element
                && n.name == first
                && !tree.elements(ctx).any(|c| tree.node(c).name == first)
            {
                if let Expr::Path(p) = &self.0 {
                    let mut p = p.clone();
                    p.steps[0].axis = Axis::Itself;
                    return ev.path(&p, Item::Node(ctx));
                }
            }
        }
        match ev.expr(&self.0, Item::Node(ctx), 1, 1)? {
            Val::Nodes(v) => Ok(v),
            _ => Err("the path does not select nodes".into()),
        }
    }
}

struct Eval<'t> {
    tree: &'t Tree,
    /// Document order positions, computed when a node set needs sorting.
    order: Option<Vec<usize>>,
}

impl Eval<'_> {
    fn sort(&mut self, v: &mut Vec<Item>) {
        if v.len() < 2 {
            return;
        }
        let tree = self.tree;
        let order = self.order.get_or_insert_with(|| tree.order());
        v.sort_by_key(|&it| match it {
            Item::Node(n) => (order[n], 0),
            Item::Attr(n, i) => (order[n], i + 1),
        });
        v.dedup();
    }

    fn path(&mut self, p: &Path, ctx: Item) -> Result<Vec<Item>, String> {
        let mut cur = vec![if p.absolute { Item::Node(DOC) } else { ctx }];
        for s in &p.steps {
            let mut next = Vec::new();
            for &c in &cur {
                // `name[n]` on the child axis: stop at the n-th match
                if let (Axis::Child, [Expr::Num(k)], Item::Node(cn)) = (s.axis, &s.preds[..], c) {
                    let t = self.tree;
                    let k = *k;
                    if k.fract() == 0.0 && k >= 1.0 {
                        let hit = t
                            .node(cn)
                            .children
                            .iter()
                            .copied()
                            .filter(|&n| self.test(&s.test, n))
                            .nth(k as usize - 1);
                        next.extend(hit.map(Item::Node));
                    }
                    continue;
                }
                let cand = self.axis(s, c);
                let mut kept = cand;
                for pr in &s.preds {
                    // `[n]`: the n-th, without evaluating the others
                    if let Expr::Num(n) = pr {
                        let i = *n as usize;
                        kept = if n.fract() == 0.0 && i >= 1 && i <= kept.len() {
                            vec![kept[i - 1]]
                        } else {
                            Vec::new()
                        };
                        continue;
                    }
                    let size = kept.len();
                    let mut out = Vec::new();
                    for (i, &it) in kept.iter().enumerate() {
                        if self.pred(pr, it, i + 1, size)? {
                            out.push(it);
                        }
                    }
                    kept = out;
                }
                next.extend(kept);
            }
            // one context node gives its nodes in document order already
            if cur.len() > 1 {
                self.sort(&mut next);
            }
            cur = next;
        }
        Ok(cur)
    }

    fn test(&self, t: &Test, id: usize) -> bool {
        let n = self.tree.node(id);
        match t {
            Test::Node => true,
            Test::Text => matches!(n.kind, Kind::Text | Kind::CData),
            Test::Comment => n.kind == Kind::Comment,
            Test::Any => n.kind == Kind::Element,
            Test::Name(name) => n.kind == Kind::Element && n.name == *name,
        }
    }

    fn axis(&self, s: &Step, ctx: Item) -> Vec<Item> {
        let Item::Node(c) = ctx else {
            return Vec::new();
        };
        let t = self.tree;
        let nodes: Vec<usize> = match s.axis {
            Axis::Child => t.node(c).children.clone(),
            Axis::Descendant => t.descendants(c),
            Axis::DescendantOrSelf => {
                let mut v = vec![c];
                v.extend(t.descendants(c));
                v
            }
            Axis::Parent => t.node(c).parent.into_iter().collect(),
            Axis::Itself => vec![c],
            Axis::Attribute => {
                return t
                    .node(c)
                    .attrs
                    .iter()
                    .enumerate()
                    .filter(|(_, (k, _))| match &s.test {
                        Test::Name(n) => k == n,
                        Test::Any | Test::Node => true,
                        _ => false,
                    })
                    .map(|(i, _)| Item::Attr(c, i))
                    .collect();
            }
        };
        nodes
            .into_iter()
            .filter(|&n| self.test(&s.test, n))
            .map(Item::Node)
            .collect()
    }

    fn pred(&mut self, e: &Expr, it: Item, pos: usize, size: usize) -> Result<bool, String> {
        Ok(match self.expr(e, it, pos, size)? {
            Val::Num(n) => n == pos as f64,
            v => truthy(&v),
        })
    }

    fn string(&self, it: Item) -> String {
        match it {
            Item::Node(n) => self.tree.string_value(n),
            Item::Attr(n, i) => self.tree.node(n).attrs[i].1.clone(),
        }
    }

    fn to_str(&self, v: &Val) -> String {
        match v {
            Val::Nodes(n) => n.first().map(|&i| self.string(i)).unwrap_or_default(),
            Val::Str(s) => s.clone(),
            Val::Num(n) => super::values::real_text(*n),
            Val::Bool(b) => b.to_string(),
        }
    }

    fn expr(&mut self, e: &Expr, it: Item, pos: usize, size: usize) -> Result<Val, String> {
        Ok(match e {
            Expr::Str(s) => Val::Str(s.clone()),
            Expr::Num(n) => Val::Num(*n),
            Expr::Path(p) => Val::Nodes(self.path(p, it)?),
            Expr::Union(parts) => {
                let mut all = Vec::new();
                for p in parts {
                    match self.expr(p, it, pos, size)? {
                        Val::Nodes(v) => all.extend(v),
                        _ => return Err("a union joins node sets".into()),
                    }
                }
                self.sort(&mut all);
                Val::Nodes(all)
            }
            Expr::Bin("or", l, r) => Val::Bool(
                truthy(&self.expr(l, it, pos, size)?) || truthy(&self.expr(r, it, pos, size)?),
            ),
            Expr::Bin("and", l, r) => Val::Bool(
                truthy(&self.expr(l, it, pos, size)?) && truthy(&self.expr(r, it, pos, size)?),
            ),
            Expr::Bin(op, l, r) => {
                let a = self.expr(l, it, pos, size)?;
                let b = self.expr(r, it, pos, size)?;
                Val::Bool(self.compare(op, &a, &b))
            }
            Expr::Call(f, args) => {
                let mut vals = Vec::new();
                for a in args {
                    vals.push(self.expr(a, it, pos, size)?);
                }
                self.call(f, vals, it, pos, size)?
            }
        })
    }

    fn call(&self, f: &str, a: Vec<Val>, it: Item, pos: usize, size: usize) -> Result<Val, String> {
        let s = |i: usize| a.get(i).map(|v| self.to_str(v)).unwrap_or_default();
        let ctx_str = || {
            if a.is_empty() {
                self.string(it)
            } else {
                s(0)
            }
        };
        let name_of = |v: Option<&Val>| -> String {
            let item = match v {
                Some(Val::Nodes(n)) => n.first().copied(),
                Some(_) => None,
                None => Some(it),
            };
            match item {
                Some(Item::Node(n)) => self.tree.node(n).name.clone(),
                Some(Item::Attr(n, i)) => self.tree.node(n).attrs[i].0.clone(),
                None => String::new(),
            }
        };
        Ok(match f {
            "last" => Val::Num(size as f64),
            "position" => Val::Num(pos as f64),
            "count" => match a.first() {
                Some(Val::Nodes(n)) => Val::Num(n.len() as f64),
                _ => return Err("count() takes a node set".into()),
            },
            "contains" => Val::Bool(s(0).contains(&s(1))),
            "starts-with" => Val::Bool(s(0).starts_with(&s(1))),
            "not" => Val::Bool(!a.first().map(truthy).unwrap_or(false)),
            "true" => Val::Bool(true),
            "false" => Val::Bool(false),
            "string" => Val::Str(ctx_str()),
            "string-length" => Val::Num(ctx_str().chars().count() as f64),
            "normalize-space" => {
                Val::Str(ctx_str().split_whitespace().collect::<Vec<_>>().join(" "))
            }
            "name" => Val::Str(name_of(a.first())),
            "local-name" => {
                let n = name_of(a.first());
                Val::Str(n.rsplit(':').next().unwrap_or("").to_string())
            }
            other => return Err(format!("unsupported function {}()", other)),
        })
    }

    fn compare(&self, op: &str, a: &Val, b: &Val) -> bool {
        match (a, b) {
            (Val::Nodes(x), Val::Nodes(y)) => x.iter().any(|&i| {
                let si = Val::Str(self.string(i));
                y.iter()
                    .any(|&j| self.compare(op, &si, &Val::Str(self.string(j))))
            }),
            (Val::Nodes(x), other) => x
                .iter()
                .any(|&i| self.compare(op, &Val::Str(self.string(i)), other)),
            (other, Val::Nodes(y)) => y
                .iter()
                .any(|&j| self.compare(op, other, &Val::Str(self.string(j)))),
            _ => {
                let num = |v: &Val| match v {
                    Val::Num(n) => *n,
                    Val::Bool(b) => *b as i32 as f64,
                    v => self.to_str(v).trim().parse().unwrap_or(f64::NAN),
                };
                match op {
                    "=" | "!=" => {
                        let eq = match (a, b) {
                            (Val::Bool(_), _) | (_, Val::Bool(_)) => truthy(a) == truthy(b),
                            (Val::Num(_), _) | (_, Val::Num(_)) => num(a) == num(b),
                            _ => self.to_str(a) == self.to_str(b),
                        };
                        eq == (op == "=")
                    }
                    "<" => num(a) < num(b),
                    "<=" => num(a) <= num(b),
                    ">" => num(a) > num(b),
                    _ => num(a) >= num(b),
                }
            }
        }
    }
}

fn truthy(v: &Val) -> bool {
    match v {
        Val::Nodes(n) => !n.is_empty(),
        Val::Str(s) => !s.is_empty(),
        Val::Num(n) => *n != 0.0 && !n.is_nan(),
        Val::Bool(b) => *b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::xml_dom::parse::parse;

    fn names(t: &Tree, p: &str, ctx: usize) -> Vec<String> {
        XPath::parse(p)
            .expect("parses")
            .select(t, ctx)
            .expect("selects")
            .into_iter()
            .map(|i| match i {
                Item::Node(n) if t.node(n).kind == Kind::Element => {
                    format!("{}:{}", t.node(n).name, t.string_value(n))
                }
                Item::Node(n) => t.node(n).value.clone(),
                Item::Attr(n, i) => format!("@{}", t.node(n).attrs[i].1),
            })
            .collect()
    }

    #[test]
    fn selects_the_documented_forms() {
        let t = parse(
            "<bookstore><book><title>Harry Potter</title><price>29.99</price></book><book type=\"warning\" class=\"a bgx\"><title>Learning XML</title><price>39.95</price></book></bookstore>",
        )
        .expect("valid");
        let root = t.root().expect("root");
        assert_eq!(names(&t, "book[2]/title", root), ["title:Learning XML"]);
        assert_eq!(
            names(&t, "/bookstore/book[2]/title", root),
            ["title:Learning XML"]
        );
        assert_eq!(names(&t, "book[last()]/price", root), ["price:39.95"]);
        assert_eq!(names(&t, "//title", root).len(), 2);
        assert_eq!(
            names(&t, "book[@type=\"warning\"]/title", root),
            ["title:Learning XML"]
        );
        assert_eq!(
            names(&t, "book[title=\"Harry Potter\"]/price", root),
            ["price:29.99"]
        );
        assert_eq!(
            names(&t, "//book[contains(@class,'bg')]/title", root),
            ["title:Learning XML"]
        );
        assert_eq!(names(&t, "/bookstore/book[2]/@type", root), ["@warning"]);
        assert_eq!(names(&t, "//title | //price", root).len(), 4);
        assert_eq!(names(&t, "book[1]/title/text()", root), ["Harry Potter"]);
        assert_eq!(names(&t, "bookstore/book[1]/price", root), ["price:29.99"]);
        assert_eq!(
            names(&t, "book[price>30]/title", root),
            ["title:Learning XML"]
        );
        assert_eq!(
            names(&t, "*[local-name()='book'][1]/title/..", root).len(),
            1
        );
        assert!(names(&t, "nothing", root).is_empty());
        let deep = format!("a[{}1{}]", "(".repeat(500), ")".repeat(500));
        assert!(XPath::parse(&deep).is_err());
        for bad in [
            "", "book[", "book[1", "a/", "@", "f(x)", "book]", "'open", "a[[1]]", "::",
        ] {
            assert!(
                XPath::parse(bad).and_then(|x| x.select(&t, root)).is_err(),
                "{:?}",
                bad
            );
        }
    }
}
