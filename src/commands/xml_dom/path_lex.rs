//! The tokens of the XPath subset of `DOM Find XML element` (see `path.rs`):
//! `/`, `//`, brackets, `@`, `.`, `..`, `*`, `|`, comparison operators, axis
//! names (`child::`), names (qualified names keep their `:`), quoted strings
//! and numbers.

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Slash,
    DSlash,
    LBr,
    RBr,
    LPar,
    RPar,
    At,
    Comma,
    Bar,
    Dot,
    DDot,
    Star,
    Axis(String),
    Op(&'static str),
    Name(String),
    Str(String),
    Num(f64),
}

fn name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

pub fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < cs.len() {
        let c = cs[i];
        let next = cs.get(i + 1).copied();
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '/' if next == Some('/') => {
                out.push(Tok::DSlash);
                i += 2
            }
            '/' => {
                out.push(Tok::Slash);
                i += 1
            }
            '[' => {
                out.push(Tok::LBr);
                i += 1
            }
            ']' => {
                out.push(Tok::RBr);
                i += 1
            }
            '(' => {
                out.push(Tok::LPar);
                i += 1
            }
            ')' => {
                out.push(Tok::RPar);
                i += 1
            }
            '@' => {
                out.push(Tok::At);
                i += 1
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1
            }
            '|' => {
                out.push(Tok::Bar);
                i += 1
            }
            '*' => {
                out.push(Tok::Star);
                i += 1
            }
            '.' if next == Some('.') => {
                out.push(Tok::DDot);
                i += 2
            }
            '.' if !next.map(|d| d.is_ascii_digit()).unwrap_or(false) => {
                out.push(Tok::Dot);
                i += 1
            }
            '=' => {
                out.push(Tok::Op("="));
                i += 1
            }
            '!' if next == Some('=') => {
                out.push(Tok::Op("!="));
                i += 2
            }
            '<' | '>' => {
                let eq = next == Some('=');
                out.push(Tok::Op(match (c, eq) {
                    ('<', true) => "<=",
                    ('<', false) => "<",
                    (_, true) => ">=",
                    _ => ">",
                }));
                i += if eq { 2 } else { 1 };
            }
            '"' | '\'' => {
                let end = cs[i + 1..]
                    .iter()
                    .position(|&d| d == c)
                    .ok_or("unterminated string")?;
                out.push(Tok::Str(cs[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            c if c.is_ascii_digit() || c == '.' => {
                let start = i;
                while i < cs.len() && (cs[i].is_ascii_digit() || cs[i] == '.') {
                    i += 1;
                }
                let t: String = cs[start..i].iter().collect();
                out.push(Tok::Num(t.parse().map_err(|_| "bad number")?));
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < cs.len() && name_char(cs[i]) {
                    // `a::b` is an axis, `a:b` a qualified name
                    if cs[i] == ':' && cs.get(i + 1) == Some(&':') {
                        break;
                    }
                    i += 1;
                }
                let t: String = cs[start..i].iter().collect();
                if cs.get(i) == Some(&':') && cs.get(i + 1) == Some(&':') {
                    out.push(Tok::Axis(t));
                    i += 2;
                } else {
                    out.push(Tok::Name(t));
                }
            }
            c => return Err(format!("unexpected character '{}'", c)),
        }
    }
    Ok(out)
}
