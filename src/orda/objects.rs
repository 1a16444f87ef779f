//! The four native ORDA objects and how they are made: `ds` ([`DsObj`]), a
//! dataclass ([`ClassObj`]), an entity ([`EntityObj`]) and an entity selection
//! ([`SelObj`]). Each is an ordinary object registered in the runtime's side
//! table as `Meta::Native`; the functions live in `datastore_fns`, `dataclass`,
//! `entity` and `selection`.
//!
//! - `ds` holds one property per dataclass; a dataclass holds one property per
//!   attribute (an attribute object: `name`, `kind`, `type`, `fieldNumber`...).
//! - An entity holds its storage attributes as properties (read and assigned as
//!   any object property); related attributes are computed when read. The entity
//!   remembers its record number, its stamp and the values it was loaded with
//!   (`touched()`, optimistic locking on `save()`).
//! - An entity selection holds record numbers only; entities are made when an
//!   item is read (`[i]`, `For each`, `first()`).

use super::model::{model, Kind, Model};
use crate::compile::ir::ClassId;
use crate::datastore::cells::cell_to_value;
use crate::datastore::store::{Cell, Inner, Record};
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::native::Native;
use crate::runtime::oop::Meta;
use crate::runtime::value::{new_object, text, Obj, Value};
use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;

/// Record number of an entity not saved yet.
pub const NEW: i64 = -3;

#[derive(Debug)]
pub struct DsObj {
    pub class: Option<ClassId>,
}

#[derive(Debug)]
pub struct ClassObj {
    pub ti: usize,
    pub class: Option<ClassId>,
}

#[derive(Debug)]
pub struct EntityObj {
    pub ti: usize,
    pub rn: StdCell<i64>,
    pub stamp: StdCell<u32>,
    /// Storage attribute values as loaded (or last saved).
    pub orig: RefCell<Record>,
    pub class: Option<ClassId>,
    /// Related entities read so far: attribute, foreign key value, entity.
    pub related: RefCell<Vec<(Rc<str>, Cell, Value)>>,
}

#[derive(Debug)]
pub struct SelObj {
    pub ti: usize,
    pub recs: RefCell<Vec<i64>>,
    pub ordered: StdCell<bool>,
    /// Shareable (not alterable): what queries return; `newSelection()` and
    /// `copy()` give alterable ones.
    pub shareable: bool,
    pub class: Option<ClassId>,
}

/// The native implementation behind an object, if it is an ORDA object.
pub fn native_of(it: &Interp, o: &Obj) -> Option<Rc<dyn Native>> {
    if !it.oo.any() {
        return None;
    }
    match it.oo.meta_of(o) {
        Some(Meta::Native(n)) => Some(n),
        _ => None,
    }
}

/// The entity behind a value (with its object).
pub fn as_entity(it: &Interp, v: &Value) -> Option<(Obj, Rc<dyn Native>)> {
    let Value::Object(o) = v else { return None };
    let n = native_of(it, o)?;
    n.as_any().downcast_ref::<EntityObj>()?;
    Some((o.clone(), n))
}

pub fn entity_ref(n: &Rc<dyn Native>) -> &EntityObj {
    n.as_any()
        .downcast_ref::<EntityObj>()
        .expect("checked by as_entity")
}

/// The entity selection behind a value.
pub fn as_selection(it: &Interp, v: &Value) -> Option<Rc<dyn Native>> {
    let Value::Object(o) = v else { return None };
    let n = native_of(it, o)?;
    n.as_any().downcast_ref::<SelObj>()?;
    Some(n)
}

pub fn sel_ref(n: &Rc<dyn Native>) -> &SelObj {
    n.as_any()
        .downcast_ref::<SelObj>()
        .expect("checked by as_selection")
}

fn register(it: &mut Interp, o: &Obj, n: Rc<dyn Native>) {
    it.oo.register(o, Meta::Native(n));
}

/// `ds`: the datastore object, with one property per dataclass.
pub fn make_ds(it: &mut Interp) -> RtResult<Value> {
    let m = model(it)?;
    let o = new_object();
    for c in &m.classes {
        let dc = make_dataclass(it, &m, c.ti);
        o.borrow_mut().insert(c.name.clone(), dc);
    }
    register(
        it,
        &o,
        Rc::new(DsObj {
            class: m.datastore_class,
        }),
    );
    Ok(Value::Object(o))
}

/// A dataclass object, with one attribute object per attribute.
pub fn make_dataclass(it: &mut Interp, m: &Model, ti: usize) -> Value {
    let c = &m.classes[ti];
    let o = new_object();
    for a in &c.attrs {
        let ao = new_object();
        {
            let mut am = ao.borrow_mut();
            am.insert("name".into(), text(&*a.name));
            match a.kind {
                Kind::Storage(fi) => {
                    let f = &m.store.structure.tables[ti].fields[fi];
                    am.insert("kind".into(), text("storage"));
                    am.insert("fieldNumber".into(), Value::Int(f.num as i32));
                    am.insert("fieldType".into(), Value::Int(f.ty.type_code()));
                    am.insert("type".into(), text(attr_type_name(f.ty)));
                    am.insert("indexed".into(), Value::Bool(f.indexed));
                    am.insert("unique".into(), Value::Bool(f.unique));
                    am.insert("autoFilled".into(), Value::Bool(f.auto_seq || f.auto_uuid));
                    am.insert("exposed".into(), Value::Bool(true));
                    am.insert("readOnly".into(), Value::Bool(false));
                }
                Kind::One { target, .. } => {
                    am.insert("kind".into(), text("relatedEntity"));
                    am.insert("type".into(), text(&*m.classes[target].name));
                    am.insert("relatedDataClass".into(), text(&*m.classes[target].name));
                    am.insert("exposed".into(), Value::Bool(true));
                }
                Kind::Many { target, .. } => {
                    am.insert("kind".into(), text("relatedEntities"));
                    am.insert(
                        "type".into(),
                        text(format!("{}Selection", m.classes[target].name)),
                    );
                    am.insert("relatedDataClass".into(), text(&*m.classes[target].name));
                    am.insert("exposed".into(), Value::Bool(true));
                }
            }
        }
        o.borrow_mut().insert(a.name.clone(), Value::Object(ao));
    }
    register(
        it,
        &o,
        Rc::new(ClassObj {
            ti,
            class: c.dataclass_class,
        }),
    );
    Value::Object(o)
}

/// The `type` of a storage attribute (docs/API/DataClassAttributeClass.md).
pub fn attr_type_name(ty: crate::datastore::structure::FieldType) -> &'static str {
    use crate::datastore::structure::FieldType as F;
    match ty {
        F::Bool => "bool",
        F::Int16 => "word",
        F::Int => "long",
        F::Int64 => "long64",
        F::Real => "number",
        F::Date => "date",
        F::Time => "duration",
        F::Text => "string",
        F::Picture => "image",
        F::Blob => "blob",
        F::Object => "object",
    }
}

/// An entity with the values of `rec` (record `rn`, `NEW` for a new one).
pub fn make_entity(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    rn: i64,
    rec: &Record,
    stamp: u32,
) -> Value {
    let o = new_object();
    fill_entity(&o, m, ti, rec);
    register(
        it,
        &o,
        Rc::new(EntityObj {
            ti,
            rn: StdCell::new(rn),
            stamp: StdCell::new(stamp),
            orig: RefCell::new(rec.clone()),
            class: m.classes[ti].entity_class,
            related: RefCell::new(Vec::new()),
        }),
    );
    Value::Object(o)
}

/// Writes the storage attributes of `rec` into the entity's object.
pub fn fill_entity(o: &Obj, m: &Model, ti: usize, rec: &Record) {
    let t = &m.store.structure.tables[ti];
    let mut map = o.borrow_mut();
    for (fi, f) in t.fields.iter().enumerate() {
        let v = cell_to_value(rec.get(fi).unwrap_or(&Cell::Null), f.ty);
        map.insert(m.classes[ti].attrs[fi].name.clone(), v);
    }
}

/// The entity of stored record `rn`, or Null when it no longer exists.
pub fn load_entity(it: &mut Interp, m: &Model, ti: usize, rn: i64) -> Value {
    let got = {
        let g = m.store.lock();
        g.tables[ti]
            .get(rn)
            .cloned()
            .map(|r| (r, g.tables[ti].stamp(rn)))
    };
    match got {
        Some((rec, stamp)) => make_entity(it, m, ti, rn, &rec, stamp),
        None => Value::Null,
    }
}

/// A new entity selection of dataclass `ti`.
pub fn make_selection(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    recs: Vec<i64>,
    ordered: bool,
    shareable: bool,
) -> Value {
    let o = if shareable {
        crate::runtime::scheduler::new_shared_object(it)
    } else {
        new_object()
    };
    register(
        it,
        &o,
        Rc::new(SelObj {
            ti,
            recs: RefCell::new(recs),
            ordered: StdCell::new(ordered),
            shareable,
            class: m.classes[ti].selection_class,
        }),
    );
    Value::Object(o)
}

/// Record numbers of table `ti` whose field `fi` equals `key` (by index when
/// the field has one).
pub fn lookup(g: &Inner, ti: usize, fi: usize, key: &Cell) -> Vec<i64> {
    let k = key.key();
    if let Some(idx) = g.tables[ti].indexes.get(&fi) {
        return idx
            .range((k.clone(), i64::MIN)..=(k, i64::MAX))
            .map(|(_, rn)| *rn)
            .collect();
    }
    g.tables[ti]
        .records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.as_ref().is_some_and(|r| r[fi].key() == k))
        .map(|(i, _)| i as i64)
        .collect()
}
