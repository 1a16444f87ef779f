//! The change log of the PostgreSQL backend: reading the changes other
//! instances wrote (and reloading those records), and pruning the log rows
//! every live instance has read.

use super::{pg_err, Postgres};
use crate::datastore::backend::Change;
use crate::datastore::pg_rows::record;
use crate::datastore::store::Record;
use std::collections::HashMap;

/// [`Backend::changes`] prunes the change log after this many calls or this
/// long, whichever comes first (one round trip each time).
const PRUNE_CALLS: u32 = 1000;
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

impl Postgres {
    /// Deletes the change log rows every live instance has read; gives how many.
    ///
    /// Each instance notes in `fourd_readers` (one row per connection) the last
    /// log id it read, when it prunes; rows of connections that are gone (their
    /// instance stopped or died) are dropped, and the log is cut at the smallest
    /// id noted. [choice] An instance that is alive but idle holds the log back
    /// at what it last noted, so it misses nothing when it wakes up; the log is
    /// bounded by the writes since the idlest live instance last pruned.
    pub fn prune_changes(&mut self) -> Result<u64, String> {
        self.since_prune = 0;
        self.last_prune = std::time::Instant::now();
        let mut tx = self.client.transaction().map_err(pg_err)?;
        tx.execute(
            "INSERT INTO fourd_readers (backend, seen) VALUES (pg_backend_pid(), $1)
             ON CONFLICT (backend) DO UPDATE SET seen = EXCLUDED.seen",
            &[&self.seen],
        )
        .map_err(pg_err)?;
        tx.execute(
            "DELETE FROM fourd_readers r
             WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = r.backend)",
            &[],
        )
        .map_err(pg_err)?;
        let n = tx
            .execute(
                "DELETE FROM fourd_changes WHERE id <= (SELECT min(seen) FROM fourd_readers)",
                &[],
            )
            .map_err(pg_err)?;
        if n > 0 {
            tx.execute(
                "INSERT INTO fourd_cut (one, upto) SELECT 1, min(seen) FROM fourd_readers
                 ON CONFLICT (one) DO UPDATE SET upto = greatest(fourd_cut.upto, EXCLUDED.upto)",
                &[],
            )
            .map_err(pg_err)?;
        }
        tx.commit().map_err(pg_err)?;
        Ok(n)
    }

    pub(super) fn changes_once(&mut self) -> Result<Vec<Change>, String> {
        if self.lost {
            return Err(
                "PostgreSQL: the connection was lost while the change log was pruned \
                        past what this instance had read: restart it to read the records again"
                    .into(),
            );
        }
        let Some(st) = &self.changes else {
            return Ok(Vec::new());
        };
        let rows = self.client.query(st, &[&self.seen]).map_err(pg_err)?;
        self.since_prune += 1;
        if self.since_prune >= PRUNE_CALLS || self.last_prune.elapsed() >= PRUNE_EVERY {
            // [choice] a failed pruning is reported and retried later
            if let Err(e) = self.prune_changes() {
                eprintln!("fourd: {e}");
            }
        }
        let mut order: Vec<(usize, i64)> = Vec::new();
        let mut listed = std::collections::HashSet::new();
        let mut wanted: HashMap<usize, Vec<i64>> = HashMap::new();
        for r in &rows {
            self.seen = self.seen.max(r.get::<_, i64>(0));
            if r.get::<_, i64>(3) == self.origin {
                continue;
            }
            let Some(&ti) = self.by_num.get(&(r.get::<_, i32>(1) as u32)) else {
                continue;
            };
            let rn: i64 = r.get(2);
            if listed.insert((ti, rn)) {
                order.push((ti, rn));
                wanted.entry(ti).or_default().push(rn);
            }
        }
        let mut now: HashMap<(usize, i64), Record> = HashMap::new();
        for (ti, rns) in wanted {
            let t = &self.tables[ti];
            for row in self.client.query(&t.select_some, &[&rns]).map_err(pg_err)? {
                let (rn, rec) = record(&row, &t.types).map_err(pg_err)?;
                now.insert((ti, rn), rec);
            }
        }
        Ok(order
            .into_iter()
            .map(|(ti, rn)| (ti, rn, now.remove(&(ti, rn))))
            .collect())
    }
}
