//! Golden-output suite: every `tests/golden/**/NAME.4dm` with a sibling `NAME.out` is a case.
//! It runs through the same code as `fourd test` (`fourd::testrun`), reading `.err` files in
//! this suite's format (exit code, then stderr substrings). See `tests/golden/README.md` for
//! the layout, the `.err` format and `FOURD_BLESS=1`.

use fourd::testrun::{self, ErrFormat, Options};
use std::path::Path;
use std::time::Duration;

#[test]
fn golden() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var("FOURD_BLESS").is_ok_and(|v| v == "1");
    let filter = std::env::var("FOURD_GOLDEN_FILTER").unwrap_or_default();
    let all = testrun::discover(&root).expect("cannot read tests/golden");
    assert!(!all.is_empty(), "no golden cases under {}", root.display());
    let cases: Vec<_> = all
        .into_iter()
        .filter(|c| c.to_string_lossy().contains(filter.as_str()))
        .map(|c| (c, root.clone()))
        .collect();
    let opts = Options {
        exe: env!("CARGO_BIN_EXE_fourd").into(),
        format: ErrFormat::CodeThenSubstrings,
        // runaway code must not hang CI
        timeout: Duration::from_secs(30),
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        update: bless,
    };
    let outcomes = testrun::run_all(&cases, &opts);
    assert_eq!(outcomes.len(), cases.len());
    if outcomes.iter().any(|o| !o.passed()) {
        panic!("golden cases failed:\n{}", testrun::report(&outcomes));
    }
}
