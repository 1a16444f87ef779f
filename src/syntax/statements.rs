//! The line parser (chumsky): the tokens of one 4D line to a [`Line`] — control
//! lines (`If`, `Case of`...), declarations, class members and statements. Lines
//! are nested into blocks by [`super::block`]; expressions come from
//! [`super::parser::expr`].

use super::ast::*;
use super::parser::{assign_op, expr, kw, member_name, name_text, soft, span, ParseError, TokSpan};
use super::token::{Kw, Tok};
use chumsky::extra::ParserExtra;
use chumsky::input::ValueInput;
use chumsky::prelude::*;

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
        soft("query")
            .ignore_then(member_name())
            .map(|n| (FunctionKind::Query, n)),
        soft("orderBy")
            .ignore_then(member_name())
            .map(|n| (FunctionKind::OrderBy, n)),
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
