//! What one 4D process sees of the datastore: per table its current selection,
//! position and current record (with the record's lock), its read-only/read-write
//! state; its sets and named selections. Its queries are in [`super::query`],
//! its transactions in `super::transaction`.

use super::cells::{cell_to_value, value_to_cell, var_type};
use super::query::{compare_cells, QueryLine};
use super::store::{Cell, Datastore, Inner, LockOwner, Record};
use super::structure::{FieldType, Structure};
use super::{codes as dbc, DUPLICATE_KEY};
use crate::runtime::error::{err, RtResult};
use crate::runtime::value::{Value, VarType};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Record number of a new record not saved yet (as 4D's `Record number` gives it).
pub const NEW_RECORD: i64 = -3;
/// Record number when there is no current record.
pub const NO_RECORD: i64 = -1;

/// The current record of a table in a process.
#[derive(Debug, Clone)]
pub struct CurRec {
    pub rn: i64,
    pub vals: Vec<Value>,
    /// This process holds the record's lock.
    pub locked: bool,
    /// Loaded read-only (table in read-only mode, or locked by another process).
    pub read_only: bool,
    /// Locked by another process when it was loaded.
    pub locked_by_other: Option<LockOwner>,
    /// A field was assigned since the record was loaded or saved (`Modified record`).
    pub modified: bool,
}

#[derive(Debug, Default, Clone)]
pub struct TableState {
    pub sel: Vec<i64>,
    /// Position in `sel` of the current record (`sel.len()`: past the end).
    pub pos: usize,
    pub cur: Option<CurRec>,
    pub read_only: bool,
    /// `PREVIOUS RECORD` went past the first record (`Before selection`).
    pub before: bool,
}

#[derive(Debug, Clone)]
pub struct SetData {
    pub ti: usize,
    pub recs: BTreeSet<i64>,
}

#[derive(Debug, Clone)]
pub struct NamedSel {
    pub ti: usize,
    pub sel: Vec<i64>,
    pub pos: usize,
}

/// The datastore state of one process.
pub struct ProcessDb {
    pub store: Option<Arc<Datastore>>,
    pub owner: LockOwner,
    pub tables: Vec<TableState>,
    pub sets: HashMap<String, SetData>,
    pub named: HashMap<String, NamedSel>,
    /// Start of each open transaction level in `undo`.
    pub(super) tx_marks: Vec<usize>,
    /// Old state of every record written inside the transaction.
    pub(super) undo: Vec<(usize, i64, Option<Record>)>,
    /// Locks to release when the outermost transaction ends.
    pub(super) deferred_unlocks: Vec<(usize, i64)>,
    /// Whether this process read the other instances' writes since its
    /// outermost transaction started (see [`ProcessDb::lock_store`]).
    pub(super) tx_synced: std::cell::Cell<bool>,
    /// Lines of a `QUERY(...; *)` sequence not run yet: table, base, lines.
    pub pending_query: Option<(usize, bool, Vec<QueryLine>)>,
    pub default_table: Option<usize>,
    /// Where queries put what they find (`SET QUERY DESTINATION`).
    pub query_dest: QueryDest,
    /// At most this many records found by a query (`SET QUERY LIMIT`; 0: no limit).
    pub query_limit: usize,
}

/// `SET QUERY DESTINATION`: the current selection (default), a set, a named
/// selection, or a variable that receives the number of records found.
#[derive(Debug, Clone, Default)]
pub enum QueryDest {
    #[default]
    Selection,
    Set(String),
    Named(String),
    /// The variable, as a pointer value.
    Count(Value),
}

impl Default for ProcessDb {
    fn default() -> Self {
        ProcessDb::new(None, "Main")
    }
}

impl Drop for ProcessDb {
    fn drop(&mut self) {
        self.reset();
    }
}

pub fn no_db<T>() -> RtResult<T> {
    err(
        dbc::NO_DATABASE,
        "No database: this program has no catalog.4DCatalog structure",
    )
}

impl ProcessDb {
    /// The state of a new process named `name` using `store`.
    pub fn new(store: Option<Arc<Datastore>>, name: &str) -> ProcessDb {
        let pid = store.as_ref().map(|s| s.new_pid()).unwrap_or(0);
        let n = store
            .as_ref()
            .map(|s| s.structure.tables.len())
            .unwrap_or(0);
        ProcessDb {
            store,
            owner: LockOwner {
                pid,
                name: name.to_string(),
            },
            tables: vec![TableState::default(); n],
            sets: HashMap::new(),
            named: HashMap::new(),
            tx_marks: Vec::new(),
            undo: Vec::new(),
            deferred_unlocks: Vec::new(),
            tx_synced: std::cell::Cell::new(false),
            pending_query: None,
            default_table: None,
            query_dest: QueryDest::Selection,
            query_limit: 0,
        }
    }

    /// What a legacy web session's close (or a process's end) must do once the
    /// close method has run: cancels an open transaction, releases every lock the
    /// process holds, and clears its current records, selections, sets and named
    /// selections. The process can go on using the datastore afterwards.
    pub fn reset(&mut self) {
        while !self.tx_marks.is_empty() {
            self.cancel_transaction();
        }
        if let Some(s) = &self.store {
            s.lock().release_all(self.owner.pid);
        }
        for t in &mut self.tables {
            *t = TableState::default();
        }
        self.sets.clear();
        self.named.clear();
        self.pending_query = None;
        self.deferred_unlocks.clear();
        self.query_dest = QueryDest::Selection;
        self.query_limit = 0;
    }

    pub fn structure(&self) -> Option<&Structure> {
        self.store.as_ref().map(|s| &s.structure)
    }

    /// Locks the datastore for one operation of this process.
    ///
    /// [choice] Inside a 4D transaction, what other instances wrote is read at
    /// the transaction's first operation only (one round trip to a shared
    /// database instead of one per operation): the process sees its own writes
    /// and the other instances' records as they were then, or newer when
    /// another process of this instance read them since. Outside a transaction
    /// every operation reads them first.
    pub(super) fn lock_store<'a>(&self, store: &'a Datastore) -> std::sync::MutexGuard<'a, Inner> {
        if self.tx_marks.is_empty() || !self.tx_synced.get() {
            self.tx_synced.set(!self.tx_marks.is_empty());
            store.lock()
        } else {
            store.lock_unsynced()
        }
    }

    pub(super) fn store(&self) -> RtResult<Arc<Datastore>> {
        match &self.store {
            Some(s) => Ok(s.clone()),
            None => no_db(),
        }
    }

    /// Index of table number `num`.
    pub fn ti(&self, num: u32) -> RtResult<usize> {
        match self.structure().map(|s| s.table_index(num)) {
            Some(Some(i)) => Ok(i),
            Some(None) => err(dbc::BAD_TABLE, format!("Invalid table number: {}", num)),
            None => no_db(),
        }
    }

    /// Indexes of table number `t` and field number `f`.
    pub fn tfi(&self, t: u32, f: u32) -> RtResult<(usize, usize)> {
        let ti = self.ti(t)?;
        match self.structure().and_then(|s| s.tables[ti].field_index(f)) {
            Some(fi) => Ok((ti, fi)),
            None => err(
                dbc::BAD_TABLE,
                format!("Invalid field number: {} of table {}", f, t),
            ),
        }
    }

    pub fn field_type(&self, ti: usize, fi: usize) -> FieldType {
        self.structure()
            .map(|s| s.tables[ti].fields[fi].ty)
            .unwrap_or(FieldType::Text)
    }

    // ------------------------------------------------------------ fields

    pub fn field_get(&self, t: u32, f: u32) -> RtResult<Value> {
        let (ti, fi) = self.tfi(t, f)?;
        Ok(match &self.tables[ti].cur {
            Some(c) => c.vals[fi].clone(),
            None => cell_to_value(
                &Cell::empty(self.field_type(ti, fi)),
                self.field_type(ti, fi),
            ),
        })
    }

    pub fn field_set(&mut self, t: u32, f: u32, v: Value) -> RtResult<()> {
        let (ti, fi) = self.tfi(t, f)?;
        let ty = self.field_type(ti, fi);
        let cell = value_to_cell(v, ty)?;
        let v = cell_to_value(&cell, ty);
        match &mut self.tables[ti].cur {
            Some(c) => {
                c.vals[fi] = v;
                c.modified = true;
                Ok(())
            }
            // 4D ignores assignments to a field without current record
            None => Ok(()),
        }
    }

    // --------------------------------------------------- current record

    /// Releases the lock on table `ti`'s current record (deferred in a transaction).
    fn release(&mut self, g: &mut Inner, ti: usize) {
        if let Some(c) = &self.tables[ti].cur {
            if c.locked {
                if self.tx_marks.is_empty() {
                    g.unlock(ti, c.rn, self.owner.pid);
                } else {
                    self.deferred_unlocks.push((ti, c.rn));
                }
            }
        }
    }

    /// Makes record `rn` the current record (locking it in read-write mode), or
    /// leaves no current record for a negative `rn`.
    fn load(&mut self, g: &mut Inner, ti: usize, rn: i64) {
        if let Some(c) = &self.tables[ti].cur {
            if c.rn == rn && rn >= 0 && (c.locked || c.read_only) {
                return;
            }
        }
        self.release(g, ti);
        self.tables[ti].cur = None;
        let Some(rec) = g.tables[ti].get(rn).cloned() else {
            return;
        };
        let (locked, by_other) = if self.tables[ti].read_only {
            (false, None)
        } else {
            match g.try_lock(ti, rn, &self.owner) {
                Ok(()) => (true, None),
                Err(o) => (false, Some(o)),
            }
        };
        let types = self.types(ti);
        self.tables[ti].cur = Some(CurRec {
            rn,
            vals: rec
                .iter()
                .zip(&types)
                .map(|(c, t)| cell_to_value(c, *t))
                .collect(),
            locked,
            read_only: !locked,
            locked_by_other: by_other,
            modified: false,
        });
    }

    pub(super) fn types(&self, ti: usize) -> Vec<FieldType> {
        self.structure()
            .map(|s| s.tables[ti].fields.iter().map(|f| f.ty).collect())
            .unwrap_or_default()
    }

    /// Moves to position `pos` of the selection and loads that record.
    pub fn goto_pos(&mut self, ti: usize, pos: usize) -> RtResult<()> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        let t = &mut self.tables[ti];
        t.before = false;
        t.pos = pos.min(t.sel.len());
        let rn = t.sel.get(t.pos).copied().unwrap_or(NO_RECORD);
        self.load(&mut g, ti, rn);
        if rn < 0 {
            self.release(&mut g, ti);
            self.tables[ti].cur = None;
        }
        Ok(())
    }

    /// Replaces the current selection; the first record becomes the current record.
    pub fn set_selection(&mut self, ti: usize, sel: Vec<i64>) -> RtResult<()> {
        self.tables[ti].sel = sel;
        self.tables[ti].pos = 0;
        self.tables[ti].before = false;
        self.reload_current(ti)
    }

    fn reload_current(&mut self, ti: usize) -> RtResult<()> {
        // force a reload of the first record even if it was current already
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        let rn = self.tables[ti].sel.first().copied().unwrap_or(NO_RECORD);
        let keep = matches!(&self.tables[ti].cur, Some(c) if c.rn == rn && c.rn >= 0);
        if !keep {
            self.release(&mut g, ti);
            self.tables[ti].cur = None;
            self.load(&mut g, ti, rn);
        }
        Ok(())
    }

    /// `LOAD RECORD`: loads the record at the current position again.
    pub fn load_record(&mut self, ti: usize) -> RtResult<()> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        let t = &self.tables[ti];
        let rn = match &t.cur {
            Some(c) if c.rn == NEW_RECORD => return Ok(()),
            Some(c) => c.rn,
            None => t.sel.get(t.pos).copied().unwrap_or(NO_RECORD),
        };
        // reload: a read-only copy may now be lockable
        self.release(&mut g, ti);
        self.tables[ti].cur = None;
        self.load(&mut g, ti, rn);
        Ok(())
    }

    /// `UNLOAD RECORD`: releases the lock; the record stays at its position.
    pub fn unload(&mut self, ti: usize) -> RtResult<()> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        self.release(&mut g, ti);
        self.tables[ti].cur = None;
        Ok(())
    }

    pub fn record_number(&self, ti: usize) -> i64 {
        let t = &self.tables[ti];
        match &t.cur {
            Some(c) => c.rn,
            None => t.sel.get(t.pos).copied().unwrap_or(NO_RECORD),
        }
    }

    /// `CREATE RECORD`.
    pub fn create(&mut self, ti: usize) -> RtResult<()> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        self.release(&mut g, ti);
        let t = &store.structure.tables[ti];
        let mut vals = Vec::with_capacity(t.fields.len());
        for f in &t.fields {
            let c = if f.auto_seq {
                Cell::Int(
                    g.next_seq(ti, !self.tx_marks.is_empty())
                        .or_else(|e| err(dbc::IO, e))?,
                )
            } else if f.auto_uuid {
                Cell::Text(uuid::Uuid::new_v4().simple().to_string().to_uppercase())
            } else {
                Cell::empty(f.ty)
            };
            vals.push(cell_to_value(&c, f.ty));
        }
        self.tables[ti].cur = Some(CurRec {
            rn: NEW_RECORD,
            vals,
            locked: false,
            read_only: false,
            locked_by_other: None,
            modified: true,
        });
        Ok(())
    }

    /// `SAVE RECORD`: false when the record could not be saved (locked/read-only).
    pub fn save(&mut self, ti: usize) -> RtResult<bool> {
        let store = self.store()?;
        let Some(cur) = self.tables[ti].cur.clone() else {
            return Ok(false);
        };
        if cur.rn != NEW_RECORD && cur.read_only {
            return Ok(false);
        }
        let types = self.types(ti);
        let mut rec = Vec::with_capacity(types.len());
        for (v, t) in cur.vals.iter().zip(&types) {
            rec.push(value_to_cell(v.clone(), *t)?);
        }
        let mut g = self.lock_store(&store);
        let rn = if cur.rn == NEW_RECORD {
            g.next_rn(ti, !self.tx_marks.is_empty())
                .or_else(|e| err(dbc::IO, e))?
        } else {
            cur.rn
        };
        // unique fields
        for (fi, f) in store.structure.tables[ti].fields.iter().enumerate() {
            if !f.unique {
                continue;
            }
            let key = rec[fi].key();
            let dup =
                match g.tables[ti].indexes.get(&fi) {
                    Some(idx) => idx
                        .range((key.clone(), i64::MIN)..=(key.clone(), i64::MAX))
                        .any(|(_, r)| *r != rn),
                    None => g.tables[ti].records.iter().enumerate().any(|(i, r)| {
                        i as i64 != rn && r.as_ref().is_some_and(|r| r[fi].key() == key)
                    }),
                };
            if dup {
                return err(
                    DUPLICATE_KEY,
                    format!(
                        "Duplicated value in the unique field [{}]{}",
                        store.structure.tables[ti].name, f.name
                    ),
                );
            }
        }
        self.write(&mut g, ti, rn, Some(rec))?;
        if let Some(c) = &mut self.tables[ti].cur {
            c.modified = false;
        }
        if cur.rn == NEW_RECORD {
            if !self.tables[ti].read_only {
                if self.tx_marks.is_empty() {
                    let _ = g.try_lock(ti, rn, &self.owner);
                } else {
                    g.lock_new(ti, rn, &self.owner);
                }
            }
            let ro = self.tables[ti].read_only;
            if let Some(c) = &mut self.tables[ti].cur {
                c.rn = rn;
                c.locked = !ro;
                c.read_only = ro;
            }
        }
        Ok(true)
    }

    /// Writes (or deletes, with `None`) a record, through the transaction if any.
    pub(crate) fn write(
        &mut self,
        g: &mut Inner,
        ti: usize,
        rn: i64,
        rec: Option<Record>,
    ) -> RtResult<()> {
        let in_tx = !self.tx_marks.is_empty();
        if in_tx {
            let old = g.tables[ti].get(rn).cloned();
            self.undo.push((ti, rn, old));
            g.note_tx_writer(self.owner.pid, true);
        }
        let r = match rec {
            Some(rec) => g.put(ti, rn, rec, !in_tx),
            None => g.delete(ti, rn, !in_tx).map(|_| ()),
        };
        r.or_else(write_error)
    }

    /// `DELETE RECORD`: false when the record is locked by another process.
    pub fn delete_current(&mut self, ti: usize) -> RtResult<bool> {
        let store = self.store()?;
        let Some(cur) = self.tables[ti].cur.clone() else {
            return Ok(true);
        };
        if cur.rn < 0 {
            self.tables[ti].cur = None;
            return Ok(true);
        }
        if cur.read_only {
            return Ok(false);
        }
        let mut g = self.lock_store(&store);
        self.write(&mut g, ti, cur.rn, None)?;
        self.release(&mut g, ti);
        self.tables[ti].cur = None;
        let t = &mut self.tables[ti];
        if let Some(p) = t.sel.iter().position(|&r| r == cur.rn) {
            t.sel.remove(p);
        }
        drop(g);
        self.forget(ti, cur.rn);
        Ok(true)
    }

    /// Removes a deleted record from this process's sets and named selections.
    fn forget(&mut self, ti: usize, rn: i64) {
        for s in self.sets.values_mut() {
            if s.ti == ti {
                s.recs.remove(&rn);
            }
        }
        for n in self.named.values_mut() {
            if n.ti == ti {
                n.sel.retain(|&r| r != rn);
            }
        }
    }

    /// `DELETE SELECTION`: records locked by others stay, in the set `LockedSet`.
    pub fn delete_selection(&mut self, ti: usize) -> RtResult<()> {
        let store = self.store()?;
        let sel = std::mem::take(&mut self.tables[ti].sel);
        let mut locked = BTreeSet::new();
        {
            let mut g = self.lock_store(&store);
            self.release(&mut g, ti);
            self.tables[ti].cur = None;
            for rn in sel {
                if g.tables[ti].get(rn).is_none() {
                    continue;
                }
                if g.try_lock(ti, rn, &self.owner).is_err() {
                    locked.insert(rn);
                    continue;
                }
                self.write(&mut g, ti, rn, None)?;
                if self.tx_marks.is_empty() {
                    g.unlock(ti, rn, self.owner.pid);
                } else {
                    self.deferred_unlocks.push((ti, rn));
                }
            }
        }
        let deleted: Vec<i64> = Vec::new();
        let _ = deleted;
        self.sets.insert(
            "lockedset".into(),
            SetData {
                ti,
                recs: locked.clone(),
            },
        );
        // a selection keeps only the records that could not be deleted
        self.tables[ti].sel = locked.into_iter().collect();
        self.tables[ti].pos = 0;
        let live: Vec<i64> = {
            let g = self.lock_store(&store);
            g.tables[ti].all()
        };
        let live: BTreeSet<i64> = live.into_iter().collect();
        for s in self.sets.values_mut() {
            if s.ti == ti {
                s.recs.retain(|r| live.contains(r));
            }
        }
        for n in self.named.values_mut() {
            if n.ti == ti {
                n.sel.retain(|r| live.contains(r));
            }
        }
        self.reload_current(ti)
    }

    pub fn all_records(&self, ti: usize) -> RtResult<Vec<i64>> {
        let store = self.store()?;
        let g = self.lock_store(&store);
        Ok(g.tables[ti].all())
    }

    pub fn records_in_table(&self, ti: usize) -> RtResult<usize> {
        let store = self.store()?;
        let g = self.lock_store(&store);
        Ok(g.tables[ti].live)
    }

    /// Reads stored cells of field `fi` for these records (missing records skipped).
    pub fn cells(&self, ti: usize, fi: usize, recs: &[i64]) -> RtResult<Vec<(i64, Cell)>> {
        let store = self.store()?;
        let g = self.lock_store(&store);
        let cur = self.tables[ti].cur.as_ref();
        let ty = self.field_type(ti, fi);
        Ok(recs
            .iter()
            .filter_map(|&rn| {
                // the process sees its own current record as modified in memory
                if let Some(c) = cur {
                    if c.rn == rn && !c.read_only {
                        return value_to_cell(c.vals[fi].clone(), ty).ok().map(|x| (rn, x));
                    }
                }
                g.tables[ti].get(rn).map(|r| (rn, r[fi].clone()))
            })
            .collect())
    }

    /// `ORDER BY`: sorts the selection by fields (`true`: ascending).
    pub fn order_by(&mut self, ti: usize, keys: &[(usize, bool)]) -> RtResult<()> {
        let store = self.store()?;
        let sel = self.tables[ti].sel.clone();
        let mut rows: Vec<(i64, Vec<Cell>)> = {
            let g = self.lock_store(&store);
            sel.iter()
                .map(|&rn| {
                    let r = g.tables[ti].get(rn);
                    (
                        rn,
                        keys.iter()
                            .map(|(fi, _)| r.map(|r| r[*fi].clone()).unwrap_or(Cell::Null))
                            .collect(),
                    )
                })
                .collect()
        };
        crate::runtime::sorting::sort_by(&mut rows, |a, b| {
            for (k, (_, asc)) in keys.iter().enumerate() {
                let o = compare_cells(&a.1[k], &b.1[k]);
                let o = if *asc { o } else { o.reverse() };
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
        self.set_selection(ti, rows.into_iter().map(|r| r.0).collect())
    }

    // ---------------------------------------------------------- locking

    /// `Locked`: the current record is locked by another process.
    pub fn locked(&self, ti: usize) -> bool {
        matches!(&self.tables[ti].cur, Some(c) if c.locked_by_other.is_some())
    }

    /// `LOCKED BY`: process number and name of the lock owner (0 and "" when not
    /// locked, -1 when the record was deleted).
    pub fn locked_by(&self, ti: usize) -> RtResult<(i64, String)> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        let rn = self.record_number(ti);
        if rn >= 0 && g.tables[ti].get(rn).is_none() {
            return Ok((-1, String::new()));
        }
        match g.other_owner(ti, rn, self.owner.pid) {
            Some(o) => Ok((o.pid as i64, o.name)),
            _ => Ok((0, String::new())),
        }
    }

    /// Can this process modify record `rn` (locking it if so)?
    pub fn lock_record(&mut self, ti: usize, rn: i64) -> RtResult<bool> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        Ok(g.try_lock(ti, rn, &self.owner).is_ok())
    }

    pub fn unlock_record(&mut self, ti: usize, rn: i64) -> RtResult<()> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        if matches!(&self.tables[ti].cur, Some(c) if c.rn == rn && c.locked) {
            return Ok(());
        }
        if self.tx_marks.is_empty() {
            g.unlock(ti, rn, self.owner.pid);
        } else {
            self.deferred_unlocks.push((ti, rn));
        }
        Ok(())
    }

    /// Stores modified values of record `rn` (APPLY TO SELECTION, ARRAY TO SELECTION).
    pub fn write_record(&mut self, ti: usize, rn: i64, rec: Record) -> RtResult<()> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        self.write(&mut g, ti, rn, Some(rec))
    }

    pub fn stored_record(&self, ti: usize, rn: i64) -> RtResult<Option<Record>> {
        let store = self.store()?;
        let g = self.lock_store(&store);
        Ok(g.tables[ti].get(rn).cloned())
    }

    /// `Sequence number`: the next number of the table's counter (the one
    /// `autosequence` fields take theirs from).
    pub fn next_sequence(&mut self, ti: usize) -> RtResult<i64> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        g.next_seq(ti, !self.tx_marks.is_empty())
            .or_else(|e| err(dbc::IO, e))
    }

    /// A new record number with the table's default values.
    pub fn new_record(&mut self, ti: usize) -> RtResult<(i64, Record)> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        let rn = g
            .next_rn(ti, !self.tx_marks.is_empty())
            .or_else(|e| err(dbc::IO, e))?;
        let mut rec = Vec::new();
        for f in &store.structure.tables[ti].fields {
            rec.push(if f.auto_seq {
                Cell::Int(
                    g.next_seq(ti, !self.tx_marks.is_empty())
                        .or_else(|e| err(dbc::IO, e))?,
                )
            } else if f.auto_uuid {
                Cell::Text(uuid::Uuid::new_v4().simple().to_string().to_uppercase())
            } else {
                Cell::empty(f.ty)
            });
        }
        Ok((rn, rec))
    }

    /// `READ ONLY` / `READ WRITE` for one table.
    pub fn set_read_only(&mut self, ti: usize, ro: bool) {
        self.tables[ti].read_only = ro;
    }
}

/// The 4D error of a failed write: -9998 when the database refused a duplicated
/// value of a unique field, else the data file error.
pub(super) fn write_error<T>(e: String) -> RtResult<T> {
    if super::backend::is_duplicate(&e) {
        err(DUPLICATE_KEY, e)
    } else {
        err(dbc::IO, e)
    }
}

impl ProcessDb {
    /// The variable type matching field `f` of table `t` (Undeclared if unknown).
    pub fn field_var_type(&self, t: u32, f: u32) -> VarType {
        match self.tfi(t, f) {
            Ok((ti, fi)) => var_type(self.field_type(ti, fi)),
            Err(_) => VarType::Undeclared,
        }
    }
}
