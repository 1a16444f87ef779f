//! 4D operator rules (LANGUAGE.md §5): arithmetic on numbers, texts, dates and
//! times; comparisons with the text rules of `collate`; 32-bit bitwise operators.
//! Operands are already evaluated (the tree is built left to right by the parser);
//! `&&`, `||` and the ternary are handled by the interpreter (short-circuit).

use super::collate;
use super::error::{codes, err, RtResult};
use super::format;
use super::value::{Date, Value};
use crate::syntax::ast::{BinOp, UnaryOp};
use std::cmp::Ordering;
use std::rc::Rc;

/// Epsilon used by `=` on reals (4D's default real comparison level).
pub const REAL_EPSILON: f64 = 1e-6;

fn mismatch<T>(op: BinOp, a: &Value, b: &Value) -> RtResult<T> {
    err(
        codes::TYPE_MISMATCH,
        format!(
            "Incompatible types: {} {} {}",
            a.type_name(),
            op_symbol(op),
            b.type_name()
        ),
    )
}

pub fn op_symbol(op: BinOp) -> &'static str {
    use BinOp::*;
    match op {
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        IntDiv => "\\",
        Mod => "%",
        Pow => "^",
        Eq => "=",
        Ne => "#",
        Lt => "<",
        Gt => ">",
        Le => "<=",
        Ge => ">=",
        And => "&",
        Or => "|",
        BitXor => "^|",
        Shl => "<<",
        Shr => ">>",
        BitSet => "?+",
        BitClear => "?-",
        BitTest => "??",
        AndAnd => "&&",
        OrOr => "||",
    }
}

/// A real or integer converted to a 32-bit integer (truncated, wrapped).
#[inline]
pub fn to_i32(x: f64) -> i32 {
    if x.is_nan() {
        0
    } else if x >= i32::MIN as f64 && x <= i32::MAX as f64 {
        x as i32
    } else {
        (x as i64) as i32
    }
}

fn int_or_real(x: f64) -> Value {
    if x >= i32::MIN as f64 && x <= i32::MAX as f64 && x.fract() == 0.0 {
        Value::Int(x as i32)
    } else {
        Value::Real(x)
    }
}

/// [`int_or_real`] read back as a real (`runtime::fast` keeps `\` results in real
/// registers): the same number, but an Integer has no negative zero.
#[inline]
pub fn int_or_real_f64(x: f64) -> f64 {
    if x >= i32::MIN as f64 && x <= i32::MAX as f64 && x.fract() == 0.0 {
        x as i32 as f64
    } else {
        x
    }
}

/// Integer operands: the result of the common operators computed without going
/// through reals (identical to `num_op` on the same operands: sums and differences
/// of two 32-bit integers are exact reals; comparisons of integers never fall
/// within the real epsilon). `None` for the operators left to `num_op`.
#[inline(always)]
pub fn int_op(op: BinOp, x: i32, y: i32) -> Option<Value> {
    use BinOp::*;
    Some(match op {
        Add => Value::Real((x as i64 + y as i64) as f64),
        Sub => Value::Real((x as i64 - y as i64) as f64),
        Mul => Value::Real(x as f64 * y as f64),
        Mod if y != 0 => Value::Int(x.wrapping_rem(y)),
        Eq => Value::Bool(x == y),
        Ne => Value::Bool(x != y),
        Lt => Value::Bool(x < y),
        Gt => Value::Bool(x > y),
        Le => Value::Bool(x <= y),
        Ge => Value::Bool(x >= y),
        And => Value::Int(x & y),
        Or => Value::Int(x | y),
        BitXor => Value::Int(x ^ y),
        _ => return None,
    })
}

/// Applies a binary operator to borrowed operands when both are numbers (the hot
/// case); `None` otherwise (the caller then uses [`binary`]).
#[inline(always)]
pub fn binary_num(op: BinOp, a: &Value, b: &Value) -> Option<RtResult<Value>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match int_op(op, *x, *y) {
            Some(v) => Some(Ok(v)),
            None => Some(num_op(op, *x as f64, *y as f64, a, b)),
        },
        (Value::Real(x), Value::Real(y)) => Some(real_op(op, *x, *y, a, b)),
        (Value::Int(x), Value::Real(y)) => Some(real_op(op, *x as f64, *y, a, b)),
        (Value::Real(x), Value::Int(y)) => Some(real_op(op, *x, *y as f64, a, b)),
        _ => None,
    }
}

/// The arithmetic operators on reals inline, the others through `num_op` (same
/// results).
#[inline(always)]
fn real_op(op: BinOp, x: f64, y: f64, a: &Value, b: &Value) -> RtResult<Value> {
    use BinOp::*;
    match op {
        Add => Ok(Value::Real(x + y)),
        Sub => Ok(Value::Real(x - y)),
        Mul => Ok(Value::Real(x * y)),
        Div => Ok(Value::Real(x / y)),
        Mod => {
            let j = to_i32(y);
            if j == 0 {
                return num_op(op, x, y, a, b);
            }
            Ok(Value::Int(to_i32(x).wrapping_rem(j)))
        }
        _ => num_op(op, x, y, a, b),
    }
}

/// Applies a binary operator (all but `&&`/`||`).
pub fn binary(op: BinOp, a: Value, b: Value) -> RtResult<Value> {
    use BinOp::*;
    use Value as V;
    // Fast path: plain numbers.
    if let Some(r) = binary_num(op, &a, &b) {
        return r;
    }
    match op {
        Eq => return Ok(V::Bool(equal(&a, &b)?)),
        Ne => return Ok(V::Bool(!equal(&a, &b)?)),
        Lt | Gt | Le | Ge => return Ok(V::Bool(order(op, &a, &b)?)),
        _ => {}
    }
    match (op, a, b) {
        (Add, V::Text(mut s), V::Text(t)) => {
            if s.is_empty() {
                return Ok(V::Text(t));
            }
            if s.len() + t.len() > codes::MAX_SIZE {
                return err(
                    codes::NO_MEMORY,
                    "Not enough memory: the text would be too long",
                );
            }
            // a copy when shared, else the string's growth (at most doubling)
            crate::runtime::memory::reserve(s.len() + t.len())?;
            Rc::make_mut(&mut s).push_str(&t);
            Ok(V::Text(s))
        }
        (Mul, V::Text(s), b) if num(&b).is_some() => {
            let n = num(&b).unwrap_or(0.0);
            let n = if n > 0.0 { n as usize } else { 0 };
            if s.len().saturating_mul(n) > codes::MAX_SIZE {
                return err(
                    codes::NO_MEMORY,
                    "Not enough memory: the text would be too long",
                );
            }
            crate::runtime::memory::reserve(s.len().saturating_mul(n))?;
            Ok(V::Text(Rc::new(s.repeat(n))))
        }
        (Mod, V::Text(s), V::Text(t)) => Ok(V::Bool(collate::keyword(&s, &t))),
        // Dates
        (Add, V::Date(d), b) if num(&b).is_some() => {
            Ok(V::Date(add_days(d, num(&b).unwrap_or(0.0))))
        }
        (Sub, V::Date(d), b) if num(&b).is_some() => {
            Ok(V::Date(add_days(d, -num(&b).unwrap_or(0.0))))
        }
        (Sub, V::Date(d), V::Date(e)) => Ok(V::Real(
            (format::date_to_days(d) - format::date_to_days(e)) as f64,
        )),
        // Times
        (Add, V::Time(x), V::Time(y)) => Ok(V::Time(x + y)),
        (Sub, V::Time(x), V::Time(y)) => Ok(V::Time(x - y)),
        (Mod, V::Time(x), V::Time(y)) => {
            if y == 0 {
                return err(codes::DIV_ZERO, "Division by zero");
            }
            Ok(V::Time(x % y))
        }
        (And, V::Bool(x), V::Bool(y)) => Ok(V::Bool(x && y)),
        (Or, V::Bool(x), V::Bool(y)) => Ok(V::Bool(x || y)),
        (op, a, b) => {
            // Time with a number: the time acts as a number of seconds.
            match (&a, &b) {
                (V::Time(x), _) if num(&b).is_some() => {
                    num_op(op, *x as f64, num(&b).unwrap_or(0.0), &a, &b).map(int_to_real)
                }
                (_, V::Time(y)) if num(&a).is_some() => {
                    num_op(op, num(&a).unwrap_or(0.0), *y as f64, &a, &b).map(int_to_real)
                }
                _ => mismatch(op, &a, &b),
            }
        }
    }
}

/// Time-with-number results are Numbers (Real).
fn int_to_real(v: Value) -> Value {
    match v {
        Value::Int(i) => Value::Real(i as f64),
        v => v,
    }
}

#[inline]
fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Real(r) => Some(*r),
        _ => None,
    }
}

fn add_days(d: Date, n: f64) -> Date {
    if d == Date::default() {
        return d;
    }
    format::days_to_date(format::date_to_days(d) + n.trunc() as i64)
}

/// A comparison of two numbers as reals, with 4D's epsilon for equality (the rule
/// of every comparison that involves a real; `runtime::fast` uses it too).
#[inline(always)]
pub fn real_cmp(op: BinOp, x: f64, y: f64) -> bool {
    use BinOp::*;
    match op {
        Eq => (x - y).abs() < REAL_EPSILON || x == y,
        Ne => !((x - y).abs() < REAL_EPSILON || x == y),
        Lt => x < y && (y - x) >= REAL_EPSILON,
        Gt => x > y && (x - y) >= REAL_EPSILON,
        Le => x <= y || (x - y).abs() < REAL_EPSILON,
        _ => x >= y || (x - y).abs() < REAL_EPSILON,
    }
}

#[inline]
fn num_op(op: BinOp, x: f64, y: f64, a: &Value, b: &Value) -> RtResult<Value> {
    use BinOp::*;
    Ok(match op {
        Add => Value::Real(x + y),
        Sub => Value::Real(x - y),
        Mul => Value::Real(x * y),
        Div => Value::Real(x / y),
        Pow => Value::Real(x.powf(y)),
        IntDiv => {
            if y == 0.0 {
                return err(codes::DIV_ZERO, "Division by zero");
            }
            int_or_real((x / y).floor())
        }
        Mod => {
            let (i, j) = (to_i32(x), to_i32(y));
            if j == 0 {
                return err(codes::DIV_ZERO, "Division by zero");
            }
            Value::Int(i.wrapping_rem(j))
        }
        Eq | Ne | Lt | Gt | Le | Ge => Value::Bool(real_cmp(op, x, y)),
        And => Value::Int(to_i32(x) & to_i32(y)),
        Or => Value::Int(to_i32(x) | to_i32(y)),
        BitXor => Value::Int(to_i32(x) ^ to_i32(y)),
        Shl => {
            let n = to_i32(y);
            Value::Int(if (0..32).contains(&n) {
                ((to_i32(x) as u32) << n) as i32
            } else {
                0
            })
        }
        Shr => {
            let n = to_i32(y);
            Value::Int(if (0..32).contains(&n) {
                ((to_i32(x) as u32) >> n) as i32
            } else {
                0
            })
        }
        BitSet => {
            let n = to_i32(y);
            Value::Int(if (0..32).contains(&n) {
                to_i32(x) | (1i32 << n)
            } else {
                to_i32(x)
            })
        }
        BitClear => {
            let n = to_i32(y);
            Value::Int(if (0..32).contains(&n) {
                to_i32(x) & !(1i32 << n)
            } else {
                to_i32(x)
            })
        }
        BitTest => {
            let n = to_i32(y);
            Value::Bool((0..32).contains(&n) && to_i32(x) & (1i32 << n) != 0)
        }
        AndAnd | OrOr => return mismatch(op, a, b),
    })
}

/// `a = b` (the `#` operator is its negation).
pub fn equal(a: &Value, b: &Value) -> RtResult<bool> {
    use Value as V;
    Ok(match (a, b) {
        (V::Text(x), V::Text(y)) => collate::equals(x, y),
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Date(x), V::Date(y)) => x == y,
        (V::Time(x), V::Time(y)) => x == y,
        (V::Time(_), _) | (_, V::Time(_)) if a.as_num().is_some() && b.as_num().is_some() => {
            a.as_num() == b.as_num()
        }
        (V::Int(_) | V::Real(_), V::Int(_) | V::Real(_)) => {
            let (x, y) = (num(a).unwrap_or(0.0), num(b).unwrap_or(0.0));
            (x - y).abs() < REAL_EPSILON || x == y
        }
        (V::Null | V::Undefined, V::Null | V::Undefined) => true,
        (V::Pointer(p), V::Null) | (V::Null, V::Pointer(p)) => **p == super::value::Ptr::Nil,
        (V::Null | V::Undefined, _) | (_, V::Null | V::Undefined) => false,
        (V::Object(x), V::Object(y)) => Rc::ptr_eq(x, y),
        (V::Collection(x), V::Collection(y)) => Rc::ptr_eq(x, y),
        (V::Pointer(x), V::Pointer(y)) => x == y,
        (V::Blob(x), V::Blob(y)) => x == y,
        (V::Picture(x), V::Picture(y)) => x == y,
        _ => return mismatch(BinOp::Eq, a, b),
    })
}

/// `<`, `>`, `<=`, `>=`.
fn order(op: BinOp, a: &Value, b: &Value) -> RtResult<bool> {
    use Value as V;
    let ord = match (a, b) {
        (V::Text(x), V::Text(y)) => collate::compare_wild(x, y),
        (V::Date(x), V::Date(y)) => x.cmp(y),
        (V::Time(x), V::Time(y)) => x.cmp(y),
        (V::Time(_) | V::Int(_) | V::Real(_), V::Time(_) | V::Int(_) | V::Real(_)) => {
            let (x, y) = (a.as_num().unwrap_or(0.0), b.as_num().unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        (
            V::Undefined,
            V::Text(_) | V::Date(_) | V::Time(_) | V::Bool(_) | V::Int(_) | V::Real(_),
        )
        | (
            V::Text(_) | V::Date(_) | V::Time(_) | V::Bool(_) | V::Int(_) | V::Real(_),
            V::Undefined,
        ) => return Ok(false),
        _ => return mismatch(op, a, b),
    };
    Ok(match op {
        BinOp::Lt => ord == Ordering::Less,
        BinOp::Gt => ord == Ordering::Greater,
        BinOp::Le => ord != Ordering::Greater,
        _ => ord != Ordering::Less,
    })
}

pub fn unary(op: UnaryOp, v: Value) -> RtResult<Value> {
    match (op, v) {
        (UnaryOp::Neg, Value::Int(i)) => Ok(Value::Int(i.wrapping_neg())),
        (UnaryOp::Neg, Value::Real(r)) => Ok(Value::Real(-r)),
        (UnaryOp::Neg, Value::Time(t)) => Ok(Value::Time(-t)),
        (UnaryOp::Plus, v @ (Value::Int(_) | Value::Real(_) | Value::Time(_))) => Ok(v),
        (_, v) => err(
            codes::TYPE_MISMATCH,
            format!("Incompatible type for unary operator: {}", v.type_name()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::value::text;
    use BinOp::*;

    fn r(x: f64) -> Value {
        Value::Real(x)
    }
    fn num_of(v: RtResult<Value>) -> f64 {
        v.ok().and_then(|v| v.as_num()).unwrap_or(f64::NAN)
    }
    fn b(v: RtResult<Value>) -> bool {
        matches!(v, Ok(Value::Bool(true)))
    }
    fn t(v: RtResult<Value>) -> String {
        match v {
            Ok(Value::Text(s)) => s.to_string(),
            other => format!("{:?}", other),
        }
    }

    #[test]
    fn arithmetic() {
        assert_eq!(num_of(binary(Add, r(3.0), r(4.0))), 7.0);
        assert_eq!(num_of(binary(IntDiv, r(7.0), r(2.0))), 3.0);
        assert_eq!(num_of(binary(IntDiv, r(-7.0), r(2.0))), -4.0);
        assert_eq!(num_of(binary(Mod, r(10.0), r(3.0))), 1.0);
        assert_eq!(num_of(binary(Mod, r(10.5), r(2.0))), 0.0);
        assert_eq!(num_of(binary(Pow, r(2.0), r(3.0))), 8.0);
        assert!(binary(IntDiv, r(1.0), r(0.0)).is_err());
        assert_eq!(num_of(binary(Div, r(1.0), r(0.0))), f64::INFINITY);
    }

    #[test]
    fn texts() {
        assert_eq!(t(binary(Add, text("ab"), text("cd"))), "abcd");
        assert_eq!(t(binary(Mul, text("ab"), r(3.0))), "ababab");
        assert!(binary(Add, text("abc"), r(0.5)).is_err());
        assert!(b(binary(Eq, text("ABC"), text("a@"))));
        assert!(b(binary(Lt, text("abc"), text("abd"))));
        assert!(b(binary(
            Mod,
            text("Software and Computers"),
            text("comput@")
        )));
    }

    #[test]
    fn dates_and_times() {
        let d = |y, m, dd| {
            Value::Date(Date {
                year: y,
                month: m,
                day: dd,
            })
        };
        assert_eq!(num_of(binary(Sub, d(2024, 3, 1), d(2024, 2, 1))), 29.0);
        assert!(matches!(
            binary(Add, d(2024, 1, 31), r(1.0)),
            Ok(Value::Date(Date {
                year: 2024,
                month: 2,
                day: 1
            }))
        ));
        assert!(matches!(
            binary(Add, Value::Time(3600), Value::Time(60)),
            Ok(Value::Time(3660))
        ));
        assert!(
            matches!(binary(Add, Value::Time(3600), r(1.0)), Ok(Value::Real(x)) if x == 3601.0)
        );
        let t = binary(Add, Value::Time(23 * 3600), Value::Time(9000)).unwrap_or(Value::Null);
        assert!(matches!(
            binary(Mod, t, Value::Time(86400)),
            Ok(Value::Time(5400))
        ));
    }

    #[test]
    fn bitwise() {
        assert_eq!(
            num_of(binary(
                And,
                Value::Int(0x0000FFFF),
                Value::Int(0xFF00FF00u32 as i32)
            )),
            0x0000FF00 as f64
        );
        assert_eq!(
            num_of(binary(
                BitXor,
                Value::Int(0x0000FFFF),
                Value::Int(0xFF00FF00u32 as i32)
            )),
            0xFF0000FFu32 as i32 as f64
        );
        assert_eq!(
            num_of(binary(BitSet, Value::Int(0), r(16.0))),
            0x10000 as f64
        );
        assert_eq!(num_of(binary(Shl, r(1.0), r(40.0))), 0.0);
        assert!(b(binary(BitTest, r(5.0), r(2.0))));
        assert_eq!(num_of(binary(Shr, Value::Int(-1), r(28.0))), 15.0);
    }

    #[test]
    fn comparisons() {
        assert!(b(binary(Eq, r(0.1 + 0.2), r(0.3))));
        assert!(b(binary(Eq, Value::Null, Value::Undefined)));
        assert!(!b(binary(Eq, Value::Null, r(42.0))));
        assert!(b(binary(Ne, Value::Null, r(42.0))));
        assert!(binary(Lt, Value::Null, r(1.0)).is_err());
        assert!(matches!(
            binary(Lt, Value::Undefined, r(1.0)),
            Ok(Value::Bool(false))
        ));
        assert!(binary(Eq, r(1.0), text("1")).is_err());
    }
}
