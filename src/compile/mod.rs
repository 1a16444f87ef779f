//! The resolver: turns parsed method files into an executable [`ir::Program`].
//!
//! Names are resolved once, here: `$locals` and parameters to frame slots, bare
//! names to commands (by `:Cnnn` number, else by name), constants, project
//! methods or process variables, `<>x` to interprocess variables. Declarations
//! (`var`, `C_XXX`, `#DECLARE`) give slots their types. Methods are compiled on
//! demand: [`Compiler::pending`] lists those referenced but not compiled yet.

pub mod ir;
mod resolve;

use crate::runtime::process::OK_VAR;
use crate::runtime::value::VarType;
use crate::syntax::ast::SourceFile;
use ir::{Method, MethodId, Program, VarInfo};
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

/// Builds a [`Program`] method by method.
#[derive(Debug, Default)]
pub struct Compiler {
    prog: Program,
    method_ids: HashMap<String, MethodId>,
    process_ids: HashMap<String, u32>,
    inter_ids: HashMap<String, u32>,
    /// Referenced methods not compiled yet.
    pending: Vec<MethodId>,
    /// The database structure `[Table]Field` names resolve against.
    pub structure: Rc<crate::datastore::Structure>,
}

impl Compiler {
    pub fn new() -> Compiler {
        let mut c = Compiler::default();
        let ok = c.process_var("OK");
        debug_assert_eq!(ok, OK_VAR);
        c.prog.process_vars[ok as usize].ty = VarType::Integer;
        c
    }

    /// Registers a project method (by file); returns its id. Names are
    /// case-insensitive; registering a name twice returns the first id.
    pub fn add_method(&mut self, name: &str, path: PathBuf) -> MethodId {
        let key = name.to_lowercase();
        if let Some(&id) = self.method_ids.get(&key) {
            return id;
        }
        let id = self.prog.methods.len() as MethodId;
        self.prog.methods.push(Method {
            name: name.to_string(),
            path,
            ..Default::default()
        });
        self.method_ids.insert(key, id);
        id
    }

    /// Registers a method that cannot be called by name (e.g. a database method).
    pub fn add_hidden_method(&mut self, name: &str, path: PathBuf) -> MethodId {
        let id = self.prog.methods.len() as MethodId;
        self.prog.methods.push(Method {
            name: name.to_string(),
            path,
            ..Default::default()
        });
        id
    }

    pub fn method_id(&self, name: &str) -> Option<MethodId> {
        self.method_ids.get(&name.to_lowercase()).copied()
    }

    pub fn method_names(&self) -> Vec<String> {
        self.prog.methods.iter().map(|m| m.name.clone()).collect()
    }

    pub fn method(&self, id: MethodId) -> &Method {
        &self.prog.methods[id as usize]
    }

    pub fn is_compiled(&self, id: MethodId) -> bool {
        self.prog.methods[id as usize].compiled
    }

    /// Resolves a parsed file as the body of method `id`.
    pub fn compile(&mut self, id: MethodId, file: &SourceFile, source: Rc<str>) {
        resolve::compile_method(self, id, file, source);
    }

    /// Takes the list of methods referenced since the last call that still need
    /// compiling.
    pub fn take_pending(&mut self) -> Vec<MethodId> {
        let mut p = std::mem::take(&mut self.pending);
        p.retain(|&id| !self.prog.methods[id as usize].compiled);
        p.sort_unstable();
        p.dedup();
        p
    }

    pub fn finish(self) -> Program {
        self.prog
    }

    fn process_var(&mut self, name: &str) -> u32 {
        let key = name.to_lowercase();
        if let Some(&id) = self.process_ids.get(&key) {
            return id;
        }
        let id = self.prog.process_vars.len() as u32;
        self.prog.process_vars.push(VarInfo {
            name: Rc::from(name),
            ty: VarType::Undeclared,
        });
        self.process_ids.insert(key, id);
        id
    }

    fn inter_var(&mut self, name: &str) -> u32 {
        let key = name.to_lowercase();
        if let Some(&id) = self.inter_ids.get(&key) {
            return id;
        }
        let id = self.prog.inter_vars.len() as u32;
        self.prog.inter_vars.push(VarInfo {
            name: Rc::from(format!("<>{}", name)),
            ty: VarType::Undeclared,
        });
        self.inter_ids.insert(key, id);
        id
    }

    fn declare_process(&mut self, id: u32, ty: VarType) {
        let v = &mut self.prog.process_vars[id as usize];
        if v.ty == VarType::Undeclared {
            v.ty = ty;
        }
    }

    fn declare_inter(&mut self, id: u32, ty: VarType) {
        let v = &mut self.prog.inter_vars[id as usize];
        if v.ty == VarType::Undeclared {
            v.ty = ty;
        }
    }
}
