//! The expression parser (chumsky) and the parsing helpers shared with
//! [`super::statements`] (which parses one whole line into a [`super::statements::Line`]).
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

pub(super) fn span(s: TokSpan) -> Span {
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

pub(super) fn kw<'t, 's: 't, I, E>(k: Kw) -> impl Parser<'t, I, (), E> + Clone + use<'t, 's, I, E>
where
    I: ValueInput<'t, Token = Tok<'s>, Span = TokSpan>,
    E: ParserExtra<'t, I> + 't,
    E::Error: ParseError<'t, 's, I>,
{
    select! { Tok::Kw(found, _) if found == k => () }.labelled(k.spelling())
}

/// A word that is a keyword only here (`property`, `get`, `shared`...).
pub(super) fn soft<'t, 's: 't, I, E>(
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
pub(super) fn member_name<'t, 's: 't, I, E>(
) -> impl Parser<'t, I, String, E> + Clone + use<'t, 's, I, E>
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
pub(super) fn assign_op<'t, 's: 't, I, E>(
) -> impl Parser<'t, I, AssignOp, E> + Clone + use<'t, 's, I, E>
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
            just(Tok::Eq).to(Marker::Equal),
            just(Tok::Ge).to(Marker::GreaterEq),
            just(Tok::Le).to(Marker::LessEq),
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
