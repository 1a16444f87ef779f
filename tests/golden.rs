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

mod pgutil;

/// The golden cases that have a structure (`catalog.4DCatalog` beside them), run
/// again with their records in PostgreSQL (`FOURD_TEST_PG`, see `tests/pgutil`):
/// the same expected output as with SQLite, each case in a schema of its own, with
/// queries pushed down to SQL where they can be.
#[test]
fn golden_postgres() {
    let Some(base) = pgutil::url() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let filter = std::env::var("FOURD_GOLDEN_FILTER").unwrap_or_default();
    let cases: Vec<_> = testrun::discover(&root)
        .expect("cannot read tests/golden")
        .into_iter()
        .filter(|c| c.with_file_name("catalog.4DCatalog").exists())
        .filter(|c| c.to_string_lossy().contains(filter.as_str()))
        .map(|c| (c, root.clone()))
        .collect();
    assert!(
        cases.len() >= 30 || !filter.is_empty(),
        "only {} golden cases with a structure",
        cases.len()
    );
    let schemas: Vec<String> = cases.iter().map(|_| pgutil::schema("golden")).collect();
    let opts = Options {
        exe: env!("CARGO_BIN_EXE_fourd").into(),
        format: ErrFormat::CodeThenSubstrings,
        timeout: Duration::from_secs(60),
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        update: false,
    };
    let extra = |i: usize| {
        vec![
            "--data".to_string(),
            // queries pushed down to SQL where they can be (off by default)
            format!("{}&pushdown=on", pgutil::with_schema(&base, &schemas[i])),
        ]
    };
    let outcomes = testrun::run_all_with(&cases, &opts, &extra);
    pgutil::drop_schemas(&base, &schemas);
    assert_eq!(outcomes.len(), cases.len());
    eprintln!("golden on PostgreSQL: {} cases", outcomes.len());
    if outcomes.iter().any(|o| !o.passed()) {
        panic!(
            "golden cases failed on PostgreSQL:\n{}",
            testrun::report(&outcomes)
        );
    }
}
