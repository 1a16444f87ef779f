//! A server that survives its application: a runtime error in `On Startup` is reported
//! and the server serves all the same (4D reports the error and goes on).

mod webutil;

use webutil::{Browser, Server};

#[test]
fn runtime_error_in_on_startup_is_reported_and_serving_goes_on() {
    let s = Server::start(
        "<>before:=\"set\"\nvar $o : Object\n$o.x.y:=1\n<>after:=\"never\"\n",
        1.0,
    );
    let mut b = Browser::new("4DSID_webtest");
    let r = b.get(&s, "/4DACTION/count");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().starts_with("1 "), "{}", r.text());
    assert_eq!(b.get(&s, "/").status, 200);
}
