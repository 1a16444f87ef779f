//! Web server, legacy session and HTTP client commands (issue #6). The machinery
//! lives in `crate::web`; these functions read their arguments and call it.
//!
//! - Commands that answer the request (`WEB SEND TEXT`...) do nothing outside a
//!   web request; `WEB Get current session ID` gives `""` there.
//! - `WEB SEND TEXT`, `WEB SEND BLOB` of `text/html` and `WEB SEND FILE` of an HTML
//!   file process 4D tags (`crate::web::pages`).
//! - `WEB LEGACY GET SESSION EXPIRATION` gives the expiry in UTC (fourd has no time
//!   zone database), and the null date and time for an unknown session or in
//!   scalable mode.

use super::Args;
use crate::cmd;
use crate::commands::CommandDef;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Array, Date, Ptr, Value, VarType};
use crate::web::options::OptVal;
use crate::web::{self, client, HttpResponse, WebRuntime};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("WEB SET OPTION", web_set_option),
    cmd!("WEB GET OPTION", web_get_option, refs = 0b10),
    cmd!("WEB LEGACY CLOSE SESSION", web_legacy_close_session),
    cmd!(
        "WEB LEGACY GET SESSION EXPIRATION",
        web_legacy_get_session_expiration,
        refs = 0b110
    ),
    cmd!("WEB Get current session ID", web_get_current_session_id),
    cmd!("WEB START SERVER", web_start_server),
    cmd!("WEB STOP SERVER", web_stop_server),
    cmd!("WEB Is server running", web_is_server_running),
    cmd!("WEB SEND TEXT", web_send_text),
    cmd!("WEB SEND BLOB", web_send_blob),
    cmd!("WEB SEND FILE", web_send_file),
    cmd!("WEB SEND HTTP REDIRECT", web_send_http_redirect),
    cmd!("WEB SET HTTP HEADER", web_set_http_header, refs = 0b11),
    cmd!("WEB GET HTTP HEADER", web_get_http_header, refs = 0b11),
    cmd!("WEB GET VARIABLES", web_get_variables, refs = 0b11),
    cmd!("WEB GET HTTP BODY", web_get_http_body, refs = 0b1),
    cmd!("WEB GET BODY PART", web_get_body_part, refs = 0b11110),
    cmd!("WEB Get body part count", web_get_body_part_count),
    cmd!("HTTP Request", http_request, refs = 0b111000),
    cmd!("HTTP Get", http_get, refs = 0b1110),
    cmd!("HTTP SET OPTION", http_set_option),
];

/// The value of a web constant the front end's table lacks.
pub fn constant(name: &str) -> Option<Value> {
    web::options::CONSTANTS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| Value::Int(*v))
}

fn runtime(it: &mut Interp) -> Arc<WebRuntime> {
    web::host::get(it).rt.clone()
}

fn set_ok(it: &mut Interp, ok: bool) {
    crate::runtime::registry::set_ok(it, ok as i32);
}

// ------------------------------------------------------------------- options

fn web_set_option(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(2, "WEB SET OPTION")?;
    let sel = a.int(0, "WEB SET OPTION")? as i32;
    let v = match a.get(1) {
        Value::Int(i) => OptVal::Int(*i as i64),
        Value::Real(r) => OptVal::Int(r.trunc() as i64),
        Value::Text(t) => OptVal::Text(t.to_string()),
        c @ Value::Collection(_) => OptVal::Json(super::json::stringify(c, false)?),
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!(
                    "WEB SET OPTION: an Integer, a Text or a Collection expected, got {}",
                    v.type_name()
                ),
            )
        }
    };
    let rt = runtime(it);
    let r = rt.options().set(sel, v);
    r.map(|_| Value::Undefined)
}

fn web_get_option(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(2, "WEB GET OPTION")?;
    let sel = a.int(0, "WEB GET OPTION")? as i32;
    let p = a.ptr(1, "WEB GET OPTION")?;
    let rt = runtime(it);
    let v = match served_port(&rt, sel) {
        Some(port) => OptVal::Int(port as i64),
        None => rt.options().get(sel)?,
    };
    let v = match v {
        OptVal::Int(i) => Value::Int(i as i32),
        OptVal::Text(t) => text(t),
        OptVal::Json(j) => super::json::from_json(
            serde_json::from_str(&j).unwrap_or(serde_json::Value::Array(vec![])),
        ),
    };
    it.store_ptr(&p, v)?;
    Ok(Value::Undefined)
}

/// `Web port ID` while the server runs is the port it listens on (`fourd serve --port N`,
/// including `--port 0`, wins over the option, as the settings of the structure do in
/// 4D); when stopped, `--port` if given, else the option's value (80 by default).
fn served_port(rt: &WebRuntime, sel: i32) -> Option<u16> {
    if sel != web::options::sel::PORT {
        return None;
    }
    if let Some(addr) = rt.local_addr() {
        return Some(addr.port());
    }
    rt.port_override
        .lock()
        .ok()
        .and_then(|p| *p)
        .filter(|p| *p != 0)
}

// ------------------------------------------------------------------ sessions

fn web_get_current_session_id(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text(it.web.session.as_str()))
}

fn web_legacy_close_session(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let id = a.text(0, "WEB LEGACY CLOSE SESSION")?.to_string();
    // the session's process runs its close method; this process waits for it
    web::host::close_by_id(it, &id)?;
    Ok(Value::Undefined)
}

fn web_legacy_get_session_expiration(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let id = a.text(0, "WEB LEGACY GET SESSION EXPIRATION")?.to_string();
    let exp = web::host::expiration(it, &id);
    let (d, t) = match exp {
        Some(ms) => {
            let secs = ms.div_euclid(1000);
            let (y, m, d) = web::clock::civil_from_days(secs.div_euclid(86_400));
            (
                Value::Date(Date {
                    year: y as u16,
                    month: m as u8,
                    day: d as u8,
                }),
                Value::Time(secs.rem_euclid(86_400)),
            )
        }
        None => (Value::Date(Date::default()), Value::Time(0)),
    };
    if a.len() > 1 {
        let p = a.ptr(1, "WEB LEGACY GET SESSION EXPIRATION")?;
        it.store_ptr(&p, d)?;
    }
    if a.len() > 2 {
        let p = a.ptr(2, "WEB LEGACY GET SESSION EXPIRATION")?;
        it.store_ptr(&p, t)?;
    }
    Ok(Value::Undefined)
}

// -------------------------------------------------------------------- server

fn web_start_server(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    match web::host::start_server(it) {
        Ok(_) => set_ok(it, true),
        Err(m) => {
            it.write_err(&format!("WEB START SERVER: {}\n", m));
            set_ok(it, false);
        }
    }
    Ok(Value::Undefined)
}

fn web_stop_server(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    web::host::stop_server(it)?;
    Ok(Value::Undefined)
}

fn web_is_server_running(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let rt = runtime(it);
    Ok(Value::Bool(rt.is_running()))
}

// ------------------------------------------------------------------ response

fn response<'a>(it: &'a mut Interp<'_>) -> Option<&'a mut HttpResponse> {
    it.web.req.as_mut().map(|r| &mut r.resp)
}

fn send(it: &mut Interp, body: Vec<u8>, mime: &str) {
    if let Some(r) = response(it) {
        r.body = body;
        r.file = None;
        if !r
            .headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            || !mime.is_empty()
        {
            let m = if mime.is_empty() {
                "text/html; charset=utf-8"
            } else {
                mime
            };
            r.set_header("Content-Type", m);
        }
    }
}

fn web_send_text(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "WEB SEND TEXT")?;
    let mime = if a.len() > 1 {
        a.text(1, "WEB SEND TEXT")?.to_string()
    } else {
        String::new()
    };
    let mime = if mime.is_empty() {
        "text/html; charset=utf-8".to_string()
    } else if mime.starts_with("text/") && !mime.contains("charset") {
        format!("{}; charset=utf-8", mime)
    } else {
        mime
    };
    let body = if mime.starts_with("text/html") && it.web.req.is_some() {
        web::pages::process_html(it, &t)
    } else {
        t.to_string()
    };
    send(it, body.into_bytes(), &mime);
    Ok(Value::Undefined)
}

fn web_send_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let body = match a.get(0) {
        Value::Blob(b) => b.to_vec(),
        Value::Text(t) => t.as_bytes().to_vec(),
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!("WEB SEND BLOB: a Blob expected, got {}", v.type_name()),
            )
        }
    };
    let mime = if a.len() > 1 {
        a.text(1, "WEB SEND BLOB")?.to_string()
    } else {
        String::new()
    };
    let mime = if mime.is_empty() {
        "application/octet-stream".into()
    } else {
        mime
    };
    let body = if mime.starts_with("text/html") && it.web.req.is_some() {
        web::pages::process_html(it, &String::from_utf8_lossy(&body)).into_bytes()
    } else {
        body
    };
    send(it, body, &mime);
    Ok(Value::Undefined)
}

fn web_send_file(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "WEB SEND FILE")?.to_string();
    let rt = runtime(it);
    let found = web::pages::send_file_path(&rt, &name);
    let sent = match &found {
        Some(path) if web::pages::is_html(path) => {
            web::pages::process_file(it, path).map(|page| page.into_bytes())
        }
        // other files are streamed from disk by the HTTP front (not read here)
        Some(_) => Ok(Vec::new()),
        None => Err(String::new()),
    };
    match (sent, found) {
        (Ok(bytes), Some(path)) => {
            send(it, bytes, web::mime_of(&path));
            if !web::pages::is_html(&path) {
                if let Some(r) = response(it) {
                    r.file = Some(path);
                }
            }
            set_ok(it, true);
        }
        _ => {
            if let Some(r) = response(it) {
                *r = HttpResponse::text(404, "Not Found");
            }
            set_ok(it, false);
        }
    }
    Ok(Value::Undefined)
}

fn web_send_http_redirect(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let url = a.text(0, "WEB SEND HTTP REDIRECT")?.to_string();
    if let Some(r) = response(it) {
        r.status = 302;
        r.set_header("Location", &url);
        r.body.clear();
    }
    Ok(Value::Undefined)
}

fn text_array(it: &mut Interp, p: &Ptr, vals: Vec<String>) -> RtResult<()> {
    let mut arr = Array::new(VarType::Text, vals.len());
    for (i, v) in vals.into_iter().enumerate() {
        arr.elems[i + 1] = text(v);
    }
    it.set_raw(p, Value::Array(Rc::new(RefCell::new(arr))))
}

fn array_texts(it: &mut Interp, p: &Ptr) -> RtResult<Vec<String>> {
    match it.deref_raw(p)? {
        Value::Array(arr) => Ok(arr
            .borrow()
            .elems
            .iter()
            .skip(1)
            .map(|v| match v {
                Value::Text(t) => t.to_string(),
                Value::Int(i) => i.to_string(),
                _ => String::new(),
            })
            .collect()),
        v => err(
            codes::NOT_ARRAY,
            format!("an array expected, got {}", v.type_name()),
        ),
    }
}

/// The text of an argument passed by reference or by value.
fn text_arg(it: &mut Interp, a: &Args, i: usize, cmd: &str) -> RtResult<String> {
    match a.get(i) {
        Value::Pointer(p) => match it.deref_raw(p)? {
            Value::Text(t) => Ok(t.to_string()),
            v => err(
                codes::TYPE_MISMATCH,
                format!("{}: a Text expected, got {}", cmd, v.type_name()),
            ),
        },
        _ => Ok(a.text(i, cmd)?.to_string()),
    }
}

fn web_set_http_header(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut pairs = Vec::new();
    let is_array =
        matches!(a.get(0), Value::Pointer(p) if matches!(it.deref_raw(p), Ok(Value::Array(_))));
    if is_array {
        let names = array_texts(it, &*a.ptr(0, "WEB SET HTTP HEADER")?)?;
        let vals = array_texts(it, &*a.ptr(1, "WEB SET HTTP HEADER")?)?;
        pairs.extend(names.into_iter().zip(vals));
    } else {
        let t = text_arg(it, a, 0, "WEB SET HTTP HEADER")?;
        for line in t.split(['\r', '\n']).filter(|l| !l.is_empty()) {
            if let Some(rest) = line.strip_prefix("HTTP/") {
                if let Some(code) = rest.split_whitespace().nth(1) {
                    pairs.push(("X-STATUS".into(), code.to_string()));
                }
            } else if let Some((k, v)) = line.split_once(':') {
                pairs.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }
    if let Some(r) = response(it) {
        for (k, v) in pairs {
            if k.eq_ignore_ascii_case("X-STATUS") {
                if let Some(code) = v
                    .split_whitespace()
                    .next()
                    .and_then(|c| c.parse::<u16>().ok())
                {
                    if (100..1000).contains(&code) {
                        r.status = code;
                    }
                }
            } else if !k.is_empty() && !k.contains([' ', '\r', '\n']) {
                if k.eq_ignore_ascii_case("set-cookie") {
                    r.headers.push((k, v));
                } else {
                    r.set_header(&k, &v);
                }
            }
        }
    }
    Ok(Value::Undefined)
}

fn web_get_http_header(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let Some(req) = it.web.req.as_ref().map(|r| r.req.clone()) else {
        return Ok(Value::Undefined);
    };
    let p = a.ptr(0, "WEB GET HTTP HEADER")?;
    if a.len() >= 2 {
        let mut names = vec!["X-METHOD".to_string(), "X-URL".into(), "X-VERSION".into()];
        let mut vals = vec![req.method.clone(), req.url.clone(), req.version.clone()];
        for (k, v) in &req.headers {
            names.push(k.clone());
            vals.push(v.clone());
        }
        text_array(it, &p, names)?;
        let q = a.ptr(1, "WEB GET HTTP HEADER")?;
        text_array(it, &q, vals)?;
    } else {
        it.store_ptr(&p, text(req.header_text()))?;
    }
    Ok(Value::Undefined)
}

/// The form fields of the request: query string, then an url-encoded or multipart
/// body (text parts only).
fn form_fields(req: &web::HttpRequest) -> Vec<(String, String)> {
    let mut v = web::parse_form(req.query());
    let ct = req
        .header("content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    if ct.starts_with("application/x-www-form-urlencoded") {
        v.extend(web::parse_form(&String::from_utf8_lossy(&req.body)));
    } else if ct.starts_with("multipart/form-data") {
        for p in multipart(req) {
            if p.filename.is_empty() {
                v.push((p.name, String::from_utf8_lossy(&p.data).into_owned()));
            }
        }
    }
    v
}

fn web_get_variables(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let fields = it
        .web
        .req
        .as_ref()
        .map(|r| form_fields(&r.req))
        .unwrap_or_default();
    let (names, vals): (Vec<String>, Vec<String>) = fields.into_iter().unzip();
    let p = a.ptr(0, "WEB GET VARIABLES")?;
    text_array(it, &p, names)?;
    let q = a.ptr(1, "WEB GET VARIABLES")?;
    text_array(it, &q, vals)?;
    Ok(Value::Undefined)
}

fn web_get_http_body(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let body = it
        .web
        .req
        .as_ref()
        .map(|r| r.req.body.clone())
        .unwrap_or_default();
    let p = a.ptr(0, "WEB GET HTTP BODY")?;
    let v = match it.ptr_type(&p) {
        VarType::Blob => Value::Blob(Rc::new(body)),
        _ => text(String::from_utf8_lossy(&body).into_owned()),
    };
    it.store_ptr(&p, v)?;
    Ok(Value::Undefined)
}

/// A part of a `multipart/form-data` body.
#[derive(Debug, Default, Clone)]
pub struct Part {
    pub name: String,
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The parts of a multipart body.
pub fn multipart(req: &web::HttpRequest) -> Vec<Part> {
    let ct = req.header("content-type").unwrap_or("");
    let Some(b) = ct
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
    else {
        return Vec::new();
    };
    let delim = format!("--{}", b.trim_matches('"'));
    let body = &req.body;
    let mut parts = Vec::new();
    let Some(mut pos) = find(body, delim.as_bytes(), 0) else {
        return parts;
    };
    loop {
        pos += delim.len();
        if body[pos..].starts_with(b"--") {
            break;
        }
        let Some(head_end) = find(body, b"\r\n\r\n", pos) else {
            break;
        };
        let head = String::from_utf8_lossy(&body[pos..head_end]).into_owned();
        let data_start = head_end + 4;
        let next_delim = format!("\r\n{}", delim);
        let Some(end) = find(body, next_delim.as_bytes(), data_start) else {
            break;
        };
        let mut part = Part {
            data: body[data_start..end].to_vec(),
            ..Default::default()
        };
        for line in head.lines() {
            let l = line.to_ascii_lowercase();
            if l.starts_with("content-disposition") {
                for kv in line.split(';').skip(1) {
                    if let Some((k, v)) = kv.trim().split_once('=') {
                        let v = v.trim().trim_matches('"').to_string();
                        match k.trim().to_ascii_lowercase().as_str() {
                            "name" => part.name = v,
                            "filename" => part.filename = v,
                            _ => {}
                        }
                    }
                }
            } else if l.starts_with("content-type") {
                part.content_type = line
                    .split_once(':')
                    .map(|x| x.1.trim().to_string())
                    .unwrap_or_default();
            }
        }
        parts.push(part);
        pos = end + 2;
    }
    parts
}

fn web_get_body_part_count(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let n = it
        .web
        .req
        .as_ref()
        .map(|r| multipart(&r.req).len())
        .unwrap_or(0);
    Ok(Value::Int(n as i32))
}

fn web_get_body_part(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let k = a.int(0, "WEB GET BODY PART")?;
    let parts = it
        .web
        .req
        .as_ref()
        .map(|r| multipart(&r.req))
        .unwrap_or_default();
    let Some(part) = (k >= 1)
        .then(|| parts.get(k as usize - 1))
        .flatten()
        .cloned()
    else {
        return err(
            codes::OUT_OF_RANGE,
            format!("WEB GET BODY PART: no part {}", k),
        );
    };
    let p = a.ptr(1, "WEB GET BODY PART")?;
    let v = match it.ptr_type(&p) {
        VarType::Text => text(String::from_utf8_lossy(&part.data).into_owned()),
        _ => Value::Blob(Rc::new(part.data)),
    };
    it.store_ptr(&p, v)?;
    let outs = [part.name, part.content_type, part.filename];
    for (i, s) in outs.into_iter().enumerate() {
        if a.len() > i + 2 {
            let q = a.ptr(i + 2, "WEB GET BODY PART")?;
            it.store_ptr(&q, text(s))?;
        }
    }
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------- client

fn http_set_option(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let opt = a.int(0, "HTTP SET OPTION")?;
    let v = a.num(1, "HTTP SET OPTION")?;
    match opt {
        1 => it.web.http.timeout_s = v.max(0.0),
        2 => it.web.http.follow_redirect = v != 0.0,
        3 => it.web.http.max_redirect = v.max(0.0) as u32,
        4..=7 => {}
        _ => {
            return err(
                codes::BAD_ARG,
                format!("HTTP SET OPTION: unknown option {}", opt),
            )
        }
    }
    Ok(Value::Undefined)
}

fn body_bytes(v: &Value) -> RtResult<Vec<u8>> {
    Ok(match v {
        Value::Blob(b) => b.to_vec(),
        Value::Text(t) => t.as_bytes().to_vec(),
        Value::Object(_) | Value::Collection(_) => super::json::stringify(v, false)?.into_bytes(),
        Value::Undefined | Value::Null => Vec::new(),
        other => crate::runtime::format::to_text(other).into_bytes(),
    })
}

fn do_http(
    it: &mut Interp,
    a: &Args,
    method: &str,
    url: &str,
    body: Vec<u8>,
    resp_at: usize,
    cmd: &str,
) -> RtResult<Value> {
    // request headers from the header arrays, if given
    let mut headers = Vec::new();
    if a.len() > resp_at + 2 {
        let np = a.ptr(resp_at + 1, cmd)?;
        let vp = a.ptr(resp_at + 2, cmd)?;
        if let (Ok(n), Ok(v)) = (array_texts(it, &np), array_texts(it, &vp)) {
            headers = n.into_iter().zip(v).collect();
        }
    }
    let opts = it.web.http.clone();
    // the request runs on a thread of its own while this process waits (the
    // other processes, the web server's included, go on)
    let (tx, rx) = std::sync::mpsc::channel();
    let (m, u) = (method.to_string(), url.to_string());
    let spawned = std::thread::Builder::new()
        .name("fourd-http-client".into())
        .spawn(move || {
            let _ = tx.send(client::request(&m, &u, &headers, &body, &opts));
        });
    if spawned.is_err() {
        return err(codes::BAD_ARG, format!("{}: cannot start the request", cmd));
    }
    let result = loop {
        match rx.try_recv() {
            Ok(r) => break r,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                break Err("the request failed".to_string())
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                crate::runtime::scheduler::delay_current(it, std::time::Duration::from_millis(1))?
            }
        }
    };
    match result {
        Ok(r) => {
            if a.len() > resp_at {
                let p = a.ptr(resp_at, cmd)?;
                let v = match it.ptr_type(&p) {
                    VarType::Blob => Value::Blob(Rc::new(r.body.clone())),
                    VarType::Object | VarType::Collection => {
                        match serde_json::from_slice(&r.body) {
                            Ok(j) => super::json::from_json(j),
                            Err(_) => Value::Null,
                        }
                    }
                    _ => text(r.text()),
                };
                it.store_ptr(&p, v)?;
            }
            if a.len() > resp_at + 2 {
                let np = a.ptr(resp_at + 1, cmd)?;
                let vp = a.ptr(resp_at + 2, cmd)?;
                let (n, v): (Vec<String>, Vec<String>) = r.headers.iter().cloned().unzip();
                text_array(it, &np, n)?;
                text_array(it, &vp, v)?;
            }
            set_ok(it, true);
            Ok(Value::Int(r.status as i32))
        }
        Err(m) => err(codes::BAD_ARG, format!("{}: {}", cmd, m)),
    }
}

fn http_get(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(2, "HTTP Get")?;
    let url = a.text(0, "HTTP Get")?.to_string();
    do_http(it, a, "GET", &url, Vec::new(), 1, "HTTP Get")
}

fn http_request(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(4, "HTTP Request")?;
    let method = a.text(0, "HTTP Request")?.to_uppercase();
    let url = a.text(1, "HTTP Request")?.to_string();
    let body = body_bytes(a.get(2))?;
    do_http(it, a, &method, &url, body, 3, "HTTP Request")
}
