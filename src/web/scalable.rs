//! Scalable sessions (`Session`): one `Session` object per session cookie, kept on
//! the web interpreter thread (values are not `Send`) for the life of the run.
//! The object has `id`, `storage` (a shared object, as in 4D: changed inside `Use`),
//! `userName`, `idleTimeout`, and the functions `setPrivileges()`,
//! `hasPrivilege()`, `clearPrivileges()`, `getPrivileges()` and `isGuest()`
//! (formulas calling the internal command `_fourd_member`).
//!
//! Choices: the cookie is the legacy one's (`4DSID_<AppName>`, `HttpOnly`,
//! `SameSite=Strict`, `Secure` over HTTPS) and is sent with the first answer that
//! called `Session`; at most 10,000 sessions are kept (the least recently used
//! goes); privileges are names (a text, a collection of texts, or an object with a
//! `privileges` property holding either).

use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Obj, Value};
use std::cell::RefCell;
use std::collections::HashMap;

const MAX: usize = 10_000;

struct Entry {
    obj: Obj,
    privileges: Vec<String>,
    used: u64,
}

thread_local! {
    static TABLE: RefCell<(HashMap<String, Entry>, u64)> = RefCell::new((HashMap::new(), 0));
}

fn member(it: &mut Interp<'_>, o: &Obj, name: &str, code: &str) {
    if let Ok(f) = it.formula_from_text(&format!("_fourd_member(\"{}\"; This; $1)", code)) {
        let k = it.intern_key(name);
        o.borrow_mut().insert(k, f);
    }
}

fn make(it: &mut Interp<'_>, id: &str) -> Obj {
    let o = new_object();
    let storage = crate::runtime::scheduler::new_shared_object(it);
    for (k, v) in [
        ("id", text(id)),
        ("storage", Value::Object(storage)),
        ("userName", text("")),
        ("idleTimeout", Value::Int(60)),
    ] {
        let k = it.intern_key(k);
        o.borrow_mut().insert(k, v);
    }
    for (name, code) in [
        ("setPrivileges", "session.setPrivileges"),
        ("hasPrivilege", "session.hasPrivilege"),
        ("clearPrivileges", "session.clearPrivileges"),
        ("getPrivileges", "session.getPrivileges"),
        ("isGuest", "session.isGuest"),
    ] {
        member(it, &o, name, code);
    }
    o
}

/// The session object of the current request (created, with its cookie, if the
/// request has none): `None` outside a request or when scalable sessions are off.
pub fn current(it: &mut Interp<'_>) -> Option<Obj> {
    let rt = super::host::get(it).rt.clone();
    if rt.options().int(super::options::sel::SCALABLE) != 1 {
        return None;
    }
    let req = it.web.req.as_ref()?;
    let name = rt.options().cookie_name();
    let cookie = req.req.cookie(&name);
    let secure = req.req.secure;
    if let Some(id) = &cookie {
        let found = TABLE.with(|t| {
            let mut t = t.borrow_mut();
            t.1 += 1;
            let n = t.1;
            t.0.get_mut(id).map(|e| {
                e.used = n;
                e.obj.clone()
            })
        });
        if found.is_some() {
            return found;
        }
    }
    let id = super::sessions::new_id();
    let obj = make(it, &id);
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if t.0.len() >= MAX {
            if let Some(old) =
                t.0.iter()
                    .min_by_key(|(_, e)| e.used)
                    .map(|(k, _)| k.clone())
            {
                t.0.remove(&old);
            }
        }
        t.1 += 1;
        let used = t.1;
        t.0.insert(
            id.clone(),
            Entry {
                obj: obj.clone(),
                privileges: Vec::new(),
                used,
            },
        );
    });
    let mut c = format!("{}={}; Path=/; HttpOnly; SameSite=Strict", name, id);
    if secure {
        c.push_str("; Secure");
    }
    if let Some(r) = it.web.req.as_mut() {
        r.resp.headers.push(("Set-Cookie".into(), c));
    }
    Some(obj)
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::Text(t) => vec![t.to_string()],
        Value::Collection(c) => c.borrow().iter().flat_map(names).collect(),
        Value::Object(o) => o.borrow().get("privileges").map(names).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The functions of a session object (`code` names one; `this` is the object).
pub fn call(code: &str, this: &Value, arg: &Value) -> Option<Value> {
    let Value::Object(o) = this else {
        return None;
    };
    let id = o.borrow().get("id").map(crate::runtime::format::to_text)?;
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let e = t.0.get_mut(&id)?;
        Some(match code {
            "session.setPrivileges" => {
                e.privileges = names(arg);
                Value::Bool(true)
            }
            "session.hasPrivilege" => {
                let want = crate::runtime::format::to_text(arg);
                Value::Bool(e.privileges.iter().any(|p| p.eq_ignore_ascii_case(&want)))
            }
            "session.clearPrivileges" => {
                e.privileges.clear();
                Value::Bool(true)
            }
            "session.getPrivileges" => Value::Collection(new_collection(
                e.privileges.iter().map(|p| text(p.as_str())).collect(),
            )),
            "session.isGuest" => Value::Bool(e.privileges.is_empty()),
            _ => return None,
        })
    })
}
