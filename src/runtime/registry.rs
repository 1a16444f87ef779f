//! The command registry's types: a command is a name, a function pointer and
//! which parameters it takes by reference ([`CommandDef`]); its arguments arrive
//! evaluated in [`Args`]. The command library (`commands/`, one table per theme)
//! declares its commands with [`cmd!`](crate::cmd) and registers itself here
//! ([`Library`]); the runtime calls commands and member functions only through
//! these tables, never by importing the library.

use super::error::{codes, err, RtResult};
use super::interp::Interp;
use super::value::{Ptr, Value};
use crate::syntax::ast::Marker;
use std::rc::Rc;

/// A command implementation.
pub type CmdFn = fn(&mut Interp<'_>, &mut Args) -> RtResult<Value>;

/// A command: its name, its function, and which parameters are passed by reference
/// (bit `i` set: parameter `i` is received as a pointer to the variable written).
pub struct CommandDef {
    pub name: &'static str,
    pub func: CmdFn,
    pub refs: u32,
}

impl std::fmt::Debug for CommandDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CommandDef({})", self.name)
    }
}

/// Declares a command in a theme table.
#[macro_export]
macro_rules! cmd {
    ($name:expr, $f:expr) => {
        $crate::runtime::registry::CommandDef {
            name: $name,
            func: $f,
            refs: 0,
        }
    };
    ($name:expr, $f:expr, refs = $r:expr) => {
        $crate::runtime::registry::CommandDef {
            name: $name,
            func: $f,
            refs: $r,
        }
    };
}

/// The evaluated arguments of a command call. Bare `*`, `>` and `<` markers are
/// removed from `vals` and recorded in `star` / `order`.
#[derive(Debug, Default)]
pub struct Args {
    pub vals: Vec<Value>,
    pub star: bool,
    pub order: Option<Marker>,
    /// Every bare `>`/`<` with the number of value arguments before it.
    pub markers: Vec<(u32, Marker)>,
    /// Returned by [`Args::get`] for missing arguments.
    pub undef: Value,
}

impl Args {
    pub fn len(&self) -> usize {
        self.vals.len()
    }
    pub fn is_empty(&self) -> bool {
        self.vals.is_empty()
    }
    pub fn get(&self, i: usize) -> &Value {
        self.vals.get(i).unwrap_or(&self.undef)
    }
    /// Takes argument `i` out (leaving undefined).
    pub fn take(&mut self, i: usize) -> Value {
        self.vals.get_mut(i).map(std::mem::take).unwrap_or_default()
    }
    pub fn require(&self, n: usize, cmd: &str) -> RtResult<()> {
        if self.vals.len() < n {
            return err(
                codes::BAD_ARG,
                format!("{}: missing parameter (expected at least {})", cmd, n),
            );
        }
        Ok(())
    }
    pub fn text(&self, i: usize, cmd: &str) -> RtResult<Rc<String>> {
        match self.get(i) {
            Value::Text(t) => Ok(t.clone()),
            Value::Undefined => Ok(crate::runtime::value::empty_text()),
            v => err(
                codes::TYPE_MISMATCH,
                format!(
                    "{}: parameter {} must be a text, got {}",
                    cmd,
                    i + 1,
                    v.type_name()
                ),
            ),
        }
    }
    pub fn num(&self, i: usize, cmd: &str) -> RtResult<f64> {
        match self.get(i) {
            Value::Int(n) => Ok(*n as f64),
            Value::Real(r) => Ok(*r),
            Value::Time(t) => Ok(*t as f64),
            Value::Undefined => Ok(0.0),
            v => err(
                codes::TYPE_MISMATCH,
                format!(
                    "{}: parameter {} must be a number, got {}",
                    cmd,
                    i + 1,
                    v.type_name()
                ),
            ),
        }
    }
    pub fn int(&self, i: usize, cmd: &str) -> RtResult<i64> {
        Ok(self.num(i, cmd)?.trunc() as i64)
    }
    pub fn opt_num(&self, i: usize, cmd: &str) -> RtResult<Option<f64>> {
        if i < self.vals.len() {
            Ok(Some(self.num(i, cmd)?))
        } else {
            Ok(None)
        }
    }
    pub fn ptr(&self, i: usize, cmd: &str) -> RtResult<Rc<Ptr>> {
        match self.get(i) {
            Value::Pointer(p) => Ok(p.clone()),
            v => err(
                codes::BAD_ARG,
                format!(
                    "{}: parameter {} must be a variable, got {}",
                    cmd,
                    i + 1,
                    v.type_name()
                ),
            ),
        }
    }
}

/// Sets the system variable `OK`.
pub fn set_ok(it: &mut Interp, ok: i32) {
    let id = super::process::OK_VAR as usize;
    if let Some(slot) = it.process.vars.get_mut(id) {
        *slot = Value::Int(ok);
    }
}

/// The names the resolver (`compile`) binds once, before anything runs: commands by
/// name and by number, constants, and which commands are pure numeric functions.
/// The command library installs its table with [`install_names`]
/// (`commands::register`), as it installs its member functions; the compiler reads
/// it through [`names`] and never imports the library.
pub struct Names {
    /// The implemented command with this name (case-insensitive).
    pub by_name: fn(&str) -> Option<&'static CommandDef>,
    /// The implemented command with this number (`Name:Cnnn`).
    pub by_number: fn(u32) -> Option<&'static CommandDef>,
    /// The value of a named constant (`Is text`, `Pi`...).
    pub constant: fn(&str) -> Option<Value>,
    /// The value of a tokenized constant (`Is text:K8:3`: group 8, index 3), else by name.
    pub constant_token: fn(&str, u32, u32) -> Option<Value>,
    /// Whether `name` with this many arguments is a pure numeric function (`Mod`, `Abs`...).
    pub pure_numeric: fn(&str, usize) -> bool,
}

static NAMES: std::sync::OnceLock<Names> = std::sync::OnceLock::new();

/// Installs the command library's names (the first installation wins).
pub fn install_names(names: Names) {
    let _ = NAMES.set(names);
}

/// The installed names. Every host installs the command library before it compiles
/// anything (`fourd::commands::register()`); compiling without it is a bug of the
/// host, not of the 4D code, hence the panic.
pub fn names() -> &'static Names {
    NAMES
        .get()
        .expect("the command library is not registered: call fourd::commands::register() first")
}

/// Whether the command library has been installed.
pub fn names_installed() -> bool {
    NAMES.get().is_some()
}
