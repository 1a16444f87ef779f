//! The shared datastore: every table's records in memory, written through to an
//! SQLite file (one SQLite table `t<N>` per 4D table, one column `f<M>` per field,
//! the 4D record number as `rn`), single-field indexes, and the record lock table.
//!
//! One [`Datastore`] serves every process (it is `Send + Sync`; callers share it in
//! an `Arc`). A write outside a 4D transaction is one SQLite autocommit statement;
//! the database runs in WAL mode, so a record whose `SAVE RECORD` returned survives
//! a crash of the fourd process. A 4D transaction's writes are kept in memory and
//! written in one SQLite transaction when it is validated.

use super::structure::{FieldType, Structure};
use crate::runtime::collate;
use crate::runtime::value::Date;
use rusqlite::{params_from_iter, Connection};
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
}

/// Everything behind the datastore's lock.
pub struct Inner {
    conn: Connection,
    pub tables: Vec<TableData>,
    pub locks: HashMap<(usize, i64), LockOwner>,
    next_pid: u32,
    /// SQL of the upsert statement of each table.
    upsert_sql: Vec<String>,
}

pub struct Datastore {
    pub structure: Structure,
    inner: Mutex<Inner>,
}

fn sql_err(e: rusqlite::Error) -> String {
    format!("data file: {}", e)
}

/// Makes this connection the only one on the data file until it closes, as 4D
/// refuses to open a data file another application has open: the records are
/// held in memory and numbered from there, so a second writer would overwrite
/// rows silently (issue #19). SQLite's exclusive locking mode keeps the lock
/// taken by the first write transaction; the OS drops it if the process dies.
fn claim(c: &Connection, p: &Path) -> Result<(), String> {
    c.pragma_update(None, "locking_mode", "EXCLUSIVE")
        .map_err(sql_err)?;
    match c.execute_batch("BEGIN EXCLUSIVE; COMMIT;") {
        Ok(()) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) =>
        {
            Err(format!(
                "{}: the data file is already open in another process",
                p.display()
            ))
        }
        Err(e) => Err(format!("{}: {}", p.display(), e)),
    }
}

impl Datastore {
    /// Opens (creating if needed) the data file at `path`; `None` or `:memory:`
    /// keeps everything in memory.
    pub fn open(structure: Structure, path: Option<&Path>) -> Result<Datastore, String> {
        let conn = match path {
            Some(p) if p.as_os_str() != ":memory:" => {
                if let Some(dir) = p.parent() {
                    if !dir.as_os_str().is_empty() {
                        std::fs::create_dir_all(dir)
                            .map_err(|e| format!("{}: {}", dir.display(), e))?;
                    }
                }
                let c = Connection::open(p).map_err(|e| format!("{}: {}", p.display(), e))?;
                claim(&c, p)?;
                c.pragma_update(None, "journal_mode", "WAL")
                    .map_err(sql_err)?;
                c.pragma_update(None, "synchronous", "NORMAL")
                    .map_err(sql_err)?;
                c
            }
            _ => Connection::open_in_memory().map_err(sql_err)?,
        };
        let mut tables = Vec::new();
        let mut upsert_sql = Vec::new();
        for t in &structure.tables {
            let cols: Vec<String> = t
                .fields
                .iter()
                .map(|f| format!("f{} {}", f.num, f.ty.sql_type()))
                .collect();
            let mut create = format!(
                "CREATE TABLE IF NOT EXISTS t{} (rn INTEGER PRIMARY KEY",
                t.num
            );
            for c in &cols {
                create.push_str(", ");
                create.push_str(c);
            }
            create.push(')');
            conn.execute(&create, []).map_err(sql_err)?;
            // fields added to the catalog since the file was created
            let mut existing = Vec::new();
            {
                let mut st = conn
                    .prepare(&format!("PRAGMA table_info(t{})", t.num))
                    .map_err(sql_err)?;
                let rows = st
                    .query_map([], |r| r.get::<_, String>(1))
                    .map_err(sql_err)?;
                for r in rows {
                    existing.push(r.map_err(sql_err)?);
                }
            }
            for f in &t.fields {
                let col = format!("f{}", f.num);
                if !existing.iter().any(|e| e.eq_ignore_ascii_case(&col)) {
                    conn.execute(
                        &format!(
                            "ALTER TABLE t{} ADD COLUMN {} {}",
                            t.num,
                            col,
                            f.ty.sql_type()
                        ),
                        [],
                    )
                    .map_err(sql_err)?;
                }
            }
            let names: Vec<String> = t.fields.iter().map(|f| format!("f{}", f.num)).collect();
            upsert_sql.push(format!(
                "INSERT OR REPLACE INTO t{} (rn{}{}) VALUES (?{})",
                t.num,
                if names.is_empty() { "" } else { ", " },
                names.join(", "),
                ", ?".repeat(names.len())
            ));
            // load
            let mut data = TableData::default();
            for (fi, f) in t.fields.iter().enumerate() {
                if f.indexed {
                    data.indexes.insert(fi, BTreeSet::new());
                }
            }
            let sel = format!(
                "SELECT rn{}{} FROM t{} ORDER BY rn",
                if names.is_empty() { "" } else { ", " },
                names.join(", "),
                t.num
            );
            let mut st = conn.prepare(&sel).map_err(sql_err)?;
            let types: Vec<FieldType> = t.fields.iter().map(|f| f.ty).collect();
            let rows = st
                .query_map([], |row| {
                    let rn: i64 = row.get(0)?;
                    let mut rec = Vec::with_capacity(types.len());
                    for (i, ty) in types.iter().enumerate() {
                        let v: rusqlite::types::Value = row.get(i + 1)?;
                        rec.push(from_sql(*ty, v));
                    }
                    Ok((rn, rec))
                })
                .map_err(sql_err)?;
            for r in rows {
                let (rn, rec) = r.map_err(sql_err)?;
                if rn < 0 {
                    continue;
                }
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
                conn,
                tables,
                locks: HashMap::new(),
                next_pid: 1,
                upsert_sql,
            }),
        })
    }

    /// Locks the datastore for one operation.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        match self.inner.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
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
        self.live -= 1;
        Some(old)
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
    /// The next free record number of table index `ti` (numbers are not reused).
    pub fn next_rn(&self, ti: usize) -> i64 {
        self.tables[ti].records.len() as i64
    }

    pub fn next_seq(&mut self, ti: usize) -> i64 {
        self.tables[ti].seq += 1;
        self.tables[ti].seq
    }

    /// Stores a record in memory; with `persist`, also in the data file.
    pub fn put(&mut self, ti: usize, rn: i64, rec: Record, persist: bool) -> Result<(), String> {
        if persist {
            self.write_row(ti, rn, Some(&rec))?;
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
        } else if self.tables[ti].records.len() == rn as usize + 1 {
            // a record created in the cancelled transaction: free its number
            self.tables[ti].records.pop();
        }
    }

    pub fn delete(&mut self, ti: usize, rn: i64, persist: bool) -> Result<Option<Record>, String> {
        if persist {
            self.write_row(ti, rn, None)?;
        }
        Ok(self.tables[ti].remove_mem(rn))
    }

    /// Writes the current in-memory state of these records in one SQLite transaction.
    pub fn flush(&mut self, touched: &[(usize, i64)]) -> Result<(), String> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(sql_err)?;
        for &(ti, rn) in touched {
            let rec = self.tables[ti].get(rn).cloned();
            if let Err(e) = self.write_row(ti, rn, rec.as_ref()) {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
        self.conn.execute_batch("COMMIT").map_err(sql_err)
    }

    fn write_row(&mut self, ti: usize, rn: i64, rec: Option<&Record>) -> Result<(), String> {
        match rec {
            Some(rec) => {
                let mut st = self
                    .conn
                    .prepare_cached(&self.upsert_sql[ti])
                    .map_err(sql_err)?;
                let vals = std::iter::once(rusqlite::types::Value::Integer(rn))
                    .chain(rec.iter().map(to_sql));
                st.execute(params_from_iter(vals)).map_err(sql_err)?;
            }
            None => {
                let num = self.table_num(ti);
                let mut st = self
                    .conn
                    .prepare_cached(&format!("DELETE FROM t{} WHERE rn = ?", num))
                    .map_err(sql_err)?;
                st.execute([rn]).map_err(sql_err)?;
            }
        }
        Ok(())
    }

    fn table_num(&self, ti: usize) -> u32 {
        // "INSERT OR REPLACE INTO t<N> (" → N
        self.upsert_sql[ti]
            .trim_start_matches("INSERT OR REPLACE INTO t")
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    /// Locks a record for `owner`; gives the current owner if another process holds it.
    pub fn try_lock(&mut self, ti: usize, rn: i64, owner: &LockOwner) -> Result<(), LockOwner> {
        match self.locks.get(&(ti, rn)) {
            Some(o) if o.pid != owner.pid => Err(o.clone()),
            Some(_) => Ok(()),
            None => {
                self.locks.insert((ti, rn), owner.clone());
                Ok(())
            }
        }
    }

    pub fn unlock(&mut self, ti: usize, rn: i64, pid: u32) {
        if self.locks.get(&(ti, rn)).is_some_and(|o| o.pid == pid) {
            self.locks.remove(&(ti, rn));
        }
    }

    /// Releases every lock held by process `pid`.
    pub fn release_all(&mut self, pid: u32) {
        self.locks.retain(|_, o| o.pid != pid);
    }
}

fn to_sql(c: &Cell) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match c {
        Cell::Null => V::Null,
        Cell::Bool(b) => V::Integer(*b as i64),
        Cell::Int(i) => V::Integer(*i),
        Cell::Real(r) => V::Real(*r),
        Cell::Text(s) | Cell::Object(s) => V::Text(s.clone()),
        Cell::Date(d) => V::Text(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        Cell::Time(t) => V::Integer(*t),
        Cell::Blob(b) => V::Blob(b.clone()),
    }
}

fn from_sql(ty: FieldType, v: rusqlite::types::Value) -> Cell {
    use rusqlite::types::Value as V;
    if let V::Null = v {
        return if ty == FieldType::Object {
            Cell::Null
        } else {
            Cell::empty(ty)
        };
    }
    match ty {
        FieldType::Bool => Cell::Bool(matches!(v, V::Integer(i) if i != 0)),
        FieldType::Int16 | FieldType::Int | FieldType::Int64 => match v {
            V::Integer(i) => Cell::Int(i),
            V::Real(r) => Cell::Int(r as i64),
            _ => Cell::Int(0),
        },
        FieldType::Real => match v {
            V::Integer(i) => Cell::Real(i as f64),
            V::Real(r) => Cell::Real(r),
            _ => Cell::Real(0.0),
        },
        FieldType::Time => match v {
            V::Integer(i) => Cell::Time(i),
            _ => Cell::Time(0),
        },
        FieldType::Date => match v {
            V::Text(s) => {
                let p: Vec<u32> = s.split('-').filter_map(|x| x.parse().ok()).collect();
                if p.len() == 3 {
                    Cell::Date(Date {
                        year: p[0] as u16,
                        month: p[1] as u8,
                        day: p[2] as u8,
                    })
                } else {
                    Cell::Date(Date::default())
                }
            }
            _ => Cell::Date(Date::default()),
        },
        FieldType::Text => match v {
            V::Text(s) => Cell::Text(s),
            V::Integer(i) => Cell::Text(i.to_string()),
            V::Real(r) => Cell::Text(r.to_string()),
            _ => Cell::Text(String::new()),
        },
        FieldType::Object => match v {
            V::Text(s) => Cell::Object(s),
            _ => Cell::Null,
        },
        FieldType::Picture | FieldType::Blob => match v {
            V::Blob(b) => Cell::Blob(b),
            _ => Cell::Blob(Vec::new()),
        },
    }
}
