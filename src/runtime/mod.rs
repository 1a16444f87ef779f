//! The runtime: values, operator rules, text collation, the interpreter, processes
//! and runtime errors.

pub mod access;
pub mod collate;
pub mod error;
pub mod format;
pub mod interp;
pub mod ops;
pub mod process;
pub mod value;

#[cfg(test)]
mod tests;
