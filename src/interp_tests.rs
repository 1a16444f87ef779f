//! Interpreter tests on hand-built syntax trees (independent of the parser), with
//! the command library registered as a host registers it. They live outside
//! `runtime/` since that layer never names the library.

use crate::compile::Compiler;
use crate::runtime::error::RtError;
use crate::runtime::interp::Interp;
use crate::syntax::ast::*;
use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);
impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn e(k: ExprKind) -> Expr {
    Expr::new(k, 0..0)
}
fn num(x: f64) -> Expr {
    e(ExprKind::Real(x))
}
fn txt(s: &str) -> Expr {
    e(ExprKind::Text(s.into()))
}
fn local(n: &str) -> Expr {
    e(ExprKind::Local(n.into()))
}
fn nm(s: &str) -> Name {
    Name {
        text: s.into(),
        suffix: Suffix::None,
        span: 0..0,
    }
}
fn name(s: &str) -> Expr {
    e(ExprKind::Name(nm(s)))
}
fn call(s: &str, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call {
        callee: nm(s),
        args,
    })
}
fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
    e(ExprKind::Binary(op, Box::new(a), Box::new(b)))
}
fn st(k: StmtKind) -> Stmt {
    Stmt {
        kind: k,
        span: 0..0,
    }
}
fn set(t: Expr, v: Expr) -> Stmt {
    st(StmtKind::Assign {
        target: t,
        op: AssignOp::Set,
        value: v,
    })
}
fn run_stmt(x: Expr) -> Stmt {
    st(StmtKind::Expr(x))
}
fn alert(x: Expr) -> Stmt {
    run_stmt(call("ALERT", vec![x]))
}
fn string(x: Expr) -> Expr {
    call("String", vec![x])
}

/// Runs methods (the first is the entry point); returns stdout and the outcome.
fn run(methods: Vec<(&str, Vec<Stmt>)>) -> (String, Result<(), Box<RtError>>) {
    crate::commands::register();
    let mut c = Compiler::new();
    let ids: Vec<_> = methods
        .iter()
        .map(|(n, _)| c.add_method(n, PathBuf::from(format!("{}.4dm", n))))
        .collect();
    for ((_, body), id) in methods.into_iter().zip(&ids) {
        c.compile(
            *id,
            &SourceFile {
                attributes: None,
                body,
            },
            Rc::from(""),
        );
    }
    let prog = c.finish();
    let out = Shared::default();
    let mut it = Interp::new(&prog, Box::new(out.clone()), Box::new(std::io::sink()));
    let r = it.call_method(ids[0], vec![], 0).map(|_| ());
    it.flush();
    let s = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    (s, r)
}

#[test]
fn hello() {
    let (out, r) = run(vec![("main", vec![alert(txt("hello"))])]);
    assert!(r.is_ok());
    assert_eq!(out, "hello\n");
}

#[test]
fn numbers_as_text() {
    let (out, _) = run(vec![(
        "main",
        vec![
            alert(string(bin(BinOp::Div, num(1.0), num(3.0)))),
            alert(string(bin(BinOp::Div, num(1.0), num(0.0)))),
            alert(string(call("True", vec![]))),
        ],
    )]);
    assert_eq!(out, "0.3333333333333\nINF\nTrue\n");
}

#[test]
fn for_loop_and_append() {
    // $t:=""; For($i;1;3) $t:=$t+String($i) End for; ALERT($t)
    let body = vec![set(
        local("t"),
        bin(BinOp::Add, local("t"), string(local("i"))),
    )];
    let (out, r) = run(vec![(
        "main",
        vec![
            set(local("t"), txt("")),
            st(StmtKind::For {
                var: local("i"),
                start: num(1.0),
                end: num(3.0),
                step: None,
                body: body.clone(),
            }),
            st(StmtKind::For {
                var: local("i"),
                start: num(3.0),
                end: num(1.0),
                step: Some(num(-1.0)),
                body,
            }),
            st(StmtKind::For {
                var: local("j"),
                start: num(5.0),
                end: num(1.0),
                step: None,
                body: vec![alert(txt("never"))],
            }),
            alert(local("t")),
        ],
    )]);
    assert!(r.is_ok(), "{:?}", r);
    assert_eq!(out, "123321\n");
}

fn factorial() -> (&'static str, Vec<Stmt>) {
    // #DECLARE($n : Integer) -> $r : Real
    // If ($n<=1) $r:=1 Else $r:=$n*fact($n-1) End if
    let sig = Signature {
        params: vec![Param {
            name: "n".into(),
            ty: Some(TypeRef::Integer),
            span: 0..0,
        }],
        variadic: None,
        result: Some(ResultDecl {
            name: Some("r".into()),
            ty: Some(TypeRef::Real),
        }),
    };
    (
        "fact",
        vec![
            st(StmtKind::Declare(sig)),
            st(StmtKind::If {
                cond: bin(BinOp::Le, local("n"), num(1.0)),
                then_block: vec![set(local("r"), num(1.0))],
                else_block: Some(vec![set(
                    local("r"),
                    bin(
                        BinOp::Mul,
                        local("n"),
                        call("fact", vec![bin(BinOp::Sub, local("n"), num(1.0))]),
                    ),
                )]),
            }),
        ],
    )
}

#[test]
fn recursion() {
    let (out, r) = run(vec![
        ("main", vec![alert(string(call("fact", vec![num(10.0)])))]),
        factorial(),
    ]);
    assert!(r.is_ok(), "{:?}", r);
    assert_eq!(out, "3628800\n");
}

#[test]
fn stack_full() {
    // like `fourd run`, on a thread with a big stack; 1 GB is enough for the
    // default depth limit even in a debug build
    let h = std::thread::Builder::new().stack_size(1 << 30).spawn(|| {
        let (_, r) = run(vec![("main", vec![run_stmt(name("main"))])]);
        r.err().map(|e| e.code)
    });
    let code = h.ok().and_then(|h| h.join().ok()).flatten();
    assert_eq!(code, Some(crate::runtime::error::codes::STACK_FULL));
}

#[test]
fn arrays_and_pointers() {
    let el = |a: Expr, i: f64| e(ExprKind::Element(Box::new(a), Box::new(num(i))));
    let (out, r) = run(vec![(
        "main",
        vec![
            run_stmt(call("ARRAY TEXT", vec![local("a"), num(2.0)])),
            set(el(local("a"), 1.0), txt("x")),
            run_stmt(call("APPEND TO ARRAY", vec![local("a"), txt("z")])),
            alert(string(call("Size of array", vec![local("a")]))),
            set(local("p"), e(ExprKind::MakePointer(Box::new(local("a"))))),
            alert(el(e(ExprKind::Deref(Box::new(local("p")))), 3.0)),
            set(local("q"), e(ExprKind::MakePointer(Box::new(local("x"))))),
            set(e(ExprKind::Deref(Box::new(local("q")))), num(5.0)),
            alert(string(local("x"))),
            run_stmt(call("ARRAY TEXT", vec![local("a"), num(5.0)])),
            alert(el(local("a"), 1.0)),
            set(local("a"), num(2.0)),
            alert(string(local("a"))),
        ],
    )]);
    assert!(r.is_ok(), "{:?}", r);
    assert_eq!(out, "3\nz\n5\nx\n2\n");
}

#[test]
fn collections_and_objects() {
    let idx = |c: Expr, i: f64| e(ExprKind::Index(Box::new(c), Box::new(num(i))));
    let mem = |o: Expr, n: &str| e(ExprKind::Member(Box::new(o), n.into()));
    let (out, r) = run(vec![(
        "main",
        vec![
            set(
                local("c"),
                e(ExprKind::Collection(vec![num(1.0), txt("a")])),
            ),
            set(idx(local("c"), 4.0), num(3.0)),
            alert(string(mem(local("c"), "length"))),
            alert(call("JSON Stringify", vec![local("c")])),
            set(
                local("o"),
                e(ExprKind::Object(vec![
                    ("b".into(), num(1.0)),
                    ("a".into(), txt("x")),
                ])),
            ),
            set(mem(local("o"), "z"), call("True", vec![])),
            alert(call("JSON Stringify", vec![local("o")])),
            alert(string(call("Undefined", vec![mem(local("o"), "missing")]))),
            st(StmtKind::ForEach {
                item: local("k"),
                source: local("o"),
                begin: None,
                end: None,
                condition: None,
                body: vec![alert(local("k"))],
            }),
        ],
    )]);
    assert!(r.is_ok(), "{:?}", r);
    assert_eq!(
        out,
        "5\n[1,\"a\",null,null,3]\n{\"b\":1,\"a\":\"x\",\"z\":true}\nTrue\nb\na\nz\n"
    );
}

#[test]
fn runtime_error_located() {
    let (_, r) = run(vec![(
        "main",
        vec![alert(bin(BinOp::Add, txt("a"), num(1.0)))],
    )]);
    let e = r.err();
    assert_eq!(
        e.as_ref().map(|e| e.code),
        Some(crate::runtime::error::codes::TYPE_MISMATCH)
    );
    assert!(e.and_then(|e| e.loc).is_some());
}

#[test]
fn unimplemented_command_is_an_error() {
    let (_, r) = run(vec![(
        "main",
        vec![run_stmt(call("PRINT SETTINGS", vec![]))],
    )]);
    let e = r.err();
    assert_eq!(
        e.as_ref().map(|e| e.code),
        Some(crate::runtime::error::codes::NOT_IMPLEMENTED)
    );
    assert!(e
        .map(|e| e.message.contains("PRINT SETTINGS"))
        .unwrap_or(false));
}
