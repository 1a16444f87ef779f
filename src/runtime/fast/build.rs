//! Compiles a method body or a loop statement (`compile::ir`) to [`FastCode`], or
//! says it does not qualify (`None`): see the module `runtime::fast` for the rules.
//! Registers: locals keep their slot number; every temporary and constant gets a
//! register of its own (no reuse), so an operand is never overwritten while live.

use super::{Cache, CallSite, FastCode, Op, Reg, State, Ty};
use crate::compile::ir::*;
use crate::runtime::value::VarType;
use crate::syntax::ast::{BinOp, UnaryOp};
use std::rc::Rc;

mod expr;

/// A jump target not known yet.
const PATCH: u32 = u32::MAX;

/// The compiled code of method `id`, compiling it (and the methods it calls) the
/// first time.
pub fn method_code(prog: &Program, cache: &mut Cache, id: MethodId) -> Option<Rc<FastCode>> {
    match cache.method_state(id) {
        State::Yes(c) => return Some(c.clone()),
        State::No | State::Building => return None,
        State::Untried => {}
    }
    let m = prog.method(id)?;
    if !m.compiled {
        return None; // compiled on demand later: try again then
    }
    cache.set_method_state(id, State::Building);
    let code = Builder::new(prog, cache, id, m, false)
        .and_then(|b| b.method())
        .map(Rc::new);
    let state = match &code {
        Some(c) => State::Yes(c.clone()),
        None => State::No,
    };
    cache.set_method_state(id, state);
    code
}

/// The compiled code of loop statement `stmt` of method `id`.
///
/// `array_elems` gives the element type of the local arrays as they are now (by
/// slot; `None` for anything else): their elements may then be read and assigned.
pub fn loop_code(
    prog: &Program,
    cache: &mut Cache,
    id: MethodId,
    stmt: &Stmt,
    array_elems: Vec<Option<Ty>>,
) -> Option<Rc<FastCode>> {
    let m = prog.method(id)?;
    let counter = untyped_counter(m, stmt);
    let mut b = Builder::new(prog, cache, id, m, true)?;
    b.array_elems = array_elems.clone();
    b.counter = counter;
    if b.stmt(stmt).is_some() {
        return b.finish(Op::Ret).map(Rc::new);
    }
    // a `For` whose bounds compiled code cannot compute (`This.size`, a command...):
    // the tree-walker evaluates them when the loop starts (`FastCode::bounds`)
    let StmtKind::For(f) = &stmt.kind else {
        return None;
    };
    let Place::Local(slot) = f.var else {
        return None;
    };
    let mut b = Builder::new(prog, cache, id, m, true)?;
    b.array_elems = array_elems;
    b.counter = counter;
    b.cur_pos = stmt.pos;
    let (start, end, step) = (b.temp(), b.temp(), b.temp());
    b.bounds = Some((start, end, step));
    b.for_var_body(f, stmt.pos, slot, start, end, step)?;
    b.finish(Op::Ret).map(Rc::new)
}

/// The counter of loop `stmt` when it is a `For` on an undeclared (or `Variant`)
/// local: compiled as a Real, as `exec_for_local` stores it (`Value::Real` at every
/// step), provided the body never assigns it (see `Builder::counter`).
fn untyped_counter(m: &Method, stmt: &Stmt) -> Option<u32> {
    let StmtKind::For(f) = &stmt.kind else {
        return None;
    };
    let Place::Local(slot) = f.var else {
        return None;
    };
    matches!(
        m.slot_types.get(slot as usize),
        Some(VarType::Undeclared | VarType::Variant)
    )
    .then_some(slot)
}

/// A method's parameter and result registers with their types, if all are typed
/// Integer, Real or Boolean.
#[allow(clippy::type_complexity)]
fn signature(m: &Method) -> Option<(Vec<(Reg, Ty)>, Option<(Reg, Ty)>)> {
    let typed = |s: u32| Some((s, ty_of(*m.slot_types.get(s as usize)?)?));
    let params = m
        .param_slots
        .iter()
        .map(|&s| typed(s))
        .collect::<Option<Vec<_>>>()?;
    let result = match m.result {
        Some(s) => Some(typed(s)?),
        None => None,
    };
    Some((params, result))
}

fn ty_of(t: VarType) -> Option<Ty> {
    match t {
        VarType::Integer => Some(Ty::I),
        VarType::Real => Some(Ty::R),
        VarType::Boolean => Some(Ty::B),
        _ => None,
    }
}

/// Break and continue jumps of the loop being compiled.
#[derive(Default)]
struct LoopCx {
    breaks: Vec<usize>,
    continues: Vec<usize>,
    /// A known (backward) continue target.
    top: Option<u32>,
}

struct Builder<'a> {
    prog: &'a Program,
    cache: &'a mut Cache,
    id: MethodId,
    m: &'a Method,
    /// Compiling one loop of a tree-walked method (not the whole method).
    region: bool,
    ops: Vec<Op>,
    pos: Vec<u32>,
    cur_pos: u32,
    nregs: u32,
    consts: Vec<(Reg, u64)>,
    calls: Vec<CallSite>,
    used: Vec<Option<Ty>>,
    written: Vec<bool>,
    loops: Vec<LoopCx>,
    /// The temporary written by the last op alone (its destination may be changed).
    retarget: Option<Reg>,
    /// Element types of the local arrays (by slot; loops only).
    array_elems: Vec<Option<Ty>>,
    /// The arrays used (`FastCode::arrays`).
    arrays: Vec<(u32, Ty)>,
    /// The collection properties of `This` assigned (`FastCode::colls`).
    colls: Vec<Rc<str>>,
    /// `FastCode::bounds`.
    bounds: Option<(Reg, Reg, Reg)>,
    /// The undeclared counter of the loop compiled (`untyped_counter`): a Real
    /// register, stored once (the `For`'s start), never loaded (not in
    /// `FastCode::reads`: the loop sets it first), written back as a Real.
    counter: Option<u32>,
    /// The counter's start has been stored (`Builder::counter_start`): it may be read.
    counter_set: bool,
}

impl<'a> Builder<'a> {
    fn new(
        prog: &'a Program,
        cache: &'a mut Cache,
        id: MethodId,
        m: &'a Method,
        region: bool,
    ) -> Option<Builder<'a>> {
        // a loop of a class function qualifies (it may assign elements of `This`'s
        // collections), the whole function does not (`This`, member calls)
        if m.formula.is_some() || (m.class.is_some() && !region) || m.shared_fn {
            return None;
        }
        let n = m.slot_types.len();
        Some(Builder {
            prog,
            cache,
            id,
            m,
            region,
            ops: Vec::new(),
            pos: Vec::new(),
            cur_pos: 0,
            nregs: n as u32,
            consts: Vec::new(),
            calls: Vec::new(),
            used: vec![None; n],
            written: vec![false; n],
            loops: Vec::new(),
            retarget: None,
            array_elems: Vec::new(),
            arrays: Vec::new(),
            colls: Vec::new(),
            bounds: None,
            counter: None,
            counter_set: false,
        })
    }

    /// A whole method: parameters and result typed, every statement compiled.
    fn method(mut self) -> Option<FastCode> {
        let m = self.m;
        let (params, result) = signature(m)?;
        self.block(&m.body)?;
        let mut code = self.finish(Op::Ret)?;
        if let Some((r, _)) = result {
            if !code.zeroed.contains(&r) {
                code.zeroed.push(r); // a result never assigned is 0 / False
            }
        }
        code.zeroed.retain(|z| !params.iter().any(|p| p.0 == *z));
        code.params = params;
        code.result = result;
        Some(code)
    }

    fn finish(mut self, last: Op) -> Option<FastCode> {
        self.emit(last);
        let reads: Vec<(Reg, Ty)> = (self.used.iter().enumerate())
            .filter_map(|(s, t)| t.map(|t| (s as Reg, t)))
            .collect();
        let writes = reads
            .iter()
            .copied()
            .filter(|(s, _)| self.written[*s as usize])
            .collect();
        let zeroed = reads.iter().map(|r| r.0).collect();
        let mut reads = reads;
        reads.retain(|r| Some(r.0) != self.counter);
        let code = FastCode {
            method: self.id,
            ops: self.ops,
            pos: self.pos,
            nregs: self.nregs,
            nslots: self.m.slot_types.len() as u32,
            zeroed,
            consts: self.consts,
            calls: self.calls,
            reads,
            writes,
            params: Vec::new(),
            result: None,
            arrays: self.arrays,
            colls: self.colls,
            counter: self.counter.filter(|_| self.counter_set),
            bounds: self.bounds,
        };
        code.valid().then_some(code)
    }

    // ------------------------------------------------------------ emitting

    fn emit(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.pos.push(self.cur_pos);
        self.retarget = None;
        self.ops.len() - 1
    }

    /// Emits an op writing a new temporary, which it returns.
    fn emit_to(&mut self, f: impl FnOnce(Reg) -> Op) -> Reg {
        let t = self.temp();
        self.emit(f(t));
        self.retarget = Some(t);
        t
    }

    fn temp(&mut self) -> Reg {
        self.nregs += 1;
        self.nregs - 1
    }

    fn here(&mut self) -> u32 {
        self.retarget = None; // a jump target: the last op is no longer alone
        self.ops.len() as u32
    }

    fn patch(&mut self, at: &[usize]) {
        let to = self.here();
        for &i in at {
            self.ops[i] = match self.ops[i] {
                Op::Jmp(_) => Op::Jmp(to),
                Op::JmpIf(r, _) => Op::JmpIf(r, to),
                Op::JmpIfNot(r, _) => Op::JmpIfNot(r, to),
                Op::BrI(o, a, b, _) => Op::BrI(o, a, b, to),
                Op::BrR(o, a, b, _) => Op::BrR(o, a, b, to),
                Op::ForTestI { ctr, end, step, .. } => Op::ForTestI {
                    ctr,
                    end,
                    step,
                    exit: to,
                },
                Op::ForTestR { ctr, end, up, .. } => Op::ForTestR {
                    ctr,
                    end,
                    up,
                    exit: to,
                },
                Op::ForTestV {
                    ctr,
                    end,
                    step,
                    real,
                    ..
                } => Op::ForTestV {
                    ctr,
                    end,
                    step,
                    real,
                    exit: to,
                },
                op => op,
            };
        }
    }

    fn constant(&mut self, bits: u64) -> Reg {
        if let Some(&(r, _)) = self.consts.iter().find(|(_, b)| *b == bits) {
            return r;
        }
        let r = self.temp();
        self.consts.push((r, bits));
        r
    }

    /// The value of an Integer constant register.
    fn const_int(&self, r: Reg) -> Option<i32> {
        let &(_, bits) = self.consts.iter().find(|(c, _)| *c == r)?;
        Some(bits as u32 as i32)
    }

    /// A local array whose elements compiled code may use: its number in
    /// `FastCode::arrays` and its element type.
    fn array(&mut self, e: &Expr) -> Option<(u32, Ty)> {
        let Expr::Local(s) = e else { return None };
        let ty = (*self.array_elems.get(*s as usize)?)?;
        let n = match self.arrays.iter().position(|a| a.0 == *s) {
            Some(n) => n,
            None => {
                self.arrays.push((*s, ty));
                self.arrays.len() - 1
            }
        };
        Some((n as u32, ty))
    }

    /// `This.name` as the collection of a loop (`FastCode::colls`): its number there.
    fn coll(&mut self, e: &Expr) -> Option<u32> {
        let Expr::Member(o, name) = e else {
            return None;
        };
        if !self.region || !matches!(**o, Expr::This) {
            return None;
        }
        let n = match self.colls.iter().position(|c| c == name) {
            Some(n) => n,
            None => {
                self.colls.push(name.clone());
                self.colls.len() - 1
            }
        };
        Some(n as u32)
    }

    /// An element index: an Integer register, or a Real one (`real`).
    fn index(&mut self, e: &Expr) -> Option<(Reg, bool)> {
        match self.expr(e)? {
            (r, Ty::I) => Some((r, false)),
            (r, Ty::R) => Some((r, true)),
            (_, Ty::B) => None,
        }
    }

    /// A `For`'s counter register, its start stored (the untyped counter may be
    /// used from here on).
    fn counter_start(&mut self, slot: u32, start: Reg) -> Option<(Reg, Ty)> {
        if self.counter == Some(slot) && !self.counter_set {
            self.counter_set = true;
            let c = self.local(slot)?;
            self.written[slot as usize] = true;
            self.emit(Op::Mov(slot, start));
            return Some(c);
        }
        let c = self.local(slot)?;
        self.store(slot, (start, Ty::R))?;
        Some(c)
    }

    fn local(&mut self, s: u32) -> Option<(Reg, Ty)> {
        let t = match ty_of(*self.m.slot_types.get(s as usize)?) {
            Some(t) => t,
            // the untyped counter, once its start is stored (not read before)
            None if self.counter == Some(s) && self.counter_set => Ty::R,
            None => return None,
        };
        self.used[s as usize] = Some(t);
        Some((s, t))
    }

    // ------------------------------------------------------------ statements

    fn block(&mut self, b: &[Stmt]) -> Option<()> {
        for s in b {
            self.stmt(s)?;
        }
        Some(())
    }

    fn stmt(&mut self, s: &Stmt) -> Option<()> {
        self.cur_pos = s.pos;
        self.retarget = None;
        match &s.kind {
            StmtKind::Nop => {}
            StmtKind::Seq(b) => self.block(b)?,
            StmtKind::Expr(Expr::Method(call)) => {
                self.call(call)?;
            }
            StmtKind::Assign(Place::Local(slot), e) => {
                let v = self.expr(e)?;
                self.store(*slot, v)?;
            }
            StmtKind::Assign(Place::Element(b, i), e) => {
                // the value first, then the index (the tree-walker's order)
                let v = self.expr(e)?;
                let (arr, ty) = self.array(b)?;
                let v = self.convert(v, ty)?;
                let (idx, real) = self.index(i)?;
                self.emit(Op::StElem {
                    arr,
                    idx,
                    real,
                    src: v,
                });
            }
            StmtKind::Assign(Place::Index(c, i), e) => {
                // `This.name[$i]:=v`: the value, then the index, as the tree-walker
                let (src, ty) = self.expr(e)?;
                let coll = self.coll(c)?;
                let (idx, real) = self.index(i)?;
                self.emit(Op::StColl {
                    coll,
                    idx,
                    real,
                    src,
                    ty,
                });
            }
            StmtKind::AppendLocal(slot, es) => {
                // `($x+a)+b...`, folded left to right as written
                let mut v = self.local(*slot)?;
                for e in es {
                    let y = self.expr(e)?;
                    v = self.binary(BinOp::Add, v, y)?;
                }
                self.store(*slot, v)?;
            }
            StmtKind::Compound(Place::Local(slot), op, e) => {
                let x = self.local(*slot)?;
                let y = self.expr(e)?;
                let v = self.binary(*op, x, y)?;
                self.store(*slot, v)?;
            }
            StmtKind::Declare(places, ty) => {
                // a declaration of the slot's own type keeps its value: nothing to do
                for p in places {
                    match p {
                        Place::Local(s) if self.m.slot_types.get(*s as usize) == Some(ty) => {
                            self.local(*s)?;
                        }
                        _ => return None,
                    }
                }
            }
            StmtKind::If(c, a, b) => {
                let f = self.branch_false(c)?;
                self.block(a)?;
                if b.is_empty() {
                    self.patch(&f);
                } else {
                    let j = self.emit(Op::Jmp(PATCH));
                    self.patch(&f);
                    self.block(b)?;
                    self.patch(&[j]);
                }
            }
            StmtKind::Case(branches, els) => {
                let mut ends = Vec::new();
                for (c, body) in branches {
                    self.cur_pos = s.pos;
                    let f = self.branch_false(c)?;
                    self.block(body)?;
                    ends.push(self.emit(Op::Jmp(PATCH)));
                    self.patch(&f);
                }
                self.block(els)?;
                self.patch(&ends);
            }
            StmtKind::While(c, body) => {
                let top = self.here();
                let f = self.branch_false(c)?;
                self.loops.push(LoopCx {
                    top: Some(top),
                    ..Default::default()
                });
                self.block(body)?;
                self.cur_pos = s.pos;
                self.emit(Op::Loop(top));
                let cx = self.loops.pop()?;
                self.patch(&f);
                self.patch(&cx.breaks);
            }
            StmtKind::Repeat(body, c) => {
                let top = self.here();
                self.loops.push(LoopCx::default());
                self.block(body)?;
                let cx = self.loops.pop()?;
                self.patch(&cx.continues);
                self.cur_pos = s.pos;
                let f = self.branch_false(c)?;
                let done = self.emit(Op::Jmp(PATCH));
                self.patch(&f);
                self.emit(Op::Loop(top));
                self.patch(&[done]);
                self.patch(&cx.breaks);
            }
            StmtKind::For(f) => self.for_loop(f, s.pos)?,
            StmtKind::Break => {
                let j = self.emit(Op::Jmp(PATCH));
                self.loops.last_mut()?.breaks.push(j);
            }
            StmtKind::Continue => {
                let top = self.loops.last()?.top;
                match top {
                    Some(t) => {
                        self.emit(Op::Loop(t));
                    }
                    None => {
                        let j = self.emit(Op::Jmp(PATCH));
                        self.loops.last_mut()?.continues.push(j);
                    }
                }
            }
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    let slot = self.m.result?;
                    let v = self.expr(e)?;
                    self.store(slot, v)?;
                }
                self.emit(if self.region { Op::RetMethod } else { Op::Ret });
            }
            _ => return None,
        }
        Some(())
    }

    /// `For` on a local counter with a step computed when the loop starts
    /// (`For ($i; $last; $max; $step)`): the tree-walker's `exec_for_local`.
    fn for_loop_var(&mut self, f: &ForLoop, pos: u32, slot: u32) -> Option<()> {
        let start = self.real_operand(&f.start)?;
        let end = self.real_operand(&f.end)?;
        let step = self.real_operand(f.step.as_ref()?)?;
        self.for_var_body(f, pos, slot, start, end, step)
    }

    /// The loop of a `For` whose start, end and step are in Real registers.
    fn for_var_body(
        &mut self,
        f: &ForLoop,
        pos: u32,
        slot: u32,
        start: Reg,
        end: Reg,
        step: Reg,
    ) -> Option<()> {
        let (ctr, cty) = self.counter_start(slot, start)?;
        let real = match cty {
            Ty::I => false,
            Ty::R => true,
            Ty::B => return None,
        };
        let test = self.emit(Op::ForTestV {
            ctr,
            end,
            step,
            real,
            exit: PATCH,
        });
        let body_start = self.here();
        self.loops.push(LoopCx::default());
        self.block(&f.body)?;
        let cx = self.loops.pop()?;
        self.patch(&cx.continues);
        self.cur_pos = pos;
        self.emit(Op::ForV {
            ctr,
            end,
            step,
            real,
            body: body_start,
        });
        self.patch(&[test]);
        self.patch(&cx.breaks);
        Some(())
    }

    /// `For` on a local counter with a constant step (or none): the tree-walker's
    /// `exec_for_local`, step by step.
    fn for_loop(&mut self, f: &ForLoop, pos: u32) -> Option<()> {
        let Place::Local(slot) = f.var else {
            return None;
        };
        let step = match &f.step {
            None => 1.0,
            Some(Expr::Const(v)) => v.as_num()?,
            Some(Expr::Unary(UnaryOp::Neg, c)) => match &**c {
                Expr::Const(v) => -v.as_num()?,
                _ => return self.for_loop_var(f, pos, slot),
            },
            Some(_) => return self.for_loop_var(f, pos, slot),
        };
        let start = self.real_operand(&f.start)?;
        let end = self.real_operand(&f.end)?;
        let (ctr, cty) = self.counter_start(slot, start)?;
        let up = step >= 0.0;
        let (test, body_start) = match cty {
            Ty::I if step.fract() == 0.0 && step.abs() <= i32::MAX as f64 => {
                let step = step as i32;
                let t = self.emit(Op::ForTestI {
                    ctr,
                    end,
                    step,
                    exit: PATCH,
                });
                (t, self.here())
            }
            Ty::R => {
                let t = self.emit(Op::ForTestR {
                    ctr,
                    end,
                    up,
                    exit: PATCH,
                });
                (t, self.here())
            }
            _ => return None,
        };
        self.loops.push(LoopCx::default());
        self.block(&f.body)?;
        let cx = self.loops.pop()?;
        self.patch(&cx.continues);
        self.cur_pos = pos;
        match cty {
            Ty::I => {
                self.emit(Op::ForI {
                    ctr,
                    end,
                    step: step as i32,
                    body: body_start,
                });
            }
            _ => {
                let s = self.constant(step.to_bits());
                self.emit(Op::ForR {
                    ctr,
                    end,
                    step: s,
                    up,
                    body: body_start,
                });
            }
        }
        self.patch(&[test]);
        self.patch(&cx.breaks);
        Some(())
    }
}
