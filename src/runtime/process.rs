//! A 4D process: its process variables (shared by every method it runs, including
//! the system variable `OK`), typed per the program's declarations. Interprocess
//! variables (`<>x`) are shared by all processes and live in the interpreter.

use super::value::{Value, VarType};
use crate::compile::ir::VarInfo;

#[derive(Debug, Default)]
pub struct Process {
    pub vars: Vec<Value>,
    pub types: Vec<VarType>,
}

impl Process {
    /// A fresh process with every variable at its declared type's default value.
    pub fn new(vars: &[VarInfo]) -> Process {
        Process {
            vars: vars.iter().map(|v| v.initial_value()).collect(),
            types: vars.iter().map(|v| v.ty).collect(),
        }
    }
}

/// The id of the system variable `OK` (always the first process variable).
pub const OK_VAR: u32 = 0;

/// The id of the system variable `Error`; `Error method`, `Error line` and
/// `Error formula` follow it.
pub const ERROR_VAR: u32 = 1;
