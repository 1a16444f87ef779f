//! Array commands: the `ARRAY xxx` declarations (one or two dimensions; re-declaring
//! resizes and keeps elements), `Size of array`, `APPEND TO ARRAY` and friends.
//! Array parameters are received as pointers to the variable.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::{as_array, Interp};
use crate::runtime::value::{ArrRef, Array, Value, VarType};
use crate::syntax::ast::Marker;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("ARRAY TEXT", array_text, refs = 1),
    cmd!("ARRAY STRING", array_string, refs = 1 << 1),
    cmd!("ARRAY LONGINT", array_longint, refs = 1),
    cmd!("ARRAY INTEGER", array_integer, refs = 1),
    cmd!("ARRAY REAL", array_real, refs = 1),
    cmd!("ARRAY BOOLEAN", array_boolean, refs = 1),
    cmd!("ARRAY DATE", array_date, refs = 1),
    cmd!("ARRAY TIME", array_time, refs = 1),
    cmd!("ARRAY OBJECT", array_object, refs = 1),
    cmd!("ARRAY POINTER", array_pointer, refs = 1),
    cmd!("ARRAY PICTURE", array_picture, refs = 1),
    cmd!("ARRAY BLOB", array_blob, refs = 1),
    cmd!("Size of array", size_of_array, refs = 1),
    cmd!("APPEND TO ARRAY", append_to_array, refs = 1),
    cmd!("INSERT IN ARRAY", insert_in_array, refs = 1),
    cmd!("DELETE FROM ARRAY", delete_from_array, refs = 1),
    cmd!("Find in array", find_in_array, refs = 1),
    cmd!("Count in array", count_in_array, refs = 1),
    cmd!(
        "Find in sorted array",
        find_in_sorted_array,
        refs = 1 | 1 << 2 | 1 << 3
    ),
    cmd!("COPY ARRAY", copy_array, refs = 0b11),
    cmd!("SORT ARRAY", sort_array, refs = u32::MAX),
    cmd!("MULTI SORT ARRAY", multi_sort_array, refs = u32::MAX),
    cmd!(
        "COLLECTION TO ARRAY",
        collection_to_array,
        refs = 0xAAAA_AAAA
    ),
    cmd!(
        "ARRAY TO COLLECTION",
        array_to_collection,
        refs = 0xAAAA_AAAA
    ),
];

fn declare(
    it: &mut Interp,
    a: &mut Args,
    elem: VarType,
    int16: bool,
    name: &str,
    first: usize,
) -> RtResult<Value> {
    let p = a.ptr(first, name)?;
    let rows = a.num(first + 1, name)?.max(0.0) as usize;
    let cols = a.opt_num(first + 2, name)?.map(|c| c.max(0.0) as usize);
    if rows.saturating_mul(cols.unwrap_or(1).max(1)) >= codes::MAX_SIZE {
        return err(
            codes::NO_MEMORY,
            format!("{}: not enough memory for this size", name),
        );
    }
    crate::runtime::memory::reserve(
        rows.saturating_mul(cols.unwrap_or(1).max(1))
            .saturating_mul(std::mem::size_of::<crate::runtime::value::Value>()),
    )?;
    let existing = match it.deref_raw(&p) {
        Ok(Value::Array(arr)) => Some(arr),
        _ => None,
    };
    let make_row = |n: usize| {
        let mut r = Array::new(elem, n);
        r.int16 = int16;
        Value::Array(Rc::new(RefCell::new(r)))
    };
    if let Some(arr) = existing {
        let mut ar = arr.borrow_mut();
        if ar.elem == elem && ar.two_d == cols.is_some() {
            match cols {
                None => ar.resize(rows),
                Some(c) => {
                    let old = ar.elems.len();
                    ar.elems.truncate(rows + 1);
                    for row in ar.elems.iter() {
                        if let Value::Array(r) = row {
                            r.borrow_mut().resize(c);
                        }
                    }
                    for _ in old..rows + 1 {
                        ar.elems.push(make_row(c));
                    }
                }
            }
            return Ok(Value::Undefined);
        }
    }
    let mut arr = Array::new(elem, rows);
    arr.int16 = int16;
    if let Some(c) = cols {
        arr.two_d = true;
        arr.elems = (0..rows + 1).map(|_| make_row(c)).collect();
    }
    it.set_raw(&p, Value::Array(Rc::new(RefCell::new(arr))))?;
    Ok(Value::Undefined)
}

macro_rules! array_cmd {
    ($f:ident, $t:expr, $i16:expr, $name:expr) => {
        fn $f(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
            declare(it, a, $t, $i16, $name, 0)
        }
    };
}
array_cmd!(array_text, VarType::Text, false, "ARRAY TEXT");
array_cmd!(array_longint, VarType::Integer, false, "ARRAY LONGINT");
array_cmd!(array_integer, VarType::Integer, true, "ARRAY INTEGER");
array_cmd!(array_real, VarType::Real, false, "ARRAY REAL");
array_cmd!(array_boolean, VarType::Boolean, false, "ARRAY BOOLEAN");
array_cmd!(array_date, VarType::Date, false, "ARRAY DATE");
array_cmd!(array_time, VarType::Time, false, "ARRAY TIME");
array_cmd!(array_object, VarType::Object, false, "ARRAY OBJECT");
array_cmd!(array_pointer, VarType::Pointer, false, "ARRAY POINTER");
array_cmd!(array_picture, VarType::Picture, false, "ARRAY PICTURE");
array_cmd!(array_blob, VarType::Blob, false, "ARRAY BLOB");

fn array_string(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    declare(it, a, VarType::Text, false, "ARRAY STRING", 1)
}

fn the_array(it: &mut Interp, a: &Args, name: &str) -> RtResult<crate::runtime::value::ArrRef> {
    let p = a.ptr(0, name)?;
    let v = it.deref_raw(&p)?;
    as_array(&v)
}

fn size_of_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "Size of array")?;
    let n = arr.borrow().size();
    Ok(Value::Int(n as i32))
}

fn append_to_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "APPEND TO ARRAY")?;
    let v = a.take(1);
    let mut ar = arr.borrow_mut();
    let ty = ar.elem;
    match ty.coerce(v) {
        Ok(v) => ar.elems.push(v),
        Err(v) => {
            return err(
                codes::BAD_ASSIGN,
                format!(
                    "APPEND TO ARRAY: cannot put a {} in a {} array",
                    v.type_name(),
                    ty.name()
                ),
            )
        }
    }
    Ok(Value::Undefined)
}

fn insert_in_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "INSERT IN ARRAY")?;
    let at = a.num(1, "INSERT IN ARRAY")?.max(1.0) as usize;
    let n = a.opt_num(2, "INSERT IN ARRAY")?.unwrap_or(1.0).max(0.0) as usize;
    if n >= codes::MAX_SIZE {
        return err(codes::NO_MEMORY, "INSERT IN ARRAY: not enough memory");
    }
    crate::runtime::memory::reserve(n.saturating_mul(std::mem::size_of::<Value>()))?;
    let mut ar = arr.borrow_mut();
    let d = ar.elem.default_value();
    let at = at.min(ar.elems.len());
    ar.elems.splice(at..at, std::iter::repeat_n(d, n));
    Ok(Value::Undefined)
}

fn delete_from_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "DELETE FROM ARRAY")?;
    let at = a.num(1, "DELETE FROM ARRAY")? as i64;
    let n = a.opt_num(2, "DELETE FROM ARRAY")?.unwrap_or(1.0).max(0.0) as usize;
    let mut ar = arr.borrow_mut();
    if at >= 1 && (at as usize) < ar.elems.len() {
        let e = (at as usize + n).min(ar.elems.len());
        ar.elems.drain(at as usize..e);
    }
    Ok(Value::Undefined)
}

fn find_in_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "Find in array")?;
    let v = a.get(1).clone();
    let start = a.opt_num(2, "Find in array")?.unwrap_or(1.0).max(1.0) as usize;
    let ar = arr.borrow();
    for (i, e) in ar.elems.iter().enumerate().skip(start) {
        if crate::runtime::ops::equal(e, &v).unwrap_or(false) {
            return Ok(Value::Int(i as i32));
        }
    }
    Ok(Value::Int(-1))
}

// docs/commands-legacy/count-in-array.md: same equality as Find in array; 0 if none.
fn count_in_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "Count in array")?;
    let v = a.get(1).clone();
    let ar = arr.borrow();
    let n = ar
        .elems
        .iter()
        .skip(1)
        .filter(|e| crate::runtime::ops::equal(e, &v).unwrap_or(false))
        .count();
    Ok(Value::Int(n as i32))
}

/// Element order used by SORT ARRAY and friends (the collation module for texts).
fn cmp_elem(a: &Value, b: &Value) -> Ordering {
    crate::commands::collection::compare_values(a, b)
}

fn sortable(arr: &ArrRef, name: &str) -> RtResult<()> {
    let ar = arr.borrow();
    if ar.two_d || matches!(ar.elem, VarType::Pointer | VarType::Picture | VarType::Blob) {
        return err(
            codes::BAD_ARG,
            format!("{}: this kind of array cannot be sorted", name),
        );
    }
    Ok(())
}

// docs/commands-legacy/find-in-sorted-array.md: binary search; posFirst is the
// insertion point when not found; text values with a leading or inner `@` and
// Boolean arrays fall back to a sequential search (-1 when not found).
fn find_in_sorted_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = "Find in sorted array";
    let arr = the_array(it, a, name)?;
    let v = a.get(1).clone();
    let desc = matches!(a.order, Some(Marker::Less));
    let ar = arr.borrow();
    let elems = &ar.elems[1..];
    let wild_inner = matches!(&v, Value::Text(t) if t.trim_end_matches('@').contains('@'));
    let (found, first, last) = if wild_inner || ar.elem == VarType::Boolean {
        let hits: Vec<usize> = elems
            .iter()
            .enumerate()
            .filter(|(_, e)| crate::runtime::ops::equal(e, &v).unwrap_or(false))
            .map(|(i, _)| i + 1)
            .collect();
        match (hits.first(), hits.last()) {
            (Some(f), Some(l)) => (true, *f as i32, *l as i32),
            _ => (false, -1, -1),
        }
    } else {
        let ord = |e: &Value| {
            if crate::runtime::ops::equal(e, &v).unwrap_or(false) {
                Ordering::Equal
            } else {
                let o = cmp_elem(e, &v);
                if desc {
                    o.reverse()
                } else {
                    o
                }
            }
        };
        let lo = elems.partition_point(|e| ord(e) == Ordering::Less);
        let hi = elems.partition_point(|e| ord(e) != Ordering::Greater);
        if hi > lo {
            (true, lo as i32 + 1, hi as i32)
        } else {
            (false, lo as i32 + 1, lo as i32 + 1)
        }
    };
    drop(ar);
    if a.len() > 2 {
        let p = a.ptr(2, name)?;
        it.store_ptr(&p, Value::Int(first))?;
    }
    if a.len() > 3 {
        let p = a.ptr(3, name)?;
        it.store_ptr(&p, Value::Int(last))?;
    }
    Ok(Value::Bool(found))
}

// docs/commands-legacy/copy-array.md: the destination becomes a copy (type and size).
fn copy_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = the_array(it, a, "COPY ARRAY")?;
    let dst = a.ptr(1, "COPY ARRAY")?;
    let copy = deep_array(&src.borrow());
    it.set_raw(&dst, Value::Array(Rc::new(RefCell::new(copy))))?;
    Ok(Value::Undefined)
}

fn deep_array(a: &Array) -> Array {
    let mut c = a.clone();
    c.elems = a
        .elems
        .iter()
        .map(|e| match e {
            Value::Array(r) => Value::Array(Rc::new(RefCell::new(deep_array(&r.borrow())))),
            v => v.clone(),
        })
        .collect();
    c
}

/// Sorts `arrays` together by the criteria `(array index, descending)` (stable).
fn sort_together(arrays: &[ArrRef], criteria: &[(usize, bool)], name: &str) -> RtResult<()> {
    let n = arrays[0].borrow().size();
    for arr in arrays {
        sortable(arr, name)?;
        if arr.borrow().size() != n {
            return err(
                codes::BAD_ARG,
                format!("{}: the arrays must have the same size", name),
            );
        }
    }
    if criteria.is_empty() {
        return err(codes::BAD_ARG, format!("{}: no sort criterion", name));
    }
    if let ([arr], [(0, desc)]) = (arrays, criteria) {
        if sort_one_keyed(arr, *desc) {
            return Ok(());
        }
    }
    let keys: Vec<Vec<Value>> = criteria
        .iter()
        .map(|(i, _)| arrays[*i].borrow().elems[1..].to_vec())
        .collect();
    let mut perm: Vec<usize> = (0..n).collect();
    crate::runtime::sorting::sort_by(&mut perm, |&x, &y| {
        for (k, (_, desc)) in keys.iter().zip(criteria) {
            let o = cmp_elem(&k[x], &k[y]);
            let o = if *desc { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
    let mut seen = Vec::new();
    for arr in arrays {
        if seen.iter().any(|s| Rc::ptr_eq(s, arr)) {
            continue;
        }
        seen.push(arr.clone());
        let mut ar = arr.borrow_mut();
        let old: Vec<Value> = ar.elems[1..].to_vec();
        for (i, &p) in perm.iter().enumerate() {
            ar.elems[i + 1] = old[p].clone();
        }
    }
    Ok(())
}

/// One array of numbers or of texts: sorted on precomputed keys (the number, or
/// the collation key of the text), stable, giving the order `cmp_elem` gives.
/// False (nothing done) for other arrays.
fn sort_one_keyed(arr: &ArrRef, desc: bool) -> bool {
    fn apply<K>(
        elems: &mut [Value],
        mut keyed: Vec<(K, u32)>,
        cmp: impl Fn(&K, &K) -> Ordering,
        desc: bool,
    ) {
        crate::runtime::sorting::sort_by(&mut keyed, |x, y| {
            let o = cmp(&x.0, &y.0);
            if desc {
                o.reverse()
            } else {
                o
            }
        });
        let mut old: Vec<Option<Value>> =
            elems.iter_mut().map(|v| Some(std::mem::take(v))).collect();
        for (slot, (_, p)) in elems.iter_mut().zip(keyed) {
            *slot = old[p as usize].take().unwrap_or_default();
        }
    }
    let mut ar = arr.borrow_mut();
    let elems = &mut ar.elems[1..];
    if elems
        .iter()
        .all(|v| matches!(v, Value::Real(_) | Value::Int(_)))
    {
        let keyed: Vec<(f64, u32)> = elems
            .iter()
            .enumerate()
            .map(|(i, v)| (v.as_num().unwrap_or(0.0), i as u32))
            .collect();
        apply(
            elems,
            keyed,
            |x, y| x.partial_cmp(y).unwrap_or(Ordering::Equal),
            desc,
        );
        true
    } else if elems.iter().all(|v| matches!(v, Value::Text(_))) {
        let keyed: Vec<(Vec<u8>, u32)> = elems
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::Text(t) => (crate::runtime::collate::sort_key(t), i as u32),
                _ => (Vec::new(), i as u32),
            })
            .collect();
        apply(elems, keyed, |x, y| x.cmp(y), desc);
        true
    } else {
        false
    }
}

fn arrays_of(it: &mut Interp, a: &Args, name: &str) -> RtResult<Vec<ArrRef>> {
    let mut out = Vec::new();
    for i in 0..a.len() {
        let p = a.ptr(i, name)?;
        let v = it.deref_raw(&p)?;
        out.push(as_array(&v)?);
    }
    Ok(out)
}

// docs/commands-legacy/sort-array.md: the first array drives, the others follow;
// ascending unless `<`.
fn sort_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(1, "SORT ARRAY")?;
    let arrays = arrays_of(it, a, "SORT ARRAY")?;
    let desc = matches!(a.order, Some(Marker::Less));
    sort_together(&arrays, &[(0, desc)], "SORT ARRAY")?;
    Ok(Value::Undefined)
}

// docs/commands-legacy/multi-sort-array.md: `(array{; > | <}...)`, or
// `(pointer array; sort array)` with 1 / -1 / 0. No criterion is an error.
fn multi_sort_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = "MULTI SORT ARRAY";
    a.require(1, name)?;
    let first = the_array(it, a, name)?;
    if first.borrow().elem == VarType::Pointer && a.markers.is_empty() {
        let ptrs: Vec<Value> = first.borrow().elems[1..].to_vec();
        let p = a.ptr(1, name)?;
        let orders = as_array(&it.deref_raw(&p)?)?;
        let orders: Vec<f64> = orders.borrow().elems[1..]
            .iter()
            .map(|v| v.as_num().unwrap_or(0.0))
            .collect();
        if orders.len() != ptrs.len() {
            return err(
                codes::BAD_ARG,
                format!("{}: the two arrays must have the same size", name),
            );
        }
        let mut arrays = Vec::new();
        let mut crit = Vec::new();
        for (i, pv) in ptrs.iter().enumerate() {
            let ptr = crate::runtime::interp::as_ptr(pv)?;
            arrays.push(as_array(&it.deref_raw(&ptr)?)?);
            if orders[i] != 0.0 {
                crit.push((i, orders[i] < 0.0));
            }
        }
        if arrays.is_empty() {
            return Ok(Value::Undefined);
        }
        sort_together(&arrays, &crit, name)?;
        return Ok(Value::Undefined);
    }
    let arrays = arrays_of(it, a, name)?;
    let crit: Vec<(usize, bool)> = a
        .markers
        .iter()
        .filter(|(pos, _)| *pos >= 1)
        .map(|(pos, m)| (*pos as usize - 1, *m == Marker::Less))
        .collect();
    sort_together(&arrays, &crit, name)?;
    Ok(Value::Undefined)
}

fn to_elem(ty: VarType, v: Value) -> Value {
    let v = match (ty, v) {
        (VarType::Date, Value::Text(t)) => {
            Value::Date(crate::commands::datetime::parse_date_text(&t))
        }
        (VarType::Time, Value::Real(r)) => Value::Time(r as i64),
        (VarType::Integer, Value::Real(r)) => Value::Int(r as i32),
        (_, Value::Null) if !matches!(ty, VarType::Object) => Value::Undefined,
        (_, v) => v,
    };
    ty.coerce(v).unwrap_or_else(|_| ty.default_value())
}

// docs/commands-legacy/collection-to-array.md
fn collection_to_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = "COLLECTION TO ARRAY";
    let col = match a.get(0) {
        Value::Collection(c) => c.clone(),
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!("{}: collection expected, got {}", name, v.type_name()),
            )
        }
    };
    let items = col.borrow().clone();
    let mut i = 1;
    while i < a.len() {
        let p = a.ptr(i, name)?;
        let arr = as_array(&it.deref_raw(&p)?)?;
        let prop = match a.get(i + 1) {
            Value::Text(t) if !t.is_empty() => Some(t.clone()),
            _ => None,
        };
        let mut ar = arr.borrow_mut();
        let ty = ar.elem;
        ar.elems.truncate(1);
        for v in &items {
            let v = match &prop {
                None => v.clone(),
                Some(k) => match v {
                    Value::Object(o) => o.borrow().get(k.as_str()).cloned().unwrap_or_default(),
                    _ => Value::Undefined,
                },
            };
            ar.elems.push(to_elem(ty, v));
        }
        i += 2;
    }
    Ok(Value::Undefined)
}

// docs/commands-legacy/array-to-collection.md: the collection takes the array's
// size (the largest array's with property names).
fn array_to_collection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = "ARRAY TO COLLECTION";
    let col = match a.get(0) {
        Value::Collection(c) => c.clone(),
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!("{}: collection expected, got {}", name, v.type_name()),
            )
        }
    };
    let mut i = 1;
    while i < a.len() {
        let p = a.ptr(i, name)?;
        let arr = as_array(&it.deref_raw(&p)?)?;
        let elems: Vec<Value> = arr.borrow().elems[1..]
            .iter()
            .cloned()
            .map(crate::runtime::value::stored)
            .collect();
        let mut c = col.borrow_mut();
        match a.get(i + 1) {
            Value::Text(k) if !k.is_empty() => {
                let key: Rc<str> = Rc::from(k.as_str());
                for (j, v) in elems.into_iter().enumerate() {
                    if j >= c.len() || !matches!(c[j], Value::Object(_)) {
                        let o = crate::runtime::value::new_object();
                        if j >= c.len() {
                            c.push(Value::Object(o));
                        } else {
                            c[j] = Value::Object(o);
                        }
                    }
                    if let Value::Object(o) = &c[j] {
                        o.borrow_mut().insert(key.clone(), v);
                    }
                }
            }
            _ => {
                *c = elems;
            }
        }
        i += 2;
    }
    Ok(Value::Undefined)
}
