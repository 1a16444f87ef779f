//! The typed fast path: numeric code compiled to a register bytecode whose
//! registers hold raw integers, reals and booleans (no `Value` tags, no reference
//! counts), run by [`vm`] instead of the tree-walker.
//!
//! What qualifies (checked by [`build`]; anything else keeps the tree-walker):
//! - a **method** whose whole body uses only locals declared `Integer`, `Real` or
//!   `Boolean`, numeric and boolean operators, `If`/`Case of`/`For`/`While`/`Repeat`,
//!   `return`, and calls to project methods that qualify themselves (or to itself),
//!   with up to as many arguments as it has parameters;
//! - a **loop** (`For`, `While`, `Repeat`) of any method whose body qualifies by the
//!   same rules, over locals of those types (typically a script's main loop);
//! - in a loop, elements of **local arrays** of Booleans, Integers/Longints or Reals
//!   (`$a{$i}`, read and assigned): the element types are those the arrays have when
//!   the loop is first compiled, checked again each time the loop starts (see
//!   [`FastCode::arrays`]); `Not` of a Boolean;
//! - in a loop, bytes of **local BLOBs** (`$blob{$i}`, read and assigned: the Drag
//!   Race's BLOB sieve), see [`FastCode::blobs`];
//! - in a loop, element assignments of a **collection property of `This`**
//!   (`This.bits[$i]:=False`, the Drag Race's class sieve): the collection is found
//!   when the loop starts (see [`FastCode::colls`]); loops of class functions
//!   qualify;
//! - in a whole method (a class function, a constructor), **properties** of `This`
//!   and of object parameters read (`This.x*$p.x`) and `This.x` assigned, see
//!   `build::props` and [`FastCode::objs`]: a read meeting anything but a number
//!   or a Boolean gives the method back to the tree-walker at the top-level
//!   statement it is in ([`vm::End::Resume`]). A member call of such a function is
//!   made straight from the tree-walker's call site, without a frame (`call`);
//! - in a loop, **untyped locals** (see below), a `For` on an undeclared counter
//!   (`For ($i; 4; This.size; 2)` with no `var $i`) among them;
//! - a **run of numeric assignments** calling `Mod`, `Abs`, `Int`... (the pure numeric
//!   commands of `compile::segments::PURE_NUMERIC`), grouped by `compile::segments`
//!   into one `StmtKind::Seq` (a command call costs the tree-walker far more than the
//!   hand-over).
//!
//! Semantics are the tree-walker's, operation for operation (`ops::int_op`,
//! `ops::real_cmp`, `value::real_to_int`...): integer sums are reals, stores into
//! an Integer round half away from zero and wrap to 32 bits, `%` by zero raises
//! error 3, comparisons involving a real use 4D's epsilon. Errors carry the same
//! location and call chain as the tree-walker's.
//!
//! Untyped locals (legacy code without declarations, `Variant`): in a **loop**, an
//! untyped local is given the type of what it holds when the loop is first compiled
//! (speculation, guarded: each time the loop starts it must hold that kind again,
//! or the tree-walker runs the loop), and every store of the loop must give that
//! type, since the tree-walker keeps the stored value's own type. Two more cases are
//! exact too (`build::untyped`):
//! - a local never assigned before the loop takes the type of its first store, if
//!   that store runs on every pass before anything reads it (at the top level of the
//!   loop body, or the counter of a `For`); it is written back only if a store ran;
//! - the usual `$n:=0` before `$n:=$n+1` in a loop (an Integer that the loop's
//!   integer sums turn into a Real): its register is a Real from the start, which
//!   changes nothing as long as each read before the first store is an operand of an
//!   arithmetic operator or a comparison (integral values give the same results and
//!   the same result types); it is written back only if a store ran.
//!
//! When the fast path is taken (checked each time, `Interp::fast_allowed`): no
//! `ON ERR CALL` handler would apply to an error (a handler resumes at the next
//! statement, which compiled code cannot do; errors otherwise just propagate), and
//! for a loop, every local it uses holds a value of its declared type. Compiled code
//! never runs a command nor tree-walked code, so nothing can observe the locals it
//! keeps in registers: they are loaded when the code starts and written back when it
//! ends, normally or by an error. The interrupt flag (Ctrl-C, `--max-time`) is
//! checked on every backward jump and every call.

pub mod build;
mod call;
mod enter;
pub mod vm;

use crate::compile::ir::MethodId;
use crate::syntax::ast::BinOp;
use std::rc::Rc;

/// The static type of a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// A 32-bit Integer (low 32 bits of the register).
    I,
    /// A Real (the register's bits are an `f64`).
    R,
    /// A Boolean (0 or 1).
    B,
}

/// A register index, relative to the frame.
pub type Reg = u32;

/// One instruction. `d` is the destination register, `a`/`b` the operands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Mov(Reg, Reg),
    /// Integer → Real.
    IToR(Reg, Reg),
    /// Real → Integer as a store converts it (`value::real_to_int`).
    RoundI(Reg, Reg),
    /// Real → Integer as `%` and the bit operators read it (`ops::to_i32`).
    TruncI(Reg, Reg),
    /// Integer operands, Real result (exact sum/difference, `f64` product).
    AddII(Reg, Reg, Reg),
    SubII(Reg, Reg, Reg),
    MulII(Reg, Reg, Reg),
    /// The same stored into an Integer (fused with `RoundI`).
    AddIIi(Reg, Reg, Reg),
    SubIIi(Reg, Reg, Reg),
    MulIIi(Reg, Reg, Reg),
    AddR(Reg, Reg, Reg),
    SubR(Reg, Reg, Reg),
    MulR(Reg, Reg, Reg),
    DivR(Reg, Reg, Reg),
    PowR(Reg, Reg, Reg),
    /// `\`: Real result, error 3 on a zero divisor; an integral result loses the sign
    /// of zero (`ops::int_or_real_f64`: the tree-walker makes it an Integer).
    IDivR(Reg, Reg, Reg),
    /// `%` on Integers: error 3 on a zero divisor.
    ModI(Reg, Reg, Reg),
    /// `%` by a constant other than 0: the divisor's reciprocal `M` in register
    /// `m`, its absolute value in `m + 1` (see [`vm::rem_by_constant`]).
    ModIC(Reg, Reg, Reg),
    /// A one-number math command (`Abs`, `Int`, `Square root`...).
    Math1(crate::runtime::numeric::Math1, Reg, Reg),
    /// The `Mod` command (`commands::math::mod_reals`): error 3 on a zero divisor.
    ModCmd(Reg, Reg, Reg),
    /// An integer product read as `%` and the bit operators read a real
    /// (`MulII` then `TruncI`).
    MulIIt(Reg, Reg, Reg),
    AndI(Reg, Reg, Reg),
    OrI(Reg, Reg, Reg),
    XorI(Reg, Reg, Reg),
    NegI(Reg, Reg),
    NegR(Reg, Reg),
    /// Comparisons giving a Boolean: exact on Integers, with epsilon on Reals.
    CmpI(BinOp, Reg, Reg, Reg),
    CmpR(BinOp, Reg, Reg, Reg),
    /// `&`, `|`, `=`, `#` on Booleans.
    AndB(Reg, Reg, Reg),
    OrB(Reg, Reg, Reg),
    EqB(Reg, Reg, Reg),
    NeB(Reg, Reg, Reg),
    Jmp(u32),
    /// A backward jump: checks the interrupt flag.
    Loop(u32),
    JmpIf(Reg, u32),
    JmpIfNot(Reg, u32),
    /// Jumps to the target unless `a op b` (Integers / Reals).
    BrI(BinOp, Reg, Reg, u32),
    BrR(BinOp, Reg, Reg, u32),
    /// Start of an Integer `For`: jumps to `exit` when the counter is already past
    /// `end` (upward when `step >= 0`).
    ForTestI {
        ctr: Reg,
        end: Reg,
        step: i32,
        exit: u32,
    },
    /// The same for a Real counter.
    ForTestR {
        ctr: Reg,
        end: Reg,
        up: bool,
        exit: u32,
    },
    /// End of a Real `For`: adds the step register, jumps back while not past.
    ForR {
        ctr: Reg,
        end: Reg,
        step: Reg,
        up: bool,
        body: u32,
    },
    /// End of an Integer `For`: adds `step` (wrapping), and jumps back to `body`
    /// while the counter has not passed `end` (a Real register).
    ForI {
        ctr: Reg,
        end: Reg,
        step: i32,
        body: u32,
    },
    /// Start of a `For` whose step is in a Real register (`real`: a Real counter,
    /// else an Integer one): jumps to `exit` when the counter is already past `end`.
    ForTestV {
        ctr: Reg,
        end: Reg,
        step: Reg,
        real: bool,
        exit: u32,
    },
    /// End of that `For`: adds the step (an Integer counter stores the sum as a store
    /// converts it), jumps back to `body` while not past `end`.
    ForV {
        ctr: Reg,
        end: Reg,
        step: Reg,
        real: bool,
        body: u32,
    },
    /// `d := arrays[arr]{idx}` (an element of the type of `arrays[arr]`); `real`: the
    /// index register is a Real (truncated, as the tree-walker reads an index).
    /// Error 4 (out of range) like the tree-walker's.
    LdElem {
        d: Reg,
        arr: u32,
        idx: Reg,
        real: bool,
    },
    /// `arrays[arr]{idx} := src` (`src` already of the element type).
    StElem {
        arr: u32,
        idx: Reg,
        real: bool,
        src: Reg,
    },
    /// `This.name[idx] := src` for `colls[coll]` (a collection property of `This`):
    /// `ty` is `src`'s type (an Integer or Real is stored as a Real, as `value::stored`
    /// does); past the end the collection grows with nulls, a negative index is error
    /// 4, as `access::set_index`.
    StColl {
        coll: u32,
        idx: Reg,
        real: bool,
        src: Reg,
        ty: Ty,
    },
    /// `d := blobs[blob]{idx}`: a byte of a local BLOB, as an Integer; error 4 (out
    /// of range) like the tree-walker's (`place::blob_byte`).
    LdByte {
        d: Reg,
        blob: u32,
        idx: Reg,
        real: bool,
    },
    /// `blobs[blob]{idx} := src` (an Integer or a Real register, `ty`): the low 8
    /// bits of the number, as `Interp::set_blob_byte` writes it.
    StByte {
        blob: u32,
        idx: Reg,
        real: bool,
        src: Reg,
        ty: Ty,
    },
    /// `d := objs[obj].name` (`props[site]`), an own property of an object of a
    /// whole method (`FastCode::objs`) holding a Real (`ty` R) or a Boolean (B), read
    /// in place as the tree-walker's `member_in_place`. Anything else (no such
    /// property, `Undefined`, another type) ends the code with
    /// [`vm::End::Resume`]`(resume)`: the tree-walker runs the method on from its
    /// top-level statement `resume`, which has done nothing yet.
    LdProp {
        d: Reg,
        obj: u16,
        site: u16,
        ty: Ty,
        resume: u16,
    },
    /// `This.name := src` (`props[site]`, `This` being `objs[obj]`), a number stored
    /// as a Real as `value::stored` does, a Boolean as is; the method was entered
    /// only if `This` is a class instance without computed properties and nothing
    /// is shared (the tree-walker's `store_this_in_place`).
    StProp {
        obj: u16,
        site: u16,
        src: Reg,
        ty: Ty,
    },
    /// Calls `calls[site]`, its result (if any) into `d`.
    Call(u32, Reg),
    /// End of the code (a method returns, a loop ends normally).
    Ret,
    /// A region ends with `return`: the method returns.
    RetMethod,
}

/// Where a whole method finds an object whose properties it reads or assigns
/// (`FastCode::objs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjSrc {
    /// `This`.
    This,
    /// A local declared `Object` (or of a class), typically a parameter.
    Local(u32),
}

/// A property read or assigned by compiled code: its name, and where the last
/// object it was found in had it (tried first: objects of one class share their
/// layout).
#[derive(Debug)]
pub struct PropSite {
    pub name: Rc<str>,
    pub hint: std::cell::Cell<u32>,
}

/// A call from compiled code.
#[derive(Debug)]
pub struct CallSite {
    pub method: MethodId,
    /// `None`: the code calls itself.
    pub code: Option<Rc<FastCode>>,
    /// The argument registers of the caller, already of the parameters' types.
    pub args: Vec<Reg>,
    /// The callee's parameter registers.
    pub params: Vec<Reg>,
    /// The callee's result register.
    pub result: Option<Reg>,
    /// Offset of the call in the caller (its call-chain entry).
    pub pos: u32,
}

/// Compiled code: a whole method or one loop.
#[derive(Debug)]
pub struct FastCode {
    pub method: MethodId,
    pub ops: Vec<Op>,
    /// Offset of the statement of each op (error locations).
    pub pos: Vec<u32>,
    /// Frame size: locals `0..nslots`, then temporaries and constants.
    pub nregs: u32,
    pub nslots: u32,
    /// The locals a call starts with at zero (those it uses, but its parameters).
    pub zeroed: Vec<Reg>,
    /// The constant registers and their contents.
    pub consts: Vec<(Reg, u64)>,
    pub calls: Vec<CallSite>,
    /// Locals and their types: for a loop, those it reads (loaded when it starts) and
    /// writes (stored back when it ends).
    pub reads: Vec<(Reg, Ty)>,
    pub writes: Vec<(Reg, Ty)>,
    /// For a method: its parameter registers with their types, and its result.
    pub params: Vec<(Reg, Ty)>,
    pub result: Option<(Reg, Ty)>,
    /// For a loop: the local arrays it reads or writes elements of, with their
    /// element types (`LdElem`/`StElem` index this list). When the loop starts, each
    /// must hold a one-dimensional array of that element type, all distinct.
    pub arrays: Vec<(u32, Ty)>,
    /// For a loop: the properties of `This` whose collections it assigns elements of
    /// (`StColl` indexes this list). When the loop starts, `This` must be an object
    /// holding a collection in each (read in place, as the tree-walker's `This.name`
    /// reads an own property: no getter), not shared, all distinct; they stay
    /// borrowed while the code runs (nothing else runs meanwhile, and compiled code
    /// never assigns a property, so `This.name` cannot change).
    pub colls: Vec<Rc<str>>,
    /// For a `For` loop whose bounds compiled code does not compute: the registers
    /// (Real) of its start, end and step, which the tree-walker evaluates (once, in
    /// that order, as `exec_for` does) before the code runs.
    pub bounds: Option<(Reg, Reg, Reg)>,
    /// For a loop: the untyped locals it uses, speculated from their values when it
    /// was compiled (see "Untyped locals" above).
    pub untyped: Vec<UntypedLocal>,
    /// For a loop: the local BLOBs it reads or writes bytes of (`LdByte`/`StByte`
    /// index this list), and whether it writes them. When the loop starts each must
    /// hold a BLOB; its bytes are taken out of the variable while the code runs and
    /// put back. A BLOB written is copied first if another variable shares its bytes
    /// (as the tree-walker's first write would); one only read must not be shared
    /// (else the tree-walker runs the loop: no copy for reading).
    pub blobs: Vec<(u32, bool)>,
    /// For a whole method: the objects whose properties it reads or assigns
    /// (`LdProp`/`StProp` index this list). When the method starts each must hold an
    /// object (else the tree-walker runs it); code using them is never called from
    /// compiled code (it needs `This` and its object parameters).
    pub objs: Vec<ObjSrc>,
    /// The properties read or assigned, one per site.
    pub props: Vec<PropSite>,
    /// The method assigns properties of `This` (`StProp`): see the op.
    pub stores_this: bool,
    /// How many times the tree-walker handed over to this code (tests check that
    /// compiled code really runs, not only compiles).
    pub runs: std::cell::Cell<u32>,
}

/// What an untyped local held when a loop was compiled: it must hold the same kind
/// each time the loop starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Never assigned (`Undefined`).
    Undefined,
    /// A value of that type.
    Holds(Ty),
}

/// An untyped (`Variant`) local of a loop: its register holds type `ty` throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UntypedLocal {
    pub slot: Reg,
    pub entry: Entry,
    pub ty: Ty,
    /// Some store of the loop assigns it.
    pub stored: bool,
    /// When the entry value is not already of type `ty`: a register set to 1 by each
    /// store, so that the local is written back only if a store ran.
    pub flag: Option<Reg>,
}

/// What is known of a method or loop: not tried yet, compiled, or not eligible.
#[derive(Debug, Clone, Default)]
pub enum State {
    #[default]
    Untried,
    /// Being compiled (a call back to it, other than from itself, makes the caller
    /// ineligible).
    Building,
    No,
    Yes(Rc<FastCode>),
}

/// The compiled code of an interpreter: by method id, and by loop statement.
#[derive(Debug, Default)]
pub struct Cache {
    pub methods: Vec<State>,
    /// Keyed by the address of the loop statement (statements never move: the
    /// program is borrowed for the interpreter's lifetime).
    pub loops: std::collections::HashMap<usize, Option<Rc<FastCode>>, crate::fxhash::FxBuild>,
    /// The register stack.
    pub regs: Vec<u64>,
    /// Set to disable the fast path (tests compare both paths).
    pub disabled: bool,
}

impl Cache {
    pub fn method_state(&self, id: MethodId) -> &State {
        self.methods.get(id as usize).unwrap_or(&State::Untried)
    }

    pub fn set_method_state(&mut self, id: MethodId, s: State) {
        let i = id as usize;
        if self.methods.len() <= i {
            self.methods.resize(i + 1, State::Untried);
        }
        self.methods[i] = s;
    }
}
