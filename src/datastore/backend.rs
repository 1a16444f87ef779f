//! The storage interface under [`super::store::Datastore`]: what a database
//! engine must do for the datastore, whichever engine it is. Two engines
//! implement it: SQLite ([`super::sqlite`], the embedded default, one fourd
//! process per data file) and PostgreSQL ([`super::pg`], several fourd
//! processes, possibly on several machines, on one database).
//!
//! The datastore keeps every record of an instance in memory (its selections,
//! indexes and queries run there, with 4D's collation from `runtime::collate`,
//! except the queries a backend runs itself, [`Backend::query`]);
//! a backend makes that memory durable and, when several instances share the
//! database ([`Backend::shared`]), keeps their memories and their record locks in
//! agreement:
//! - [`Backend::changes`] gives what other instances wrote since the last call,
//!   called each time the datastore is entered, so a record saved through one
//!   instance is read through every other one at its next operation;
//! - record numbers and autosequence values come from the database
//!   ([`Backend::next_rn`], [`Backend::next_seq`]) so two instances never give
//!   the same number;
//! - a record lock taken by a process of one instance is seen by all
//!   ([`Backend::lock`]); the datastore asks only when no process of its own
//!   instance holds the record.

use super::pushdown::Pred;
use super::store::{LockOwner, Record};
use super::structure::Structure;

/// How a backend's error message starts when the database refused a duplicated
/// value in a unique field (the datastore raises 4D's -9998 for it).
pub const DUPLICATE: &str = "Duplicated value in a unique field";

/// Whether a backend's error is [`DUPLICATE`].
pub fn is_duplicate(msg: &str) -> bool {
    msg.starts_with(DUPLICATE)
}

/// A record written by another instance (`None`: deleted).
pub type Change = (usize, i64, Option<Record>);

/// One database engine under the datastore. Table arguments (`ti`) are indexes
/// into `Structure::tables`, as everywhere in the datastore.
pub trait Backend: Send {
    /// Creates what is missing (tables, columns, indexes of the catalog) and
    /// reads every stored record: one list per table, ascending record numbers.
    fn open_tables(&mut self, s: &Structure) -> Result<Vec<Vec<(i64, Record)>>, String>;

    /// Writes one record (`None` deletes it), durable when this returns.
    fn write(&mut self, ti: usize, rn: i64, rec: Option<&Record>) -> Result<(), String>;

    /// Writes these records in one database transaction: all of them or none.
    fn write_all(&mut self, rows: &[(usize, i64, Option<&Record>)]) -> Result<(), String>;

    /// The number of a new record of table `ti`; `local` is the first number
    /// free in this instance's memory; `bulk`: inside a 4D transaction (more
    /// records are likely to follow, so a shared backend may reserve a block).
    fn next_rn(&mut self, ti: usize, local: i64, bulk: bool) -> Result<i64, String>;

    /// The next value of the autosequence of table `ti`; `local` is the one this
    /// instance would give by itself; `bulk` as for [`Backend::next_rn`].
    fn next_seq(&mut self, ti: usize, local: i64, bulk: bool) -> Result<i64, String>;

    /// Whether other instances may use the same database at the same time (then
    /// locks and changes go through the database).
    fn shared(&self) -> bool {
        false
    }

    /// Whether the number of a record created in a cancelled transaction may be
    /// given again (SQLite: yes; a database sequence never goes back).
    fn reuses_numbers(&self) -> bool {
        true
    }

    /// Takes the lock of record `rn` for `owner`, or names the process of
    /// another instance that holds it. Only called when no process of this
    /// instance holds it.
    fn lock(
        &mut self,
        _ti: usize,
        _rn: i64,
        _owner: &LockOwner,
    ) -> Result<Result<(), LockOwner>, String> {
        Ok(Ok(()))
    }

    /// Releases this instance's lock of record `rn`.
    fn unlock(&mut self, _ti: usize, _rn: i64) -> Result<(), String> {
        Ok(())
    }

    /// Releases every lock held by process `pid` of this instance.
    fn release_pid(&mut self, _pid: u32) -> Result<(), String> {
        Ok(())
    }

    /// The process of another (live) instance holding the lock of record `rn`.
    fn owner(&mut self, _ti: usize, _rn: i64) -> Result<Option<LockOwner>, String> {
        Ok(None)
    }

    /// The record numbers of table `ti` that satisfy `pred` (those among
    /// `within` when given), ascending, found by the database itself; `None`
    /// when this backend does not run queries (the datastore runs them in
    /// memory). Called only when the database holds what the memory holds
    /// for these fields ([`super::store::Inner::query_stored`]).
    fn query(
        &mut self,
        _ti: usize,
        _pred: &Pred,
        _within: Option<&[i64]>,
    ) -> Option<Result<Vec<i64>, String>> {
        None
    }

    /// What other instances wrote since the last call (or since
    /// [`Backend::open_tables`]), in the order they wrote it.
    fn changes(&mut self) -> Result<Vec<Change>, String> {
        Ok(Vec::new())
    }
}
