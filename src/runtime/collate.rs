//! Text comparison with 4D's rules: case- and accent-insensitive, "ignorable"
//! control characters skipped, ligatures expanded (`æ` = `ae`), the `@` wildcard in
//! the right operand of `=`/`#` (and a single trailing `@` for `<`, `>`...), the
//! keyword test `%`, and the linguistic search used by `Position`/`Replace string`.
//!
//! This approximates the ICU root collation (LANGUAGE.md §4): characters are folded
//! (lowercase, diacritics removed) and compared by code point. ASCII texts take a
//! fast byte path.

use std::cmp::Ordering;

/// Base letters of U+0100..=U+017F (Latin Extended-A), diacritics removed.
const LATIN_EXT_A: &[u8; 128] = b"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyyZzZzZzs";

/// The folded form of one character: up to two characters, or nothing when the
/// character is ignorable.
#[derive(Clone, Copy)]
struct Folded {
    a: char,
    b: char,
    n: u8,
}

impl Folded {
    const NONE: Folded = Folded {
        a: '\0',
        b: '\0',
        n: 0,
    };
    fn one(a: char) -> Folded {
        Folded { a, b: '\0', n: 1 }
    }
    fn two(a: char, b: char) -> Folded {
        Folded { a, b, n: 2 }
    }
}

fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{e}'..='\u{1f}' | '\u{7f}' | '\u{200b}'..='\u{200d}' | '\u{feff}')
}

fn fold(c: char) -> Folded {
    if c.is_ascii() {
        if is_ignorable(c) {
            return Folded::NONE;
        }
        return Folded::one(c.to_ascii_lowercase());
    }
    let u = c as u32;
    let base = match u {
        0xC0..=0xC5 | 0xE0..=0xE5 => 'a',
        0xC6 | 0xE6 => return Folded::two('a', 'e'),
        0xC7 | 0xE7 => 'c',
        0xC8..=0xCB | 0xE8..=0xEB => 'e',
        0xCC..=0xCF | 0xEC..=0xEF => 'i',
        0xD0 | 0xF0 => 'd',
        0xD1 | 0xF1 => 'n',
        0xD2..=0xD6 | 0xD8 | 0xF2..=0xF6 | 0xF8 => 'o',
        0xD9..=0xDC | 0xF9..=0xFC => 'u',
        0xDD | 0xFD | 0xFF => 'y',
        0xDF => return Folded::two('s', 's'),
        0x152 | 0x153 => return Folded::two('o', 'e'),
        0x100..=0x17F => (LATIN_EXT_A[(u - 0x100) as usize] as char).to_ascii_lowercase(),
        _ if is_ignorable(c) => return Folded::NONE,
        _ => {
            let mut l = c.to_lowercase();
            let a = l.next().unwrap_or(c);
            return match l.next() {
                // e.g. 'İ' lowercases to "i̇": keep the base letter only.
                Some(_) => Folded::one(a),
                None => Folded::one(a),
            };
        }
    };
    Folded::one(base)
}

/// Folds a whole text into comparable characters.
pub fn fold_str(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let f = fold(c);
        if f.n >= 1 {
            out.push(f.a);
        }
        if f.n == 2 {
            out.push(f.b);
        }
    }
    out
}

fn simple_ascii(s: &str) -> bool {
    s.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\t' || b == b'\n' || b == b'\r')
}

/// A key whose byte order is the order of [`compare`]: the folded text in UTF-8
/// (simple ASCII texts: the lowercased bytes, which is the same thing).
pub fn sort_key(s: &str) -> Vec<u8> {
    if simple_ascii(s) {
        return s.bytes().map(|c| c.to_ascii_lowercase()).collect();
    }
    fold_str(s).into_iter().collect::<String>().into_bytes()
}

/// Orders two texts (used by `<`, `>`, `<=`, `>=`, sorting, `=` without wildcard).
pub fn compare(a: &str, b: &str) -> Ordering {
    if simple_ascii(a) && simple_ascii(b) {
        let ab = a.bytes().map(|c| c.to_ascii_lowercase());
        let bb = b.bytes().map(|c| c.to_ascii_lowercase());
        return ab.cmp(bb);
    }
    fold_str(a).cmp(&fold_str(b))
}

/// `a = b` for texts, with `@` in `b` as a wildcard.
pub fn equals(a: &str, b: &str) -> bool {
    if !b.contains('@') {
        if a.len() == b.len() && a.eq_ignore_ascii_case(b) {
            return true;
        }
        return compare(a, b) == Ordering::Equal;
    }
    if b.contains("@@") {
        return false;
    }
    let t = fold_str(a);
    let p: Vec<char> = b
        .split('@')
        .flat_map(|part| fold_str(part).into_iter().chain(std::iter::once('@')))
        .collect();
    // the chain above appends an '@' after every part; drop the last one
    let p = &p[..p.len().saturating_sub(1)];
    glob(&t, p)
}

/// Matches folded text against a folded pattern where '@' matches any run.
fn glob(t: &[char], p: &[char]) -> bool {
    let (mut ti, mut pi) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == '@' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            ti += 1;
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '@' {
        pi += 1;
    }
    pi == p.len()
}

/// Ordering for `<`, `>`, `<=`, `>=`: a single trailing `@` in `b` compares only
/// the prefix of `a` of the same length.
pub fn compare_wild(a: &str, b: &str) -> Ordering {
    if let Some(prefix) = b.strip_suffix('@') {
        if !prefix.contains('@') {
            let fa = fold_str(a);
            let fp = fold_str(prefix);
            let n = fp.len().min(fa.len());
            return fa[..n].cmp(&fp[..]).then(if fa.len() < fp.len() {
                Ordering::Less
            } else {
                Ordering::Equal
            });
        }
    }
    compare(a, b)
}

/// The keyword operator: `text % word` is True when `word` is a whole word of
/// `text` (a trailing `@` matches any word starting with it).
pub fn keyword(text: &str, word: &str) -> bool {
    let (w, prefix) = match word.strip_suffix('@') {
        Some(w) => (w, true),
        None => (word, false),
    };
    let fw = fold_str(w);
    if fw.is_empty() || fw.iter().any(|c| !c.is_alphanumeric()) {
        return false;
    }
    let ft = fold_str(text);
    ft.split(|c| !c.is_alphanumeric()).any(|tw| {
        if prefix {
            tw.starts_with(&fw)
        } else {
            tw == &fw[..]
        }
    })
}

/// Linguistic search: the first occurrence of `find` in `text` at or after the
/// character index `start` (0-based, in chars). Returns (char index, length in
/// chars of the matched text). No wildcard.
pub fn find(text: &str, find: &str, start: usize) -> Option<(usize, usize)> {
    let f = fold_str(find);
    let from = text.char_indices().nth(start).map(|(b, _)| b)?;
    let (b, e) = find_bytes(text, &f, from)?;
    // char indices of the match: count from the search start
    let ci = start + text[from..b].chars().count();
    Some((ci, text[b..e].chars().count()))
}

/// One character of `text` at byte offset `i` and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

/// The linguistic search on bytes: the first occurrence of the folded text `f`
/// ([`fold_str`]) in `text` starting at or after byte offset `from` (a character
/// boundary). Returns the byte range of the matched text. Characters are folded as
/// the search reaches them (linear in the text searched, no copy of it); a match
/// never starts on an ignorable character.
pub fn find_bytes(text: &str, f: &[char], from: usize) -> Option<(usize, usize)> {
    let first = *f.first()?;
    let bytes = text.as_bytes();
    // an ASCII character that folds to `first` is `first` in either case
    let (lo, up) = if first.is_ascii() {
        (first as u8, (first as u8).to_ascii_uppercase())
    } else {
        (0x80, 0x80) // only non-ASCII characters can fold to it
    };
    let mut s = from;
    while s < bytes.len() {
        let b = bytes[s];
        if b < 0x80 {
            if b == lo || b == up {
                if let Some(e) = match_at(text, s, f) {
                    return Some((s, e));
                }
            }
            s += 1;
            continue;
        }
        let (c, l) = char_at(text, s);
        let fo = fold(c);
        if fo.n != 0 && fo.a == first {
            if let Some(e) = match_at(text, s, f) {
                return Some((s, e));
            }
        }
        s += l;
    }
    None
}

/// The end (byte offset) of a match of the folded `f` starting at byte `s`.
fn match_at(text: &str, s: usize, f: &[char]) -> Option<usize> {
    let mut fi = 0;
    let mut i = s;
    let mut pending: Option<char> = None;
    loop {
        if fi == f.len() {
            return if pending.is_none() { Some(i) } else { None };
        }
        let c = if let Some(p) = pending.take() {
            p
        } else {
            if i >= text.len() {
                return None;
            }
            let (ch, l) = char_at(text, i);
            i += l;
            let fo = fold(ch);
            match fo.n {
                0 => continue,
                1 => fo.a,
                _ => {
                    pending = Some(fo.b);
                    fo.a
                }
            }
        };
        if c != f[fi] {
            return None;
        }
        fi += 1;
    }
}

/// The base letter of an accented Latin letter, keeping its case (`é` → `e`,
/// `Ö` → `O`); `None` when the character has no accent to strip.
pub fn strip_accent(c: char) -> Option<char> {
    let u = c as u32;
    if !(0xC0..=0x17F).contains(&u) || matches!(u, 0xC6 | 0xE6 | 0xD7 | 0xF7 | 0xDF | 0x152 | 0x153)
    {
        return None;
    }
    let upper = c.is_uppercase();
    let f = fold(c);
    if f.n != 1 || !f.a.is_ascii_alphabetic() {
        return None;
    }
    Some(if upper { f.a.to_ascii_uppercase() } else { f.a })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_folds_as_it_goes() {
        // (text, find, start char) -> (char index, char length)
        type Case<'a> = (&'a str, &'a str, usize, Option<(usize, usize)>);
        let cases: &[Case] = &[
            ("Hello World", "world", 0, Some((6, 5))),
            ("Hello World", "o", 5, Some((7, 1))),
            ("Hello World", "o", 8, None),
            ("Crème brûlée", "CREME BRULEE", 0, Some((0, 12))),
            ("x\u{1}yz", "xy", 0, Some((0, 3))),
            ("a\u{1}b", "b", 1, Some((2, 1))),
            ("œuvre", "oe", 0, Some((0, 1))),
            ("œuvre", "o", 0, None),
            ("Straße", "SS", 0, Some((4, 1))),
            ("日本語テキスト", "テキ", 1, Some((3, 2))),
            ("aaa", "", 0, None),
            ("abc", "c", 3, None),
        ];
        for &(text, f, start, want) in cases {
            assert_eq!(find(text, f, start), want, "{text:?} {f:?} {start}");
        }
        // byte ranges, from a byte offset
        let t = "éa-éA";
        assert_eq!(find_bytes(t, &fold_str("ea"), 0), Some((0, 3)));
        assert_eq!(find_bytes(t, &fold_str("ea"), 3), Some((4, 7)));
    }

    #[test]
    fn sort_key_orders_as_compare() {
        let words = [
            "abc",
            "ABD",
            "Zèbre",
            "zebra",
            "æon",
            "aeon",
            "Straße",
            "strasse",
            "",
            "a\tb",
            "a b",
            "ÉCOLE",
            "ecole",
            "naïve",
            "naive",
            "Œuvre",
            "x\u{1}y",
            "xy",
            "İstanbul",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    sort_key(a).cmp(&sort_key(b)),
                    compare(a, b),
                    "{:?} vs {:?}",
                    a,
                    b
                );
            }
        }
    }

    #[test]
    fn case_and_accents() {
        assert!(equals("a", "A"));
        assert!(equals("n", "ñ"));
        assert!(equals("A", "å"));
        assert!(equals("ete", "été"));
        assert!(equals("Crème", "CREME"));
        assert!(equals("\u{1}", ""));
        assert!(equals("æ", "ae"));
        assert!(!equals("a", "b"));
        assert_eq!(compare("abc", "ABD"), Ordering::Less);
        assert_eq!(compare("b", "A"), Ordering::Greater);
        assert_eq!(compare("élan", "Elan"), Ordering::Equal);
    }

    #[test]
    fn wildcard() {
        assert!(equals("abcdefghij", "abc@"));
        assert!(equals("abcdefghij", "@bcd@"));
        assert!(equals("abcdefghij", "abcd@efghij"));
        assert!(!equals("abc@", "abcdefghij"));
        assert!(!equals("abcfg", "abc@@fg"));
        assert!(equals("", "@"));
        assert!(equals("ABC", "@c"));
        assert!(!equals("ABC", "@b"));
        assert_eq!(compare_wild("abcz", "abc@"), Ordering::Equal);
    }

    #[test]
    fn keywords() {
        assert!(keyword("Software and Computers", "comput@"));
        assert!(keyword("Software and Computers", "and"));
        assert!(!keyword("Software and Computers", "soft"));
        assert!(!keyword("Software and Computers", "and Computers"));
    }

    #[test]
    fn linguistic_find() {
        assert_eq!(find("Crème brûlée", "Brulee", 0), Some((6, 6)));
        assert_eq!(find("hello", "L", 0), Some((2, 1)));
        assert_eq!(find("hello", "L", 3), Some((3, 1)));
        assert_eq!(find("Encyclopædia", "ae", 0), Some((8, 1)));
        assert_eq!(find("abc", "", 0), None);
    }

    #[test]
    fn latin_ext_table_aligned() {
        assert_eq!(fold('Ł').a, 'l');
        assert_eq!(fold('ž').a, 'z');
        assert_eq!(fold('Ő').a, 'o');
        assert_eq!(fold('ſ').a, 's');
        assert_eq!(fold('Ŷ').a, 'y');
    }
}

/// Comparison options of `Position`, `Compare strings`... (`sk char codes` 1,
/// `sk case insensitive` 2, `sk diacritic insensitive` 4, `sk whole word` 32;
/// `sk strict` 0 compares linguistically but case- and accent-sensitively).
#[derive(Debug, Clone, Copy)]
pub struct Opts {
    pub char_codes: bool,
    pub case_insensitive: bool,
    pub diacritic_insensitive: bool,
    pub whole_word: bool,
}

impl Opts {
    /// The default (no options): case- and accent-insensitive.
    pub const DEFAULT: Opts = Opts {
        char_codes: false,
        case_insensitive: true,
        diacritic_insensitive: true,
        whole_word: false,
    };
    pub fn from_bits(b: i64) -> Opts {
        Opts {
            char_codes: b & 1 != 0,
            case_insensitive: b & 2 != 0,
            diacritic_insensitive: b & 4 != 0,
            whole_word: b & 32 != 0,
        }
    }
    pub fn is_default(&self) -> bool {
        !self.char_codes && self.case_insensitive && self.diacritic_insensitive
    }
}

/// One key character per source character (`None` when ignorable) for the
/// non-default option sets.
fn key_char(c: char, o: Opts) -> Option<char> {
    if o.char_codes {
        return Some(c);
    }
    if is_ignorable(c) {
        return None;
    }
    let c = if o.diacritic_insensitive {
        strip_accent(c).unwrap_or(c)
    } else {
        c
    };
    Some(if o.case_insensitive {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    })
}

/// Orders two texts with options (`Compare strings`).
pub fn compare_opts(a: &str, b: &str, o: Opts) -> Ordering {
    if o.is_default() {
        return compare(a, b);
    }
    let ka = a.chars().filter_map(|c| key_char(c, o));
    let kb = b.chars().filter_map(|c| key_char(c, o));
    ka.cmp(kb)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Searches `find` in `text` from char index `start` with options; returns
/// (char index, length in chars).
pub fn find_opts(text: &str, find: &str, start: usize, o: Opts) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut s = start;
    loop {
        let hit = if o.is_default() {
            self::find(text, find, s)
        } else {
            find_keyed(&chars, find, s, o)
        };
        let (i, l) = hit?;
        if !o.whole_word {
            return Some((i, l));
        }
        let before = i == 0 || !is_word_char(chars[i - 1]);
        let after = i + l >= chars.len() || !is_word_char(chars[i + l]);
        if before && after {
            return Some((i, l));
        }
        s = i + 1;
    }
}

fn find_keyed(chars: &[char], find: &str, start: usize, o: Opts) -> Option<(usize, usize)> {
    let f: Vec<char> = find.chars().filter_map(|c| key_char(c, o)).collect();
    if f.is_empty() {
        return None;
    }
    let keys: Vec<Option<char>> = chars.iter().map(|&c| key_char(c, o)).collect();
    for s in start..chars.len() {
        if keys[s].is_none() {
            continue;
        }
        let (mut fi, mut i) = (0, s);
        while fi < f.len() && i < chars.len() {
            match keys[i] {
                None => i += 1,
                Some(k) if k == f[fi] => {
                    fi += 1;
                    i += 1;
                }
                Some(_) => break,
            }
        }
        if fi == f.len() {
            return Some((s, i - s));
        }
    }
    None
}
