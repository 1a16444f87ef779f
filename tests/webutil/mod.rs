//! Shared helpers of the web integration tests: a copy of the fixture project with a
//! test-specific `On Startup`, served on a free loopback port by the library's
//! `serve` (the same sequence as `fourd serve`), and a cookie-aware HTTP client.
#![allow(dead_code)]

use fourd::web::client::{self, ClientResponse};
use fourd::web::serve::{serve, ServeOptions};
use fourd::web::{HttpClientOptions, WebRuntime};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

pub struct Server {
    pub addr: SocketAddr,
    pub rt: Arc<WebRuntime>,
    pub dir: PathBuf,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<u8>>,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &t);
        } else {
            std::fs::copy(&p, &t).unwrap();
        }
    }
}

pub fn temp_copy(fixture: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "fourd-web-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture), &dir);
    dir
}

impl Server {
    /// Serves a copy of `tests/web/app` whose `On Startup` is `startup` (4D code).
    pub fn start(startup: &str, clock_scale: f64) -> Server {
        Server::start_fixture("tests/web/app", startup, clock_scale)
    }

    /// Serves a copy of the fixture project `fixture` with `startup` as On Startup
    /// (empty: the fixture's own).
    pub fn start_fixture(fixture: &str, startup: &str, clock_scale: f64) -> Server {
        let onstartup = "Project/Sources/DatabaseMethods/onStartup.4dm";
        if startup.is_empty() {
            Server::start_files(fixture, &[], clock_scale)
        } else {
            Server::start_files(fixture, &[(onstartup, startup)], clock_scale)
        }
    }

    /// Serves a copy of `tests/web/app` with `files` (path in the project, text)
    /// written over it.
    pub fn start_with(files: &[(&str, &str)], clock_scale: f64) -> Server {
        Server::start_files("tests/web/app", files, clock_scale)
    }

    /// [`Server::start_with`] with a per-request time limit.
    pub fn start_limited(files: &[(&str, &str)], limit: Duration) -> Server {
        Server::start_full("tests/web/app", files, 1.0, Some(limit))
    }

    fn start_files(fixture: &str, files: &[(&str, &str)], clock_scale: f64) -> Server {
        Server::start_full(fixture, files, clock_scale, None)
    }

    fn start_full(
        fixture: &str,
        files: &[(&str, &str)],
        clock_scale: f64,
        request_time_limit: Option<Duration>,
    ) -> Server {
        let dir = temp_copy(fixture);
        for (path, text) in files {
            if let Some(parent) = dir.join(path).parent() {
                std::fs::create_dir_all(parent).unwrap();
            }
            std::fs::write(dir.join(path), text).unwrap();
        }
        Server::start_dir_limited(&dir, clock_scale, request_time_limit)
    }

    /// Serves the project folder `dir` as it is (removed when the server is dropped).
    pub fn start_dir(dir: &Path, clock_scale: f64) -> Server {
        Server::start_dir_limited(dir, clock_scale, None)
    }

    fn start_dir_limited(
        dir: &Path,
        clock_scale: f64,
        request_time_limit: Option<Duration>,
    ) -> Server {
        let dir = dir.to_path_buf();
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let opts = ServeOptions {
            dir: dir.clone(),
            port: Some(0),
            clock_scale,
            listen: Some("127.0.0.1".into()),
            request_time_limit,
            ..Default::default()
        };
        let thread = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                serve(
                    &opts,
                    move |addr, rt| {
                        ready_tx.send((addr, rt)).unwrap();
                    },
                    move || {
                        let _ = stop_rx.recv_timeout(Duration::from_secs(120));
                    },
                )
            })
            .unwrap();
        let (addr, rt) = ready_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("server did not start");
        Server {
            addr,
            rt,
            dir,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Stops the server (On Exit runs) and returns the exit code.
    pub fn stop(&mut self) -> u8 {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        self.thread.take().map(|t| t.join().unwrap()).unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A browser-like client: keeps the session cookie it is given.
pub struct Browser {
    pub cookie_name: String,
    pub cookie: Option<String>,
    pub local: Option<std::net::IpAddr>,
}

pub fn opts() -> HttpClientOptions {
    HttpClientOptions {
        timeout_s: 20.0,
        follow_redirect: false,
        max_redirect: 0,
    }
}

impl Browser {
    pub fn new(cookie_name: &str) -> Browser {
        Browser {
            cookie_name: cookie_name.into(),
            cookie: None,
            local: None,
        }
    }

    pub fn get(&mut self, s: &Server, path: &str) -> ClientResponse {
        self.request(s, "GET", path, &[], b"")
    }

    pub fn request(
        &mut self,
        s: &Server,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> ClientResponse {
        let mut h: Vec<(String, String)> = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if let Some(c) = &self.cookie {
            h.push(("Cookie".into(), format!("{}={}", self.cookie_name, c)));
        }
        let r = client::once(method, &s.url(path), &h, body, &opts(), self.local)
            .expect("HTTP request failed");
        for sc in r.headers_named("set-cookie") {
            if let Some(rest) = sc.strip_prefix(&format!("{}=", self.cookie_name)) {
                let val = rest.split(';').next().unwrap_or("").to_string();
                if sc.contains("Max-Age=0") {
                    self.cookie = None;
                } else {
                    self.cookie = Some(val);
                }
            }
        }
        r
    }
}

/// The first word and the rest of a `count` answer: (count, session id).
pub fn count_of(r: &ClientResponse) -> (u32, String) {
    let t = r.text();
    let mut it = t.splitn(2, ' ');
    let n = it.next().unwrap_or("").parse().unwrap_or(0);
    (n, it.next().unwrap_or("").to_string())
}

/// A `fourd serve DIR` child process on a free loopback port, whose `On Startup`
/// prints `first_line` first: the child, the rest of its stdout lines, and the
/// `host:port` its banner gives.
#[allow(dead_code)]
pub fn spawn_serve(
    dir: &Path,
    first_line: &str,
) -> (
    std::process::Child,
    std::io::Lines<std::io::BufReader<std::process::ChildStdout>>,
    String,
) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("serve")
        .arg(dir)
        .args(["--port", "0", "--listen", "127.0.0.1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), first_line);
    let banner = lines.next().unwrap().unwrap();
    let addr = banner
        .strip_prefix("fourd: serving http://")
        .and_then(|r| r.split('/').next())
        .unwrap()
        .to_string();
    (child, lines, addr)
}
