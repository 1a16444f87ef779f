//! The host interface: how outside events (HTTP requests, session closes, signals,
//! timers of the front) reach the scheduler, and the plain data they carry.
//!
//! The runtime knows no web server. A host (`web::host` for `fourd serve` and
//! `WEB START SERVER`) installs itself in [`Interp::host`]; when no process is
//! ready the scheduler calls [`Host::pump`] to wait, up to the next timer, for
//! outside events, which the host turns into processes or mailbox messages. The
//! requests and responses are plain data (no `Rc`): they cross from the HTTP
//! threads to the interpreter thread.
//!
//! [`Interp::host`]: super::interp::Interp::host

use super::interp::Interp;
use std::any::Any;
use std::time::Instant;

/// A source of outside events, driven by the scheduler of the interpreter thread.
pub trait Host: Any {
    /// Handles the outside events that arrived, waiting for one until `until`
    /// (`None`: do not wait) when nothing has arrived yet. Returns whether any
    /// event was handled. Runs no 4D code itself: it starts processes and posts
    /// messages, which the scheduler runs next.
    fn pump(&mut self, it: &mut Interp<'_>, until: Option<Instant>) -> bool;
    /// Whether events may still come (a server is listening): the scheduler then
    /// waits for them instead of ending the run.
    fn active(&self) -> bool;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

/// A request as the worker sees it (plain data: it crosses threads).
#[derive(Debug, Clone, Default)]
pub struct HttpRequest {
    pub method: String,
    /// Path and query, as received (`/4DACTION/x?a=1`).
    pub url: String,
    pub version: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Client IP; IPv4 in IPv4-mapped IPv6 form (`::ffff:127.0.0.1`).
    pub peer_ip: String,
    pub server_ip: String,
    pub secure: bool,
}

impl HttpRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or("")
    }

    pub fn query(&self) -> &str {
        self.url.split_once('?').map(|x| x.1).unwrap_or("")
    }

    /// The value of a cookie.
    pub fn cookie(&self, name: &str) -> Option<String> {
        for (k, v) in &self.headers {
            if !k.eq_ignore_ascii_case("cookie") {
                continue;
            }
            for part in v.split(';') {
                if let Some((n, val)) = part.trim().split_once('=') {
                    if n.trim() == name {
                        return Some(val.trim().trim_matches('"').to_string());
                    }
                }
            }
        }
        None
    }

    /// Header lines then body, as `On Web Connection`'s `$2` (max 32 KB).
    pub fn header_and_body(&self) -> String {
        let mut s = self.header_text();
        s.push_str("\r\n\r\n");
        s.push_str(&String::from_utf8_lossy(&self.body));
        if s.len() > 32 * 1024 {
            let mut end = 32 * 1024;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            s.truncate(end);
        }
        s
    }

    /// The request line and header lines, CR+LF separated (`WEB GET HTTP HEADER`).
    pub fn header_text(&self) -> String {
        let mut s = format!("{} {} {}", self.method, self.url, self.version);
        for (k, v) in &self.headers {
            s.push_str("\r\n");
            s.push_str(k);
            s.push_str(": ");
            s.push_str(v);
        }
        s
    }
}

/// A response built by the request's 4D code.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// A file sent as the body instead of `body` (`WEB SEND FILE`): the HTTP front
    /// streams it from disk.
    pub file: Option<std::path::PathBuf>,
}

impl Default for HttpResponse {
    fn default() -> Self {
        HttpResponse {
            status: 200,
            headers: Vec::new(),
            body: Vec::new(),
            file: None,
        }
    }
}

impl HttpResponse {
    pub fn text(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
            file: None,
        }
    }

    /// Sets a header, replacing any of the same name.
    pub fn set_header(&mut self, name: &str, value: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.to_string()));
    }
}

/// The request a process is answering, and the response its code builds.
#[derive(Debug, Default)]
pub struct ReqCtx {
    pub req: HttpRequest,
    pub resp: HttpResponse,
}

/// HTTP client settings of a process (`HTTP SET OPTION`).
#[derive(Debug, Clone)]
pub struct HttpClientOptions {
    pub timeout_s: f64,
    pub follow_redirect: bool,
    pub max_redirect: u32,
}

impl Default for HttpClientOptions {
    fn default() -> Self {
        HttpClientOptions {
            timeout_s: 120.0,
            follow_redirect: true,
            max_redirect: 2,
        }
    }
}

/// The web state of one process (part of its context, swapped with it):
/// the request it answers, its legacy session id, its HTTP client settings.
#[derive(Default)]
pub struct WebCtx {
    /// The request being answered (web processes only).
    pub req: Option<Box<ReqCtx>>,
    /// The current legacy session id (`""` outside a web session).
    pub session: String,
    pub http: HttpClientOptions,
}
