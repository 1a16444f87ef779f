//! The resolver: turns parsed method files into an executable [`ir::Program`].
//!
//! Names are resolved once, here: `$locals` and parameters to frame slots, bare
//! names to commands (by `:Cnnn` number, else by name), constants, project
//! methods or process variables, `<>x` to interprocess variables. Declarations
//! (`var`, `C_XXX`, `#DECLARE`) give slots their types. Methods are compiled on
//! demand: [`Compiler::pending`] lists those referenced but not compiled yet.

mod classes;
pub mod dynamic;
pub mod ir;
pub mod on_demand;
mod resolve;
pub mod segments;
pub mod typing;

use crate::runtime::process::OK_VAR;
use crate::runtime::value::VarType;
use crate::syntax::ast::SourceFile;
use ir::{ClassDef, ClassId, Method, MethodId, Program, VarInfo};
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
    class_ids: HashMap<String, ClassId>,
    /// The project's names the parser must know (multi-word method names...), kept
    /// for code compiled at run time.
    pub known: crate::syntax::KnownNames,
}

impl Compiler {
    pub fn new() -> Compiler {
        // the host has installed the command library (`commands::register`): the
        // resolver binds names through the runtime's tables
        crate::runtime::registry::names();
        let mut c = Compiler::default();
        let ok = c.process_var("OK");
        debug_assert_eq!(ok, OK_VAR);
        c.prog.process_vars[ok as usize].ty = VarType::Integer;
        // the error system variables, at fixed ids after OK
        for (i, (name, ty)) in [
            ("Error", VarType::Integer),
            ("Error method", VarType::Text),
            ("Error line", VarType::Integer),
            ("Error formula", VarType::Text),
        ]
        .into_iter()
        .enumerate()
        {
            let id = c.process_var(name);
            debug_assert_eq!(id, crate::runtime::process::ERROR_VAR + i as u32);
            c.prog.process_vars[id as usize].ty = ty;
        }
        for name in classes::BUILTINS {
            c.prog.classes.push(ClassDef {
                name: name.to_string(),
                builtin: true,
                parent: if *name == "Object" { None } else { Some(0) },
                ..Default::default()
            });
        }
        c
    }

    /// Registers a project class (file `Classes/NAME.4dm`); class names are
    /// case-sensitive.
    pub fn add_class(&mut self, name: &str) -> ClassId {
        if let Some(&id) = self.class_ids.get(name) {
            return id;
        }
        let id = self.prog.classes.len() as ClassId;
        self.prog.classes.push(ClassDef {
            name: name.to_string(),
            ..Default::default()
        });
        self.class_ids.insert(name.to_string(), id);
        id
    }

    /// Adds the ORDA classes of `structure`'s tables that no class file defines
    /// (before compiling methods, so that `cs.<Table>Entity` resolves).
    pub fn add_orda_classes(&mut self) {
        classes::add_orda_classes(self);
    }

    pub fn class_id(&self, name: &str) -> Option<ClassId> {
        self.class_ids.get(name).copied()
    }

    /// Resolves a parsed class file: its functions become hidden methods.
    pub fn compile_class(
        &mut self,
        id: ClassId,
        file: &SourceFile,
        path: PathBuf,
        source: Rc<str>,
    ) {
        classes::compile_class(self, id, file, path, source);
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

    /// Resolves a parsed entry as the body of method `id` with the named local slots
    /// of a previous entry kept in place (slot `i` is `locals[i]`): the REPL's
    /// persistent `$locals`.
    pub fn compile_with_locals(
        &mut self,
        id: MethodId,
        file: &SourceFile,
        source: Rc<str>,
        locals: &[Rc<str>],
    ) {
        resolve::compile_with_locals(self, id, file, source, locals);
    }

    /// The program compiled so far (to run entries while compiling more).
    pub fn program(&self) -> &Program {
        &self.prog
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

    /// Links the classes compiled so far and publishes the method names, keeping
    /// the compiler (the REPL compiles more after running).
    pub fn link(&mut self) {
        classes::link(self);
        for (k, &id) in &self.method_ids {
            self.prog.method_names.insert(k.clone(), id);
        }
        dynamic::snapshot(self);
    }

    pub fn finish(mut self) -> Program {
        classes::link(&mut self);
        for (k, &id) in &self.method_ids {
            self.prog.method_names.insert(k.clone(), id);
        }
        *self.prog.dynamic.names.get_mut() = ir::Names {
            method_ids: self.method_ids,
            process_ids: self.process_ids,
            inter_ids: self.inter_ids,
            class_ids: self.class_ids,
            structure: self.structure,
            known: self.known,
            process_vars: Vec::new(),
            inter_vars: Vec::new(),
        };
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
            array: None,
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
            array: None,
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

    /// The id of process variable `name` (created if new).
    pub fn process_var_id(&mut self, name: &str) -> u32 {
        self.process_var(name)
    }

    /// The id of interprocess variable `<>name` (created if new).
    pub fn inter_var_id(&mut self, name: &str) -> u32 {
        self.inter_var(name)
    }

    /// The variable information of a process (`inter` false) or interprocess variable.
    pub fn var_info_mut(&mut self, inter: bool, id: u32) -> &mut VarInfo {
        if inter {
            &mut self.prog.inter_vars[id as usize]
        } else {
            &mut self.prog.process_vars[id as usize]
        }
    }

    fn declare_inter(&mut self, id: u32, ty: VarType) {
        let v = &mut self.prog.inter_vars[id as usize];
        if v.ty == VarType::Undeclared {
            v.ty = ty;
        }
    }
}
