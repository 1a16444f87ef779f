//! The web host: legacy sessions and requests as processes of the one
//! application (`runtime::host`).
//!
//! The HTTP front (`server`, on tokio threads) sends plain-data [`Event`]s over a
//! channel to the interpreter thread. When no process is ready, the scheduler
//! calls [`WebHost::pump`], which waits on that channel and on the session
//! clock, and turns each event into process work:
//!
//! - with legacy sessions, each session is a real 4D process (named
//!   `Web Process #N`, type -11 "Web process with context") created with the
//!   session; its requests are posted to its mailbox and run there in order, so
//!   its process variables, selections and current records persist between
//!   them, and `Current process`, `Count tasks`, `Process number` and
//!   `PROCESS PROPERTIES` see it like any other process;
//! - without legacy sessions each request is a fresh process (type -3 "Web
//!   process with no context") that ends with its request;
//! - closing a session (eviction, idle timeout, expired cookie, `WEB LEGACY CLOSE
//!   SESSION`, server stop) removes it from the table, then posts a close
//!   message to its process: `On Web Legacy Close Session` runs there, once,
//!   with the session's variables and records still valid, and the process ends.
//!
//! A request's code runs under a time limit (`fourd serve --request-time-limit`,
//! default 60 s; 4D has none): past it, error 35 stops the code in its process
//! and the request is answered 503. SIGINT/SIGTERM (or the end of `serve`'s
//! wait) interrupt the running code, close every session (running its close
//! method) and stop the front; `serve` then runs `On Exit`.
//!
//! Choices where the docs are silent (also in README.md):
//! - `WEB LEGACY CLOSE SESSION` of the *current* session is deferred to the end of
//!   the request: the rest of the request still sees its variables; the close
//!   method then runs and the response carries the expired cookie. Called for
//!   another session, it is synchronous: the method has run (in that session's
//!   process) when the command returns.
//! - `WEB STOP SERVER` closes every live session and runs the close method for each.
//! - A request refused by `On Web Authentication` gets 403; an error in 4D code gets
//!   500 (the error is written to stderr); a 4DACTION to an unknown or unpublished
//!   method gets 404; a request not answered by the 4D code gets 200 with an empty
//!   body.

mod request;
pub use request::debug_panic_on;
use request::{answer, cookie_header};

use super::sessions::{Limits, Refusal, SessionTable};
use super::{HttpRequest, HttpResponse, WebRuntime};
use crate::compile::ir::{MethodId, Program};
use crate::runtime::error::RtResult;
use crate::runtime::host::{Host, ReqCtx};
use crate::runtime::interp::Interp;
use crate::runtime::scheduler::{self, State};
use crate::runtime::value::text;
use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What reaches the interpreter thread from the outside.
pub enum Event {
    Request(HttpRequest, tokio::sync::oneshot::Sender<HttpResponse>),
    /// Close a session; the sender (if any) is told when the close method has run.
    Close(String, Option<mpsc::Sender<()>>),
    /// The cookie expiry of a session (session-clock ms).
    Expiration(String, mpsc::Sender<Option<i64>>),
    /// SIGINT/SIGTERM or the end of `serve`'s wait: close everything and stop.
    Quit,
}

/// The former name of [`Event`] (the events were jobs of a web thread).
pub type Job = Event;

/// A message to a web process (its host mailbox).
enum Mail {
    Request(HttpRequest, tokio::sync::oneshot::Sender<HttpResponse>),
    Close(Option<mpsc::Sender<()>>),
}

/// The methods a web request may run, found once in the program.
#[derive(Debug, Default)]
pub struct WebEntries {
    pub on_web_connection: Option<MethodId>,
    pub on_web_authentication: Option<MethodId>,
    pub on_web_close: Option<MethodId>,
    /// Lower-cased method name → id, for published methods.
    pub published: HashMap<String, MethodId>,
}

impl WebEntries {
    pub fn of(prog: &Program) -> WebEntries {
        let find = |n: &str| {
            prog.methods
                .iter()
                .position(|m| m.compiled && m.name == n)
                .map(|i| i as MethodId)
        };
        let mut published = HashMap::new();
        for (i, m) in prog.methods.iter().enumerate() {
            if m.compiled && crate::project::is_published_web(&m.path) {
                published.insert(m.name.to_lowercase(), i as MethodId);
            }
        }
        WebEntries {
            on_web_connection: find("On Web Connection"),
            on_web_authentication: find("On Web Authentication"),
            on_web_close: find("On Web Legacy Close Session"),
            published,
        }
    }
}

/// The default per-request time limit.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(60);

/// The web state of the application, installed as the interpreter's host.
pub struct WebHost {
    pub rt: Arc<WebRuntime>,
    /// The events channel; its sender goes to the front of each server started.
    tx: mpsc::Sender<Event>,
    rx: mpsc::Receiver<Event>,
    /// Legacy sessions: id → the index of the session's process.
    pub table: SessionTable<usize>,
    pub legacy: bool,
    entries: Rc<WebEntries>,
    /// Web processes whose session's `WEB LEGACY CLOSE SESSION` was deferred to
    /// the end of their request.
    close_current: Vec<usize>,
    /// Processes closing (server stop): the host stays active until they end.
    closing: Vec<usize>,
    /// The front is up.
    serving: bool,
    web_count: u32,
    next_scan: i64,
    pub time_limit: Duration,
    /// The interpreter's interrupt flag (set by the signal handler).
    pub interrupt: Arc<AtomicBool>,
}

impl WebHost {
    fn new(rt: Arc<WebRuntime>, it: &mut Interp<'_>) -> WebHost {
        scheduler::enable_deadlines(it);
        let (tx, rx) = mpsc::channel();
        WebHost {
            rt,
            tx,
            rx,
            table: SessionTable::new(),
            legacy: true,
            entries: Rc::new(WebEntries::of(it.prog)),
            close_current: Vec::new(),
            closing: Vec::new(),
            serving: false,
            web_count: 0,
            next_scan: i64::MIN,
            time_limit: DEFAULT_TIME_LIMIT,
            interrupt: it.interrupt.clone().unwrap_or_default(),
        }
    }

    /// A sender of events to this host (the front, signal and wait threads).
    pub fn sender(&self) -> mpsc::Sender<Event> {
        self.tx.clone()
    }

    pub fn is_serving(&self) -> bool {
        self.serving
    }
}

/// Installs the web host with `rt` (`fourd serve`), replacing any.
pub fn install<'a>(it: &'a mut Interp<'_>, rt: Arc<WebRuntime>) -> &'a mut WebHost {
    let h = WebHost::new(rt, it);
    it.host = Some(Box::new(h));
    get(it)
}

/// The application's web host, made on first use (`WEB SET OPTION`, `WEB START
/// SERVER` in `fourd run`) for the project of the program's first method.
pub fn get<'a>(it: &'a mut Interp<'_>) -> &'a mut WebHost {
    let is_web = it
        .host
        .as_mut()
        .is_some_and(|h| h.as_any_mut().downcast_mut::<WebHost>().is_some());
    if !is_web {
        let first = it.prog.methods.first().map(|m| m.path.clone());
        let rt = match first {
            Some(p) => WebRuntime::for_path(&p),
            None => WebRuntime::new(None, "fourd", Arc::new(super::clock::ScaledClock::new(1.0))),
        };
        let h = WebHost::new(rt, it);
        it.host = Some(Box::new(h));
    }
    match it
        .host
        .as_mut()
        .and_then(|h| h.as_any_mut().downcast_mut::<WebHost>())
    {
        Some(h) => h,
        None => unreachable!("a web host was installed just above"),
    }
}

/// The web host if one is installed (`None` while the host is pumping).
pub fn try_get<'a>(it: &'a mut Interp<'_>) -> Option<&'a mut WebHost> {
    it.host
        .as_mut()
        .and_then(|h| h.as_any_mut().downcast_mut::<WebHost>())
}

impl Host for WebHost {
    fn pump(&mut self, it: &mut Interp<'_>, until: Option<Instant>) -> bool {
        let mut handled = false;
        self.scan_idle(it);
        // what has arrived, without waiting (bounded: processes get their turn)
        for _ in 0..256 {
            match self.rx.try_recv() {
                Ok(ev) => {
                    self.handle(it, ev);
                    handled = true;
                }
                Err(_) => break,
            }
        }
        if !handled {
            let now = Instant::now();
            let scan = self
                .rt
                .clock
                .real_wait(self.next_scan.saturating_sub(self.rt.clock.now_ms()));
            let mut wait = scan.min(Duration::from_millis(200));
            if let Some(u) = until {
                wait = wait.min(u.saturating_duration_since(now));
            }
            if !wait.is_zero() {
                if let Ok(ev) = self.rx.recv_timeout(wait) {
                    self.handle(it, ev);
                    handled = true;
                    while let Ok(ev) = self.rx.try_recv() {
                        self.handle(it, ev);
                    }
                }
            }
        }
        self.closing.retain(|&i| !scheduler::is_done(it, i));
        handled
    }

    fn active(&self) -> bool {
        self.serving || !self.closing.is_empty()
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

impl WebHost {
    fn limits(&self) -> Limits {
        self.rt.options().limits()
    }

    /// Closes the sessions whose process has been idle too long (at their deadline,
    /// and at least every 200 ms of real time: options may have changed).
    fn scan_idle(&mut self, it: &mut Interp<'_>) {
        let clock = self.rt.clock.clone();
        let now = clock.now_ms();
        if now < self.next_scan || !self.legacy {
            return;
        }
        let limits = self.limits();
        for s in self.table.take_idle(now, &limits) {
            self.close_process(it, s.payload, None);
        }
        let cap = now + (clock.real_wait(1000).as_secs_f64().recip() * 200.0) as i64;
        self.next_scan = self
            .table
            .next_deadline(&limits)
            .map_or(cap, |d| d.min(cap));
    }

    fn close_process(&mut self, it: &mut Interp<'_>, i: usize, done: Option<mpsc::Sender<()>>) {
        scheduler::post(it, i, Box::new(Mail::Close(done)));
    }

    fn handle(&mut self, it: &mut Interp<'_>, ev: Event) {
        match ev {
            Event::Request(req, reply) => self.request(it, req, reply),
            Event::Close(id, done) => match self.table.remove(&id) {
                Some(s) => self.close_process(it, s.payload, done),
                None => {
                    if let Some(d) = done {
                        let _ = d.send(());
                    }
                }
            },
            Event::Expiration(id, reply) => {
                let limits = self.limits();
                let _ = reply.send(self.table.expiration(&id, &limits));
            }
            Event::Quit => {
                // the signal interrupted the running code; the close methods and
                // On Exit must run
                self.interrupt.store(false, Ordering::SeqCst);
                let mut procs = self.stop_front(it);
                for (i, p) in it.sched.procs.iter_mut().enumerate().skip(1) {
                    let busy = !matches!(p.state, State::Idle | State::Done);
                    if busy && (p.origin == ORIGIN_SESSION || p.origin == ORIGIN_NO_CONTEXT) {
                        p.stopping = true;
                        procs.push(i);
                    }
                }
                self.closing.extend(procs);
            }
        }
    }

    /// Stops the front (no new connections) and posts a close to every session;
    /// returns the processes of the sessions closed.
    pub fn stop_front(&mut self, it: &mut Interp<'_>) -> Vec<usize> {
        super::server::stop(&self.rt);
        self.serving = false;
        let mut procs = Vec::new();
        for s in self.table.take_all() {
            self.close_process(it, s.payload, None);
            procs.push(s.payload);
        }
        procs
    }

    fn request(
        &mut self,
        it: &mut Interp<'_>,
        req: HttpRequest,
        reply: tokio::sync::oneshot::Sender<HttpResponse>,
    ) {
        let entries = self.entries.clone();
        if !self.legacy {
            // no legacy sessions: a fresh process for each request
            self.web_count += 1;
            let name = format!("Web Process #{}", self.web_count);
            let limit = self.time_limit;
            let body: scheduler::Body = Box::new(move |it: &mut Interp<'_>| {
                let resp = answer(it, &entries, req, limit);
                let _ = reply.send(resp);
                Ok(())
            });
            if scheduler::spawn_body(it, &name, ORIGIN_NO_CONTEXT, body) == 0 {
                // (the body, and `reply` with it, is dropped: the front answers 503)
            }
            return;
        }
        let limits = self.limits();
        let cookie = req.cookie(&self.rt.options().cookie_name());
        let now = self.rt.clock.now_ms();
        let begun = self
            .table
            .begin(cookie.as_deref(), &req.peer_ip, now, &limits, || usize::MAX);
        let b = match begun {
            Ok(b) => b,
            Err(Refusal::IpMismatch) => {
                let _ = reply.send(HttpResponse::text(
                    400,
                    "Bad Request: session cookie from another IP address",
                ));
                return;
            }
            Err(Refusal::Full) => {
                let _ = reply.send(HttpResponse::text(503, "Service Unavailable"));
                return;
            }
        };
        for s in b.closed {
            self.close_process(it, s.payload, None);
        }
        if b.id.is_empty() {
            let _ = reply.send(HttpResponse::text(503, "Service Unavailable"));
            return;
        }
        let proc = match self.table.get(&b.id).map(|s| s.payload) {
            Some(p) if p != usize::MAX => p,
            _ => {
                self.web_count += 1;
                let name = format!("Web Process #{}", self.web_count);
                let id = b.id.clone();
                let body: scheduler::Body =
                    Box::new(move |it: &mut Interp<'_>| session_loop(it, &entries, &id));
                let n = scheduler::spawn_body(it, &name, ORIGIN_SESSION, body);
                if n == 0 {
                    self.table.remove(&b.id);
                    let _ = reply.send(HttpResponse::text(503, "Service Unavailable"));
                    return;
                }
                let i = n as usize - 1;
                if let Some(s) = self.table.get_mut(&b.id) {
                    s.payload = i;
                }
                i
            }
        };
        scheduler::post(it, proc, Box::new(Mail::Request(req, reply)));
    }
}

/// `Web process with context` (a legacy session's process).
pub const ORIGIN_SESSION: i32 = -11;
/// `Web process with no context` (one request, no legacy session).
pub const ORIGIN_NO_CONTEXT: i32 = -3;

/// The life of a legacy session's process: its requests in order, then its close.
fn session_loop(it: &mut Interp<'_>, entries: &WebEntries, id: &str) -> RtResult<()> {
    it.web.session = id.to_string();
    loop {
        let m = scheduler::next_host_message(it)?;
        let Ok(m) = m.downcast::<Mail>() else {
            continue;
        };
        match *m {
            Mail::Request(req, reply) => {
                let me = it.sched.cur;
                let limit = try_get(it).map_or(DEFAULT_TIME_LIMIT, |h| h.time_limit);
                let secure = req.secure;
                let mut resp = answer(it, entries, req, limit);
                let Some(h) = try_get(it) else {
                    let _ = reply.send(resp);
                    continue;
                };
                let rt = h.rt.clone();
                let limits = h.limits();
                h.table.end(id, rt.clock.now_ms());
                let close_now = match h.close_current.iter().position(|&p| p == me) {
                    Some(k) => {
                        h.close_current.swap_remove(k);
                        true
                    }
                    None => false,
                };
                if close_now {
                    h.table.remove(id);
                    resp.headers.push((
                        "Set-Cookie".into(),
                        cookie_header(&rt, id, None, &limits, secure),
                    ));
                    let _ = reply.send(resp);
                    run_close(it, entries, id);
                    return Ok(());
                }
                let exp = h.table.expiration(id, &limits);
                resp.headers.push((
                    "Set-Cookie".into(),
                    cookie_header(&rt, id, exp, &limits, secure),
                ));
                let _ = reply.send(resp);
            }
            Mail::Close(done) => {
                run_close(it, entries, id);
                if let Some(d) = done {
                    let _ = d.send(());
                }
                return Ok(());
            }
        }
    }
}

/// Runs `On Web Legacy Close Session` in the session's own process (its variables,
/// selections and current records still valid). The process then ends, which
/// clears its selections and releases its records.
fn run_close(it: &mut Interp<'_>, entries: &WebEntries, id: &str) {
    let cur = it.sched.cur;
    it.sched.procs[cur].stopping = false;
    scheduler::clear_deadline_interrupt(it);
    let Some(m) = entries.on_web_close else {
        return;
    };
    it.web.session = id.to_string();
    it.web.req = None;
    scheduler::set_deadline(it, Some(Instant::now() + DEFAULT_TIME_LIMIT));
    if let Err(e) = it.call_method(m, Vec::new(), 0) {
        if !e.abort {
            let msg = crate::runtime::error::render_error(it.prog, &e);
            it.write_err(&msg);
        }
    }
    scheduler::set_deadline(it, None);
    it.flush();
}

/// Closes a session by id if it exists (unknown ids do nothing): its close
/// method has run when this returns, except for the current session, whose close
/// is deferred to the end of its request.
pub fn close_by_id(it: &mut Interp<'_>, id: &str) -> RtResult<()> {
    let me = it.sched.cur;
    let is_current = it.web.req.is_some() && it.web.session == id;
    let Some(h) = try_get(it) else {
        return Ok(());
    };
    if !h.legacy {
        return Ok(());
    }
    if is_current {
        if !h.close_current.contains(&me) {
            h.close_current.push(me);
        }
        return Ok(());
    }
    let Some(s) = h.table.remove(id) else {
        return Ok(());
    };
    let p = s.payload;
    scheduler::post(it, p, Box::new(Mail::Close(None)));
    scheduler::wait_for_end(it, p)
}

/// Runs `f` with the web host taken out of the interpreter (so that both can be
/// used), then puts it back.
fn with_host<R>(it: &mut Interp<'_>, f: impl FnOnce(&mut WebHost, &mut Interp<'_>) -> R) -> R {
    get(it);
    let mut b = it.host.take();
    let r = match b
        .as_mut()
        .and_then(|h| h.as_any_mut().downcast_mut::<WebHost>())
    {
        Some(h) => f(h, it),
        None => unreachable!("get installed a web host"),
    };
    if it.host.is_none() {
        it.host = b;
    }
    r
}

/// `WEB START SERVER` / `fourd serve`: starts the front of the application's
/// server (already running: its address).
pub fn start_server(it: &mut Interp<'_>) -> Result<std::net::SocketAddr, String> {
    let h = get(it);
    if let Some(a) = h.rt.local_addr() {
        return Ok(a);
    }
    if h.rt.root.is_none() {
        return Err("the web server needs a 4D project folder".into());
    }
    let (scalable, legacy) = {
        let o = h.rt.options();
        (
            o.int(super::options::sel::SCALABLE) == 1,
            o.int(super::options::sel::LEGACY) == 1,
        )
    };
    h.legacy = !scalable && legacy;
    let addr = super::server::start(&h.rt, h.tx.clone(), h.interrupt.clone())?;
    h.serving = true;
    Ok(addr)
}

/// `WEB STOP SERVER`: stops the front and closes every session; their close
/// methods have run when this returns (but the current session's, which runs at
/// the end of its request).
pub fn stop_server(it: &mut Interp<'_>) -> RtResult<()> {
    let procs = with_host(it, |h, it| h.stop_front(it));
    for p in procs {
        scheduler::wait_for_end(it, p)?;
    }
    Ok(())
}

/// The cookie expiry of a session (session-clock ms), if it exists.
pub fn expiration(it: &mut Interp<'_>, id: &str) -> Option<i64> {
    let h = get(it);
    let limits = h.limits();
    h.table.expiration(id, &limits)
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
