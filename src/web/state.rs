//! Web server state kept beside the options (`WebRuntime::extra`): the web folder
//! set by `WEB SET ROOT FOLDER`, home pages set by `WEB SET HOME PAGE`, and the
//! counters `WEB Get server info` reports.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

#[derive(Default)]
pub struct Extra {
    /// `WEB SET ROOT FOLDER` (absolute).
    pub root_folder: Mutex<Option<PathBuf>>,
    /// The web folder as last resolved (cleared when the root folder changes).
    pub root_cache: Mutex<Option<PathBuf>>,
    /// `WEB SET HOME PAGE`: by session id (`""`: set outside a web session, for
    /// every process that has not set its own).
    pub home_pages: Mutex<HashMap<String, String>>,
    /// Requests received since the server started.
    pub hits: AtomicU64,
    pub started: Mutex<Option<Instant>>,
    /// How long a request's headers, or the next piece of its body, may take to
    /// arrive (ms; 0: the default, 30 s). A connection that stalls longer is closed.
    pub io_timeout_ms: AtomicU64,
    /// The HTTPS listener's address, when HTTPS is on.
    pub https_addr: Mutex<Option<std::net::SocketAddr>>,
}

impl Extra {
    pub fn io_timeout(&self) -> std::time::Duration {
        match self.io_timeout_ms.load(Ordering::Relaxed) {
            0 => std::time::Duration::from_secs(30),
            ms => std::time::Duration::from_millis(ms),
        }
    }

    pub fn count_request(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// The home page for a request carrying session cookie `sid`, if one was set.
    pub fn home_page(&self, sid: Option<&str>) -> Option<String> {
        let h = self.home_pages.lock().ok()?;
        if h.is_empty() {
            return None;
        }
        sid.and_then(|s| h.get(s))
            .or_else(|| h.get(""))
            .filter(|p| !p.is_empty())
            .cloned()
    }
}
