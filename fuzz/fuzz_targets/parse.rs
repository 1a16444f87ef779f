//! Lexer, names pass, parser, validation and printer on any bytes: no panic, no
//! hang, error spans inside the text. When the text parses cleanly, its printed
//! form must parse too.
#![no_main]

use fourd::syntax::{parse, printer, KnownNames};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = parse(&text, &KnownNames::default());
    for e in &parsed.errors {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len());
    }
    let printed = printer::print_file(&parsed.file);
    let _ = parse(&printed, &KnownNames::default());
});
