//! A server that survives its application: a runtime error in `On Startup` is reported
//! and the server serves all the same (4D reports the error and goes on); methods with
//! syntax errors fail only when reached (error 50), the rest of the project is served.

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

#[test]
fn a_project_with_broken_methods_still_serves() {
    let published = "//%attributes = {\"publishedWeb\":true}\n";
    let broken = format!("{published}If (True)\n  WEB SEND TEXT(\"never\")\n");
    let caller = format!(
        "{published}Try\n  bad_helper\nCatch\n  WEB SEND TEXT(\"caught \"+String(Last errors[0].errCode))\nEnd try\n"
    );
    let s = Server::start_with(
        &[
            ("Project/Sources/Methods/broken_page.4dm", broken.as_str()),
            ("Project/Sources/Methods/bad_helper.4dm", "End if\n$x:=1+\n"),
            ("Project/Sources/Methods/calls_bad.4dm", caller.as_str()),
        ],
        1.0,
    );
    let mut b = Browser::new("4DSID_webtest");
    let r = b.get(&s, "/4DACTION/count");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().starts_with("1 "), "{}", r.text());
    // the broken method fails when reached (error 50), the server goes on
    let r = b.get(&s, "/4DACTION/broken_page");
    assert_eq!(r.status, 500, "{}", r.text());
    assert!(!r.text().contains("never"), "{}", r.text());
    let r = b.get(&s, "/4DACTION/calls_bad");
    assert_eq!((r.status, r.text()), (200, "caught 50".to_string()));
    let r = b.get(&s, "/4DACTION/count");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().starts_with("2 "), "{}", r.text());
}
