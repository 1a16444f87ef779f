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

use super::backend::{self, Backend, Change};
use super::pg_query;
use super::pg_rows::{column_params, params, record, refs, Numbers};
use super::pushdown::Pred;
use super::store::{Cell, LockOwner, Record};
use super::structure::{FieldType, Structure};
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, IsolationLevel, NoTls, Statement};
use std::collections::HashMap;

/// Advisory lock classes (first key of `pg_advisory_xact_lock(int, int)`; the
/// second is the schema's hash): writes to the change log, schema setup.
const LOG_LOCK: i32 = 19781;
const SETUP_LOCK: i32 = 19780;

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

/// [`Backend::changes`] prunes the change log after this many calls or this
/// long, whichever comes first (one round trip each time).
const PRUNE_CALLS: u32 = 1000;
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether queries are pushed down to SQL when the URL does not say
/// (`pushdown=on|off`): no, unless the environment variable `FOURD_QUERY_PUSHDOWN`
/// is `on` or `1`. Every instance keeps all records in memory, where the same query
/// is 3 to 50 times faster than PostgreSQL's scan plus the round trip (measured at
/// 200,000 records, `bench/pg/README.md`): pushdown pays only once records are not
/// all in memory. See `pg_query`.
fn pushdown_default() -> bool {
    matches!(
        std::env::var("FOURD_QUERY_PUSHDOWN").as_deref(),
        Ok("1" | "on" | "true")
    )
}

/// The prepared statements of the lock table.
struct LockSql {
    take: Statement,
    release: Statement,
    release_pid: Statement,
    owner: Statement,
}

/// A write's error: [`backend::DUPLICATE`] for a unique index's refusal.
fn write_err(e: postgres::Error) -> String {
    if e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) {
        let detail = e.as_db_error().and_then(|d| d.detail()).unwrap_or("");
        return format!("{}: {detail}", backend::DUPLICATE);
    }
    pg_err(e)
}

pub(super) fn pg_err(e: postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("PostgreSQL: {}", d.message()),
        None => format!("PostgreSQL: {e}"),
    }
}

/// `url` without its `schema=NAME` parameter, and that name (default `public`).
fn split_schema(url: &str) -> (String, String) {
    let (url, schema) = take_param(url, "schema");
    (url, schema.unwrap_or_else(|| "public".into()))
}

/// `url` without its parameter `key=VALUE` (one of fourd's own, which
/// PostgreSQL would refuse), and that value.
fn take_param(url: &str, key: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None);
    };
    let mut value = None;
    let rest: Vec<&str> = query
        .split('&')
        .filter(
            |kv| match kv.strip_prefix(key).and_then(|r| r.strip_prefix('=')) {
                Some(s) => {
                    value = Some(s.to_string());
                    false
                }
                None => !kv.is_empty(),
            },
        )
        .collect();
    let url = if rest.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", rest.join("&"))
    };
    (url, value)
}

/// A connection to `url` set up for this instance (its change log origin, and
/// the schema once the tables exist).
fn session(url: &str, origin: i64, schema: Option<&str>) -> Result<Client, String> {
    let mut client = Client::connect(url, NoTls).map_err(|e| format!("{url}: {}", pg_err(e)))?;
    // custom plans: a generic plan of `id > $1` on the growing change log
    // is a sequential scan, which made every operation slower than the last
    let mut sql = format!(
        "SET fourd.origin = '{origin}'; SET client_min_messages = warning;
         SET plan_cache_mode = force_custom_plan;"
    );
    if let Some(sc) = schema {
        sql.push_str(&format!("SET search_path TO {};", ident(sc)));
    }
    client.batch_execute(&sql).map_err(pg_err)?;
    Ok(client)
}

fn sql_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Bool => "boolean",
        FieldType::Int16 | FieldType::Int | FieldType::Int64 | FieldType::Time => "bigint",
        FieldType::Real => "double precision",
        FieldType::Date | FieldType::Text | FieldType::Object => "text",
        FieldType::Picture | FieldType::Blob => "bytea",
    }
}

fn ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Postgres {
    fn lock_sql(&self) -> Result<&LockSql, String> {
        self.locks
            .as_ref()
            .ok_or_else(|| "PostgreSQL: the tables are not open".to_string())
    }

    /// Connects to the database at `url` (a `postgres://` URL, optionally with
    /// `?schema=NAME` and `pushdown=on|off`); the tables are made by
    /// [`Backend::open_tables`].
    pub fn connect(url: &str) -> Result<Postgres, String> {
        let (url, pushdown) = take_param(url, "pushdown");
        let pushdown = match pushdown.as_deref() {
            None => pushdown_default(),
            Some("on" | "1" | "true") => true,
            Some("off" | "0" | "false") => false,
            Some(other) => return Err(format!("{url}: pushdown={other}: on or off is expected")),
        };
        let (url, schema) = split_schema(&url);
        if schema.is_empty()
            || !schema
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(format!(
                "{url}: the schema name {schema:?} must be letters, digits and _"
            ));
        }
        let origin = (uuid::Uuid::new_v4().as_u128() as i64).abs().max(1);
        let client = session(&url, origin, None)?;
        Ok(Postgres {
            client,
            url,
            structure: None,
            held: HashMap::new(),
            lost: false,
            schema,
            pushdown,
            origin,
            seen: 0,
            tables: Vec::new(),
            by_num: HashMap::new(),
            changes: None,
            locks: None,
            since_prune: 0,
            last_prune: std::time::Instant::now(),
        })
    }

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

    fn prepare_table(&mut self, t: &super::structure::TableDef) -> Result<TableSql, String> {
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
    fn prepare_common(&mut self) -> Result<(), String> {
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

    /// A new connection in place of a lost one: statements prepared again,
    /// this instance a reader of the log again at what it had read, and its
    /// record locks taken again (those another instance took meanwhile are
    /// lost, with a message). When the log was pruned past what it had read,
    /// [`Backend::changes`] fails from then on (the instance must be
    /// restarted to read the records again).
    fn reconnect(&mut self) -> Result<(), String> {
        let s = self
            .structure
            .clone()
            .ok_or_else(|| "PostgreSQL: the tables are not open".to_string())?;
        self.client = session(&self.url, self.origin, Some(&self.schema))?;
        for (ti, t) in s.tables.iter().enumerate() {
            let mut sql = self.prepare_table(t)?;
            // the numbers of a block stay reserved for this instance
            std::mem::swap(&mut sql.rns, &mut self.tables[ti].rns);
            std::mem::swap(&mut sql.seqs, &mut self.tables[ti].seqs);
            self.tables[ti] = sql;
        }
        self.prepare_common()?;
        self.client
            .execute(
                "INSERT INTO fourd_readers (backend, seen) VALUES (pg_backend_pid(), $1)
                 ON CONFLICT (backend) DO UPDATE SET seen = EXCLUDED.seen",
                &[&self.seen],
            )
            .map_err(pg_err)?;
        let cut: i64 = self
            .client
            .query_one("SELECT coalesce(max(upto), 0) FROM fourd_cut", &[])
            .map_err(pg_err)?
            .get(0);
        if cut > self.seen {
            self.lost = true;
        }
        let take = self.lock_sql()?.take.clone();
        for ((tbl, rn), (pid, name)) in std::mem::take(&mut self.held) {
            match self.client.query_opt(&take, &[&tbl, &rn, &pid, &name]) {
                Ok(Some(_)) => {
                    self.held.insert((tbl, rn), (pid, name));
                }
                _ => eprintln!(
                    "fourd: PostgreSQL: the lock of record {rn} of table {tbl} was lost with the connection"
                ),
            }
        }
        Ok(())
    }

    /// Runs `f`; when it failed because the connection is gone, reconnects
    /// once and runs it again. [choice] A write whose connection died during
    /// its commit is written again: an upsert by record number, so at worst the
    /// same values twice.
    fn again<T>(&mut self, mut f: impl FnMut(&mut Self) -> Result<T, String>) -> Result<T, String> {
        match f(self) {
            Err(e) if self.client.is_closed() => {
                self.reconnect()
                    .map_err(|r| format!("{e} (connection lost; reconnecting failed: {r})"))?;
                f(self)
            }
            r => r,
        }
    }

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
}

impl Backend for Postgres {
    fn open_tables(&mut self, s: &Structure) -> Result<Vec<Vec<(i64, Record)>>, String> {
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

/// What a transaction writes in one table: its index, the record numbers
/// deleted, the records saved.
type TableWrites<'a> = (usize, Vec<i64>, Vec<(i64, &'a Record)>);

/// One try of each operation of [`Backend`] ([`Postgres::again`] retries).
impl Postgres {
    fn write_once(&mut self, ti: usize, rn: i64, rec: Option<&Record>) -> Result<(), String> {
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

    fn write_all_once(&mut self, rows: &[(usize, i64, Option<&Record>)]) -> Result<(), String> {
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

    fn next_rn_once(&mut self, ti: usize, _local: i64, bulk: bool) -> Result<i64, String> {
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

    fn next_seq_once(&mut self, ti: usize, _local: i64, bulk: bool) -> Result<i64, String> {
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

    fn lock_once(
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

    fn unlock_once(&mut self, ti: usize, rn: i64) -> Result<(), String> {
        let tbl = self.tables[ti].num as i32;
        let st = self.lock_sql()?.release.clone();
        self.client.execute(&st, &[&tbl, &rn]).map_err(pg_err)?;
        self.held.remove(&(tbl, rn));
        Ok(())
    }

    fn release_pid_once(&mut self, pid: u32) -> Result<(), String> {
        let st = self.lock_sql()?.release_pid.clone();
        self.client.execute(&st, &[&(pid as i64)]).map_err(pg_err)?;
        self.held.retain(|_, h| h.0 != pid as i64);
        Ok(())
    }

    fn owner_once(&mut self, ti: usize, rn: i64) -> Result<Option<LockOwner>, String> {
        let tbl = self.tables[ti].num as i32;
        let st = self.lock_sql()?.owner.clone();
        let row = self.client.query_opt(&st, &[&tbl, &rn]).map_err(pg_err)?;
        Ok(row.map(|r| LockOwner {
            pid: r.get::<_, i64>(0) as u32,
            name: r.get(1),
        }))
    }

    fn changes_once(&mut self) -> Result<Vec<Change>, String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datastore::store::fold;

    #[test]
    fn the_schema_parameter_is_ours_the_others_go_to_postgresql() {
        assert_eq!(
            split_schema("postgres://u@h/db"),
            ("postgres://u@h/db".to_string(), "public".to_string())
        );
        assert_eq!(
            split_schema("postgres://u@h/db?schema=shop"),
            ("postgres://u@h/db".to_string(), "shop".to_string())
        );
        assert_eq!(
            split_schema("postgres://u@h/db?sslmode=disable&schema=s1&application_name=x"),
            (
                "postgres://u@h/db?sslmode=disable&application_name=x".to_string(),
                "s1".to_string()
            )
        );
    }

    #[test]
    fn the_pushdown_parameter_is_ours_too() {
        assert_eq!(
            take_param("postgres://u@h/db?schema=s&pushdown=off", "pushdown"),
            ("postgres://u@h/db?schema=s".to_string(), Some("off".into()))
        );
        assert_eq!(
            take_param("postgres://u@h/db?pushdownx=1", "pushdown"),
            ("postgres://u@h/db?pushdownx=1".to_string(), None)
        );
        let e = Postgres::connect("postgres://u@127.0.0.1:1/db?pushdown=maybe")
            .err()
            .unwrap();
        assert!(e.contains("on or off"), "{e}");
    }

    #[test]
    fn a_bad_schema_name_is_refused_before_connecting() {
        let e = Postgres::connect("postgres://u@127.0.0.1:1/db?schema=a;drop")
            .err()
            .unwrap();
        assert!(e.contains("schema name"), "{e}");
    }

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
