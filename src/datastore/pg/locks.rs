//! The record locks of the PostgreSQL backend: one row per locked record in
//! `fourd_locks`, naming this instance's connection and the 4D process.

use super::{pg_err, Postgres};
use crate::datastore::backend::Backend;
use crate::datastore::store::LockOwner;
use postgres::Statement;

/// The prepared statements of the lock table.
pub(super) struct LockSql {
    pub(super) take: Statement,
    pub(super) release: Statement,
    pub(super) release_pid: Statement,
    pub(super) owner: Statement,
}

/// One try of each lock operation of [`Backend`] ([`Postgres::again`] retries).
impl Postgres {
    pub(super) fn lock_sql(&self) -> Result<&LockSql, String> {
        self.locks
            .as_ref()
            .ok_or_else(|| "PostgreSQL: the tables are not open".to_string())
    }

    pub(super) fn lock_once(
        &mut self,
        ti: usize,
        rn: i64,
        owner: &LockOwner,
    ) -> Result<Result<(), LockOwner>, String> {
        let tbl = self.tables[ti].num as i32;
        let pid = owner.pid as i64;
        let st = self.lock_sql()?.take.clone();
        let got = self
            .client
            .query_opt(&st, &[&tbl, &rn, &pid, &owner.name])
            .map_err(pg_err)?;
        if got.is_some() {
            self.held.insert((tbl, rn), (pid, owner.name.clone()));
            return Ok(Ok(()));
        }
        Ok(Err(self.owner(ti, rn)?.unwrap_or(LockOwner {
            pid: 0,
            name: String::new(),
        })))
    }

    pub(super) fn unlock_once(&mut self, ti: usize, rn: i64) -> Result<(), String> {
        let tbl = self.tables[ti].num as i32;
        let st = self.lock_sql()?.release.clone();
        self.client.execute(&st, &[&tbl, &rn]).map_err(pg_err)?;
        self.held.remove(&(tbl, rn));
        Ok(())
    }

    pub(super) fn release_pid_once(&mut self, pid: u32) -> Result<(), String> {
        let st = self.lock_sql()?.release_pid.clone();
        self.client.execute(&st, &[&(pid as i64)]).map_err(pg_err)?;
        self.held.retain(|_, h| h.0 != pid as i64);
        Ok(())
    }

    pub(super) fn owner_once(&mut self, ti: usize, rn: i64) -> Result<Option<LockOwner>, String> {
        let tbl = self.tables[ti].num as i32;
        let st = self.lock_sql()?.owner.clone();
        let row = self.client.query_opt(&st, &[&tbl, &rn]).map_err(pg_err)?;
        Ok(row.map(|r| LockOwner {
            pid: r.get::<_, i64>(0) as u32,
            name: r.get(1),
        }))
    }
}
