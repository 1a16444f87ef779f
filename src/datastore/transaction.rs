//! The 4D transactions of one process ([`ProcessDb`]): `START TRANSACTION`
//! levels, the undo log of the records written inside them, and what the end
//! of the outermost one does (one database transaction for its writes, or
//! the records put back; the locks it deferred released). While a process has
//! written inside an open transaction the instance's queries stay in memory
//! (`Inner::note_tx_writer`, `Inner::query_stored`).

use super::process::{write_error, ProcessDb};
use super::store::Inner;
use crate::runtime::error::RtResult;

impl ProcessDb {
    pub fn in_transaction(&self) -> bool {
        !self.tx_marks.is_empty()
    }

    pub fn transaction_level(&self) -> usize {
        self.tx_marks.len()
    }

    pub fn start_transaction(&mut self) {
        if self.tx_marks.is_empty() {
            self.tx_synced.set(false);
        }
        self.tx_marks.push(self.undo.len());
    }

    /// Ends the innermost transaction keeping its changes; the outermost one writes
    /// them to the data file in one SQLite transaction.
    pub fn validate_transaction(&mut self) -> RtResult<()> {
        if self.tx_marks.pop().is_none() {
            return Ok(());
        }
        if !self.tx_marks.is_empty() {
            return Ok(());
        }
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        let mut touched: Vec<(usize, i64)> = self.undo.iter().map(|u| (u.0, u.1)).collect();
        touched.sort_unstable();
        touched.dedup();
        let undo = std::mem::take(&mut self.undo);
        // the locks of the records it created, before they become visible:
        // those it no longer holds end here, in this instance
        let deferred = std::mem::take(&mut self.deferred_unlocks);
        for (ti, rn) in deferred {
            let current = matches!(&self.tables[ti].cur, Some(c) if c.rn == rn && c.locked);
            if !current && g.is_unpublished(ti, rn) {
                g.unlock(ti, rn, self.owner.pid);
            } else {
                self.deferred_unlocks.push((ti, rn));
            }
        }
        g.publish_locks(self.owner.pid);
        let r = g.flush(&touched);
        if r.is_err() {
            // nothing was written: the records go back to what is stored
            for (ti, rn, old) in undo.into_iter().rev() {
                g.restore(ti, rn, old);
            }
        }
        self.end_transaction_locks(&mut g);
        r.or_else(write_error)
    }

    /// Ends the innermost transaction undoing its changes.
    pub fn cancel_transaction(&mut self) {
        let Some(mark) = self.tx_marks.pop() else {
            return;
        };
        let Some(store) = self.store.clone() else {
            return;
        };
        let mut g = self.lock_store(&store);
        while self.undo.len() > mark {
            if let Some((ti, rn, old)) = self.undo.pop() {
                g.restore(ti, rn, old);
            }
        }
        // selections may name records that no longer exist
        for (ti, t) in self.tables.iter_mut().enumerate() {
            t.sel.retain(|&rn| g.tables[ti].get(rn).is_some());
            if let Some(c) = &t.cur {
                if c.rn >= 0 && g.tables[ti].get(c.rn).is_none() {
                    t.cur = None;
                }
            }
            t.pos = t.pos.min(t.sel.len());
        }
        if self.tx_marks.is_empty() {
            self.end_transaction_locks(&mut g);
            g.publish_locks(self.owner.pid);
        }
    }

    fn end_transaction_locks(&mut self, g: &mut Inner) {
        g.note_tx_writer(self.owner.pid, false);
        for (ti, rn) in std::mem::take(&mut self.deferred_unlocks) {
            let current = matches!(&self.tables[ti].cur, Some(c) if c.rn == rn && c.locked);
            if !current {
                g.unlock(ti, rn, self.owner.pid);
            }
        }
    }
}
