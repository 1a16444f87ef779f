//! A compact printed form of the AST (S-expressions), for parser tests and for
//! `fourd check --ast`. One statement per line, blocks indented by two spaces.

use super::ast::*;
use std::fmt::Write;

/// Prints a whole file.
pub fn print_file(file: &SourceFile) -> String {
    let mut out = String::new();
    if let Some(attrs) = &file.attributes {
        let _ = writeln!(out, "(attributes {attrs})");
    }
    print_block(&mut out, &file.body, 0);
    out
}

fn print_block(out: &mut String, block: &Block, depth: usize) {
    for stmt in block {
        print_stmt(out, stmt, depth);
    }
}

fn line(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push_str(text);
    out.push('\n');
}

fn opt(e: &Option<Expr>) -> String {
    e.as_ref().map(expr).unwrap_or_else(|| "_".into())
}

fn type_ref(t: &Option<TypeRef>) -> String {
    match t {
        None => "_".into(),
        Some(TypeRef::Class(path)) => path.join("."),
        Some(other) => format!("{other:?}"),
    }
}

fn signature(sig: &Signature) -> String {
    let mut parts: Vec<String> = sig
        .params
        .iter()
        .map(|p| format!("${}:{}", p.name, type_ref(&p.ty)))
        .collect();
    if let Some(v) = &sig.variadic {
        parts.push(format!("...:{}", type_ref(v)));
    }
    let result = match &sig.result {
        None => String::new(),
        Some(r) => format!(
            " -> {}:{}",
            r.name
                .as_deref()
                .map(|n| format!("${n}"))
                .unwrap_or_default(),
            type_ref(&r.ty)
        ),
    };
    format!("({}){}", parts.join(" "), result)
}

fn print_stmt(out: &mut String, stmt: &Stmt, d: usize) {
    match &stmt.kind {
        StmtKind::Expr(e) => line(out, d, &expr(e)),
        StmtKind::Assign { target, op, value } => {
            let op = match op {
                AssignOp::Set => ":=",
                AssignOp::Add => "+=",
                AssignOp::Sub => "-=",
                AssignOp::Mul => "*=",
                AssignOp::Div => "/=",
            };
            line(out, d, &format!("({op} {} {})", expr(target), expr(value)));
        }
        StmtKind::If {
            cond,
            then_block,
            else_block,
        } => {
            line(out, d, &format!("(if {}", expr(cond)));
            print_block(out, then_block, d + 1);
            if let Some(b) = else_block {
                line(out, d, "else");
                print_block(out, b, d + 1);
            }
            line(out, d, ")");
        }
        StmtKind::Case {
            branches,
            else_block,
        } => {
            line(out, d, "(case");
            for b in branches {
                line(out, d + 1, &format!(": {}", expr(&b.cond)));
                print_block(out, &b.body, d + 2);
            }
            if let Some(b) = else_block {
                line(out, d + 1, "else");
                print_block(out, b, d + 2);
            }
            line(out, d, ")");
        }
        StmtKind::While { cond, body } => {
            line(out, d, &format!("(while {}", expr(cond)));
            print_block(out, body, d + 1);
            line(out, d, ")");
        }
        StmtKind::Repeat { body, until } => {
            line(out, d, "(repeat");
            print_block(out, body, d + 1);
            line(out, d, &format!("until {})", expr(until)));
        }
        StmtKind::For {
            var,
            start,
            end,
            step,
            body,
        } => {
            let head = format!(
                "(for {} {} {} {}",
                expr(var),
                expr(start),
                expr(end),
                opt(step)
            );
            line(out, d, &head);
            print_block(out, body, d + 1);
            line(out, d, ")");
        }
        StmtKind::ForEach {
            item,
            source,
            begin,
            end,
            condition,
            body,
        } => {
            let cond = match condition {
                None => String::new(),
                Some(LoopCondition::While(c)) => format!(" while {}", expr(c)),
                Some(LoopCondition::Until(c)) => format!(" until {}", expr(c)),
            };
            let head = format!(
                "(for-each {} {} {} {}{cond}",
                expr(item),
                expr(source),
                opt(begin),
                opt(end)
            );
            line(out, d, &head);
            print_block(out, body, d + 1);
            line(out, d, ")");
        }
        StmtKind::Break => line(out, d, "(break)"),
        StmtKind::Continue => line(out, d, "(continue)"),
        StmtKind::Return(e) => line(out, d, &format!("(return {})", opt(e))),
        StmtKind::Try { body, catch_block } => {
            line(out, d, "(try");
            print_block(out, body, d + 1);
            if let Some(b) = catch_block {
                line(out, d, "catch");
                print_block(out, b, d + 1);
            }
            line(out, d, ")");
        }
        StmtKind::Use { target, body } => {
            line(out, d, &format!("(use {}", expr(target)));
            print_block(out, body, d + 1);
            line(out, d, ")");
        }
        StmtKind::Var { names, ty, init } => {
            let names: Vec<String> = names.iter().map(|n| expr(&n.var)).collect();
            line(
                out,
                d,
                &format!(
                    "(var {} : {} := {})",
                    names.join(" "),
                    type_ref(ty),
                    opt(init)
                ),
            );
        }
        StmtKind::Declare(sig) => line(out, d, &format!("(declare {})", signature(sig))),
        StmtKind::Sql(text) => line(out, d, &format!("(sql {} chars)", text.len())),
        StmtKind::ClassExtends(path) => line(out, d, &format!("(extends {})", path.join("."))),
        StmtKind::Property { names, ty, init } => {
            let names: Vec<&str> = names.iter().map(|n| n.text.as_str()).collect();
            line(
                out,
                d,
                &format!(
                    "(property {} : {} := {})",
                    names.join(" "),
                    type_ref(ty),
                    opt(init)
                ),
            );
        }
        StmtKind::Alias { name, path } => line(out, d, &format!("(alias {name} {path})")),
        StmtKind::Function(def) => {
            let kind = match def.kind {
                FunctionKind::Constructor => "constructor",
                FunctionKind::Normal => "function",
                FunctionKind::Get => "function-get",
                FunctionKind::Set => "function-set",
                FunctionKind::Event => "function-event",
                FunctionKind::Query => "function-query",
                FunctionKind::OrderBy => "function-orderby",
            };
            let m = &def.modifiers;
            let mut mods = String::new();
            for (on, word) in [
                (m.shared, "shared "),
                (m.singleton, "singleton "),
                (m.session, "session "),
                (m.exposed, "exposed "),
                (m.local, "local "),
                (m.on_http_get, "onHTTPGet "),
            ] {
                if on {
                    mods.push_str(word);
                }
            }
            line(
                out,
                d,
                &format!("({mods}{kind} {}{}", def.name, signature(&def.signature)),
            );
            print_block(out, &def.body, d + 1);
            line(out, d, ")");
        }
    }
}

fn name(n: &Name) -> String {
    let suffix = match n.suffix {
        Suffix::None => String::new(),
        Suffix::Command(c) => format!(":C{c}"),
        Suffix::Constant(g, i) => format!(":K{g}:{i}"),
        Suffix::Plugin(g, i) => format!(":P{g}:{i}"),
        Suffix::Number(x) => format!(":{x}"),
    };
    if n.text.contains(' ') {
        format!("`{}`{suffix}", n.text)
    } else {
        format!("{}{suffix}", n.text)
    }
}

fn args(list: &[Expr]) -> String {
    list.iter().map(|a| format!(" {}", expr(a))).collect()
}

/// Prints one expression.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Real(x) => format!("{x}"),
        ExprKind::HexInt(x) => format!("#{x}"),
        ExprKind::Text(t) => format!("{t:?}"),
        ExprKind::Date { year, month, day } => format!("!{year:04}-{month:02}-{day:02}!"),
        ExprKind::Time(s) => format!("?{:02}:{:02}:{:02}?", s / 3600, s / 60 % 60, s % 60),
        ExprKind::Local(n) => format!("${n}"),
        ExprKind::Param(n) => format!("${n}"),
        ExprKind::ParamIndirect(i) => format!("${{{}}}", expr(i)),
        ExprKind::Interprocess(n) => format!("<>{n}"),
        ExprKind::Name(n) => name(n),
        ExprKind::Call { callee, args: a } => format!("(call {}{})", name(callee), args(a)),
        ExprKind::Apply { callee, args: a } => format!("(apply {}{})", expr(callee), args(a)),
        ExprKind::Table(t) => format!("[{}]", name(t)),
        ExprKind::Field { table, field } => format!("[{}]{}", name(table), name(field)),
        ExprKind::Unary(op, x) => match op {
            UnaryOp::Neg => format!("(neg {})", expr(x)),
            UnaryOp::Plus => format!("(pos {})", expr(x)),
        },
        ExprKind::Binary(op, a, b) => format!("({} {} {})", bin_op(*op), expr(a), expr(b)),
        ExprKind::Ternary(c, a, b) => format!("(? {} {} {})", expr(c), expr(a), expr(b)),
        ExprKind::Member(x, m) => format!("(. {} {m})", expr(x)),
        ExprKind::Index(x, i) => format!("(index {} {})", expr(x), expr(i)),
        ExprKind::Element(x, i) => format!("(elem {} {})", expr(x), expr(i)),
        ExprKind::CharAt(x, i) => format!("(char {} {})", expr(x), expr(i)),
        ExprKind::MakePointer(x) => format!("(-> {})", expr(x)),
        ExprKind::Deref(x) => format!("(deref {})", expr(x)),
        ExprKind::Object(fields) => {
            let f: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{k}: {}", expr(v)))
                .collect();
            format!("{{{}}}", f.join(", "))
        }
        ExprKind::Collection(items) => {
            let i: Vec<String> = items.iter().map(expr).collect();
            format!("[{}]", i.join(", "))
        }
        ExprKind::AssignArg { target, value, .. } => {
            format!("(:= {} {})", expr(target), expr(value))
        }
        ExprKind::Marker(m) => match m {
            Marker::Star => "*",
            Marker::Greater => ">",
            Marker::Less => "<",
            Marker::And => "&",
            Marker::Or => "|",
            Marker::Except => "#",
            Marker::Equal => "=",
            Marker::GreaterEq => ">=",
            Marker::LessEq => "<=",
        }
        .to_string(),
        ExprKind::Paren(x) => format!("(paren {})", expr(x)),
    }
}

fn bin_op(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::IntDiv => "\\",
        BinOp::Mod => "%",
        BinOp::Pow => "^",
        BinOp::Eq => "=",
        BinOp::Ne => "#",
        BinOp::Lt => "<",
        BinOp::Gt => ">",
        BinOp::Le => "<=",
        BinOp::Ge => ">=",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::BitXor => "^|",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
        BinOp::BitSet => "?+",
        BinOp::BitClear => "?-",
        BinOp::BitTest => "??",
        BinOp::AndAnd => "&&",
        BinOp::OrOr => "||",
    }
}
