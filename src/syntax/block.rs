//! The block builder: nests parsed lines into statements (`If ... Else ... End
//! if`, loops, `Case of`, `Try`, `Use`, class functions).
//!
//! Recovery: an end keyword that closes nothing is reported and ignored; one that
//! closes an outer block closes (and reports) the blocks left open inside it;
//! blocks still open at the end of the file (or at the next `Function`) are
//! reported at their first line and kept, with the statements they hold.

use super::ast::*;
use super::statements::Line;
use super::SyntaxError;

/// The deepest nesting of control structures 4D accepts.
pub const MAX_NESTING: usize = 512;

enum Open {
    If {
        cond: Expr,
        then_block: Block,
        else_block: Option<Block>,
    },
    Case {
        branches: Vec<CaseBranch>,
        else_block: Option<Block>,
        /// Statements before the first `:` line (4D ignores them; kept here).
        preamble: Block,
    },
    While(Expr, Block),
    Repeat(Block),
    For {
        var: Expr,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
        body: Block,
    },
    ForEach {
        item: Expr,
        source: Expr,
        begin: Option<Expr>,
        end: Option<Expr>,
        condition: Option<LoopCondition>,
        body: Block,
    },
    Try(Block, Option<Block>),
    Use(Expr, Block),
    Function(Box<FunctionDef>),
}

struct Frame {
    open: Open,
    span: Span,
    /// Blocks open here, this one included (function frames do not count).
    depth: usize,
}

impl Open {
    fn opener(&self) -> &'static str {
        match self {
            Open::If { .. } => "If",
            Open::Case { .. } => "Case of",
            Open::While(..) => "While",
            Open::Repeat(..) => "Repeat",
            Open::For { .. } => "For",
            Open::ForEach { .. } => "For each",
            Open::Try(..) => "Try",
            Open::Use(..) => "Use",
            Open::Function(..) => "Function",
        }
    }

    fn closer(&self) -> &'static str {
        match self {
            Open::If { .. } => "End if",
            Open::Case { .. } => "End case",
            Open::While(..) => "End while",
            Open::Repeat(..) => "Until",
            Open::For { .. } => "End for",
            Open::ForEach { .. } => "End for each",
            Open::Try(..) => "End try",
            Open::Use(..) => "End use",
            Open::Function(..) => "",
        }
    }

    /// The block new statements go into.
    fn current(&mut self) -> &mut Block {
        match self {
            Open::If {
                then_block,
                else_block,
                ..
            } => else_block.as_mut().unwrap_or(then_block),
            Open::Case {
                branches,
                else_block,
                preamble,
            } => match (else_block, branches.last_mut()) {
                (Some(b), _) => b,
                (None, Some(branch)) => &mut branch.body,
                (None, None) => preamble,
            },
            Open::While(_, b) | Open::Repeat(b) | Open::Use(_, b) => b,
            Open::For { body, .. } | Open::ForEach { body, .. } => body,
            Open::Try(body, catch) => catch.as_mut().unwrap_or(body),
            Open::Function(def) => &mut def.body,
        }
    }

    /// The finished statement, given the closing condition for `Repeat`.
    fn finish(self, until: Option<Expr>, span: &Span) -> StmtKind {
        match self {
            Open::If {
                cond,
                then_block,
                else_block,
            } => StmtKind::If {
                cond,
                then_block,
                else_block,
            },
            Open::Case {
                branches,
                else_block,
                ..
            } => StmtKind::Case {
                branches,
                else_block,
            },
            Open::While(cond, body) => StmtKind::While { cond, body },
            Open::Repeat(body) => StmtKind::Repeat {
                body,
                until: until.unwrap_or_else(|| {
                    Expr::new(
                        ExprKind::Name(Name {
                            text: "True".into(),
                            suffix: Suffix::None,
                            span: span.clone(),
                        }),
                        span.clone(),
                    )
                }),
            },
            Open::For {
                var,
                start,
                end,
                step,
                body,
            } => StmtKind::For {
                var,
                start,
                end,
                step,
                body,
            },
            Open::ForEach {
                item,
                source,
                begin,
                end,
                condition,
                body,
            } => StmtKind::ForEach {
                item,
                source,
                begin,
                end,
                condition,
                body,
            },
            Open::Try(body, catch_block) => StmtKind::Try { body, catch_block },
            Open::Use(target, body) => StmtKind::Use { target, body },
            Open::Function(def) => StmtKind::Function(def),
        }
    }
}

/// Nests lines into a block. Each line comes with its span.
pub struct Builder {
    top: Block,
    stack: Vec<Frame>,
    pub errors: Vec<SyntaxError>,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            top: Vec::new(),
            stack: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn error(&mut self, span: Span, message: String) {
        self.errors.push(SyntaxError { span, message });
    }

    fn push_stmt(&mut self, kind: StmtKind, span: Span) {
        let stmt = Stmt { kind, span };
        match self.stack.last_mut() {
            Some(frame) => frame.open.current().push(stmt),
            None => self.top.push(stmt),
        }
    }

    /// Opens a block. Past [`MAX_NESTING`] levels it is an error, and the blocks
    /// that deep are matched with their ends but left out of the tree, so every
    /// later pass (validation, compiling, running, dropping) recurses at most that
    /// deep: a file of 100,000 nested `If` costs linear time and bounded stack.
    fn open(&mut self, open: Open, span: Span) {
        let depth = self.stack.last().map(|f| f.depth).unwrap_or(0) + 1;
        if depth == MAX_NESTING + 1 {
            self.error(
                span.clone(),
                format!("more than {MAX_NESTING} nested blocks"),
            );
        }
        self.stack.push(Frame { open, span, depth });
    }

    /// Closes the innermost frame as a finished statement ending at `end`.
    fn close_top(&mut self, until: Option<Expr>, end: usize) {
        if let Some(frame) = self.stack.pop() {
            let span = frame.span.start..end;
            let kind = frame.open.finish(until, &span);
            if frame.depth <= MAX_NESTING {
                self.push_stmt(kind, span);
            }
        }
    }

    /// Reports and closes the innermost frame, left open.
    fn close_unterminated(&mut self, end: usize) {
        if let Some(frame) = self.stack.last() {
            let (span, opener, closer) =
                (frame.span.clone(), frame.open.opener(), frame.open.closer());
            if !closer.is_empty() {
                self.error(span, format!("`{opener}` without `{closer}`"));
            }
        }
        self.close_top(None, end);
    }

    /// Handles a closing or continuing line: finds the frame it belongs to.
    fn close(&mut self, matches: fn(&Open) -> bool, word: &str, span: &Span) -> bool {
        let Some(pos) = self.stack.iter().rposition(|f| matches(&f.open)) else {
            self.error(
                span.clone(),
                format!("`{word}` without a matching opening line"),
            );
            return false;
        };
        if self.stack[pos + 1..]
            .iter()
            .any(|f| matches!(f.open, Open::Function(_)))
        {
            self.error(
                span.clone(),
                format!("`{word}` without a matching opening line"),
            );
            return false;
        }
        while self.stack.len() > pos + 1 {
            self.close_unterminated(span.start);
        }
        true
    }

    pub fn line(&mut self, line: Line, span: Span) {
        match line {
            Line::Simple(kind) => self.push_stmt(kind, span),
            Line::If(cond) => self.open(
                Open::If {
                    cond,
                    then_block: Vec::new(),
                    else_block: None,
                },
                span,
            ),
            Line::Else => {
                // `Else` belongs to the innermost `If` or `Case of`.
                let found = self.close(
                    |o| matches!(o, Open::If { .. } | Open::Case { .. }),
                    "Else",
                    &span,
                );
                if found {
                    let frame = self.stack.last_mut().expect("frame");
                    match &mut frame.open {
                        Open::If { else_block, .. } | Open::Case { else_block, .. } => {
                            if else_block.is_some() {
                                self.errors.push(SyntaxError {
                                    span,
                                    message: "a second `Else` in the same block".into(),
                                });
                            } else {
                                *else_block = Some(Vec::new());
                            }
                        }
                        _ => {}
                    }
                }
            }
            Line::EndIf => self.end(|o| matches!(o, Open::If { .. }), "End if", span),
            Line::CaseOf => self.open(
                Open::Case {
                    branches: Vec::new(),
                    else_block: None,
                    preamble: Vec::new(),
                },
                span,
            ),
            Line::Branch(cond) => {
                if self.close(|o| matches!(o, Open::Case { .. }), ":", &span) {
                    if let Some(Frame {
                        open:
                            Open::Case {
                                branches,
                                else_block,
                                ..
                            },
                        ..
                    }) = self.stack.last_mut()
                    {
                        if else_block.is_some() {
                            let message = "a `:` case after the `Else` of a `Case of`".to_string();
                            self.errors.push(SyntaxError {
                                span: span.clone(),
                                message,
                            });
                        }
                        branches.push(CaseBranch {
                            cond,
                            body: Vec::new(),
                            span,
                        });
                    }
                }
            }
            Line::EndCase => self.end(|o| matches!(o, Open::Case { .. }), "End case", span),
            Line::While(cond) => self.open(Open::While(cond, Vec::new()), span),
            Line::EndWhile => self.end(|o| matches!(o, Open::While(..)), "End while", span),
            Line::Repeat => self.open(Open::Repeat(Vec::new()), span),
            Line::Until(cond) => {
                if self.close(|o| matches!(o, Open::Repeat(..)), "Until", &span) {
                    self.close_top(Some(cond), span.end);
                }
            }
            Line::For {
                var,
                start,
                end,
                step,
            } => self.open(
                Open::For {
                    var,
                    start,
                    end,
                    step,
                    body: Vec::new(),
                },
                span,
            ),
            Line::EndFor => self.end(|o| matches!(o, Open::For { .. }), "End for", span),
            Line::ForEach {
                item,
                source,
                begin,
                end,
                condition,
            } => self.open(
                Open::ForEach {
                    item,
                    source,
                    begin,
                    end,
                    condition,
                    body: Vec::new(),
                },
                span,
            ),
            Line::EndForEach => {
                self.end(|o| matches!(o, Open::ForEach { .. }), "End for each", span)
            }
            Line::Try => self.open(Open::Try(Vec::new(), None), span),
            Line::Catch => {
                if self.close(|o| matches!(o, Open::Try(..)), "Catch", &span) {
                    if let Some(Frame {
                        open: Open::Try(_, catch),
                        ..
                    }) = self.stack.last_mut()
                    {
                        if catch.is_some() {
                            let message = "a second `Catch` in the same `Try`".to_string();
                            self.errors.push(SyntaxError { span, message });
                        } else {
                            *catch = Some(Vec::new());
                        }
                    }
                }
            }
            Line::EndTry => self.end(|o| matches!(o, Open::Try(..)), "End try", span),
            Line::Use(target) => self.open(Open::Use(target, Vec::new()), span),
            Line::EndUse => self.end(|o| matches!(o, Open::Use(..)), "End use", span),
            Line::Function {
                kind,
                modifiers,
                name,
                signature,
            } => {
                // A function ends the previous one (and whatever it left open).
                while !self.stack.is_empty() {
                    self.close_unterminated(span.start);
                }
                let def = FunctionDef {
                    kind,
                    modifiers,
                    name,
                    signature,
                    body: Vec::new(),
                };
                self.stack.push(Frame {
                    open: Open::Function(Box::new(def)),
                    span,
                    depth: 0,
                });
            }
        }
    }

    fn end(&mut self, matches: fn(&Open) -> bool, word: &str, span: Span) {
        if self.close(matches, word, &span) {
            self.close_top(None, span.end);
        }
    }

    /// Closes what is left open and returns the file's statements.
    pub fn finish(mut self, end: usize) -> (Block, Vec<SyntaxError>) {
        while !self.stack.is_empty() {
            self.close_unterminated(end);
        }
        (self.top, self.errors)
    }
}
