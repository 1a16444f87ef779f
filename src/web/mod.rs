//! The web server and legacy web sessions (issue #6; reference WEB-SESSIONS.md).
//!
//! - [`options`]: `WEB SET OPTION` / `WEB GET OPTION` values of a run;
//! - [`sessions`]: the legacy session table, a unit driven by an injectable [`clock`];
//! - [`server`]: the HTTP front (hyper on tokio): static files, limits, 503;
//! - [`worker`]: the web interpreter thread, which owns one process per session;
//! - [`client`]: a small blocking HTTP/1.1 client for `HTTP Request` / `HTTP Get`;
//! - [`serve`]: `fourd serve PROJECT_DIR`.
//!
//! The process model: 4D values are reference-counted without atomics (`Rc`), so a
//! value never crosses threads. The web server runs all 4D code of its requests on
//! one interpreter thread (its own compiled copy of the project), like 4D's
//! cooperative web processes: each legacy session owns a [`Process`] (its process
//! variables) that is swapped into the interpreter for each of its requests, so the
//! session's requests run one at a time, in arrival order, and its variables persist
//! between them. Interprocess variables (`<>x`) are shared by every web process, but
//! not with the process that started the server (`On Startup`, `fourd run`).
//!
//! Decisions on WEB-SESSIONS.md §10's open questions (also in README.md):
//! 1. `WEB LEGACY CLOSE SESSION` is synchronous for another session (its close method
//!    has run, in that session's process, when the command returns); for the current
//!    session it is deferred to the end of the request.
//! 2. Stopping the server runs the close method for every live session.
//! 3. A cookie from another IP gets HTTP 400.
//! 4. The cookie carries both `Expires` and `Max-Age`, plus `HttpOnly` and
//!    `SameSite=Strict` (`Secure` on HTTPS).
//! 5. `WEB Get current session ID` gives `""` in scalable mode (no `Session` object yet).
//! 6. `Web keep session` is selector 70 (same as `Web legacy session`).
//! 7. The default cookie name is `4DSID_<AppName>`.
//!
//! [`Process`]: crate::runtime::process::Process

pub mod auth;
pub mod client;
pub mod clock;
pub mod options;
pub mod pages;
pub mod paths;
pub mod scalable;
pub mod serve;
pub mod server;
pub mod sessions;
pub mod state;
pub mod tags;
pub mod worker;

use clock::{Clock, ScaledClock};
use options::Options;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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
}

impl Default for HttpResponse {
    fn default() -> Self {
        HttpResponse {
            status: 200,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }
}

impl HttpResponse {
    pub fn text(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
        }
    }

    /// Sets a header, replacing any of the same name.
    pub fn set_header(&mut self, name: &str, value: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.to_string()));
    }
}

/// The web state of one run: options (they outlive server restarts), the clock,
/// the running server if any. Shared by the process that starts the server and the
/// web interpreter thread.
pub struct WebRuntime {
    /// The project folder (holding `Project/` and `WebFolder/`), when there is one.
    pub root: Option<PathBuf>,
    pub app_name: String,
    pub options: Mutex<Options>,
    pub clock: Arc<dyn Clock>,
    /// `fourd serve --port N` (wins over `Web port ID`).
    pub port_override: Mutex<Option<u16>>,
    pub server: Mutex<Option<server::ServerHandle>>,
    /// Root folder, home pages, counters (`state`).
    pub extra: state::Extra,
}

impl WebRuntime {
    pub fn new(root: Option<PathBuf>, app_name: &str, clock: Arc<dyn Clock>) -> Arc<WebRuntime> {
        Arc::new(WebRuntime {
            root,
            app_name: app_name.to_string(),
            options: Mutex::new(Options::new(app_name)),
            clock,
            port_override: Mutex::new(None),
            server: Mutex::new(None),
            extra: state::Extra::default(),
        })
    }

    /// The runtime of a run whose methods come from `path` (a project or a script).
    pub fn for_path(path: &std::path::Path) -> Arc<WebRuntime> {
        match crate::project::project_root_and_name(path) {
            Some((root, name)) => {
                WebRuntime::new(Some(root), &name, Arc::new(ScaledClock::new(1.0)))
            }
            None => WebRuntime::new(None, "fourd", Arc::new(ScaledClock::new(1.0))),
        }
    }

    pub fn options(&self) -> std::sync::MutexGuard<'_, Options> {
        self.options.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn is_running(&self) -> bool {
        self.server.lock().map(|s| s.is_some()).unwrap_or(false)
    }

    /// The address the server listens on, when running.
    pub fn local_addr(&self) -> Option<std::net::SocketAddr> {
        self.server.lock().ok()?.as_ref().map(|s| s.addr)
    }
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

/// The web state of one interpreter (one thread): kept in `Interp::web`.
#[derive(Default)]
pub struct WebCtx {
    pub rt: Option<Arc<WebRuntime>>,
    /// The request being answered (on the web interpreter thread only).
    pub req: Option<Box<worker::ReqCtx>>,
    /// The current legacy session id (`""` outside a web session).
    pub session: String,
    /// Set on the web interpreter thread: its session table and settings.
    pub worker: Option<Box<worker::WorkerCtx>>,
    pub http: HttpClientOptions,
}

impl WebCtx {
    /// The run's web runtime, made on first use from the program's first method path.
    pub fn runtime(&mut self, first_path: Option<&std::path::Path>) -> Arc<WebRuntime> {
        if self.rt.is_none() {
            self.rt = Some(match first_path {
                Some(p) => WebRuntime::for_path(p),
                None => WebRuntime::new(None, "fourd", Arc::new(ScaledClock::new(1.0))),
            });
        }
        self.rt.clone().expect("runtime set above")
    }
}

/// `%xx` and `+` decoding of a URL-encoded component.
pub fn url_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            // exactly two hex digits (`from_str_radix` would also take "+f")
            b'%' if i + 2 < b.len()
                && b[i + 1].is_ascii_hexdigit()
                && b[i + 2].is_ascii_hexdigit() =>
            {
                let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                out.push(hex(b[i + 1]) << 4 | hex(b[i + 2]));
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-decoding of a URL path (`+` stays).
pub fn path_decode(s: &str) -> String {
    url_decode(&s.replace('+', "%2B"))
}

/// `name=value&...` pairs.
pub fn parse_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (url_decode(k), url_decode(v)),
            None => (url_decode(p), String::new()),
        })
        .collect()
}

/// The MIME type of a file name.
pub fn mime_of(path: &std::path::Path) -> &'static str {
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("html" | "htm" | "shtml") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "text/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn decoding() {
        assert_eq!(url_decode("a+b%20c%2"), "a b c%2");
        assert_eq!(path_decode("/a+b%2F"), "/a+b/");
        assert_eq!(
            parse_form("x=1&y=hello+world&z"),
            vec![
                ("x".into(), "1".into()),
                ("y".into(), "hello world".into()),
                ("z".into(), "".into())
            ]
        );
        let r = HttpRequest {
            headers: vec![("Cookie".into(), "a=1; 4DSID_X=ABC".into())],
            ..Default::default()
        };
        assert_eq!(r.cookie("4DSID_X").as_deref(), Some("ABC"));
        assert_eq!(r.cookie("b"), None);
    }
}
