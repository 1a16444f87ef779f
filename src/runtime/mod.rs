//! The runtime: values, operator rules, text collation, the interpreter, processes
//! and runtime errors.

pub mod access;
pub mod collate;
mod dynamic;
pub mod error;
mod eval;
mod exec;
pub mod fast;
pub mod format;
mod handling;
pub mod interp;
pub mod keys;
pub mod native;
pub mod oop;
pub mod ops;
mod place;
pub mod process;
pub mod propmap;
pub mod scheduler;
pub mod value;

#[cfg(test)]
mod tests;
