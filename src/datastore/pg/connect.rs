//! The connection of the PostgreSQL backend: the URL and fourd's own
//! parameters in it (`schema=`, `pushdown=`), one session set up for this
//! instance, and reconnection when the connection is lost (statements, the
//! change log reader and the record locks taken again).

use super::{pg_err, schema::ident, Postgres};
use postgres::{Client, NoTls};
use std::collections::HashMap;

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

impl Postgres {
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
    pub(super) fn again<T>(
        &mut self,
        mut f: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<T, String> {
        match f(self) {
            Err(e) if self.client.is_closed() => {
                self.reconnect()
                    .map_err(|r| format!("{e} (connection lost; reconnecting failed: {r})"))?;
                f(self)
            }
            r => r,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
