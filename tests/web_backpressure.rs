//! Backpressure: a 200 MB file is streamed (not read whole) to 20 clients that read
//! slowly, the process staying under 200 MB of resident memory; 1,000 connections
//! whose request body stops arriving are timed out (408, connection closed) while a
//! good request is served. Loopback only, bounded loops.

mod webutil;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use webutil::{Browser, Server};

fn rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .map_or(0.0, |k| k / 1024.0)
}

const BIG: u64 = 200 * 1024 * 1024;

fn get_raw(addr: std::net::SocketAddr, path: &str) -> TcpStream {
    let mut c = TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(c, "GET {} HTTP/1.1\r\nHost: x\r\n\r\n", path).unwrap();
    c
}

#[test]
fn big_answers_are_streamed_to_slow_readers() {
    let s = Server::start_with(
        &[(
            "Project/Sources/Methods/bigfile.4dm",
            "//%attributes = {\"publishedWeb\":true}\nWEB SEND FILE(\"/big.bin\")\n",
        )],
        1.0,
    );
    // a 200 MB file (sparse: no disk space used)
    let f = std::fs::File::create(s.dir.join("WebFolder/big.bin")).unwrap();
    f.set_len(BIG).unwrap();
    drop(f);
    let before = rss_mb();
    // 20 slow readers: 10 of the static file, 10 through WEB SEND FILE
    let mut slow: Vec<TcpStream> = (0..20)
        .map(|i| {
            get_raw(
                s.addr,
                if i % 2 == 0 {
                    "/big.bin"
                } else {
                    "/4DACTION/bigfile"
                },
            )
        })
        .collect();
    let mut buf = vec![0u8; 16 * 1024];
    let mut heads = 0;
    for _round in 0..20 {
        for c in slow.iter_mut() {
            let n = c.read(&mut buf).unwrap();
            let head = String::from_utf8_lossy(&buf[..n.min(400)]).to_string();
            if head.starts_with("HTTP/1.1 200") {
                assert!(head.contains("content-length: 209715200"), "{}", head);
                heads += 1;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(heads, 20);
    // one reader that reads everything gets all 200 MB
    let mut full = get_raw(s.addr, "/big.bin");
    let mut total = 0u64;
    let mut body_start = None;
    let mut big = vec![0u8; 1 << 20];
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(120) {
        let n = full.read(&mut big).unwrap();
        if n == 0 {
            break;
        }
        if body_start.is_none() {
            let k = big[..n].windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
            body_start = Some(());
            total += (n - k) as u64;
        } else {
            total += n as u64;
        }
        if total >= BIG {
            break;
        }
    }
    assert_eq!(total, BIG);
    let after = rss_mb();
    eprintln!(
        "resident memory: {:.0} MB before, {:.0} MB with 20 slow readers",
        before, after
    );
    assert!(
        after < 200.0,
        "resident memory {:.0} MB with 20 slow readers of a 200 MB answer (before: {:.0} MB)",
        after,
        before
    );
    // the slow readers are still connected and can go on reading
    for c in slow.iter_mut() {
        assert!(c.read(&mut buf).unwrap() > 0);
    }
}

#[test]
fn stalled_bodies_time_out_while_good_requests_are_served() {
    let s = Server::start("", 1.0);
    s.rt.extra
        .io_timeout_ms
        .store(1500, std::sync::atomic::Ordering::Relaxed);
    let mut stalled: Vec<TcpStream> = (0..1000)
        .map(|_| {
            let mut c = TcpStream::connect(s.addr).unwrap();
            c.write_all(
                b"POST /4DACTION/count HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\npartial",
            )
            .unwrap();
            c
        })
        .collect();
    // a good request is served at once
    let t = Instant::now();
    let mut b = Browser::new("4DSID_webtest");
    let r = b.get(&s, "/4DACTION/count");
    assert_eq!(r.status, 200);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // every stalled body is timed out: 408, then the connection is closed
    let mut timed_out = 0;
    for c in stalled.iter_mut() {
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut got = Vec::new();
        let _ = c.read_to_end(&mut got);
        if String::from_utf8_lossy(&got).starts_with("HTTP/1.1 408") {
            timed_out += 1;
        }
    }
    assert_eq!(timed_out, 1000);
    // and the server still answers
    assert_eq!(b.get(&s, "/4DACTION/count").status, 200);
}
