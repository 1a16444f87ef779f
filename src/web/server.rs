//! The HTTP front: hyper (HTTP/1.1) on a tokio runtime of its own.
//!
//! Why hyper + tokio: hyper's HTTP/1 parser is strict and fuzzed (malformed
//! requests get 400 and the connection is closed), it bounds header sizes, and with
//! a header-read timeout it drops slow clients (slowloris); tokio multiplexes
//! thousands of keep-alive connections on a couple of threads, so idle connections
//! cost memory, not threads. The 4D code itself runs in processes of the one
//! interpreter thread ([`super::host`]); this side only parses, serves static files, applies the
//! limits and waits for the answer of the request's process.
//!
//! Dispatch: a path naming an existing file under `WebFolder/` (`/` → `index.html`)
//! is served as is (no 4D code, no session, like 4D's static pages); everything
//! else goes to the worker (`/4DACTION/...`, `On Web Connection`). Paths are
//! percent-decoded and must stay under the root (`..` and symbolic links leading
//! outside are refused with 404).
//!
//! `Web max concurrent processes` (legacy and "no sessions" modes): when the
//! number of requests waiting for or running 4D code reaches the limit − 1, new
//! requests get 503 at once (WEB-SESSIONS.md §2.2).

use super::body::Boxed;
use super::host::Event as Job;
use super::{HttpRequest, HttpResponse, WebRuntime};
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// A running server.
pub struct ServerHandle {
    pub addr: SocketAddr,
    jobs: mpsc::Sender<Job>,
    shutdown: Option<tokio::sync::watch::Sender<bool>>,
    runtime: Option<tokio::runtime::Runtime>,
}

struct Shared {
    rt: Arc<WebRuntime>,
    jobs: std::sync::Mutex<mpsc::Sender<Job>>,
    in_flight: AtomicUsize,
    legacy_or_none: bool,
}

/// Starts the front of a run's server (no-op if already running): requests go
/// as events to `jobs` (the interpreter thread's web host); SIGINT/SIGTERM set
/// `interrupt` (the running 4D code stops) and send [`Job::Quit`].
pub fn start(
    rt: &Arc<WebRuntime>,
    jobs: mpsc::Sender<Job>,
    interrupt: Arc<std::sync::atomic::AtomicBool>,
) -> Result<SocketAddr, String> {
    let mut guard = rt.server.lock().map_err(|_| "web server state poisoned")?;
    if let Some(h) = guard.as_ref() {
        return Ok(h.addr);
    }
    let (port, ip, scalable) = {
        let o = rt.options();
        let port = match *rt.port_override.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(p) => p,
            None => o.int(super::options::sel::PORT) as u16,
        };
        (
            port,
            o.text(super::options::sel::IP_TO_LISTEN),
            o.int(super::options::sel::SCALABLE) == 1,
        )
    };
    let legacy = !scalable && rt.options().int(super::options::sel::LEGACY) == 1;
    let ip: IpAddr = if ip.is_empty() {
        IpAddr::from([0, 0, 0, 0])
    } else {
        ip.parse()
            .map_err(|_| format!("invalid IP address to listen: {}", ip))?
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("fourd-http")
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(SocketAddr::new(ip, port)))
        .map_err(|e| format!("cannot listen on {}:{}: {}", ip, port, e))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let _ = legacy;
    let shared = Arc::new(Shared {
        rt: rt.clone(),
        jobs: std::sync::Mutex::new(jobs.clone()),
        in_flight: AtomicUsize::new(0),
        legacy_or_none: !scalable,
    });
    if let Ok(mut t) = rt.extra.started.lock() {
        *t = Some(std::time::Instant::now());
    }
    rt.extra.hits.store(0, Ordering::Relaxed);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    // HTTPS (`Web HTTPS enabled`): its own listener on `Web HTTPS port ID`
    let https_on = rt.options().int(89) == 1;
    let mut https_addr = None;
    if https_on {
        let root = rt
            .root
            .clone()
            .ok_or_else(|| "HTTPS needs a project folder".to_string())?;
        let acceptor = super::tls::acceptor(&root)?;
        let hport = rt.options().int(39) as u16;
        let hl = runtime
            .block_on(tokio::net::TcpListener::bind(SocketAddr::new(ip, hport)))
            .map_err(|e| format!("cannot listen on {}:{}: {}", ip, hport, e))?;
        https_addr = Some(hl.local_addr().map_err(|e| e.to_string())?);
        runtime.spawn(accept_loop(
            hl,
            shared.clone(),
            stop_rx.clone(),
            Some(acceptor),
        ));
    }
    if let Ok(mut a) = rt.extra.https_addr.lock() {
        *a = https_addr;
    }
    runtime.spawn(accept_loop(listener, shared, stop_rx.clone(), None));
    runtime.spawn(on_signal(jobs.clone(), interrupt, stop_rx));
    *guard = Some(ServerHandle {
        addr,
        jobs,
        shutdown: Some(stop_tx),
        runtime: Some(runtime),
    });
    Ok(addr)
}

/// Stops the front: no new connections, connections dropped (the web host
/// closes the sessions). Does nothing when not running.
pub fn stop(rt: &Arc<WebRuntime>) {
    let h = rt.server.lock().ok().and_then(|mut g| g.take());
    if let Some(mut h) = h {
        if let Some(s) = h.shutdown.take() {
            let _ = s.send(true);
        }
        if let Some(r) = h.runtime.take() {
            r.shutdown_background();
        }
        if let Ok(mut a) = rt.extra.https_addr.lock() {
            *a = None;
        }
    }
}

/// SIGINT or SIGTERM while serving: interrupts the running 4D code and tells the
/// web host to close everything.
async fn on_signal(
    jobs: mpsc::Sender<Job>,
    interrupt: Arc<std::sync::atomic::AtomicBool>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
            _ = stop.changed() => return,
        }
    }
    #[cfg(not(unix))]
    {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = stop.changed() => return,
        }
    }
    eprintln!("fourd: stopping the web server");
    interrupt.store(true, Ordering::SeqCst);
    let _ = jobs.send(Job::Quit);
}

/// Sends an event to the running server's web host (false when not running).
pub fn send(rt: &WebRuntime, job: Job) -> bool {
    match rt.server.lock().ok().as_ref().and_then(|g| g.as_ref()) {
        Some(h) => h.jobs.send(job).is_ok(),
        None => false,
    }
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    mut stop: tokio::sync::watch::Receiver<bool>,
    tls: Option<tokio_rustls::TlsAcceptor>,
) {
    let conns = Arc::new(tokio::sync::Semaphore::new(20_000));
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stop.changed() => return,
        };
        let (stream, peer) = match accepted {
            Ok(x) => x,
            Err(_) => {
                // out of file descriptors and the like: back off a little
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let Ok(permit) = conns.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let local = stream.local_addr().ok();
        let shared = shared.clone();
        let stop = stop.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            let timeout = shared.rt.extra.io_timeout();
            match tls {
                Some(acceptor) => {
                    // the handshake is bounded like the headers
                    if let Ok(Ok(s)) = tokio::time::timeout(timeout, acceptor.accept(stream)).await
                    {
                        serve_conn(s, shared, peer, local, true, stop).await;
                    }
                }
                None => serve_conn(stream, shared, peer, local, false, stop).await,
            }
            drop(permit);
        });
    }
}

/// Serves the requests of one connection (plain or TLS).
async fn serve_conn<S>(
    stream: S,
    shared: Arc<Shared>,
    peer: SocketAddr,
    local: Option<SocketAddr>,
    secure: bool,
    mut stop: tokio::sync::watch::Receiver<bool>,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let timeout = shared.rt.extra.io_timeout();
    let svc = service_fn(move |req| {
        let shared = shared.clone();
        async move { Ok::<_, std::convert::Infallible>(serve(shared, req, peer, local, secure).await) }
    });
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(timeout)
        .max_buf_size(64 * 1024)
        .keep_alive(true)
        // a client that shuts down its writing side after its request still
        // gets the answer (found by the `http` fuzz target: 4D requests, answered
        // later than static files, were dropped)
        .half_close(true)
        .serve_connection(TokioIo::new(stream), svc);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = stop.changed() => {}
    }
}

fn ip_text(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => format!("::ffff:{}", v4),
        IpAddr::V6(v6) => v6.to_string(),
    }
}

fn reply(r: HttpResponse) -> Response<Boxed> {
    let mut b = Response::builder().status(r.status);
    let mut has_type = false;
    for (k, v) in &r.headers {
        has_type |= k.eq_ignore_ascii_case("content-type");
        b = b.header(k.as_str(), v.as_str());
    }
    if !has_type {
        b = b.header("Content-Type", "text/html; charset=utf-8");
    }
    let body = match r.file.as_ref().and_then(|p| std::fs::File::open(p).ok()) {
        // streamed from disk (backpressure: `super::body`)
        Some(f) => {
            let len = f.metadata().map(|m| m.len()).unwrap_or(0);
            super::body::file(f, len).boxed()
        }
        None if r.file.is_some() => {
            return reply(HttpResponse::text(404, "Not Found"));
        }
        None => super::body::full(r.body),
    };
    b.header("Server", "fourd").body(body).unwrap_or_else(|_| {
        let mut r = Response::new(super::body::full(b"Internal Server Error".to_vec()));
        *r.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
        r
    })
}

/// The file a static URL path names, if it exists under the root (`root` must be
/// canonical). Public for the fuzz target of the request path.
#[doc(hidden)]
pub fn static_file(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = super::path_decode(url_path);
    if decoded.contains('\0') || decoded.split('/').any(|c| c == "..") {
        return None;
    }
    let rel = decoded.trim_start_matches('/');
    // the URLs of 4D's own handlers never name a file of the web folder
    let first = rel.split('/').next().unwrap_or("");
    if ["4DACTION", "4DCGI", "rest"]
        .iter()
        .any(|h| first.eq_ignore_ascii_case(h))
        && rel.len() > first.len()
    {
        return None;
    }
    // names are matched ignoring case, as on 4D's file systems (`super::paths`)
    let mut p = super::paths::find_ci(root, rel)?;
    if p.is_dir() {
        p = super::paths::find_ci(&p, "index.html")?;
    }
    let p = p.canonicalize().ok()?;
    (p.starts_with(root) && p.is_file()).then_some(p)
}

async fn serve(
    shared: Arc<Shared>,
    req: Request<Incoming>,
    peer: SocketAddr,
    local: Option<SocketAddr>,
    secure: bool,
) -> Response<Boxed> {
    let (max_size, max_proc) = {
        let o = shared.rt.options();
        (
            o.int(super::options::sel::MAX_REQUEST_SIZE) as usize,
            o.int(super::options::sel::MAX_PROCESSES) as usize,
        )
    };
    shared.rt.extra.count_request();
    if !secure {
        if let Some(r) = https_redirect(&shared, &req) {
            return reply(r);
        }
    }
    let mut path = req.uri().path().to_string();
    if path == "/" {
        // `WEB SET HOME PAGE`, for the session of the cookie
        let cookie_name = shared.rt.options().cookie_name();
        let sid = req
            .headers()
            .get_all(hyper::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|c| {
                c.trim()
                    .strip_prefix(&cookie_name)?
                    .strip_prefix('=')
                    .map(str::to_string)
            });
        if let Some(home) = shared.rt.extra.home_page(sid.as_deref()) {
            path = format!("/{}", home.trim_start_matches('/'));
        }
    }
    let web_root = super::pages::web_folder(&shared.rt);
    if let Some(root) = &web_root {
        if matches!(*req.method(), hyper::Method::GET | hyper::Method::HEAD) {
            // `.shtm`/`.shtml` pages go to the 4D side (tags are processed there)
            if let Some(f) = static_file(root, &path).filter(|f| !super::pages::is_tagged(f)) {
                let mut r = HttpResponse::default();
                r.set_header("Content-Type", super::mime_of(&f));
                r.file = Some(f);
                return reply(with_hsts(&shared, secure, r));
            }
        }
    }
    let (parts, body) = req.into_parts();
    // the body, each piece within the I/O timeout (a body that stops arriving is
    // timed out as headers are, and the connection closed)
    let mut limited = Limited::new(body, max_size);
    let mut body = Vec::new();
    let timeout = shared.rt.extra.io_timeout();
    loop {
        match tokio::time::timeout(timeout, limited.frame()).await {
            Err(_) => {
                let mut r = HttpResponse::text(408, "Request Timeout");
                r.set_header("Connection", "close");
                return reply(r);
            }
            Ok(None) => break,
            Ok(Some(Ok(f))) => {
                if let Ok(d) = f.into_data() {
                    body.extend_from_slice(&d);
                }
            }
            Ok(Some(Err(e))) => {
                if e.downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some()
                {
                    return reply(HttpResponse::text(413, "Payload Too Large"));
                }
                return reply(HttpResponse::text(400, "Bad Request"));
            }
        }
    }
    // one process per request in flight: 503 from limit - 1 on
    let n = shared.in_flight.fetch_add(1, Ordering::SeqCst);
    let _guard = Guard(&shared.in_flight);
    if shared.legacy_or_none && n + 1 > max_proc.saturating_sub(1) {
        return reply(HttpResponse::text(503, "Service Unavailable"));
    }
    let url = if path != parts.uri.path() {
        path.clone() // the home page
    } else {
        parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into())
    };
    let version = match parts.version {
        hyper::Version::HTTP_10 => "HTTP/1.0",
        _ => "HTTP/1.1",
    };
    let request = HttpRequest {
        method: parts.method.as_str().to_string(),
        url,
        version: version.into(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    header_case(k.as_str()),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
        peer_ip: ip_text(peer.ip()),
        server_ip: local.map(|l| ip_text(l.ip())).unwrap_or_default(),
        secure,
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    let sent = shared
        .jobs
        .lock()
        .map(|j| j.send(Job::Request(request, tx)).is_ok())
        .unwrap_or(false);
    if !sent {
        return reply(HttpResponse::text(503, "Service Unavailable"));
    }
    match rx.await {
        Ok(r) => reply(with_hsts(&shared, secure, r)),
        Err(_) => reply(HttpResponse::text(503, "Service Unavailable")),
    }
}

/// Over HTTPS with `Web HSTS enabled`: the `Strict-Transport-Security` header.
fn with_hsts(shared: &Shared, secure: bool, mut r: HttpResponse) -> HttpResponse {
    if secure {
        let o = shared.rt.options();
        if o.int(86) == 1 {
            r.set_header(
                "Strict-Transport-Security",
                &format!("max-age={}", o.int(87)),
            );
        }
    }
    r
}

/// A plain-HTTP request to redirect to HTTPS: when HTTPS is on and either HTTP is
/// off (`Web HTTP enabled` = 0: fourd still listens, to redirect) or HSTS is on.
fn https_redirect(shared: &Shared, req: &Request<Incoming>) -> Option<HttpResponse> {
    let https = (*shared.rt.extra.https_addr.lock().ok()?)?;
    let o = shared.rt.options();
    if o.int(88) != 0 && o.int(86) != 1 {
        return None;
    }
    let host = req
        .headers()
        .get(hyper::header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.rsplit_once(':').map_or(h, |(n, _)| n).to_string())
        .unwrap_or_else(|| https.ip().to_string());
    let port = if https.port() == 443 {
        String::new()
    } else {
        format!(":{}", https.port())
    };
    let target = req.uri().path_and_query().map_or("/", |p| p.as_str());
    let mut r = HttpResponse::text(301, "Moved Permanently");
    r.set_header("Location", &format!("https://{}{}{}", host, port, target));
    Some(r)
}

struct Guard<'a>(&'a AtomicUsize);
impl Drop for Guard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// `content-type` → `Content-Type` (hyper lower-cases names; 4D shows them in
/// their usual case).
fn header_case(k: &str) -> String {
    let mut out = String::with_capacity(k.len());
    let mut up = true;
    for c in k.chars() {
        out.push(if up { c.to_ascii_uppercase() } else { c });
        up = c == '-';
    }
    out
}
