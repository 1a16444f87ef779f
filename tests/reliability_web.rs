//! Issue #9, the web server: a failing request costs that request only, abuse
//! leaves well-behaved clients served, the security rules hold, and the close
//! method runs once and only once per closed session.

mod webutil;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};
use webutil::{count_of, Browser, Server};

const COOKIE: &str = "4DSID_webtest";

/// Sends raw bytes, half-closes, and returns what the server answered (5 s max).
fn raw(addr: SocketAddr, bytes: &[u8]) -> String {
    let mut c = TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = c.write_all(bytes);
    let _ = c.shutdown(std::net::Shutdown::Write);
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(answer: &str) -> u16 {
    answer
        .strip_prefix("HTTP/1.1 ")
        .and_then(|r| r.get(..3))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// A well-behaved client is answered, quickly.
fn served(s: &Server) {
    let t = Instant::now();
    let mut b = Browser::new(COOKIE);
    assert_eq!(b.get(s, "/4DACTION/count").status, 200);
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "slow: {:?}",
        t.elapsed()
    );
}

#[test]
fn panic_or_error_in_a_request_costs_that_request_only() {
    let s = Server::start("", 1.0);
    fourd::web::worker::debug_panic_on("/reliability/panic");
    let (mut a, mut b) = (Browser::new(COOKIE), Browser::new(COOKIE));
    assert_eq!(count_of(&a.get(&s, "/4DACTION/count")).0, 1);
    assert_eq!(count_of(&a.get(&s, "/4DACTION/count")).0, 2);
    let (n, id_b) = count_of(&b.get(&s, "/4DACTION/count"));
    assert_eq!(n, 1);
    // a panic on the web thread while A's request runs: 500 for it
    let r = a.get(&s, "/reliability/panic");
    assert_eq!(r.status, 500);
    // a runtime error in 4D code: 500 too
    assert_eq!(a.get(&s, "/boom").status, 500);
    assert_eq!(b.get(&s, "/boom").status, 500);
    // the server, both sessions and their process variables are still there
    assert_eq!(count_of(&a.get(&s, "/4DACTION/count")).0, 3);
    assert_eq!(count_of(&b.get(&s, "/4DACTION/count")), (2, id_b));
    // many panics in a row do not wear anything out
    for _ in 0..20 {
        assert_eq!(a.get(&s, "/reliability/panic").status, 500);
    }
    assert_eq!(count_of(&a.get(&s, "/4DACTION/count")).0, 4);
    served(&s);
    fourd::web::worker::debug_panic_on("");
}

#[test]
fn malformed_oversized_and_interrupted_requests() {
    let s = Server::start("WEB SET OPTION(Web maximum requests size; 500000)\n", 1.0);
    // malformed request lines and headers: 400 (or the connection closed)
    for bad in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n",
        b"GET /\x01\x02 HTTP/1.1\r\n\r\n",
        b"\xff\xfe\xfd\r\n\r\n",
        b"GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ] {
        let out = raw(s.addr, bad);
        let st = status_of(&out);
        assert!(out.is_empty() || st == 400, "{:?} -> {:?}", bad, out);
    }
    served(&s);
    // oversized header: refused (431), never buffered without bound
    let mut big = b"GET / HTTP/1.1\r\nX-Big: ".to_vec();
    big.extend(std::iter::repeat_n(b'a', 200_000));
    big.extend(b"\r\n\r\n");
    let out = raw(s.addr, &big);
    assert!(out.is_empty() || status_of(&out) == 431, "{:.80}", out);
    // body over `Web maximum requests size`: 413, declared or chunked
    let body = vec![b'x'; 600_000];
    let mut b = Browser::new(COOKIE);
    let r = b.request(&s, "POST", "/4DACTION/echo", &[], &body);
    assert_eq!(r.status, 413);
    let mut chunked = b"POST /4DACTION/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for _ in 0..7 {
        chunked.extend(b"186a0\r\n");
        chunked.extend(std::iter::repeat_n(b'y', 100_000));
        chunked.extend(b"\r\n");
    }
    chunked.extend(b"0\r\n\r\n");
    assert_eq!(status_of(&raw(s.addr, &chunked)), 413);
    // a body just under the limit is fine
    let r = b.request(&s, "POST", "/4DACTION/echo", &[], &vec![b'z'; 400_000]);
    assert_eq!(r.status, 200);
    // clients that go away mid-request: after part of the headers, and after
    // part of a declared body
    for part in [
        &b"GET /4DACTION/count HTTP/1.1\r\nHost: x\r\nX-A"[..],
        b"POST /4DACTION/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly this",
    ] {
        for _ in 0..20 {
            let mut c = TcpStream::connect(s.addr).unwrap();
            let _ = c.write_all(part);
            drop(c);
        }
    }
    served(&s);
}

/// Found by the `http` fuzz target: a client that half-closes its connection right
/// after its request (`shutdown(Write)`, as `nc -q` does) got no answer from 4D code.
#[test]
fn half_closed_clients_get_their_answer() {
    let s = Server::start("", 1.0);
    for _ in 0..20 {
        let out = raw(s.addr, b"GET /4DACTION/count HTTP/1.1\r\nHost: x\r\n\r\n");
        assert_eq!(status_of(&out), 200, "{:?}", out);
    }
}

#[test]
fn slow_clients_do_not_hold_up_the_others() {
    let s = Server::start("", 1.0);
    // 50 slowloris connections trickling their headers
    let mut slow: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut c = TcpStream::connect(s.addr).unwrap();
            c.write_all(b"GET /4DACTION/count HTTP/1.1\r\n").unwrap();
            c
        })
        .collect();
    let mut worst = Duration::ZERO;
    for round in 0..10 {
        for c in &mut slow {
            let _ = c.write_all(format!("X-Slow-{}: 1\r\n", round).as_bytes());
        }
        let t = Instant::now();
        served(&s);
        worst = worst.max(t.elapsed());
        std::thread::sleep(Duration::from_millis(30));
    }
    eprintln!("slow clients: worst good-client latency {:?}", worst);
    // a slow client that completes is answered too
    let c = &mut slow[0];
    c.write_all(b"Connection: close\r\n\r\n").unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut out = String::new();
    let _ = c.read_to_string(&mut out);
    assert_eq!(status_of(&out), 200, "{}", out);
}

/// Idle connections on a `fourd serve` child process (its own file descriptors),
/// a good client served meanwhile: 2,000 by default (the debug server accepts a
/// few hundred a second on a loaded machine), `FOURD_IDLE_CONNECTIONS=10000` for
/// the full figure of issue #9. Fewer when this process may not open that many
/// descriptors. (Connections that send nothing are closed by the server after
/// its 30 s header-read timeout.)
#[test]
fn many_idle_connections() {
    use std::io::BufRead;
    let dir = webutil::temp_copy("tests/web/app");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(["serve", "--port", "0", "--listen", "127.0.0.1"])
        .arg(&dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    // kept open until the end: the server must not write to a closed pipe
    let mut server_out = std::io::BufReader::new(child.stdout.take().unwrap());
    server_out.read_line(&mut line).unwrap();
    let addr: SocketAddr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {:?}", line));
    let limit = fd_limit();
    let wanted: usize = std::env::var("FOURD_IDLE_CONNECTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let want = wanted.min(limit.saturating_sub(200));
    let t = Instant::now();
    let mut idle = Vec::with_capacity(want);
    for _ in 0..want {
        match TcpStream::connect(addr) {
            Ok(c) => idle.push(c),
            Err(_) => break,
        }
    }
    let opened = t.elapsed();
    let get = |path: &str| {
        raw(
            addr,
            format!(
                "GET {} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                path
            )
            .as_bytes(),
        )
    };
    let t = Instant::now();
    let out = get("/4DACTION/count");
    let latency = t.elapsed();
    eprintln!(
        "idle connections: {} opened in {:?} (fd limit {}); good request in {:?}",
        idle.len(),
        opened,
        limit,
        latency
    );
    assert_eq!(status_of(&out), 200, "{}", out);
    assert!(
        idle.len() >= want.min(1000),
        "only {} connections",
        idle.len()
    );
    // the idle ones are still open and usable
    let c = idle.last_mut().unwrap();
    c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut out = String::new();
    let _ = c.read_to_string(&mut out);
    assert_eq!(status_of(&out), 200);
    drop(idle);
    assert_eq!(status_of(&get("/")), 200);
    let _ = child.kill();
    let _ = child.wait();
    drop(server_out);
    let _ = std::fs::remove_dir_all(&dir);
}

fn fd_limit() -> usize {
    // raise the soft limit to the hard one when allowed
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) != 0 {
            return 1024;
        }
        if r.rlim_cur < r.rlim_max {
            let mut up = r;
            up.rlim_cur = r.rlim_max;
            if libc::setrlimit(libc::RLIMIT_NOFILE, &up) == 0 {
                r = up;
            }
        }
    }
    r.rlim_cur as usize
}

#[test]
fn session_ids_are_random_unique_and_never_reused() {
    let s = Server::start("", 1.0);
    let mut seen = std::collections::HashSet::new();
    for _ in 0..100 {
        let mut b = Browser::new(COOKIE);
        let (_, id) = count_of(&b.get(&s, "/4DACTION/count"));
        assert_eq!(id.len(), 32);
        assert!(id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
        assert!(seen.insert(id), "an id came twice");
    }
    // v4 UUIDs: version nibble 4, variant 8..b; otherwise spread (not a counter)
    for id in &seen {
        assert_eq!(&id[12..13], "4");
        assert!("89AB".contains(&id[16..17]));
    }
    let prefixes: std::collections::HashSet<_> = seen.iter().map(|i| &i[..4]).collect();
    assert!(prefixes.len() > 90, "ids look sequential");
    // a closed session's id opens a new session with a new id
    let mut b = Browser::new(COOKIE);
    let (_, old) = count_of(&b.get(&s, "/4DACTION/count"));
    assert_eq!(b.get(&s, "/4DACTION/closeme").status, 200);
    b.cookie = Some(old.clone());
    let (n, new) = count_of(&b.get(&s, "/4DACTION/count"));
    assert_eq!(n, 1);
    assert_ne!(new, old);
    // a forged id is not adopted either
    b.cookie = Some("0".repeat(32));
    let (_, id) = count_of(&b.get(&s, "/4DACTION/count"));
    assert_ne!(id, "0".repeat(32));
}

#[test]
fn cookie_attributes_and_ip_validation() {
    let s = Server::start("", 1.0);
    let mut b = Browser::new(COOKIE);
    let r = b.get(&s, "/4DACTION/count");
    let c = r.headers_named("set-cookie").join("\n");
    assert!(c.contains("; HttpOnly"), "{}", c);
    assert!(c.contains("; SameSite=Strict"), "{}", c);
    assert!(!c.contains("Secure"), "plain HTTP: no Secure ({})", c);
    // the cookie from another address: 400, the session is untouched
    let mut thief = Browser::new(COOKIE);
    thief.cookie = b.cookie.clone();
    thief.local = Some("127.0.0.2".parse().unwrap());
    assert_eq!(thief.get(&s, "/4DACTION/count").status, 400);
    assert_eq!(count_of(&b.get(&s, "/4DACTION/count")).0, 2);
}

#[test]
fn static_files_never_leave_the_web_folder() {
    let s = Server::start("", 1.0);
    let web = s.dir.join("WebFolder");
    // symbolic links inside WebFolder pointing outside it
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(s.dir.join("secret.txt"), web.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(&s.dir, web.join("up")).unwrap();
    }
    for p in [
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/sub/..%2f..%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/..%5csecret.txt",
        "/.%2e/secret.txt",
        "/link.txt",
        "/up/secret.txt",
        "/up/Project/Sources/Methods/count.4dm",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
    ] {
        let out = raw(
            s.addr,
            format!("GET {} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", p).as_bytes(),
        );
        assert!(!out.contains("secret\n"), "{} served the secret", p);
        assert!(!out.contains("publishedWeb"), "{} served a method", p);
        assert!(!out.contains("root:"), "{} served /etc/passwd", p);
    }
    // a genuine file still is served
    assert!(raw(
        s.addr,
        b"GET /sub/style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .starts_with("HTTP/1.1 200"));
}

#[test]
fn only_published_methods_run_from_4daction() {
    let s = Server::start("", 1.0);
    let mut b = Browser::new(COOKIE);
    for p in [
        "/4DACTION/hidden",
        "/4DACTION/HIDDEN",
        "/4daction/hidden/x",
        "/4DACTION/%68idden",
        "/4DACTION/hidden%00",
        "/4DACTION/On%20Web%20Connection",
        "/4DACTION/onWebSessionSuspend",
        "/4DACTION/",
    ] {
        let r = b.get(&s, p);
        assert_eq!(r.status, 404, "{}", p);
        assert!(!r.text().contains("should not run"), "{}", p);
    }
    assert_eq!(b.get(&s, "/4DACTION/count").status, 200);
}

/// The close method appends `id;` to a file: each session closed must be there
/// exactly once, whichever way it was closed.
fn close_log_project(log: &std::path::Path) -> String {
    format!(
        "var vCount : Integer\nvar $t : Text\n$t:=\"\"\nIf (Test path name(\"{p}\")=Is a document)\n\t$t:=Document to text(\"{p}\")\nEnd if\nTEXT TO DOCUMENT(\"{p}\"; $t+WEB Get current session ID+\";\")\n",
        p = log.display()
    )
}

fn closes(log: &std::path::Path) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for id in std::fs::read_to_string(log).unwrap_or_default().split(';') {
        if !id.is_empty() {
            *m.entry(id.to_string()).or_insert(0) += 1;
        }
    }
    m
}

#[test]
fn close_method_runs_once_per_session_by_limit_command_and_stop() {
    let log = std::env::temp_dir().join(format!("fourd-rel-close-{}.txt", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let suspend = close_log_project(&log);
    let mut s = Server::start_with(
        &[
            (
                "Project/Sources/DatabaseMethods/onStartup.4dm",
                "WEB SET OPTION(Web max sessions; 2)\n",
            ),
            (
                "Project/Sources/DatabaseMethods/onWebSessionSuspend.4dm",
                &suspend,
            ),
        ],
        1.0,
    );
    let id = |b: &mut Browser| count_of(&b.get(&s, "/4DACTION/count")).1;
    let (mut a, mut b, mut c) = (
        Browser::new(COOKIE),
        Browser::new(COOKIE),
        Browser::new(COOKIE),
    );
    let ia = id(&mut a);
    let ib = id(&mut b);
    // by command, from the session itself (twice: the second is a new session)
    assert_eq!(b.get(&s, "/4DACTION/closeme").status, 200);
    let ib2 = id(&mut b);
    // by limit: a third session evicts the least recently active (a)
    let ic = id(&mut c);
    // by command, for another session, and again for the same (now unknown) id
    assert_eq!(
        a.get(&s, &format!("/4DACTION/closeother/{}", ic)).status,
        200
    );
    let ia2 = a.cookie.clone().unwrap();
    assert_eq!(
        a.get(&s, &format!("/4DACTION/closeother/{}", ic)).status,
        200
    );
    // by server stop: the rest
    s.stop();
    let m = closes(&log);
    let _ = std::fs::remove_file(&log);
    let mut expected: Vec<&String> = vec![&ia, &ib, &ib2, &ic, &ia2];
    expected.sort();
    expected.dedup();
    let mut got: Vec<&String> = m.keys().collect();
    got.sort();
    assert_eq!(got, expected, "sessions closed: {:?}", m);
    assert!(
        m.values().all(|&n| n == 1),
        "a session closed twice: {:?}",
        m
    );
}

#[test]
fn close_method_runs_once_per_session_by_timeout() {
    let log = std::env::temp_dir().join(format!("fourd-rel-timeout-{}.txt", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let suspend = close_log_project(&log);
    // 1 minute of inactivity, the clock 600 times faster: 100 ms
    let mut s = Server::start_with(
        &[
            (
                "Project/Sources/DatabaseMethods/onStartup.4dm",
                "WEB SET OPTION(Web inactive process timeout; 1)\n",
            ),
            (
                "Project/Sources/DatabaseMethods/onWebSessionSuspend.4dm",
                &suspend,
            ),
        ],
        600.0,
    );
    let mut ids = Vec::new();
    for _ in 0..3 {
        let mut b = Browser::new(COOKIE);
        ids.push(count_of(&b.get(&s, "/4DACTION/count")).1);
    }
    let t = Instant::now();
    while closes(&log).len() < 3 && t.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    s.stop();
    let m = closes(&log);
    let _ = std::fs::remove_file(&log);
    ids.sort();
    let mut got: Vec<String> = m.keys().cloned().collect();
    got.sort();
    assert_eq!(got, ids);
    assert!(m.values().all(|&n| n == 1), "{:?}", m);
}
