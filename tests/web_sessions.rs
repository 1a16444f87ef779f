//! Legacy web sessions end to end: `fourd serve`'s sequence on a loopback port,
//! driven by a real HTTP client with cookies.

mod webutil;

use std::time::{Duration, Instant};
use webutil::{count_of, Browser, Server};

const COOKIE: &str = "4DSID_webtest";

#[test]
fn session_reuse_and_cookie_attributes() {
    let s = Server::start("", 1.0);
    let mut b = Browser::new(COOKIE);
    let r1 = b.get(&s, "/4DACTION/count");
    assert_eq!(r1.status, 200);
    let (n1, id1) = count_of(&r1);
    assert_eq!(n1, 1);
    assert_eq!(id1.len(), 32);
    assert!(id1
        .chars()
        .all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)));
    let sc = r1.headers_named("set-cookie");
    assert_eq!(sc.len(), 1);
    let c = sc[0];
    assert!(c.starts_with(&format!("{}={}", COOKIE, id1)), "{}", c);
    for attr in [
        "; Path=/",
        "; HttpOnly",
        "; SameSite=Strict",
        "; Expires=",
        "; Max-Age=28800",
    ] {
        assert!(c.contains(attr), "{} lacks {}", c, attr);
    }
    assert!(!c.contains("Secure") && !c.contains("Domain"), "{}", c);
    let r2 = b.get(&s, "/4DACTION/count");
    assert_eq!(count_of(&r2), (2, id1.clone()));
    // each request refreshes the cookie
    assert_eq!(r2.headers_named("set-cookie").len(), 1);
    // another client: another session with its own variables
    let mut other = Browser::new(COOKIE);
    let (n, id2) = count_of(&other.get(&s, "/4DACTION/count"));
    assert_eq!(n, 1);
    assert_ne!(id2, id1);
    // the session's expiry: now + 480 minutes (this year or the next)
    let t = b.get(&s, &format!("/4DACTION/exp/{}", id1)).text();
    let year: i32 = t.split(' ').next().unwrap().parse().unwrap();
    assert!(year >= 2024, "{}", t);
    assert_eq!(b.get(&s, "/4DACTION/exp/NOSUCHSESSION").text(), "0 0");
}

#[test]
fn cookie_name_path_and_domain_options() {
    let s = Server::start(
        "WEB SET OPTION(Web session cookie name; \"MYSID\")\n\
         WEB SET OPTION(Web session cookie path; \"/4DACTION\")\n\
         WEB SET OPTION(Web session cookie domain; \"example.test\")\n\
         WEB SET OPTION(Web inactive session timeout; 60)\n",
        1.0,
    );
    let mut b = Browser::new("MYSID");
    let r = b.get(&s, "/4DACTION/count");
    let c = r.headers_named("set-cookie")[0].to_string();
    assert!(c.starts_with("MYSID="), "{}", c);
    assert!(
        c.contains("; Path=/4DACTION") && c.contains("; Domain=example.test"),
        "{}",
        c
    );
    assert!(c.contains("; Max-Age=3600"), "{}", c);
    assert_eq!(count_of(&b.get(&s, "/4DACTION/count")).0, 2);
}

#[test]
fn eviction_of_the_oldest_inactive_session() {
    let s = Server::start("WEB SET OPTION(Web max sessions; 3)\n", 1.0);
    let mut b: Vec<Browser> = (0..4).map(|_| Browser::new(COOKIE)).collect();
    for (i, br) in b.iter_mut().take(3).enumerate() {
        br.get(&s, &format!("/4DACTION/setname/n{}", i));
    }
    let ids: Vec<String> = (0..3)
        .map(|i| count_of(&b[i].get(&s, "/4DACTION/count")).1)
        .collect();
    // session 0 becomes the most recent: session 1 is now the oldest inactive
    assert_eq!(count_of(&b[0].get(&s, "/4DACTION/count")).0, 2);
    let r = b[3].get(&s, "/4DACTION/log");
    assert_eq!(r.text(), format!("{}:1:n1;", ids[1]));
    // the evicted client comes back: a new session with fresh variables
    let (n, id) = count_of(&b[1].get(&s, "/4DACTION/count"));
    assert_eq!(n, 1);
    assert_ne!(id, ids[1]);
    // sessions 0 kept its process
    assert_eq!(
        count_of(&b[0].get(&s, "/4DACTION/count")),
        (3, ids[0].clone())
    );
}

#[test]
fn idle_process_timeout_closes_without_a_request() {
    // 1 minute timeout, clock 600 times faster: 100 ms of real time
    let mut s = Server::start("WEB SET OPTION(Web inactive process timeout; 1)\n", 600.0);
    let mut a = Browser::new(COOKIE);
    a.get(&s, "/4DACTION/setname/idle");
    let id = count_of(&a.get(&s, "/4DACTION/count")).1;
    // no request at all while we wait: the server closes the session by itself
    let rt = s.rt.clone();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut closed = false;
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        let (tx, rx) = std::sync::mpsc::channel();
        assert!(fourd::web::server::send(
            &rt,
            fourd::web::worker::Job::Expiration(id.clone(), tx)
        ));
        if rx.recv_timeout(Duration::from_secs(5)).unwrap().is_none() {
            closed = true;
            break;
        }
    }
    assert!(closed, "the idle session was not closed");
    let mut probe = Browser::new(COOKIE);
    assert!(probe
        .get(&s, "/4DACTION/log")
        .text()
        .contains(&format!("{}:1:idle;", id)));
    // the old cookie now gets a new session with fresh variables
    let (n, id2) = count_of(&a.get(&s, "/4DACTION/count"));
    assert_eq!(n, 1);
    assert_ne!(id2, id);
    assert_eq!(s.stop(), 0);
}

#[test]
fn close_from_the_session_itself() {
    let s = Server::start("", 1.0);
    let mut a = Browser::new(COOKIE);
    a.get(&s, "/4DACTION/setname/ada");
    let (_, id) = count_of(&a.get(&s, "/4DACTION/count"));
    a.get(&s, "/4DACTION/count");
    let r = a.get(&s, "/4DACTION/closeme");
    // the rest of the request still saw the variables
    assert_eq!(r.text(), "bye 2 ada");
    let sc = r.headers_named("set-cookie")[0].to_string();
    assert!(
        sc.contains("Max-Age=0") && sc.contains("Expires=Thu, 01 Jan 1970"),
        "{}",
        sc
    );
    // the close method ran once, in the session's process, with its id
    let mut probe = Browser::new(COOKIE);
    assert_eq!(
        probe.get(&s, "/4DACTION/log").text(),
        format!("{}:2:ada;", id)
    );
    // a stale cookie gets a new session with fresh variables and a new cookie
    let mut stale = Browser::new(COOKIE);
    stale.cookie = Some(id.clone());
    let r = stale.get(&s, "/4DACTION/count");
    let (n, id2) = count_of(&r);
    assert_eq!(n, 1);
    assert_ne!(id2, id);
    assert!(r.headers_named("set-cookie")[0].contains(&id2));
    // the close method is not run again
    assert_eq!(
        probe.get(&s, "/4DACTION/log").text(),
        format!("{}:2:ada;", id)
    );
}

#[test]
fn close_from_another_process_and_unknown_id() {
    let s = Server::start("", 1.0);
    let mut a = Browser::new(COOKIE);
    let mut b = Browser::new(COOKIE);
    a.get(&s, "/4DACTION/setname/alice");
    let (_, ida) = count_of(&a.get(&s, "/4DACTION/count"));
    // unknown id: nothing happens, no error
    let r = b.get(&s, "/4DACTION/closeother/0123456789ABCDEF0123456789ABCDEF");
    assert_eq!((r.status, r.text()), (200, String::new()));
    // B closes A: synchronous, the log is already written in B's answer
    let r = b.get(&s, &format!("/4DACTION/closeother/{}", ida));
    assert_eq!(r.text(), format!("{}:1:alice;", ida));
    let (n, id2) = count_of(&a.get(&s, "/4DACTION/count"));
    assert_eq!(n, 1);
    assert_ne!(id2, ida);
    // from a non-web process (the close job the commands send from outside)
    a.get(&s, "/4DACTION/setname/again");
    let (tx, rx) = std::sync::mpsc::channel();
    assert!(fourd::web::server::send(
        &s.rt,
        fourd::web::worker::Job::Close(id2.clone(), Some(tx))
    ));
    rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(b
        .get(&s, "/4DACTION/log")
        .text()
        .ends_with(&format!("{}:1:again;", id2)));
}

#[test]
fn server_stop_closes_every_session() {
    let mut s = Server::start("", 1.0);
    let mut a = Browser::new(COOKIE);
    let (_, id) = count_of(&a.get(&s, "/4DACTION/count"));
    // On Exit runs after the server stopped: write the log where the test can read it
    std::fs::write(
        s.dir.join("Project/Sources/DatabaseMethods/onExit.4dm"),
        "// nothing\n",
    )
    .unwrap();
    let rt = s.rt.clone();
    assert!(rt.is_running());
    assert_eq!(s.stop(), 0);
    assert!(!rt.is_running());
    let _ = id;
}

#[test]
fn scalable_mode_ignores_close_and_never_calls_the_method() {
    let s = Server::start("WEB SET OPTION(Web scalable session; 1)\n", 1.0);
    let mut a = Browser::new(COOKIE);
    let r = a.get(&s, "/4DACTION/count");
    assert_eq!(r.text(), "1 ");
    assert!(r.headers_named("set-cookie").is_empty());
    let r = a.get(&s, "/4DACTION/closeme");
    assert_eq!(r.text(), "bye 0 ");
    assert!(r.headers_named("set-cookie").is_empty());
    assert_eq!(a.get(&s, "/4DACTION/log").text(), "");
}

#[test]
fn ip_address_validation() {
    let s = Server::start("", 1.0);
    let mut a = Browser::new(COOKIE);
    let (_, id) = count_of(&a.get(&s, "/4DACTION/count"));
    // the same cookie from another loopback address
    let mut thief = Browser::new(COOKIE);
    thief.cookie = Some(id.clone());
    thief.local = Some("127.0.0.2".parse().unwrap());
    let r = thief.get(&s, "/4DACTION/count");
    assert_eq!(r.status, 400);
    // the owner is unaffected
    assert_eq!(count_of(&a.get(&s, "/4DACTION/count")), (2, id));
}

#[test]
fn ip_address_validation_disabled() {
    let s = Server::start(
        "WEB SET OPTION(Web session enable IP address validation; 0)\n",
        1.0,
    );
    let mut a = Browser::new(COOKIE);
    let (_, id) = count_of(&a.get(&s, "/4DACTION/count"));
    a.local = Some("127.0.0.3".parse().unwrap());
    assert_eq!(count_of(&a.get(&s, "/4DACTION/count")), (2, id));
}

#[test]
fn service_unavailable_past_the_concurrent_process_limit() {
    let s = Server::start("WEB SET OPTION(Web max concurrent processes; 10)\n", 1.0);
    // a listener of ours holds the requests' 4D code (each waits in HTTP Get,
    // letting the others run) until we answer them
    let gate = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let gport = gate.local_addr().unwrap().port();
    let addr = s.addr;
    // 9 requests in flight = limit - 1
    let held: Vec<_> = (0..9)
        .map(|_| {
            std::thread::spawn(move || {
                fourd::web::client::once(
                    "GET",
                    &format!("http://{}/4DACTION/gate/{}", addr, gport),
                    &[],
                    b"",
                    &webutil::opts(),
                    None,
                )
                .unwrap()
            })
        })
        .collect();
    let conns: Vec<_> = (0..9).map(|_| gate.accept().unwrap().0).collect();
    let mut c = Browser::new(COOKIE);
    let r = c.get(&s, "/4DACTION/count");
    assert_eq!(r.status, 503);
    // static files need no process
    assert_eq!(c.get(&s, "/").status, 200);
    // release the gate
    use std::io::{Read, Write};
    for mut conn in conns {
        let mut buf = [0u8; 1024];
        let _ = conn.read(&mut buf);
        conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nopen")
            .unwrap();
    }
    for h in held {
        assert_eq!(h.join().unwrap().text(), "gate open");
    }
    assert_eq!(c.get(&s, "/4DACTION/count").status, 200);
}
