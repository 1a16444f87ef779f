//! Micro-benchmarks of the interpreter's hot paths (`cargo bench`): variable
//! access, operators, method calls, text append (also `$s:=$s+a+b` chains), collation,
//! property access, `Position(...; start)` and `Replace string` on long texts, array
//! loops (fast path and tree-walker), class method calls, `cs.X.new()` and a call site
//! seeing two classes.
//! Each 4D snippet runs a loop; the time per iteration is the best of a few runs
//! (`harness = false`: plain `std::time::Instant`, no extra dependency).
//! Filter by name: `cargo bench -- call`.

use fourd::runtime::collate;
use fourd::runtime::interp::Interp;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

/// Runs `body` (a 4D method) once per run; reports the best time per iteration.
fn bench_4d(filter: &Option<String>, name: &str, iterations: u64, files: &[(&str, &str)]) {
    bench_4d_with(filter, name, iterations, files, false);
}

/// [`bench_4d`], then the same on the tree-walker alone (the typed fast path off), to
/// compare (`NAME_tree_walker`).
fn bench_4d_and_tree_walker(
    filter: &Option<String>,
    name: &str,
    iterations: u64,
    files: &[(&str, &str)],
) {
    bench_4d_with(filter, name, iterations, files, false);
    bench_4d_with(
        filter,
        &format!("{name}_tree_walker"),
        iterations,
        files,
        true,
    );
}

fn bench_4d_with(
    filter: &Option<String>,
    name: &str,
    iterations: u64,
    files: &[(&str, &str)],
    no_fast: bool,
) {
    if filter.as_deref().is_some_and(|f| !name.contains(f)) {
        return;
    }
    let dir = std::env::temp_dir().join(format!("fourd-bench-{}-{}", std::process::id(), name));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (file, src) in files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("class folder");
        }
        std::fs::write(path, src).expect("write method");
    }
    let main = dir.join(files[0].0);
    let loaded = fourd::project::load(&main, None).unwrap_or_else(|_| panic!("{name}: load"));
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let mut it = Interp::new(
            &loaded.program,
            Box::new(std::io::sink()),
            Box::new(std::io::sink()),
        );
        it.fast.disabled = no_fast;
        let start = Instant::now();
        for &(id, _) in &loaded.entries {
            let r = it.call_method(id, Vec::new(), 0);
            assert!(r.is_ok(), "{name}: runtime error");
        }
        best = best.min(start.elapsed());
    }
    let _ = std::fs::remove_dir_all(&dir);
    report(name, best, iterations);
}

fn bench_fn(filter: &Option<String>, name: &str, iterations: u64, mut f: impl FnMut()) {
    if filter.as_deref().is_some_and(|f| !name.contains(f)) {
        return;
    }
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed());
    }
    report(name, best, iterations);
}

fn report(name: &str, best: Duration, iterations: u64) {
    println!(
        "{:<28} {:>10.1} ns/iter  ({} iterations, best of {})",
        name,
        best.as_nanos() as f64 / iterations as f64,
        iterations,
        RUNS
    );
}

fn main() {
    // `cargo bench -- NAME` passes `--bench` first; the first other argument filters.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let _ = Path::new(".");

    bench_4d(
        &filter,
        "empty_loop",
        1_000_000,
        &[("m.4dm", "var $i : Integer\nFor ($i; 1; 1000000)\nEnd for\n")],
    );
    bench_4d_and_tree_walker(
        &filter,
        "local_access_int_arith",
        1_000_000,
        &[(
            "m.4dm",
            "var $i; $s; $t : Integer\nFor ($i; 1; 1000000)\n\t$t:=$i%7\n\t$s:=$s+($t*$t)%7\nEnd for\n",
        )],
    );
    // legacy code: nothing declared (the fast path speculates on what the locals hold)
    bench_4d_and_tree_walker(
        &filter,
        "untyped_locals_loop",
        1_000_000,
        &[(
            "m.4dm",
            "$total:=0\nFor ($i; 1; 1000000)\n\t$x:=$i%17\n\tIf ($x<5)\n\t\t$total:=$total+($x*2)\n\tElse\n\t\t$total:=$total-1\n\tEnd if\nEnd for\n",
        )],
    );
    bench_4d(
        &filter,
        "real_arith_compare",
        1_000_000,
        &[(
            "m.4dm",
            "var $i : Integer\nvar $x : Real\nFor ($i; 1; 1000000)\n\tIf ($x<1000.5)\n\t\t$x:=$x+0.25\n\tElse\n\t\t$x:=0\n\tEnd if\nEnd for\n",
        )],
    );
    bench_4d_and_tree_walker(
        &filter,
        "method_call",
        200_000,
        &[
            (
                "m.4dm",
                "var $i; $s : Integer\nFor ($i; 1; 200000)\n\t$s:=$s+bench_add($i; 1)\nEnd for\n",
            ),
            (
                "bench_add.4dm",
                "#DECLARE($a : Integer; $b : Integer) -> $r : Integer\n$r:=$a+$b\n",
            ),
        ],
    );
    bench_4d(
        &filter,
        "command_call",
        200_000,
        &[(
            "m.4dm",
            "var $i : Integer\nvar $x : Real\nFor ($i; 1; 200000)\n\t$x:=Abs($i-100000)\nEnd for\n",
        )],
    );
    bench_4d(
        &filter,
        "text_append",
        200_000,
        &[(
            "m.4dm",
            "var $i : Integer\nvar $s : Text\nFor ($i; 1; 200000)\n\t$s:=$s+\"x\"\nEnd for\n",
        )],
    );
    bench_4d(
        &filter,
        "text_append_chain",
        100_000,
        &[(
            "m.4dm",
            "var $i : Integer\nvar $s; $l : Text\n$l:=\"a line\"\nFor ($i; 1; 100000)\n\t$s:=$s+$l+Char(Line feed)\nEnd for\n",
        )],
    );
    bench_4d(
        &filter,
        "position_from_start",
        20_000,
        &[(
            "m.4dm",
            "var $i; $p; $n : Integer\nvar $t : Text\nFor ($i; 1; 20000)\n\t$t:=$t+\"field;\"+String($i)+Char(Line feed)\nEnd for\n$p:=Position(Char(Line feed); $t; 1)\nWhile ($p>0)\n\t$n:=$n+1\n\t$p:=Position(Char(Line feed); $t; $p+1)\nEnd while\n",
        )],
    );
    bench_4d(
        &filter,
        "replace_string_ci",
        1_000,
        &[(
            "m.4dm",
            "var $i : Integer\nvar $t; $r : Text\nFor ($i; 1; 20000)\n\t$t:=$t+\"Ab;\"+Char(Carriage return)+Char(Line feed)\nEnd for\nFor ($i; 1; 1000)\n\t$r:=Replace string($t; Char(Carriage return)+Char(Line feed); Char(Line feed); 20)\nEnd for\n",
        )],
    );
    bench_4d_and_tree_walker(
        &filter,
        "array_sieve",
        1_000_000,
        &[(
            "m.4dm",
            "C_LONGINT($i; $f; $n)\nARRAY BOOLEAN($b; 1000000)\nFor ($f; 2; 1000)\n\tIf (Not($b{$f}))\n\t\tFor ($i; $f*2; 1000000; $f)\n\t\t\t$b{$i}:=True\n\t\tEnd for\n\tEnd if\nEnd for\n",
        )],
    );
    bench_4d(
        &filter,
        "class_method_call",
        200_000,
        &[
            (
                "m.4dm",
                "var $i : Integer\nvar $p : cs.BPoint\n$p:=cs.BPoint.new()\nFor ($i; 1; 200000)\n\t$p.move(1)\nEnd for\n",
            ),
            (
                "Classes/BPoint.4dm",
                "Class constructor\n\tThis.x:=0\n\nFunction move($d : Integer)\n\tThis.x:=This.x+$d\n",
            ),
        ],
    );
    // a class sieve (the Drag Race's sieve_KB): loops of a class function storing
    // into the collection `This.bits` (compiled: `StColl`), against the tree-walker
    bench_4d_and_tree_walker(
        &filter,
        "class_collection_store",
        1_000_000,
        &[
            (
                "m.4dm",
                "var $s : cs.BSieve\n$s:=cs.BSieve.new(1000000)\n$s.run()\n",
            ),
            (
                "Classes/BSieve.4dm",
                "Class constructor($n : Integer)\n\tThis.n:=$n\n\tThis.bits:=New collection().resize($n+1; True)\n\nFunction run()\n\tvar $f; $i : Integer\n\tFor ($f; 2; 1000)\n\t\tIf (Bool(This.bits[$f]))\n\t\t\tFor ($i; $f*2; This.n; $f)\n\t\t\t\tThis.bits[$i]:=False\n\t\t\tEnd for\n\t\tEnd if\n\tEnd for\n",
            ),
        ],
    );
    // member calls of whole compiled class functions (`This.x`, `$p.x` read in
    // place, `This.x:=v`: `Op::LdProp`/`Op::StProp`), made from the call site without
    // a frame (`runtime::fast::call`), against the tree-walker
    bench_4d_and_tree_walker(
        &filter,
        "class_member_call_compiled",
        400_000,
        &[
            (
                "m.4dm",
                "var $p; $u : cs.BPt\nvar $i : Integer\nvar $s : Real\n$p:=cs.BPt.new(1; 1)\n$u:=cs.BPt.new(1; 2)\nFor ($i; 1; 200000)\n\t$p.move(1; -1)\n\t$s:=$s+$p.dot($u)\nEnd for\n",
            ),
            (
                "Classes/BPt.4dm",
                "Class constructor($x : Real; $y : Real)\n\tThis.x:=$x\n\tThis.y:=$y\n\nFunction move($dx : Real; $dy : Real)\n\tThis.x:=This.x+$dx\n\tThis.y:=This.y+$dy\n\nFunction dot($p : cs.BPt)->$r : Real\n\t$r:=(This.x*$p.x)+(This.y*$p.y)\n",
            ),
        ],
    );
    // `cs.X.new()` (the class is stored in the object) and one call site seeing two
    // classes in turn (its inline cache refilled at every call: the miss path)
    bench_4d(
        &filter,
        "class_new_and_two_class_site",
        200_000,
        &[
            (
                "m.4dm",
                "var $i : Integer\nvar $s : Real\nvar $o : Object\nFor ($i; 1; 200000)\n\tIf ($i%2=0)\n\t\t$o:=cs.BA.new($i)\n\tElse\n\t\t$o:=cs.BB.new($i)\n\tEnd if\n\t$s:=$s+$o.v()\nEnd for\n",
            ),
            (
                "Classes/BA.4dm",
                "Class constructor($n : Integer)\n\tThis.n:=$n\n\nFunction v()->$r : Real\n\t$r:=This.n\n",
            ),
            (
                "Classes/BB.4dm",
                "Class extends BA\n\nFunction v()->$r : Real\n\t$r:=-This.n\n",
            ),
        ],
    );
    bench_4d(
        &filter,
        "property_get_set",
        200_000,
        &[(
            "m.4dm",
            "var $i : Integer\nvar $o : Object:=New object(\"a\"; 1; \"b\"; 2; \"c\"; 3)\nFor ($i; 1; 200000)\n\t$o.b:=$o.a+$o.c\nEnd for\n",
        )],
    );
    bench_4d(
        &filter,
        "new_object",
        100_000,
        &[(
            "m.4dm",
            "var $i : Integer\nvar $o : Object\nFor ($i; 1; 100000)\n\t$o:=New object(\"id\"; $i; \"name\"; \"x\")\nEnd for\n",
        )],
    );
    bench_4d(
        &filter,
        "text_compare_4d",
        200_000,
        &[(
            "m.4dm",
            "var $i; $n : Integer\nFor ($i; 1; 200000)\n\tIf (\"Hello World\"<\"hello worle\")\n\t\t$n:=$n+1\n\tEnd if\nEnd for\n",
        )],
    );

    let words: Vec<String> = (0..10_000u32)
        .map(|i| {
            let mut x = i.wrapping_mul(2_654_435_761);
            (0..8)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    let k = (x >> 16) % 52;
                    (if k < 26 {
                        b'A' + k as u8
                    } else {
                        b'a' + (k - 26) as u8
                    }) as char
                })
                .collect()
        })
        .collect();
    bench_fn(&filter, "collate_compare_ascii", 10_000, || {
        for w in words.windows(2) {
            black_box(collate::compare(black_box(&w[0]), black_box(&w[1])));
        }
    });
    let accented: Vec<String> = words.iter().map(|w| format!("é{}", w)).collect();
    bench_fn(&filter, "collate_compare_accented", 10_000, || {
        for w in accented.windows(2) {
            black_box(collate::compare(black_box(&w[0]), black_box(&w[1])));
        }
    });
    bench_fn(&filter, "collate_sort_key", 10_000, || {
        for w in &words {
            black_box(collate::sort_key(black_box(w)));
        }
    });
}
