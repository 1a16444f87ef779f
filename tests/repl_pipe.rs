//! The REPL driven through a pipe: entries read line by line, no prompts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fourd-repl-pipe-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, text).expect("write");
    p
}

/// Runs `fourd repl ARGS` with `input` on stdin: (exit code, stdout, stderr).
fn repl(args: &[&str], input: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("repl")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run fourd repl");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn expressions_print_their_value_statements_are_silent() {
    let (code, out, err) = repl(
        &[],
        "1+2\n3+4*5\n\"abc\"\n$x:=5\n$x*2\n{a: 1; b: \"x\"}\n[1; 2; \"three\"]\nTrue\nALERT(\"hi\")\n",
    );
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "3\n35\n\"abc\"\n10\n{\"a\":1,\"b\":\"x\"}\n[1,2,\"three\"]\nTrue\nhi\n"
    );
}

#[test]
fn locals_and_process_variables_persist() {
    let (code, out, _) = repl(
        &[],
        "$t:=\"a\"\n$t:=$t+\"b\"\n$t\ncount:=1\ncount:=count+1\ncount\n<>shared:=\"yes\"\n<>shared\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out, "\"ab\"\n2\n\"yes\"\n");
}

#[test]
fn multi_line_blocks_run_when_closed() {
    let input = "\
$n:=0
For ($i; 1; 4)
  If ($i%2=0)
    $n:=$n+$i
  End if
End for
$n
Case of
  : ($n=6)
    ALERT(\"six\")
  Else
    ALERT(\"other\")
End case
$c:=[]
For each ($v; [1; 2; 3])
  $c.push($v*10)
End for each
$c
$k:=0
While ($k<3)
  $k:=$k+1
End while
Repeat
  $k:=$k-1
Until ($k=0)
$k
Try
  $z:=1/0
Catch
  ALERT(\"caught\")
End try
";
    let (code, out, err) = repl(&[], input);
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(out, "6\nsix\n[10,20,30]\n0\n");
}

#[test]
fn errors_do_not_end_the_session() {
    let input = "\
$x:=41
$x:=
$y:=Undefined_method_xyz(1)
If (True
$x:=$x+1
$x
";
    let (code, out, err) = repl(&[], input);
    assert_eq!(out, "42\n", "stderr: {err}");
    assert!(err.contains("expected"), "syntax error shown: {err}");
    assert!(err.contains("error 30"), "runtime error shown: {err}");
    // an error in a piped session gives exit code 1 at the end
    assert_eq!(code, 1);
}

#[test]
fn runtime_error_keeps_earlier_assignments_of_the_entry() {
    let input = "\
$a:=1
$b:=\"x\"+(1/0)
$a
";
    let (code, out, err) = repl(&[], input);
    assert_eq!(code, 1);
    assert!(err.contains("error"), "{err}");
    assert_eq!(out, "1\n");
}

#[test]
fn vars_lists_names_types_and_values() {
    let input = "\
var $count : Integer
$count:=3
$name:=\"Ann\"
$o:={k: [1; 2]}
total:=1.5
:vars
";
    let (code, out, _) = repl(&[], input);
    assert_eq!(code, 0);
    let lines: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(lines.contains(&vec!["$count", "Integer", "3"]), "{out}");
    assert!(lines.contains(&vec!["$name", "Text", "\"Ann\""]), "{out}");
    assert!(
        lines.contains(&vec!["$o", "Object", "{\"k\":[1,2]}"]),
        "{out}"
    );
    assert!(lines.contains(&vec!["total", "Real", "1.5"]), "{out}");
}

#[test]
fn type_reset_help_and_quit() {
    let input = "\
$d:=!2024-01-31!
:type $d
:type \"x\"
:type {}
:reset
$d
:help
:quit
ALERT(\"never\")
";
    let (code, out, _) = repl(&[], input);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Date\nText\nObject\nsession reset\nundefined\n"),
        "{out}"
    );
    assert!(out.contains(":load FILE"), "{out}");
    assert!(!out.contains("never"), "{out}");
}

#[test]
fn load_runs_a_file_in_the_session() {
    let d = tmpdir("load");
    let f = write(
        &d,
        "setup.4dm",
        "$greeting:=\"hello\"\nlimit:=3\nALERT(\"loaded\")\n",
    );
    let input = format!(
        ":load {}\n$greeting+\" \"+String(limit)\n:load {}\n",
        f.display(),
        d.join("missing.4dm").display()
    );
    let (code, out, err) = repl(&[], &input);
    assert_eq!(out, "loaded\n\"hello 3\"\n");
    assert!(err.contains("missing.4dm"), "{err}");
    assert_eq!(code, 1);
}

#[test]
fn folder_methods_are_callable() {
    let d = tmpdir("folder");
    write(
        &d,
        "double.4dm",
        "#DECLARE($n : Real) : Real\nreturn $n*2\n",
    );
    write(&d, "shout.4dm", "ALERT(\"HEY\")\n");
    let (code, out, err) = repl(
        &[d.to_str().unwrap_or_default()],
        "double(21)\nshout\n$r:=double(double(1))\n$r\n",
    );
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(out, "42\nHEY\n4\n");
}

#[test]
fn project_methods_are_callable() {
    let d = tmpdir("project");
    write(
        &d,
        "Project/Sources/Methods/greet.4dm",
        "#DECLARE($who : Text) : Text\nreturn \"hi \"+$who\n",
    );
    let (code, out, _) = repl(&[d.to_str().unwrap_or_default()], "greet(\"Bo\")\n");
    assert_eq!(code, 0);
    assert_eq!(out, "\"hi Bo\"\n");
}

#[test]
fn log_event_output_is_kept_apart_from_values() {
    let (code, out, _) = repl(
        &[],
        "LOG EVENT(Into system standard outputs; \"no newline\")\n1+1\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out, "no newline\n2\n");
}

#[test]
fn unclosed_block_at_end_of_input_is_reported() {
    let (code, out, err) = repl(&[], "If (True)\nALERT(\"x\")\n");
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.contains("End if"), "{err}");
}

#[test]
fn project_classes_are_usable_across_entries() {
    let d = tmpdir("classes");
    write(
        &d,
        "Project/Sources/Classes/Person.4dm",
        "Class constructor($n : Text)\n\tThis.name:=$n\n\nFunction hello() : Text\n\treturn \"hi \"+This.name\n",
    );
    let (code, out, err) = repl(
        &[d.to_str().unwrap_or_default()],
        "$p:=cs.Person.new(\"Ann\")\n$p.hello()\nOB Class($p).name\n",
    );
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(out, "\"hi Ann\"\n\"Person\"\n");
}

#[test]
fn formula_texts_computed_at_run_time_keep_working_across_entries() {
    // what a computed text compiles (formulas, new variables) becomes part of the
    // session: later entries add methods and variables without clashing with it
    let dir = tmpdir("dynformula");
    write(
        &dir,
        "Project/Sources/Methods/dyn_twice.4dm",
        "#DECLARE($n : Integer)->$r : Integer\n$r:=$n*2\n",
    );
    let input = "\
$n:=5
EXECUTE FORMULA(\"vRepl:=\"+String($n)+\"*2\")
vRepl
$f:=Formula from string(\"$1+\"+String($n))
$a:=1
$f.call(Null; 1)
EXECUTE FORMULA(\"$a:=$a+\"+\"99\")
$a
EXECUTE FORMULA(\"vFresh\"+\":=dyn_\"+\"twice(7)\")
vOther:=3
$g:=Formula($1*10)
vFresh+vOther
$f.call(Null; $g.call(Null; 1))
";
    let (code, out, err) = repl(&[dir.to_str().unwrap()], input);
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(out, "10\n6\n100\n17\n15\n");
}

#[test]
fn storage_survives_between_entries() {
    // REPL.md: the REPL is one process of one application (issue 14)
    let (code, out, err) = repl(
        &[],
        "Use(Storage)\nStorage.n:=41\nEnd use\nStorage.n+1\nUse(Storage)\nStorage.n:=Storage.n+1\nEnd use\nStorage.n\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "42\n42\n", "{err}");
}

#[test]
fn a_broken_project_method_is_reported_and_raises_when_called() {
    let d = tmpdir("broken");
    write(&d, "good_one.4dm", "#DECLARE() : Integer\nreturn 7\n");
    write(&d, "bad_one.4dm", "If (True)\n");
    let input = "good_one\nTry\nbad_one\nCatch\nALERT(\"caught \"+String(Last errors[0].errCode))\nEnd try\n";
    let (code, out, err) = repl(&[d.to_str().unwrap_or_default()], input);
    assert_eq!(code, 0);
    assert!(out.contains("7\n"), "{out}");
    assert!(out.contains("caught 50"), "{out}");
    assert_eq!(err.matches("bad_one.4dm:1:1:").count(), 1, "{err}");
}
