//! Display formats for `String`: the date and time format constants (Date Display
//! Formats / Time Display Formats themes), date/time patterns (a common subset of
//! the ICU patterns of `Project/date-time-formats.md`), the `&x` / `&$` hexadecimal
//! number formats and `String(number; base)`. fourd runs in an English (US)
//! system with the UTC time zone, so "system" formats are the US ones and the GMT
//! forms equal the local ones.
//! Source: docs/commands/string.md.

use crate::runtime::format;
use crate::runtime::value::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// 0 = Sunday .. 6 = Saturday.
pub fn weekday(d: Date) -> usize {
    let n = format::date_to_days(d);
    // 1970-01-01 was a Thursday (4)
    (n + 4).rem_euclid(7) as usize
}

fn month_name(d: Date) -> &'static str {
    MONTHS[(d.month.clamp(1, 12) - 1) as usize]
}

/// `String(date; format{; addTime})` with a format constant.
pub fn date_const(d: Date, f: i32, add: Option<i64>) -> String {
    let null = d == Date::default();
    if f >= 100 && null {
        return String::new();
    }
    let t = add.unwrap_or(0);
    let hms = format!(
        "{:02}:{:02}:{:02}",
        t.div_euclid(3600),
        t.div_euclid(60).rem_euclid(60),
        t.rem_euclid(60)
    );
    match f % 100 {
        2 if !null => format!(
            "{}, {} {}, {}",
            &DAYS[weekday(d)][..3],
            &month_name(d)[..3],
            d.day,
            d.year
        ),
        3 if !null => format!(
            "{}, {} {}, {}",
            DAYS[weekday(d)],
            month_name(d),
            d.day,
            d.year
        ),
        4 => {
            if (1930..2030).contains(&d.year) || null {
                format!("{:02}/{:02}/{:02}", d.month, d.day, d.year % 100)
            } else {
                format::date(d)
            }
        }
        5 if !null => format!("{} {}, {}", month_name(d), d.day, d.year),
        6 if !null => format!("{} {}, {}", &month_name(d)[..3], d.day, d.year),
        8 => format!("{}T{}", format::date_iso(d), hms),
        9 => format!("{}T{}Z", format::date_iso(d), hms),
        10 if !null => format!(
            "{}, {:02} {} {} {} GMT",
            &DAYS[weekday(d)][..3],
            d.day,
            &month_name(d)[..3],
            d.year,
            hms
        ),
        _ => format::date(d),
    }
}

/// `String(time; format)` with a format constant.
pub fn time_const(t: i64, f: i32) -> String {
    if f >= 100 && t == 0 {
        return String::new();
    }
    let (h, m, s) = (t / 3600, (t / 60) % 60, t % 60);
    let plural = |n: i64, w: &str| format!("{} {}{}", n, w, if n == 1 { "" } else { "s" });
    match f % 100 {
        2 => format!("{:02}:{:02}", h, m),
        3 => format!(
            "{} {} {}",
            plural(h, "hour"),
            plural(m, "minute"),
            plural(s, "second")
        ),
        4 => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
        5 => {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            format!("{}:{:02} {}", h12, m, if h % 24 < 12 { "AM" } else { "PM" })
        }
        6 => format!("{:02}:{:02}", t / 60, s),
        7 => format!("{} {}", plural(t / 60, "minute"), plural(s, "second")),
        8 => format!("0000-00-00T{}", format::time(t)),
        _ => format::time(t),
    }
}

/// A date/time pattern (`"yyyy-MM-dd HH:mm:ss"`, `"EEEE d MMMM y"`...): letters
/// repeat to choose the width, text in single quotes is literal.
pub fn pattern(d: Date, t: i64, pat: &str) -> String {
    let chars: Vec<char> = pat.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let (h, mi, s) = (
        t.div_euclid(3600),
        t.div_euclid(60).rem_euclid(60),
        t.rem_euclid(60),
    );
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            let mut j = i + 1;
            if j < chars.len() && chars[j] == '\'' {
                out.push('\'');
                i += 2;
                continue;
            }
            while j < chars.len() && chars[j] != '\'' {
                out.push(chars[j]);
                j += 1;
            }
            i = j + 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == c {
            n += 1;
        }
        i += n;
        let num = |v: i64, n: usize| format!("{:0width$}", v, width = n);
        let piece = match c {
            'y' | 'Y' | 'u' => {
                if n == 2 {
                    num(d.year as i64 % 100, 2)
                } else {
                    num(d.year as i64, n)
                }
            }
            'M' | 'L' => match n {
                1 | 2 => num(d.month as i64, n),
                3 => month_name(d)[..3].to_string(),
                4 => month_name(d).to_string(),
                _ => month_name(d)[..1].to_string(),
            },
            'd' => num(d.day as i64, n),
            'D' => num(
                format::date_to_days(d) - format::days_from_civil(d.year as i64, 1, 1) + 1,
                n,
            ),
            'E' | 'e' | 'c' => {
                let w = DAYS[weekday(d)];
                match n {
                    1..=3 if c == 'E' => w[..3].to_string(),
                    1 | 2 => num(weekday(d) as i64 + 1, n),
                    3 => w[..3].to_string(),
                    4 => w.to_string(),
                    _ => w[..1].to_string(),
                }
            }
            'G' => {
                if n == 4 {
                    "Anno Domini".into()
                } else {
                    "AD".into()
                }
            }
            'Q' | 'q' => num((d.month as i64 - 1) / 3 + 1, n),
            'H' => num(h, n),
            'k' => num(if h == 0 { 24 } else { h }, n),
            'h' => num(if h % 12 == 0 { 12 } else { h % 12 }, n),
            'K' => num(h % 12, n),
            'm' => num(mi, n),
            's' => num(s, n),
            'S' => "0".repeat(n),
            'a' => if h % 24 < 12 { "AM" } else { "PM" }.to_string(),
            'z' | 'Z' | 'O' | 'v' | 'V' | 'X' | 'x' => match (c, n) {
                ('Z', _) | ('X', _) | ('x', _) => "Z".into(),
                _ => "GMT".into(),
            },
            _ => c.to_string().repeat(n),
        };
        out.push_str(&piece);
    }
    out
}

/// `String(number; "&x")` / `"&$"`: hexadecimal of the 32-bit value, padded to
/// 4 or 8 digits for `&x`.
pub fn hex(x: f64, dollar: bool) -> String {
    let v = crate::runtime::value::real_to_int(x) as u32;
    if dollar {
        format!("${:X}", v)
    } else if v <= 0xFFFF {
        format!("0x{:04X}", v)
    } else {
        format!("0x{:08X}", v)
    }
}

/// `String(number; base)` (4D 21): EcmaScript `Number.prototype.toString(radix)`.
pub fn radix(x: f64, base: u32) -> String {
    if !x.is_finite() {
        return "NaN".into();
    }
    if base == 10 {
        return format::real(x);
    }
    let neg = x < 0.0;
    let mut ip = x.abs().trunc();
    let mut fp = x.abs() - ip;
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut int_digits = Vec::new();
    if ip == 0.0 {
        int_digits.push(b'0');
    }
    while ip >= 1.0 {
        let r = (ip % base as f64) as usize;
        int_digits.push(digits[r]);
        ip = (ip / base as f64).trunc();
    }
    int_digits.reverse();
    let mut s = String::from_utf8(int_digits).unwrap_or_default();
    if fp > 0.0 {
        s.push('.');
        let mut n = 0;
        while fp > 0.0 && n < 20 {
            fp *= base as f64;
            let d = fp.trunc() as usize;
            s.push(digits[d] as char);
            fp -= d as f64;
            n += 1;
        }
    }
    if neg {
        format!("-{}", s)
    } else {
        s
    }
}
