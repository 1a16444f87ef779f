//! Syntax error messages and their rendering: `path:line:col: message`, then an
//! ariadne snippet of the offending line on a terminal.

use super::parser::TokSpan;
use super::token::Tok;
use super::SyntaxError;
use chumsky::error::{Rich, RichPattern, RichReason};

/// A one-line message for a parser error.
pub fn message(err: &Rich<'_, Tok<'_>, TokSpan>) -> String {
    match err.reason() {
        RichReason::Custom(msg) => msg.to_string(),
        RichReason::ExpectedFound { expected, found } => {
            let found = match found {
                Some(tok) => format!("unexpected {}", **tok),
                None => "unexpected end of line".to_string(),
            };
            let labels: Vec<String> = expected
                .iter()
                .filter_map(|p| match p {
                    RichPattern::Label(l) => Some(l.to_string()),
                    _ => None,
                })
                .collect();
            let mut names: Vec<String> = if labels.is_empty() {
                expected
                    .iter()
                    .map(|p| match p {
                        RichPattern::Token(t) => t.to_string(),
                        RichPattern::EndOfInput => "end of line".to_string(),
                        other => other.to_string(),
                    })
                    .collect()
            } else {
                labels
            };
            names.sort();
            names.dedup();
            if names.is_empty() || names.len() > 6 {
                found
            } else {
                format!("{found}, expected {}", names.join(" or "))
            }
        }
    }
}

/// Line and column (1-based, columns in characters) of a byte offset; a line ends
/// at LF, CR+LF or a lone CR (as the lexer counts them). The one definition: the
/// syntax errors, the runtime errors and the REPL all locate through it.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count()
        + 1;
    let line_start = before.rfind(['\n', '\r']).map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The start of every line of a text, for many [`line_col`] look-ups in O(log n)
/// each (a file with thousands of errors must not cost thousands of scans).
/// Line breaks are `\n`, `\r` and `\r\n`, as in [`line_col`].
pub struct LineIndex<'s> {
    source: &'s str,
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> LineIndex<'s> {
        let b = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 2;
                    continue;
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, starts }
    }

    /// Line and column (1-based, columns in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let b = self.source.as_bytes();
        if offset > 0 && b[offset - 1] == b'\r' && b.get(offset) == Some(&b'\n') {
            // between the two bytes of a CRLF: already on the next line
            return (self.starts.partition_point(|&s| s <= offset) + 1, 1);
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1].min(offset);
        (line, self.source[start..offset].chars().count() + 1)
    }
}

/// `path:line:col: message` of each error, in order (one line index for all).
pub fn format_errors(path: &str, source: &str, errs: &[SyntaxError]) -> Vec<String> {
    let index = LineIndex::new(source);
    errs.iter()
        .map(|e| {
            let (line, col) = index.line_col(e.span.start);
            format!("{path}:{line}:{col}: {}", e.message)
        })
        .collect()
}

/// `path:line:col: message`.
pub fn format_error(path: &str, source: &str, err: &SyntaxError) -> String {
    let (line, col) = line_col(source, err.span.start);
    format!("{path}:{line}:{col}: {}", err.message)
}

/// An ariadne report of the error (with the source line), as text.
pub fn render_snippet(path: &str, source: &str, err: &SyntaxError, color: bool) -> String {
    use ariadne::{Config, Label, Report, ReportKind, Source};
    let span = err.span.start.min(source.len())
        ..err
            .span
            .end
            .min(source.len())
            .max(err.span.start.min(source.len()));
    let mut out = Vec::new();
    let report = Report::build(ReportKind::Error, (path, span.clone()))
        .with_config(
            Config::default()
                .with_color(color)
                .with_index_type(ariadne::IndexType::Byte),
        )
        .with_message(&err.message)
        .with_label(Label::new((path, span)).with_message(&err.message))
        .finish();
    if report
        .write((path, Source::from(source)), &mut out)
        .is_err()
    {
        return String::new();
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_lines_and_characters() {
        let src = "a\r\nbé c\nd";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 3), (2, 1));
        assert_eq!(line_col(src, 7), (2, 4)); // after "bé " (é is two bytes)
        assert_eq!(line_col(src, src.len()), (3, 2));
        let index = LineIndex::new(src);
        for off in (0..=src.len()).filter(|&o| src.is_char_boundary(o)) {
            assert_eq!(index.line_col(off), line_col(src, off), "offset {off}");
        }
        let mixed = "a\r\nb\rc\n\nd";
        let index = LineIndex::new(mixed);
        for off in 0..=mixed.len() {
            assert_eq!(index.line_col(off), line_col(mixed, off), "offset {off}");
        }
    }

    #[test]
    fn snippet_shows_the_offending_line_and_message() {
        let src = "$ok:=1\n$x:=1 2\n";
        let err = SyntaxError {
            span: 13..14,
            message: "unexpected `2`".into(),
        };
        assert_eq!(
            format_error("m.4dm", src, &err),
            "m.4dm:2:7: unexpected `2`"
        );
        let snippet = render_snippet("m.4dm", src, &err, false);
        assert!(snippet.contains("$x:=1 2"), "{snippet}");
        assert!(snippet.contains("unexpected `2`"), "{snippet}");
        assert!(snippet.contains("m.4dm:2:7"), "{snippet}");
    }
}
