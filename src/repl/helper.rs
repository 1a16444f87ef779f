//! The line editor's helper: tab completion (commands, constants, keywords,
//! variables in scope, project methods, `cs.` classes), a validator that keeps
//! a block open until its closing line, and Enter indenting continuation lines.

use super::session::{open_blocks, ScopeNames};
use crate::syntax::{data, KnownNames};
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Cmd, ConditionalEventHandler, Context, Event, EventContext, RepeatCount};
use std::sync::{Arc, Mutex};

/// Keywords and language words offered by completion.
pub const KEYWORDS: &[&str] = &[
    "If",
    "Else",
    "End if",
    "Case of",
    "End case",
    "While",
    "End while",
    "Repeat",
    "Until",
    "For",
    "End for",
    "For each",
    "End for each",
    "Try",
    "Catch",
    "End try",
    "Use",
    "End use",
    "var",
    "return",
    "break",
    "continue",
    "Null",
    "This",
    "cs",
    "ds",
    "#DECLARE",
];

/// Meta commands, completed at the start of a line.
pub const META: &[&str] = &[":help", ":load ", ":vars", ":type ", ":reset", ":quit"];

/// What the helper needs from the session, shared with the read loop.
#[derive(Default)]
pub struct Shared {
    pub names: ScopeNames,
    pub known: KnownNames,
}

pub type SharedRef = Arc<Mutex<Shared>>;

#[derive(rustyline::Helper)]
pub struct ReplHelper {
    pub shared: SharedRef,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == ' ' || c == '$'
}

impl ReplHelper {
    /// Completion candidates for the text before the cursor: the start of the
    /// replaced part and the names.
    pub fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let before = &line[..pos];
        let shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        if !before.contains(|c: char| !c.is_whitespace()) || before.starts_with(':') {
            if before.starts_with(':') && !before.contains(' ') {
                let m = META
                    .iter()
                    .filter(|m| m.starts_with(before))
                    .map(|m| m.to_string())
                    .collect();
                return (0, m);
            }
            if before.starts_with(':') {
                return (pos, Vec::new());
            }
        }
        // `cs.Name`
        let ident_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let head = &before[..ident_start];
        if head.len() >= 3 && head[head.len() - 3..].eq_ignore_ascii_case("cs.") {
            let prefix = &before[ident_start..];
            let m = matching(shared.names.classes.iter().map(String::as_str), prefix);
            return (ident_start, m);
        }
        // a name, possibly of several words (`LOG EV` → `LOG EVENT`)
        let run_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !is_name_char(*c))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let run = &before[run_start..];
        let mut starts: Vec<usize> = Vec::new();
        let mut prev_space = true;
        for (i, c) in run.char_indices() {
            if c != ' ' && prev_space {
                starts.push(i);
            }
            prev_space = c == ' ';
        }
        for s in starts {
            let prefix = &run[s..];
            if prefix.is_empty() {
                continue;
            }
            let m = if prefix.starts_with('$') {
                matching(shared.names.locals.iter().map(String::as_str), prefix)
            } else if prefix.contains('$') {
                continue;
            } else {
                let mut all: Vec<&str> = data::command_names()
                    .chain(data::constant_names())
                    .chain(KEYWORDS.iter().copied())
                    .collect();
                all.extend(shared.names.vars.iter().map(String::as_str));
                all.extend(shared.names.methods.iter().map(String::as_str));
                matching(all.into_iter(), prefix)
            };
            if !m.is_empty() {
                return (run_start + s, m);
            }
        }
        (pos, Vec::new())
    }
}

/// The names starting with `prefix` (ignoring case), sorted, without duplicates.
fn matching<'a>(names: impl Iterator<Item = &'a str>, prefix: &str) -> Vec<String> {
    let p = prefix.to_lowercase();
    let mut v: Vec<String> = names
        .filter(|n| n.len() >= prefix.len() && n.to_lowercase().starts_with(&p))
        .map(str::to_string)
        .collect();
    v.sort_by_key(|a| a.to_lowercase());
    v.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    v
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, names) = self.candidates(line, pos);
        Ok((
            start,
            names
                .into_iter()
                .map(|n| Pair {
                    display: n.clone(),
                    replacement: n,
                })
                .collect(),
        ))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.trim_start().starts_with(':') {
            return Ok(ValidationResult::Valid(None));
        }
        let shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        if open_blocks(input, &shared.known) > 0 {
            Ok(ValidationResult::Incomplete)
        } else {
            Ok(ValidationResult::Valid(None))
        }
    }
}

/// Enter at the end of an unfinished block inserts a newline indented by the
/// number of open blocks (rustyline has no per-line continuation prompt; the
/// indentation shows that the entry goes on).
pub struct EnterHandler {
    pub shared: SharedRef,
}

impl ConditionalEventHandler for EnterHandler {
    fn handle(
        &self,
        _evt: &Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext,
    ) -> Option<Cmd> {
        let line = ctx.line();
        if ctx.pos() != line.len() || line.trim_start().starts_with(':') {
            return None;
        }
        let shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        let depth = open_blocks(line, &shared.known);
        if depth == 0 {
            return None;
        }
        Some(Cmd::Insert(1, format!("\n{}", "  ".repeat(depth))))
    }
}
