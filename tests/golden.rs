//! Golden-output suite: every `tests/golden/**/NAME.4dm` with a sibling `NAME.out` is a case.
//! See `tests/golden/README.md` for the layout, the `.err` format and `FOURD_BLESS=1`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A case that runs longer than this is killed and reported (runaway code must not hang CI).
const TIMEOUT: Duration = Duration::from_secs(30);

fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            cases(&path, out);
        } else if path.extension().is_some_and(|x| x == "4dm")
            && path.with_extension("out").exists()
        {
            out.push(path);
        }
    }
}

/// First differing line of `expected` and `actual`, as a short two-line diff.
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) =
        (expected.split('\n').collect(), actual.split('\n').collect());
    let i = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    format!(
        "line {}:\n      expected: {:?}\n      actual:   {:?}",
        i + 1,
        e.get(i),
        a.get(i)
    )
}

/// Runs one case; returns a description of every mismatch.
fn run_case(case: &Path, bless: bool) -> Vec<String> {
    let dir = case.parent().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("run")
        .arg(case.file_name().unwrap())
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start fourd");
    let read = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).ok();
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let (out_reader, err_reader) = (
        read(Box::new(child.stdout.take().unwrap())),
        read(Box::new(child.stderr.take().unwrap())),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > TIMEOUT {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (stdout, stderr) = (out_reader.join().unwrap(), err_reader.join().unwrap());
    let Some(status) = status else {
        return vec![format!("timed out after {TIMEOUT:?}")];
    };
    let mut problems = Vec::new();
    let out_path = case.with_extension("out");
    if bless {
        std::fs::write(&out_path, stdout.as_bytes()).unwrap();
    }
    let expected = std::fs::read_to_string(&out_path).unwrap();
    if expected != stdout {
        problems.push(format!("stdout differs at {}", diff(&expected, &stdout)));
    }
    let err_spec = std::fs::read_to_string(case.with_extension("err")).unwrap_or_default();
    let mut lines = err_spec.lines();
    let code: i32 = lines
        .next()
        .map_or(0, |l| l.trim().parse().expect("bad exit code in .err"));
    if status.code() != Some(code) {
        problems.push(format!("exit code {:?}, expected {code}", status.code()));
    }
    for want in lines.map(str::trim).filter(|l| !l.is_empty()) {
        if !stderr.contains(want) {
            problems.push(format!("stderr lacks {want:?}"));
        }
    }
    if !problems.is_empty() && !stderr.is_empty() {
        problems.push(format!(
            "stderr: {}",
            stderr.lines().take(3).collect::<Vec<_>>().join(" | ")
        ));
    }
    problems
}

#[test]
fn golden() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var("FOURD_BLESS").is_ok_and(|v| v == "1");
    let filter = std::env::var("FOURD_GOLDEN_FILTER").unwrap_or_default();
    let mut all = Vec::new();
    cases(&root, &mut all);
    assert!(!all.is_empty(), "no golden cases under {}", root.display());
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in all
        .iter()
        .filter(|c| c.to_string_lossy().contains(filter.as_str()))
    {
        ran += 1;
        let problems = run_case(case, bless);
        if !problems.is_empty() {
            let name = case.strip_prefix(&root).unwrap().display().to_string();
            failures.push(format!("{name}\n    {}", problems.join("\n    ")));
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {ran} golden cases failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
