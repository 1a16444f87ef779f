//! `fourd test [PATH...]`: golden-output tests of users' 4D code (passing and
//! failing cases, `.err`/`.exit`, `--update`, `--junit`, the time limit).

use std::path::{Path, PathBuf};
use std::process::Command;

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fourd-test-cli-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn fourd(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run fourd");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Two passing cases (one using a helper method of its folder, one checking
/// stderr and the exit code) and nothing else.
fn passing(d: &Path) {
    write(d, "t/sum_two.4dm", "ALERT(String(t_add(1; 2)))\n");
    write(d, "t/sum_two.out", "3\n");
    write(
        d,
        "t/t_add.4dm",
        "#DECLARE($a : Integer; $b : Integer) : Integer\nreturn $a+$b\n",
    );
    write(
        d,
        "t/sub/errors_out.4dm",
        "LOG EVENT(Into system standard outputs; \"to stderr\\n\"; Error message)\nALERT(\"x\")\nvar $o : Object\n$o.a.b:=1\n",
    );
    write(d, "t/sub/errors_out.out", "x\n");
    write(d, "t/sub/errors_out.exit", "70\n");
}

#[test]
fn passing_cases_report_and_exit_0() {
    let d = tmpdir("pass");
    passing(&d);
    // stderr expected exactly: take it from a real run
    let (_, _, err) = fourd(&d.join("t/sub"), &["run", "errors_out.4dm"]);
    assert!(err.starts_with("to stderr\nerrors_out.4dm:4:"), "{err}");
    write(&d, "t/sub/errors_out.err", &err);
    let (code, out, _) = fourd(&d, &["test", "t"]);
    assert_eq!((code, out.as_str()), (0, "2 passed, 0 failed\n"));
    // a single file, and the current folder by default
    let (code, out, _) = fourd(&d, &["test", "t/sum_two.4dm"]);
    assert_eq!((code, out.as_str()), (0, "1 passed, 0 failed\n"));
    let (code, out, _) = fourd(&d.join("t"), &["test"]);
    assert_eq!((code, out.as_str()), (0, "2 passed, 0 failed\n"));
}

#[test]
fn failing_cases_one_line_each_with_a_unified_diff_exit_1() {
    let d = tmpdir("fail");
    passing(&d);
    write(
        &d,
        "t/wrong_out.4dm",
        "ALERT(\"a\")\nALERT(\"B\")\nALERT(\"c\")\n",
    );
    write(&d, "t/wrong_out.out", "a\nb\nc\n");
    write(&d, "t/wrong_exit.4dm", "ALERT(\"fine\")\n");
    write(&d, "t/wrong_exit.out", "fine\n");
    write(&d, "t/wrong_exit.exit", "70\n");
    write(&d, "t/wrong_err.4dm", "ALERT(\"y\")\n");
    write(&d, "t/wrong_err.out", "y\n");
    write(&d, "t/wrong_err.err", "something on stderr\n");
    let (code, out, _) = fourd(&d, &["test", "t"]);
    assert_eq!(code, 1, "{out}");
    let fails: Vec<&str> = out.lines().filter(|l| l.starts_with("FAIL ")).collect();
    assert_eq!(
        fails,
        [
            "FAIL wrong_err.4dm: stderr differs:",
            "FAIL wrong_exit.4dm: exit code 0, expected 70",
            "FAIL wrong_out.4dm: stdout differs:",
        ],
        "{out}"
    );
    assert!(out.contains("--- expected stdout"), "{out}");
    assert!(out.contains("-b\n") && out.contains("+B\n"), "{out}");
    assert!(out.contains("-something on stderr"), "{out}");
    assert!(out.ends_with("2 passed, 3 failed\n"), "{out}");
}

#[test]
fn update_rewrites_the_expected_files() {
    let d = tmpdir("update");
    write(
        &d,
        "u/new_case.4dm",
        "ALERT(\"now\")\nvar $o : Object\n$o.a.b:=1\n",
    );
    write(&d, "u/new_case.out", "before\n");
    write(&d, "u/ok_case.4dm", "ALERT(\"ok\")\n");
    write(&d, "u/ok_case.out", "stale\n");
    write(&d, "u/ok_case.exit", "3\n");
    let (code, out, _) = fourd(&d, &["test", "u"]);
    assert_eq!(
        (code, out.ends_with("0 passed, 2 failed\n")),
        (1, true),
        "{out}"
    );
    let (code, out, _) = fourd(&d, &["test", "--update", "u"]);
    assert_eq!((code, out.as_str()), (0, "2 passed, 0 failed\n"));
    let read = |f: &str| std::fs::read_to_string(d.join("u").join(f)).ok();
    assert_eq!(read("new_case.out").as_deref(), Some("now\n"));
    assert_eq!(read("new_case.exit").as_deref(), Some("70\n"));
    assert!(read("new_case.err").unwrap().contains("new_case.4dm:3:"));
    assert_eq!(read("ok_case.out").as_deref(), Some("ok\n"));
    // exit code 0 and empty stderr need no file
    assert_eq!(read("ok_case.exit"), None);
    assert_eq!(read("ok_case.err"), None);
    let (code, out, _) = fourd(&d, &["test", "u"]);
    assert_eq!((code, out.as_str()), (0, "2 passed, 0 failed\n"));
}

#[test]
fn a_looping_case_is_stopped_by_the_time_limit_and_fails() {
    let d = tmpdir("loop");
    write(
        &d,
        "l/forever.4dm",
        "var $i : Integer\nWhile (True)\n\t$i+=1\nEnd while\n",
    );
    write(&d, "l/forever.out", "");
    write(&d, "l/quick.4dm", "ALERT(\"q\")\n");
    write(&d, "l/quick.out", "q\n");
    let start = std::time::Instant::now();
    let (code, out, _) = fourd(&d, &["test", "--timeout", "1", "l"]);
    assert!(
        start.elapsed().as_secs() < 20,
        "the time limit did not stop it"
    );
    assert_eq!(code, 1);
    assert!(
        out.lines()
            .any(|l| l.starts_with("FAIL forever.4dm: timed out after")),
        "{out}"
    );
    assert!(out.ends_with("1 passed, 1 failed\n"), "{out}");
}

#[test]
fn junit_xml_parses_and_counts() {
    let d = tmpdir("junit");
    passing(&d);
    let (_, _, err) = fourd(&d.join("t/sub"), &["run", "errors_out.4dm"]);
    write(&d, "t/sub/errors_out.err", &err);
    write(&d, "t/bad <&> case.4dm", "ALERT(\"1\")\n");
    write(&d, "t/bad <&> case.out", "2\n");
    let xml_path = d.join("report.xml");
    let (code, _, _) = fourd(&d, &["test", "t", "--junit", xml_path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("JUnit XML parses");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("tests"), Some("3"));
    assert_eq!(suite.attribute("failures"), Some("1"));
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 3);
    let failed: Vec<_> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].attribute("name"), Some("bad <&> case"));
    let names: Vec<_> = cases.iter().filter_map(|c| c.attribute("name")).collect();
    assert!(
        names.contains(&"sum_two") && names.contains(&"errors_out"),
        "{names:?}"
    );
    let sub = cases
        .iter()
        .find(|c| c.attribute("name") == Some("errors_out"))
        .unwrap();
    assert_eq!(sub.attribute("classname"), Some("sub"));
}

#[test]
fn missing_path_is_a_usage_error() {
    let d = tmpdir("missing");
    let (code, _, err) = fourd(&d, &["test", "nowhere"]);
    assert_eq!(code, 2);
    assert!(err.contains("nowhere: no such file or folder"), "{err}");
}
