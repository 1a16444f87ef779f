//! The raw lexer (logos): 4D source text to a flat list of raw tokens.
//!
//! Raw tokens are words, literals, variables, operators and token suffixes. Names
//! made of several words (`Current date`), keywords and suffix attachment are the
//! job of [`super::names`], which runs on this output. Comments, blanks and line
//! continuations (`\` at the end of a line) are skipped here; line breaks are kept
//! because a 4D statement is one line.

use logos::{Lexer, Logos, Skip};

/// A raw token. Payloads are read from the source text through the token's span.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\f\u{A0}\u{FEFF}]+")]
pub enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    /// A backslash ending a line joins the next line to the statement.
    #[regex(r"\\[ \t]*(\r\n|\n|\r)", |_| Skip)]
    Continuation,
    #[token("//", line_comment)]
    LineComment,
    #[token("/*", block_comment)]
    BlockComment,
    /// A block comment that never ends.
    UnterminatedComment,

    #[token("\"", text_literal)]
    Text,
    /// A text literal that reaches the end of the line.
    UnterminatedText,
    /// A `Begin SQL` without its `End SQL`.
    UnterminatedSql,
    #[regex(r"[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?", priority = 5)]
    #[regex(r"\.[0-9]+([eE][+-]?[0-9]+)?")]
    Number,
    #[regex(r"0[xX][0-9a-fA-F]+", priority = 6)]
    Hex,
    #[regex(r"![0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}!")]
    Date,
    #[regex(r"\?[0-9]{1,7}:[0-9]{1,2}(:[0-9]{1,2})?\?")]
    Time,

    /// A word: letters, digits and `_`, not starting with a digit.
    #[regex(r"[A-Za-z_\u{A1}-\u{25C9}\u{25CB}-\u{FEFE}\u{FF00}-\u{10FFFF}][A-Za-z0-9_\u{A1}-\u{25C9}\u{25CB}-\u{FEFE}\u{FF00}-\u{10FFFF}]*")]
    Word,
    /// A word starting with digits (`4D`, method names such as `1_Setup`).
    #[regex(r"[0-9]+[A-Za-z_][A-Za-z0-9_]*", priority = 2)]
    DigitWord,
    /// `$name` (a bare `$` is a property name: `Form.$`).
    #[regex(r"\$[0-9]*[A-Za-z_\u{A1}-\u{FEFE}\u{FF00}-\u{10FFFF}][A-Za-z0-9_\u{A1}-\u{FEFE}\u{FF00}-\u{10FFFF}]*")]
    #[token("$")]
    Local,
    /// `$1`, `$0`.
    #[regex(r"\$[0-9]+")]
    Param,
    /// `${` of `${expr}`.
    #[token("${")]
    DollarBrace,
    /// `<>name` (or the old Mac spelling `◊name`).
    #[regex(r"(<>|\u{25CA})[0-9]*[A-Za-z_\u{A1}-\u{FEFE}\u{FF00}-\u{10FFFF}][A-Za-z0-9_\u{A1}-\u{FEFE}\u{FF00}-\u{10FFFF}]*")]
    Interprocess,
    /// `<<>name`: `<` then an interprocess variable (not `<<`).
    #[regex(r"<<>[0-9]*[A-Za-z_\u{A1}-\u{FEFE}\u{FF00}-\u{10FFFF}][A-Za-z0-9_\u{A1}-\u{FEFE}\u{FF00}-\u{10FFFF}]*")]
    LtInterprocess,
    #[regex(r"#[dD][eE][cC][lL][aA][rR][eE]")]
    Declare,
    /// `Begin SQL ... End SQL`, swallowed whole.
    #[regex(r"[bB][eE][gG][iI][nN][ \t]+[sS][qQ][lL]", sql_block)]
    Sql,

    /// `:C123` command-number suffix.
    #[regex(r":C[0-9]+")]
    CommandSuffix,
    /// `:K12:3` constant suffix.
    #[regex(r":K[0-9]+:[0-9]+")]
    ConstantSuffix,
    /// `:P1:2` plug-in command suffix.
    #[regex(r":P[0-9]+:[0-9]+")]
    PluginSuffix,
    /// `:3` table or field number suffix (or a colon followed by a number).
    #[regex(r":[0-9]+")]
    NumberSuffix,

    #[token(":=")]
    Assign,
    #[token("+=")]
    AddAssign,
    #[token("-=")]
    SubAssign,
    #[token("*=")]
    MulAssign,
    #[token("/=")]
    DivAssign,
    #[token("=")]
    Eq,
    #[token("#")]
    Ne,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("\\")]
    Backslash,
    #[token("%")]
    Percent,
    #[token("^")]
    Caret,
    #[token("^|")]
    CaretBar,
    #[token("&")]
    Amp,
    #[token("|")]
    Bar,
    #[token("&&")]
    AmpAmp,
    #[token("||")]
    BarBar,
    #[token("?+")]
    BitSet,
    #[token("?-")]
    BitClear,
    #[token("??")]
    BitTest,
    #[token("?")]
    Question,
    #[token(":")]
    Colon,
    #[token("->")]
    Arrow,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token(";")]
    Semi,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    /// A character the lexer does not know.
    Error,
}

/// `//` to the end of the line. A comment whose line ends with `\` goes on onto the
/// next line (real code comments out multi-line calls that way).
fn line_comment(lex: &mut Lexer<Raw>) -> Skip {
    let rest = lex.remainder();
    let bytes = rest.as_bytes();
    let mut i = 0;
    loop {
        let start = i;
        while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        let line = rest[start..i].trim_end_matches([' ', '\t']);
        if line.ends_with('\\') && i < bytes.len() {
            // Consume the line break and continue with the next line.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        break;
    }
    lex.bump(i);
    Skip
}

/// `/* ... */`, nested.
fn block_comment(lex: &mut Lexer<Raw>) -> logos::FilterResult<(), ()> {
    let bytes = lex.remainder().as_bytes();
    let mut depth = 1;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                lex.bump(i);
                return logos::FilterResult::Skip;
            }
        } else {
            i += 1;
        }
    }
    lex.bump(i);
    logos::FilterResult::Error(())
}

/// `"..."` up to the closing quote on the same line; `\"` does not close it.
fn text_literal(lex: &mut Lexer<Raw>) -> Result<(), ()> {
    let bytes = lex.remainder().as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                lex.bump(i + 1);
                return Ok(());
            }
            b'\\' if matches!(bytes.get(i + 1), Some(b'"') | Some(b'\\')) => i += 2,
            b'\n' | b'\r' => break,
            _ => i += 1,
        }
    }
    lex.bump(i);
    Err(())
}

/// From `Begin SQL` to the line that starts with `End SQL` (included).
fn sql_block(lex: &mut Lexer<Raw>) -> Result<(), ()> {
    let rest = lex.remainder();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed
            .get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case("end sql"))
        {
            let end = offset + (line.len() - trimmed.len()) + 7;
            lex.bump(end);
            return Ok(());
        }
        offset += line.len();
    }
    lex.bump(rest.len());
    Err(())
}

/// A raw token with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    pub kind: Raw,
    pub start: usize,
    pub end: usize,
}

/// Lexes a whole source text. Errors become `Raw::Error` (or the specific
/// unterminated kinds) so the parser can report them in place.
pub fn lex(source: &str) -> Vec<RawToken> {
    let mut out = Vec::with_capacity(source.len() / 4);
    let mut lexer = Raw::lexer(source);
    while let Some(result) = lexer.next() {
        let span = lexer.span();
        let kind = match result {
            Ok(kind) => kind,
            Err(()) => classify_error(&source[span.clone()]),
        };
        out.push(RawToken {
            kind,
            start: span.start,
            end: span.end,
        });
    }
    out
}

fn classify_error(slice: &str) -> Raw {
    if slice.starts_with('"') {
        Raw::UnterminatedText
    } else if slice.starts_with("/*") {
        Raw::UnterminatedComment
    } else if slice
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("begin"))
    {
        Raw::UnterminatedSql
    } else {
        Raw::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Raw> {
        lex(src).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn words_variables_and_operators() {
        use Raw::*;
        assert_eq!(
            kinds("$x:=a+<>b*$1"),
            vec![Local, Assign, Word, Plus, Interprocess, Star, Param]
        );
        assert_eq!(kinds("${2}"), vec![DollarBrace, Number, RBrace]);
        assert_eq!(kinds("$a<<>b"), vec![Local, LtInterprocess]);
        assert_eq!(kinds("<>4d_x $4th"), vec![Interprocess, Local]);
        assert_eq!(
            kinds("a^|b ?+ 1 ?? 2"),
            vec![Word, CaretBar, Word, BitSet, Number, BitTest, Number]
        );
    }

    #[test]
    fn comments_and_continuations_are_skipped() {
        use Raw::*;
        assert_eq!(kinds("a // x\nb"), vec![Word, Newline, Word]);
        assert_eq!(kinds("a /* x /* y */ z */ b"), vec![Word, Word]);
        assert_eq!(kinds("a+\\\n  b"), vec![Word, Plus, Word]);
        // A commented line ending with a backslash comments the next line too.
        assert_eq!(kinds("// f(1;\\\n 2)\nb"), vec![Newline, Word]);
    }

    #[test]
    fn literals() {
        use Raw::*;
        assert_eq!(
            kinds("!2024-01-31! ?12:30:00? 0x00FF 1.5e3 \"a\\\"b\""),
            vec![Date, Time, Hex, Number, Text]
        );
        assert_eq!(kinds("\"open"), vec![UnterminatedText]);
        assert_eq!(kinds("/* open"), vec![UnterminatedComment]);
    }

    #[test]
    fn suffixes() {
        use Raw::*;
        assert_eq!(
            kinds("Length:C16($t)"),
            vec![Word, CommandSuffix, LParen, Local, RParen]
        );
        assert_eq!(kinds("Is text:K8:3"), vec![Word, Word, ConstantSuffix]);
        assert_eq!(
            kinds("[T:3]F:2"),
            vec![LBracket, Word, NumberSuffix, RBracket, Word, NumberSuffix]
        );
    }

    #[test]
    fn sql_block_end_search_respects_char_boundaries() {
        // Found by the robustness test: a multi-byte character where "End SQL"
        // would end must not be sliced.
        assert_eq!(
            kinds("Begin SQL\nvar\u{feff}x\n"),
            vec![Raw::UnterminatedSql]
        );
    }

    #[test]
    fn sql_block_is_one_token() {
        use Raw::*;
        assert_eq!(
            kinds("Begin SQL\n SELECT 'x' FROM t;\nEnd SQL\na"),
            vec![Sql, Newline, Word]
        );
    }
}
