//! Several fourd instances on one PostgreSQL database (`FOURD_TEST_PG`, see
//! `tests/pgutil`): each instance is a `Datastore` of its own (its own memory,
//! its own connection), as two `fourd serve` on two machines would be. A record
//! saved through one is read through the other, record numbers and
//! autosequences never collide, a lock taken through one is refused through the
//! other with `LOCKED BY` naming the holder, a transaction is seen by the other
//! only once validated, and the locks of a killed instance are taken over.

mod pgutil;

use fourd::datastore::{ProcessDb, Structure};
use fourd::runtime::format::to_text;
use fourd::runtime::value::text;
use std::process::{Command, Stdio};

use pgutil::{catalog, open, with_db};

fn names(p: &mut ProcessDb, ti: usize) -> Vec<String> {
    let all = p.all_records(ti).unwrap();
    let mut out = Vec::new();
    for rn in all {
        p.set_selection(ti, vec![rn]).unwrap();
        out.push(to_text(&p.field_get(1, 2).unwrap()));
        p.unload(ti).unwrap();
    }
    out
}

#[test]
fn a_record_saved_through_one_instance_is_read_through_the_other() {
    with_db("xread", |url| {
        let (a, b) = (open(url), open(url));
        let mut pa = ProcessDb::new(Some(a.clone()), "A");
        let mut pb = ProcessDb::new(Some(b.clone()), "B");
        let ti = pa.ti(1).unwrap();
        pa.create(ti).unwrap();
        pa.field_set(1, 2, text("Acme")).unwrap();
        assert!(pa.save(ti).unwrap());
        pa.unload(ti).unwrap();
        assert_eq!(names(&mut pb, ti), vec!["Acme"]);
        // B changes it; A reads the change; B deletes it; A sees it gone
        let all = pb.all_records(ti).unwrap();
        pb.set_selection(ti, all).unwrap();
        assert!(!pb.locked(ti));
        pb.field_set(1, 2, text("Acme II")).unwrap();
        assert!(pb.save(ti).unwrap());
        pb.unload(ti).unwrap();
        assert_eq!(names(&mut pa, ti), vec!["Acme II"]);
        let all = pb.all_records(ti).unwrap();
        pb.set_selection(ti, all).unwrap();
        assert!(pb.delete_current(ti).unwrap());
        assert_eq!(pa.records_in_table(ti).unwrap(), 0);
        // a third instance opened now reads what is stored
        let c = open(url);
        let mut pc = ProcessDb::new(Some(c), "C");
        assert_eq!(pc.records_in_table(ti).unwrap(), 0);
        pa.create(ti).unwrap();
        pa.field_set(1, 2, text("Late")).unwrap();
        assert!(pa.save(ti).unwrap());
        assert_eq!(names(&mut pc, ti), vec!["Late"]);
    });
}

#[test]
fn record_numbers_and_autosequences_never_collide() {
    with_db("xnum", |url| {
        let (a, b) = (open(url), open(url));
        let mut pa = ProcessDb::new(Some(a), "A");
        let mut pb = ProcessDb::new(Some(b), "B");
        let ti = pa.ti(1).unwrap();
        let mut rns = Vec::new();
        let mut ids = Vec::new();
        for i in 0..6 {
            let p = if i % 2 == 0 { &mut pa } else { &mut pb };
            p.create(ti).unwrap();
            p.field_set(1, 2, text(format!("N{i}"))).unwrap();
            assert!(p.save(ti).unwrap());
            rns.push(p.record_number(ti));
            ids.push(to_text(&p.field_get(1, 1).unwrap()));
            p.unload(ti).unwrap();
        }
        let mut r = rns.clone();
        r.sort_unstable();
        r.dedup();
        assert_eq!(r.len(), 6, "record numbers {rns:?}");
        let mut d = ids.clone();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), 6, "autosequence values {ids:?}");
        assert_eq!(pa.records_in_table(ti).unwrap(), 6);
        assert_eq!(pb.records_in_table(ti).unwrap(), 6);
    });
}

#[test]
fn a_lock_taken_through_one_instance_is_refused_through_the_other() {
    with_db("xlock", |url| {
        let (a, b) = (open(url), open(url));
        let mut pa = ProcessDb::new(Some(a), "Holder");
        let mut pb = ProcessDb::new(Some(b), "Other");
        let ti = pa.ti(1).unwrap();
        pa.create(ti).unwrap();
        pa.field_set(1, 2, text("Acme")).unwrap();
        assert!(pa.save(ti).unwrap()); // A keeps it loaded: locked
        let all = pb.all_records(ti).unwrap();
        pb.set_selection(ti, all).unwrap();
        assert!(pb.locked(ti), "B must see A's lock");
        assert_eq!(
            pb.locked_by(ti).unwrap(),
            (pa.owner.pid as i64, "Holder".to_string())
        );
        pb.field_set(1, 2, text("Changed")).unwrap();
        assert!(
            !pb.save(ti).unwrap(),
            "a record locked elsewhere is not saved"
        );
        assert!(!pb.delete_current(ti).unwrap());
        pa.unload(ti).unwrap();
        pb.load_record(ti).unwrap();
        assert!(!pb.locked(ti));
        assert_eq!(pb.locked_by(ti).unwrap().0, 0);
        // now A waits until B's process ends (drop releases its locks)
        let all = pa.all_records(ti).unwrap();
        pa.set_selection(ti, all).unwrap();
        assert!(pa.locked(ti));
        drop(pb);
        pa.load_record(ti).unwrap();
        assert!(!pa.locked(ti));
    });
}

#[test]
fn a_transaction_is_seen_by_the_other_instance_once_validated() {
    with_db("xtx", |url| {
        let (a, b) = (open(url), open(url));
        let mut pa = ProcessDb::new(Some(a), "A");
        let pb = ProcessDb::new(Some(b), "B");
        let ti = pa.ti(1).unwrap();
        pa.start_transaction();
        pa.create(ti).unwrap();
        pa.field_set(1, 2, text("InTx")).unwrap();
        assert!(pa.save(ti).unwrap());
        assert_eq!(pb.records_in_table(ti).unwrap(), 0);
        pa.validate_transaction().unwrap();
        assert_eq!(pb.records_in_table(ti).unwrap(), 1);
        pa.start_transaction();
        pa.create(ti).unwrap();
        assert!(pa.save(ti).unwrap());
        pa.cancel_transaction();
        assert_eq!(pb.records_in_table(ti).unwrap(), 1);
        assert_eq!(pa.records_in_table(ti).unwrap(), 1);
    });
}

#[test]
fn the_locks_of_a_killed_instance_are_taken_over() {
    with_db("xkill", |url| {
        let dir = std::env::temp_dir().join(format!("fourd-xkill-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(catalog(), dir.join("catalog.4DCatalog")).unwrap();
        std::fs::write(
            dir.join("hold.4dm"),
            "CREATE RECORD([Company])\n[Company]Name:=\"Held\"\nSAVE RECORD([Company])\n\
             LOG EVENT(Into system standard outputs; \"saved\\n\"; Error message)\n\
             DELAY PROCESS(Current process; 60*600)\n",
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
            .arg("run")
            .arg(dir.join("hold.4dm"))
            .arg("--data")
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::BufRead;
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        assert_eq!(lines.next().unwrap().unwrap().trim(), "saved");
        let b = open(url);
        let mut pb = ProcessDb::new(Some(b), "B");
        let ti = pb.ti(1).unwrap();
        let all = pb.all_records(ti).unwrap();
        assert_eq!(all.len(), 1);
        pb.set_selection(ti, all).unwrap();
        assert!(pb.locked(ti), "the running instance holds the record");
        child.kill().unwrap(); // SIGKILL: no cleanup
        child.wait().unwrap();
        // PostgreSQL ends the dead instance's connection: its lock goes with it
        let start = std::time::Instant::now();
        loop {
            pb.load_record(ti).unwrap();
            if !pb.locked(ti) {
                break;
            }
            assert!(
                start.elapsed().as_secs() < 20,
                "the lock of the killed instance was not released"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        pb.field_set(1, 2, text("Taken over")).unwrap();
        assert!(pb.save(ti).unwrap());
        let _ = std::fs::remove_dir_all(&dir);
    });
}

#[test]
fn the_database_refuses_a_duplicate_in_a_unique_field() {
    use fourd::datastore::backend::{is_duplicate, Backend};
    use fourd::datastore::store::Cell;
    with_db("xuniq", |url| {
        let s = Structure::load(&catalog()).unwrap();
        let mut pg = fourd::datastore::pg::Postgres::connect(url).unwrap();
        pg.open_tables(&s).unwrap();
        // [Company]ID is unique: what two instances could save at the same time
        let rec = |id: i64, name: &str| {
            vec![
                Cell::Int(id),
                Cell::Text(name.into()),
                Cell::Text(String::new()),
            ]
        };
        pg.write(0, 0, Some(&rec(1, "One"))).unwrap();
        pg.write(0, 1, Some(&rec(2, "Two"))).unwrap();
        let e = pg.write(0, 2, Some(&rec(1, "Again"))).unwrap_err();
        assert!(is_duplicate(&e), "{e}");
        // checked at commit: a transaction may swap two values
        let (a, b) = (rec(2, "One"), rec(1, "Two"));
        pg.write_all(&[(0, 0, Some(&a)), (0, 1, Some(&b))]).unwrap();
        let (c, d) = (rec(3, "x"), rec(3, "y"));
        let e = pg
            .write_all(&[(0, 0, Some(&c)), (0, 1, Some(&d))])
            .unwrap_err();
        assert!(is_duplicate(&e), "{e}");
        // an instance opened now has those records and refuses the duplicate
        // itself, with 4D's error -9998
        let store = open(url);
        let mut p = ProcessDb::new(Some(store), "P");
        let ti = p.ti(1).unwrap();
        assert_eq!(p.records_in_table(ti).unwrap(), 2);
        p.create(ti).unwrap();
        p.field_set(1, 1, fourd::runtime::value::Value::Real(2.0))
            .unwrap();
        let e = p.save(ti).unwrap_err();
        assert!(format!("{e:?}").contains("-9998"), "{e:?}");
    });
}
