//! What `On Web Authentication`'s result means. The docs (`On Web Authentication
//! database method`, WARNING): "If no value is set to $0 or if $0 is not defined in
//! the On Web Authentication database method, the connection is considered as
//! accepted". So a method whose code never assigns its result (`C_BOOLEAN($0)`
//! declared, nothing else; or no `$0` at all) accepts every request; a method
//! that assigns it somewhere refuses when the result is `False` (a `$0` left at
//! its default on the path taken counts as `False`, as a 4D developer writing
//! `$0:=...` in some branches expects). The check is made on the compiled code.

use crate::compile::ir::{Block, Method, Place, StmtKind};
use crate::runtime::value::Value;

fn sets(block: &Block, slot: u32) -> bool {
    block.iter().any(|s| match &s.kind {
        StmtKind::Assign(Place::Local(l), _)
        | StmtKind::Compound(Place::Local(l), _, _)
        | StmtKind::AppendLocal(l, _) => *l == slot,
        StmtKind::Return(Some(_)) => true,
        StmtKind::If(_, a, b) | StmtKind::Try(a, b) => sets(a, slot) || sets(b, slot),
        StmtKind::Case(arms, other) => arms.iter().any(|(_, b)| sets(b, slot)) || sets(other, slot),
        StmtKind::While(_, b) | StmtKind::Repeat(b, _) | StmtKind::Use(_, b) | StmtKind::Seq(b) => {
            sets(b, slot)
        }
        StmtKind::For(f) => sets(&f.body, slot),
        StmtKind::ForEach(f) => sets(&f.body, slot),
        _ => false,
    })
}

/// Whether the code of `m` assigns its result anywhere.
pub fn sets_result(m: &Method) -> bool {
    match m.result {
        Some(slot) => sets(&m.body, slot),
        None => false,
    }
}

/// Whether a request is refused, given the method and what it returned.
pub fn refused(m: Option<&Method>, result: &Value) -> bool {
    matches!(result, Value::Bool(false)) && m.is_some_and(sets_result)
}
