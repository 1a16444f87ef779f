//! `WEB SET OPTION` / `WEB GET OPTION`: the selectors of WEB-SESSIONS.md §5 with
//! their number, value type, default and range.
//!
//! Values set by code last for the run: they live in the [`super::WebRuntime`]
//! and survive `WEB STOP SERVER` / `WEB START SERVER`.
//!
//! Choices where the docs are silent (also in README.md):
//! - `Web legacy session` (70) and `Web scalable session` (90) are exclusive: setting
//!   one to 1 sets the other to 0. fourd's default is legacy sessions (70 = 1).
//! - Selectors whose docs say "0 → default" (15, 71, 72, 78) store the default when
//!   given 0, and `WEB GET OPTION` returns that default.
//! - `Web session cookie name` (73): `""` restores the default `4DSID_<AppName>`;
//!   a name with characters not allowed in a cookie name is an error.
//! - `Web max sessions` above `Web max concurrent processes` is accepted; the
//!   effective limit is the smaller of the two (the docs say sessions cannot exceed it).

use crate::runtime::error::{codes, err, RtResult};

#[derive(Debug, Clone, PartialEq)]
pub enum OptVal {
    Int(i64),
    Text(String),
    /// A collection, kept as JSON text (options are shared between threads).
    Json(String),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Int,
    Text,
    IntOrText,
    Coll,
}

struct Spec {
    sel: i32,
    name: &'static str,
    kind: Kind,
    default: i64,
    /// Allowed integer values: `Range(lo, hi)` or a list.
    allowed: Allowed,
    /// 0 means "the default".
    zero_default: bool,
}

enum Allowed {
    Any,
    Range(i64, i64),
    List(&'static [i64]),
}

use Allowed::*;

const CHARSETS: &[i64] = &[
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 38, 106, 2024, 2026, 2250, 2251, 2253, 2255,
    2256,
];

const SPECS: &[Spec] = &[
    s(15, "Web port ID", Kind::Int, 80, Range(0, 65535), true),
    s(16, "Web IP address to listen", Kind::Text, 0, Any, false),
    s(
        17,
        "Web character set",
        Kind::IntOrText,
        106,
        List(CHARSETS),
        false,
    ),
    s(
        18,
        "Web max concurrent processes",
        Kind::Int,
        100,
        Range(10, 32000),
        false,
    ),
    s(
        23,
        "Web Client IP address to listen",
        Kind::Text,
        0,
        Any,
        false,
    ),
    s(
        27,
        "Web maximum requests size",
        Kind::Int,
        2_000_000,
        Range(500_000, 2_147_483_647),
        false,
    ),
    s(29, "Web log recording", Kind::Int, 0, Range(0, 4), false),
    s(
        39,
        "Web HTTPS port ID",
        Kind::Int,
        443,
        Range(0, 65535),
        false,
    ),
    s(
        50,
        "Web HTTP compression level",
        Kind::Int,
        1,
        List(&[-1, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
        false,
    ),
    s(
        51,
        "Web HTTP compression threshold",
        Kind::Int,
        1024,
        Range(0, 2_147_483_647),
        false,
    ),
    s(70, "Web legacy session", Kind::Int, 1, Range(0, 1), false),
    s(
        71,
        "Web max sessions",
        Kind::Int,
        100,
        Range(0, 32000),
        true,
    ),
    s(
        72,
        "Web inactive session timeout",
        Kind::Int,
        480,
        Range(0, 2_147_483_647),
        true,
    ),
    s(73, "Web session cookie name", Kind::Text, 0, Any, false),
    s(
        78,
        "Web inactive process timeout",
        Kind::Int,
        480,
        Range(0, 2_147_483_647),
        true,
    ),
    s(81, "Web session cookie domain", Kind::Text, 0, Any, false),
    s(82, "Web session cookie path", Kind::Text, 0, Any, false),
    s(
        83,
        "Web session enable IP address validation",
        Kind::Int,
        1,
        Range(0, 1),
        false,
    ),
    s(
        84,
        "Web debug log",
        Kind::Int,
        0,
        List(&[0, 1, 3, 5, 7]),
        false,
    ),
    s(85, "Web HTTP TRACE", Kind::Int, 0, Range(0, 1), false),
    s(86, "Web HSTS enabled", Kind::Int, 0, Range(0, 1), false),
    s(
        87,
        "Web HSTS max age",
        Kind::Int,
        63_072_000,
        Range(0, 2_147_483_647),
        false,
    ),
    s(88, "Web HTTP enabled", Kind::Int, 1, Range(0, 1), false),
    s(89, "Web HTTPS enabled", Kind::Int, 0, Range(0, 1), false),
    s(90, "Web scalable session", Kind::Int, 0, Range(0, 1), false),
    s(92, "Web CORS enabled", Kind::Int, 0, Range(0, 1), false),
    s(93, "Web CORS settings", Kind::Coll, 0, Any, false),
];

const fn s(
    sel: i32,
    name: &'static str,
    kind: Kind,
    default: i64,
    allowed: Allowed,
    zero_default: bool,
) -> Spec {
    Spec {
        sel,
        name,
        kind,
        default,
        allowed,
        zero_default,
    }
}

/// Named selectors used by the server.
pub mod sel {
    pub const PORT: i32 = 15;
    pub const IP_TO_LISTEN: i32 = 16;
    pub const MAX_PROCESSES: i32 = 18;
    pub const MAX_REQUEST_SIZE: i32 = 27;
    pub const LEGACY: i32 = 70;
    pub const MAX_SESSIONS: i32 = 71;
    pub const SESSION_TIMEOUT: i32 = 72;
    pub const COOKIE_NAME: i32 = 73;
    pub const PROCESS_TIMEOUT: i32 = 78;
    pub const COOKIE_DOMAIN: i32 = 81;
    pub const COOKIE_PATH: i32 = 82;
    pub const IP_VALIDATION: i32 = 83;
    pub const SCALABLE: i32 = 90;
}

/// The web constants missing from the front end's constant table.
pub const CONSTANTS: &[(&str, i32)] = &[
    ("Web session cookie name", 73),
    ("Web session cookie domain", 81),
    ("Web session cookie path", 82),
    ("Web session enable IP address validation", 83),
    ("Web Session IP address validation enabled", 83),
];

fn spec(sel: i32) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.sel == sel)
}

/// The option values of one run.
#[derive(Debug, Clone)]
pub struct Options {
    app_name: String,
    vals: Vec<(i32, OptVal)>,
    /// Selectors set by code (e.g. `fourd serve` uses 8080 unless the port was set).
    set_by_code: Vec<i32>,
}

impl Options {
    pub fn new(app_name: &str) -> Options {
        Options {
            app_name: app_name.to_string(),
            vals: SPECS
                .iter()
                .map(|s| {
                    let v = match s.kind {
                        Kind::Int | Kind::IntOrText => OptVal::Int(s.default),
                        Kind::Text => OptVal::Text(String::new()),
                        Kind::Coll => OptVal::Json("[]".into()),
                    };
                    (s.sel, v)
                })
                .collect(),
            set_by_code: Vec::new(),
        }
    }

    pub fn app_name(&self) -> &str {
        &self.app_name
    }

    pub fn was_set(&self, sel: i32) -> bool {
        self.set_by_code.contains(&sel)
    }

    /// The raw value of a selector (as `WEB GET OPTION` returns it).
    pub fn get(&self, sel: i32) -> RtResult<OptVal> {
        if spec(sel).is_none() {
            return err(
                codes::BAD_ARG,
                format!("WEB GET OPTION: unknown selector {}", sel),
            );
        }
        let v = self
            .vals
            .iter()
            .find(|(s, _)| *s == sel)
            .map(|(_, v)| v.clone());
        Ok(match (sel, v) {
            (sel::COOKIE_NAME, Some(OptVal::Text(t))) if t.is_empty() => {
                OptVal::Text(self.default_cookie_name())
            }
            (_, Some(v)) => v,
            _ => OptVal::Int(0),
        })
    }

    pub fn int(&self, sel: i32) -> i64 {
        match self.get(sel) {
            Ok(OptVal::Int(i)) => i,
            _ => 0,
        }
    }

    pub fn text(&self, sel: i32) -> String {
        match self.get(sel) {
            Ok(OptVal::Text(t)) => t,
            Ok(OptVal::Int(i)) => i.to_string(),
            Ok(OptVal::Json(j)) => j,
            Err(_) => String::new(),
        }
    }

    fn default_cookie_name(&self) -> String {
        format!("4DSID_{}", self.app_name)
    }

    /// The cookie name in force.
    pub fn cookie_name(&self) -> String {
        self.text(sel::COOKIE_NAME)
    }

    /// `WEB SET OPTION(selector; value)`.
    pub fn set(&mut self, sel: i32, v: OptVal) -> RtResult<()> {
        let Some(sp) = spec(sel) else {
            return err(
                codes::BAD_ARG,
                format!("WEB SET OPTION: unknown selector {}", sel),
            );
        };
        let bad_type = |got: &str| {
            let want = match sp.kind {
                Kind::Int => "an Integer",
                Kind::Text => "a Text",
                Kind::IntOrText => "an Integer or a Text",
                Kind::Coll => "a Collection",
            };
            err(
                codes::TYPE_MISMATCH,
                format!(
                    "WEB SET OPTION: {} ({}) expects {}, got {}",
                    sp.name, sel, want, got
                ),
            )
        };
        let v = match (sp.kind, v) {
            (Kind::Int | Kind::IntOrText, OptVal::Int(i)) => {
                let i = if i == 0 && sp.zero_default {
                    sp.default
                } else {
                    i
                };
                let ok = match &sp.allowed {
                    Any => true,
                    Range(lo, hi) => (*lo..=*hi).contains(&i),
                    List(l) => l.contains(&i),
                };
                if !ok {
                    let what = match &sp.allowed {
                        Range(lo, hi) => format!("{}..{}", lo, hi),
                        List(l) => format!("one of {:?}", l),
                        Any => String::new(),
                    };
                    return err(
                        codes::OUT_OF_RANGE,
                        format!(
                            "WEB SET OPTION: {} ({}) value {} out of range (allowed: {})",
                            sp.name, sel, i, what
                        ),
                    );
                }
                OptVal::Int(i)
            }
            (Kind::Text | Kind::IntOrText, OptVal::Text(t)) => {
                if sel == sel::COOKIE_NAME
                    && !t
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
                {
                    return err(
                        codes::BAD_ARG,
                        format!("WEB SET OPTION: invalid cookie name \"{}\" (letters, digits and !#$%&'*+-.^_`|~ only)", t),
                    );
                }
                if matches!(sel, sel::COOKIE_DOMAIN | sel::COOKIE_PATH)
                    && t.contains([';', '\r', '\n'])
                {
                    return err(
                        codes::BAD_ARG,
                        format!("WEB SET OPTION: invalid value for {}: \"{}\"", sp.name, t),
                    );
                }
                OptVal::Text(t)
            }
            (Kind::Coll, OptVal::Json(j)) => OptVal::Json(j),
            (_, OptVal::Int(_)) => return bad_type("Integer"),
            (_, OptVal::Text(_)) => return bad_type("Text"),
            (_, OptVal::Json(_)) => return bad_type("Collection"),
        };
        self.store(sel, v);
        // the two session modes are exclusive
        if sel == sel::LEGACY && self.int(sel::LEGACY) == 1 {
            self.store(sel::SCALABLE, OptVal::Int(0));
        }
        if sel == sel::SCALABLE && self.int(sel::SCALABLE) == 1 {
            self.store(sel::LEGACY, OptVal::Int(0));
        }
        Ok(())
    }

    fn store(&mut self, sel: i32, v: OptVal) {
        if let Some(slot) = self.vals.iter_mut().find(|(s, _)| *s == sel) {
            slot.1 = v;
        }
        if !self.set_by_code.contains(&sel) {
            self.set_by_code.push(sel);
        }
    }

    /// The session limits in force (for the session table).
    pub fn limits(&self) -> super::sessions::Limits {
        let max_proc = self.int(sel::MAX_PROCESSES) as usize;
        super::sessions::Limits {
            max_sessions: (self.int(sel::MAX_SESSIONS) as usize).min(max_proc),
            process_timeout_ms: self.int(sel::PROCESS_TIMEOUT) * 60_000,
            session_timeout_ms: self.int(sel::SESSION_TIMEOUT) * 60_000,
            ip_validation: self.int(sel::IP_VALIDATION) == 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_ranges() {
        let mut o = Options::new("Shop");
        assert_eq!(o.int(15), 80);
        assert_eq!(o.int(71), 100);
        assert_eq!(o.int(78), 480);
        assert_eq!(o.int(18), 100);
        assert_eq!(o.cookie_name(), "4DSID_Shop");
        assert!(o.set(18, OptVal::Int(5)).is_err());
        assert!(o.set(18, OptVal::Text("x".into())).is_err());
        assert!(o.set(999, OptVal::Int(1)).is_err());
        o.set(71, OptVal::Int(0)).unwrap();
        assert_eq!(o.int(71), 100);
        o.set(73, OptVal::Text("MYSID".into())).unwrap();
        assert_eq!(o.cookie_name(), "MYSID");
        o.set(73, OptVal::Text("".into())).unwrap();
        assert_eq!(o.cookie_name(), "4DSID_Shop");
        assert!(o.set(73, OptVal::Text("a b".into())).is_err());
        o.set(90, OptVal::Int(1)).unwrap();
        assert_eq!(o.int(70), 0);
        assert!(o.was_set(90) && !o.was_set(15));
        assert_eq!(o.get(84).unwrap(), OptVal::Int(0));
        assert!(o.set(84, OptVal::Int(2)).is_err());
    }
}
