//! The SQLite backend, the embedded default: one SQLite table `t<N>` per 4D table,
//! one column `f<M>` per field, the 4D record number as `rn`.
//!
//! A write outside a 4D transaction is one SQLite autocommit statement; the
//! database runs in WAL mode, so a record whose `SAVE RECORD` returned survives a
//! crash of the fourd process. One fourd process owns a data file (see [`claim`]):
//! record numbers and autosequence values are counted in memory.

use super::backend::Backend;
use super::store::{Cell, Record};
use super::structure::{FieldType, Structure};
use crate::runtime::value::Date;
use rusqlite::{params_from_iter, Connection};
use std::path::Path;

pub struct Sqlite {
    conn: Connection,
    /// The 4D table number of each table index.
    nums: Vec<u32>,
    /// SQL of the upsert statement of each table.
    upsert_sql: Vec<String>,
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

impl Sqlite {
    /// Opens (creating if needed) the data file at `path`; `None` or `:memory:`
    /// keeps everything in memory.
    pub fn open(path: Option<&Path>) -> Result<Sqlite, String> {
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
        Ok(Sqlite {
            conn,
            nums: Vec::new(),
            upsert_sql: Vec::new(),
        })
    }
}

impl Backend for Sqlite {
    fn open_tables(&mut self, structure: &Structure) -> Result<Vec<Vec<(i64, Record)>>, String> {
        let conn = &self.conn;
        let mut out = Vec::new();
        for t in &structure.tables {
            let mut create = format!(
                "CREATE TABLE IF NOT EXISTS t{} (rn INTEGER PRIMARY KEY",
                t.num
            );
            for f in &t.fields {
                create.push_str(&format!(", f{} {}", f.num, f.ty.sql_type()));
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
            self.nums.push(t.num);
            self.upsert_sql.push(format!(
                "INSERT OR REPLACE INTO t{} (rn{}{}) VALUES (?{})",
                t.num,
                if names.is_empty() { "" } else { ", " },
                names.join(", "),
                ", ?".repeat(names.len())
            ));
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
            let mut recs = Vec::new();
            for r in rows {
                let (rn, rec) = r.map_err(sql_err)?;
                if rn >= 0 {
                    recs.push((rn, rec));
                }
            }
            out.push(recs);
        }
        Ok(out)
    }

    fn write(&mut self, ti: usize, rn: i64, rec: Option<&Record>) -> Result<(), String> {
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
                let mut st = self
                    .conn
                    .prepare_cached(&format!("DELETE FROM t{} WHERE rn = ?", self.nums[ti]))
                    .map_err(sql_err)?;
                st.execute([rn]).map_err(sql_err)?;
            }
        }
        Ok(())
    }

    fn write_all(&mut self, rows: &[(usize, i64, Option<&Record>)]) -> Result<(), String> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(sql_err)?;
        for &(ti, rn, rec) in rows {
            if let Err(e) = self.write(ti, rn, rec) {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
        self.conn.execute_batch("COMMIT").map_err(sql_err)
    }

    fn next_rn(&mut self, _ti: usize, local: i64, _bulk: bool) -> Result<i64, String> {
        Ok(local)
    }

    fn next_seq(&mut self, _ti: usize, local: i64, _bulk: bool) -> Result<i64, String> {
        Ok(local)
    }
}

/// A date as the backends store it: `YYYY-MM-DD` text (4D's empty date is
/// `0000-00-00`, which no SQL date type holds).
pub fn date_text(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// The date [`date_text`] wrote (the empty date when unreadable).
pub fn parse_date(s: &str) -> Date {
    let p: Vec<u32> = s.split('-').filter_map(|x| x.parse().ok()).collect();
    if p.len() == 3 {
        Date {
            year: p[0] as u16,
            month: p[1] as u8,
            day: p[2] as u8,
        }
    } else {
        Date::default()
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
        Cell::Date(d) => V::Text(date_text(d)),
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
            V::Text(s) => Cell::Date(parse_date(&s)),
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
