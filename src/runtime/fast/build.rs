//! Compiles a method body or a loop statement (`compile::ir`) to [`FastCode`], or
//! says it does not qualify (`None`): see the module `runtime::fast` for the rules.
//! Registers: locals keep their slot number; every temporary and constant gets a
//! register of its own (no reuse), so an operand is never overwritten while live.

use super::{Cache, CallSite, Entry, FastCode, ObjSrc, Op, PropSite, Reg, State, Ty};
use crate::compile::ir::*;
use crate::runtime::value::VarType;
use crate::syntax::ast::BinOp;
use std::rc::Rc;

mod blob;
mod expr;
mod for_loop;
mod props;
mod untyped;

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
    let code = Builder::new(prog, cache, id, Vec::new(), false)
        .and_then(|b| b.method())
        .map(Rc::new);
    let state = match &code {
        Some(c) => State::Yes(c.clone()),
        None => State::No,
    };
    cache.set_method_state(id, state);
    code
}

/// What the locals of the running method hold when one of its loops is compiled
/// (by slot): the compiled code is valid as long as they hold the same kinds, which
/// the hand-over checks each time the loop starts.
#[derive(Debug, Default, Clone)]
pub struct LoopLocals {
    /// The element type of each local array compiled code may use.
    pub array_elems: Vec<Option<Ty>>,
    /// What each untyped local holds (`None`: a typed local, or a value compiled
    /// code cannot use).
    pub untyped: Vec<Option<Entry>>,
    /// The locals holding a BLOB.
    pub blobs: Vec<bool>,
}

/// The compiled code of loop statement `stmt` of method `id`, given what the
/// method's locals hold now.
pub fn loop_code(
    prog: &Program,
    cache: &mut Cache,
    id: MethodId,
    stmt: &Stmt,
    locals: &LoopLocals,
) -> Option<Rc<FastCode>> {
    // an untyped local may need another register type than its entry value's (an
    // Integer the loop's sums make a Real): each attempt that finds one tries again
    let mut hints: Vec<Option<Ty>> = vec![None; locals.untyped.len()];
    for _ in 0..4 {
        let specs = untyped_specs(&locals.untyped, &hints);
        let mut b = Builder::new(prog, cache, id, specs.clone(), true)?;
        b.take_locals(locals);
        b.region_loop = matches!(
            stmt.kind,
            StmtKind::For(_) | StmtKind::While(..) | StmtKind::Repeat(..)
        );
        let attempt = match b.stmt(stmt) {
            Some(()) => Ok(b.finish(Op::Ret).map(Rc::new)),
            None => match b.restart {
                Some(r) => Err(r),
                None => bounded_for(prog, b.cache, id, stmt, locals, specs),
            },
        };
        match attempt {
            Ok(code) => return code,
            Err((s, ty)) => hints[s as usize] = Some(ty),
        }
    }
    None
}

fn untyped_specs(untyped: &[Option<Entry>], hints: &[Option<Ty>]) -> Vec<Option<untyped::Spec>> {
    (untyped.iter().zip(hints))
        .map(|(e, h)| e.map(|e| untyped::Spec::new(e, *h)))
        .collect()
}

/// [`loop_code`] for a `For` whose bounds compiled code cannot compute (`This.size`,
/// a command...): the tree-walker evaluates them when the loop starts
/// (`FastCode::bounds`). `Err`: an untyped local needs another register type.
fn bounded_for(
    prog: &Program,
    cache: &mut Cache,
    id: MethodId,
    stmt: &Stmt,
    locals: &LoopLocals,
    untyped: Vec<Option<untyped::Spec>>,
) -> Result<Option<Rc<FastCode>>, (u32, Ty)> {
    let StmtKind::For(f) = &stmt.kind else {
        return Ok(None);
    };
    let Place::Local(slot) = f.var else {
        return Ok(None);
    };
    let Some(mut b) = Builder::new(prog, cache, id, untyped, true) else {
        return Ok(None);
    };
    b.take_locals(locals);
    b.region_loop = true;
    b.cur_pos = stmt.pos;
    let (start, end, step) = (b.temp(), b.temp(), b.temp());
    b.bounds = Some((start, end, step));
    if b.for_var_body(f, stmt.pos, slot, start, end, step)
        .is_none()
    {
        return b.restart.map_or(Ok(None), Err);
    }
    Ok(b.finish(Op::Ret).map(Rc::new))
}

/// A method's parameter and result registers with their types, if all are typed
/// Integer, Real or Boolean.
#[allow(clippy::type_complexity)]
fn signature(m: &Method) -> Option<(Vec<(Reg, Ty)>, Option<(Reg, Ty)>)> {
    signature_but(m, |_| false)
}

/// [`signature`] for a method entered from the tree-walker: its `Object`
/// parameters are left out (compiled code reads them in place, `FastCode::objs`).
#[allow(clippy::type_complexity)]
fn entry_signature(m: &Method) -> Option<(Vec<(Reg, Ty)>, Option<(Reg, Ty)>)> {
    signature_but(m, |t| t == VarType::Object)
}

/// [`signature`] leaving out the parameters whose type `skip` names.
#[allow(clippy::type_complexity)]
fn signature_but(
    m: &Method,
    skip: impl Fn(VarType) -> bool,
) -> Option<(Vec<(Reg, Ty)>, Option<(Reg, Ty)>)> {
    let ty = |s: u32| m.slot_types.get(s as usize).copied();
    let typed = |s: u32| Some((s, ty_of(ty(s)?)?));
    let params = (m.param_slots.iter())
        .filter(|&&s| !ty(s).is_some_and(&skip))
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
    /// The locals holding a BLOB (by slot; loops only), and those used
    /// (`FastCode::blobs`).
    blob_slots: Vec<bool>,
    blobs: Vec<(u32, bool)>,
    /// The collection properties of `This` assigned (`FastCode::colls`).
    colls: Vec<Rc<str>>,
    /// `FastCode::bounds`.
    bounds: Option<(Reg, Reg, Reg)>,
    /// The untyped locals compiled code may use (by slot; loops only).
    untyped: Vec<Option<untyped::Spec>>,
    /// How many branches and nested loops enclose what is being compiled (a store
    /// at 0 runs on every pass).
    depth: u32,
    /// An untyped local found to need another register type (`loop_code` tries again).
    restart: Option<(u32, Ty)>,
    /// The region compiled is a loop (its body runs on every pass of it).
    region_loop: bool,
    /// `FastCode::objs`, `FastCode::props`, `FastCode::stores_this`.
    objs: Vec<ObjSrc>,
    props: Vec<PropSite>,
    stores_this: bool,
    /// The top-level statement of a whole method being compiled, if the tree-walker
    /// could run the method on from it (see `props`).
    resume: Option<u16>,
}

impl<'a> Builder<'a> {
    fn new(
        prog: &'a Program,
        cache: &'a mut Cache,
        id: MethodId,
        untyped: Vec<Option<untyped::Spec>>,
        region: bool,
    ) -> Option<Builder<'a>> {
        let m = prog.method(id)?;
        // class functions qualify, whole (`This.x` read and assigned, see `props`) or
        // by loops (which may assign elements of `This`'s collections)
        if m.formula.is_some() || m.shared_fn {
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
            blob_slots: Vec::new(),
            blobs: Vec::new(),
            colls: Vec::new(),
            bounds: None,
            untyped,
            depth: 0,
            restart: None,
            region_loop: false,
            objs: Vec::new(),
            props: Vec::new(),
            stores_this: false,
            resume: None,
        })
    }

    /// What the locals hold (`loop_code`).
    fn take_locals(&mut self, locals: &LoopLocals) {
        self.array_elems = locals.array_elems.clone();
        self.blob_slots = locals.blobs.clone();
    }

    /// A whole method: parameters and result typed, every statement compiled.
    fn method(mut self) -> Option<FastCode> {
        let m = self.m;
        let (params, result) = entry_signature(m)?;
        for (k, st) in m.body.iter().enumerate() {
            self.resume = props::resumable(st)
                .then(|| u16::try_from(k).ok())
                .flatten();
            self.stmt(st)?;
        }
        self.resume = None;
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
        let untyped = self.untyped_locals();
        let code = FastCode {
            method: self.id,
            ops: self.ops,
            pos: self.pos,
            nregs: self.nregs,
            nslots: self.m.slot_types.len() as u32,
            zeroed: (reads.iter().map(|r| r.0))
                .chain(
                    untyped
                        .iter()
                        .flat_map(|u| [Some(u.slot), u.flag])
                        .flatten(),
                )
                .collect(),
            consts: self.consts,
            calls: self.calls,
            reads,
            writes,
            params: Vec::new(),
            result: None,
            arrays: self.arrays,
            colls: self.colls,
            bounds: self.bounds,
            untyped,
            blobs: self.blobs,
            objs: self.objs,
            props: self.props,
            stores_this: self.stores_this,
            runs: Default::default(),
        };
        // code using objects is entered from the tree-walker only, even by itself
        let self_call = code.calls.iter().any(|c| c.code.is_none());
        (code.valid() && (!self_call || code.objs.is_empty())).then_some(code)
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

    /// A read of local `s` (`operand`: as an operand of an operator that gives the
    /// same for an integral Real as for an Integer, see `untyped::widening_safe`).
    fn read_local(&mut self, s: u32, operand: bool) -> Option<(Reg, Ty)> {
        if self.is_untyped(s) {
            return self.untyped_read(s, operand);
        }
        self.local(s)
    }

    /// A typed local: its register and type.
    fn local(&mut self, s: u32) -> Option<(Reg, Ty)> {
        let t = ty_of(*self.m.slot_types.get(s as usize)?)?;
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

    /// A block that may not run (a branch): see [`Builder::depth`].
    fn branch_block(&mut self, b: &[Stmt]) -> Option<()> {
        self.depth += 1;
        let r = self.block(b);
        self.depth -= 1;
        r
    }

    /// The body of a loop (just pushed on `loops`): the region's own loop body runs
    /// on every pass, a nested loop's may not run.
    fn loop_block(&mut self, b: &[Stmt]) -> Option<()> {
        let nested = u32::from(self.loops.len() > 1 || !self.region_loop);
        self.depth += nested;
        let r = self.block(b);
        self.depth -= nested;
        r
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
                if self.is_untyped(*slot) && !untyped::type_is_static(e) {
                    return None; // the stored value's own type is what the local gets
                }
                let want = ty_of(*self.m.slot_types.get(*slot as usize)?);
                let v = self.expr_to(e, want)?;
                self.store(*slot, v)?;
            }
            StmtKind::Assign(Place::Element(b, i), e) => {
                if let Some(stored) = self.blob_store(b, i, e) {
                    return stored;
                }
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
            StmtKind::Assign(Place::Member(o, name), e) => self.prop_store(o, name, e)?,
            StmtKind::Compound(Place::Member(o, name), op, e) => {
                self.prop_compound(o, name, *op, e)?
            }
            StmtKind::AppendLocal(slot, es) => {
                // `($x+a)+b...`, folded left to right as written
                let mut v = self.read_local(*slot, true)?;
                for e in es {
                    let y = self.expr(e)?;
                    v = self.binary(BinOp::Add, v, y)?;
                }
                self.store(*slot, v)?;
            }
            StmtKind::Compound(Place::Local(slot), op, e) => {
                let x = self.read_local(*slot, true)?;
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
                self.branch_block(a)?;
                if b.is_empty() {
                    self.patch(&f);
                } else {
                    let j = self.emit(Op::Jmp(PATCH));
                    self.patch(&f);
                    self.branch_block(b)?;
                    self.patch(&[j]);
                }
            }
            StmtKind::Case(branches, els) => {
                let mut ends = Vec::new();
                for (c, body) in branches {
                    self.cur_pos = s.pos;
                    let f = self.branch_false(c)?;
                    self.branch_block(body)?;
                    ends.push(self.emit(Op::Jmp(PATCH)));
                    self.patch(&f);
                }
                self.branch_block(els)?;
                self.patch(&ends);
            }
            StmtKind::While(c, body) => {
                let top = self.here();
                let f = self.branch_false(c)?;
                self.loops.push(LoopCx {
                    top: Some(top),
                    ..Default::default()
                });
                self.loop_block(body)?;
                self.cur_pos = s.pos;
                self.emit(Op::Loop(top));
                let cx = self.loops.pop()?;
                self.patch(&f);
                self.patch(&cx.breaks);
            }
            StmtKind::Repeat(body, c) => {
                let top = self.here();
                self.loops.push(LoopCx::default());
                self.loop_block(body)?;
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
}
