//! Issue #9, limits: runaway or hostile code gets a clear 4D-style error and a
//! clean exit, never a crash, a hang or an exhausted machine.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn script(name: &str, code: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("fourd-rel-limits-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(format!("{}.4dm", name));
    std::fs::write(&p, code).unwrap();
    p
}

fn run(args: &[&str], file: &PathBuf) -> (Output, Duration) {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("run")
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
    (out, t.elapsed())
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn max_time_stops_runaway_loops_even_inside_try_and_err_call() {
    for (name, code) in [
        ("loop", "ALERT(\"start\")\nWhile (True)\nEnd while\n"),
        (
            "tryloop",
            "var $i : Integer\nWhile (True)\n\tTry\n\t\t$i:=$i+1\n\tCatch\n\t\tALERT(\"caught\")\n\tEnd try\nEnd while\n",
        ),
        (
            "errcall",
            "ON ERR CALL(\"handler\")\nvar $i : Integer\nRepeat\n\t$i:=$i+1\nUntil (False)\n",
        ),
        (
            "recurse",
            "#DECLARE($n : Integer)\nWhile (True)\n\tIf ($n<50)\n\t\trecurse($n+1)\n\tEnd if\nEnd while\n",
        ),
        // loops and methods run as compiled code (runtime::fast) check the flag too
        (
            "fastwhile",
            "var $i : Integer\nWhile ($i>=0)\n\t$i:=($i+1)%1000\nEnd while\n",
        ),
        (
            "fastfor",
            "var $i; $n : Integer\nFor ($i; 1; 10)\n\t$i:=1\n\t$n:=$n+1\nEnd for\n",
        ),
        (
            "fastrecurse",
            "#DECLARE($n : Integer)\nvar $k : Integer\nWhile ($k>=0)\n\tIf ($n<50)\n\t\tfastrecurse($n+1)\n\tEnd if\nEnd while\n",
        ),
    ] {
        let p = script(name, code);
        std::fs::write(p.with_file_name("handler.4dm"), "ALERT(\"handled\")\n").unwrap();
        let (out, took) = run(&["--max-time", "0.5"], &p);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(70), "{}: {}", name, err);
        assert!(err.contains("error 35: Time limit exceeded"), "{}: {}", name, err);
        // located: the code stopped itself (the watchdog's hard stop is not located)
        assert!(err.contains(".4dm:"), "{}: {}", name, err);
        assert!(took < Duration::from_secs(4), "{}: took {:?}", name, took);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("caught") && !stdout.contains("handled"), "{}", stdout);
    }
    // a script that ends in time is not disturbed
    let p = script("quick", "ALERT(\"done\")\n");
    let (out, _) = run(&["--max-time", "5"], &p);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "done\n");
    // nonsense values are usage errors
    let p = script("bad", "ALERT(\"x\")\n");
    let (out, _) = run(&["--max-time=-1"], &p);
    assert_eq!(out.status.code(), Some(64));
}

#[test]
fn max_time_ends_a_run_stuck_inside_one_command() {
    // HTTP Get to a server that accepts and never answers: the interrupt is not
    // seen inside the command, the watchdog ends the process a little later with
    // the same error
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let p = script(
        "stuck",
        &format!(
            "var $r : Text\nHTTP SET OPTION(HTTP timeout; 3600)\nvar $s : Integer\n$s:=HTTP Get(\"http://127.0.0.1:{}/\"; $r)\nALERT(\"returned\")\n",
            port
        ),
    );
    let (out, took) = run(&["--max-time", "0.3"], &p);
    drop(l);
    assert_eq!(out.status.code(), Some(70), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Time limit exceeded"),
        "{}",
        stderr(&out)
    );
    assert!(took < Duration::from_secs(6), "took {:?}", took);
}

#[test]
fn recursion_nesting_and_sizes_give_errors_not_crashes() {
    let cases: Vec<(&str, String, i32, &str)> = vec![
        (
            "deep",
            "#DECLARE($n : Integer)\ndeep($n+1)\n".into(),
            70,
            "error 20: Stack full",
        ),
        (
            "nest",
            format!("{}{}", "If (True)\n".repeat(600), "End if\n".repeat(600)),
            65,
            "nest",
        ),
        (
            "text",
            "var $t : Text\n$t:=\"xxxxxxxx\"\nWhile (True)\n\t$t:=$t+$t\nEnd while\n".into(),
            70,
            "error 34",
        ),
        // found by the `run` fuzz target: a 34 GB parameter table
        (
            "bigparam",
            "$44444444444={}\n".into(),
            65,
            "a parameter number above 32767",
        ),
        (
            "bigvararg",
            "${2000000000}:=1\n".into(),
            70,
            "error 4: Parameter $2000000000 out of range",
        ),
        // found by the EXECUTE FORMULA test: 100,000 parentheses took minutes
        (
            "parens",
            format!(
                "var $x : Integer\n$x:={}1{}\n",
                "(".repeat(100_000),
                ")".repeat(100_000)
            ),
            65,
            "more than 512 nested parentheses or brackets",
        ),
        (
            "textrep",
            "var $t : Text\n$t:=\"ab\"*2000000000\n".into(),
            70,
            "error 34",
        ),
        (
            "replace",
            "var $t : Text\n$t:=\"x\"*2000000\n$t:=Replace string($t; \"x\"; \"y\"*200; *)\n"
                .into(),
            70,
            "error 34",
        ),
        (
            "resize",
            "var $c : Collection\n$c:=New collection\n$c.resize(2000000000)\n".into(),
            70,
            "error 34",
        ),
        (
            "index",
            "var $c : Collection\n$c:=New collection\n$c[2000000000]:=1\n".into(),
            70,
            "error 34",
        ),
        (
            "array",
            "ARRAY LONGINT($a; 2000000000)\n".into(),
            70,
            "error 34",
        ),
        (
            "insert",
            "ARRAY TEXT($a; 1)\nINSERT IN ARRAY($a; 1; 2000000000)\n".into(),
            70,
            "error 34",
        ),
    ];
    for (name, code, exit, needle) in cases {
        let p = script(name, &code);
        let (out, took) = run(&[], &p);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(exit), "{}: {}", name, err);
        assert!(err.contains(needle), "{}: {}", name, err);
        assert!(took < Duration::from_secs(20), "{}: {:?}", name, took);
    }
}

#[test]
fn execute_formula_of_hostile_text() {
    let hostile = [
        "(".repeat(100_000),
        "(".repeat(600) + "1" + &")".repeat(600),
        "(".repeat(500) + "1" + &")".repeat(500),
        "[".repeat(10_000),
        "\\u0000\\u0001".into(),
        "1+".repeat(50_000) + "1",
        "If (True)".into(),
        "End if".into(),
        "\\\"".into(),
        "ALERT(".into(),
        "New object(\\\"a\\\"; ".repeat(2_000),
    ];
    for (i, h) in hostile.iter().enumerate() {
        let code = format!(
            "Try\n\tEXECUTE FORMULA(\"{}\")\n\tALERT(\"ran\")\nCatch\n\tALERT(\"error \"+String(Last errors[0].errCode))\nEnd try\n",
            h
        );
        let p = script(&format!("formula{}", i), &code);
        let (out, took) = run(&["--max-time", "10"], &p);
        let so = String::from_utf8_lossy(&out.stdout);
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(65) || code == Some(70),
            "case {}: exit {:?} {}",
            i,
            code,
            stderr(&out)
        );
        if code == Some(0) {
            assert!(
                so.starts_with("error ") || so == "ran\n",
                "case {}: {}",
                i,
                so
            );
        }
        assert!(took < Duration::from_secs(10), "case {}: {:?}", i, took);
    }
}

/// Found by the `parse` fuzz target: a line that does not parse, with nested calls
/// or character accesses, took time exponential in the nesting depth (each level
/// parsed its brackets twice: 18 levels took over a minute). Each bracket is now
/// parsed once.
#[test]
fn deeply_nested_line_with_a_syntax_error_parses_quickly() {
    let calls = format!(
        "{}(call ALERT (+ (+ (call String (call Type $b)) \" \") (call String (call Type $d)))){}\n",
        "(neg ".repeat(40),
        ")".repeat(40)
    );
    let chars = format!("$x:={}$t 1{}\n", "$t[[".repeat(40), "]]".repeat(40));
    for line in [calls, chars] {
        let t = Instant::now();
        let parsed = fourd::syntax::parse(&line, &Default::default());
        assert!(!parsed.errors.is_empty());
        assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    }
}
