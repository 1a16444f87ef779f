//! The typed fast path (`runtime::fast`) against the tree-walker: random numeric
//! programs (typed locals, loops, conditions, calls, recursion, errors such as a
//! modulo by zero, an `ON ERR CALL` handler, `Try`) run both ways in process must
//! print the same output and fail with the same error, location and call chain.
//! The test also checks that the fast path was really taken for most programs.

use std::path::Path;

mod fastrun;
mod rngutil;
use fastrun::run_file;
use rngutil::Rng;

/// Generates one program: `main.4dm` and three methods.
struct Gen {
    rng: Rng,
    ints: Vec<&'static str>,
    reals: Vec<&'static str>,
    bools: Vec<&'static str>,
    /// Loop counters in use (never assigned by the body).
    counters: Vec<&'static str>,
    loop_depth: usize,
    in_method: bool,
    /// Legacy code: main declares nothing (its locals are untyped).
    untyped: bool,
}

const INT_CONSTS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "7",
    "-4",
    "10",
    "2147483000",
    "-2147483000",
    "2147483647",
    "65536",
];
const REAL_CONSTS: &[&str] = &[
    "0.5",
    "2.25",
    "-1.75",
    "1000000",
    "0.1",
    "0.2",
    "0.3",
    "3",
    "0.0000001",
    "-0",
    "2.5",
    "-2.5",
];

impl Gen {
    fn int_expr(&mut self, d: u32) -> String {
        let k = if d == 0 {
            self.rng.below(2)
        } else {
            self.rng.below(7)
        };
        match k {
            0 => self.rng.word(INT_CONSTS).to_string(),
            // an element of a local array (main only; the index may be out of range)
            1 if !self.in_method && self.rng.chance(25) => format!("$al{{{}}}", self.index()),
            1 => {
                let v = self.ints.clone();
                self.rng.word(&v).to_string()
            }
            2 => {
                let divisor = self.rng.word(&["7", "3", "-4", "$b", "2.5", "10", "$a"]);
                let divisor = if self.in_method { "7" } else { divisor };
                format!("({}%{})", self.num_expr(d - 1), divisor)
            }
            3 => format!(
                "({}{}{})",
                self.int_expr(d - 1),
                self.rng.word(&["&", "|", "^|"]),
                self.int_expr(d - 1)
            ),
            4 => format!("-{}", self.int_expr(d - 1)),
            5 if self.in_method => format!("f2({})", self.int_expr(d - 1)),
            5 => format!("f2({})", self.int_expr(d - 1)),
            _ => format!(
                "({} ? {} : {})",
                self.bool_expr(d - 1),
                self.int_expr(d - 1),
                self.int_expr(d - 1)
            ),
        }
    }

    fn num_expr(&mut self, d: u32) -> String {
        let k = if d == 0 {
            self.rng.below(3)
        } else {
            self.rng.below(7)
        };
        match k {
            0 => self.int_expr(0),
            1 => self.rng.word(REAL_CONSTS).to_string(),
            2 if !self.in_method && self.rng.chance(25) => format!("$ar{{{}}}", self.index()),
            2 => {
                let v = self.reals.clone();
                self.rng.word(&v).to_string()
            }
            3 | 4 => format!(
                "({}{}{})",
                self.num_expr(d - 1),
                self.rng.word(&["+", "-", "*", "/", "\\", "+", "*"]),
                self.num_expr(d - 1)
            ),
            5 => format!("f1(({})%4; {})", self.int_expr(d - 1), self.num_expr(d - 1)),
            6 if self.rng.chance(50) => {
                let f =
                    self.rng
                        .word(&["Abs", "Int", "Dec", "Square root", "Log", "Sin", "Arctan"]);
                format!("{}({})", f, self.num_expr(d - 1))
            }
            _ => {
                let divisor = if self.in_method {
                    self.rng.word(&["52", "-3", "2.5", "7.5"])
                } else {
                    self.rng.word(&["52", "-3", "$b", "2.5", "7.5", "$x"])
                };
                format!("Mod({}; {})", self.num_expr(d - 1), divisor)
            }
        }
    }

    fn bool_expr(&mut self, d: u32) -> String {
        let k = if d == 0 {
            self.rng.below(2)
        } else {
            self.rng.below(5)
        };
        match k {
            0 if !self.in_method && self.rng.chance(25) => format!("$ab{{{}}}", self.index()),
            0 if !self.in_method && self.rng.chance(15) => {
                format!("Not($ab{{{}}})", self.index())
            }
            0 => {
                let v = self.bools.clone();
                self.rng.word(&v).to_string()
            }
            1 => format!(
                "({}{}{})",
                self.num_expr(d.saturating_sub(1)),
                self.rng.word(&["<", ">", "<=", ">=", "=", "#"]),
                self.num_expr(d.saturating_sub(1))
            ),
            2 => format!(
                "({}{}{})",
                self.bool_expr(d - 1),
                self.rng.word(&["&", "|", "&&", "||", "=", "#"]),
                self.bool_expr(d - 1)
            ),
            _ => format!(
                "({}{}{})",
                self.int_expr(d - 1),
                self.rng.word(&["<", "=", "#", ">="]),
                self.int_expr(d - 1)
            ),
        }
    }

    /// An index into the arrays of main (11 elements, 0..10): now and then outside.
    fn index(&mut self) -> String {
        if self.rng.chance(10) {
            format!("({}%13)", self.int_expr(0))
        } else {
            self.rng
                .word(&[
                    "0",
                    "1",
                    "5",
                    "10",
                    "$i%11",
                    "Abs($j%11)",
                    "($b%10)+1",
                    "2.7",
                ])
                .to_string()
        }
    }

    fn assignable_int(&mut self) -> Option<&'static str> {
        let free: Vec<&'static str> = (self.ints.iter().copied())
            .filter(|v| !self.counters.contains(v))
            .collect();
        (!free.is_empty()).then(|| self.rng.word(&free))
    }

    fn stmts(&mut self, out: &mut String, indent: usize, n: usize, d: u32) {
        for _ in 0..n {
            self.stmt(out, indent, d);
        }
    }

    fn stmt(&mut self, out: &mut String, indent: usize, d: u32) {
        let pad = "\t".repeat(indent);
        let k = self.rng.below(if d == 0 { 4 } else { 11 });
        match k {
            0 | 1 => {
                if let Some(v) = self.assignable_int() {
                    let e = self.num_expr(2);
                    out.push_str(&format!("{pad}{v}:={e}\n"));
                }
            }
            2 => {
                let v = self.reals.clone();
                let v = self.rng.word(&v);
                let e = self.num_expr(2);
                out.push_str(&format!("{pad}{v}:={e}\n"));
            }
            3 => {
                let v = self.bools.clone();
                let v = self.rng.word(&v);
                let e = self.bool_expr(2);
                out.push_str(&format!("{pad}{v}:={e}\n"));
            }
            4 => {
                if let Some(v) = self.assignable_int() {
                    let op = self.rng.word(&["+=", "-=", "*="]);
                    let e = self.int_expr(1);
                    out.push_str(&format!("{pad}{v}{op}{e}\n"));
                }
            }
            5 => {
                let c = self.bool_expr(2);
                out.push_str(&format!("{pad}If ({c})\n"));
                self.stmts(out, indent + 1, 2, d - 1);
                if self.rng.chance(50) {
                    out.push_str(&format!("{pad}Else\n"));
                    self.stmts(out, indent + 1, 2, d - 1);
                }
                out.push_str(&format!("{pad}End if\n"));
            }
            6 => {
                out.push_str(&format!("{pad}Case of\n"));
                for _ in 0..1 + self.rng.below(3) {
                    let c = self.bool_expr(2);
                    out.push_str(&format!("{pad}\t: ({c})\n"));
                    self.stmts(out, indent + 2, 1, d - 1);
                }
                if self.rng.chance(50) {
                    out.push_str(&format!("{pad}\tElse\n"));
                    self.stmts(out, indent + 2, 1, d - 1);
                }
                out.push_str(&format!("{pad}End case\n"));
            }
            7 | 8 if self.loop_depth < 2 => {
                let ctr = ["$i", "$j"][self.loop_depth];
                self.counters.push(ctr);
                self.loop_depth += 1;
                let (from, to) = if self.in_method {
                    (
                        self.rng.word(&["1", "0", "-3", "10", "$a%5", "2.6"]),
                        self.rng.word(&["5", "12", "0", "$b%9", "7.5"]),
                    )
                } else {
                    // bounds compiled code does not compute (commands): evaluated by
                    // the tree-walker when the loop starts
                    (
                        self.rng
                            .word(&["1", "0", "-3", "10", "$a%5", "2.6", "Length(String($b))"]),
                        self.rng
                            .word(&["5", "12", "0", "$b%9", "7.5", "Size of array($al)"]),
                    )
                };
                let step = if self.in_method {
                    self.rng.word(&["", "", "; 2", "; -1", "; 3"])
                } else {
                    self.rng.word(&[
                        "",
                        "",
                        "; 2",
                        "; -1",
                        "; Abs($b%3)+1",
                        "; -(Abs($b%2)+1)",
                        "; $st",
                    ])
                };
                out.push_str(&format!("{pad}For ({ctr}; {from}; {to}{step})\n"));
                self.stmts(out, indent + 1, 3, d - 1);
                if self.rng.chance(20) {
                    let c = self.bool_expr(1);
                    let kw = self.rng.word(&["break", "continue"]);
                    out.push_str(&format!("{pad}\tIf ({c})\n{pad}\t\t{kw}\n{pad}\tEnd if\n"));
                }
                out.push_str(&format!("{pad}End for\n"));
                self.loop_depth -= 1;
                self.counters.pop();
            }
            9 if self.loop_depth < 2 => {
                let k = ["$k", "$m"][self.loop_depth];
                self.counters.push(k);
                self.loop_depth += 1;
                let n = 1 + self.rng.below(8);
                if self.rng.chance(50) {
                    out.push_str(&format!("{pad}{k}:=0\n{pad}While ({k}<{n})\n"));
                    out.push_str(&format!("{pad}\t{k}:={k}+1\n"));
                    self.stmts(out, indent + 1, 2, d - 1);
                    out.push_str(&format!("{pad}End while\n"));
                } else {
                    out.push_str(&format!("{pad}{k}:=0\n{pad}Repeat\n"));
                    out.push_str(&format!("{pad}\t{k}:={k}+1\n"));
                    self.stmts(out, indent + 1, 2, d - 1);
                    out.push_str(&format!("{pad}Until ({k}>={n})\n"));
                }
                self.loop_depth -= 1;
                self.counters.pop();
            }
            10 if !self.in_method => {
                let i = self.index();
                let (a, e) = match self.rng.below(3) {
                    0 => ("$al", self.num_expr(2)),
                    1 => ("$ar", self.num_expr(2)),
                    _ => ("$ab", self.bool_expr(2)),
                };
                out.push_str(&format!("{pad}{a}{{{i}}}:={e}\n"));
            }
            _ => {
                if let Some(v) = self.assignable_int() {
                    let e = self.int_expr(2);
                    out.push_str(&format!("{pad}{v}:={e}\n"));
                }
            }
        }
    }

    fn program(&mut self) -> Vec<(&'static str, String)> {
        let mut files = Vec::new();
        // f1: recursive, Real result
        self.in_method = true;
        self.ints = vec!["$n", "$t"];
        self.reals = vec!["$v", "$r"];
        self.bools = vec!["$z"];
        let mut f1 = String::from(
            "#DECLARE($n : Integer; $v : Real) -> $r : Real\nvar $t; $i; $j; $k; $m : Integer\nvar $z : Boolean\n",
        );
        f1.push_str("$r:=$v\nIf ($n>0)\n\t$r:=$r+f1($n-1; $v/2)\nEnd if\n");
        self.counters = vec!["$n"];
        // the body may not call f1 again (no unbounded recursion): f2 only
        let mut body = String::new();
        self.stmts(&mut body, 0, 3, 1);
        f1.push_str(&body.replace("f1(", "f2(0+"));
        files.push(("f1.4dm", f1));
        // f2: Integer in and out, no calls
        self.ints = vec!["$u", "$w"];
        self.reals = vec!["$h"];
        self.bools = vec!["$g"];
        self.counters = vec![];
        let mut f2 = String::from("#DECLARE($u : Integer) -> $w : Integer\nvar $h : Real\nvar $i; $j; $k; $m : Integer\nvar $g : Boolean\n$w:=$u\n");
        let mut body = String::new();
        self.stmts(&mut body, 0, 3, 1);
        let body = body.replace("f1(", "Abs(").replace("f2(", "Abs(");
        if body.contains("Abs(") {
            f2.push_str("$w:=$u*3\n");
        } else {
            f2.push_str(&body);
        }
        files.push(("f2.4dm", f2));
        files.push(("handler.4dm", "ALERT(\"handled\")\n".to_string()));
        // main
        self.in_method = false;
        self.ints = vec!["$a", "$b", "$c", "$i", "$j", "$k", "$m"];
        self.reals = vec!["$x", "$y"];
        self.bools = vec!["$p", "$q"];
        let mut main = String::from(if self.untyped {
            // untyped: `%` makes $a, $i and $j Integers, the literals make Reals, $k
            // and $m stay undefined until assigned
            "$st:=1.5\n$p:=False\n$q:=True\n$i:=0%1\n$j:=0%1\n"
        } else {
            "var $a; $b; $c; $i; $j; $k; $m : Integer\nvar $x; $y; $st : Real\nvar $p; $q : Boolean\n$st:=1.5\n"
        });
        let a = self.rng.word(&["5", "2147483000", "-7", "65536"]);
        let c = self.rng.word(&["0", "2147483647", "3", "-2147483000"]);
        let x = self.rng.word(REAL_CONSTS);
        let y = self.rng.word(REAL_CONSTS);
        let b = 1 + self.rng.below(20);
        let a = if self.untyped {
            format!("{a}%2147483647")
        } else {
            a.to_string()
        };
        main.push_str(&format!("$a:={a}\n$b:={b}\n$c:={c}\n$x:={x}\n$y:={y}\n"));
        main.push_str("ARRAY LONGINT($al; 10)\nARRAY REAL($ar; 10)\nARRAY BOOLEAN($ab; 10)\n");
        if self.rng.chance(10) {
            main.push_str("ON ERR CALL(\"handler\")\n");
        }
        let try_block = self.rng.chance(20);
        if try_block {
            main.push_str("Try\n");
        }
        let mut body = String::new();
        self.stmts(&mut body, usize::from(try_block), 5, 3);
        main.push_str(&body);
        if try_block {
            main.push_str("Catch\n\tALERT(\"caught\")\nEnd try\n");
        }
        main.push_str(
            "ALERT(String($a)+\" \"+String($b)+\" \"+String($c)+\" \"+String($i)+\" \"+String($k)+\" \"+String($x)+\" \"+String($y)+\" \"+String($p)+\" \"+String($q))\n",
        );
        if self.untyped {
            main.push_str("ALERT(String(Type($a))+String(Type($b))+String(Type($c))+String(Type($i))+String(Type($k))+String(Type($m))+String(Type($x))+String(Type($p)))\n");
        }
        main.push_str(
            "ALERT(String($al{1}+$al{5}+$al{10})+\" \"+String($ar{0}+$ar{5})+\" \"+String($ab{1})+String($ab{10}))\n",
        );
        files.insert(0, ("main.4dm", main));
        files
    }
}

#[test]
fn fast_path_matches_the_tree_walker_on_random_programs() {
    // FAST_DIFF_PROGRAMS=5000 for a longer search
    let n: usize = std::env::var("FAST_DIFF_PROGRAMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let (fast_used, errors) = compare_random_programs(n, false);
    assert!(
        fast_used * 10 >= n * 7,
        "fast path taken by {fast_used} of {n} programs only"
    );
    assert!(
        errors > 0,
        "no program raised an error: the error paths went untested"
    );
}

/// The same programs with main's locals untyped (legacy code without declarations):
/// the loops compiled by speculating on what the locals hold must give the same
/// values and the same types (main prints `Type` of each).
#[test]
fn fast_path_matches_the_tree_walker_on_untyped_programs() {
    let n: usize = std::env::var("FAST_DIFF_PROGRAMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let (fast_used, errors) = compare_random_programs(n, true);
    assert!(
        fast_used * 10 >= n * 5,
        "fast path taken by {fast_used} of {n} untyped programs only"
    );
    assert!(errors > 0, "no untyped program raised an error");
}

/// The loops of the untyped-locals golden case run compiled (the case itself checks
/// their output against the tree-walker's through
/// `golden_cases_run_the_same_without_the_fast_path`).
#[test]
fn untyped_loops_run_compiled() {
    // of its nine loops, the six whose untyped locals qualify: the counting loop,
    // the loop that never runs, the While with a break, the widened Integer, the
    // flag and sum, the loop that stops on an error (not: a widened Integer copied
    // before its store, a first store in a branch, a store of another type)
    assert_runs_compiled("fast_untyped_locals", 6);
}

/// The loops over BLOB bytes of their golden case run compiled: five of six (the one
/// reading a BLOB another variable shares is compiled, then left to the tree-walker).
#[test]
fn blob_loops_run_compiled() {
    assert_runs_compiled("fast_blob_bytes", 5);
}

/// Loops over local arrays in a plain method (no `This`) run compiled: the
/// hand-over once asked for `This` to be an object even with no collection of it.
#[test]
fn array_loops_run_compiled() {
    assert_runs_compiled("fast_array_loops", ARRAY_LOOPS);
}

/// How many loops of `fast/fast_array_loops` run compiled.
const ARRAY_LOOPS: usize = 4;

/// The class functions of `classes/class_fast_props` run compiled, whole: the
/// constructor, translate, dot, scale, setN, mix (given back to the tree-walker at its
/// `If` once), countTo and missing (given back at once, having read nothing).
#[test]
fn class_functions_run_compiled() {
    assert_area_runs_compiled("classes", "class_fast_props", 8);
}

/// Golden case `fast/NAME` prints the same both ways, and at least `min` of its
/// methods and loops were compiled.
fn assert_runs_compiled(name: &str, min: usize) {
    assert_area_runs_compiled("fast", name, min)
}

/// [`assert_runs_compiled`] for a case of golden area `area`.
fn assert_area_runs_compiled(area: &str, name: &str, min: usize) {
    let case =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{area}/{name}.4dm"));
    let (slow, fast, compiled) = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let (slow, none) = run_file(&case, true);
            assert_eq!(none, 0, "the fast path was off");
            let (fast, compiled) = run_file(&case, false);
            (slow, fast, compiled)
        })
        .expect("thread")
        .join()
        .expect("no panic");
    assert_eq!(slow, fast);
    assert!(
        compiled >= min,
        "{name}: only {compiled} loops ran compiled"
    );
}

/// Generates `n` programs and runs each both ways (panics on a difference); how
/// many ran compiled code, and how many ended with an error.
fn compare_random_programs(n: usize, untyped: bool) -> (usize, usize) {
    let root = std::env::temp_dir().join(format!(
        "fourd-fast-diff-{}-{}",
        std::process::id(),
        untyped
    ));
    let mut fast_used = 0;
    let mut errors = 0;
    for seed in 1..=n {
        let mut g = Gen {
            rng: Rng(0x9E37_79B9_7F4A_7C15 ^ (seed as u64 * 0x1000_0001)),
            ints: vec![],
            reals: vec![],
            bools: vec![],
            counters: vec![],
            loop_depth: 0,
            in_method: false,
            untyped,
        };
        let dir = root.join(format!("p{seed}"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let files = g.program();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).expect("write");
        }
        let (slow, fast, compiled) = {
            let dir = dir.clone();
            // deep recursion (up to "Stack full") needs the stack `fourd run` gives
            std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn(move || {
                    let (slow, _) = run_file(&dir.join("main.4dm"), true);
                    let (fast, compiled) = run_file(&dir.join("main.4dm"), false);
                    (slow, fast, compiled)
                })
                .expect("thread")
                .join()
                .expect("no panic")
        };
        assert_eq!(
            slow,
            fast,
            "program {seed} differs:\n{}",
            files
                .iter()
                .map(|(n, t)| format!("== {n}\n{t}"))
                .collect::<String>()
        );
        assert!(slow != "load error", "program {seed} does not load");
        if compiled > 0 {
            fast_used += 1;
        } else if std::env::var_os("FAST_DIFF_DEBUG").is_some() {
            eprintln!(
                "{}",
                files
                    .iter()
                    .map(|(n, t)| format!("== {n}\n{t}"))
                    .collect::<String>()
            );
        }
        if slow.contains("error") {
            errors += 1;
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    let _ = std::fs::remove_dir_all(&root);
    let kind = if untyped { "untyped" } else { "typed" };
    eprintln!("{n} {kind} programs: {fast_used} ran compiled code, {errors} ended with an error");
    (fast_used, errors)
}

/// Every golden case runs the same both ways (their expected outputs are checked by
/// `tests/golden.rs`; this checks that the fast path changes nothing, errors
/// included): legacy code with untyped locals is everywhere, not only in the numeric
/// areas. Left out: `cmd_process` (processes need the scheduler's threads, which
/// this in-process harness does not start), and cases whose output differs from one
/// run to the next in one process whatever the fast path does (a `Generate UUID` in
/// an error text, a `SET DATABASE PARAMETER` the first run leaves behind).
#[test]
fn golden_cases_run_the_same_without_the_fast_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut compared = 0;
    let mut areas: Vec<_> = std::fs::read_dir(&root)
        .expect("golden root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && !p.ends_with("cmd_process"))
        .collect();
    areas.sort();
    for area in areas {
        let mut cases: Vec<_> = std::fs::read_dir(&area)
            .expect("golden area")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "4dm") && p.with_extension("out").exists()
            })
            .filter(|p| {
                let text = std::fs::read_to_string(p).unwrap_or_default();
                !text.contains("Generate UUID") && !text.contains("SET DATABASE PARAMETER")
            })
            .collect();
        cases.sort();
        for case in cases {
            let (slow, fast) = std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn({
                    let case = case.clone();
                    move || (run_file(&case, true).0, run_file(&case, false).0)
                })
                .expect("thread")
                .join()
                .expect("no panic");
            assert_eq!(slow, fast, "{} differs with the fast path", case.display());
            compared += 1;
        }
    }
    assert!(compared > 550, "only {compared} cases compared");
}

/// The loops of class functions that store into collections of `This`
/// (`classes/class_coll_store_*`), on a declared or an undeclared counter, really run
/// compiled, and print the same both ways; so do loops on local arrays in a method
/// whose `This` is not an object (`fast/fast_array_loops`).
#[test]
fn class_collection_loops_run_compiled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (case, min) in [
        // of its three loops, `both` (two properties holding one collection) is
        // compiled but left to the tree-walker
        ("classes/class_coll_store_loop", 2),
        ("classes/class_coll_store_plain_this", 1),
        ("classes/class_coll_store_untyped", 1),
    ] {
        let main = root.join(format!("{case}.4dm"));
        let ((slow, _), (fast, compiled)) = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(move || (run_file(&main, true), run_file(&main, false)))
            .expect("thread")
            .join()
            .expect("no panic");
        assert_eq!(slow, fast, "{case} differs with the fast path");
        assert!(
            compiled >= min,
            "{case}: {compiled} loops run compiled, {min} expected"
        );
    }
}
