//! The runtime: values, operator rules, text collation, the interpreter, processes
//! and their scheduler, runtime errors, and the interfaces the outside fills in:
//! the command registry ([`registry`]), the member tables ([`members`]) and the
//! host of outside events ([`host`]). It never imports `commands/`, `web/`, the
//! REPL or the command-line hosts (checked by the test `runtime_layering`).

pub mod access;
mod append;
pub mod base64;
mod boundary;
pub mod collate;
mod dynamic;
pub mod error;
mod eval;
mod exec;
pub mod fast;
pub mod format;
pub mod graph;
mod handling;
pub mod host;
pub mod interp;
pub mod json;
pub mod keys;
pub mod members;
pub mod memory;
pub mod native;
pub mod numeric;
pub mod oop;
pub mod ops;
mod place;
pub mod process;
pub mod propmap;
pub mod registry;
pub mod scheduler;
pub mod sorting;
pub mod textinfo;
pub mod value;
