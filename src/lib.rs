//! fourd: a runtime for the 4D language.
//!
//! The pipeline, one direction only:
//! `syntax` (lexer, parser, AST, diagnostics) → `compile` (resolver) → `runtime`
//! (values, interpreter, processes) with `commands` (the built-in command library).
//! `project` loads a 4D project folder or a folder of scripts.

pub mod check;
pub mod commands;
pub mod compile;
pub mod datastore;
pub mod fxhash;
#[cfg(test)]
mod interp_tests;
pub mod orda;
pub mod project;
pub mod repl;
pub mod run;
pub mod runtime;
pub mod syntax;
pub mod testrun;
pub mod tool4d;
pub mod web;
