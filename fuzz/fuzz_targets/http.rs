//! The HTTP request path. The first byte chooses:
//! - even: the rest is sent as raw bytes to a real server (the fixture project of
//!   `tests/web/app`, copied to a temporary folder, on a loopback port), then the
//!   connection is half-closed and the answer read (2 s at most). A panic on any
//!   thread aborts (libFuzzer's panic hook), so server bugs are findings; the
//!   server must also still answer a well-formed request afterwards.
//! - odd: the pure functions of the path — URL and form decoding, cookie and
//!   header parsing of `HttpRequest`, the static-file resolver (never outside the
//!   web folder) — and a sequence of session-table operations checked against
//!   its invariants (every session opened is closed exactly once, limits hold).
#![no_main]

use fourd::web::sessions::{Limits, SessionTable};
use fourd::web::HttpRequest;
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let (p, t) = (e.path(), to.join(e.file_name()));
        if p.is_dir() {
            copy_dir(&p, &t);
        } else {
            std::fs::copy(&p, &t).unwrap();
        }
    }
}

fn project() -> &'static PathBuf {
    static P: OnceLock<PathBuf> = OnceLock::new();
    P.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("fourd-fuzz-http-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/web/app"),
            &dir,
        );
        // a small session limit, so that eviction runs too
        std::fs::write(
            dir.join("Project/Sources/DatabaseMethods/onStartup.4dm"),
            "WEB SET OPTION(Web max sessions; 5)\n",
        )
        .unwrap();
        std::fs::write(dir.join("secret.txt"), "secret\n").unwrap();
        dir
    })
}

fn server() -> SocketAddr {
    static A: OnceLock<SocketAddr> = OnceLock::new();
    *A.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel();
        let opts = fourd::web::serve::ServeOptions {
            dir: project().clone(),
            port: Some(0),
            clock_scale: 1.0,
            listen: Some("127.0.0.1".into()),
            request_time_limit: None,
            ..Default::default()
        };
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                fourd::web::serve::serve(
                    &opts,
                    move |addr, _rt| tx.send(addr).unwrap(),
                    || loop {
                        std::thread::park();
                    },
                )
            })
            .unwrap();
        rx.recv().unwrap()
    })
}

fn exchange(addr: SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let _ = s.write_all(bytes);
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

fn pure(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = fourd::web::url_decode(&text);
    let _ = fourd::web::path_decode(&text);
    let _ = fourd::web::parse_form(&text);
    // a request built from the text: headers split at line breaks
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or("");
    let headers: Vec<(String, String)> = lines
        .map(|l| match l.split_once(':') {
            Some((k, v)) => (k.to_string(), v.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect();
    let req = HttpRequest {
        method: "GET".into(),
        url: first.to_string(),
        version: "HTTP/1.1".into(),
        headers,
        body: data.to_vec(),
        ..Default::default()
    };
    let _ = (req.path(), req.query(), req.cookie("4DSID_x"), req.header("cookie"));
    let _ = (req.header_and_body(), req.header_text());
    // static files: whatever the path, never a file outside WebFolder
    let root = project().join("WebFolder").canonicalize().unwrap();
    if let Some(f) = fourd::web::server::static_file(&root, first) {
        assert!(f.starts_with(&root), "{:?} served {:?}", first, f);
    }
    sessions(data);
}

/// Session-table operations, one per byte; the invariants of WEB-SESSIONS.md.
fn sessions(data: &[u8]) {
    let limits = Limits {
        max_sessions: 1 + (data.first().copied().unwrap_or(0) % 4) as usize,
        process_timeout_ms: 50,
        session_timeout_ms: 80,
        ip_validation: data.get(1).is_some_and(|b| b & 1 == 1),
    };
    let mut t: SessionTable<u32> = SessionTable::new();
    let mut opened: HashSet<String> = HashSet::new();
    let mut closed: HashSet<String> = HashSet::new();
    let mut busy: Vec<String> = Vec::new();
    let mut now = 0i64;
    let close = |id: String, closed: &mut HashSet<String>| {
        assert!(closed.insert(id.clone()), "session {} closed twice", id);
    };
    for &b in data.iter().skip(2) {
        now += (b >> 4) as i64 * 7;
        let ids = t.ids();
        let pick = |n: u8| ids.get(n as usize % ids.len().max(1)).cloned();
        match b & 7 {
            0 | 1 => {
                // a request: with a live cookie, a closed one, or none
                let cookie = match b & 8 {
                    0 => pick(b >> 4),
                    _ => closed.iter().next().cloned(),
                };
                // the web thread runs a session's requests one at a time
                if cookie.as_ref().is_some_and(|c| busy.contains(c)) {
                    continue;
                }
                let ip = if b & 1 == 1 { "::1" } else { "::2" };
                if let Ok(begun) = t.begin(cookie.as_deref(), ip, now, &limits, || 0) {
                    for s in begun.closed {
                        assert!(!busy.contains(&s.id), "a busy session was closed");
                        close(s.id, &mut closed);
                    }
                    if !begun.id.is_empty() {
                        if begun.is_new {
                            assert!(opened.insert(begun.id.clone()), "id reused");
                            assert!(!closed.contains(&begun.id), "closed id reused");
                        }
                        busy.push(begun.id);
                    }
                }
            }
            2 | 3 => {
                if !busy.is_empty() {
                    let id = busy.remove((b >> 4) as usize % busy.len());
                    t.end(&id, now);
                }
            }
            4 => {
                for s in t.take_idle(now, &limits) {
                    assert!(!busy.contains(&s.id), "a busy session timed out");
                    close(s.id, &mut closed);
                }
            }
            5 => {
                if let Some(id) = pick(b >> 4) {
                    if !busy.contains(&id) {
                        if let Some(s) = t.remove(&id) {
                            close(s.id, &mut closed);
                        }
                    }
                }
            }
            6 => {
                let _ = t.next_deadline(&limits);
                if let Some(id) = pick(b >> 4) {
                    let _ = t.expiration(&id, &limits);
                }
            }
            _ => {}
        }
        assert!(t.len() <= limits.max_sessions.max(busy.len()));
    }
    for s in t.take_all() {
        close(s.id, &mut closed);
    }
    assert_eq!(opened, closed, "every session opened is closed once");
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 1 {
        pure(rest);
        return;
    }
    let addr = server();
    let _ = exchange(addr, rest);
    // every 64th input: the server still answers a good request
    if mode % 128 == 0 {
        let r = exchange(addr, b"GET /4DACTION/count HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert!(
            r.starts_with(b"HTTP/1.1 "),
            "server stopped answering: {:?}",
            String::from_utf8_lossy(&r)
        );
    }
});
