//! Golden-output tests of 4D code: `fourd test [PATH...]` and this project's own
//! suite (`tests/golden.rs`) run through here.
//!
//! A case is a `NAME.4dm` with a `NAME.out` beside it (the exact expected stdout).
//! Beside them, optionally, `NAME.err` and `NAME.exit` say what else is expected.
//! Each case runs as its own `fourd run NAME.4dm` process (working directory: the
//! case's folder, so the folder's other `.4dm` files are its project methods), with
//! a time limit, several at a time (one per core). Two readings of `NAME.err`:
//!
//! * [`ErrFormat::Exact`] (`fourd test`): `NAME.err` is the exact expected stderr
//!   (absent: stderr is not checked) and `NAME.exit` the expected exit code
//!   (absent: 0).
//! * [`ErrFormat::CodeThenSubstrings`] (this project's suite, whose error messages
//!   are not fixed yet): first line the exit code, then one substring of stderr a
//!   line; `NAME.exit` is not read.
//!
//! `--update` rewrites the expected files from what ran: `.out` always; `.err` and
//! `.exit` are written when they say something (stderr not empty, code not 0) and
//! removed when they would be empty (in `CodeThenSubstrings` only `.out` is
//! rewritten: the substrings are written by hand).

pub mod junit;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How `NAME.err` is read (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrFormat {
    Exact,
    CodeThenSubstrings,
}

/// How to run a set of cases.
#[derive(Debug, Clone)]
pub struct Options {
    /// The `fourd` executable that runs each case.
    pub exe: PathBuf,
    pub format: ErrFormat,
    /// A case running longer is killed and reported failed.
    pub timeout: Duration,
    /// Cases run at the same time (at least 1).
    pub jobs: usize,
    /// Rewrite the expected files from what ran.
    pub update: bool,
}

/// What one run of a case printed.
#[derive(Debug, Clone)]
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    /// None: killed by the time limit (or by a signal).
    pub code: Option<i32>,
    pub timed_out: bool,
    pub elapsed: Duration,
}

/// The result of one case: no problems means passed.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub case: PathBuf,
    /// The case's path as shown (relative to the PATH it was found under).
    pub name: String,
    pub problems: Vec<String>,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Every case under `path` (a folder, searched recursively, or one `.4dm` file),
/// sorted by path. A `.4dm` without `.out` is a helper method, not a case.
pub fn discover(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if path.is_file() {
        if is_case(path) {
            out.push(path.to_path_buf());
        }
        return Ok(out);
    }
    walk(path, &mut out)?;
    Ok(out)
}

fn is_case(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "4dm") && p.with_extension("out").is_file()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if is_case(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// Runs one case with `fourd run` in its folder, killing it past `timeout`.
pub fn run_one(exe: &Path, case: &Path, timeout: Duration) -> std::io::Result<Ran> {
    run_one_with(exe, case, &[], timeout)
}

/// [`run_one`] with more arguments after the case's file name (`--data URL`).
pub fn run_one_with(
    exe: &Path,
    case: &Path,
    extra: &[String],
    timeout: Duration,
) -> std::io::Result<Ran> {
    let dir = case
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let start = Instant::now();
    let mut child = Command::new(exe)
        .arg("run")
        .arg(case.file_name().unwrap_or_default())
        .args(extra)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let read = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                r.read_to_end(&mut buf).ok();
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = read(child.stdout.take().map(|s| Box::new(s) as _));
    let err = read(child.stderr.take().map(|s| Box::new(s) as _));
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if start.elapsed() > timeout {
            timed_out = true;
            child.kill().ok();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(Ran {
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        code: if timed_out { None } else { status.code() },
        timed_out,
        elapsed: start.elapsed(),
    })
}

/// A unified diff of `expected` and `actual`, each line prefixed by `indent`.
pub fn unified_diff(expected: &str, actual: &str, what: &str, indent: &str) -> String {
    let d = similar::TextDiff::from_lines(expected, actual);
    let text = d
        .unified_diff()
        .context_radius(3)
        .header(&format!("expected {what}"), &format!("actual {what}"))
        .to_string();
    let mut s = String::new();
    for line in text.lines() {
        s.push_str(indent);
        s.push_str(line);
        s.push('\n');
    }
    s
}

/// What `NAME.err` / `NAME.exit` expect.
struct Expect {
    out: String,
    code: i32,
    /// `Exact`: the whole stderr (None: not checked).
    err: Option<String>,
    /// `CodeThenSubstrings`: pieces stderr must contain.
    substrings: Vec<String>,
}

fn read_expect(case: &Path, format: ErrFormat) -> Result<Expect, String> {
    let read = |ext: &str| -> Result<Option<String>, String> {
        let p = case.with_extension(ext);
        match std::fs::read_to_string(&p) {
            Ok(s) => Ok(Some(s)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", p.display())),
        }
    };
    let out = read("out")?.unwrap_or_default();
    let parse_code = |s: &str, file: &str| {
        s.trim()
            .parse::<i32>()
            .map_err(|_| format!("{file}: the exit code {:?} is not a number", s.trim()))
    };
    match format {
        ErrFormat::Exact => Ok(Expect {
            out,
            code: match read("exit")? {
                Some(s) => parse_code(&s, "NAME.exit")?,
                None => 0,
            },
            err: read("err")?,
            substrings: Vec::new(),
        }),
        ErrFormat::CodeThenSubstrings => {
            let spec = read("err")?.unwrap_or_default();
            let mut lines = spec.lines();
            let code = match lines.next() {
                Some(l) => parse_code(l, "NAME.err")?,
                None => 0,
            };
            Ok(Expect {
                out,
                code,
                err: None,
                substrings: lines
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect(),
            })
        }
    }
}

/// Compares what ran with what the case expects; one text per problem.
pub fn check(case: &Path, ran: &Ran, format: ErrFormat) -> Vec<String> {
    if ran.timed_out {
        return vec![format!(
            "timed out after {:.1} s (killed)",
            ran.elapsed.as_secs_f64()
        )];
    }
    let want = match read_expect(case, format) {
        Ok(w) => w,
        Err(e) => return vec![e],
    };
    let mut problems = Vec::new();
    if want.out != ran.stdout {
        problems.push(format!(
            "stdout differs:\n{}",
            unified_diff(&want.out, &ran.stdout, "stdout", "    ")
        ));
    }
    if ran.code != Some(want.code) {
        problems.push(match ran.code {
            Some(c) => format!("exit code {c}, expected {}", want.code),
            None => format!("ended by a signal, expected exit code {}", want.code),
        });
    }
    if let Some(e) = &want.err {
        if *e != ran.stderr {
            problems.push(format!(
                "stderr differs:\n{}",
                unified_diff(e, &ran.stderr, "stderr", "    ")
            ));
        }
    }
    for s in &want.substrings {
        if !ran.stderr.contains(s.as_str()) {
            problems.push(format!("stderr lacks {s:?}"));
        }
    }
    if !problems.is_empty() && want.err.is_none() && !ran.stderr.is_empty() {
        let head: Vec<&str> = ran.stderr.lines().take(3).collect();
        problems.push(format!("stderr: {}", head.join(" | ")));
    }
    problems
}

/// Rewrites the expected files of `case` from `ran` (see the module doc).
pub fn update(case: &Path, ran: &Ran, format: ErrFormat) -> std::io::Result<()> {
    if ran.timed_out {
        return Ok(()); // nothing trustworthy to write
    }
    std::fs::write(case.with_extension("out"), &ran.stdout)?;
    if format == ErrFormat::CodeThenSubstrings {
        return Ok(());
    }
    let set = |ext: &str, body: Option<String>| -> std::io::Result<()> {
        let p = case.with_extension(ext);
        match body {
            Some(b) => std::fs::write(p, b),
            None if p.exists() => std::fs::remove_file(p),
            None => Ok(()),
        }
    };
    set("err", (!ran.stderr.is_empty()).then(|| ran.stderr.clone()))?;
    let code = ran.code.unwrap_or(1);
    set("exit", (code != 0).then(|| format!("{code}\n")))
}

/// Runs `cases` (at most `opts.jobs` at once) and returns their outcomes in the
/// order of `cases`. `root_of(case)` gives the folder names are shown relative to.
pub fn run_all(cases: &[(PathBuf, PathBuf)], opts: &Options) -> Vec<Outcome> {
    run_all_with(cases, opts, &|_| Vec::new())
}

/// [`run_all`] giving each case (by its index in `cases`) the extra arguments
/// `extra(i)` (the golden suite on PostgreSQL gives each case its own schema).
pub fn run_all_with(
    cases: &[(PathBuf, PathBuf)],
    opts: &Options,
    extra: &(dyn Fn(usize) -> Vec<String> + Sync),
) -> Vec<Outcome> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; cases.len()]);
    let jobs = opts.jobs.clamp(1, cases.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((case, root)) = cases.get(i) else {
                    break;
                };
                let outcome = run_case(case, root, opts, &extra(i));
                results.lock().unwrap()[i] = Some(outcome);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .flatten()
        .collect()
}

fn display_name(case: &Path, root: &Path) -> String {
    let rel = case.strip_prefix(root).unwrap_or(case);
    let rel = if rel.as_os_str().is_empty() {
        case
    } else {
        rel
    };
    rel.to_string_lossy().replace('\\', "/")
}

fn run_case(case: &Path, root: &Path, opts: &Options, extra: &[String]) -> Outcome {
    let name = display_name(case, root);
    let (problems, elapsed) = match run_one_with(&opts.exe, case, extra, opts.timeout) {
        Err(e) => (
            vec![format!("cannot run {}: {e}", opts.exe.display())],
            Duration::ZERO,
        ),
        Ok(ran) => {
            let mut problems = check(case, &ran, opts.format);
            if opts.update && !ran.timed_out {
                match update(case, &ran, opts.format) {
                    Ok(()) => problems.clear(),
                    Err(e) => problems.push(format!("cannot update: {e}")),
                }
            }
            (problems, ran.elapsed)
        }
    };
    Outcome {
        case: case.to_path_buf(),
        name,
        problems,
        elapsed,
    }
}

/// The report printed by `fourd test`: one block per failure (its first line
/// `FAIL name: problem`, then the diffs), then `N passed, N failed`.
pub fn report(outcomes: &[Outcome]) -> String {
    let mut s = String::new();
    for o in outcomes.iter().filter(|o| !o.passed()) {
        let mut first = true;
        for p in &o.problems {
            if first {
                s.push_str(&format!("FAIL {}: {}\n", o.name, p));
                first = false;
            } else {
                s.push_str(&format!("  {}\n", p));
            }
        }
    }
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    s.push_str(&format!(
        "{} passed, {} failed\n",
        outcomes.len() - failed,
        failed
    ));
    s
}

/// `fourd test [PATH...] [--update] [--junit FILE] [--timeout S] [--jobs N]
/// [--err-substrings]`: returns the exit code (0 all passed, 1 a case failed, 2 bad
/// usage).
pub fn test_cli(
    paths: &[PathBuf],
    update: bool,
    junit_file: Option<&Path>,
    timeout: Duration,
    jobs: Option<usize>,
    format: ErrFormat,
) -> u8 {
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("fourd test: cannot find the fourd executable: {e}");
            return 2;
        }
    };
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut cases = Vec::new();
    for p in paths {
        if !p.exists() {
            eprintln!("fourd test: {}: no such file or folder", p.display());
            return 2;
        }
        match discover(p) {
            Ok(found) => {
                let root = if p.is_file() {
                    p.parent().unwrap_or(Path::new("")).to_path_buf()
                } else {
                    p.clone()
                };
                cases.extend(found.into_iter().map(|c| (c, root.clone())));
            }
            Err(e) => {
                eprintln!("fourd test: {}: {e}", p.display());
                return 2;
            }
        }
    }
    let opts = Options {
        exe,
        format,
        timeout,
        jobs: jobs.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        }),
        update,
    };
    let outcomes = run_all(&cases, &opts);
    print!("{}", report(&outcomes));
    if let Some(f) = junit_file {
        if let Err(e) = std::fs::write(f, junit::xml(&outcomes)) {
            eprintln!("fourd test: {}: {e}", f.display());
            return 2;
        }
    }
    if outcomes.iter().all(Outcome::passed) {
        0
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_changed_lines_and_header() {
        let d = unified_diff("a\nb\nc\n", "a\nB\nc\n", "stdout", "");
        assert!(d.contains("--- expected stdout"), "{d}");
        assert!(d.contains("-b\n") && d.contains("+B\n"), "{d}");
        assert!(!d.contains("newline"), "{d}");
        let d = unified_diff("a\n", "a", "stdout", "");
        assert!(d.contains("No newline at end of file"), "{d}");
    }

    #[test]
    fn report_counts() {
        let o = |name: &str, p: &[&str]| Outcome {
            case: PathBuf::from(name),
            name: name.into(),
            problems: p.iter().map(|s| s.to_string()).collect(),
            elapsed: Duration::ZERO,
        };
        let r = report(&[o("a.4dm", &[]), o("b.4dm", &["exit code 1, expected 0"])]);
        assert_eq!(
            r,
            "FAIL b.4dm: exit code 1, expected 0\n1 passed, 1 failed\n"
        );
    }
}
