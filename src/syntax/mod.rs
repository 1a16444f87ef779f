//! The syntax layer: text to tree. It knows nothing of running code, so `check`, a
//! formatter or a language server can reuse it.

pub mod ast;
