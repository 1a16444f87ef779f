//! Runs a script in process with the fast path (`runtime::fast`) on or off, for
//! the suites that compare both ways (`mod fastrun;` in a test crate).

#![allow(dead_code)]

use fourd::runtime::fast::State;
use fourd::runtime::interp::Interp;
use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct Shared(Rc<RefCell<Vec<u8>>>);
impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs one script file in process with the fast path on or off: output then error
/// text, and how many methods and loops were compiled and ran so.
pub fn run_file(main: &Path, disabled: bool) -> (String, usize) {
    let loaded = match fourd::project::load(main, None) {
        Ok(l) => l,
        Err(_) => return ("load error".into(), 0),
    };
    let out = Shared::default();
    let mut it = Interp::new(
        &loaded.program,
        Box::new(out.clone()),
        Box::new(std::io::sink()),
    );
    it.fast.disabled = disabled;
    let mut text = String::new();
    for &(id, _) in &loaded.entries {
        if let Err(e) = it.call_method(id, Vec::new(), 0) {
            text = fourd::run::render_error(&loaded.program, &e);
            break;
        }
    }
    it.flush();
    // compiled and run (code whose hand-over always failed counts for nothing)
    let ran = |c: &fourd::runtime::fast::FastCode| c.runs.get() > 0;
    let compiled = (it.fast.methods.iter())
        .filter(|s| matches!(s, State::Yes(c) if ran(c)))
        .count()
        + (it.fast.loops.values().flatten())
            .filter(|c| ran(c))
            .count();
    drop(it);
    let printed = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    (printed + &text, compiled)
}
