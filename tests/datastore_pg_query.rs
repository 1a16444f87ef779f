//! Queries pushed down to PostgreSQL (`FOURD_TEST_PG`, see `tests/pgutil`)
//! find exactly what the same query finds in memory: hundreds of generated
//! query lines (texts with accents, case, `@` wildcards and `LIKE`'s own
//! `%` and `_`; integers, reals, dates including the empty date, booleans;
//! every operator and conjunction) run both ways on one instance and give the
//! same record numbers. A record saved through another instance is found by a
//! pushed query, and a transaction's unsaved writes keep queries in memory.

mod pgutil;

use fourd::datastore::process::{Conj, QOp, QueryLine};
use fourd::datastore::store::Cell;
use fourd::datastore::{Datastore, ProcessDb};
use fourd::runtime::value::{text, Date, Value};
use std::sync::Arc;

use pgutil::{open, with_db};

const NAMES: &[&str] = &[
    "Élan", "elan", "ELAN", "Zoë", "zoe", "a_b", "axb", "50%", "5000", "", "Ärger", "arger",
    "o'neil", "Straße", "strasse", "zebra", "Zèbre", "alpha", "Alphabet", "b", "B", "\\x",
];

fn date(y: u16, m: u8, d: u8) -> Date {
    Date {
        year: y,
        month: m,
        day: d,
    }
}

/// A small deterministic generator (no dependency for a test's dice).
struct Dice(u64);
impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn fill(p: &mut ProcessDb, ti: usize) {
    let mut d = Dice(7);
    for i in 0..80 {
        p.create(ti).unwrap();
        p.field_set(2, 2, text(NAMES[i % NAMES.len()])).unwrap();
        p.field_set(2, 3, Value::Int(d.roll(6) as i32 - 1)).unwrap();
        let salary = [0.0, 1.5, -2.25, 1000.0, 1e9, 0.1][d.roll(6)];
        p.field_set(2, 4, Value::Real(salary)).unwrap();
        let hired = [
            date(0, 0, 0),
            date(2020, 1, 31),
            date(1999, 12, 1),
            date(2020, 2, 1),
        ][d.roll(4)];
        p.field_set(2, 5, Value::Date(hired)).unwrap();
        p.field_set(2, 6, Value::Bool(d.roll(2) == 1)).unwrap();
        p.field_set(2, 7, text(NAMES[d.roll(NAMES.len())])).unwrap();
        assert!(p.save(ti).unwrap());
    }
    p.unload(ti).unwrap();
}

fn random_line(d: &mut Dice, first: bool) -> QueryLine {
    const OPS: [QOp; 6] = [QOp::Eq, QOp::Ne, QOp::Lt, QOp::Le, QOp::Gt, QOp::Ge];
    const CONJ: [Conj; 3] = [Conj::And, Conj::Or, Conj::Except];
    const PATTERNS: &[&str] = &["él@", "@E", "@a@", "z@e", "a_@", "50%@", "@", "str@e", "@@"];
    let fi = 1 + d.roll(6); // Name, CompanyID, Salary, Hired, Active, Notes
    let value = match fi {
        1 | 6 => {
            if d.roll(3) == 0 {
                Cell::Text(PATTERNS[d.roll(PATTERNS.len())].into())
            } else {
                Cell::Text(NAMES[d.roll(NAMES.len())].into())
            }
        }
        2 => Cell::Int(d.roll(7) as i64 - 2),
        3 => Cell::Real([0.0, 1.5, -2.25, 1000.0, 0.1, 7.0][d.roll(6)]),
        4 => Cell::Date([date(0, 0, 0), date(2020, 1, 31), date(2020, 1, 1)][d.roll(3)]),
        _ => Cell::Bool(d.roll(2) == 1),
    };
    QueryLine {
        conj: if first { Conj::First } else { CONJ[d.roll(3)] },
        fi,
        op: OPS[d.roll(6)],
        value,
    }
}

fn both_ways(ds: &Arc<Datastore>, p: &ProcessDb, ti: usize, lines: &[QueryLine]) -> Vec<i64> {
    ds.lock().pushdown = false;
    let memory = p.query(ti, lines, false).unwrap();
    ds.lock().pushdown = true;
    let pushed = p.query(ti, lines, false).unwrap();
    assert_eq!(pushed, memory, "{lines:?}");
    pushed
}

#[test]
fn a_pushed_down_query_finds_what_the_memory_finds() {
    with_db("pushq", |url| {
        let ds = open(url);
        let mut p = ProcessDb::new(Some(ds.clone()), "P");
        let ti = p.ti(2).unwrap();
        fill(&mut p, ti);
        let mut d = Dice(42);
        let (mut nonempty, before) = (0, ds.lock().pushed);
        for _ in 0..400 {
            let n = 1 + d.roll(3);
            let lines: Vec<QueryLine> = (0..n).map(|i| random_line(&mut d, i == 0)).collect();
            if !both_ways(&ds, &p, ti, &lines).is_empty() {
                nonempty += 1;
            }
        }
        let pushed = ds.lock().pushed - before;
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
        let before = ds.lock().pushed;
        assert_eq!(both_ways(&ds, &p, ti, &[name(QOp::Eq, "elan")]).len(), 12);
        assert_eq!(both_ways(&ds, &p, ti, &[name(QOp::Eq, "a_@")]).len(), 4);
        assert_eq!(ds.lock().pushed, before + 2);
    });
}

#[test]
fn a_pushed_query_sees_the_other_instance_and_not_an_open_transaction() {
    with_db("pushtx", |url| {
        let (a, b) = (open(url), open(url));
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
        let before = a.lock().pushed;
        assert_eq!(pa.query(ti, &is("REMOTE"), false).unwrap().len(), 1);
        assert_eq!(a.lock().pushed, before + 1);
        // a process of A writes inside a transaction: A's other processes query
        // the memory (which holds the write), not the database (which does not)
        let mut pa2 = ProcessDb::new(Some(a.clone()), "A2");
        pa2.start_transaction();
        pa2.create(ti).unwrap();
        pa2.field_set(2, 2, text("Pending")).unwrap();
        assert!(pa2.save(ti).unwrap());
        let before = a.lock().pushed;
        let mem = pa.query(ti, &is("pending"), false).unwrap();
        assert_eq!(
            a.lock().pushed,
            before,
            "queried the database during a transaction"
        );
        assert_eq!(mem.len(), 1);
        pa2.validate_transaction().unwrap();
        assert_eq!(pa.query(ti, &is("pending"), false).unwrap(), mem);
        assert_eq!(a.lock().pushed, before + 1);
    });
}
