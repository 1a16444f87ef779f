//! A bulk load on PostgreSQL (`FOURD_TEST_PG`, see `tests/pgutil`): inside a
//! 4D transaction an instance takes record numbers and autosequence values in
//! blocks, keeps the locks of the records it creates to itself and writes them
//! all at validation in one statement per table; none of that may change what
//! another instance sees or what the process is told.

mod pgutil;

use fourd::datastore::{ProcessDb, Structure};
use fourd::runtime::format::to_text;
use fourd::runtime::value::{text, Value};

use pgutil::{open, with_db};

/// Creates and saves a record named `name` through `p`; its record number.
fn add(p: &mut ProcessDb, ti: usize, name: &str) -> i64 {
    p.create(ti).unwrap();
    p.field_set(1, 2, text(name)).unwrap();
    assert!(p.save(ti).unwrap());
    p.record_number(ti)
}

#[test]
fn a_bulk_transaction_gives_unique_numbers_and_locks_only_its_current_record() {
    with_db("xbulk", |url| {
        let (a, b) = (open(url), open(url));
        let mut pa = ProcessDb::new(Some(a), "Loader");
        let mut pb = ProcessDb::new(Some(b), "Other");
        let ti = pa.ti(1).unwrap();
        let mut rns = Vec::new();
        let mut ids = Vec::new();
        pa.start_transaction();
        for i in 0..60 {
            rns.push(add(&mut pa, ti, &format!("A{i}")));
            ids.push(to_text(&pa.field_get(1, 1).unwrap()));
            if i == 30 {
                // another instance saves one between two of A's blocks
                rns.push(add(&mut pb, ti, "B"));
                ids.push(to_text(&pb.field_get(1, 1).unwrap()));
                pb.unload(ti).unwrap();
            }
        }
        // the process sees its own records before validating
        assert!(pa.records_in_table(ti).unwrap() >= 60);
        assert_eq!(pb.records_in_table(ti).unwrap(), 1);
        pa.validate_transaction().unwrap();
        let mut r = rns.clone();
        r.sort_unstable();
        r.dedup();
        assert_eq!(r.len(), 61, "record numbers given twice: {rns:?}");
        let mut d = ids.clone();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), 61, "autosequence values given twice: {ids:?}");
        assert_eq!(pb.records_in_table(ti).unwrap(), 61);
        assert_eq!(pa.records_in_table(ti).unwrap(), 61);
        // A's current record stays locked, for the other instance too; the
        // records it left are free
        let last = pa.record_number(ti);
        pb.set_selection(ti, vec![last]).unwrap();
        assert!(pb.locked(ti), "A's current record must be locked for B");
        assert_eq!(pb.locked_by(ti).unwrap().1, "Loader");
        let first = *rns.iter().find(|&&r| r != last).unwrap();
        pb.set_selection(ti, vec![first]).unwrap();
        assert!(!pb.locked(ti), "a record A left must be free");
        pb.field_set(1, 2, text("Changed by B")).unwrap();
        assert!(pb.save(ti).unwrap());
        pb.unload(ti).unwrap();
        pa.unload(ti).unwrap();
        pa.set_selection(ti, vec![first]).unwrap();
        assert_eq!(to_text(&pa.field_get(1, 2).unwrap()), "Changed by B");
    });
}

#[test]
fn a_duplicate_another_instance_saved_during_the_transaction_is_error_9998() {
    with_db("xbdup", |url| {
        let (a, b) = (open(url), open(url));
        let mut pa = ProcessDb::new(Some(a), "A");
        let mut pb = ProcessDb::new(Some(b), "B");
        let ti = pa.ti(1).unwrap();
        pa.start_transaction();
        for i in 0..5 {
            add(&mut pa, ti, &format!("A{i}"));
        }
        pa.field_set(1, 1, Value::Real(900.0)).unwrap();
        assert!(pa.save(ti).unwrap());
        // [Company]ID is unique: B saves the same value first
        pb.create(ti).unwrap();
        pb.field_set(1, 1, Value::Real(900.0)).unwrap();
        assert!(pb.save(ti).unwrap());
        pb.unload(ti).unwrap();
        let e = pa.validate_transaction().unwrap_err();
        assert!(format!("{e:?}").contains("-9998"), "{e:?}");
        // nothing of A's transaction was written, and A's memory agrees
        assert_eq!(pb.records_in_table(ti).unwrap(), 1);
        assert_eq!(pa.records_in_table(ti).unwrap(), 1);
    });
}

#[test]
fn the_change_log_is_pruned_of_what_every_live_instance_has_read() {
    use fourd::datastore::backend::Backend;
    use fourd::datastore::pg::Postgres;
    use fourd::datastore::store::Cell;
    with_db("xprune", |url| {
        let s = Structure::load(&pgutil::catalog()).unwrap();
        let backend = || {
            let mut pg = Postgres::connect(url).unwrap();
            pg.open_tables(&s).unwrap();
            pg
        };
        let (mut a, mut b) = (backend(), backend());
        let rec = |id: i64| vec![Cell::Int(id), Cell::Text(format!("N{id}")), Cell::Null];
        for i in 0..5 {
            a.write(0, i, Some(&rec(i + 1))).unwrap();
        }
        a.changes().unwrap();
        // B has not read them: nothing goes
        assert_eq!(a.prune_changes().unwrap(), 0);
        assert_eq!(b.changes().unwrap().len(), 5);
        assert_eq!(b.prune_changes().unwrap(), 5);
        // an instance that stopped does not hold the log back
        let c = backend();
        drop(c);
        a.write(0, 5, Some(&rec(6))).unwrap();
        a.changes().unwrap();
        assert_eq!(a.prune_changes().unwrap(), 0, "B has not read it yet");
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert_eq!(b.changes().unwrap().len(), 1);
        assert_eq!(b.prune_changes().unwrap(), 1);
        // what is left is read in full by a new instance's opening
        let mut d = backend();
        let stored = d.open_tables(&s).unwrap();
        assert_eq!(stored[0].len(), 6);
    });
}

/// Ends the database connections of `app` (the `application_name` of a URL).
fn kill_connections(app: &str) {
    let base = pgutil::url().unwrap();
    let mut c = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    let n = c
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            &[&app],
        )
        .unwrap()
        .len();
    assert!(n > 0, "no connection named {app}");
    std::thread::sleep(std::time::Duration::from_millis(200));
}

#[test]
fn a_dropped_connection_is_opened_again_with_its_locks() {
    with_db("xrecon", |url| {
        let app = pgutil::schema("recon");
        let a_url = format!("{url}&application_name={app}");
        let (a, b) = (open(&a_url), open(url));
        let mut pa = ProcessDb::new(Some(a), "A");
        let mut pb = ProcessDb::new(Some(b), "B");
        let ti = pa.ti(1).unwrap();
        let first = add(&mut pa, ti, "Before"); // kept loaded: locked
        kill_connections(&app);
        // the next operation reconnects and goes on
        let second = add(&mut pb, ti, "By B");
        pb.unload(ti).unwrap();
        assert_eq!(pa.records_in_table(ti).unwrap(), 2);
        // A's lock was taken again on the new connection
        pb.set_selection(ti, vec![first]).unwrap();
        assert!(pb.locked(ti), "A's lock must survive the reconnection");
        assert_eq!(pb.locked_by(ti).unwrap().1, "A");
        pb.unload(ti).unwrap();
        pa.set_selection(ti, vec![second]).unwrap();
        assert_eq!(to_text(&pa.field_get(1, 2).unwrap()), "By B");
        pa.unload(ti).unwrap();
        add(&mut pa, ti, "After");
        assert_eq!(pb.records_in_table(ti).unwrap(), 3);
    });
}

#[test]
fn a_connection_dropped_while_the_log_was_pruned_past_it_is_a_clear_error() {
    use fourd::datastore::backend::Backend;
    use fourd::datastore::pg::Postgres;
    use fourd::datastore::store::Cell;
    with_db("xlost", |url| {
        let s = Structure::load(&pgutil::catalog()).unwrap();
        let app = pgutil::schema("lost");
        let mut a = Postgres::connect(&format!("{url}&application_name={app}")).unwrap();
        a.open_tables(&s).unwrap();
        let mut b = Postgres::connect(url).unwrap();
        b.open_tables(&s).unwrap();
        kill_connections(&app);
        let rec = vec![Cell::Int(1), Cell::Text("x".into()), Cell::Null];
        b.write(0, 0, Some(&rec)).unwrap();
        b.changes().unwrap();
        assert_eq!(b.prune_changes().unwrap(), 1, "A is gone: B prunes alone");
        let e = a.changes().unwrap_err();
        assert!(e.contains("restart"), "{e}");
        // writes still go through
        a.write(0, 1, Some(&rec)).unwrap_err(); // [Company]ID is unique
        let other = vec![Cell::Int(2), Cell::Text("y".into()), Cell::Null];
        a.write(0, 1, Some(&other)).unwrap();
    });
}
