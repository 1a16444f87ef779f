//! The status objects `entity.save()`, `.drop()`, `.lock()` and `.reload()`
//! return (docs/API/EntityClass.md): `success`, and in case of error `status`,
//! `statusText`; for a pessimistic lock error also `lockKind`, `lockKindText`
//! and `lockInfo` (who holds the lock).

use crate::datastore::store::LockOwner;
use crate::runtime::value::{new_collection, new_object, text, Value};

pub const STAMP_CHANGED: i32 = 2;
pub const LOCKED: i32 = 3;
pub const SERIOUS: i32 = 4;
pub const GONE: i32 = 5;
pub const MERGE_FAILED: i32 = 6;

pub fn success() -> Value {
    let o = new_object();
    o.borrow_mut().insert("success".into(), Value::Bool(true));
    Value::Object(o)
}

pub fn status_text(code: i32) -> &'static str {
    match code {
        STAMP_CHANGED => "Stamp has changed",
        LOCKED => "Already locked",
        SERIOUS => "Other error",
        GONE => "Entity does not exist anymore",
        MERGE_FAILED => "Automerge failed",
        _ => "Permission Error",
    }
}

pub fn failure(code: i32) -> Value {
    let o = new_object();
    {
        let mut m = o.borrow_mut();
        m.insert("success".into(), Value::Bool(false));
        m.insert("status".into(), Value::Int(code));
        m.insert("statusText".into(), text(status_text(code)));
    }
    Value::Object(o)
}

/// Status 3 with the lock holder (a 4D process: `task_id`, `task_name`...).
pub fn locked_by(owner: &LockOwner) -> Value {
    let v = failure(LOCKED);
    if let Value::Object(o) = &v {
        let info = new_object();
        {
            let mut i = info.borrow_mut();
            i.insert("task_id".into(), Value::Int(owner.pid as i32));
            i.insert("task_name".into(), text(owner.name.as_str()));
            i.insert("user_name".into(), text(""));
            i.insert("user4d_alias".into(), text(""));
            i.insert("host_name".into(), text(""));
        }
        let mut m = o.borrow_mut();
        m.insert("lockKind".into(), Value::Int(1));
        m.insert("lockKindText".into(), text("Locked by record"));
        m.insert("lockInfo".into(), Value::Object(info));
    }
    v
}

/// Status 4 with the error in `errors` (a duplicated key...).
pub fn serious(code: i32, message: &str) -> Value {
    let v = failure(SERIOUS);
    if let Value::Object(o) = &v {
        let e = new_object();
        {
            let mut m = e.borrow_mut();
            m.insert("errCode".into(), Value::Int(code));
            m.insert("message".into(), text(message));
            m.insert("componentSignature".into(), text("dbmg"));
        }
        o.borrow_mut().insert(
            "errors".into(),
            Value::Collection(new_collection(vec![Value::Object(e)])),
        );
    }
    v
}
