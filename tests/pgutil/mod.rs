//! The PostgreSQL switch of the test suites: `FOURD_TEST_PG=postgres://user@host/db`
//! runs the datastore tests and the golden cases that have a structure on that
//! database too (each test in a schema of its own, dropped afterwards). Without
//! it those runs are skipped with a message, except in CI (`CI` set), where a
//! missing database is a failure: `.ci/run` starts PostgreSQL and sets it.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

/// The test database URL, or None to skip (outside CI only).
pub fn url() -> Option<String> {
    match std::env::var("FOURD_TEST_PG") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false") {
                panic!("CI: FOURD_TEST_PG must name the PostgreSQL test database");
            }
            eprintln!("FOURD_TEST_PG not set: the PostgreSQL runs are skipped");
            None
        }
    }
}

/// A schema name no other test of this run (or of another run) uses.
pub fn schema(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        nanos,
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// `base` with the schema parameter `schema`.
pub fn with_schema(base: &str, schema: &str) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}schema={schema}")
}

/// Drops these schemas and everything in them.
pub fn drop_schemas(base: &str, schemas: &[String]) {
    let Ok(mut c) = postgres::Client::connect(base, postgres::NoTls) else {
        return;
    };
    for s in schemas {
        let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS \"{s}\" CASCADE"));
    }
}

/// The catalog the datastore tests use.
pub fn catalog() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalog/catalog.4DCatalog")
}

/// An instance (a `Datastore` of its own: its memory, its connection) on `url`.
pub fn open(url: &str) -> std::sync::Arc<fourd::datastore::Datastore> {
    let s = fourd::datastore::Structure::load(&catalog()).unwrap();
    fourd::datastore::open(
        s,
        None,
        &fourd::datastore::DataPath::Postgres(url.to_string()),
    )
    .unwrap()
}

/// Runs `body` with the URL of a fresh schema (dropped afterwards); skipped
/// (outside CI) without `FOURD_TEST_PG`.
pub fn with_db(prefix: &str, body: impl FnOnce(&str)) {
    let Some(base) = url() else {
        return;
    };
    let schema = schema(prefix);
    body(&with_schema(&base, &schema));
    drop_schemas(&base, &[schema]);
}
