//! End-to-end tests of `fourd run`: scripts, project folders, exit codes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fourd-run-basic-{}-{}", name, std::process::id()));
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

fn fourd(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(args)
        .output()
        .expect("run fourd");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn hello_world() {
    let d = tmpdir("hello");
    let f = write(&d, "hello.4dm", "ALERT(\"Hello, world!\")\n");
    let (code, out, _) = fourd(&["run", f.to_str().unwrap_or_default()]);
    assert_eq!(code, 0);
    assert_eq!(out, "Hello, world!\n");
}

#[test]
fn arguments_and_sibling_methods() {
    let d = tmpdir("args");
    write(
        &d,
        "shout.4dm",
        "#DECLARE($t : Text) : Text\nreturn Uppercase($t)+\"!\"\n",
    );
    let f = write(
        &d,
        "main.4dm",
        "ALERT(String(Count parameters))\nALERT(shout($1)+\" \"+$2)\nLOG EVENT(Into system standard outputs; \"raw\")\n",
    );
    let (code, out, _) = fourd(&["run", f.to_str().unwrap_or_default(), "abc", "def"]);
    assert_eq!(code, 0);
    assert_eq!(out, "2\nABC! def\nraw");
}

#[test]
fn runtime_error_exit_70_with_chain() {
    let d = tmpdir("rterr");
    write(&d, "inner_m.4dm", "// comment\n$x:=1\\0\n");
    let f = write(
        &d,
        "main.4dm",
        "ALERT(\"before\")\ninner_m\nALERT(\"after\")\n",
    );
    let (code, out, err) = fourd(&["run", f.to_str().unwrap_or_default()]);
    assert_eq!(code, 70);
    assert_eq!(out, "before\n");
    assert!(
        err.contains("inner_m.4dm:2:1: error 3: Division by zero"),
        "{}",
        err
    );
    assert!(err.contains("called from main line 2"), "{}", err);
}

#[test]
fn syntax_error_exit_65() {
    let d = tmpdir("syntax");
    let f = write(&d, "broken.4dm", "ALERT(\"never\")\nIf (\n");
    let (code, out, err) = fourd(&["run", f.to_str().unwrap_or_default()]);
    assert_eq!(code, 65);
    assert_eq!(out, "");
    assert!(err.contains("broken.4dm:"), "{}", err);
}

#[test]
fn stack_full_is_an_error_not_a_crash() {
    let d = tmpdir("stack");
    let f = write(&d, "runaway.4dm", "runaway\n");
    let (code, _, err) = fourd(&["run", f.to_str().unwrap_or_default()]);
    assert_eq!(code, 70);
    assert!(err.contains("Stack full"), "{}", err);
}

#[test]
fn project_folder_startup_method_exit() {
    let d = tmpdir("project");
    write(
        &d,
        "Project/Sources/DatabaseMethods/onStartup.4dm",
        "<>count:=1\nALERT(\"startup\")\n",
    );
    write(
        &d,
        "Project/Sources/DatabaseMethods/onExit.4dm",
        "ALERT(\"exit \"+String(<>count))\n",
    );
    write(
        &d,
        "Project/Sources/Methods/Do it.4dm",
        "<>count:=<>count+1\nALERT(\"method \"+helper_m)\n",
    );
    write(&d, "Project/Sources/Methods/helper_m.4dm", "$0:=\"ok\"\n");
    let (code, out, err) = fourd(&["run", d.to_str().unwrap_or_default(), "--method", "Do it"]);
    assert_eq!(code, 0, "{}", err);
    assert_eq!(out, "startup\nmethod ok\nexit 2\n");
    // a file inside the project sees the project's methods
    let f = write(
        &d,
        "Project/Sources/Methods/use_helper.4dm",
        "ALERT(helper_m)\n",
    );
    let (code, out, _) = fourd(&["run", f.to_str().unwrap_or_default()]);
    assert_eq!(code, 0);
    assert_eq!(out, "ok\n");
}

#[test]
fn a_broken_method_is_reported_once_and_the_project_runs() {
    let d = tmpdir("broken-method");
    write(
        &d,
        "Project/Sources/DatabaseMethods/onStartup.4dm",
        "ALERT(\"start\")\nTry\n  bad_one\nCatch\n  ALERT(\"caught \"+String(Last errors[0].errCode))\nEnd try\nTry\n  bad_one\nCatch\n  ALERT(\"again\")\nEnd try\nbad_one\nALERT(\"not reached\")\n",
    );
    write(&d, "Project/Sources/Methods/bad_one.4dm", "If (True)\n");
    write(&d, "Project/Sources/Methods/unused_bad.4dm", "End if\n");
    let (code, out, err) = fourd(&["run", d.to_str().unwrap_or_default()]);
    assert_eq!(out, "start\ncaught 50\nagain\n");
    assert_eq!(
        code, 70,
        "an uncaught call of the broken method fails the run"
    );
    assert_eq!(err.matches("bad_one.4dm:1:1:").count(), 2, "{err}");
    assert!(err.contains("error 50"), "{err}");
    // a broken method nothing calls is not even compiled
    assert!(!err.contains("unused_bad"), "{err}");
}

#[test]
fn a_syntax_error_in_the_script_run_still_stops_it() {
    let d = tmpdir("broken-entry");
    let f = write(&d, "entry.4dm", "ALERT(\"x\")\nIf (True)\n");
    let (code, out, err) = fourd(&["run", f.to_str().unwrap_or_default()]);
    assert_eq!(code, 65);
    assert_eq!(out, "");
    assert!(err.contains("entry.4dm:2:1:"), "{err}");
}
