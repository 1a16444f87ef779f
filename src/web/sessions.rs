//! The legacy session table, as a unit: sessions by id with their client IP, last
//! activity and a payload (the session's process in the server; `()` in the tests),
//! driven by times from an injectable clock. It decides; the caller runs the
//! `On Web Legacy Close Session` method for every session it hands back as closed.
//!
//! Rules (WEB-SESSIONS.md §2; choices where the docs are silent are marked (*)):
//! - a request with a cookie naming a live session reuses it; no cookie, or an
//!   unknown id, opens a new session;
//! - (*) a cookie presented after its expiry (last request + `Web inactive session
//!   timeout`) closes that session and opens a new one (a browser would not have sent
//!   it: 4D's doc example gives a new id);
//! - with IP validation on, a cookie presented from another IP is refused (the
//!   server answers 400) and the session is left untouched;
//! - when a new session is needed and `max_sessions` live sessions exist, the oldest
//!   inactive one ((*) least recent activity among those without a request running)
//!   is closed first; if every session is busy the request is refused (503);
//! - a session whose process has been idle `process_timeout_ms` is closed by
//!   [`SessionTable::take_idle`], called by the server on a timer.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_sessions: usize,
    pub process_timeout_ms: i64,
    pub session_timeout_ms: i64,
    pub ip_validation: bool,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sessions: 100,
            process_timeout_ms: 480 * 60_000,
            session_timeout_ms: 480 * 60_000,
            ip_validation: true,
        }
    }
}

#[derive(Debug)]
pub struct Session<P> {
    pub id: String,
    pub ip: String,
    pub created_ms: i64,
    pub last_ms: i64,
    /// A request of this session is running.
    pub busy: bool,
    /// Order of last activity (ties of `last_ms` within a millisecond).
    pub last_seq: u64,
    pub payload: P,
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The cookie came from another IP address (HTTP 400).
    IpMismatch,
    /// No session could be opened (HTTP 503).
    Full,
}

/// The outcome of [`SessionTable::begin`].
#[derive(Debug)]
pub struct Begin<P> {
    pub id: String,
    pub is_new: bool,
    /// Sessions closed to make room or because their cookie expired: the caller runs
    /// the close method for each. An empty `id` means that no session could be
    /// opened after all (every session busy): the caller answers 503.
    pub closed: Vec<Session<P>>,
}

#[derive(Debug)]
pub struct SessionTable<P> {
    map: HashMap<String, Session<P>>,
    seq: u64,
}

impl<P> Default for SessionTable<P> {
    fn default() -> Self {
        SessionTable {
            map: HashMap::new(),
            seq: 0,
        }
    }
}

/// A new session id: a v4 UUID as 32 upper-case hex digits (as `Generate UUID`).
/// Its 122 random bits come from the operating system's cryptographic generator
/// (`getrandom`, through `uuid`'s `v4` feature), so ids can be neither guessed nor
/// predicted from earlier ones; a collision with a live session is re-drawn.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string().to_uppercase()
}

impl<P> SessionTable<P> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.map.contains_key(id)
    }

    pub fn get(&self, id: &str) -> Option<&Session<P>> {
        self.map.get(id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Session<P>> {
        self.map.get_mut(id)
    }

    pub fn ids(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }

    /// Starts a request: finds or opens its session and marks it busy.
    pub fn begin(
        &mut self,
        cookie: Option<&str>,
        ip: &str,
        now: i64,
        limits: &Limits,
        make: impl FnOnce() -> P,
    ) -> Result<Begin<P>, Refusal> {
        let mut closed = Vec::new();
        self.seq += 1;
        let seq = self.seq;
        if let Some(id) = cookie.filter(|c| !c.is_empty()) {
            if let Some(s) = self.map.get_mut(id) {
                if limits.ip_validation && s.ip != ip {
                    return Err(Refusal::IpMismatch);
                }
                if now <= s.last_ms + limits.session_timeout_ms {
                    s.last_ms = now;
                    s.last_seq = seq;
                    s.busy = true;
                    return Ok(Begin {
                        id: id.to_string(),
                        is_new: false,
                        closed,
                    });
                }
                // expired cookie: close the old session, open a new one
                if !s.busy {
                    closed.extend(self.map.remove(id));
                }
            }
        }
        let max = limits.max_sessions.max(1);
        while self.map.len() >= max {
            let oldest = self
                .map
                .values()
                .filter(|s| !s.busy)
                .min_by_key(|s| (s.last_ms, s.last_seq))
                .map(|s| s.id.clone());
            match oldest {
                Some(id) => closed.extend(self.map.remove(&id)),
                None => break,
            }
        }
        if self.map.len() >= max {
            // every session is busy: put back what was closed and refuse
            if closed.is_empty() {
                return Err(Refusal::Full);
            }
            return Ok(Begin {
                id: String::new(),
                is_new: false,
                closed,
            });
        }
        let mut id = new_id();
        while self.map.contains_key(&id) {
            id = new_id();
        }
        self.map.insert(
            id.clone(),
            Session {
                id: id.clone(),
                ip: ip.to_string(),
                created_ms: now,
                last_ms: now,
                busy: true,
                last_seq: seq,
                payload: make(),
            },
        );
        Ok(Begin {
            id,
            is_new: true,
            closed,
        })
    }

    /// Ends a request: the session is idle from `now` on.
    pub fn end(&mut self, id: &str, now: i64) {
        self.seq += 1;
        if let Some(s) = self.map.get_mut(id) {
            s.busy = false;
            s.last_ms = now;
            s.last_seq = self.seq;
        }
    }

    /// Removes a session (explicit close). Unknown ids give `None`.
    pub fn remove(&mut self, id: &str) -> Option<Session<P>> {
        self.map.remove(id)
    }

    /// Removes and returns every idle session whose process timed out.
    pub fn take_idle(&mut self, now: i64, limits: &Limits) -> Vec<Session<P>> {
        let ids: Vec<String> = self
            .map
            .values()
            .filter(|s| !s.busy && now - s.last_ms >= limits.process_timeout_ms)
            .map(|s| s.id.clone())
            .collect();
        let mut v: Vec<Session<P>> = ids.iter().filter_map(|id| self.map.remove(id)).collect();
        v.sort_by_key(|s| s.last_ms);
        v
    }

    /// Removes every session (server stop), oldest first.
    pub fn take_all(&mut self) -> Vec<Session<P>> {
        let mut v: Vec<Session<P>> = self.map.drain().map(|(_, s)| s).collect();
        v.sort_by_key(|s| s.last_ms);
        v
    }

    /// When the next idle session times out (session-clock ms), if any.
    pub fn next_deadline(&self, limits: &Limits) -> Option<i64> {
        self.map
            .values()
            .filter(|s| !s.busy)
            .map(|s| s.last_ms + limits.process_timeout_ms)
            .min()
    }

    /// The cookie expiry of a session: last request + inactive session timeout.
    pub fn expiration(&self, id: &str, limits: &Limits) -> Option<i64> {
        self.map
            .get(id)
            .map(|s| s.last_ms + limits.session_timeout_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::clock::{Clock, ManualClock};

    const MIN: i64 = 60_000;

    fn lim(max: usize) -> Limits {
        Limits {
            max_sessions: max,
            process_timeout_ms: 10 * MIN,
            session_timeout_ms: 30 * MIN,
            ip_validation: true,
        }
    }

    fn open(
        t: &mut SessionTable<u32>,
        clock: &ManualClock,
        cookie: Option<&str>,
        l: &Limits,
        tag: u32,
    ) -> Begin<u32> {
        let b = t
            .begin(cookie, "::ffff:127.0.0.1", clock.now_ms(), l, || tag)
            .unwrap();
        t.end(&b.id, clock.now_ms());
        b
    }

    #[test]
    fn ids_are_uuids() {
        let id = new_id();
        assert_eq!(id.len(), 32);
        assert!(id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
        assert_ne!(id, new_id());
    }

    #[test]
    fn reuse_and_new() {
        let c = ManualClock::new(1_000_000);
        let l = lim(10);
        let mut t = SessionTable::new();
        let a = open(&mut t, &c, None, &l, 1);
        assert!(a.is_new);
        let b = open(&mut t, &c, Some(&a.id), &l, 2);
        assert!(!b.is_new);
        assert_eq!(b.id, a.id);
        assert_eq!(t.get(&a.id).unwrap().payload, 1);
        let u = open(&mut t, &c, Some("UNKNOWN"), &l, 3);
        assert!(u.is_new);
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn expiry_refreshed_per_request() {
        let c = ManualClock::new(0);
        let l = lim(10);
        let mut t = SessionTable::new();
        let a = open(&mut t, &c, None, &l, 1);
        assert_eq!(t.expiration(&a.id, &l), Some(30 * MIN));
        c.advance(5 * MIN);
        open(&mut t, &c, Some(&a.id), &l, 1);
        assert_eq!(t.expiration(&a.id, &l), Some(35 * MIN));
        assert_eq!(t.expiration("nope", &l), None);
    }

    #[test]
    fn expired_cookie_gets_new_session_and_closes_old() {
        let c = ManualClock::new(0);
        let mut l = lim(10);
        l.process_timeout_ms = 100 * MIN;
        let mut t = SessionTable::new();
        let a = open(&mut t, &c, None, &l, 1);
        c.advance(31 * MIN);
        let b = t
            .begin(Some(&a.id), "::ffff:127.0.0.1", c.now_ms(), &l, || 2)
            .unwrap();
        assert!(b.is_new);
        assert_ne!(b.id, a.id);
        assert_eq!(b.closed.len(), 1);
        assert_eq!(b.closed[0].id, a.id);
    }

    #[test]
    fn eviction_of_oldest_inactive() {
        let c = ManualClock::new(0);
        let l = lim(3);
        let mut t = SessionTable::new();
        let s1 = open(&mut t, &c, None, &l, 1);
        c.advance(1000);
        let s2 = open(&mut t, &c, None, &l, 2);
        c.advance(1000);
        let s3 = open(&mut t, &c, None, &l, 3);
        c.advance(1000);
        // s1 used again: s2 becomes the oldest inactive
        open(&mut t, &c, Some(&s1.id), &l, 0);
        // s3 is busy (a request running)
        let _ = t
            .begin(Some(&s3.id), "::ffff:127.0.0.1", c.now_ms(), &l, || 0)
            .unwrap();
        let s4 = t
            .begin(None, "::ffff:127.0.0.1", c.now_ms(), &l, || 4)
            .unwrap();
        assert_eq!(s4.closed.len(), 1);
        assert_eq!(s4.closed[0].id, s2.id);
        assert_eq!(t.len(), 3);
        assert!(t.contains(&s1.id) && t.contains(&s3.id));
    }

    #[test]
    fn full_when_all_busy() {
        let c = ManualClock::new(0);
        let l = lim(1);
        let mut t: SessionTable<()> = SessionTable::new();
        t.begin(None, "ip", 0, &l, || ()).unwrap();
        assert_eq!(
            t.begin(None, "ip", c.now_ms(), &l, || ()).unwrap_err(),
            Refusal::Full
        );
    }

    #[test]
    fn ip_validation() {
        let c = ManualClock::new(0);
        let mut l = lim(10);
        let mut t = SessionTable::new();
        let a = open(&mut t, &c, None, &l, 1);
        let e = t
            .begin(Some(&a.id), "::ffff:10.0.0.9", 0, &l, || 2)
            .unwrap_err();
        assert_eq!(e, Refusal::IpMismatch);
        l.ip_validation = false;
        let b = t
            .begin(Some(&a.id), "::ffff:10.0.0.9", 0, &l, || 2)
            .unwrap();
        assert!(!b.is_new);
    }

    #[test]
    fn idle_timeout_without_request() {
        let c = ManualClock::new(0);
        let l = lim(10);
        let mut t = SessionTable::new();
        let a = open(&mut t, &c, None, &l, 1);
        c.advance(5 * MIN);
        let b = open(&mut t, &c, None, &l, 2);
        assert_eq!(t.next_deadline(&l), Some(10 * MIN));
        c.advance(5 * MIN);
        let gone = t.take_idle(c.now_ms(), &l);
        assert_eq!(gone.len(), 1);
        assert_eq!(gone[0].id, a.id);
        assert!(t.contains(&b.id));
        // a busy session never times out
        let _ = t
            .begin(Some(&b.id), "::ffff:127.0.0.1", c.now_ms(), &l, || 0)
            .unwrap();
        c.advance(60 * MIN);
        assert!(t.take_idle(c.now_ms(), &l).is_empty());
    }

    #[test]
    fn explicit_close_and_unknown_id() {
        let c = ManualClock::new(0);
        let l = lim(10);
        let mut t = SessionTable::new();
        let a = open(&mut t, &c, None, &l, 1);
        assert!(t.remove("0123").is_none());
        assert_eq!(t.remove(&a.id).map(|s| s.payload), Some(1));
        let b = open(&mut t, &c, Some(&a.id), &l, 2);
        assert!(b.is_new && b.id != a.id);
    }
}
