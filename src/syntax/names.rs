//! The names pass: raw tokens to parser tokens.
//!
//! 4D names contain spaces (`Current date`, `Is integer 64 bits`, `[Friends and
//! Relatives]`). At each word this pass tries, in order:
//! 1. the longest case-insensitive match against the known multi-word names
//!    (keywords, commands, constants, the project's methods, tables and fields);
//! 2. a single-word keyword (`If`, `return`...);
//! 3. otherwise it merges the run of plain words separated by blanks into one
//!    name, because two names side by side are never valid 4D otherwise. This
//!    keeps unknown multi-word names (a method of another project, a plug-in
//!    command) parseable.
//!
//! A token suffix glued to the name (`:C16`, `:K8:3`, `:P1:2`, and `:3` after a
//! table or field name) is attached to it. A word right after `.` is always a
//! single property name.

/// The largest `$n` parameter number (4D's limit for method parameters).
pub const MAX_PARAM: u32 = 32767;

use super::ast::Suffix;
use super::lexer::{Raw, RawToken};
use super::name_keys;
use super::token::{Kw, Tok};

use super::phrases::Phrase;
pub use super::phrases::PhraseTable;

/// Words that are keywords only in some places (class files, `Function get`):
/// they are never merged into a multi-word name.
const SOFT_WORDS: &[&str] = &[
    "get",
    "set",
    "shared",
    "singleton",
    "session",
    "exposed",
    "local",
    "property",
    "onhttpget",
];

fn single_keyword(word: &str) -> Option<Kw> {
    if word.len() > 8 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    Kw::ALL
        .iter()
        .find(|(spelling, _)| *spelling == lower)
        .map(|(_, kw)| *kw)
}

fn is_modifier(word: &str) -> bool {
    [
        "shared",
        "singleton",
        "session",
        "exposed",
        "local",
        "onhttpget",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

fn is_soft_word(word: &str) -> bool {
    SOFT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A token with its byte span.
pub type Spanned<'s> = (Tok<'s>, std::ops::Range<usize>);

struct Pass<'s, 't> {
    src: &'s str,
    raw: &'t [RawToken],
    table: &'t PhraseTable,
    out: Vec<Spanned<'s>>,
    /// A buffer for the phrase being looked up.
    phrase: String,
}

impl<'s> Pass<'s, '_> {
    /// True when only blanks (at least one) separate raw tokens `a` and `b`.
    fn blank_between(&self, a: usize, b: usize) -> bool {
        let gap = &self.src[self.raw[a].end..self.raw[b].start];
        !gap.is_empty() && gap.bytes().all(|c| c == b' ' || c == b'\t')
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        self.raw[a].end == self.raw[b].start
    }

    fn is_wordish(&self, i: usize) -> bool {
        matches!(self.raw[i].kind, Raw::Word | Raw::DigitWord)
            || (self.raw[i].kind == Raw::Number
                && self.src[self.raw[i].start..self.raw[i].end]
                    .bytes()
                    .all(|c| c.is_ascii_digit()))
    }

    /// The last raw token of a local or interprocess variable name that goes on
    /// with words after blanks (`$_l_Records in selection`): a name followed by a
    /// bare word is never valid 4D otherwise. `i` itself when there are none.
    fn spaced_var_end(&self, i: usize) -> usize {
        let mut last = i;
        while last + 1 < self.raw.len()
            && self.raw[last + 1].kind == Raw::Word
            && self.blank_between(last, last + 1)
            && single_keyword(self.text(last + 1)).is_none()
        {
            last += 1;
        }
        last
    }

    fn text(&self, i: usize) -> &'s str {
        &self.src[self.raw[i].start..self.raw[i].end]
    }

    /// The longest known phrase starting at raw token `i`: (last token index, kind).
    fn longest_phrase(&mut self, i: usize) -> Option<(usize, Phrase)> {
        let table = self.table;
        if i + 1 >= self.raw.len() || !self.blank_between(i, i + 1) || !self.is_wordish(i + 1) {
            return None;
        }
        let mut phrase = std::mem::take(&mut self.phrase);
        name_keys::normalize_into(self.text(i), &mut phrase);
        let mut best = None;
        if table.lookup(&phrase).1 {
            let mut j = i;
            while j + 1 < self.raw.len() && self.blank_between(j, j + 1) && self.is_wordish(j + 1) {
                j += 1;
                phrase.push(' ');
                phrase.extend(self.text(j).chars().flat_map(char::to_lowercase));
                let (kind, prefix) = table.lookup(&phrase);
                if let Some(kind) = kind {
                    best = Some((j, kind));
                }
                if !prefix {
                    break;
                }
            }
        }
        self.phrase = phrase;
        best
    }

    /// Whether the word at `i` is in a table/field position: right after `[` or
    /// glued to a `]`.
    fn table_or_field_position(&self, i: usize) -> bool {
        i > 0
            && match self.raw[i - 1].kind {
                Raw::LBracket => true,
                Raw::RBracket => self.adjacent(i - 1, i),
                _ => false,
            }
    }

    /// Emits a name made of raw tokens `first..=last`, attaching a glued suffix.
    /// Returns the index of the next raw token.
    fn emit_name(&mut self, first: usize, last: usize) -> usize {
        let start = self.raw[first].start;
        let words = &self.src[start..self.raw[last].end];
        let mut next = last + 1;
        let mut suffix = Suffix::None;
        if next < self.raw.len() && self.adjacent(last, next) {
            let s = self.text(next);
            suffix = match self.raw[next].kind {
                Raw::CommandSuffix => Suffix::Command(parse_num(&s[2..])),
                Raw::ConstantSuffix => {
                    let (a, b) = two_numbers(&s[2..]);
                    Suffix::Constant(a, b)
                }
                Raw::PluginSuffix => {
                    let (a, b) = two_numbers(&s[2..]);
                    Suffix::Plugin(a, b)
                }
                Raw::NumberSuffix if self.table_or_field_position(first) => {
                    Suffix::Number(parse_num(&s[1..]))
                }
                _ => Suffix::None,
            };
            if suffix != Suffix::None {
                next += 1;
            }
        }
        let end = self.raw[next - 1].end;
        self.out.push((Tok::Name(words, suffix), start..end));
        next
    }

    /// True when every token emitted since the start of the line is a modifier
    /// (`shared`, `exposed`...): the place where keywords count.
    fn at_line_head(&self) -> bool {
        for (tok, _) in self.out.iter().rev() {
            match tok {
                Tok::Newline => return true,
                Tok::Name(w, Suffix::None) if is_modifier(w) => continue,
                _ => return false,
            }
        }
        true
    }

    /// Handles the word at `i`; returns the index of the next raw token.
    fn word(&mut self, i: usize) -> usize {
        let previous = self.out.last().map(|(t, _)| *t);
        // After `.` (or a synthetic member `->name`): a single property name.
        if previous == Some(Tok::Dot) {
            return self.emit_name(i, i);
        }
        // A run of words glued to a token suffix (`GET MEMORY STATISTICS:C1118`) is
        // one name: the number, not the spelling, says what it is.
        if single_keyword(self.text(i)).is_none() && self.suffixed_run(i) {
            return self.emit_name(i, self.extend_run(i));
        }
        let head = self.at_line_head();
        if let Some((last, kind)) = self.longest_phrase(i) {
            match kind {
                Phrase::Keyword(kw) if head => {
                    let span = self.raw[i].start..self.raw[last].end;
                    self.out.push((Tok::Kw(kw, &self.src[span.clone()]), span));
                    return last + 1;
                }
                Phrase::Keyword(_) => {}
                // A longer run of words is a longer (unknown) name.
                Phrase::Name => return self.emit_name(i, self.extend_run(last)),
            }
        }
        let text = self.text(i);
        let glued_suffix = i + 1 < self.raw.len()
            && self.adjacent(i, i + 1)
            && matches!(
                self.raw[i + 1].kind,
                Raw::CommandSuffix | Raw::ConstantSuffix | Raw::PluginSuffix
            );
        if !glued_suffix {
            if let Some(kw) = single_keyword(text) {
                // Keywords count at the head of a line; `While`/`Until` also after
                // the `)` of a `For each (...)`.
                let loop_condition =
                    matches!(kw, Kw::While | Kw::Until) && previous == Some(Tok::RParen);
                if head || loop_condition {
                    self.out
                        .push((Tok::Kw(kw, text), self.raw[i].start..self.raw[i].end));
                    return i + 1;
                }
            }
        }
        // `shared Function`, `property x`, `Function get x`, `Alias x`: single words.
        let after_soft_head = match previous {
            Some(Tok::Kw(Kw::Function, _)) => true,
            Some(Tok::Name(w, Suffix::None))
                if is_soft_word(w) || w.eq_ignore_ascii_case("alias") =>
            {
                let n = self.out.len();
                n < 2
                    || matches!(self.out[n - 2].0, Tok::Newline | Tok::Kw(Kw::Function, _))
                    || matches!(self.out[n - 2].0, Tok::Name(m, _) if is_modifier(m))
            }
            _ => false,
        };
        let single =
            (head && (is_soft_word(text) || text.eq_ignore_ascii_case("alias"))) || after_soft_head;
        // Otherwise merge a run of words (digits allowed after the first).
        let last = if single { i } else { self.extend_run(i) };
        self.emit_name(i, last)
    }

    /// Whether the run of words starting at `i` ends with a glued token suffix
    /// (`64 bit version:K5:25`).
    fn suffixed_run(&self, i: usize) -> bool {
        let last = self.extend_run(i);
        last > i
            && last + 1 < self.raw.len()
            && self.adjacent(last, last + 1)
            && matches!(
                self.raw[last + 1].kind,
                Raw::CommandSuffix | Raw::ConstantSuffix | Raw::PluginSuffix
            )
    }

    /// The last raw token of the run of words that goes on from `last`.
    fn extend_run(&self, mut last: usize) -> usize {
        while last + 1 < self.raw.len()
            && self.is_wordish(last + 1)
            && self.blank_between(last, last + 1)
        {
            last += 1;
        }
        last
    }

    fn run(mut self) -> Vec<Spanned<'s>> {
        let mut i = 0;
        while i < self.raw.len() {
            let t = self.raw[i];
            let span = t.start..t.end;
            let text = &self.src[span.clone()];
            let tok = match t.kind {
                Raw::Word | Raw::DigitWord => {
                    i = self.word(i);
                    continue;
                }
                Raw::Number => {
                    // `4D` and names such as `Get 4D folder` start with digits too.
                    if self.is_wordish(i)
                        && (self.longest_phrase(i).is_some() || self.suffixed_run(i))
                    {
                        i = self.word(i);
                        continue;
                    }
                    Tok::Number(text)
                }
                // `[Table:1]:18`: a field given by its number only.
                Raw::NumberSuffix
                    if i > 0
                        && self.raw[i - 1].kind == Raw::RBracket
                        && self.adjacent(i - 1, i) =>
                {
                    Tok::Name("", Suffix::Number(parse_num(&text[1..])))
                }
                Raw::NumberSuffix => {
                    // Not glued to a table or field name: a colon then a number.
                    self.out.push((Tok::Colon, t.start..t.start + 1));
                    self.out.push((Tok::Number(&text[1..]), t.start + 1..t.end));
                    i += 1;
                    continue;
                }
                Raw::CommandSuffix | Raw::ConstantSuffix | Raw::PluginSuffix => {
                    Tok::Error("a token suffix that follows no name")
                }
                Raw::Arrow => {
                    self.out.push((Tok::Arrow, span));
                    // `$p->prop`: a member of what the pointer points to.
                    let postfix = i > 0
                        && matches!(
                            self.raw[i - 1].kind,
                            Raw::Local
                                | Raw::Param
                                | Raw::Word
                                | Raw::Interprocess
                                | Raw::RParen
                                | Raw::RBracket
                                | Raw::RBrace
                        );
                    if postfix
                        && i + 1 < self.raw.len()
                        && self.raw[i + 1].kind == Raw::Word
                        && self.adjacent(i, i + 1)
                    {
                        self.out.push((Tok::Dot, t.end..t.end));
                    }
                    i += 1;
                    continue;
                }
                Raw::Newline => Tok::Newline,
                Raw::Continuation | Raw::LineComment | Raw::BlockComment => {
                    i += 1;
                    continue;
                }
                Raw::UnterminatedComment => Tok::Error("a comment `/*` that is never closed"),
                Raw::UnterminatedSql => Tok::Error("`Begin SQL` without `End SQL`"),
                Raw::Text => Tok::Text(text),
                Raw::UnterminatedText => Tok::Error("a text literal without its closing `\"`"),
                Raw::Hex => Tok::Hex(text),
                Raw::Date => Tok::Date(text),
                Raw::Time => Tok::Time(text),
                Raw::Local | Raw::Interprocess if self.spaced_var_end(i) > i => {
                    // `$_l_Records in selection`, `<>MIR_t _NextTimeIntervalMode`
                    let last = self.spaced_var_end(i);
                    let end = self.raw[last].end;
                    let skip = if t.kind == Raw::Local {
                        1
                    } else if text.starts_with('<') {
                        2
                    } else {
                        '\u{25CA}'.len_utf8()
                    };
                    let name = &self.src[t.start + skip..end];
                    let tok = if t.kind == Raw::Local {
                        Tok::Local(name)
                    } else {
                        Tok::Interprocess(name)
                    };
                    self.out.push((tok, t.start..end));
                    i = last + 1;
                    continue;
                }
                Raw::Local => Tok::Local(&text[1..]),
                // `$n` past 4D's largest parameter number: an error, not a
                // parameter table of billions of slots (found by fuzzing, #9)
                Raw::Param if text[1..].parse::<u32>().is_ok_and(|n| n <= MAX_PARAM) => {
                    Tok::Param(&text[1..])
                }
                Raw::Param => Tok::Error("a parameter number above 32767"),
                Raw::DollarBrace => Tok::DollarBrace,
                Raw::LtInterprocess => {
                    self.out.push((Tok::Lt, t.start..t.start + 1));
                    self.out
                        .push((Tok::Interprocess(&text[3..]), t.start + 1..t.end));
                    i += 1;
                    continue;
                }
                Raw::Interprocess => {
                    let skip = if text.starts_with('<') {
                        2
                    } else {
                        '\u{25CA}'.len_utf8()
                    };
                    Tok::Interprocess(&text[skip..])
                }
                Raw::Declare => Tok::Declare,
                Raw::Sql => Tok::Sql(text),
                Raw::Assign => Tok::Assign,
                Raw::AddAssign => Tok::AddAssign,
                Raw::SubAssign => Tok::SubAssign,
                Raw::MulAssign => Tok::MulAssign,
                Raw::DivAssign => Tok::DivAssign,
                Raw::Eq => Tok::Eq,
                Raw::Ne => Tok::Ne,
                Raw::Le => Tok::Le,
                Raw::Ge => Tok::Ge,
                Raw::Lt => Tok::Lt,
                Raw::Gt => Tok::Gt,
                Raw::Shl => Tok::Shl,
                Raw::Shr => Tok::Shr,
                Raw::Plus => Tok::Plus,
                Raw::Minus => Tok::Minus,
                Raw::Star => Tok::Star,
                Raw::Slash => Tok::Slash,
                Raw::Backslash => Tok::Backslash,
                Raw::Percent => Tok::Percent,
                Raw::Caret => Tok::Caret,
                Raw::CaretBar => Tok::CaretBar,
                Raw::Amp => Tok::Amp,
                Raw::Bar => Tok::Bar,
                Raw::AmpAmp => Tok::AmpAmp,
                Raw::BarBar => Tok::BarBar,
                Raw::BitSet => Tok::BitSet,
                Raw::BitClear => Tok::BitClear,
                Raw::BitTest => Tok::BitTest,
                Raw::Question => Tok::Question,
                Raw::Colon => Tok::Colon,
                Raw::Dot => Tok::Dot,
                Raw::Ellipsis => Tok::Ellipsis,
                Raw::Semi => Tok::Semi,
                Raw::LParen => Tok::LParen,
                Raw::RParen => Tok::RParen,
                Raw::LBracket => Tok::LBracket,
                Raw::RBracket => Tok::RBracket,
                Raw::LBrace => Tok::LBrace,
                Raw::RBrace => Tok::RBrace,
                Raw::Error => Tok::Error("a character that is not 4D"),
            };
            self.out.push((tok, span));
            i += 1;
        }
        self.out
    }
}

fn parse_num(s: &str) -> u32 {
    s.parse().unwrap_or(u32::MAX)
}

fn two_numbers(s: &str) -> (u32, u32) {
    match s.split_once(':') {
        Some((a, b)) => (parse_num(a), parse_num(b)),
        None => (parse_num(s), 0),
    }
}

/// Runs the names pass over raw tokens.
pub fn resolve_names<'s>(src: &'s str, raw: &[RawToken], table: &PhraseTable) -> Vec<Spanned<'s>> {
    Pass {
        src,
        raw,
        table,
        out: Vec::with_capacity(raw.len()),
        phrase: String::new(),
    }
    .run()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lexer::lex;

    fn toks(src: &str) -> Vec<Tok<'_>> {
        let raw = lex(src);
        let names = ["Current date", "Get 4D folder", "Is integer 64 bits"].map(String::from);
        let table = PhraseTable::with_project_names(&names);
        resolve_names(src, &raw, &table)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn multi_word_names_and_keywords() {
        assert_eq!(toks("End  if"), vec![Tok::Kw(Kw::EndIf, "End  if")]);
        assert_eq!(
            toks("$d:=Current date"),
            vec![
                Tok::Local("d"),
                Tok::Assign,
                Tok::Name("Current date", Suffix::None)
            ]
        );
        assert_eq!(
            toks("Get 4D folder")[0],
            Tok::Name("Get 4D folder", Suffix::None)
        );
        assert_eq!(
            toks("Is integer 64 bits")[0],
            Tok::Name("Is integer 64 bits", Suffix::None)
        );
        // Unknown multi-word names are merged.
        assert_eq!(
            toks("Genealogy of($x)")[0],
            Tok::Name("Genealogy of", Suffix::None)
        );
        // Keywords count at the head of a line only.
        assert_eq!(
            toks("return Foo Bar")[1],
            Tok::Name("Foo Bar", Suffix::None)
        );
        assert_eq!(
            toks("$x:=Use sheet window:K24:11")[2],
            Tok::Name("Use sheet window", Suffix::Constant(24, 11))
        );
        assert_eq!(
            toks("Progress SET MESSAGE($p)")[0],
            Tok::Name("Progress SET MESSAGE", Suffix::None)
        );
        assert_eq!(
            toks("For each ($a; $b) While (x)")[6],
            Tok::Kw(Kw::While, "While")
        );
        assert_eq!(
            toks("exposed Function get x")[..3],
            [
                Tok::Name("exposed", Suffix::None),
                Tok::Kw(Kw::Function, "Function"),
                Tok::Name("get", Suffix::None)
            ]
        );
        assert_eq!(
            toks("Function get fullName"),
            vec![
                Tok::Kw(Kw::Function, "Function"),
                Tok::Name("get", Suffix::None),
                Tok::Name("fullName", Suffix::None)
            ]
        );
    }

    #[test]
    fn suffixes_attach() {
        assert_eq!(
            toks("Length:C16")[0],
            Tok::Name("Length", Suffix::Command(16))
        );
        assert_eq!(
            toks("Is text:K8:3")[0],
            Tok::Name("Is text", Suffix::Constant(8, 3))
        );
        assert_eq!(
            toks("[T:3]F:2"),
            vec![
                Tok::LBracket,
                Tok::Name("T", Suffix::Number(3)),
                Tok::RBracket,
                Tok::Name("F", Suffix::Number(2))
            ]
        );
        // Not a table position: a colon and a number.
        assert_eq!(
            toks("{a:1}")[1..4],
            [Tok::Name("a", Suffix::None), Tok::Colon, Tok::Number("1")]
        );
    }

    #[test]
    fn member_names_stay_single_words() {
        assert_eq!(
            toks("$o.if"),
            vec![Tok::Local("o"), Tok::Dot, Tok::Name("if", Suffix::None)]
        );
        assert_eq!(
            toks("$p->name"),
            vec![
                Tok::Local("p"),
                Tok::Arrow,
                Tok::Dot,
                Tok::Name("name", Suffix::None)
            ]
        );
        assert_eq!(
            toks("f(->name)")[2..4],
            [Tok::Arrow, Tok::Name("name", Suffix::None)]
        );
    }
}
