//! The rest of the web server commands: `WEB Server` (a `4D.WebServer` object),
//! `WEB Server list`, `WEB Get server info`, `WEB GET STATISTICS`, `WEB Is secured
//! connection`, `WEB SET ROOT FOLDER`, `WEB SET HOME PAGE`, `WEB SEND RAW DATA`,
//! `WEB Validate digest`, `Web Event`, `Session`, and `Generate password hash` /
//! `Verify password hash`.
//!
//! Choices where the docs are silent:
//! - The `WEB Server` object is a snapshot of the settings when it is made; its
//!   `start()` and `stop()` functions start and stop the server (settings given to
//!   `start()` are ignored) and return `{success}`.
//! - `WEB GET STATISTICS` lists the template pages the tag processor has cached
//!   (their paths) with the number of times each was used; usage is their share of
//!   a 100-page cache, in percent.
//! - `Web Event` reads the event from the request: a JSON body's `event` object, or
//!   the query parameters `caller` and `eventType`.
//! - Passwords are hashed with bcrypt (`$2y$`, cost 10 unless `options.cost` says
//!   4-31), as 4D does.
//! - `_fourd_member` is internal (the functions of `Session` objects call it).

use super::Args;
use crate::cmd;
use crate::commands::CommandDef;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Array, Obj, Value, VarType};
use crate::web::options::sel;
use crate::web::{self, WebRuntime};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("WEB Server", web_server),
    cmd!("WEB Server list", web_server_list),
    cmd!("WEB Get server info", web_get_server_info),
    cmd!("WEB GET STATISTICS", web_get_statistics, refs = 0b111),
    cmd!("WEB Is secured connection", web_is_secured_connection),
    cmd!("WEB SET ROOT FOLDER", web_set_root_folder),
    cmd!("WEB SET HOME PAGE", web_set_home_page),
    cmd!("WEB SEND RAW DATA", web_send_raw_data),
    cmd!("WEB Validate digest", web_validate_digest),
    cmd!("Web Event", web_event),
    cmd!("Session", session),
    cmd!("Generate password hash", generate_password_hash),
    cmd!("Verify password hash", verify_password_hash),
    cmd!("_fourd_member", fourd_member),
];

fn runtime(it: &mut Interp) -> Arc<WebRuntime> {
    web::host::get(it).rt.clone()
}

fn put(it: &mut Interp, o: &Obj, k: &str, v: Value) {
    let k = it.intern_key(k);
    o.borrow_mut().insert(k, v);
}

fn posix(p: &std::path::Path) -> String {
    let mut s = p.to_string_lossy().replace('\\', "/");
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

fn web_server(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let rt = runtime(it);
    let o = new_object();
    let (opts, running) = (rt.options().clone(), rt.is_running());
    let int = |s: i32| Value::Int(opts.int(s) as i32);
    let boolean = |s: i32| Value::Bool(opts.int(s) == 1);
    let root = web::pages::web_folder(&rt)
        .map(|p| posix(&p))
        .unwrap_or_default();
    let props = [
        ("name", text(opts.app_name())),
        ("isRunning", Value::Bool(running)),
        ("HTTPEnabled", boolean(88)),
        ("HTTPPort", int(sel::PORT)),
        ("HTTPSEnabled", boolean(89)),
        ("HTTPSPort", int(39)),
        ("IPAddressToListen", text(opts.text(sel::IP_TO_LISTEN))),
        ("rootFolder", text(root)),
        ("defaultHomepage", text("index.html")),
        ("keepSession", boolean(sel::LEGACY)),
        ("scalableSession", boolean(sel::SCALABLE)),
        ("maxConcurrentProcesses", int(sel::MAX_PROCESSES)),
        ("maxRequestSize", int(sel::MAX_REQUEST_SIZE)),
        ("maxSessions", int(sel::MAX_SESSIONS)),
        ("sessionCookieName", text(opts.cookie_name())),
        ("sessionCookieSameSite", text("Strict")),
        ("sessionIPAddressValidation", boolean(sel::IP_VALIDATION)),
        ("HSTSEnabled", boolean(86)),
        (
            "certificateFolder",
            text(rt.root.as_deref().map(posix).unwrap_or_default()),
        ),
        ("accessKeyDefined", Value::Bool(false)),
    ];
    for (k, v) in props {
        put(it, &o, k, v);
    }
    for (k, code) in [
        (
            "start",
            "New object(\"success\"; (Length(String(WEB START SERVER))>=0) & WEB Is server running)",
        ),
        (
            "stop",
            "New object(\"success\"; (Length(String(WEB STOP SERVER))>=0) & Not(WEB Is server running))",
        ),
    ] {
        let f = it.formula_from_text(code)?;
        put(it, &o, k, f);
    }
    Ok(Value::Object(o))
}

fn web_server_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let s = web_server(it, a)?;
    Ok(Value::Collection(new_collection(vec![s])))
}

fn web_get_server_info(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let rt = runtime(it);
    let o = new_object();
    let running = rt.is_running();
    let uptime = rt
        .extra
        .started
        .lock()
        .ok()
        .and_then(|t| *t)
        .filter(|_| running)
        .map_or(0, |t| t.elapsed().as_secs() as i32);
    let hits = rt.extra.hits.load(std::sync::atomic::Ordering::Relaxed) as f64;
    put(it, &o, "started", Value::Bool(running));
    put(it, &o, "uptime", Value::Int(uptime));
    put(it, &o, "httpRequestCount", Value::Real(hits));
    put(it, &o, "startMode", text("manual"));
    put(it, &o, "SOAPServerStarted", Value::Bool(false));
    put(it, &o, "version", text(env!("CARGO_PKG_VERSION")));
    let opts = rt.options().clone();
    let options = new_object();
    for (k, s) in [
        ("webPortID", sel::PORT),
        ("webHTTPSPortID", 39),
        ("webHTTPEnabled", 88),
        ("webHTTPSEnabled", 89),
        ("webMaxConcurrentProcesses", sel::MAX_PROCESSES),
        ("webMaximumRequestSize", sel::MAX_REQUEST_SIZE),
        ("webLegacySession", sel::LEGACY),
        ("webScalableSession", sel::SCALABLE),
    ] {
        put(it, &options, k, Value::Int(opts.int(s) as i32));
    }
    put(it, &o, "options", Value::Object(options));
    let security = new_object();
    put(
        it,
        &security,
        "HTTPSEnabled",
        Value::Bool(opts.int(89) == 1),
    );
    put(it, &o, "security", Value::Object(security));
    Ok(Value::Object(o))
}

fn web_get_statistics(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(3, "WEB GET STATISTICS")?;
    let stats = web::tags::cache_stats();
    let mut pages = Array::new(VarType::Text, stats.len());
    let mut hits = Array::new(VarType::Integer, stats.len());
    for (i, (p, n)) in stats.iter().enumerate() {
        pages.elems[i + 1] = text(p.as_str());
        hits.elems[i + 1] = Value::Int(*n as i32);
    }
    let usage = (stats.len().min(100)) as i32;
    let p = a.ptr(0, "WEB GET STATISTICS")?;
    it.set_raw(&p, Value::Array(Rc::new(RefCell::new(pages))))?;
    let p = a.ptr(1, "WEB GET STATISTICS")?;
    it.set_raw(&p, Value::Array(Rc::new(RefCell::new(hits))))?;
    let p = a.ptr(2, "WEB GET STATISTICS")?;
    it.store_ptr(&p, Value::Int(usage))?;
    Ok(Value::Undefined)
}

fn web_is_secured_connection(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(
        it.web.req.as_ref().is_some_and(|r| r.req.secure),
    ))
}

fn web_set_root_folder(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let path = a.text(0, "WEB SET ROOT FOLDER")?.to_string();
    let rt = runtime(it);
    let p = std::path::Path::new(&path);
    let full = if p.is_absolute() {
        p.to_path_buf()
    } else {
        rt.root.clone().unwrap_or_default().join(p)
    };
    if !full.is_dir() {
        super::set_ok(it, 0);
        return err(
            codes::BAD_ARG,
            format!("WEB SET ROOT FOLDER: no folder {}", path),
        );
    }
    if let Ok(mut r) = rt.extra.root_folder.lock() {
        *r = Some(full);
    }
    if let Ok(mut c) = rt.extra.root_cache.lock() {
        *c = None;
    }
    super::set_ok(it, 1);
    Ok(Value::Undefined)
}

fn web_set_home_page(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let page = a.text(0, "WEB SET HOME PAGE")?.to_string();
    let rt = runtime(it);
    let sid = it.web.session.clone();
    if let Ok(mut h) = rt.extra.home_pages.lock() {
        h.insert(sid, page);
    }
    Ok(Value::Undefined)
}

/// `WEB SEND RAW DATA`: the data is a whole HTTP answer (status line, headers, a
/// blank line, the body); without a status line it is all body.
fn web_send_raw_data(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let data = match a.get(0) {
        Value::Blob(b) => b.to_vec(),
        Value::Text(t) => t.as_bytes().to_vec(),
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!("WEB SEND RAW DATA: a Blob expected, got {}", v.type_name()),
            )
        }
    };
    let Some(r) = it.web.req.as_mut() else {
        return Ok(Value::Undefined);
    };
    let resp = &mut r.resp;
    let split = data
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|k| (k, 4))
        .or_else(|| data.windows(2).position(|w| w == b"\n\n").map(|k| (k, 2)));
    match (data.starts_with(b"HTTP/"), split) {
        (true, Some((k, sep))) => {
            let head = String::from_utf8_lossy(&data[..k]).into_owned();
            let mut lines = head.lines();
            let status = lines
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|c| c.parse().ok())
                .unwrap_or(200);
            resp.status = status;
            resp.headers.clear();
            for l in lines {
                if let Some((n, v)) = l.split_once(':') {
                    let n = n.trim();
                    // hyper frames the body itself
                    if n.eq_ignore_ascii_case("content-length")
                        || n.eq_ignore_ascii_case("transfer-encoding")
                    {
                        continue;
                    }
                    resp.headers.push((n.to_string(), v.trim().to_string()));
                }
            }
            resp.body = data[k + sep..].to_vec();
        }
        _ => resp.body = data,
    }
    Ok(Value::Undefined)
}

fn md5_hex(s: &str) -> String {
    use md5::Digest;
    md5::Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{:02x}", b))
        .collect()
}

/// The fields of a `Digest` Authorization header.
fn digest_fields(h: &str) -> Option<Vec<(String, String)>> {
    let rest = h
        .trim()
        .strip_prefix("Digest ")
        .or_else(|| h.trim().strip_prefix("digest "))?;
    let mut out = Vec::new();
    let mut s = rest;
    while !s.trim().is_empty() {
        let (k, v) = s.split_once('=')?;
        let k = k.trim().trim_start_matches(',').trim().to_ascii_lowercase();
        let v = v.trim_start();
        let (val, tail) = if let Some(q) = v.strip_prefix('"') {
            let end = q.find('"')?;
            (q[..end].to_string(), &q[end + 1..])
        } else {
            let end = v.find(',').unwrap_or(v.len());
            (v[..end].trim().to_string(), &v[end..])
        };
        out.push((k, val));
        s = tail.trim_start().trim_start_matches(',');
    }
    Some(out)
}

/// `WEB Validate digest(user; password)`: whether the request's Digest
/// authorization (RFC 2617, MD5, `qop=auth` or none) is this user's with this
/// password.
pub fn validate_digest(method: &str, header: &str, user: &str, password: &str) -> bool {
    let Some(f) = digest_fields(header) else {
        return false;
    };
    let get = |k: &str| {
        f.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    if get("username") != user || get("response").is_empty() {
        return false;
    }
    let ha1 = md5_hex(&format!("{}:{}:{}", user, get("realm"), password));
    let ha2 = md5_hex(&format!("{}:{}", method, get("uri")));
    let expected = if get("qop").is_empty() {
        md5_hex(&format!("{}:{}:{}", ha1, get("nonce"), ha2))
    } else {
        md5_hex(&format!(
            "{}:{}:{}:{}:{}:{}",
            ha1,
            get("nonce"),
            get("nc"),
            get("cnonce"),
            get("qop"),
            ha2
        ))
    };
    expected.eq_ignore_ascii_case(get("response"))
}

fn web_validate_digest(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let user = a.text(0, "WEB Validate digest")?.to_string();
    let pw = a.text(1, "WEB Validate digest")?.to_string();
    let ok = it.web.req.as_ref().is_some_and(|r| {
        let h = r.req.header("authorization").unwrap_or("");
        validate_digest(&r.req.method, h, &user, &pw)
    });
    Ok(Value::Bool(ok))
}

fn web_event(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let o = new_object();
    let Some(r) = it.web.req.as_ref() else {
        return Ok(Value::Object(o));
    };
    let body: Option<serde_json::Value> = serde_json::from_slice(&r.req.body).ok();
    if let Some(ev) = body
        .as_ref()
        .and_then(|b| b.get("event"))
        .filter(|e| e.is_object())
    {
        return Ok(super::json::from_json(ev.clone()));
    }
    let q = web::parse_form(r.req.query());
    let find = |k: &str| {
        q.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (caller, ty) = (find("caller"), find("eventType"));
    put(it, &o, "caller", text(caller));
    put(it, &o, "eventType", text(ty));
    put(it, &o, "data", Value::Object(new_object()));
    Ok(Value::Object(o))
}

fn session(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(match web::scalable::current(it) {
        Some(o) => Value::Object(o),
        None => Value::Null,
    })
}

fn fourd_member(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let code = a.text(0, "_fourd_member")?.to_string();
    Ok(web::scalable::call(&code, a.get(1), a.get(2)).unwrap_or(Value::Undefined))
}

fn generate_password_hash(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let pw = a.text(0, "Generate password hash")?.to_string();
    let mut cost = 10;
    if let Value::Object(o) = a.get(1) {
        let o = o.borrow();
        if let Some(alg) = o.get("algorithm") {
            let alg = crate::runtime::format::to_text(alg);
            if !alg.eq_ignore_ascii_case("bcrypt") {
                return err(
                    codes::BAD_ARG,
                    format!("Generate password hash: unknown algorithm {}", alg),
                );
            }
        }
        if let Some(c) = o.get("cost").and_then(|c| c.as_num()) {
            if !(4.0..=31.0).contains(&c) {
                return err(
                    codes::BAD_ARG,
                    "Generate password hash: the cost must be between 4 and 31",
                );
            }
            cost = c as u32;
        }
    }
    match bcrypt::hash_with_result(pw.as_bytes(), cost) {
        Ok(h) => Ok(text(h.format_for_version(bcrypt::Version::TwoY))),
        Err(e) => err(codes::BAD_ARG, format!("Generate password hash: {}", e)),
    }
}

fn verify_password_hash(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let pw = a.text(0, "Verify password hash")?.to_string();
    let hash = a.text(1, "Verify password hash")?.to_string();
    Ok(Value::Bool(
        bcrypt::verify(pw.as_bytes(), &hash).unwrap_or(false),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_of_rfc_2617_example() {
        // RFC 2617 section 3.5
        let h = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", \
                 nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", \
                 qop=auth, nc=00000001, cnonce=\"0a4f113b\", \
                 response=\"6629fae49393a05397450978507c4ef1\", \
                 opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        assert!(validate_digest("GET", h, "Mufasa", "Circle Of Life"));
        assert!(!validate_digest("GET", h, "Mufasa", "circle of life"));
        assert!(!validate_digest("GET", h, "Simba", "Circle Of Life"));
        assert!(!validate_digest(
            "GET",
            "Basic xyz",
            "Mufasa",
            "Circle Of Life"
        ));
        assert!(!validate_digest("GET", "Digest username=", "Mufasa", ""));
    }
}
