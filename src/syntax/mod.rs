//! The syntax layer: text to tree. It knows nothing of running code, so `check`, a
//! formatter or a language server can reuse it.
//!
//! Entry point: [`parse`] turns the text of one `.4dm` file into a [`ast::SourceFile`]
//! and a list of [`SyntaxError`]s (one bad line never hides the errors of the rest).

pub mod ast;
pub mod block;
pub mod data;
pub mod diagnostics;
pub mod lexer;
mod name_keys;
pub mod names;
pub mod parser;
mod phrases;
pub mod printer;
pub mod statements;
pub mod token;
pub mod validate;

use ast::{SourceFile, Span};

/// A syntax error: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

/// The result of parsing one file. `file` holds every line that parsed, even when
/// `errors` is not empty.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub file: SourceFile,
    pub errors: Vec<SyntaxError>,
}

/// Names the lexer must know to split multi-word names correctly: project methods,
/// tables and fields (commands, constants and keywords are built in).
///
/// The phrase table built from them is made once, at the first [`parse`], and
/// shared by clones: set the names before parsing, do not change them after.
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    pub methods: Vec<String>,
    pub tables: Vec<String>,
    pub fields: Vec<String>,
    table: std::sync::OnceLock<std::sync::Arc<names::PhraseTable>>,
}

impl KnownNames {
    pub fn new(methods: Vec<String>, tables: Vec<String>, fields: Vec<String>) -> KnownNames {
        KnownNames {
            methods,
            tables,
            fields,
            table: Default::default(),
        }
    }

    /// The phrase table for these names (built-in names plus the project's),
    /// built once.
    pub fn phrase_table(&self) -> &names::PhraseTable {
        self.table.get_or_init(|| {
            std::sync::Arc::new(names::PhraseTable::with_project_names(
                self.methods.iter().chain(&self.tables).chain(&self.fields),
            ))
        })
    }
}

/// Parses the text of one `.4dm` file.
pub fn parse(source: &str, names: &KnownNames) -> Parsed {
    if names.methods.is_empty() && names.tables.is_empty() && names.fields.is_empty() {
        parse_with(source, names::PhraseTable::builtin_table())
    } else {
        parse_with(source, names.phrase_table())
    }
}

/// Parses with a prepared phrase table (to parse many files of one project).
pub fn parse_with(source: &str, table: &names::PhraseTable) -> Parsed {
    use chumsky::input::Input as _;
    use chumsky::Parser as _;
    use token::Tok;

    let raw = lexer::lex(source);
    let tokens: Vec<(Tok, parser::TokSpan)> = names::resolve_names(source, &raw, table)
        .into_iter()
        .map(|(t, s)| (t, s.into()))
        .collect();
    // A fast pass without error details; lines that fail are parsed again with
    // rich errors to report them.
    let fast_parser = statements::line::<_, parser::FastExtra>();
    let mut rich_parser = None;
    let mut builder = block::Builder::new();
    let mut errors = Vec::new();
    for line in tokens.split(|(t, _)| *t == Tok::Newline) {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let span = first.1.start..last.1.end;
        if let Some((Tok::Error(why), s)) = line.iter().find(|(t, _)| matches!(t, Tok::Error(_))) {
            errors.push(SyntaxError {
                span: s.into_range(),
                message: why.to_string(),
            });
            recover_nesting(&mut builder, first.0, span);
            continue;
        }
        // brackets nested deeper than blocks may be are refused before the parser
        // (whose recursion would take time and stack in proportion)
        if let Some((at, message)) = too_deep(line) {
            errors.push(SyntaxError {
                span: at.into_range(),
                message,
            });
            recover_nesting(&mut builder, first.0, span);
            continue;
        }
        let eoi: parser::TokSpan = (span.end..span.end).into();
        if let Ok(parsed) = fast_parser.parse(line.split_token_span(eoi)).into_result() {
            builder.line(parsed, span);
            continue;
        }
        let rich = rich_parser.get_or_insert_with(statements::line::<_, parser::Extra>);
        match rich.parse(line.split_token_span(eoi)).into_result() {
            Ok(parsed) => builder.line(parsed, span),
            Err(errs) => {
                if let Some(err) = errs.first() {
                    errors.push(SyntaxError {
                        span: err.span().into_range(),
                        message: diagnostics::message(err),
                    });
                }
                recover_nesting(&mut builder, first.0, span);
            }
        }
    }
    let (body, block_errors) = builder.finish(source.len());
    errors.extend(block_errors);
    let file = ast::SourceFile {
        attributes: attributes(source),
        body,
    };
    errors.extend(validate::validate(&file));
    errors.sort_by_key(|e| e.span.start);
    Parsed { file, errors }
}

/// The most operators (binary, `.`, `[`, `(`, `->`...) one line may hold: each
/// can add a level to the expression's tree, which every later pass walks
/// recursively (validation, compiling, running, dropping), so a generated line of
/// millions of `+1` is refused here instead of exhausting the stack.
pub const MAX_OPERATORS: usize = 20_000;

/// Where a line's brackets (`(`, `[`, `{`) first nest deeper than
/// [`block::MAX_NESTING`], or its operators pass [`MAX_OPERATORS`], if they do,
/// with the message.
fn too_deep(line: &[(token::Tok, parser::TokSpan)]) -> Option<(parser::TokSpan, String)> {
    use token::Tok;
    let mut depth = 0usize;
    let mut operators = 0usize;
    for (t, s) in line {
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                depth += 1;
                operators += 1;
                if depth > block::MAX_NESTING {
                    return Some((
                        *s,
                        format!(
                            "more than {} nested parentheses or brackets",
                            block::MAX_NESTING
                        ),
                    ));
                }
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth = depth.saturating_sub(1),
            Tok::Eq
            | Tok::Ne
            | Tok::Le
            | Tok::Ge
            | Tok::Lt
            | Tok::Gt
            | Tok::Shl
            | Tok::Shr
            | Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::Backslash
            | Tok::Percent
            | Tok::Caret
            | Tok::CaretBar
            | Tok::Amp
            | Tok::Bar
            | Tok::AmpAmp
            | Tok::BarBar
            | Tok::BitSet
            | Tok::BitClear
            | Tok::BitTest
            | Tok::Question
            | Tok::Arrow
            | Tok::Dot => operators += 1,
            _ => {}
        }
        if operators > MAX_OPERATORS {
            return Some((
                *s,
                format!("more than {MAX_OPERATORS} operators in one line"),
            ));
        }
    }
    None
}

/// After a line that does not parse, keeps the block structure right: a line that
/// starts with an opening or closing keyword still opens or closes its block.
fn recover_nesting(builder: &mut block::Builder, first: token::Tok, span: ast::Span) {
    use ast::{Expr, ExprKind, Name, Suffix};
    use statements::Line;
    use token::{Kw, Tok};
    let placeholder = || {
        Expr::new(
            ExprKind::Name(Name {
                text: "False".into(),
                suffix: Suffix::None,
                span: span.clone(),
            }),
            span.clone(),
        )
    };
    let line = match first {
        Tok::Kw(Kw::If, _) => Line::If(placeholder()),
        Tok::Kw(Kw::While, _) => Line::While(placeholder()),
        Tok::Kw(Kw::Until, _) => Line::Until(placeholder()),
        Tok::Kw(Kw::For, _) => Line::For {
            var: placeholder(),
            start: placeholder(),
            end: placeholder(),
            step: None,
        },
        Tok::Kw(Kw::ForEach, _) => Line::ForEach {
            item: placeholder(),
            source: placeholder(),
            begin: None,
            end: None,
            condition: None,
        },
        Tok::Kw(Kw::Use, _) => Line::Use(placeholder()),
        Tok::Kw(Kw::Try, _) => Line::Try,
        Tok::Colon => Line::Branch(placeholder()),
        _ => return,
    };
    builder.line(line, span);
}

/// The JSON of a `//%attributes = {...}` first line.
fn attributes(source: &str) -> Option<String> {
    let first = source
        .trim_start_matches(['\u{feff}', ' ', '\t'])
        .lines()
        .next()?;
    let rest = first.strip_prefix("//%attributes")?;
    let json = rest.trim_start().strip_prefix('=')?.trim();
    Some(json.to_string())
}
