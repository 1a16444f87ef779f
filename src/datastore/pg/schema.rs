//! The schema of the PostgreSQL backend: the DDL of the tables, the change
//! log, the lock table and their triggers; the prepared statements; opening
//! the tables (unique constraints, one snapshot of the records and of the log
//! position they match, sequences moved past the stored numbers).

use super::locks::LockSql;
use super::{pg_err, Postgres, TableSql};
use crate::datastore::pg_rows::{record, Numbers};
use crate::datastore::store::{Cell, Record};
use crate::datastore::structure::{FieldType, Structure, TableDef};
use postgres::fallible_iterator::FallibleIterator;
use postgres::IsolationLevel;

/// Advisory lock classes (first key of `pg_advisory_xact_lock(int, int)`; the
/// second is the schema's hash): writes to the change log, schema setup.
const LOG_LOCK: i32 = 19781;
const SETUP_LOCK: i32 = 19780;

fn sql_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Bool => "boolean",
        FieldType::Int16 | FieldType::Int | FieldType::Int64 | FieldType::Time => "bigint",
        FieldType::Real => "double precision",
        FieldType::Date | FieldType::Text | FieldType::Object => "text",
        FieldType::Picture | FieldType::Blob => "bytea",
    }
}

pub(super) fn ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Postgres {
    /// The DDL that makes the schema, the log, the lock table and the tables of `s`.
    fn ddl(&self, s: &Structure) -> String {
        let sc = ident(&self.schema);
        let mut d = format!(
            "CREATE SCHEMA IF NOT EXISTS {sc};
             SET search_path TO {sc};
             CREATE TABLE IF NOT EXISTS fourd_changes (id bigserial PRIMARY KEY,
               tbl int NOT NULL, rn bigint NOT NULL, origin bigint NOT NULL);
             CREATE UNLOGGED TABLE IF NOT EXISTS fourd_locks (tbl int, rn bigint,
               backend int NOT NULL, pid bigint NOT NULL, name text NOT NULL,
               PRIMARY KEY (tbl, rn));
             ALTER TABLE fourd_locks SET UNLOGGED;
             CREATE TABLE IF NOT EXISTS fourd_cut (one int PRIMARY KEY, upto bigint NOT NULL);
             CREATE UNLOGGED TABLE IF NOT EXISTS fourd_readers (backend int PRIMARY KEY,
               seen bigint NOT NULL);
             CREATE OR REPLACE FUNCTION {sc}.fourd_changed() RETURNS trigger
             LANGUAGE plpgsql AS $f$
             DECLARE o bigint := coalesce(nullif(current_setting('fourd.origin', true), '')::bigint, 0);
             BEGIN
               PERFORM pg_advisory_xact_lock({LOG_LOCK}, hashtext(TG_TABLE_SCHEMA));
               IF TG_OP = 'DELETE' THEN
                 INSERT INTO {sc}.fourd_changes (tbl, rn, origin) VALUES (TG_ARGV[0]::int, OLD.rn, o);
               ELSE
                 INSERT INTO {sc}.fourd_changes (tbl, rn, origin) VALUES (TG_ARGV[0]::int, NEW.rn, o);
               END IF;
               RETURN NULL;
             END $f$;\n"
        );
        for t in &s.tables {
            let n = t.num;
            d.push_str(&format!(
                "CREATE TABLE IF NOT EXISTS t{n} (rn bigint PRIMARY KEY);
                 CREATE SEQUENCE IF NOT EXISTS t{n}_rn MINVALUE 0 START 0;
                 CREATE SEQUENCE IF NOT EXISTS t{n}_seq;
                 CREATE OR REPLACE TRIGGER fourd_changed AFTER INSERT OR UPDATE OR DELETE
                   ON t{n} FOR EACH ROW EXECUTE FUNCTION {sc}.fourd_changed('{n}');\n"
            ));
            for f in &t.fields {
                let m = f.num;
                d.push_str(&format!(
                    "ALTER TABLE t{n} ADD COLUMN IF NOT EXISTS f{m} {};\n",
                    sql_type(f.ty)
                ));
                if f.ty == FieldType::Text {
                    d.push_str(&format!(
                        "ALTER TABLE t{n} ADD COLUMN IF NOT EXISTS k{m} text COLLATE \"C\";\n"
                    ));
                }
                if f.indexed && !f.unique {
                    let col = if f.ty == FieldType::Text { 'k' } else { 'f' };
                    d.push_str(&format!(
                        "CREATE INDEX IF NOT EXISTS t{n}_{col}{m} ON t{n} ({col}{m});\n"
                    ));
                }
            }
        }
        d
    }

    pub(super) fn prepare_table(&mut self, t: &TableDef) -> Result<TableSql, String> {
        let n = t.num;
        let mut cols = vec!["rn".to_string()];
        let mut sets = Vec::new();
        for f in &t.fields {
            cols.push(format!("f{}", f.num));
            if f.ty == FieldType::Text {
                cols.push(format!("k{}", f.num));
            }
        }
        for c in &cols[1..] {
            sets.push(format!("{c} = EXCLUDED.{c}"));
        }
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("${i}")).collect();
        let upsert = format!(
            "INSERT INTO t{n} ({}) VALUES ({}) ON CONFLICT (rn) DO {}",
            cols.join(", "),
            marks.join(", "),
            if sets.is_empty() {
                "NOTHING".to_string()
            } else {
                format!("UPDATE SET {}", sets.join(", "))
            }
        );
        let mut arrays = vec!["$1::bigint[]".to_string()];
        for f in &t.fields {
            let ty = sql_type(f.ty);
            arrays.push(format!("${}::{ty}[]", arrays.len() + 1));
            if f.ty == FieldType::Text {
                arrays.push(format!("${}::text[]", arrays.len() + 1));
            }
        }
        let upsert_many = format!(
            "INSERT INTO t{n} ({}) SELECT * FROM unnest({}) ON CONFLICT (rn) DO {}",
            cols.join(", "),
            arrays.join(", "),
            if sets.is_empty() {
                "NOTHING".to_string()
            } else {
                format!("UPDATE SET {}", sets.join(", "))
            }
        );
        let fields: Vec<String> = t.fields.iter().map(|f| format!(", f{}", f.num)).collect();
        let c = &mut self.client;
        Ok(TableSql {
            num: n,
            fields: t.fields.iter().map(|f| f.num).collect(),
            types: t.fields.iter().map(|f| f.ty).collect(),
            upsert: c.prepare(&upsert).map_err(pg_err)?,
            upsert_many: c.prepare(&upsert_many).map_err(pg_err)?,
            delete_many: c
                .prepare(&format!("DELETE FROM t{n} WHERE rn = ANY($1)"))
                .map_err(pg_err)?,
            delete: c
                .prepare(&format!("DELETE FROM t{n} WHERE rn = $1"))
                .map_err(pg_err)?,
            select_some: c
                .prepare(&format!(
                    "SELECT rn{} FROM t{n} WHERE rn = ANY($1)",
                    fields.concat()
                ))
                .map_err(pg_err)?,
            next_rns: c
                .prepare(&format!(
                    "SELECT nextval('t{n}_rn') FROM generate_series(1, $1::bigint)"
                ))
                .map_err(pg_err)?,
            next_seqs: c
                .prepare(&format!(
                    "SELECT nextval('t{n}_seq') FROM generate_series(1, $1::bigint)"
                ))
                .map_err(pg_err)?,
            rns: Numbers::default(),
            seqs: Numbers::default(),
        })
    }

    /// The statements of the change log and of the lock table.
    pub(super) fn prepare_common(&mut self) -> Result<(), String> {
        self.changes = Some(
            self.client
                .prepare("SELECT id, tbl, rn, origin FROM fourd_changes WHERE id > $1 ORDER BY id")
                .map_err(pg_err)?,
        );
        let c = &mut self.client;
        self.locks = Some(LockSql {
            take: c
                .prepare(
                    "INSERT INTO fourd_locks AS l (tbl, rn, backend, pid, name)
                     VALUES ($1, $2, pg_backend_pid(), $3, $4)
                     ON CONFLICT (tbl, rn) DO UPDATE
                       SET backend = EXCLUDED.backend, pid = EXCLUDED.pid, name = EXCLUDED.name
                     WHERE l.backend = pg_backend_pid()
                        OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = l.backend)
                     RETURNING 1",
                )
                .map_err(pg_err)?,
            release: c
                .prepare(
                    "DELETE FROM fourd_locks
                     WHERE tbl = $1 AND rn = $2 AND backend = pg_backend_pid()",
                )
                .map_err(pg_err)?,
            release_pid: c
                .prepare("DELETE FROM fourd_locks WHERE backend = pg_backend_pid() AND pid = $1")
                .map_err(pg_err)?,
            owner: c
                .prepare(
                    "SELECT pid, name FROM fourd_locks l WHERE tbl = $1 AND rn = $2
                       AND backend <> pg_backend_pid()
                       AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = l.backend)",
                )
                .map_err(pg_err)?,
        });
        Ok(())
    }

    /// Moves sequence `seq` past `max` (records written by other means).
    fn raise_sequence(&mut self, seq: &str, max: i64) -> Result<(), String> {
        self.client
            .execute(
                &format!(
                    "SELECT setval('{seq}', $1) FROM {seq}
                     WHERE $1 > (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)"
                ),
                &[&max],
            )
            .map_err(pg_err)?;
        Ok(())
    }

    /// Makes the schema and the tables of `s` (see [`Postgres::ddl`]) and reads
    /// every record ([`Backend::open_tables`](crate::datastore::backend::Backend::open_tables)).
    pub(super) fn open(&mut self, s: &Structure) -> Result<Vec<Vec<(i64, Record)>>, String> {
        let ddl = self.ddl(s);
        {
            let mut tx = self.client.transaction().map_err(pg_err)?;
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                &[&SETUP_LOCK, &self.schema],
            )
            .map_err(pg_err)?;
            tx.batch_execute(&ddl).map_err(pg_err)?;
            tx.commit().map_err(pg_err)?;
        }
        // SET inside the committed transaction stays for the session
        self.client
            .batch_execute(&format!("SET search_path TO {}", ident(&self.schema)))
            .map_err(pg_err)?;
        // unique fields: the database refuses a duplicate another instance saved
        // at the same time. [choice] Stored duplicates (a field made unique
        // later) leave the field without its unique index, with a warning.
        for t in &s.tables {
            for f in t.fields.iter().filter(|f| f.unique) {
                let col = if f.ty == FieldType::Text { 'k' } else { 'f' };
                let (n, m) = (t.num, f.num);
                // deferred: a transaction may swap two values
                let sql = format!(
                    "DO $u$ BEGIN
                       IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't{n}_u{col}{m}'
                                      AND connamespace = current_schema()::regnamespace) THEN
                         ALTER TABLE t{n} ADD CONSTRAINT t{n}_u{col}{m} UNIQUE ({col}{m})
                           DEFERRABLE INITIALLY DEFERRED;
                       END IF;
                     END $u$"
                );
                if let Err(e) = self.client.batch_execute(&sql) {
                    eprintln!(
                        "fourd: [{}]{} is not unique in the database: {}",
                        t.name,
                        f.name,
                        pg_err(e)
                    );
                }
            }
        }
        self.structure = Some(s.clone());
        self.tables.clear();
        for (ti, t) in s.tables.iter().enumerate() {
            let sql = self.prepare_table(t)?;
            self.tables.push(sql);
            self.by_num.insert(t.num, ti);
        }
        self.prepare_common()?;
        // a reader before the snapshot: what it does not hold is not pruned
        self.client
            .execute(
                "INSERT INTO fourd_readers (backend, seen)
                 SELECT pg_backend_pid(), coalesce(max(id), 0) FROM fourd_changes
                 ON CONFLICT (backend) DO UPDATE SET seen = EXCLUDED.seen",
                &[],
            )
            .map_err(pg_err)?;
        // one snapshot for the records and the log position they match
        let mut out = Vec::new();
        let mut maxima = Vec::new();
        {
            let mut tx = self
                .client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .map_err(pg_err)?;
            let seen: i64 = tx
                .query_one("SELECT coalesce(max(id), 0) FROM fourd_changes", &[])
                .map_err(pg_err)?
                .get(0);
            self.seen = seen;
            for t in &s.tables {
                let fields: Vec<String> =
                    t.fields.iter().map(|f| format!(", f{}", f.num)).collect();
                let sql = format!("SELECT rn{} FROM t{} ORDER BY rn", fields.concat(), t.num);
                let types: Vec<FieldType> = t.fields.iter().map(|f| f.ty).collect();
                let mut rows = tx
                    .query_raw(sql.as_str(), std::iter::empty::<i64>())
                    .map_err(pg_err)?;
                let mut recs = Vec::new();
                let mut seq = 0i64;
                while let Some(row) = rows.next().map_err(pg_err)? {
                    let (rn, rec) = record(&row, &types).map_err(pg_err)?;
                    for (fi, f) in t.fields.iter().enumerate() {
                        if let (true, Cell::Int(n)) = (f.auto_seq, &rec[fi]) {
                            seq = seq.max(*n);
                        }
                    }
                    if rn >= 0 {
                        recs.push((rn, rec));
                    }
                }
                maxima.push((t.num, recs.last().map(|r| r.0), seq));
                out.push(recs);
            }
            tx.commit().map_err(pg_err)?;
        }
        for (n, rn, seq) in maxima {
            if let Some(rn) = rn {
                self.raise_sequence(&format!("t{n}_rn"), rn)?;
            }
            if seq > 0 {
                self.raise_sequence(&format!("t{n}_seq"), seq)?;
            }
        }
        Ok(out)
    }
}
