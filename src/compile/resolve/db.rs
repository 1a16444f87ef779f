//! Resolution of the database language: `[Table]` and `[Table]Field` against the
//! structure, QUERY criteria (`[T]F = value` kept as a criterion, not evaluated),
//! positional `>`/`<`/`&`/`|`/`#` markers, and the commands whose argument is
//! evaluated once per record: `APPLY TO SELECTION` (its statement argument becomes
//! the body of a loop over the selection), `QUERY BY FORMULA`, `QUERY SELECTION BY
//! FORMULA` and `ORDER BY FORMULA` (their formulas become the arguments of a helper
//! command called in a loop over the records, see `commands/dbmore.rs`).

use super::{fail, Cx};
use crate::compile::ir::{self, Arg, CmdCall, StmtKind};
use crate::runtime::error::codes;
use crate::runtime::registry::{names, CommandDef};
use crate::runtime::value::{text, Ptr, Value};
use crate::syntax::ast::{self, BinOp, ExprKind, Marker, Suffix};
use std::rc::Rc;

/// Commands whose `>`/`<` markers are positional arguments (one per sort key).
pub(super) fn positional_order(def: &CommandDef) -> bool {
    def.name.eq_ignore_ascii_case("ORDER BY")
}

/// Commands taking query criteria (`[T]F = value`).
pub(super) fn is_query(def: &CommandDef) -> bool {
    def.name.eq_ignore_ascii_case("QUERY") || def.name.eq_ignore_ascii_case("QUERY SELECTION")
}

/// A marker passed as a positional argument: its symbol as a text.
pub(super) fn marker_arg(m: Marker) -> ir::Expr {
    let s = match m {
        Marker::Star => "*",
        Marker::Greater => ">",
        Marker::Less => "<",
        Marker::And => "&",
        Marker::Or => "|",
        Marker::Except => "#",
        Marker::Equal => "=",
        Marker::GreaterEq => ">=",
        Marker::LessEq => "<=",
    };
    ir::Expr::Const(text(s))
}

fn ptr_const(p: Ptr) -> ir::Expr {
    ir::Expr::Const(Value::Pointer(Rc::new(p)))
}

impl Cx<'_> {
    fn table_num(&self, t: &ast::Name) -> Option<u32> {
        let s = &self.c.structure;
        if let Some(t) = s.table_by_name(&t.text) {
            return Some(t.num);
        }
        match t.suffix {
            Suffix::Number(n) if s.table(n).is_some() => Some(n),
            _ => None,
        }
    }

    /// `[Table]` as a value: a pointer to the table.
    pub(super) fn table_ptr(&mut self, t: &ast::Name) -> ir::Expr {
        match self.table_num(t) {
            Some(n) => ptr_const(Ptr::Table(n)),
            None => fail(codes::UNKNOWN_NAME, format!("Unknown table: [{}]", t.text)),
        }
    }

    /// A pointer to `[Table]Field` (dereferenced for reads and writes).
    pub(super) fn field_ptr(&mut self, t: &ast::Name, f: &ast::Name) -> ir::Expr {
        let Some(tn) = self.table_num(t) else {
            return fail(codes::UNKNOWN_NAME, format!("Unknown table: [{}]", t.text));
        };
        let s = &self.c.structure;
        let td = s.table(tn);
        let fnum = td
            .and_then(|td| td.field_by_name(&f.text))
            .map(|f| f.num)
            .or(match f.suffix {
                Suffix::Number(n) if td.is_some_and(|td| td.field_index(n).is_some()) => Some(n),
                _ => None,
            });
        match fnum {
            Some(fnum) => ptr_const(Ptr::Field(tn, fnum)),
            None => fail(
                codes::UNKNOWN_NAME,
                format!("Unknown field: [{}]{}", t.text, f.text),
            ),
        }
    }

    /// A QUERY argument: `[T]F op value` becomes `{field: ->[T]F; op: "="; value: v}`.
    pub(super) fn query_arg(&mut self, a: &ast::Expr) -> Arg {
        let mut e = a;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        if let ExprKind::Binary(op, l, r) = &e.kind {
            let sym = match op {
                BinOp::Eq => Some("="),
                BinOp::Ne => Some("#"),
                BinOp::Lt => Some("<"),
                BinOp::Le => Some("<="),
                BinOp::Gt => Some(">"),
                BinOp::Ge => Some(">="),
                BinOp::Mod => Some("%"),
                _ => None,
            };
            if let (Some(sym), ExprKind::Field { table, field }) = (sym, &l.kind) {
                let f = self.field_ptr(table, field);
                let v = self.expr(r);
                return Arg::Val(ir::Expr::Object(vec![
                    (Rc::from("field"), f),
                    (Rc::from("op"), ir::Expr::Const(text(sym))),
                    (Rc::from("value"), v),
                ]));
            }
        }
        Arg::Val(self.expr(a))
    }

    /// `APPLY TO SELECTION([T]; statement)` as a loop over the selection.
    pub(super) fn db_statement(
        &mut self,
        callee: &ast::Name,
        args: &[ast::Expr],
    ) -> Option<StmtKind> {
        let is_apply = match callee.suffix {
            Suffix::Command(70) => true,
            Suffix::Command(_) => false,
            _ => callee.text.eq_ignore_ascii_case("APPLY TO SELECTION"),
        };
        if let Some(scan) = scan_kind(callee) {
            return self.scan_statement(scan, args);
        }
        if !is_apply || args.len() != 2 {
            return None;
        }
        let table = self.expr(&args[0]);
        let body = match &args[1].kind {
            ExprKind::AssignArg { target, op, value } => self.assign(target, *op, value),
            _ => StmtKind::Expr(self.expr(&args[1])),
        };
        let call = |name: &str, table: &ir::Expr| -> ir::Expr {
            match (names().by_name)(name) {
                Some(def) => ir::Expr::Cmd(Box::new(CmdCall {
                    cmd: def,
                    args: vec![Arg::Val(table.clone())],
                    star: false,
                    order: None,
                    markers: Vec::new(),
                })),
                None => fail(codes::NOT_IMPLEMENTED, "APPLY TO SELECTION"),
            }
        };
        let stmt = |kind| ir::Stmt { kind, pos: 0 };
        Some(StmtKind::If(
            ir::Expr::Const(Value::Bool(true)),
            vec![
                stmt(StmtKind::Expr(call("_fourd apply begin", &table))),
                stmt(StmtKind::While(
                    call("_fourd apply more", &table),
                    vec![
                        stmt(body),
                        stmt(StmtKind::Expr(call("_fourd apply next", &table))),
                    ],
                )),
            ],
            Vec::new(),
        ))
    }

    /// `QUERY BY FORMULA([T]; f)`, `QUERY SELECTION BY FORMULA([T]; f)`:
    /// `_fourd scan begin([T]; in selection)`, then while `_fourd scan more([T])`:
    /// `_fourd scan keep([T]; f)`, then `_fourd scan query end([T])`.
    /// `ORDER BY FORMULA([T]; e1; >; e2...)` likewise with `_fourd scan key([T];
    /// e1; ">"; e2...)` and `_fourd scan order end([T])`.
    fn scan_statement(&mut self, scan: Scan, args: &[ast::Expr]) -> Option<StmtKind> {
        // QUERY BY FORMULA([T]) alone opens the query editor: left to the command
        if args.len() < 2 {
            return None;
        }
        let table = self.expr(&args[0]);
        let mut body_args = vec![Arg::Val(table.clone())];
        for a in &args[1..] {
            body_args.push(Arg::Val(match &a.kind {
                ExprKind::Marker(m) => marker_arg(*m),
                _ => self.expr(a),
            }));
        }
        let call = |name: &str, args: Vec<Arg>| -> ir::Expr {
            match (names().by_name)(name) {
                Some(def) => ir::Expr::Cmd(Box::new(CmdCall {
                    cmd: def,
                    args,
                    star: false,
                    order: None,
                    markers: Vec::new(),
                })),
                None => fail(codes::NOT_IMPLEMENTED, name.to_string()),
            }
        };
        let from_sel = ir::Expr::Const(Value::Bool(matches!(
            scan,
            Scan::QuerySelection | Scan::Order
        )));
        let (step, end) = match scan {
            Scan::Order => ("_fourd scan key", "_fourd scan order end"),
            _ => ("_fourd scan keep", "_fourd scan query end"),
        };
        let stmt = |kind| ir::Stmt { kind, pos: 0 };
        Some(StmtKind::If(
            ir::Expr::Const(Value::Bool(true)),
            vec![
                stmt(StmtKind::Expr(call(
                    "_fourd scan begin",
                    vec![Arg::Val(table.clone()), Arg::Val(from_sel)],
                ))),
                stmt(StmtKind::While(
                    call("_fourd scan more", vec![Arg::Val(table.clone())]),
                    vec![stmt(StmtKind::Expr(call(step, body_args)))],
                )),
                stmt(StmtKind::Expr(call(end, vec![Arg::Val(table)]))),
            ],
            Vec::new(),
        ))
    }
}

/// The commands compiled to a scan of the records.
#[derive(Clone, Copy)]
enum Scan {
    Query,
    QuerySelection,
    Order,
}

fn scan_kind(callee: &ast::Name) -> Option<Scan> {
    let by_num = |n| match n {
        48 => Some(Scan::Query),
        207 => Some(Scan::QuerySelection),
        300 => Some(Scan::Order),
        _ => None,
    };
    match callee.suffix {
        Suffix::Command(n) => by_num(n),
        _ => {
            let t = callee.text.to_lowercase();
            match t.as_str() {
                "query by formula" => Some(Scan::Query),
                "query selection by formula" => Some(Scan::QuerySelection),
                "order by formula" => Some(Scan::Order),
                _ => None,
            }
        }
    }
}
