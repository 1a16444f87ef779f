//! Walks over object graphs: the guard every recursive walk over objects and
//! collections (JSON text, `String`, deep copies, `.equal()`, process parameters,
//! shared copies for `Storage`) keeps on its current path, so a value that
//! contains itself is an error instead of an endless recursion, and nesting is
//! bounded.
//!
//! The docs say nothing of circular references (JSON cannot express them, and 4D's
//! serialization commands have no cycle option), so fourd reports error 48
//! "circular reference" where a walk meets an object or collection that is
//! already on its path; the same object reached twice on different paths (a
//! shared sub-object, a diamond) is fine. Deeper nesting than [`MAX_NESTING`]
//! levels is error 20 (stack full). `.equal()` does not fail on cycles: two values
//! are equal when no difference is ever found (a pair already being compared
//! counts as equal), see [`PairGuard`].

use super::error::{codes, err, RtResult};
use super::value::Value;
use crate::fxhash::FxBuild;
use std::collections::HashSet;

/// The deepest nesting of objects and collections a walk goes into.
pub const MAX_NESTING: usize = 10_000;

/// The address of an object or collection (identity), None for other values.
pub fn addr(v: &Value) -> Option<usize> {
    match v {
        Value::Object(o) => Some(std::rc::Rc::as_ptr(o) as *const () as usize),
        Value::Collection(c) => Some(std::rc::Rc::as_ptr(c) as *const () as usize),
        _ => None,
    }
}

/// The objects and collections on the current path of a walk.
#[derive(Default)]
pub struct PathGuard {
    on_path: HashSet<usize, FxBuild>,
    /// what the walk is doing, for the messages ("JSON Stringify")
    what: &'static str,
}

impl PathGuard {
    pub fn new(what: &'static str) -> PathGuard {
        PathGuard {
            on_path: HashSet::default(),
            what,
        }
    }

    /// Before going into `v`: an error if it is already on the path or the path is
    /// too deep. Returns whether `v` was entered (an object or collection), in which
    /// case [`PathGuard::leave`] must follow.
    pub fn enter(&mut self, v: &Value) -> RtResult<bool> {
        let Some(a) = addr(v) else {
            return Ok(false);
        };
        if self.on_path.len() >= MAX_NESTING {
            return err(
                codes::STACK_FULL,
                format!(
                    "{}: objects and collections nested more than {} levels deep",
                    self.what, MAX_NESTING
                ),
            );
        }
        if !self.on_path.insert(a) {
            return err(
                codes::CIRCULAR,
                format!(
                    "{}: circular reference (an object or collection contains itself)",
                    self.what
                ),
            );
        }
        Ok(true)
    }

    pub fn leave(&mut self, v: &Value) {
        if let Some(a) = addr(v) {
            self.on_path.remove(&a);
        }
    }
}

/// The pairs of objects or collections being compared on the current path of a
/// deep comparison: a pair met again is assumed equal (the comparison of its
/// first meeting decides), which is how two circular values compare.
#[derive(Default)]
pub struct PairGuard {
    on_path: HashSet<(usize, usize), FxBuild>,
}

/// What [`PairGuard::enter`] decided.
pub enum PairStep {
    /// compare the contents, then call [`PairGuard::leave`]
    Enter,
    /// the pair is already being compared
    Seen,
}

impl PairGuard {
    pub fn enter(&mut self, a: &Value, b: &Value) -> RtResult<PairStep> {
        let (Some(x), Some(y)) = (addr(a), addr(b)) else {
            return Ok(PairStep::Seen);
        };
        if self.on_path.len() >= MAX_NESTING {
            return err(
                codes::STACK_FULL,
                format!(
                    "equal: objects and collections nested more than {} levels deep",
                    MAX_NESTING
                ),
            );
        }
        Ok(if self.on_path.insert((x, y)) {
            PairStep::Enter
        } else {
            PairStep::Seen
        })
    }

    pub fn leave(&mut self, a: &Value, b: &Value) {
        if let (Some(x), Some(y)) = (addr(a), addr(b)) {
            self.on_path.remove(&(x, y));
        }
    }
}
