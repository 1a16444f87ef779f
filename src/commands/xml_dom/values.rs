//! Conversions between 4D values and the text of XML values: what `DOM SET XML
//! ATTRIBUTE`, `DOM SET XML ELEMENT VALUE` and `DOM Create XML element` write
//! for a non-text value, and what the `GET` commands and `XML DECODE` store in a
//! variable of a given type (docs: "4D will attempt to convert the value
//! obtained into the same type as that of the variable passed as parameter";
//! an untyped variable receives a text).

use super::Options;
use crate::runtime::format;
use crate::runtime::value::{text, Date, Value, VarType};

/// A real with `.` as the decimal separator (`"12.34"`).
pub fn real_text(x: f64) -> String {
    format::real(x)
}

/// Where a value is written: attributes and element values have different
/// default date and time encodings in the docs.
#[derive(Clone, Copy, PartialEq)]
pub enum Target {
    Attribute,
    Element,
}

/// The XML text of a 4D value.
///
/// Dates: in attributes `"2006-12-04T00:00:00Z"` and times as seconds
/// (`"5233"`), the table of `DOM SET XML ATTRIBUTE`; in element values the
/// `XML SET OPTIONS` defaults, `XML ISO` (`"2003-01-01"`) and `XML datetime
/// local absolute` (`"0000-00-00T02:00:46"`). An encoding set with `XML SET
/// OPTIONS` applies to both. BLOBs and pictures are base64 (with the
/// `data:;base64,` header under `XML data URI scheme`).
pub fn to_xml(v: &Value, o: &Options, target: Target) -> String {
    match v {
        Value::Text(t) => t.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Real(r) => real_text(*r),
        Value::Date(d) => date_text(*d, o, target),
        Value::Time(t) => time_text(*t, o, target),
        Value::Blob(b) | Value::Picture(b) => {
            let s = crate::runtime::base64::encode(b, false);
            if o.binary == BINARY_DATA_URI {
                format!("data:;base64,{}", s)
            } else {
                s
            }
        }
        Value::Undefined | Value::Null => String::new(),
        v => format::to_text(v),
    }
}

pub const DATE_ISO: i32 = 1;
pub const DATE_LOCAL: i32 = 2;
pub const DATE_DATETIME_LOCAL: i32 = 3;
pub const DATE_UTC: i32 = 4;
pub const DATE_DATETIME_UTC: i32 = 5;
pub const TIME_LOCAL_ABSOLUTE: i32 = 6;
pub const TIME_SECONDS: i32 = 7;
pub const TIME_DURATION: i32 = 8;
pub const BINARY_BASE64: i32 = 1;
pub const BINARY_DATA_URI: i32 = 2;

fn date_text(d: Date, o: &Options, target: Target) -> String {
    let iso = format::date_iso(d);
    let enc = match (o.date, target) {
        (Some(e), _) => e,
        (None, Target::Attribute) => DATE_DATETIME_UTC,
        (None, Target::Element) => DATE_ISO,
    };
    match enc {
        DATE_LOCAL => format!("{} +00:00", iso),
        DATE_DATETIME_LOCAL => format!("{}T00:00:00 +00:00", iso),
        DATE_UTC => format!("{}Z", iso),
        DATE_DATETIME_UTC => format!("{}T00:00:00Z", iso),
        _ => iso,
    }
}

fn time_text(t: i64, o: &Options, target: Target) -> String {
    let enc = match (o.time, target) {
        (Some(e), _) => e,
        (None, Target::Attribute) => TIME_SECONDS,
        (None, Target::Element) => TIME_LOCAL_ABSOLUTE,
    };
    let (h, m, s) = (t / 3600, (t / 60) % 60, t % 60);
    match enc {
        TIME_SECONDS => t.to_string(),
        TIME_DURATION => format!("PT{:02}H{:02}M{:02}S", h, m, s),
        DATE_DATETIME_UTC => format!("0000-00-00T{:02}:{:02}:{:02}Z", h, m, s),
        DATE_DATETIME_LOCAL => format!("0000-00-00T{:02}:{:02}:{:02}+00:00", h, m, s),
        _ => format!("0000-00-00T{:02}:{:02}:{:02}", h, m, s),
    }
}

/// The type a received value takes: the variable's declared type, else the type
/// of the value it holds, else text.
pub fn target_type(declared: VarType, current: &Value) -> VarType {
    match declared {
        VarType::Undeclared | VarType::Variant => match current {
            Value::Int(_) => VarType::Integer,
            Value::Real(_) => VarType::Real,
            Value::Bool(_) => VarType::Boolean,
            Value::Date(_) => VarType::Date,
            Value::Time(_) => VarType::Time,
            Value::Blob(_) => VarType::Blob,
            Value::Picture(_) => VarType::Picture,
            _ => VarType::Text,
        },
        t => t,
    }
}

/// A number in XML text: `.` or `,` as the decimal separator; not a number: 0.
fn number(s: &str) -> f64 {
    let s = s.trim().replace(',', ".");
    if let Ok(x) = s.parse::<f64>() {
        return x;
    }
    // the longest numeric prefix ("12px" → 12)
    let end = s
        .char_indices()
        .take_while(|&(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    s[..end].parse().unwrap_or(0.0)
}

fn digits(s: &str) -> Vec<i64> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap_or(0))
        .collect()
}

/// `YYYY-MM-DD...` (time part and zone dropped); anything else: the null date.
fn date(s: &str) -> Value {
    let d = digits(s.split('T').next().unwrap_or(""));
    match d.as_slice() {
        [y, m, d, ..] if (1..=12).contains(m) && (1..=31).contains(d) => Value::Date(Date {
            year: *y as u16,
            month: *m as u8,
            day: *d as u8,
        }),
        _ => Value::Date(Date::default()),
    }
}

/// `HH:MM:SS`, the time part of a date-time, `PTnnHnnMnnS`, or seconds.
fn time(s: &str) -> Value {
    let s = s.trim();
    let part = match s.split_once('T') {
        Some((_, t)) => t,
        None => s,
    };
    let part = part.trim_end_matches('Z');
    let part = part.split(['+']).next().unwrap_or(part);
    let d = digits(part);
    Value::Time(if part.contains(':') || s.starts_with("PT") {
        d.first().copied().unwrap_or(0) * 3600
            + d.get(1).copied().unwrap_or(0) * 60
            + d.get(2).copied().unwrap_or(0)
    } else {
        number(part) as i64
    })
}

/// The value of XML text for a variable of type `ty` (`XML DECODE`'s rules).
pub fn from_xml(s: &str, ty: VarType) -> Value {
    match ty {
        VarType::Integer => Value::Int(number(s) as i32),
        VarType::Real => Value::Real(number(s)),
        VarType::Boolean => {
            let t = s.trim();
            Value::Bool(t.eq_ignore_ascii_case("true") || number(t) != 0.0)
        }
        VarType::Date => date(s),
        VarType::Time => time(s),
        VarType::Blob | VarType::Picture => {
            let b = s.trim();
            let b = b.split_once("base64,").map(|(_, r)| r).unwrap_or(b);
            let bytes = std::rc::Rc::new(crate::runtime::base64::decode(b.as_bytes()));
            if ty == VarType::Blob {
                Value::Blob(bytes)
            } else {
                Value::Picture(bytes)
            }
        }
        _ => text(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        let o = Options::default();
        let d = Value::Date(Date {
            year: 2006,
            month: 12,
            day: 4,
        });
        assert_eq!(to_xml(&d, &o, Target::Attribute), "2006-12-04T00:00:00Z");
        assert_eq!(to_xml(&d, &o, Target::Element), "2006-12-04");
        assert_eq!(to_xml(&Value::Time(5233), &o, Target::Attribute), "5233");
        assert_eq!(to_xml(&Value::Real(12.34), &o, Target::Element), "12.34");
        assert_eq!(to_xml(&Value::Bool(true), &o, Target::Element), "true");
        assert!(matches!(from_xml("8,5", VarType::Real), Value::Real(x) if x == 8.5));
        assert!(matches!(
            from_xml("true", VarType::Boolean),
            Value::Bool(true)
        ));
        assert!(matches!(
            from_xml("0", VarType::Boolean),
            Value::Bool(false)
        ));
        assert!(matches!(
            from_xml("2009-10-25T01:03:20+01:00", VarType::Time),
            Value::Time(3800)
        ));
        assert!(
            matches!(from_xml("2009-10-25T01:03:20", VarType::Date), Value::Date(d) if d.year == 2009 && d.month == 10 && d.day == 25)
        );
        assert!(matches!(from_xml("12px", VarType::Integer), Value::Int(12)));
    }
}
