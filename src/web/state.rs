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
}

impl Extra {
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
