//! Numbers in blobs and blob surgery: `INTEGER TO BLOB`, `LONGINT TO BLOB`,
//! `REAL TO BLOB`, `BLOB to integer`, `BLOB to longint`, `BLOB to real`,
//! `COPY BLOB`, `INSERT IN BLOB`, `DELETE FROM BLOB`, `BLOB PROPERTIES`
//! (developer.4d.com/docs/commands/<name>).
//!
//! Byte orders: `Native byte ordering` (0, little-endian on the machines fourd
//! runs on), `Macintosh byte ordering` (1, big-endian), `PC byte ordering` (2,
//! little-endian). Real formats: `Native real format` (0) and `PC double real
//! format` (3) are 8-byte little-endian doubles, `Macintosh double real format`
//! (2) a big-endian double, `Extended real format` (1) the 10-byte big-endian
//! extended of the old Macintosh. Writing: with `*` the bytes are appended; with
//! an offset variable they are written there (the blob grows if needed) and the
//! variable moves past them; otherwise they replace the blob. Reading past the
//! end of the blob gives 0 and leaves the offset variable unchanged (the docs
//! are silent).

use super::blob::put_in_blob;
use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{Ptr, Value};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("INTEGER TO BLOB", integer_to_blob, refs = 1 << 1 | 1 << 3),
    cmd!("LONGINT TO BLOB", longint_to_blob, refs = 1 << 1 | 1 << 3),
    cmd!("REAL TO BLOB", real_to_blob, refs = 1 << 1 | 1 << 3),
    cmd!("BLOB to integer", blob_to_integer, refs = 1 << 2),
    cmd!("BLOB to longint", blob_to_longint, refs = 1 << 2),
    cmd!("BLOB to real", blob_to_real, refs = 1 << 2),
    cmd!("COPY BLOB", copy_blob, refs = 1 << 1),
    cmd!("INSERT IN BLOB", insert_in_blob, refs = 1),
    cmd!("DELETE FROM BLOB", delete_from_blob, refs = 1),
    cmd!("BLOB PROPERTIES", blob_properties, refs = 0b1110),
];

fn bytes(v: &Value) -> Vec<u8> {
    match v {
        Value::Blob(b) | Value::Picture(b) => b.to_vec(),
        _ => Vec::new(),
    }
}

fn big_endian(order: i64) -> bool {
    order == 1
}

fn integer_to_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.num(0, "INTEGER TO BLOB")? as i64 as i16;
    let order = a.opt_num(2, "INTEGER TO BLOB")?.unwrap_or(0.0) as i64;
    let data = if big_endian(order) {
        n.to_be_bytes()
    } else {
        n.to_le_bytes()
    };
    put_in_blob(it, a, 3, data.to_vec(), "INTEGER TO BLOB")?;
    Ok(Value::Undefined)
}

fn longint_to_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.num(0, "LONGINT TO BLOB")? as i64 as i32;
    let order = a.opt_num(2, "LONGINT TO BLOB")?.unwrap_or(0.0) as i64;
    let data = if big_endian(order) {
        n.to_be_bytes()
    } else {
        n.to_le_bytes()
    };
    put_in_blob(it, a, 3, data.to_vec(), "LONGINT TO BLOB")?;
    Ok(Value::Undefined)
}

/// The 10-byte big-endian extended (1 sign bit, 15 exponent bits biased by
/// 16383, 64 mantissa bits with an explicit integer bit) of `x`.
fn to_extended(x: f64) -> [u8; 10] {
    let mut out = [0u8; 10];
    if x == 0.0 {
        if x.is_sign_negative() {
            out[0] = 0x80;
        }
        return out;
    }
    let bits = x.to_bits();
    let sign = ((bits >> 63) as u16) << 15;
    let (exp, mant) = if x.is_nan() {
        (0x7fffu16, 3u64 << 62)
    } else if x.is_infinite() {
        (0x7fffu16, 1u64 << 63)
    } else {
        let e = ((bits >> 52) & 0x7ff) as i32;
        let f = bits & ((1u64 << 52) - 1);
        if e == 0 {
            // subnormal double: normalise
            let shift = f.leading_zeros() - 11;
            let m = f << (shift + 11);
            ((1 - 1023 - shift as i32 + 16383) as u16, m)
        } else {
            ((e - 1023 + 16383) as u16, (1u64 << 63) | (f << 11))
        }
    };
    out[..2].copy_from_slice(&(sign | exp).to_be_bytes());
    out[2..].copy_from_slice(&mant.to_be_bytes());
    out
}

fn from_extended(b: &[u8]) -> f64 {
    let se = u16::from_be_bytes([b[0], b[1]]);
    let mut m = [0u8; 8];
    m.copy_from_slice(&b[2..10]);
    let mant = u64::from_be_bytes(m);
    let sign = if se & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = (se & 0x7fff) as i32;
    if exp == 0 && mant == 0 {
        return 0.0 * sign;
    }
    if exp == 0x7fff {
        return if mant << 1 == 0 {
            sign * f64::INFINITY
        } else {
            f64::NAN
        };
    }
    // in two steps: 2^e alone underflows for the smallest (subnormal) doubles
    let e = exp - 16383 - 63;
    sign * (mant as f64) * 2f64.powi(e / 2) * 2f64.powi(e - e / 2)
}

fn real_to_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let x = a.num(0, "REAL TO BLOB")?;
    let format = a.opt_num(2, "REAL TO BLOB")?.unwrap_or(0.0) as i64;
    let data = match format {
        1 => to_extended(x).to_vec(),
        2 => x.to_be_bytes().to_vec(),
        _ => x.to_le_bytes().to_vec(),
    };
    put_in_blob(it, a, 3, data, "REAL TO BLOB")?;
    Ok(Value::Undefined)
}

/// Reads `n` bytes at the offset variable (parameter 2, else 0), moving it past
/// them; `None` past the end of the blob.
fn take(it: &mut Interp, a: &Args, n: usize) -> RtResult<Option<Vec<u8>>> {
    let b = bytes(a.get(0));
    let ptr = match a.get(2) {
        Value::Pointer(p) => Some(p.clone()),
        _ => None,
    };
    let off = match &ptr {
        Some(p) => it.deref_raw(p)?.as_num().unwrap_or(0.0).max(0.0) as usize,
        None => 0,
    };
    if off + n > b.len() {
        return Ok(None);
    }
    if let Some(p) = ptr {
        it.store_ptr(&p, Value::Int((off + n) as i32))?;
    }
    Ok(Some(b[off..off + n].to_vec()))
}

fn blob_to_integer(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let order = a.opt_num(1, "BLOB to integer")?.unwrap_or(0.0) as i64;
    Ok(Value::Int(match take(it, a, 2)? {
        Some(b) if big_endian(order) => i16::from_be_bytes([b[0], b[1]]) as i32,
        Some(b) => i16::from_le_bytes([b[0], b[1]]) as i32,
        None => 0,
    }))
}

fn blob_to_longint(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let order = a.opt_num(1, "BLOB to longint")?.unwrap_or(0.0) as i64;
    Ok(Value::Int(match take(it, a, 4)? {
        Some(b) if big_endian(order) => i32::from_be_bytes([b[0], b[1], b[2], b[3]]),
        Some(b) => i32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        None => 0,
    }))
}

fn blob_to_real(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let format = a.opt_num(1, "BLOB to real")?.unwrap_or(0.0) as i64;
    let n = if format == 1 { 10 } else { 8 };
    let v = match take(it, a, n)? {
        None => 0.0,
        Some(b) if format == 1 => from_extended(&b),
        Some(b) => {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b);
            if format == 2 {
                f64::from_be_bytes(x)
            } else {
                f64::from_le_bytes(x)
            }
        }
    };
    Ok(Value::Real(v))
}

fn blob_var(a: &Args, i: usize, cmd: &str) -> RtResult<Rc<Ptr>> {
    match a.get(i) {
        Value::Pointer(p) => Ok(p.clone()),
        _ => err(
            codes::BAD_ARG,
            format!("{}: parameter {} must be a variable", cmd, i + 1),
        ),
    }
}

fn offset(a: &Args, i: usize, cmd: &str) -> RtResult<usize> {
    Ok(a.num(i, cmd)?.max(0.0) as usize)
}

/// `COPY BLOB(source; destination; source offset; destination offset; length)`:
/// the destination grows when the bytes go past its end.
fn copy_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "COPY BLOB";
    let src = bytes(a.get(0));
    let p = blob_var(a, 1, cmd)?;
    let (so, dof, len) = (offset(a, 2, cmd)?, offset(a, 3, cmd)?, offset(a, 4, cmd)?);
    let mut dst = bytes(&it.deref_raw(&p)?);
    let so = so.min(src.len());
    let len = len.min(src.len() - so);
    if dst.len() < dof + len {
        dst.resize(dof + len, 0);
    }
    dst[dof..dof + len].copy_from_slice(&src[so..so + len]);
    it.store_ptr(&p, Value::Blob(Rc::new(dst)))?;
    Ok(Value::Undefined)
}

/// `INSERT IN BLOB(blob; offset; length {; filler})`: `length` bytes of value
/// `filler` (0 when omitted) are inserted at `offset` (at most the blob's size).
fn insert_in_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "INSERT IN BLOB";
    let p = blob_var(a, 0, cmd)?;
    let mut b = bytes(&it.deref_raw(&p)?);
    let off = offset(a, 1, cmd)?.min(b.len());
    let len = offset(a, 2, cmd)?;
    let fill = a.opt_num(3, cmd)?.unwrap_or(0.0) as i64 as u8;
    b.splice(off..off, std::iter::repeat_n(fill, len));
    it.store_ptr(&p, Value::Blob(Rc::new(b)))?;
    Ok(Value::Undefined)
}

/// `BLOB PROPERTIES(blob; compressed{; expanded size{; current size}})`: fourd
/// never compresses blobs (`COMPRESS BLOB` is not implemented), so `compressed`
/// is `Is not compressed` (0) and both sizes are the blob's size.
fn blob_properties(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = bytes(a.get(0)).len() as i32;
    for (i, v) in [(1, 0), (2, n), (3, n)] {
        if let Value::Pointer(p) = a.get(i) {
            let p = p.clone();
            it.store_ptr(&p, Value::Int(v))?;
        }
    }
    Ok(Value::Undefined)
}

/// `DELETE FROM BLOB(blob; offset; length)`.
fn delete_from_blob(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "DELETE FROM BLOB";
    let p = blob_var(a, 0, cmd)?;
    let mut b = bytes(&it.deref_raw(&p)?);
    let off = offset(a, 1, cmd)?.min(b.len());
    let len = offset(a, 2, cmd)?.min(b.len() - off);
    b.drain(off..off + len);
    it.store_ptr(&p, Value::Blob(Rc::new(b)))?;
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::{from_extended, to_extended};

    #[test]
    fn extended_reals_round_trip() {
        for x in [1.0, -2.5, 0.1, 1e300, 3.0e-310, 12345.678] {
            assert_eq!(from_extended(&to_extended(x)), x);
        }
        // 1.0 is exponent 16383 with the integer bit set
        assert_eq!(to_extended(1.0), [0x3f, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0]);
    }
}
