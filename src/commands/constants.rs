//! Named constants (`Is text`, `Into system standard outputs`, `Pi`...), looked up
//! by name (case-insensitive) when a method is resolved; `:Kg:i` suffixes are not
//! values (LANGUAGE.md §1.3), so tokenized constants resolve by name too.
//!
//! The local table uses the format of `src/syntax/data/constants.tsv`
//! (`Name<TAB>group:index<TAB>type<TAB>value`, type `L` longint, `R` real, `T` text).

use super::CommandDef;
use crate::runtime::value::{text, Value};
use crate::syntax::data;
use std::collections::HashMap;
use std::sync::OnceLock;

pub const COMMANDS: &[CommandDef] = &[];

const CONSTANTS_TSV: &str = "\
Is real\t-\tL\t1
Is text\t-\tL\t2
Is picture\t-\tL\t3
Is date\t-\tL\t4
Is undefined\t-\tL\t5
Is Boolean\t-\tL\t6
Is subtable\t-\tL\t7
Is integer\t-\tL\t8
Is longint\t-\tL\t9
Is time\t-\tL\t11
Is variant\t-\tL\t12
Array 2D\t-\tL\t13
Real array\t-\tL\t14
Integer array\t-\tL\t15
LongInt array\t-\tL\t16
Date array\t-\tL\t17
Text array\t-\tL\t18
Picture array\t-\tL\t19
Pointer array\t-\tL\t20
String array\t-\tL\t21
Boolean array\t-\tL\t22
Is pointer\t-\tL\t23
Is string var\t-\tL\t24
Is integer 64 bits\t-\tL\t25
Is BLOB\t-\tL\t30
Blob array\t-\tL\t31
Time array\t-\tL\t32
Is object\t-\tL\t38
Object array\t-\tL\t39
Is collection\t-\tL\t42
Is null\t-\tL\t255
Is alpha field\t-\tL\t0
Into Windows log events\t-\tL\t0
Into 4D debug message\t-\tL\t1
Into 4D request log\t-\tL\t2
Into 4D commands log\t-\tL\t3
Into 4D diagnostic log\t-\tL\t5
Into system standard outputs\t38:9\tL\t6
Information message\t-\tL\t0
Warning message\t-\tL\t1
Error message\t-\tL\t2
Backspace\t-\tL\t8
Tab\t-\tL\t9
Line feed\t-\tL\t10
Carriage return\t-\tL\t13
Escape\t-\tL\t27
Space\t-\tL\t32
Double quote\t-\tL\t34
At sign\t-\tL\t64
Pi\t-\tR\t3.14159265358979
Degree\t-\tR\t0.0174532925199433
Radian\t-\tR\t57.2957795130823
e number\t-\tR\t2.71828182845904
MAXLONG\t-\tL\t2147483647
MAXINT\t-\tL\t32767
System date short\t-\tL\t1
System date abbreviated\t-\tL\t2
System date long\t-\tL\t3
Internal date short special\t-\tL\t4
Internal date long\t-\tL\t5
Internal date abbreviated\t-\tL\t6
Internal date short\t-\tL\t7
ISO Date\t-\tL\t8
ISO Date GMT\t-\tL\t9
Date RFC 1123\t-\tL\t10
Blank if null date\t-\tL\t100
HH MM SS\t-\tL\t1
HH MM\t-\tL\t2
Hour min sec\t-\tL\t3
Hour min\t-\tL\t4
HH MM AM PM\t-\tL\t5
MM SS\t-\tL\t6
Min sec\t-\tL\t7
ISO time\t-\tL\t8
System time short\t-\tL\t9
System time long abbreviated\t-\tL\t10
System time long\t-\tL\t11
Blank if null time\t-\tL\t100
sk strict\t-\tL\t0
sk char codes\t-\tL\t1
sk case insensitive\t-\tL\t2
sk diacritic insensitive\t-\tL\t4
sk kana insensitive\t-\tL\t8
sk width insensitive\t-\tL\t16
sk whole word\t-\tL\t32
sk ignore empty strings\t-\tL\t1
sk trim spaces\t-\tL\t2
ck ascending\t-\tL\t0
ck descending\t-\tL\t1
ek local\t-\tL\t0
ek global\t-\tL\t1
ek errors from components\t-\tL\t2
Sunday\t-\tL\t1
Monday\t-\tL\t2
Tuesday\t-\tL\t3
Wednesday\t-\tL\t4
Thursday\t-\tL\t5
Friday\t-\tL\t6
Saturday\t-\tL\t7
January\t-\tL\t1
February\t-\tL\t2
March\t-\tL\t3
April\t-\tL\t4
May\t-\tL\t5
June\t-\tL\t6
July\t-\tL\t7
August\t-\tL\t8
September\t-\tL\t9
October\t-\tL\t10
November\t-\tL\t11
December\t-\tL\t12
";

#[derive(Debug, Clone, Copy)]
enum Const {
    Int(i32),
    Real(f64),
    Text(&'static str),
}

fn table() -> &'static HashMap<String, Const> {
    static T: OnceLock<HashMap<String, Const>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for line in CONSTANTS_TSV.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            let v = match f[2] {
                "L" => f[3].parse::<i32>().ok().map(Const::Int),
                "R" => f[3].parse::<f64>().ok().map(Const::Real),
                _ => Some(Const::Text(f[3])),
            };
            if let Some(v) = v {
                m.insert(f[0].to_lowercase(), v);
            }
        }
        m
    })
}

/// The value of a front-end table entry; `None` when its value is unknown.
fn from_data(c: &data::ConstantInfo) -> Option<Value> {
    Some(match &c.value {
        data::ConstantValue::Integer(i) => Value::Int(*i as i32),
        data::ConstantValue::Real(r) => Value::Real(*r),
        data::ConstantValue::Text(t) => text(*t),
        data::ConstantValue::Boolean(b) => Value::Bool(*b),
        data::ConstantValue::Unknown => return None,
    })
}

/// The value of a tokenized constant (`Name:Kg:i`): by token when the front end's
/// table knows it (localized names), else by name.
pub fn lookup_token(name: &str, group: u32, index: u32) -> Option<Value> {
    match data::constant_by_token(group, index).and_then(from_data) {
        Some(v) => Some(v),
        None => lookup(name),
    }
}

/// The value of a constant by name (case-insensitive): the front end's table
/// (`src/syntax/data/constants.tsv`) first, then this module's.
pub fn lookup(name: &str) -> Option<Value> {
    if let Some(v) = data::constant_by_name(name).and_then(from_data) {
        return Some(v);
    }
    table()
        .get(&name.to_lowercase())
        .map(|c| match *c {
            Const::Int(i) => Value::Int(i),
            Const::Real(r) => Value::Real(r),
            Const::Text(t) => text(t),
        })
        .or_else(|| super::web::constant(name))
        .or_else(|| super::xml_dom::constant(name))
}
