//! The PostgreSQL backend (`--data postgres://user@host/db[?schema=NAME]`): one
//! table `t<N>` per 4D table with the record number `rn` as primary key, one
//! column `f<M>` per field, and for each text field a folded shadow column
//! `k<M>` (collation "C") holding the text as 4D compares it.
//!
//! Several fourd instances may share one database:
//! - **numbers**: record numbers come from the sequence `t<N>_rn` and
//!   autosequence values from `t<N>_seq`, so no two instances give the same;
//! - **changes**: a trigger on every `t<N>` logs each written record number in
//!   `fourd_changes` (with the writing instance's id, the `fourd.origin`
//!   setting); each instance reads the log at every datastore operation
//!   ([`Backend::changes`]) and reloads those records. The trigger takes a
//!   transaction-scoped advisory lock before numbering its log row, so log rows
//!   become visible in the order of their ids and none is skipped;
//! - **locks**: `fourd_locks` (unlogged: a lock needs no disk write, and
//!   none outlives a restart of PostgreSQL, which ends every instance's
//!   connection) holds one row per locked record, naming the
//!   instance's connection (`pg_backend_pid()`) and the 4D process (number and
//!   name, for `LOCKED BY`). A row whose connection is gone (its instance died)
//!   counts as no lock: the next process that wants the record takes it over;
//! - **indexes**: the catalog's indexed fields get a B-tree index (on the
//!   shadow column for a text field);
//! - **queries**: a `QUERY`, `QUERY SELECTION` or ORDA `.query()` made of
//!   simple comparisons on fields without an index runs as one SQL `SELECT`
//!   (`pg_query`, through [`Backend::query`]; the datastore decides
//!   when, `Inner::query_stored`) if the URL says `pushdown=on` (or, without
//!   `pushdown=` in the URL, the environment `FOURD_QUERY_PUSHDOWN=on`; off by
//!   default: with every record in memory the memory is faster).
//!
//! [choice] Text comparison: a folded shadow column, not an ICU collation. The
//! records are compared in each instance's memory with `runtime::collate`
//! (case and accents ignored, 4D's `@` wildcard), so the SQL side must order and
//! match texts exactly like it; storing `collate::fold_str` of the text under the
//! byte-wise "C" collation gives that by construction, needs no ICU build of
//! PostgreSQL, and works with `LIKE` (nondeterministic ICU collations do not).
//!
//! [choice] One connection per instance rather than a pool: every operation of
//! an instance already goes through the datastore's one lock, and a lock row
//! names that connection, so the lock ends with the instance that holds it.
//!
//! This file holds the backend's state and its [`Backend`] implementation (each
//! operation retried once over a new connection); the rest is in `connect` (the
//! URL, the session, reconnection), `schema` (the DDL, the prepared statements,
//! opening the tables), `writes` (records and number blocks), `changes` (the
//! change log and its pruning) and `locks` (the record locks).

mod changes;
mod connect;
mod locks;
mod schema;
mod writes;

use super::backend::{Backend, Change};
use super::pg_query;
use super::pg_rows::Numbers;
use super::pushdown::Pred;
use super::store::{LockOwner, Record};
use super::structure::{FieldType, Structure};
use locks::LockSql;
use postgres::{Client, Statement};
use std::collections::HashMap;

struct TableSql {
    num: u32,
    /// The field numbers (columns `f<M>`, `k<M>`), in the table's order.
    fields: Vec<u32>,
    types: Vec<FieldType>,
    upsert: Statement,
    /// The upsert of many records at once: one array parameter per column.
    upsert_many: Statement,
    delete: Statement,
    delete_many: Statement,
    select_some: Statement,
    /// `$1` values of the record number sequence (resp. the autosequence).
    next_rns: Statement,
    next_seqs: Statement,
    rns: Numbers,
    seqs: Numbers,
}

pub struct Postgres {
    client: Client,
    /// The URL without `schema=` (to reconnect) and the structure opened.
    url: String,
    structure: Option<Structure>,
    /// The locks this instance holds in `fourd_locks` (table number, record
    /// number: 4D process number and name), taken again after a reconnection.
    held: HashMap<(i32, i64), (i64, String)>,
    /// Set when a reconnection found the change log pruned past `seen`.
    lost: bool,
    schema: String,
    /// Whether queries run in the database ([`Backend::query`]; the URL's
    /// `pushdown=on|off`).
    pushdown: bool,
    /// This instance's id in the change log.
    origin: i64,
    /// The last change log id read.
    seen: i64,
    tables: Vec<TableSql>,
    by_num: HashMap<u32, usize>,
    changes: Option<Statement>,
    locks: Option<LockSql>,
    /// Calls of [`Backend::changes`] since the last [`Postgres::prune_changes`].
    since_prune: u32,
    last_prune: std::time::Instant,
}

pub(super) fn pg_err(e: postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("PostgreSQL: {}", d.message()),
        None => format!("PostgreSQL: {e}"),
    }
}

impl Backend for Postgres {
    fn open_tables(&mut self, s: &Structure) -> Result<Vec<Vec<(i64, Record)>>, String> {
        self.open(s)
    }

    fn write(&mut self, ti: usize, rn: i64, rec: Option<&Record>) -> Result<(), String> {
        self.again(|me| me.write_once(ti, rn, rec))
    }

    fn write_all(&mut self, rows: &[(usize, i64, Option<&Record>)]) -> Result<(), String> {
        self.again(|me| me.write_all_once(rows))
    }

    fn next_rn(&mut self, ti: usize, local: i64, bulk: bool) -> Result<i64, String> {
        self.again(|me| me.next_rn_once(ti, local, bulk))
    }

    fn next_seq(&mut self, ti: usize, local: i64, bulk: bool) -> Result<i64, String> {
        self.again(|me| me.next_seq_once(ti, local, bulk))
    }

    fn shared(&self) -> bool {
        true
    }

    fn reuses_numbers(&self) -> bool {
        false
    }

    fn lock(
        &mut self,
        ti: usize,
        rn: i64,
        owner: &LockOwner,
    ) -> Result<Result<(), LockOwner>, String> {
        self.again(|me| me.lock_once(ti, rn, owner))
    }

    fn unlock(&mut self, ti: usize, rn: i64) -> Result<(), String> {
        self.again(|me| me.unlock_once(ti, rn))
    }

    fn release_pid(&mut self, pid: u32) -> Result<(), String> {
        self.again(|me| me.release_pid_once(pid))
    }

    fn owner(&mut self, ti: usize, rn: i64) -> Result<Option<LockOwner>, String> {
        self.again(|me| me.owner_once(ti, rn))
    }

    fn changes(&mut self) -> Result<Vec<Change>, String> {
        self.again(|me| me.changes_once())
    }

    fn query(
        &mut self,
        ti: usize,
        pred: &Pred,
        within: Option<&[i64]>,
    ) -> Option<Result<Vec<i64>, String>> {
        if !self.pushdown {
            return None;
        }
        let t = self.tables.get(ti)?;
        let sql = pg_query::select(t.num, &t.fields, pred, within)?;
        Some(self.again(|me| pg_query::run(&mut me.client, &sql)))
    }
}
