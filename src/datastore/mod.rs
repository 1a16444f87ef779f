//! The datastore behind the classic 4D database language: tables and fields from
//! `catalog.4DCatalog` ([`structure`]), records ([`store`]) stored through a
//! [`backend::Backend`] — SQLite ([`sqlite`], the default) or PostgreSQL ([`pg`],
//! shared by several fourd instances) — and what each process sees — selections,
//! current records, locks, sets, named selections ([`process`]), its queries
//! ([`query`]) and transactions (`transaction`); [`cells`] converts language
//! values to stored values and back.
//!
//! ## Shape
//! - One [`store::Datastore`] per running program, shared (`Arc`) by every
//!   process. It keeps all records in memory and writes through to its backend;
//!   it also holds the record lock table of its processes. With PostgreSQL it
//!   reads what other instances wrote at each operation, takes its record
//!   numbers from database sequences and its locks from a table every instance
//!   sees (see [`backend`]). Selections and sorts run in memory on both
//!   backends, with 4D's collation; so do queries on SQLite, while on
//!   PostgreSQL a `QUERY`, `QUERY SELECTION` or ORDA `.query()` of simple
//!   comparisons on fields without an index can run as one SQL `SELECT` on
//!   folded shadow columns ([`pushdown`], `pg_query`; with `pushdown=on` in the
//!   URL: off by default, the memory being faster while it holds every record),
//!   the others in memory.
//! - Every record has a stamp ([`store::TableData::stamp`]): 1 when loaded or
//!   created, plus one at each save by either language; ORDA (`crate::orda`)
//!   uses it for optimistic locking.
//! - One [`process::ProcessDb`] per 4D process, held by the interpreter
//!   (`Interp::db`). Dropping it (the end of a process) cancels its open
//!   transaction and releases its locks.
//!
//! ## API for the web sessions (#6)
//! When a legacy web session closes, after its `On Web Legacy Close Session` method
//! has run in the session's process, call [`process::ProcessDb::reset`] on that
//! process's `Interp::db`: it cancels an open transaction, releases every record
//! lock of the process and clears its current records, selections, sets and named
//! selections.
//!
//! ## Where the data lives
//! A project's data is `Data/data.sqlite` beside its `Project` folder; `fourd run
//! --data PATH` picks another file (a folder gets `data.sqlite` inside it) and
//! `--data :memory:` keeps everything in memory. `--data postgres://user@host/db`
//! (for `fourd run`, `fourd serve` and tool4d's `--data`) puts the records in a
//! PostgreSQL database instead, which several fourd instances can share
//! ([`pg`]); `?schema=NAME` at the end of the URL picks a schema (default
//! `public`). A script folder with a
//! `catalog.4DCatalog` beside its scripts has a structure too; its data is in
//! memory unless `--data` is given (so running scripts leaves no files behind).
//!
//! ## Error codes (fourd's own numbers, see `runtime::error`)
//! | code | meaning |
//! |------|---------|
//! | 40 | no database (no structure) |
//! | 41 | invalid table or field number, or unknown table |
//! | 42 | no current record / record number out of range |
//! | 43 | the data file could not be read or written |
//! | -9998 | duplicated value in a unique field (4D's own number for it) |

pub mod backend;
pub mod cells;
pub mod pg;
mod pg_query;
mod pg_rows;
pub mod process;
pub mod pushdown;
pub mod query;
pub mod sqlite;
pub mod store;
pub mod structure;
mod transaction;

pub use process::ProcessDb;
pub use store::Datastore;
pub use structure::Structure;

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// 4D's error for a duplicated value in a unique (or primary key) field.
pub const DUPLICATE_KEY: i32 = -9998;

pub mod codes {
    pub const NO_DATABASE: i32 = 40;
    pub const BAD_TABLE: i32 = 41;
    pub const BAD_RECORD: i32 = 42;
    pub const IO: i32 = 43;
}

/// Where the data of a program goes (`fourd run --data`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DataPath {
    /// The default: the project's `Data/` folder; in memory for a script folder.
    #[default]
    Default,
    Memory,
    File(PathBuf),
    /// A PostgreSQL database, by its URL (`postgres://user@host/db`).
    Postgres(String),
}

impl DataPath {
    pub fn from_arg(s: &str) -> DataPath {
        if s == ":memory:" {
            DataPath::Memory
        } else if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            DataPath::Postgres(s.to_string())
        } else {
            DataPath::File(PathBuf::from(s))
        }
    }
}

/// Opens the datastore of a program: `structure` from its catalog; `project_root`
/// is the folder holding `Project/` (None for a script folder).
pub fn open(
    structure: Structure,
    project_root: Option<&Path>,
    data: &DataPath,
) -> Result<Arc<Datastore>, String> {
    if let DataPath::Postgres(url) = data {
        let pg = pg::Postgres::connect(url)?;
        return Datastore::with_backend(structure, Box::new(pg)).map(Arc::new);
    }
    Datastore::open(structure, data_file(project_root, data).as_deref()).map(Arc::new)
}

/// The data file `data` designates (None: in memory).
pub fn data_file(project_root: Option<&Path>, data: &DataPath) -> Option<PathBuf> {
    match data {
        DataPath::Memory | DataPath::Postgres(_) => None,
        DataPath::File(p) if p.is_dir() => Some(p.join("data.sqlite")),
        DataPath::File(p) => Some(p.clone()),
        DataPath::Default => project_root.map(|r| r.join("Data").join("data.sqlite")),
    }
}

/// Like [`open`], but one datastore per data file in this OS process: the web
/// thread and the process that started the server (`fourd serve`'s On Startup and
/// On Exit) share the same records and locks. In-memory stores are not shared.
pub fn open_shared(
    structure: Structure,
    project_root: Option<&Path>,
    data: &DataPath,
) -> Result<Arc<Datastore>, String> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock, Weak};
    static OPEN: OnceLock<Mutex<HashMap<PathBuf, Weak<Datastore>>>> = OnceLock::new();
    let file = match data {
        DataPath::Postgres(url) => PathBuf::from(url),
        _ => match data_file(project_root, data) {
            Some(f) => f,
            None => return open(structure, project_root, data),
        },
    };
    let mut map = OPEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(ds) = map.get(&file).and_then(Weak::upgrade) {
        return Ok(ds);
    }
    let ds = match data {
        DataPath::Postgres(_) => open(structure, project_root, data)?,
        _ => Arc::new(Datastore::open(structure, Some(&file))?),
    };
    map.insert(file, Arc::downgrade(&ds));
    Ok(ds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_arguments() {
        assert_eq!(DataPath::from_arg(":memory:"), DataPath::Memory);
        assert_eq!(
            DataPath::from_arg("postgres://u@h/db"),
            DataPath::Postgres("postgres://u@h/db".into())
        );
        assert_eq!(
            DataPath::from_arg("postgresql://u@h/db?schema=s"),
            DataPath::Postgres("postgresql://u@h/db?schema=s".into())
        );
        assert_eq!(
            DataPath::from_arg("Data/x.sqlite"),
            DataPath::File("Data/x.sqlite".into())
        );
        assert_eq!(
            data_file(None, &DataPath::Postgres("postgres://h/d".into())),
            None
        );
    }
}
