//! Attribute paths of ORDA queries and sorts: a path bound once to the model
//! (relation hops, then a field and maybe a path inside an object field), and
//! walking it over records (related records, the values it reaches).

use crate::datastore::store::{Cell, Inner, Key};
use crate::orda::model::{Kind, Model};
use crate::orda::qparse::BAD_QUERY;
use crate::runtime::error::{err, RtResult};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// A path bound to the model: hops through relations, then a field and maybe a
/// path inside an object field (`[]` steps go through every collection element).
#[derive(Debug, Clone)]
pub struct Bound {
    pub ti: usize,
    pub hops: Vec<Kind>,
    pub fi: usize,
    pub sub: Vec<String>,
    pub text: String,
}

/// Binds `path` (`a.b.c`) starting at dataclass `ti`.
pub fn bind(m: &Model, ti: usize, path: &str) -> RtResult<Bound> {
    let mut cur = ti;
    let mut hops = Vec::new();
    let parts: Vec<&str> = path.split('.').collect();
    for (k, p) in parts.iter().enumerate() {
        let name = p.trim_end_matches("[]");
        if m.classes[cur].attr(name).is_none() {
            if let Some(alias) = m.classes[cur].alias(name) {
                // an alias attribute: its path, then the rest
                let mut full = alias.to_string();
                for rest in &parts[k + 1..] {
                    full.push('.');
                    full.push_str(rest);
                }
                let mut inner = bind(m, cur, &full)?;
                let mut all = hops;
                all.append(&mut inner.hops);
                inner.hops = all;
                inner.ti = ti;
                return Ok(inner);
            }
        }
        let Some(a) = m.classes[cur].attr(name) else {
            return err(
                BAD_QUERY,
                format!(
                    "Unknown attribute \"{}\" in dataclass {}",
                    name, m.classes[cur].name
                ),
            );
        };
        match a.kind {
            Kind::Storage(fi) => {
                return Ok(Bound {
                    ti,
                    hops,
                    fi,
                    sub: parts[k + 1..].iter().map(|s| s.to_string()).collect(),
                    text: format!("{}.{}", m.classes[cur].name, parts[k..].join(".")),
                })
            }
            Kind::One { target, pk, .. } => {
                hops.push(a.kind);
                if k + 1 == parts.len() {
                    // the related entity itself: compared by its key (null when
                    // there is no related entity)
                    return Ok(Bound {
                        ti,
                        hops,
                        fi: pk,
                        sub: Vec::new(),
                        text: format!("{}.{}", m.classes[cur].name, name),
                    });
                }
                cur = target;
            }
            Kind::Many { target, .. } => {
                hops.push(a.kind);
                cur = target;
            }
        }
    }
    err(
        BAD_QUERY,
        format!("\"{}\": an attribute path must end on an attribute", path),
    )
}

/// The dataclass whose field a bound path ends on.
pub fn last_table(m: &Model, b: &Bound) -> usize {
    let _ = m;
    match b.hops.last() {
        Some(Kind::One { target, .. }) | Some(Kind::Many { target, .. }) => *target,
        _ => b.ti,
    }
}

/// Field value → record numbers.
type KeyMap = BTreeMap<Key, Vec<i64>>;

/// Follows relations from record to records (with a key → records map per
/// target field, built on first use).
pub struct Walker<'g> {
    pub g: &'g Inner,
    maps: RefCell<HashMap<(usize, usize), Rc<KeyMap>>>,
}

impl<'g> Walker<'g> {
    pub fn new(g: &'g Inner) -> Walker<'g> {
        Walker {
            g,
            maps: RefCell::new(HashMap::new()),
        }
    }

    fn map(&self, ti: usize, fi: usize) -> Rc<BTreeMap<Key, Vec<i64>>> {
        if let Some(m) = self.maps.borrow().get(&(ti, fi)) {
            return m.clone();
        }
        let mut map: BTreeMap<Key, Vec<i64>> = BTreeMap::new();
        for (rn, r) in self.g.tables[ti].records.iter().enumerate() {
            if let Some(r) = r {
                map.entry(r[fi].key()).or_default().push(rn as i64);
            }
        }
        let m = Rc::new(map);
        self.maps.borrow_mut().insert((ti, fi), m.clone());
        m
    }

    /// Records reached from record `rn` of `ti` through one hop.
    pub fn hop(&self, ti: usize, rn: i64, k: &Kind, out: &mut Vec<i64>) {
        let Some(r) = self.g.tables[ti].get(rn) else {
            return;
        };
        match *k {
            Kind::One { target, fk, pk } => {
                if let Some(v) = self.map(target, pk).get(&r[fk].key()) {
                    out.extend(v.iter().take(1));
                }
            }
            Kind::Many { target, fk, key } => {
                if let Some(v) = self.map(target, fk).get(&r[key].key()) {
                    out.extend(v);
                }
            }
            Kind::Storage(_) => {}
        }
    }

    /// Every value a path has for record `rn` (several through `relatedEntities`
    /// or `[]`).
    pub fn values(&self, b: &Bound, rn: i64, out: &mut Vec<Cell>) {
        if b.hops.is_empty() && b.sub.is_empty() {
            if let Some(rec) = self.g.tables[b.ti].get(rn) {
                out.push(rec[b.fi].clone());
            }
            return;
        }
        let mut recs = vec![(b.ti, rn)];
        for h in &b.hops {
            let mut next = Vec::new();
            let target = match h {
                Kind::One { target, .. } | Kind::Many { target, .. } => *target,
                Kind::Storage(_) => continue,
            };
            for (t, r) in &recs {
                let mut v = Vec::new();
                self.hop(*t, *r, h, &mut v);
                next.extend(v.into_iter().map(|x| (target, x)));
            }
            recs = next;
        }
        for (t, r) in recs {
            let Some(rec) = self.g.tables[t].get(r) else {
                continue;
            };
            let c = &rec[b.fi];
            if b.sub.is_empty() {
                out.push(c.clone());
            } else if let Cell::Object(j) = c {
                if let Ok(j) = serde_json::from_str::<serde_json::Value>(j) {
                    json_values(&j, &b.sub, out);
                }
            } else {
                out.push(Cell::Null);
            }
        }
    }
}

fn json_values(j: &serde_json::Value, path: &[String], out: &mut Vec<Cell>) {
    let Some((first, rest)) = path.split_first() else {
        out.push(match j {
            serde_json::Value::Null => Cell::Null,
            serde_json::Value::Bool(b) => Cell::Bool(*b),
            serde_json::Value::Number(n) => Cell::Real(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Cell::Text(s.clone()),
            other => Cell::Object(other.to_string()),
        });
        return;
    };
    let (name, all) = match first.strip_suffix("[]") {
        Some(n) => (n, true),
        None => (first.as_str(), false),
    };
    match j.get(name) {
        Some(serde_json::Value::Array(a)) if all => {
            for x in a {
                json_values(x, rest, out);
            }
        }
        Some(x) => json_values(x, rest, out),
        None => out.push(Cell::Null),
    }
}
