//! tool4d's command line: `fourd --project PATH [--startup-method NAME]
//! [--skip-onstartup] [--dataless] [--user-param TEXT] ...` on the test project
//! `tests/tool4d/app` (On Startup, On Exit, startup methods, and a small unit-test
//! framework written in 4D: `Assert`, `MathTest`, `TextTest`, `run_tests`).
//! Each test runs on a copy of the project in a temporary folder, so that the data
//! file a run creates never lands in the repository.

use std::path::{Path, PathBuf};
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A fresh copy of the test project.
fn project(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fourd-tool4d-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tool4d/app"),
        &d.join("app"),
    );
    d.join("app")
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

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn sequence_on_startup_method_on_exit_with_user_param() {
    let p = project("seq");
    let (code, out, err) = fourd(&[
        "--project",
        s(&p),
        "--startup-method",
        "hello",
        "--user-param",
        "format=json tags=unit",
    ]);
    assert_eq!(code, 0, "stderr: {err}");
    assert_eq!(
        out,
        "On Startup\nhello param=[format=json tags=unit] headless=True started=True\n\
         structure=True\nOn Exit\n"
    );
    // LOG EVENT with Error message goes to stderr
    assert_eq!(err, "oops on stderr\n");
}

#[test]
fn project_file_path_and_skip_onstartup() {
    let p = project("skip");
    let file = p.join("Project/app.4DProject");
    let (code, out, _) = fourd(&[
        "--project",
        s(&file),
        "--startup-method",
        "hello",
        "--skip-onstartup",
    ]);
    assert_eq!(code, 0);
    // neither On Startup nor On Exit; no user param
    assert_eq!(
        out,
        "hello param=[] headless=True started=False\nstructure=True\n"
    );
}

#[test]
fn without_startup_method_runs_on_startup_and_on_exit() {
    let p = project("nomethod");
    let (code, out, _) = fourd(&["--project", s(&p)]);
    assert_eq!(code, 0);
    assert_eq!(out, "On Startup\nOn Exit\n");
}

#[test]
fn dataless_keeps_records_in_memory() {
    let p = project("dataless");
    for _ in 0..2 {
        let (code, out, err) = fourd(&[
            "--project",
            s(&p),
            "--startup-method",
            "records",
            "--dataless",
            "--skip-onstartup",
        ]);
        assert_eq!(code, 0, "{err}");
        // the table exists; no data file, so every run starts empty
        assert_eq!(out, "records=1 datafile=False\n");
    }
    assert!(!p.join("Data").exists(), "--dataless wrote a data file");
    // without --dataless the records are kept in Data/data.sqlite
    for n in 1..=2 {
        let (code, out, _) = fourd(&[
            "--project",
            s(&p),
            "--startup-method",
            "records",
            "--skip-onstartup",
        ]);
        assert_eq!(code, 0);
        assert_eq!(out, format!("records={n} datafile=True\n"));
    }
    assert!(p.join("Data/data.sqlite").is_file());
}

#[test]
fn data_option_chooses_the_data_file() {
    let p = project("data");
    let data = p.parent().unwrap().join("other.sqlite");
    let (code, out, _) = fourd(&[
        "--project",
        s(&p),
        "--startup-method",
        "records",
        "--skip-onstartup",
        "--data",
        s(&data),
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "records=1 datafile=True\n");
    assert!(data.is_file());
    assert!(!p.join("Data").exists());
}

#[test]
fn quit_4d_in_the_middle_of_a_method() {
    let p = project("quit");
    let (code, out, err) = fourd(&["--project", s(&p), "--startup-method", "quit_mid"]);
    assert_eq!(code, 0, "{err}");
    // the rest of the method (and of its caller) does not run; On Exit does
    assert_eq!(out, "On Startup\nbefore quit\nOn Exit\n");
    assert_eq!(err, "");
}

#[test]
fn uncaught_error_ends_the_method_on_exit_still_runs() {
    let p = project("error");
    let (code, out, err) = fourd(&["--project", s(&p), "--startup-method", "fails"]);
    assert_eq!(code, 70);
    assert_eq!(out, "On Startup\nbefore error\nOn Exit\n");
    assert!(err.contains("fails.4dm:4:"), "{err}");
}

#[test]
fn max_time_stops_a_runaway_startup_method() {
    let p = project("maxtime");
    let (code, out, err) = fourd(&[
        "--project",
        s(&p),
        "--startup-method",
        "forever",
        "--max-time",
        "0.5",
    ]);
    assert_eq!(code, 70);
    // On Startup ran; past the limit nothing more runs (On Exit neither)
    assert_eq!(out, "On Startup\n");
    assert!(
        err.contains("error 35: Time limit exceeded: stopped after 0.5 s"),
        "{err}"
    );
}

#[test]
fn missing_project_exit_2_with_a_clear_message() {
    let d = std::env::temp_dir().join(format!("fourd-tool4d-none-{}", std::process::id()));
    let missing = d.join("NoSuchProject/Project/NoSuchProject.4DProject");
    let (code, out, err) = fourd(&["--project", s(&missing), "--startup-method", "test"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("cannot open the project") && err.contains("no such file or folder"),
        "{err}"
    );
    // a folder that is not a 4D project
    std::fs::create_dir_all(&d).unwrap();
    let (code, _, err) = fourd(&["--project", s(&d)]);
    assert_eq!(code, 2);
    assert!(err.contains("not a 4D project"), "{err}");
}

#[test]
fn missing_startup_method_is_a_clear_error() {
    let p = project("nomethod2");
    let (code, out, err) = fourd(&["--project", s(&p), "--startup-method", "test"]);
    assert_eq!(code, 2);
    assert_eq!(out, "", "nothing runs");
    assert!(
        err.contains("the startup method \"test\" does not exist"),
        "{err}"
    );
}

#[test]
fn tool4d_options_without_project_are_refused() {
    let (code, _, err) = fourd(&["--startup-method", "test"]);
    assert_eq!(code, 2);
    assert!(err.contains("--project"), "{err}");
    let p = project("mode");
    let (code, _, err) = fourd(&["--project", s(&p), "--opening-mode", "fast"]);
    assert_eq!(code, 2, "{err}");
    let (code, out, _) = fourd(&["--project", s(&p), "--opening-mode", "compiled"]);
    assert_eq!((code, out.as_str()), (0, "On Startup\nOn Exit\n"));
}

/// A fresh copy of `scripts/ci_demo`: a small unit-test framework written in 4D
/// (an `Assert` class, test classes, and the runner `test`).
fn ci_demo(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fourd-ci-demo-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/ci_demo"),
        &d.join("ci_demo"),
    );
    d.join("ci_demo")
}

#[test]
fn a_4d_unit_test_framework_runs_through_the_tool4d_command_line() {
    let p = ci_demo("pass");
    let (code, out, err) = fourd(&[
        "--project",
        s(&p.join("Project/ci_demo.4DProject")),
        "--startup-method",
        "test",
        "--skip-onstartup",
        "--dataless",
        "--user-param",
        "tags=unit",
    ]);
    assert_eq!(code, 0, "{err}");
    // classes found through OB Keys(cs) (Helper is not a test class), test_
    // functions through METHOD GET CODE, helper_ functions not run
    assert_eq!(
        out,
        "ok   MathTest.test_addition\n\
         ok   MathTest.test_left_to_right\n\
         ok   TextTest.test_uppercase\n\
         ok   TextTest.test_length\n\
         2 classes, 4 tests, 0 failed (tags=unit)\n"
    );
    assert_eq!(err, "");
}

#[test]
fn the_4d_framework_reports_failures_and_fails_the_run() {
    let p = ci_demo("fail");
    std::fs::write(
        p.join("Project/Sources/Classes/BrokenTest.4dm"),
        "property assert : cs.Assert\n\
         Class constructor($assert : cs.Assert)\n\
         \tThis.assert:=$assert\n\
         Function test_wrong_on_purpose()\n\
         \tThis.assert.equal(2*2; 5; \"2*2\")\n\
         Function test_fine()\n\
         \tThis.assert.isTrue(True; \"true\")\n",
    )
    .unwrap();
    let (code, out, err) = fourd(&["--project", s(&p), "--startup-method", "test"]);
    assert_eq!(code, 70, "{out}{err}");
    assert!(
        out.starts_with("ok   BrokenTest.test_fine\n"),
        "test_ functions in file order: {out}"
    );
    assert!(out.ends_with("3 classes, 6 tests, 1 failed\n"), "{out}");
    assert!(
        err.starts_with("FAIL BrokenTest.test_wrong_on_purpose: 2*2: expected 5, got 4\n"),
        "{err}"
    );
    assert!(err.contains("1 of 6 tests failed"), "{err}");
}
