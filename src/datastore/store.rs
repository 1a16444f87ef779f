//! The shared datastore: every table's records in memory, written through to a
//! [`Backend`] (SQLite by default, PostgreSQL for several instances), single-field
//! indexes, and the record lock table of this instance.
//!
//! One [`Datastore`] serves every process (it is `Send + Sync`; callers share it in
//! an `Arc`). A write outside a 4D transaction is written through at once; a 4D
//! transaction's writes are kept in memory and written in one database
//! transaction when it is validated.

use super::backend::Backend;
use super::pushdown::Pred;
use super::sqlite::Sqlite;
use super::structure::{FieldType, Structure};
use crate::runtime::collate;
use crate::runtime::value::Date;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// A stored field value (thread-safe, unlike the interpreter's `Value`).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Text(String),
    Date(Date),
    Time(i64),
    Blob(Vec<u8>),
    /// An object field, as JSON text.
    Object(String),
}

impl Cell {
    /// The empty value of a field type (what a new record holds).
    pub fn empty(ty: FieldType) -> Cell {
        match ty {
            FieldType::Bool => Cell::Bool(false),
            FieldType::Int16 | FieldType::Int | FieldType::Int64 => Cell::Int(0),
            FieldType::Real => Cell::Real(0.0),
            FieldType::Date => Cell::Date(Date::default()),
            FieldType::Time => Cell::Time(0),
            FieldType::Text => Cell::Text(String::new()),
            FieldType::Picture | FieldType::Blob => Cell::Blob(Vec::new()),
            FieldType::Object => Cell::Null,
        }
    }

    /// The index key: texts folded (case and accents ignored), numbers ordered.
    pub fn key(&self) -> Key {
        match self {
            Cell::Null => Key::Null,
            Cell::Bool(b) => Key::Bool(*b),
            Cell::Int(i) => Key::Num(ord_f64(*i as f64)),
            Cell::Real(r) => Key::Num(ord_f64(*r)),
            Cell::Time(t) => Key::Num(ord_f64(*t as f64)),
            Cell::Text(s) => Key::Text(fold(s)),
            Cell::Date(d) => Key::Date(*d),
            Cell::Blob(_) | Cell::Object(_) => Key::Null,
        }
    }
}

/// Folded text as used by index keys.
pub fn fold(s: &str) -> String {
    collate::fold_str(s).into_iter().collect()
}

fn ord_f64(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    b ^ (((b >> 63) as u64) >> 1) as i64
}

/// An index key (ordered like 4D compares values of one type).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Null,
    Bool(bool),
    Num(i64),
    Date(Date),
    Text(String),
}

/// A record: one cell per field, in the order of the table's fields.
pub type Record = Vec<Cell>;

/// Who holds a record lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockOwner {
    pub pid: u32,
    pub name: String,
}

#[derive(Debug, Default)]
pub struct TableData {
    /// Indexed by record number; deleted records leave `None`.
    pub records: Vec<Option<Record>>,
    pub live: usize,
    /// Field index → sorted (key, record number) pairs.
    pub indexes: HashMap<usize, BTreeSet<(Key, i64)>>,
    /// Last value given to an `autosequence` field.
    pub seq: i64,
    /// Saves of each record since the data file was opened (ORDA's stamp is
    /// this plus one; see [`TableData::stamp`]).
    pub saves: Vec<u32>,
    /// The type of each field, and how many records hold in that field a cell
    /// of another kind than the database gives back (`pushdown::native`): a
    /// query on such a field is not pushed down.
    types: Vec<FieldType>,
    odd: Vec<usize>,
}

/// Everything behind the datastore's lock.
pub struct Inner {
    backend: Box<dyn Backend>,
    pub tables: Vec<TableData>,
    /// Locks held by the processes of this instance (the backend knows those of
    /// the other instances, when it is shared).
    locks: HashMap<(usize, i64), LockOwner>,
    /// Locks of records created in a 4D transaction not yet validated: no other
    /// instance can see those records, so their locks stay in this instance
    /// until [`Inner::publish_locks`] (two round trips saved per record).
    unpublished: std::collections::HashSet<(usize, i64)>,
    /// Processes of this instance that wrote inside a 4D transaction still
    /// open: their records are in memory but not in the database yet, so no
    /// query goes to the database meanwhile ([`Inner::query_stored`]).
    tx_writers: std::collections::HashSet<u32>,
    /// How many queries the database answered ([`Inner::query_stored`]).
    pushed: u64,
    next_pid: u32,
}

pub struct Datastore {
    pub structure: Structure,
    inner: Mutex<Inner>,
}

impl Datastore {
    /// Opens (creating if needed) the SQLite data file at `path`; `None` or
    /// `:memory:` keeps everything in memory.
    pub fn open(structure: Structure, path: Option<&Path>) -> Result<Datastore, String> {
        Datastore::with_backend(structure, Box::new(Sqlite::open(path)?))
    }

    /// Opens the datastore on `backend`, reading every record it holds.
    pub fn with_backend(
        structure: Structure,
        mut backend: Box<dyn Backend>,
    ) -> Result<Datastore, String> {
        let stored = backend.open_tables(&structure)?;
        let mut tables = Vec::new();
        for (t, recs) in structure.tables.iter().zip(stored) {
            let mut data = TableData {
                types: t.fields.iter().map(|f| f.ty).collect(),
                odd: vec![0; t.fields.len()],
                ..TableData::default()
            };
            for (fi, f) in t.fields.iter().enumerate() {
                if f.indexed {
                    data.indexes.insert(fi, BTreeSet::new());
                }
            }
            for (rn, rec) in recs {
                for (fi, f) in t.fields.iter().enumerate() {
                    if f.auto_seq {
                        if let Cell::Int(n) = rec[fi] {
                            data.seq = data.seq.max(n);
                        }
                    }
                }
                data.insert_mem(rn, rec);
            }
            tables.push(data);
        }
        Ok(Datastore {
            structure,
            inner: Mutex::new(Inner {
                backend,
                tables,
                locks: HashMap::new(),
                unpublished: Default::default(),
                tx_writers: Default::default(),
                pushed: 0,
                next_pid: 1,
            }),
        })
    }

    /// Locks the datastore for one operation. With a shared backend, the
    /// records other instances wrote since the last operation are read first.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        let mut g = self.lock_unsynced();
        if g.backend.shared() {
            g.sync();
        }
        g
    }

    /// Locks the datastore without reading what other instances wrote: for a
    /// process inside a 4D transaction that already read them at the
    /// transaction's first operation (see `ProcessDb::lock_store`).
    pub fn lock_unsynced(&self) -> MutexGuard<'_, Inner> {
        match self.inner.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    /// How many queries the backend ran itself since the datastore was
    /// opened (the others ran in memory).
    pub fn pushed_down(&self) -> u64 {
        self.lock_unsynced().pushed
    }

    /// A new process number for lock ownership (1, 2, ...).
    pub fn new_pid(&self) -> u32 {
        let mut g = self.lock();
        let p = g.next_pid;
        g.next_pid += 1;
        p
    }
}

impl TableData {
    fn insert_mem(&mut self, rn: i64, rec: Record) {
        let i = rn as usize;
        if self.records.len() <= i {
            self.records.resize(i + 1, None);
        }
        for (fi, idx) in self.indexes.iter_mut() {
            idx.insert((rec[*fi].key(), rn));
        }
        self.count_odd(&rec, true);
        if self.records[i].is_none() {
            self.live += 1;
        }
        self.records[i] = Some(rec);
    }

    fn remove_mem(&mut self, rn: i64) -> Option<Record> {
        let old = self.records.get_mut(rn as usize)?.take()?;
        for (fi, idx) in self.indexes.iter_mut() {
            idx.remove(&(old[*fi].key(), rn));
        }
        self.count_odd(&old, false);
        self.live -= 1;
        Some(old)
    }

    fn count_odd(&mut self, rec: &Record, add: bool) {
        for ((ty, n), c) in self.types.iter().zip(self.odd.iter_mut()).zip(rec) {
            if !super::pushdown::native(*ty, c) {
                *n = if add { *n + 1 } else { n.saturating_sub(1) };
            }
        }
    }

    /// The stamp of record `rn` (ORDA `getStamp()`): 1 when loaded or created,
    /// plus one at every save, whichever language made it. [choice] Stamps are
    /// not stored in the data file: they start again at 1 when it is reopened.
    pub fn stamp(&self, rn: i64) -> u32 {
        self.saves.get(rn as usize).copied().unwrap_or(0) + 1
    }

    fn bump_stamp(&mut self, rn: i64, up: bool) {
        let i = rn as usize;
        if self.saves.len() <= i {
            self.saves.resize(i + 1, 0);
        }
        self.saves[i] = if up {
            self.saves[i] + 1
        } else {
            self.saves[i].saturating_sub(1)
        };
    }

    pub fn get(&self, rn: i64) -> Option<&Record> {
        if rn < 0 {
            return None;
        }
        self.records.get(rn as usize).and_then(|r| r.as_ref())
    }

    /// Record numbers of every record, ascending.
    pub fn all(&self) -> Vec<i64> {
        self.records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_some())
            .map(|(i, _)| i as i64)
            .collect()
    }
}

impl Inner {
    /// Applies what other instances wrote (a record another instance changed
    /// gets a new stamp here too). [choice] A failure to read them is reported
    /// on stderr and the operation goes on with what this instance has.
    fn sync(&mut self) {
        match self.backend.changes() {
            Ok(changes) => {
                for (ti, rn, rec) in changes {
                    let Some(t) = self.tables.get_mut(ti) else {
                        continue;
                    };
                    let was = t.remove_mem(rn).is_some();
                    if let Some(rec) = rec {
                        if was {
                            t.bump_stamp(rn, true);
                        }
                        t.insert_mem(rn, rec);
                    }
                }
            }
            Err(e) => eprintln!("fourd: {e}"),
        }
    }

    /// The number of a new record of table index `ti` (numbers are not reused);
    /// `bulk`: asked inside a 4D transaction.
    pub fn next_rn(&mut self, ti: usize, bulk: bool) -> Result<i64, String> {
        let local = self.tables[ti].records.len() as i64;
        let rn = self.backend.next_rn(ti, local, bulk)?;
        // a shared backend's blocks of numbers may lie below numbers another
        // instance took later: only a number in use is wrong
        if rn < 0 || self.tables[ti].get(rn).is_some() {
            return Err(format!(
                "data file: record number {rn} given for table {ti} is already used"
            ));
        }
        Ok(rn)
    }

    pub fn next_seq(&mut self, ti: usize, bulk: bool) -> Result<i64, String> {
        let n = self.backend.next_seq(ti, self.tables[ti].seq + 1, bulk)?;
        self.tables[ti].seq = self.tables[ti].seq.max(n);
        Ok(n)
    }

    /// Stores a record in memory; with `persist`, also in the data file.
    pub fn put(&mut self, ti: usize, rn: i64, rec: Record, persist: bool) -> Result<(), String> {
        if persist {
            self.backend.write(ti, rn, Some(&rec))?;
        }
        if self.tables[ti].remove_mem(rn).is_some() {
            self.tables[ti].bump_stamp(rn, true);
        }
        self.tables[ti].insert_mem(rn, rec);
        Ok(())
    }

    /// Puts back a record as it was (transaction rollback), without writing.
    pub fn restore(&mut self, ti: usize, rn: i64, rec: Option<Record>) {
        let was = self.tables[ti].remove_mem(rn).is_some();
        if was && rec.is_some() {
            // undoing a save: the stamp goes back too
            self.tables[ti].bump_stamp(rn, false);
        }
        if let Some(r) = rec {
            self.tables[ti].insert_mem(rn, r);
        } else if self.backend.reuses_numbers() && self.tables[ti].records.len() == rn as usize + 1
        {
            // a record created in the cancelled transaction: free its number
            self.tables[ti].records.pop();
        }
    }

    pub fn delete(&mut self, ti: usize, rn: i64, persist: bool) -> Result<Option<Record>, String> {
        if persist {
            self.backend.write(ti, rn, None)?;
        }
        Ok(self.tables[ti].remove_mem(rn))
    }

    /// Notes that process `pid` wrote inside a 4D transaction (`true`), or
    /// that its outermost transaction ended (`false`).
    pub fn note_tx_writer(&mut self, pid: u32, writing: bool) {
        if writing {
            self.tx_writers.insert(pid);
        } else {
            self.tx_writers.remove(&pid);
        }
    }

    /// The record numbers of table `ti` that `pred` finds (among `within`
    /// when given), found by the database when the backend runs queries
    /// ([`Backend::query`]); `None`: run the query in memory. [choice] Not
    /// - while a process of this instance has 4D transaction writes the
    ///   database does not have yet (memory and database would disagree);
    /// - when a field the query reads has an index in this instance: with every
    ///   record in memory the index answers without a round trip (measured:
    ///   as fast or faster, bench/pg/README.md);
    /// - when a field it reads holds in memory a value the database would give
    ///   back otherwise ([`super::pushdown::native`]: a null in a non-object
    ///   field, a NaN, a date past year 9999...);
    /// - when the database fails (reported on stderr; the memory is what the
    ///   instance reads records from anyway).
    ///
    /// The database may have records another instance wrote since this one
    /// last read the change log: those not in memory yet are left out (the
    /// process could not load them), as if the query had run just before they
    /// were written.
    pub fn query_stored(
        &mut self,
        ti: usize,
        pred: &Pred,
        within: Option<&[i64]>,
    ) -> Option<Vec<i64>> {
        if !self.tx_writers.is_empty() {
            return None;
        }
        let t = self.tables.get(ti)?;
        let mut fields = Vec::new();
        pred.fields(&mut fields);
        let memory_better =
            |fi: &usize| t.indexes.contains_key(fi) || t.odd.get(*fi).is_none_or(|&n| n > 0);
        if fields.iter().any(memory_better) {
            return None;
        }
        match self.backend.query(ti, pred, within)? {
            Ok(mut found) => {
                self.pushed += 1;
                let t = &self.tables[ti];
                found.retain(|&rn| t.get(rn).is_some());
                Some(found)
            }
            Err(e) => {
                eprintln!("fourd: {e}");
                None
            }
        }
    }

    /// Writes the current in-memory state of these records in one database transaction.
    pub fn flush(&mut self, touched: &[(usize, i64)]) -> Result<(), String> {
        let tables = &self.tables;
        let rows: Vec<(usize, i64, Option<&Record>)> = touched
            .iter()
            .map(|&(ti, rn)| (ti, rn, tables[ti].get(rn)))
            .collect();
        self.backend.write_all(&rows)
    }

    /// Locks a record for `owner`; gives the current owner if another process
    /// holds it (of this instance or, with a shared backend, of another one).
    pub fn try_lock(&mut self, ti: usize, rn: i64, owner: &LockOwner) -> Result<(), LockOwner> {
        match self.locks.get(&(ti, rn)) {
            Some(o) if o.pid != owner.pid => Err(o.clone()),
            Some(_) => Ok(()),
            None => {
                if self.backend.shared() {
                    match self.backend.lock(ti, rn, owner) {
                        Ok(Ok(())) => {}
                        Ok(Err(other)) => return Err(other),
                        Err(e) => {
                            // [choice] a lock the database cannot take is refused
                            eprintln!("fourd: {e}");
                            return Err(LockOwner {
                                pid: 0,
                                name: String::new(),
                            });
                        }
                    }
                }
                self.locks.insert((ti, rn), owner.clone());
                Ok(())
            }
        }
    }

    /// Who holds the lock of record `rn` if it is not process `me` of this
    /// instance: another process of this instance or, with a shared backend, a
    /// process of another instance (whose number may equal `me`).
    pub fn other_owner(&mut self, ti: usize, rn: i64, me: u32) -> Option<LockOwner> {
        if let Some(o) = self.locks.get(&(ti, rn)) {
            return (o.pid != me).then(|| o.clone());
        }
        if self.backend.shared() && rn >= 0 {
            return self.backend.owner(ti, rn).unwrap_or_else(|e| {
                eprintln!("fourd: {e}");
                None
            });
        }
        None
    }

    /// Locks a record this process just created inside a 4D transaction: in
    /// this instance only, until [`Inner::publish_locks`].
    pub fn lock_new(&mut self, ti: usize, rn: i64, owner: &LockOwner) {
        if self.locks.contains_key(&(ti, rn)) {
            return;
        }
        self.locks.insert((ti, rn), owner.clone());
        if self.backend.shared() {
            self.unpublished.insert((ti, rn));
        }
    }

    /// Whether the lock of record `rn` is one of [`Inner::lock_new`]'s, still in
    /// this instance only.
    pub fn is_unpublished(&self, ti: usize, rn: i64) -> bool {
        self.unpublished.contains(&(ti, rn))
    }

    /// Takes in the database the locks [`Inner::lock_new`] kept in this
    /// instance for process `pid` (its transaction ends; the records it created
    /// become visible). A record that no longer exists loses its lock.
    pub fn publish_locks(&mut self, pid: u32) {
        let mine: Vec<(usize, i64)> = self
            .unpublished
            .iter()
            .filter(|k| self.locks.get(k).is_some_and(|o| o.pid == pid))
            .copied()
            .collect();
        for (ti, rn) in mine {
            self.unpublished.remove(&(ti, rn));
            let Some(owner) = self.locks.get(&(ti, rn)).cloned() else {
                continue;
            };
            if self.tables[ti].get(rn).is_none() {
                self.locks.remove(&(ti, rn));
                continue;
            }
            match self.backend.lock(ti, rn, &owner) {
                Ok(Ok(())) => {}
                Ok(Err(_)) => {
                    self.locks.remove(&(ti, rn));
                }
                Err(e) => eprintln!("fourd: {e}"),
            }
        }
    }

    pub fn unlock(&mut self, ti: usize, rn: i64, pid: u32) {
        if self.locks.get(&(ti, rn)).is_some_and(|o| o.pid == pid) {
            self.locks.remove(&(ti, rn));
            if self.unpublished.remove(&(ti, rn)) {
                return;
            }
            if self.backend.shared() {
                if let Err(e) = self.backend.unlock(ti, rn) {
                    eprintln!("fourd: {e}");
                }
            }
        }
    }

    /// Releases every lock held by process `pid`.
    pub fn release_all(&mut self, pid: u32) {
        let before = self.locks.len();
        self.locks.retain(|_, o| o.pid != pid);
        let locks = &self.locks;
        self.unpublished.retain(|k| locks.contains_key(k));
        if self.locks.len() != before && self.backend.shared() {
            if let Err(e) = self.backend.release_pid(pid) {
                eprintln!("fourd: {e}");
            }
        }
    }
}
