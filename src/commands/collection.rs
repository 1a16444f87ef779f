//! Collections: `New collection` and the member functions (`.push()`,
//! `.indexOf()`...). Member function names are resolved to [`MemberFn`] when the
//! method is compiled; the value's type is checked when called.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::collate;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::format;
use crate::runtime::graph::{PairGuard, PairStep, PathGuard};
use crate::runtime::interp::Interp;
use crate::runtime::ops;
use crate::runtime::value::{new_collection, text, Coll, Value};
use std::cmp::Ordering;
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[cmd!("New collection", new_collection_cmd)];

fn new_collection_cmd(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let items = std::mem::take(&mut a.vals)
        .into_iter()
        .map(crate::runtime::value::stored)
        .collect();
    Ok(Value::Collection(new_collection(items)))
}

pub use crate::runtime::members::MemberFn;

fn num_arg(args: &[Value], i: usize, f: &str) -> RtResult<Option<f64>> {
    match args.get(i) {
        None => Ok(None),
        Some(v) => match v.as_num() {
            Some(n) => Ok(Some(n)),
            None => err(
                codes::TYPE_MISMATCH,
                format!(".{}(): number expected, got {}", f, v.type_name()),
            ),
        },
    }
}

/// Normalizes a possibly negative index against a length (clamped to 0..=len).
fn norm(i: f64, len: usize) -> usize {
    let i = i.trunc() as i64;
    let len = len as i64;
    (if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize
}

#[inline]
fn null_if_undef(v: Value) -> Value {
    crate::runtime::value::stored(v)
}

/// Sort rank of a value's type: null, booleans, texts, numbers, objects,
/// collections, dates (CollectionClass `.sort()`).
fn rank(v: &Value) -> u8 {
    match v {
        Value::Null | Value::Undefined => 0,
        Value::Bool(_) => 1,
        Value::Text(_) => 2,
        Value::Int(_) | Value::Real(_) | Value::Time(_) => 3,
        Value::Object(_) => 4,
        Value::Collection(_) => 5,
        Value::Date(_) => 6,
        _ => 7,
    }
}

pub fn compare_values(a: &Value, b: &Value) -> Ordering {
    let (ra, rb) = (rank(a), rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Text(x), Value::Text(y)) => collate::compare(x, y),
        (Value::Date(x), Value::Date(y)) => x.cmp(y),
        _ => match (a.as_num(), b.as_num()) {
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
            _ => Ordering::Equal,
        },
    }
}

fn numbers(c: &Coll) -> Vec<f64> {
    c.borrow()
        .iter()
        .filter_map(|v| if v.is_number() { v.as_num() } else { None })
        .collect()
}

/// Calls a member function of a collection (`obj` is checked to be one).
#[inline]
pub fn call_member(
    it: &mut Interp,
    obj: Value,
    f: MemberFn,
    name: &str,
    args: Vec<Value>,
) -> RtResult<Value> {
    match obj {
        // the common `.push()` on an unshared collection, without the general path
        Value::Collection(c)
            if f == MemberFn::Push && !crate::runtime::scheduler::any_shared(it) =>
        {
            push(it, &c, args);
            Ok(Value::Collection(c))
        }
        obj => call_member_general(it, obj, f, name, args),
    }
}

/// `.push()`: appends the arguments; the argument vector is then reused by the next
/// call (no allocation per push).
fn push(it: &mut Interp, c: &Coll, mut args: Vec<Value>) {
    {
        let mut b = c.borrow_mut();
        match args.len() {
            1 => b.push(null_if_undef(args.pop().unwrap_or_default())),
            _ => b.extend(args.drain(..).map(null_if_undef)),
        }
    }
    if args.capacity() <= 16 && it.arg_pool.len() < 64 {
        it.arg_pool.push(args);
    }
}

fn call_member_general(
    it: &mut Interp,
    obj: Value,
    f: MemberFn,
    name: &str,
    mut args: Vec<Value>,
) -> RtResult<Value> {
    use MemberFn::*;
    let c = match obj {
        Value::Collection(c) => c,
        Value::Null | Value::Undefined => {
            return err(
                codes::NULL_ACCESS,
                format!("Cannot call .{}() on a null value", name),
            )
        }
        v => {
            return err(
                codes::BAD_MEMBER,
                format!(
                    "Unknown member function .{}() for a {}",
                    name,
                    v.type_name()
                ),
            )
        }
    };
    // a shared collection is modified only inside `Use` (runtime::scheduler)
    if matches!(
        f,
        Push | Pop
            | Shift
            | Unshift
            | Insert
            | Remove
            | Sort
            | Clear
            | Resize
            | Fill
            | Combine
            | MultiSort
    ) {
        let shared = crate::runtime::scheduler::any_shared(it)
            .then(|| crate::runtime::scheduler::group_of(it, &Value::Collection(c.clone())));
        if let Some(Some(g)) = shared {
            crate::runtime::scheduler::check_write(it, &Value::Collection(c.clone()))?;
            args = args
                .into_iter()
                .map(|v| crate::runtime::scheduler::to_shared(it, v, g))
                .collect::<RtResult<_>>()?;
        }
    }
    let len = c.borrow().len();
    // `.sum(propertyPath)` and friends work on the property values of objects.
    let c = match (f, args.first()) {
        (Sum | Average | Min | Max | Count, Some(Value::Text(path))) => {
            new_collection(prop_values(&c, path))
        }
        _ => c,
    };
    if let Some(v) = more_members(&c, f, name, &args)? {
        return Ok(v);
    }
    Ok(match f {
        Push => {
            push(it, &c, args);
            Value::Collection(c)
        }
        Pop => c.borrow_mut().pop().unwrap_or_default(),
        Shift => {
            let mut b = c.borrow_mut();
            if b.is_empty() {
                Value::Undefined
            } else {
                b.remove(0)
            }
        }
        Unshift => {
            c.borrow_mut()
                .splice(0..0, args.into_iter().map(null_if_undef));
            Value::Collection(c)
        }
        Insert => {
            let i = norm(num_arg(&args, 0, name)?.unwrap_or(0.0), len);
            let v = args
                .into_iter()
                .nth(1)
                .map(null_if_undef)
                .unwrap_or(Value::Null);
            c.borrow_mut().insert(i, v);
            Value::Collection(c)
        }
        Remove => {
            if len > 0 {
                let i = norm(num_arg(&args, 0, name)?.unwrap_or(0.0), len);
                let n = num_arg(&args, 1, name)?.unwrap_or(1.0).max(0.0) as usize;
                let e = (i + n).min(len);
                c.borrow_mut().drain(i..e);
            }
            Value::Collection(c)
        }
        IndexOf | Includes => {
            let target = args.first().cloned().unwrap_or_default();
            let start = norm(num_arg(&args, 1, name)?.unwrap_or(0.0), len);
            let found = c
                .borrow()
                .iter()
                .enumerate()
                .skip(start)
                .position(|(_, v)| ops::equal(v, &target).unwrap_or(false));
            let idx = found.map(|p| (p + start) as i32).unwrap_or(-1);
            if f == Includes {
                Value::Bool(idx >= 0)
            } else {
                Value::Int(idx)
            }
        }
        LastIndexOf => {
            let target = args.first().cloned().unwrap_or_default();
            let b = c.borrow();
            let end = match num_arg(&args, 1, name)? {
                Some(s) => norm(s, len).min(len.saturating_sub(1)),
                None => len.saturating_sub(1),
            };
            let mut r = -1;
            if len > 0 {
                for i in (0..=end).rev() {
                    if ops::equal(&b[i], &target).unwrap_or(false) {
                        r = i as i32;
                        break;
                    }
                }
            }
            Value::Int(r)
        }
        Join => {
            let sep = match args.first() {
                Some(Value::Text(s)) => s.to_string(),
                _ => String::new(),
            };
            let skip_empty = num_arg(&args, 1, name)?.unwrap_or(0.0) as i64 & 1 != 0;
            let parts: Vec<String> = c
                .borrow()
                .iter()
                .filter(|v| {
                    !skip_empty
                        || !matches!(v, Value::Null | Value::Undefined)
                            && !matches!(v, Value::Text(t) if t.is_empty())
                })
                .map(|v| match v {
                    Value::Null | Value::Undefined => String::new(),
                    v => format::to_text(v),
                })
                .collect();
            text(parts.join(&sep))
        }
        Copy => {
            // .copy({ck resolve pointers | ck shared}{; groupWith})
            let opt = num_arg(&args, 0, name)?.unwrap_or(0.0) as i64;
            let copy = super::object::deep_copy(&Value::Collection(c))?;
            super::object::shared_copy_opt(it, copy, opt, args.get(1).unwrap_or(&Value::Undefined))?
        }
        Slice => {
            let s = norm(num_arg(&args, 0, name)?.unwrap_or(0.0), len);
            let e = norm(num_arg(&args, 1, name)?.unwrap_or(len as f64), len);
            let items = if s < e {
                c.borrow()[s..e].to_vec()
            } else {
                Vec::new()
            };
            Value::Collection(new_collection(items))
        }
        Concat => {
            let mut items = c.borrow().clone();
            for a in args {
                match a {
                    Value::Collection(o) => items.extend(o.borrow().iter().cloned()),
                    v => items.push(null_if_undef(v)),
                }
            }
            Value::Collection(new_collection(items))
        }
        Reverse => {
            let mut items: Vec<Value> = c
                .borrow()
                .iter()
                .map(super::object::deep_copy)
                .collect::<RtResult<_>>()?;
            items.reverse();
            Value::Collection(new_collection(items))
        }
        Query => super::query::query(&c, &args)?,
        Indices => super::query::indices(&c, &args)?,
        MultiSort => super::query::multi_sort(&c, &args)?,
        Sort => {
            let desc = num_arg(&args, 0, name)?.unwrap_or(0.0) as i64 == 1;
            crate::runtime::sorting::sort_by(&mut c.borrow_mut(), |a, b| {
                let o = compare_values(a, b);
                if desc {
                    o.reverse()
                } else {
                    o
                }
            });
            Value::Collection(c)
        }
        First => c.borrow().first().cloned().unwrap_or_default(),
        Last => c.borrow().last().cloned().unwrap_or_default(),
        At => {
            let i = num_arg(&args, 0, name)?.unwrap_or(0.0).trunc() as i64;
            let i = if i < 0 { i + len as i64 } else { i };
            if i < 0 {
                Value::Undefined
            } else {
                c.borrow().get(i as usize).cloned().unwrap_or_default()
            }
        }
        Clear => {
            c.borrow_mut().clear();
            Value::Collection(c)
        }
        Resize => {
            let n = num_arg(&args, 0, name)?.unwrap_or(0.0).max(0.0) as usize;
            if n >= codes::MAX_SIZE {
                return err(codes::NO_MEMORY, ".resize(): not enough memory");
            }
            crate::runtime::memory::reserve(n.saturating_mul(std::mem::size_of::<Value>()))?;
            let d = args
                .get(1)
                .cloned()
                .map(null_if_undef)
                .unwrap_or(Value::Null);
            c.borrow_mut().resize(n, d);
            Value::Collection(c)
        }
        Fill => {
            let v = args
                .first()
                .cloned()
                .map(null_if_undef)
                .unwrap_or(Value::Null);
            let s = norm(num_arg(&args, 1, name)?.unwrap_or(0.0), len);
            let e = norm(num_arg(&args, 2, name)?.unwrap_or(len as f64), len);
            for x in c.borrow_mut().iter_mut().take(e).skip(s) {
                *x = v.clone();
            }
            Value::Collection(c)
        }
        Sum => Value::Real(numbers(&c).iter().sum()),
        Average => {
            let n = numbers(&c);
            if n.is_empty() {
                Value::Undefined
            } else {
                Value::Real(n.iter().sum::<f64>() / n.len() as f64)
            }
        }
        Min | Max => {
            let b = c.borrow();
            let mut best: Option<&Value> = None;
            for v in b
                .iter()
                .filter(|v| !matches!(v, Value::Null | Value::Undefined))
            {
                best = match best {
                    None => Some(v),
                    Some(cur) => {
                        let o = compare_values(v, cur);
                        if (f == Min && o == Ordering::Less) || (f == Max && o == Ordering::Greater)
                        {
                            Some(v)
                        } else {
                            Some(cur)
                        }
                    }
                };
            }
            best.cloned().unwrap_or_default()
        }
        Count => Value::Real(
            c.borrow()
                .iter()
                .filter(|v| !matches!(v, Value::Null | Value::Undefined))
                .count() as f64,
        ),
        Unknown => {
            return err(
                codes::BAD_MEMBER,
                format!("Unknown member function .{}()", name),
            )
        }
        _ => Value::Undefined,
    })
}

/// The value at a property path (`"a.b.c"`) of an object (undefined if absent).
pub(crate) fn path_get(v: &Value, path: &str) -> Value {
    if !path.contains('.') {
        // one property: read it without taking the object
        return match v {
            Value::Object(o) => o.borrow().get(path).cloned().unwrap_or_default(),
            _ => Value::Undefined,
        };
    }
    let mut cur = v.clone();
    for p in path.split('.') {
        cur = match &cur {
            Value::Object(o) => o.borrow().get(p).cloned().unwrap_or_default(),
            _ => return Value::Undefined,
        };
    }
    cur
}

/// The values of `path` in the objects of a collection (other elements skipped).
fn prop_values(c: &Coll, path: &str) -> Vec<Value> {
    c.borrow()
        .iter()
        .filter(|v| matches!(v, Value::Object(_)))
        .map(|v| path_get(v, path))
        .filter(|v| !matches!(v, Value::Undefined))
        .collect()
}

/// Deep equality (`.equal()`): texts compared with the collation, or exactly
/// (accents) when `diacritical`; case is always ignored except with
/// `ck diacritical`, which is case- and accent-sensitive. Circular values compare
/// without end: a pair already being compared counts as equal (runtime::graph).
fn deep_equal(a: &Value, b: &Value, diacritical: bool) -> RtResult<bool> {
    equal_walk(a, b, diacritical, &mut PairGuard::default())
}

fn equal_walk(a: &Value, b: &Value, diacritical: bool, guard: &mut PairGuard) -> RtResult<bool> {
    Ok(match (a, b) {
        (Value::Text(x), Value::Text(y)) => {
            if diacritical {
                x == y
            } else {
                collate::compare(x, y) == Ordering::Equal
            }
        }
        (Value::Collection(x), Value::Collection(y)) => {
            if let PairStep::Seen = guard.enter(a, b)? {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            let mut same = x.len() == y.len();
            for (p, q) in x.iter().zip(y.iter()) {
                if !same {
                    break;
                }
                same = equal_walk(p, q, diacritical, guard)?;
            }
            guard.leave(a, b);
            same
        }
        (Value::Object(x), Value::Object(y)) => {
            if let PairStep::Seen = guard.enter(a, b)? {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            let mut same = x.len() == y.len();
            for (k, v) in x.iter() {
                if !same {
                    break;
                }
                same = match y.get(k) {
                    Some(w) => equal_walk(v, w, diacritical, guard)?,
                    None => false,
                };
            }
            guard.leave(a, b);
            same
        }
        (Value::Null, Value::Null) => true,
        _ => ops::equal(a, b).unwrap_or(false),
    })
}

/// `.flat(depth)`: a collection met again on the path while flattening is error 48.
fn flat_into(
    out: &mut Vec<Value>,
    items: &[Value],
    depth: i64,
    guard: &mut PathGuard,
) -> RtResult<()> {
    for v in items {
        match v {
            Value::Collection(c) if depth > 0 => {
                guard.enter(v)?;
                flat_into(out, &c.borrow(), depth - 1, guard)?;
                guard.leave(v);
            }
            v => out.push(v.clone()),
        }
    }
    Ok(())
}

/// Parses `.orderBy()` criteria: none, a text `"a asc, b desc"`, or a collection
/// of `{propertyPath; descending}` objects. Returns (path, descending) pairs;
/// an empty path means the value itself.
fn order_criteria(args: &[Value]) -> Vec<(String, bool)> {
    match args.first() {
        Some(Value::Text(t)) => t
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                let mut w = s.split_whitespace();
                let path = w.next().unwrap_or("").to_string();
                let desc = w
                    .next()
                    .map(|d| d.eq_ignore_ascii_case("desc"))
                    .unwrap_or(false);
                (path, desc)
            })
            .collect(),
        Some(Value::Collection(c)) => c
            .borrow()
            .iter()
            .map(|o| {
                let p = match path_get(o, "propertyPath") {
                    Value::Text(t) => t.to_string(),
                    _ => String::new(),
                };
                let d = matches!(path_get(o, "descending"), Value::Bool(true));
                (p, d)
            })
            .collect(),
        Some(v) if v.is_number() => vec![(String::new(), v.as_num() == Some(1.0))],
        _ => vec![(String::new(), false)],
    }
}

/// The member functions added for the command library (CollectionClass.md).
fn more_members(c: &Coll, f: MemberFn, name: &str, args: &[Value]) -> RtResult<Option<Value>> {
    use MemberFn::*;
    Ok(Some(match f {
        // .combine(col2{; index}): inserts col2's elements (at the end by default).
        Combine => {
            let other = match args.first() {
                Some(Value::Collection(o)) => o.borrow().clone(),
                _ => return err(codes::TYPE_MISMATCH, ".combine(): a collection is expected"),
            };
            let len = c.borrow().len();
            let at = match num_arg(args, 1, name)? {
                Some(i) => norm(i, len),
                None => len,
            };
            c.borrow_mut().splice(at..at, other);
            Value::Collection(c.clone())
        }
        // .distinct({propertyPath}{; options}): ck diacritical 8, ck count values 32.
        Distinct => {
            let (path, opts) = match args.first() {
                Some(Value::Text(p)) => (Some(p.to_string()), num_arg(args, 1, name)?),
                _ => (None, num_arg(args, 0, name)?),
            };
            let opts = opts.unwrap_or(0.0) as i64;
            let diacritical = opts & 8 != 0;
            let values: Vec<Value> = match &path {
                Some(p) => prop_values(c, p),
                None => c.borrow().clone(),
            };
            let mut out: Vec<(Value, usize)> = Vec::new();
            for v in values {
                if matches!(v, Value::Undefined | Value::Null) {
                    continue;
                }
                let same = |u: &Value| match (u, &v) {
                    (Value::Object(_) | Value::Collection(_), _) => u.same_ref(&v),
                    _ => deep_equal(u, &v, diacritical).unwrap_or(false),
                };
                match out.iter_mut().find(|(u, _)| same(u)) {
                    Some(e) => e.1 += 1,
                    None => out.push((v, 1)),
                }
            }
            let mut keyed: Vec<(Value, usize)> = out;
            // ties (with ck diacritical) put lowercase and unaccented first
            let swap = |t: &str| -> Vec<char> {
                t.chars()
                    .map(|c| {
                        if c.is_lowercase() {
                            c.to_uppercase().next().unwrap_or(c)
                        } else {
                            c.to_lowercase().next().unwrap_or(c)
                        }
                    })
                    .collect()
            };
            crate::runtime::sorting::sort_by(&mut keyed, |a, b| {
                compare_values(&a.0, &b.0).then_with(|| match (&a.0, &b.0) {
                    (Value::Text(x), Value::Text(y)) => swap(x).cmp(&swap(y)),
                    _ => Ordering::Equal,
                })
            });
            let items = keyed
                .into_iter()
                .map(|(v, n)| {
                    if opts & 32 != 0 {
                        let o = crate::runtime::value::new_object();
                        o.borrow_mut().insert("value".into(), v);
                        o.borrow_mut().insert("count".into(), Value::Real(n as f64));
                        Value::Object(o)
                    } else {
                        v
                    }
                })
                .collect();
            Value::Collection(new_collection(items))
        }
        Equal => {
            let diacritical = num_arg(args, 1, name)?.unwrap_or(0.0) as i64 & 8 != 0;
            match args.first() {
                Some(o @ Value::Collection(_)) => {
                    Value::Bool(deep_equal(&Value::Collection(c.clone()), o, diacritical)?)
                }
                _ => Value::Bool(false),
            }
        }
        Flat => {
            let depth = num_arg(args, 0, name)?.unwrap_or(1.0) as i64;
            let mut out = Vec::new();
            flat_into(&mut out, &c.borrow(), depth, &mut PathGuard::new(".flat()"))?;
            Value::Collection(new_collection(out))
        }
        // .extract(path{; ck keep null}) or .extract(path; target; path2; target2...).
        Extract => {
            let items = c.borrow().clone();
            if args.len() >= 2 && matches!(args[1], Value::Text(_)) {
                let pairs: Vec<(String, String)> = args
                    .chunks(2)
                    .filter_map(|p| match (p.first(), p.get(1)) {
                        (Some(Value::Text(a)), Some(Value::Text(b))) => {
                            Some((a.to_string(), b.to_string()))
                        }
                        _ => None,
                    })
                    .collect();
                let out = items
                    .iter()
                    .map(|v| {
                        let o = crate::runtime::value::new_object();
                        for (p, t) in &pairs {
                            let x = path_get(v, p);
                            if !matches!(x, Value::Undefined) {
                                o.borrow_mut().insert(Rc::from(t.as_str()), x);
                            }
                        }
                        Value::Object(o)
                    })
                    .collect();
                return Ok(Some(Value::Collection(new_collection(out))));
            }
            let path = match args.first() {
                Some(Value::Text(p)) => p.to_string(),
                _ => String::new(),
            };
            let keep_null = num_arg(args, 1, name)?.unwrap_or(0.0) as i64 & 1 != 0;
            let out = items
                .iter()
                .filter_map(|v| match path_get(v, &path) {
                    Value::Undefined | Value::Null if keep_null => Some(Value::Null),
                    Value::Undefined | Value::Null => None,
                    x => Some(x),
                })
                .collect();
            Value::Collection(new_collection(out))
        }
        CountValues => {
            let target = args.first().cloned().unwrap_or_default();
            let same = |v: &&Value| match (v, &target) {
                (Value::Object(_) | Value::Collection(_), _) => v.same_ref(&target),
                _ => ops::equal(v, &target).unwrap_or(false),
            };
            // the elements are counted where they are (no copy of the collection)
            let n = match args.get(1) {
                Some(Value::Text(p)) => prop_values(c, p).iter().filter(same).count(),
                _ => c.borrow().iter().filter(same).count(),
            };
            Value::Real(n as f64)
        }
        OrderBy => {
            let crit = order_criteria(args);
            // each element's sort keys read once (not at every comparison)
            let mut keyed: Vec<(Vec<Value>, Value)> = (c.borrow().iter())
                .map(|v| {
                    let keys = (crit.iter())
                        .map(|(p, _)| {
                            if p.is_empty() {
                                v.clone()
                            } else {
                                path_get(v, p)
                            }
                        })
                        .collect();
                    (keys, v.clone())
                })
                .collect();
            crate::runtime::sorting::sort_by(&mut keyed, |(ka, _), (kb, _)| {
                for (i, (_, desc)) in crit.iter().enumerate() {
                    let o = compare_values(&ka[i], &kb[i]);
                    let o = if *desc { o.reverse() } else { o };
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            });
            Value::Collection(new_collection(keyed.into_iter().map(|(_, v)| v).collect()))
        }
        _ => return Ok(None),
    }))
}
