//! Scale-out for real on loopback (README, "Several fourd serve behind a load
//! balancer"): two `fourd serve` instances of `tests/web/scaleapp` on one
//! PostgreSQL database (`FOURD_TEST_PG`), behind nginx with affinity on the
//! session cookie `4DSID_scaleapp`. A session stays on its instance, a record
//! written through one instance is read through the other, a lock taken through
//! one is refused through the other, and when one instance is killed the other
//! goes on serving its sessions (those of the dead one start again on it).
//!
//! Needs nginx (`FOURD_TEST_NGINX`, else `nginx` on the PATH or
//! `/usr/sbin/nginx`). Without PostgreSQL or nginx the test is skipped with a
//! message, except in CI (`CI` set): `.ci/run` installs and starts both.

mod pgutil;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const APP: &str = "scaleapp";

fn nginx() -> Option<PathBuf> {
    let given = std::env::var_os("FOURD_TEST_NGINX").map(PathBuf::from);
    let found = given.into_iter().chain(
        std::env::var_os("PATH")
            .map(|p| {
                std::env::split_paths(&p)
                    .map(|d| d.join("nginx"))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    let found = found
        .chain([PathBuf::from("/usr/sbin/nginx")])
        .find(|p| p.is_file());
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false") {
            panic!("CI: nginx is needed by the scale-out test (.ci/run installs it)");
        }
        eprintln!("nginx not found: the scale-out test is skipped");
    }
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_listening(port: u16, child: &mut Child, what: &str) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(s)) = child.try_wait() {
            panic!("{what} exited before listening: {s}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what} does not listen"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Ends the children (fourd instances, nginx) when the test ends, however it ends:
/// each gets SIGTERM first (nginx's master then stops its workers, which a SIGKILL
/// of the master would leave behind), then SIGKILL if still there after 5 s.
struct Procs(Vec<Child>);

impl Drop for Procs {
    fn drop(&mut self) {
        for c in &mut self.0 {
            if let Ok(pid) = i32::try_from(c.id()) {
                // SAFETY: a plain kill(2) of our own child, which has not been reaped
                unsafe { libc::kill(pid, libc::SIGTERM) };
            }
        }
        let until = Instant::now() + Duration::from_secs(5);
        for c in &mut self.0 {
            while matches!(c.try_wait(), Ok(None)) && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// A browser: its cookies, sent back on every request.
#[derive(Default)]
struct Browser {
    cookies: HashMap<String, String>,
}

impl Browser {
    /// GET `path` from `port`: (status, body).
    fn get(&mut self, port: u16, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let cookie: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let req = format!(
            "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n{}\r\n",
            if cookie.is_empty() {
                String::new()
            } else {
                format!("Cookie: {}\r\n", cookie.join("; "))
            }
        );
        s.write_all(req.as_bytes()).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        for line in head.lines().skip(1) {
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("set-cookie") {
                    let pair = v.trim().split(';').next().unwrap_or("");
                    if let Some((n, val)) = pair.split_once('=') {
                        self.cookies.insert(n.to_string(), val.to_string());
                    }
                }
            }
        }
        (status, body.to_string())
    }

    /// The body of a 200 answer.
    fn ok(&mut self, port: u16, path: &str) -> String {
        let (status, body) = self.get(port, path);
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }
}

/// The nginx configuration of the README's recipe for these instances.
pub fn nginx_conf(dir: &Path, listen: u16, instances: &[u16]) -> String {
    let d = dir.display();
    let servers: String = instances
        .iter()
        .map(|p| format!("    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n"))
        .collect();
    let pins: String = instances
        .iter()
        .map(|p| format!("    \"127.0.0.1:{p}\" 127.0.0.1:{p};\n"))
        .collect();
    let user = if unsafe_is_root() { "user root;\n" } else { "" };
    format!(
        "{user}worker_processes 1;
error_log {d}/error.log;
pid {d}/nginx.pid;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {d}/body;
  proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  upstream fourd {{
{servers}  }}
  # the instance that issued the browser's session, from the route cookie
  map $cookie_4DROUTE_{APP} $fourd_pinned {{
{pins}    default fourd;
  }}
  # the last instance tried for this request
  map $upstream_addr $fourd_last {{
    ~(?<last>[0-9.]+:[0-9]+)$ $last;
    default \"\";
  }}
  # when an instance issues a session cookie, pin the browser to it
  map $upstream_cookie_4DSID_{APP} $fourd_route {{
    \"\" \"\";
    default \"4DROUTE_{APP}=$fourd_last; Path=/; HttpOnly\";
  }}
  server {{
    listen 127.0.0.1:{listen};
    location / {{
      proxy_pass http://$fourd_pinned;
      proxy_connect_timeout 2s;
      add_header Set-Cookie $fourd_route;
      error_page 502 504 = @rebalance;
    }}
    # the pinned instance is gone: the session starts again on another one
    location @rebalance {{
      proxy_pass http://fourd;
      proxy_connect_timeout 2s;
      add_header Set-Cookie $fourd_route;
    }}
  }}
}}
"
    )
}

fn unsafe_is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn two_instances_behind_nginx_share_records_and_locks_and_survive_a_kill() {
    let Some(base) = pgutil::url() else {
        return;
    };
    let Some(nginx) = nginx() else {
        return;
    };
    let schema = pgutil::schema("scaleout");
    let url = pgutil::with_schema(&base, &schema);
    let root = std::env::temp_dir().join(format!("fourd-scaleout-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/web")
        .join(APP);
    let mut procs = Procs(Vec::new());
    let mut ports = Vec::new();
    for name in ["A", "B"] {
        let dir = root.join(name);
        copy_dir(&fixture, &dir);
        std::fs::write(dir.join("instance.txt"), name).unwrap();
        let port = free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_fourd"))
            .arg("serve")
            .arg(&dir)
            .args([
                "--port",
                &port.to_string(),
                "--listen",
                "127.0.0.1",
                "--data",
            ])
            .arg(&url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_listening(port, &mut child, name);
        procs.0.push(child);
        ports.push(port);
    }
    let ng = root.join("nginx");
    std::fs::create_dir_all(&ng).unwrap();
    let front = free_port();
    std::fs::write(ng.join("nginx.conf"), nginx_conf(&ng, front, &ports)).unwrap();
    let mut child = Command::new(&nginx)
        .arg("-p")
        .arg(&ng)
        .arg("-c")
        .arg(ng.join("nginx.conf"))
        .args(["-g", "daemon off;"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_listening(front, &mut child, "nginx");
    procs.0.push(child);

    // New sessions are spread over both instances; each stays on its own.
    let mut on: HashMap<String, Browser> = HashMap::new();
    for _ in 0..8 {
        let mut b = Browser::default();
        let first = b.ok(front, "/4DACTION/hello");
        let (inst, count) = first.split_once(' ').unwrap();
        assert_eq!(count, "1", "a new session: {first}");
        assert!(b.cookies.contains_key(&format!("4DSID_{APP}")));
        for n in 2..=4 {
            assert_eq!(b.ok(front, "/4DACTION/hello"), format!("{inst} {n}"));
        }
        on.entry(inst.to_string()).or_insert(b);
        if on.len() == 2 {
            break;
        }
    }
    assert_eq!(on.len(), 2, "new sessions must reach both instances");
    let mut a = on.remove("A").unwrap();
    let mut b = on.remove("B").unwrap();

    // A record written through A is read through B, and the other way.
    assert!(a.ok(front, "/4DACTION/put/FromA").starts_with("A saved "));
    assert_eq!(b.ok(front, "/4DACTION/names"), "B FromA;");
    assert!(b.ok(front, "/4DACTION/put/FromB").starts_with("B saved "));
    assert_eq!(a.ok(front, "/4DACTION/names"), "A FromA;FromB;");

    // A lock taken through A (the record stays loaded in A's session) is
    // refused through B, LOCKED BY naming A's web process.
    assert_eq!(a.ok(front, "/4DACTION/hold/FromA"), "A 1 False");
    let probe = b.ok(front, "/4DACTION/probe/FromA");
    assert!(probe.starts_with("B True True "), "{probe}");
    assert_eq!(b.ok(front, "/4DACTION/probe/FromB"), "B False False ");

    // A is killed: B goes on serving its session, the lock A held is gone, and
    // A's browser is served by B (in a new session).
    let mut dead = procs.0.remove(0);
    dead.kill().unwrap();
    dead.wait().unwrap();
    assert_eq!(b.ok(front, "/4DACTION/hello"), "B 5");
    let start = Instant::now();
    loop {
        let p = b.ok(front, "/4DACTION/probe/FromA");
        if p == "B False False " {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the dead instance's lock stays: {p}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(a.ok(front, "/4DACTION/hello"), "B 1");
    assert_eq!(a.ok(front, "/4DACTION/hello"), "B 2");
    assert_eq!(b.ok(front, "/4DACTION/hello"), "B 6");
    assert_eq!(a.ok(front, "/4DACTION/names"), "B FromA;FromB;");

    drop(procs);
    pgutil::drop_schemas(&base, &[schema]);
    let _ = std::fs::remove_dir_all(&root);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}
