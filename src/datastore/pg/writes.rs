//! The writes of the PostgreSQL backend: records saved and deleted (one at a
//! time or a transaction's at once) and the blocks of record numbers and
//! autosequence values.

use super::{pg_err, Postgres};
use crate::datastore::backend;
use crate::datastore::pg_rows::{column_params, params, refs};
use crate::datastore::store::Record;

/// A write's error: [`backend::DUPLICATE`] for a unique index's refusal.
fn write_err(e: postgres::Error) -> String {
    if e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) {
        let detail = e.as_db_error().and_then(|d| d.detail()).unwrap_or("");
        return format!("{}: {detail}", backend::DUPLICATE);
    }
    pg_err(e)
}

/// What a transaction writes in one table: its index, the record numbers
/// deleted, the records saved.
type TableWrites<'a> = (usize, Vec<i64>, Vec<(i64, &'a Record)>);

/// One try of each write of [`Backend`](backend::Backend) ([`Postgres::again`] retries).
impl Postgres {
    pub(super) fn write_once(
        &mut self,
        ti: usize,
        rn: i64,
        rec: Option<&Record>,
    ) -> Result<(), String> {
        let t = &self.tables[ti];
        match rec {
            Some(rec) => {
                let p = params(rn, &t.types, rec);
                self.client
                    .execute(&t.upsert, &refs(&p))
                    .map_err(write_err)?;
            }
            None => {
                self.client.execute(&t.delete, &[&rn]).map_err(write_err)?;
            }
        }
        Ok(())
    }

    pub(super) fn write_all_once(
        &mut self,
        rows: &[(usize, i64, Option<&Record>)],
    ) -> Result<(), String> {
        // per table: one DELETE of the deleted records, one upsert of the others
        let mut by_table: Vec<TableWrites> = Vec::new();
        for &(ti, rn, rec) in rows {
            let at = match by_table.iter().position(|t| t.0 == ti) {
                Some(at) => at,
                None => {
                    by_table.push((ti, Vec::new(), Vec::new()));
                    by_table.len() - 1
                }
            };
            match rec {
                Some(rec) => by_table[at].2.push((rn, rec)),
                None => by_table[at].1.push(rn),
            }
        }
        let mut tx = self.client.transaction().map_err(write_err)?;
        for (ti, gone, saved) in &by_table {
            let t = &self.tables[*ti];
            if !gone.is_empty() {
                tx.execute(&t.delete_many, &[gone]).map_err(write_err)?;
            }
            // [choice] chunks of 10,000 records bound the size of one message
            for chunk in saved.chunks(10_000) {
                let p = column_params(&t.types, chunk);
                tx.execute(&t.upsert_many, &refs(&p)).map_err(write_err)?;
            }
        }
        tx.commit().map_err(write_err)
    }

    pub(super) fn next_rn_once(
        &mut self,
        ti: usize,
        _local: i64,
        bulk: bool,
    ) -> Result<i64, String> {
        let t = &mut self.tables[ti];
        let c = &mut self.client;
        t.rns.take(bulk, |n| {
            Ok(c.query(&t.next_rns, &[&n])
                .map_err(pg_err)?
                .iter()
                .map(|r| r.get(0))
                .collect())
        })
    }

    pub(super) fn next_seq_once(
        &mut self,
        ti: usize,
        _local: i64,
        bulk: bool,
    ) -> Result<i64, String> {
        let t = &mut self.tables[ti];
        let c = &mut self.client;
        t.seqs.take(bulk, |n| {
            Ok(c.query(&t.next_seqs, &[&n])
                .map_err(pg_err)?
                .iter()
                .map(|r| r.get(0))
                .collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datastore::store::{fold, Cell};
    use crate::datastore::structure::FieldType;

    #[test]
    fn a_text_and_its_folded_shadow_go_side_by_side() {
        let types = [FieldType::Int, FieldType::Text, FieldType::Date];
        let rec = vec![Cell::Int(7), Cell::Text("Élan".into()), Cell::Null];
        let p = params(3, &types, &rec);
        // rn, f1, f2, k2, f3
        assert_eq!(p.len(), 5);
        assert_eq!(format!("{:?}", p[3]), format!("{:?}", Some(fold("Élan"))));
        assert_eq!(fold("Élan"), fold("elan"));
    }
}
