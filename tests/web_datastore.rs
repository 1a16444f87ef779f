//! Legacy web sessions and the datastore: each session has its own current
//! records, selections and locks; closing a session runs its close method with
//! them still valid, then clears its selections and releases its locks.

mod webutil;

use webutil::{Browser, Server};

const COOKIE: &str = "4DSID_dbapp";

#[test]
fn closing_a_session_releases_its_locks_after_the_close_method() {
    let s = Server::start_fixture("tests/web/dbapp", "", 1.0);
    let mut a = Browser::new(COOKIE);
    let mut b = Browser::new(COOKIE);
    // The record created by On Startup is seen by the web processes.
    assert_eq!(a.get(&s, "/4DACTION/lock").text(), "1 False");
    // Another session sees it locked while the first one holds it.
    assert_eq!(b.get(&s, "/4DACTION/check").text(), "True");
    assert_eq!(b.get(&s, "/4DACTION/check").text(), "True");
    // Closing the first session releases the record...
    assert_eq!(a.get(&s, "/4DACTION/logout").text(), "bye");
    assert_eq!(b.get(&s, "/4DACTION/check").text(), "False");
    // ...after its close method ran with its selection and current record.
    assert_eq!(b.get(&s, "/4DACTION/report").text(), "1 Acme");
}
