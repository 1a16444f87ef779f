//! Class files: `Class extends`, `property` initializers, `Class constructor`,
//! `Function`, `Function get/set`. Each function becomes a hidden method named as
//! `Current method name` reports it (`Class.function`, `Class:constructor` —
//! `docs/commands-legacy/current-method-name.md`); the property initializers
//! become one more hidden method run on `This` before any constructor.

use super::ir::{ClassId, MethodId};
use super::{resolve, Compiler};
use crate::syntax::ast::{self, ExprKind, FunctionKind, StmtKind};
use std::path::PathBuf;
use std::rc::Rc;

/// The built-in classes reachable as `4D.Name`, in id order (`4D.Object` is 0,
/// the root of every class).
pub const BUILTINS: &[&str] = &[
    "Object",
    "Function",
    "Class",
    "File",
    "Folder",
    "Blob",
    "DataStore",
    "DataClass",
    "Entity",
    "EntitySelection",
];

/// The ORDA classes a project class may extend without the `4D.` prefix
/// (`Class extends Entity`, docs/API/ordaClasses.md).
const ORDA_BASES: &[&str] = &["DataStore", "DataClass", "Entity", "EntitySelection"];

pub(super) fn compile_class(
    c: &mut Compiler,
    cid: ClassId,
    file: &ast::SourceFile,
    path: PathBuf,
    source: Rc<str>,
) {
    let cname = c.prog.classes[cid as usize].name.clone();
    let mut inits: Vec<ast::Stmt> = Vec::new();
    for st in &file.body {
        match &st.kind {
            StmtKind::ClassExtends(p) => {
                let builtin = p.len() > 1 && p[0] == "4D";
                let name = p.last().cloned().unwrap_or_default();
                c.prog.classes[cid as usize].parent_name = Some((builtin, name));
            }
            StmtKind::Property {
                names,
                init: Some(init),
                ..
            } => {
                for n in names {
                    let this = ast::Expr::new(
                        ExprKind::Name(ast::Name {
                            text: "This".into(),
                            suffix: ast::Suffix::None,
                            span: n.span.clone(),
                        }),
                        n.span.clone(),
                    );
                    inits.push(ast::Stmt {
                        kind: StmtKind::Assign {
                            target: ast::Expr::new(
                                ExprKind::Member(Box::new(this), n.text.clone()),
                                n.span.clone(),
                            ),
                            op: ast::AssignOp::Set,
                            value: init.clone(),
                        },
                        span: st.span.clone(),
                    });
                }
            }
            StmtKind::Function(def) => {
                let mname = match def.kind {
                    FunctionKind::Constructor => format!("{}:constructor", cname),
                    _ => format!("{}.{}", cname, def.name),
                };
                let mid = hidden(c, cid, &mname, &path);
                resolve::compile_body(c, mid, Some(&def.signature), &def.body, source.clone());
                let cl = &mut c.prog.classes[cid as usize];
                match def.kind {
                    FunctionKind::Constructor => {
                        cl.ctor = Some(mid);
                        cl.shared |= def.modifiers.shared;
                        cl.singleton |= def.modifiers.singleton;
                    }
                    FunctionKind::Normal | FunctionKind::Event => {
                        cl.funcs.insert(def.name.clone(), mid);
                        c.prog.methods[mid as usize].shared_fn = def.modifiers.shared;
                    }
                    FunctionKind::Get => {
                        cl.getters.insert(def.name.clone(), mid);
                    }
                    FunctionKind::Set => {
                        cl.setters.insert(def.name.clone(), mid);
                    }
                    FunctionKind::Query => {
                        cl.orda_query.insert(def.name.clone(), mid);
                    }
                    FunctionKind::OrderBy => {
                        cl.orda_order.insert(def.name.clone(), mid);
                    }
                }
                if def.modifiers.exposed && !cl.exposed.contains(&def.name) {
                    cl.exposed.push(def.name.clone());
                }
            }
            StmtKind::Alias { name, path } => {
                c.prog.classes[cid as usize]
                    .aliases
                    .push((name.clone(), path.clone()));
            }
            _ => {}
        }
    }
    if !inits.is_empty() {
        let mid = hidden(c, cid, &format!("{}:properties", cname), &path);
        resolve::compile_body(c, mid, None, &inits, source);
        c.prog.classes[cid as usize].init = Some(mid);
    }
}

fn hidden(c: &mut Compiler, cid: ClassId, name: &str, path: &std::path::Path) -> MethodId {
    let mid = c.add_hidden_method(name, path.to_path_buf());
    c.prog.methods[mid as usize].class = Some(cid);
    mid
}

/// The ORDA classes 4D provides even without a class file (docs/ORDA/ordaClasses.md):
/// `cs.DataStore`, and for each table `cs.<Table>`, `cs.<Table>Entity`,
/// `cs.<Table>Selection`, extending `DataStore`, `DataClass`, `Entity`,
/// `EntitySelection`. A class file of the same name replaces the empty one.
pub(super) fn add_orda_classes(c: &mut Compiler) {
    if c.structure.tables.is_empty() {
        return;
    }
    let mut want = vec![("DataStore".to_string(), "DataStore")];
    for t in &c.structure.tables {
        want.push((t.name.clone(), "DataClass"));
        want.push((format!("{}Entity", t.name), "Entity"));
        want.push((format!("{}Selection", t.name), "EntitySelection"));
    }
    for (name, base) in want {
        if c.class_id(&name).is_none() {
            let id = c.add_class(&name);
            c.prog.classes[id as usize].parent_name = Some((false, base.to_string()));
        }
    }
}

/// Resolves `Class extends` names once every class is known. An unknown parent or
/// a cycle leaves the class under `4D.Object` with `parent_name` kept, so that
/// `new()` reports it.
pub(super) fn link(c: &mut Compiler) {
    add_orda_classes(c);
    let n = c.prog.classes.len();
    for i in 0..n {
        let cl = &c.prog.classes[i];
        if cl.builtin {
            continue;
        }
        let parent = match &cl.parent_name {
            None => Some(0),
            Some((true, name)) => BUILTINS
                .iter()
                .position(|b| b == name)
                .map(|p| p as ClassId),
            Some((false, name)) => c.class_id(name).filter(|&p| p as usize != i).or_else(|| {
                ORDA_BASES
                    .contains(&name.as_str())
                    .then(|| BUILTINS.iter().position(|b| b == name))
                    .flatten()
                    .map(|p| p as ClassId)
            }),
        };
        c.prog.classes[i].parent = parent;
    }
    // break cycles
    for i in 0..n {
        let mut seen = 0;
        let mut cur = c.prog.classes[i].parent;
        while let Some(p) = cur {
            if p as usize == i || seen > n {
                c.prog.classes[i].parent = None;
                break;
            }
            seen += 1;
            cur = c.prog.classes[p as usize].parent;
        }
    }
}
