//! Queries pushed down to PostgreSQL (`FOURD_TEST_PG`, see `tests/pgutil`)
//! find exactly what the memory path finds. Two instances on one database,
//! one with `pushdown=on`, one with `pushdown=off`, run the same generated
//! queries and must give the same record numbers, most of them answered by
//! the database:
//! - `QUERY` lines on the test catalog's employees (texts with accents, case,
//!   `@` wildcards and `LIKE`'s own `%` and `_`; integers, reals, dates
//!   including the empty date, booleans; every operator and conjunction);
//! - `QUERY` / `QUERY SELECTION` lines on `tests/catalog/query` (a field of
//!   each type; ligatures, times, values of another kind than the field's,
//!   columns the database holds as NULL, within a selection);
//! - ORDA `.query()` texts through `fourd run` (`===`, `!=`, `in`, `not`,
//!   null, placeholders of other kinds, queries on an entity selection), with
//!   PostgreSQL's own scan counter showing where they ran.
//!
//! Also: a record saved through another instance is found by a pushed query;
//! a transaction's unsaved writes (of any process of the instance) keep
//! queries in memory until it ends; an indexed field, and a field holding in
//! memory a value the database gives back otherwise, stay in memory.

mod pgutil;
mod rngutil;

use fourd::datastore::query::{Conj, QOp, QueryLine};
use fourd::datastore::store::Cell;
use fourd::datastore::{DataPath, Datastore, ProcessDb, Structure};
use fourd::runtime::value::{text, Date, Value};
use std::sync::Arc;

use rngutil::Rng;

// ------------------------------------------------- QUERY on tests/catalog

const NAMES: &[&str] = &[
    "Élan", "elan", "ELAN", "Zoë", "zoe", "a_b", "axb", "50%", "5000", "", "Ärger", "arger",
    "o'neil", "Straße", "strasse", "zebra", "Zèbre", "alpha", "Alphabet", "b", "B", "\\x",
];

fn ymd(y: u16, m: u8, d: u8) -> Date {
    Date {
        year: y,
        month: m,
        day: d,
    }
}

/// 80 employees (`tests/catalog`, no index on these fields).
fn fill_employees(p: &mut ProcessDb, ti: usize) {
    let mut d = Rng(7);
    for i in 0..80 {
        p.create(ti).unwrap();
        p.field_set(2, 2, text(NAMES[i % NAMES.len()])).unwrap();
        p.field_set(2, 3, Value::Int(d.below(6) as i32 - 1))
            .unwrap();
        let salary = [0.0, 1.5, -2.25, 1000.0, 1e9, 0.1][d.below(6)];
        p.field_set(2, 4, Value::Real(salary)).unwrap();
        let hired = [
            ymd(0, 0, 0),
            ymd(2020, 1, 31),
            ymd(1999, 12, 1),
            ymd(2020, 2, 1),
        ][d.below(4)];
        p.field_set(2, 5, Value::Date(hired)).unwrap();
        p.field_set(2, 6, Value::Bool(d.below(2) == 1)).unwrap();
        p.field_set(2, 7, text(NAMES[d.below(NAMES.len())]))
            .unwrap();
        assert!(p.save(ti).unwrap());
    }
    p.unload(ti).unwrap();
}

fn random_line(d: &mut Rng, first: bool) -> QueryLine {
    const OPS: [QOp; 6] = [QOp::Eq, QOp::Ne, QOp::Lt, QOp::Le, QOp::Gt, QOp::Ge];
    const CONJ: [Conj; 3] = [Conj::And, Conj::Or, Conj::Except];
    const PATTERNS: &[&str] = &["él@", "@E", "@a@", "z@e", "a_@", "50%@", "@", "str@e", "@@"];
    let fi = 1 + d.below(6); // Name, CompanyID, Salary, Hired, Active, Notes
    let value = match fi {
        1 | 6 => {
            if d.below(3) == 0 {
                Cell::Text(PATTERNS[d.below(PATTERNS.len())].into())
            } else {
                Cell::Text(NAMES[d.below(NAMES.len())].into())
            }
        }
        2 => Cell::Int(d.below(7) as i64 - 2),
        3 => Cell::Real([0.0, 1.5, -2.25, 1000.0, 0.1, 7.0][d.below(6)]),
        4 => Cell::Date([ymd(0, 0, 0), ymd(2020, 1, 31), ymd(2020, 1, 1)][d.below(3)]),
        _ => Cell::Bool(d.below(2) == 1),
    };
    QueryLine {
        conj: if first { Conj::First } else { CONJ[d.below(3)] },
        fi,
        op: OPS[d.below(6)],
        value,
    }
}

/// The same query on the instance that pushes down and on the one that does
/// not: the same record numbers.
fn both_ways(on: &ProcessDb, off: &ProcessDb, ti: usize, lines: &[QueryLine]) -> Vec<i64> {
    let memory = off.query(ti, lines, false).unwrap();
    let pushed = on.query(ti, lines, false).unwrap();
    assert_eq!(pushed, memory, "{lines:?}");
    pushed
}

#[test]
fn a_pushed_down_query_finds_what_the_memory_finds() {
    pgutil::with_db("pushq", |url| {
        let ds = pgutil::open(&format!("{url}&pushdown=on"));
        let mut p = ProcessDb::new(Some(ds.clone()), "P");
        let ti = p.ti(2).unwrap();
        fill_employees(&mut p, ti);
        let off = pgutil::open(&format!("{url}&pushdown=off"));
        let poff = ProcessDb::new(Some(off.clone()), "off");
        let mut d = Rng(42);
        let (mut nonempty, before) = (0, ds.pushed_down());
        for _ in 0..400 {
            let n = 1 + d.below(3);
            let lines: Vec<QueryLine> = (0..n).map(|i| random_line(&mut d, i == 0)).collect();
            if !both_ways(&p, &poff, ti, &lines).is_empty() {
                nonempty += 1;
            }
        }
        let pushed = ds.pushed_down() - before;
        assert_eq!(off.pushed_down(), 0);
        // most lines are expressible in SQL; some (wildcards with < or >, @@) are not
        assert!(
            pushed > 250,
            "only {pushed} of 400 queries went to the database"
        );
        assert!(nonempty > 100, "only {nonempty} queries found anything");
        // the folding cases by name
        let name = |op, s: &str| QueryLine {
            conj: Conj::First,
            fi: 1,
            op,
            value: Cell::Text(s.into()),
        };
        let before = ds.pushed_down();
        assert_eq!(both_ways(&p, &poff, ti, &[name(QOp::Eq, "elan")]).len(), 12);
        assert_eq!(both_ways(&p, &poff, ti, &[name(QOp::Eq, "a_@")]).len(), 4);
        assert_eq!(ds.pushed_down(), before + 2);
    });
}

#[test]
fn a_pushed_query_sees_the_other_instance_and_not_an_open_transaction() {
    pgutil::with_db("pushtx", |url| {
        let on = format!("{url}&pushdown=on");
        let (a, b) = (pgutil::open(&on), pgutil::open(&on));
        let pa = ProcessDb::new(Some(a.clone()), "A");
        let mut pb = ProcessDb::new(Some(b.clone()), "B");
        let ti = pa.ti(2).unwrap();
        let is = |s: &str| {
            vec![QueryLine {
                conj: Conj::First,
                fi: 1,
                op: QOp::Eq,
                value: Cell::Text(s.into()),
            }]
        };
        pb.create(ti).unwrap();
        pb.field_set(2, 2, text("Remote")).unwrap();
        assert!(pb.save(ti).unwrap());
        let before = a.pushed_down();
        assert_eq!(pa.query(ti, &is("REMOTE"), false).unwrap().len(), 1);
        assert_eq!(a.pushed_down(), before + 1);
        // a process of A writes inside a transaction: A's other processes query
        // the memory (which holds the write), not the database (which does not)
        let mut pa2 = ProcessDb::new(Some(a.clone()), "A2");
        pa2.start_transaction();
        pa2.create(ti).unwrap();
        pa2.field_set(2, 2, text("Pending")).unwrap();
        assert!(pa2.save(ti).unwrap());
        let before = a.pushed_down();
        let mem = pa.query(ti, &is("pending"), false).unwrap();
        assert_eq!(
            a.pushed_down(),
            before,
            "queried the database during a transaction"
        );
        assert_eq!(mem.len(), 1);
        pa2.validate_transaction().unwrap();
        assert_eq!(pa.query(ti, &is("pending"), false).unwrap(), mem);
        assert_eq!(a.pushed_down(), before + 1);
    });
}

#[test]
fn an_indexed_field_and_a_field_with_an_odd_value_stay_in_memory() {
    pgutil::with_db("pushmem", |url| {
        let ds = pgutil::open(&format!("{url}&pushdown=on"));
        let mut p = ProcessDb::new(Some(ds.clone()), "P");
        let (company, employee) = (p.ti(1).unwrap(), p.ti(2).unwrap());
        p.create(company).unwrap();
        p.field_set(1, 2, text("Acme")).unwrap();
        assert!(p.save(company).unwrap());
        fill_employees(&mut p, employee);
        let line = |fi, op, value| QueryLine {
            conj: Conj::First,
            fi,
            op,
            value,
        };
        // [Company]Name has an index: the memory answers
        let before = ds.pushed_down();
        let acme = [line(1, QOp::Eq, Cell::Text("ACME".into()))];
        assert_eq!(p.query(company, &acme, false).unwrap().len(), 1);
        assert_eq!(
            ds.pushed_down(),
            before,
            "an indexed query went to the database"
        );
        // a null in an integer field (ORDA stores one for an emptied
        // autosequence; the database would give it back as 0), a date past
        // year 9999 (its text does not order as the date): queries on those
        // fields run in memory, the others not
        let rn = p.all_records(employee).unwrap()[0];
        let mut rec = p.stored_record(employee, rn).unwrap().unwrap();
        rec[2] = Cell::Null;
        rec[4] = Cell::Date(ymd(12000, 1, 1));
        p.write_record(employee, rn, rec).unwrap();
        let before = ds.pushed_down();
        // in memory a null is less than every number; read back as 0 it is not
        let small = [line(2, QOp::Lt, Cell::Int(-1))];
        assert_eq!(p.query(employee, &small, false).unwrap(), vec![rn]);
        let late = [line(4, QOp::Gt, Cell::Date(ymd(2020, 1, 1)))];
        assert!(p.query(employee, &late, false).unwrap().contains(&rn));
        assert_eq!(ds.pushed_down(), before, "an odd value was queried in SQL");
        let active = [line(5, QOp::Eq, Cell::Bool(true))];
        p.query(employee, &active, false).unwrap();
        assert_eq!(ds.pushed_down(), before + 1);
    });
}

// ------------------------------------------- QUERY on tests/catalog/query

const TEXTS: &[&str] = &[
    "",
    "élan",
    "Elan",
    "ELAN",
    "elan ",
    "café",
    "Cafe",
    "CAFÉ au lait",
    "straße",
    "STRASSE",
    "œuvre",
    "Oeuvre",
    "a_b",
    "a%b",
    "a\\b",
    "ab",
    "abc",
    "Zèbre",
    "zebra",
    "x@y",
    "日本語",
    "Ærø",
    "naïve",
    "NAIVE",
    "İstanbul",
    "z",
];

const PATTERNS: &[&str] = &[
    "e@", "@e", "@la@", "caf@", "@", "a@@b", "a_@", "a%@", "a\\@", "@b", "x@", "str@e", "ae@",
    "NA@VE", "日@", "é", "ELAN", "zebra", "Z@", "", "a_b", "oe@", "@ lait",
];

fn structure() -> Structure {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/catalog/query/catalog.4DCatalog");
    Structure::load(&p).unwrap()
}

/// An instance on `tests/catalog/query`.
fn open_items(url: &str) -> Arc<Datastore> {
    fourd::datastore::open(structure(), None, &DataPath::Postgres(url.to_string())).unwrap()
}

fn date(rng: &mut Rng) -> Date {
    if rng.below(6) == 0 {
        return Date::default();
    }
    Date {
        year: 2020 + rng.below(3) as u16,
        month: 1 + rng.below(12) as u8,
        day: 1 + rng.below(28) as u8,
    }
}

/// Items with values drawn from small pools (so that queries hit often).
fn fill_items(url: &str, rng: &mut Rng, n: usize) {
    let ds = open_items(url);
    let mut p = ProcessDb::new(Some(ds), "fill");
    let ti = p.ti(1).unwrap();
    p.start_transaction();
    for i in 0..n {
        p.create(ti).unwrap();
        let num = rng.below(21) as f64 - 10.0;
        p.field_set(1, 1, Value::Real(i as f64)).unwrap();
        p.field_set(1, 2, text(rng.word(TEXTS))).unwrap();
        p.field_set(1, 3, text(rng.word(TEXTS))).unwrap();
        p.field_set(1, 4, Value::Real(num)).unwrap();
        p.field_set(1, 5, Value::Real(num * 1e12)).unwrap();
        let price = *rng.pick(&[0.0, -0.0, 1.5, -2.25, 3.0, 1e300, -7.0, 0.1]);
        p.field_set(1, 6, Value::Real(price)).unwrap();
        p.field_set(1, 7, Value::Date(date(rng))).unwrap();
        p.field_set(1, 8, Value::Time(rng.below(5) as i64 * 3600))
            .unwrap();
        p.field_set(1, 9, Value::Bool(rng.below(2) == 0)).unwrap();
        p.field_set(1, 10, Value::Real(num)).unwrap();
        assert!(p.save(ti).unwrap());
    }
    p.validate_transaction().unwrap();
}

/// A value for field index `fi` as the classic commands make it (sometimes one
/// of another kind, which must run in memory).
fn value(rng: &mut Rng, fi: usize, op: QOp) -> Cell {
    let num = rng.below(25) as i64 - 12;
    match fi {
        1 | 2 => {
            if op == QOp::Eq || op == QOp::Ne || rng.below(2) == 0 {
                Cell::Text(rng.pick(PATTERNS).to_string())
            } else {
                Cell::Text(rng.pick(TEXTS).to_string())
            }
        }
        0 | 3 | 9 => match rng.below(8) {
            0 => Cell::Real(num as f64 + 0.5),
            1 => Cell::Time(num),
            _ => Cell::Int(num),
        },
        4 => Cell::Int(num * 1_000_000_000_000),
        5 => Cell::Real(*rng.pick(&[0.0, -0.0, 1.5, -2.25, 3.0, 1e300, -7.0, 0.1, 2.0])),
        6 => Cell::Date(date(rng)),
        7 => match rng.below(6) {
            0 => Cell::Int(num * 1800),
            _ => Cell::Time(num * 1800),
        },
        8 => Cell::Bool(rng.below(2) == 0),
        _ => Cell::Null,
    }
}

fn query(rng: &mut Rng) -> Vec<QueryLine> {
    let ops = [
        QOp::Eq,
        QOp::Ne,
        QOp::Lt,
        QOp::Le,
        QOp::Gt,
        QOp::Ge,
        QOp::Keyword,
    ];
    let conjs = [Conj::And, Conj::Or, Conj::Except];
    let n = 1 + rng.below(4);
    (0..n)
        .map(|i| {
            // mostly pushable fields; sometimes the object field (in memory)
            let fi = if rng.below(40) == 0 {
                10
            } else {
                rng.below(10)
            };
            let op = if rng.below(12) == 0 {
                QOp::Keyword
            } else {
                *rng.pick(&ops[..6])
            };
            QueryLine {
                conj: if i == 0 {
                    Conj::First
                } else {
                    *rng.pick(&conjs)
                },
                fi,
                op,
                value: value(rng, fi, op),
            }
        })
        .collect()
}

/// Makes some columns NULL in the database, as a field added to the catalog
/// after the records were written: read back as empty values.
fn null_columns(url: &str) {
    let (base, schema) = url.split_once("?schema=").unwrap();
    let mut c = postgres::Client::connect(base, postgres::NoTls).unwrap();
    c.batch_execute(&format!(
        "SET search_path TO \"{schema}\";
         UPDATE t1 SET f2 = NULL, k2 = NULL WHERE rn % 7 = 0;
         UPDATE t1 SET f4 = NULL, f7 = NULL, f9 = NULL WHERE rn % 5 = 0;
         UPDATE t1 SET f8 = NULL, f10 = NULL WHERE rn % 6 = 1;"
    ))
    .unwrap();
}

#[test]
fn queries_in_sql_find_what_the_memory_finds() {
    pgutil::with_db("xquery", |url| {
        let mut rng = Rng(0x5eed_1234_abcd_0001);
        fill_items(url, &mut rng, 400);
        null_columns(url);
        let on = open_items(&format!("{url}&pushdown=on"));
        let off = open_items(&format!("{url}&pushdown=off"));
        let mut pon = ProcessDb::new(Some(on.clone()), "on");
        let mut poff = ProcessDb::new(Some(off.clone()), "off");
        let ti = pon.ti(1).unwrap();
        let all = pon.all_records(ti).unwrap();
        assert_eq!(all.len(), 400);
        let runs = 600;
        let mut found = 0;
        for k in 0..runs {
            let lines = query(&mut rng);
            let in_sel = k % 3 == 0;
            if in_sel {
                let sel: Vec<i64> = all.iter().copied().filter(|_| rng.below(2) == 0).collect();
                pon.set_selection(ti, sel.clone()).unwrap();
                poff.set_selection(ti, sel).unwrap();
            }
            let a = pon.query(ti, &lines, in_sel).unwrap();
            let b = poff.query(ti, &lines, in_sel).unwrap();
            assert_eq!(a, b, "query {k}: {lines:?} (in selection: {in_sel})");
            found += a.len();
        }
        assert!(found > runs, "the queries found almost nothing: {found}");
        let pushed = on.pushed_down();
        eprintln!("{pushed} of {runs} queries in the database, {found} records found");
        assert_eq!(off.pushed_down(), 0);
        assert!(
            pushed as usize > runs * 2 / 3,
            "only {pushed} of {runs} queries ran in the database"
        );
    });
}

#[test]
fn a_transaction_not_yet_in_the_database_is_queried_in_memory() {
    pgutil::with_db("xquerytx", |url| {
        let mut rng = Rng(7);
        fill_items(url, &mut rng, 20);
        let ds = open_items(&format!("{url}&pushdown=on"));
        let mut p = ProcessDb::new(Some(ds.clone()), "P");
        let other = ProcessDb::new(Some(ds.clone()), "Q");
        let ti = p.ti(1).unwrap();
        let name = |s: &str| QueryLine {
            conj: Conj::First,
            fi: 1,
            op: QOp::Eq,
            value: Cell::Text(s.into()),
        };
        assert!(p.query(ti, &[name("pending")], false).unwrap().is_empty());
        assert_eq!(ds.pushed_down(), 1);
        p.start_transaction();
        p.create(ti).unwrap();
        p.field_set(1, 2, text("Pending")).unwrap();
        assert!(p.save(ti).unwrap());
        // both processes of the instance see the record, which the database
        // does not have yet
        assert_eq!(p.query(ti, &[name("pending")], false).unwrap().len(), 1);
        assert_eq!(other.query(ti, &[name("PENDING")], false).unwrap().len(), 1);
        assert_eq!(ds.pushed_down(), 1);
        p.validate_transaction().unwrap();
        assert_eq!(other.query(ti, &[name("pendi@")], false).unwrap().len(), 1);
        assert_eq!(ds.pushed_down(), 2);
        // a cancelled one leaves nothing behind either
        p.start_transaction();
        p.create(ti).unwrap();
        p.field_set(1, 2, text("Gone")).unwrap();
        assert!(p.save(ti).unwrap());
        assert_eq!(other.query(ti, &[name("gone")], false).unwrap().len(), 1);
        p.cancel_transaction();
        assert!(other.query(ti, &[name("gone")], false).unwrap().is_empty());
        assert_eq!(ds.pushed_down(), 3);
    });
}

/// A 4D text literal.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A 4D literal for a placeholder value of attribute `attr`.
fn orda_value(rng: &mut Rng, attr: &str) -> String {
    let num = rng.below(25) as i64 - 12;
    match attr {
        "Name" | "Note" => match rng.below(3) {
            0 => quote(rng.word(TEXTS)),
            _ => quote(rng.word(PATTERNS)),
        },
        "ID" | "N" | "Small" => match rng.below(6) {
            0 => format!("{num}.5"),
            1 => format!("\"{num}\""),
            _ => num.to_string(),
        },
        "Big" => format!("{num}000000000000"),
        "Price" => rng
            .pick(&["0", "1.5", "-2.25", "3", "1e300", "-7", "0.1", "2"])
            .to_string(),
        "Day" => {
            let d = date(rng);
            format!("!{:04}-{:02}-{:02}!", d.year, d.month, d.day)
        }
        "Clock" => format!("?{:02}:00:00?", rng.below(6)),
        "Flag" => rng.pick(&["True", "False"]).to_string(),
        _ => "Null".to_string(),
    }
}

/// One ORDA query: its text and its placeholder values.
fn orda_query(rng: &mut Rng) -> (String, Vec<String>) {
    let attrs = [
        "ID", "Name", "Note", "N", "Big", "Price", "Day", "Clock", "Flag", "Small",
    ];
    let ops = [
        "=", "==", "===", "#", "!=", "!==", "<", "<=", ">", ">=", "%",
    ];
    let mut vals = Vec::new();
    let mut text = String::new();
    for i in 0..1 + rng.below(3) {
        if i > 0 {
            text.push_str(rng.word(&[" and ", " or ", " and not ", " or not "]));
        }
        let attr = match rng.below(30) {
            0 => "Info",
            1 => "Info.x",
            _ => *rng.pick(&attrs),
        };
        let n = vals.len() + 1;
        if rng.below(12) == 0 {
            let a = orda_value(rng, attr);
            let b = orda_value(rng, attr);
            vals.push(format!("New collection({a}; {b})"));
            text.push_str(&format!("{attr} in :{n}"));
        } else {
            let null = rng.below(15) == 0;
            vals.push(if null {
                "Null".into()
            } else {
                orda_value(rng, attr)
            });
            let op = *rng.pick(&ops);
            text.push_str(&format!("{attr} {op} :{n}"));
        }
    }
    (text, vals)
}

/// Scans of table `t1` in `schema` so far (sequential and by index).
fn scans(base: &str, schema: &str) -> i64 {
    let mut c = postgres::Client::connect(base, postgres::NoTls).unwrap();
    let row = c
        .query_one(
            "SELECT (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::bigint
             FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 't1'",
            &[&schema],
        )
        .unwrap();
    row.get(0)
}

/// Waits for the statistics of a finished `fourd run` to reach `scans`.
fn scans_after(base: &str, schema: &str, before: i64, at_least: i64) -> i64 {
    let mut n = scans(base, schema);
    for _ in 0..30 {
        if n - before >= at_least {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        n = scans(base, schema);
    }
    n
}

/// A folder for `fourd run` scripts on `tests/catalog/query`.
fn script_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(pgutil::schema("fourd_qorda"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/catalog/query/catalog.4DCatalog"),
        dir.join("catalog.4DCatalog"),
    )
    .unwrap();
    dir
}

/// What `fourd run q.4dm` in `dir` prints with `pushdown=` `mode`.
fn run_script(dir: &std::path::Path, url: &str, mode: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("run")
        .arg("q.4dm")
        .arg("--data")
        .arg(format!("{url}&pushdown={mode}"))
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "pushdown={mode}: {stderr}");
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn an_entity_selection_with_a_dropped_entity_is_queried_in_memory() {
    pgutil::with_db("xqdrop", |url| {
        let mut rng = Rng(11);
        fill_items(url, &mut rng, 20);
        let dir = script_dir();
        // the memory path's `not` keeps the dropped entity of the selection
        // (it only removes what the comparison found); SQL cannot see it
        let script = "$e:=ds.Item.new()\n$e.ID:=99999\n$e.N:=3\nvar $r : Object\n$r:=$e.save()\n\
             $sel:=ds.Item.query(\"ID = 99999 or N = 1\")\n$e.drop()\n\
             ALERT(String($sel.query(\"not (N = 1)\").length))\n\
             ALERT(String($sel.query(\"N = 3\").length))\n";
        std::fs::write(dir.join("q.4dm"), script).unwrap();
        let memory = run_script(&dir, url, "off");
        let sql = run_script(&dir, url, "on");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(memory.lines().count(), 2, "{memory}");
        assert_eq!(sql, memory);
    });
}

#[test]
fn orda_queries_in_sql_find_what_the_memory_finds() {
    pgutil::with_db("xqorda", |url| {
        let mut rng = Rng(0xfeed_beef_0042_0007);
        fill_items(url, &mut rng, 300);
        null_columns(url);
        let dir = script_dir();
        let runs = 300;
        let mut script = String::new();
        for k in 0..runs {
            let (q, vals) = orda_query(&mut rng);
            let args: String = vals.iter().map(|v| format!("; {v}")).collect();
            // a third of them on an entity selection rather than the dataclass
            let on = if k % 3 == 0 {
                "ds.Item.query(\"N >= 0 or Flag = true\")"
            } else {
                "ds.Item"
            };
            script.push_str(&format!(
                "ALERT(\"{k} \"+JSON Stringify({on}.query(\"{q}\"{args}).distinct(\"ID\")))\n"
            ));
        }
        std::fs::write(dir.join("q.4dm"), &script).unwrap();
        let (base, schema) = url.split_once("?schema=").unwrap();
        let run = |mode: &str| run_script(&dir, url, mode);
        let s0 = scans(base, schema);
        let memory = run("off");
        let s1 = scans_after(base, schema, s0, 1);
        let sql = run("on");
        let s2 = scans_after(base, schema, s1, runs as i64 / 2);
        std::fs::remove_dir_all(&dir).ok();
        let (m, s): (Vec<&str>, Vec<&str>) = (memory.lines().collect(), sql.lines().collect());
        assert_eq!(m.len(), runs, "{memory}");
        for (k, (a, b)) in m.iter().zip(&s).enumerate() {
            assert_eq!(
                a,
                b,
                "ORDA query {k}: {}",
                script.lines().nth(k).unwrap_or("")
            );
        }
        assert!(
            m.iter().filter(|l| !l.ends_with(" []")).count() > runs / 3,
            "the queries found almost nothing"
        );
        eprintln!(
            "{} scans of t1 for {runs} ORDA queries (and 100 bases)",
            s2 - s1
        );
        // the memory run read the table once (its opening); the other one ran
        // most of its queries in the database
        assert!(s1 - s0 < 5, "pushdown=off scanned t1 {} times", s1 - s0);
        assert!(
            s2 - s1 > runs as i64 / 2,
            "only {} of {runs} ORDA queries ran in the database",
            s2 - s1
        );
    });
}
