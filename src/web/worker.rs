//! The web interpreter thread: one compiled copy of the project, one interpreter,
//! and the legacy session table whose payloads are the sessions' processes.
//!
//! Jobs arrive on a channel in the order the HTTP front received the requests; they
//! run one at a time. Between jobs the thread wakes on the session clock to close
//! sessions whose process has been idle `Web inactive process timeout`.
//!
//! Closing a session (eviction, idle timeout, expired cookie, `WEB LEGACY CLOSE
//! SESSION`, server stop) always goes through [`close_session`]: the session's
//! process is swapped into the interpreter, `On Web Legacy Close Session` runs with
//! the session's variables and `WEB Get current session ID` returning its id, then
//! the process is dropped (its variables reset). The session is removed from the
//! table first, so the method runs exactly once per session.
//!
//! Choices where the docs are silent (also in README.md):
//! - `WEB LEGACY CLOSE SESSION` of the *current* session is deferred to the end of
//!   the request: the rest of the request still sees its variables; the close
//!   method then runs and the response carries the expired cookie. Called for
//!   another session, it is synchronous: the method has run when the command returns
//!   (from another process it waits for the web thread, which finishes the request
//!   it is running first).
//! - `WEB STOP SERVER` closes every live session and runs the close method for each.
//! - A request refused by `On Web Authentication` gets 403; an error in 4D code gets
//!   500 (the error is written to stderr); a 4DACTION to an unknown or unpublished
//!   method gets 404; a request not answered by the 4D code gets 200 with an empty
//!   body.

use super::sessions::{Limits, Refusal, Session, SessionTable};
use super::{HttpRequest, HttpResponse, WebRuntime};
use crate::compile::ir::MethodId;
use crate::datastore::{Datastore, ProcessDb};
use crate::project::WebLoaded;
use crate::runtime::interp::Interp;
use crate::runtime::process::Process;
use crate::runtime::value::{text, Value};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

pub enum Job {
    Request(HttpRequest, tokio::sync::oneshot::Sender<HttpResponse>),
    /// Close a session; the sender (if any) is told when the close method has run.
    Close(String, Option<mpsc::Sender<()>>),
    /// The cookie expiry of a session (session-clock ms).
    Expiration(String, mpsc::Sender<Option<i64>>),
    Stop(mpsc::Sender<()>),
}

/// The request being answered.
#[derive(Debug, Default)]
pub struct ReqCtx {
    pub req: HttpRequest,
    pub resp: HttpResponse,
}

/// State of the web interpreter thread, reachable from commands via `Interp::web`.
/// What a legacy session owns: its process variables and its view of the
/// datastore (current records, selections, sets, locks). Both are swapped into the
/// interpreter for the session's requests and for its close method.
#[derive(Default)]
pub struct SessionProcess {
    pub vars: Process,
    pub db: ProcessDb,
}

impl SessionProcess {
    fn new(prog: &crate::compile::ir::Program, store: &Option<Arc<Datastore>>) -> SessionProcess {
        SessionProcess {
            vars: Process::new(&prog.process_vars),
            db: ProcessDb::new(store.clone(), "Web process"),
        }
    }

    /// Exchanges this process with the one running in the interpreter.
    fn swap_with(&mut self, it: &mut Interp<'_>) {
        std::mem::swap(&mut it.process, &mut self.vars);
        std::mem::swap(&mut it.db, &mut self.db);
    }
}

pub struct WorkerCtx {
    pub table: SessionTable<SessionProcess>,
    /// The project's datastore, shared with the process that started the server.
    pub store: Option<Arc<Datastore>>,
    pub legacy: bool,
    pub on_close: Option<MethodId>,
    /// `WEB LEGACY CLOSE SESSION` was called for the current session.
    pub close_current: bool,
    pub rt: Arc<WebRuntime>,
}

/// Starts the web interpreter thread; returns once the project is loaded.
pub fn spawn(
    rt: Arc<WebRuntime>,
    legacy: bool,
) -> Result<(mpsc::Sender<Job>, std::thread::JoinHandle<()>), String> {
    let root = rt
        .root
        .clone()
        .ok_or_else(|| "the web server needs a 4D project folder".to_string())?;
    let (tx, rx) = mpsc::channel::<Job>();
    let (ready_tx, ready_rx) = mpsc::channel::<Result<(), String>>();
    let h = std::thread::Builder::new()
        .name("fourd-web".into())
        .stack_size(1 << 30)
        .spawn(move || {
            let loaded = match crate::project::load_web(&root) {
                Ok(l) => l,
                Err(e) => {
                    let msg = match e {
                        crate::project::LoadError::Usage(m) => m,
                        crate::project::LoadError::Syntax(errs) => errs
                            .iter()
                            .map(|e| {
                                format!("{}:{}:{}: {}", e.path.display(), e.line, e.col, e.message)
                            })
                            .collect::<Vec<_>>()
                            .join("\n"),
                    };
                    let _ = ready_tx.send(Err(msg));
                    return;
                }
            };
            let _ = ready_tx.send(Ok(()));
            run(rt, legacy, &loaded, rx);
        })
        .map_err(|e| e.to_string())?;
    match ready_rx.recv() {
        Ok(Ok(())) => Ok((tx, h)),
        Ok(Err(m)) => {
            let _ = h.join();
            Err(m)
        }
        Err(_) => Err("the web thread failed to start".into()),
    }
}

fn run(rt: Arc<WebRuntime>, legacy: bool, w: &WebLoaded, rx: mpsc::Receiver<Job>) {
    let prog = &w.program;
    let mut it = Interp::new(
        prog,
        Box::new(std::io::stdout()),
        Box::new(std::io::stderr()),
    );
    it.web.rt = Some(rt.clone());
    it.web.worker = Some(Box::new(WorkerCtx {
        table: SessionTable::new(),
        legacy,
        on_close: w.on_web_close,
        store: open_store(w),
        close_current: false,
        rt: rt.clone(),
    }));
    let clock = rt.clock.clone();
    // idle sessions are looked for at their deadline, and at least every 200 ms of
    // real time (options may have changed); not on every request (10,000 sessions)
    let tick = Duration::from_millis(200);
    let mut next_scan = i64::MIN;
    loop {
        let now = clock.now_ms();
        if now >= next_scan {
            let limits = rt.options().limits();
            let idle = table(&mut it).take_idle(now, &limits);
            for s in idle {
                close_session(&mut it, s);
            }
            it.flush();
            let cap = now + (clock.real_wait(1000).as_secs_f64().recip() * 200.0) as i64;
            next_scan = table(&mut it)
                .next_deadline(&limits)
                .map_or(cap, |d| d.min(cap));
        }
        let wait = clock.real_wait(next_scan - clock.now_ms()).min(tick);
        match rx.recv_timeout(wait) {
            Ok(Job::Request(req, reply)) => {
                // second line of defence (the 4D code runs under its own guard):
                // a panic elsewhere in the request costs this request, not the thread
                let resp = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    handle(&mut it, w, req)
                }))
                .unwrap_or_else(|_| {
                    it.web.session.clear();
                    it.web.req = None;
                    HttpResponse::text(500, "Internal Server Error")
                });
                it.flush();
                let _ = reply.send(resp);
            }
            Ok(Job::Close(id, done)) => {
                close_by_id(&mut it, &id);
                if let Some(d) = done {
                    let _ = d.send(());
                }
            }
            Ok(Job::Expiration(id, reply)) => {
                let limits = rt.options().limits();
                let _ = reply.send(table(&mut it).expiration(&id, &limits));
            }
            Ok(Job::Stop(done)) => {
                let all = table(&mut it).take_all();
                for s in all {
                    close_session(&mut it, s);
                }
                it.flush();
                let _ = done.send(());
                return;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
    }
}

fn table<'a>(it: &'a mut Interp<'_>) -> &'a mut SessionTable<SessionProcess> {
    &mut it.web.worker.as_mut().expect("web thread").table
}

/// Closes a session by id if it exists (unknown ids do nothing). On the web thread.
pub fn close_by_id(it: &mut Interp<'_>, id: &str) {
    let Some(w) = it.web.worker.as_mut() else {
        return;
    };
    if !w.legacy {
        return;
    }
    if id == it.web.session && it.web.req.is_some() {
        // the current session: deferred to the end of its request
        w.close_current = true;
        return;
    }
    if let Some(s) = w.table.remove(id) {
        close_session(it, s);
    }
}

/// The project's datastore for the web processes (None without a catalog).
fn open_store(w: &WebLoaded) -> Option<Arc<Datastore>> {
    if w.structure.is_empty() {
        return None;
    }
    let data = crate::datastore::DataPath::Default;
    match crate::datastore::open_shared(w.structure.clone(), w.project_root.as_deref(), &data) {
        Ok(store) => Some(store),
        Err(e) => {
            eprintln!("fourd: the web processes have no datastore: {e}");
            None
        }
    }
}

/// Runs `On Web Legacy Close Session` in the session's process (its variables,
/// selections and current records still valid), then drops the process, which
/// clears its selections and releases its records.
pub fn close_session(it: &mut Interp<'_>, mut s: Session<SessionProcess>) {
    let on_close = it.web.worker.as_ref().and_then(|w| w.on_close);
    s.payload.swap_with(it);
    if let Some(m) = on_close {
        let saved_session = std::mem::replace(&mut it.web.session, s.id.clone());
        let saved_req = it.web.req.take();
        if let Err(e) = it.call_method(m, Vec::new(), 0) {
            let msg = crate::run::render_error(it.prog, &e);
            it.write_err(&msg);
        }
        it.web.req = saved_req;
        it.web.session = saved_session;
    }
    s.payload.swap_with(it);
    // Dropping the session's `ProcessDb` clears its selections and releases its
    // records and transaction (`ProcessDb`'s Drop), after the close method ran.
    drop(s);
}

fn cookie_header(
    rt: &WebRuntime,
    id: &str,
    expires_ms: Option<i64>,
    limits: &Limits,
    secure: bool,
) -> String {
    let o = rt.options();
    let mut c = format!("{}={}", o.cookie_name(), id);
    let path = o.text(super::options::sel::COOKIE_PATH);
    c.push_str("; Path=");
    c.push_str(if path.is_empty() { "/" } else { &path });
    let domain = o.text(super::options::sel::COOKIE_DOMAIN);
    if !domain.is_empty() {
        c.push_str("; Domain=");
        c.push_str(&domain);
    }
    match expires_ms {
        Some(ms) => {
            c.push_str("; Expires=");
            c.push_str(&super::clock::http_date(ms));
            c.push_str(&format!("; Max-Age={}", limits.session_timeout_ms / 1000));
        }
        None => c.push_str("; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0"),
    }
    c.push_str("; HttpOnly; SameSite=Strict");
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// Answers one request on the web thread.
fn handle(it: &mut Interp<'_>, w: &WebLoaded, req: HttpRequest) -> HttpResponse {
    let rt = it.web.worker.as_ref().expect("web thread").rt.clone();
    let legacy = it.web.worker.as_ref().is_some_and(|w| w.legacy);
    let prog = it.prog;
    if !legacy {
        // no legacy sessions: a fresh process for each request
        let store = it.web.worker.as_ref().and_then(|w| w.store.clone());
        let mut p = SessionProcess::new(prog, &store);
        p.swap_with(it);
        let resp = run_request_guarded(it, w, req);
        p.swap_with(it);
        return resp; // dropping `p` releases what the request locked
    }
    let limits = rt.options().limits();
    let cookie = req.cookie(&rt.options().cookie_name());
    let now = rt.clock.now_ms();
    let store = it.web.worker.as_ref().and_then(|w| w.store.clone());
    let begun = table(it).begin(cookie.as_deref(), &req.peer_ip, now, &limits, || {
        SessionProcess::new(prog, &store)
    });
    let b = match begun {
        Ok(b) => b,
        Err(Refusal::IpMismatch) => {
            return HttpResponse::text(400, "Bad Request: session cookie from another IP address")
        }
        Err(Refusal::Full) => return HttpResponse::text(503, "Service Unavailable"),
    };
    for s in b.closed {
        close_session(it, s);
    }
    if b.id.is_empty() {
        return HttpResponse::text(503, "Service Unavailable");
    }
    let id = b.id;
    let secure = req.secure;
    // swap the session's process in
    let mut proc = std::mem::take(&mut table(it).get_mut(&id).expect("session just begun").payload);
    proc.swap_with(it);
    it.web.session = id.clone();
    if let Some(wk) = it.web.worker.as_mut() {
        wk.close_current = false;
    }
    let mut resp = run_request_guarded(it, w, req);
    proc.swap_with(it);
    it.web.session.clear();
    let end = rt.clock.now_ms();
    let t = table(it);
    if let Some(s) = t.get_mut(&id) {
        s.payload = proc;
    }
    t.end(&id, end);
    let close_now = it
        .web
        .worker
        .as_mut()
        .map(|w| std::mem::take(&mut w.close_current))
        .unwrap_or(false);
    if close_now {
        if let Some(s) = table(it).remove(&id) {
            close_session(it, s);
        }
        resp.headers.push((
            "Set-Cookie".into(),
            cookie_header(&rt, &id, None, &limits, secure),
        ));
    } else {
        let exp = table(it).expiration(&id, &limits);
        resp.headers.push((
            "Set-Cookie".into(),
            cookie_header(&rt, &id, exp, &limits, secure),
        ));
    }
    resp
}

/// Basic authentication user and password.
fn basic_auth(req: &HttpRequest) -> (String, String) {
    let Some(v) = req.header("authorization") else {
        return Default::default();
    };
    let Some(b64) = v
        .strip_prefix("Basic ")
        .or_else(|| v.strip_prefix("basic "))
    else {
        return Default::default();
    };
    let raw = base64_decode(b64.trim());
    let s = String::from_utf8_lossy(&raw);
    match s.split_once(':') {
        Some((u, p)) => (u.to_string(), p.to_string()),
        None => (s.into_owned(), String::new()),
    }
}

pub fn base64_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// A URL path whose request panics on the web thread (tests of the panic guard;
/// empty: none). Set from code only, never from a request.
static PANIC_PATH: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Makes every request for exactly `path` panic while it is handled (`""`: none).
#[doc(hidden)]
pub fn debug_panic_on(path: &str) {
    *PANIC_PATH.lock().unwrap_or_else(|e| e.into_inner()) = path.to_string();
}

/// [`run_request`], but a panic in it (a bug of fourd) answers this request with
/// 500, is logged on stderr, and leaves the interpreter as it was before the
/// request: the call stack and the error-handling state are cut back, the other
/// sessions' processes were never in it (issue #9). The current session keeps
/// its process with whatever the request had changed before the panic.
fn run_request_guarded(it: &mut Interp<'_>, w: &WebLoaded, req: HttpRequest) -> HttpResponse {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let what = format!("{} {}", req.method, req.url);
    let (frames, locals, ltypes, base) =
        (it.frames.len(), it.locals.len(), it.ltypes.len(), it.base);
    let (tries, in_handler, handler, cur_pos) = (
        it.oo.try_stack.len(),
        it.oo.in_handler,
        it.oo.handler.clone(),
        it.cur_pos,
    );
    match catch_unwind(AssertUnwindSafe(|| run_request(it, w, req))) {
        Ok(r) => r,
        Err(payload) => {
            it.frames.truncate(frames);
            it.locals.truncate(locals);
            it.ltypes.truncate(ltypes);
            it.base = base;
            it.oo.try_stack.truncate(tries);
            it.oo.in_handler = in_handler;
            it.oo.handler = handler;
            it.cur_pos = cur_pos;
            it.web.req = None;
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            it.write_err(&format!(
                "fourd: internal error while answering {}: {}\n",
                what, msg
            ));
            HttpResponse::text(500, "Internal Server Error")
        }
    }
}

/// Runs the 4D code of a request (in the process already swapped in).
fn run_request(it: &mut Interp<'_>, w: &WebLoaded, req: HttpRequest) -> HttpResponse {
    let (user, pw) = basic_auth(&req);
    let path = super::path_decode(req.path());
    {
        let hook = PANIC_PATH.lock().unwrap_or_else(|e| e.into_inner());
        if !hook.is_empty() && *hook == path {
            drop(hook);
            panic!("debug panic hook for {}", path);
        }
    }
    let params = vec![
        text(path.as_str()),
        text(req.header_and_body()),
        text(req.peer_ip.as_str()),
        text(req.server_ip.as_str()),
        text(user),
        text(pw),
    ];
    if path.eq_ignore_ascii_case("/rest") || path.to_ascii_lowercase().starts_with("/rest/") {
        // the REST server (crate::orda::rest)
        let (status, body) =
            crate::orda::rest::handle(it, &req.method, &path, req.query(), &req.body);
        return HttpResponse {
            status,
            headers: vec![(
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            )],
            body: body.into_bytes(),
        };
    }
    it.web.req = Some(Box::new(ReqCtx {
        req,
        resp: HttpResponse::default(),
    }));
    let result = (|| {
        if let Some(auth) = w.on_web_authentication {
            match it.call_method(auth, params.clone(), 0) {
                Ok(Value::Bool(false)) => return Some(HttpResponse::text(403, "Forbidden")),
                Ok(_) => {}
                Err(e) => {
                    let msg = crate::run::render_error(it.prog, &e);
                    it.write_err(&msg);
                    return Some(HttpResponse::text(403, "Forbidden"));
                }
            }
            // what the authentication method may have sent is discarded
            if let Some(r) = it.web.req.as_mut() {
                r.resp = HttpResponse::default();
            }
        }
        let lower = path.to_ascii_lowercase();
        let r = if let Some(rest) = lower.strip_prefix("/4daction/") {
            let name_len = rest.find('/').unwrap_or(rest.len());
            let name = &rest[..name_len];
            let tail = &path["/4daction/".len() + name_len..];
            match w.published.get(name) {
                Some(&id) => it.call_method(id, vec![text(tail)], 0),
                None => return Some(HttpResponse::text(404, "Not Found")),
            }
        } else if let Some(conn) = w.on_web_connection {
            it.call_method(conn, params, 0)
        } else {
            return Some(HttpResponse::text(404, "Not Found"));
        };
        if let Err(e) = r {
            let msg = crate::run::render_error(it.prog, &e);
            it.write_err(&msg);
            return Some(HttpResponse::text(500, "Internal Server Error"));
        }
        None
    })();
    let ctx = it.web.req.take();
    match result {
        Some(r) => r,
        None => ctx.map(|c| c.resp).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_cookie_is_http_only_same_site_and_secure_over_https() {
        let rt = WebRuntime::new(
            None,
            "app",
            Arc::new(crate::web::clock::ScaledClock::new(1.0)),
        );
        let limits = Limits::default();
        let plain = cookie_header(&rt, "ID", Some(0), &limits, false);
        assert!(plain.starts_with("4DSID_app=ID; Path=/"), "{}", plain);
        assert!(plain.ends_with("; HttpOnly; SameSite=Strict"), "{}", plain);
        let tls = cookie_header(&rt, "ID", Some(0), &limits, true);
        assert!(
            tls.ends_with("; HttpOnly; SameSite=Strict; Secure"),
            "{}",
            tls
        );
        let gone = cookie_header(&rt, "ID", None, &limits, true);
        assert!(
            gone.contains("Max-Age=0") && gone.contains("HttpOnly"),
            "{}",
            gone
        );
    }
}
