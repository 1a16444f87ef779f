//! Random object graphs (issue #19): the input describes up to 8 objects and
//! collections and up to 24 links between them (cycles, self-links and shared
//! sub-objects included) plus scalars, and the graph's root is passed to every
//! walk over values: `JSON Stringify` (both forms), `String`, `OB Copy` /
//! `.copy()`, `.equal()`, the copy of `New process` parameters and the shared copy
//! of `Storage`. Checked: no panic, no endless recursion; each walk fails with
//! error 48 exactly when a cycle is reachable from the root, and succeeds
//! otherwise with consistent results (a copy stringifies like the original and
//! equals it; the JSON text parses).
#![no_main]

use fourd::runtime::interp::Interp;
use fourd::runtime::members::MemberFn;
use fourd::runtime::value::{new_collection, new_object, text, Value};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;
use std::sync::OnceLock;

/// Counts memory as the `fourd` binary does (runtime::memory).
#[global_allocator]
static ALLOC: fourd::runtime::memory::Counting = fourd::runtime::memory::Counting;

const CIRCULAR: i32 = fourd::runtime::error::codes::CIRCULAR;

fn program() -> &'static fourd::compile::ir::Program {
    static P: OnceLock<usize> = OnceLock::new();
    let p = *P.get_or_init(|| {
        Box::leak(Box::new({
            fourd::commands::register();
            fourd::compile::Compiler::new().finish()
        })) as *const _ as usize
    });
    // SAFETY: leaked above, never freed, only read.
    unsafe { &*(p as *const fourd::compile::ir::Program) }
}

/// Whether a cycle is reachable from node `n` (`links[n]`: the nodes it holds).
fn cyclic(links: &[Vec<usize>], n: usize, on_path: &mut Vec<bool>, done: &mut Vec<bool>) -> bool {
    if on_path[n] {
        return true;
    }
    if done[n] {
        return false;
    }
    on_path[n] = true;
    let found = links[n].iter().any(|&m| cyclic(links, m, on_path, done));
    on_path[n] = false;
    done[n] = true;
    found
}

fn code(r: &Result<impl Sized, Box<fourd::runtime::error::RtError>>) -> Option<i32> {
    r.as_ref().err().map(|e| e.code)
}

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let n = (head as usize % 8) + 1;
    // node k is a collection when bit k of the second byte is set
    let kinds = rest.first().copied().unwrap_or(0);
    let nodes: Vec<Value> = (0..n)
        .map(|k| {
            if kinds >> k & 1 == 1 {
                Value::Collection(new_collection(Vec::new()))
            } else {
                Value::Object(new_object())
            }
        })
        .collect();
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, pair) in rest.get(1..).unwrap_or(&[]).chunks(2).take(24).enumerate() {
        let from = pair[0] as usize % n;
        let what = pair.get(1).copied().unwrap_or(0);
        // below 128: a link to a node; above: a scalar
        let v = if what < 128 {
            let to = what as usize % n;
            links[from].push(to);
            nodes[to].clone()
        } else {
            match what % 4 {
                0 => text(&format!("t{}\"\n", what)),
                1 => Value::Real(what as f64 / 3.0),
                2 => Value::Bool(what % 8 == 2),
                _ => Value::Null,
            }
        };
        match &nodes[from] {
            Value::Object(o) => {
                o.borrow_mut().insert(Rc::from(format!("p{}", i % 5).as_str()), v);
            }
            Value::Collection(c) => c.borrow_mut().push(v),
            _ => {}
        }
    }
    // a property set twice keeps the last link only: recompute the links
    let links: Vec<Vec<usize>> = nodes
        .iter()
        .map(|v| {
            let held: Vec<Value> = match v {
                Value::Object(o) => o.borrow().values().cloned().collect(),
                Value::Collection(c) => c.borrow().clone(),
                _ => Vec::new(),
            };
            held.iter()
                .filter_map(|h| nodes.iter().position(|m| m.same_ref(h)))
                .collect()
        })
        .collect();
    let _ = &links;
    let circular = cyclic(&links, 0, &mut vec![false; n], &mut vec![false; n]);
    let root = nodes[0].clone();
    let expect = if circular { Some(CIRCULAR) } else { None };

    let compact = fourd::runtime::json::stringify(&root, false);
    assert_eq!(code(&compact), expect, "JSON Stringify");
    let pretty = fourd::runtime::json::stringify(&root, true);
    assert_eq!(code(&pretty), expect, "JSON Stringify(*)");
    if let (Ok(c), Ok(p)) = (&compact, &pretty) {
        let a: serde_json::Value = serde_json::from_str(c).expect("compact JSON parses");
        let b: serde_json::Value = serde_json::from_str(p).expect("pretty JSON parses");
        assert_eq!(a, b);
    }
    assert_eq!(code(&fourd::runtime::format::try_to_text(&root)), expect, "String");
    let copy = fourd::commands::object::deep_copy(&root);
    assert_eq!(code(&copy), expect, "OB Copy");
    if let (Ok(copy), Ok(c)) = (&copy, &compact) {
        assert_eq!(
            fourd::runtime::json::stringify(copy, false).ok().as_deref(),
            Some(c.as_str())
        );
    }

    let mut it = Interp::new(program(), Box::new(std::io::sink()), Box::new(std::io::sink()));
    if let Value::Collection(c) = &root {
        let copy = fourd::commands::collection::call_member(
            &mut it,
            root.clone(),
            MemberFn::from_name("copy"),
            "copy",
            Vec::new(),
        );
        assert_eq!(code(&copy), expect, ".copy()");
        let mut others = vec![root.clone()];
        others.extend(copy.ok());
        for other in others {
            let eq = fourd::commands::collection::call_member(
                &mut it,
                Value::Collection(c.clone()),
                MemberFn::from_name("equal"),
                "equal",
                vec![other],
            );
            assert!(matches!(eq, Ok(Value::Bool(true))), ".equal(): {:?}", eq.err());
        }
    }
    let param = fourd::runtime::scheduler::copy_param(&it, &root);
    assert_eq!(code(&param), expect, "New process parameter");
    let shared = fourd::runtime::scheduler::new_shared_object(&mut it);
    let g = fourd::runtime::scheduler::group_of(&it, &Value::Object(shared)).unwrap_or_default();
    let stored = fourd::runtime::scheduler::to_shared(&mut it, root.clone(), g);
    assert_eq!(code(&stored), expect, "Storage");
    if let Ok(s) = &stored {
        let _ = fourd::runtime::json::stringify(s, false);
    }
    drop(it);

    // break the cycles, or every run would leak its graph
    for v in &nodes {
        match v {
            Value::Object(o) => o.borrow_mut().clear(),
            Value::Collection(c) => c.borrow_mut().clear(),
            _ => {}
        }
    }
});
