//! A project's own constants: the `Resources/*.xlf` files 4D writes for custom
//! constants (XLIFF with `datatype="x-4DK#"`, made by the 4DPop Constants editor or
//! by hand). Each `<trans-unit d4:value="VALUE:TYPE">` holds one constant named by
//! its `<source>`; TYPE is `S` (text), `L` (longint) or `R` (real). Without a type,
//! a value that reads as a number is a number ([choice] an integer when it has no
//! decimal part), anything else a text.

use crate::syntax::ProjectConstant;
use std::collections::HashMap;
use std::path::Path;

/// The constants of every `*.xlf` file of `resources` that declares 4D constants
/// (lower-case name → value). Unreadable or other XLIFF files are skipped.
pub fn read_constants(resources: &Path) -> HashMap<String, ProjectConstant> {
    let mut out = HashMap::new();
    let Ok(rd) = std::fs::read_dir(resources) else {
        return out;
    };
    let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for f in files {
        if !f.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlf")) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&f) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        if !text.contains("x-4DK#") {
            continue;
        }
        for (name, value) in trans_units(&text) {
            out.entry(name.to_lowercase())
                .or_insert_with(|| typed(&value));
        }
    }
    out
}

/// `(source, d4:value)` of each `<trans-unit>` that has a `d4:value`.
fn trans_units(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("<trans-unit") {
        rest = &rest[i..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..end];
        let body_end = rest.find("</trans-unit>").unwrap_or(rest.len());
        let body = &rest[end..body_end];
        if let (Some(v), Some(name)) = (attr(tag, "d4:value"), element(body, "source")) {
            out.push((unescape(&name).trim().to_string(), unescape(&v)));
        }
        rest = &rest[body_end.min(rest.len())..];
        if rest.starts_with("</trans-unit>") {
            rest = &rest["</trans-unit>".len()..];
        } else if body_end == rest.len() {
            break;
        }
    }
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let i = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[i..].find('"')?;
    Some(tag[i..i + len].to_string())
}

fn element(body: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let i = body.find(&open)? + open.len();
    let len = body[i..].find(&format!("</{name}>"))?;
    Some(body[i..i + len].to_string())
}

/// XML entities: the five named ones and numeric `&#N;` / `&#xH;`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';') else { break };
        let ent = &rest[1..end];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn typed(value: &str) -> ProjectConstant {
    let (v, ty) = match value.rsplit_once(':') {
        Some((v, t)) if matches!(t, "S" | "L" | "R") => (v, Some(t)),
        _ => (value, None),
    };
    match ty {
        Some("S") => ProjectConstant::Text(v.to_string()),
        Some("L") => ProjectConstant::Integer(v.trim().parse::<f64>().unwrap_or(0.0) as i64),
        Some("R") => ProjectConstant::Real(v.trim().parse().unwrap_or(0.0)),
        _ => match v.trim().parse::<f64>() {
            Ok(n) if !v.trim().is_empty() && n.fract() == 0.0 && n.abs() < 2f64.powi(31) => {
                ProjectConstant::Integer(n as i64)
            }
            Ok(n) if !v.trim().is_empty() => ProjectConstant::Real(n),
            _ => ProjectConstant::Text(v.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_types() {
        assert_eq!(typed(":S"), ProjectConstant::Text(String::new()));
        assert_eq!(typed("1:L"), ProjectConstant::Integer(1));
        assert_eq!(typed("-1"), ProjectConstant::Integer(-1));
        assert_eq!(typed("2.5"), ProjectConstant::Real(2.5));
        assert_eq!(
            typed("Phase Initialize"),
            ProjectConstant::Text("Phase Initialize".into())
        );
        assert_eq!(unescape("&#xD;&quot;"), "\r\"");
        let units = trans_units(
            r#"<trans-unit d4:value="Alert:S" id="k_1"><source>CorektAlert</source></trans-unit><trans-unit id="x"><source>t</source></trans-unit>"#,
        );
        assert_eq!(
            units,
            vec![("CorektAlert".to_string(), "Alert:S".to_string())]
        );
    }
}
