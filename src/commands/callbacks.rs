//! Collection functions that take a callback — a formula or a method name —
//! (`versioned_docs/version-21/API/CollectionClass.md`): `.map()`, `.filter()`,
//! `.find()`, `.findIndex()`, `.every()`, `.some()`, `.reduce()`,
//! `.reduceRight()`, `.sort(formula)`, `.orderByMethod()`, `.flatMap()`.
//!
//! The callback receives `$1`, an object with `value` (and `value2` when
//! comparing, `accumulator` when reducing), then the extra parameters as `$2...`.
//! Its result is the value it returns, or else `$1.result`; `$1.stop:=True` ends
//! the iteration after the current element.

use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, stored, Coll, Value};
use std::cmp::Ordering;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    Map,
    Filter,
    Find,
    FindIndex,
    Every,
    Some,
    Reduce,
    ReduceRight,
    Sort,
    OrderByMethod,
    FlatMap,
}

impl Cb {
    pub fn from_name(name: &str) -> Option<Cb> {
        Some(match name {
            "map" => Cb::Map,
            "filter" => Cb::Filter,
            "find" => Cb::Find,
            "findIndex" => Cb::FindIndex,
            "every" => Cb::Every,
            "some" => Cb::Some,
            "reduce" => Cb::Reduce,
            "reduceRight" => Cb::ReduceRight,
            "sort" => Cb::Sort,
            "orderByMethod" => Cb::OrderByMethod,
            "flatMap" => Cb::FlatMap,
            _ => return None,
        })
    }
}

/// One call of the callback: `$1` with the given properties, then the extras.
/// Returns the result and whether `$1.stop` was set.
fn invoke(
    it: &mut Interp,
    f: &Value,
    props: &[(&str, Value)],
    extra: &[Value],
) -> RtResult<(Value, bool, crate::runtime::value::Obj)> {
    let o = new_object();
    {
        let mut b = o.borrow_mut();
        for (k, v) in props {
            b.insert(Rc::from(*k), v.clone());
        }
    }
    let mut args = Vec::with_capacity(extra.len() + 1);
    args.push(Value::Object(o.clone()));
    args.extend(extra.iter().cloned());
    let r = it.call_callback(f, args)?;
    let b = o.borrow();
    let result = match r {
        Value::Undefined => b.get("result").cloned().unwrap_or_default(),
        v => v,
    };
    let stop = matches!(b.get("stop"), Some(Value::Bool(true)));
    drop(b);
    Ok((result, stop, o))
}

fn truthy(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

pub fn call(it: &mut Interp, c: Coll, cb: Cb, args: Vec<Value>) -> RtResult<Value> {
    let mut args = args.into_iter();
    // `.find({start;} formula...)`: a number first is the start index
    let mut start = 0usize;
    let first = args.next().unwrap_or_default();
    let f = match (cb, &first) {
        (Cb::Find | Cb::FindIndex | Cb::Every | Cb::Some, v) if v.is_number() => {
            let n = c.borrow().len() as i64;
            let s = v.as_num().unwrap_or(0.0) as i64;
            start = if s < 0 {
                (s + n).max(0) as usize
            } else {
                s as usize
            };
            args.next().unwrap_or_default()
        }
        _ => first,
    };
    if !matches!(f, Value::Object(_) | Value::Text(_)) {
        if cb == Cb::Sort {
            // not a callback: the plain sort (`.sort()` without arguments too)
            let mut all = if matches!(f, Value::Undefined) {
                Vec::new()
            } else {
                vec![f]
            };
            all.extend(args);
            return super::collection::call_member(
                it,
                Value::Collection(c),
                super::collection::MemberFn::Sort,
                "sort",
                all,
            );
        }
        return err(
            codes::BAD_ARG,
            "A formula or a method name expected as callback",
        );
    }
    let extra: Vec<Value> = args.collect();
    let items: Vec<Value> = c.borrow().clone();
    match cb {
        Cb::Map | Cb::FlatMap => {
            let mut out = Vec::with_capacity(items.len());
            for v in items {
                let (r, stop, _) = invoke(it, &f, &[("value", v)], &extra)?;
                match (cb, r) {
                    (Cb::FlatMap, Value::Collection(inner)) => {
                        out.extend(inner.borrow().iter().cloned())
                    }
                    (_, r) => out.push(stored(r)),
                }
                if stop {
                    break;
                }
            }
            Ok(Value::Collection(new_collection(out)))
        }
        Cb::Filter => {
            let mut out = Vec::new();
            for v in items {
                let (r, stop, _) = invoke(it, &f, &[("value", v.clone())], &extra)?;
                if truthy(&r) {
                    out.push(v);
                }
                if stop {
                    break;
                }
            }
            Ok(Value::Collection(new_collection(out)))
        }
        Cb::Find | Cb::FindIndex => {
            for (i, v) in items.into_iter().enumerate().skip(start) {
                let (r, stop, _) = invoke(it, &f, &[("value", v.clone())], &extra)?;
                if truthy(&r) {
                    return Ok(if cb == Cb::Find {
                        v
                    } else {
                        Value::Int(i as i32)
                    });
                }
                if stop {
                    break;
                }
            }
            Ok(if cb == Cb::Find {
                Value::Undefined
            } else {
                Value::Int(-1)
            })
        }
        Cb::Every | Cb::Some => {
            for v in items.into_iter().skip(start) {
                let (r, stop, _) = invoke(it, &f, &[("value", v)], &extra)?;
                let t = truthy(&r);
                if cb == Cb::Every && !t {
                    return Ok(Value::Bool(false));
                }
                if cb == Cb::Some && t {
                    return Ok(Value::Bool(true));
                }
                if stop {
                    break;
                }
            }
            Ok(Value::Bool(cb == Cb::Every))
        }
        Cb::Reduce | Cb::ReduceRight => {
            let mut items = items;
            if cb == Cb::ReduceRight {
                items.reverse();
            }
            // [choice] without initValue the accumulator starts as the first
            // element and iteration starts with the second one
            let mut iter = items.into_iter();
            let mut extra = extra;
            let mut acc = if extra.is_empty() {
                iter.next().unwrap_or_default()
            } else {
                extra.remove(0)
            };
            for v in iter {
                let (_, stop, o) = invoke(
                    it,
                    &f,
                    &[("value", v), ("accumulator", acc.clone())],
                    &extra,
                )?;
                acc = o.borrow().get("accumulator").cloned().unwrap_or_default();
                if stop {
                    break;
                }
            }
            Ok(acc)
        }
        Cb::Sort | Cb::OrderByMethod => {
            let sorted = sort_with(it, &f, items, &extra)?;
            if cb == Cb::Sort {
                *c.borrow_mut() = sorted;
                Ok(Value::Collection(c))
            } else {
                Ok(Value::Collection(new_collection(sorted)))
            }
        }
    }
}

/// A stable merge sort whose comparison is the callback (`$1.result` True when
/// `$1.value` < `$1.value2`); the first error stops it.
fn sort_with(
    it: &mut Interp,
    f: &Value,
    items: Vec<Value>,
    extra: &[Value],
) -> RtResult<Vec<Value>> {
    let mut error = None;
    let mut items = items;
    let mut less = |a: &Value, b: &Value| -> bool {
        if error.is_some() {
            return false;
        }
        match invoke(it, f, &[("value", a.clone()), ("value2", b.clone())], extra) {
            Ok((r, _, _)) => truthy(&r),
            Err(e) => {
                error = Some(e);
                false
            }
        }
    };
    crate::runtime::sorting::sort_by(&mut items, |a, b| {
        if less(a, b) {
            Ordering::Less
        } else if less(b, a) {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    });
    match error {
        Some(e) => Err(e),
        None => Ok(items),
    }
}
