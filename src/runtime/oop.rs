//! Classes and formulas at run time. Class objects, instances and formulas are
//! ordinary objects (`Value::Object`). The class of an instance is stored in the
//! object itself (`PropMap::class_tag`); what makes the other special objects
//! special (class objects, formulas, native objects) is recorded in a side table
//! keyed by the object's address ([`OoState::meta`]). The table holds a weak
//! reference to each object, which keeps its address from being reused while the
//! entry exists; dead entries are purged as the table grows.

use super::error::{codes, err, rt_error, RtError, RtResult};
use super::interp::Interp;
use super::value::{new_object, text, Obj, Value};
use crate::compile::ir::{ClassId, MethodId, Program};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

pub const OBJECT_CLASS: ClassId = 0;
pub const FUNCTION_CLASS: ClassId = 1;
pub const CLASS_CLASS: ClassId = 2;

/// What an object is, beyond its properties.
#[derive(Debug, Clone)]
pub enum Meta {
    /// An instance of a class (`cs.X.new()`).
    Instance(ClassId),
    /// A class object (`cs.X`, `4D.Object`).
    Class(ClassId),
    /// A `4D.Function` (`Formula(...)`).
    Formula(Rc<FormulaVal>),
    /// An object of a built-in class implemented outside the runtime (`runtime::native`).
    Native(Rc<dyn super::native::Native>),
}

/// A formula object: its compiled method and the locals it captured.
#[derive(Debug)]
pub struct FormulaVal {
    pub method: MethodId,
    pub captured: Vec<(u32, Value)>,
}

type WeakObj = Weak<RefCell<crate::runtime::value::ObjMap>>;

/// Class, formula and error-handling state of the interpreter.
pub struct OoState {
    meta: HashMap<usize, (WeakObj, Meta), crate::fxhash::FxBuild>,
    purge_at: usize,
    /// Whether a class instance was ever made (instances are not in `meta`).
    instances: bool,
    pub class_objs: Vec<Obj>,
    /// By class id: whether the class or one of its parents declares a getter or a
    /// setter (computed property). A store into or a missing read of an instance of
    /// a class without any skips the look-ups by name.
    accessors: Vec<bool>,
    pub cs: Obj,
    pub fourd: Obj,
    singletons: Vec<Option<Value>>,
    /// The `ON ERR CALL` method (name as given, id).
    pub handler: Option<(Rc<str>, MethodId)>,
    /// Increases at every `ON ERR CALL`: a handler applies inside a `Try` only if
    /// installed after the `Try` began.
    pub handler_gen: u64,
    pub gen_counter: u64,
    /// The `handler_gen` counter at the start of each running `Try`.
    pub try_stack: Vec<u64>,
    /// Running an error handler (errors in it are not handled again).
    pub in_handler: u32,
    /// The error `Last errors` describes.
    pub last_error: Option<Box<RtError>>,
    pub assert_enabled: bool,
}

fn key(o: &Obj) -> usize {
    Rc::as_ptr(o) as *const () as usize
}

impl OoState {
    pub fn new(prog: &Program) -> OoState {
        let mut st = OoState {
            meta: HashMap::default(),
            purge_at: 1024,
            instances: false,
            class_objs: Vec::new(),
            accessors: Vec::new(),
            cs: new_object(),
            fourd: new_object(),
            singletons: vec![None; prog.classes.len()],
            handler: None,
            handler_gen: 0,
            gen_counter: 0,
            try_stack: Vec::new(),
            in_handler: 0,
            last_error: None,
            assert_enabled: true,
        };
        for (i, c) in prog.classes.iter().enumerate() {
            let o = new_object();
            st.register(&o, Meta::Class(i as ClassId));
            let store = if c.builtin { &st.fourd } else { &st.cs };
            store
                .borrow_mut()
                .insert(Rc::from(c.name.as_str()), Value::Object(o.clone()));
            st.class_objs.push(o);
        }
        st.refresh_accessors(prog);
        st
    }

    /// Recomputes [`OoState::has_accessors`] for `prog` (the REPL keeps this state
    /// across entries, each compiled into a new program).
    pub fn refresh_accessors(&mut self, prog: &Program) {
        self.accessors = (0..prog.classes.len())
            .map(|c| chain_has_accessors(prog, c as ClassId))
            .collect();
    }

    /// Whether instances of class `c` may have computed properties.
    #[inline]
    pub fn has_accessors(&self, c: ClassId) -> bool {
        self.accessors.get(c as usize).copied().unwrap_or(true)
    }

    pub fn register(&mut self, o: &Obj, m: Meta) {
        if let Meta::Instance(c) = m {
            // in the object itself (no table entry, no look-up by address)
            o.borrow_mut().set_class_tag(c + 1);
            self.instances = true;
            return;
        }
        if self.meta.len() >= self.purge_at {
            self.meta.retain(|_, (w, _)| w.strong_count() > 0);
            self.purge_at = (self.meta.len() * 2).max(1024);
        }
        self.meta.insert(key(o), (Rc::downgrade(o), m));
    }

    /// Is any object special? (Fast path: plain programs never look up.)
    #[inline]
    pub fn any(&self) -> bool {
        self.instances || !self.meta.is_empty()
    }

    /// What `o` is beyond its properties. An object being modified (borrowed
    /// mutably by the caller) reads as not an instance.
    #[inline]
    pub fn meta_of(&self, o: &Obj) -> Option<Meta> {
        if let Ok(m) = o.try_borrow() {
            if m.class_tag() != 0 {
                return Some(Meta::Instance(m.class_tag() - 1));
            }
        }
        if self.meta.is_empty() {
            return None;
        }
        self.meta.get(&key(o)).map(|(_, m)| m.clone())
    }
}

/// Whether class `c` or one of its parents declares a getter or a setter (bounded
/// walk: a cycle of parents cannot loop).
fn chain_has_accessors(prog: &Program, c: ClassId) -> bool {
    let mut cur = Some(c);
    for _ in 0..=prog.classes.len() {
        let Some(k) = cur else { return false };
        let Some(cl) = prog.classes.get(k as usize) else {
            return true;
        };
        if !cl.getters.is_empty() || !cl.setters.is_empty() {
            return true;
        }
        cur = cl.parent;
    }
    true
}

/// The error raised when a method that threw deferred errors returns: the first
/// one, carrying the others.
pub fn deferred_error(mut d: Vec<Box<RtError>>) -> Box<RtError> {
    let mut first = d.remove(0);
    first.stack.extend(d.into_iter().map(|b| *b));
    first
}

impl<'p> Interp<'p> {
    /// The class of an object (`OB Class`): `None` for non-objects.
    pub fn class_of(&self, v: &Value) -> Option<ClassId> {
        let Value::Object(o) = v else { return None };
        Some(match self.oo.meta_of(o) {
            Some(Meta::Instance(c)) => c,
            Some(Meta::Class(_)) => CLASS_CLASS,
            Some(Meta::Formula(_)) => FUNCTION_CLASS,
            Some(Meta::Native(n)) => n.user_class().unwrap_or_else(|| {
                let name = n.class_name();
                self.prog
                    .classes
                    .iter()
                    .position(|c| c.builtin && c.name == name)
                    .map(|p| p as ClassId)
                    .unwrap_or(OBJECT_CLASS)
            }),
            None => OBJECT_CLASS,
        })
    }

    /// The class id a class object stands for.
    pub fn class_id_of(&self, v: &Value) -> Option<ClassId> {
        match v {
            Value::Object(o) => match self.oo.meta_of(o) {
                Some(Meta::Class(c)) => Some(c),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn is_subclass(&self, mut c: ClassId, target: ClassId) -> bool {
        let classes = &self.prog.classes;
        for _ in 0..=classes.len() {
            if c == target {
                return true;
            }
            match classes[c as usize].parent {
                Some(p) => c = p,
                None => return false,
            }
        }
        false
    }

    fn find_in_chain(
        &self,
        start: Option<ClassId>,
        pick: impl Fn(&crate::compile::ir::ClassDef) -> Option<MethodId>,
    ) -> Option<MethodId> {
        let classes = &self.prog.classes;
        let mut cur = start;
        let mut n = 0;
        while let Some(c) = cur {
            if let Some(m) = pick(&classes[c as usize]) {
                return Some(m);
            }
            cur = classes[c as usize].parent;
            n += 1;
            if n > classes.len() {
                break;
            }
        }
        None
    }

    /// `This` of the running frame (Undefined outside any).
    pub(crate) fn this(&self) -> Value {
        self.frames
            .last()
            .map(|f| f.this.clone())
            .unwrap_or_default()
    }

    /// `cs.X.new(args)`: property initializers (parent classes first), then the
    /// constructor (the nearest one up the chain).
    pub fn instantiate(&mut self, cid: ClassId, args: Vec<Value>) -> RtResult<Value> {
        let prog = self.prog;
        let cl = &prog.classes[cid as usize];
        if cl.builtin {
            if cid == OBJECT_CLASS {
                return Ok(Value::Object(new_object()));
            }
            return err(
                codes::UNSUPPORTED,
                format!("4D.{}.new() is not supported by fourd", cl.name),
            );
        }
        if cl.parent.is_none() {
            let p = cl.parent_name.as_ref().map(|p| p.1.as_str()).unwrap_or("");
            return err(
                codes::UNKNOWN_CLASS,
                format!("Class {} extends an unknown class: {}", cl.name, p),
            );
        }
        if cl.singleton {
            if let Some(v) = &self.oo.singletons[cid as usize] {
                return Ok(v.clone());
            }
        }
        let o = if cl.shared {
            // a shared class: a shared instance, built inside an implicit `Use (This)`
            super::scheduler::new_shared_object(self)
        } else {
            new_object()
        };
        self.oo.register(&o, Meta::Instance(cid));
        let this = Value::Object(o);
        let lock = if cl.shared {
            Some(super::scheduler::begin_use(self, &this)?)
        } else {
            None
        };
        let r = self.construct(cid, &this, args);
        if let Some(g) = lock {
            super::scheduler::end_use(self, g);
        }
        r?;
        Ok(this)
    }

    fn construct(&mut self, cid: ClassId, this: &Value, args: Vec<Value>) -> RtResult<()> {
        let prog = self.prog;
        let cl = &prog.classes[cid as usize];
        // the chain from `cid` up (no allocation for up to 8 levels)
        let mut chain: smallvec::SmallVec<[ClassId; 8]> = smallvec::SmallVec::new();
        let mut cur = Some(cid);
        while let Some(c) = cur {
            chain.push(c);
            cur = prog.classes[c as usize].parent;
        }
        for &c in chain.iter().rev() {
            if let Some(init) = prog.classes[c as usize].init {
                self.call_full(init, Vec::new(), 0, this.clone(), &[])?;
            }
        }
        if cl.singleton {
            self.oo.singletons[cid as usize] = Some(this.clone());
        }
        if let Some(ctor) = self.find_in_chain(Some(cid), |c| c.ctor) {
            let mut args = args;
            if let Value::Object(o) = this {
                // compiled: no frame (`runtime::fast::call`)
                if let Some(r) = self.fast_call_on(ctor, o, &mut args) {
                    return r.map(|_| ());
                }
            }
            self.call_full(ctor, args, 0, this.clone(), &[])?;
        }
        Ok(())
    }

    /// `Super(args)` in a constructor of class `cid`.
    pub fn super_new(&mut self, cid: ClassId, args: Vec<Value>) -> RtResult<Value> {
        let parent = self.prog.classes[cid as usize].parent;
        if let Some(ctor) = self.find_in_chain(parent, |c| c.ctor) {
            let this = self.this();
            self.call_full(ctor, args, 0, this, &[])?;
        }
        Ok(Value::Undefined)
    }

    /// `Super.fn(args)` in a function of class `cid`.
    pub fn super_call(&mut self, cid: ClassId, name: &str, args: Vec<Value>) -> RtResult<Value> {
        let parent = self.prog.classes[cid as usize].parent;
        match self.find_in_chain(parent, |c| c.funcs.get(name).copied()) {
            Some(m) => {
                let this = self.this();
                self.call_full(m, args, 0, this, &[])
            }
            None => err(
                codes::BAD_SUPER,
                format!("Super.{}(): no such function in the parent classes", name),
            ),
        }
    }

    /// Creates the formula object of `Formula(...)` compiled as method `id`.
    pub fn make_formula(&mut self, id: MethodId) -> Value {
        let prog = self.prog;
        let captured = match prog.method(id).and_then(|m| m.formula.as_ref()) {
            Some(def) => def
                .captures
                .iter()
                .map(|&(inner, outer)| {
                    (
                        inner,
                        super::access::read_var(&self.locals[self.base + outer as usize]),
                    )
                })
                .collect(),
            None => Vec::new(),
        };
        let o = new_object();
        self.oo.register(
            &o,
            Meta::Formula(Rc::new(FormulaVal {
                method: id,
                captured,
            })),
        );
        Value::Object(o)
    }

    pub fn call_formula(
        &mut self,
        f: &FormulaVal,
        this: Value,
        args: Vec<Value>,
    ) -> RtResult<Value> {
        self.call_full(f.method, args, 0, this, &f.captured)
    }

    /// Calls something given as a callback: a formula object or a method name.
    pub fn call_callback(&mut self, f: &Value, args: Vec<Value>) -> RtResult<Value> {
        match f {
            Value::Object(o) => match self.oo.meta_of(o) {
                Some(Meta::Formula(fv)) => self.call_formula(&fv, Value::Undefined, args),
                _ => err(codes::NOT_A_FUNCTION, "A formula or a method name expected"),
            },
            Value::Text(name) => match self.prog.method_names.get(&name.to_lowercase()) {
                Some(&id) => self.call_method(id, args, 0),
                None => err(
                    codes::UNKNOWN_METHOD_TEXT,
                    format!("Unknown method: {}", name),
                ),
            },
            v => err(
                codes::NOT_A_FUNCTION,
                format!("A formula or a method name expected, got {}", v.type_name()),
            ),
        }
    }

    /// `$o.name(args)` on an object.
    pub fn call_on_object(&mut self, o: Obj, name: &str, args: Vec<Value>) -> RtResult<Value> {
        let meta = self.oo.meta_of(&o);
        self.call_on_object_meta(o, meta, name, args, None)
    }

    /// [`Interp::call_on_object`] once the object's [`Meta`] is known; `cache`, the
    /// call site's inline cache of the class function (an own property of the same
    /// name is still looked for first: it would shadow the function).
    pub(crate) fn call_on_object_meta(
        &mut self,
        o: Obj,
        meta: Option<Meta>,
        name: &str,
        args: Vec<Value>,
        cache: Option<&crate::compile::ir::MethodCache>,
    ) -> RtResult<Value> {
        let own = o.borrow().get(name).cloned();
        if let Some(v) = own {
            if let Value::Object(f) = &v {
                if let Some(Meta::Formula(fv)) = self.oo.meta_of(f) {
                    return self.call_formula(&fv, Value::Object(o), args);
                }
            }
            return err(
                codes::NOT_A_FUNCTION,
                format!(".{}(): the property is not a function", name),
            );
        }
        match meta {
            Some(Meta::Native(n)) => {
                if let Some(m) =
                    self.find_in_chain(n.user_class(), |cl| cl.funcs.get(name).copied())
                {
                    return self.call_full(m, args, 0, Value::Object(o), &[]);
                }
                if let Some(r) = n.call(self, &o, name, args) {
                    return r;
                }
                return err(
                    codes::NOT_A_FUNCTION,
                    format!("Unknown function .{}() of {}", name, n.class_name()),
                );
            }
            Some(Meta::Instance(c)) => {
                let found = match cache.and_then(|k| k.get(c)) {
                    Some(m) => Some(m),
                    None => {
                        let m = self.find_in_chain(Some(c), |cl| cl.funcs.get(name).copied());
                        if let (Some(k), Some(m)) = (cache, m) {
                            k.set(c, m);
                        }
                        m
                    }
                };
                if let Some(m) = found {
                    let this = Value::Object(o);
                    if self.prog.methods[m as usize].shared_fn
                        && super::scheduler::is_shared(self, &this)
                    {
                        // `shared Function`: an implicit `Use (This)`
                        let g = super::scheduler::begin_use(self, &this)?;
                        let r = self.call_full(m, args, 0, this, &[]);
                        super::scheduler::end_use(self, g);
                        return r;
                    }
                    return self.call_full(m, args, 0, this, &[]);
                }
            }
            Some(Meta::Class(c)) if name == "new" => return self.instantiate(c, args),
            Some(Meta::Formula(fv)) if name == "call" || name == "apply" => {
                let mut args = args.into_iter();
                let this = args.next().unwrap_or_default();
                let rest: Vec<Value> = if name == "call" {
                    args.collect()
                } else {
                    match args.next() {
                        Some(Value::Collection(c)) => c.borrow().clone(),
                        None | Some(Value::Null) | Some(Value::Undefined) => Vec::new(),
                        Some(v) => {
                            return err(
                                codes::TYPE_MISMATCH,
                                format!(".apply(): a collection expected, got {}", v.type_name()),
                            )
                        }
                    }
                };
                return self.call_formula(&fv, this, rest);
            }
            _ => {}
        }
        if let Some(r) = super::scheduler::signal_call(self, &o, name, &args) {
            return r;
        }
        err(
            codes::NOT_A_FUNCTION,
            format!("Unknown function .{}()", name),
        )
    }

    /// Reading a property an object does not have: computed properties, class
    /// object properties, `.source` of a formula.
    pub fn member_fallback(&mut self, o: &Obj, name: &str) -> RtResult<Value> {
        let prog = self.prog;
        match self.oo.meta_of(o) {
            Some(Meta::Native(n)) => {
                match self.find_in_chain(n.user_class(), |cl| cl.getters.get(name).copied()) {
                    Some(g) => self.call_full(g, Vec::new(), 0, Value::Object(o.clone()), &[]),
                    None => n.get(self, o, name),
                }
            }
            Some(Meta::Instance(c)) if !self.oo.has_accessors(c) => Ok(Value::Undefined),
            Some(Meta::Instance(c)) => {
                match self.find_in_chain(Some(c), |cl| cl.getters.get(name).copied()) {
                    Some(g) => self.call_full(g, Vec::new(), 0, Value::Object(o.clone()), &[]),
                    None => Ok(Value::Undefined),
                }
            }
            Some(Meta::Class(c)) => {
                let cl = &prog.classes[c as usize];
                Ok(match name {
                    "name" => text(cl.name.as_str()),
                    "superclass" => match cl.parent {
                        Some(p) => Value::Object(self.oo.class_objs[p as usize].clone()),
                        None => Value::Null,
                    },
                    "isShared" => Value::Bool(cl.shared),
                    "isSingleton" => Value::Bool(cl.singleton),
                    "isSessionSingleton" => Value::Bool(false),
                    "me" if cl.singleton => self.instantiate(c, Vec::new())?,
                    _ => Value::Undefined,
                })
            }
            Some(Meta::Formula(f)) if name == "source" => Ok(
                match prog.method(f.method).and_then(|m| m.formula.as_ref()) {
                    Some(d) => text(d.source.to_string()),
                    None => text(""),
                },
            ),
            _ => Ok(Value::Undefined),
        }
    }

    /// Assigning a property of a class instance: a `Function set` runs; a computed
    /// property without setter is read-only. Returns false for ordinary properties.
    pub fn member_store(&mut self, o: &Obj, name: &str, v: &Value) -> RtResult<bool> {
        let (c, native) = match self.oo.meta_of(o) {
            Some(Meta::Instance(c)) if !self.oo.has_accessors(c) => return Ok(false),
            Some(Meta::Instance(c)) => (Some(c), None),
            Some(Meta::Native(n)) => (n.user_class(), Some(n)),
            _ => return Ok(false),
        };
        if let Some(s) = self.find_in_chain(c, |cl| cl.setters.get(name).copied()) {
            self.call_full(s, vec![v.clone()], 0, Value::Object(o.clone()), &[])?;
            return Ok(true);
        }
        if self
            .find_in_chain(c, |cl| cl.getters.get(name).copied())
            .is_some()
        {
            return Err(rt_error(
                codes::READ_ONLY,
                format!("The property {} is read-only", name),
            ));
        }
        match native {
            Some(n) => n.set(self, o, name, v),
            None => Ok(false),
        }
    }
}
