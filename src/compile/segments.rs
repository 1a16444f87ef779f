//! Groups runs of numeric assignments that call a pure numeric command (`Mod`, `Abs`...)
//! into one [`StmtKind::Seq`] statement, which `runtime::fast` may run as compiled
//! code at once (the tree-walker pays a whole command call for each `Mod`). A `Seq`
//! runs exactly as its statements one after the other when it is not compiled.
//!
//! The grouping is syntactic, with the method's declared types: it only marks
//! candidates; `runtime::fast::build` decides (and falls back) at run time.

use super::ir::*;
use crate::runtime::value::{Value, VarType};

/// `body` with its candidate runs grouped, at every nesting level.
pub fn group(body: Block, types: &[VarType]) -> Block {
    let mut out = Vec::with_capacity(body.len());
    let mut run: Vec<Stmt> = Vec::new();
    for mut s in body {
        if numeric_assignment(&s, types) {
            run.push(s);
            continue;
        }
        flush(&mut out, &mut run);
        nest(&mut s, types);
        out.push(s);
    }
    flush(&mut out, &mut run);
    out
}

fn flush(out: &mut Block, run: &mut Vec<Stmt>) {
    if run.iter().any(|s| calls_command(&s.kind)) {
        let pos = run[0].pos;
        out.push(Stmt {
            kind: StmtKind::Seq(std::mem::take(run)),
            pos,
        });
    } else {
        out.append(run);
    }
}

/// Groups inside the blocks of a compound statement.
fn nest(s: &mut Stmt, types: &[VarType]) {
    let g = |b: &mut Block| *b = group(std::mem::take(b), types);
    match &mut s.kind {
        StmtKind::If(_, a, b) => {
            g(a);
            g(b);
        }
        StmtKind::Case(branches, els) => {
            for (_, b) in branches {
                g(b);
            }
            g(els);
        }
        StmtKind::While(_, b) | StmtKind::Repeat(b, _) | StmtKind::Use(_, b) => g(b),
        StmtKind::For(f) => g(&mut f.body),
        StmtKind::ForEach(f) => g(&mut f.body),
        StmtKind::Try(a, b) => {
            g(a);
            g(b);
        }
        _ => {}
    }
}

fn numeric_type(types: &[VarType], s: u32) -> bool {
    matches!(
        types.get(s as usize),
        Some(VarType::Integer | VarType::Real | VarType::Boolean)
    )
}

fn numeric_assignment(s: &Stmt, types: &[VarType]) -> bool {
    match &s.kind {
        StmtKind::Assign(Place::Local(slot), e) | StmtKind::Compound(Place::Local(slot), _, e) => {
            numeric_type(types, *slot) && numeric_expr(e, types)
        }
        StmtKind::AppendLocal(slot, es) => {
            numeric_type(types, *slot) && es.iter().all(|e| numeric_expr(e, types))
        }
        _ => false,
    }
}

fn numeric_expr(e: &Expr, types: &[VarType]) -> bool {
    match e {
        Expr::Const(Value::Int(_) | Value::Real(_) | Value::Bool(_)) => true,
        Expr::Local(s) => numeric_type(types, *s),
        Expr::Unary(_, a) => numeric_expr(a, types),
        Expr::Binary(_, a, b) | Expr::AndAnd(a, b) | Expr::OrOr(a, b) => {
            numeric_expr(a, types) && numeric_expr(b, types)
        }
        Expr::Ternary(c, a, b) => {
            numeric_expr(c, types) && numeric_expr(a, types) && numeric_expr(b, types)
        }
        Expr::Cmd(call) => {
            call.plain()
                && (crate::runtime::registry::names().pure_numeric)(call.cmd.name, call.args.len())
                && (call.args.iter()).all(|a| matches!(a, Arg::Val(e) if numeric_expr(e, types)))
        }
        _ => false,
    }
}

fn calls_command(k: &StmtKind) -> bool {
    fn has(e: &Expr) -> bool {
        match e {
            Expr::Cmd(_) => true,
            Expr::Unary(_, a) => has(a),
            Expr::Binary(_, a, b) | Expr::AndAnd(a, b) | Expr::OrOr(a, b) => has(a) || has(b),
            Expr::Ternary(c, a, b) => has(c) || has(a) || has(b),
            _ => false,
        }
    }
    match k {
        StmtKind::Assign(_, e) | StmtKind::Compound(_, _, e) => has(e),
        StmtKind::AppendLocal(_, es) => es.iter().any(has),
        _ => false,
    }
}
