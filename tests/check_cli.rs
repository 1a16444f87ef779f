//! `fourd check` from the command line: error lines, summary, exit codes, and the
//! names a 4D project folder contributes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fourd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_fourd"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fourd-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[test]
fn clean_files_exit_0_with_a_summary() {
    let dir = temp_dir("clean");
    write(
        &dir.join("a.4dm"),
        "$x:=1\nIf ($x=1)\n\tALERT(\"one\")\nEnd if\n",
    );
    write(&dir.join("sub/b.4dm"), "var $t : Text:=\"b\"\n");
    write(&dir.join("notes.txt"), "not 4D at all ((((");
    let out = fourd().arg("check").arg(&dir).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "2 files, 0 with errors, 0 errors\n"
    );
}

#[test]
fn errors_print_path_line_col_message_and_exit_1() {
    let dir = temp_dir("errors");
    let bad = dir.join("bad.4dm");
    write(&bad, "$ok:=1\n$x:=(1+\nEnd while\n");
    let out = fourd()
        .args(["check", "--quiet"])
        .arg(&bad)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let path = bad.display().to_string();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with(&format!("{path}:2:8: unexpected end of line")),
        "{stdout}"
    );
    assert_eq!(
        lines[1],
        format!("{path}:3:1: `End while` without a matching opening line")
    );
    assert_eq!(lines[2], "1 files, 1 with errors, 2 errors");
}

#[test]
fn missing_path_is_bad_usage() {
    let out = fourd()
        .args(["check", "/no/such/place.4dm"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = fourd().arg("check").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_project_method_name_can_start_with_a_keyword() {
    // `Return value` is a project method here, so the line is a call, not `return`.
    let dir = temp_dir("project");
    let sources = dir.join("Project/Sources");
    write(
        &sources.join("Methods/Return value.4dm"),
        "#DECLARE($x : Integer) : Integer\nreturn $x\n",
    );
    write(
        &sources.join("Methods/caller.4dm"),
        "Return value(1)\n$y:=Return value(2)\n",
    );
    let out = fourd()
        .args(["check", "--quiet"])
        .arg(&dir)
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "2 files, 0 with errors, 0 errors\n"
    );
    assert_eq!(out.status.code(), Some(0));
    // Outside the project, the same line reads as `return value(1)`: still valid
    // syntax, so check what the tree says instead.
    let parsed = fourd::syntax::parse("Return value(1)\n", &fourd::syntax::KnownNames::default());
    assert!(matches!(
        parsed.file.body[0].kind,
        fourd::syntax::ast::StmtKind::Return(_)
    ));
    let names = fourd::syntax::KnownNames::new(vec!["Return value".into()], Vec::new(), Vec::new());
    let parsed = fourd::syntax::parse("Return value(1)\n", &names);
    assert!(matches!(
        parsed.file.body[0].kind,
        fourd::syntax::ast::StmtKind::Expr(_)
    ));
}
