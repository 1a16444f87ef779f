//! The executable form of a method: statements and expressions whose names are
//! already resolved (locals to slots, commands to functions, methods to ids,
//! process variables to ids). Produced by `compile::resolve`, run by
//! `runtime::interp`.

use crate::runtime::registry::CommandDef;
use crate::runtime::value::{Value, VarType};
use crate::syntax::ast::{BinOp, Marker, UnaryOp};
use std::path::PathBuf;
use std::rc::Rc;

pub type MethodId = u32;

/// A whole program: every compiled method plus the process and interprocess
/// variable tables.
#[derive(Debug, Default)]
pub struct Program {
    pub methods: Vec<Method>,
    pub process_vars: Vec<VarInfo>,
    pub inter_vars: Vec<VarInfo>,
    /// Classes: the built-in `4D.*` classes first, then the project's classes.
    pub classes: Vec<ClassDef>,
    /// Project methods callable by name at run time (`EXECUTE METHOD`, `ON ERR CALL`,
    /// callbacks given as text): lower-cased name → id.
    pub method_names: std::collections::HashMap<String, MethodId>,
    /// What code compiled at run time (`EXECUTE FORMULA($text)`,
    /// `Formula from string($text)`) resolves against and adds: `compile::dynamic`.
    pub dynamic: Dynamic,
}

impl Program {
    /// Method `id`: a method of the program (compiled when loading, or later at run
    /// time when only code compiled at run time reaches it) or, for ids at or above
    /// `methods.len()`, a method compiled at run time.
    #[inline]
    pub fn method(&self, id: MethodId) -> Option<&Method> {
        match self.methods.get(id as usize) {
            Some(m) if m.compiled => Some(m),
            Some(m) => Some(self.dynamic.late(id).unwrap_or(m)),
            None => self.dynamic.get(id as usize - self.methods.len()),
        }
    }
}

/// The names the resolver knows, kept by `Compiler::finish` so that code compiled
/// at run time resolves like the rest of the program.
#[derive(Debug, Default, Clone)]
pub struct Names {
    pub method_ids: std::collections::HashMap<String, MethodId>,
    pub process_ids: std::collections::HashMap<String, u32>,
    pub inter_ids: std::collections::HashMap<String, u32>,
    pub class_ids: std::collections::HashMap<String, ClassId>,
    pub structure: Rc<crate::datastore::Structure>,
    pub known: crate::syntax::KnownNames,
    /// Process and interprocess variables first seen in code compiled at run time
    /// (ids follow the program's own).
    pub process_vars: Vec<VarInfo>,
    pub inter_vars: Vec<VarInfo>,
}

/// The append-only table of methods compiled while the program runs, owned by the
/// program so that they live as long as it (an interpreter borrows its program for
/// `'p` and runs statements borrowed for `'p`). Entries are never removed or
/// changed once added.
#[derive(Debug, Default)]
pub struct Dynamic {
    /// Boxed: a method's address must not change when the vector grows.
    #[allow(clippy::vec_box)]
    methods: std::cell::RefCell<Vec<Box<Method>>>,
    /// Methods of the program compiled at run time (reached only from code compiled
    /// at run time).
    late: std::cell::RefCell<std::collections::HashMap<MethodId, Box<Method>>>,
    pub names: std::cell::RefCell<Names>,
    /// Compiled texts: `(kind, creating method, its slot count, offset of the
    /// EXECUTE FORMULA, text)` → method id, or the compilation error.
    #[allow(clippy::type_complexity)]
    pub cache: std::cell::RefCell<
        std::collections::HashMap<(u8, MethodId, u32, u32, Rc<str>), Result<MethodId, Rc<str>>>,
    >,
}

impl Dynamic {
    /// The `i`-th method compiled at run time.
    pub fn get(&self, i: usize) -> Option<&Method> {
        let v = self.methods.borrow();
        let p: *const Method = &**v.get(i)?;
        // SAFETY: each method is boxed (its address never changes when the vector
        // grows) and is never removed nor mutated once pushed, so it lives as long
        // as `self`.
        Some(unsafe { &*p })
    }

    pub fn len(&self) -> usize {
        self.methods.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn late(&self, id: MethodId) -> Option<&Method> {
        let v = self.late.borrow();
        let p: *const Method = &**v.get(&id)?;
        // SAFETY: as in `get`: boxed, never removed nor replaced.
        Some(unsafe { &*p })
    }

    /// Adds a method compiled at run time (its id is `methods.len()` of the program
    /// plus its index here).
    pub fn push(&self, m: Method) {
        self.methods.borrow_mut().push(Box::new(m));
    }

    /// Adds program method `id`, compiled at run time.
    pub fn push_late(&self, id: MethodId, m: Method) {
        self.late
            .borrow_mut()
            .entry(id)
            .or_insert_with(|| Box::new(m));
    }

    /// Empties the table: its methods (in id order) and the late-compiled ones.
    #[allow(clippy::type_complexity)]
    pub fn take(&mut self) -> (Vec<Method>, Vec<(MethodId, Method)>, Names) {
        self.cache.get_mut().clear();
        let methods = std::mem::take(self.methods.get_mut())
            .into_iter()
            .map(|b| *b)
            .collect();
        let late = std::mem::take(self.late.get_mut())
            .into_iter()
            .map(|(id, b)| (id, *b))
            .collect();
        (methods, late, std::mem::take(self.names.get_mut()))
    }

    pub fn is_late(&self, id: MethodId) -> bool {
        self.late.borrow().contains_key(&id)
    }
}

pub type ClassId = u32;

/// A class: built-in (`4D.Object`, `4D.Function`...) or a project class file.
#[derive(Debug, Default, Clone)]
pub struct ClassDef {
    pub name: String,
    /// `4D.Object`, `4D.Function`...
    pub builtin: bool,
    /// The name written after `Class extends` (last path segment), resolved into
    /// `parent` once every class is known.
    pub parent_name: Option<(bool, String)>,
    pub parent: Option<ClassId>,
    pub ctor: Option<MethodId>,
    /// Runs the property initializers on `This` (before any constructor).
    pub init: Option<MethodId>,
    /// Functions, getters and setters by name (the Fx hash: looked up at every call).
    pub funcs: std::collections::HashMap<String, MethodId, crate::fxhash::FxBuild>,
    pub getters: std::collections::HashMap<String, MethodId, crate::fxhash::FxBuild>,
    pub setters: std::collections::HashMap<String, MethodId, crate::fxhash::FxBuild>,
    /// ORDA computed attributes: `Function query x` and `Function orderBy x`.
    pub orda_query: std::collections::HashMap<String, MethodId>,
    pub orda_order: std::collections::HashMap<String, MethodId>,
    /// ORDA `Alias name path`.
    pub aliases: Vec<(String, String)>,
    /// Functions and attributes declared `exposed` (the REST server).
    pub exposed: Vec<String>,
    pub shared: bool,
    pub singleton: bool,
}

#[derive(Debug, Clone)]
pub struct VarInfo {
    pub name: Rc<str>,
    pub ty: VarType,
    /// Typed as an array by the compiled-mode typing pass (`compile::typing`):
    /// every process starts with an empty array of this kind.
    pub array: Option<ArrayKind>,
}

/// The element type of an array variable (`ARRAY INTEGER` elements are 16-bit;
/// `two_d` for `ARRAY XXX(a; rows; cols)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArrayKind {
    pub elem: VarType,
    pub int16: bool,
    pub two_d: bool,
}

impl VarInfo {
    /// The value a new process (or the run, for interprocess variables) starts
    /// with: the empty value of the variable's type, an empty array for arrays.
    pub fn initial_value(&self) -> crate::runtime::value::Value {
        use crate::runtime::value::{Array, Value};
        match self.array {
            Some(k) => {
                let mut a = Array::new(k.elem, 0);
                a.int16 = k.int16;
                a.two_d = k.two_d;
                Value::Array(Rc::new(std::cell::RefCell::new(a)))
            }
            None => self.ty.default_value(),
        }
    }
}

#[derive(Debug, Default)]
pub struct Method {
    pub name: String,
    pub path: PathBuf,
    pub source: Rc<str>,
    /// False until the method has been resolved (methods are compiled on demand).
    pub compiled: bool,
    pub body: Block,
    /// The declared type of each local slot (template of a new frame).
    pub slot_types: Vec<VarType>,
    /// The name of each local slot (`$name`, `$1`), for pointers and messages.
    pub slot_names: Vec<Rc<str>>,
    /// `param_slots[k-1]` is the slot of `$k` (named or legacy parameter).
    pub param_slots: Vec<u32>,
    /// Parameters past `param_slots` (`${n}`) have this type.
    pub vararg_type: VarType,
    /// Declared with `#DECLARE`: arguments of the wrong type are errors (with `C_XXX`
    /// they silently become the default value).
    pub strict_params: bool,
    /// The slot holding the result (`$0`, a named result or an anonymous one).
    pub result: Option<u32>,
    /// The class of a class function or constructor.
    pub class: Option<ClassId>,
    /// A `shared Function`: runs inside an implicit `Use (This)` on a shared instance.
    pub shared_fn: bool,
    /// A formula: its source text (`.source`) and the slots of the locals it
    /// captured, paired with the slots they come from in the creating method.
    pub formula: Option<Rc<FormulaDef>>,
}

/// What `Formula(expr)` compiles to.
#[derive(Debug, Default)]
pub struct FormulaDef {
    pub source: Rc<str>,
    /// `(slot in the formula, slot in the creating method)`.
    pub captures: Vec<(u32, u32)>,
}

pub type Block = Vec<Stmt>;

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    /// Byte offset of the statement in the method source.
    pub pos: u32,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Place, Expr),
    /// `+=`, `-=`, `*=`, `/=` (the target is evaluated once... by being a place).
    Compound(Place, BinOp, Expr),
    /// `$t:=$t+x`, `$t+=x` and `$t:=$t+x+y+...` on a local: the operands of the chain
    /// in order (`$t:=$t+x+y` is `($t+x)+y`); appended in place when the slot holds text
    /// and every operand is a text, else folded left to right as written.
    AppendLocal(u32, Vec<Expr>),
    If(Expr, Block, Block),
    Case(Vec<(Expr, Block)>, Block),
    While(Expr, Block),
    Repeat(Block, Expr),
    For(Box<ForLoop>),
    ForEach(Box<ForEachLoop>),
    Break,
    Continue,
    Return(Option<Expr>),
    /// `var`/`C_XXX` at run time: each place gets the type's default value unless it
    /// already holds a value of that type.
    Declare(Vec<Place>, VarType),
    Try(Block, Block),
    /// `Use (shared) ... End use` (`runtime::scheduler`).
    Use(Expr, Block),
    Nop,
    /// Statements grouped by `compile::segments` for the fast path: runs as its
    /// statements in order when not compiled.
    Seq(Block),
    /// An error raised when the statement runs (unsupported or unresolvable code).
    Fail(i32, Rc<str>),
}

#[derive(Debug, Clone)]
pub struct ForLoop {
    pub var: Place,
    pub start: Expr,
    pub end: Expr,
    pub step: Option<Expr>,
    pub body: Block,
}

#[derive(Debug, Clone)]
pub struct ForEachLoop {
    pub item: Place,
    pub source: Expr,
    pub begin: Option<Expr>,
    pub end: Option<Expr>,
    /// `(true, cond)` for `Until`, `(false, cond)` for `While`.
    pub cond: Option<(bool, Expr)>,
    pub body: Block,
}

/// Something that can be assigned.
#[derive(Debug, Clone)]
pub enum Place {
    Local(u32),
    Process(u32),
    Inter(u32),
    /// `${n}`.
    Param(Box<Expr>),
    /// `base{i}`: the base is evaluated raw (giving the array itself).
    Element(Box<Expr>, Box<Expr>),
    /// `p->`.
    Deref(Box<Expr>),
    /// `o.name`.
    Member(Box<Expr>, Rc<str>),
    /// `c[i]` or `o["name"]`.
    Index(Box<Expr>, Box<Expr>),
    /// `t[[i]]`.
    CharAt(Box<Place>, Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum Expr {
    Const(Value),
    Local(u32),
    Process(u32),
    Inter(u32),
    /// `${n}`.
    Param(Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    AndAnd(Box<Expr>, Box<Expr>),
    OrOr(Box<Expr>, Box<Expr>),
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    Member(Box<Expr>, Rc<str>),
    /// `.length` (collections; a property named `length` on objects).
    Length(Box<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Element(Box<Expr>, Box<Expr>),
    CharAt(Box<Expr>, Box<Expr>),
    MakePointer(Box<Place>),
    Deref(Box<Expr>),
    Object(Vec<(Rc<str>, Expr)>),
    Collection(Vec<Expr>),
    Cmd(Box<CmdCall>),
    Method(Box<MethodCall>),
    MemberCall(Box<MemberCall>),
    /// `This`.
    This,
    /// `cs` (false) or `4D` (true): the class stores.
    ClassStore(bool),
    /// `Super(args)` in a constructor of class `.0`.
    SuperNew(ClassId, Vec<Expr>),
    /// `Super.fn(args)` in a function of class `.0`.
    SuperCall(ClassId, Rc<str>, Vec<Expr>),
    /// `Formula(expr)`: the compiled formula method.
    Formula(MethodId),
    /// `Try(expr)`.
    Try(Box<Expr>),
    /// Inside `Formula(method)`: calls the method with the formula's own arguments.
    Forward(MethodId, u32),
    /// An error raised when evaluated.
    Fail(i32, Rc<str>),
}

#[derive(Debug, Clone)]
pub struct CmdCall {
    pub cmd: &'static CommandDef,
    pub args: Vec<Arg>,
    /// A bare `*` was passed.
    pub star: bool,
    /// A bare `>` or `<` was passed.
    pub order: Option<Marker>,
    /// Every bare `>`/`<` with the number of value arguments before it
    /// (`MULTI SORT ARRAY(a;>;b;<)`).
    pub markers: Vec<(u32, Marker)>,
}

impl CmdCall {
    /// Values only: no bare `*`, `>` or `<`, no argument passed by reference.
    pub fn plain(&self) -> bool {
        !self.star
            && self.order.is_none()
            && self.markers.is_empty()
            && self.args.iter().all(|a| matches!(a, Arg::Val(_)))
    }
}

/// A command argument: a value, or a reference to a variable (passed as a pointer)
/// for the parameters a command writes to or inspects (arrays, `Type`...).
#[derive(Debug, Clone)]
pub enum Arg {
    Val(Expr),
    Ref(Place),
}

#[derive(Debug, Clone)]
pub struct MethodCall {
    pub id: MethodId,
    pub args: Vec<Expr>,
    pub pos: u32,
}

#[derive(Debug, Clone)]
pub struct MemberCall {
    pub obj: Expr,
    pub func: crate::runtime::members::MemberFn,
    pub name: Rc<str>,
    pub args: Vec<Expr>,
    /// The class function this call site found for its last receiver's class.
    pub cache: MethodCache,
}

impl MemberCall {
    pub fn new(
        obj: Expr,
        func: crate::runtime::members::MemberFn,
        name: &str,
        args: Vec<Expr>,
    ) -> MemberCall {
        MemberCall {
            obj,
            func,
            name: Rc::from(name),
            args,
            cache: MethodCache::default(),
        }
    }
}

/// An inline cache of a member call site: the class function `$o.name()` resolved
/// to for instances of one class (the exact class: an instance of a subclass, which
/// may redefine the function, misses and looks up again). Filled at the first call,
/// replaced when a receiver of another class comes. The program of a run never
/// changes its classes, so an entry never goes stale. (An atomic only so that a
/// `Program` stays `Sync`; the interpreter thread alone uses it.)
#[derive(Debug, Default)]
pub struct MethodCache(std::sync::atomic::AtomicU64);

impl MethodCache {
    /// The cached function for instances of class `c`.
    #[inline]
    pub fn get(&self, c: ClassId) -> Option<MethodId> {
        let v = self.0.load(std::sync::atomic::Ordering::Relaxed);
        (v >> 32 == c as u64 + 1).then_some(v as u32)
    }

    /// Remembers that instances of class `c` call function `m` here.
    #[inline]
    pub fn set(&self, c: ClassId, m: MethodId) {
        let v = ((c as u64 + 1) << 32) | m as u64;
        self.0.store(v, std::sync::atomic::Ordering::Relaxed);
    }
}

/// A copy starts empty (it is another call site).
impl Clone for MethodCache {
    fn clone(&self) -> MethodCache {
        MethodCache::default()
    }
}
