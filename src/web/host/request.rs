//! One request's run in its process (the session loop of `web::host` hands it over): the time limit,
//! the answer's cookie, Basic authentication, the panic guard, and the 4D code a
//! request reaches (`On Web Authentication`, `On Web Connection`, `4DACTION`,
//! pages with tags, static files).

use super::*;
/// Runs one request in the current process under the time limit; the response.
pub(super) fn answer(
    it: &mut Interp<'_>,
    entries: &WebEntries,
    req: HttpRequest,
    limit: Duration,
) -> HttpResponse {
    scheduler::set_deadline(it, Some(Instant::now() + limit));
    let mut resp = run_request_guarded(it, entries, req);
    if scheduler::overdue(it) {
        let cur = it.sched.cur;
        let stopping = it.sched.procs[cur].stopping;
        if !stopping {
            let e = crate::runtime::error::rt_error(
                crate::runtime::error::codes::INTERRUPTED,
                format!(
                    "Time limit exceeded: the request ran longer than {} s (--request-time-limit)",
                    limit.as_secs_f64()
                ),
            );
            let msg = crate::runtime::error::render_error(it.prog, &e);
            it.write_err(&msg);
        }
        resp = HttpResponse::text(503, "Service Unavailable");
    }
    scheduler::set_deadline(it, None);
    scheduler::clear_deadline_interrupt(it);
    it.flush();
    resp
}

pub(super) fn cookie_header(
    rt: &WebRuntime,
    id: &str,
    expires_ms: Option<i64>,
    limits: &Limits,
    secure: bool,
) -> String {
    let o = rt.options();
    let mut c = format!("{}={}", o.cookie_name(), id);
    let path = o.text(crate::web::options::sel::COOKIE_PATH);
    c.push_str("; Path=");
    c.push_str(if path.is_empty() { "/" } else { &path });
    let domain = o.text(crate::web::options::sel::COOKIE_DOMAIN);
    if !domain.is_empty() {
        c.push_str("; Domain=");
        c.push_str(&domain);
    }
    match expires_ms {
        Some(ms) => {
            c.push_str("; Expires=");
            c.push_str(&crate::web::clock::http_date(ms));
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
    let raw = crate::runtime::base64::decode(b64.trim().as_bytes());
    let s = String::from_utf8_lossy(&raw);
    match s.split_once(':') {
        Some((u, p)) => (u.to_string(), p.to_string()),
        None => (s.into_owned(), String::new()),
    }
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
fn run_request_guarded(it: &mut Interp<'_>, w: &WebEntries, req: HttpRequest) -> HttpResponse {
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
fn run_request(it: &mut Interp<'_>, w: &WebEntries, req: HttpRequest) -> HttpResponse {
    let (user, pw) = basic_auth(&req);
    let path = crate::web::path_decode(req.path());
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
        // the REST server (registered by the library: crate::orda::rest)
        let rest = crate::runtime::members::library().rest;
        let (status, body) = rest(it, &req.method, &path, req.query(), &req.body);
        return HttpResponse {
            status,
            headers: vec![(
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            )],
            body: body.into_bytes(),
            file: None,
        };
    }
    it.web.req = Some(Box::new(ReqCtx {
        req,
        resp: HttpResponse::default(),
    }));
    let result = (|| {
        // a page with tags: On Web Authentication runs only if the page has a
        // 4DSCRIPT or a method 4DLOOP, once, before the first (`web::tags`)
        let auth = w.on_web_authentication.map(|m| (m, params.clone()));
        if let Some(page) = crate::web::pages::tagged_page(it, &path, auth) {
            return Some(page);
        }
        if let Some(auth) = w.on_web_authentication {
            match it.call_method(auth, params.clone(), 0) {
                Ok(v) if crate::web::auth::refused(it.method(auth), &v) => {
                    return Some(HttpResponse::text(403, "Forbidden"))
                }
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
