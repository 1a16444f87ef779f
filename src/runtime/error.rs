//! Runtime errors: a 4D-style numeric code, a message, where it happened (method
//! and byte offset) and the call chain. Rendered once, at the edge (`run.rs`).
//!
//! 4D's own runtime error numbers are not published in the docs we follow
//! (LANGUAGE.md §11), so fourd uses its own table:
//!
//! | code | meaning |
//! |------|---------|
//! | 1    | type mismatch: an operator or a command got values of the wrong type |
//! | 2    | incompatible assignment: the value does not fit the declared type |
//! | 3    | division by zero in `\` or `%` (integer operations; `/` gives INF) |
//! | 4    | index out of range (collection read, array element, `[[ ]]` character) |
//! | 5    | property access on null or on a non-object value |
//! | 6    | nil or invalid pointer dereferenced |
//! | 7    | not an array (an array command got a non-array variable) |
//! | 8    | bad argument: missing or invalid parameter of a command |
//! | 9    | invalid JSON text |
//! | 10   | unknown member function, or member function called on a wrong value |
//! | 20   | stack full (recursion too deep) |
//! | 30   | unknown method or name called |
//! | 31   | 4D command not implemented by fourd |
//! | 32   | unknown constant |
//! | 33   | language feature not supported by fourd (tables, classes, SQL...) |
//! | 34   | not enough memory (a text, array or collection would exceed fourd's size limit) |
//! | 35   | interrupted (Ctrl-C in the REPL) |
//! | 40   | unknown class (`cs.X` with no class file X, `Class extends` an unknown class) |
//! | 41   | read-only property: assigning a computed property that has no `Function set` |
//! | 42   | not a function: calling a property that holds no formula, or an unknown class function |
//! | 43   | `Super` used outside a class constructor or function, or with no parent function |
//! | 44   | unknown method name given as text (`EXECUTE METHOD`, `ON ERR CALL`, callbacks) |
//! | 45   | code given as text could not be compiled (`Formula from string`, `EXECUTE FORMULA`: syntax error, text over 1 MB) |
//! | 46   | a shared object or collection written outside `Use ... End use` |
//! | 47   | deadlock: a process waits for something no other process can ever do |
//! | 48   | circular reference: an object or collection contains itself (JSON, `String`, copies, process parameters, `Storage`) |
//! | 49   | internal error: an unexpected failure inside a command, reported instead of ending the run |
//! | 50   | syntax error: the method called has syntax errors (reported when the project loaded) |
//! | 60   | XML DOM: invalid XML element reference (not issued, closed document, removed element) |
//! | 61   | XML DOM: malformed XML (the parser's message; `XML GET ERROR` gives line and column) |
//! | 62   | XML DOM: element or attribute not found where the command's docs make it an error |
//! | 63   | XML DOM: invalid XML name, XPath, option or argument |
//! | 64   | XML DOM: a document file cannot be read or written |
//! | -10518 | `ASSERT` / `Asserted` failed (message "Assert failed: ..."), 4D's own code |
//! | any  | `throw(code...)`: the code given (`-1` when a thrown object has no `errCode`) |
//!
//! Errors raised by fourd have the component signature `4DRT`; thrown errors `host`
//! unless the thrown object says otherwise.

/// The error codes of the table above.
pub mod codes {
    pub const TYPE_MISMATCH: i32 = 1;
    pub const BAD_ASSIGN: i32 = 2;
    pub const DIV_ZERO: i32 = 3;
    pub const OUT_OF_RANGE: i32 = 4;
    pub const NULL_ACCESS: i32 = 5;
    pub const NIL_POINTER: i32 = 6;
    pub const NOT_ARRAY: i32 = 7;
    pub const BAD_ARG: i32 = 8;
    pub const BAD_JSON: i32 = 9;
    pub const BAD_MEMBER: i32 = 10;
    pub const STACK_FULL: i32 = 20;
    pub const UNKNOWN_NAME: i32 = 30;
    pub const NOT_IMPLEMENTED: i32 = 31;
    pub const UNKNOWN_CONSTANT: i32 = 32;
    pub const UNSUPPORTED: i32 = 33;
    pub const NO_MEMORY: i32 = 34;
    pub const INTERRUPTED: i32 = 35;
    pub const UNKNOWN_CLASS: i32 = 40;
    pub const READ_ONLY: i32 = 41;
    pub const NOT_A_FUNCTION: i32 = 42;
    pub const BAD_SUPER: i32 = 43;
    pub const UNKNOWN_METHOD_TEXT: i32 = 44;
    pub const BAD_FORMULA_TEXT: i32 = 45;
    /// A shared object or collection written outside `Use ... End use`.
    pub const SHARED_NOT_LOCKED: i32 = 46;
    /// A process waits for something no other process can ever do.
    pub const DEADLOCK: i32 = 47;
    /// An object or collection that contains itself, met by a walk that cannot
    /// handle it (runtime::graph).
    pub const CIRCULAR: i32 = 48;
    /// An unexpected failure (a Rust panic) inside a command, turned into an error.
    pub const INTERNAL: i32 = 49;
    /// A method with syntax errors was called (`compile::on_demand`).
    pub const SYNTAX_ERROR: i32 = 50;
    pub const ASSERT_FAILED: i32 = -10518;
    /// Largest number of elements of an array or collection, and of bytes of a text.
    pub const MAX_SIZE: usize = 1 << 28;
}

/// A location: method id and byte offset in its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub method: u32,
    pub offset: u32,
}

#[derive(Debug, Clone)]
pub struct RtError {
    pub code: i32,
    pub message: String,
    /// Where the error happened (filled by the statement that failed).
    pub loc: Option<Loc>,
    /// The callers, innermost first (method and offset of the call).
    pub chain: Vec<Loc>,
    /// The component signature (`4DRT` for fourd's own errors, `host` for `throw`).
    pub signature: std::rc::Rc<str>,
    /// `throw(object)`: the object (returned as is by `Last errors`).
    pub object: Option<crate::runtime::value::Obj>,
    /// Raised by `ABORT`: stops everything silently, never caught nor handled.
    pub abort: bool,
    /// An error in an error handler: 4D handles it itself (uncaught, stops).
    pub fatal: bool,
    /// The errors a handler re-threw with a bare `throw` (deferred), kept for
    /// `Last errors` of whoever catches this one.
    pub stack: Vec<RtError>,
}

/// Errors are boxed so that `Result<Value, _>` stays small.
pub type RtResult<T> = Result<T, Box<RtError>>;

pub fn err<T>(code: i32, message: impl Into<String>) -> RtResult<T> {
    Err(rt_error(code, message))
}

pub fn rt_error(code: i32, message: impl Into<String>) -> Box<RtError> {
    Box::new(RtError {
        code,
        message: message.into(),
        loc: None,
        chain: Vec::new(),
        signature: std::rc::Rc::from("4DRT"),
        object: None,
        abort: false,
        fatal: false,
        stack: Vec::new(),
    })
}

/// `path:line:col: error CODE: message` then the call chain, one line per method.
pub fn render_error(prog: &crate::compile::ir::Program, e: &RtError) -> String {
    let mut s = String::new();
    let loc_of = |l: crate::runtime::error::Loc| {
        let m = prog
            .method(l.method)
            .unwrap_or(&prog.methods[(l.method as usize).min(prog.methods.len() - 1)]);
        let (line, col) = crate::syntax::diagnostics::line_col(&m.source, l.offset as usize);
        (m, line, col)
    };
    match e.loc {
        Some(l) => {
            let (m, line, col) = loc_of(l);
            s.push_str(&format!(
                "{}:{}:{}: error {}: {}\n",
                m.path.display(),
                line,
                col,
                e.code,
                e.message
            ));
            s.push_str(&format!("  in {} line {}\n", m.name, line));
        }
        None => s.push_str(&format!("error {}: {}\n", e.code, e.message)),
    }
    // identical consecutive callers (runaway recursion) are shown once with a count
    let mut i = 0;
    while i < e.chain.len() {
        let l = e.chain[i];
        let mut n = 1;
        while i + n < e.chain.len() && e.chain[i + n] == l {
            n += 1;
        }
        let (m, line, _) = loc_of(l);
        if n > 1 {
            s.push_str(&format!(
                "  called from {} line {} ({} times)\n",
                m.name, line, n
            ));
        } else {
            s.push_str(&format!("  called from {} line {}\n", m.name, line));
        }
        i += n;
    }
    s
}
