//! The line parser (chumsky): the tokens of one 4D line to a [`Line`].
//!
//! A 4D statement is exactly one line, so the parser works line by line and
//! [`super::block`] nests the lines into blocks (`If ... End if`). This makes error
//! recovery natural: a bad line is reported and skipped, the rest of the file
//! still parses.
//!
//! Binary operators have ONE precedence level and associate to the left
//! (`3+4*5` is `(3+4)*5`), comparisons and `&&`/`||` included; the ternary
//! `c ? a : b` is below them, its false branch extending to the end of the
//! expression. Unary `-`, prefix `->` and the postfix forms (`.name`, `[i]`,
//! `{i}`, `[[i]]`, `->`, calls) bind to the operand next to them. See
//! `grammar/4d.ebnf`.

use super::ast::*;
use super::token::{Kw, Tok};
use chumsky::error::{EmptyErr, Error, LabelError};
use chumsky::extra::ParserExtra;
use chumsky::input::{Input, ValueInput};
use chumsky::prelude::*;
use chumsky::DefaultExpected;

pub type TokSpan = SimpleSpan;
/// The rich errors of the second, reporting pass.
pub type Extra<'t, 's> = extra::Err<Rich<'t, Tok<'s>, TokSpan>>;
/// The first, fast pass: no error details.
pub type FastExtra = extra::Default;

/// What the parsers need of an error type: labels, and custom messages.
pub trait ParseError<'t, 's: 't, I: Input<'t, Token = Tok<'s>, Span = TokSpan>>:
    LabelError<'t, I, &'static str> + LabelError<'t, I, DefaultExpected<'t, Tok<'s>>> + Error<'t, I>
{
    fn custom(span: TokSpan, message: String) -> Self;
}

impl<'t, 's: 't, I: Input<'t, Token = Tok<'s>, Span = TokSpan>> ParseError<'t, 's, I> for EmptyErr {
    fn custom(_: TokSpan, _: String) -> Self {
        EmptyErr::default()
    }
}

impl<'t, 's: 't, I: Input<'t, Token = Tok<'s>, Span = TokSpan>> ParseError<'t, 's, I>
    for Rich<'t, Tok<'s>, TokSpan>
{
    fn custom(span: TokSpan, message: String) -> Self {
        Rich::custom(span, message)
    }
}

/// One parsed line.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// A statement that is complete on its line.
    Simple(StmtKind),
    If(Expr),
    Else,
    EndIf,
    CaseOf,
    /// `: (cond)` in a `Case of`.
    Branch(Expr),
    EndCase,
    While(Expr),
    EndWhile,
    Repeat,
    Until(Expr),
    For {
        var: Expr,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
    },
    EndFor,
    ForEach {
        item: Expr,
        source: Expr,
        begin: Option<Expr>,
        end: Option<Expr>,
        condition: Option<LoopCondition>,
    },
    EndForEach,
    Try,
    Catch,
    EndTry,
    Use(Expr),
    EndUse,
    /// The header of a `Function` or `Class constructor`.
    Function {
        kind: FunctionKind,
        modifiers: Modifiers,
        name: String,
        signature: Signature,
    },
}

fn span(s: TokSpan) -> Span {
    s.into_range()
}

fn join(a: &Span, b: &Span) -> Span {
    a.start..b.end
}

/// Collapses the blanks inside a multi-word name to single spaces.
pub fn name_text(words: &str) -> String {
    if words.contains([' ', '\t']) {
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        words.to_string()
    }
}

/// Decodes a text literal (with its quotes): `\n \t \r \\ \"` in either case; any
/// other backslash is kept as written.
pub fn decode_text(raw: &str) -> String {
    let inner = raw
        .strip_prefix('"')
        .map(|s| s.strip_suffix('"').unwrap_or(s))
        .unwrap_or(raw);
    if !inner.contains('\\') {
        return inner.to_string();
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('n') | Some('N') => out.push('\n'),
            Some('t') | Some('T') => out.push('\t'),
            Some('r') | Some('R') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}

/// Reads `!2024-01-31!`. Four-digit first part: year-month-day; otherwise the US
/// system format month/day/year, two-digit years pivoting at 30 (`SET DEFAULT
/// CENTURY`'s default).
pub fn decode_date(raw: &str) -> Option<(u16, u8, u8)> {
    let inner = raw.trim_matches('!');
    let parts: Vec<&str> = inner.split(['-', '/', '.']).collect();
    if parts.len() != 3 {
        return None;
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d, ylen) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2], 4)
    } else {
        (nums[2], nums[0], nums[1], parts[2].len())
    };
    let year = if ylen <= 2 && (y, m, d) != (0, 0, 0) {
        if y < 30 {
            2000 + y
        } else {
            1900 + y
        }
    } else {
        y
    };
    Some((
        u16::try_from(year).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    ))
}

/// Reads `?12:30:00?` as seconds.
pub fn decode_time(raw: &str) -> Option<i64> {
    let inner = raw.trim_matches('?');
    let mut total = 0i64;
    let mut parts = 0;
    for p in inner.split(':') {
        total = total * 60 + p.parse::<i64>().ok()?;
        parts += 1;
    }
    if parts == 2 {
        total *= 60;
    }
    Some(total)
}

fn kw<'t, 's: 't, I, E>(k: Kw) -> impl Parser<'t, I, (), E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    select! { Tok::Kw(found, _) if found == k => () }.labelled(k.spelling())
}

/// A word that is a keyword only here (`property`, `get`, `shared`...).
fn soft<'t, 's: 't, I, E>(
    word: &'static str,
) -> impl Parser<'t, I, (), E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    select! { Tok::Name(w, Suffix::None) if w.eq_ignore_ascii_case(word) => () }.labelled(word)
}

/// A property or function name: one word, keywords allowed.
fn member_name<'t, 's: 't, I, E>() -> impl Parser<'t, I, String, E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    select! {
        Tok::Name(w, _) => name_text(w),
        Tok::Kw(_, w) => name_text(w),
        Tok::Local(w) => format!("${w}"),
    }
    .labelled("a property name")
}

/// `:=` and the compound assignment operators.
fn assign_op<'t, 's: 't, I, E>() -> impl Parser<'t, I, AssignOp, E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    select! {
        Tok::Assign => AssignOp::Set,
        Tok::AddAssign => AssignOp::Add,
        Tok::SubAssign => AssignOp::Sub,
        Tok::MulAssign => AssignOp::Mul,
        Tok::DivAssign => AssignOp::Div,
    }
}

#[derive(Clone)]
enum Postfix {
    Member(String),
    Index(Expr),
    Element(Expr),
    Deref,
    Call(Vec<Expr>),
}

/// The expression parser.
pub fn expr<'t, 's: 't, I, E>() -> impl Parser<'t, I, Expr, E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    recursive(|expr| {
        let marker = choice((
            just(Tok::Star).to(Marker::Star),
            just(Tok::Gt).to(Marker::Greater),
            just(Tok::Lt).to(Marker::Less),
            just(Tok::Amp).to(Marker::And),
            just(Tok::Bar).to(Marker::Or),
            just(Tok::Ne).to(Marker::Except),
        ))
        .then_ignore(choice((just(Tok::Semi), just(Tok::RParen))).rewind())
        .map_with(|m, e| Expr::new(ExprKind::Marker(m), span(e.span())));

        // `QUERY([T]; & [T]F=1)`: a conjunction glued to the next argument.
        let conjunction = choice((
            just(Tok::Amp).to(Marker::And),
            just(Tok::Bar).to(Marker::Or),
            just(Tok::Ne).to(Marker::Except),
        ))
        .map_with(|m, e| Expr::new(ExprKind::Marker(m), span(e.span())))
        .then(expr.clone())
        .map(|(m, e)| vec![m, e]);
        let arg = marker.or(expr
            .clone()
            .then(assign_op().then(expr.clone()).or_not())
            .map(
                |(target, assign): (Expr, Option<(AssignOp, Expr)>)| match assign {
                    None => target,
                    Some((op, value)) => {
                        let s = join(&target.span, &value.span);
                        Expr::new(
                            ExprKind::AssignArg {
                                target: Box::new(target),
                                op,
                                value: Box::new(value),
                            },
                            s,
                        )
                    }
                },
            ));
        let args = conjunction
            .or(arg.map(|a| vec![a]))
            .separated_by(just(Tok::Semi))
            .allow_trailing()
            .collect::<Vec<Vec<Expr>>>()
            .map(|groups| groups.into_iter().flatten().collect::<Vec<Expr>>())
            .delimited_by(just(Tok::LParen), just(Tok::RParen))
            .labelled("arguments");

        let name = select! {
            Tok::Name(w, suffix) = e => Name { text: name_text(w), suffix, span: span(e.span()) },
        };

        let literal = select! {
            Tok::Number(n) => ExprKind::Real(n.parse().unwrap_or(f64::NAN)),
            Tok::Hex(h) => ExprKind::HexInt(i64::from_str_radix(&h[2..], 16).unwrap_or(0)),
            Tok::Text(t) => ExprKind::Text(decode_text(t)),
            Tok::Local(n) => ExprKind::Local(n.to_string()),
            Tok::Param(n) => ExprKind::Param(n.parse().unwrap_or(u32::MAX)),
            Tok::Interprocess(n) => ExprKind::Interprocess(n.to_string()),
        }
        .map_with(|k, e| Expr::new(k, span(e.span())));

        // Out-of-range dates are reported by the validator.
        let date = select! { Tok::Date(d) = e => {
            let (year, month, day) = decode_date(d).unwrap_or((0, 0, 0));
            Expr::new(ExprKind::Date { year, month, day }, span(e.span()))
        }};
        let time = select! { Tok::Time(t) = e =>
            Expr::new(ExprKind::Time(decode_time(t).unwrap_or(0)), span(e.span()))
        };

        let param_indirect = expr
            .clone()
            .delimited_by(just(Tok::DollarBrace), just(Tok::RBrace))
            .map_with(|i, e| Expr::new(ExprKind::ParamIndirect(Box::new(i)), span(e.span())));

        // A name's arguments are parsed by the postfix loop below (a call is a bare
        // name followed by arguments): parsing them here too would parse every
        // nested call twice when a line fails, exponential in the nesting depth.
        let call_or_name = name.map_with(|n, e| Expr::new(ExprKind::Name(n), span(e.span())));

        // `Try(expr)`: the keyword used as a function.
        let try_expr = select! { Tok::Kw(Kw::Try, w) = e => Name { text: w.to_string(), suffix: Suffix::None, span: span(e.span()) } }
            .then(args.clone())
            .map_with(|(callee, args), e| Expr::new(ExprKind::Call { callee, args }, span(e.span())));

        let paren = expr
            .clone()
            .delimited_by(just(Tok::LParen), just(Tok::RParen))
            .map_with(|i, e| Expr::new(ExprKind::Paren(Box::new(i)), span(e.span())));

        let key = select! {
            Tok::Name(w, Suffix::None) => name_text(w),
            Tok::Kw(_, w) => w.to_string(),
            Tok::Text(t) => decode_text(t),
        }
        .labelled("a property name");
        let object = key
            .then_ignore(just(Tok::Colon))
            .then(expr.clone())
            .separated_by(just(Tok::Semi))
            .allow_trailing()
            .collect::<Vec<_>>()
            .delimited_by(just(Tok::LBrace), just(Tok::RBrace))
            .map_with(|fields, e| Expr::new(ExprKind::Object(fields), span(e.span())));

        // `[Table]`, `[Table]Field`; otherwise a collection literal.
        let table_name = select! {
            Tok::Name(w, suffix) = e if matches!(suffix, Suffix::None | Suffix::Number(_)) =>
                Name { text: name_text(w), suffix, span: span(e.span()) },
        };
        let table = table_name
            .delimited_by(just(Tok::LBracket), just(Tok::RBracket))
            .then(table_name.or_not())
            .map_with(|(table, field), e| match field {
                Some(field) => Expr::new(ExprKind::Field { table, field }, span(e.span())),
                None => Expr::new(ExprKind::Table(table), span(e.span())),
            });
        let collection = expr
            .clone()
            .separated_by(just(Tok::Semi))
            .allow_trailing()
            .collect::<Vec<_>>()
            .delimited_by(just(Tok::LBracket), just(Tok::RBracket))
            .map_with(|items, e| Expr::new(ExprKind::Collection(items), span(e.span())));

        let primary = choice((
            literal,
            date,
            time,
            param_indirect,
            call_or_name,
            try_expr,
            paren,
            object,
            table,
            collection,
        ))
        .labelled("an expression")
        .boxed();

        let postfix_op = choice((
            just(Tok::Dot)
                .ignore_then(member_name())
                .map(Postfix::Member),
            expr.clone()
                .delimited_by(just(Tok::LBracket), just(Tok::RBracket))
                .map(Postfix::Index),
            expr.clone()
                .delimited_by(just(Tok::LBrace), just(Tok::RBrace))
                .map(Postfix::Element),
            just(Tok::Arrow).to(Postfix::Deref),
            args.clone().map(Postfix::Call),
        ))
        .map_with(|op, e| (op, span(e.span())));

        let postfix = primary
            .foldl(postfix_op.repeated(), |lhs: Expr, (op, op_span)| {
                let s = join(&lhs.span, &op_span);
                let lhs = Box::new(lhs);
                let kind = match op {
                    Postfix::Member(m) => ExprKind::Member(lhs, m),
                    // `x[[i]]` reads as `x[` a one-element collection `]`: it is the
                    // character `i` of `x` (one parse of the brackets, not two).
                    Postfix::Index(Expr {
                        kind: ExprKind::Collection(mut items),
                        ..
                    }) if items.len() == 1 => ExprKind::CharAt(lhs, Box::new(items.remove(0))),
                    // `x[[i]]` with a bare name: the inner `[i]` read as a table.
                    Postfix::Index(Expr {
                        kind: ExprKind::Table(n),
                        span: inner,
                    }) if n.suffix == Suffix::None => {
                        let name = Expr::new(ExprKind::Name(n), inner.start + 1..inner.end - 1);
                        ExprKind::CharAt(lhs, Box::new(name))
                    }
                    Postfix::Index(i) => ExprKind::Index(lhs, Box::new(i)),
                    Postfix::Element(i) => ExprKind::Element(lhs, Box::new(i)),
                    Postfix::Deref => ExprKind::Deref(lhs),
                    // `Name(args)`: a command or method call.
                    Postfix::Call(args) => match lhs.kind {
                        ExprKind::Name(callee) => ExprKind::Call { callee, args },
                        _ => ExprKind::Apply { callee: lhs, args },
                    },
                };
                Expr::new(kind, s)
            })
            .boxed();

        let unary = recursive(|unary| {
            let prefixed = choice((
                just(Tok::Minus).to(0u8),
                just(Tok::Plus).to(1u8),
                just(Tok::Arrow).to(2u8),
            ))
            .map_with(|op, e| (op, span(e.span())))
            .then(unary)
            .map(|((op, op_span), operand): ((u8, Span), Expr)| {
                let s = join(&op_span, &operand.span);
                let operand = Box::new(operand);
                let kind = match op {
                    0 => ExprKind::Unary(UnaryOp::Neg, operand),
                    1 => ExprKind::Unary(UnaryOp::Plus, operand),
                    _ => ExprKind::MakePointer(operand),
                };
                Expr::new(kind, s)
            });
            prefixed.or(postfix.clone())
        });

        let binop = select! {
            Tok::Plus => BinOp::Add,
            Tok::Minus => BinOp::Sub,
            Tok::Star => BinOp::Mul,
            Tok::Slash => BinOp::Div,
            Tok::Backslash => BinOp::IntDiv,
            Tok::Percent => BinOp::Mod,
            Tok::Caret => BinOp::Pow,
            Tok::Eq => BinOp::Eq,
            Tok::Ne => BinOp::Ne,
            Tok::Lt => BinOp::Lt,
            Tok::Gt => BinOp::Gt,
            Tok::Le => BinOp::Le,
            Tok::Ge => BinOp::Ge,
            Tok::Amp => BinOp::And,
            Tok::Bar => BinOp::Or,
            Tok::CaretBar => BinOp::BitXor,
            Tok::Shl => BinOp::Shl,
            Tok::Shr => BinOp::Shr,
            Tok::BitSet => BinOp::BitSet,
            Tok::BitClear => BinOp::BitClear,
            Tok::BitTest => BinOp::BitTest,
            Tok::AmpAmp => BinOp::AndAnd,
            Tok::BarBar => BinOp::OrOr,
        }
        .labelled("an operator");

        let chain = unary
            .clone()
            .foldl(
                binop.then(unary).repeated(),
                |lhs: Expr, (op, rhs): (BinOp, Expr)| {
                    let s = join(&lhs.span, &rhs.span);
                    Expr::new(ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), s)
                },
            )
            .boxed();

        chain
            .then(
                just(Tok::Question)
                    .ignore_then(expr.clone())
                    .then_ignore(just(Tok::Colon))
                    .then(expr)
                    .or_not(),
            )
            .map(
                |(cond, branches): (Expr, Option<(Expr, Expr)>)| match branches {
                    None => cond,
                    Some((a, b)) => {
                        let s = join(&cond.span, &b.span);
                        Expr::new(
                            ExprKind::Ternary(Box::new(cond), Box::new(a), Box::new(b)),
                            s,
                        )
                    }
                },
            )
    })
}

/// A declared type: `Text`, `Integer`, `cs.Person`, `4D.File`...
fn type_ref<'t, 's: 't, I, E>() -> impl Parser<'t, I, TypeRef, E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    let word = select! { Tok::Name(w, _) => name_text(w), Tok::Kw(_, w) => w.to_string() };
    word.separated_by(just(Tok::Dot))
        .at_least(1)
        .collect::<Vec<String>>()
        .map(|path| {
            if path.len() > 1 {
                return TypeRef::Class(path);
            }
            match path[0].to_ascii_lowercase().as_str() {
                "text" | "string" => TypeRef::Text,
                "integer" | "longint" => TypeRef::Integer,
                "real" | "number" => TypeRef::Real,
                "boolean" => TypeRef::Boolean,
                "date" => TypeRef::Date,
                "time" => TypeRef::Time,
                "object" => TypeRef::Object,
                "collection" => TypeRef::Collection,
                "pointer" => TypeRef::Pointer,
                "picture" => TypeRef::Picture,
                "blob" => TypeRef::Blob,
                "variant" => TypeRef::Variant,
                // Not a type: the validator reports it.
                _ => TypeRef::Class(path),
            }
        })
        .labelled("a type")
}

/// `($a : Text; $b; ... : Real)` then `-> $r : Type` or `: Type`.
fn signature<'t, 's: 't, I, E>() -> impl Parser<'t, I, Signature, E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    let typed = just(Tok::Colon).ignore_then(type_ref()).or_not();
    let param = select! { Tok::Local(n) => n.to_string() }
        .then(typed.clone())
        .map_with(|(name, ty), e| Param {
            name,
            ty,
            span: span(e.span()),
        });
    let variadic = just(Tok::Ellipsis).ignore_then(typed.clone());
    let params = param
        .separated_by(just(Tok::Semi))
        .collect::<Vec<_>>()
        .then(just(Tok::Semi).or_not().ignore_then(variadic).or_not())
        .delimited_by(just(Tok::LParen), just(Tok::RParen));
    let named_result = just(Tok::Arrow)
        .ignore_then(select! { Tok::Local(n) => n.to_string(), Tok::Param(n) => n.to_string() })
        .then(typed.clone())
        .map(|(name, ty)| ResultDecl {
            name: Some(name),
            ty,
        });
    let typed_result = just(Tok::Colon)
        .ignore_then(type_ref())
        .map(|ty| ResultDecl {
            name: None,
            ty: Some(ty),
        });
    params
        .or_not()
        .then(named_result.or(typed_result).or_not())
        .map(|(params, result)| {
            let (params, variadic) = params.unwrap_or_default();
            Signature {
                params,
                variadic,
                result,
            }
        })
}

/// The parser of one whole line.
pub fn line<'t, 's: 't, I, E>() -> impl Parser<'t, I, Line, E> + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    let expr = expr().boxed();
    let semi = || just(Tok::Semi);

    let control = choice((
        kw(Kw::If).ignore_then(expr.clone()).map(Line::If),
        kw(Kw::Else).to(Line::Else),
        kw(Kw::EndIf).to(Line::EndIf),
        kw(Kw::CaseOf).to(Line::CaseOf),
        just(Tok::Colon).ignore_then(expr.clone()).map(Line::Branch),
        kw(Kw::EndCase).to(Line::EndCase),
        kw(Kw::While).ignore_then(expr.clone()).map(Line::While),
        kw(Kw::EndWhile).to(Line::EndWhile),
        kw(Kw::Repeat).to(Line::Repeat),
        kw(Kw::Until).ignore_then(expr.clone()).map(Line::Until),
        kw(Kw::EndFor).to(Line::EndFor),
        kw(Kw::EndForEach).to(Line::EndForEach),
        kw(Kw::Try).then(end()).to(Line::Try),
        kw(Kw::Catch).to(Line::Catch),
        kw(Kw::EndTry).to(Line::EndTry),
        kw(Kw::Use).ignore_then(expr.clone()).map(Line::Use),
        kw(Kw::EndUse).to(Line::EndUse),
    ));

    let for_loop = kw(Kw::For)
        .ignore_then(
            expr.clone()
                .then_ignore(semi())
                .then(expr.clone())
                .then_ignore(semi())
                .then(expr.clone())
                .then(semi().ignore_then(expr.clone()).or_not())
                .delimited_by(just(Tok::LParen), just(Tok::RParen)),
        )
        .map(|(((var, start), end), step)| Line::For {
            var,
            start,
            end,
            step,
        });

    let loop_condition = choice((
        kw(Kw::While)
            .ignore_then(expr.clone())
            .map(LoopCondition::While),
        kw(Kw::Until)
            .ignore_then(expr.clone())
            .map(LoopCondition::Until),
    ));
    let for_each = kw(Kw::ForEach)
        .ignore_then(
            expr.clone()
                .then_ignore(semi())
                .then(expr.clone())
                .then(semi().ignore_then(expr.clone()).or_not())
                .then(semi().ignore_then(expr.clone()).or_not())
                .delimited_by(just(Tok::LParen), just(Tok::RParen)),
        )
        .then(loop_condition.or_not())
        .map(
            |((((item, source), begin), end), condition)| Line::ForEach {
                item,
                source,
                begin,
                end,
                condition,
            },
        );

    let simple_kw = choice((
        kw(Kw::Break).to(StmtKind::Break),
        kw(Kw::Continue).to(StmtKind::Continue),
        kw(Kw::Return)
            .ignore_then(expr.clone().or_not())
            .map(StmtKind::Return),
    ));

    let typed = just(Tok::Colon).ignore_then(type_ref()).or_not();
    let init = just(Tok::Assign).ignore_then(expr.clone()).or_not();
    let var_decl = kw(Kw::Var)
        .ignore_then(
            expr.clone()
                .map(|var| VarName { var })
                .separated_by(semi())
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .then(typed.clone())
        .then(init.clone())
        .map(|((names, ty), init)| StmtKind::Var { names, ty, init });

    let declare = just(Tok::Declare)
        .ignore_then(signature())
        .map(StmtKind::Declare);
    let sql = select! { Tok::Sql(text) => StmtKind::Sql(text.to_string()) };
    let extends = kw(Kw::ClassExtends)
        .ignore_then(
            select! { Tok::Name(w, _) => name_text(w), Tok::Kw(_, w) => w.to_string() }
                .separated_by(just(Tok::Dot))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .map(StmtKind::ClassExtends);
    let property_name = select! {
        Tok::Name(w, suffix) = e => Name { text: name_text(w), suffix, span: span(e.span()) },
        Tok::Kw(_, w) = e => Name { text: w.to_string(), suffix: Suffix::None, span: span(e.span()) },
    };
    let property = soft("property")
        .ignore_then(
            property_name
                .separated_by(semi())
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .then(typed)
        .then(init)
        .map(|((names, ty), init)| StmtKind::Property { names, ty, init });

    let alias = soft("exposed")
        .or_not()
        .ignore_then(soft("alias"))
        .ignore_then(member_name())
        .then(
            member_name()
                .separated_by(just(Tok::Dot))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .map(|(name, path)| StmtKind::Alias {
            name,
            path: path.join("."),
        });

    let modifier = choice((
        soft("shared").to(0u8),
        soft("singleton").to(1u8),
        soft("session").to(2u8),
        soft("exposed").to(3u8),
        soft("local").to(4u8),
        soft("onHTTPGet").to(5u8),
    ));
    let modifiers = modifier.repeated().collect::<Vec<u8>>().map(|list| {
        let mut m = Modifiers::default();
        for x in list {
            match x {
                0 => m.shared = true,
                1 => m.singleton = true,
                2 => m.session = true,
                3 => m.exposed = true,
                4 => m.local = true,
                _ => m.on_http_get = true,
            }
        }
        m
    });
    let function_name = choice((
        soft("event")
            .ignore_then(member_name())
            .map(|n| (FunctionKind::Event, n)),
        soft("get")
            .ignore_then(member_name())
            .map(|n| (FunctionKind::Get, n)),
        soft("set")
            .ignore_then(member_name())
            .map(|n| (FunctionKind::Set, n)),
        member_name().map(|n| (FunctionKind::Normal, n)),
    ));
    let function = modifiers
        .clone()
        .then_ignore(kw(Kw::Function))
        .then(function_name)
        .then(signature())
        .map(|((modifiers, (kind, name)), signature)| Line::Function {
            kind,
            modifiers,
            name,
            signature,
        });
    let constructor = modifiers
        .then_ignore(kw(Kw::ClassConstructor))
        .then(signature())
        .map(|(modifiers, signature)| Line::Function {
            kind: FunctionKind::Constructor,
            modifiers,
            name: String::new(),
            signature,
        });

    let statement = expr
        .clone()
        .then(assign_op().then(expr).or_not())
        .map(|(target, assign)| match assign {
            Some((op, value)) => StmtKind::Assign { target, op, value },
            None => StmtKind::Expr(target),
        });

    choice((
        control,
        for_loop,
        for_each,
        function,
        constructor,
        choice((
            simple_kw, var_decl, declare, sql, extends, property, alias, statement,
        ))
        .map(Line::Simple),
    ))
    // A stray `;` at the end of a line is tolerated (4D's editor drops it).
    .then_ignore(just(Tok::Semi).or_not())
    .then_ignore(end())
}
