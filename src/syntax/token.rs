//! The tokens the parser sees: raw tokens after the names pass, with multi-word
//! names merged, keywords recognised and token suffixes attached.

use super::ast::Suffix;
use std::fmt;

/// Keywords. Matched case-insensitively; multi-word ones allow any blanks between
/// their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kw {
    If,
    Else,
    EndIf,
    CaseOf,
    EndCase,
    While,
    EndWhile,
    Repeat,
    Until,
    For,
    EndFor,
    ForEach,
    EndForEach,
    Break,
    Continue,
    Return,
    Try,
    Catch,
    EndTry,
    Use,
    EndUse,
    Var,
    Function,
    ClassConstructor,
    ClassExtends,
}

impl Kw {
    /// Every keyword with its spelling (lower case, single spaces).
    pub const ALL: &'static [(&'static str, Kw)] = &[
        ("if", Kw::If),
        ("else", Kw::Else),
        ("end if", Kw::EndIf),
        ("case of", Kw::CaseOf),
        ("end case", Kw::EndCase),
        ("while", Kw::While),
        ("end while", Kw::EndWhile),
        ("repeat", Kw::Repeat),
        ("until", Kw::Until),
        ("for", Kw::For),
        ("end for", Kw::EndFor),
        ("for each", Kw::ForEach),
        ("end for each", Kw::EndForEach),
        ("break", Kw::Break),
        ("continue", Kw::Continue),
        ("return", Kw::Return),
        ("try", Kw::Try),
        ("catch", Kw::Catch),
        ("end try", Kw::EndTry),
        ("use", Kw::Use),
        ("end use", Kw::EndUse),
        ("var", Kw::Var),
        ("function", Kw::Function),
        ("class constructor", Kw::ClassConstructor),
        ("class extends", Kw::ClassExtends),
    ];

    /// The spelling 4D's editor writes.
    pub fn spelling(self) -> &'static str {
        match self {
            Kw::If => "If",
            Kw::Else => "Else",
            Kw::EndIf => "End if",
            Kw::CaseOf => "Case of",
            Kw::EndCase => "End case",
            Kw::While => "While",
            Kw::EndWhile => "End while",
            Kw::Repeat => "Repeat",
            Kw::Until => "Until",
            Kw::For => "For",
            Kw::EndFor => "End for",
            Kw::ForEach => "For each",
            Kw::EndForEach => "End for each",
            Kw::Break => "break",
            Kw::Continue => "continue",
            Kw::Return => "return",
            Kw::Try => "Try",
            Kw::Catch => "Catch",
            Kw::EndTry => "End try",
            Kw::Use => "Use",
            Kw::EndUse => "End use",
            Kw::Var => "var",
            Kw::Function => "Function",
            Kw::ClassConstructor => "Class constructor",
            Kw::ClassExtends => "Class extends",
        }
    }
}

/// A token as the parser sees it. Payloads are slices of the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok<'s> {
    Newline,
    /// A name of one or more words (the slice covers the words, not the suffix).
    Name(&'s str, Suffix),
    /// A keyword, with the text as written (keywords may be property names).
    Kw(Kw, &'s str),
    /// `$name`: the name without `$`.
    Local(&'s str),
    /// `$1`.
    Param(&'s str),
    DollarBrace,
    /// `<>name`: the name without the prefix.
    Interprocess(&'s str),
    Number(&'s str),
    Hex(&'s str),
    /// A text literal with its quotes, escapes not decoded.
    Text(&'s str),
    Date(&'s str),
    Time(&'s str),
    Declare,
    Sql(&'s str),
    Assign,
    AddAssign,
    SubAssign,
    MulAssign,
    DivAssign,
    Eq,
    Ne,
    Le,
    Ge,
    Lt,
    Gt,
    Shl,
    Shr,
    Plus,
    Minus,
    Star,
    Slash,
    Backslash,
    Percent,
    Caret,
    CaretBar,
    Amp,
    Bar,
    AmpAmp,
    BarBar,
    BitSet,
    BitClear,
    BitTest,
    Question,
    Colon,
    Arrow,
    Dot,
    Ellipsis,
    Semi,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    /// Text the lexer could not read; the string says why.
    Error(&'static str),
}

impl fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = match self {
            Tok::Newline => "end of line",
            Tok::Name(n, _) => return write!(f, "`{n}`"),
            Tok::Kw(_, text) => return write!(f, "`{text}`"),
            Tok::Local(n) => return write!(f, "`${n}`"),
            Tok::Param(n) => return write!(f, "`${n}`"),
            Tok::DollarBrace => "`${`",
            Tok::Interprocess(n) => return write!(f, "`<>{n}`"),
            Tok::Number(n) | Tok::Hex(n) | Tok::Date(n) | Tok::Time(n) => {
                return write!(f, "`{n}`")
            }
            Tok::Text(_) => "a text",
            Tok::Declare => "`#DECLARE`",
            Tok::Sql(_) => "`Begin SQL`",
            Tok::Assign => "`:=`",
            Tok::AddAssign => "`+=`",
            Tok::SubAssign => "`-=`",
            Tok::MulAssign => "`*=`",
            Tok::DivAssign => "`/=`",
            Tok::Eq => "`=`",
            Tok::Ne => "`#`",
            Tok::Le => "`<=`",
            Tok::Ge => "`>=`",
            Tok::Lt => "`<`",
            Tok::Gt => "`>`",
            Tok::Shl => "`<<`",
            Tok::Shr => "`>>`",
            Tok::Plus => "`+`",
            Tok::Minus => "`-`",
            Tok::Star => "`*`",
            Tok::Slash => "`/`",
            Tok::Backslash => "`\\`",
            Tok::Percent => "`%`",
            Tok::Caret => "`^`",
            Tok::CaretBar => "`^|`",
            Tok::Amp => "`&`",
            Tok::Bar => "`|`",
            Tok::AmpAmp => "`&&`",
            Tok::BarBar => "`||`",
            Tok::BitSet => "`?+`",
            Tok::BitClear => "`?-`",
            Tok::BitTest => "`??`",
            Tok::Question => "`?`",
            Tok::Colon => "`:`",
            Tok::Arrow => "`->`",
            Tok::Dot => "`.`",
            Tok::Ellipsis => "`...`",
            Tok::Semi => "`;`",
            Tok::LParen => "`(`",
            Tok::RParen => "`)`",
            Tok::LBracket => "`[`",
            Tok::RBracket => "`]`",
            Tok::LBrace => "`{`",
            Tok::RBrace => "`}`",
            Tok::Error(why) => why,
        };
        f.write_str(s)
    }
}
