//! Issue #19, reliability and security round two: circular objects, panics,
//! deep nesting, parse time, one data file for two processes, file writes that
//! respect permissions, a memory budget and symlink loops in `fourd check`.
//! Each test here failed before its fix.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fourd-rel2-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fourd(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fourd"));
    c.args(args);
    c
}

/// Runs `code` as a script in its own folder with extra `fourd run` arguments.
fn run_code(name: &str, code: &str, args: &[&str]) -> Output {
    let dir = tmp(name);
    let p = dir.join(format!("{name}.4dm"));
    std::fs::write(&p, code).unwrap();
    let mut c = fourd(&["run"]);
    c.args(args).arg(&p);
    let (out, _) = output_within(c, Duration::from_secs(120));
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// Runs a command, killing it past `limit` (then the output says so in its status).
fn output_within(mut c: Command, limit: Duration) -> (Output, Duration) {
    use std::process::Stdio;
    let t = Instant::now();
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let guard = std::thread::spawn(move || {
        if rx.recv_timeout(limit).is_err() {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
        }
    });
    let out = child.wait_with_output().unwrap();
    let _ = tx.send(());
    let _ = guard.join();
    (out, t.elapsed())
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Finding 8: a folder with symlink loops is walked once per real file.
#[cfg(unix)]
#[test]
fn check_visits_each_real_file_once_despite_symlink_loops() {
    let dir = tmp("symloop");
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("a.4dm"), "ALERT(\"x\")\n").unwrap();
    std::fs::write(sub.join("b.4dm"), "If (\n").unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink(".", sub.join("me")).unwrap();
    let mut c = fourd(&["check", "--quiet"]);
    c.arg(&dir);
    let (out, took) = output_within(c, Duration::from_secs(20));
    assert!(took < Duration::from_secs(20), "killed after {took:?}");
    let so = text(&out.stdout);
    assert!(so.contains("\n2 files, 1 with errors, "), "{so}");
    assert_eq!(so.matches("b.4dm:").count(), so.lines().count() - 1, "{so}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Finding 1: a circular object or collection is error 48 (which `Try` catches)
/// in JSON Stringify (both forms), String, OB Copy, .copy(), New process
/// parameters and Storage; `.equal()` compares circular values; a diamond (the same
/// object twice, no cycle) is not an error; nesting is bounded (error 20).
#[test]
fn circular_objects_are_errors_not_aborts() {
    let dir = tmp("circular");
    std::fs::write(dir.join("child.4dm"), "ALERT(\"child\")\n").unwrap();
    let code = r#"var $o; $p; $top : Object
var $c; $d : Collection
var $i : Integer
$o:=New object("a"; 1)
$o.self:=$o
$c:=New collection(1)
$c.push($c)
Try
	ALERT(JSON Stringify($o))
Catch
	ALERT("stringify: "+String(Last errors[0].errCode))
End try
Try
	ALERT(JSON Stringify($o; *))
Catch
	ALERT("pretty: "+String(Last errors[0].errCode))
End try
Try
	ALERT(String($c))
Catch
	ALERT("string: "+String(Last errors[0].errCode))
End try
Try
	$p:=OB Copy($o)
Catch
	ALERT("ob copy: "+String(Last errors[0].errCode))
End try
Try
	$d:=$c.copy()
Catch
	ALERT("copy: "+String(Last errors[0].errCode))
End try
Try
	$i:=New process("child"; 0; "child"; $o)
Catch
	ALERT("new process: "+String(Last errors[0].errCode))
End try
Try
	Use (Storage)
		Storage.x:=$o
	End use
Catch
	ALERT("storage: "+String(Last errors[0].errCode))
End try
ALERT("equal itself: "+String($c.equal($c)))
$d:=New collection(1)
$d.push($d)
ALERT("equal cycles: "+String($c.equal($d)))
$d.push(2)
ALERT("equal differ: "+String($c.equal($d)))
$p:=New object("l"; New object("v"; 1))
$p.r:=$p.l
ALERT(JSON Stringify(OB Copy($p)))
$top:=New object
$p:=$top
For ($i; 1; 20000)
	$p.n:=New object
	$p:=$p.n
End for
Try
	ALERT(JSON Stringify($top))
Catch
	ALERT("deep: "+String(Last errors[0].errCode))
End try
"#;
    let p = dir.join("circ.4dm");
    std::fs::write(&p, code).unwrap();
    let mut c = fourd(&["run"]);
    c.arg(&p);
    let (out, _) = output_within(c, Duration::from_secs(60));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "stringify: 48\npretty: 48\nstring: 48\nob copy: 48\ncopy: 48\nnew process: 48\n\
         storage: 48\nequal itself: True\nequal cycles: True\nequal differ: False\n\
         {\"l\":{\"v\":1},\"r\":{\"v\":1}}\ndeep: 20\n"
    );
}

/// Finding 2: a `.sort()` formula that is not a total order (a random answer)
/// sorts without a panic, every element kept; the standard sort used to panic
/// ("fourd: internal error", exit 70, `Try` could not catch it).
#[test]
fn sort_with_an_inconsistent_formula_keeps_every_element() {
    let out = run_code(
        "badsort",
        r#"var $c : Collection
var $i; $n : Integer
$c:=New collection
For ($i; 1; 200)
	$c.push($i)
End for
For ($n; 1; 30)
	$c:=$c.sort(Formula((Random%3)=0))
End for
ALERT(String($c.length)+" "+String($c.sum())+" "+String($c.distinct().length))
ARRAY LONGINT($a; 0)
COLLECTION TO ARRAY($c; $a)
SORT ARRAY($a; >)
ALERT(String($a{1})+" "+String($a{200}))
"#,
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "200 20100 200\n1 200\n");
}
