//! The ORDA model of a datastore: one dataclass per catalog table, with its
//! attributes — storage attributes (the fields), `relatedEntity` (the Many side of
//! a relation, named by `name_Nto1`) and `relatedEntities` (the One side, named by
//! `name_1toN`) — and the project classes that extend it (`cs.<DataClass>`,
//! `cs.<DataClass>Entity`, `cs.<DataClass>Selection`, `cs.DataStore`).
//! Built once per datastore and program, kept for the thread.

use crate::compile::ir::{ClassId, MethodId, Program};
use crate::datastore::process::no_db;
use crate::datastore::structure::FieldType;
use crate::datastore::Datastore;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A field (index in the table's fields).
    Storage(usize),
    /// N→1: this table's field `fk` holds the value of `target`'s field `pk`.
    One { target: usize, fk: usize, pk: usize },
    /// 1→N: `target`'s field `fk` holds the value of this table's field `key`.
    Many {
        target: usize,
        fk: usize,
        key: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Attr {
    pub name: Rc<str>,
    pub kind: Kind,
}

#[derive(Debug)]
pub struct ClassModel {
    pub ti: usize,
    pub name: Rc<str>,
    pub attrs: Vec<Attr>,
    /// Index in the table's fields of the primary key.
    pub pk: Option<usize>,
    pub dataclass_class: Option<ClassId>,
    pub entity_class: Option<ClassId>,
    pub selection_class: Option<ClassId>,
    /// From the entity class (and its parents): `Alias name path`.
    pub aliases: Vec<(String, String)>,
    /// Computed attributes with `Function query` / `Function orderBy`.
    pub computed_query: Vec<(String, MethodId)>,
    pub computed_order: Vec<(String, MethodId)>,
}

impl ClassModel {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| &*a.name == name)
    }
    pub fn alias(&self, name: &str) -> Option<&str> {
        self.aliases
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.as_str())
    }
}

/// A class and its parents (project classes only).
fn chain(prog: &Program, cid: Option<ClassId>) -> Vec<ClassId> {
    let mut out = Vec::new();
    let mut cur = cid;
    while let Some(c) = cur {
        if out.contains(&c) || prog.classes[c as usize].builtin {
            break;
        }
        out.push(c);
        cur = prog.classes[c as usize].parent;
    }
    out
}

pub struct Model {
    pub store: Arc<Datastore>,
    pub classes: Vec<ClassModel>,
    pub datastore_class: Option<ClassId>,
}

impl Model {
    pub fn class_by_name(&self, name: &str) -> Option<&ClassModel> {
        self.classes.iter().find(|c| &*c.name == name)
    }
    pub fn field_type(&self, ti: usize, fi: usize) -> FieldType {
        self.store.structure.tables[ti].fields[fi].ty
    }
    pub fn indexed(&self, ti: usize, fi: usize) -> bool {
        self.store.structure.tables[ti].fields[fi].indexed
    }
    pub fn field_name(&self, ti: usize, fi: usize) -> &str {
        &self.store.structure.tables[ti].fields[fi].name
    }
}

thread_local! {
    static MODEL: RefCell<Option<(usize, usize, Rc<Model>)>> = const { RefCell::new(None) };
}

/// The model of the interpreter's datastore (error 40 without a structure).
pub fn model(it: &Interp) -> RtResult<Rc<Model>> {
    let Some(store) = it.db.store.clone() else {
        return no_db();
    };
    let sk = Arc::as_ptr(&store) as usize;
    let pk = it.prog as *const _ as usize;
    if let Some(m) = MODEL.with(|m| {
        m.borrow()
            .as_ref()
            .filter(|(s, p, _)| *s == sk && *p == pk)
            .map(|(_, _, m)| m.clone())
    }) {
        return Ok(m);
    }
    let m = Rc::new(build(it, store));
    MODEL.with(|c| *c.borrow_mut() = Some((sk, pk, m.clone())));
    Ok(m)
}

fn build(it: &Interp, store: Arc<Datastore>) -> Model {
    let s = &store.structure;
    let user = |name: &str| {
        it.prog
            .classes
            .iter()
            .position(|c| !c.builtin && c.name == name)
            .map(|p| p as ClassId)
    };
    let mut classes: Vec<ClassModel> = s
        .tables
        .iter()
        .enumerate()
        .map(|(ti, t)| {
            let entity_class = user(&format!("{}Entity", t.name));
            let mut aliases = Vec::new();
            let mut computed_query = Vec::new();
            let mut computed_order = Vec::new();
            for c in chain(it.prog, entity_class) {
                let cl = &it.prog.classes[c as usize];
                aliases.extend(cl.aliases.iter().cloned());
                computed_query.extend(cl.orda_query.iter().map(|(k, v)| (k.clone(), *v)));
                computed_order.extend(cl.orda_order.iter().map(|(k, v)| (k.clone(), *v)));
            }
            ClassModel {
                ti,
                name: Rc::from(t.name.as_str()),
                attrs: t
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(fi, f)| Attr {
                        name: Rc::from(f.name.as_str()),
                        kind: Kind::Storage(fi),
                    })
                    .collect(),
                pk: t.primary_key,
                dataclass_class: user(&t.name),
                entity_class,
                selection_class: user(&format!("{}Selection", t.name)),
                aliases,
                computed_query,
                computed_order,
            }
        })
        .collect();
    for r in &s.relations {
        let (Some(many), Some(one)) = (s.table_index(r.many_table), s.table_index(r.one_table))
        else {
            continue;
        };
        let (Some(fk), Some(pk)) = (
            s.tables[many].field_index(r.many_field),
            s.tables[one].field_index(r.one_field),
        ) else {
            continue;
        };
        if !r.name_n1.is_empty() {
            classes[many].attrs.push(Attr {
                name: Rc::from(r.name_n1.as_str()),
                kind: Kind::One {
                    target: one,
                    fk,
                    pk,
                },
            });
        }
        if !r.name_1n.is_empty() {
            classes[one].attrs.push(Attr {
                name: Rc::from(r.name_1n.as_str()),
                kind: Kind::Many {
                    target: many,
                    fk,
                    key: pk,
                },
            });
        }
    }
    Model {
        datastore_class: user("DataStore"),
        store,
        classes,
    }
}
