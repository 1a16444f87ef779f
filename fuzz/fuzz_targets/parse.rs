//! Lexer, names pass, parser, validation and printer on any bytes: no panic, no
//! hang, error spans inside the text; the tree printer does not panic either.
#![no_main]

use fourd::syntax::{parse, printer, KnownNames};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = parse(&text, &KnownNames::default());
    for e in &parsed.errors {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len());
    }
    // the printer writes the tree as an S-expression: it must not panic
    let _ = printer::print_file(&parsed.file);
});
